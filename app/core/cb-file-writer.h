/* The atomic file writer: every file Casebrief writes goes to a new file beside its
 * target, is flushed to disk and moved over the target, so that a failed save leaves
 * the old file as it was. */
#pragma once

#include <gio/gio.h>

#include "cb-file-stamp.h"

G_BEGIN_DECLS

/**
 * CbFileSaveFlags:
 * @CB_FILE_SAVE_NONE: replace the file if there is one
 * @CB_FILE_SAVE_NO_REPLACE: refuse with %G_IO_ERROR_EXISTS when the file exists
 * @CB_FILE_SAVE_PRIVATE: a new file is readable by its owner only (a file that is
 *   replaced always keeps its own permissions)
 *
 * How a file is saved.
 */
typedef enum
{
  CB_FILE_SAVE_NONE = 0,
  CB_FILE_SAVE_NO_REPLACE = 1 << 0,
  CB_FILE_SAVE_PRIVATE = 1 << 1,
} CbFileSaveFlags;

#define CB_TYPE_FILE_WRITER (cb_file_writer_get_type ())
G_DECLARE_FINAL_TYPE (CbFileWriter, cb_file_writer, CB, FILE_WRITER, GObject)

CbFileWriter *cb_file_writer_new    (GFile              *file,
                                     const CbFileStamp  *expected,
                                     CbFileSaveFlags     flags,
                                     GCancellable       *cancellable,
                                     GError            **error);
gboolean      cb_file_writer_write  (CbFileWriter       *self,
                                     const void         *data,
                                     gsize               len,
                                     GCancellable       *cancellable,
                                     GError            **error);
gboolean      cb_file_writer_commit (CbFileWriter       *self,
                                     CbFileStamp       **out_stamp,
                                     GCancellable       *cancellable,
                                     GError            **error);
void          cb_file_writer_abort  (CbFileWriter       *self);

void          cb_file_remove_stale_temporaries (GFile *folder);

G_END_DECLS
