#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CbQuoteIndex CbQuoteIndex;

CbQuoteIndex *cb_quote_index_new        (const gunichar *text,
                                         gsize           length,
                                         const guint8   *hidden);
void          cb_quote_index_free       (CbQuoteIndex   *index);
char         *cb_quote_index_fold_query (const char     *quote);
char         *cb_quote_index_fold_query_literal (const char *quote);
gboolean      cb_quote_index_find       (CbQuoteIndex   *index,
                                         const char     *folded,
                                         gsize           from,
                                         gsize          *start,
                                         gsize          *end);
GArray       *cb_quote_index_find_all   (CbQuoteIndex   *index,
                                         const char     *folded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbQuoteIndex, cb_quote_index_free)

G_END_DECLS
