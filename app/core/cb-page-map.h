#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Reporters a page map can hold: `*N`, `**N` and `***N` in star paging. */
#define CB_PAGE_MAP_MAX_REPORTERS 3

/**
 * CbFootnote:
 * @label: the footnote's label ("*", "1", "†")
 * @marker_offset: offset in characters of the reference mark in the opinion
 * @marker_length: length in characters of the reference mark
 * @body_start: offset of the first character of the footnote's text
 * @body_end: offset just past its last character
 *
 * A footnote: its reference in the opinion and its body in the footnote block.
 */
typedef struct
{
  char *label;
  gsize marker_offset;
  gsize marker_length;
  gsize body_start;
  gsize body_end;
} CbFootnote;

/**
 * CbPartKind:
 * @CB_PART_SEPARATE: a concurrence or dissent, cited with its parenthetical
 * @CB_PART_COURT: the opinion of the Court
 * @CB_PART_SYLLABUS: the syllabus, which is no part of the opinion
 *
 * What a part of an opinion is.
 */
typedef enum
{
  CB_PART_SEPARATE,
  CB_PART_COURT,
  CB_PART_SYLLABUS,
} CbPartKind;

/**
 * CbPart:
 * @start: offset in characters where the part starts
 * @end: offset just past its end
 * @kind: what the part is
 * @parenthetical: (nullable): what a pin cite into a separate opinion adds
 *   ("(Powell, J., dissenting)")
 * @title: (nullable): the part's name as printed ("Opinion of the Court")
 *
 * A part of an opinion: a separate opinion, or, in a slip opinion, each part that
 * numbers its pages from 1.
 */
typedef struct
{
  gsize start;
  gsize end;
  CbPartKind kind;
  char *parenthetical;
  char *title;
} CbPart;

/**
 * CbPageNumbering:
 * @CB_PAGE_NUMBERING_REPORTER: the pages are a reporter's (star paging, or the
 *   printed pages of a preliminary print)
 * @CB_PAGE_NUMBERING_SLIP: a slip opinion: each part numbers its pages from 1
 *
 * What the page numbers of a page map count.
 */
typedef enum
{
  CB_PAGE_NUMBERING_REPORTER,
  CB_PAGE_NUMBERING_SLIP,
} CbPageNumbering;

void cb_footnote_clear (CbFootnote *footnote);
void cb_part_clear     (CbPart     *part);

#define CB_TYPE_PAGE_MAP (cb_page_map_get_type ())
G_DECLARE_FINAL_TYPE (CbPageMap, cb_page_map, CB, PAGE_MAP, GObject)

CbPageMap        *cb_page_map_new              (CbPageNumbering numbering);

void              cb_page_map_set_n_reporters  (CbPageMap   *self,
                                                guint        n_reporters);
void              cb_page_map_add_page         (CbPageMap   *self,
                                                guint        reporter,
                                                gsize        offset,
                                                guint        page);
void              cb_page_map_add_pdf_page     (CbPageMap   *self,
                                                gsize        offset,
                                                guint        pdf_page);
void              cb_page_map_add_label        (CbPageMap   *self,
                                                const char  *label);
void              cb_page_map_add_footnote     (CbPageMap   *self,
                                                const char  *label,
                                                gsize        marker_offset,
                                                gsize        marker_length,
                                                gsize        body_start,
                                                gsize        body_end);
void              cb_page_map_add_part         (CbPageMap   *self,
                                                gsize        start,
                                                gsize        end,
                                                CbPartKind   kind,
                                                const char  *parenthetical,
                                                const char  *title);

CbPageNumbering   cb_page_map_get_numbering    (CbPageMap   *self);
guint             cb_page_map_get_n_reporters  (CbPageMap   *self);
gboolean          cb_page_map_has_pages        (CbPageMap   *self,
                                                guint        reporter);
guint             cb_page_map_get_first_page   (CbPageMap   *self,
                                                guint        reporter);
guint             cb_page_map_page_at          (CbPageMap   *self,
                                                guint        reporter,
                                                gsize        offset);
gsize             cb_page_map_get_n_page_starts (CbPageMap  *self,
                                                guint        reporter);
void              cb_page_map_get_page_start   (CbPageMap   *self,
                                                guint        reporter,
                                                gsize        index,
                                                gsize       *offset,
                                                guint       *page);
guint             cb_page_map_get_n_pdf_pages  (CbPageMap   *self);
guint             cb_page_map_pdf_page_at      (CbPageMap   *self,
                                                gsize        offset);
gsize             cb_page_map_get_n_pdf_page_starts (CbPageMap *self);
void              cb_page_map_get_pdf_page_start (CbPageMap *self,
                                                gsize        index,
                                                gsize       *offset,
                                                guint       *pdf_page);
const char       *cb_page_map_get_label        (CbPageMap   *self,
                                                guint        pdf_page);
const CbFootnote *cb_page_map_get_footnotes    (CbPageMap   *self,
                                                gsize       *n_footnotes);
const CbFootnote *cb_page_map_footnote_at      (CbPageMap   *self,
                                                gsize        offset);
const CbPart     *cb_page_map_get_parts        (CbPageMap   *self,
                                                gsize       *n_parts);
const CbPart     *cb_page_map_part_at          (CbPageMap   *self,
                                                gsize        offset);
gboolean          cb_page_map_check            (CbPageMap   *self,
                                                gsize        length,
                                                GError     **error);

G_END_DECLS
