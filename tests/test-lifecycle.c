#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-application.h"
#include "cb-brief-view.h"
#include "cb-document-window.h"
#include "cb-drafts.h"
#include "cb-file-banner.h"
#include "cb-section-editor.h"
#include "cb-template-editor.h"
#include "cb-template-store.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* A brief's life beside other programs, through the real application: one window per
 * file however it is opened (again, through a symbolic link, by a relative path, by a
 * second `casebrief FILE`); a file changed, deleted or spoilt on disk is noticed, and
 * never overwritten unasked; a template editor does the same; quitting asks once for
 * every unsaved window; a save into a read-only folder keeps the old file and the
 * work. */

#define TYPED "Davidson’s note never reached the officer who could have acted on it."
#define ELSEWHERE "Davidson v. Cannon, as edited elsewhere"

static CbApplication *app;

/* Waiting */

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !cb_document_get_modified (cb_document_window_get_document (data));
}

static CbFileBanner *
banner_of (gpointer window)
{
  CbFileBanner *banner = CB_FILE_BANNER (cb_test_find_type (GTK_WIDGET (window), CB_TYPE_FILE_BANNER));

  g_assert_nonnull (banner);
  return banner;
}

static gboolean
banner_shown (gpointer window)
{
  return cb_file_banner_get_revealed (banner_of (window));
}

static gboolean
banner_hidden (gpointer window)
{
  return !cb_file_banner_get_revealed (banner_of (window));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
count_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static gboolean
has_dialog (gpointer parent)
{
  return find_message_dialog (parent) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (gpointer parent)
{
  cb_test_wait_until (has_dialog, parent);
  return find_message_dialog (parent);
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
click_banner (gpointer    window,
              const char *label)
{
  GtkWidget *button = cb_test_find_button (GTK_WIDGET (banner_of (window)), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Files */

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
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Another program changes the brief: the sample as it is, with another case name,
 * put in place the way editors save (a new file moved over the old). */
static void
change_elsewhere (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  cb_brief_set_case_name (brief, ELSEWHERE);
  bytes = cb_brief_to_bytes (brief);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* The same, for a file that is gone: the brief a window shows, with another name. */
static void
change_elsewhere_from (const char *path,
                       CbWindow   *window)
{
  g_autoptr(GBytes) bytes = cb_brief_to_bytes (cb_window_get_brief (window));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "mine.brief", &error);
  g_autoptr(GBytes) changed = NULL;

  g_assert_no_error (error);
  cb_brief_set_case_name (brief, ELSEWHERE);
  changed = cb_brief_to_bytes (brief);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (changed, NULL), g_bytes_get_size (changed), NULL));
}

/* Windows */

static guint
count_brief_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data))
      n++;
  return n;
}

static CbWindow *
only_brief_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
window_shows_brief (gpointer data)
{
  CbWindow *window = only_brief_window ();

  return window != NULL && cb_window_get_brief (window) != NULL;
}

/* Opens @file as the shell and the file manager do: GApplication's open. */
static void
open_in_app (GFile *file)
{
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (app), files, 1, "");
}

/* Drops @file on @window, as the file manager does when the file is dragged there.
 * Returns: whether the window took it */
static gboolean
drop_on_window (CbWindow *window,
                GFile    *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList files = { file, NULL };
  gboolean taken = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !taken; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        g_signal_emit_by_name (controller, "drop", &value, 0.0, 0.0, &taken);
    }
  return taken;
}

static CbWindow *
open_brief (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window;

  open_in_app (file);
  cb_test_wait_until (window_shows_brief, NULL);
  window = only_brief_window ();
  cb_test_wait_until (has_brief, window);
  return window;
}

static GtkTextView *
section_view (CbWindow *window,
              guint     index)
{
  GtkWidget *editor = cb_brief_view_get_section_editor (cb_window_get_brief_view (window), index);

  return cb_section_editor_get_text_view (CB_SECTION_EDITOR (editor));
}

