/* The atomic file writer: every file Casebrief writes goes to a new file beside its
 * target, is flushed to disk and moved over the target, so that a failed save leaves
 * the old file as it was. */
#define G_LOG_DOMAIN "cb-file-writer"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "cb-error.h"
#include "cb-file-private.h"
#include "cb-file-writer.h"

/* A temporary is named ".NAME.XXXXXXXX.cbpart" after the file it will replace. Its
 * writer holds an exclusive flock() on it until the end, so a temporary whose lock is
 * free was left by a writer that died: the next save beside it, or the start of the
 * app for its own folders, removes it. */
#define TEMP_RANDOM_DIGITS 8
#define TEMP_NAME_MAX_BASE 200

struct _CbFileWriter
{
  GObject parent_instance;

  GFile *file;
  CbFileStamp *expected;
  CbFileSaveFlags flags;
  gboolean finished;

  /* A local file: the folder, the target's name in it and the temporary. */
  int dir_fd;
  int fd;
  char *target_name;
  char *temp_name;

  /* A file reached through a GIO backend: its own replace stream. */
  GOutputStream *stream;
};

G_DEFINE_FINAL_TYPE (CbFileWriter, cb_file_writer, G_TYPE_OBJECT)

static void
set_errno_error (CbFileWriter  *self,
                 GError       **error,
                 int            errsv)
{
  cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_SAVE,
                          cb_file_describe_errno (errsv, TRUE));
}

/* The start of a temporary's name: ".NAME." with NAME cut to leave room for the rest
 * within the longest name a file system takes. */
static char *
temp_prefix (const char *target_name)
{
  gsize len = strlen (target_name);

  if (len > TEMP_NAME_MAX_BASE)
    {
      const char *end = target_name + TEMP_NAME_MAX_BASE;

      /* Cut at a character, so the name stays readable when it is UTF-8. */
      if (g_utf8_validate (target_name, -1, NULL))
        end = g_utf8_find_prev_char (target_name, end + 1);
      len = end - target_name;
    }
  return g_strdup_printf (".%.*s.", (int) len, target_name);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize len = strlen (name);
  gsize prefix_len;

  if (prefix != NULL)
    {
      if (!g_str_has_prefix (name, prefix))
        return FALSE;
      prefix_len = strlen (prefix);
    }
  else
    {
      const char *dot;

      if (name[0] != '.' || len < TEMP_RANDOM_DIGITS + strlen (CB_FILE_TEMP_SUFFIX) + 3)
        return FALSE;
      dot = name + len - strlen (CB_FILE_TEMP_SUFFIX) - TEMP_RANDOM_DIGITS - 1;
      if (*dot != '.')
        return FALSE;
      prefix_len = dot + 1 - name;
    }
  if (len != prefix_len + TEMP_RANDOM_DIGITS + strlen (CB_FILE_TEMP_SUFFIX)
      || !g_str_has_suffix (name, CB_FILE_TEMP_SUFFIX))
    return FALSE;
  for (gsize i = prefix_len; i < prefix_len + TEMP_RANDOM_DIGITS; i++)
    if (!g_ascii_isxdigit (name[i]))
      return FALSE;
  return TRUE;
}

/* Removes the temporaries in @dir_fd (those of @prefix only, when given) whose writer
 * is gone: owned by this user, and their lock free. */
static void
remove_stale (int         dir_fd,
              const char *prefix)
{
  int listing_fd = dup (dir_fd);
  DIR *listing;
  struct dirent *entry;

  if (listing_fd < 0)
    return;
  listing = fdopendir (listing_fd);
  if (listing == NULL)
    {
      close (listing_fd);
      return;
    }
  while ((entry = readdir (listing)) != NULL)
    {
      struct stat st, now;
      int fd;

      if (!is_temp_name (entry->d_name, prefix))
        continue;
      fd = openat (dir_fd, entry->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ()
          && flock (fd, LOCK_EX | LOCK_NB) == 0
          && fstatat (dir_fd, entry->d_name, &now, AT_SYMLINK_NOFOLLOW) == 0
          && now.st_dev == st.st_dev && now.st_ino == st.st_ino)
        {
          g_debug ("Removing %s, left by a save that did not finish", entry->d_name);
          unlinkat (dir_fd, entry->d_name, 0);
        }
      close (fd);
    }
  closedir (listing);
}

