/* The <page-map> element: what a PDF's print says of an opinion's pages, parts and
 * footnotes, written beside its text in a .brief and by the PDF reader's process,
 * and read back from either as a file that may be someone else's. */

#define G_LOG_DOMAIN "cb-page-map"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cb-error.h"
#include "cb-opinion-private.h"
#include "cb-page-map-xml.h"
#include "cb-xml-private.h"

static const char * const part_kinds[] = { "separate", "court", "syllabus" };

static void
write_attribute (GString    *out,
                 const char *name,
                 const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  cb_xml_escape (out, value, TRUE);
  g_string_append_c (out, '"');
}

/**
 * cb_page_map_write_layout_xml:
 * @out: where to write
 * @indent: spaces before the element
 * @layout: a PDF's text and what its print says of it
 * @sha256: the SHA-256 of @layout's text
 *
 * Writes the <page-map> of what was read from a PDF: its PDF pages with their
 * printed labels and where its text moves to each, and unless the text carries star
 * paging, which gives the pages again on every load, the printed pages, parts and
 * footnotes; with it, the SHA-256 of the text it maps and the caption the print gave.
 */
void
cb_page_map_write_layout_xml (GString           *out,
                              guint              indent,
                              const CbPdfLayout *layout,
                              const char        *sha256)
{
  CbPageMap *map = layout->page_map;
  gboolean printed = !layout->star_paging;
  const CbPart *parts;
  const CbFootnote *notes;
  gsize n;

  g_string_append_printf (out, "%*s<page-map paging=\"%s\" numbering=\"%s\" sha256=\"%s\"", (int) indent, "",
                          printed ? "print" : "star",
                          cb_page_map_get_numbering (map) == CB_PAGE_NUMBERING_SLIP ? "slip" : "reporter", sha256);
  write_attribute (out, "case-name", layout->case_name);
  write_attribute (out, "citation", layout->citation);
  write_attribute (out, "court", layout->court);
  write_attribute (out, "date", layout->date);
  write_attribute (out, "docket", layout->docket);
  g_string_append (out, ">\n");
  for (guint p = 1; p <= cb_page_map_get_n_pdf_pages (map); p++)
    {
      g_string_append_printf (out, "%*s<pdf-page", (int) indent + 2, "");
      write_attribute (out, "label", cb_page_map_get_label (map, p));
      g_string_append (out, "/>\n");
    }
  for (gsize i = 0; i < cb_page_map_get_n_pdf_page_starts (map); i++)
    {
      gsize offset;
      guint page;

      cb_page_map_get_pdf_page_start (map, i, &offset, &page);
      g_string_append_printf (out, "%*s<pdf-run start=\"%" G_GSIZE_FORMAT "\" page=\"%u\"/>\n",
                              (int) indent + 2, "", offset, page);
    }
  if (printed)
    {
      for (guint r = 0; r < CB_PAGE_MAP_MAX_REPORTERS; r++)
        for (gsize i = 0; i < cb_page_map_get_n_page_starts (map, r); i++)
          {
            gsize offset;
            guint page;

            cb_page_map_get_page_start (map, r, i, &offset, &page);
            g_string_append_printf (out, "%*s<page reporter=\"%u\" start=\"%" G_GSIZE_FORMAT "\" number=\"%u\"/>\n",
                                    (int) indent + 2, "", r, offset, page);
          }
      parts = cb_page_map_get_parts (map, &n);
      for (gsize i = 0; i < n; i++)
        {
          g_string_append_printf (out, "%*s<part kind=\"%s\" start=\"%" G_GSIZE_FORMAT "\" end=\"%" G_GSIZE_FORMAT "\"",
                                  (int) indent + 2, "", part_kinds[parts[i].kind], parts[i].start, parts[i].end);
          write_attribute (out, "title", parts[i].title);
          write_attribute (out, "parenthetical", parts[i].parenthetical);
          g_string_append (out, "/>\n");
        }
      notes = cb_page_map_get_footnotes (map, &n);
      for (gsize i = 0; i < n; i++)
        {
          g_string_append_printf (out, "%*s<footnote", (int) indent + 2, "");
          write_attribute (out, "label", notes[i].label);
          g_string_append_printf (out, " marker=\"%" G_GSIZE_FORMAT "\" marker-length=\"%" G_GSIZE_FORMAT
                                  "\" start=\"%" G_GSIZE_FORMAT "\" end=\"%" G_GSIZE_FORMAT "\"/>\n",
                                  notes[i].marker_offset, notes[i].marker_length, notes[i].body_start, notes[i].body_end);
        }
    }
  g_string_append_printf (out, "%*s</page-map>\n", (int) indent, "");
}