/* Types at the end of a section's text, as the keyboard would: one user action. */
static void
type_text (CbWindow   *window,
           const char *text)
{
  GtkTextView *view = section_view (window, 0);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

/* Ends a test: every window gone, drafts too. */
static void
close_everything (void)
{
  g_autoptr(GPtrArray) drafts = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  cb_test_wait_until (no_windows, NULL);
  while (count_message_dialogs () > 0)
    cb_test_spin (20);
  drafts = cb_drafts_list ();
  for (guint i = 0; i < drafts->len; i++)
    cb_drafts_discard (cb_draft_get_id (g_ptr_array_index (drafts, i)));
}

/* A second `casebrief FILE`, run as the shell runs it, in @cwd. */
typedef struct
{
  gboolean done;
  gboolean ok;
} Run;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->ok = g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, NULL);
  run->done = TRUE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

static void
run_casebrief (const char *cwd,
               const char *arg)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { FALSE, FALSE };

  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CASEBRIEF"), arg, NULL);
  g_assert_no_error (error);
  /* It hands the file to this process, the primary instance, and ends; this loop must
   * run meanwhile to take it. */
  g_subprocess_wait_check_async (process, NULL, run_done_cb, &run);
  cb_test_wait_until (run_done, &run);
  g_assert_true (run.ok);
}

/* One window per file */

