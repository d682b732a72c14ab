#pragma once

#include <adwaita.h>

#include "cb-brief.h"
#include "cb-opinion.h"
#include "cb-page-gutter.h"

G_BEGIN_DECLS

#define CB_TYPE_OPINION_VIEW (cb_opinion_view_get_type ())
G_DECLARE_FINAL_TYPE (CbOpinionView, cb_opinion_view, CB, OPINION_VIEW, AdwBin)

CbOpinion   *cb_opinion_view_get_opinion (CbOpinionView *self);
void         cb_opinion_view_set_opinion (CbOpinionView *self,
                                          CbOpinion     *opinion);
CbBrief     *cb_opinion_view_get_brief   (CbOpinionView *self);
void         cb_opinion_view_set_brief   (CbOpinionView *self,
                                          CbBrief       *brief);
gboolean     cb_opinion_view_get_selection (CbOpinionView *self,
                                            gsize         *start,
                                            gsize         *end);
gboolean     cb_opinion_view_get_quote_selection (CbOpinionView *self,
                                                  gsize         *start,
                                                  gsize         *end);
void         cb_opinion_view_select_range (CbOpinionView *self,
                                           gsize          start,
                                           gsize          end);
void         cb_opinion_view_show_range  (CbOpinionView *self,
                                          gsize          start,
                                          gsize          end);
gsize        cb_opinion_view_get_cursor  (CbOpinionView *self);
gboolean     cb_opinion_view_has_highlight (CbOpinionView *self,
                                            gsize          offset,
                                            guint         *color_index);
CbPageGutter *cb_opinion_view_get_page_gutter (CbOpinionView *self);
GtkTextView *cb_opinion_view_get_text_view (CbOpinionView *self);
GPtrArray   *cb_opinion_view_get_authorities (CbOpinionView *self);
void         cb_opinion_view_activate_authority (CbOpinionView *self,
                                                 guint          index);
GtkWidget   *cb_opinion_view_get_authorities_popover (CbOpinionView *self);
GtkDropDown *cb_opinion_view_get_reporter_dropdown (CbOpinionView *self);
GtkEditable *cb_opinion_view_get_search_entry (CbOpinionView *self);
char        *cb_opinion_view_dup_match_label  (CbOpinionView *self);

G_END_DECLS
