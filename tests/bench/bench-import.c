/* Import and quote-search speed on a 1 MB opinion built from the sample. */

#include "config.h"

#include <string.h>

#include "cb-opinion.h"

#define TARGET_BYTES (1024 * 1024)
#define RUNS 7
#define LOOKUPS 2000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* The sample's opinion (without its footnote) repeated, star pages numbered on. */
static char *
build_opinion (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) markers = g_regex_new ("\\*{1,3}[0-9]+ ", 0, 0, NULL);
  g_autofree char *body = NULL;
  GString *out = g_string_new (NULL);
  guint page = 2;
  char *end;

  if (!g_file_get_contents (path, &sample, NULL, &error))
    g_error ("%s", error->message);
  end = strstr (sample, "It is so ordered.");
  if (end != NULL)
    *end = '\0';
  body = g_regex_replace_literal (markers, sample, -1, 0, "", 0, NULL);

  while (out->len < TARGET_BYTES)
    {
      g_auto(GStrv) paragraphs = g_strsplit (body, "\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_string_append (out, paragraphs[i]);
          g_string_append_printf (out, " *%u **%u ", page, page + 1000);
          page++;
          g_string_append_c (out, '\n');
        }
    }
  g_string_append (out, "It is so ordered.\n");
  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = build_opinion ();
  gsize size = strlen (text);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, size);
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  double import_times[RUNS], find_times[RUNS];
  GRand *rand = g_rand_new_with_seed (42);
  guint found = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;

      g_clear_object (&opinion);
      opinion = cb_opinion_import_bytes (bytes, "bench.txt", &error);
      if (opinion == NULL)
        g_error ("%s", error->message);
      import_times[run] = (g_get_monotonic_time () - start) / 1e6;
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
      find_times[run] = (g_get_monotonic_time () - start) / 1e6;
    }

  g_print ("opinion: %.2f MB, %" G_GSIZE_FORMAT " page markers\n", size / 1e6,
           (gsize) ({ gsize n; cb_opinion_get_page_marks (opinion, &n); n; }));
  g_print ("import: median %.1f ms of %d runs, %.1f MB/s\n",
           median (import_times, RUNS) * 1e3, RUNS, size / 1e6 / median (import_times, RUNS));
  g_print ("find_quote: %u lookups, %u found, first run %.1f ms (with index), median %.1f ms\n",
           LOOKUPS, found, find_times[0] * 1e3, median (find_times, RUNS) * 1e3);
  return 0;
}
