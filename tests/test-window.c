#include "config.h"

#include <string.h>
#include <adwaita.h>

#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-brief-view.h"
#include "cb-error.h"
#include "cb-opinion-view.h"
#include "cb-section-editor.h"
#include "cb-template-store.h"
#include "cb-window.h"
#include "cb-test-ui.h"

static gboolean
shows_opinion (gpointer data)
{
  return cb_opinion_view_get_opinion (data) != NULL;
}

static gboolean
counted_first_of_six (gpointer data)
{
  g_autofree char *label = cb_opinion_view_dup_match_label (data);

  return g_strcmp0 (label, "1 of 6") == 0;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_window_shows_sample (void)
{
  g_autoptr(GFile) sample = g_file_new_for_uri ("resource://" RESOURCE_PREFIX "/opinions/davidson-v-cannon.txt");
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  GtkTextView *text_view = cb_opinion_view_get_text_view (opinion_view);
  g_autofree char *text = NULL;
  const char *titles[] = { "Facts", "Issue", "Holding", "Reasoning" };

  cb_window_open_file (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (shows_opinion, opinion_view);

  text = buffer_text (text_view);
  g_assert_nonnull (strstr (text, "James received the note at about 2 p.m. on December 19"));
  g_assert_nonnull (strstr (text, "It is so ordered."));
  g_assert_false (gtk_text_view_get_editable (text_view));

  g_assert_cmpuint (cb_brief_view_get_n_sections (brief_view), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      CbSectionEditor *editor = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (brief_view, i));

      g_assert_cmpstr (cb_section_editor_get_title (editor), ==, titles[i]);
      g_assert_true (gtk_text_view_get_editable (cb_section_editor_get_text_view (editor)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_find_in_opinion (void)
{
  g_autoptr(GFile) sample = g_file_new_for_uri ("resource://" RESOURCE_PREFIX "/opinions/davidson-v-cannon.txt");
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (opinion_view));
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autofree char *label = NULL;

  cb_window_open_file (window, sample);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (shows_opinion, opinion_view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find", NULL));
  gtk_editable_set_text (cb_opinion_view_get_search_entry (opinion_view), "McMillian");

  /* The search entry reports changes after a short delay and counting runs in idle time. */
  cb_test_wait_until (counted_first_of_six, opinion_view);
  label = cb_opinion_view_dup_match_label (opinion_view);
  g_assert_cmpstr (label, ==, "1 of 6");

  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "McMillian");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find-next", NULL));
  g_clear_pointer (&label, g_free);
  label = cb_opinion_view_dup_match_label (opinion_view);
  g_assert_cmpstr (label, ==, "2 of 6");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find-previous", NULL));
  g_clear_pointer (&label, g_free);
  label = cb_opinion_view_dup_match_label (opinion_view);
  g_assert_cmpstr (label, ==, "6 of 6");

  gtk_window_destroy (GTK_WINDOW (window));
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
file_holds_student (gpointer data)
{
  g_autoptr(CbBrief) brief = cb_brief_load_file (data, NULL, NULL);

  return brief != NULL && g_str_equal (cb_brief_get_student (brief), "Sam Student");
}

/* An assignment names no student: the window fills in the name of the preferences, as
 * for a new brief, without calling the brief modified (only opening it changed nothing
 * the student did); the name is in the file once the student saves. A brief that names
 * a student keeps that name. */
static void
test_student_from_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  g_autoptr(CbBrief) assignment = cb_brief_new (cb_template_store_get_default_template (cb_template_store_get_default ()),
                                                opinion);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-student-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "assignment.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sample_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                                   "davidson-v-cannon.brief", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autoptr(GError) error = NULL;
  CbWindow *window;
  CbWindow *other;

  g_assert_true (cb_brief_save_file (assignment, file, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "student-name", "Sam Student");

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, file);
  cb_test_wait_until (has_brief, window);
  g_assert_cmpstr (gtk_editable_get_text (cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "student")),
                   ==, "Sam Student");
  g_assert_cmpstr (cb_brief_get_student (cb_window_get_brief (window)), ==, "Sam Student");
  g_assert_false (cb_window_get_modified (window));
  g_assert_false (file_holds_student (file));

  cb_window_save_to (window, file);
  cb_test_wait_until (file_holds_student, file);
  gtk_window_destroy (GTK_WINDOW (window));

  other = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (other));
  cb_window_open_file (other, sample);
  cb_test_wait_until (has_brief, other);
  g_assert_cmpstr (cb_brief_get_student (cb_window_get_brief (other)), ==, "Jordan Avery");
  gtk_window_destroy (GTK_WINDOW (other));

  g_settings_reset (settings, "student-name");
  g_unlink (path);
  g_rmdir (dir);
}

/* A brief that quotes an excerpt it does not have is refused with the reason, and the
 * window keeps the brief it shows. */
static void
test_open_dangling_ref (void)
{
  g_autofree char *sample_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                                   "davidson-v-cannon.brief", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casebrief-dangling-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *after = NULL;
  GString *edited;
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);
  CbBrief *shown;

  g_assert_true (g_file_get_contents (sample_path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "<excerpt-ref ref=\"x00000001\"/>", "<excerpt-ref ref=\"nope\"/>", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  cb_window_open_file (window, sample);
  cb_test_wait_until (has_brief, window);
  shown = cb_window_get_brief (window);
  cb_window_open_file (window, file);
  cb_test_wait_until (has_message, window);
  g_assert_cmpstr (cb_window_get_last_message (window), ==,
                   "edited.brief, line 56: section “Facts” refers to excerpt “nope”, which the brief does not have");
  g_assert_true (cb_window_get_brief (window) == shown);
  g_assert_true (cb_window_has_file (window, sample));
  g_assert_false (cb_window_get_modified (window));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, edited->str);

  gtk_window_destroy (GTK_WINDOW (window));
  g_string_free (edited, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/find-in-opinion", test_find_in_opinion);
  g_test_add_func ("/window/student-from-preferences", test_student_from_preferences);
  g_test_add_func ("/window/open-dangling-ref", test_open_dangling_ref);

  return g_test_run ();
}
