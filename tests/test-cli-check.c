/* casebrief new and casebrief check, run as a professor runs them: the built binary,
 * with no display, on files in a scratch directory. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-brief.h"
#include "cb-check.h"
#include "cb-test.h"

typedef struct
{
  char *dir;
  char *opinion_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cb-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->opinion_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->opinion_path);
}

/* Runs casebrief in the fixture's directory with no display and user dirs of its own. */
static void
run_casebrief (Fixture    *fixture,
               CbTestRun        *run,
               const char *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = g_build_filename (fixture->dir, ".data", NULL);
  g_autofree char *data_setting = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  const char *env[] = { data_setting, NULL };
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("CASEBRIEF"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run->status = cb_test_run (fixture->dir, env, (const char * const *) argv->pdata, &run->out, &run->err);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
make_assignment (Fixture    *fixture,
                 const char *name,
                 const char *student)
{
  g_auto(CbTestRun) run = { 0 };

  run_casebrief (fixture, &run, "new", "--template", "default", "--opinion", fixture->opinion_path,
                 "--student", student, "--case", "Davidson v. Cannon", "-o", name, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

static CbBrief *
load_brief (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CbBrief *brief = cb_brief_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return brief;
}

static void
save_brief (Fixture    *fixture,
            CbBrief    *brief,
            const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  cb_brief_save_file (brief, file, NULL, &error);
  g_assert_no_error (error);
}

static char *
words (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%sword", i > 0 ? " " : "");
  return g_string_free (text, FALSE);
}

/* Fills each section with @n_words words (the Issue with @issue_words). */
static void
fill_brief (Fixture    *fixture,
            const char *name,
            guint       n_words,
            guint       issue_words)
{
  g_autoptr(CbBrief) brief = load_brief (fixture, name);

  for (guint i = 0; i < cb_brief_get_n_sections (brief); i++)
    {
      CbSection *section = cb_brief_get_section (brief, i);
      gboolean issue = g_str_equal (cb_section_get_id (section), "issue");
      g_autofree char *text = words (issue ? issue_words : n_words);

      cb_section_set_plain_text (section, text);
    }
  /* The student names the case's citation, as a complete brief does. */
  cb_brief_set_citation (brief, "474 U.S. 344");
  save_brief (fixture, brief, name);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Splits RFC 4180 CSV into rows of fields, honouring quotes, doubled quotes and CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          quoted = TRUE;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          /* A bare LF outside quotes is not a record end in RFC 4180. */
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
csv_cell (GPtrArray  *rows,
          guint       row,
          const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), column))
      return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), i);
  g_error ("no CSV column “%s”", column);
}

static void
test_new_then_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_auto(CbTestRun) check = { 0 };
  g_auto(CbTestRun) lint = { 0 };
  g_auto(CbTestRun) complete = { 0 };
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(GFile) opinion_file = NULL;
  g_autofree char *rng = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "schema", "brief.rng", NULL);
  g_autofree char *out_path = fixture_path (fixture, "a.brief");
  g_autofree char *validates = g_strconcat (out_path, " validates\n", NULL);
  const char *titles[] = { "Facts", "Issue", "Holding", "Reasoning" };
  const char *lint_argv[] = { "xmllint", "--noout", "--relaxng", rng, out_path, NULL };
  g_autoptr(GError) error = NULL;

  run_casebrief (fixture, &run, "new", "--template", "default", "--opinion", fixture->opinion_path,
                 "--course", "Constitutional Law I", "--due", "2026-12-01",
                 "--instructions", "Brief the majority opinion.", "--student", "Ann Smith",
                 "--case", "Davidson v. Cannon", "--citation", "474 U.S. 344", "-o", "a.brief", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  /* The file a student receives is valid against the published schema. */
  g_assert_cmpint (cb_test_run (NULL, NULL, lint_argv, &lint.out, &lint.err), ==, 0);
  g_assert_cmpstr (lint.err, ==, validates);

  /* It is an assignment: the opinion embedded, sections empty, the details locked. */
  brief = load_brief (fixture, "a.brief");
  g_assert_cmpstr (cb_opinion_get_source_name (cb_brief_get_opinion (brief)), ==, "davidson-v-cannon.txt");
  opinion_file = g_file_new_for_path (fixture->opinion_path);
  opinion = cb_opinion_import_file (opinion_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (cb_brief_get_opinion (brief)), ==, cb_opinion_get_text (opinion));
  g_assert_cmpstr (cb_opinion_get_sha256 (cb_brief_get_opinion (brief)), ==, cb_opinion_get_sha256 (opinion));
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "default");
  g_assert_cmpstr (cb_brief_get_student (brief), ==, "Ann Smith");
  g_assert_cmpstr (cb_brief_get_case_name (brief), ==, "Davidson v. Cannon");
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "474 U.S. 344");
  g_assert_cmpstr (cb_brief_get_course (brief), ==, "Constitutional Law I");
  g_assert_cmpstr (cb_brief_get_due_date (brief), ==, "2026-12-01");
  g_assert_cmpstr (cb_brief_get_assignment_instructions (brief), ==, "Brief the majority opinion.");
  g_assert_true (cb_brief_get_locked (brief));
  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_assert_cmpstr (cb_section_get_title (cb_brief_get_section (brief, i)), ==, titles[i]);
      g_assert_true (cb_section_is_empty (cb_brief_get_section (brief, i)));
    }

  run_casebrief (fixture, &check, "check", "a.brief", NULL);
  g_assert_cmpstr (check.out, ==,
    "File     Student    Case                Status      Problems\n"
    "a.brief  Ann Smith  Davidson v. Cannon  incomplete  missing: Facts, Issue, Holding, Reasoning\n");
  g_assert_cmpstr (check.err, ==, "");
  g_assert_cmpint (check.status, ==, 1);

  fill_brief (fixture, "a.brief", 12, 12);
  run_casebrief (fixture, &complete, "check", "a.brief", NULL);
  g_assert_cmpstr (complete.out, ==,
    "File     Student    Case                Status    Problems\n"
    "a.brief  Ann Smith  Davidson v. Cannon  complete\n");
  g_assert_cmpint (complete.status, ==, 0);
}

