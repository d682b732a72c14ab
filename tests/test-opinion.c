#include "config.h"

#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions", "davidson-v-cannon.txt", NULL);
}

static void
test_normalize_line_ends (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("First line.  \r\nSecond\u00a0\rThird\n", "x.txt", CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "First line.\nSecond\nThird\n");
  g_assert_cmpuint (cb_opinion_get_length (opinion), ==, strlen ("First line.\nSecond\nThird\n"));
}

static void
test_normalize_nfc (void)
{
  /* "é" as e + combining acute becomes the single precomposed character. */
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("Caf\x65\xcc\x81", NULL, CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Caf\xc3\xa9");
  g_assert_cmpuint (cb_opinion_get_length (opinion), ==, 4);
}

static void
test_import_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opinion);
  g_assert_cmpstr (cb_opinion_get_source_name (opinion), ==, "davidson-v-cannon.txt");
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion), "James received the note at about 2 p.m."));
  /* The non-breaking spaces that separate paragraphs are trimmed as trailing white space. */
  g_assert_null (strstr (cb_opinion_get_text (opinion), "\u00a0\n"));
  g_assert_cmpuint (strlen (cb_opinion_get_sha256 (opinion)), ==, 64);
}

static void
test_import_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/opinion.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_null (opinion);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opinion/normalize/line-ends", test_normalize_line_ends);
  g_test_add_func ("/opinion/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/opinion/import/sample", test_import_sample);
  g_test_add_func ("/opinion/import/missing", test_import_missing_file);

  return g_test_run ();
}
