#pragma once

#include <adwaita.h>

#include "cb-template.h"
#include "cb-window.h"

G_BEGIN_DECLS

#define CB_TYPE_NEW_BRIEF_DIALOG (cb_new_brief_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbNewBriefDialog, cb_new_brief_dialog, CB, NEW_BRIEF_DIALOG, AdwWindow)

CbNewBriefDialog *cb_new_brief_dialog_new          (CbWindow         *window);
CbTemplate       *cb_new_brief_dialog_get_selected (CbNewBriefDialog *self);
gboolean          cb_new_brief_dialog_select       (CbNewBriefDialog *self,
                                                    const char       *template_id);
CbWindow         *cb_new_brief_dialog_start        (CbNewBriefDialog *self,
                                                    GFile            *opinion);

G_END_DECLS
