/* Paper: the sizes a brief is typeset for, and which one the user's locale uses. */
#define G_LOG_DOMAIN "cb-paper"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "cb-paper.h"

static gboolean
territory_uses_letter (const char *locale)
{
  return locale != NULL &&
         (strstr (locale, "_US") != NULL || strstr (locale, "_CA") != NULL);
}

/**
 * cb_page_geometry_init_paper:
 * @geometry: the geometry to fill
 * @paper: the paper size
 *
 * Fills @geometry with the paper's size and the margins a brief is typeset with: one
 * inch all round, which also keeps clear of printers' unprintable edges.
 */
void
cb_page_geometry_init_paper (CbPageGeometry *geometry,
                             CbPaper         paper)
{
  g_return_if_fail (geometry != NULL);

  if (paper == CB_PAPER_LETTER)
    {
      geometry->width = 612.0;
      geometry->height = 792.0;
    }
  else
    {
      geometry->width = 595.2756;
      geometry->height = 841.8898;
    }
  geometry->margin_top = 72.0;
  geometry->margin_right = 72.0;
  geometry->margin_bottom = 72.0;
  geometry->margin_left = 72.0;
}

/**
 * cb_paper_get_default:
 *
 * Gets the paper size of the user's locale: the LC_PAPER width where the C library
 * tells it, else Letter in the United States and Canada and A4 elsewhere. Call
 * setlocale() first.
 *
 * Returns: the locale's paper size
 */
CbPaper
cb_paper_get_default (void)
{
#ifdef _NL_PAPER_WIDTH
  {
    /* glibc returns the width in millimetres, cast to a pointer. */
    int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

    if (width_mm == 216)
      return CB_PAPER_LETTER;
    if (width_mm == 210)
      return CB_PAPER_A4;
  }
#endif
#ifdef LC_PAPER
  if (territory_uses_letter (setlocale (LC_PAPER, NULL)))
    return CB_PAPER_LETTER;
#endif
  if (territory_uses_letter (setlocale (LC_CTYPE, NULL)))
    return CB_PAPER_LETTER;
  return CB_PAPER_A4;
}

/**
 * cb_paper_from_string:
 * @string: "a4" or "letter", in any case
 * @paper: (out): the paper size named
 *
 * Parses a paper size as the command line names it.
 *
 * Returns: %TRUE if @string names a paper size
 */
gboolean
cb_paper_from_string (const char *string,
                      CbPaper    *paper)
{
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (string, "a4") == 0)
    *paper = CB_PAPER_A4;
  else if (g_ascii_strcasecmp (string, "letter") == 0)
    *paper = CB_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}
