/* Reads a PDF's text layer with poppler, page by page, and hands it to the layout
 * reader: the one place the core calls poppler. It runs in the separate process of
 * cb-pdf-helper.c, never in the window's. */

#define G_LOG_DOMAIN "cb-pdf"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "cb-error.h"
#include "cb-opinion-private.h"
#include "cb-pdf-import.h"
#include "cb-pdf-layout.h"

/* How far from the end a complete PDF has its "%%EOF". */
#define EOF_WINDOW 1024

static const char *
display_name (const char *source_name)
{
  return source_name != NULL ? source_name : _("The file");
}

/**
 * cb_pdf_looks_pdf:
 * @data: the first bytes of a file
 * @length: how many
 *
 * Returns: whether the file is a PDF: it starts with "%PDF-", perhaps after white
 *   space; a text that only mentions "%PDF-" further on stays a text
 */
gboolean
cb_pdf_looks_pdf (const char *data,
                  gsize       length)
{
  gsize i = 0;

  while (i < length && i < 16 && g_ascii_isspace (data[i]))
    i++;
  return length - i >= 5 && memcmp (data + i, "%PDF-", 5) == 0;
}

static gboolean
has_eof (const char *data,
         gsize       length)
{
  gsize from = length > EOF_WINDOW ? length - EOF_WINDOW : 0;

  for (gsize i = from; i + 5 <= length; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

static void
read_page (PopplerPage *page,
           CbPdfPage   *out)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes = poppler_page_get_text_attributes (page);
  GList *attribute = attributes;
  const char *p = text;
  CbPdfGlyph *glyphs;
  guint i;

  poppler_page_get_size (page, &out->width, &out->height);
  out->glyphs = g_array_new (FALSE, FALSE, sizeof (CbPdfGlyph));
  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    {
      poppler_page_free_text_attributes (attributes);
      return;
    }

  g_array_set_size (out->glyphs, n_rects);
  glyphs = (CbPdfGlyph *) out->glyphs->data;
  for (i = 0; i < n_rects && *p; i++, p = g_utf8_next_char (p))
    {
      CbPdfGlyph *glyph = &glyphs[i];
      const PopplerTextAttributes *a;

      while (attribute != NULL && ((PopplerTextAttributes *) attribute->data)->end_index < (int) i)
        attribute = attribute->next;
      a = attribute != NULL ? attribute->data : NULL;
      glyph->c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
      glyph->x1 = rects[i].x1;
      glyph->y1 = rects[i].y1;
      glyph->x2 = rects[i].x2;
      glyph->y2 = rects[i].y2;
      glyph->size = a != NULL && a->start_index <= (int) i ? a->font_size : 0;
      if (glyph->size <= 0)
        glyph->size = rects[i].y2 - rects[i].y1;
    }
  g_array_set_size (out->glyphs, i);
  poppler_page_free_text_attributes (attributes);
}

static gboolean
has_text (const CbPdfPage *pages,
          guint            n_pages)
{
  for (guint p = 0; p < n_pages; p++)
    for (guint i = 0; i < pages[p].glyphs->len; i++)
      if (!g_unichar_isspace (g_array_index (pages[p].glyphs, CbPdfGlyph, i).c))
        return TRUE;
  return FALSE;
}

/**
 * cb_pdf_read_layout:
 * @bytes: the PDF
 * @source_name: (nullable): the file's name, for messages
 * @progress: (nullable) (scope call): told after each page
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable, looked at between pages
 * @error: return location for a #CbError
 *
 * Reads a PDF's text layer in this process and what its print says. A PDF may crash or
 * hang poppler, so the app reads PDFs through cb_pdf_helper_import_async(), which
 * runs this in a separate process; this is what that process calls.
 *
 * Refused, each with a message naming the file: an encrypted PDF
 * (%CB_ERROR_ENCRYPTED), one with no text layer (%CB_ERROR_NO_TEXT), and a
 * truncated or damaged one (%CB_ERROR_PARSE).
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
CbPdfLayout *
cb_pdf_read_layout (GBytes         *bytes,
                    const char     *source_name,
                    CbPdfProgress   progress,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GObject) document = NULL;   /* PopplerDocument */
  g_autoptr(GError) poppler_error = NULL;
  CbPdfLayout *layout = NULL;
  CbPdfPage *pages;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  int n_pages;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL || !has_eof (data, length))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s: the PDF is truncated or damaged"),
                   display_name (source_name));
      return NULL;
    }

  document = (GObject *) poppler_document_new_from_bytes (bytes, NULL, &poppler_error);
  if (document == NULL)
    {
      if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, CB_ERROR, CB_ERROR_ENCRYPTED,
                     _("%s: the PDF is encrypted; save a copy without a password first"),
                     display_name (source_name));
      else
        g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s: the PDF is truncated or damaged (%s)"),
                     display_name (source_name), poppler_error != NULL ? poppler_error->message : "");
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (document));
  if (n_pages <= 0)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s: the PDF is truncated or damaged (it has no pages)"),
                   display_name (source_name));
      return NULL;
    }

  pages = g_new0 (CbPdfPage, n_pages);
  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(GObject) page = NULL;   /* PopplerPage */

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      page = (GObject *) poppler_document_get_page (POPPLER_DOCUMENT (document), p);
      if (page == NULL)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s: the PDF is truncated or damaged (page %d)"),
                       display_name (source_name), p + 1);
          goto out;
        }
      read_page (POPPLER_PAGE (page), &pages[p]);
      if (progress != NULL)
        progress (p + 1, n_pages, user_data);
    }

  if (!has_text (pages, n_pages))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_NO_TEXT, _("%s: the PDF has no text layer; run it through OCR first"),
                   display_name (source_name));
      goto out;
    }

  layout = cb_pdf_layout_read (pages, n_pages);

out:
  for (int p = 0; p < n_pages; p++)
    g_clear_pointer (&pages[p].glyphs, g_array_unref);
  g_free (pages);
  return layout;
}

/**
 * cb_pdf_read_bytes:
 * @bytes: the PDF
 * @source_name: (nullable): the file's name, for messages
 * @progress: (nullable) (scope call): told after each page
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable, looked at between pages
 * @error: return location for a #CbError
 *
 * Reads an opinion from a PDF in this process: cb_pdf_read_layout() and the
 * opinion made of what it read.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_pdf_read_bytes (GBytes         *bytes,
                   const char     *source_name,
                   CbPdfProgress   progress,
                   gpointer        user_data,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(CbPdfLayout) layout = cb_pdf_read_layout (bytes, source_name, progress, user_data, cancellable, error);

  if (layout == NULL)
    return NULL;
  return cb_opinion_new_from_layout (layout, source_name, error);
}
