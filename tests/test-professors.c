#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-error.h"
#include "cb-template-store.h"
#include "cb-assignment-dialog.h"
#include "cb-brief-view.h"
#include "cb-new-brief-dialog.h"
#include "cb-opinion-view.h"
#include "cb-section-editor.h"
#include "cb-template-editor.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* What a professor does: write a template, find it in the New Brief gallery, hand out
 * an assignment; and what a student then cannot change. */

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static GFile *
sample_opinion (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
  return g_file_new_for_path (path);
}

/* xmllint against the project's RELAX NG schema, as the data tests do. */
static void
assert_valid (GFile      *file,
              const char *schema)
{
  g_autofree char *rng = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "schema", schema, NULL);
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { "xmllint", "--noout", "--relaxng", rng, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s: %s", path, schema, err);
}

static void
destroy_and_check (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  cb_test_spin (50);
  g_assert_null (window);
}

typedef struct
{
  gboolean done;
  gboolean saved;
  GError *error;
} SaveResult;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveResult *save = user_data;

  save->saved = cb_template_editor_save_finish (CB_TEMPLATE_EDITOR (source), result, &save->error);
  save->done = TRUE;
}

static gboolean
save_done (gpointer data)
{
  return ((SaveResult *) data)->done;
}

/* Save, as the editor's Save button does it, waited for. */
static gboolean
save_editor (CbTemplateEditor  *editor,
             GError           **error)
{
  SaveResult save = { 0 };

  cb_template_editor_save_async (editor, NULL, saved_cb, &save);
  cb_test_wait_until (save_done, &save);
  if (save.error != NULL)
    g_propagate_error (error, save.error);
  return save.saved;
}

static gboolean
is_saved (gpointer data)
{
  return !cb_template_editor_get_modified (data);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
add_section (CbTemplateEditor *editor,
             const char       *title)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.add-section", NULL));
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "section-title")), title);
}

static char *
section_order (CbTemplate *template)
{
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < cb_template_get_n_sections (template); i++)
    g_string_append_printf (order, "%s%s", i ? "," : "", cb_template_get_section (template, i)->id);
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static void
assert_order (CbTemplate *template,
              const char *expected)
{
  g_autofree char *order = section_order (template);
  g_assert_cmpstr (order, ==, expected);
}

/* Presses a key as the editor's keyboard shortcuts see it: the shortcut bound to
 * @trigger ("<Alt>Up") on the widget's class, activated on the widget. */
static void
press_shortcut (GtkWidget  *widget,
                const char *trigger)
{
  GtkShortcut *shortcut = cb_test_find_shortcut (widget, trigger);

  if (shortcut == NULL)
    g_error ("No shortcut %s", trigger);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static char *section_order (CbTemplate *template);

static GtkListBoxRow *
find_selected_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_list_box_get_selected_row (GTK_LIST_BOX (widget)) != NULL)
    return gtk_list_box_get_selected_row (GTK_LIST_BOX (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *found = find_selected_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  CbTemplate *template;
  char *before;
} OrderChange;

static gboolean
order_changed (gpointer data)
{
  OrderChange *change = data;
  g_autofree char *now = section_order (change->template);

  return !g_str_equal (now, change->before);
}

/* Drops the section at @from onto the row at @to, as dragging it there does. */
static void
drop_section (CbTemplateEditor *editor,
              guint             from,
              guint             to)
{
  /* The row list is where the selected section is. */
  GtkListBoxRow *selected = find_selected_row (GTK_WIDGET (editor));
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (selected)));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, to);
  g_autoptr(GListModel) controllers = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, from);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
  /* The move follows the drop from the main loop. */
  {
    OrderChange change = { cb_template_editor_get_template (editor), NULL };

    change.before = section_order (change.template);
    cb_test_wait_until (order_changed, &change);
    g_free (change.before);
  }
}

