/* Hostile files against what the command line reads and writes, as a user runs it:
 * files that are not files (FIFOs, devices), outputs that are one of the inputs,
 * names taken from files, and the caps on what is read. Every input is made by the
 * test. Each case checks the one-line message, the exit status, and that nothing on
 * disk changed but what the user named. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-test.h"

typedef struct
{
  char *dir;
} Fixture;

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_getenv ("CB_SOURCE_ROOT"));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
copy_into (Fixture    *fixture,
           const char *source,
           const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

/* A scratch folder with a good brief (good.brief) and a good opinion (good.txt). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *brief = source_path ("data", "samples", "davidson-v-cannon.brief", NULL);
  g_autofree char *opinion = source_path ("data", "opinions", "davidson-v-cannon.txt", NULL);

  fixture->dir = g_dir_make_tmp ("cb-hostile-io-XXXXXX", &error);
  g_assert_no_error (error);
  copy_into (fixture, brief, "good.brief");
  copy_into (fixture, opinion, "good.txt");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_file (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);

  return cb_test_dup_contents (path);
}

/* Runs casebrief in the fixture's folder. */
static void
run (Fixture    *fixture,
     CbTestRun        *result,
     const char *first_arg,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  result->status = cb_test_run_casebrief (fixture->dir, (const char * const *) args->pdata,
                                          &result->out, &result->err);
  g_test_message ("casebrief %s → %d: %s", first_arg, result->status, result->err);
}

/* Failed with status 1 and exactly @message on one line of stderr. */
static void
assert_refused (CbTestRun        *result,
                const char *message)
{
  g_autofree char *line = g_strdup_printf ("casebrief: %s\n", message);

  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpstr (result->err, ==, line);
}

static void
make_fifo (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

/* Files that are not files: each command reads the FIFO without waiting for a writer
 * that never comes (a blocking open would hang the test), refuses it by name, and
 * writes nothing. */
static void
test_fifo_inputs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(CbTestRun) inspect = { 0 };
  g_auto(CbTestRun) export = { 0 };
  g_auto(CbTestRun) new_opinion = { 0 };
  g_auto(CbTestRun) new_template = { 0 };
  g_autofree char *names = NULL;

  make_fifo (fixture, "pipe.txt");
  make_fifo (fixture, "pipe.brief");
  make_fifo (fixture, "pipe.brieftemplate");

  run (fixture, &inspect, "inspect", "pipe.txt", NULL);
  assert_refused (&inspect, "pipe.txt is not a regular file");
  run (fixture, &export, "export", "--pdf", "out.pdf", "pipe.brief", NULL);
  assert_refused (&export, "pipe.brief is not a regular file");
  run (fixture, &new_opinion, "new", "--template", "default", "--opinion", "pipe.txt", "-o", "a.brief", NULL);
  assert_refused (&new_opinion, "pipe.txt is not a regular file");
  run (fixture, &new_template, "new", "--template", "pipe.brieftemplate", "--opinion", "good.txt",
       "-o", "a.brief", NULL);
  assert_refused (&new_template, "pipe.brieftemplate is not a regular file");

  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "good.brief good.txt pipe.brief pipe.brieftemplate pipe.txt");
}

/* check reports the FIFO in its row and goes on with the good brief. */
static void
test_check_fifo_and_good (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(CbTestRun) check = { 0 };
  g_auto(GStrv) lines = NULL;

  make_fifo (fixture, "fifo.brief");
  run (fixture, &check, "check", "fifo.brief", "good.brief", NULL);
  g_assert_cmpstr (check.err, ==, "");
  lines = g_strsplit (check.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "fifo.brief "));
  g_assert_true (g_str_has_suffix (lines[1], "unreadable  fifo.brief is not a regular file"));
  g_assert_true (g_str_has_prefix (lines[2], "good.brief "));
  g_assert_nonnull (strstr (lines[2], "Davidson v. Cannon"));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_cmpint (check.status, ==, 2);
}

