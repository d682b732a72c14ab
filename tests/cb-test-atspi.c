/* Test helpers: this process's windows read as a screen reader reads them, through
 * AT-SPI on the accessibility bus. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cb-test.h"
#include "cb-test-atspi.h"

/* GTK serves its accessible objects on a connection of its own to the accessibility
 * bus; a test talks to them on a second connection, as Orca would from its process. The
 * calls are asynchronous and the main loop runs while they wait, since the objects that
 * answer are served by this same loop. */

#define ROOT_PATH "/org/a11y/atspi/accessible/root"

struct _CbAtspi
{
  GDBusConnection *connection;
  char *gtk_name;    /* GTK's connection to the bus */
  guint state_watch;
  guint property_watch;
  char *focus_path;         /* the last object that said it took the focus */
  char *description_path;   /* the last object whose description changed */
  char *description;
};

typedef struct
{
  GVariant *reply;
  GError *error;
  gboolean done;
} Call;

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Call *call = data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

static GVariant *
call_on (GDBusConnection *connection,
         const char      *name,
         const char      *path,
         const char      *interface,
         const char      *method,
         GVariant        *parameters,
         const char      *reply_type,
         GError         **error)
{
  Call call = { 0 };

  g_dbus_connection_call (connection, name, path, interface, method, parameters,
                          reply_type ? G_VARIANT_TYPE (reply_type) : NULL,
                          G_DBUS_CALL_FLAGS_NONE, 20000, NULL, call_done, &call);
  while (!call.done)
    g_main_context_iteration (NULL, TRUE);
  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.reply;
}

/* GTK's connection to the bus: the other one this process holds. */
static char *
find_gtk_connection (GDBusConnection *connection)
{
  g_autoptr(GVariant) names = call_on (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListNames", NULL, "(as)", NULL);
  g_autofree const char **list = NULL;

  if (names == NULL)
    return NULL;
  g_variant_get (names, "(^a&s)", &list);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 value;

      if (list[i][0] != ':' || g_strcmp0 (list[i], g_dbus_connection_get_unique_name (connection)) == 0)
        continue;
      pid = call_on (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                     "GetConnectionUnixProcessID", g_variant_new ("(s)", list[i]), "(u)", NULL);
      if (pid == NULL)
        continue;
      g_variant_get (pid, "(u)", &value);
      if (value == (guint32) getpid ())
        return g_strdup (list[i]);
    }
  return NULL;
}

/* Whether the registry lists GTK's root among the applications: GTK answers for its
 * root only once it is. */
static gboolean
registered (CbAtspi *self)
{
  g_autoptr(GVariant) reply = call_on (self->connection, "org.a11y.atspi.Registry", ROOT_PATH,
                                       "org.a11y.atspi.Accessible", "GetChildren", NULL, "(a(so))", NULL);
  g_autoptr(GVariantIter) iter = NULL;
  const char *name, *path;

  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &name, &path))
    if (g_str_equal (name, self->gtk_name))
      return TRUE;
  return FALSE;
}

static gboolean
has_toplevels (CbAtspi *self)
{
  g_autoptr(GVariant) children = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->gtk_name, g_free);
  self->gtk_name = find_gtk_connection (self->connection);
  if (self->gtk_name == NULL || !registered (self))
    return FALSE;
  children = call_on (self->connection, self->gtk_name, ROOT_PATH, "org.a11y.atspi.Accessible",
                      "GetChildren", NULL, "(a(so))", &error);
  if (children == NULL)
    return FALSE;
  list = g_variant_get_child_value (children, 0);
  return g_variant_n_children (list) > 0;
}

static void
state_changed_cb (GDBusConnection *connection,
                  const char      *sender,
                  const char      *path,
                  const char      *interface,
                  const char      *signal,
                  GVariant        *parameters,
                  gpointer         data)
{
  CbAtspi *self = data;
  const char *detail;
  int detail1, detail2;

  g_variant_get_child (parameters, 0, "&s", &detail);
  g_variant_get_child (parameters, 1, "i", &detail1);
  g_variant_get_child (parameters, 2, "i", &detail2);
  if (g_str_equal (detail, "focused") && detail1 == 1)
    {
      g_free (self->focus_path);
      self->focus_path = g_strdup (path);
    }
}

