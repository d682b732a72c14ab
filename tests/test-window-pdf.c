/* The window and PDFs: a PDF opens beside a new brief, read in its own process; a
 * reader that crashes or is cancelled leaves the window and its brief as they were;
 * Show in PDF names the page that printed a passage, and asks for the PDF when it is
 * not beside the brief, taking only the opinion's own. Create Assignment reads a PDF
 * the same way: in the background, with the same progress and Cancel. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-assignment-dialog.h"
#include "cb-brief-view.h"
#include "cb-error.h"
#include "cb-pdf-fixtures.h"
#include "cb-pdf-helper.h"
#include "cb-template-store.h"
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
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The progress bar of the reading's toast, as it shows in @root. */
static GtkProgressBar *
shown_progress (GtkWidget *root)
{
  return GTK_PROGRESS_BAR (cb_test_find_type (root, GTK_TYPE_PROGRESS_BAR));
}

static gboolean
shows_progress (gpointer root)
{
  return shown_progress (root) != NULL;
}

/* The toast goes once the reading is over, after its own animation. */
static gboolean
shows_no_progress (gpointer root)
{
  return shown_progress (root) == NULL;
}

/* Cancel on the toast that shows the reading's progress, as the student clicks it. */
static void
click_toast_cancel (GtkWidget *root)
{
  GtkWidget *toast = gtk_widget_get_ancestor (GTK_WIDGET (shown_progress (root)), g_type_from_name ("AdwToastWidget"));
  GtkWidget *button;

  g_assert_nonnull (toast);
  button = cb_test_find_button (toast, "_Cancel");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
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

/* The text of @line of the opinion view, and what the page margin shows beside it. */
static char *
line_text (CbOpinionView *view,
           guint          line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
line_of (CbOpinionView *view,
         const char    *needle)
{
  CbOpinion *opinion = cb_opinion_view_get_opinion (view);
  const char *hit = strstr (cb_opinion_get_text (opinion), needle);
  GtkTextIter iter;

  g_assert_nonnull (hit);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view)), &iter,
                                      (int) g_utf8_pointer_to_offset (cb_opinion_get_text (opinion), hit));
  return gtk_text_iter_get_line (&iter);
}

static void
assert_margin (CbOpinionView *view,
               const char    *needle,
               const char    *expected)
{
  g_autofree char *label = cb_page_gutter_dup_label (cb_opinion_view_get_page_gutter (view), line_of (view, needle));

  g_assert_cmpstr (label, ==, expected);
}

/* A slip opinion's parts each number their pages from 1: the margin names the part
 * where it starts, in a few letters ("Syl. 1", "Op. 1", "Soto. 1" for Justice
 * Sotomayor's concurrence), and shows the bare page elsewhere, a footnote's as its
 * part's. */
static void
test_slip_margin (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window;
  CbOpinionView *view;
  const CbPart *parts;
  gsize n_parts;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, file);
  cb_test_wait_until (has_brief, window);
  view = cb_window_get_opinion_view (window);
  parts = cb_page_map_get_parts (cb_opinion_get_page_map (cb_opinion_view_get_opinion (view)), &n_parts);
  g_assert_cmpuint (n_parts, ==, 3);

  assert_margin (view, "NOTE: Where it is feasible, a syllabus", "Syl. 1");
  assert_margin (view, "Syllabus\n", "1");
  assert_margin (view, "NOTICE: This opinion is subject to formal revision", "Op. 1");
  /* A paragraph that runs onto the next page, as anywhere. */
  assert_margin (view, "As part of these efforts, the trustee sent", "1–2");
  /* Footnote 1, printed on page 2 of the opinion of the Court, is set after its end. */
  assert_margin (view, "Compare In re Vista-Pro Automotive", "2");
  assert_margin (view, "JUSTICE SOTOMAYOR contends that we should abstain", "4");
  {
    GtkTextIter iter;
    guint line;
    g_autofree char *text = NULL;
    g_autofree char *label = NULL;
    g_autofree char *next = NULL;

    gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view)), &iter,
                                        (int) parts[2].start);
    line = gtk_text_iter_get_line (&iter);
    text = line_text (view, line);
    g_assert_cmpstr (text, ==, "No. 24–808");
    label = cb_page_gutter_dup_label (cb_opinion_view_get_page_gutter (view), line);
    g_assert_cmpstr (label, ==, "Soto. 1");
    next = cb_page_gutter_dup_label (cb_opinion_view_get_page_gutter (view), line + 2);
    g_assert_cmpstr (next, ==, "1");
  }
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
  cb_test_wait_until (shows_progress, window);
  g_assert_cmpstr (gtk_progress_bar_get_text (shown_progress (GTK_WIDGET (window))), ==, "Page 1 of 60");
  click_toast_cancel (GTK_WIDGET (window));
  cb_test_wait_until (has_message, window);
  cb_pdf_helper_set_program (NULL);
  g_assert_cmpstr (cb_window_get_last_message (window), ==, "coney-island-24-808-slip.pdf: reading the PDF was cancelled");
  g_assert_null (window->import);
  g_assert_true (cb_window_get_brief (window) == before);
  cb_test_destroy_window (window);
  g_remove (reader);
}

