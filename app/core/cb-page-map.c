/* CbPageMap: where each reporter's pages, the PDF's pages, the footnotes and the parts
 * of an opinion lie in its text; every importer fills one and pin cites ask it. */

#define G_LOG_DOMAIN "cb-page-map"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-error.h"
#include "cb-page-map.h"

/* A page begins at @start. */
typedef struct
{
  gsize start;
  guint page;
} Run;

struct _CbPageMap
{
  GObject parent_instance;

  CbPageNumbering numbering;
  guint n_reporters;
  GArray *runs[CB_PAGE_MAP_MAX_REPORTERS];   /* Run, in text order */
  GArray *pdf_runs;                          /* Run: the PDF page (from 1) */
  GPtrArray *labels;                         /* the printed label of each PDF page */
  GArray *footnotes;                         /* CbFootnote */
  GArray *parts;                             /* CbPart */
};

G_DEFINE_FINAL_TYPE (CbPageMap, cb_page_map, G_TYPE_OBJECT)


/* The page of the last run that starts at or before @offset; before the first run,
 * the first run's page. */
static guint
run_at (GArray *runs,
        gsize   offset)
{
  gsize lo = 0, hi = runs->len;

  if (runs->len == 0)
    return 0;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (g_array_index (runs, Run, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (runs, Run, lo == 0 ? 0 : lo - 1).page;
}

static void
append_run (GArray *runs,
            gsize   offset,
            guint   page)
{
  Run run = { offset, page };

  g_return_if_fail (runs->len == 0 || g_array_index (runs, Run, runs->len - 1).start <= offset);
  /* The same page again changes nothing. */
  if (runs->len > 0 && g_array_index (runs, Run, runs->len - 1).page == page)
    return;
  g_array_append_val (runs, run);
}

static void
cb_page_map_finalize (GObject *object)
{
  CbPageMap *self = CB_PAGE_MAP (object);

  for (guint r = 0; r < CB_PAGE_MAP_MAX_REPORTERS; r++)
    g_clear_pointer (&self->runs[r], g_array_unref);
  g_clear_pointer (&self->pdf_runs, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->footnotes, g_array_unref);
  g_clear_pointer (&self->parts, g_array_unref);

  G_OBJECT_CLASS (cb_page_map_parent_class)->finalize (object);
}

static void
cb_page_map_class_init (CbPageMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_page_map_finalize;
}

static void
cb_page_map_init (CbPageMap *self)
{
  for (guint r = 0; r < CB_PAGE_MAP_MAX_REPORTERS; r++)
    self->runs[r] = g_array_new (FALSE, FALSE, sizeof (Run));
  self->pdf_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->footnotes = g_array_new (FALSE, FALSE, sizeof (CbFootnote));
  g_array_set_clear_func (self->footnotes, (GDestroyNotify) cb_footnote_clear);
  self->parts = g_array_new (FALSE, FALSE, sizeof (CbPart));
  g_array_set_clear_func (self->parts, (GDestroyNotify) cb_part_clear);
}

/**
 * cb_page_map_new:
 * @numbering: what the page numbers count
 *
 * Returns: (transfer full): an empty page map
 */
CbPageMap *
cb_page_map_new (CbPageNumbering numbering)
{
  CbPageMap *self = g_object_new (CB_TYPE_PAGE_MAP, NULL);

  self->numbering = numbering;
  return self;
}

/**
 * cb_page_map_set_n_reporters:
 * @self: a page map
 * @n_reporters: how many reporters the opinion names pages of (0 to 3)
 *
 * Sets how many reporters the opinion's paging names; a reporter named only in
 * footnotes counts, though it has no pages of its own.
 */
void
cb_page_map_set_n_reporters (CbPageMap *self,
                             guint      n_reporters)
{
  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (n_reporters <= CB_PAGE_MAP_MAX_REPORTERS);

  self->n_reporters = n_reporters;
}

/**
 * cb_page_map_add_page:
 * @self: a page map
 * @reporter: 0, 1 or 2
 * @offset: offset in characters where the page begins, at or after the last one added
 * @page: the page number
 *
 * Records that page @page of @reporter begins at @offset. Text before the first
 * page added is on that page. A page may begin again further on: a footnote block
 * goes back to the page of each reference.
 */
void
cb_page_map_add_page (CbPageMap *self,
                      guint      reporter,
                      gsize      offset,
                      guint      page)
{
  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (reporter < CB_PAGE_MAP_MAX_REPORTERS);

  append_run (self->runs[reporter], offset, page);
  self->n_reporters = MAX (self->n_reporters, reporter + 1);
}

/**
 * cb_page_map_add_pdf_page:
 * @self: a page map
 * @offset: offset in characters, at or after the last one added
 * @pdf_page: the page of the PDF, from 1
 *
 * Records that the text from @offset was printed on page @pdf_page of the PDF.
 */
void
cb_page_map_add_pdf_page (CbPageMap *self,
                          gsize      offset,
                          guint      pdf_page)
{
  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (pdf_page > 0);

  append_run (self->pdf_runs, offset, pdf_page);
}

/**
 * cb_page_map_add_label:
 * @self: a page map
 * @label: (nullable): the page number printed on the next PDF page, as printed
 *
 * Records the printed label of the next PDF page (the first call names page 1).
 */
void
cb_page_map_add_label (CbPageMap  *self,
                       const char *label)
{
  g_return_if_fail (CB_IS_PAGE_MAP (self));

  g_ptr_array_add (self->labels, g_strdup (label != NULL ? label : ""));
}

/**
 * cb_page_map_add_footnote:
 * @self: a page map
 * @label: the footnote's label
 * @marker_offset: offset of its reference mark
 * @marker_length: length of the mark
 * @body_start: offset of its first character
 * @body_end: offset just past its last character
 *
 * Adds a footnote; footnotes are added in the order of their bodies.
 */
void
cb_page_map_add_footnote (CbPageMap  *self,
                          const char *label,
                          gsize       marker_offset,
                          gsize       marker_length,
                          gsize       body_start,
                          gsize       body_end)
{
  CbFootnote note = { g_strdup (label), marker_offset, marker_length, body_start, body_end };

  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (label != NULL);

  g_array_append_val (self->footnotes, note);
}

/**
 * cb_page_map_add_part:
 * @self: a page map
 * @start: offset where the part starts
 * @end: offset just past its end
 * @kind: what the part is
 * @parenthetical: (nullable): what a pin cite into it adds
 * @title: (nullable): its name as printed
 *
 * Adds a part of the opinion, in text order.
 */
void
cb_page_map_add_part (CbPageMap  *self,
                      gsize       start,
                      gsize       end,
                      CbPartKind  kind,
                      const char *parenthetical,
                      const char *title)
{
  CbPart part = { start, end, kind, g_strdup (parenthetical), g_strdup (title) };

  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (start <= end);

  g_array_append_val (self->parts, part);
}

/**
 * cb_page_map_get_numbering:
 * @self: a page map
 *
 * Returns: what the page numbers count
 */
CbPageNumbering
cb_page_map_get_numbering (CbPageMap *self)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), CB_PAGE_NUMBERING_REPORTER);
  return self->numbering;
}