static void
test_one_window_per_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-one-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  g_autofree char *link = g_build_filename (dir, "link.brief", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autoptr(GFile) relative = NULL;
  g_autoptr(GFile) through_link = g_file_new_for_path (link);
  g_autoptr(GFile) same = g_file_new_for_path (path);
  g_autoptr(GFile) dotted = NULL;
  CbWindow *window;

  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  window = open_brief (path);
  g_assert_cmpuint (count_brief_windows (), ==, 1);

  /* Opened again, as the file manager does on a double-click. */
  open_in_app (same);
  cb_test_spin (200);
  g_assert_cmpuint (count_brief_windows (), ==, 1);

  /* Through a symbolic link, and by a path relative to another folder. */
  open_in_app (through_link);
  cb_test_spin (200);
  g_assert_cmpuint (count_brief_windows (), ==, 1);
  relative = g_file_new_for_commandline_arg_and_cwd ("../mine.brief", sub);
  open_in_app (relative);
  dotted = g_file_new_for_commandline_arg_and_cwd ("./sub/../link.brief", dir);
  open_in_app (dotted);
  cb_test_spin (200);
  g_assert_cmpuint (count_brief_windows (), ==, 1);

  /* From the window's own Open and from a drop: the window it is in. */
  cb_window_open_file (window, through_link);
  g_assert_true (drop_on_window (window, dotted));
  cb_test_spin (200);
  g_assert_cmpuint (count_brief_windows (), ==, 1);

  /* A second `casebrief FILE` from a shell reaches this instance, and shows the same
   * window: by name, through the link, relative to its working folder. */
  run_casebrief (dir, path);
  run_casebrief (dir, "link.brief");
  run_casebrief (sub, "../mine.brief");
  cb_test_spin (200);
  g_assert_cmpuint (count_brief_windows (), ==, 1);
  g_assert_true (only_brief_window () == window);

  /* Saved under another name that is open already elsewhere: refused. */
  {
    g_autofree char *other_path = copy_sample (dir, "other.brief");
    g_autoptr(GFile) other = g_file_new_for_path (other_path);
    CbWindow *second;
    g_autofree char *before = read_file (path);
    g_autofree char *after = NULL;

    open_in_app (other);
    cb_test_spin (200);
    g_assert_cmpuint (count_brief_windows (), ==, 2);
    second = NULL;
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      if (CB_IS_WINDOW (l->data) && l->data != window)
        second = l->data;
    cb_test_wait_until (has_brief, second);
    type_text (second, TYPED);
    cb_window_save_to (second, same);
    cb_test_spin (300);
    g_assert_true (cb_window_get_modified (second));
    g_assert_nonnull (strstr (cb_window_get_last_message (second), "open in another window"));
    after = read_file (path);
    g_assert_cmpstr (after, ==, before);
    g_unlink (other_path);
  }

  close_everything ();
  g_unlink (link);
  g_unlink (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* Changes on disk */

static void
test_changed_on_disk_asks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-changed-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  CbWindow *window = open_brief (path);
  AdwMessageDialog *dialog;
  const char *message;

  type_text (window, TYPED);
  g_assert_true (cb_window_get_modified (window));

  /* Another program saves the file while the student writes: the banner names it. */
  change_elsewhere (path);
  cb_test_wait_until (banner_shown, window);
  message = cb_file_banner_get_message (banner_of (window));
  g_assert_cmpstr (message, ==, "“mine.brief” was changed by another program. This window still shows your version.");
  g_assert_cmpstr (cb_brief_get_case_name (cb_window_get_brief (window)), ==, "Davidson v. Cannon");

  /* Save asks instead of overwriting; until the student answers, the file holds the
   * other program's version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  cb_test_spin (300);
  g_assert_true (file_holds (path, ELSEWHERE));
  g_assert_false (file_holds (path, TYPED));

  /* Cancel: nothing written, the work still in the window. */
  click_response (dialog, "_Cancel");
  cb_test_spin (300);
  g_assert_true (file_holds (path, ELSEWHERE));
  g_assert_true (cb_window_get_modified (window));
  g_assert_true (cb_file_banner_get_revealed (banner_of (window)));

  /* Replace, said on purpose: the student's version is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  click_response (dialog, "_Replace");
  cb_test_wait_until (is_saved, window);
  g_assert_true (file_holds (path, TYPED));
  g_assert_false (file_holds (path, ELSEWHERE));
  cb_test_wait_until (banner_hidden, window);

  /* Changed again, then Keep Mine: the next save overwrites on purpose, without asking. */
  type_text (window, " Again.");
  change_elsewhere (path);
  cb_test_wait_until (banner_shown, window);
  click_banner (window, "_Keep Mine");
  cb_test_wait_until (banner_hidden, window);
  g_assert_true (file_holds (path, ELSEWHERE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  cb_test_wait_until (is_saved, window);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (file_holds (path, TYPED " Again."));

  /* Reload, asked for over unsaved work, asks first; then shows the file as it is. */
  type_text (window, " Lost.");
  change_elsewhere (path);
  cb_test_wait_until (banner_shown, window);
  click_banner (window, "_Reload");
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload the File?");
  click_response (dialog, "_Reload");
  cb_test_wait_until (is_saved, window);
  g_assert_cmpstr (cb_brief_get_case_name (cb_window_get_brief (window)), ==, ELSEWHERE);
  cb_test_wait_until (banner_hidden, window);

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
shows_elsewhere (gpointer data)
{
  CbBrief *brief = cb_window_get_brief (data);

  return brief != NULL && g_strcmp0 (cb_brief_get_case_name (brief), ELSEWHERE) == 0;
}

static void
test_unmodified_reloads (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-reload-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  CbWindow *window = open_brief (path);

  /* Nothing here that the file lacks: the window follows the file, asking nothing. */
  change_elsewhere (path);
  cb_test_wait_until (shows_elsewhere, window);
  g_assert_false (cb_window_get_modified (window));
  g_assert_false (cb_file_banner_get_revealed (banner_of (window)));
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (cb_window_get_last_message (window), ==,
                   "“mine.brief” was changed by another program and is shown as it is now");

  /* And the next save is an ordinary one. */
  type_text (window, TYPED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  cb_test_wait_until (is_saved, window);
  g_assert_true (file_holds (path, TYPED));
  g_assert_true (file_holds (path, ELSEWHERE));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deleted_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-deleted-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  CbWindow *window = open_brief (path);
  AdwMessageDialog *dialog;

  /* Deleted while open and unmodified: the window keeps the brief, and says so. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  cb_test_wait_until (banner_shown, window);
  g_assert_cmpstr (cb_file_banner_get_message (banner_of (window)), ==,
                   "“mine.brief” was deleted or moved away. Your work is kept in this window.");
  g_assert_nonnull (cb_window_get_brief (window));
  /* The window holds the only copy: closing it would ask. */
  g_assert_true (cb_window_get_modified (window));

  /* Saved again only when the student says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Deleted");
  cb_test_spin (300);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  click_response (dialog, "Save _Again");
  cb_test_wait_until (is_saved, window);
  g_assert_true (file_holds (path, "Davidson v. Cannon"));
  cb_test_wait_until (banner_hidden, window);

  /* An editor that deletes the file before it writes the new one: once the file is
   * back, a window with nothing unsaved shows it as it now is. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  cb_test_wait_until (banner_shown, window);
  g_assert_true (cb_window_get_modified (window));
  change_elsewhere_from (path, window);
  cb_test_wait_until (shows_elsewhere, window);
  g_assert_false (cb_window_get_modified (window));
  cb_test_wait_until (banner_hidden, window);

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
banner_names_problem (gpointer window)
{
  const char *message = cb_file_banner_get_message (banner_of (window));

  return message != NULL && strstr (message, "cannot be opened") != NULL;
}

static void
test_replaced_by_non_brief (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-spoilt-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  CbWindow *window = open_brief (path);
  CbBrief *brief = cb_window_get_brief (window);
  static const char garbage[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";

  type_text (window, TYPED);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  cb_test_wait_until (banner_shown, window);
  /* Modified: asked first; the student tries Reload, and the file is not a brief. */
  click_banner (window, "_Reload");
  click_response (wait_for_dialog (window), "_Reload");
  cb_test_wait_until (banner_names_problem, window);
  g_assert_nonnull (strstr (cb_file_banner_get_message (banner_of (window)), "“mine.brief” changed on disk"));
  g_assert_nonnull (strstr (cb_file_banner_get_message (banner_of (window)), "Your work is kept in this window."));
  /* The window keeps the work it had. */
  g_assert_true (cb_window_get_brief (window) == brief);
  {
    g_autofree char *text = cb_section_dup_plain_text (cb_brief_get_section (brief, 0));
    g_assert_true (g_str_has_suffix (text, TYPED));
  }
  g_assert_true (cb_window_get_modified (window));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

/* Templates */

static CbTemplateEditor *
only_template_editor (guint *n)
{
  CbTemplateEditor *found = NULL;

  *n = 0;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CB_IS_TEMPLATE_EDITOR (l->data))
      {
        found = l->data;
        (*n)++;
      }
  return found;
}

static gboolean
template_title_is_elsewhere (gpointer data)
{
  return g_strcmp0 (cb_template_get_title (cb_template_editor_get_template (data)), "Seminar, as edited elsewhere") == 0;
}

/* Another program edits the template file: a new title, put in place atomically. */
static void
change_template_elsewhere (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = cb_template_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  cb_template_set_title (template, "Seminar, as edited elsewhere");
  bytes = cb_template_to_bytes (template);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

typedef struct
{
  gboolean done;
  gboolean saved;
} Saved;

static void
template_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Saved *saved = user_data;

  saved->saved = cb_template_editor_save_finish (CB_TEMPLATE_EDITOR (source), result, NULL);
  saved->done = TRUE;
}

static gboolean
saved_done (gpointer data)
{
  return ((Saved *) data)->done;
}

/* Save As, once the chooser gave @file. */
static void
save_to_and_wait (CbTemplateEditor *editor,
                  GFile            *file)
{
  Saved saved = { FALSE, FALSE };

  cb_template_editor_save_to_async (editor, file, NULL, template_saved_cb, &saved);
  cb_test_wait_until (saved_done, &saved);
  g_assert_true (saved.saved);
}

static void
test_template_editor_same (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(CbTemplate) seminar = cb_template_copy (cb_template_store_lookup (store, "default"), "seminar");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) installed = NULL;
  g_autofree char *path = NULL;
  CbTemplateEditor *editor;
  AdwMessageDialog *dialog;
  guint n;

  cb_template_set_title (seminar, "Seminar");
  installed = cb_template_store_install (store, seminar, &error);
  g_assert_no_error (error);
  path = g_file_get_path (installed);

  /* One editor per template: editing it again shows the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "edit-template", g_variant_new_string ("seminar"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "edit-template", g_variant_new_string ("seminar"));
  cb_test_spin (100);
  editor = only_template_editor (&n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_equal (cb_template_editor_get_file (editor), installed));
  g_assert_false (cb_template_editor_get_modified (editor));

  /* Unmodified, it follows the file. */
  change_template_elsewhere (path);
  cb_test_wait_until (template_title_is_elsewhere, editor);
  g_assert_false (cb_template_editor_get_modified (editor));
  g_assert_false (cb_file_banner_get_revealed (banner_of (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title"))), ==,
                   "Seminar, as edited elsewhere");

  /* Modified, a change elsewhere shows the banner, and Save asks. */
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "author")), "Prof. Ada Byron");
  g_assert_true (cb_template_editor_get_modified (editor));
  {
    g_autoptr(CbTemplate) other = cb_template_load_file (installed, NULL, &error);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_no_error (error);
    cb_template_set_instructions (other, "Changed by a colleague.");
    bytes = cb_template_to_bytes (other);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  }
  cb_test_wait_until (banner_shown, editor);
  g_assert_cmpstr (cb_file_banner_get_message (banner_of (editor)), ==,
                   "“seminar.brieftemplate” was changed by another program. This window still shows your version.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL));
  dialog = wait_for_dialog (editor);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  cb_test_spin (300);
  g_assert_true (file_holds (path, "Changed by a colleague."));
  g_assert_false (file_holds (path, "Prof. Ada Byron"));
  click_response (dialog, "_Replace");
  cb_test_wait_until (is_saved, editor);
  g_assert_true (file_holds (path, "Prof. Ada Byron"));
  g_assert_cmpstr (cb_template_get_author (cb_template_store_lookup (store, "seminar")), ==, "Prof. Ada Byron");

  /* Save As hands out a copy; Save then keeps the template with the user's own again,
   * replacing the earlier save without asking, since nothing else changed it. */
  {
    g_autofree char *dir = g_dir_make_tmp ("casebrief-handout-XXXXXX", NULL);
    g_autofree char *handout_path = g_build_filename (dir, "handout.brieftemplate", NULL);
    g_autoptr(GFile) handout = g_file_new_for_path (handout_path);

    save_to_and_wait (editor, handout);
    g_assert_true (g_file_equal (cb_template_editor_get_file (editor), handout));
    gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "author")), "Prof. Grace Hopper");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL));
    cb_test_wait_until (is_saved, editor);
    g_assert_null (find_message_dialog (GTK_WINDOW (editor)));
    g_assert_true (g_file_equal (cb_template_editor_get_file (editor), installed));
    g_assert_true (file_holds (path, "Prof. Grace Hopper"));
    g_assert_false (file_holds (handout_path, "Prof. Grace Hopper"));

    /* Handed out again; then a colleague changes the user's own: Save asks. */
    save_to_and_wait (editor, handout);
    {
      g_autoptr(CbTemplate) other = cb_template_load_file (installed, NULL, &error);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_no_error (error);
      cb_template_set_instructions (other, "Changed by a colleague, again.");
      bytes = cb_template_to_bytes (other);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }
    gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "author")), "Prof. Barbara Liskov");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.save", NULL));
    dialog = wait_for_dialog (editor);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
    cb_test_spin (300);
    g_assert_true (file_holds (path, "Changed by a colleague, again."));
    g_assert_false (file_holds (path, "Prof. Barbara Liskov"));
    click_response (dialog, "_Replace");
    cb_test_wait_until (is_saved, editor);
    g_assert_true (file_holds (path, "Prof. Barbara Liskov"));
    g_assert_true (g_file_equal (cb_template_editor_get_file (editor), installed));

    g_unlink (handout_path);
    g_rmdir (dir);
  }

  /* Deleted under the editor: kept, and said. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  cb_test_wait_until (banner_shown, editor);
  g_assert_cmpstr (cb_file_banner_get_message (banner_of (editor)), ==,
                   "“seminar.brieftemplate” was deleted or moved away. Your work is kept in this window.");
  g_assert_true (cb_template_editor_get_modified (editor));

  /* Closing asks, as a brief's window does. */
  gtk_window_close (GTK_WINDOW (editor));
  dialog = wait_for_dialog (editor);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Seminar, as edited elsewhere” has changes that are not saved. "
                   "If you close without saving, they are lost.");
  click_response (dialog, "_Discard");
  cb_test_wait_until (no_windows, NULL);

  cb_template_store_reload (store);
  close_everything ();
}