static void
property_changed_cb (GDBusConnection *connection,
                     const char      *sender,
                     const char      *path,
                     const char      *interface,
                     const char      *signal,
                     GVariant        *parameters,
                     gpointer         data)
{
  CbAtspi *self = data;
  g_autoptr(GVariant) value = NULL;
  const char *property;

  g_variant_get_child (parameters, 0, "&s", &property);
  g_variant_get_child (parameters, 3, "v", &value);
  if (g_str_equal (property, "accessible-description") && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_free (self->description_path);
      g_free (self->description);
      self->description_path = g_strdup (path);
      self->description = g_variant_dup_string (value, NULL);
    }
}

/**
 * cb_test_atspi_new:
 *
 * Connects to the accessibility bus of the session and waits until this process's
 * windows are on it.
 *
 * Returns: (transfer full): the connection
 */
CbAtspi *
cb_test_atspi_new (void)
{
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) address = NULL;
  g_autoptr(GError) error = NULL;
  CbAtspi *self = g_new0 (CbAtspi, 1);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const char *bus;

  g_assert_nonnull (session);
  address = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                         "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                         G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (address, "(&s)", &bus);
  self->connection = g_dbus_connection_new_for_address_sync (bus,
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);

  while (!has_toplevels (self))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cb_test_spin (50);
    }
  self->state_watch = g_dbus_connection_signal_subscribe (self->connection, self->gtk_name, "org.a11y.atspi.Event.Object",
                                                          "StateChanged", NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                          state_changed_cb, self, NULL);
  self->property_watch = g_dbus_connection_signal_subscribe (self->connection, self->gtk_name, "org.a11y.atspi.Event.Object",
                                                             "PropertyChange", NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                             property_changed_cb, self, NULL);
  /* The bus has the match rules once a call made after them returns. */
  cb_test_atspi_forget_events (self);
  return self;
}

void
cb_test_atspi_free (CbAtspi *self)
{
  g_dbus_connection_signal_unsubscribe (self->connection, self->state_watch);
  g_dbus_connection_signal_unsubscribe (self->connection, self->property_watch);
  g_free (self->focus_path);
  g_free (self->description_path);
  g_free (self->description);
  g_dbus_connection_close_sync (self->connection, NULL, NULL);
  g_object_unref (self->connection);
  g_free (self->gtk_name);
  g_free (self);
}

/**
 * cb_test_atspi_root:
 * @self: a connection
 *
 * Returns: the path of this application's root object, whose children are its windows
 */
const char *
cb_test_atspi_root (CbAtspi *self)
{
  return ROOT_PATH;
}

/**
 * cb_test_atspi_call:
 * @self: a connection
 * @path: an object of the tree
 * @interface: an AT-SPI interface, e.g. "org.a11y.atspi.Text"
 * @method: one of its methods
 * @parameters: (nullable) (transfer floating): its arguments
 * @reply_type: the type of the reply, e.g. "(a{ss}ii)"
 *
 * Calls @method on @path and fails the test if the call fails.
 *
 * Returns: (transfer full): the reply
 */
GVariant *
cb_test_atspi_call (CbAtspi    *self,
                    const char *path,
                    const char *interface,
                    const char *method,
                    GVariant   *parameters,
                    const char *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = call_on (self->connection, self->gtk_name, path, interface, method, parameters,
                             reply_type, &error);

  if (error != NULL)
    g_error ("%s.%s on %s: %s", interface, method, path, error->message);
  return reply;
}

static GVariant *
get_property (CbAtspi    *self,
              const char *path,
              const char *interface,
              const char *property)
{
  g_autoptr(GVariant) reply = cb_test_atspi_call (self, path, "org.freedesktop.DBus.Properties", "Get",
                                                  g_variant_new ("(ss)", interface, property), "(v)");
  GVariant *value = NULL;

  g_variant_get (reply, "(v)", &value);
  return value;
}

