/* Documents: what a window knows of the file it edits (which file, how it was on disk
 * when last read or written, whether the window holds changes not in it, whether
 * another program changed or removed it since) and the save that will not overwrite
 * such a change unasked. */
#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "cb-error.h"
#include "cb-document.h"

/* Monitor events come in bursts (a save is a create, writes and a rename): one look at
 * the file after the burst. */
#define CHECK_DELAY_MS 150

struct _CbDocument
{
  GObject parent_instance;

  GFile *file;
  char *title;
  /* The file as last read or written here; NULL when not known. */
  CbFileStamp *stamp;
  /* Kept after the file was deleted: the next save makes it again, and only if no
   * other file took its place meanwhile. */
  gboolean expect_absent;
  gboolean modified;
  /* Modified only because the file went away or became unreadable, with no edit
   * here: the file coming back is then shown as any change is. */
  gboolean modified_by_disk;
  /* Edits so far, so that a save tells edits made while it ran from those it wrote. */
  guint64 changes;

  CbDocumentDiskState disk_state;
  /* The file as the last look at the disk found it, when it differs from @stamp. */
  CbFileStamp *disk_stamp;
  GError *disk_error;

  GFile *watched;
  GFileMonitor *monitor;
  guint check_id;
  /* Bumped whenever the file or its stamp is set, so that a look at the disk that
   * started before is ignored. */
  guint serial;
  gboolean checking;
  gboolean check_again;
  /* Tasks of cb_document_check_disk_async() waiting for the look under way. */
  GPtrArray *check_waiters;

  GTask *saving;
  GQueue pending_saves;
};

G_DEFINE_ENUM_TYPE (CbDocumentDiskState, cb_document_disk_state,
                    G_DEFINE_ENUM_VALUE (CB_DOCUMENT_DISK_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (CB_DOCUMENT_DISK_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (CB_DOCUMENT_DISK_DELETED, "deleted"),
                    G_DEFINE_ENUM_VALUE (CB_DOCUMENT_DISK_UNREADABLE, "unreadable"))

G_DEFINE_FINAL_TYPE (CbDocument, cb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_DISK_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile *file;
  GBytes *bytes;
  CbDocumentSaveFlags flags;
  CbFileStamp *expected;
  guint64 changes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->expected, cb_file_stamp_unref);
  g_free (data);
}

static void start_next_save (CbDocument *self);

/* The file a path names once symbolic links are followed, or the file itself. */
static GFile *
canonical_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real = path != NULL ? realpath (path, NULL) : NULL;

  return real != NULL ? g_file_new_for_path (real) : g_object_ref (file);
}

/**
 * cb_document_same_file:
 * @a: a file
 * @b: another file
 *
 * Whether @a and @b name the same file: the same path once symbolic links are
 * followed and relative parts resolved (which holds for a file not there yet), or the
 * same file on disk (cb_file_is_same()), as two hard links are.
 *
 * Returns: %TRUE for the same file
 */
gboolean
cb_document_same_file (GFile *a,
                       GFile *b)
{
  g_autoptr(GFile) real_a = NULL;
  g_autoptr(GFile) real_b = NULL;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  if (g_file_equal (a, b))
    return TRUE;
  real_a = canonical_file (a);
  real_b = canonical_file (b);
  return g_file_equal (real_a, real_b) || cb_file_is_same (a, b);
}