static void
test_new_refuses_to_overwrite (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(CbTestRun) again = { 0 };
  g_auto(CbTestRun) forced = { 0 };
  g_autofree char *path = fixture_path (fixture, "a.brief");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CbBrief) brief = NULL;

  make_assignment (fixture, "a.brief", "Ann Smith");
  fill_brief (fixture, "a.brief", 5, 5);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  run_casebrief (fixture, &again, "new", "--template", "irac", "--opinion", fixture->opinion_path,
                 "-o", "a.brief", NULL);
  g_assert_cmpstr (again.err, ==, "casebrief: a.brief exists; use --force to replace it\n");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  run_casebrief (fixture, &forced, "new", "--template", "irac", "--opinion", fixture->opinion_path,
                 "-o", "a.brief", "--force", NULL);
  g_assert_cmpstr (forced.err, ==, "");
  g_assert_cmpint (forced.status, ==, 0);
  brief = load_brief (fixture, "a.brief");
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "irac");
  g_assert_false (cb_brief_get_locked (brief));
  g_assert_true (cb_section_is_empty (cb_brief_get_section (brief, 0)));
}

static void
test_new_from_template_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_autofree char *template = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "templates",
                                                "classic.brieftemplate", NULL);
  g_autoptr(CbBrief) brief = NULL;

  run_casebrief (fixture, &run, "new", "--template", template, "--opinion", fixture->opinion_path,
                 "-o", "classic.brief", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  brief = load_brief (fixture, "classic.brief");
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "classic");
  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 9);
  g_assert_cmpstr (cb_section_get_title (cb_brief_get_section (brief, 1)), ==, "Procedural History");
}

/* A professor's own template, saved in the user's template folder, is found by its id. */
static void
test_new_from_user_template (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_autofree char *builtin = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "templates",
                                               "irac.brieftemplate", NULL);
  g_autofree char *user_dir = g_build_filename (fixture->dir, ".data", "casebrief", "templates", NULL);
  g_autofree char *user_path = g_build_filename (user_dir, "seminar.brieftemplate", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) seminar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;

  g_assert_true (g_file_get_contents (builtin, &contents, NULL, NULL));
  seminar = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (seminar, "id=\"irac\"", "id=\"seminar\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (seminar, "<title>IRAC</title>", "<title>Seminar</title>", 1), ==, 1);
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_file_set_contents (user_path, seminar->str, -1, &error);
  g_assert_no_error (error);

  run_casebrief (fixture, &run, "new", "--template", "seminar", "--opinion", fixture->opinion_path,
                 "-o", "seminar.brief", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  brief = load_brief (fixture, "seminar.brief");
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "seminar");
  g_assert_cmpstr (cb_brief_get_template_title (brief), ==, "Seminar");
  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 4);
  g_assert_cmpstr (cb_section_get_title (cb_brief_get_section (brief, 1)), ==, "Rule");
}

