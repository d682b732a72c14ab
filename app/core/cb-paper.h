/* Paper: the sizes a brief is typeset for, and the margins around them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CbPaper:
 * @CB_PAPER_A4: ISO A4, 210 × 297 mm
 * @CB_PAPER_LETTER: US Letter, 8.5 × 11 in
 *
 * The paper sizes a brief is typeset for.
 */
typedef enum
{
  CB_PAPER_A4,
  CB_PAPER_LETTER,
} CbPaper;

/**
 * CbPageGeometry:
 * @width: paper width in points
 * @height: paper height in points
 * @margin_top: top margin in points
 * @margin_right: right margin in points
 * @margin_bottom: bottom margin in points; the footer is drawn inside it
 * @margin_left: left margin in points
 *
 * The page a brief is laid out on. Points are 1/72 inch.
 */
typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_right;
  double margin_bottom;
  double margin_left;
} CbPageGeometry;

void     cb_page_geometry_init_paper (CbPageGeometry *geometry,
                                      CbPaper         paper);
CbPaper  cb_paper_get_default        (void);
gboolean cb_paper_from_string        (const char     *string,
                                      CbPaper        *paper);

G_END_DECLS
