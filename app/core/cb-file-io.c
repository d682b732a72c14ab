/* Reading and saving files: the one size-capped loader and the one atomic saver that
 * every file Casebrief reads or writes goes through. */
#define G_LOG_DOMAIN "cb-file-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-file-private.h"

/* Read in pieces, so a cancelled load stops soon. */
#define READ_CHUNK (4 * 1024 * 1024)

typedef struct
{
  gsize max_bytes;
  GBytes *bytes;
  CbFileStamp *expected;
  CbFileSaveFlags flags;
  CbFileStamp *stamp;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->expected, cb_file_stamp_unref);
  g_clear_pointer (&data->stamp, cb_file_stamp_unref);
  g_free (data);
}

char *
cb_file_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "/");
}

/* One wording for what goes wrong with a file, whichever format it holds. */
const char *
cb_file_describe_errno (int      errsv,
                        gboolean saving)
{
  switch (errsv)
    {
    case ENOENT:
      return saving ? _("the folder does not exist") : _("no such file");
    case ENOTDIR:
      return _("a part of the path is not a folder");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case EISDIR:
      return saving ? _("a folder of that name is in the way") : _("a folder, not a file");
    case ENOSPC:
    case EDQUOT:
      return _("the disk is full");
    case EFBIG:
      return _("the file is too large for the disk");
    case EROFS:
      return _("the disk is read-only");
    case EEXIST:
      return _("the file already exists");
    case EIO:
      return saving ? _("the disk could not be written") : _("the disk could not be read");
    case ENAMETOOLONG:
      return _("the name is too long");
    case ELOOP:
      return _("too many symbolic links");
    default:
      return g_strerror (errsv);
    }
}

/* GIO's own messages spell out paths (and temporary files the user never asked for):
 * the codes they share with the system are worded as above. */
const char *
cb_file_describe_gio_error (const GError *error,
                            gboolean      saving)
{
  static const struct { int code; int errsv; } codes[] = {
    { G_IO_ERROR_NOT_FOUND, ENOENT },
    { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR },
    { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_IS_DIRECTORY, EISDIR },
    { G_IO_ERROR_NO_SPACE, ENOSPC },
    { G_IO_ERROR_READ_ONLY, EROFS },
    { G_IO_ERROR_EXISTS, EEXIST },
    { G_IO_ERROR_FILENAME_TOO_LONG, ENAMETOOLONG },
    { G_IO_ERROR_TOO_MANY_LINKS, ELOOP },
  };

  if (error->domain == G_IO_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      if (error->code == codes[i].code)
        return cb_file_describe_errno (codes[i].errsv, saving);
  return error->message;
}

void
cb_file_set_save_error (GError     **error,
                        GFile       *file,
                        GQuark       domain,
                        int          code,
                        const char  *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* Translators: a file's name, then why it could not be written */
  g_set_error (error, domain, code, _("Could not save %s: %s"), name, reason);
}

/**
 * cb_file_set_too_large_error:
 * @error: return location for the error
 * @name: the file's name
 * @max_bytes: the most that is read
 *
 * Sets the %CB_ERROR_TOO_LARGE error of a file over its format's cap, in the one
 * wording every format uses.
 */
void
cb_file_set_too_large_error (GError     **error,
                             const char  *name,
                             gsize        max_bytes)
{
  guint megabytes = (guint) ((max_bytes + 1024 * 1024 - 1) / (1024 * 1024));

  g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
               /* Translators: a file's name, then the largest size read, in megabytes */
               _("%s is too large to open (over %u MB)"), name, megabytes);
}

static void
set_load_errno_error (GError     **error,
                      const char  *name,
                      int          errsv)
{
  /* Translators: a file's name, then why it cannot be read */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), _("%s: %s"),
               name, cb_file_describe_errno (errsv, FALSE));
}

static gboolean
check_type (GFileType    type,
            goffset      size,
            const char  *name,
            gsize        max_bytes,
            GError     **error)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder, not a file"), name);
      return FALSE;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_NOT_REGULAR, _("%s is not a regular file"), name);
      return FALSE;
    }
  if (size < 0 || (guint64) size > max_bytes)
    {
      cb_file_set_too_large_error (error, name, max_bytes);
      return FALSE;
    }
  return TRUE;
}

static GFileType
type_of_stat (const struct stat *st)
{
  if (S_ISDIR (st->st_mode))
    return G_FILE_TYPE_DIRECTORY;
  if (S_ISREG (st->st_mode))
    return G_FILE_TYPE_REGULAR;
  return G_FILE_TYPE_SPECIAL;
}

static gboolean
set_cancelled_error (GCancellable  *cancellable,
                     const char    *name,
                     GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  /* Translators: a file's name */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: reading was cancelled"), name);
  return TRUE;
}