static void
set_modified (CbDocument *self,
              gboolean    modified,
              gboolean    by_disk)
{
  self->modified_by_disk = modified && by_disk;
  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_disk_state (CbDocument          *self,
                CbDocumentDiskState  state)
{
  if (state == CB_DOCUMENT_DISK_UNCHANGED)
    {
      g_clear_pointer (&self->disk_stamp, cb_file_stamp_unref);
      g_clear_error (&self->disk_error);
    }
  if (state == CB_DOCUMENT_DISK_DELETED || state == CB_DOCUMENT_DISK_UNREADABLE)
    {
      /* A file that is gone or unreadable leaves the window with the only good copy:
       * closing it must ask. */
      if (!self->modified)
        set_modified (self, TRUE, TRUE);
    }
  else if (self->modified_by_disk)
    {
      /* Back (an editor that deletes before it writes): nothing was edited here. */
      set_modified (self, FALSE, FALSE);
    }
  if (self->disk_state == state)
    return;
  g_debug ("%s on disk: %d → %d", self->title, self->disk_state, state);
  self->disk_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  CbDocument *self = user_data;

  self->check_id = 0;
  cb_document_check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (CbDocument *self)
{
  if (self->check_id == 0)
    self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    CbDocument        *self)
{
  schedule_check (self);
}

/* Watches the file the document's file is, through any symbolic link, so that a
 * change to the file it points to is seen. */
static void
watch (CbDocument *self)
{
  g_autoptr(GFile) target = self->file != NULL ? canonical_file (self->file) : NULL;

  if (target != NULL && self->watched != NULL && g_file_equal (target, self->watched))
    return;
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->watched);
  if (target == NULL)
    return;

  /* Files no monitor reaches are still checked before each save and when the window
   * is activated. */
  self->monitor = g_file_monitor_file (target, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  self->watched = g_steal_pointer (&target);
}

static void
set_file (CbDocument *self,
          GFile      *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  watch (self);
}

static void
stamp_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  CbFileStamp *stamp = cb_file_stamp_query (task_data, cancellable, &error);

  if (stamp == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stamp, (GDestroyNotify) cb_file_stamp_unref);
}

static void
apply_check (CbDocument   *self,
             CbFileStamp  *stamp,
             const GError *error)
{
  if (stamp != NULL)
    {
      if (self->expect_absent)
        {
          /* Kept after a deletion, and another file took its place. */
          g_clear_pointer (&self->disk_stamp, cb_file_stamp_unref);
          self->disk_stamp = cb_file_stamp_ref (stamp);
          self->expect_absent = FALSE;
          g_clear_pointer (&self->stamp, cb_file_stamp_unref);
          set_disk_state (self, CB_DOCUMENT_DISK_CHANGED);
        }
      else if (cb_file_stamp_equal (stamp, self->stamp))
        set_disk_state (self, CB_DOCUMENT_DISK_UNCHANGED);
      else if ((self->disk_state == CB_DOCUMENT_DISK_CHANGED || self->disk_state == CB_DOCUMENT_DISK_UNREADABLE)
               && cb_file_stamp_equal (stamp, self->disk_stamp))
        return;  /* the same change, seen before */
      else
        {
          g_clear_pointer (&self->disk_stamp, cb_file_stamp_unref);
          self->disk_stamp = cb_file_stamp_ref (stamp);
          g_clear_error (&self->disk_error);
          set_disk_state (self, CB_DOCUMENT_DISK_CHANGED);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    {
      if (self->expect_absent)
        return;
      g_clear_pointer (&self->disk_stamp, cb_file_stamp_unref);
      g_clear_error (&self->disk_error);
      set_disk_state (self, CB_DOCUMENT_DISK_DELETED);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cb_document_set_disk_error (self, error);
}

static void
finish_waiters (CbDocument *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->check_waiters);

  self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CbDocument *self = CB_DOCUMENT (source);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = g_task_propagate_pointer (G_TASK (result), &error);

  self->checking = FALSE;
  /* The file was saved or read again meanwhile: what was found is of no use. */
  if (serial == self->serial && self->saving == NULL)
    apply_check (self, stamp, error);
  if (self->check_again)
    {
      self->check_again = FALSE;
      cb_document_check_disk (self);
      return;
    }
  finish_waiters (self);
}

static void
cb_document_dispose (GObject *object)
{
  CbDocument *self = CB_DOCUMENT (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->file);
  watch (self);

  G_OBJECT_CLASS (cb_document_parent_class)->dispose (object);
}

static void
cb_document_finalize (GObject *object)
{
  CbDocument *self = CB_DOCUMENT (object);

  g_assert (self->saving == NULL && g_queue_is_empty (&self->pending_saves));
  g_assert (self->check_waiters->len == 0);
  g_ptr_array_unref (self->check_waiters);
  g_free (self->title);
  g_clear_pointer (&self->stamp, cb_file_stamp_unref);
  g_clear_pointer (&self->disk_stamp, cb_file_stamp_unref);
  g_clear_error (&self->disk_error);

  G_OBJECT_CLASS (cb_document_parent_class)->finalize (object);
}

static void
cb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CbDocument *self = CB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_DISK_STATE:
      g_value_set_enum (value, self->disk_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CbDocument *self = CB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cb_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      cb_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_document_class_init (CbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_document_dispose;
  object_class->finalize = cb_document_finalize;
  object_class->get_property = cb_document_get_property;
  object_class->set_property = cb_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISK_STATE] =
    g_param_spec_enum ("disk-state", NULL, NULL, CB_TYPE_DOCUMENT_DISK_STATE, CB_DOCUMENT_DISK_UNCHANGED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_document_init (CbDocument *self)
{
  g_queue_init (&self->pending_saves);
  self->check_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cb_document_new:
 *
 * Creates a document with no file, unmodified.
 *
 * Returns: (transfer full): a new #CbDocument
 */
CbDocument *
cb_document_new (void)
{
  return g_object_new (CB_TYPE_DOCUMENT, NULL);
}

/**
 * cb_document_get_file:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the file the document was read from or last
 *   saved to, %NULL before its first save
 */
GFile *
cb_document_get_file (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * cb_document_get_stamp:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): the file as it was last read or saved here
 */
CbFileStamp *
cb_document_get_stamp (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->stamp;
}

/**
 * cb_document_get_title:
 * @self: a document
 *
 * Returns: (nullable): what the document is called in its window ("Davidson v. Cannon")
 */
const char *
cb_document_get_title (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * cb_document_set_title:
 * @self: a document
 * @title: (nullable): what the document is called in its window
 *
 * Sets the document's title, for its window and the questions asked about it.
 */
void
cb_document_set_title (CbDocument *self,
                       const char *title)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * cb_document_dup_file_name:
 * @self: a document
 *
 * Returns: (transfer full) (nullable): the name of the document's file as shown to
 *   the user, %NULL when it has none
 */
char *
cb_document_dup_file_name (CbDocument *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;
  basename = g_file_get_basename (self->file);
  return g_filename_display_name (basename ? basename : "/");
}

/**
 * cb_document_get_modified:
 * @self: a document
 *
 * Returns: whether the window holds changes that are not in the file (or there is no
 *   file to hold them)
 */
gboolean
cb_document_get_modified (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * cb_document_set_modified:
 * @self: a document
 * @modified: whether the window holds changes not in the file
 *
 * Sets the modified flag without counting an edit: a new document that exists nowhere
 * yet, a draft brought back.
 */
void
cb_document_set_modified (CbDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  set_modified (self, modified, FALSE);
}

/**
 * cb_document_changed:
 * @self: a document
 *
 * Records an edit: the document is modified until a save that started after it ends.
 */
void
cb_document_changed (CbDocument *self)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  self->changes++;
  cb_document_set_modified (self, TRUE);
}

/**
 * cb_document_get_changes:
 * @self: a document
 *
 * Returns: how many edits were recorded, to tell whether any came while something
 *   (a reload) was under way
 */
guint64
cb_document_get_changes (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), 0);
  return self->changes;
}

/**
 * cb_document_reset:
 * @self: a document
 * @file: (nullable): the file just read, or %NULL for a document that exists nowhere yet
 * @stamp: (nullable): the file as it was read
 *
 * Starts over with what was just read from @file: unmodified, the file as @stamp
 * says, and watched for changes from now on. The disk is looked at once more at once,
 * in case the file changed again while it was being read.
 */
void
cb_document_reset (CbDocument  *self,
                   GFile       *file,
                   CbFileStamp *stamp)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  self->serial++;
  g_clear_pointer (&self->stamp, cb_file_stamp_unref);
  self->stamp = stamp != NULL ? cb_file_stamp_ref (stamp) : NULL;
  self->expect_absent = FALSE;
  set_file (self, file);
  set_disk_state (self, CB_DOCUMENT_DISK_UNCHANGED);
  cb_document_set_modified (self, FALSE);
  if (file != NULL)
    schedule_check (self);
}

/**
 * cb_document_get_disk_state:
 * @self: a document
 *
 * Returns: what became of the file since it was last read or saved, as far as the
 *   last look at the disk tells
 */
CbDocumentDiskState
cb_document_get_disk_state (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), CB_DOCUMENT_DISK_UNCHANGED);
  return self->disk_state;
}

/**
 * cb_document_get_disk_error:
 * @self: a document
 *
 * Returns: (nullable): why the file on disk cannot be read, in the
 *   %CB_DOCUMENT_DISK_UNREADABLE state
 */
const GError *
cb_document_get_disk_error (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), NULL);
  return self->disk_error;
}

