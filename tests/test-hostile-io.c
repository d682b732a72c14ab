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

/* Files the app writes are files it reads: the caps */

/* good.brief with @extension put at the extension point in its metadata. */
static void
write_brief_with (Fixture    *fixture,
                  const char *name,
                  const char *extension)
{
  g_autofree char *good = read_file (fixture, "good.brief");
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GString) text = g_string_new (good);

  g_assert_cmpuint (g_string_replace (text, "  </metadata>", extension, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* new writes an assignment of a 12 MB opinion (a text node over libxml2's own limit)
 * that check and export then read: under the caps, everything is read. */
static void
test_big_opinion_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) opinion = g_string_new ("Big v. Small\n\n*100 ");
  g_autofree char *path = fixture_path (fixture, "big.txt");
  g_auto(CbTestRun) new = { 0 };
  g_auto(CbTestRun) check = { 0 };
  g_auto(CbTestRun) export = { 0 };
  guint page = 100;

  while (opinion->len < 12 * 1024 * 1024)
    {
      for (guint i = 0; i < 40; i++)
        g_string_append (opinion, "The court held that the statute reaches the conduct at issue. ");
      g_string_append_printf (opinion, "\n\n*%u ", ++page);
    }
  g_assert_true (g_file_set_contents (path, opinion->str, opinion->len, NULL));

  run (fixture, &new, "new", "--template", "default", "--opinion", "big.txt", "-o", "big.brief", NULL);
  g_assert_cmpint (new.status, ==, 0);
  run (fixture, &check, "check", "big.brief", NULL);
  g_assert_cmpstr (check.err, ==, "");
  g_assert_nonnull (strstr (check.out, "big.brief "));
  g_assert_nonnull (strstr (check.out, "  incomplete  missing: Facts, Issue, Holding, Reasoning; no citation\n"));
  g_assert_cmpint (check.status, ==, 1);
  run (fixture, &export, "export", "--pdf", "big.pdf", "big.brief", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpstr (export.err, ==, "");
}

/* An extension element with 30,000 attributes: refused before anything is built
 * (it once took gigabytes), by check in its row and by export. */
static void
test_cap_attributes_brief (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) extension = g_string_new ("    <ext:x xmlns:ext=\"https://example.org/ext\"");
  const char *message = "wide.brief, line 13: an element has more than 256 attributes, more than Casebrief reads";
  g_autofree char *row_end = g_strdup_printf ("unreadable  %s\n", message);
  g_auto(CbTestRun) check = { 0 };
  g_auto(CbTestRun) export = { 0 };
  g_autofree char *names = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (extension, " a%u=\"v\"", i);
  g_string_append (extension, "/>\n  </metadata>");
  write_brief_with (fixture, "wide.brief", extension->str);

  run (fixture, &check, "check", "wide.brief", "good.brief", NULL);
  g_assert_nonnull (strstr (check.out, row_end));
  g_assert_nonnull (strstr (check.out, "\ngood.brief "));
  g_assert_cmpint (check.status, ==, 2);
  run (fixture, &export, "export", "--pdf", "wide.pdf", "wide.brief", NULL);
  assert_refused (&export, message);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "good.brief good.txt wide.brief");
}

/* A template with 25,000 attributes on a section, through new. */
static void
test_cap_attributes_template (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (
    "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"wide\">\n"
    "  <title>Wide</title>\n  <section id=\"facts\" required=\"true\"");
  g_autofree char *path = fixture_path (fixture, "wide.brieftemplate");
  g_auto(CbTestRun) new = { 0 };

  for (guint i = 0; i < 25000; i++)
    g_string_append_printf (text, " b%u=\"1\"", i);
  g_string_append (text, "><title>Facts</title></section>\n</brieftemplate>\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  run (fixture, &new, "new", "--template", "wide.brieftemplate", "--opinion", "good.txt", "-o", "a.brief", NULL);
  assert_refused (&new, "wide.brieftemplate, line 3: an element has more than 256 attributes, more than Casebrief reads");
  g_assert_false (g_file_test ("a.brief", G_FILE_TEST_EXISTS));
}

/* More elements than a reader builds. */
static void
test_cap_elements (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) extension = g_string_new ("    <ext:many xmlns:ext=\"https://example.org/ext\">");
  g_auto(CbTestRun) check = { 0 };

  for (guint i = 0; i < 1000000; i++)
    g_string_append (extension, "<ext:i/>");
  g_string_append (extension, "</ext:many>\n  </metadata>");
  write_brief_with (fixture, "many.brief", extension->str);

  run (fixture, &check, "check", "many.brief", NULL);
  g_assert_true (g_str_has_suffix (check.out, "unreadable  many.brief, line 13: the file has more than 1000000 "
                                              "elements, more than Casebrief reads\n"));
  g_assert_cmpint (check.status, ==, 2);
}

