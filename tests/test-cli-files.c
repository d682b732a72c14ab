/* The files the commands are given, as a user gives them: inspect of a brief (by the
 * opinion it embeds) and of a template (refused), new with a template of the user's own
 * or one installed for everyone named by its id, and each command's usage line. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-brief.h"
#include "cb-test.h"

#define TEMPLATE_NS "https://casebrief.github.io/ns/brieftemplate/1"

/* A folder of the test's own, with the user's and the system's data folders in it. */
typedef struct
{
  char *dir;
  char *data_home;
  char *data_dirs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("casebrief-files-XXXXXX", NULL);
  fixture->data_home = g_strdup_printf ("XDG_DATA_HOME=%s/home", fixture->dir);
  fixture->data_dirs = g_strdup_printf ("XDG_DATA_DIRS=%s/system", fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_home);
  g_free (fixture->data_dirs);
}

static int
run (Fixture    *fixture,
     CbTestRun  *result,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *env[] = { fixture->data_home, fixture->data_dirs, NULL };
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

static char *
source_path (const char *folder,
             const char *name)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", folder, name, NULL);
}

/* A template file with id @id in @folder (under the fixture's folder). */
static void
write_template (Fixture    *fixture,
                const char *folder,
                const char *id,
                const char *title)
{
  g_autofree char *dir = g_build_filename (fixture->dir, folder, "casebrief", "templates", NULL);
  g_autofree char *name = g_strconcat (id, ".brieftemplate", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"1.0\" id=\"%s\">\n"
    "  <title>%s</title>\n  <author>Prof. Ames</author>\n"
    "  <section id=\"duty\" required=\"true\"><title>Duty</title></section>\n"
    "  <section id=\"breach\" required=\"true\"><title>Breach</title></section>\n"
    "</brieftemplate>\n", id, title);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* A brief is inspected by the opinion it embeds, and says so; the same as the opinion. */
static void
test_inspect_brief (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *brief = source_path ("samples", "davidson-v-cannon.brief");
  g_autofree char *opinion = source_path ("opinions", "davidson-v-cannon.txt");
  g_autofree char *note = g_strdup_printf ("casebrief: %s is a brief: showing the opinion embedded in it\n", brief);
  g_auto(CbTestRun) of_brief = { 0 };
  g_auto(CbTestRun) of_opinion = { 0 };
  g_auto(CbTestRun) json = { 0 };
  g_auto(CbTestRun) quote = { 0 };

  g_assert_cmpint (run (fixture, &of_brief, "inspect", brief, NULL), ==, 0);
  g_assert_cmpstr (of_brief.err, ==, note);
  g_assert_cmpint (run (fixture, &of_opinion, "inspect", opinion, NULL), ==, 0);
  g_assert_cmpstr (of_brief.out, ==, of_opinion.out);
  g_assert_nonnull (strstr (of_brief.out, "\nLength     7714\n"));
  g_assert_null (strstr (of_brief.out, "<brief"));

  g_assert_cmpint (run (fixture, &json, "inspect", "--json", brief, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (json.out, "{\n  \"metadata\": {\n    \"source\": \"davidson-v-cannon.txt\",\n"));
  g_assert_cmpstr (json.err, ==, note);

  /* Pin cites as the brief gives them: by its citation. */
  g_assert_cmpint (run (fixture, &quote, "inspect", brief, "--quote", "left the note on his desk unread", NULL), ==, 0);
  g_assert_cmpstr (quote.out, ==, "474 U.S. at 345\n");
}

static void
test_inspect_template (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *template = source_path ("templates", "irac.brieftemplate");
  g_autofree char *expected = g_strdup_printf ("casebrief: %s is a template, not an opinion; "
                                               "inspect takes an opinion or a brief\n", template);
  g_auto(CbTestRun) inspect = { 0 };

  g_assert_cmpint (run (fixture, &inspect, "inspect", template, NULL), ==, 1);
  g_assert_cmpstr (inspect.out, ==, "");
  g_assert_cmpstr (inspect.err, ==, expected);
}

/* new finds a template by its id wherever the window finds it: the user's own and one
 * installed for everyone; an unknown id is told with the ids there are. */
static void
test_new_template_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *opinion = source_path ("opinions", "davidson-v-cannon.txt");
  const struct { const char *folder; const char *id; const char *title; } templates[] = {
    { "home", "torts-mini-brief", "Torts Mini Brief" },
    { "system", "department-brief", "Department Brief" },
  };
  g_auto(CbTestRun) unknown = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    write_template (fixture, templates[i].folder, templates[i].id, templates[i].title);
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *out = g_strconcat (templates[i].id, ".brief", NULL);
      g_autofree char *out_path = g_build_filename (fixture->dir, out, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (out_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CbBrief) brief = NULL;
      g_auto(CbTestRun) made = { 0 };

      g_assert_cmpint (run (fixture, &made, "new", "--template", templates[i].id, "--opinion", opinion,
                            "-o", out, NULL), ==, 0);
      g_assert_cmpstr (made.err, ==, "");
      brief = cb_brief_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cb_brief_get_template_id (brief), ==, templates[i].id);
      g_assert_cmpstr (cb_brief_get_template_title (brief), ==, templates[i].title);
      g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 2);
    }

  g_assert_cmpint (run (fixture, &unknown, "new", "--template", "torts", "--opinion", opinion,
                        "-o", "x.brief", NULL), ==, 1);
  g_assert_cmpstr (unknown.err, ==, "casebrief: no template file or template with the id “torts” "
                                    "(the templates are: classic, default, irac, torts-mini-brief, "
                                    "department-brief)\n");
}

/* Each command's usage line starts with its name, and names its files once. */
static void
test_usage_lines (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct { const char *command; const char *usage; } cases[] = {
    { "new", "Usage:\n  casebrief new [OPTION…] — make an assignment for students to brief\n" },
    { "check", "Usage:\n  casebrief check [OPTION…] BRIEF… — report which briefs are complete\n" },
    { "export", "Usage:\n  casebrief export [OPTION…] BRIEF — typeset a brief as PDF\n" },
    { "inspect", "Usage:\n  casebrief inspect [OPTION…] OPINION — show what Casebrief reads from an opinion "
                 "(of a .brief, the opinion it embeds)\n" },
  };
  g_auto(CbTestRun) new_help = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CbTestRun) help = { 0 };

      g_assert_cmpint (run (fixture, &help, cases[i].command, "--help", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (help.out, cases[i].usage));
    }
  run (fixture, &new_help, "new", "--help", NULL);
  g_assert_nonnull (strstr (new_help.out, "The opinion to brief (plain text, HTML, casebody XML or PDF)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/inspect/brief", Fixture, NULL, fixture_set_up, test_inspect_brief, fixture_tear_down);
  g_test_add ("/cli/inspect/template", Fixture, NULL, fixture_set_up, test_inspect_template, fixture_tear_down);
  g_test_add ("/cli/new/template-ids", Fixture, NULL, fixture_set_up, test_new_template_ids, fixture_tear_down);
  g_test_add ("/cli/usage-lines", Fixture, NULL, fixture_set_up, test_usage_lines, fixture_tear_down);

  return g_test_run ();
}
