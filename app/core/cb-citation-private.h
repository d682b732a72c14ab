/* What the files of the citation scanner share: the items it collects, the reporter
 * citation it parses, and the small steps over the text that each of them takes. */
#pragma once

#include <string.h>

#include "cb-citation.h"
#include "cb-reporters.h"

G_BEGIN_DECLS

/* How far a reporter abbreviation or a code's name may reach, in bytes once spaces are gone. */
#define MAX_KEY_BYTES 96
/* Words looked at before a citation for its case name, and before "§" for a code. */
#define MAX_NAME_TOKENS 16

/* A citation while the scan still works in bytes; @target and @primary point at other
 * items until the final order gives them indices. A barrier is a cited source that is no
 * case or statute ("App. 89", "Brief for Petitioner 17"): it is not reported, but an Id.
 * after it cannot mean a case before it. */
typedef struct _CbCitationItem CbCitationItem;
struct _CbCitationItem
{
  CbCitation *citation;
  CbCitationKind kind;      /* the citation's, kept here for the passes over all items */
  gboolean named;           /* whether the citation has a case name */
  gsize byte_start;
  gsize byte_end;
  int paragraph;
  gssize primary_byte;      /* parallel citations: where the first of the group starts */
  CbCitationItem *primary;
  CbCitationItem *target;
  char *names;              /* name short forms: the capitalized words before ", at" */
  gboolean barrier;
  gboolean dropped;
};

typedef struct
{
  const char *start;
  const char *end;
} Span;

/* How a pin is marked before its number: a star page of a database ("*3"), a paragraph
 * of a neutral citation ("¶ 12", "¶¶ 12–14") or California's page ("p. 5", "pp. 5–6"). */
typedef enum
{
  PIN_PAGE = 1 << 0,
  PIN_STAR = 1 << 1,
  PIN_PARAGRAPH = 1 << 2,
  PIN_CALIFORNIA = 1 << 3,
} CbCitationPinMarks;

#define PIN_ANY (PIN_PAGE | PIN_STAR | PIN_PARAGRAPH | PIN_CALIFORNIA)

typedef struct
{
  const char *volume_end;
  const char *reporter;         /* canonical */
  CbReporterForms forms;
  CbCitationForm form;
  const char *reporter_start;   /* as written */
  const char *reporter_end;
  const char *page_start;       /* NULL for a short form */
  const char *page_end;
  const char *pin_start;
  const char *pin_end;
  const char *date_start;       /* Louisiana's "3/3/11" */
  const char *date_end;
  const char *end;
} CbCitationParsed;

static inline char *
span_dup (const char *start,
          const char *end)
{
  gsize length = end - start;
  char *copy = g_malloc (length + 1);

  /* The text holds no NUL, so this is g_strndup() without its strncpy(), which
   * looks for one and pads. */
  memcpy (copy, start, length);
  copy[length] = '\0';
  return copy;
}

static inline gboolean
is_space_at (const char *p,
             const char *end)
{
  if (p >= end)
    return FALSE;
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    return TRUE;
  /* No-break and thin spaces, common in court opinions. */
  return ((guchar) *p >= 0x80 && g_unichar_isspace (g_utf8_get_char (p)));
}

static inline const char *
skip_spaces (const char *p,
             const char *end)
{
  while (is_space_at (p, end))
    p = g_utf8_next_char (p);
  return p;
}

/* Skips at most one line break, so nothing spans paragraphs. */
static inline const char *
skip_inline_spaces (const char *p,
                    const char *end)
{
  while (is_space_at (p, end) && *p != '\n')
    p = g_utf8_next_char (p);
  return p;
}

static inline const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* The dash of a range: hyphen, en dash or em dash. */
static inline const char *
skip_dash (const char *p,
           const char *end)
{
  if (p < end && *p == '-')
    return p + 1;
  if (end - p >= 3 && (guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x93 || (guchar) p[2] == 0x94))
    return p + 3;
  return NULL;
}

static inline gboolean
token_is (const Span *token,
          const char *word)
{
  gsize len = strlen (word);

  return (gsize) (token->end - token->start) == len && memcmp (token->start, word, len) == 0;
}

static inline gboolean
starts_upper (const Span *token)
{
  return g_unichar_isupper (g_utf8_get_char (token->start));
}

/* A year a neutral citation or a database can have as its volume. */
static inline gboolean
is_year (const char *p,
         const char *end)
{
  return end - p == 4 && (p[0] == '1' || (p[0] == '2' && p[1] == '0'));
}

/* cb-citation.c */
GPtrArray  *cb_citation_scan_valid          (const char          *text,
                                             gsize                length);
CbCitation *cb_citation_new                 (CbCitationKind       kind);

/* cb-citation-reporter.c */
gboolean    cb_citation_parse_reporter      (const char          *p,
                                             const char          *end,
                                             CbCitationParsed    *parsed,
                                             gboolean             nested);
const char *cb_citation_parse_marked_pin    (const char          *p,
                                             const char          *end,
                                             CbCitationPinMarks   allowed);
const char *cb_citation_parse_short_pin     (const char          *p,
                                             const char          *end);

/* cb-citation-names.c */
guint       cb_citation_words_before        (const char          *text,
                                             const char          *end,
                                             Span                 tokens[MAX_NAME_TOKENS],
                                             guint                max);
gboolean    cb_citation_is_name_word        (const Span          *token);
char       *cb_citation_case_name_ending_at (const char          *text,
                                             const char          *name_end);
char       *cb_citation_case_name_before    (const char          *text,
                                             const char          *citation_start);
gboolean    cb_citation_year_before         (const char          *text,
                                             const char          *p,
                                             const char         **name_end,
                                             char               **year);
const char *cb_citation_parse_parenthetical (const char          *p,
                                             const char          *end,
                                             char               **court,
                                             char               **year,
                                             char               **date);

/* cb-citation-resolve.c */
void        cb_citation_items_resolve       (CbCitationItem      *items,
                                             guint                n_items,
                                             const char          *text);

G_END_DECLS
