/* What the citation scanner, its short-form resolver and its formatting share. */
#pragma once

#include "cb-citation.h"

G_BEGIN_DECLS

/* A citation while the scan still works in bytes; @target and @primary point at other
 * items until the final order gives them indices. A barrier is a cited source that is no
 * case or statute ("App. 89", "Brief for Petitioner 17"): it is not reported, but an Id.
 * after it cannot mean a case before it. */
typedef struct _CbCitationItem CbCitationItem;
struct _CbCitationItem
{
  CbCitation *citation;
  CbCitationKind kind;      /* the citation's, kept here for the passes over all items */
  gboolean named;           /* whether the citation has a case name */
  gsize byte_start;
  gsize byte_end;
  int paragraph;
  gssize primary_byte;      /* parallel citations: where the first of the group starts */
  CbCitationItem *primary;
  CbCitationItem *target;
  char *names;              /* name short forms: the capitalized words before ", at" */
  gboolean barrier;
  gboolean dropped;
};

GPtrArray      *cb_citation_scan_valid     (const char     *text,
                                            gsize           length);
CbCitation     *cb_citation_new            (CbCitationKind  kind);
const char     *cb_citation_skip_spaces    (const char     *p,
                                            const char     *end);
void            cb_citation_items_resolve  (CbCitationItem *items,
                                            guint           n_items,
                                            const char     *text);

G_END_DECLS
