#pragma once

#include <adwaita.h>

#include "cb-brief.h"

G_BEGIN_DECLS

#define CB_TYPE_SECTION_EDITOR (cb_section_editor_get_type ())
G_DECLARE_FINAL_TYPE (CbSectionEditor, cb_section_editor, CB, SECTION_EDITOR, AdwBin)

CbSectionEditor *cb_section_editor_new              (CbBrief         *brief,
                                                     CbSection       *section,
                                                     guint            color_index);
CbSection       *cb_section_editor_get_section      (CbSectionEditor *self);
const char      *cb_section_editor_get_title        (CbSectionEditor *self);
GtkTextView     *cb_section_editor_get_text_view    (CbSectionEditor *self);
const char      *cb_section_editor_get_word_count_label (CbSectionEditor *self);
void             cb_section_editor_insert_excerpt   (CbSectionEditor *self,
                                                     CbExcerpt       *excerpt);
gboolean         cb_section_editor_get_quotation    (CbSectionEditor *self,
                                                     const char      *excerpt_id,
                                                     char           **quote,
                                                     char           **pin_cite);
gboolean         cb_section_editor_reveal_excerpt   (CbSectionEditor *self,
                                                     const char      *excerpt_id,
                                                     GdkRectangle    *area);
gboolean         cb_section_editor_get_range_area (CbSectionEditor   *self,
                                                   const GtkTextIter *start,
                                                   const GtkTextIter *end,
                                                   GdkRectangle      *area);
gboolean         cb_section_editor_get_quotation_area (CbSectionEditor *self,
                                                       const char      *excerpt_id,
                                                       GdkRectangle    *area);
void             cb_section_editor_set_max_text_height (CbSectionEditor *self,
                                                        int              height);

G_END_DECLS
