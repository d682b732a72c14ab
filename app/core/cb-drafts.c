#define G_LOG_DOMAIN "cb-drafts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "cb-drafts.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-xml-private.h"

/* Drafts keep unsaved work safe: each open brief with changes is written, a few
 * seconds after the last edit, to DATADIR/casebrief/drafts/ID.brief, with
 * ID.draft beside it naming the file it is a draft of. They are never written over
 * the user's own file. A clean close or a save removes the draft; whatever is left
 * at the next start is what a crash would otherwise have lost. */

struct _CbDraft
{
  GObject parent_instance;

  char *id;
  char *original_uri;
  GDateTime *saved;
  GFile *file;
};

G_DEFINE_FINAL_TYPE (CbDraft, cb_draft, G_TYPE_OBJECT)

#define DRAFT_GROUP "Draft"

static void
cb_draft_finalize (GObject *object)
{
  CbDraft *self = CB_DRAFT (object);

  g_free (self->id);
  g_free (self->original_uri);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cb_draft_parent_class)->finalize (object);
}

static void
cb_draft_class_init (CbDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_draft_finalize;
}

static void
cb_draft_init (CbDraft *self)
{
}

static gboolean
valid_id (const char *id)
{
  /* Ids name files: nothing that could leave the drafts folder. */
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (const char *id,
            const char *extension)
{
  g_autoptr(GFile) dir = cb_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);
  g_autofree char *dir_path = g_file_get_path (dir);

  return g_build_filename (dir_path, name, NULL);
}

/**
 * cb_drafts_get_dir:
 *
 * Returns: (transfer full): the folder drafts are kept in
 */
GFile *
cb_drafts_get_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "casebrief", "drafts", NULL);
}

static gboolean
save_draft (const char  *id,
            GBytes      *bytes,
            const char  *original_uri,
            gint64       saved,
            GError     **error)
{
  g_autoptr(GFile) dir = cb_drafts_get_dir ();
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GFile) brief_file = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GBytes) info_bytes = NULL;
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *brief_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  gsize info_len;

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CB_ERROR, CB_ERROR_SAVE, _("Could not create the drafts folder %s: %s"),
                   dir_path, g_strerror (saved_errno));
      return FALSE;
    }

  brief_path = draft_path (id, ".brief");
  info_path = draft_path (id, ".draft");
  brief_file = g_file_new_for_path (brief_path);
  info_file = g_file_new_for_path (info_path);
  if (!cb_xml_check_writable (bytes, CB_BRIEF_MAX_BYTES, brief_file, error)
      || !cb_file_save (brief_file, bytes, NULL, CB_FILE_SAVE_PRIVATE, NULL, NULL, error))
    return FALSE;

  if (original_uri != NULL)
    g_key_file_set_string (info, DRAFT_GROUP, "Original", original_uri);
  g_key_file_set_int64 (info, DRAFT_GROUP, "Saved", saved);
  info_data = g_key_file_to_data (info, &info_len, NULL);
  info_bytes = g_bytes_new_take (g_steal_pointer (&info_data), info_len);
  return cb_file_save (info_file, info_bytes, NULL, CB_FILE_SAVE_PRIVATE, NULL, NULL, error);
}

/**
 * cb_drafts_save:
 * @id: the draft's id (letters, digits and dashes)
 * @bytes: the brief as a .brief file
 * @original_uri: (nullable): the file the brief was opened from or saved to
 * @error: return location for an error
 *
 * Writes a draft atomically (through cb_file_save(), readable by the user only),
 * replacing the previous draft of the same id.
 *
 * Returns: whether the draft was written
 */