/* Quitting */

static gboolean
collect_row_titles (GtkWidget *widget,
                    gconstpointer data)
{
  GString *out = (GString *) data;

  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s (%s)|", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  return FALSE;
}

static void
test_quit_asks_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-quit-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  g_autofree char *opinion_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                                    "davidson-v-cannon.txt", NULL);
  g_autoptr(GFile) opinion = g_file_new_for_path (opinion_path);
  g_autoptr(GString) rows = g_string_new (NULL);
  CbWindow *first = open_brief (path);
  CbWindow *second = cb_window_new (app);
  CbTemplateEditor *editor;
  AdwMessageDialog *dialog;

  type_text (first, TYPED);
  cb_window_open_file (second, opinion);
  gtk_window_present (GTK_WINDOW (second));
  cb_test_wait_until (has_brief, second);
  type_text (second, "A new brief.");
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-template", NULL);
  cb_test_spin (100);
  {
    guint n;

    editor = only_template_editor (&n);
    g_assert_cmpuint (n, ==, 1);
  }
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Moot Court");

  /* One question, listing every unsaved brief and template. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  cb_test_spin (200);
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  dialog = find_message_dialog (NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "3 windows have changes that are not saved. The checked ones are saved; what is not saved is lost.");
  /* Listed as the windows were last used; each once. */
  cb_test_find_widget (GTK_WIDGET (dialog), collect_row_titles, rows);
  g_assert_cmpuint (strlen (rows->str), ==, strlen ("Davidson v. Cannon (mine.brief)|Untitled Brief (Not saved)|"
                                                    "Moot Court (Not saved)|"));
  g_assert_nonnull (strstr (rows->str, "Davidson v. Cannon (mine.brief)|"));
  g_assert_nonnull (strstr (rows->str, "Untitled Brief (Not saved)|"));
  g_assert_nonnull (strstr (rows->str, "Moot Court (Not saved)|"));

  /* Cancel: nothing closes. */
  click_response (dialog, "_Cancel");
  cb_test_spin (200);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 3);
  g_assert_cmpuint (count_message_dialogs (), ==, 0);

  /* Quit again and discard them all: every window closes, the file untouched. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_dialog (NULL);
  click_response (dialog, "_Discard All");
  cb_test_wait_until (no_windows, NULL);
  g_assert_false (file_holds (path, TYPED));
  g_assert_cmpuint (count_message_dialogs (), ==, 0);

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

/* Read-only folders */

