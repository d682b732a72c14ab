#pragma once

#include <adwaita.h>

#include "cb-brief.h"
#include "cb-drafts.h"
#include "cb-template.h"
#include "cb-application.h"

G_BEGIN_DECLS

#define CB_TYPE_WINDOW (cb_window_get_type ())
G_DECLARE_FINAL_TYPE (CbWindow, cb_window, CB, WINDOW, AdwApplicationWindow)

CbWindow *cb_window_new             (CbApplication *application);
void      cb_window_open_file       (CbWindow      *self,
                                     GFile         *file);
void      cb_window_import_opinion  (CbWindow      *self,
                                     GFile         *file,
                                     CbTemplate    *template);
gboolean  cb_window_restore_draft   (CbWindow      *self,
                                     CbDraft       *draft,
                                     GError       **error);
const char *cb_window_get_last_message (CbWindow *self);
CbBrief  *cb_window_get_brief       (CbWindow      *self);
gboolean  cb_window_get_modified    (CbWindow      *self);
void      cb_window_export_pdf      (CbWindow      *self,
                                     GFile         *file);
void      cb_window_save_to         (CbWindow      *self,
                                     GFile         *file);
gboolean  cb_window_has_file        (CbWindow      *self,
                                     GFile         *file);
gboolean  cb_window_is_reading      (CbWindow      *self);

struct _CbOpinionView *cb_window_get_opinion_view (CbWindow *self);
struct _CbBriefView   *cb_window_get_brief_view   (CbWindow *self);

G_END_DECLS
