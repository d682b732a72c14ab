#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-drafts.h"
#include "cb-brief-view.h"
#include "cb-section-editor.h"
#include "cb-test-ui.h"
#include "cb-window.h"

/* Crash safety end to end. A separate process edits a brief in a real window and is
 * killed with SIGKILL after the autosave delay; a new window then finds the draft and
 * restores exactly what was typed. And a save that fails half-way leaves the previous
 * file as it was and the work in the window. */

#define TYPED "Davidson’s note never reached the officer who could have acted on it."

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();
  return drafts->len > 0;
}

static GtkTextView *
section_view (CbWindow *window,
              guint     index)
{
  GtkWidget *editor = cb_brief_view_get_section_editor (cb_window_get_brief_view (window), index);

  return cb_section_editor_get_text_view (CB_SECTION_EDITOR (editor));
}

static char *
section_text (CbWindow *window,
              guint     index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (section_view (window, index));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types at the end of a section's text, as the keyboard would: one user action. */
static void
type_text (CbWindow   *window,
           guint       index,
           const char *text)
{
  GtkTextView *view = section_view (window, index);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
copy_sample (const char *dir)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                              "davidson-v-cannon.brief", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  char *path = g_build_filename (dir, "davidson.brief", NULL);

  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static CbWindow *
open_brief (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);

  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (has_brief, window);
  return window;
}

/* The process that is killed: opens the brief, types, and waits to be killed. */
static int
run_editor (const char *path)
{
  g_autoptr(GSettings) settings = NULL;
  CbWindow *window;

  /* Never outlive the test, even when it fails before it kills this process. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  gtk_init ();
  adw_init ();
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_uint (settings, "autosave-delay", 1);

  window = open_brief (path);
  type_text (window, 0, TYPED);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
discard_all_drafts (void)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();

  for (guint i = 0; i < drafts->len; i++)
    cb_drafts_discard (cb_draft_get_id (g_ptr_array_index (drafts, i)));
}

static void
test_killed_after_autosave (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-crash-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_get_prgname (), "--edit", path, NULL };
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  GPid pid;
  int status;
  CbWindow *window;

  discard_all_drafts ();
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  argv[0] = self_path;
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Killed as hard as a crash, once its draft is on disk. */
  cb_test_wait_until (has_draft, NULL);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  /* The real file was never touched. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* A new start finds the draft of this file, and restores exactly what was typed. */
  drafts = cb_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (cb_draft_get_original_uri (g_ptr_array_index (drafts, 0)), ==, uri);

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cb_window_restore_draft (window, g_ptr_array_index (drafts, 0), &error));
  g_assert_no_error (error);
  restored = section_text (window, 0);
  g_assert_true (g_str_has_suffix (restored, TYPED));
  g_assert_true (cb_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
  discard_all_drafts ();
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* The toast of the failed save (the title names the file too). */
static gboolean
shows_save_error (gpointer data)
{
  return find_label (data, "Could not save ") && find_label (data, "davidson.brief: ");
}

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

static void
test_failed_save_keeps_everything (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-save-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  CbWindow *window = open_brief (path);

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  type_text (window, 0, TYPED);
  g_assert_true (cb_window_get_modified (window));

  /* Between load and save, the folder stops taking new files: the save writes beside
   * the file and renames, so it fails there. */
  if (!lock_dir (dir, TRUE))
    {
      g_test_skip ("this file system cannot make a folder read-only");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  cb_test_wait_until (shows_save_error, window);
  g_assert_true (lock_dir (dir, FALSE));

  /* The previous file is byte for byte what it was, with nothing left beside it … */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_cmpstr (g_dir_read_name (listing), ==, "davidson.brief");
    g_assert_null (g_dir_read_name (listing));
  }

  /* … and the window still holds the unsaved work. */
  g_assert_true (cb_window_get_modified (window));
  text = section_text (window, 0);
  g_assert_true (g_str_has_suffix (text, TYPED));

  gtk_window_destroy (GTK_WINDOW (window));
  discard_all_drafts ();
  g_unlink (path);
  g_rmdir (dir);
}

/* An export whose file is the open brief itself (here through a link) is refused: the
 * brief on disk stays what it was. */
static gboolean
shows_same_file (gpointer data)
{
  return find_label (data, "is the same file as");
}

static void
test_export_onto_brief (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-export-XXXXXX", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autofree char *link = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (link);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CbWindow *window = open_brief (path);

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (symlink ("davidson.brief", link), ==, 0);
  cb_window_export_pdf (window, pdf);
  cb_test_wait_until (shows_same_file, window);
  cb_test_spin (200);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* As the application sets them: GTK records opened files under these names, and
   * writes its list of recent files with them. */
  g_set_prgname ("casebrief");
  g_set_application_name ("Casebrief");

  /* The editing process inherits the test's home, so its drafts land where the test looks. */
  if (argc == 3 && g_str_equal (argv[1], "--edit"))
    return run_editor (argv[2]);

  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/crash/killed-after-autosave", test_killed_after_autosave);
  g_test_add_func ("/crash/failed-save-keeps-everything", test_failed_save_keeps_everything);
  g_test_add_func ("/crash/export-onto-brief", test_export_onto_brief);
  return g_test_run ();
}
