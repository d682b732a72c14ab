/* An opinion read in the background for a window, with its progress in a toast. */
#pragma once

#include <adwaita.h>

#include "cb-opinion.h"

G_BEGIN_DECLS

#define CB_TYPE_IMPORT_TOAST (cb_import_toast_get_type ())
G_DECLARE_FINAL_TYPE (CbImportToast, cb_import_toast, CB, IMPORT_TOAST, GObject)

CbImportToast  *cb_import_toast_start            (AdwToastOverlay      *overlay,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
CbOpinion      *cb_import_toast_finish           (CbImportToast        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void            cb_import_toast_cancel           (CbImportToast        *self);
GFile          *cb_import_toast_get_file         (CbImportToast        *self);
GtkProgressBar *cb_import_toast_get_progress_bar (CbImportToast        *self);

G_END_DECLS
