/* A PDF read in the separate process: the same opinion as read in this one, progress
 * page by page, cancellation, and a reader that aborts, hangs or answers nonsense
 * leaves a clear error naming the file, never a crash. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-pdf-helper.h"
#include "cb-test.h"

static GBytes *
slip_bytes (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A reader of our own making, a shell script, for what poppler might do. */
static char *
write_reader (const char *name,
              const char *script)
{
  g_autofree char *dir = g_dir_make_tmp ("cb-reader-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n%s\n", script);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0700), ==, 0);
  return path;
}

static void
remove_reader (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_same_as_in_process (void)
{
  g_autoptr(GBytes) pdf = slip_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) here = NULL;
  g_autoptr(CbOpinion) there = NULL;
  gsize start, end;
  g_autofree char *cite = NULL;

  if (pdf == NULL)
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  here = cb_pdf_read_bytes (pdf, "coney.pdf", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* cb_opinion_import_bytes() runs the reader in its process. */
  there = cb_opinion_import_bytes (pdf, "coney.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (here), ==, cb_opinion_get_text (there));
  g_assert_cmpstr (cb_opinion_get_case_name (there), ==, "Coney Island Auto Parts Unlimited, Inc. v. Burton");
  g_assert_true (cb_opinion_find_quote (there, "view regarding the limits applicable", 0, &start, &end));
  cite = cb_opinion_pin_cite (there, start, end, "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (cite, ==, "slip op. at 6 n.5");
}

typedef struct
{
  GMainLoop *loop;
  CbOpinion *opinion;
  GError *error;
  guint progress_calls;
  guint last_page;
  guint n_pages;
  GCancellable *cancel_at_first_page;
} Wait;

static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Wait *wait = user_data;

  g_assert_cmpuint (page, >, wait->last_page);
  wait->progress_calls++;
  wait->last_page = page;
  wait->n_pages = n_pages;
  if (wait->cancel_at_first_page != NULL)
    g_cancellable_cancel (wait->cancel_at_first_page);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->opinion = cb_pdf_helper_read_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
run (GBytes       *pdf,
     const char   *name,
     GCancellable *cancellable,
     Wait         *wait)
{
  wait->loop = g_main_loop_new (NULL, FALSE);
  cb_pdf_helper_read_async (pdf, name, cancellable, progress_cb, wait, NULL, read_cb, wait);
  g_main_loop_run (wait->loop);
  g_main_loop_unref (wait->loop);
}

static void
test_progress (void)
{
  g_autoptr(GBytes) pdf = slip_bytes ();
  Wait wait = { 0, };

  if (pdf == NULL)
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  run (pdf, "coney.pdf", NULL, &wait);
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.opinion);
  g_assert_cmpuint (wait.progress_calls, ==, 9);
  g_assert_cmpuint (wait.n_pages, ==, 9);
  g_object_unref (wait.opinion);
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) pdf = slip_bytes ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *reader = NULL;
  Wait wait = { 0, };

  if (pdf == NULL)
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  /* A reader that tells of a page and then takes its time: cancelled at the page. */
  reader = write_reader ("slow-reader", "echo 'page 1/60' >&2; exec sleep 30");
  cb_pdf_helper_set_program (reader);
  wait.cancel_at_first_page = cancellable;
  run (pdf, "coney.pdf", cancellable, &wait);
  cb_pdf_helper_set_program (NULL);
  remove_reader (reader);
  g_assert_null (wait.opinion);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (wait.progress_calls, ==, 1);
  g_error_free (wait.error);
}

static void
expect_refusal (const char *script,
                int         code,
                const char *message)
{
  g_autofree char *reader = write_reader ("reader", script);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;

  cb_pdf_helper_set_program (reader);
  opinion = cb_pdf_helper_read (pdf, "brief-case.pdf", NULL, &error);
  cb_pdf_helper_set_program (NULL);
  remove_reader (reader);
  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_reader_aborts (void)
{
  expect_refusal ("cat >/dev/null; kill -ABRT $$", CB_ERROR_CRASHED,
                  "brief-case.pdf: the PDF reader stopped (signal 6); the file may be damaged");
}

static void
test_reader_hangs (void)
{
  cb_pdf_helper_set_limits (1, CB_PDF_HELPER_MEMORY);
  expect_refusal ("exec sleep 30", CB_ERROR_CRASHED,
                  "brief-case.pdf: reading the PDF was stopped after 1 s; it took too long");
  cb_pdf_helper_set_limits (CB_PDF_HELPER_SECONDS, CB_PDF_HELPER_MEMORY);
}

static void
test_reader_silent (void)
{
  expect_refusal ("cat >/dev/null; exit 0", CB_ERROR_CRASHED,
                  "brief-case.pdf: the PDF reader stopped without an answer; the file may be damaged");
}

static void
test_reader_nonsense (void)
{
  g_autofree char *reader = write_reader ("reader", "cat >/dev/null; echo '<pdf-opinion version=\"1.1\">'");
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;

  cb_pdf_helper_set_program (reader);
  opinion = cb_pdf_helper_read (pdf, "brief-case.pdf", NULL, &error);
  cb_pdf_helper_set_program (NULL);
  remove_reader (reader);
  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_CRASHED);
  g_assert_true (g_str_has_prefix (error->message, "brief-case.pdf (the PDF reader’s answer), line "));
}

/* An answer whose page map points past its text: refused as a broken answer. */
static void
test_reader_hostile_map (void)
{
  const char *text = "Short text.";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *answer = g_strdup_printf (
    "<pdf-opinion xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.1\">"
    "<opinion format=\"text\" sha256=\"%s\">%s</opinion>"
    "<page-map paging=\"print\" numbering=\"slip\" sha256=\"%s\"><pdf-page label=\"1\"/>"
    "<pdf-run start=\"0\" page=\"1\"/><page reporter=\"0\" start=\"0\" number=\"1\"/>"
    "<footnote label=\"1\" marker=\"5\" marker-length=\"1\" start=\"9\" end=\"4000\"/></page-map></pdf-opinion>",
    sha, text, sha);
  g_autoptr(GBytes) bytes = g_bytes_new (answer, strlen (answer));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_pdf_helper_parse_answer (bytes, "brief-case.pdf", &error);

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_CRASHED);
  g_assert_nonnull (strstr (error->message, "brief-case.pdf (the PDF reader’s answer)"));
}