static void
test_editor_build_reorder_save (void)
{
  CbTemplateEditor *editor = cb_template_editor_new (NULL, NULL);
  CbTemplate *template = cb_template_editor_get_template (editor);
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(CbTemplate) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GFile) user_dir = NULL;
  GFile *file;

  gtk_window_present (GTK_WINDOW (editor));
  /* A template needs a title and a section before it can be saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title"))), ==, "");
  g_assert_false (save_editor (editor, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Give the template a title first");
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Seminar Brief");
  g_assert_false (save_editor (editor, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A template needs at least one section");
  g_clear_error (&error);
  g_assert_null (cb_template_editor_get_file (editor));
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "author")), "Prof. Ada Byron");
  set_text_view (cb_template_editor_get_field (editor, "instructions"), "Brief the case before class.");

  add_section (editor, "Facts");
  set_text_view (cb_template_editor_get_field (editor, "section-prompt"), "What happened?");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cb_template_editor_get_field (editor, "section-word-limit")), 150);
  add_section (editor, "Issue");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cb_template_editor_get_field (editor, "section-word-limit")), 75);
  add_section (editor, "Holding");
  gtk_switch_set_active (GTK_SWITCH (cb_template_editor_get_field (editor, "section-required")), FALSE);
  g_assert_true (cb_template_editor_get_modified (editor));
  /* New sections take their ids from their titles. */
  assert_order (template, "facts,issue,holding");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 2);

  /* The selected section moves, and stays selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.move-up", NULL));
  assert_order (template, "facts,holding,issue");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.move-up", NULL);
  assert_order (template, "holding,facts,issue");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 0);
  /* Already first: moving up does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.move-up", NULL);
  assert_order (template, "holding,facts,issue");
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.move-down", NULL);
  assert_order (template, "facts,holding,issue");
  /* By drag and drop: the first section onto the last row, and back. */
  drop_section (editor, 0, 2);
  assert_order (template, "holding,issue,facts");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 2);
  drop_section (editor, 2, 0);
  assert_order (template, "facts,holding,issue");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 1);
  /* The same from the keyboard. */
  press_shortcut (GTK_WIDGET (editor), "<Alt>Down");
  assert_order (template, "facts,issue,holding");
  g_assert_cmpint (cb_template_editor_get_selected_section (editor), ==, 2);
  press_shortcut (GTK_WIDGET (editor), "<Alt>Up");
  assert_order (template, "facts,holding,issue");
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 2);
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.move-up", NULL);
  assert_order (template, "facts,issue,holding");
  /* The detail fields show the selected section. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "section-title"))),
                   ==, "Issue");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL));
  cb_test_wait_until (is_saved, editor);
  file = cb_template_editor_get_file (editor);
  user_dir = cb_template_store_get_user_dir (store);
  expected = g_file_get_child (user_dir, "seminar-brief.brieftemplate");
  g_assert_nonnull (file);
  g_assert_true (g_file_equal (file, expected));
  assert_valid (file, "brieftemplate.rng");

  reloaded = cb_template_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_template_get_id (reloaded), ==, "seminar-brief");
  g_assert_cmpstr (cb_template_get_title (reloaded), ==, "Seminar Brief");
  g_assert_cmpstr (cb_template_get_author (reloaded), ==, "Prof. Ada Byron");
  g_assert_cmpstr (cb_template_get_instructions (reloaded), ==, "Brief the case before class.");
  assert_order (reloaded, "facts,issue,holding");
  g_assert_cmpstr (cb_template_get_section (reloaded, 0)->title, ==, "Facts");
  g_assert_cmpstr (cb_template_get_section (reloaded, 0)->prompt, ==, "What happened?");
  g_assert_cmpuint (cb_template_get_section (reloaded, 0)->word_limit, ==, 150);
  g_assert_true (cb_template_get_section (reloaded, 0)->required);
  g_assert_cmpstr (cb_template_get_section (reloaded, 1)->title, ==, "Issue");
  g_assert_cmpuint (cb_template_get_section (reloaded, 1)->word_limit, ==, 75);
  g_assert_cmpstr (cb_template_get_section (reloaded, 2)->title, ==, "Holding");
  g_assert_false (cb_template_get_section (reloaded, 2)->required);
  g_assert_cmpuint (cb_template_get_section (reloaded, 2)->word_limit, ==, 0);

  /* Saved templates are offered at once, as the user's own. */
  g_assert_nonnull (cb_template_store_lookup (store, "seminar-brief"));
  g_assert_cmpint (cb_template_store_get_origin (store, cb_template_store_lookup (store, "seminar-brief")),
                   ==, CB_TEMPLATE_ORIGIN_USER);

  /* Once saved, a renamed section keeps its id: briefs refer to it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 0);
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "section-title")), "Background");
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.remove-section", NULL);
  assert_order (template, "issue,holding");
  g_assert_true (save_editor (editor, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cb_template_editor_get_file (editor), expected));
  g_clear_object (&reloaded);
  reloaded = cb_template_load_file (expected, NULL, &error);
  g_assert_no_error (error);
  assert_order (reloaded, "issue,holding");

  destroy_and_check (GTK_WINDOW (editor));
}

static gboolean
window_saved (gpointer data)
{
  return !cb_window_get_modified (data);
}

static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (data);
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* The section's word count line, as the student sees it. */
static GtkWidget *
count_label (CbSectionEditor *editor)
{
  GtkWidget *label = cb_test_find_widget (GTK_WIDGET (editor), is_labelled,
                                          cb_section_editor_get_word_count_label (editor));

  g_assert_nonnull (label);
  return label;
}