/**
 * cb_document_set_disk_error:
 * @self: a document
 * @error: why the file cannot be read
 *
 * Records that the file on disk cannot be read any more (reading it again failed: it
 * is not readable, or not of its format). The window keeps what it has, modified.
 */
void
cb_document_set_disk_error (CbDocument   *self,
                            const GError *error)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->disk_error);
  self->disk_error = g_error_copy (error);
  set_disk_state (self, CB_DOCUMENT_DISK_UNREADABLE);
  /* The message changed even when the state did not. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_STATE]);
}

/**
 * cb_document_check_disk:
 * @self: a document
 *
 * Looks at the file on disk, in a worker thread, and updates the disk state. The
 * document does this by itself whenever its file monitor reports a change; a window
 * also asks when it is activated, for files no monitor reaches.
 */
void
cb_document_check_disk (CbDocument *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CB_IS_DOCUMENT (self));

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->file == NULL)
    {
      finish_waiters (self);
      return;
    }
  if (self->checking)
    {
      self->check_again = TRUE;
      return;
    }
  self->checking = TRUE;
  task = g_task_new (self, NULL, checked_cb, GUINT_TO_POINTER (self->serial));
  g_task_set_source_tag (task, cb_document_check_disk);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, stamp_thread);
}

/**
 * cb_document_check_disk_async:
 * @self: a document
 * @callback: called once the disk state is up to date
 * @user_data: data for @callback
 *
 * Looks at the file on disk as cb_document_check_disk() does, and calls @callback
 * when the disk state says what was found.
 */