/**
 * cb_test_atspi_get_string:
 * @self: a connection
 * @path: an object of the tree
 * @interface: an AT-SPI interface
 * @property: a string property of it
 *
 * Returns: (transfer full): its value
 */
char *
cb_test_atspi_get_string (CbAtspi    *self,
                          const char *path,
                          const char *interface,
                          const char *property)
{
  g_autoptr(GVariant) value = get_property (self, path, interface, property);

  return g_variant_dup_string (value, NULL);
}

/**
 * cb_test_atspi_get_int:
 * @self: a connection
 * @path: an object of the tree
 * @interface: an AT-SPI interface
 * @property: an integer property of it
 *
 * Returns: its value
 */
int
cb_test_atspi_get_int (CbAtspi    *self,
                       const char *path,
                       const char *interface,
                       const char *property)
{
  g_autoptr(GVariant) value = get_property (self, path, interface, property);

  return g_variant_get_int32 (value);
}

static char *
get_string_property (CbAtspi    *self,
                     const char *path,
                     const char *property)
{
  return cb_test_atspi_get_string (self, path, "org.a11y.atspi.Accessible", property);
}

/**
 * cb_test_atspi_node:
 * @self: a connection
 * @path: an object of the tree
 *
 * Returns: (transfer full): what a screen reader first asks of @path
 */
CbAtspiNode *
cb_test_atspi_node (CbAtspi    *self,
                    const char *path)
{
  CbAtspiNode *node = g_new0 (CbAtspiNode, 1);
  g_autoptr(GVariant) role = NULL;
  g_autoptr(GVariant) states = NULL;
  g_autoptr(GVariant) interfaces = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  guint32 word;
  guint shift = 0;

  node->path = g_strdup (path);
  node->name = get_string_property (self, path, "Name");
  node->description = get_string_property (self, path, "Description");
  role = cb_test_atspi_call (self, path, "org.a11y.atspi.Accessible", "GetRole", NULL, "(u)");
  g_variant_get (role, "(u)", &node->role);
  g_clear_pointer (&role, g_variant_unref);
  role = cb_test_atspi_call (self, path, "org.a11y.atspi.Accessible", "GetRoleName", NULL, "(s)");
  g_variant_get (role, "(s)", &node->role_name);
  states = cb_test_atspi_call (self, path, "org.a11y.atspi.Accessible", "GetState", NULL, "(au)");
  g_variant_get (states, "(au)", &iter);
  while (g_variant_iter_next (iter, "u", &word) && shift < 64)
    {
      node->states |= (guint64) word << shift;
      shift += 32;
    }
  interfaces = cb_test_atspi_call (self, path, "org.a11y.atspi.Accessible", "GetInterfaces", NULL, "(as)");
  g_variant_get (interfaces, "(^as)", &node->interfaces);
  return node;
}

void
cb_test_atspi_node_free (CbAtspiNode *node)
{
  g_free (node->path);
  g_free (node->name);
  g_free (node->description);
  g_free (node->role_name);
  g_strfreev (node->interfaces);
  g_free (node);
}

gboolean
cb_test_atspi_node_has_state (CbAtspiNode *node,
                              guint        state)
{
  return (node->states & ((guint64) 1 << state)) != 0;
}

gboolean
cb_test_atspi_node_implements (CbAtspiNode *node,
                               const char  *interface)
{
  return g_strv_contains ((const char * const *) node->interfaces, interface);
}

/**
 * cb_test_atspi_children:
 * @self: a connection
 * @path: an object of the tree
 *
 * Returns: (transfer full) (element-type utf8): the paths of its children
 */
GPtrArray *
cb_test_atspi_children (CbAtspi    *self,
                        const char *path)
{
  g_autoptr(GVariant) reply = cb_test_atspi_call (self, path, "org.a11y.atspi.Accessible", "GetChildren",
                                                  NULL, "(a(so))");
  g_autoptr(GVariantIter) iter = NULL;
  GPtrArray *children = g_ptr_array_new_with_free_func (g_free);
  const char *name, *child;

  g_variant_get (reply, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &name, &child))
    g_ptr_array_add (children, g_strdup (child));
  return children;
}