/* The professor marks a section "Needs your own words" in the template editor, saves,
 * and hands out an assignment with `casebrief new`; the student's Reasoning that holds
 * only a quotation says so in its word count line, until a word of the student's own is
 * written there; and `casebrief check` names the section. */
static void
test_editor_own_words (void)
{
  CbTemplateEditor *editor = cb_template_editor_new (NULL, NULL);
  CbTemplate *template = cb_template_editor_get_template (editor);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-own-words-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seminar.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) opinion = sample_opinion ();
  g_autofree char *opinion_path = g_file_get_path (opinion);
  g_autoptr(CbTemplate) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GtkWidget *row, *own_words, *label;
  GtkListBoxRow *selected;
  CbSectionEditor *reasoning;
  GtkTextView *view;
  CbWindow *window;
  CbBrief *brief;
  gsize start, end;

  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Torts Seminar");
  add_section (editor, "Facts");
  add_section (editor, "Reasoning");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cb_template_editor_get_field (editor, "section-word-limit")), 100);

  /* The switch is off for a new section, and the row turns it on, as a click does. */
  own_words = cb_template_editor_get_field (editor, "section-own-words");
  g_assert_true (GTK_IS_SWITCH (own_words));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (own_words)));
  row = cb_test_find_row (GTK_WIDGET (editor), "Needs your own words");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_ancestor (own_words, row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "A brief is incomplete while this section holds only quotations");
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* The switch slides over first. */
  cb_test_wait_until (switch_is_on, own_words);
  g_assert_true (cb_template_lookup_section (template, "reasoning")->own_words);
  g_assert_false (cb_template_lookup_section (template, "facts")->own_words);
  /* The list says it of the section too. */
  selected = find_selected_row (GTK_WIDGET (editor));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (selected)), ==, "Reasoning");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (selected)), ==,
                   "Required · up to 100 words · your own words");
  /* Another section shows its own setting; back on Reasoning, the switch is on again. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 0);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (own_words)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (own_words)));

  g_assert_true (save_editor (editor, &error));
  g_assert_no_error (error);
  assert_valid (cb_template_editor_get_file (editor), "brieftemplate.rng");
  g_file_load_contents (cb_template_editor_get_file (editor), NULL, &saved, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "  </section>\n  <own-words section=\"reasoning\"/>\n</brieftemplate>\n"));
  reloaded = cb_template_load_file (cb_template_editor_get_file (editor), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cb_template_lookup_section (reloaded, "reasoning")->own_words);
  g_assert_cmpstr (cb_template_get_id (reloaded), ==, "torts-seminar");
  destroy_and_check (GTK_WINDOW (editor));

  /* The assignment, from the shell, with the professor's template by its id. */
  {
    const char *args[] = { "new", "--template", "torts-seminar", "--opinion", opinion_path,
                           "--citation", "474 U.S. 344", "-o", path, NULL };

    g_assert_cmpint (cb_test_run_casebrief (dir, args, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&err, g_free);
  }
  assert_valid (file, "brief.rng");

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (has_brief, window);
  brief = cb_window_get_brief (window);
  reasoning = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 1));
  g_assert_cmpstr (cb_section_editor_get_title (reasoning), ==, "Reasoning");
  g_assert_cmpstr (cb_section_editor_get_word_count_label (reasoning), ==, "0 / 100 words");

  /* Ctrl+2 on a passage: the Reasoning holds only a quotation. */
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "James received the note", 0, &start, &end));
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 1));
  g_assert_cmpstr (cb_section_editor_get_word_count_label (reasoning), ==, "4 / 100 words · needs your own words");
  label = count_label (reasoning);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  /* A word of the student's own, after it. */
  view = cb_section_editor_get_text_view (reasoning);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_signal_emit_by_name (view, "insert-at-cursor", "\nForgetting is not oppression.");
  g_assert_cmpstr (cb_section_editor_get_word_count_label (reasoning), ==, "8 / 100 words");
  label = count_label (reasoning);
  g_assert_false (gtk_widget_has_css_class (label, "warning"));

  /* Undone, the section is quotations only again, and check says so of the saved brief. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reasoning), "section.undo", NULL));
  g_assert_cmpstr (cb_section_editor_get_word_count_label (reasoning), ==, "4 / 100 words · needs your own words");
  cb_section_set_plain_text (cb_brief_get_section (brief, 0), "James forgot the note.");
  g_assert_true (cb_window_get_modified (window));
  cb_window_save_to (window, file);
  cb_test_wait_until (window_saved, window);
  {
    const char *args[] = { "check", path, NULL };

    g_assert_cmpint (cb_test_run_casebrief (dir, args, &out, NULL), ==, 1);
    g_assert_nonnull (strstr (out, "  incomplete  only quotations: Reasoning\n"));
  }

  destroy_and_check (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_editor_builtin_copy (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplate *builtin = cb_template_store_lookup (store, "default");
  CbTemplateEditor *editor;
  CbTemplateEditor *second;
  CbTemplate *copy;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = cb_template_to_bytes (builtin);

  editor = cb_template_editor_new (NULL, builtin);
  copy = cb_template_editor_get_template (editor);
  g_assert_true (copy != builtin);
  g_assert_cmpstr (cb_template_get_id (copy), ==, "default-copy");
  g_assert_cmpstr (cb_template_get_title (copy), ==, "Four-Part Brief (copy)");
  /* The copy is the user's: not Casebrief's, and nobody's while Preferences name no one. */
  g_assert_cmpstr (cb_template_get_author (builtin), ==, "Casebrief");
  g_assert_cmpstr (cb_template_get_author (copy), ==, "");
  g_assert_false (cb_template_get_builtin (copy));
  g_assert_null (cb_template_editor_get_file (editor));
  /* A copy exists nowhere yet: closing it must ask. */
  g_assert_true (cb_template_editor_get_modified (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "template.select-section", "u", 3);
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "section-title")), "Rationale");
  g_assert_true (save_editor (editor, &error));
  g_assert_no_error (error);

  /* The built-in is as it was, and still the one under its id. */
  builtin = cb_template_store_lookup (store, "default");
  g_assert_true (cb_template_get_builtin (builtin));
  g_assert_cmpstr (cb_template_get_title (builtin), ==, "Four-Part Brief");
  g_assert_cmpstr (cb_template_get_section (builtin, 3)->title, ==, "Reasoning");
  {
    g_autoptr(GBytes) after = cb_template_to_bytes (builtin);
    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_cmpstr (cb_template_get_section (cb_template_store_lookup (store, "default-copy"), 3)->title,
                   ==, "Rationale");
  assert_valid (cb_template_editor_get_file (editor), "brieftemplate.rng");

  /* Another copy of the same built-in gets an id of its own. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "student-name", "Prof. Ames");
    second = cb_template_editor_new (NULL, builtin);
    g_settings_reset (settings, "student-name");
  }
  g_assert_cmpstr (cb_template_get_id (cb_template_editor_get_template (second)), ==, "default-copy-2");
  g_assert_cmpstr (cb_template_get_author (cb_template_editor_get_template (second)), ==, "Prof. Ames");

  /* The user's own template is edited in place, in its file. */
  {
    CbTemplate *own = cb_template_store_lookup (store, "default-copy");
    CbTemplateEditor *third = cb_template_editor_new (NULL, own);

    g_assert_cmpstr (cb_template_get_id (cb_template_editor_get_template (third)), ==, "default-copy");
    g_assert_true (g_file_equal (cb_template_editor_get_file (third), cb_template_store_get_file (store, own)));
    g_assert_false (cb_template_editor_get_modified (third));
    destroy_and_check (GTK_WINDOW (third));
  }

  destroy_and_check (GTK_WINDOW (second));
  destroy_and_check (GTK_WINDOW (editor));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As the user answers: the button, which closes the dialog and gives its response. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = cb_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_editor_close_asks (void)
{
  CbTemplateEditor *editor = cb_template_editor_new (NULL, NULL);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (editor));
  add_section (editor, "Facts");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  gtk_window_close (GTK_WINDOW (editor));
  cb_test_spin (50);
  g_assert_nonnull (editor);
  dialog = find_message_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");

  click_response (dialog, "_Cancel");
  cb_test_spin (50);
  g_assert_nonnull (editor);

  gtk_window_close (GTK_WINDOW (editor));
  cb_test_spin (50);
  dialog = find_message_dialog (GTK_WINDOW (editor));
  click_response (dialog, "_Discard");
  cb_test_spin (50);
  g_assert_null (editor);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  /* Preferences groups hold list boxes of their own; the gallery's is the first with rows. */
  if (GTK_IS_LIST_BOX (widget) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0) != NULL)
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
row_text (GtkListBox *list,
          int         index)
{
  GString *out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (list, index)), out);
  return g_string_free (out, FALSE);
}