/**
 * cb_page_map_write_xml:
 * @out: where to write
 * @indent: spaces before the element
 * @opinion: an opinion read from a PDF
 *
 * Writes the <page-map> of an opinion read from a PDF, as
 * cb_page_map_write_layout_xml() does, with the caption the opinion has.
 */
void
cb_page_map_write_xml (GString   *out,
                       guint      indent,
                       CbOpinion *opinion)
{
  CbPdfLayout layout = {
    (char *) cb_opinion_get_text (opinion), cb_opinion_get_page_map (opinion), cb_opinion_get_star_paging (opinion),
    (char *) cb_opinion_get_case_name (opinion), (char *) cb_opinion_get_citation (opinion),
    (char *) cb_opinion_get_court (opinion), (char *) cb_opinion_get_date (opinion),
    (char *) cb_opinion_get_docket (opinion),
  };

  g_return_if_fail (cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_PDF);

  cb_page_map_write_layout_xml (out, indent, &layout, cb_opinion_get_sha256 (opinion));
}

static gsize
last_pdf_start (CbPageMap *map)
{
  gsize offset;
  guint page;

  cb_page_map_get_pdf_page_start (map, cb_page_map_get_n_pdf_page_starts (map) - 1, &offset, &page);
  return offset;
}

static gsize
last_page_start (CbPageMap *map,
                 guint      reporter)
{
  gsize offset;
  guint page;

  cb_page_map_get_page_start (map, reporter, cb_page_map_get_n_page_starts (map, reporter) - 1, &offset, &page);
  return offset;
}

/* An attribute that must be a number no larger than @max. */
static gboolean
get_number (xmlNode     *node,
            const char  *attribute,
            guint64      max,
            guint64     *value,
            const char  *name,
            GError     **error)
{
  g_autofree char *text = cb_xml_dup_attribute (node, attribute);

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s, line %d: <%s> needs a number in %s"),
                   name, (int) xmlGetLineNo (node), (const char *) node->name, attribute);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_child (xmlNode     *node,
            CbPageMap   *map,
            gboolean     printed,
            gsize        length,
            const char  *name,
            GError     **error)
{
  guint64 start, end, number, reporter, marker, marker_length;

  if (g_strcmp0 ((const char *) node->name, "pdf-page") == 0)
    {
      g_autofree char *label = cb_xml_dup_attribute (node, "label");

      cb_page_map_add_label (map, label);
      return TRUE;
    }
  if (g_strcmp0 ((const char *) node->name, "pdf-run") == 0)
    {
      if (!get_number (node, "start", length, &start, name, error) ||
          !get_number (node, "page", G_MAXUINT, &number, name, error))
        return FALSE;
      if (number == 0 || (cb_page_map_get_n_pdf_page_starts (map) > 0 && start < last_pdf_start (map)))
        goto bad;
      cb_page_map_add_pdf_page (map, start, (guint) number);
      return TRUE;
    }
  if (!printed)
    return TRUE;
  if (g_strcmp0 ((const char *) node->name, "page") == 0)
    {
      if (!get_number (node, "reporter", CB_PAGE_MAP_MAX_REPORTERS - 1, &reporter, name, error) ||
          !get_number (node, "start", length, &start, name, error) ||
          !get_number (node, "number", G_MAXUINT, &number, name, error))
        return FALSE;
      if (cb_page_map_get_n_page_starts (map, reporter) > 0 && start < last_page_start (map, reporter))
        goto bad;
      cb_page_map_add_page (map, (guint) reporter, start, (guint) number);
      return TRUE;
    }
  if (g_strcmp0 ((const char *) node->name, "part") == 0)
    {
      g_autofree char *kind = cb_xml_dup_attribute (node, "kind");
      g_autofree char *title = cb_xml_dup_attribute (node, "title");
      g_autofree char *parenthetical = cb_xml_dup_attribute (node, "parenthetical");
      guint k;

      if (!get_number (node, "start", length, &start, name, error) ||
          !get_number (node, "end", length, &end, name, error))
        return FALSE;
      for (k = 0; k < G_N_ELEMENTS (part_kinds) && g_strcmp0 (kind, part_kinds[k]) != 0; k++)
        ;
      if (k == G_N_ELEMENTS (part_kinds) || start > end)
        goto bad;
      cb_page_map_add_part (map, start, end, (CbPartKind) k, parenthetical, title);
      return TRUE;
    }
  if (g_strcmp0 ((const char *) node->name, "footnote") == 0)
    {
      g_autofree char *label = cb_xml_dup_attribute (node, "label");

      if (!get_number (node, "marker", length, &marker, name, error) ||
          !get_number (node, "marker-length", length, &marker_length, name, error) ||
          !get_number (node, "start", length, &start, name, error) ||
          !get_number (node, "end", length, &end, name, error))
        return FALSE;
      if (label == NULL || *label == '\0' || start > end || marker_length > length - marker)
        goto bad;
      cb_page_map_add_footnote (map, label, marker, marker_length, start, end);
      return TRUE;
    }
  return TRUE;

bad:
  g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s, line %d: <%s> does not fit the opinion’s text"),
               name, (int) xmlGetLineNo (node), (const char *) node->name);
  return FALSE;
}