/* Whether the target as it is now may be replaced. */
static gboolean
check_target (CbFileWriter  *self,
              GError       **error)
{
  struct stat st;

  if (fstatat (self->dir_fd, self->target_name, &st, 0) != 0)
    {
      int errsv = errno;

      if (errsv != ENOENT)
        {
          set_errno_error (self, error, errsv);
          return FALSE;
        }
      if (self->expected != NULL)
        {
          cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_CHANGED,
                                  _("the file was deleted since it was opened or last saved"));
          return FALSE;
        }
      return TRUE;
    }

  if (S_ISDIR (st.st_mode))
    {
      set_errno_error (self, error, EISDIR);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_SAVE, _("it is not a regular file"));
      return FALSE;
    }
  if (self->flags & CB_FILE_SAVE_NO_REPLACE)
    {
      cb_file_set_save_error (error, self->file, G_IO_ERROR, G_IO_ERROR_EXISTS,
                              cb_file_describe_errno (EEXIST, TRUE));
      return FALSE;
    }
  if (self->expected != NULL)
    {
      g_autoptr(CbFileStamp) stamp = cb_file_stamp_new_for_stat (&st);

      if (!cb_file_stamp_equal (stamp, self->expected))
        {
          cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_CHANGED,
                                  _("the file was changed by another program since it was opened or last saved"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
create_temp (CbFileWriter  *self,
             GError       **error)
{
  g_autofree char *prefix = temp_prefix (self->target_name);
  struct stat old;
  gboolean replacing = fstatat (self->dir_fd, self->target_name, &old, 0) == 0;
  mode_t mode = (self->flags & CB_FILE_SAVE_PRIVATE) ? 0600 : 0666;

  remove_stale (self->dir_fd, prefix);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s%08x%s", prefix, g_random_int (), CB_FILE_TEMP_SUFFIX);
      struct stat st;
      int fd;

      /* The kernel takes the umask from a new file's mode; a file that is replaced
       * gets its own mode (and owner, where that is allowed) below. */
      fd = openat (self->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      if (fd < 0 && errno == EEXIST)
        continue;
      if (fd < 0)
        {
          set_errno_error (self, error, errno);
          return FALSE;
        }
      /* Locked before anything is written. A stale-file sweep that came between the
       * create and the lock has unlinked it: try another name. */
      if (flock (fd, LOCK_EX) != 0 || fstat (fd, &st) != 0 || st.st_nlink == 0)
        {
          close (fd);
          continue;
        }
      if (replacing)
        {
          if (st.st_uid != old.st_uid || st.st_gid != old.st_gid)
            (void) !fchown (fd, old.st_uid, old.st_gid);
          if (fchmod (fd, old.st_mode & 07777) != 0)
            {
              int errsv = errno;

              unlinkat (self->dir_fd, name, 0);
              close (fd);
              set_errno_error (self, error, errsv);
              return FALSE;
            }
        }
      self->fd = fd;
      self->temp_name = g_steal_pointer (&name);
      return TRUE;
    }
  set_errno_error (self, error, EEXIST);
  return FALSE;
}

static gboolean
open_local (CbFileWriter  *self,
            const char    *path,
            GError       **error)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *dir = NULL;

  /* A symbolic link is saved through: the file it points to is replaced, the link
   * stays. A file that does not exist yet is created under the name given. */
  if (real == NULL && errno != ENOENT)
    {
      set_errno_error (self, error, errno);
      return FALSE;
    }
  dir = g_path_get_dirname (real != NULL ? real : path);
  self->target_name = g_path_get_basename (real != NULL ? real : path);
  self->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->dir_fd < 0)
    {
      set_errno_error (self, error, errno);
      return FALSE;
    }
  return check_target (self, error) && create_temp (self, error);
}

static gboolean
open_gio (CbFileWriter  *self,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileCreateFlags create_flags = (self->flags & CB_FILE_SAVE_PRIVATE) ? G_FILE_CREATE_PRIVATE
                                                                       : G_FILE_CREATE_NONE;
  GFileOutputStream *stream;

  if (self->flags & CB_FILE_SAVE_NO_REPLACE)
    stream = g_file_create (self->file, create_flags, cancellable, &local_error);
  else
    stream = g_file_replace (self->file, self->expected ? cb_file_stamp_get_etag (self->expected) : NULL,
                             FALSE, create_flags, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_CHANGED,
                                _("the file was changed by another program since it was opened or last saved"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        cb_file_set_save_error (error, self->file, G_IO_ERROR, G_IO_ERROR_EXISTS,
                                cb_file_describe_errno (EEXIST, TRUE));
      else
        cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_SAVE,
                                cb_file_describe_gio_error (local_error, TRUE));
      return FALSE;
    }
  self->stream = G_OUTPUT_STREAM (stream);
  return TRUE;
}

static void
cb_file_writer_finalize (GObject *object)
{
  CbFileWriter *self = CB_FILE_WRITER (object);

  cb_file_writer_abort (self);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_clear_object (&self->file);
  g_clear_pointer (&self->expected, cb_file_stamp_unref);
  g_free (self->target_name);

  G_OBJECT_CLASS (cb_file_writer_parent_class)->finalize (object);
}

static void
cb_file_writer_class_init (CbFileWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_file_writer_finalize;
}

static void
cb_file_writer_init (CbFileWriter *self)
{
  self->dir_fd = -1;
  self->fd = -1;
}

/**
 * cb_file_writer_new:
 * @file: the file to write
 * @expected: (nullable): the stamp of @file when it was last read or saved; when
 *   given, the save is refused with %CB_ERROR_CHANGED if the file on disk is no longer
 *   that one (changed, replaced or deleted)
 * @flags: how to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Starts writing @file: opens a new temporary file beside it (in the folder of the
 * file a symbolic link points to), with the permissions of the file it will replace.
 * Nothing is replaced until cb_file_writer_commit(); a writer dropped or aborted
 * before that removes its temporary and leaves @file as it was.
 *
 * An existing @file that is a folder, a FIFO or a device is refused, never replaced.
 * Every error is %CB_ERROR_SAVE ("Could not save NAME: reason"), except
 * %CB_ERROR_CHANGED (see @expected) and %G_IO_ERROR_EXISTS (see
 * %CB_FILE_SAVE_NO_REPLACE).
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
CbFileWriter *
cb_file_writer_new (GFile              *file,
                    const CbFileStamp  *expected,
                    CbFileSaveFlags     flags,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(CbFileWriter) self = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CB_TYPE_FILE_WRITER, NULL);
  self->file = g_object_ref (file);
  self->expected = expected ? cb_file_stamp_ref ((CbFileStamp *) expected) : NULL;
  self->flags = flags;

  if (g_cancellable_is_cancelled (cancellable))
    {
      cb_file_set_save_error (error, file, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("the save was cancelled"));
      return NULL;
    }
  path = g_file_get_path (file);
  ok = path != NULL ? open_local (self, path, error) : open_gio (self, cancellable, error);
  if (!ok)
    {
      self->finished = TRUE;
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cb_file_writer_write:
 * @self: a writer
 * @data: (array length=len): bytes to append
 * @len: how many
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a %CB_ERROR_SAVE error
 *
 * Appends @data to the new file. On failure (a full disk, a file too large for it)
 * the writer is aborted: the temporary is removed and the old file is untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_file_writer_write (CbFileWriter  *self,
                      const void    *data,
                      gsize          len,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const char *p = data;

  g_return_val_if_fail (CB_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (self->stream != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_output_stream_write_all (self->stream, data, len, NULL, cancellable, &local_error))
        return TRUE;
      cb_file_writer_abort (self);
      cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_SAVE,
                              cb_file_describe_gio_error (local_error, TRUE));
      return FALSE;
    }

  while (len > 0)
    {
      gssize written = write (self->fd, p, MIN (len, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int errsv = written < 0 ? errno : ENOSPC;

          cb_file_writer_abort (self);
          set_errno_error (self, error, errsv);
          return FALSE;
        }
      p += written;
      len -= written;
    }
  return TRUE;
}

/**
 * cb_file_writer_commit:
 * @self: a writer
 * @out_stamp: (out) (optional) (transfer full): the stamp of the file as written
 * @cancellable: (nullable): a #GCancellable; once the new file is in place, the save
 *   is no longer cancelled
 * @error: return location for an error
 *
 * Finishes the save: flushes the new file to disk, checks the target once more (see
 * cb_file_writer_new()), moves the new file over it in one step and flushes the
 * folder, so that after a crash the folder holds either the old file or the new one,
 * whole.
 *
 * Returns: %TRUE when the file is saved; on failure the old file is untouched
 */
gboolean
cb_file_writer_commit (CbFileWriter  *self,
                       CbFileStamp  **out_stamp,
                       GCancellable  *cancellable,
                       GError       **error)
{
  struct stat st;
  gboolean linked = FALSE;

  g_return_val_if_fail (CB_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      cb_file_writer_abort (self);
      cb_file_set_save_error (error, self->file, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("the save was cancelled"));
      return FALSE;
    }

  if (self->stream != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      self->finished = TRUE;
      if (!g_output_stream_close (self->stream, cancellable, &local_error))
        {
          g_clear_object (&self->stream);
          cb_file_set_save_error (error, self->file, CB_ERROR, CB_ERROR_SAVE,
                                  cb_file_describe_gio_error (local_error, TRUE));
          return FALSE;
        }
      g_clear_object (&self->stream);
      if (out_stamp != NULL)
        *out_stamp = cb_file_stamp_query (self->file, NULL, NULL);
      return TRUE;
    }

  if (fsync (self->fd) != 0 || fstat (self->fd, &st) != 0)
    {
      int errsv = errno;

      cb_file_writer_abort (self);
      set_errno_error (self, error, errsv);
      return FALSE;
    }
  if (!check_target (self, error))
    {
      cb_file_writer_abort (self);
      return FALSE;
    }

  /* A hard link cannot replace a file, so it claims a name that must be new; file
   * systems without hard links fall back on the check just made. */
  if (self->flags & CB_FILE_SAVE_NO_REPLACE)
    {
      if (linkat (self->dir_fd, self->temp_name, self->dir_fd, self->target_name, 0) == 0)
        linked = TRUE;
      else if (errno == EEXIST)
        {
          cb_file_writer_abort (self);
          cb_file_set_save_error (error, self->file, G_IO_ERROR, G_IO_ERROR_EXISTS,
                                  cb_file_describe_errno (EEXIST, TRUE));
          return FALSE;
        }
    }
  if (!linked && renameat (self->dir_fd, self->temp_name, self->dir_fd, self->target_name) != 0)
    {
      int errsv = errno;

      cb_file_writer_abort (self);
      set_errno_error (self, error, errsv);
      return FALSE;
    }
  if (linked)
    unlinkat (self->dir_fd, self->temp_name, 0);

  /* The new name is durable once the folder is flushed. Some file systems cannot
   * flush a folder; the file itself is already on disk, so that is no failure. */
  (void) fsync (self->dir_fd);
  close (self->fd);
  self->fd = -1;
  g_clear_pointer (&self->temp_name, g_free);
  self->finished = TRUE;

  if (out_stamp != NULL)
    *out_stamp = cb_file_stamp_new_for_stat (&st);
  return TRUE;
}

/**
 * cb_file_writer_abort:
 * @self: a writer
 *
 * Gives up the save: the temporary file is removed and the target stays as it was.
 * Does nothing after cb_file_writer_commit() or a failure.
 */
void
cb_file_writer_abort (CbFileWriter *self)
{
  g_return_if_fail (CB_IS_FILE_WRITER (self));

  self->finished = TRUE;
  if (self->stream != NULL)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* A replace stream closed while cancelled drops what it wrote. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (self->stream, cancelled, NULL);
      g_clear_object (&self->stream);
    }
  if (self->fd >= 0)
    {
      /* Unlinked while still locked, so no sweep can take it for another's. */
      unlinkat (self->dir_fd, self->temp_name, 0);
      close (self->fd);
      self->fd = -1;
    }
  g_clear_pointer (&self->temp_name, g_free);
}

/**
 * cb_file_remove_stale_temporaries:
 * @folder: a folder Casebrief writes into
 *
 * Removes the temporary files in @folder that Casebrief's saves left when they were
 * killed or crashed (owned by this user, and no longer being written). A save does
 * this for its own file's temporaries; the app does it at start for the folders it
 * keeps (drafts, templates).
 */
void
cb_file_remove_stale_temporaries (GFile *folder)
{
  g_autofree char *path = NULL;
  int dir_fd;

  g_return_if_fail (G_IS_FILE (folder));

  path = g_file_get_path (folder);
  if (path == NULL)
    return;
  dir_fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return;
  remove_stale (dir_fd, NULL);
  close (dir_fd);
}
