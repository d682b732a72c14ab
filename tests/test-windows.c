#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-application.h"
#include "cb-document-window.h"
#include "cb-drafts.h"
#include "cb-new-brief-dialog.h"
#include "cb-template-editor.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* Which window a file, a draft, an editor or a message lands in, through the real
 * application: a draft restored after a crash goes to the window of its file; the
 * gallery hands over to the template editor it opens, which takes the keyboard; an
 * untouched new template is not modified and closes without a critical; a file that
 * cannot be read from the shell says so in the window in use. */

#define TYPED "Davidson’s note never reached the officer who could have acted on it."

static CbApplication *app;

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static guint
count_windows (GType type)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type);
  return n;
}

static gpointer
first_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = cb_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  AdwMessageDialog *dialog;
  const char *label;
} Click;

static gboolean
click_cb (gpointer data)
{
  Click *click = data;

  click_response (click->dialog, click->label);
  click->dialog = NULL;
  return G_SOURCE_REMOVE;
}

static gboolean
clicked (gpointer data)
{
  return ((Click *) data)->dialog == NULL;
}

/* As a click does: from an event the main loop dispatches, a while after the dialog
 * showed, so that what the answer starts runs at once, inside the dialog's response. */
static void
click_response_later (AdwMessageDialog *dialog,
                      const char       *label)
{
  Click click = { dialog, label };

  g_timeout_add (50, click_cb, &click);
  cb_test_wait_until (clicked, &click);
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
close_everything (void)
{
  g_autoptr(GPtrArray) drafts = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  cb_test_wait_until (no_windows, NULL);
  while (find_message_dialog () != NULL)
    cb_test_spin (20);
  drafts = cb_drafts_list ();
  for (guint i = 0; i < drafts->len; i++)
    cb_drafts_discard (cb_draft_get_id (g_ptr_array_index (drafts, i)));
}

static void
open_in_app (GFile *file)
{
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (app), files, 1, "");
}

static char *
copy_sample (const char *dir,
             const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                              "davidson-v-cannon.brief", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static char *
first_section_text (CbWindow *window)
{
  return cb_section_dup_plain_text (cb_brief_get_section (cb_window_get_brief (window), 0));
}

/* Drafts: the application's first open must come here, before any other test's. */

/* What a window killed after its autosave leaves: the brief with TYPED at the end of
 * its first section, as a draft of @path. */
static void
leave_draft (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);
  g_autoptr(GPtrArray) blocks = NULL;
  CbBlock *typed;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  /* A paragraph typed after the section's last, its quotations kept where they are. */
  blocks = cb_section_dup_blocks (cb_brief_get_section (brief, 0));
  typed = cb_block_new_paragraph ();
  cb_block_add_run (typed, TYPED, CB_RUN_PLAIN);
  g_ptr_array_add (blocks, typed);
  cb_section_set_blocks (cb_brief_get_section (brief, 0), blocks);
  bytes = cb_brief_to_bytes (brief);
  /* Written after the file, as a draft of it always is. */
  g_usleep (1100 * 1000);
  g_assert_true (cb_drafts_save (id, bytes, uri, &error));
  g_assert_no_error (error);
}

static gboolean
restored (gpointer data)
{
  CbWindow *window = first_window (CB_TYPE_WINDOW);
  g_autofree char *text = NULL;

  if (window == NULL || cb_window_get_brief (window) == NULL || cb_window_is_reading (window))
    return FALSE;
  text = first_section_text (window);
  return g_str_has_suffix (text, TYPED);
}

/* `casebrief davidson.brief` after a crash, and Restore: one window on the file, with
 * the work of the draft, unsaved; the file as it was. */
static void
test_restore_draft_of_opened_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-restore-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "davidson.brief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  CbWindow *window;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  leave_draft (path);

  open_in_app (file);
  cb_test_wait_until (has_dialog, NULL);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Work?");
  /* The question belongs to the file's window; no other window waits behind it. */
  g_assert_cmpuint (count_windows (CB_TYPE_WINDOW), ==, 1);
  click_response (dialog, "_Restore");
  cb_test_wait_until (restored, NULL);
  /* Whatever was still being read settles, and opens nothing more. */
  cb_test_spin (300);

  g_assert_cmpuint (count_windows (CB_TYPE_WINDOW), ==, 1);
  window = first_window (CB_TYPE_WINDOW);
  g_assert_true (cb_window_has_file (window, file));
  g_assert_true (cb_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Opened again, the file shows the same window, with the work restored. */
  open_in_app (file);
  cb_test_spin (300);
  g_assert_cmpuint (count_windows (CB_TYPE_WINDOW), ==, 1);
  g_assert_true (restored (NULL));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

/* Files from the shell */

static gboolean
says (gpointer data)
{
  const char **expected = data;
  CbWindow *window = (CbWindow *) expected[0];
  const char *message = cb_window_get_last_message (window);

  return message != NULL && strstr (message, expected[1]) != NULL;
}

/* `casebrief bad.brief` with a window open: the message is in that window, naming the
 * file; no new, empty window; the window keeps its brief. */
static void
test_bad_file_in_window_in_use (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-bad-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "davidson.brief");
  g_autofree char *bad_path = g_build_filename (dir, "notes.brief", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  CbWindow *window;
  CbBrief *brief;

  g_assert_true (g_file_set_contents (bad_path, "these are my notes, not a brief", -1, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  open_in_app (file);
  window = first_window (CB_TYPE_WINDOW);
  cb_test_wait_until (has_brief, window);
  brief = cb_window_get_brief (window);

  open_in_app (bad);
  {
    const char *expected[] = { (const char *) window, "notes.brief" };
    cb_test_wait_until (says, expected);
  }
  cb_test_spin (200);
  g_assert_cmpuint (count_windows (CB_TYPE_WINDOW), ==, 1);
  g_assert_true (cb_window_get_brief (window) == brief);

  /* An opinion that cannot be read: the same. */
  open_in_app (empty);
  {
    const char *expected[] = { (const char *) window, "empty.txt" };
    cb_test_wait_until (says, expected);
  }
  cb_test_spin (200);
  g_assert_cmpuint (count_windows (CB_TYPE_WINDOW), ==, 1);
  g_assert_true (cb_window_get_brief (window) == brief);

  close_everything ();
  g_unlink (path);
  g_unlink (bad_path);
  g_unlink (empty_path);
  g_rmdir (dir);
}

/* Templates */

static gboolean
is_edit_button_for (GtkWidget     *widget,
                    gconstpointer  id)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "new-brief.edit-template") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), id);
}