/**
 * cb_page_map_read_xml:
 * @node: a <page-map> element
 * @text: the opinion's text it maps
 * @name: the file's name, for messages
 * @error: return location for a %CB_ERROR_INVALID
 *
 * Reads a <page-map> as cb_page_map_write_xml() writes it. Every number is checked
 * against @text, as a file from someone else must be; cb_opinion_new_from_layout()
 * checks the whole again.
 *
 * Returns: (transfer full): the text with its page map and caption, or %NULL with
 *   @error set
 */
CbPdfLayout *
cb_page_map_read_xml (xmlNode     *node,
                      const char  *text,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(CbPdfLayout) layout = g_new0 (CbPdfLayout, 1);
  g_autofree char *paging = cb_xml_dup_attribute (node, "paging");
  g_autofree char *numbering = cb_xml_dup_attribute (node, "numbering");
  gsize length;

  g_return_val_if_fail (node != NULL && text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_ENCODING, _("%s: the opinion’s text is not valid UTF-8"), name);
      return NULL;
    }
  length = g_utf8_strlen (text, -1);
  layout->text = g_strdup (text);
  layout->star_paging = g_strcmp0 (paging, "star") == 0;
  layout->page_map = cb_page_map_new (g_strcmp0 (numbering, "slip") == 0 ? CB_PAGE_NUMBERING_SLIP
                                                                         : CB_PAGE_NUMBERING_REPORTER);
  layout->case_name = cb_xml_dup_attribute (node, "case-name");
  layout->citation = cb_xml_dup_attribute (node, "citation");
  layout->court = cb_xml_dup_attribute (node, "court");
  layout->date = cb_xml_dup_attribute (node, "date");
  layout->docket = cb_xml_dup_attribute (node, "docket");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        !read_child (child, layout->page_map, !layout->star_paging, length, name, error))
      return NULL;
  if (!cb_page_map_check (layout->page_map, length, error))
    {
      g_prefix_error (error, "%s, line %d: ", name, (int) xmlGetLineNo (node));
      return NULL;
    }
  return g_steal_pointer (&layout);
}

/**
 * cb_page_map_read_opinion:
 * @text: the opinion's text as a file holds it
 * @source_name: (nullable): the name of the file the opinion came from
 * @format: what the file says it was imported from ("text", "html")
 * @page_map: (nullable): a <page-map> element beside it
 * @name: the file's name, for messages
 * @error: return location for a #CbError
 *
 * Makes the opinion a file embeds. With a <page-map> that maps this very text (its
 * SHA-256 is the text's), the opinion came from a PDF and its print gives the
 * pages; a text edited by hand no longer fits its map, which is then left aside:
 * the pages are derived from the text, as for any text, since a wrong page is worse
 * than none.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_page_map_read_opinion (const char  *text,
                          const char  *source_name,
                          const char  *format,
                          xmlNode     *page_map,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(CbPdfLayout) layout = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (page_map == NULL)
    return cb_opinion_new_from_text (text, source_name, g_strcmp0 (format, "html") == 0 ? CB_OPINION_FORMAT_HTML
                                                                                        : CB_OPINION_FORMAT_TEXT);
  sha256 = cb_xml_dup_attribute (page_map, "sha256");
  actual = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  if (sha256 == NULL || g_ascii_strcasecmp (sha256, actual) != 0)
    {
      CbOpinion *opinion = cb_opinion_new_from_text (text, source_name, CB_OPINION_FORMAT_PDF);

      g_debug ("%s: the page map is of another text; the pages are derived from the text", name);
      opinion->star_paging = TRUE;
      return opinion;
    }
  layout = cb_page_map_read_xml (page_map, text, name, error);
  if (layout == NULL)
    return NULL;
  return cb_opinion_new_from_layout (layout, source_name, error);
}
