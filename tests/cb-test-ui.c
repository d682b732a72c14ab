#include "config.h"

#include <gdk/x11/gdkx.h>

#include "cb-test-ui.h"

/* What every widget test needs: a home of its own, a window on a real file, a check
 * that a closed window is really gone, and ways to find the widgets a user sees. */

/**
 * cb_test_ui_init:
 * @argc: the test's argc
 * @argv: the test's argv
 *
 * Initialises GLib's test framework and GTK with a private home: drafts, recent files
 * and caches go to a temporary folder, never the user's. The system data dirs stay,
 * for GtkSourceView's own language definitions.
 */
void
cb_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("casebrief-test-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

static gboolean
has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

/**
 * cb_test_open_window:
 * @path: a file, relative to the source tree
 *
 * Opens @path in a new window, as `casebrief FILE` does, and waits until it shows.
 *
 * Returns: (transfer none): the window
 */
CbWindow *
cb_test_open_window (const char *path)
{
  g_autofree char *full = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  CbWindow *window = g_object_new (CB_TYPE_WINDOW, NULL);

  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (has_brief, window);
  return window;
}

/**
 * cb_test_destroy_window:
 * @window: a window
 *
 * Destroys @window and checks that nothing kept it alive, so nothing of it is left to
 * write drafts later.
 */
void
cb_test_destroy_window (CbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
}

/**
 * cb_test_find_widget:
 * @root: where to look
 * @match: what to look for
 * @data: @match's argument
 *
 * Returns: (transfer none) (nullable): the first widget at or below @root, depth
 *   first, that @match accepts
 */
GtkWidget *
cb_test_find_widget (GtkWidget     *root,
                     CbTestMatch    match,
                     gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cb_test_find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/**
 * cb_test_find_type:
 * @root: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type at or below @root
 */
GtkWidget *
cb_test_find_type (GtkWidget *root,
                   GType      type)
{
  return cb_test_find_widget (root, is_type, GSIZE_TO_POINTER (type));
}

/**
 * cb_test_find_row:
 * @root: where to look
 * @title: a row's title as shown
 *
 * Returns: (transfer none) (nullable): the preferences row with that title
 */
GtkWidget *
cb_test_find_row (GtkWidget  *root,
                  const char *title)
{
  return cb_test_find_widget (root, is_row_titled, title);
}

/**
 * cb_test_find_button:
 * @root: where to look
 * @label: a button's label as shown
 *
 * Returns: (transfer none) (nullable): the button with that label
 */
GtkWidget *
cb_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return cb_test_find_widget (root, is_button_labelled, label);
}

/**
 * cb_test_find_shortcut:
 * @widget: a widget
 * @accelerator: a trigger as gtk_shortcut_trigger_parse_string() reads it ("<Alt>Up")
 *
 * Returns: (transfer none) (nullable): the shortcut bound to @accelerator on @widget,
 *   from its class's key bindings or its own shortcut controllers
 */
GtkShortcut *
cb_test_find_shortcut (GtkWidget  *widget,
                       const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (trigger);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return shortcut;
        }
    }
  return NULL;
}

/**
 * cb_test_window_xid:
 * @widget: a widget in a window on the X server
 *
 * Returns: the X window that shows @widget, for xdotool
 */
gulong
cb_test_window_xid (GtkWidget *widget)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
}

static void
child_exited (GPid     pid,
              int      status,
              gpointer data)
{
  *(int *) data = status;
  g_spawn_close_pid (pid);
}

/**
 * cb_test_xdotool:
 * @args: xdotool's arguments, as a shell would split them
 *
 * Runs xdotool, as a user's keyboard and mouse, and lets the windows take what it did.
 */
void
cb_test_xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  GPid pid;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited, &status);
  while (status == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  /* Events from the X server arrive a little after xdotool is done sending them. */
  cb_test_spin (300);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/**
 * cb_test_focus_window:
 * @window: a window shown on the X server
 *
 * Gives @window the X server's keyboard focus, as a click on it would, and waits until
 * it is the active window: only then do its widgets have the focus, and say so.
 */
void
cb_test_focus_window (GtkWindow *window)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu", cb_test_window_xid (GTK_WIDGET (window)));

  cb_test_xdotool (args);
  cb_test_wait_until (window_is_active, window);
}
