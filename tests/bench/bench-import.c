/* Import speed of the 1 MB opinion (page map, footnotes, citations), and quote search
 * on it. */

#include "config.h"

#include <string.h>

#include "bench-common.h"
#include "cb-opinion.h"

#define RUNS 9
#define LOOKUPS 2000

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = cb_bench_build_opinion_text ();
  gsize size = strlen (text);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, size);
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  double import_rates[RUNS], find_times[RUNS];
  GRand *rand = g_rand_new_with_seed (42);
  gsize n_marks;
  guint found = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;

      /* Freeing the last run's opinion is not part of importing this one. */
      g_clear_object (&opinion);
      start = g_get_monotonic_time ();
      opinion = cb_opinion_import_bytes (bytes, "bench.txt", &error);
      if (opinion == NULL)
        g_error ("%s", error->message);
      import_rates[run] = size / 1e6 / ((g_get_monotonic_time () - start) / 1e6);
    }

  /* Quotes of 40 to 120 characters from anywhere in the opinion, as a reader copies them. */
  for (guint i = 0; i < LOOKUPS; i++)
    {
      gsize length = cb_opinion_get_length (opinion);
      gsize start = g_rand_int_range (rand, 0, length - 200);
      gsize span = g_rand_int_range (rand, 40, 120);

      g_ptr_array_add (quotes, cb_opinion_quote_text (opinion, start, start + span));
    }
  g_rand_free (rand);

  /* The first search builds the index; it is part of the first run. */
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      found = 0;
      for (guint i = 0; i < quotes->len; i++)
        {
          gsize s, e;

          found += cb_opinion_find_quote (opinion, g_ptr_array_index (quotes, i), 0, &s, &e);
        }
      find_times[run] = (g_get_monotonic_time () - start) / 1e3;
    }

  cb_opinion_get_page_marks (opinion, &n_marks);
  g_print ("opinion: %.2f MB, %" G_GSIZE_FORMAT " page markers, %u citations\n", size / 1e6,
           n_marks, cb_opinion_get_citations (opinion)->len);
  cb_bench_report ("import 1 MB opinion", "MB/s", import_rates, RUNS, NULL, 0);
  g_print ("find_quote: %u lookups, %u found, first run %.1f ms (with index)\n",
           LOOKUPS, found, find_times[0]);
  cb_bench_report ("find 2,000 quotes", "ms", find_times, RUNS, NULL, 0);
  return found == LOOKUPS ? 0 : 1;
}
