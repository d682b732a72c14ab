#pragma once

#include <gio/gio.h>

#include "cb-page-map.h"

G_BEGIN_DECLS

/**
 * CbOpinionFormat:
 * @CB_OPINION_FORMAT_TEXT: plain text as copied from a reporter service
 * @CB_OPINION_FORMAT_HTML: HTML (CourtListener, Caselaw Access Project, generic)
 * @CB_OPINION_FORMAT_PDF: PDF (slip opinions, preliminary prints, research services)
 * @CB_OPINION_FORMAT_XML: the Caselaw Access Project's casebody XML (CourtListener's
 *   "harvard" XML)
 *
 * The format an opinion was imported from.
 */
typedef enum
{
  CB_OPINION_FORMAT_TEXT,
  CB_OPINION_FORMAT_HTML,
  CB_OPINION_FORMAT_PDF,
  CB_OPINION_FORMAT_XML,
} CbOpinionFormat;

/**
 * CbPageMark:
 * @reporter: which reporter: 0 for `*N`, 1 for `**N`, 2 for `***N`
 * @page: the page that begins at the marker
 * @offset: offset in characters of the marker's first `*`
 * @length: length in characters of the marker
 *
 * A star-page marker in the normalized text.
 */
typedef struct
{
  guint reporter;
  guint page;
  gsize offset;
  gsize length;
} CbPageMark;

/**
 * CbHeadnote:
 * @number: the headnote number
 * @offset: offset in characters of "[N]"
 * @length: length in characters of "[N]"
 *
 * A headnote marker at the start of a paragraph.
 */
typedef struct
{
  guint number;
  gsize offset;
  gsize length;
} CbHeadnote;

/**
 * CbParagraph:
 * @number: the paragraph's number
 * @offset: offset in characters of its number as printed ("{¶ 12}", "¶ 12", "[¶12]")
 * @length: length in characters of the number as printed
 *
 * The number at the start of a numbered paragraph: opinions with a public-domain
 * citation number their paragraphs, and are cited by them ("2012-Ohio-4567, ¶ 12").
 */
typedef struct
{
  guint number;
  gsize offset;
  gsize length;
} CbParagraph;

/**
 * CbRange:
 * @start: offset in characters of the first character
 * @end: offset just past the last character
 *
 * A range of the normalized text.
 */
typedef struct
{
  gsize start;
  gsize end;
} CbRange;

/**
 * CbCiteStyle:
 * @CB_CITE_STYLE_BLUEBOOK: "474 U.S. at 345–46"
 * @CB_CITE_STYLE_SUPREME_COURT: the Court's own style, "474 U.S., at 345–346"
 *
 * How pin cites are written.
 */
typedef enum
{
  CB_CITE_STYLE_BLUEBOOK,
  CB_CITE_STYLE_SUPREME_COURT,
} CbCiteStyle;

/* Largest opinion file accepted; larger files are refused before they are read whole. */
#define CB_OPINION_MAX_BYTES (64 * 1024 * 1024)

#define CB_TYPE_OPINION (cb_opinion_get_type ())
G_DECLARE_FINAL_TYPE (CbOpinion, cb_opinion, CB, OPINION, GObject)

CbOpinion      *cb_opinion_new_from_text       (const char       *text,
                                                const char       *source_name,
                                                CbOpinionFormat   format);
CbOpinion      *cb_opinion_import_bytes        (GBytes           *bytes,
                                                const char       *source_name,
                                                GError          **error);
CbOpinion      *cb_opinion_import_file         (GFile            *file,
                                                GCancellable     *cancellable,
                                                GError          **error);
void            cb_opinion_import_file_async   (GFile            *file,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
void            cb_opinion_import_file_with_progress_async (GFile          *file,
                                                            GCancellable   *cancellable,
                                                            void          (*progress) (guint    page,
                                                                                       guint    n_pages,
                                                                                       gpointer data),
                                                            gpointer        progress_data,
                                                            GDestroyNotify  progress_notify,
                                                            GAsyncReadyCallback callback,
                                                            gpointer        user_data);
CbOpinion      *cb_opinion_import_file_finish  (GAsyncResult     *result,
                                                GError          **error);

const char     *cb_opinion_get_text            (CbOpinion        *self);
gsize           cb_opinion_get_length          (CbOpinion        *self);
const char     *cb_opinion_get_source_name     (CbOpinion        *self);
CbOpinionFormat cb_opinion_get_format          (CbOpinion        *self);
gboolean        cb_opinion_get_star_paging     (CbOpinion        *self);
const char     *cb_opinion_get_sha256          (CbOpinion        *self);

CbPageMap        *cb_opinion_get_page_map       (CbOpinion   *self);
guint             cb_opinion_get_n_reporters    (CbOpinion   *self);
const CbPageMark *cb_opinion_get_page_marks     (CbOpinion   *self,
                                                 gsize       *n_marks);
guint             cb_opinion_get_first_page     (CbOpinion   *self,
                                                 guint        reporter);
guint             cb_opinion_page_at            (CbOpinion   *self,
                                                 guint        reporter,
                                                 gsize        offset);
const CbFootnote *cb_opinion_get_footnotes      (CbOpinion   *self,
                                                 gsize       *n_footnotes);
const CbFootnote *cb_opinion_footnote_at        (CbOpinion   *self,
                                                 gsize        offset);
gsize             cb_opinion_get_footnote_block (CbOpinion   *self);
const CbHeadnote *cb_opinion_get_headnotes      (CbOpinion   *self,
                                                 gsize       *n_headnotes);
const CbParagraph *cb_opinion_get_paragraphs    (CbOpinion   *self,
                                                 gsize       *n_paragraphs);
guint             cb_opinion_paragraph_at       (CbOpinion   *self,
                                                 gsize        offset);
GPtrArray        *cb_opinion_get_citations      (CbOpinion   *self);
const char       *cb_opinion_get_case_name      (CbOpinion   *self);
const char       *cb_opinion_get_citation       (CbOpinion   *self);
const char       *cb_opinion_get_court          (CbOpinion   *self);
const char       *cb_opinion_get_date           (CbOpinion   *self);
const char       *cb_opinion_get_docket         (CbOpinion   *self);
const char       *cb_opinion_separate_opinion_at (CbOpinion  *self,
                                                 gsize        offset);
char             *cb_opinion_pin_cite           (CbOpinion   *self,
                                                 gsize        start,
                                                 gsize        end,
                                                 const char  *citation,
                                                 CbCiteStyle  style);
GPtrArray        *cb_opinion_dup_citation_problems (CbOpinion *self,
                                                   const char *citation);
char             *cb_opinion_quote_text         (CbOpinion   *self,
                                                 gsize        start,
                                                 gsize        end);
gboolean          cb_opinion_find_quote         (CbOpinion   *self,
                                                 const char  *quote,
                                                 gsize        from,
                                                 gsize       *start,
                                                 gsize       *end);
GArray           *cb_opinion_find_quote_all     (CbOpinion   *self,
                                                 const char  *quote);
void              cb_opinion_snap_to_words      (CbOpinion   *self,
                                                 gsize       *start,
                                                 gsize       *end);

char             *cb_pin_cite_format_range      (guint        first,
                                                 guint        last);
char             *cb_reporter_canonical         (const char  *reporter);

G_END_DECLS
