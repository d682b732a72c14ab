#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-section-editor.h"
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

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/shows-sample", test_window_shows_sample);
  g_test_add_func ("/window/find-in-opinion", test_find_in_opinion);

  return g_test_run ();
}