/* Makes @dir refuse new files: read-only for a user, immutable for root (whom
 * permissions do not stop). */
static gboolean
lock_dir (const char *dir,
          gboolean    locked)
{
  if (geteuid () != 0)
    return g_chmod (dir, locked ? 0555 : 0755) == 0;
  {
    const char *argv[] = { "chattr", locked ? "+i" : "-i", dir, NULL };
    int status;

    return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL) && g_spawn_check_wait_status (status, NULL);
  }
}

static gboolean
toast_says (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

typedef struct
{
  GtkWidget *window;
  const char *text;
} Toast;

static gboolean
shows_toast (gpointer data)
{
  Toast *toast = data;

  return cb_test_find_widget (toast->window, toast_says, toast->text) != NULL;
}

static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

  g_assert_cmpstr (g_dir_read_name (listing), ==, name);
  g_assert_null (g_dir_read_name (listing));
}

typedef struct
{
  CbWindow *window;
  const char *text;
} Message;

/* The window's last message (a toast shown, or queued behind another) says @text. */
static gboolean
says (gpointer data)
{
  Message *message = data;
  const char *last = cb_window_get_last_message (message->window);

  return last != NULL && strstr (last, message->text) != NULL;
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-locked-XXXXXX", NULL);
  g_autofree char *template_path = g_build_filename (dir, "handout.brieftemplate", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GFile) template_file = g_file_new_for_path (template_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CbTemplateEditor *editor = cb_template_editor_new (GTK_APPLICATION (app), NULL);
  CbWindow *window;

  /* A template handed out earlier, and an export of the brief, are in the folder. */
  g_assert_true (g_file_set_contents (template_path, "an earlier handout", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_path, "%PDF an earlier export", -1, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Handout");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.add-section", NULL));
  window = cb_window_new (app);
  {
    g_autofree char *opinion_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                                      "davidson-v-cannon.txt", NULL);
    g_autoptr(GFile) opinion = g_file_new_for_path (opinion_path);

    cb_window_open_file (window, opinion);
    gtk_window_present (GTK_WINDOW (window));
    cb_test_wait_until (has_brief, window);
  }
  type_text (window, TYPED);

  if (!lock_dir (dir, TRUE))
    {
      g_test_skip ("this file system cannot make a folder read-only");
      close_everything ();
      return;
    }

  /* The template: a clear message, the old file as it was, the work in the window. */
  cb_template_editor_save_to_async (editor, template_file, NULL, NULL, NULL);
  {
    Toast toast = { GTK_WIDGET (editor), "Could not save " };
    cb_test_wait_until (shows_toast, &toast);
  }
  {
    Toast toast = { GTK_WIDGET (editor), "handout.brieftemplate: " };
    g_assert_true (shows_toast (&toast));
  }
  g_assert_true (cb_template_editor_get_modified (editor));
  g_assert_cmpstr (cb_template_get_title (cb_template_editor_get_template (editor)), ==, "Handout");
  before = read_file (template_path);
  g_assert_cmpstr (before, ==, "an earlier handout");

  /* The PDF export: the same. */
  cb_window_export_pdf (window, pdf_file);
  {
    Message message = { window, "brief.pdf: " };
    cb_test_wait_until (says, &message);
  }
  g_assert_nonnull (strstr (cb_window_get_last_message (window), "Could not save "));
  after = read_file (pdf_path);
  g_assert_cmpstr (after, ==, "%PDF an earlier export");
  g_assert_true (cb_window_get_modified (window));
  {
    g_autofree char *text = cb_section_dup_plain_text (cb_brief_get_section (cb_window_get_brief (window), 0));
    g_assert_true (g_str_has_suffix (text, TYPED));
  }
  g_assert_true (lock_dir (dir, FALSE));

  /* Nothing was left beside them. */
  g_unlink (pdf_path);
  assert_only_file (dir, "handout.brieftemplate");

  close_everything ();
  g_unlink (template_path);
  g_rmdir (dir);
}

