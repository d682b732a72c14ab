#pragma once

#include <adwaita.h>

#include "core/cb-opinion.h"

G_BEGIN_DECLS

#define CB_TYPE_OPINION_VIEW (cb_opinion_view_get_type ())
G_DECLARE_FINAL_TYPE (CbOpinionView, cb_opinion_view, CB, OPINION_VIEW, AdwBin)

CbOpinion   *cb_opinion_view_get_opinion (CbOpinionView *self);
void         cb_opinion_view_set_opinion (CbOpinionView *self,
                                          CbOpinion     *opinion);
GtkTextView *cb_opinion_view_get_text_view (CbOpinionView *self);
GtkEditable *cb_opinion_view_get_search_entry (CbOpinionView *self);
char        *cb_opinion_view_dup_match_label  (CbOpinionView *self);

G_END_DECLS