static void
test_new_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(CbTestRun) unknown = { 0 };
  g_auto(CbTestRun) no_opinion = { 0 };
  g_auto(CbTestRun) bad_date = { 0 };
  g_auto(CbTestRun) no_output = { 0 };
  g_autofree char *out_path = fixture_path (fixture, "x.brief");

  run_casebrief (fixture, &unknown, "new", "--template", "brandeis", "--opinion", fixture->opinion_path,
                 "-o", "x.brief", NULL);
  g_assert_cmpstr (unknown.err, ==, "casebrief: no template file or template with the id “brandeis” (the templates are: classic, default, irac)\n");
  g_assert_cmpint (unknown.status, ==, 1);

  run_casebrief (fixture, &no_opinion, "new", "--template", "default", "--opinion", "nowhere.txt",
                 "-o", "x.brief", NULL);
  g_assert_cmpstr (no_opinion.err, ==, "casebrief: nowhere.txt: no such file\n");
  g_assert_cmpint (no_opinion.status, ==, 1);

  run_casebrief (fixture, &bad_date, "new", "--template", "default", "--opinion", fixture->opinion_path,
                 "--due", "2026-02-30", "-o", "x.brief", NULL);
  g_assert_cmpstr (bad_date.err, ==, "casebrief: --due “2026-02-30” is not a date of the form YYYY-MM-DD\n");
  g_assert_cmpint (bad_date.status, ==, 2);

  run_casebrief (fixture, &no_output, "new", "--template", "default", "--opinion", fixture->opinion_path, NULL);
  g_assert_cmpstr (no_output.err, ==,
                   "casebrief: new needs --template, --opinion and -o OUT.brief (see casebrief new --help)\n");
  g_assert_cmpint (no_output.status, ==, 2);

  /* No attempt left a file behind. */
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

/* A brief cut off in the middle of its metadata, as a failed copy leaves it. */
static const char truncated_brief[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.0\">\n"
  "  <metadata>\n"
  "    <case-name>Davidson v. Ca";

static void
test_check_mixed_files (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };

  make_assignment (fixture, "good.brief", "Ann Smith");
  fill_brief (fixture, "good.brief", 20, 20);
  make_assignment (fixture, "partial.brief", "Bo Chen");
  {
    g_autoptr(CbBrief) brief = load_brief (fixture, "partial.brief");

    cb_section_set_plain_text (cb_brief_lookup_section (brief, "facts"), "Davidson sent a note.");
    cb_section_set_plain_text (cb_brief_lookup_section (brief, "reasoning"), "Negligence is not a deprivation.");
    save_brief (fixture, brief, "partial.brief");
  }
  write_file (fixture, "corrupt.brief", truncated_brief);
  {
    g_autofree char *folder = fixture_path (fixture, "folder.brief");

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }

  run_casebrief (fixture, &run, "check", "partial.brief", "missing.brief", "good.brief", "corrupt.brief",
                 "folder.brief", NULL);
  g_assert_cmpstr (run.out, ==,
    "File           Student    Case                Status      Problems\n"
    "partial.brief  Bo Chen    Davidson v. Cannon  incomplete  missing: Issue, Holding; no citation\n"
    "missing.brief  -          -                   unreadable  no such file\n"
    "good.brief     Ann Smith  Davidson v. Cannon  complete\n"
    "corrupt.brief  -          -                   unreadable  corrupt.brief, line 4: Premature end of data in tag case-name line 4\n"
    "folder.brief   -          -                   unreadable  a folder, not a brief\n");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_check_over_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };

  /* Columns line up by characters, not bytes. */
  make_assignment (fixture, "long.brief", "Zoë Ångström");
  fill_brief (fixture, "long.brief", 10, 80);

  run_casebrief (fixture, &run, "check", "long.brief", NULL);
  g_assert_cmpstr (run.out, ==,
    "File        Student       Case                Status      Problems\n"
    "long.brief  Zoë Ångström  Davidson v. Cannon  incomplete  over limit: Issue (80/75 words)\n");
  g_assert_cmpint (run.status, ==, 1);
}

