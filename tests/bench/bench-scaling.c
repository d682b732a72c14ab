/* How each reader's time and memory grow with the shapes that once grew faster than
 * their input (tests/bench/bench-shapes.c): each is read at a size N and at 2N, in a
 * process of its own for each run, which reports the time the reader took and the
 * memory it added at its peak. Twice the input may take at most 2.2 times as long, and
 * the memory a reader takes stays within the multiple of the input each row states. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-common.h"
#include "bench-shapes.h"
#include "cb-brief-export.h"
#include "cb-check.h"
#include "cb-opinion.h"

#define RUNS 5

typedef struct
{
  const char *name;             /* what the rows are called */
  const char *unit;             /* what N counts */
  guint n;
  guint memory_bound;           /* the most memory the reader may take, in inputs */
  GBytes *(*make) (guint n);
  void (*read) (GBytes *input);
} Shape;

typedef struct
{
  double ms;
  double kb;
} Sample;

/* The inputs, each as the bytes of a file. */

static GBytes *
take_string (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

static GBytes *make_nfd (guint n) { return take_string (cb_shape_nfd_text ((gsize) n << 20)); }
static GBytes *make_footnotes (guint n) { return take_string (cb_shape_footnote_runs ((gsize) n << 10)); }
static GBytes *make_attributes (guint n) { return take_string (cb_shape_html_attributes (n)); }
static GBytes *make_sections (guint n) { return cb_shape_brief_sections (n); }
static GBytes *make_runs (guint n) { return cb_shape_brief_runs (n); }
static GBytes *make_moved (guint n) { return cb_shape_brief_moved (n, NULL); }
static GBytes *make_typo (guint n) { return cb_shape_brief_typo (n); }
static GBytes *make_parallel (guint n) { return cb_shape_brief_parallel (n); }
static GBytes *make_idem (guint n) { return take_string (cb_shape_idem_text ((gsize) n << 20)); }

/* A class's names, one of them @n characters long: what the table is made from. */
static GBytes *
make_names (guint n)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < 500; i++)
    {
      if (i == 250)
        for (guint k = 0; k < n; k++)
          g_string_append_c (names, 'N');
      else
        g_string_append_printf (names, "Student %u", i);
      g_string_append_c (names, '\n');
    }
  return g_string_free_to_bytes (names);
}

/* The readers, as the commands run them. */

static void
read_opinion (GBytes     *input,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (input, name, &error);

  g_assert_no_error (error);
}

static void read_text (GBytes *input) { read_opinion (input, "bench.txt"); }
static void read_html (GBytes *input) { read_opinion (input, "bench.html"); }

static void
read_brief (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (input, "bench.brief", &error);

  g_assert_no_error (error);
}

/* casebrief export: the brief read, then typeset into a PDF. */
static void
export_brief (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (input, "bench.brief", &error);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cb-bench-scaling.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbPageGeometry geometry;

  g_assert_no_error (error);
  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);
  cb_brief_export_pdf (brief, file, &geometry, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
}

/* casebrief inspect --quote: the opinion read, and every place of the quote found. */
static void
quote_opinion (GBytes *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (input, "bench.txt", &error);
  g_autoptr(GArray) ranges = NULL;

  g_assert_no_error (error);
  ranges = cb_opinion_find_quote_all (opinion, "Id. Id.");
  g_assert (ranges->len > 0);
}

/* casebrief check's table of a class of 500: the briefs are read beforehand, as the
 * thread pool reads them; the table is what is timed. */
static GPtrArray *class_reports;

static void
prepare_class (GBytes *names)
{
  g_autofree char *text = cb_shape_opinion_text (2000);
  g_autoptr(GBytes) bytes = cb_shape_brief (text, "474 U.S. 344", "-", "", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "class.brief", &error);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (names, NULL), "\n", -1);

  g_assert_no_error (error);
  class_reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_check_report_free);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *file = g_strdup_printf ("brief-%03u.brief", i);

      cb_brief_set_student (brief, lines[i]);
      g_ptr_array_add (class_reports, cb_check_report_new_for_brief (brief, file));
    }
}

static void
format_table (GBytes *input)
{
  g_autofree char *table = cb_check_format_table (class_reports);

  g_assert (strlen (table) < 500 * 200);
}

