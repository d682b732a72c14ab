/* The window and PDFs: a PDF opens beside a new brief, read in its own process; a
 * reader that crashes or is cancelled leaves the window and its brief as they were;
 * Show in PDF names the page that printed a passage. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-brief-view.h"
#include "cb-pdf-helper.h"
#include "cb-test-ui.h"
#include "cb-window-private.h"

static char *
slip_path (void)
{
  return g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf", NULL);
}

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static gboolean
has_message (gpointer data)
{
  return cb_window_get_last_message (data) != NULL;
}

static gboolean
is_reading (gpointer data)
{
  return CB_WINDOW (data)->import_toast != NULL;
}

static char *
write_reader (const char *script)
{
  g_autofree char *dir = g_dir_make_tmp ("cb-reader-XXXXXX", NULL);
  char *path = g_build_filename (dir, "reader", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n%s\n", script);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0700), ==, 0);
  return path;
}

static void
test_open_pdf (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window;
  CbOpinion *opinion;
  gsize start, end;
  g_autofree char *uri = NULL;
  g_autofree char *file_uri = g_file_get_uri (file);
  g_autofree char *expected = g_strdup_printf ("%s#page=4", file_uri);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, file);
  cb_test_wait_until (has_brief, window);

  opinion = cb_brief_get_opinion (cb_window_get_brief (window));
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_PDF);
  g_assert_cmpstr (cb_brief_get_citation (cb_window_get_brief (window)), ==, "607 U. S. ____ (2026)");
  /* The opinion's page 2 is the PDF's page 4. */
  g_assert_true (cb_opinion_find_quote (opinion, "As part of these efforts, the trustee sent", 0, &start, &end));
  uri = _cb_window_pdf_uri (window, start);
  g_assert_cmpstr (uri, ==, expected);
  cb_test_destroy_window (window);
}

/* The date of decision on the case card: the date row and the collapsed details row. */
static void
assert_card_date (CbWindow   *window,
                  const char *expected)
{
  GtkEditable *row = cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "date-decided");
  GtkWidget *details = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);

  g_assert_cmpstr (gtk_editable_get_text (row), ==, expected);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (details)), expected));
}

/* The case card shows a date one way, the locale's, as the PDF export prints it: a
 * saved brief's "1986-01-21" and a PDF's printed "January 20, 2026" alike. The brief
 * keeps ISO 8601; what the student writes is kept so when it reads as a date, and as
 * written when it does not. */
static void
test_card_date (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbBrief *brief = cb_window_get_brief (window);
  GtkEditable *row = cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "date-decided");

  g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "1986-01-21");
  assert_card_date (window, "January 21, 1986");

  gtk_editable_set_text (row, "January 22, 1986");
  g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "1986-01-22");
  gtk_editable_set_text (row, "Jan. 23, 1986");
  g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "1986-01-23");
  gtk_editable_set_text (row, "argued Nov. 5, 1985");
  g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "argued Nov. 5, 1985");
  /* Set from elsewhere (an undo, a reload), the row shows it the locale's way. */
  cb_brief_set_date_decided (brief, "1986-01-21");
  assert_card_date (window, "January 21, 1986");
  cb_test_destroy_window (window);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, file);
  cb_test_wait_until (has_brief, window);
  g_assert_cmpstr (cb_opinion_get_date (cb_brief_get_opinion (cb_window_get_brief (window))), ==, "January 20, 2026");
  g_assert_cmpstr (cb_brief_get_date_decided (cb_window_get_brief (window)), ==, "2026-01-20");
  assert_card_date (window, "January 20, 2026");
  cb_test_destroy_window (window);
}

/* A reader that aborts, as poppler might on a hostile PDF: a clear message, and the
 * brief the window holds stays. */
static void
test_reader_aborts (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *reader = write_reader ("cat >/dev/null; kill -ABRT $$");
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *before = cb_window_get_brief (window);
  const char *text = cb_opinion_get_text (cb_brief_get_opinion (before));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      cb_test_destroy_window (window);
      return;
    }
  cb_pdf_helper_set_program (reader);
  cb_window_import_opinion (window, file, NULL);
  cb_test_wait_until (has_message, window);
  cb_pdf_helper_set_program (NULL);
  g_assert_cmpstr (cb_window_get_last_message (window), ==,
                   "coney-island-24-808-slip.pdf: the PDF reader stopped (signal 6); the file may be damaged");
  g_assert_true (cb_window_get_brief (window) == before);
  g_assert_cmpstr (cb_opinion_get_text (cb_brief_get_opinion (before)), ==, text);
  cb_test_destroy_window (window);
  g_remove (reader);
}

/* A long PDF's reading shows its progress and can be cancelled. */
static void
test_cancel (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *reader = write_reader ("echo 'page 1/60' >&2; exec sleep 30");
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *before = cb_window_get_brief (window);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      cb_test_destroy_window (window);
      return;
    }
  cb_pdf_helper_set_program (reader);
  cb_window_import_opinion (window, file, NULL);
  cb_test_wait_until (is_reading, window);
  g_assert_cmpstr (gtk_progress_bar_get_text (window->import_progress), ==, "Page 1 of 60");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL);
  cb_test_wait_until (has_message, window);
  cb_pdf_helper_set_program (NULL);
  g_assert_cmpstr (cb_window_get_last_message (window), ==, "coney-island-24-808-slip.pdf: reading the PDF was cancelled");
  g_assert_null (window->import_toast);
  g_assert_true (cb_window_get_brief (window) == before);
  cb_test_destroy_window (window);
  g_remove (reader);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/window-pdf/open", test_open_pdf);
  g_test_add_func ("/window-pdf/card-date", test_card_date);
  g_test_add_func ("/window-pdf/reader-aborts", test_reader_aborts);
  g_test_add_func ("/window-pdf/cancel", test_cancel);

  return g_test_run ();
}