static gboolean
is_not_reading (gpointer dialog)
{
  return !cb_assignment_dialog_is_reading (dialog);
}

static gboolean
is_gone (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return cb_test_find_widget (root, is_label, text) != NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} Shown;

static gboolean
label_shows (gpointer data)
{
  Shown *shown = data;

  return shows_label (shown->root, shown->text);
}

/* A message shows after the toast before it has gone. */
static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  Shown shown = { root, text };

  cb_test_wait_until (label_shows, &shown);
}

static const char *
opinion_subtitle (CbAssignmentDialog *dialog)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (cb_test_find_row (GTK_WIDGET (dialog), "Opinion")));
}

static gboolean
can_save (CbAssignmentDialog *dialog)
{
  return gtk_widget_get_sensitive (cb_test_find_button (GTK_WIDGET (dialog), "_Save Assignment…"));
}

static void
destroy_dialog (CbAssignmentDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cb_test_wait_until (is_gone, &dialog);
}

/* Create Assignment reads a PDF in the background: the window answers meanwhile, Save
 * waits for the opinion, and the assignment embeds the PDF's opinion as the main
 * window reads it. */
static void
test_assignment_reads_pdf (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("cb-assignment-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "coney-island.brief", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(CbBrief) assignment = NULL;
  g_autoptr(GError) error = NULL;
  CbAssignmentDialog *dialog;
  GtkEditable *course;
  CbOpinion *opinion;
  gsize start, end;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  dialog = cb_assignment_dialog_new (NULL);
  course = GTK_EDITABLE (cb_assignment_dialog_get_field (dialog, "course"));
  gtk_window_present (GTK_WINDOW (dialog));
  cb_assignment_dialog_set_opinion_file (dialog, file);
  /* Back before the PDF is read: the reading is the separate process's. */
  g_assert_true (cb_assignment_dialog_is_reading (dialog));
  g_assert_cmpstr (opinion_subtitle (dialog), ==, "Reading coney-island-24-808-slip.pdf…");
  g_assert_false (can_save (dialog));
  g_assert_false (cb_assignment_dialog_save_to (dialog, out, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_clear_error (&error);
  gtk_editable_set_text (course, "Bankruptcy");

  cb_test_wait_until (is_not_reading, dialog);
  opinion = cb_assignment_dialog_get_opinion (dialog);
  g_assert_nonnull (opinion);
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_PDF);
  g_assert_true (g_file_equal (cb_assignment_dialog_get_opinion_file (dialog), file));
  g_assert_cmpstr (opinion_subtitle (dialog), ==, "coney-island-24-808-slip.pdf");
  cb_test_wait_until (shows_no_progress, dialog);
  g_assert_true (can_save (dialog));
  g_assert_cmpstr (gtk_editable_get_text (course), ==, "Bankruptcy");

  g_assert_true (cb_assignment_dialog_save_to (dialog, out, &error));
  g_assert_no_error (error);
  destroy_dialog (dialog);
  assignment = cb_brief_load_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_citation (assignment), ==, "607 U. S. ____ (2026)");
  g_assert_cmpstr (cb_brief_get_course (assignment), ==, "Bankruptcy");
  opinion = cb_brief_get_opinion (assignment);
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_PDF);
  g_assert_true (cb_opinion_find_quote (opinion, "As part of these efforts, the trustee sent", 0, &start, &end));
  g_assert_cmpuint (cb_page_map_pdf_page_at (cb_opinion_get_page_map (opinion), start), ==, 4);
  g_remove (out_path);
  g_rmdir (dir);
}

/* A long PDF shows its progress in Create Assignment too, and its Cancel ends the
 * reading: the opinion chosen before stays, and so does what was typed. Closing the
 * window while a PDF is read ends the reading. */