/* /dev/zero and /dev/full never end: refused by what they are, never read. */
static void
test_device_inputs (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *devices[] = { "/dev/zero", "/dev/full", NULL };

  for (guint i = 0; devices[i] != NULL; i++)
    {
      g_auto(CbTestRun) inspect = { 0 };
      g_auto(CbTestRun) export = { 0 };
      g_auto(CbTestRun) check = { 0 };
      g_auto(CbTestRun) new_template = { 0 };
      g_autofree char *name = g_path_get_basename (devices[i]);
      g_autofree char *message = g_strdup_printf ("%s is not a regular file", name);
      g_autofree char *row_end = g_strdup_printf ("unreadable  %s\n", message);
      g_autofree char *names = NULL;

      if (!g_file_test (devices[i], G_FILE_TEST_EXISTS))
        continue;
      run (fixture, &inspect, "inspect", devices[i], NULL);
      assert_refused (&inspect, message);
      run (fixture, &export, "export", "--pdf", "out.pdf", devices[i], NULL);
      assert_refused (&export, message);
      run (fixture, &new_template, "new", "--template", devices[i], "--opinion", "good.txt", "-o", "a.brief", NULL);
      assert_refused (&new_template, message);
      run (fixture, &check, "check", devices[i], NULL);
      g_assert_true (g_str_has_suffix (check.out, row_end));
      g_assert_cmpint (check.status, ==, 2);

      names = cb_test_list_dir (fixture->dir);
      g_assert_cmpstr (names, ==, "good.brief good.txt");
    }
}

/* An export onto the brief it exports is refused, whatever name reaches the brief. */
static void
test_export_onto_input (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = read_file (fixture, "good.brief");
  g_autofree char *good = fixture_path (fixture, "good.brief");
  g_autofree char *hard = fixture_path (fixture, "hard.pdf");
  g_autofree char *soft = fixture_path (fixture, "soft.pdf");
  const struct { const char *out; const char *brief; } cases[] = {
    { "good.brief", "good.brief" },
    { "./good.brief", "good.brief" },
    { good, "good.brief" },
    { "soft.pdf", "good.brief" },
    { "hard.pdf", "good.brief" },
    { "good.brief", "soft.pdf" },
  };

  g_assert_cmpint (link (good, hard), ==, 0);
  g_assert_cmpint (symlink ("good.brief", soft), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CbTestRun) export = { 0 };
      g_autofree char *message = g_strdup_printf ("%s is the same file as %s; give the PDF another name",
                                                  cases[i].out, cases[i].brief);
      g_autofree char *after = NULL;

      run (fixture, &export, "export", "--pdf", cases[i].out, cases[i].brief, NULL);
      assert_refused (&export, message);
      after = read_file (fixture, "good.brief");
      g_assert_cmpstr (after, ==, before);
    }
  {
    g_autofree char *names = cb_test_list_dir (fixture->dir);

    g_assert_cmpstr (names, ==, "good.brief good.txt hard.pdf soft.pdf");
  }
}

