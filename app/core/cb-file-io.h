/* Reading and saving files: the one size-capped loader and the one atomic saver that
 * every file Casebrief reads or writes goes through. */
#pragma once

#include <gio/gio.h>

#include "cb-file-stamp.h"
#include "cb-file-writer.h"

G_BEGIN_DECLS

GBytes   *cb_file_load                (GFile               *file,
                                       gsize                max_bytes,
                                       CbFileStamp        **out_stamp,
                                       GCancellable        *cancellable,
                                       GError             **error);
void      cb_file_load_async          (GFile               *file,
                                       gsize                max_bytes,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GBytes   *cb_file_load_finish         (GAsyncResult        *result,
                                       CbFileStamp        **out_stamp,
                                       GError             **error);

gboolean  cb_file_save                (GFile               *file,
                                       GBytes              *bytes,
                                       const CbFileStamp   *expected,
                                       CbFileSaveFlags      flags,
                                       CbFileStamp        **out_stamp,
                                       GCancellable        *cancellable,
                                       GError             **error);
void      cb_file_save_async          (GFile               *file,
                                       GBytes              *bytes,
                                       const CbFileStamp   *expected,
                                       CbFileSaveFlags      flags,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  cb_file_save_finish         (GAsyncResult        *result,
                                       CbFileStamp        **out_stamp,
                                       GError             **error);

gboolean  cb_file_is_same             (GFile               *a,
                                       GFile               *b);
char     *cb_file_name_for_title      (const char          *title,
                                       const char          *fallback,
                                       const char          *extension);

void      cb_file_set_too_large_error (GError             **error,
                                       const char          *name,
                                       gsize                max_bytes);

G_END_DECLS