static void
test_assignment_cancel (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sample_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                                   "davidson-v-cannon.txt", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autofree char *reader = write_reader ("echo 'page 1/60' >&2; exec sleep 30");
  CbAssignmentDialog *dialog;
  CbOpinion *before;
  GtkEditable *course;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  dialog = cb_assignment_dialog_new (NULL);
  course = GTK_EDITABLE (cb_assignment_dialog_get_field (dialog, "course"));
  gtk_window_present (GTK_WINDOW (dialog));
  cb_assignment_dialog_set_opinion_file (dialog, sample);
  cb_test_wait_until (is_not_reading, dialog);
  before = cb_assignment_dialog_get_opinion (dialog);
  g_assert_nonnull (before);

  cb_pdf_helper_set_program (reader);
  cb_assignment_dialog_set_opinion_file (dialog, file);
  cb_test_wait_until (shows_progress, dialog);
  g_assert_cmpstr (gtk_progress_bar_get_text (shown_progress (GTK_WIDGET (dialog))), ==, "Page 1 of 60");
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Reading the PDF…"));
  g_assert_cmpstr (opinion_subtitle (dialog), ==, "Reading coney-island-24-808-slip.pdf…");
  g_assert_false (can_save (dialog));
  /* The window answers while the PDF is read. */
  gtk_editable_set_text (course, "Bankruptcy");
  cb_test_spin (50);
  g_assert_true (cb_assignment_dialog_is_reading (dialog));

  click_toast_cancel (GTK_WIDGET (dialog));
  cb_test_wait_until (is_not_reading, dialog);
  g_assert_true (cb_assignment_dialog_get_opinion (dialog) == before);
  g_assert_true (g_file_equal (cb_assignment_dialog_get_opinion_file (dialog), sample));
  g_assert_cmpstr (opinion_subtitle (dialog), ==, "davidson-v-cannon.txt");
  g_assert_true (can_save (dialog));
  g_assert_cmpstr (gtk_editable_get_text (course), ==, "Bankruptcy");
  wait_for_label (GTK_WIDGET (dialog), "coney-island-24-808-slip.pdf: reading the PDF was cancelled");
  cb_test_wait_until (shows_no_progress, dialog);

  /* Closed while a PDF is read: the reading ends with the window. */
  cb_assignment_dialog_set_opinion_file (dialog, file);
  cb_test_wait_until (shows_progress, dialog);
  destroy_dialog (dialog);
  cb_pdf_helper_set_program (NULL);
  g_remove (reader);
}

/* A PDF the reader cannot read: the message names the file, and Create Assignment
 * keeps what it had (here, no opinion yet). */
static void
test_assignment_reader_aborts (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *reader = write_reader ("cat >/dev/null; kill -ABRT $$");
  CbAssignmentDialog *dialog;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  dialog = cb_assignment_dialog_new (NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  cb_pdf_helper_set_program (reader);
  cb_assignment_dialog_set_opinion_file (dialog, file);
  cb_test_wait_until (is_not_reading, dialog);
  cb_pdf_helper_set_program (NULL);
  wait_for_label (GTK_WIDGET (dialog),
                  "coney-island-24-808-slip.pdf: the PDF reader stopped (signal 6); the file may be damaged");
  g_assert_null (cb_assignment_dialog_get_opinion (dialog));
  g_assert_null (cb_assignment_dialog_get_opinion_file (dialog));
  g_assert_cmpstr (opinion_subtitle (dialog), ==, "None chosen");
  g_assert_false (can_save (dialog));
  destroy_dialog (dialog);
  g_remove (reader);
}

/* The PDF viewer of this test's desktop: it notes each URI it is asked to open. */
static char *viewed_path;

static void
install_viewer (void)
{
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop = g_build_filename (applications, "cb-test-viewer.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *entry = NULL;

  viewed_path = g_build_filename (g_get_user_data_dir (), "viewed", NULL);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Viewer\nMimeType=application/pdf;\n"
                           "Exec=sh -c 'echo \"$1\" >> %s' sh %%u\n", viewed_path);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (desktop, entry, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, "[Default Applications]\napplication/pdf=cb-test-viewer.desktop\n", -1,
                                      NULL));
}

