/* The file banner: a strip at the top of a window saying what became of its file on
 * disk (changed by another program, deleted, unreadable), with what can be done. */
#pragma once

#include <adwaita.h>

#include "cb-document.h"

G_BEGIN_DECLS

#define CB_TYPE_FILE_BANNER (cb_file_banner_get_type ())
G_DECLARE_FINAL_TYPE (CbFileBanner, cb_file_banner, CB, FILE_BANNER, AdwBin)

CbDocument *cb_file_banner_get_document (CbFileBanner *self);
void        cb_file_banner_set_document (CbFileBanner *self,
                                         CbDocument   *document);
gboolean    cb_file_banner_get_revealed (CbFileBanner *self);
const char *cb_file_banner_get_message  (CbFileBanner *self);

G_END_DECLS
