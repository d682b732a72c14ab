#define G_LOG_DOMAIN "cb-template-store"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "cb-core.h"
#include "cb-error.h"
#include "cb-template-private.h"
#include "cb-template-store.h"

#define BUILTIN_DIR CB_CORE_RESOURCE_PREFIX "/data/templates"
#define TEMPLATE_SUFFIX ".brieftemplate"

struct _CbTemplateStore
{
  GObject parent_instance;

  GPtrArray *templates;
  GPtrArray *load_errors;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbTemplateStore, cb_template_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gboolean
has_template (CbTemplateStore *self,
              const char      *id)
{
  return cb_template_store_lookup (self, id) != NULL;
}

/* Sorted file names, so that the order (and which of two same-id files wins) does not
 * depend on the file system. */
static GPtrArray *
list_template_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return names;
  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, TEMPLATE_SUFFIX))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
load_dir (CbTemplateStore *self,
          GFile           *dir)
{
  g_autoptr(GPtrArray) names = list_template_files (dir);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(CbTemplate) template = cb_template_load_file (file, NULL, &error);

      if (template == NULL)
        {
          g_ptr_array_add (self->load_errors, g_steal_pointer (&error));
          continue;
        }
      if (has_template (self, cb_template_get_id (template)))
        continue;
      g_ptr_array_add (self->templates, g_steal_pointer (&template));
    }
}

static void
load_builtins (CbTemplateStore *self)
{
  g_auto(GStrv) names = NULL;

  cb_core_ensure_resources ();
  names = g_resources_enumerate_children (BUILTIN_DIR, 0, NULL);
  if (names == NULL)
    return;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", BUILTIN_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CbTemplate) template = NULL;

      if (!g_str_has_suffix (names[i], TEMPLATE_SUFFIX) || bytes == NULL)
        continue;
      template = cb_template_load_bytes (bytes, names[i], &error);
      /* A built-in that does not load is a build mistake, caught by the tests. */
      if (template == NULL)
        {
          g_critical ("Built-in template %s: %s", names[i], error->message);
          continue;
        }
      cb_template_mark_builtin (template);
      g_ptr_array_add (self->templates, g_steal_pointer (&template));
    }
}

static GType
cb_template_store_get_item_type (GListModel *model)
{
  return CB_TYPE_TEMPLATE;
}

static guint
cb_template_store_get_n_items (GListModel *model)
{
  return CB_TEMPLATE_STORE (model)->templates->len;
}

static gpointer
cb_template_store_get_item (GListModel *model,
                            guint       position)
{
  CbTemplateStore *self = CB_TEMPLATE_STORE (model);

  if (position >= self->templates->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->templates, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cb_template_store_get_item_type;
  iface->get_n_items = cb_template_store_get_n_items;
  iface->get_item = cb_template_store_get_item;
}

static void
cb_template_store_finalize (GObject *object)
{
  CbTemplateStore *self = CB_TEMPLATE_STORE (object);

  g_ptr_array_unref (self->templates);
  g_ptr_array_unref (self->load_errors);

  G_OBJECT_CLASS (cb_template_store_parent_class)->finalize (object);
}

static void
cb_template_store_class_init (CbTemplateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_template_store_finalize;
}

static void
cb_template_store_init (CbTemplateStore *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  cb_template_store_reload (self);
}

/**
 * cb_template_store_get_default:
 *
 * Gets the application's template store, made and loaded on first use.
 *
 * Returns: (transfer none): the store
 */
CbTemplateStore *
cb_template_store_get_default (void)
{
  static CbTemplateStore *store;

  if (g_once_init_enter (&store))
    g_once_init_leave (&store, cb_template_store_new ());
  return store;
}

/**
 * cb_template_store_new:
 *
 * Creates a store and loads the templates: built-in ones first, then those in the
 * user's data dir (`casebrief/templates` under g_get_user_data_dir()), then those in
 * the system data dirs. Of several templates with the same id the first found wins, so
 * a user file cannot replace a built-in: a user's edited copy has an id of its own.
 *
 * Returns: (transfer full): a new store
 */
CbTemplateStore *
cb_template_store_new (void)
{
  return g_object_new (CB_TYPE_TEMPLATE_STORE, NULL);
}

/**
 * cb_template_store_reload:
 * @self: a template store
 *
 * Reads all template folders again, as after the user saved a template. Files that
 * cannot be read are skipped and reported by cb_template_store_get_load_errors().
 */
void
cb_template_store_reload (CbTemplateStore *self)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GFile) user_dir = NULL;
  guint removed;

  g_return_if_fail (CB_IS_TEMPLATE_STORE (self));

  removed = self->templates->len;
  g_ptr_array_set_size (self->templates, 0);
  g_ptr_array_set_size (self->load_errors, 0);

  load_builtins (self);
  user_dir = cb_template_store_get_user_dir (self);
  load_dir (self, user_dir);
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autoptr(GFile) dir = g_file_new_build_filename (system_dirs[i], "casebrief", "templates", NULL);
      load_dir (self, dir);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->templates->len);
}

