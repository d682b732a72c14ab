#define G_LOG_DOMAIN "cb-template-store"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "cb-core.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-file-private.h"
#include "cb-template-private.h"
#include "cb-template-store.h"

#define BUILTIN_DIR CB_CORE_RESOURCE_PREFIX "/data/templates"
#define TEMPLATE_SUFFIX ".brieftemplate"

/* Where each loaded template came from, kept on the template itself. */
#define ORIGIN_KEY "cb-template-origin"
#define FILE_KEY "cb-template-file"
#define STAMP_KEY "cb-template-stamp"

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
load_dir (CbTemplateStore  *self,
          GFile            *dir,
          CbTemplateOrigin  origin)
{
  g_autoptr(GPtrArray) names = list_template_files (dir);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(CbFileStamp) stamp = NULL;
      g_autoptr(GBytes) bytes = cb_file_load (file, CB_TEMPLATE_MAX_BYTES, &stamp, NULL, &error);
      g_autofree char *name = NULL;
      g_autoptr(CbTemplate) template = NULL;

      if (bytes != NULL)
        {
          name = cb_file_dup_display_name (file);
          template = cb_template_load_bytes (bytes, name, &error);
        }
      if (template == NULL)
        {
          g_ptr_array_add (self->load_errors, g_steal_pointer (&error));
          continue;
        }
      if (has_template (self, cb_template_get_id (template)))
        continue;
      g_object_set_data (G_OBJECT (template), ORIGIN_KEY, GUINT_TO_POINTER (origin));
      g_object_set_data_full (G_OBJECT (template), FILE_KEY, g_object_ref (file), g_object_unref);
      /* What the file was when read, so that an editor of the template can tell a later
       * change by another program from its own. */
      g_object_set_data_full (G_OBJECT (template), STAMP_KEY, g_steal_pointer (&stamp),
                              (GDestroyNotify) cb_file_stamp_unref);
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
  load_dir (self, user_dir, CB_TEMPLATE_ORIGIN_USER);
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autoptr(GFile) dir = g_file_new_build_filename (system_dirs[i], "casebrief", "templates", NULL);
      load_dir (self, dir, CB_TEMPLATE_ORIGIN_SYSTEM);
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
 * cb_template_store_find:
 * @self: a template store
 * @name: a `.brieftemplate` file's path, or a template's id
 * @error: return location for an error
 *
 * Finds the template a user names, as `casebrief new --template` takes it: the file
 * @name when there is one, otherwise the template of the store with that id (built-in,
 * the user's own, or installed for everyone, found as the window finds them). An id no
 * template has is refused with %CB_ERROR_NOT_FOUND, the message listing the ids.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
CbTemplate *
cb_template_store_find (CbTemplateStore  *self,
                        const char       *name,
                        GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) ids = NULL;
  CbTemplate *template;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_commandline_arg (name);
  if (g_file_query_exists (file, NULL))
    return cb_template_load_file (file, NULL, error);

  template = cb_template_store_lookup (self, name);
  if (template != NULL)
    return g_object_ref (template);

  ids = g_string_new (NULL);
  for (guint i = 0; i < self->templates->len; i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, cb_template_get_id (g_ptr_array_index (self->templates, i)));
    }
  g_set_error (error, CB_ERROR, CB_ERROR_NOT_FOUND,
               /* Translators: the second %s lists the ids, "default, classic, irac" */
               _("no template file or template with the id “%s” (the templates are: %s)"), name, ids->str);
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
 * cb_template_store_get_origin:
 * @self: a template store
 * @template: a template of the store
 *
 * Gets where @template was found: built into Casebrief, in the user's own template
 * folder, or in a system folder (installed for everyone).
 *
 * Returns: the origin
 */
CbTemplateOrigin
cb_template_store_get_origin (CbTemplateStore *self,
                              CbTemplate      *template)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), CB_TEMPLATE_ORIGIN_BUILTIN);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), CB_TEMPLATE_ORIGIN_BUILTIN);

  if (cb_template_get_builtin (template))
    return CB_TEMPLATE_ORIGIN_BUILTIN;
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (template), ORIGIN_KEY));
}

/**
 * cb_template_store_get_file:
 * @self: a template store
 * @template: a template of the store
 *
 * Gets the file @template was read from; built-in templates have none.
 *
 * Returns: (transfer none) (nullable): the file
 */
GFile *
cb_template_store_get_file (CbTemplateStore *self,
                            CbTemplate      *template)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);

  return g_object_get_data (G_OBJECT (template), FILE_KEY);
}

/**
 * cb_template_store_get_stamp:
 * @self: a template store
 * @template: a template of the store
 *
 * Gets how the file of @template was when the store read it, to give cb_file_save()
 * when the template is saved back into it.
 *
 * Returns: (transfer none) (nullable): the stamp; built-in templates have none
 */