static void
test_gallery_lists_builtins (void)
{
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);
  CbNewBriefDialog *dialog = cb_new_brief_dialog_new (window);
  GtkListBox *list = find_list_box (GTK_WIDGET (dialog));
  g_autoptr(GFile) opinion = sample_opinion ();
  const char *expected[] = {
    "Classic Full Brief|Built-in|by Casebrief|Facts · Procedural History · Issue · Holding · Rule · "
      "Reasoning · Disposition · Concurrences and Dissents · Notes|",
    "Four-Part Brief|Built-in|by Casebrief|Facts · Issue · Holding · Reasoning|",
    "IRAC|Built-in|by Casebrief|Issue · Rule · Application · Conclusion|",
  };
  CbWindow *target;
  CbBrief *brief;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (list);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = row_text (list, i);
      g_assert_cmpstr (text, ==, expected[i]);
    }
  /* The default is chosen until the student picks another. */
  g_assert_cmpstr (cb_template_get_id (cb_new_brief_dialog_get_selected (dialog)), ==, "default");

  /* A template the user saved is listed as theirs. */
  {
    g_autofree char *text = NULL;
    gboolean found = FALSE;

    for (int i = 3; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
      {
        g_free (text);
        text = row_text (list, i);
        if (g_str_has_prefix (text, "Seminar Brief|Yours|by Prof. Ada Byron|"))
          found = TRUE;
      }
    g_assert_true (found);
  }

  g_assert_true (cb_new_brief_dialog_select (dialog, "irac"));
  /* A template saved meanwhile reloads the list; the choice stays. */
  cb_template_store_reload (cb_template_store_get_default ());
  g_assert_cmpstr (cb_template_get_id (cb_new_brief_dialog_get_selected (dialog)), ==, "irac");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  target = cb_new_brief_dialog_start (dialog, opinion);
  g_assert_true (target == window);
  cb_test_spin (20);
  g_assert_null (dialog);
  cb_test_wait_until (has_brief, window);
  brief = cb_window_get_brief (window);
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "irac");
  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 4);
  g_assert_cmpstr (cb_section_get_title (cb_brief_get_section (brief, 2)), ==, "Application");

  destroy_and_check (GTK_WINDOW (window));
}

