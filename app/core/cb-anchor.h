#pragma once

#include <glib.h>

#include "cb-excerpt.h"

G_BEGIN_DECLS

/* How many characters of context an anchor keeps on each side of its quote. */
#define CB_ANCHOR_CONTEXT_CHARS 32

typedef struct _CbAnchorIndex CbAnchorIndex;

CbAnchorIndex  *cb_anchor_index_new      (const char     *text);
void            cb_anchor_index_free     (CbAnchorIndex  *index);
gsize           cb_anchor_index_get_length (CbAnchorIndex *index);
char           *cb_anchor_index_dup_range (CbAnchorIndex *index,
                                           gsize          start,
                                           gsize          end);
void            cb_anchor_index_describe (CbAnchorIndex  *index,
                                          gsize           start,
                                          gsize           end,
                                          char          **quote,
                                          char          **prefix,
                                          char          **suffix);
CbAnchorStatus  cb_anchor_index_resolve  (CbAnchorIndex  *index,
                                          const char     *quote,
                                          const char     *prefix,
                                          const char     *suffix,
                                          gsize           start,
                                          gsize           end,
                                          gsize          *new_start,
                                          gsize          *new_end);

CbAnchorStatus  cb_anchor_resolve        (const char     *text,
                                          const char     *quote,
                                          const char     *prefix,
                                          const char     *suffix,
                                          gsize           start,
                                          gsize           end,
                                          gsize          *new_start,
                                          gsize          *new_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAnchorIndex, cb_anchor_index_free)

G_END_DECLS
