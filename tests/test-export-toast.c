/* The toast after Export PDF, through the real window: its Open button starts the
 * default PDF application on the file just written, and Show in Folder asks the file
 * manager (org.freedesktop.FileManager1) to show it, or opens its folder where no file
 * manager answers. The applications are the test's own: a program that writes down
 * what it was started on, named the default for PDFs and folders in the test's home,
 * and a file manager that this test puts on the session bus. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cb-test-ui.h"

#define FILE_MANAGER_NAME "org.freedesktop.FileManager1"

static const char file_manager_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.FileManager1'>"
  "    <method name='ShowItems'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "    <method name='ShowFolders'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "    <method name='ShowItemProperties'><arg type='as' direction='in'/><arg type='s' direction='in'/></method>"
  "  </interface>"
  "</node>";

/* Where the test's application writes each URI it is started on, one a line. */
static char *
launched_log (void)
{
  return g_build_filename (g_get_home_dir (), "launched.log", NULL);
}

/* The test's default application for PDFs and folders: a script that notes its
 * argument. Written before anything asks GIO for applications. */
static void
install_viewer (void)
{
  g_autofree char *log = launched_log ();
  g_autofree char *script = g_build_filename (g_get_home_dir (), "viewer.sh", NULL);
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop = g_build_filename (apps, "casebrief-test-viewer.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", log);
  g_autofree char *desktop_text =
    g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Viewer\nExec=%s %%u\n"
                     "MimeType=application/pdf;inode/directory;\nNoDisplay=true\n", script);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps,
                       "[Default Applications]\n"
                       "application/pdf=casebrief-test-viewer.desktop\n"
                       "inode/directory=casebrief-test-viewer.desktop\n", -1, &error);
  g_assert_no_error (error);
}

