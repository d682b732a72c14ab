#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-brief-view.h"
#include "cb-drafts.h"
#include "cb-section-editor.h"
#include "cb-test-atspi.h"
#include "cb-test-ui.h"
#include "cb-window.h"

/* Every way text gets into a section reaches the brief: keys typed on the X server, a
 * character an input method composes, paste, middle-click paste, text dragged from
 * another section, text inserted by a screen reader through the accessible text
 * interface, undo and redo. Each is driven through the real widgets (the keyboard and
 * the pointer through the X server with xdotool, AT-SPI through the accessibility
 * bus), and each must show in the section's word count, mark the window unsaved, and be
 * in the draft and in the saved file. */

typedef struct
{
  char *dir;
  char *path;
  GSettings *settings;
  CbWindow *window;
} Fixture;

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !cb_window_get_modified (data);
}

static void
discard_all_drafts (void)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    cb_drafts_discard (cb_draft_get_id (g_ptr_array_index (drafts, i)));
}

/* The point (@x, @y) of @widget, in its window's X coordinates. */
static void
window_point (GtkWidget *widget,
              double     x,
              double     y,
              int       *wx,
              int       *wy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double nx, ny, sx, sy;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int) (nx + sx);
  *wy = (int) (ny + sy);
  /* A point the pointer cannot reach is a mistake of the test. */
  g_assert_cmpfloat (nx, >=, 0);
  g_assert_cmpfloat (ny, >=, 0);
  g_assert_cmpfloat (nx, <, gtk_widget_get_width (GTK_WIDGET (native)));
  g_assert_cmpfloat (ny, <, gtk_widget_get_height (GTK_WIDGET (native)));
}

/* The point of the character at @offset of @view's buffer, in window coordinates,
 * once the window has stopped moving it (scrolling to the focus, laying text out). */
static void
char_point (GtkTextView *view,
            int          offset,
            int         *wx,
            int         *wy)
{
  int last_x = G_MININT, last_y = G_MININT;

  for (guint tries = 0; tries < 50; tries++)
    {
      GtkTextIter iter;
      GdkRectangle rect;
      int x, y;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
      gtk_text_view_get_iter_location (view, &iter, &rect);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x + 1,
                                             rect.y + rect.height / 2, &x, &y);
      window_point (GTK_WIDGET (view), x, y, wx, wy);
      if (*wx == last_x && *wy == last_y)
        return;
      last_x = *wx;
      last_y = *wy;
      cb_test_spin (100);
    }
  g_error ("The text never stopped moving");
}

static CbSectionEditor *
section_editor (Fixture *fixture,
                guint    index)
{
  return CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (fixture->window), index));
}

static GtkTextView *
section_view (Fixture *fixture,
              guint    index)
{
  return cb_section_editor_get_text_view (section_editor (fixture, index));
}

static GtkTextBuffer *
section_buffer (Fixture *fixture,
                guint    index)
{
  return gtk_text_view_get_buffer (section_view (fixture, index));
}

/* The brief scrolled so that section @index is at its top, as a student scrolls to it. */
static void
scroll_to_section (Fixture *fixture,
                   guint    index)
{
  GtkWidget *editor = GTK_WIDGET (section_editor (fixture, index));
  GtkWidget *scroller = gtk_widget_get_ancestor (editor, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *outer;
  double top;

  /* The brief's own scroller, not the section's. */
  while ((outer = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW)) != NULL)
    scroller = outer;
  g_assert_true (gtk_widget_translate_coordinates (editor, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                   0, 0, NULL, &top));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), top);
  cb_test_spin (200);
}