static void
test_check_csv (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  const char *expected_header[] = {
    "file", "student", "case", "status", "orphaned excerpts", "excerpts needing review", "opinion edited",
    "problems",
    "Facts words", "Facts limit", "Facts excerpts", "Facts state",
    "Issue words", "Issue limit", "Issue excerpts", "Issue state",
    "Holding words", "Holding limit", "Holding excerpts", "Holding state",
    "Reasoning words", "Reasoning limit", "Reasoning excerpts", "Reasoning state",
  };

  /* Names with the characters CSV must quote, and one a spreadsheet would run. */
  make_assignment (fixture, "quoted.brief", "Chen, \"Bo\"");
  fill_brief (fixture, "quoted.brief", 30, 90);
  make_assignment (fixture, "formula.brief", "=HYPERLINK(\"x\")");
  write_file (fixture, "corrupt.brief", truncated_brief);

  run_casebrief (fixture, &run, "check", "--csv", "quoted.brief", "formula.brief", "corrupt.brief", NULL);
  g_assert_cmpint (run.status, ==, 2);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 4);

  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, G_N_ELEMENTS (expected_header));
  for (guint i = 0; i < header->len; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, expected_header[i]);
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, header->len);

  g_assert_cmpstr (csv_cell (rows, 1, "file"), ==, "quoted.brief");
  g_assert_cmpstr (csv_cell (rows, 1, "student"), ==, "Chen, \"Bo\"");
  g_assert_cmpstr (csv_cell (rows, 1, "case"), ==, "Davidson v. Cannon");
  g_assert_cmpstr (csv_cell (rows, 1, "status"), ==, "incomplete");
  g_assert_cmpstr (csv_cell (rows, 1, "orphaned excerpts"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 1, "excerpts needing review"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 1, "opinion edited"), ==, "no");
  g_assert_cmpstr (csv_cell (rows, 1, "problems"), ==, "over limit: Issue (90/75 words)");
  g_assert_cmpstr (csv_cell (rows, 1, "Facts words"), ==, "30");
  g_assert_cmpstr (csv_cell (rows, 1, "Facts limit"), ==, "200");
  g_assert_cmpstr (csv_cell (rows, 1, "Facts excerpts"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 1, "Facts state"), ==, "filled");
  g_assert_cmpstr (csv_cell (rows, 1, "Issue words"), ==, "90");
  g_assert_cmpstr (csv_cell (rows, 1, "Issue limit"), ==, "75");
  g_assert_cmpstr (csv_cell (rows, 1, "Issue state"), ==, "over-limit");
  g_assert_cmpstr (csv_cell (rows, 1, "Reasoning words"), ==, "30");

  g_assert_cmpstr (csv_cell (rows, 2, "file"), ==, "formula.brief");
  g_assert_cmpstr (csv_cell (rows, 2, "student"), ==, "'=HYPERLINK(\"x\")");
  g_assert_cmpstr (csv_cell (rows, 2, "status"), ==, "incomplete");
  g_assert_cmpstr (csv_cell (rows, 2, "problems"), ==, "missing: Facts, Issue, Holding, Reasoning; no citation");
  g_assert_cmpstr (csv_cell (rows, 2, "Holding words"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 2, "Holding state"), ==, "missing");

  g_assert_cmpstr (csv_cell (rows, 3, "file"), ==, "corrupt.brief");
  g_assert_cmpstr (csv_cell (rows, 3, "student"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 3, "status"), ==, "unreadable");
  g_assert_cmpstr (csv_cell (rows, 3, "orphaned excerpts"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 3, "opinion edited"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 3, "problems"), ==,
                   "corrupt.brief, line 4: Premature end of data in tag case-name line 4");
  g_assert_cmpstr (csv_cell (rows, 3, "Facts words"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 3, "Facts state"), ==, "");
}

/* Excerpts whose quote is gone make a brief incomplete; ones to review are only counted. */
static void
test_report_excerpts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbCheckReport) report = NULL;
  g_autoptr(CbCheckReport) after = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *problems_after = NULL;
  CbExcerpt *orphan, *review;
  const CbCheckSection *facts;

  make_assignment (fixture, "x.brief", "Ann Smith");
  fill_brief (fixture, "x.brief", 10, 10);
  brief = load_brief (fixture, "x.brief");

  review = cb_brief_add_excerpt (brief, "facts", 0, 18);
  orphan = cb_brief_add_excerpt (brief, "holding", 20, 40);
  cb_brief_add_excerpt (brief, "facts", 40, 60);
  cb_excerpt_set_status (review, CB_ANCHOR_NEEDS_REVIEW);
  cb_excerpt_set_status (orphan, CB_ANCHOR_ORPHAN);

  report = cb_check_report_new_for_brief (brief, "x.brief");
  problems = cb_check_report_dup_problems (report);
  g_assert_cmpint (report->status, ==, CB_CHECK_INCOMPLETE);
  g_assert_cmpuint (report->n_orphans, ==, 1);
  g_assert_cmpuint (report->n_needs_review, ==, 1);
  g_assert_cmpstr (problems, ==, "1 orphaned excerpt; 1 excerpt needs review");
  facts = g_ptr_array_index (report->sections, 0);
  g_assert_cmpstr (facts->title, ==, "Facts");
  g_assert_cmpuint (facts->n_excerpts, ==, 2);
  g_assert_true (facts->filled);

  /* Once the orphan is removed, review alone does not hold the brief back. */
  cb_brief_remove_excerpt (brief, orphan);
  after = cb_check_report_new_for_brief (brief, "x.brief");
  problems_after = cb_check_report_dup_problems (after);
  g_assert_cmpint (after->status, ==, CB_CHECK_COMPLETE);
  g_assert_cmpstr (problems_after, ==, "1 excerpt needs review");

  /* A copy stands on its own. */
  {
    g_autoptr(CbCheckReport) copy = cb_check_report_copy (report);

    g_clear_pointer (&report, cb_check_report_free);
    g_assert_cmpstr (copy->file_name, ==, "x.brief");
    g_assert_cmpstr (copy->student, ==, "Ann Smith");
    g_assert_cmpint (copy->status, ==, CB_CHECK_INCOMPLETE);
    g_assert_cmpuint (copy->n_orphans, ==, 1);
    g_assert_cmpuint (copy->sections->len, ==, 4);
    g_assert_cmpstr (((CbCheckSection *) g_ptr_array_index (copy->sections, 3))->title, ==, "Reasoning");
  }
}