static char *
read_launched (void)
{
  g_autofree char *log = launched_log ();
  char *text = NULL;

  if (!g_file_get_contents (log, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* The one file the application was started on: the desktop entry's %u may give a local
 * file as a file: URI or as its path, as the specification allows. */
static GFile *
launched_file (void)
{
  g_autofree char *text = read_launched ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  return g_file_new_for_commandline_arg (lines[0]);
}

static gboolean
launched_something (gpointer data)
{
  g_autofree char *text = read_launched ();

  return *text != '\0';
}

static void
forget_launched (void)
{
  g_autofree char *log = launched_log ();

  g_unlink (log);
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* A toast that says the export is done (AdwToastWidget is libadwaita's own). */
static gboolean
is_exported_toast (GtkWidget     *widget,
                   gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") &&
         cb_test_find_widget (widget, is_labelled, "Exported to PDF") != NULL;
}

static gboolean
has_exported_toast (gpointer data)
{
  return cb_test_find_widget (data, is_exported_toast, NULL) != NULL;
}

typedef struct
{
  CbWindow *window;
  char *dir;
  char *path;
  GFile *file;
  GtkWidget *toast;
} Export;

/* Exports the sample's brief and waits for the toast that says it is done. */
static void
export_brief (Export *export)
{
  export->window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  export->dir = g_dir_make_tmp ("casebrief-export-XXXXXX", NULL);
  export->path = g_build_filename (export->dir, "Davidson brief.pdf", NULL);
  export->file = g_file_new_for_path (export->path);

  cb_window_export_pdf (export->window, export->file);
  cb_test_wait_until (has_exported_toast, export->window);
  g_assert_true (g_file_test (export->path, G_FILE_TEST_IS_REGULAR));
  export->toast = cb_test_find_widget (GTK_WIDGET (export->window), is_exported_toast, NULL);
  g_assert_nonnull (export->toast);
  g_assert_cmpstr (cb_window_get_last_message (export->window), ==, "Exported to PDF");
}

static void
export_clear (Export *export)
{
  cb_test_destroy_window (export->window);
  g_unlink (export->path);
  g_rmdir (export->dir);
  g_free (export->dir);
  g_free (export->path);
  g_object_unref (export->file);
}

static GtkWidget *
toast_button (Export     *export,
              const char *label,
              const char *action)
{
  GtkWidget *button = cb_test_find_button (export->toast, label);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  return button;
}

/* Whether the session bus could start a file manager, which a test must never do. */
static gboolean
file_manager_activatable (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  g_assert_nonnull (bus);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, FILE_MANAGER_NAME);
}

/* Open starts the default PDF application on the file written, by its URI. */
static void
test_open (void)
{
  Export export = { 0 };
  g_autofree char *before = NULL;
  g_autoptr(GFile) launched = NULL;
  GtkWidget *open;

  forget_launched ();
  export_brief (&export);
  open = toast_button (&export, "_Open", "win.open-exported");
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (open)));
  before = read_launched ();
  g_assert_cmpstr (before, ==, "");

  g_assert_true (gtk_widget_activate (open));
  cb_test_wait_until (launched_something, NULL);
  launched = launched_file ();
  if (!g_file_equal (launched, export.file))
    g_error ("Started on %s, not %s", g_file_peek_path (launched), export.path);

  export_clear (&export);
}

/* With no file manager on the bus, Show in Folder opens the folder with the
 * application for folders. */
static void
test_show_in_folder_opens_folder (void)
{
  Export export = { 0 };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) launched = NULL;

  if (file_manager_activatable ())
    {
      g_test_skip ("the session bus would start a real file manager");
      return;
    }
  forget_launched ();
  export_brief (&export);
  g_assert_true (gtk_widget_activate (toast_button (&export, "Show in _Folder", "win.show-exported")));
  cb_test_wait_until (launched_something, NULL);
  launched = launched_file ();
  folder = g_file_get_parent (export.file);
  if (!g_file_equal (launched, folder))
    g_error ("Started on %s, not the folder %s", g_file_peek_path (launched), export.dir);

  export_clear (&export);
}

typedef struct
{
  GPtrArray *calls;             /* "Method uri… | startup-id" */
} FileManager;

static void
file_manager_call (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *path,
                   const char            *interface,
                   const char            *method,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  FileManager *manager = user_data;
  g_autofree const char **uris = NULL;
  g_autofree char *joined = NULL;
  const char *startup_id;

  g_variant_get (parameters, "(^a&s&s)", &uris, &startup_id);
  joined = g_strjoinv (" ", (char **) uris);
  g_ptr_array_add (manager->calls, g_strdup_printf ("%s %s | %s", method, joined, startup_id));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
file_manager_called (gpointer data)
{
  return ((FileManager *) data)->calls->len > 0;
}

/* A file manager on the bus is asked to show the file itself, selected in its folder;
 * nothing else is started. */
static void
test_show_in_folder_file_manager (void)
{
  static const GDBusInterfaceVTable vtable = { file_manager_call, NULL, NULL, { 0 } };
  FileManager manager = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (file_manager_xml, &error);
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *launched = NULL;
  Export export = { 0 };
  guint registration;
  guint owned;

  /* A connection of its own, as a file manager's process has. */
  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (connection, "/org/freedesktop/FileManager1",
                                                    node->interfaces[0], &vtable, &manager, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", FILE_MANAGER_NAME, 4 /* do not queue */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owned);
  g_assert_cmpuint (owned, ==, 1 /* the primary owner */);

  forget_launched ();
  export_brief (&export);
  g_assert_true (gtk_widget_activate (toast_button (&export, "Show in _Folder", "win.show-exported")));
  cb_test_wait_until (file_manager_called, &manager);
  uri = g_file_get_uri (export.file);
  expected = g_strdup_printf ("ShowItems %s | ", uri);
  g_assert_cmpuint (manager.calls->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (manager.calls, 0), ==, expected);
  /* The folder was not opened besides. */
  cb_test_spin (300);
  launched = read_launched ();
  g_assert_cmpstr (launched, ==, "");

  export_clear (&export);
  g_dbus_connection_unregister_object (connection, registration);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_ptr_array_unref (manager.calls);
}

/* Where nothing shows a folder, the toast does not offer to. Run in a process of its
 * own, whose home names no application. */
/* Whether an application of the system's, not the test's, opens folders. */
static gboolean
system_opens_folders (void)
{
  GList *apps = g_app_info_get_all_for_type ("inode/directory");
  gboolean found = FALSE;

  for (GList *l = apps; l != NULL; l = l->next)
    found = found || g_strcmp0 (g_app_info_get_id (l->data), "casebrief-test-viewer.desktop") != 0;
  g_list_free_full (apps, g_object_unref);
  return found;
}

static void
test_no_folder_offer (void)
{
  if (g_test_subprocess ())
    {
      Export export = { 0 };
      g_autoptr(GAppInfo) folders = g_app_info_get_default_for_type ("inode/directory", FALSE);

      g_assert_null (folders);
      export_brief (&export);
      toast_button (&export, "_Open", "win.open-exported");
      g_assert_null (cb_test_find_button (export.toast, "Show in _Folder"));
      export_clear (&export);
      return;
    }
  if (system_opens_folders () || file_manager_activatable ())
    {
      g_test_skip ("this system has an application for folders");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);
  if (!g_test_subprocess ())
    install_viewer ();

  g_test_add_func ("/export-toast/open", test_open);
  g_test_add_func ("/export-toast/show-in-folder/opens-folder", test_show_in_folder_opens_folder);
  g_test_add_func ("/export-toast/show-in-folder/file-manager", test_show_in_folder_file_manager);
  g_test_add_func ("/export-toast/no-folder-offer", test_no_folder_offer);

  return g_test_run ();
}
