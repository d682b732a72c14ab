#pragma once

#include <adwaita.h>

#include "core/cb-brief.h"

G_BEGIN_DECLS

#define CB_TYPE_EXCERPT_BLOCK (cb_excerpt_block_get_type ())
G_DECLARE_FINAL_TYPE (CbExcerptBlock, cb_excerpt_block, CB, EXCERPT_BLOCK, AdwBin)

CbExcerptBlock *cb_excerpt_block_new          (CbBrief        *brief,
                                               CbExcerpt      *excerpt,
                                               guint           color_index);
CbExcerpt      *cb_excerpt_block_get_excerpt  (CbExcerptBlock *self);
const char     *cb_excerpt_block_get_quote    (CbExcerptBlock *self);
const char     *cb_excerpt_block_get_pin_cite (CbExcerptBlock *self);

G_END_DECLS
