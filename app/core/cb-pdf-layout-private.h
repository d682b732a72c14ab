/* What the files of the PDF reader share: the pages as it reads them, and the steps
 * that tell a page's furniture from the opinion's text. */
#pragma once

#include "cb-pdf-layout.h"

G_BEGIN_DECLS

/* Parts of the page where running heads and footers are looked for. */
#define HEAD_BAND 0.25
#define FOOT_BAND 0.85

typedef enum
{
  LINE_BODY,
  LINE_HEAD,
  LINE_FOOT,
  LINE_WATERMARK,
  LINE_RULE,
  LINE_NOTE,
} LineKind;

typedef struct
{
  const CbPdfGlyph *glyphs;
  guint n;
  float x1, y1, x2, y2;
  float size;          /* the size most of its characters have */
  float bottom;        /* the bottom of its characters of that size */
  guint n_sized;       /* how many of its characters have that size */
  char *text;          /* spaces collapsed, for telling what the line is */
  char *key;           /* the text without digits, case or spaces: what repeats on pages */
  LineKind kind;
} Line;

typedef struct
{
  GArray *glyphs;      /* CbPdfGlyph: the page's, those that cannot be placed made line ends */
  GArray *lines;       /* Line, in the text layer's order */
  char *label;         /* the printed page number, or NULL */
  char *title;         /* the part named in the running head, or NULL */
  float body_size;
  GArray *lefts;       /* float: left margins of its columns */
  GArray *rights;      /* float: right margins */
} Page;

/* A place in a chunk of text where a PDF page begins. */
typedef struct
{
  gsize offset;        /* in characters of the chunk */
  guint page;          /* index of the PDF page */
} Break;

/* A paragraph or a footnote's text as it is built, and the PDF pages it spans. */
typedef struct
{
  GString *text;
  gsize length;        /* in characters */
  GArray *breaks;      /* Break */
  char *label;         /* a footnote's label */
  gsize label_length;
} Chunk;

/* A footnote reference found in the body: in chunk @chunk at @offset. */
typedef struct
{
  guint chunk;
  gsize offset;
  gsize length;
  char *label;
} Marker;

typedef struct
{
  char *title;
  CbPartKind kind;
  char *parenthetical;
  GPtrArray *paragraphs;   /* Chunk */
  GPtrArray *notes;        /* Chunk */
  GArray *markers;         /* Marker */
  gboolean open;           /* the last paragraph goes on on the next page */
} Part;

typedef struct
{
  const CbPdfPage *pdf;
  guint n_pages;
  Page *pages;
  GHashTable *words;           /* words printed whole, lower case */
  GHashTable *hyphenated;      /* hyphenated words printed whole, lower case */
  GPtrArray *parts;            /* Part */
  gboolean star_paging;
} Reader;

typedef struct
{
  GRegex *cite_as;
  GRegex *term;
  GRegex *slip;
  GRegex *title;
  GRegex *separate;
  GRegex *service;
  GRegex *service_page;
  GRegex *watermark;
  GRegex *docket;
  GRegex *decided;
  GRegex *star;
} Regexes;

static inline gboolean
is_space (gunichar c)
{
  /* Most glyphs are ASCII: told without a table lookup. */
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return g_unichar_isspace (c) || c == 0xa0 || c == 0x2009 || c == 0x200a || c == 0x202f;
}

/* The same as g_unichar_isalpha(), without a table lookup for ASCII. */
static inline gboolean
is_alpha (gunichar c)
{
  if (c < 0x80)
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return g_unichar_isalpha (c);
}

/* g_ascii_tolower(), inline. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* g_utf8_get_char(), without a call for ASCII. */
static inline gunichar
utf8_char (const char *p)
{
  return (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
}

static inline gboolean
is_dash (gunichar c)
{
  return c == '-' || c == '_' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2500;
}

/* cb-pdf-furniture.c */
Regexes  *cb_pdf_get_regexes    (void);
char     *cb_pdf_fetch          (GRegex           *r,
                                 const char       *text,
                                 int               group);
guint     cb_pdf_lower_letters  (const char       *text);
void      cb_pdf_find_heads     (Reader           *reader);
void      cb_pdf_infer_labels   (Reader           *reader);
void      cb_pdf_find_notes     (Reader           *reader);
float     cb_pdf_left_margin    (const Page       *page,
                                 float             x);
float     cb_pdf_right_margin   (const Page       *page,
                                 float             x1,
                                 float             x2);
gboolean  cb_pdf_is_label_char  (gunichar          c);
gboolean  cb_pdf_is_raised      (const Line       *line,
                                 const CbPdfGlyph *g);
guint     cb_pdf_note_label     (const Line       *line);

G_END_DECLS