/* The cursor of @index's section at @offset, with the keyboard focus there. */
static void
focus_section (Fixture *fixture,
               guint    index,
               int      offset)
{
  GtkTextBuffer *buffer = section_buffer (fixture, index);
  GtkTextIter iter;

  gtk_widget_grab_focus (GTK_WIDGET (section_view (fixture, index)));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static int
offset_of (GtkTextBuffer *buffer,
           const char    *text)
{
  GtkTextIter start, end, match_start;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, NULL, NULL));
  return gtk_text_iter_get_offset (&match_start);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                              "davidson-v-cannon.brief", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize len;

  discard_all_drafts ();
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_uint (fixture->settings, "autosave-delay", 1);
  fixture->dir = g_dir_make_tmp ("casebrief-input-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "davidson.brief", NULL);
  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (fixture->path, contents, len, NULL));

  file = g_file_new_for_path (fixture->path);
  fixture->window = g_object_new (CB_TYPE_WINDOW, NULL);
  cb_window_open_file (fixture->window, file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cb_test_wait_until (has_brief, fixture->window);
  cb_test_spin (200);

  cb_test_focus_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cb_test_destroy_window (fixture->window);
  discard_all_drafts ();
  g_settings_reset (fixture->settings, "autosave-delay");
  g_object_unref (fixture->settings);
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
brief_section_text (CbBrief *brief,
                    guint    index)
{
  return cb_section_dup_plain_text (cb_brief_get_section (brief, index));
}

/* Whether @brief's sections read as @expected's do, word for word. */
static gboolean
same_sections (CbBrief *brief,
               CbBrief *expected)
{
  if (cb_brief_get_n_sections (brief) != cb_brief_get_n_sections (expected))
    return FALSE;
  for (guint i = 0; i < cb_brief_get_n_sections (brief); i++)
    {
      g_autofree char *text = brief_section_text (brief, i);
      g_autofree char *expected_text = brief_section_text (expected, i);

      if (g_strcmp0 (text, expected_text) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
draft_reads (gpointer data)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(CbBrief) brief = cb_draft_load (g_ptr_array_index (drafts, i), NULL);

      if (brief != NULL && same_sections (brief, data))
        return TRUE;
    }
  return FALSE;
}

static guint
section_words (Fixture *fixture,
               guint    index)
{
  CbBrief *brief = cb_window_get_brief (fixture->window);

  return cb_brief_count_section_words (brief, cb_brief_get_section (brief, index));
}

/* What the student sees and what is kept after an edit that made section @index
 * @words long: the word count shown, the window marked unsaved, and every section as
 * it reads now in the draft a second later, and in the file once saved. */
static void
assert_kept (Fixture *fixture,
             guint    index,
             guint    words)
{
  CbBrief *brief = cb_window_get_brief (fixture->window);
  CbSection *section = cb_brief_get_section (brief, index);
  g_autofree char *label = g_strdup_printf ("%u / %u words", words, cb_section_get_word_limit (section));
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(CbBrief) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (section_words (fixture, index), ==, words);
  g_assert_cmpstr (cb_section_editor_get_word_count_label (section_editor (fixture, index)), ==, label);
  g_assert_true (cb_window_get_modified (fixture->window));

  cb_test_wait_until (draft_reads, brief);

  cb_window_save_to (fixture->window, file);
  cb_test_wait_until (is_saved, fixture->window);
  saved = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (same_sections (saved, brief));
}

typedef struct
{
  Fixture *fixture;
  guint index;
  const char *text;
} SectionWait;

static gboolean
section_has (gpointer data)
{
  SectionWait *wait = data;
  g_autofree char *plain = brief_section_text (cb_window_get_brief (wait->fixture->window), wait->index);

  return strstr (plain, wait->text) != NULL;
}

/* As assert_kept(), after an edit that leaves @text in section @index: a paste, say,
 * which reads the clipboard in the background. */
static void
assert_reaches_brief (Fixture    *fixture,
                      guint       index,
                      const char *text,
                      guint       words)
{
  SectionWait wait = { fixture, index, text };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!section_has (&wait))
    {
      g_autofree char *plain = NULL;

      if (g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          continue;
        }
      plain = brief_section_text (cb_window_get_brief (fixture->window), index);
      g_error ("“%s” is not in the section, which reads “%s”", text, plain);
    }
  assert_kept (fixture, index, words);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  return n;
}

#define HOLDING 2

/* Keys pressed on the keyboard, through the X server, the input method and the text
 * view's key handling. */
static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  const char *typed = "Typed on the keyboard";
  guint before = section_words (fixture, HOLDING);

  focus_section (fixture, HOLDING, 0);
  cb_test_xdotool ("type --delay 15 'Typed on the keyboard '");
  assert_reaches_brief (fixture, HOLDING, typed, before + count_words (typed));
}

