#include "config.h"

#include <string.h>

#include "cb-citation.h"
#include "cb-opinion.h"
#include "cb-test.h"

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions", "davidson-v-cannon.txt", NULL);
}

static void
test_json (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, NULL);
  const char *args[] = { "inspect", path, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize n_marks, n_notes;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);
  const CbFootnote *notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "{\n"));
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_assert_nonnull (strstr (out, "\"case_name\": null"));
  g_assert_nonnull (strstr (out, "\"first_pages\": [345, 669]"));

  /* The page map with character offsets. */
  first = g_strdup_printf ("{\"reporter\": 0, \"page\": 346, \"offset\": %" G_GSIZE_FORMAT ", \"length\": 4}",
                           marks[0].offset);
  second = g_strdup_printf ("{\"reporter\": 1, \"page\": 670, \"offset\": %" G_GSIZE_FORMAT ", \"length\": 5}",
                            marks[1].offset);
  g_assert_nonnull (strstr (out, first));
  g_assert_nonnull (strstr (out, second));

  note = g_strdup_printf ("{\"label\": \"*\", \"marker_offset\": %" G_GSIZE_FORMAT ", \"marker_length\": 1, "
                          "\"body_start\": %" G_GSIZE_FORMAT ", \"body_end\": %" G_GSIZE_FORMAT
                          ", \"text\": \"The note, addressed",
                          notes[0].marker_offset, notes[0].body_start, notes[0].body_end);
  g_assert_nonnull (strstr (out, note));
  g_assert_nonnull (strstr (out, "{\"number\": 4, \"offset\": "));
}

/* The index of the citation whose text is @cited. */
static guint
citation_index (CbOpinion  *opinion,
                const char *cited)
{
  GPtrArray *citations = cb_opinion_get_citations (opinion);

  for (guint i = 0; i < citations->len; i++)
    if (g_str_equal (((CbCitation *) g_ptr_array_index (citations, i))->text, cited))
      return i;
  g_error ("no citation %s", cited);
  return 0;
}

/* Every field of a citation: kind and form, the reporter as written and normalized,
 * parenthetical, parallels, what a short form refers to, and the character range. */
static void
test_json_citations (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "opinions",
                                            "neutral-citations.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, NULL);
  GPtrArray *citations = cb_opinion_get_citations (opinion);
  const char *args[] = { "inspect", path, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint dupre = citation_index (opinion, "2010-0123, p. 6 (La. App. 4 Cir. 3/3/11)");
  guint garcia = citation_index (opinion, "2014 WL 1234567, at *3");
  guint terry = citation_index (opinion, "392 U.S. 1, 21");
  guint sct = citation_index (opinion, "88 S.Ct. 1868");
  guint short_garcia = citation_index (opinion, "Garcia, at *4");
  const CbCitation *c;
  g_autofree char *expected_dupre = NULL;
  g_autofree char *expected_garcia = NULL;
  g_autofree char *expected_sct = NULL;
  g_autofree char *expected_short = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\"case_name\": \"State v. Holloway\""));
  g_assert_nonnull (strstr (out, "\"citation\": \"2013-Ohio-2290\""));

  c = g_ptr_array_index (citations, dupre);
  expected_dupre = g_strdup_printf (
    "{\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT ", \"text\": \"2010-0123, p. 6 (La. App. 4 Cir. "
    "3/3/11)\", \"kind\": \"case\", \"form\": \"neutral\", \"case_name\": \"State v. Dupre\", \"volume\": \"2010\", "
    "\"reporter\": \"La.App. 4 Cir.\", \"reporter_as_written\": \"La. App. 4 Cir.\", \"page\": \"0123\", "
    "\"pin\": \"p. 6\", \"court\": \"La. App. 4 Cir.\", \"year\": \"2011\", \"date\": \"3/3/11\", "
    "\"parallel_of\": -1, \"parallels\": [%u], \"refers_to\": -1}", c->start, c->end, dupre + 1);
  g_assert_nonnull (strstr (out, expected_dupre));

  c = g_ptr_array_index (citations, garcia);
  expected_garcia = g_strdup_printf (
    "{\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT ", \"text\": \"2014 WL 1234567, at *3\", "
    "\"kind\": \"case\", \"form\": \"database\", \"case_name\": \"United States v. Garcia\", \"volume\": \"2014\", "
    "\"reporter\": \"WL\", \"reporter_as_written\": \"WL\", \"page\": \"1234567\", \"pin\": \"*3\", "
    "\"court\": \"S.D. Ohio\", \"year\": \"2014\", \"date\": \"Mar. 3, 2014\", \"parallel_of\": -1, "
    "\"parallels\": [], \"refers_to\": -1}", c->start, c->end);
  g_assert_nonnull (strstr (out, expected_garcia));

  c = g_ptr_array_index (citations, sct);
  expected_sct = g_strdup_printf (
    "{\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT ", \"text\": \"88 S.Ct. 1868\", "
    "\"kind\": \"case\", \"form\": \"reporter\", \"case_name\": \"Terry v. Ohio\", \"volume\": \"88\", "
    "\"reporter\": \"S. Ct.\", \"reporter_as_written\": \"S.Ct.\", \"page\": \"1868\", \"pin\": null, "
    "\"court\": null, \"year\": \"1968\", \"date\": null, \"parallel_of\": %u, \"parallels\": [%u, %u], "
    "\"refers_to\": -1}", c->start, c->end, terry, terry, sct + 1);
  g_assert_nonnull (strstr (out, expected_sct));

  c = g_ptr_array_index (citations, short_garcia);
  expected_short = g_strdup_printf (
    "{\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT ", \"text\": \"Garcia, at *4\", "
    "\"kind\": \"short\", \"form\": \"database\", \"case_name\": \"United States v. Garcia\", \"volume\": \"2014\", "
    "\"reporter\": \"WL\", \"reporter_as_written\": null, \"page\": \"1234567\", \"pin\": \"*4\", "
    "\"court\": \"S.D. Ohio\", \"year\": \"2014\", \"date\": \"Mar. 3, 2014\", \"parallel_of\": -1, "
    "\"parallels\": [], \"refers_to\": %u}", c->start, c->end, garcia);
  g_assert_nonnull (strstr (out, expected_short));
}