static const Shape shapes[] = {
  { "decomposed (NFD) text", "MB", 4, 8, make_nfd, read_text },
  { "blank lines before footnote labels", "KB", 4096, 16, make_footnotes, read_text },
  { "one HTML element's attributes", "attributes", 1000000, 16, make_attributes, read_html },
  { "brief of many sections", "sections", 20000, 32, make_sections, read_brief },
  { "paragraph of many runs", "runs", 100000, 64, make_runs, read_brief },
  { "moved excerpts", "excerpts", 10000, 24, make_moved, read_brief },
  { "quote with one typo", "characters", 200000, 16, make_typo, read_brief },
  { "parallel citations and excerpts, export", "of each", 2500, 24, make_parallel, export_brief },
  { "check table, one long name", "characters", 2000000, 4, make_names, format_table },
  { "\"Id. \" repeated, inspect --quote", "MB", 8, 24, make_idem, quote_opinion },
};

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;
  return strtol (line + strlen (field), NULL, 10);
}

/* One run in a child process, so that each starts with the memory the input takes. */
static Sample
run_once (const Shape *shape,
          GBytes      *input)
{
  Sample sample = { 0, 0 };
  int fds[2];
  pid_t pid;

  g_assert (pipe (fds) == 0);
  pid = fork ();
  g_assert (pid >= 0);
  if (pid == 0)
    {
      long before = status_kb ("VmRSS:");
      gint64 start = g_get_monotonic_time ();

      shape->read (input);
      sample.ms = (g_get_monotonic_time () - start) / 1000.0;
      sample.kb = MAX (0, status_kb ("VmHWM:") - before);
      if (write (fds[1], &sample, sizeof sample) != sizeof sample)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  g_assert (read (fds[0], &sample, sizeof sample) == sizeof sample);
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return sample;
}

/* Runs the reader on inputs of @n and of 2 @n by turns, so that both sizes meet the
 * same load on a shared machine. */
static void
measure (const Shape *shape,
         guint        n,
         double      *ms,
         double      *ms2,
         double      *kb2,
         gsize       *input_bytes)
{
  g_autoptr(GBytes) input = shape->make (n);
  g_autoptr(GBytes) input2 = shape->make (n * 2);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) reports2 = NULL;

  if (shape->read == format_table)
    {
      prepare_class (input);
      reports = g_steal_pointer (&class_reports);
      prepare_class (input2);
      reports2 = g_steal_pointer (&class_reports);
    }
  *input_bytes = g_bytes_get_size (input2);
  for (guint run = 0; run < RUNS; run++)
    {
      Sample sample;

      class_reports = reports;
      sample = run_once (shape, input);
      ms[run] = sample.ms;
      class_reports = reports2;
      sample = run_once (shape, input2);
      ms2[run] = sample.ms;
      kb2[run] = sample.kb;
    }
  class_reports = NULL;
}

int
main (int   argc,
      char *argv[])
{
  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      const Shape *shape = &shapes[s];
      double ms[RUNS], ms2[RUNS], kb2[RUNS], mb2[RUNS];
      gsize bytes2;
      g_autofree char *time_path = NULL;
      g_autofree char *memory_path = NULL;
      g_autofree char *half = NULL;

      /* bench-scaling WORD… measures only the shapes whose names hold a word. */
      if (argc > 1)
        {
          gboolean wanted = FALSE;

          for (int a = 1; a < argc; a++)
            wanted = wanted || strstr (shape->name, argv[a]) != NULL;
          if (!wanted)
            continue;
        }

      /* A small read first, in this process: the runs, forked from it, find ready
       * what a first read sets up once (the schema, regular expressions, fonts). */
      {
        g_autoptr(GBytes) small = shape->make (MAX (shape->n / 100, 1));

        if (shape->read == format_table)
          prepare_class (small);
        shape->read (small);
        g_clear_pointer (&class_reports, g_ptr_array_unref);
      }
      measure (shape, shape->n, ms, ms2, kb2, &bytes2);
      for (guint run = 0; run < RUNS; run++)
        mb2[run] = kb2[run] / 1024;

      time_path = g_strdup_printf ("%s, %u %s: time", shape->name, shape->n * 2, shape->unit);
      half = g_strdup_printf ("the same at %u %s", shape->n, shape->unit);
      cb_bench_report (time_path, "ms", ms2, RUNS, half, cb_bench_median (ms, RUNS));
      memory_path = g_strdup_printf ("%s, %u %s: memory (at most %u times the input)",
                                     shape->name, shape->n * 2, shape->unit, shape->memory_bound);
      cb_bench_report (memory_path, "MB", mb2, RUNS, "input", bytes2 / 1024.0 / 1024.0);
    }
  return 0;
}
