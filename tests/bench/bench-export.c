/* Typesets and writes a brief of about 100 pages to PDF, side by side with LibreOffice
 * converting the same text (when it is installed). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "cb-brief-export.h"
#include "cb-brief-renderer.h"

#define RUNS 5
#define PEER_RUNS 3

/* The brief's text as a plain text file: titles and paragraphs, blank lines between. */
static char *
brief_as_text (CbBrief *brief)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", cb_brief_get_case_name (brief));
  for (guint s = 0; s < cb_brief_get_n_sections (brief); s++)
    {
      CbSection *section = cb_brief_get_section (brief, s);
      g_autofree char *text = cb_section_dup_plain_text (section);

      g_string_append_printf (out, "%s\n\n%s\n\n", cb_section_get_title (section), text);
    }
  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GFile) file = NULL;
  CbPageGeometry geometry;
  double times[RUNS], peer[PEER_RUNS];
  guint n_pages = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.pdf", NULL);
  file = g_file_new_for_path (path);
  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);
  brief = cb_bench_build_pages_brief (CB_BENCH_PRINT_PAGES, &n_pages);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!cb_brief_export_pdf (brief, file, &geometry, NULL, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1e3;
    }
  g_print ("brief: %u pages\n", n_pages);

  if (soffice == NULL)
    {
      g_print ("soffice is not installed: no LibreOffice figure\n");
      cb_bench_report ("export 100-page brief to PDF", "ms", times, RUNS, NULL, 0);
    }
  else
    {
      g_autofree char *install = NULL;
      g_autofree char *text_pdf = g_build_filename (dir, "brief.pdf", NULL);

      text = brief_as_text (brief);
      text_path = g_build_filename (dir, "brief.txt", NULL);
      g_file_set_contents (text_path, text, -1, &error);
      g_assert_no_error (error);
      profile = g_build_filename (dir, "lo-profile", NULL);
      install = g_strconcat ("-env:UserInstallation=file://", profile, NULL);

      /* The first start of a new profile sets it up; it is not timed. */
      for (int run = -1; run < PEER_RUNS; run++)
        {
          const char *argv_lo[] = { soffice, install, "--headless", "--convert-to", "pdf",
                                    "--outdir", dir, text_path, NULL };
          double seconds = cb_bench_run_command (argv_lo);

          if (seconds < 0)
            g_error ("soffice failed");
          if (run >= 0)
            peer[run] = seconds * 1e3;
        }
      g_unlink (text_pdf);
      cb_bench_report ("export 100-page brief to PDF", "ms", times, RUNS,
                       "libreoffice --convert-to pdf", cb_bench_median (peer, PEER_RUNS));
      {
        const char *rm[] = { "rm", "-rf", profile, NULL };

        cb_bench_run_command (rm);
      }
      g_unlink (text_path);
    }

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
