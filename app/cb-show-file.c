/* Showing a file Casebrief wrote: opening it with the desktop's default application
 * (gtk_show_uri_full), and showing it in its folder through the file manager's
 * org.freedesktop.FileManager1 ShowItems, or by opening the folder where no file
 * manager answers that. */
#define G_LOG_DOMAIN "cb-show-file"

#include "config.h"

#include "cb-show-file.h"

#define FILE_MANAGER_NAME "org.freedesktop.FileManager1"
#define FILE_MANAGER_PATH "/org/freedesktop/FileManager1"

typedef struct
{
  GDBusConnection *bus;
  GFile *file;
} InFolder;

static void
in_folder_free (InFolder *data)
{
  g_clear_object (&data->bus);
  g_clear_object (&data->file);
  g_free (data);
}

/* Without a file manager on the bus: an application that opens folders, or none. */
static CbFolderShow
folder_opener (void)
{
  g_autoptr(GAppInfo) app = g_app_info_get_default_for_type ("inode/directory", FALSE);

  return app != NULL ? CB_FOLDER_SHOW_OPEN_FOLDER : CB_FOLDER_SHOW_NONE;
}

static void
activatable_names_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  g_autofree const char **names = NULL;

  if (reply != NULL)
    {
      g_variant_get (reply, "(^a&s)", &names);
      if (g_strv_contains (names, FILE_MANAGER_NAME))
        {
          g_task_return_int (task, CB_FOLDER_SHOW_FILE_MANAGER);
          return;
        }
    }
  g_task_return_int (task, folder_opener ());
}

static void
has_owner_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  if (owned)
    {
      g_task_return_int (task, CB_FOLDER_SHOW_FILE_MANAGER);
      return;
    }
  /* A file manager that starts when asked (as Files does) has no owner until then. */
  g_dbus_connection_call (G_DBUS_CONNECTION (source), "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          activatable_names_cb, g_steal_pointer (&task));
}

static void
bus_got_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);

  if (bus == NULL)
    {
      g_task_return_int (task, folder_opener ());
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", FILE_MANAGER_NAME), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          has_owner_cb, g_steal_pointer (&task));
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* gtk_show_uri_full() wants a window. */
static void
show_uri (GtkWindow *parent,
          GFile     *file,
          GTask     *task)
{
  g_autofree char *uri = g_file_get_uri (file);

  GCancellable *cancellable = g_task_get_cancellable (task);

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, cancellable, shown_cb, task);
}

static void
open_folder (GTask *task)
{
  InFolder *data = g_task_get_task_data (task);
  g_autoptr(GFile) folder = g_file_get_parent (data->file);

  show_uri (g_task_get_source_object (task), folder != NULL ? folder : data->file, task);
}

static void
items_shown_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The file manager went away, or failed to start: the folder at least. */
  g_debug ("ShowItems failed: %s", error->message);
  open_folder (g_steal_pointer (&task));
}

static void
items_bus_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  InFolder *data = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  data->bus = g_bus_get_finish (result, NULL);
  if (data->bus == NULL)
    {
      open_folder (g_steal_pointer (&task));
      return;
    }
  uri = g_file_get_uri (data->file);
  uris[0] = uri;
  g_dbus_connection_call (data->bus, FILE_MANAGER_NAME, FILE_MANAGER_PATH, FILE_MANAGER_NAME, "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          cancellable, items_shown_cb, g_steal_pointer (&task));
}

static void
in_folder_how_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  CbFolderShow how = cb_show_file_folder_how_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (how == CB_FOLDER_SHOW_FILE_MANAGER)
    g_bus_get (G_BUS_TYPE_SESSION, cancellable, items_bus_cb, g_steal_pointer (&task));
  else
    open_folder (g_steal_pointer (&task));
}

/**
 * cb_show_file_open_async:
 * @parent: the window asking
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the application was started, or could not be
 * @user_data: data for @callback
 *
 * Opens @file with the desktop's default application for its type, as a double click
 * in the file manager does.
 */
void
cb_show_file_open_async (GtkWindow           *parent,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_show_file_open_async);
  show_uri (parent, file, task);
}

/**
 * cb_show_file_open_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Finishes cb_show_file_open_async().
 *
 * Returns: whether an application was started on the file
 */
gboolean
cb_show_file_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cb_show_file_folder_how_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Finds out how a file can be shown in its folder on this desktop: through a file
 * manager that owns org.freedesktop.FileManager1 on the session bus or starts when
 * asked for it, else by opening the folder with the application for folders, else not.
 */
void
cb_show_file_folder_how_async (GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cb_show_file_folder_how_async);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_got_cb, task);
}

/**
 * cb_show_file_folder_how_finish:
 * @result: the result given to the callback
 * @error: return location for an error: only %G_IO_ERROR_CANCELLED
 *
 * Finishes cb_show_file_folder_how_async().
 *
 * Returns: how a file can be shown in its folder
 */
CbFolderShow
cb_show_file_folder_how_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(GError) local = NULL;
  gssize how;

  g_return_val_if_fail (g_task_is_valid (result, NULL), CB_FOLDER_SHOW_NONE);

  how = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return CB_FOLDER_SHOW_NONE;
    }
  return (CbFolderShow) how;
}

/**
 * cb_show_file_in_folder_async:
 * @parent: the window asking
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the folder was shown, or could not be
 * @user_data: data for @callback
 *
 * Shows @file in its folder: the file manager opens the folder with the file selected
 * (ShowItems of org.freedesktop.FileManager1); without such a file manager, or when it
 * fails, the folder is opened with the application for folders.
 */
void
cb_show_file_in_folder_async (GtkWindow           *parent,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  InFolder *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_show_file_in_folder_async);
  data = g_new0 (InFolder, 1);
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) in_folder_free);
  cb_show_file_folder_how_async (cancellable, in_folder_how_cb, task);
}

/**
 * cb_show_file_in_folder_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Finishes cb_show_file_in_folder_async().
 *
 * Returns: whether the folder was shown
 */
gboolean
cb_show_file_in_folder_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
