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
  return self;
}

void
cb_test_atspi_free (CbAtspi *self)
{
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

static char *
get_string_property (CbAtspi    *self,
                     const char *path,
                     const char *property)
{
  g_autoptr(GVariant) reply = cb_test_atspi_call (self, path, "org.freedesktop.DBus.Properties", "Get",
                                                  g_variant_new ("(ss)", "org.a11y.atspi.Accessible", property),
                                                  "(v)");
  g_autoptr(GVariant) value = NULL;

  g_variant_get (reply, "(v)", &value);
  return g_variant_dup_string (value, NULL);
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