/* A character the input method composes and commits: Ctrl+Shift+U, its code in hex,
 * Space. No key of the keyboard types it; the text view receives it from the input
 * method's commit. */
static void
test_input_method_commit (Fixture       *fixture,
                          gconstpointer  data)
{
  guint before = section_words (fixture, HOLDING);

  focus_section (fixture, HOLDING, 0);
  cb_test_xdotool ("key --delay 30 C a f ctrl+shift+u e 9 space space");
  assert_reaches_brief (fixture, HOLDING, "Café No.", before + 1);
}

#define ISSUE 1

/* Ctrl+V with text on the clipboard. */
static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  guint before = section_words (fixture, HOLDING);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), "Pasted from the clipboard ");
  focus_section (fixture, HOLDING, 0);
  cb_test_xdotool ("key ctrl+v");
  assert_reaches_brief (fixture, HOLDING, "Pasted from the clipboard No.", before + 4);
}

/* The middle button pastes the primary selection where it is clicked. */
static void
test_middle_click_paste (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextView *view = section_view (fixture, HOLDING);
  guint before = section_words (fixture, HOLDING);
  g_autofree char *args = NULL;
  int x, y;

  focus_section (fixture, HOLDING, 0);
  scroll_to_section (fixture, HOLDING);
  gdk_clipboard_set_text (gtk_widget_get_primary_clipboard (GTK_WIDGET (view)), "Selected elsewhere ");
  char_point (view, offset_of (gtk_text_view_get_buffer (view), "Negligence"), &x, &y);
  /* The pointer comes in first, and the window knows it is there, then the click. */
  args = g_strdup_printf ("mousemove --window %lu %d %d sleep 0.3 click 2", cb_test_window_xid (GTK_WIDGET (view)), x, y);
  cb_test_xdotool (args);
  assert_reaches_brief (fixture, HOLDING, "No. Selected elsewhere Negligence", before + 2);
}

static GtkDropTarget *
drop_target_of (CbSectionEditor *editor)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

static gboolean
drag_is_over (gpointer data)
{
  return gtk_drop_target_get_current_drop (data) != NULL;
}

/* Words dragged with the mouse from one section to another move there: in the section
 * they land in, and gone from the one they left. */