/* An export onto a FIFO or a device node is refused; the node stays what it was. */
static void
test_export_onto_special (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(CbTestRun) fifo = { 0 };
  g_autofree char *fifo_path = fixture_path (fixture, "fifo.pdf");
  g_autofree char *device_path = fixture_path (fixture, "device.pdf");
  g_autofree char *message = g_strdup_printf ("Could not save %s: it is not a regular file", fifo_path);
  struct stat st;

  make_fifo (fixture, "fifo.pdf");
  run (fixture, &fifo, "export", "--pdf", "fifo.pdf", "good.brief", NULL);
  assert_refused (&fifo, message);
  g_assert_cmpint (lstat (fifo_path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A device node of the test's own, a copy of /dev/null (only root may make one). */
  if (mknod (device_path, S_IFCHR | 0600, makedev (1, 3)) == 0)
    {
      g_auto(CbTestRun) device = { 0 };
      g_autofree char *device_message = g_strdup_printf ("Could not save %s: it is not a regular file",
                                                         device_path);

      run (fixture, &device, "export", "--pdf", "device.pdf", "good.brief", NULL);
      assert_refused (&device, device_message);
      g_assert_cmpint (lstat (device_path, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_unlink (device_path);
    }
  {
    g_autofree char *names = cb_test_list_dir (fixture->dir);

    g_assert_cmpstr (names, ==, "fifo.pdf good.brief good.txt");
  }
}

/* A temporary a killed export left beside OUT is removed by the next export to OUT. */
static void
test_export_removes_stale_temporary (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto(CbTestRun) export = { 0 };
  g_autofree char *stale = fixture_path (fixture, ".out.pdf.5eed1e55.cbpart");
  g_autofree char *names = NULL;
  g_autofree char *pdf = NULL;

  g_assert_true (g_file_set_contents (stale, "%PDF-1.5 cut off", -1, NULL));
  run (fixture, &export, "export", "--pdf", "out.pdf", "good.brief", NULL);
  g_assert_cmpint (export.status, ==, 0);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "good.brief good.txt out.pdf");
  pdf = read_file (fixture, "out.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

/* new with -o naming its own opinion or template is refused, --force or not. */
static void
test_new_onto_input (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *opinion_before = read_file (fixture, "good.txt");
  g_autofree char *template = source_path ("data", "templates", "irac.brieftemplate", NULL);
  g_auto(CbTestRun) onto_opinion = { 0 };
  g_auto(CbTestRun) onto_template = { 0 };
  g_autofree char *opinion_after = NULL;
  g_autofree char *template_before = NULL;
  g_autofree char *template_after = NULL;

  copy_into (fixture, template, "irac.brieftemplate");
  template_before = read_file (fixture, "irac.brieftemplate");
  run (fixture, &onto_opinion, "new", "--template", "default", "--opinion", "good.txt",
       "-o", "./good.txt", "--force", NULL);
  assert_refused (&onto_opinion, "./good.txt is the same file as good.txt; give the assignment another name");
  run (fixture, &onto_template, "new", "--template", "irac.brieftemplate", "--opinion", "good.txt",
       "-o", "irac.brieftemplate", "--force", NULL);
  assert_refused (&onto_template,
                  "irac.brieftemplate is the same file as irac.brieftemplate; give the assignment another name");

  opinion_after = read_file (fixture, "good.txt");
  g_assert_cmpstr (opinion_after, ==, opinion_before);
  template_after = read_file (fixture, "irac.brieftemplate");
  g_assert_cmpstr (template_after, ==, template_before);
}

/* A template whose id is a path (relative or absolute) is refused by new, with a real
 * message (no GIO critical: fatal in these runs) and nothing written. */
static void
test_new_template_traversal_id (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *ids[] = { "../../../../tmp/escape", "/tmp/escape", NULL };

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_auto(CbTestRun) new = { 0 };
      g_autofree char *path = fixture_path (fixture, "evil.brieftemplate");
      g_autofree char *text = g_strdup_printf (
        "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"%s\">\n"
        "  <title>Evil</title>\n  <section id=\"facts\" required=\"true\"><title>Facts</title></section>\n"
        "</brieftemplate>\n", ids[i]);
      g_autofree char *message = g_strdup_printf (
        "evil.brieftemplate, line 1: the template id “%s” is not a plain name "
        "(letters, digits, “-”, “_” and “.”, not first; at most 64)", ids[i]);
      g_autofree char *names = NULL;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      run (fixture, &new, "new", "--template", "evil.brieftemplate", "--opinion", "good.txt",
           "-o", "a.brief", NULL);
      assert_refused (&new, message);
      names = cb_test_list_dir (fixture->dir);
      g_assert_cmpstr (names, ==, "evil.brieftemplate good.brief good.txt");
      g_assert_false (g_file_test ("/tmp/escape.brieftemplate", G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile-io/not-a-file/fifo", test_fifo_inputs);
  ADD ("/hostile-io/not-a-file/check-goes-on", test_check_fifo_and_good);
  ADD ("/hostile-io/not-a-file/devices", test_device_inputs);
  ADD ("/hostile-io/export/onto-input", test_export_onto_input);
  ADD ("/hostile-io/export/onto-fifo-or-device", test_export_onto_special);
  ADD ("/hostile-io/export/stale-temporary", test_export_removes_stale_temporary);
  ADD ("/hostile-io/new/onto-input", test_new_onto_input);
  ADD ("/hostile-io/paths/template-id", test_new_template_traversal_id);
#undef ADD

  return g_test_run ();
}
