/* Writes the benchmarks' inputs into a folder, for the benchmarks that run whole
 * programs (start-up and memory, beside GNOME Text Editor):
 *   opinion.txt   the 1 MB opinion
 *   big.brief     the brief on it, 2,000 excerpts and 50,000 words
 *   edited.brief  the same brief after its opinion was edited */
#include "config.h"

#include <string.h>

#include "bench-common.h"

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *opinion = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) edited = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s FOLDER\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  opinion = cb_bench_build_opinion_text ();
  write_file (argv[1], "opinion.txt", opinion, strlen (opinion));
  brief = cb_bench_build_brief ();
  saved = cb_brief_to_bytes (brief);
  write_file (argv[1], "big.brief", g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  edited = cb_bench_edit_brief (saved);
  write_file (argv[1], "edited.brief", g_bytes_get_data (edited, NULL), g_bytes_get_size (edited));
  return 0;
}