static gboolean
is_file_written (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

/* Any action on the student's window, its brief view or their children that could
 * set assignment details would name them. */
static void
assert_no_detail_actions (GtkWidget *widget)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;
  guint i = 0;

  while (gtk_widget_class_query_action (klass, i++, &owner, &name, &parameter_type, &property))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      g_assert_null (strstr (lower, "course"));
      g_assert_null (strstr (lower, "due"));
      g_assert_null (strstr (lower, "instruction"));
      g_assert_null (strstr (lower, "assignment"));
      g_assert_null (strstr (lower, "lock"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_no_detail_actions (child);
}

static gboolean
is_read (gpointer dialog)
{
  return !cb_assignment_dialog_is_reading (dialog);
}

#define CAPTION_CITATION "474 U.S. 344, 106 S.Ct. 668, 88 L.Ed.2d 677"

/* An opinion whose caption gives its citation, in @dir. */
static GFile *
write_captioned_opinion (const char *dir,
                         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path,
    CAPTION_CITATION "\n"
    "Supreme Court of the United States\n"
    "Robert DAVIDSON, Petitioner,\nv.\nKenneth CANNON et al.\n"
    "No. 84-6470.\nDecided Jan. 21, 1986.\n\n"
    "Justice REHNQUIST delivered the opinion of the Court.\n\n"
    "Petitioner sued *345 prison officials for their negligence.\n", -1, NULL));
  return g_file_new_for_path (path);
}

