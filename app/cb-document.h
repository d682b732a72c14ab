/* Documents: what a window knows of the file it edits (which file, how it was on disk
 * when last read or written, whether the window holds changes not in it, whether
 * another program changed or removed it since) and the save that will not overwrite
 * such a change unasked. */
#pragma once

#include <gio/gio.h>

#include "cb-file-io.h"

G_BEGIN_DECLS

/**
 * CbDocumentDiskState:
 * @CB_DOCUMENT_DISK_UNCHANGED: the file is as it was last read or saved here (or
 *   there is no file yet)
 * @CB_DOCUMENT_DISK_CHANGED: another program wrote or replaced the file
 * @CB_DOCUMENT_DISK_DELETED: the file was deleted or moved away
 * @CB_DOCUMENT_DISK_UNREADABLE: the file changed into something that cannot be read
 *   (see cb_document_get_disk_error())
 *
 * What became of a document's file on disk since it was last read or saved.
 */
typedef enum
{
  CB_DOCUMENT_DISK_UNCHANGED,
  CB_DOCUMENT_DISK_CHANGED,
  CB_DOCUMENT_DISK_DELETED,
  CB_DOCUMENT_DISK_UNREADABLE,
} CbDocumentDiskState;

/**
 * CbDocumentSaveFlags:
 * @CB_DOCUMENT_SAVE_NONE: the document's own file is replaced only if it is as it was
 *   last read or saved; any other file only if it is as the caller last read it, or
 *   if there is none
 * @CB_DOCUMENT_SAVE_REPLACE: the user agreed to replace whatever is there
 *
 * How cb_document_save_async() treats the file already on disk.
 */
typedef enum
{
  CB_DOCUMENT_SAVE_NONE = 0,
  CB_DOCUMENT_SAVE_REPLACE = 1 << 0,
} CbDocumentSaveFlags;

#define CB_TYPE_DOCUMENT_DISK_STATE (cb_document_disk_state_get_type ())
GType cb_document_disk_state_get_type (void);

#define CB_TYPE_DOCUMENT (cb_document_get_type ())
G_DECLARE_FINAL_TYPE (CbDocument, cb_document, CB, DOCUMENT, GObject)

CbDocument          *cb_document_new                (void);
GFile               *cb_document_get_file           (CbDocument          *self);
CbFileStamp         *cb_document_get_stamp          (CbDocument          *self);
const char          *cb_document_get_title          (CbDocument          *self);
void                 cb_document_set_title          (CbDocument          *self,
                                                     const char          *title);
char                *cb_document_dup_file_name      (CbDocument          *self);
gboolean             cb_document_get_modified       (CbDocument          *self);
void                 cb_document_set_modified       (CbDocument          *self,
                                                     gboolean             modified);
void                 cb_document_changed            (CbDocument          *self);
guint64              cb_document_get_changes        (CbDocument          *self);
void                 cb_document_reset              (CbDocument          *self,
                                                     GFile               *file,
                                                     CbFileStamp         *stamp);
CbDocumentDiskState  cb_document_get_disk_state     (CbDocument          *self);
const GError        *cb_document_get_disk_error     (CbDocument          *self);
void                 cb_document_set_disk_error     (CbDocument          *self,
                                                     const GError        *error);
void                 cb_document_check_disk         (CbDocument          *self);
void                 cb_document_check_disk_async   (CbDocument          *self,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void                 cb_document_check_disk_finish  (CbDocument          *self,
                                                     GAsyncResult        *result);
void                 cb_document_keep_mine          (CbDocument          *self);
gboolean             cb_document_is_file            (CbDocument          *self,
                                                     GFile               *file);
gboolean             cb_document_get_saving         (CbDocument          *self);
void                 cb_document_save_async         (CbDocument          *self,
                                                     GFile               *file,
                                                     GBytes              *bytes,
                                                     CbDocumentSaveFlags  flags,
                                                     CbFileStamp         *expected,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean             cb_document_save_finish        (CbDocument          *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

gboolean             cb_document_same_file          (GFile               *a,
                                                     GFile               *b);

G_END_DECLS