static void
test_table (void)
{
  g_autofree char *path = sample_path ();
  const char *args[] = { "inspect", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "  **670  "));
  g_assert_nonnull (strstr (out, "  *345  "));
}

static void
test_quote (void)
{
  g_autofree char *path = sample_path ();
  const char *args[] = { "inspect", path, "--citation", "474 U.S. 344, 106 S.Ct. 668",
                         "--quote", "the majority held that respondents' negligence", NULL };
  const char *all[] = { "inspect", path, "--citation", "474 U.S. 344", "--quote", "James", NULL };
  const char *missing[] = { "inspect", path, "--citation", "474 U.S. 344", "--quote", "no such words", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_all = NULL;
  g_autofree char *out_missing = NULL;
  g_autofree char *err_missing = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "474 U.S. at 347, 106 S. Ct. at 670\n");

  /* One line per occurrence. */
  g_assert_cmpint (cb_test_run_casebrief (NULL, all, &out_all, NULL), ==, 0);
  g_assert_cmpstr (out_all, ==, "474 U.S. at 345\n474 U.S. at 345\n474 U.S. at 345\n474 U.S. at 345\n474 U.S. at 348\n");

  g_assert_cmpint (cb_test_run_casebrief (NULL, missing, &out_missing, &err_missing), !=, 0);
  g_assert_cmpstr (out_missing, ==, "");
  g_assert_true (g_str_has_prefix (err_missing, "casebrief: "));
}

static void
test_missing_file (void)
{
  const char *args[] = { "inspect", "/nonexistent/opinion.txt", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "casebrief: /nonexistent/opinion.txt: "));
  /* One line. */
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
}

static void
test_usage (void)
{
  const char *none[] = { "inspect", NULL };
  const char *bad[] = { "inspect", "--no-such-option", "x.txt", NULL };
  g_autofree char *err = NULL;
  g_autofree char *err_bad = NULL;

  g_assert_cmpint (cb_test_run_casebrief (NULL, none, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "casebrief: inspect: "));
  g_assert_cmpint (cb_test_run_casebrief (NULL, bad, NULL, &err_bad), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inspect/json", test_json);
  g_test_add_func ("/inspect/json-citations", test_json_citations);
  g_test_add_func ("/inspect/table", test_table);
  g_test_add_func ("/inspect/quote", test_quote);
  g_test_add_func ("/inspect/missing-file", test_missing_file);
  g_test_add_func ("/inspect/usage", test_usage);

  return g_test_run ();
}
