/* Document windows: what a window that edits one file (a brief, a template) does the
 * same way as every other, through one piece of code: its title, Save and Save As,
 * the questions a save asks when the file changed on disk, reloading, and "Save
 * Changes?" on close. Each window says how its document is written and read. */
#pragma once

#include <adwaita.h>

#include "cb-document.h"
#include "cb-file-filters.h"

G_BEGIN_DECLS

#define CB_TYPE_DOCUMENT_WINDOW (cb_document_window_get_type ())
G_DECLARE_INTERFACE (CbDocumentWindow, cb_document_window, CB, DOCUMENT_WINDOW, GtkWindow)

/**
 * CbDocumentWindowInterface:
 * @get_document: the window's document
 * @serialize: the document as its file is written, or an error saying why it cannot
 *   be saved yet
 * @get_save_target: where Save writes, and when that is not the document's own file,
 *   how it was when last read (@expected, or %NULL when it must not exist); %NULL to
 *   ask (Save As), or %NULL with an error saying why the document cannot be saved
 * @describe_chooser: the Save As chooser's title and kinds of file, and the name it
 *   suggests
 * @saved: after the document was written to a file
 * @reload: reads the document's file again; on success calls cb_document_reset(), on
 *   failure cb_document_set_disk_error(), keeping what the window shows
 * @show_error: tells the user an error, in the window
 */
struct _CbDocumentWindowInterface
{
  GTypeInterface parent_iface;

  CbDocument *(*get_document)    (CbDocumentWindow *self);
  GBytes     *(*serialize)       (CbDocumentWindow *self,
                                  GError          **error);
  GFile      *(*get_save_target) (CbDocumentWindow  *self,
                                  CbFileStamp     **expected,
                                  GError          **error);
  char       *(*describe_chooser) (CbDocumentWindow  *self,
                                   const char       **title,
                                   CbFileKinds       *kinds);
  void        (*saved)           (CbDocumentWindow *self,
                                  GFile            *file);
  void        (*reload)          (CbDocumentWindow *self);
  void        (*show_error)      (CbDocumentWindow *self,
                                  const GError     *error);
};

void        cb_document_window_class_install_actions (GtkWidgetClass      *widget_class);
void        cb_document_window_setup                 (CbDocumentWindow    *self,
                                                      AdwWindowTitle      *title);
CbDocument *cb_document_window_get_document          (CbDocumentWindow    *self);
void        cb_document_window_save_async            (CbDocumentWindow    *self,
                                                      gboolean             choose_file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
void        cb_document_window_save_to_async         (CbDocumentWindow    *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean    cb_document_window_save_finish           (CbDocumentWindow    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void        cb_document_window_save                  (CbDocumentWindow    *self,
                                                      gboolean             choose_file);
void        cb_document_window_reload                (CbDocumentWindow    *self);
gboolean    cb_document_window_close_request         (CbDocumentWindow    *self);
void        cb_document_window_close_now             (CbDocumentWindow    *self);
const char *cb_document_window_get_not_saved_label   (CbDocumentWindow    *self);

G_END_DECLS