static gboolean
title_reads (gpointer data)
{
  CbTemplateEditor *editor = data;

  return g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title"))),
                           "Moot");
}

/* The pencil of a template in the gallery: the gallery hands over to the editor, which
 * takes the keyboard at once; the pencil again shows the same editor. */
static void
test_gallery_edit_template (void)
{
  g_autofree char *opinion = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                               "davidson-v-cannon.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (opinion);
  CbNewBriefDialog *gallery;
  CbTemplateEditor *editor;
  GtkWidget *pencil;
  CbWindow *window;

  open_in_app (file);
  window = first_window (CB_TYPE_WINDOW);
  cb_test_wait_until (has_brief, window);
  cb_test_spin (200);

  for (guint round = 0; round < 2; round++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "choose-template", NULL);
      cb_test_spin (200);
      gallery = first_window (CB_TYPE_NEW_BRIEF_DIALOG);
      g_assert_nonnull (gallery);
      g_assert_true (gtk_window_get_modal (GTK_WINDOW (gallery)));
      g_object_add_weak_pointer (G_OBJECT (gallery), (gpointer *) &gallery);
      pencil = cb_test_find_widget (GTK_WIDGET (gallery), is_edit_button_for, "irac");
      g_assert_nonnull (pencil);
      g_signal_emit_by_name (pencil, "clicked");
      cb_test_spin (200);
      g_assert_null (gallery);
      g_assert_cmpuint (count_windows (CB_TYPE_TEMPLATE_EDITOR), ==, 1);
    }

  /* Keys typed on the keyboard reach the editor's Title. */
  editor = first_window (CB_TYPE_TEMPLATE_EDITOR);
  cb_test_focus_window (GTK_WINDOW (editor));
  gtk_widget_grab_focus (cb_template_editor_get_field (editor, "title"));
  cb_test_xdotool ("key --delay 20 End");
  cb_test_xdotool ("type --delay 20 ' Moot'");
  cb_test_wait_until (title_reads, editor);
  g_assert_true (cb_template_editor_get_modified (editor));

  close_everything ();
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* New Template, untouched: not modified, no dot, Ctrl+W closes it without asking. Then
 * with a title, Ctrl+W asks, and Discard closes it, without a critical. */
static void
test_new_template_untouched_and_discarded (void)
{
  CbTemplateEditor *editor;

  for (guint round = 0; round < 2; round++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-template", NULL);
      cb_test_spin (200);
      editor = first_window (CB_TYPE_TEMPLATE_EDITOR);
      g_assert_nonnull (editor);
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      g_assert_false (cb_template_editor_get_modified (editor));
      g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (editor)), "•"));
      if (round == 1)
        gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Moot Court");

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.close", NULL));
      cb_test_spin (200);
      if (round == 1)
        {
          AdwMessageDialog *dialog = find_message_dialog ();

          g_assert_nonnull (dialog);
          g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
          click_response_later (dialog, "_Discard");
        }
      else
        g_assert_null (find_message_dialog ());
      cb_test_wait_until (is_gone, &editor);
      /* Whatever the editor left to finish runs now. */
      cb_test_spin (300);
      g_assert_cmpuint (count_windows (CB_TYPE_TEMPLATE_EDITOR), ==, 0);
      g_assert_null (find_message_dialog ());
    }
  close_everything ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_set_prgname ("casebrief");
  g_set_application_name ("Casebrief");
  cb_test_ui_init (&argc, &argv);

  app = cb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  /* First: drafts are offered at the application's first open. */
  g_test_add_func ("/windows/restore-draft-of-opened-file", test_restore_draft_of_opened_file);
  g_test_add_func ("/windows/bad-file-in-window-in-use", test_bad_file_in_window_in_use);
  g_test_add_func ("/windows/gallery-edit-template", test_gallery_edit_template);
  g_test_add_func ("/windows/new-template-untouched-and-discarded", test_new_template_untouched_and_discarded);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