void
cb_document_check_disk_async (CbDocument          *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CB_IS_DOCUMENT (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cb_document_check_disk_async);
  g_ptr_array_add (self->check_waiters, task);
  cb_document_check_disk (self);
}

/**
 * cb_document_check_disk_finish:
 * @self: a document
 * @result: the result given to the callback
 *
 * Finishes cb_document_check_disk_async(); see cb_document_get_disk_state().
 */
void
cb_document_check_disk_finish (CbDocument   *self,
                               GAsyncResult *result)
{
  g_return_if_fail (g_task_is_valid (result, self));
  g_task_propagate_boolean (G_TASK (result), NULL);
}

/**
 * cb_document_keep_mine:
 * @self: a document
 *
 * Keeps the window's version over the one on disk: the next save replaces the file
 * as it is now (or makes it again, when it was deleted), without asking. Should the
 * file change once more before that save, the save asks again.
 */
void
cb_document_keep_mine (CbDocument *self)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));

  if (self->disk_state == CB_DOCUMENT_DISK_UNCHANGED)
    return;
  self->serial++;
  g_clear_pointer (&self->stamp, cb_file_stamp_unref);
  if (self->disk_state == CB_DOCUMENT_DISK_DELETED)
    self->expect_absent = TRUE;
  else
    self->stamp = g_steal_pointer (&self->disk_stamp);
  set_disk_state (self, CB_DOCUMENT_DISK_UNCHANGED);
  cb_document_set_modified (self, TRUE);
}

/**
 * cb_document_is_file:
 * @self: a document
 * @file: a file
 *
 * Whether @file is the document's file, however it is named: through a symbolic link,
 * a relative path, a hard link, or the name it was renamed to.
 *
 * Returns: %TRUE when @file is the document's file
 */
gboolean
cb_document_is_file (CbDocument *self,
                     GFile      *file)
{
  g_autoptr(CbFileStamp) stamp = NULL;

  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->file == NULL)
    return FALSE;
  if (cb_document_same_file (self->file, file))
    return TRUE;
  /* Renamed or moved since it was read: still the same file on disk. */
  stamp = self->stamp != NULL ? cb_file_stamp_query (file, NULL, NULL) : NULL;
  return stamp != NULL && cb_file_stamp_same_file (stamp, self->stamp);
}

/**
 * cb_document_get_saving:
 * @self: a document
 *
 * Returns: whether a save is under way
 */
gboolean
cb_document_get_saving (CbDocument *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  return self->saving != NULL;
}

static void
set_changed_error (CbDocument  *self,
                   GFile       *file,
                   GError     **error)
{
  g_autofree char *name = cb_document_dup_file_name (self);

  switch (self->disk_state)
    {
    case CB_DOCUMENT_DISK_DELETED:
      /* Translators: a file's name */
      g_set_error (error, CB_ERROR, CB_ERROR_CHANGED, _("%s was deleted since it was opened or last saved"), name);
      break;
    case CB_DOCUMENT_DISK_UNREADABLE:
    case CB_DOCUMENT_DISK_CHANGED:
    case CB_DOCUMENT_DISK_UNCHANGED:
    default:
      /* Translators: a file's name */
      g_set_error (error, CB_ERROR, CB_ERROR_CHANGED,
                   _("%s was changed by another program since it was opened or last saved"), name);
      break;
    }
}