static void
test_drag_text_between_sections (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkTextView *from = section_view (fixture, ISSUE);
  GtkTextView *to = section_view (fixture, HOLDING);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (from);
  guint issue_words = section_words (fixture, ISSUE);
  guint holding_words = section_words (fixture, HOLDING);
  g_autofree char *args = NULL;
  g_autofree char *issue = NULL;
  GtkTextIter start, end;
  int x1, y1, x2, y2;
  gulong xid;

  /* Both sections on screen: the brief scrolled to the Issue. */
  scroll_to_section (fixture, ISSUE);

  /* "negligent " selected in the Issue. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset_of (buffer, "negligent failure"));
  end = start;
  gtk_text_iter_forward_chars (&end, strlen ("negligent "));
  gtk_text_buffer_select_range (buffer, &start, &end);
  cb_test_spin (200);

  char_point (from, gtk_text_iter_get_offset (&start) + 3, &x1, &y1);
  char_point (to, offset_of (gtk_text_view_get_buffer (to), "Negligence"), &x2, &y2);
  /* Pressed on the selection, moved past the drag threshold and over the Holding; let
   * go once the Holding knows a drag is over it. */
  xid = cb_test_window_xid (GTK_WIDGET (from));
  args = g_strdup_printf ("mousemove --window %lu %d %d", xid, x1, y1);
  cb_test_xdotool (args);
  cb_test_xdotool ("mousedown 1");
  for (guint step = 1; step <= 4; step++)
    {
      g_free (args);
      args = g_strdup_printf ("mousemove --window %lu %d %d", xid, x1 + (x2 - x1) * step / 4, y1 + (y2 - y1) * step / 4);
      cb_test_xdotool (args);
    }
  cb_test_wait_until (drag_is_over, drop_target_of (section_editor (fixture, HOLDING)));
  cb_test_xdotool ("mouseup 1");

  /* The words land in the Holding, and the drag, once done, takes them from the Issue. */
  {
    SectionWait gone = { fixture, ISSUE, "official’s failure" };
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!section_has (&gone) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  issue = brief_section_text (cb_window_get_brief (fixture->window), ISSUE);
  g_assert_null (strstr (issue, "negligent"));
  g_assert_nonnull (strstr (issue, "Does a prison official’s failure to protect"));
  g_assert_cmpuint (section_words (fixture, ISSUE), ==, issue_words - 1);
  assert_reaches_brief (fixture, HOLDING, "No. negligent Negligence", holding_words + 1);
}

/* Text inserted by a screen reader's user through the accessible text interface
 * (EditableText.InsertText on AT-SPI), as Orca does. */
static void
test_accessible_insertion (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CbAtspi) atspi = cb_test_atspi_new ();
  g_autoptr(CbAtspiNode) issue = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_TEXT, "Issue");
  g_autoptr(GVariant) reply = NULL;
  const char *words = "Inserted through accessibility ";
  guint before = section_words (fixture, ISSUE);
  gboolean inserted;

  g_assert_nonnull (issue);
  g_assert_true (cb_test_atspi_node_implements (issue, "org.a11y.atspi.EditableText"));
  reply = cb_test_atspi_call (atspi, issue->path, "org.a11y.atspi.EditableText", "InsertText",
                              g_variant_new ("(isi)", 0, words, (int) strlen (words)), "(b)");
  g_variant_get (reply, "(b)", &inserted);
  g_assert_true (inserted);
  assert_reaches_brief (fixture, ISSUE, "Inserted through accessibility Does a prison", before + 3);

  /* Ctrl+Z takes it back, as it takes back typing. */
  focus_section (fixture, ISSUE, 0);
  cb_test_xdotool ("key ctrl+z");
  {
    g_autofree char *text = brief_section_text (cb_window_get_brief (fixture->window), ISSUE);
    g_assert_true (g_str_has_prefix (text, "Does a prison"));
  }
  assert_kept (fixture, ISSUE, before);
}

/* Ctrl+Z and Ctrl+Shift+Z, after typing that was saved: the section, the draft and the
 * saved file follow each. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  guint before = section_words (fixture, HOLDING);

  focus_section (fixture, HOLDING, 0);
  cb_test_xdotool ("type --delay 15 'Typed then undone '");
  assert_reaches_brief (fixture, HOLDING, "Typed then undone No.", before + 3);

  cb_test_xdotool ("key ctrl+z");
  {
    g_autofree char *text = brief_section_text (cb_window_get_brief (fixture->window), HOLDING);
    g_assert_true (g_str_has_prefix (text, "No. Negligence"));
  }
  assert_kept (fixture, HOLDING, before);

  cb_test_xdotool ("key ctrl+shift+z");
  assert_reaches_brief (fixture, HOLDING, "Typed then undone No.", before + 3);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);
  /* Scrolling to the focus happens at once, so a point on screen stays where it is. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add ("/input/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("typing", test_typing);
  ADD ("input-method-commit", test_input_method_commit);
  ADD ("paste", test_paste);
  ADD ("middle-click-paste", test_middle_click_paste);
  ADD ("drag-text-between-sections", test_drag_text_between_sections);
  ADD ("accessible-insertion", test_accessible_insertion);
  ADD ("undo-redo", test_undo_redo);
#undef ADD

  return g_test_run ();
}
