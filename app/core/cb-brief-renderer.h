#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cb-brief.h"
#include "cb-paper.h"

G_BEGIN_DECLS

#define CB_TYPE_BRIEF_RENDERER (cb_brief_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CbBriefRenderer, cb_brief_renderer, CB, BRIEF_RENDERER, GObject)

CbBriefRenderer *cb_brief_renderer_new                (CbBrief         *brief);
CbBrief         *cb_brief_renderer_get_brief          (CbBriefRenderer *self);
void             cb_brief_renderer_set_page_size      (CbBriefRenderer *self,
                                                       double           width_pt,
                                                       double           height_pt);
void             cb_brief_renderer_set_margins        (CbBriefRenderer *self,
                                                       double           top_pt,
                                                       double           right_pt,
                                                       double           bottom_pt,
                                                       double           left_pt);
void             cb_brief_renderer_set_geometry       (CbBriefRenderer      *self,
                                                       const CbPageGeometry *geometry);
void             cb_brief_renderer_get_geometry       (CbBriefRenderer *self,
                                                       CbPageGeometry  *geometry);
double           cb_brief_renderer_get_content_height (CbBriefRenderer *self);

guint            cb_brief_renderer_paginate           (CbBriefRenderer *self,
                                                       PangoContext    *context);
guint            cb_brief_renderer_get_n_pages        (CbBriefRenderer *self);
void             cb_brief_renderer_draw_page          (CbBriefRenderer *self,
                                                       cairo_t         *cr,
                                                       guint            page);

int              cb_brief_renderer_get_heading_page   (CbBriefRenderer *self,
                                                       guint            section_index);
int              cb_brief_renderer_get_block_page     (CbBriefRenderer *self,
                                                       guint            section_index,
                                                       guint            block_index);
gboolean         cb_brief_renderer_get_heading_extents (CbBriefRenderer *self,
                                                        guint            section_index,
                                                        guint           *page,
                                                        double          *top,
                                                        double          *bottom);
gboolean         cb_brief_renderer_get_block_extents  (CbBriefRenderer *self,
                                                       guint            section_index,
                                                       guint            block_index,
                                                       guint           *page,
                                                       double          *top,
                                                       double          *bottom);
double           cb_brief_renderer_get_body_line_height (CbBriefRenderer *self);
double           cb_brief_renderer_get_heading_space_before (CbBriefRenderer *self);

G_END_DECLS
