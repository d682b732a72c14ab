#pragma once

#include "cb-section-buffer.h"

G_BEGIN_DECLS

#define CB_TYPE_BRIEF_HISTORY (cb_brief_history_get_type ())
G_DECLARE_FINAL_TYPE (CbBriefHistory, cb_brief_history, CB, BRIEF_HISTORY, GObject)

CbBriefHistory *cb_brief_history_new        (void);
void            cb_brief_history_add_buffer (CbBriefHistory  *self,
                                             CbSectionBuffer *buffer);
void            cb_brief_history_clear      (CbBriefHistory  *self);
gboolean        cb_brief_history_can_undo   (CbBriefHistory  *self);
gboolean        cb_brief_history_can_redo   (CbBriefHistory  *self);
gboolean        cb_brief_history_undo       (CbBriefHistory  *self);
gboolean        cb_brief_history_redo       (CbBriefHistory  *self);

G_END_DECLS
