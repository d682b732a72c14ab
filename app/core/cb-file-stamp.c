/* File stamps: which file was read or written, and how it was then, so that a later
 * save can tell whether someone else changed it in the meantime. */
#define G_LOG_DOMAIN "cb-file-stamp"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cb-file-private.h"
#include "cb-file-stamp.h"

/**
 * CbFileStamp:
 *
 * A file as it was when it was read or written: its identity (which file, whatever
 * name reaches it), its size and its modification time. Two stamps are equal when
 * they are of the same file and nothing was written to it in between; a file
 * replaced by another program (a new file moved into its place) is a different file.
 *
 * Stamps are immutable and reference-counted.
 */
struct _CbFileStamp
{
  gatomicrefcount ref_count;
  char *id;
  char *etag;
  guint64 size;
  gint64 modified;
};

G_DEFINE_BOXED_TYPE (CbFileStamp, cb_file_stamp, cb_file_stamp_ref, cb_file_stamp_unref)

/* For local files the identity is written as GIO writes G_FILE_ATTRIBUTE_ID_FILE, so
 * that the two can be compared. The modification time is kept to the nanosecond, as
 * the kernel records it: two saves within one second still differ. */
CbFileStamp *
cb_file_stamp_new_for_stat (const struct stat *st)
{
  CbFileStamp *self = g_new0 (CbFileStamp, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup_printf ("l%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                              (guint64) st->st_dev, (guint64) st->st_ino);
  self->etag = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ".%09ld",
                                (guint64) st->st_size, (gint64) st->st_mtim.tv_sec,
                                (long) st->st_mtim.tv_nsec);
  self->size = st->st_size;
  self->modified = (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
  return self;
}

/* For files GIO reaches through a backend (no local path), the backend's own etag. */
CbFileStamp *
cb_file_stamp_new_for_info (GFileInfo *info)
{
  CbFileStamp *self = g_new0 (CbFileStamp, 1);
  const char *id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);
  const char *etag = g_file_info_get_etag (info);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id ? id : "");
  self->size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  self->modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
                   + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  self->etag = etag != NULL ? g_strdup (etag)
                            : g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT,
                                               self->size, self->modified);
  return self;
}

/**
 * cb_file_stamp_ref:
 * @self: a stamp
 *
 * Returns: (transfer full): @self
 */
CbFileStamp *
cb_file_stamp_ref (CbFileStamp *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * cb_file_stamp_unref:
 * @self: a stamp
 *
 * Releases a reference; the last one frees the stamp.
 */
void
cb_file_stamp_unref (CbFileStamp *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->etag);
  g_free (self);
}

/**
 * cb_file_stamp_query:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error; %G_IO_ERROR_NOT_FOUND when @file is gone
 *
 * Stamps @file as it is now on disk, following symbolic links as the loader does.
 * Compare the result with the stamp of the last load or save
 * (cb_file_stamp_equal()) to learn whether someone else changed the file.
 *
 * Returns: (transfer full): the stamp, or %NULL with @error set
 */
CbFileStamp *
cb_file_stamp_query (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      struct stat st;

      if (stat (path, &st) != 0)
        {
          int errsv = errno;
          g_autofree char *name = cb_file_dup_display_name (file);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       /* Translators: a file name, then why it cannot be read */
                       _("%s: %s"), name, cb_file_describe_errno (errsv, FALSE));
          return NULL;
        }
      return cb_file_stamp_new_for_stat (&st);
    }

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_ID_FILE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  return cb_file_stamp_new_for_info (info);
}

/**
 * cb_file_stamp_equal:
 * @a: (nullable): a stamp
 * @b: (nullable): another stamp
 *
 * Whether @a and @b stamp the same file, unchanged: same identity, size and
 * modification time. Two %NULL stamps (no file either time) are equal.
 *
 * Returns: %TRUE when nothing changed between the two
 */
gboolean
cb_file_stamp_equal (const CbFileStamp *a,
                     const CbFileStamp *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_str_equal (a->id, b->id) && g_str_equal (a->etag, b->etag);
}

/**
 * cb_file_stamp_same_file:
 * @a: a stamp
 * @b: another stamp
 *
 * Whether @a and @b are of the same file, changed or not: a symbolic link, a hard
 * link or another spelling of the path reach the same file.
 *
 * Returns: %TRUE for the same file
 */
gboolean
cb_file_stamp_same_file (const CbFileStamp *a,
                         const CbFileStamp *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->id[0] != '\0' && g_str_equal (a->id, b->id);
}

/**
 * cb_file_stamp_get_id:
 * @self: a stamp
 *
 * Returns: the file's identity; for a local file, the same string as GIO's
 *   %G_FILE_ATTRIBUTE_ID_FILE
 */
const char *
cb_file_stamp_get_id (const CbFileStamp *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * cb_file_stamp_get_etag:
 * @self: a stamp
 *
 * Returns: a string that changes whenever the file's contents are written
 */
const char *
cb_file_stamp_get_etag (const CbFileStamp *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

/**
 * cb_file_stamp_get_size:
 * @self: a stamp
 *
 * Returns: the file's size in bytes
 */
guint64
cb_file_stamp_get_size (const CbFileStamp *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}

/**
 * cb_file_stamp_get_modified:
 * @self: a stamp
 *
 * Returns: when the file was last written, in microseconds since 1970 (UTC)
 */
gint64
cb_file_stamp_get_modified (const CbFileStamp *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->modified;
}