CbFileStamp *
cb_template_store_get_stamp (CbTemplateStore *self,
                             CbTemplate      *template)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);

  return g_object_get_data (G_OBJECT (template), STAMP_KEY);
}

/**
 * cb_template_store_make_id:
 * @self: a template store
 * @base: what the id should look like ("default-copy", or a title)
 *
 * Makes an id for a new template from @base: letters, digits, dots, dashes and
 * underscores only, and used by no template of the store nor by a file in the user's
 * template folder ("default-copy", then "default-copy-2" …).
 *
 * Returns: (transfer full): the id
 */
char *
cb_template_store_make_id (CbTemplateStore *self,
                           const char      *base)
{
  g_autoptr(GFile) user_dir = NULL;
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  folded = g_utf8_strdown (base, -1);
  /* Room is left for a "-N" that makes it unique. */
  for (const char *p = folded; *p != '\0' && stem->len < CB_TEMPLATE_ID_MAX_LENGTH - 8; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || (stem->len > 0 && (*p == '.' || *p == '-')))
        g_string_append_c (stem, *p);
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "template");

  user_dir = cb_template_store_get_user_dir (self);
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem->str) : g_strdup_printf ("%s-%u", stem->str, n);
      g_autofree char *name = g_strconcat (id, TEMPLATE_SUFFIX, NULL);
      g_autoptr(GFile) file = g_file_get_child (user_dir, name);

      if (!has_template (self, id) && !g_file_query_exists (file, NULL))
        return g_steal_pointer (&id);
    }
}

/**
 * cb_template_store_get_install_file:
 * @self: a template store
 * @template: a template to keep
 * @error: return location for an error
 *
 * Gets the file in the user's template folder that keeps @template: the file of the
 * user template of the same id, or a new one named after the id. An id of a built-in
 * is refused with %CB_ERROR_INVALID, as such a template would never be used (give it
 * a new id with cb_template_store_make_id() first).
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
GFile *
cb_template_store_get_install_file (CbTemplateStore  *self,
                                    CbTemplate       *template,
                                    GError          **error)
{
  g_autoptr(GFile) user_dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *parent_path = NULL;
  CbTemplate *existing;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  existing = cb_template_store_lookup (self, cb_template_get_id (template));
  if (existing != NULL && cb_template_store_get_origin (self, existing) == CB_TEMPLATE_ORIGIN_BUILTIN)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("A built-in template already has the id “%s”"), cb_template_get_id (template));
      return NULL;
    }
  if (existing != NULL && cb_template_store_get_origin (self, existing) == CB_TEMPLATE_ORIGIN_USER)
    return g_object_ref (cb_template_store_get_file (self, existing));

  /* The file's name comes from the template, so it is made only of a valid id, and
   * the folder it lands in is checked once more after canonicalization. */
  if (!cb_template_id_is_valid (cb_template_get_id (template)))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("The template id “%s” is not a plain name"), cb_template_get_id (template));
      return NULL;
    }
  user_dir = cb_template_store_get_user_dir (self);
  name = g_strconcat (cb_template_get_id (template), TEMPLATE_SUFFIX, NULL);
  file = g_file_get_child (user_dir, name);
  parent = g_file_get_parent (file);
  dir_path = g_canonicalize_filename (g_file_peek_path (user_dir), NULL);
  parent_path = parent != NULL ? g_canonicalize_filename (g_file_peek_path (parent), NULL) : NULL;
  if (parent_path == NULL || !g_str_equal (dir_path, parent_path))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("The template id “%s” is not a plain name"), cb_template_get_id (template));
      return NULL;
    }
  return g_steal_pointer (&file);
}

/**
 * cb_template_store_install:
 * @self: a template store
 * @template: the template to keep
 * @error: return location for an error
 *
 * Saves @template into the user's template folder and reloads the store, so that new
 * briefs can be started from it. A user template of the same id is replaced in its
 * own file; one of a built-in's id is refused with %CB_ERROR_INVALID, as it would never
 * be used (give it a new id with cb_template_store_make_id() first).
 *
 * Returns: (transfer full) (nullable): the file written, or %NULL with @error set
 */
GFile *
cb_template_store_install (CbTemplateStore  *self,
                           CbTemplate       *template,
                           GError          **error)
{
  g_autoptr(GFile) user_dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CB_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = cb_template_store_get_install_file (self, template, error);
  if (file == NULL)
    return NULL;
  user_dir = g_file_get_parent (file);
  if (!g_file_make_directory_with_parents (user_dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!cb_template_save_file (template, file, NULL, error))
    return NULL;

  cb_template_store_reload (self);
  return g_steal_pointer (&file);
}