/**
 * cb_template_store_lookup:
 * @self: a template store
 * @id: a template id
 *
 * Finds a template by its id.
 *
 * Returns: (transfer none) (nullable): the template, or %NULL
 */
CbTemplate *
cb_template_store_lookup (CbTemplateStore *self,
                          const char      *id)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->templates->len; i++)
    {
      CbTemplate *template = g_ptr_array_index (self->templates, i);
      if (g_str_equal (cb_template_get_id (template), id))
        return template;
    }
  return NULL;
}

/**
 * cb_template_store_get_default_template:
 * @self: a template store
 *
 * Gets the template new briefs use unless the user picks another: the four-part
 * brief with the id "default".
 *
 * Returns: (transfer none): the default template
 */
CbTemplate *
cb_template_store_get_default_template (CbTemplateStore *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  return cb_template_store_lookup (self, "default");
}

/**
 * cb_template_store_get_load_errors:
 * @self: a template store
 *
 * Gets why template files were skipped at the last load: each error names the file
 * and the problem, for the user to see.
 *
 * Returns: (transfer none) (element-type GError): the errors, possibly none
 */
GPtrArray *
cb_template_store_get_load_errors (CbTemplateStore *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  return self->load_errors;
}

/**
 * cb_template_store_get_user_dir:
 * @self: a template store
 *
 * Gets the folder where the user's own templates are kept and saved.
 *
 * Returns: (transfer full): the folder
 */
GFile *
cb_template_store_get_user_dir (CbTemplateStore *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  return g_file_new_build_filename (g_get_user_data_dir (), "casebrief", "templates", NULL);
}

/**
 * cb_template_store_dup_unused_id:
 * @self: a template store
 * @base: the id to start from, e.g. the id of the template being copied
 *
 * Makes an id no template in the store has, for a user's copy of a template:
 * "default-copy", then "default-copy-2" and so on.
 *
 * Returns: (transfer full): the new id
 */
char *
cb_template_store_dup_unused_id (CbTemplateStore *self,
                                 const char      *base)
{
  char *id;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (base != NULL && base[0] != '\0', NULL);

  id = g_strdup_printf ("%s-copy", base);
  for (guint n = 2; has_template (self, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-copy-%u", base, n);
    }
  return id;
}

/**
 * cb_template_store_save_user_template:
 * @self: a template store
 * @template: a template the user made or edited
 * @error: return location for a #CbError
 *
 * Saves @template as ID.brieftemplate in the user's template folder and reloads the
 * store, so it appears in lists. A built-in's id is refused (%CB_ERROR_INVALID): users
 * edit copies of built-ins, never the built-ins themselves.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_template_store_save_user_template (CbTemplateStore  *self,
                                      CbTemplate       *template,
                                      GError          **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  CbTemplate *existing;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), FALSE);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  existing = cb_template_store_lookup (self, cb_template_get_id (template));
  if (existing != NULL && cb_template_get_builtin (existing))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("“%s” is a built-in template; save your changes as a copy"),
                   cb_template_get_title (existing));
      return FALSE;
    }

  dir = cb_template_store_get_user_dir (self);
  if (!g_file_make_directory_with_parents (dir, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *path = g_file_get_parse_name (dir);
      g_set_error (error, CB_ERROR, CB_ERROR_SAVE, _("Could not save %s: %s"), path, local_error->message);
      return FALSE;
    }
  name = g_strconcat (cb_template_get_id (template), TEMPLATE_SUFFIX, NULL);
  /* Ids may hold characters a file name cannot. */
  g_strdelimit (name, "/\\", '_');
  file = g_file_get_child (dir, name);
  if (!cb_template_save_file (template, file, NULL, error))
    return FALSE;
  cb_template_store_reload (self);
  return TRUE;
}
