/* Reading a 60-page slip opinion from its PDF as the app does (in the separate
 * process, the answer read back, the opinion analyzed) against pdftotext of the same
 * file in the same run; the reading in this process alone for comparison. Each is
 * timed by the clock and by the processor time it took (this process's and its
 * children's), which another program's load on the machine changes much less. */

#include "config.h"

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "cb-opinion.h"
#include "cb-pdf-fixtures.h"
#include "cb-pdf-import.h"

#define RUNS 15
#define PAGES 60

/* Milliseconds of processor, user and system, of this process and of the children it
 * has waited for. */
static double
processor_ms (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return (self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec + children.ru_stime.tv_sec) * 1e3 +
         (self.ru_utime.tv_usec + self.ru_stime.tv_usec + children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pdf = cb_fixture_slip_opinion (PAGES);
  g_autofree char *path = cb_bench_write_temp ("slip.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autofree char *text_path = g_strconcat (path, ".txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *pdftotext[] = { "pdftotext", path, text_path, NULL };
  double app[RUNS], here[RUNS], peer[RUNS];
  double app_cpu[RUNS], here_cpu[RUNS], peer_cpu[RUNS];
  gsize length = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbOpinion) opinion = NULL;
      g_autoptr(CbOpinion) in_process = NULL;
      gint64 start;
      double cpu;

      /* Alternated, so that neither has the warmer caches. */
      cpu = processor_ms ();
      peer[run] = cb_bench_run_command (pdftotext) * 1e3;
      peer_cpu[run] = processor_ms () - cpu;
      if (peer[run] < 0)
        g_error ("pdftotext failed");

      cpu = processor_ms ();
      start = g_get_monotonic_time ();
      opinion = cb_opinion_import_file (file, NULL, &error);
      if (opinion == NULL)
        g_error ("%s", error->message);
      app[run] = (g_get_monotonic_time () - start) / 1e3;
      app_cpu[run] = processor_ms () - cpu;
      length = cb_opinion_get_length (opinion);

      cpu = processor_ms ();
      start = g_get_monotonic_time ();
      in_process = cb_pdf_read_bytes (pdf, "slip.pdf", NULL, NULL, NULL, &error);
      if (in_process == NULL)
        g_error ("%s", error->message);
      here[run] = (g_get_monotonic_time () - start) / 1e3;
      here_cpu[run] = processor_ms () - cpu;
    }

  g_print ("slip opinion: %u pages, %.0f kB of PDF, %" G_GSIZE_FORMAT " characters of text\n",
           PAGES, g_bytes_get_size (pdf) / 1e3, length);
  cb_bench_report ("import 60-page slip opinion PDF", "ms", app, RUNS, "pdftotext", cb_bench_median (peer, RUNS));
  cb_bench_report ("import 60-page slip opinion PDF, processor time", "ms", app_cpu, RUNS, "pdftotext",
                   cb_bench_median (peer_cpu, RUNS));
  cb_bench_report ("read 60-page PDF in process (no helper)", "ms", here, RUNS, "pdftotext",
                   cb_bench_median (peer, RUNS));
  cb_bench_report ("read 60-page PDF in process, processor time", "ms", here_cpu, RUNS, "pdftotext",
                   cb_bench_median (peer_cpu, RUNS));
  g_unlink (text_path);
  g_unlink (path);
  return 0;
}
