/* The shell's first words with casebrief: --help, --version and help, without a display
 * and without the settings schema; one clear line for an unknown command, option or
 * word, a missing file, an empty opinion; new --citation. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-brief.h"
#include "cb-test.h"

/* An environment without Casebrief's settings schema anywhere: no schema dir of the
 * build, no system data dirs. */
typedef struct
{
  char *dir;
  char *schemas;
  char *data_dirs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("casebrief-usage-XXXXXX", NULL);
  fixture->schemas = g_strdup_printf ("GSETTINGS_SCHEMA_DIR=%s", fixture->dir);
  fixture->data_dirs = g_strdup_printf ("XDG_DATA_DIRS=%s", fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->schemas);
  g_free (fixture->data_dirs);
}

/* Runs the built casebrief in @fixture's folder, without a display or its settings. */
static int
run (Fixture    *fixture,
     CbTestRun  *result,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *env[] = { fixture->schemas, fixture->data_dirs, NULL };
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEBRIEF"));
  va_start (args, result);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  result->status = cb_test_run (fixture->dir, env, (const char * const *) argv->pdata, &result->out, &result->err);
  return result->status;
}

static void
test_help_and_version (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *asks[] = { "--help", "-h", "help" };
  const char *commands[] = { "new", "check", "export", "inspect", "help" };
  g_auto(CbTestRun) version = { 0 };
  g_auto(CbTestRun) command_help = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      g_auto(CbTestRun) help = { 0 };

      g_assert_cmpint (run (fixture, &help, asks[i], NULL), ==, 0);
      g_assert_cmpstr (help.err, ==, "");
      g_assert_true (g_str_has_prefix (help.out, "Usage:\n  casebrief [FILE…]\n  casebrief COMMAND [OPTION…]\n"));
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *row = g_strdup_printf ("\n  %-9s ", commands[c]);

          g_assert_nonnull (strstr (help.out, row));
        }
      /* The command the window runs to read a PDF is not one for people. */
      g_assert_null (strstr (help.out, "read-pdf"));
      g_assert_nonnull (strstr (help.out, "--version"));
    }

  g_assert_cmpint (run (fixture, &version, "--version", NULL), ==, 0);
  g_assert_cmpstr (version.out, ==, "casebrief " PACKAGE_VERSION "\n");
  g_assert_cmpstr (version.err, ==, "");

  /* help COMMAND is the command's own help. */
  g_assert_cmpint (run (fixture, &command_help, "help", "new", NULL), ==, 0);
  g_assert_nonnull (strstr (command_help.out, "--citation=CITATION"));
  g_assert_nonnull (strstr (command_help.out, "--template=TEMPLATE"));
}

static void
test_unknown_words (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { const char *arg, *extra; int status; const char *err; } cases[] = {
    { "frobnicate", NULL, 2, "casebrief: “frobnicate” is no command and no file (see casebrief --help)\n" },
    { "--frobnicate", NULL, 2, "casebrief: unknown option “--frobnicate” (see casebrief --help)\n" },
    { "missing.brief", NULL, 1, "casebrief: missing.brief: no such file\n" },
    { "folder/missing.txt", NULL, 1, "casebrief: folder/missing.txt: no such file\n" },
    { "help", "nope", 2, "casebrief: unknown command “nope” (see casebrief --help)\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CbTestRun) result = { 0 };

      g_assert_cmpint (run (fixture, &result, cases[i].arg, cases[i].extra, NULL), ==, cases[i].status);
      g_assert_cmpstr (result.err, ==, cases[i].err);
      g_assert_cmpstr (result.out, ==, "");
    }
}

/* A file to open, without the settings the window needs: a line that says so, no abort. */
static void
test_window_without_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *opinion = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                               "davidson-v-cannon.txt", NULL);
  g_auto(CbTestRun) result = { 0 };

  g_assert_cmpint (run (fixture, &result, opinion, NULL), ==, 1);
  g_assert_cmpstr (result.err, ==,
                   "casebrief: the settings of io.github.casebrief.Casebrief are not installed: install Casebrief, "
                   "or start it with build-aux/dev run\n");
}

static void
test_empty_opinion (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { const char *name, *contents; } files[] = {
    { "empty.txt", "" },
    { "blank.txt", "  \n\n\t \n" },
    { "empty.html", "<html><head><title>Nothing</title></head><body>  </body></html>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, files[i].name, NULL);
      g_autofree char *expected = g_strdup_printf ("casebrief: %s: the file is empty; there is no opinion in it\n",
                                                   files[i].name);
      g_autofree char *out = g_build_filename (fixture->dir, "out.brief", NULL);
      g_auto(CbTestRun) inspect = { 0 };
      g_auto(CbTestRun) made = { 0 };

      g_assert_true (g_file_set_contents (path, files[i].contents, -1, NULL));
      g_assert_cmpint (run (fixture, &inspect, "inspect", files[i].name, NULL), ==, 1);
      g_assert_cmpstr (inspect.err, ==, expected);
      g_assert_cmpstr (inspect.out, ==, "");
      g_assert_cmpint (run (fixture, &made, "new", "--template", "default", "--opinion", files[i].name,
                            "-o", "out.brief", NULL), ==, 1);
      g_assert_cmpstr (made.err, ==, expected);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_new_citation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *opinion = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                               "davidson-v-cannon.txt", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "cited.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_auto(CbTestRun) made = { 0 };
  g_auto(CbTestRun) check = { 0 };

  g_assert_cmpint (run (fixture, &made, "new", "--template", "default", "--opinion", opinion,
                        "--citation", " 474 U.S. 344, 106 S. Ct. 668 ", "-o", "cited.brief", NULL), ==, 0);
  g_assert_cmpstr (made.err, ==, "");
  brief = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "474 U.S. 344, 106 S. Ct. 668");

  /* Its sections are empty, but it names its citation. */
  run (fixture, &check, "check", "cited.brief", NULL);
  g_assert_nonnull (strstr (check.out, "incomplete  missing: Facts, Issue, Holding, Reasoning\n"));
  g_assert_null (strstr (check.out, "citation"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/help-and-version", Fixture, NULL, fixture_set_up, test_help_and_version, fixture_tear_down);
  g_test_add ("/cli/unknown-words", Fixture, NULL, fixture_set_up, test_unknown_words, fixture_tear_down);
  g_test_add ("/cli/window-without-settings", Fixture, NULL, fixture_set_up, test_window_without_settings,
              fixture_tear_down);
  g_test_add ("/cli/empty-opinion", Fixture, NULL, fixture_set_up, test_empty_opinion, fixture_tear_down);
  g_test_add ("/cli/new-citation", Fixture, NULL, fixture_set_up, test_new_citation, fixture_tear_down);

  return g_test_run ();
}