/* A brief that names no citation, and a quotation whose page the citation's reporter
 * does not have, are problems; the sample with its citation and bare pages is not. */
static void
test_check_citation (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(CbTestRun) uncited = { 0 };
  g_auto(CbTestRun) run = { 0 };
  g_auto(CbTestRun) wrong = { 0 };
  g_autoptr(CbBrief) brief = NULL;
  gsize start, end;

  make_assignment (fixture, "uncited.brief", "Ann Smith");
  fill_brief (fixture, "uncited.brief", 10, 10);
  brief = load_brief (fixture, "uncited.brief");
  cb_brief_set_citation (brief, "");
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "James received the note", 0, &start, &end));
  cb_brief_insert_excerpt_block (brief, cb_brief_lookup_section (brief, "facts"),
                                 cb_brief_add_excerpt (brief, "facts", start, end), 0);
  save_brief (fixture, brief, "uncited.brief");
  run_casebrief (fixture, &uncited, "check", "uncited.brief", NULL);
  g_assert_cmpstr (uncited.out, ==,
    "File           Student    Case                Status      Problems\n"
    "uncited.brief  Ann Smith  Davidson v. Cannon  incomplete  no citation\n");
  g_assert_cmpint (uncited.status, ==, 1);

  /* With its citation, the same brief is complete. */
  cb_brief_set_citation (brief, "474 U.S. 344");
  save_brief (fixture, brief, "cited.brief");
  run_casebrief (fixture, &run, "check", "cited.brief", NULL);
  g_assert_cmpstr (run.out, ==,
    "File         Student    Case                Status    Problems\n"
    "cited.brief  Ann Smith  Davidson v. Cannon  complete\n");
  g_assert_cmpint (run.status, ==, 0);

  /* A reporter the opinion has no pages of: the quotation has its bare page, and the
   * brief is incomplete for its citation. */
  cb_brief_set_citation (brief, "88 L. Ed. 2d 677");
  save_brief (fixture, brief, "wrong.brief");
  run_casebrief (fixture, &wrong, "check", "--csv", "wrong.brief", NULL);
  g_assert_nonnull (strstr (wrong.out, ",incomplete,0,0,no,The opinion’s pages are not those of 88 L. Ed. 2d 677: "
                                       "pin cites give the opinion’s own page numbers,"));
  g_assert_cmpint (wrong.status, ==, 1);
}

/* An assignment of @opinion (relative to the source tree) filled in, cited by
 * @citation, with a quotation of @quote in its Facts; saved as @name. */
static void
make_quoted_brief (Fixture    *fixture,
                   const char *opinion,
                   const char *citation,
                   const char *quote,
                   const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), opinion, NULL);
  g_auto(CbTestRun) run = { 0 };
  g_autoptr(CbBrief) brief = NULL;
  gsize start, end;

  run_casebrief (fixture, &run, "new", "--template", "default", "--opinion", path, "--student", "Ann Smith",
                 "-o", name, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  fill_brief (fixture, name, 10, 10);
  brief = load_brief (fixture, name);
  cb_brief_set_citation (brief, citation);
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), quote, 0, &start, &end));
  cb_brief_insert_excerpt_block (brief, cb_brief_lookup_section (brief, "facts"),
                                 cb_brief_add_excerpt (brief, "facts", start, end), 0);
  save_brief (fixture, brief, name);
}

/* A citation the opinion's pages do not bear out makes the brief incomplete, and the
 * report on it says why, on the brief's row; the one beside it is complete. */
