/* Quotations under the keys, the wheel and the eye, through the real window on the
 * sample brief: Backspace at a quotation, the brief scrolling to a new one, undo from
 * anywhere, forgiving find, the wheel over a section, and section colours against the
 * selection's. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-application.h"
#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-section-buffer.h"
#include "cb-section-editor.h"
#include "cb-window.h"
#include "cb-test-ui.h"

#define SAMPLE "data/samples/davidson-v-cannon.brief"

static CbApplication *app;

static CbSectionEditor *
section_editor (CbWindow *window,
                guint     index)
{
  return CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), index));
}

static CbWindow *
open_sample (void)
{
  CbWindow *window = cb_test_open_window (SAMPLE);

  cb_test_spin (200);
  cb_test_focus_window (GTK_WINDOW (window));
  return window;
}

static guint
n_excerpts (CbWindow *window)
{
  return g_list_model_get_n_items (cb_brief_get_excerpts (cb_window_get_brief (window)));
}

/* The quotation the selection covers whole, or NULL. */
static const char *
selected_quotation (GtkTextBuffer *buffer)
{
  GtkTextIter start, end, qstart, qend;
  const char *id;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  id = cb_section_buffer_quotation_around (CB_SECTION_BUFFER (buffer), &start, &qstart, &qend);
  if (id == NULL || !gtk_text_iter_equal (&start, &qstart) || !gtk_text_iter_equal (&end, &qend))
    return NULL;
  return id;
}

/* Backspace at the last quotation of Facts, with the cursor placed by @place: the first
 * press selects it, the second removes it, Ctrl+Z brings it back. */
static void
backspace_twice (CbWindow *window,
                 void    (*place) (GtkTextBuffer *buffer))
{
  GtkTextView *view = cb_section_editor_get_text_view (section_editor (window, 0));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint before = n_excerpts (window);
  g_autofree char *id = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  place (buffer);
  cb_test_xdotool ("key BackSpace");
  id = g_strdup (selected_quotation (buffer));
  g_assert_nonnull (id);
  g_assert_cmpuint (n_excerpts (window), ==, before);

  cb_test_xdotool ("key BackSpace");
  g_assert_cmpuint (n_excerpts (window), ==, before - 1);
  {
    GtkTextIter start, end;
    g_assert_false (cb_section_buffer_find_quotation (CB_SECTION_BUFFER (buffer), id, &start, &end));
  }
  cb_test_xdotool ("key ctrl+z");
  g_assert_cmpuint (n_excerpts (window), ==, before);
}

/* On the empty line the last quotation leaves to go on writing in. */
static void
place_on_line_below (GtkTextBuffer *buffer)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  g_assert_true (gtk_text_iter_starts_line (&end) && gtk_text_iter_ends_line (&end));
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* Right after the last quotation's pin cite. */
static void
place_after_pin_cite (GtkTextBuffer *buffer)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  g_assert_true (gtk_text_iter_backward_char (&end));
  g_assert_true (cb_section_buffer_after_quotation (CB_SECTION_BUFFER (buffer), &end));
  gtk_text_buffer_place_cursor (buffer, &end);
}

static void
test_backspace_below_quotation (void)
{
  CbWindow *window = open_sample ();

  backspace_twice (window, place_on_line_below);
  cb_test_destroy_window (window);
}

static void
test_backspace_after_pin_cite (void)
{
  CbWindow *window = open_sample ();

  backspace_twice (window, place_after_pin_cite);
  cb_test_destroy_window (window);
}

static void
select_quote (CbWindow   *window,
              const char *quote)
{
  CbBrief *brief = cb_window_get_brief (window);
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), quote, 0, &start, &end));
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start, end);
}

static char *
section_text (CbWindow *window,
              guint     index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_section_editor_get_text_view (section_editor (window, index)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Quoting with Ctrl+4 leaves the keyboard in the opinion; Ctrl+Z there takes the
 * quotation back and Ctrl+Shift+Z makes it again. In a section, Ctrl+Z takes back the
 * brief's last change even when it was made in another section. In a one-line entry
 * Ctrl+Z is the entry's own. */
static void
test_undo_anywhere (void)
{
  CbWindow *window = open_sample ();
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  const char *quote = "Petitioner took no steps other than writing the note to alert the authorities";
  GtkEditable *case_name = cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "case-name");
  guint before = n_excerpts (window);

  gtk_widget_grab_focus (GTK_WIDGET (opinion));
  select_quote (window, quote);
  cb_test_xdotool ("key ctrl+4");
  g_assert_cmpuint (n_excerpts (window), ==, before + 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (opinion)));
  {
    g_autofree char *text = section_text (window, 3);
    g_assert_nonnull (strstr (text, quote));
  }

  cb_test_xdotool ("key ctrl+z");
  g_assert_cmpuint (n_excerpts (window), ==, before);
  {
    g_autofree char *text = section_text (window, 3);
    g_assert_null (strstr (text, quote));
  }
  cb_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpuint (n_excerpts (window), ==, before + 1);

  /* From the Facts section, the quotation made in the fourth goes back. */
  gtk_widget_grab_focus (GTK_WIDGET (cb_section_editor_get_text_view (section_editor (window, 0))));
  cb_test_xdotool ("key ctrl+z");
  g_assert_cmpuint (n_excerpts (window), ==, before);

  /* In the case name, Ctrl+Z takes back the typing there and leaves the brief be. */
  cb_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpuint (n_excerpts (window), ==, before + 1);
  gtk_widget_grab_focus (GTK_WIDGET (case_name));
  gtk_editable_set_position (case_name, -1);
  cb_test_xdotool ("type --delay 15 ' Jr'");
  g_assert_cmpstr (gtk_editable_get_text (case_name), ==, "Davidson v. Cannon Jr");
  cb_test_xdotool ("key ctrl+z");
  g_assert_cmpstr (gtk_editable_get_text (case_name), ==, "Davidson v. Cannon");
  g_assert_cmpuint (n_excerpts (window), ==, before + 1);

  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  cb_test_ui_init (&argc, &argv);
  app = cb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/quoting-keys/backspace-below-quotation", test_backspace_below_quotation);
  g_test_add_func ("/quoting-keys/backspace-after-pin-cite", test_backspace_after_pin_cite);
  g_test_add_func ("/quoting-keys/undo-anywhere", test_undo_anywhere);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