static void
file_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CbDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(CbFileStamp) stamp = NULL;
  GError *error = NULL;

  g_assert (self->saving == task);
  self->saving = NULL;

  if (!cb_file_save_finish (result, &stamp, &error))
    {
      /* Refused for a change: look at the disk, so the window can say what it was. */
      if (g_error_matches (error, CB_ERROR, CB_ERROR_CHANGED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        cb_document_check_disk (self);
      g_task_return_error (task, error);
    }
  else
    {
      self->serial++;
      g_clear_pointer (&self->stamp, cb_file_stamp_unref);
      self->stamp = g_steal_pointer (&stamp);
      self->expect_absent = FALSE;
      set_file (self, data->file);
      set_disk_state (self, CB_DOCUMENT_DISK_UNCHANGED);
      cb_document_set_modified (self, self->changes != data->changes);
      g_task_return_boolean (task, TRUE);
    }
  /* What the monitor said while the save ran may have been the save itself, or not. */
  schedule_check (self);
  start_next_save (self);
}

static void
start_save (CbDocument *self,
            GTask      *task)
{
  SaveData *data = g_task_get_task_data (task);
  const CbFileStamp *expected = NULL;
  CbFileSaveFlags flags = CB_FILE_SAVE_NONE;
  GError *error = NULL;

  g_assert (self->saving == NULL);

  if (data->flags & CB_DOCUMENT_SAVE_REPLACE)
    expected = NULL;
  else if (self->file != NULL && cb_document_is_file (self, data->file))
    {
      if (self->disk_state != CB_DOCUMENT_DISK_UNCHANGED)
        {
          /* Known already: nothing to try on disk. */
          set_changed_error (self, data->file, &error);
          g_task_return_error (task, error);
          g_object_unref (task);
          start_next_save (self);
          return;
        }
      if (self->stamp != NULL && !self->expect_absent)
        expected = self->stamp;
      else
        flags = CB_FILE_SAVE_NO_REPLACE;
    }
  else if (data->expected != NULL)
    expected = data->expected;
  else
    flags = CB_FILE_SAVE_NO_REPLACE;

  self->saving = task;
  g_clear_handle_id (&self->check_id, g_source_remove);
  cb_file_save_async (data->file, data->bytes, expected, flags, g_task_get_cancellable (task),
                      file_saved_cb, task);
}

static void
start_next_save (CbDocument *self)
{
  GTask *next;

  if (self->saving != NULL)
    return;
  next = g_queue_pop_head (&self->pending_saves);
  if (next != NULL)
    start_save (self, next);
}

/**
 * cb_document_save_async:
 * @self: a document
 * @file: where to save: the document's own file, or another (Save As)
 * @bytes: the document as its format writes it, taken when the save is asked for
 * @flags: how to treat the file already there
 * @expected: (nullable): for a file not the document's own, how it was when last
 *   read, so that it is replaced unless it changed since (%NULL: only if there is none)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the save refused
 * @user_data: data for @callback
 *
 * Saves @bytes to @file atomically (cb_file_save_async()), after any save of the
 * document still under way. The document's own file is replaced only if it is as it
 * was last read or saved here (or cb_document_keep_mine() said to), another file only
 * if it is as @expected says; otherwise the save is refused with %CB_ERROR_CHANGED or
 * %G_IO_ERROR_EXISTS and the file is untouched, unless @flags say the user agreed to
 * replace it. Once written, @file is the document's file, unmodified unless it was
 * edited while the save ran.
 */
void
cb_document_save_async (CbDocument          *self,
                        GFile               *file,
                        GBytes              *bytes,
                        CbDocumentSaveFlags  flags,
                        CbFileStamp         *expected,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = g_bytes_ref (bytes);
  data->flags = flags;
  data->expected = expected != NULL ? cb_file_stamp_ref (expected) : NULL;
  data->changes = self->changes;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_document_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (self->saving != NULL)
    g_queue_push_tail (&self->pending_saves, task);
  else
    start_save (self, task);
}

/**
 * cb_document_save_finish:
 * @self: a document
 * @result: the result given to the callback
 * @error: return location for an error: %CB_ERROR_CHANGED, %G_IO_ERROR_EXISTS (a
 *   question for the user), %CB_ERROR_SAVE (a message)
 *
 * Finishes cb_document_save_async().
 *
 * Returns: %TRUE when the file is saved
 */
gboolean
cb_document_save_finish (CbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