gboolean
cb_drafts_save (const char  *id,
                GBytes      *bytes,
                const char  *original_uri,
                GError     **error)
{
  g_return_val_if_fail (valid_id (id), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_draft (id, bytes, original_uri, g_get_real_time () / G_USEC_PER_SEC, error);
}

typedef struct
{
  char *id;
  GBytes *bytes;
  char *original_uri;
  gint64 saved;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->id);
  g_bytes_unref (data->bytes);
  g_free (data->original_uri);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (save_draft (data->id, data->bytes, data->original_uri, data->saved, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cb_drafts_save_async:
 * @id: the draft's id (letters, digits and dashes)
 * @bytes: the brief as a .brief file (serialize it on the main thread, then hand it over)
 * @original_uri: (nullable): the file the brief was opened from or saved to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the draft is written
 * @user_data: data for @callback
 *
 * Writes a draft as cb_drafts_save() does, in a worker thread, so that the window
 * does not wait on the disk. Drafts of one id written one after the other land in the
 * order they were started only if each is started after the previous one finished.
 */
void
cb_drafts_save_async (const char          *id,
                      GBytes              *bytes,
                      const char          *original_uri,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (valid_id (id));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (SaveData, 1);
  data->id = g_strdup (id);
  data->bytes = g_bytes_ref (bytes);
  data->original_uri = g_strdup (original_uri);
  data->saved = g_get_real_time () / G_USEC_PER_SEC;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_drafts_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * cb_drafts_save_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Finishes cb_drafts_save_async().
 *
 * Returns: whether the draft was written
 */
gboolean
cb_drafts_save_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cb_drafts_discard:
 * @id: a draft's id
 *
 * Removes a draft, if there is one.
 */
void
cb_drafts_discard (const char *id)
{
  g_autofree char *brief_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (valid_id (id));

  brief_path = draft_path (id, ".brief");
  info_path = draft_path (id, ".draft");
  g_unlink (brief_path);
  g_unlink (info_path);
}

/* A restored draft is saved to its original, so the name read from the .draft file
 * must be a brief's: an absolute URI of a .brief file outside the drafts folder.
 * Anything else is dropped, and the draft saves as a brief that was never saved. */
static char *
original_if_valid (char *uri)
{
  g_autofree char *owned = uri;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *basename = NULL;

  if (uri == NULL || !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return NULL;
  file = g_file_new_for_uri (uri);
  basename = g_file_get_basename (file);
  dir = cb_drafts_get_dir ();
  if (basename == NULL || !g_str_has_suffix (basename, ".brief") || g_file_has_prefix (file, dir))
    return NULL;
  return g_steal_pointer (&owned);
}

static gint
compare_saved (gconstpointer a,
               gconstpointer b)
{
  CbDraft *da = *(CbDraft **) a;
  CbDraft *db = *(CbDraft **) b;

  return g_date_time_compare (db->saved, da->saved);
}

/**
 * cb_drafts_list:
 *
 * Lists the drafts left in the drafts folder, newest first.
 *
 * Returns: (transfer full) (element-type CbDraft): the drafts
 */
GPtrArray *
cb_drafts_list (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) dir = cb_drafts_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr(GDir) listing = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (listing == NULL)
    return drafts;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *brief_path = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      CbDraft *draft;
      gint64 saved;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".draft"));
      if (!valid_id (id))
        continue;

      info_path = g_build_filename (dir_path, name, NULL);
      brief_path = draft_path (id, ".brief");
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          !g_file_test (brief_path, G_FILE_TEST_IS_REGULAR))
        continue;

      saved = g_key_file_get_int64 (info, DRAFT_GROUP, "Saved", NULL);
      draft = g_object_new (CB_TYPE_DRAFT, NULL);
      draft->id = g_steal_pointer (&id);
      draft->original_uri = original_if_valid (g_key_file_get_string (info, DRAFT_GROUP, "Original", NULL));
      draft->saved = g_date_time_new_from_unix_utc (saved);
      draft->file = g_file_new_for_path (brief_path);
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_saved);
  return drafts;
}

/**
 * cb_draft_get_id:
 * @self: a draft
 *
 * Returns: the draft's id
 */
const char *
cb_draft_get_id (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->id;
}

/**
 * cb_draft_get_original_uri:
 * @self: a draft
 *
 * Returns: (nullable): the file the brief belongs to, %NULL when it was never saved
 */
const char *
cb_draft_get_original_uri (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->original_uri;
}

/**
 * cb_draft_get_saved:
 * @self: a draft
 *
 * Returns: (transfer none): when the draft was written
 */
GDateTime *
cb_draft_get_saved (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->saved;
}

/**
 * cb_draft_get_file:
 * @self: a draft
 *
 * Returns: (transfer none): the draft's .brief file
 */
GFile *
cb_draft_get_file (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->file;
}

/**
 * cb_draft_load:
 * @self: a draft
 * @error: return location for an error
 *
 * Loads the brief the draft holds, as any .brief is loaded.
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_draft_load (CbDraft  *self,
               GError  **error)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return cb_brief_load_file (self->file, NULL, error);
}