/* Create Assignment has the Citation of `casebrief new --citation`, filled in from the
 * opinion's caption when it gives one: the assignment names it, and check does not
 * call it "no citation". What the professor types stays, whichever opinion is read next. */
static void
test_assignment_citation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-citation-XXXXXX", NULL);
  g_autoptr(GFile) captioned = write_captioned_opinion (dir, "davidson.txt");
  g_autoptr(GFile) plain = sample_opinion ();
  g_autofree char *path = g_build_filename (dir, "davidson.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CbAssignmentDialog *dialog = cb_assignment_dialog_new (NULL);
  GtkEditable *citation = GTK_EDITABLE (cb_assignment_dialog_get_field (dialog, "citation"));

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (citation);
  g_assert_cmpstr (gtk_editable_get_text (citation), ==, "");
  cb_assignment_dialog_set_opinion_file (dialog, captioned);
  cb_test_wait_until (is_read, dialog);
  g_assert_cmpstr (gtk_editable_get_text (citation), ==, CAPTION_CITATION);
  /* Another opinion takes the place of the prefill: its caption gives none. */
  cb_assignment_dialog_set_opinion_file (dialog, plain);
  cb_test_wait_until (is_read, dialog);
  g_assert_cmpstr (gtk_editable_get_text (citation), ==, "");
  cb_assignment_dialog_set_opinion_file (dialog, captioned);
  cb_test_wait_until (is_read, dialog);
  g_assert_cmpstr (gtk_editable_get_text (citation), ==, CAPTION_CITATION);

  g_assert_true (cb_assignment_dialog_save_to (dialog, file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CbBrief) assignment = cb_brief_load_file (file, NULL, &error);
    const char *args[] = { "check", path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (cb_brief_get_citation (assignment), ==, CAPTION_CITATION);
    g_assert_cmpint (cb_test_run_casebrief (dir, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "  incomplete  missing: Facts, Issue, Holding, Reasoning"));
    g_assert_null (strstr (out, "no citation"));
  }

  /* Typed, it stays when an opinion is read after. */
  gtk_editable_set_text (citation, "474 U.S. 344");
  cb_assignment_dialog_set_opinion_file (dialog, plain);
  cb_test_wait_until (is_read, dialog);
  cb_assignment_dialog_set_opinion_file (dialog, captioned);
  cb_test_wait_until (is_read, dialog);
  g_assert_cmpstr (gtk_editable_get_text (citation), ==, "474 U.S. 344");
  g_assert_true (cb_assignment_dialog_save_to (dialog, file, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CbBrief) assignment = cb_brief_load_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cb_brief_get_citation (assignment), ==, "474 U.S. 344");
  }

  destroy_and_check (GTK_WINDOW (dialog));
  cb_test_remove_tree (dir);
}