static GBytes *
load_local (const char    *path,
            const char    *name,
            gsize          max_bytes,
            CbFileStamp  **out_stamp,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize len = 0, allocated;
  int fd;

  /* The type is checked before opening, since opening a device can do something of its
   * own, and again on what was opened, in case the name changed hands in between. The
   * open does not wait for a FIFO's writer. */
  if (stat (path, &st) != 0)
    {
      set_load_errno_error (error, name, errno);
      return NULL;
    }
  if (!check_type (type_of_stat (&st), st.st_size, name, max_bytes, error))
    return NULL;
  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_load_errno_error (error, name, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_load_errno_error (error, name, errno);
      close (fd);
      return NULL;
    }
  if (!check_type (type_of_stat (&st), st.st_size, name, max_bytes, error))
    {
      close (fd);
      return NULL;
    }

  /* The cap holds while reading too: a file that grows is cut off, not followed. */
  allocated = (gsize) st.st_size + 1;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (len == allocated)
        {
          allocated = MIN (allocated * 2, max_bytes + 1);
          data = g_realloc (data, allocated);
        }
      if (set_cancelled_error (cancellable, name, error))
        {
          close (fd);
          return NULL;
        }
      n = read (fd, data + len, MIN (allocated - len, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_load_errno_error (error, name, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      if (len > max_bytes)
        {
          cb_file_set_too_large_error (error, name, max_bytes);
          close (fd);
          return NULL;
        }
    }
  close (fd);

  if (out_stamp != NULL)
    *out_stamp = cb_file_stamp_new_for_stat (&st);
  if (len == 0)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), len), len);
}

