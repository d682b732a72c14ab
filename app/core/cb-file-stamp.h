/* File stamps: which file was read or written, and how it was then, so that a later
 * save can tell whether someone else changed it in the meantime. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CB_TYPE_FILE_STAMP (cb_file_stamp_get_type ())

typedef struct _CbFileStamp CbFileStamp;

GType        cb_file_stamp_get_type     (void) G_GNUC_CONST;
CbFileStamp *cb_file_stamp_ref          (CbFileStamp       *self);
void         cb_file_stamp_unref        (CbFileStamp       *self);

CbFileStamp *cb_file_stamp_query        (GFile             *file,
                                         GCancellable      *cancellable,
                                         GError           **error);
gboolean     cb_file_stamp_equal        (const CbFileStamp *a,
                                         const CbFileStamp *b);
gboolean     cb_file_stamp_same_file    (const CbFileStamp *a,
                                         const CbFileStamp *b);
const char  *cb_file_stamp_get_id       (const CbFileStamp *self);
const char  *cb_file_stamp_get_etag     (const CbFileStamp *self);
guint64      cb_file_stamp_get_size     (const CbFileStamp *self);
gint64       cb_file_stamp_get_modified (const CbFileStamp *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbFileStamp, cb_file_stamp_unref)

G_END_DECLS
