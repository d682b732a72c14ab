/* libFuzzer target: the PDF reader's own code after poppler. The input is set as the
 * text layer of made-up pages, one glyph a character, lines at "\n"; a few control
 * characters change what comes next (\x01 a smaller type, \x02 a raised glyph, \x03 a
 * new page, \x04 a line set in, \x05 a gap, \x06 a line set flush right, \x07 the
 * next column), so that text opinions as seeds give pages with heads, footnotes and
 * columns. Whatever the pages, the reading must give normalized text whose page map
 * fits it, or be refused as such, and what is read must survive the reader's answer. */
#include "config.h"

#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-pdf-helper.h"
#include "cb-pdf-layout.h"
#include "cb-opinion-private.h"
#include "cb-xml-private.h"

#define MAX_PAGES 12

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
set_pages (const guint8 *data,
           size_t        size,
           CbPdfPage    *pages,
           guint        *n_pages)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  float x = 72, y = 60, column = 72, line_size = 11;
  gboolean small = FALSE, raised = FALSE;
  guint page = 0;

  pages[0].width = 612;
  pages[0].height = 792;
  pages[0].glyphs = g_array_new (FALSE, FALSE, sizeof (CbPdfGlyph));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      float size = small ? 8 : 11, w = size * (c == ' ' ? 0.25f : c < 0x80 && g_ascii_isupper (c) ? 0.7f : 0.5f);
      CbPdfGlyph glyph;

      switch (c)
        {
        case 1: small = !small; continue;
        case 2: raised = TRUE; continue;
        case 3:
          if (page + 1 < MAX_PAGES)
            {
              page++;
              pages[page].width = 612;
              pages[page].height = 792;
              pages[page].glyphs = g_array_new (FALSE, FALSE, sizeof (CbPdfGlyph));
            }
          x = column = 72;
          y = 60;
          continue;
        case 4: x += 11; continue;
        case 5: y += 30; continue;
        case 6: x = 540 - 40; continue;
        case 7: column = column < 300 ? 320 : 72; x = column; y = 100; continue;
        default: break;
        }
      if (c == '\n' || x > 540)
        {
          glyph = (CbPdfGlyph) { '\n', x, y - line_size, x, y, line_size };
          g_array_append_val (pages[page].glyphs, glyph);
          y += small ? 10 : 13.5f;
          x = column;
          if (y > 760 && page + 1 < MAX_PAGES)
            {
              page++;
              pages[page].width = 612;
              pages[page].height = 792;
              pages[page].glyphs = g_array_new (FALSE, FALSE, sizeof (CbPdfGlyph));
              y = 60;
            }
          if (c == '\n')
            continue;
        }
      if (raised)
        size *= 0.6f;
      glyph = (CbPdfGlyph) { c, x, y - size - (raised ? 4 : 0), x + w, y - (raised ? 4 : 0), size };
      g_array_append_val (pages[page].glyphs, glyph);
      line_size = small ? 8 : 11;
      raised = FALSE;
      x += w;
    }
  *n_pages = page + 1;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  CbPdfPage pages[MAX_PAGES] = { { 0, } };
  guint n_pages = 0;
  g_autoptr(CbPdfLayout) layout = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(GError) error = NULL;

  if (size > 64 * 1024)
    return 0;
  set_pages (data, size, pages, &n_pages);
  layout = cb_pdf_layout_read (pages, n_pages);
  for (guint p = 0; p < n_pages; p++)
    g_array_unref (pages[p].glyphs);

  g_assert (layout != NULL && g_utf8_validate (layout->text, -1, NULL));
  opinion = cb_opinion_new_from_layout (layout, "fuzz.pdf", &error);
  if (opinion == NULL)
    {
      g_assert (error != NULL && error->domain == CB_ERROR);
      return 0;
    }
  {
    gsize length = cb_opinion_get_length (opinion);
    g_autofree char *pin = length > 0 ? cb_opinion_pin_cite (opinion, length / 4, length - 1, "607 U.S. ___ (2026)",
                                                              CB_CITE_STYLE_BLUEBOOK) : NULL;
    g_autoptr(GBytes) answer = cb_pdf_helper_write_answer (opinion, NULL);
    g_autoptr(CbOpinion) again = NULL;

    g_assert (pin == NULL || g_utf8_validate (pin, -1, NULL));
    /* What the reading process would answer, read back as the window reads it. */
    again = cb_pdf_helper_parse_answer (answer, "fuzz.pdf", &error);
    g_assert_no_error (error);
    g_assert (strcmp (cb_opinion_get_text (again), cb_opinion_get_text (opinion)) == 0);
    if (length > 0)
      {
        g_autofree char *pin_again = cb_opinion_pin_cite (again, length / 4, length - 1, "607 U.S. ___ (2026)",
                                                          CB_CITE_STYLE_BLUEBOOK);

        g_assert (g_strcmp0 (pin, pin_again) == 0);
      }
  }
  return 0;
}
