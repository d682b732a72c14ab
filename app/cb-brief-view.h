#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_BRIEF_VIEW (cb_brief_view_get_type ())
G_DECLARE_FINAL_TYPE (CbBriefView, cb_brief_view, CB, BRIEF_VIEW, AdwBin)

guint        cb_brief_view_get_n_sections      (CbBriefView *self);
GtkWidget   *cb_brief_view_get_section_editor  (CbBriefView *self,
                                                guint        position);

G_END_DECLS