/* The disk fills up half-way through each save: files may grow no larger than 1 KiB
 * meanwhile (the limit holds for the worker threads that write). */
static void
test_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-full-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir, "mine.brief");
  g_autofree char *template_path = g_build_filename (dir, "handout.brieftemplate", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GFile) template_file = g_file_new_for_path (template_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  CbWindow *window = open_brief (path);
  CbTemplateEditor *editor = cb_template_editor_new (GTK_APPLICATION (app), NULL);
  struct rlimit saved_limit, small_limit;

  g_assert_true (g_file_set_contents (template_path, "an earlier handout", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_path, "%PDF an earlier export", -1, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (cb_template_editor_get_field (editor, "title")), "Handout");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.add-section", NULL));
  /* Longer than what the disk still takes. */
  {
    g_autoptr(GString) instructions = g_string_new (NULL);

    while (instructions->len < 4096)
      g_string_append (instructions, "Quote the opinion only where the exact words matter. ");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (cb_template_editor_get_field (editor, "instructions"))),
                              instructions->str, -1);
  }
  type_text (window, TYPED);
  /* GTK's list of recent files, written a moment after the brief opened, is written
   * before the disk fills. */
  cb_test_spin (1500);

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved_limit);
  small_limit = saved_limit;
  small_limit.rlim_cur = 1024;
  setrlimit (RLIMIT_FSIZE, &small_limit);

  /* The draft a few seconds after the last edit cannot be written: the student is
   * told, since a crash would now lose the work. */
  {
    Message message = { window, "Unsaved work could not be kept as a draft: Could not save " };
    cb_test_wait_until (says, &message);
  }

  /* The brief: a message naming the file and why, the old file as it was, the work kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  {
    Message message = { window, "mine.brief: the file is too large for the disk" };
    cb_test_wait_until (says, &message);
  }
  g_assert_true (cb_window_get_modified (window));
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);

  /* The template. */
  cb_template_editor_save_to_async (editor, template_file, NULL, NULL, NULL);
  {
    Toast toast = { GTK_WIDGET (editor), "handout.brieftemplate: the file is too large for the disk" };
    cb_test_wait_until (shows_toast, &toast);
  }
  g_assert_true (cb_template_editor_get_modified (editor));
  g_clear_pointer (&after, g_free);
  after = read_file (template_path);
  g_assert_cmpstr (after, ==, "an earlier handout");

  /* The PDF export. */
  cb_window_export_pdf (window, pdf_file);
  {
    Message message = { window, "brief.pdf: the file is too large for the disk" };
    cb_test_wait_until (says, &message);
  }
  setrlimit (RLIMIT_FSIZE, &saved_limit);
  g_clear_pointer (&after, g_free);
  after = read_file (pdf_path);
  g_assert_cmpstr (after, ==, "%PDF an earlier export");
  g_assert_true (cb_window_get_modified (window));
  {
    g_autofree char *text = cb_section_dup_plain_text (cb_brief_get_section (cb_window_get_brief (window), 0));
    g_assert_true (g_str_has_suffix (text, TYPED));
  }

  /* Nothing was left beside them; with room again, the brief saves. */
  g_unlink (template_path);
  g_unlink (pdf_path);
  assert_only_file (dir, "mine.brief");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  cb_test_wait_until (is_saved, window);
  g_assert_true (file_holds (path, TYPED));

  close_everything ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* As the application sets them: GTK records opened files under these names. */
  g_set_prgname ("casebrief");
  g_set_application_name ("Casebrief");
  cb_test_ui_init (&argc, &argv);

  /* The real application, the primary instance on this session bus, so that a second
   * `casebrief FILE` hands its file here. */
  app = cb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/lifecycle/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/lifecycle/changed-on-disk-asks", test_changed_on_disk_asks);
  g_test_add_func ("/lifecycle/unmodified-reloads", test_unmodified_reloads);
  g_test_add_func ("/lifecycle/deleted-file", test_deleted_file);
  g_test_add_func ("/lifecycle/replaced-by-non-brief", test_replaced_by_non_brief);
  g_test_add_func ("/lifecycle/template-editor", test_template_editor_same);
  g_test_add_func ("/lifecycle/quit-asks-once", test_quit_asks_once);
  g_test_add_func ("/lifecycle/read-only-folder", test_read_only_folder);
  g_test_add_func ("/lifecycle/full-disk", test_full_disk);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
