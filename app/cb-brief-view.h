#pragma once

#include <adwaita.h>

#include "cb-brief.h"
#include "cb-search-bar.h"

G_BEGIN_DECLS

#define CB_TYPE_BRIEF_VIEW (cb_brief_view_get_type ())
G_DECLARE_FINAL_TYPE (CbBriefView, cb_brief_view, CB, BRIEF_VIEW, AdwBin)

CbBrief     *cb_brief_view_get_brief            (CbBriefView *self);
void         cb_brief_view_set_brief            (CbBriefView *self,
                                                 CbBrief     *brief);
guint        cb_brief_view_get_n_sections       (CbBriefView *self);
GtkWidget   *cb_brief_view_get_section_editor   (CbBriefView *self,
                                                 guint        position);
GtkWidget   *cb_brief_view_find_section_editor  (CbBriefView *self,
                                                 const char  *section_id);
gboolean     cb_brief_view_reveal_excerpt       (CbBriefView *self,
                                                 const char  *excerpt_id);
void         cb_brief_view_show_excerpt         (CbBriefView *self,
                                                 const char  *excerpt_id);
gboolean     cb_brief_view_is_excerpt_in_view   (CbBriefView *self,
                                                 const char  *excerpt_id);
CbSearchBar *cb_brief_view_get_search_bar       (CbBriefView *self);
GtkEditable *cb_brief_view_get_metadata_row     (CbBriefView *self,
                                                 const char  *property);

G_END_DECLS