/* A UTF-16 opinion with a U+0000 is refused as a UTF-8 one with a NUL is, not cut at it. */
static void
test_utf16_nul (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "Davidson v. Cannon\n\n*345 Petitioner sued prison officials.\n";
  g_autoptr(GByteArray) utf16 = g_byte_array_new ();
  g_autofree char *path = fixture_path (fixture, "nul16.txt");
  g_auto(CbTestRun) inspect = { 0 };
  g_auto(CbTestRun) new = { 0 };
  const guint8 bom[] = { 0xff, 0xfe };

  g_byte_array_append (utf16, bom, 2);
  for (const char *p = text; *p != '\0'; p++)
    {
      guint8 unit[2] = { (guint8) *p, 0 };

      g_byte_array_append (utf16, unit, 2);
      if (p - text == 10)
        {
          guint8 nul[2] = { 0, 0 };

          g_byte_array_append (utf16, nul, 2);
        }
    }
  g_assert_true (g_file_set_contents (path, (const char *) utf16->data, utf16->len, NULL));

  run (fixture, &inspect, "inspect", "nul16.txt", NULL);
  assert_refused (&inspect, "nul16.txt: the file is binary, not the text of an opinion");
  run (fixture, &new, "new", "--template", "default", "--opinion", "nul16.txt", "-o", "a.brief", NULL);
  assert_refused (&new, "nul16.txt: the file is binary, not the text of an opinion");
}

/* Control characters and U+FFFE in an opinion are normalized once, at import: the
 * assignment new writes passes its own checksum, so check does not call it edited. */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *good = read_file (fixture, "good.txt");
  g_autoptr(GString) opinion = g_string_new (good);
  g_autofree char *path = fixture_path (fixture, "controls.txt");
  g_autofree char *brief_path = fixture_path (fixture, "controls.brief");
  g_autoptr(GFile) brief_file = g_file_new_for_path (brief_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_auto(CbTestRun) new = { 0 };
  g_auto(CbTestRun) check = { 0 };
  g_auto(CbTestRun) csv = { 0 };
  const char *text;

  g_assert_cmpuint (g_string_replace (opinion, "Petitioner sued", "Peti\001tioner\033 sued\357\277\276", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (opinion, "James received", "\014James\357\277\277 received", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, opinion->str, opinion->len, NULL));

  run (fixture, &new, "new", "--template", "default", "--opinion", "controls.txt", "-o", "controls.brief", NULL);
  g_assert_cmpint (new.status, ==, 0);
  run (fixture, &check, "check", "controls.brief", NULL);
  g_assert_null (strstr (check.out, "edited"));
  g_assert_nonnull (strstr (check.out, "  incomplete  missing: Facts, Issue, Holding, Reasoning; no citation\n"));
  run (fixture, &csv, "check", "--csv", "controls.brief", NULL);
  g_assert_nonnull (strstr (csv.out, ",0,0,no,"));

  brief = cb_brief_load_file (brief_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cb_brief_get_opinion_checksum_mismatch (brief));
  text = cb_opinion_get_text (cb_brief_get_opinion (brief));
  g_assert_nonnull (strstr (text, "Petitioner sued prison"));
  g_assert_nonnull (strstr (text, "\nJames received"));
  g_assert_null (strchr (text, '\001'));
  g_assert_null (strchr (text, '\033'));
  g_assert_null (strchr (text, '\014'));
  g_assert_null (strstr (text, "\357\277\276"));
}

/* Nothing from a file reaches the terminal raw: not a file name, not a footnote's
 * text; and what is cut is cut at a character. */
static void
test_terminal_output (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = read_file (fixture, "good.txt");
  g_autoptr(GString) opinion = g_string_new (good);
  const char *evil_name = "evil\033]0;owned\007.txt";
  g_autofree char *path = fixture_path (fixture, evil_name);
  g_auto(CbTestRun) inspect = { 0 };
  g_auto(CbTestRun) missing = { 0 };
  g_auto(GStrv) lines = NULL;

  /* A footnote body whose 60th character is not ASCII, with a C1 control (an 8-bit
   * escape) and a right-to-left override in it. */
  g_assert_cmpuint (g_string_replace (opinion, "The note, addressed to a civilian hearing officer, said:",
                                      "The note, addressed \302\233to a \342\200\256civilian officer, said: "
                                      "éééééééééééééééééé", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, opinion->str, opinion->len, NULL));

  run (fixture, &inspect, "inspect", evil_name, NULL);
  g_assert_cmpint (inspect.status, ==, 0);
  g_assert_true (g_utf8_validate (inspect.out, -1, NULL));
  for (const char *p = inspect.out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '\n' || !g_unichar_iscntrl (c));
      g_assert_false (c == 0x202e);
    }
  g_assert_nonnull (strstr (inspect.out, "Source     evil ]0;owned .txt\n"));
  lines = g_strsplit (inspect.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "  *    "))
      g_assert_true (g_str_has_suffix (lines[i], "  The note, addressed  to a  civilian officer, said: ééééééééé…"));

  run (fixture, &missing, "inspect", "gone\033[2J.txt", NULL);
  assert_refused (&missing, "gone [2J.txt: no such file");
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
  ADD ("/hostile-io/caps/big-opinion-round-trip", test_big_opinion_round_trip);
  ADD ("/hostile-io/caps/attributes-brief", test_cap_attributes_brief);
  ADD ("/hostile-io/caps/attributes-template", test_cap_attributes_template);
  ADD ("/hostile-io/caps/elements", test_cap_elements);
  ADD ("/hostile-io/text/utf16-nul", test_utf16_nul);
  ADD ("/hostile-io/text/control-characters", test_control_characters);
  ADD ("/hostile-io/text/terminal-output", test_terminal_output);
#undef ADD

  return g_test_run ();
}