static void
walk (CbAtspi    *self,
      const char *path,
      GPtrArray  *nodes,
      guint       depth)
{
  g_autoptr(GPtrArray) children = NULL;

  g_ptr_array_add (nodes, cb_test_atspi_node (self, path));
  g_assert_cmpuint (depth, <, 100);
  children = cb_test_atspi_children (self, path);
  for (guint i = 0; i < children->len; i++)
    walk (self, g_ptr_array_index (children, i), nodes, depth + 1);
}

/**
 * cb_test_atspi_walk:
 * @self: a connection
 * @path: where to start
 *
 * Returns: (transfer full) (element-type CbAtspiNode): @path and every object below
 *   it, depth first, as a screen reader's review of the window meets them
 */
GPtrArray *
cb_test_atspi_walk (CbAtspi    *self,
                    const char *path)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_test_atspi_node_free);

  walk (self, path, nodes, 0);
  return nodes;
}

/**
 * cb_test_atspi_find:
 * @self: a connection
 * @role: an AtspiRole
 * @name: an accessible name
 *
 * Returns: (transfer full) (nullable): the first object of this application with @role
 *   and @name
 */
CbAtspiNode *
cb_test_atspi_find (CbAtspi    *self,
                    guint       role,
                    const char *name)
{
  g_autoptr(GPtrArray) nodes = cb_test_atspi_walk (self, ROOT_PATH);

  for (guint i = 0; i < nodes->len; i++)
    {
      CbAtspiNode *node = g_ptr_array_index (nodes, i);

      if (node->role == role && g_str_equal (node->name, name))
        return g_ptr_array_steal_index (nodes, i);
    }
  return NULL;
}

/**
 * cb_test_atspi_find_window:
 * @self: a connection
 * @name: a window's accessible name
 *
 * Returns: (transfer full) (nullable): the window of this application named @name
 */
CbAtspiNode *
cb_test_atspi_find_window (CbAtspi    *self,
                           const char *name)
{
  g_autoptr(GPtrArray) windows = cb_test_atspi_children (self, ROOT_PATH);

  for (guint i = 0; i < windows->len; i++)
    {
      g_autoptr(CbAtspiNode) node = cb_test_atspi_node (self, g_ptr_array_index (windows, i));

      if (g_str_equal (node->name, name))
        return g_steal_pointer (&node);
    }
  return NULL;
}

/**
 * cb_test_atspi_focus_reported:
 * @self: a connection
 *
 * Returns: (nullable): the path of the object that last reported that it took the
 *   focus ("object:state-changed:focused"), since cb_test_atspi_forget_events()
 */
const char *
cb_test_atspi_focus_reported (CbAtspi *self)
{
  return self->focus_path;
}

/**
 * cb_test_atspi_description_heard:
 * @self: a connection
 * @path: (out) (optional): the object whose description it was
 *
 * Returns: (nullable): the last description an object changed to
 *   ("object:property-change:accessible-description"), since
 *   cb_test_atspi_forget_events()
 */
const char *
cb_test_atspi_description_heard (CbAtspi     *self,
                                 const char **path)
{
  if (path != NULL)
    *path = self->description_path;
  return self->description;
}

/**
 * cb_test_atspi_forget_events:
 * @self: a connection
 *
 * Forgets the events heard so far, once those already sent have arrived.
 */
void
cb_test_atspi_forget_events (CbAtspi *self)
{
  /* A call's reply comes after every signal GTK sent before it. */
  g_autoptr(GVariant) reply = cb_test_atspi_call (self, ROOT_PATH, "org.a11y.atspi.Accessible", "GetChildren",
                                                  NULL, "(a(so))");

  g_clear_pointer (&self->focus_path, g_free);
  g_clear_pointer (&self->description_path, g_free);
  g_clear_pointer (&self->description, g_free);
}