static void
test_assignment_create_and_student (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbAssignmentDialog *dialog = cb_assignment_dialog_new (NULL);
  g_autoptr(GFile) opinion = sample_opinion ();
  g_autofree char *dir = g_dir_make_tmp ("casebrief-assignment-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "davidson.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbBrief) assignment = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *due = cb_assignment_dialog_get_field (dialog, "due");
  CbWindow *window;
  CbBrief *brief;
  GtkEditable *course_row;
  g_autofree char *saved_path = g_build_filename (dir, "handed-in.brief", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);

  gtk_window_present (GTK_WINDOW (dialog));
  /* Nothing to save until there is an opinion. */
  g_assert_cmpstr (cb_template_get_id (cb_assignment_dialog_get_template (dialog)), ==, "default");
  cb_assignment_dialog_set_template (dialog, cb_template_store_lookup (store, "irac"));
  cb_assignment_dialog_set_opinion_file (dialog, opinion);
  cb_test_wait_until (is_read, dialog);
  g_assert_nonnull (cb_assignment_dialog_get_opinion (dialog));
  gtk_editable_set_text (GTK_EDITABLE (cb_assignment_dialog_get_field (dialog, "course")), "Constitutional Law I");
  gtk_editable_set_text (GTK_EDITABLE (cb_assignment_dialog_get_field (dialog, "case")), "Davidson v. Cannon");
  set_text_view (cb_assignment_dialog_get_field (dialog, "instructions"),
                 "Brief Davidson v. Cannon for Monday. Quote the majority at least once.");

  /* A due date that is no date is marked and cannot be saved. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_false (cb_assignment_dialog_save_to (dialog, file, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-12-01");
  g_assert_false (gtk_widget_has_css_class (due, "error"));

  g_assert_true (cb_assignment_dialog_save_to (dialog, file, &error));
  g_assert_no_error (error);
  destroy_and_check (GTK_WINDOW (dialog));
  assert_valid (file, "brief.rng");

  assignment = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cb_brief_get_locked (assignment));
  g_assert_cmpstr (cb_brief_get_course (assignment), ==, "Constitutional Law I");
  g_assert_cmpstr (cb_brief_get_due_date (assignment), ==, "2026-12-01");
  g_assert_cmpstr (cb_brief_get_assignment_instructions (assignment), ==,
                   "Brief Davidson v. Cannon for Monday. Quote the majority at least once.");
  g_assert_cmpstr (cb_brief_get_template_id (assignment), ==, "irac");
  g_assert_cmpstr (cb_brief_get_case_name (assignment), ==, "Davidson v. Cannon");
  g_assert_cmpuint (cb_brief_get_n_sections (assignment), ==, 4);
  for (guint i = 0; i < cb_brief_get_n_sections (assignment); i++)
    g_assert_true (cb_section_is_empty (cb_brief_get_section (assignment, i)));
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (assignment)), ==, 0);
  g_assert_nonnull (cb_opinion_get_text (cb_brief_get_opinion (assignment)));

  /* The student opens it: the details are shown, and nothing in the window sets them. */
  window = g_object_new (CB_TYPE_WINDOW, NULL);
  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (has_brief, window);
  brief = cb_window_get_brief (window);
  g_assert_true (cb_brief_get_locked (brief));
  assert_no_detail_actions (GTK_WIDGET (window));

  course_row = cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "course");
  g_assert_cmpstr (gtk_editable_get_text (course_row), ==, "Constitutional Law I");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (course_row)));
  g_assert_false (gtk_editable_get_editable (course_row));
  /* Even text that reaches the row does not reach the brief. */
  gtk_editable_set_text (course_row, "Something Easier");
  g_assert_cmpstr (cb_brief_get_course (brief), ==, "Constitutional Law I");

  /* The student writes and hands in; the details go back as they came. */
  cb_section_set_plain_text (cb_brief_get_section (brief, 0), "Whether the officials' negligence deprived Davidson of liberty.");
  cb_brief_set_student (brief, "Sam Student");
  cb_window_save_to (window, saved);
  cb_test_wait_until (is_file_written, saved);
  cb_test_spin (100);
  {
    g_autoptr(CbBrief) handed_in = cb_brief_load_file (saved, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (cb_brief_get_locked (handed_in));
    g_assert_cmpstr (cb_brief_get_course (handed_in), ==, "Constitutional Law I");
    g_assert_cmpstr (cb_brief_get_due_date (handed_in), ==, "2026-12-01");
    g_assert_cmpstr (cb_brief_get_assignment_instructions (handed_in), ==,
                     "Brief Davidson v. Cannon for Monday. Quote the majority at least once.");
    g_assert_cmpstr (cb_brief_get_student (handed_in), ==, "Sam Student");
  }

  destroy_and_check (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (saved_path);
  g_rmdir (dir);
}

/* Answers the opinion chooser that follows a template, as a user who changed their mind. */
static gboolean
cancel_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window))
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          G_GNUC_END_IGNORE_DEPRECATIONS
          cb_test_spin (50);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_open_template_offers_install (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autofree char *dir = g_dir_make_tmp ("casebrief-template-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "moot-court.brieftemplate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbTemplate) template = cb_template_copy (cb_template_store_lookup (store, "classic"), "moot-court");
  g_autoptr(GFile) user_dir = cb_template_store_get_user_dir (store);
  g_autoptr(GFile) installed = g_file_get_child (user_dir, "moot-court.brieftemplate");
  g_autoptr(GError) error = NULL;
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);
  AdwMessageDialog *dialog;

  cb_template_set_title (template, "Moot Court Brief");
  g_assert_true (cb_template_save_file (template, file, NULL, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  /* Used once: nothing is kept. */
  cb_window_open_file (window, file);
  cb_test_spin (50);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Keep This Template?");
  click_response (dialog, "_Use Once");
  cb_test_spin (50);
  g_assert_true (cancel_file_chooser ());
  g_assert_null (cb_template_store_lookup (store, "moot-court"));
  g_assert_false (g_file_query_exists (installed, NULL));

  /* Kept: it is one of the user's templates from now on. */
  cb_window_open_file (window, file);
  cb_test_spin (50);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  click_response (dialog, "_Keep Template");
  cb_test_spin (50);
  g_assert_true (cancel_file_chooser ());
  g_assert_nonnull (cb_template_store_lookup (store, "moot-court"));
  g_assert_cmpint (cb_template_store_get_origin (store, cb_template_store_lookup (store, "moot-court")),
                   ==, CB_TEMPLATE_ORIGIN_USER);
  g_assert_true (g_file_query_exists (installed, NULL));
  assert_valid (installed, "brieftemplate.rng");

  /* The kept file itself opens straight to the opinion chooser. */
  cb_window_open_file (window, installed);
  cb_test_spin (50);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (cancel_file_chooser ());

  destroy_and_check (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A template whose id would lead outside the templates folder (or is an absolute path)
 * is refused when it is opened: the window says why, naming the file, offers nothing
 * to keep, and no file is written anywhere. */
static void
test_open_template_hostile_id (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autofree char *dir = g_dir_make_tmp ("casebrief-template-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hostile.brieftemplate", NULL);
  g_autofree char *absolute = g_build_filename (dir, "absolute-escape", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) user_dir = cb_template_store_get_user_dir (store);
  g_autofree char *traversal = g_build_filename (g_file_peek_path (user_dir), "..", "..", "escape", NULL);
  const char *ids[] = { "../../escape", absolute, NULL };
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"%s\">\n"
        "  <title>Escape</title>\n  <section id=\"facts\" required=\"true\"><title>Facts</title></section>\n"
        "</brieftemplate>\n", ids[i]);
      g_autofree char *expected = g_strdup_printf (
        "hostile.brieftemplate, line 1: the template id “%s” is not a plain name "
        "(letters, digits, “-”, “_” and “.”, not first; at most 64)", ids[i]);
      g_autofree char *escape = g_strconcat (ids[i] == absolute ? absolute : traversal, ".brieftemplate", NULL);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      cb_window_open_file (window, file);
      cb_test_spin (50);
      g_assert_null (find_message_dialog (GTK_WINDOW (window)));
      g_assert_cmpstr (cb_window_get_last_message (window), ==, expected);
      g_assert_false (g_file_test (escape, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(GFile) kept = g_file_get_child (user_dir, "escape.brieftemplate");

    g_assert_false (g_file_query_exists (kept, NULL));
  }

  destroy_and_check (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Templates, drafts and recent files go to a home of the test's own, never the user's. */
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/professors/editor/build-reorder-save", test_editor_build_reorder_save);
  g_test_add_func ("/professors/editor/builtin-copy", test_editor_builtin_copy);
  g_test_add_func ("/professors/editor/own-words", test_editor_own_words);
  g_test_add_func ("/professors/editor/close-asks", test_editor_close_asks);
  g_test_add_func ("/professors/gallery/lists-builtins", test_gallery_lists_builtins);
  g_test_add_func ("/professors/open-template/offers-install", test_open_template_offers_install);
  g_test_add_func ("/professors/open-template/hostile-id", test_open_template_hostile_id);
  g_test_add_func ("/professors/assignment/create-and-student", test_assignment_create_and_student);
  g_test_add_func ("/professors/assignment/citation", test_assignment_citation);

  return g_test_run ();
}
