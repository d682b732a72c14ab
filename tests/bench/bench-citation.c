#include "config.h"

#include <stdio.h>

#include "cb-citation.h"

/* Scans about 1 MB of opinion text (the sample, repeated) and reports the time per 100 KB. */
int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) citations = NULL;
  gint64 start;
  double ms;

  if (!g_file_get_contents (path, &sample, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while (text->len < 1024 * 1024)
    g_string_append (text, sample);

  g_ptr_array_unref (cb_citation_scan (sample));
  start = g_get_monotonic_time ();
  citations = cb_citation_scan (text->str);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  printf ("%u citations in %zu bytes: %.1f ms, %.2f ms per 100 KB\n",
          citations->len, text->len, ms, ms * 100 * 1024 / text->len);
  return 0;
}