static void
test_check_citation_problem (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_auto(CbTestRun) inspect = { 0 };
  g_autofree char *dissent = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "opinions",
                                               "dissent.txt", NULL);

  make_quoted_brief (fixture, "tests/fixtures/opinions/dissent.txt", "474 U.S. 346",
                     "The majority text starts on page 345.", "first-page.brief");
  make_quoted_brief (fixture, "tests/fixtures/opinions/dissent.txt", "474 U.S. 344, 88 L. Ed. 2d 677",
                     "The majority text starts on page 345.", "lawyers-edition.brief");
  make_quoted_brief (fixture, "tests/fixtures/opinions/dissent.txt", "474 U.S. 344",
                     "The majority text starts on page 345.", "right.brief");
  run_casebrief (fixture, &run, "check", "first-page.brief", "lawyers-edition.brief", "right.brief", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
    "File                   Student    Case                Status      Problems\n"
    "first-page.brief       Ann Smith  Davidson v. Cannon  incomplete  The opinion starts at 474 U.S. 344, not 346\n"
    "lawyers-edition.brief  Ann Smith  Davidson v. Cannon  incomplete  The opinion’s pages are not those of 88 L. Ed. "
    "2d: pin cites leave it out\n"
    "right.brief            Ann Smith  Davidson v. Cannon  complete\n");
  g_assert_cmpint (run.status, ==, 1);

  /* inspect says it too, on stderr, beside the bare page. */
  run_casebrief (fixture, &inspect, "inspect", dissent, "--citation", "474 U.S. 346", "--quote",
                 "The majority text starts on page 345.", NULL);
  g_assert_cmpstr (inspect.out, ==, "*345\n");
  g_assert_nonnull (strstr (inspect.err, "dissent.txt: The opinion starts at 474 U.S. 344, not 346\n"));
  g_assert_cmpint (inspect.status, ==, 0);
}

/* A brief cited only by a neutral or a database citation: its quotations have their
 * pin cites (a paragraph, a bare page, a star page), so check finds nothing missing;
 * a quotation from the caption of an opinion with numbered paragraphs and no pages is
 * in no paragraph, and is reported. */
static void
test_check_neutral_and_database (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_auto(CbTestRun) caption = { 0 };

  make_quoted_brief (fixture, "tests/fixtures/opinions/ohio-paragraphs.txt", "2012-Ohio-4567",
                     "Appellate review of a ruling on a motion to suppress", "paragraphs.brief");
  make_quoted_brief (fixture, "tests/fixtures/opinions/ohio-star-pages.txt", "2002-Ohio-6547",
                     "It proved that he bought a new television", "pages.brief");
  make_quoted_brief (fixture, "tests/fixtures/opinions/westlaw-unreported.txt", "2014 WL 1234567",
                     "Severance is owed as promised.", "westlaw.brief");
  run_casebrief (fixture, &run, "check", "paragraphs.brief", "pages.brief", "westlaw.brief", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
    "File              Student    Case                     Status    Problems\n"
    "paragraphs.brief  Ann Smith  State v. Holloway        complete\n"
    "pages.brief       Ann Smith  State v. Webb            complete\n"
    "westlaw.brief     Ann Smith  Garcia v. Acme Tool Co.  complete\n");
  g_assert_cmpint (run.status, ==, 0);

  make_quoted_brief (fixture, "tests/fixtures/opinions/ohio-paragraphs.txt", "2012-Ohio-4567",
                     "Court of Appeals of Ohio, Tenth District", "caption.brief");
  run_casebrief (fixture, &caption, "check", "caption.brief", NULL);
  g_assert_cmpstr (caption.out, ==,
    "File           Student    Case               Status      Problems\n"
    "caption.brief  Ann Smith  State v. Holloway  incomplete  1 quotation without a pin cite\n");
  g_assert_cmpint (caption.status, ==, 1);
}

/* A professor's template asks for the student's own words in the Reasoning: a brief
 * whose Reasoning holds only a quotation is incomplete, and check says which section,
 * until the student writes a word of their own there. A star-page marker pasted beside
 * the quotation is not one. */
