#pragma once

#include "cb-opinion.h"
#include "cb-page-map.h"
#include "cb-pdf-layout.h"
#include "cb-quote-index.h"

G_BEGIN_DECLS

#define MAX_REPORTERS CB_PAGE_MAP_MAX_REPORTERS

/* Bytes of text per entry of the table that turns byte positions into characters. */
#define CHAR_BLOCK 64

struct _CbOpinion
{
  GObject parent_instance;

  char *text;
  gsize length;
  char *source_name;
  CbOpinionFormat format;
  gboolean star_paging;         /* a PDF whose pages come from star paging in its text */
  char *sha256;

  gsize n_bytes;
  gsize *char_blocks;           /* characters before each CHAR_BLOCK bytes of the text */
  gunichar *chars;              /* made on first use: cb_opinion_get_chars() */
  guint8 *hidden;               /* made on first use: cb_opinion_get_hidden() */
  GArray *hidden_ranges;        /* CbRange: star, footnote and headnote markers */
  GArray *marks;                /* CbPageMark, in text order */
  CbPageMap *page_map;          /* pages, footnotes and parts */
  gsize footnote_block;         /* offset where the footnote block starts, or length */
  gboolean notes_at_end;        /* the footnote block follows the opinion, as in a text */
  GArray *headnotes;            /* CbHeadnote */
  GArray *paragraphs;           /* CbParagraph, in text order */
  GMutex citations_lock;
  GPtrArray *citations;         /* found when first asked for */
  char *case_name;
  char *citation;
  char *court;
  char *date;
  char *docket;

  GMutex index_lock;
  CbQuoteIndex *index;

  /* The reporters a citation is cited by, for the citation last asked for: a brief
   * asks with the same one for each of its excerpts. */
  GMutex cite_lock;
  char *cited_as;
  GPtrArray *cited;
};

void            cb_opinion_analyze        (CbOpinion *self);
void            cb_opinion_analyze_printed (CbOpinion *self,
                                            CbPageMap *map);
void            cb_opinion_read_caption   (CbOpinion *self);
const gunichar *cb_opinion_get_chars      (CbOpinion *self);
const guint8   *cb_opinion_get_hidden     (CbOpinion *self);
guint8         *cb_opinion_lay_out_hidden (CbOpinion *self);
const char     *cb_opinion_char_at        (CbOpinion *self,
                                           gsize      offset);

CbOpinion      *cb_opinion_new_from_layout (const CbPdfLayout *layout,
                                            const char        *source_name,
                                            GError           **error);

G_END_DECLS