/* What the viewer was asked to open, one URI a line. */
static char *
viewed (void)
{
  char *text = NULL;

  if (!g_file_get_contents (viewed_path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

static gboolean
viewed_lines (gpointer data)
{
  g_autofree char *text = viewed ();
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    lines += *p == '\n';
  return lines >= GPOINTER_TO_UINT (data);
}

static GtkWindow *
file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
asks_for_file (gpointer data)
{
  return file_chooser () != NULL;
}

static gboolean
chooser_has_file (gpointer file)
{
  GtkWindow *chooser = file_chooser ();
  g_autoptr(GFile) chosen = chooser != NULL ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Chooses @file in the file chooser that asks, as the student does. */
static void
choose (GFile *file)
{
  GtkWindow *chooser;

  cb_test_wait_until (asks_for_file, NULL);
  chooser = file_chooser ();
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Find coney-island-24-808-slip.pdf");
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The chooser selects the file once it has read its folder. */
  cb_test_wait_until (chooser_has_file, file);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
has_new_message (gpointer data)
{
  CbWindow *window = data;

  return cb_window_get_last_message (window) != NULL && window->pdf_check == NULL;
}

static void
write_file (const char *path,
            GBytes     *bytes,
            gsize       length)
{
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      MIN (length, g_bytes_get_size (bytes)), NULL));
}

/* Show in PDF of a brief whose PDF is not beside it: the student is asked for it; a
 * damaged PDF and another opinion's are refused, saying so, and change nothing; the
 * opinion's own PDF, under any name, opens at the page that printed the passage and
 * is kept for the window. */
static void
test_show_in_pdf_asks (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("cb-show-in-pdf-XXXXXX", NULL);
  g_autofree char *brief_path = g_build_filename (dir, "coney-island.brief", NULL);
  g_autofree char *renamed_path = g_build_filename (dir, "renamed.pdf", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.pdf", NULL);
  g_autoptr(GFile) brief_file = g_file_new_for_path (brief_path);
  g_autoptr(GFile) renamed = g_file_new_for_path (renamed_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GBytes) slip = NULL;
  g_autoptr(GBytes) print = cb_fixture_preliminary_print ();
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *renamed_uri = g_file_get_uri (renamed);
  g_autofree char *expected = g_strdup_printf ("%s#page=4\n", renamed_uri);
  g_autofree char *expected_twice = g_strdup_printf ("%s%s", expected, expected);
  g_autofree char *text = NULL;
  CbWindow *window;
  gsize start, end;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  slip = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  write_file (renamed_path, slip, G_MAXSIZE);
  write_file (broken_path, slip, 4000);
  write_file (other_path, print, G_MAXSIZE);
  opinion = cb_opinion_import_file (file, NULL, &error);
  g_assert_no_error (error);
  brief = cb_brief_new (cb_template_store_get_default_template (cb_template_store_get_default ()), opinion);
  g_assert_true (cb_brief_save_file (brief, brief_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cb_opinion_find_quote (opinion, "As part of these efforts, the trustee sent", 0, &start, &end));

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, brief_file);
  cb_test_wait_until (has_brief, window);
  /* Saved elsewhere than the PDF, the brief does not know where it is. */
  g_assert_null (_cb_window_pdf_uri (window, start));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-in-pdf", "t", (guint64) start);
  choose (broken);
  cb_test_wait_until (has_new_message, window);
  g_assert_cmpstr (cb_window_get_last_message (window), ==, "broken.pdf: the PDF is truncated or damaged");
  g_assert_null (_cb_window_pdf_uri (window, start));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-in-pdf", "t", (guint64) start);
  choose (other);
  cb_test_wait_until (has_new_message, window);
  g_assert_cmpstr (cb_window_get_last_message (window), ==,
                   "other.pdf is a different PDF: its text is not this brief’s opinion. Choose the PDF the opinion "
                   "was read from.");
  g_assert_null (_cb_window_pdf_uri (window, start));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-in-pdf", "t", (guint64) start);
  choose (renamed);
  cb_test_wait_until (viewed_lines, GUINT_TO_POINTER (1));
  text = viewed ();
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_assert_null (window->pdf_check);

  /* Kept for the window: asked for once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-in-pdf", "t", (guint64) start);
  cb_test_spin (50);
  g_assert_null (file_chooser ());
  cb_test_wait_until (viewed_lines, GUINT_TO_POINTER (2));
  text = viewed ();
  g_assert_cmpstr (text, ==, expected_twice);

  cb_test_destroy_window (window);
  g_remove (brief_path);
  g_remove (renamed_path);
  g_remove (other_path);
  g_remove (broken_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);
  install_viewer ();

  g_test_add_func ("/window-pdf/open", test_open_pdf);
  g_test_add_func ("/window-pdf/card-date", test_card_date);
  g_test_add_func ("/window-pdf/slip-margin", test_slip_margin);
  g_test_add_func ("/window-pdf/reader-aborts", test_reader_aborts);
  g_test_add_func ("/window-pdf/cancel", test_cancel);
  g_test_add_func ("/window-pdf/show-in-pdf-asks", test_show_in_pdf_asks);
  g_test_add_func ("/window-pdf/assignment/reads-pdf", test_assignment_reads_pdf);
  g_test_add_func ("/window-pdf/assignment/cancel", test_assignment_cancel);
  g_test_add_func ("/window-pdf/assignment/reader-aborts", test_assignment_reader_aborts);

  return g_test_run ();
}