/**
 * cb_page_map_get_n_reporters:
 * @self: a page map
 *
 * Returns: how many reporters the paging names (0 to 3)
 */
guint
cb_page_map_get_n_reporters (CbPageMap *self)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);
  return self->n_reporters;
}

/**
 * cb_page_map_has_pages:
 * @self: a page map
 * @reporter: 0, 1 or 2
 *
 * Returns: whether the opinion's text has pages of @reporter
 */
gboolean
cb_page_map_has_pages (CbPageMap *self,
                       guint      reporter)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), FALSE);
  return reporter < CB_PAGE_MAP_MAX_REPORTERS && self->runs[reporter]->len > 0;
}

/**
 * cb_page_map_get_first_page:
 * @self: a page map
 * @reporter: 0, 1 or 2
 *
 * Returns: the page the text starts on, or 0 when @reporter has no pages
 */
guint
cb_page_map_get_first_page (CbPageMap *self,
                            guint      reporter)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);

  if (!cb_page_map_has_pages (self, reporter))
    return 0;
  return g_array_index (self->runs[reporter], Run, 0).page;
}

/**
 * cb_page_map_page_at:
 * @self: a page map
 * @reporter: 0, 1 or 2
 * @offset: offset in characters
 *
 * Returns: the page of @reporter that holds @offset, or 0 when @reporter has no pages
 */
