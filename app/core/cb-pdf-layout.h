#pragma once

#include <glib.h>

#include "cb-page-map.h"

G_BEGIN_DECLS

/**
 * CbPdfGlyph:
 * @c: the character, or '\n' where the PDF's text layer ends a line
 * @x1: left edge, in points from the page's left
 * @y1: top edge, in points from the page's top
 * @x2: right edge
 * @y2: bottom edge
 * @size: the font size in points
 *
 * One character of a PDF page's text layer, where it is printed.
 */
typedef struct
{
  gunichar c;
  float x1, y1, x2, y2;
  float size;
} CbPdfGlyph;

/**
 * CbPdfPage:
 * @width: the page's width in points
 * @height: its height in points
 * @glyphs: (element-type CbPdfGlyph): its characters in the text layer's reading order
 *
 * A PDF page as its text layer gives it.
 */
typedef struct
{
  double width;
  double height;
  GArray *glyphs;
} CbPdfPage;

/**
 * CbPdfLayout:
 * @text: the opinion's text: NFC, paragraphs one to a line and separated by a blank line
 * @page_map: the pages, parts and footnotes printed, or with star paging only the
 *   PDF's pages and their labels
 * @star_paging: whether the text carries star paging, which then gives the pages
 * @case_name: (nullable): from the running heads
 * @citation: (nullable): from a "Cite as:" running head
 * @court: (nullable): the court named in the caption
 * @date: (nullable): the date of decision
 * @docket: (nullable): the docket number
 *
 * What the reading of a PDF's pages gives.
 */
typedef struct
{
  char *text;
  CbPageMap *page_map;
  gboolean star_paging;
  char *case_name;
  char *citation;
  char *court;
  char *date;
  char *docket;
} CbPdfLayout;

CbPdfLayout *cb_pdf_layout_read  (const CbPdfPage *pages,
                                  guint            n_pages);
void         cb_pdf_layout_free  (CbPdfLayout     *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbPdfLayout, cb_pdf_layout_free)

G_END_DECLS