static GBytes *
load_gio (GFile         *file,
          const char    *name,
          gsize          max_bytes,
          CbFileStamp  **out_stamp,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream,
                                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                           G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_ID_FILE ","
                                           G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                           cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        check_type (G_FILE_TYPE_DIRECTORY, 0, name, max_bytes, error);
      else
        g_set_error (error, local_error->domain, local_error->code, _("%s: %s"),
                     name, cb_file_describe_gio_error (local_error, FALSE));
      return NULL;
    }
  if (!check_type (g_file_info_get_file_type (info), g_file_info_get_size (info), name, max_bytes, error))
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, local_error->domain, local_error->code, _("%s: %s"),
                       name, cb_file_describe_gio_error (local_error, FALSE));
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_bytes)
        {
          cb_file_set_too_large_error (error, name, max_bytes);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  if (out_stamp != NULL)
    *out_stamp = cb_file_stamp_new_for_info (info);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * cb_file_load:
 * @file: the file to read
 * @max_bytes: the most its format accepts; a larger file is refused
 * @out_stamp: (out) (optional) (transfer full): the file as it was read, to give
 *   cb_file_save() so that it refuses to overwrite a change made since
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a whole file, for any of Casebrief's formats. Only regular files are read: a
 * folder is refused with %G_IO_ERROR_IS_DIRECTORY, a FIFO, a device or a socket (or a
 * symbolic link to one) with %CB_ERROR_NOT_REGULAR, without waiting on it or reading
 * from it. A file over @max_bytes is refused with %CB_ERROR_TOO_LARGE before it is
 * read, and one that grows past it while being read is cut off there, so memory stays
 * bounded whatever the file does. Errors of the system keep their %G_IO_ERROR code.
 * Every message begins with the file's name.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
cb_file_load (GFile         *file,
              gsize          max_bytes,
              CbFileStamp  **out_stamp,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_bytes < G_MAXSIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = cb_file_dup_display_name (file);
  if (set_cancelled_error (cancellable, name, error))
    return NULL;
  path = g_file_get_path (file);
  if (path != NULL)
    return load_local (path, name, max_bytes, out_stamp, cancellable, error);
  return load_gio (file, name, max_bytes, out_stamp, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GBytes *bytes = cb_file_load (source_object, data->max_bytes, &data->stamp, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/**
 * cb_file_load_async:
 * @file: the file to read
 * @max_bytes: the most its format accepts
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when the file is read; the
 *   source object is @file
 * @user_data: data for @callback
 *
 * Reads a file in a worker thread, as cb_file_load() does.
 */
void
cb_file_load_async (GFile               *file,
                    gsize                max_bytes,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (max_bytes < G_MAXSIZE);

  data = g_new0 (TaskData, 1);
  data->max_bytes = max_bytes;
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_file_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cb_file_load_finish:
 * @result: the result given to the callback
 * @out_stamp: (out) (optional) (transfer full): the file as it was read
 * @error: return location for an error
 *
 * Finishes cb_file_load_async().
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
cb_file_load_finish (GAsyncResult  *result,
                     CbFileStamp  **out_stamp,
                     GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cb_file_load_async, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && out_stamp != NULL)
    {
      TaskData *data = g_task_get_task_data (G_TASK (result));

      *out_stamp = g_steal_pointer (&data->stamp);
    }
  return bytes;
}

/**
 * cb_file_save:
 * @file: the file to write
 * @bytes: its new contents
 * @expected: (nullable): the stamp @file had when it was last read or saved; the save
 *   is then refused with %CB_ERROR_CHANGED if the file on disk is no longer that one
 *   (another program wrote, replaced or deleted it). %NULL saves whatever is there.
 * @flags: how to save
 * @out_stamp: (out) (optional) (transfer full): the file as written, for the next save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Saves a file atomically: the contents go to a new file beside @file, which is
 * flushed to disk and moved over @file in one step, and the folder is flushed; a
 * file that is replaced keeps its permissions. A failed save (a full disk, a
 * read-only folder, a crash half-way through) leaves the old file byte for byte as it
 * was and nothing beside it. See cb_file_writer_new() for the errors, all of which name the file.
 *
 * Returns: %TRUE when the file is saved
 */
gboolean
cb_file_save (GFile              *file,
              GBytes             *bytes,
              const CbFileStamp  *expected,
              CbFileSaveFlags     flags,
              CbFileStamp       **out_stamp,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(CbFileWriter) writer = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = cb_file_writer_new (file, expected, flags, cancellable, error);
  if (writer == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  return cb_file_writer_write (writer, data, len, cancellable, error)
         && cb_file_writer_commit (writer, out_stamp, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (cb_file_save (source_object, data->bytes, data->expected, data->flags, &data->stamp,
                    cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cb_file_save_async:
 * @file: the file to write
 * @bytes: its new contents
 * @expected: (nullable): the stamp @file had when it was last read or saved
 * @flags: how to save
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when the save is done; the
 *   source object is @file
 * @user_data: data for @callback
 *
 * Saves a file in a worker thread, as cb_file_save() does.
 */
void
cb_file_save_async (GFile               *file,
                    GBytes              *bytes,
                    const CbFileStamp   *expected,
                    CbFileSaveFlags      flags,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (TaskData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->expected = expected ? cb_file_stamp_ref ((CbFileStamp *) expected) : NULL;
  data->flags = flags;
  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_file_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * cb_file_save_finish:
 * @result: the result given to the callback
 * @out_stamp: (out) (optional) (transfer full): the file as written
 * @error: return location for an error
 *
 * Finishes cb_file_save_async().
 *
 * Returns: %TRUE when the file is saved
 */
gboolean
cb_file_save_finish (GAsyncResult  *result,
                     CbFileStamp  **out_stamp,
                     GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cb_file_save_async, FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok && out_stamp != NULL)
    {
      TaskData *data = g_task_get_task_data (G_TASK (result));

      *out_stamp = g_steal_pointer (&data->stamp);
    }
  return ok;
}

/**
 * cb_file_is_same:
 * @a: a file
 * @b: another file
 *
 * Whether @a and @b are one file on disk, by identity rather than by name: a symbolic
 * link, a hard link or another spelling of the path is the same file. Files that do
 * not exist are no file at all, so not the same.
 *
 * Returns: %TRUE when both exist and are the same file
 */
gboolean
cb_file_is_same (GFile *a,
                 GFile *b)
{
  g_autoptr(CbFileStamp) stamp_a = NULL;
  g_autoptr(CbFileStamp) stamp_b = NULL;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  stamp_a = cb_file_stamp_query (a, NULL, NULL);
  stamp_b = stamp_a != NULL ? cb_file_stamp_query (b, NULL, NULL) : NULL;
  return stamp_b != NULL && cb_file_stamp_same_file (stamp_a, stamp_b);
}

/* Long enough for any case name, short enough for every file system. */
#define TITLE_NAME_MAX_CHARS 100

/**
 * cb_file_name_for_title:
 * @title: (nullable): a title taken from a file, such as a brief's case name
 * @fallback: the name to use when @title gives none
 * @extension: what to end the name with, such as ".pdf"
 *
 * Makes a file name to suggest from text that came from someone else's file: no
 * folder separators, colons or control characters (each becomes "-"), no leading
 * dot (a hidden file) or white space, and at most 100 characters, cut at a character.
 *
 * Returns: (transfer full): the name, in UTF-8
 */
char *
cb_file_name_for_title (const char *title,
                        const char *fallback,
                        const char *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);
  glong n_chars = 0;

  g_return_val_if_fail (fallback != NULL && *fallback != '\0', NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  if (title != NULL && g_utf8_validate (title, -1, NULL))
    for (const char *p = title; *p != '\0' && n_chars < TITLE_NAME_MAX_CHARS; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (name->len == 0 && (c == '.' || g_unichar_isspace (c)))
          continue;
        if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
          g_string_append_c (name, '-');
        else
          g_string_append_unichar (name, c);
        n_chars++;
      }
  while (name->len > 0 && g_ascii_isspace (name->str[name->len - 1]))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, fallback);
  g_string_append (name, extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}