guint
cb_page_map_page_at (CbPageMap *self,
                     guint      reporter,
                     gsize      offset)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);

  if (!cb_page_map_has_pages (self, reporter))
    return 0;
  return run_at (self->runs[reporter], offset);
}

/**
 * cb_page_map_get_n_page_starts:
 * @self: a page map
 * @reporter: 0, 1 or 2
 *
 * Returns: how many times a page of @reporter begins
 */
gsize
cb_page_map_get_n_page_starts (CbPageMap *self,
                               guint      reporter)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);
  g_return_val_if_fail (reporter < CB_PAGE_MAP_MAX_REPORTERS, 0);

  return self->runs[reporter]->len;
}

/**
 * cb_page_map_get_page_start:
 * @self: a page map
 * @reporter: 0, 1 or 2
 * @index: which page start, below cb_page_map_get_n_page_starts()
 * @offset: (out): where the page begins
 * @page: (out): the page
 *
 * Gets where a page of @reporter begins, in the order they were added.
 */
void
cb_page_map_get_page_start (CbPageMap *self,
                            guint      reporter,
                            gsize      index,
                            gsize     *offset,
                            guint     *page)
{
  const Run *run;

  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (reporter < CB_PAGE_MAP_MAX_REPORTERS);
  g_return_if_fail (index < self->runs[reporter]->len);

  run = &g_array_index (self->runs[reporter], Run, index);
  *offset = run->start;
  *page = run->page;
}

/**
 * cb_page_map_get_n_pdf_pages:
 * @self: a page map
 *
 * Returns: how many pages the PDF the opinion came from has, or 0 when it came
 *   from no PDF
 */
guint
cb_page_map_get_n_pdf_pages (CbPageMap *self)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);
  return self->labels->len;
}

/**
 * cb_page_map_pdf_page_at:
 * @self: a page map
 * @offset: offset in characters
 *
 * Returns: the PDF page (from 1) where the text at @offset was printed, or 0 when
 *   the opinion came from no PDF
 */
guint
cb_page_map_pdf_page_at (CbPageMap *self,
                         gsize      offset)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);
  return run_at (self->pdf_runs, offset);
}

/**
 * cb_page_map_get_n_pdf_page_starts:
 * @self: a page map
 *
 * Returns: how many times the text moves to a PDF page
 */
gsize
cb_page_map_get_n_pdf_page_starts (CbPageMap *self)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), 0);
  return self->pdf_runs->len;
}

/**
 * cb_page_map_get_pdf_page_start:
 * @self: a page map
 * @index: which, below cb_page_map_get_n_pdf_page_starts()
 * @offset: (out): where the text moves to the page
 * @pdf_page: (out): the PDF page, from 1
 *
 * Gets where the text moves to a PDF page, in the order they were added.
 */
void
cb_page_map_get_pdf_page_start (CbPageMap *self,
                                gsize      index,
                                gsize     *offset,
                                guint     *pdf_page)
{
  const Run *run;

  g_return_if_fail (CB_IS_PAGE_MAP (self));
  g_return_if_fail (index < self->pdf_runs->len);

  run = &g_array_index (self->pdf_runs, Run, index);
  *offset = run->start;
  *pdf_page = run->page;
}

/**
 * cb_page_map_get_label:
 * @self: a page map
 * @pdf_page: a PDF page, from 1
 *
 * Returns: (nullable): the page number printed on @pdf_page ("533"), "" when it
 *   prints none, or %NULL when there is no such page
 */
const char *
cb_page_map_get_label (CbPageMap *self,
                       guint      pdf_page)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), NULL);

  if (pdf_page == 0 || pdf_page > self->labels->len)
    return NULL;
  return g_ptr_array_index (self->labels, pdf_page - 1);
}

/**
 * cb_page_map_get_footnotes:
 * @self: a page map
 * @n_footnotes: (out): the number of footnotes
 *
 * Returns: (transfer none) (array length=n_footnotes): the footnotes in order
 */
const CbFootnote *
cb_page_map_get_footnotes (CbPageMap *self,
                           gsize     *n_footnotes)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), NULL);
  g_return_val_if_fail (n_footnotes != NULL, NULL);

  *n_footnotes = self->footnotes->len;
  return (const CbFootnote *) self->footnotes->data;
}