static void
test_check_own_words (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char template_text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.1\" id=\"seminar\">\n"
    "  <title>Seminar brief</title>\n"
    "  <section id=\"facts\" required=\"true\">\n"
    "    <title>Facts</title>\n"
    "  </section>\n"
    "  <section id=\"reasoning\" required=\"true\" word-limit=\"100\">\n"
    "    <title>Reasoning</title>\n"
    "  </section>\n"
    "  <section id=\"holding\" required=\"false\">\n"
    "    <title>Holding</title>\n"
    "  </section>\n"
    "  <own-words section=\"reasoning\"/>\n"
    "  <own-words section=\"holding\"/>\n"
    "</brieftemplate>\n";
  g_auto(CbTestRun) made = { 0 };
  g_auto(CbTestRun) quoted = { 0 };
  g_auto(CbTestRun) csv = { 0 };
  g_auto(CbTestRun) marker = { 0 };
  g_auto(CbTestRun) written = { 0 };
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  CbSection *reasoning;
  CbBlock *block;
  gsize start, end;

  write_file (fixture, "seminar.brieftemplate", template_text);
  run_casebrief (fixture, &made, "new", "--template", "seminar.brieftemplate", "--opinion", fixture->opinion_path,
                 "--student", "Ann Smith", "--case", "Davidson v. Cannon", "--citation", "474 U.S. 344",
                 "-o", "quoted.brief", NULL);
  g_assert_cmpstr (made.err, ==, "");
  g_assert_cmpint (made.status, ==, 0);

  brief = load_brief (fixture, "quoted.brief");
  reasoning = cb_brief_lookup_section (brief, "reasoning");
  g_assert_true (cb_section_get_own_words (reasoning));
  g_assert_false (cb_section_get_own_words (cb_brief_lookup_section (brief, "facts")));
  cb_section_set_plain_text (cb_brief_lookup_section (brief, "facts"), "James forgot the note.");
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "James received the note", 0, &start, &end));
  cb_brief_insert_excerpt_block (brief, reasoning, cb_brief_add_excerpt (brief, "reasoning", start, end), 0);
  save_brief (fixture, brief, "quoted.brief");

  run_casebrief (fixture, &quoted, "check", "quoted.brief", NULL);
  g_assert_cmpstr (quoted.out, ==,
    "File          Student    Case                Status      Problems\n"
    "quoted.brief  Ann Smith  Davidson v. Cannon  incomplete  only quotations: Reasoning\n");
  g_assert_cmpint (quoted.status, ==, 1);

  run_casebrief (fixture, &csv, "check", "--csv", "quoted.brief", NULL);
  rows = parse_csv (csv.out);
  g_assert_cmpstr (csv_cell (rows, 1, "problems"), ==, "only quotations: Reasoning");
  g_assert_cmpstr (csv_cell (rows, 1, "Reasoning words"), ==, "4");
  g_assert_cmpstr (csv_cell (rows, 1, "Reasoning excerpts"), ==, "1");
  g_assert_cmpstr (csv_cell (rows, 1, "Reasoning state"), ==, "only-quotations");
  g_assert_cmpstr (csv_cell (rows, 1, "Facts state"), ==, "filled");
  /* Empty and optional: it needs nothing yet. */
  g_assert_cmpstr (csv_cell (rows, 1, "Holding state"), ==, "empty");

  /* A marker copied with the quotation is counted as no word of the student's. */
  blocks = cb_section_dup_blocks (reasoning);
  block = cb_block_new_paragraph ();
  cb_block_add_run (block, "*345", CB_RUN_PLAIN);
  g_ptr_array_add (blocks, block);
  cb_section_set_blocks (reasoning, blocks);
  save_brief (fixture, brief, "marker.brief");
  run_casebrief (fixture, &marker, "check", "marker.brief", NULL);
  g_assert_nonnull (strstr (marker.out, "  incomplete  only quotations: Reasoning\n"));
  g_assert_cmpint (marker.status, ==, 1);

  block = cb_block_new_paragraph ();
  cb_block_add_run (block, "Forgetting is not oppression.", CB_RUN_ITALIC);
  g_ptr_array_add (blocks, block);
  cb_section_set_blocks (reasoning, blocks);
  save_brief (fixture, brief, "written.brief");
  run_casebrief (fixture, &written, "check", "written.brief", NULL);
  g_assert_cmpstr (written.out, ==,
    "File           Student    Case                Status    Problems\n"
    "written.brief  Ann Smith  Davidson v. Cannon  complete\n");
  g_assert_cmpint (written.status, ==, 0);
}

/* Briefs from different templates share a column where a title is shared. */
static void
test_check_csv_section_union (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(CbTestRun) irac = { 0 };
  g_auto(CbTestRun) run = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  const char *expected_sections[] = {
    "Facts", "Issue", "Holding", "Reasoning", "Rule", "Application", "Conclusion",
  };

  make_assignment (fixture, "four.brief", "Ann Smith");
  run_casebrief (fixture, &irac, "new", "--template", "irac", "--opinion", fixture->opinion_path,
                 "--student", "Bo Chen", "-o", "irac.brief", NULL);
  g_assert_cmpint (irac.status, ==, 0);
  fill_brief (fixture, "irac.brief", 7, 3);

  run_casebrief (fixture, &run, "check", "--csv", "four.brief", "irac.brief", NULL);
  g_assert_cmpint (run.status, ==, 1);
  rows = parse_csv (run.out);
  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 8 + 4 * G_N_ELEMENTS (expected_sections));
  for (guint i = 0; i < G_N_ELEMENTS (expected_sections); i++)
    {
      g_autofree char *words_column = g_strdup_printf ("%s words", expected_sections[i]);

      g_assert_cmpstr (g_ptr_array_index (header, 8 + 4 * i), ==, words_column);
    }

  g_assert_cmpstr (csv_cell (rows, 1, "Issue state"), ==, "missing");
  g_assert_cmpstr (csv_cell (rows, 1, "Rule words"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 1, "Rule state"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 2, "status"), ==, "complete");
  g_assert_cmpstr (csv_cell (rows, 2, "Issue words"), ==, "3");
  g_assert_cmpstr (csv_cell (rows, 2, "Issue state"), ==, "filled");
  g_assert_cmpstr (csv_cell (rows, 2, "Rule words"), ==, "7");
  g_assert_cmpstr (csv_cell (rows, 2, "Facts words"), ==, "");
  g_assert_cmpstr (csv_cell (rows, 2, "Facts state"), ==, "");
}