/* A refusal travels as the reader gave it. */
static void
test_refusal_passed_on (void)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\nnothing here\n%%EOF\n", 28);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (pdf, "empty.pdf", &error);

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "empty.pdf: the PDF is truncated or damaged"));
}

static char *
slip_path (void)
{
  return g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf", NULL);
}

/* `casebrief inspect` on the slip opinion: its PDF pages with their printed numbers,
 * each part's own numbering, the parts and the footnotes; pin cites with --quote. */
static void
test_inspect (void)
{
  g_autofree char *path = slip_path ();
  const char *table[] = { "inspect", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  g_assert_cmpint (cb_test_run_casebrief (NULL, table, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "PDF pages (page, printed number, offset)\n  1    1      0\n  2    2      "));
  g_assert_nonnull (strstr (out, "\n  9    1      "));
  g_assert_nonnull (strstr (out, "Printed pages, each part from 1 (page, offset)\n"));
  g_assert_nonnull (strstr (out, "  Syllabus  (syllabus)\n"));
  g_assert_nonnull (strstr (out, "  Opinion of the Court\n"));
  g_assert_nonnull (strstr (out, "  SOTOMAYOR, J., concurring in judgment  (Sotomayor, J., concurring in judgment)\n"));
  g_assert_nonnull (strstr (out, "Docket     No. 24–808\n"));
  g_assert_null (strstr (out, "(start of text)"));
}

/* Without CASEBRIEF_PDF_READER, casebrief runs the casebrief-read-pdf beside it, as
 * from the build tree (an installed one runs the one in its libexec directory). */
static void
test_reader_beside_program (void)
{
  g_autofree char *path = slip_path ();
  const char *env[] = { "CASEBRIEF_PDF_READER=", NULL };
  const char *argv[] = { g_getenv ("CASEBRIEF"), "inspect", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  g_assert_cmpint (cb_test_run (NULL, env, argv, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "PDF pages (page, printed number, offset)\n  1    1      0\n  2    2      "));
}

static void
test_inspect_json (void)
{
  g_autofree char *path = slip_path ();
  const char *args[] = { "inspect", "--json", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "    \"format\": \"pdf\",\n"));
  g_assert_nonnull (strstr (out, "  \"numbering\": \"slip\",\n"));
  g_assert_nonnull (strstr (out, "{\"page\": 9, \"label\": \"1\", \"offset\": "));
  g_assert_nonnull (strstr (out, "\"kind\": \"syllabus\", \"title\": \"Syllabus\", \"parenthetical\": \"(syllabus)\"}"));
  g_assert_nonnull (strstr (out, "{\"label\": \"5\", \"marker_offset\": "));
}

static void
test_inspect_quote (void)
{
  g_autofree char *path = slip_path ();
  const char *args[] = { "inspect", path, "--citation", "607 U.S. ___ (2026)",
                         "--quote", "view regarding the limits applicable", NULL };
  const char *court[] = { "inspect", path, "--supreme-court-style", "--quote",
                          "The Court today rightly holds that a Rule 60(b)(4) motion", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "slip op. at 6 n.5\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cb_test_run_casebrief (NULL, court, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "(slip op., at 1) (Sotomayor, J., concurring in judgment)\n");
}

/* A damaged PDF from the command line: one line naming the file, status 1. */
static void
test_inspect_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cb-inspect-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.pdf", NULL);
  const char *args[] = { "inspect", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, "%PDF-1.7\n1 0 obj << /Type /Catalog", -1, NULL));
  g_assert_cmpint (cb_test_run_casebrief (NULL, args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "casebrief: cut.pdf: the PDF is truncated or damaged\n");
  cb_test_remove_tree (dir);
}

/* An assignment made from the slip opinion: `casebrief check` verifies its embedded
 * text, and tells a hand edit of it. */
static void
test_new_and_check (void)
{
  g_autofree char *path = slip_path ();
  g_autofree char *dir = g_dir_make_tmp ("cb-pdf-brief-XXXXXX", NULL);
  g_autofree char *brief = g_build_filename (dir, "coney.brief", NULL);
  const char *new_args[] = { "new", "--template", "default", "--opinion", path, "-o", brief, NULL };
  const char *check_args[] = { "check", "--csv", brief, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) edit = g_regex_new ("JUSTICE ALITO delivered", 0, 0, NULL);
  g_autofree char *edited = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  g_assert_cmpint (cb_test_run_casebrief (NULL, new_args, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cb_test_run_casebrief (NULL, check_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "coney.brief,,\"Coney Island Auto Parts Unlimited, Inc. v. Burton\",incomplete,0,0,no,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_get_contents (brief, &text, NULL, NULL));
  edited = g_regex_replace_literal (edit, text, -1, 0, "JUSTICE ALITO wrote", 0, NULL);
  g_assert_true (g_file_set_contents (brief, edited, -1, NULL));
  g_assert_cmpint (cb_test_run_casebrief (NULL, check_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, ",incomplete,0,0,yes,"));
  cb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-helper/same-as-in-process", test_same_as_in_process);
  g_test_add_func ("/pdf-helper/progress", test_progress);
  g_test_add_func ("/pdf-helper/cancel", test_cancel);
  g_test_add_func ("/pdf-helper/reader-aborts", test_reader_aborts);
  g_test_add_func ("/pdf-helper/reader-hangs", test_reader_hangs);
  g_test_add_func ("/pdf-helper/reader-silent", test_reader_silent);
  g_test_add_func ("/pdf-helper/reader-nonsense", test_reader_nonsense);
  g_test_add_func ("/pdf-helper/reader-hostile-map", test_reader_hostile_map);
  g_test_add_func ("/pdf-helper/refusal-passed-on", test_refusal_passed_on);
  g_test_add_func ("/pdf-helper/inspect", test_inspect);
  g_test_add_func ("/pdf-helper/reader-beside-program", test_reader_beside_program);
  g_test_add_func ("/pdf-helper/inspect-json", test_inspect_json);
  g_test_add_func ("/pdf-helper/inspect-quote", test_inspect_quote);
  g_test_add_func ("/pdf-helper/inspect-refused", test_inspect_refused);
  g_test_add_func ("/pdf-helper/new-and-check", test_new_and_check);

  return g_test_run ();
}