/**
 * cb_page_map_footnote_at:
 * @self: a page map
 * @offset: offset in characters
 *
 * Returns: (nullable) (transfer none): the footnote whose body holds @offset
 */
const CbFootnote *
cb_page_map_footnote_at (CbPageMap *self,
                         gsize      offset)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), NULL);

  for (guint i = 0; i < self->footnotes->len; i++)
    {
      const CbFootnote *note = &g_array_index (self->footnotes, CbFootnote, i);

      if (offset >= note->body_start && offset < note->body_end)
        return note;
    }
  return NULL;
}

/**
 * cb_page_map_get_parts:
 * @self: a page map
 * @n_parts: (out): the number of parts
 *
 * Returns: (transfer none) (array length=n_parts): the parts in text order
 */
const CbPart *
cb_page_map_get_parts (CbPageMap *self,
                       gsize     *n_parts)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), NULL);
  g_return_val_if_fail (n_parts != NULL, NULL);

  *n_parts = self->parts->len;
  return (const CbPart *) self->parts->data;
}

/**
 * cb_page_map_part_at:
 * @self: a page map
 * @offset: offset in characters
 *
 * The part that holds @offset; a footnote belongs to the part of its reference.
 *
 * Returns: (nullable) (transfer none): the part, or %NULL outside every part
 */
const CbPart *
cb_page_map_part_at (CbPageMap *self,
                     gsize      offset)
{
  const CbFootnote *note;

  g_return_val_if_fail (CB_IS_PAGE_MAP (self), NULL);

  note = cb_page_map_footnote_at (self, offset);
  if (note != NULL)
    offset = note->marker_offset;
  for (guint i = 0; i < self->parts->len; i++)
    {
      const CbPart *part = &g_array_index (self->parts, CbPart, i);

      if (offset >= part->start && offset < part->end)
        return part;
    }
  return NULL;
}

/**
 * cb_page_map_check:
 * @self: a page map
 * @length: the length in characters of the text it maps
 * @error: return location for a %CB_ERROR_INVALID
 *
 * Checks that everything the map names lies within a text of @length characters, in
 * order: what a page map read from a file must pass before it is used.
 *
 * Returns: whether the map fits the text
 */
gboolean
cb_page_map_check (CbPageMap  *self,
                   gsize       length,
                   GError    **error)
{
  g_return_val_if_fail (CB_IS_PAGE_MAP (self), FALSE);

  for (guint r = 0; r <= CB_PAGE_MAP_MAX_REPORTERS; r++)
    {
      GArray *runs = r < CB_PAGE_MAP_MAX_REPORTERS ? self->runs[r] : self->pdf_runs;

      for (guint i = 0; i < runs->len; i++)
        {
          const Run *run = &g_array_index (runs, Run, i);

          if (run->start > length || (i > 0 && run->start < g_array_index (runs, Run, i - 1).start))
            {
              g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("a page starts outside the opinion’s text"));
              return FALSE;
            }
          if (r == CB_PAGE_MAP_MAX_REPORTERS && (run->page == 0 || run->page > self->labels->len))
            {
              g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("a PDF page is not in the PDF"));
              return FALSE;
            }
        }
    }
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      const CbFootnote *note = &g_array_index (self->footnotes, CbFootnote, i);

      if (note->marker_offset > length || note->marker_length > length - note->marker_offset ||
          note->body_start > note->body_end || note->body_end > length)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("a footnote lies outside the opinion’s text"));
          return FALSE;
        }
    }
  for (guint i = 0; i < self->parts->len; i++)
    {
      const CbPart *part = &g_array_index (self->parts, CbPart, i);

      if (part->start > part->end || part->end > length)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("a part lies outside the opinion’s text"));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cb_footnote_clear:
 * @footnote: a footnote
 *
 * Frees what @footnote holds, not @footnote itself: the clear function of an array of
 * footnotes.
 */
void
cb_footnote_clear (CbFootnote *footnote)
{
  g_clear_pointer (&footnote->label, g_free);
}

/**
 * cb_part_clear:
 * @part: a part of an opinion
 *
 * Frees what @part holds, not @part itself: the clear function of an array of parts.
 */
void
cb_part_clear (CbPart *part)
{
  g_clear_pointer (&part->parenthetical, g_free);
  g_clear_pointer (&part->title, g_free);
}