/* Quotes anchored to an opinion someone rewrote may not be the court's words. */
static void
test_check_edited_opinion (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(CbTestRun) run = { 0 };
  g_auto(CbTestRun) csv = { 0 };
  g_autofree char *path = fixture_path (fixture, "edited.brief");
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  make_assignment (fixture, "edited.brief", "Ann Smith");
  fill_brief (fixture, "edited.brief", 10, 10);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "Petitioner sued prison officials",
                                      "Petitioner thanked prison officials", 0), ==, 1);
  write_file (fixture, "edited.brief", edited->str);

  run_casebrief (fixture, &run, "check", "edited.brief", NULL);
  g_assert_cmpstr (run.out, ==,
    "File          Student    Case                Status      Problems\n"
    "edited.brief  Ann Smith  Davidson v. Cannon  incomplete  opinion text edited by hand\n");
  g_assert_cmpint (run.status, ==, 1);

  run_casebrief (fixture, &csv, "check", "--csv", "edited.brief", NULL);
  rows = parse_csv (csv.out);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (csv_cell (rows, 1, "opinion edited"), ==, "yes");
  g_assert_cmpstr (csv_cell (rows, 1, "status"), ==, "incomplete");
}

/* A name in a brief cannot break the table's rows or send escapes to the terminal. */
static void
test_table_hostile_names (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_check_report_free);
  g_autofree char *table = NULL;

  make_assignment (fixture, "x.brief", "Ann Smith");
  fill_brief (fixture, "x.brief", 10, 10);
  brief = load_brief (fixture, "x.brief");
  cb_brief_set_student (brief, "Ann\nSmith\033[2J");
  cb_brief_set_case_name (brief, "Davidson\r\nv. Cannon");
  g_ptr_array_add (reports, cb_check_report_new_for_brief (brief, "x.brief"));

  table = cb_check_format_table (reports);
  g_assert_cmpstr (table, ==,
    "File     Student        Case                 Status    Problems\n"
    "x.brief  Ann Smith [2J  Davidson  v. Cannon  complete\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/check-citation-problem", Fixture, NULL, fixture_set_up, test_check_citation_problem, fixture_tear_down);
  g_test_add ("/cli/new-then-check", Fixture, NULL, fixture_set_up, test_new_then_check, fixture_tear_down);
  g_test_add ("/cli/new-refuses-to-overwrite", Fixture, NULL, fixture_set_up, test_new_refuses_to_overwrite, fixture_tear_down);
  g_test_add ("/cli/new-from-template-file", Fixture, NULL, fixture_set_up, test_new_from_template_file, fixture_tear_down);
  g_test_add ("/cli/new-from-user-template", Fixture, NULL, fixture_set_up, test_new_from_user_template, fixture_tear_down);
  g_test_add ("/cli/new-errors", Fixture, NULL, fixture_set_up, test_new_errors, fixture_tear_down);
  g_test_add ("/cli/check-mixed-files", Fixture, NULL, fixture_set_up, test_check_mixed_files, fixture_tear_down);
  g_test_add ("/cli/check-over-limit", Fixture, NULL, fixture_set_up, test_check_over_limit, fixture_tear_down);
  g_test_add ("/cli/check-csv", Fixture, NULL, fixture_set_up, test_check_csv, fixture_tear_down);
  g_test_add ("/cli/check-citation", Fixture, NULL, fixture_set_up, test_check_citation, fixture_tear_down);
  g_test_add ("/cli/check-neutral-and-database", Fixture, NULL, fixture_set_up, test_check_neutral_and_database,
              fixture_tear_down);
  g_test_add ("/cli/check-own-words", Fixture, NULL, fixture_set_up, test_check_own_words, fixture_tear_down);
  g_test_add ("/cli/report-excerpts", Fixture, NULL, fixture_set_up, test_report_excerpts, fixture_tear_down);

  g_test_add ("/cli/check-csv-section-union", Fixture, NULL, fixture_set_up, test_check_csv_section_union, fixture_tear_down);
  g_test_add ("/cli/check-edited-opinion", Fixture, NULL, fixture_set_up, test_check_edited_opinion, fixture_tear_down);
  g_test_add ("/cli/table-hostile-names", Fixture, NULL, fixture_set_up, test_table_hostile_names, fixture_tear_down);

  return g_test_run ();
}
