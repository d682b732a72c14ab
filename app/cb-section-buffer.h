/* Sections: the text of one section as a text buffer, kept in step with its CbSection. */
#pragma once

#include <gtk/gtk.h>

#include "cb-brief.h"

G_BEGIN_DECLS

#define CB_TYPE_SECTION_BUFFER (cb_section_buffer_get_type ())
G_DECLARE_FINAL_TYPE (CbSectionBuffer, cb_section_buffer, CB, SECTION_BUFFER, GtkTextBuffer)

CbSectionBuffer *cb_section_buffer_new                 (CbBrief           *brief,
                                                        CbSection         *section);
CbBrief         *cb_section_buffer_get_brief           (CbSectionBuffer   *self);
CbSection       *cb_section_buffer_get_section         (CbSectionBuffer   *self);
GtkTextTag      *cb_section_buffer_get_quotation_tag   (CbSectionBuffer   *self);

gboolean         cb_section_buffer_in_quotation        (CbSectionBuffer   *self,
                                                        const GtkTextIter *iter);
gboolean         cb_section_buffer_after_quotation     (CbSectionBuffer   *self,
                                                        const GtkTextIter *iter);
gboolean         cb_section_buffer_range_has_quotation (CbSectionBuffer   *self,
                                                        const GtkTextIter *start,
                                                        const GtkTextIter *end);
const char      *cb_section_buffer_quotation_around    (CbSectionBuffer   *self,
                                                        const GtkTextIter *iter,
                                                        GtkTextIter       *start,
                                                        GtkTextIter       *end);
gboolean         cb_section_buffer_find_quotation      (CbSectionBuffer   *self,
                                                        const char        *excerpt_id,
                                                        GtkTextIter       *start,
                                                        GtkTextIter       *end);
gboolean         cb_section_buffer_get_quotation       (CbSectionBuffer   *self,
                                                        const char        *excerpt_id,
                                                        char             **quote,
                                                        char             **pin_cite);

void             cb_section_buffer_insert_excerpt      (CbSectionBuffer   *self,
                                                        const GtkTextIter *where,
                                                        CbExcerpt         *excerpt);
gboolean         cb_section_buffer_replace_with_excerpt (CbSectionBuffer  *self,
                                                        const GtkTextIter *start,
                                                        const GtkTextIter *end,
                                                        CbExcerpt         *excerpt);
void             cb_section_buffer_remove_excerpt      (CbSectionBuffer   *self,
                                                        const char        *excerpt_id);
void             cb_section_buffer_toggle_emphasis     (CbSectionBuffer   *self,
                                                        CbRunFlags         flag);

guint            cb_section_buffer_get_undo_depth      (CbSectionBuffer   *self);
guint            cb_section_buffer_get_redo_depth      (CbSectionBuffer   *self);
void             cb_section_buffer_undo                (CbSectionBuffer   *self);
void             cb_section_buffer_redo                (CbSectionBuffer   *self);

G_END_DECLS
