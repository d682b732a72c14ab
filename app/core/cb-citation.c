/* Citations: the scanner, which finds them in an opinion's text byte by byte. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include <string.h>

#include "cb-citation.h"
#include "cb-citation-private.h"
#include "cb-reporters.h"
#include "cb-text-decode.h"

/* How far a reporter abbreviation may reach: tokens, and bytes once spaces are gone. */
#define MAX_REPORTER_TOKENS 10
#define MAX_TOKEN_BYTES 64
#define MAX_KEY_BYTES 96
/* Words looked at before a citation for its case name, and before "§" for a code. */
#define MAX_NAME_TOKENS 16
/* How far back from a citation "v." may be. */
#define VERSUS_TOKENS 9
/* Words looked at before ", at": a name of up to four words and "supra". */
#define SHORT_NAME_TOKENS 5
#define MAX_CODE_TOKENS 6
/* Bytes of text per citation in a densely cited opinion. */
#define CITATION_SPACING 256


typedef struct
{
  const char *start;
  const char *end;
} Span;

static const char * const name_stop_words[] = {
  "see", "cf.", "but", "compare", "accord", "also", "e.g.", "e.g.,", "in", "and", "as",
  "with", "under", "by", "citing", "quoting", "contra", "on", "of", "to", "from", "after",
  "since", "unlike", "like", "following", "overruling", "nom.", "at", "for", "the", "see,",
  "cf.,", "also,", "but,", "accord,", "thus", "so", "here", "there", "while", "because",
  "when", "where", "whether", "although", "though", "if", "is", "was", "that", "this",
  "we", "our", "rev'd", "aff'd", "vacated", "denied", "granted", NULL,
};

static const char * const name_connectors[] = {
  "of", "the", "and", "for", "de", "ex", "rel.", "&", "du", "la", "von", "van", NULL,
};

static GRegex *id_regex;
static GRegex *barrier_regex;

/* The ASCII characters a match of each regex can hold: its words, its punctuation, \s
 * and \d (and \w for a barrier). Keep them in step with the regexes. */
#define SPACE_ASCII " \t\n\v\f\r"
#define ID_ASCII "Iibd.,atnp*-0123456789" SPACE_ASCII
#define BARRIER_ASCII "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.'" SPACE_ASCII

/* Per byte, whether a match can hold it: the ASCII above, and every byte of UTF-8 that
 * is not ASCII (a dash, a Unicode space, digit or letter). */
static guint8 id_can_hold[256];
static guint8 barrier_can_hold[256];

static void
fill_can_hold (guint8      can_hold[256],
               const char *ascii)
{
  memset (can_hold + 0x80, 1, 0x80);
  for (const char *p = ascii; *p; p++)
    can_hold[(guchar) *p] = 1;
}

static gpointer
compile_regexes (gpointer data)
{
  /* A page, a database's star page, a neutral citation's paragraph or California's "p.". */
  const char *pin = "(?:\\*|\u00b6\u00b6?\\s*|pp?\\.\\s*)?\\d+(?:\\s*[-\u2013\u2014]\\s*\\*?\\d+)?"
                    "(?:\\s+n\\.\\s*\\d+)?";
  /* "Id. at 5", "Id., at *3", and "Id. ¶ 12" without "at". */
  g_autofree char *id = g_strdup_printf (
    "(?<![\\p{L}\\p{N}])(?:[Ii]d\\.(?:,?\\s+(?:at\\s+|(?=\u00b6))(%s))?|[Ii]bid\\.)", pin);
  const char *barrier =
    "(?<![\\p{L}\\p{N}])"
    "(?:App\\.(?:\\s+to\\s+Pet\\.\\s+for\\s+Cert\\.)?"
    "|(?:Reply\\s+)?Brief\\s+for\\s+(?:the\\s+)?\\p{Lu}[\\w.']*(?:\\s+(?:as\\s+)?\\p{Lu}[\\w.']*){0,6}"
    "|Tr\\.|Record|Pet\\.\\s+for\\s+Cert\\.|Juris\\.\\s+Statement)"
    "\\s+\\d+";
  g_autoptr(GError) error = NULL;

  fill_can_hold (id_can_hold, ID_ASCII);
  fill_can_hold (barrier_can_hold, BARRIER_ASCII);
  id_regex = g_regex_new (id, G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);
  barrier_regex = g_regex_new (barrier, G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);

  return NULL;
}

static void
ensure_regexes (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compile_regexes, NULL);
}

static void
item_clear (CbCitationItem *item)
{
  g_clear_pointer (&item->citation, cb_citation_free);
  g_clear_pointer (&item->names, g_free);
}

/* A citation of @kind that is no parallel and refers to nothing yet. */
CbCitation *
cb_citation_new (CbCitationKind kind)
{
  CbCitation *citation = g_new0 (CbCitation, 1);

  citation->kind = kind;
  citation->parallel_of = -1;
  citation->refers_to = -1;
  citation->refers_to_kind = kind;

  return citation;
}

static char *
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

static gboolean
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

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (is_space_at (p, end))
    p = g_utf8_next_char (p);
  return p;
}

/* The first byte at or after @p that is not white space, for the resolver. */
const char *
cb_citation_skip_spaces (const char *p,
                         const char *end)
{
  return skip_spaces (p, end);
}

/* Skips at most one line break, so nothing spans paragraphs. */
static const char *
skip_inline_spaces (const char *p,
                    const char *end)
{
  while (is_space_at (p, end) && *p != '\n')
    p = g_utf8_next_char (p);
  return p;
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* The dash of a range: hyphen, en dash or em dash. */
static const char *
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

/* A page or a range of pages, with an optional footnote: "536–537", "1913–14", "826 n. 3". */
static const char *
parse_pin (const char *p,
           const char *end)
{
  const char *q;
  const char *dash;

  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  p = skip_digits (p, end);
  if (p < end && g_ascii_isalpha (*p))
    return NULL;

  q = skip_inline_spaces (p, end);
  dash = skip_dash (q, end);
  if (dash != NULL)
    {
      dash = skip_inline_spaces (dash, end);
      if (dash < end && g_ascii_isdigit (*dash))
        p = skip_digits (dash, end);
    }

  q = skip_inline_spaces (p, end);
  if (end - q > 2 && q[0] == 'n' && q[1] == '.')
    {
      const char *note = skip_inline_spaces (q + 2, end);

      if (note < end && g_ascii_isdigit (*note))
        p = skip_digits (note, end);
    }

  return p;
}

/* "¶" as UTF-8. */
#define PILCROW "\xc2\xb6"

static gboolean
is_pilcrow_at (const char *p,
               const char *end)
{
  return end - p >= 2 && (guchar) p[0] == 0xc2 && (guchar) p[1] == 0xb6;
}

/* How a pin is marked before its number: a star page of a database ("*3"), a paragraph
 * of a neutral citation ("¶ 12", "¶¶ 12–14") or California's page ("p. 5", "pp. 5–6"). */
typedef enum
{
  PIN_PAGE = 1 << 0,
  PIN_STAR = 1 << 1,
  PIN_PARAGRAPH = 1 << 2,
  PIN_CALIFORNIA = 1 << 3,
} PinMarks;

#define PIN_ANY (PIN_PAGE | PIN_STAR | PIN_PARAGRAPH | PIN_CALIFORNIA)

/* A pin with the marks @allowed: parse_pin() after "*", "¶", "¶¶", "p." or "pp.". A
 * star range may repeat its star ("*3–*4"). */
static const char *
parse_marked_pin (const char *p,
                  const char *end,
                  PinMarks    allowed)
{
  const char *q = p;

  if (q < end && *q == '*')
    {
      const char *r;

      if (!(allowed & PIN_STAR))
        return NULL;
      r = parse_pin (q + 1, end);
      /* "*3–*4" */
      if (r != NULL && end - r > 1 && skip_dash (r, end) != NULL && skip_dash (r, end)[0] == '*')
        {
          const char *last = parse_pin (skip_dash (r, end) + 1, end);

          if (last != NULL)
            r = last;
        }
      return r;
    }
  if (is_pilcrow_at (q, end))
    {
      if (!(allowed & PIN_PARAGRAPH))
        return NULL;
      q += 2;
      if (is_pilcrow_at (q, end))
        q += 2;
      return parse_pin (skip_inline_spaces (q, end), end);
    }
  if (q < end && *q == 'p')
    {
      if (!(allowed & PIN_CALIFORNIA))
        return NULL;
      q++;
      if (q < end && *q == 'p')
        q++;
      if (q >= end || *q != '.')
        return NULL;
      return parse_pin (skip_inline_spaces (q + 1, end), end);
    }
  return (allowed & PIN_PAGE) ? parse_pin (q, end) : NULL;
}

/* A pin after "at" in a short form ("at 826", "at *3", "at ¶ 12", "at p. 5"): @p is where
 * the pin starts. Returns its end, or %NULL. */
static const char *
parse_short_pin (const char *p,
                 const char *end)
{
  return parse_marked_pin (p, end, PIN_ANY);
}

static gboolean
is_boundary_before (const char *text,
                    const char *p)
{
  gunichar c;

  if (p == text)
    return TRUE;
  switch (p[-1])
    {
    case ' ': case '\t': case '\n': case '\r': case '(': case '[': case '"': case ';':
      return TRUE;
    default:
      break;
    }
  if ((guchar) p[-1] < 0x80)
    return FALSE;
  c = g_utf8_get_char (g_utf8_prev_char (p));
  return g_unichar_isspace (c) || c == 0x201c || c == 0x2018;
}

/* The next run of non-space characters, or FALSE at the end of the line or when it is
 * too long to be part of an abbreviation. */
static gboolean
next_token (const char *p,
            const char *end,
            Span       *token)
{
  const char *q = p;

  while (q < end && !is_space_at (q, end))
    {
      q = g_utf8_next_char (q);
      if (q - p > MAX_TOKEN_BYTES)
        return FALSE;
    }
  token->start = p;
  token->end = q;
  return q > p;
}

static gboolean
token_is (const Span *token,
          const char *word)
{
  gsize len = strlen (word);

  return (gsize) (token->end - token->start) == len && memcmp (token->start, word, len) == 0;
}

/* A page: digits, then nothing but closing punctuation. */
static gboolean
token_is_page (const Span *token)
{
  const char *p = skip_digits (token->start, token->end);

  if (p == token->start || p - token->start > 6)
    return FALSE;
  for (; p < token->end; p++)
    if (strchr (",.;:)", *p) == NULL)
      return FALSE;
  return TRUE;
}

typedef enum
{
  PAGE_NONE,
  PAGE_PLAIN,           /* "527" */
  PAGE_LONG,            /* "1234567": a database's document number */
  PAGE_DASH_LETTER,     /* "180123-U", "1234-B" */
  PAGE_LETTER,          /* "123a" */
  PAGE_ROMAN,           /* "xxii": a volume's front matter */
} PageKind;

/* Whether @s, @n lowercase letters, is a roman numeral up to 399 written the usual way.
 * A lone "v", "l" or "c" is no page (reporters-db's pattern leaves them out too): "v"
 * would turn "2012 Ohio v." into a citation. */
static gboolean
is_roman (const char *s,
          gsize       n)
{
  static const char * const ones[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
  static const char * const tens[] = { "", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc" };
  static const char * const hundreds[] = { "", "c", "cc", "ccc" };

  if (n == 0 || n > 12 || (n == 1 && (s[0] == 'v' || s[0] == 'l' || s[0] == 'c')))
    return FALSE;
  for (guint h = 0; h < G_N_ELEMENTS (hundreds); h++)
    {
      gsize hl = strlen (hundreds[h]);

      if (hl > n || memcmp (s, hundreds[h], hl) != 0)
        continue;
      for (guint t = 0; t < G_N_ELEMENTS (tens); t++)
        {
          gsize tl = strlen (tens[t]);

          if (hl + tl > n || memcmp (s + hl, tens[t], tl) != 0)
            continue;
          for (guint o = 0; o < G_N_ELEMENTS (ones); o++)
            if (hl + tl + strlen (ones[o]) == n && memcmp (s + hl + tl, ones[o], n - hl - tl) == 0)
              return TRUE;
        }
    }
  return FALSE;
}

/* What kind of page @token is, and in @page_end where the page itself ends: digits,
 * perhaps with a suffix, or roman numerals, then nothing but closing punctuation. */
static PageKind
classify_page (const Span  *token,
               const char **page_end)
{
  const char *p = token->start;
  const char *stop = skip_digits (p, token->end);
  gsize digits = stop - p;
  PageKind kind;

  if (digits == 0)
    {
      while (stop < token->end && strchr ("ivxlc", *stop) != NULL)
        stop++;
      if (!is_roman (p, stop - p))
        return PAGE_NONE;
      kind = PAGE_ROMAN;
    }
  else if (digits > 8)
    return PAGE_NONE;
  else if (digits > 6)
    kind = PAGE_LONG;
  else if (token->end - stop >= 2 && stop[0] == '-' && g_ascii_isupper (stop[1]))
    {
      kind = PAGE_DASH_LETTER;
      stop += 2;
    }
  /* "2d" is a series ("F. Supp. 2d"), not page 2 with a letter. */
  else if (stop < token->end && g_ascii_isalpha (*stop) && *stop != 'd')
    {
      kind = PAGE_LETTER;
      stop++;
    }
  else
    kind = PAGE_PLAIN;

  for (const char *q = stop; q < token->end; q++)
    if (strchr (",.;:)]", *q) == NULL)
      return PAGE_NONE;
  *page_end = stop;
  return kind;
}

/* Whether a reporter with @forms takes a page of @kind. */
static gboolean
page_fits (PageKind        kind,
           CbReporterForms forms)
{
  switch (kind)
    {
    case PAGE_PLAIN:
      return TRUE;
    case PAGE_LONG:
      return (forms & CB_REPORTER_DATABASE) != 0;
    case PAGE_DASH_LETTER:
      return (forms & CB_REPORTER_PAGE_DASH_LETTER) != 0;
    case PAGE_LETTER:
      return (forms & CB_REPORTER_PAGE_LETTER) != 0;
    case PAGE_ROMAN:
      return (forms & CB_REPORTER_DATABASE) == 0;
    case PAGE_NONE:
    default:
      return FALSE;
    }
}

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
} Parsed;

/* A year a neutral citation or a database can have as its volume. */
static gboolean
is_year (const char *p,
         const char *end)
{
  return end - p == 4 && (p[0] == '1' || (p[0] == '2' && p[1] == '0'));
}

/* How the citation just parsed names its case: a database, a neutral citation (its
 * volume a year), or volume, reporter and page. */
static void
set_form (Parsed     *parsed,
          const char *volume)
{
  if (parsed->forms & CB_REPORTER_DATABASE)
    parsed->form = CB_CITATION_FORM_DATABASE;
  else if ((parsed->forms & CB_REPORTER_NEUTRAL) && is_year (volume, parsed->volume_end))
    parsed->form = CB_CITATION_FORM_NEUTRAL;
  else
    parsed->form = CB_CITATION_FORM_REPORTER;
}

/* "2012-Ohio-4567", "2015-NMSC-011" and the spaced "2017 -Ohio- 2951" at @p, whose year
 * parsed->volume_end ends. */
static gboolean
parse_hyphenated (const char *p,
                  const char *end,
                  Parsed     *parsed)
{
  const char *q = parsed->volume_end;
  const char *start;
  const char *stop;
  const char *page;
  char key[MAX_KEY_BYTES + 1];

  if (q - p != 4)
    return FALSE;
  if (q < end && *q == ' ')
    q++;
  if (q >= end || *q != '-')
    return FALSE;
  start = ++q;
  while (q < end && (g_ascii_isalpha (*q) || *q == '.'))
    q++;
  stop = q;
  if (stop == start || stop - start > MAX_KEY_BYTES || !cb_reporters_could_begin (*start) ||
      q >= end || *q != '-')
    return FALSE;
  q++;
  if (q < end && *q == ' ')
    q++;
  page = q;
  q = skip_digits (q, end);
  if (q == page || q - page > 7 || (q < end && (g_ascii_isalnum (*q) || *q == '-')))
    return FALSE;

  memcpy (key, start, stop - start);
  key[stop - start] = '\0';
  parsed->reporter = cb_reporters_lookup_forms (key, &parsed->forms);
  if (parsed->reporter == NULL || !(parsed->forms & CB_REPORTER_HYPHENATED))
    return FALSE;
  parsed->form = CB_CITATION_FORM_NEUTRAL;
  parsed->reporter_start = start;
  parsed->reporter_end = stop;
  parsed->page_start = page;
  parsed->page_end = parsed->end = q;
  return TRUE;
}

/* A date as Louisiana's citations give it, "3/3/11" or "05/10/2010", at the start of
 * @token and followed by ")": returns where the date ends, or %NULL. */
static const char *
parse_slash_date (const Span *token)
{
  const char *p = token->start;

  for (guint part = 0; part < 3; part++)
    {
      const char *digits = p;

      p = skip_digits (p, token->end);
      if (p == digits || p - digits > (part < 2 ? 2 : 4) || (part == 2 && p - digits == 3))
        return NULL;
      if (part < 2)
        {
          if (p >= token->end || *p != '/')
            return NULL;
          p++;
        }
    }
  return p < token->end && *p == ')' ? p : NULL;
}

/* Louisiana's "2010-0123 (La. App. 4 Cir. 3/3/11)" and "2009 1359R (La.App. 1 Cir.
 * 05/10/10)" at @p, with its pin before the court when it has one ("2010-0123, p. 5
 * (La. App. 4 Cir. 3/3/11)"): a docket year and number, then the court and the date,
 * which name the reporter. */
static gboolean
parse_louisiana (const char *p,
                 const char *end,
                 Parsed     *parsed)
{
  const char *q = parsed->volume_end;
  const char *page;
  char key[MAX_KEY_BYTES + 1];
  gsize key_len = 0;

  if (q - p < 2 || q - p > 4 || q >= end || (*q != '-' && *q != ' '))
    return FALSE;
  page = ++q;
  q = skip_digits (q, end);
  if (q - page < 2 || q - page > 5)
    return FALSE;
  if (q < end && g_ascii_isupper (*q))
    q++;
  parsed->page_start = page;
  parsed->page_end = q;

  /* ", p. 5" */
  if (end - q > 4 && q[0] == ',' && q[1] == ' ' && q[2] == 'p')
    {
      const char *pin = parse_marked_pin (q + 2, end, PIN_CALIFORNIA);

      if (pin == NULL)
        return FALSE;
      parsed->pin_start = q + 2;
      parsed->pin_end = q = pin;
    }
  if (end - q < 3 || q[0] != ' ' || q[1] != '(' || !cb_reporters_could_begin (q[2]))
    return FALSE;
  q += 2;
  parsed->reporter_start = q;

  for (guint i = 0; i <= MAX_REPORTER_TOKENS; i++)
    {
      Span token;
      gsize len;

      if (!next_token (q, end, &token))
        return FALSE;
      if (i > 0 && (parsed->date_end = parse_slash_date (&token)) != NULL)
        {
          key[key_len] = '\0';
          parsed->reporter = cb_reporters_lookup_forms (key, &parsed->forms);
          if (parsed->reporter == NULL || !(parsed->forms & CB_REPORTER_LOUISIANA))
            return FALSE;
          parsed->date_start = token.start;
          parsed->end = parsed->date_end + 1;
          parsed->form = CB_CITATION_FORM_NEUTRAL;
          return TRUE;
        }
      len = token.end - token.start;
      if (key_len + len > MAX_KEY_BYTES)
        return FALSE;
      memcpy (key + key_len, token.start, len);
      key_len += len;
      parsed->reporter_end = token.end;
      q = skip_inline_spaces (token.end, end);
    }
  return FALSE;
}

/* Where a pin after "at" can start: a digit, "*", "¶" or California's "p.". */
static gboolean
pin_could_start (const char *p,
                 const char *end)
{
  return p < end && (g_ascii_isdigit (*p) || *p == '*' || is_pilcrow_at (p, end) ||
                     (*p == 'p' && end - p > 1 && (p[1] == '.' || p[1] == 'p')));
}

/* "VOLUME REPORTER PAGE" or the short form "VOLUME REPORTER, at PIN" at @p, which is the
 * start of a digit run. The reporter is whatever run of words, joined without spaces,
 * the reporters table knows and that a page or "at" follows; the page is one the reporter
 * takes (a database's long document number, a neutral citation's "180123-U", roman
 * numerals). Also the forms that are not volume, reporter and page: "2012-Ohio-4567" and
 * Louisiana's "2010-0123 (La. App. 4 Cir. 3/3/11)". @nested is set when the call only
 * checks whether a citation starts at @p, and then "410 U.S., 113" is not looked for. */
static gboolean
parse_reporter_citation (const char *p,
                         const char *end,
                         Parsed     *parsed,
                         gboolean    nested)
{
  char key[MAX_KEY_BYTES + 1];
  gsize key_len = 0;
  const char *q;
  const char *after_volume;

  memset (parsed, 0, sizeof *parsed);
  parsed->volume_end = skip_digits (p, end);
  if (parsed->volume_end == p || parsed->volume_end - p > 5)
    return FALSE;
  after_volume = parsed->volume_end;

  /* The forms with a hyphen or a number after the volume, told apart by their next byte. */
  if (after_volume < end && (*after_volume == '-' ||
                             (*after_volume == ' ' && end - after_volume > 1 &&
                              (after_volume[1] == '-' || g_ascii_isdigit (after_volume[1])))))
    {
      if (parse_hyphenated (p, end, parsed) || parse_louisiana (p, end, parsed))
        return TRUE;
      memset (parsed, 0, sizeof *parsed);
      parsed->volume_end = after_volume;
    }
  if (!is_space_at (after_volume, end) || *after_volume == '\n')
    return FALSE;

  q = skip_inline_spaces (after_volume, end);
  parsed->reporter_start = q;
  for (guint i = 0; i <= MAX_REPORTER_TOKENS; i++)
    {
      Span token;
      Span next;
      const char *after;
      const char *page_end;
      PageKind kind;
      gboolean comma;
      gsize len;

      if (!next_token (q, end, &token))
        return FALSE;
      /* Most numbers in a text are followed by no reporter: a word no reporter starts
       * like ends the search at once. */
      if (i == 0 && !cb_reporters_could_begin (*token.start))
        return FALSE;
      after = skip_inline_spaces (token.end, end);

      if (i > 0 && (kind = classify_page (&token, &page_end)) != PAGE_NONE)
        {
          key[key_len] = '\0';
          parsed->reporter = cb_reporters_lookup_forms (key, &parsed->forms);
          if (parsed->reporter != NULL && page_fits (kind, parsed->forms))
            {
              parsed->page_start = token.start;
              parsed->page_end = parsed->end = page_end;
              set_form (parsed, p);
              return TRUE;
            }
          /* A letter or roman numerals the reporter does not take may be part of its
           * name; digits never are. */
          if (kind != PAGE_LETTER && kind != PAGE_ROMAN)
            return FALSE;
        }

      /* "752 F.2d, at 826", "752 F.2d at 826" and "52 Cal.4th at p. 5" */
      comma = token.end[-1] == ',';
      if (i > 0 && token_is (&token, "at") && next_token (after, end, &next) &&
          pin_could_start (next.start, end))
        {
          key[key_len] = '\0';
          parsed->reporter = cb_reporters_lookup_forms (key, &parsed->forms);
          parsed->pin_start = next.start;
          parsed->pin_end = parse_short_pin (next.start, end);
          parsed->end = parsed->pin_end;
          set_form (parsed, p);
          return parsed->reporter != NULL && parsed->pin_end != NULL;
        }

      if (*token.start == '\xc2')   /* "§": a statute, found from its section sign */
        return FALSE;

      len = token.end - token.start - (comma ? 1 : 0);
      if (key_len + len > MAX_KEY_BYTES)
        return FALSE;
      memcpy (key + key_len, token.start, len);
      key_len += len;
      parsed->reporter_end = token.start + len;

      if (comma)
        {
          Parsed other;

          if (next_token (after, end, &next) && token_is (&next, "at"))
            {
              q = after;
              continue;
            }
          /* "410 U.S., 113": the Supreme Court's comma before the page, unless the
           * number is the volume of the next citation. */
          if (nested || !next_token (after, end, &next) || classify_page (&next, &page_end) != PAGE_PLAIN)
            return FALSE;
          key[key_len] = '\0';
          parsed->reporter = cb_reporters_lookup_forms (key, &parsed->forms);
          if (parsed->reporter == NULL || parse_reporter_citation (next.start, end, &other, TRUE))
            return FALSE;
          parsed->page_start = next.start;
          parsed->page_end = parsed->end = page_end;
          set_form (parsed, p);
          return TRUE;
        }
      q = after;
    }

  return FALSE;
}

/* g_ascii_tolower() without the call. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static gboolean
word_in (const char         *word,
         gsize               len,
         const char * const *list)
{
  char first;

  if (len == 0)
    return FALSE;
  /* The first letter turns most words away before any length is taken. */
  first = ascii_lower (word[0]);
  for (guint i = 0; list[i] != NULL; i++)
    if (ascii_lower (list[i][0]) == first && strlen (list[i]) == len &&
        g_ascii_strncasecmp (list[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
starts_upper (const Span *token)
{
  return g_unichar_isupper (g_utf8_get_char (token->start));
}

/* The character before @p; most text is ASCII, which needs no call to step back over. */
static inline const char *
prev_char (const char *p)
{
  return (guchar) p[-1] < 0x80 ? p - 1 : g_utf8_prev_char (p);
}

/* The start of the word that ends at @p: ASCII bytes are stepped over without
 * decoding, anything else as is_space_at() sees it. */
static const char *
word_start (const char *text,
            const char *p)
{
  const char *token_end = p;

  while (p > text)
    {
      guchar c = p[-1];

      if (c < 0x80)
        {
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            break;
          p--;
        }
      else if (is_space_at (prev_char (p), token_end))
        break;
      else
        p = prev_char (p);
    }
  return p;
}

/* Collects up to @max words that end at @end, stopping at a line break. The words
 * come back last first. */
static guint
some_tokens_before (const char *text,
                    const char *end,
                    Span        tokens[MAX_NAME_TOKENS],
                    guint       max)
{
  guint n = 0;
  const char *p = end;

  g_assert (max <= MAX_NAME_TOKENS);
  while (n < max)
    {
      const char *token_end;

      while (p > text && (p[-1] == ' ' || p[-1] == '\t' || ((guchar) p[-1] >= 0x80 &&
             g_unichar_isspace (g_utf8_get_char (prev_char (p))))))
        p = prev_char (p);
      if (p == text || p[-1] == '\n' || p[-1] == '\r')
        break;
      token_end = p;
      p = word_start (text, p);
      tokens[n].start = p;
      tokens[n].end = token_end;
      n++;
    }

  return n;
}

/* Collects up to MAX_NAME_TOKENS words that end at @end, stopping at a line break. The
 * words come back last first. */
static guint
tokens_before (const char *text,
               const char *end,
               Span        tokens[MAX_NAME_TOKENS])
{
  return some_tokens_before (text, end, tokens, MAX_NAME_TOKENS);
}

static gboolean
is_name_word (const Span *token)
{
  const char *last = g_utf8_prev_char (token->end);

  if (*token->start == '*' || strchr (";()\"", *last) != NULL)
    return FALSE;
  /* A word in quotation marks is quoted text, not a party. */
  if ((guchar) *token->start == 0xe2)
    {
      gunichar c = g_utf8_get_char (token->start);

      if (c == 0x201c || c == 0x201d)
        return FALSE;
    }
  return TRUE;
}

/* "In re Gault", "Ex parte Young", "In the Matter of Smith": a name with no "v." that
 * opens with the words of a proceeding. @tokens are the words before the citation, last
 * first; returns the index of the first word of the name, or -1. */
static int
proceeding_name_start (const Span *tokens,
                       guint       n)
{
  for (guint i = 1; i + 1 < n && i < VERSUS_TOKENS; i++)
    {
      int first = -1;

      if (token_is (&tokens[i], "re") && token_is (&tokens[i + 1], "In"))
        first = i + 1;
      else if (token_is (&tokens[i], "parte") && (token_is (&tokens[i + 1], "Ex") ||
                                                  token_is (&tokens[i + 1], "ex")))
        first = i + 1;
      else if (token_is (&tokens[i], "of") && token_is (&tokens[i + 1], "Matter"))
        {
          first = i + 1;
          if (first + 2 < (int) n && token_is (&tokens[first + 1], "the") && token_is (&tokens[first + 2], "In"))
            first += 2;
        }
      if (first < 0)
        {
          /* Only names come between the proceeding's words and the citation. */
          if (!is_name_word (&tokens[i]) || tokens[i].end[-1] == ',' ||
              (!starts_upper (&tokens[i]) &&
               !word_in (tokens[i].start, tokens[i].end - tokens[i].start, name_connectors)))
            return -1;
          continue;
        }
      return first;
    }
  return -1;
}

/* "Parratt v. Taylor" from the words that end at @name_end. Walks left from "v." over
 * capitalized words (and "of", "the" … between them), stops at a star-page marker, a
 * lowercase word or a sentence's last word, then drops leading signals such as "See" or
 * "In". A name without "v." is one of a proceeding: "In re Gault", "Ex parte Young". */
static char *
case_name_ending_at (const char *text,
                     const char *name_end)
{
  Span tokens[MAX_NAME_TOKENS];
  guint n;
  int versus = -1;
  int left;
  g_autoptr(GString) name = NULL;

  /* "v." is among the first nine words or there is no name: only those are collected
   * until it is found, which most citations never get past. */
  n = some_tokens_before (text, name_end, tokens, VERSUS_TOKENS);
  for (guint i = 1; i < n && i < VERSUS_TOKENS; i++)
    if (token_is (&tokens[i], "v.") || token_is (&tokens[i], "vs."))
      {
        versus = i;
        break;
      }
  if (versus < 0)
    {
      if (n == 0 || !is_name_word (&tokens[0]) || !starts_upper (&tokens[0]))
        return NULL;
      left = proceeding_name_start (tokens, n);
      if (left < 0)
        return NULL;
    }
  else
    {
      n = tokens_before (text, name_end, tokens);

      /* The party after "v.": every word must be part of a name. */
      for (int i = 0; i < versus; i++)
        if (!is_name_word (&tokens[i]) || (i == versus - 1 && !starts_upper (&tokens[i])))
          return NULL;

      /* The party before "v.". */
      left = versus;
      for (guint i = versus + 1; i < n; i++)
        {
          const Span *token = &tokens[i];
          gsize len = token->end - token->start;

          if (!is_name_word (token) || token->end[-1] == ',')
            break;
          if (starts_upper (token))
            {
              /* "Court." ends the sentence before; "Co." and "Inc." are part of a name. */
              if (token->end[-1] == '.' && len > 5 && memchr (token->start, '.', len - 1) == NULL)
                break;
              left = i;
            }
          else if (!word_in (token->start, len, name_connectors))
            break;
        }
      while (left > versus && word_in (tokens[left].start, tokens[left].end - tokens[left].start,
                                       name_stop_words))
        left--;
      if (left == versus || !starts_upper (&tokens[left]))
        return NULL;
    }

  name = g_string_new (NULL);
  for (int i = left; i >= 0; i--)
    {
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append_len (name, tokens[i].start, tokens[i].end - tokens[i].start);
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The case name of a citation that follows "…Taylor, ". */
static char *
case_name_before (const char *text,
                  const char *citation_start)
{
  const char *p = citation_start;

  while (p > text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == text || p[-1] != ',')
    return NULL;
  return case_name_ending_at (text, p - 1);
}

/* California's "People v. Smith (2011) 52 Cal.4th 1": a year in parentheses just before
 * the citation at @p. Gives the year and where the name before it ends. */
static gboolean
year_before_citation (const char  *text,
                      const char  *p,
                      const char **name_end,
                      char       **year)
{
  const char *q = p;

  while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
    q--;
  if (q - text < 6 || q[-1] != ')' || q[-6] != '(' || !is_year (q - 5, q - 1) ||
      skip_digits (q - 5, q - 1) != q - 1)
    return FALSE;
  *year = span_dup (q - 5, q - 1);
  q -= 6;
  while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
    q--;
  *name_end = q;
  return TRUE;
}

static const char * const months[] = {
  "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Sep.", "Oct.",
  "Nov.", "Dec.", "January", "February", "March", "April", "Jun.", "Jul.", "August",
  "September", "October", "November", "December", NULL,
};

/* Where a date before the year of a parenthetical starts, "Mar. 3, " in "(S.D.N.Y. Mar.
 * 3, 2014)" or "Mar. " in "(2d Cir. Mar. 2014)", when the court before the year ends at
 * @court_end; or @court_end when there is none. */
static const char *
date_start_before (const char *open,
                   const char *court_end)
{
  const char *p = court_end;
  const char *month_end;

  if (p > open && p[-1] == ',')
    {
      const char *digits = --p;

      while (p > open && g_ascii_isdigit (p[-1]))
        p--;
      if (p == digits || digits - p > 2 || p == open || p[-1] != ' ')
        return court_end;
      p--;
    }
  month_end = p;
  while (p > open && p[-1] != ' ' && p[-1] != '(')
    p--;
  for (guint i = 0; months[i] != NULL; i++)
    if ((gsize) (month_end - p) == strlen (months[i]) && memcmp (p, months[i], month_end - p) == 0)
      return p;
  return court_end;
}

/* "(CA3 1984)", "(1981)", "(CA2)", "(S.D.N.Y. Mar. 3, 2014)" right after a citation group. */
static const char *
parse_parenthetical (const char  *p,
                     const char  *end,
                     char       **court,
                     char       **year,
                     char       **date)
{
  const char *open = skip_inline_spaces (p, end);
  const char *close;
  const char *y;
  const char *court_end;

  if (open >= end || *open != '(')
    return NULL;
  for (close = open + 1; close < end && close - open < 64; close++)
    if (*close == ')' || *close == '(' || *close == '\n')
      break;
  if (close >= end || *close != ')' || close == open + 1)
    return NULL;

  y = close;
  while (y > open + 1 && g_ascii_isdigit (y[-1]))
    y--;
  court_end = y;
  if (close - y == 4 && (y == open + 1 || y[-1] == ' ') &&
      (g_str_has_prefix (y, "1") || g_str_has_prefix (y, "20")))
    {
      const char *date_start;

      *year = span_dup (y, close);
      while (court_end > open + 1 && court_end[-1] == ' ')
        court_end--;
      date_start = date_start_before (open + 1, court_end);
      if (date_start < court_end)
        {
          if (date != NULL)
            *date = span_dup (date_start, close);
          court_end = date_start;
          while (court_end > open + 1 && court_end[-1] == ' ')
            court_end--;
        }
    }
  else
    court_end = close;

  if (court_end > open + 1)
    {
      /* A court is short and has no comma: "(Friendly, J.)" or "(per curiam)" is not one. */
      if (memchr (open + 1, ',', court_end - open - 1) != NULL ||
          !(g_ascii_isupper (open[1]) || g_ascii_isdigit (open[1])) ||
          court_end - open > 40)
        {
          g_clear_pointer (year, g_free);
          if (date != NULL)
            g_clear_pointer (date, g_free);
          return NULL;
        }
      *court = span_dup (open + 1, court_end);
    }

  return close + 1;
}

static CbCitationItem *
add_item (GArray     *items,
          CbCitation *citation,
          const char *text,
          const char *start,
          const char *end)
{
  CbCitationItem item = { 0 };

  item.citation = citation;
  item.kind = citation != NULL ? citation->kind : CB_CITATION_CASE;
  item.primary_byte = -1;
  item.byte_start = start - text;
  item.byte_end = end - text;
  if (citation != NULL)
    citation->text = span_dup (start, end);
  g_array_append_val (items, item);

  return &g_array_index (items, CbCitationItem, items->len - 1);
}

/* A pin of a full citation after its ", ": "536–537", a database's "*3" or "at *3", a
 * neutral citation's "¶ 12". @pin comes back where the pin itself starts. */
static const char *
parse_citation_pin (const char     *p,
                    const char     *end,
                    CbCitationForm  form,
                    const char    **pin)
{
  PinMarks marks = PIN_PAGE;

  /* A star page of the opinion's own paging may follow any citation: only a database
   * has star pins. */
  if (form == CB_CITATION_FORM_DATABASE)
    marks |= PIN_STAR;
  else if (form == CB_CITATION_FORM_NEUTRAL)
    marks |= PIN_PARAGRAPH;
  if (form != CB_CITATION_FORM_REPORTER && end - p > 3 && p[0] == 'a' && p[1] == 't' && p[2] == ' ')
    p = skip_inline_spaces (p + 3, end);
  *pin = p;
  return parse_marked_pin (p, end, marks);
}

/* A citation of what @parsed read at @p, without its pin, name or parenthetical. */
static CbCitation *
parsed_citation (const char     *p,
                 const Parsed   *parsed,
                 CbCitationKind  kind)
{
  CbCitation *citation = cb_citation_new (kind);

  citation->form = parsed->form;
  citation->volume = span_dup (p, parsed->volume_end);
  citation->reporter = g_strdup (parsed->reporter);
  if (parsed->reporter_end > parsed->reporter_start)
    citation->reporter_written = span_dup (parsed->reporter_start, parsed->reporter_end);
  if (parsed->page_start != NULL)
    citation->page = span_dup (parsed->page_start, parsed->page_end);
  if (parsed->pin_start != NULL)
    citation->pin = span_dup (parsed->pin_start, parsed->pin_end);
  return citation;
}

/* "752 F.2d, at 826" at @p, which parse_reporter_citation() read into @parsed. */
static const char *
add_reporter_short_form (const char   *text,
                         const char   *p,
                         const Parsed *parsed,
                         GArray       *items)
{
  add_item (items, parsed_citation (p, parsed, CB_CITATION_SHORT), text, p, parsed->end);
  return parsed->end;
}

/* The year of a Louisiana date, "3/3/11" or "05/10/2010": two digits up to 50 are this
 * century's. */
static char *
year_of_slash_date (const char *date,
                    const char *end)
{
  const char *last = end;
  guint64 year;

  while (last > date && last[-1] != '/')
    last--;
  year = g_ascii_strtoull (last, NULL, 10);
  if (end - last == 2)
    year += year <= 50 ? 2000 : 1900;
  return g_strdup_printf ("%" G_GUINT64_FORMAT, year);
}

/* A group at @p: the first citation, then its parallels, each with an optional pin,
 * then the parenthetical they share. A parallel follows ", " or, in California's style,
 * stands in brackets ("52 Cal.4th 1, 5 [126 Cal.Rptr.3d 712]"), where the year may come
 * before the group ("(2011) 52 Cal.4th 1"). Returns the end of the group. */
static const char *
add_citation_group (const char *text,
                    const char *end,
                    const char *p,
                    Parsed      parsed,
                    GArray     *items)
{
  g_autofree char *case_name = NULL;
  g_autofree char *year_before = NULL;
  const char *name_end = NULL;
  guint first = items->len;
  const char *tail = p;
  char *court = NULL;
  char *year = NULL;
  char *date = NULL;
  gboolean bracket = FALSE;

  if (year_before_citation (text, p, &name_end, &year_before))
    case_name = case_name_ending_at (text, name_end);
  else
    case_name = case_name_before (text, p);

  for (;;)
    {
      CbCitation *citation = parsed_citation (p, &parsed, CB_CITATION_CASE);
      const char *q;
      const char *pin_start = NULL;
      const char *pin_end = NULL;
      const char *group_end = parsed.end;
      const char *next_at = NULL;     /* where @next was read, if it was */
      Parsed next;

      if (parsed.date_start != NULL)
        {
          /* Louisiana's parenthetical names the court and the date. */
          citation->court = span_dup (parsed.reporter_start, parsed.reporter_end);
          citation->date = span_dup (parsed.date_start, parsed.date_end);
          citation->year = year_of_slash_date (parsed.date_start, parsed.date_end);
        }

      /* Pins: ", 536–537" that is not the volume of a parallel citation. */
      for (q = group_end; q + 1 < end && q[0] == ',' && q[1] == ' '; )
        {
          const char *r = skip_inline_spaces (q + 1, end);
          const char *pin;
          const char *pin_text;

          if (parse_reporter_citation (r, end, &next, FALSE))
            {
              next_at = r;
              break;
            }
          pin = parse_citation_pin (r, end, citation->form, &pin_text);
          if (pin == NULL)
            break;
          if (pin_start == NULL)
            pin_start = pin_text;
          pin_end = pin;
          q = pin;
        }
      if (pin_start != NULL)
        {
          g_free (citation->pin);
          citation->pin = span_dup (pin_start, pin_end);
          group_end = pin_end;
        }

      add_item (items, citation, text, p, group_end);
      if (items->len - 1 > first)
        g_array_index (items, CbCitationItem, items->len - 1).primary_byte =
          g_array_index (items, CbCitationItem, first).byte_start;
      tail = group_end;

      /* ", 101 S.Ct. 1908" or " [126 Cal.Rptr.3d 712]": a parallel citation follows. */
      q = group_end;
      if (q + 1 < end && q[0] == ',' && q[1] == ' ')
        {
          q = skip_inline_spaces (q + 1, end);
          /* When the pins ended at a citation, it is this one, already read. */
          if ((q != next_at && !parse_reporter_citation (q, end, &next, FALSE)) || next.page_start == NULL)
            break;
        }
      else if (!bracket && q + 1 < end && q[0] == ' ' && q[1] == '[' &&
               parse_reporter_citation (q + 2, end, &next, FALSE) && next.page_start != NULL)
        {
          q += 2;
          bracket = TRUE;
        }
      else
        break;
      p = q;
      parsed = next;
    }
  if (bracket && tail < end && *tail == ']')
    tail++;

  if (parse_parenthetical (tail, end, &court, &year, &date) == NULL)
    court = year = date = NULL;
  if (year == NULL)
    year = g_steal_pointer (&year_before);

  for (guint i = first; i < items->len; i++)
    {
      CbCitationItem *item = &g_array_index (items, CbCitationItem, i);
      CbCitation *citation = item->citation;

      item->named = case_name != NULL;
      /* A neutral or database citation's volume is its year; Louisiana's parenthetical
       * gives its court, year and date. */
      if (year == NULL && citation->form != CB_CITATION_FORM_REPORTER)
        year = g_strdup (citation->year != NULL ? citation->year : citation->volume);
      if (court == NULL && citation->court != NULL)
        court = g_strdup (citation->court);
      if (date == NULL && citation->date != NULL)
        date = g_strdup (citation->date);
    }

  /* Each parallel citation gets a copy; the last takes the strings themselves. */
  for (guint i = first; i < items->len; i++)
    {
      CbCitation *citation = g_array_index (items, CbCitationItem, i).citation;
      gboolean last = i + 1 == items->len;

      g_free (citation->court);
      g_free (citation->year);
      g_free (citation->date);
      citation->case_name = last ? g_steal_pointer (&case_name) : g_strdup (case_name);
      citation->court = last ? g_steal_pointer (&court) : g_strdup (court);
      citation->year = last ? g_steal_pointer (&year) : g_strdup (year);
      citation->date = last ? g_steal_pointer (&date) : g_strdup (date);
    }

  return tail;
}

/* Full citations with their pins, parallels and parenthetical, and "752 F.2d, at 826".
 * Each starts at a digit run, which a plain byte loop finds fast; everything else is
 * looked at only there. */
static void
scan_reporter_citations (const char *text,
                         const char *end,
                         GArray     *items)
{
  const char *p = text;

  for (;;)
    {
      Parsed parsed;

      /* strcspn() looks at many bytes at a time; the text ends in a NUL at @end. */
      p += strcspn (p, "0123456789");
      if (p >= end)
        return;

      if (!is_boundary_before (text, p) || !parse_reporter_citation (p, end, &parsed, FALSE))
        p = skip_digits (p, end);
      else if (parsed.page_start == NULL)
        p = add_reporter_short_form (text, p, &parsed, items);
      else
        p = add_citation_group (text, end, p, parsed, items);
    }
}

/* The section after "§": "1983", "59:5–2(b)(4)", "1983–1985". */
static const char *
parse_section (const char *p,
               const char *end)
{
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;

  for (;;)
    {
      const char *next;

      while (p < end && g_ascii_isalnum (*p))
        p++;
      if (p + 1 < end && (*p == '.' || *p == ':') && g_ascii_isdigit (p[1]))
        {
          p++;
          continue;
        }
      next = skip_dash (p, end);
      if (next != NULL && next < end && g_ascii_isdigit (*next))
        {
          p = next;
          continue;
        }
      break;
    }

  /* Subsections: "(b)(4)". */
  while (p < end && *p == '(')
    {
      const char *q = p + 1;

      while (q < end && q - p <= 5 && g_ascii_isalnum (*q))
        q++;
      if (q >= end || *q != ')' || q == p + 1)
        break;
      p = q + 1;
    }

  return p;
}

/* The first @needle in [@p, @end), or %NULL. memchr() finds each candidate first byte
 * many bytes at a time, where strstr() compares at every position. */
static const char *
find_literal (const char *p,
              const char *end,
              const char *needle)
{
  gsize len = strlen (needle);

  while (end - p >= (gssize) len && (p = memchr (p, needle[0], end - p - len + 1)) != NULL)
    {
      if (memcmp (p, needle, len) == 0)
        return p;
      p++;
    }
  return NULL;
}

/* "42 U.S.C. § 1983", "N.J.Stat.Ann. § 59:5–2(b)(4) (1982)": found from each section
 * sign, looking back for the longest run of words that names a known code. A bare
 * "§ 1983" names no code and is no citation. */
static void
scan_statutes (const char *text,
               const char *end,
               GArray     *items)
{
  const char *p = text;

  while ((p = find_literal (p, end, "\xc2\xa7")) != NULL)
    {
      Span tokens[MAX_NAME_TOKENS];
      const char *section_start;
      const char *section_end;
      const char *code = NULL;
      const char *start = NULL;
      guint n;
      CbCitation *citation;
      char *court = NULL;
      char *year = NULL;

      section_start = p + 2;
      if (section_start + 1 < end && g_str_has_prefix (section_start, "\xc2\xa7"))
        section_start += 2;
      section_start = skip_inline_spaces (section_start, end);
      section_end = parse_section (section_start, end);
      if (section_end == NULL)
        {
          p += 2;
          continue;
        }

      n = some_tokens_before (text, p, tokens, MAX_CODE_TOKENS);
      for (guint k = n; k > 0 && code == NULL; k--)
        {
          char key[MAX_KEY_BYTES + 1];
          gsize key_len = 0;
          gboolean fits = TRUE;

          /* Most words before a section sign begin no code. */
          if (!cb_reporters_code_could_begin (*tokens[k - 1].start))
            continue;
          for (int i = k - 1; i >= 0 && fits; i--)
            {
              gsize len = tokens[i].end - tokens[i].start;

              fits = key_len + len <= MAX_KEY_BYTES;
              if (fits)
                {
                  memcpy (key + key_len, tokens[i].start, len);
                  key_len += len;
                }
            }
          key[key_len] = '\0';
          if (fits && (code = cb_reporters_lookup_code (key)) != NULL)
            {
              start = tokens[k - 1].start;
              n = k;
            }
        }
      if (code == NULL)
        {
          p = section_end;
          continue;
        }

      citation = cb_citation_new (CB_CITATION_STATUTE);
      citation->reporter = g_strdup (code);
      citation->page = span_dup (section_start, section_end);
      if (some_tokens_before (text, start, tokens, 1) > 0 && token_is_page (&tokens[0]) &&
          tokens[0].end == skip_digits (tokens[0].start, tokens[0].end))
        {
          citation->volume = span_dup (tokens[0].start, tokens[0].end);
          start = tokens[0].start;
        }
      if (parse_parenthetical (section_end, end, &court, &year, NULL) != NULL)
        citation->year = g_steal_pointer (&year);
      g_free (court);
      g_free (year);

      add_item (items, citation, text, start, section_end);
      p = section_end;
    }
}

/* "Daniels, at 331–333" and "Daniels, supra, at 331": kept only when an earlier case
 * name matches, which the resolution step checks. */
static void
scan_name_short_forms (const char *text,
                       const char *end,
                       GArray     *items)
{
  const char *p = text;

  while ((p = find_literal (p, end, ", at ")) != NULL)
    {
      const char *at = p;
      const char *pin_start = at + 5;
      const char *pin_end = parse_short_pin (pin_start, end);
      const char *name_end = at;
      Span tokens[MAX_NAME_TOKENS];
      guint n;
      guint words = 0;
      CbCitationItem *item;

      p += 5;
      if (pin_end == NULL)
        continue;
      /* "supra" and at most four words of a name are looked at. */
      n = some_tokens_before (text, name_end, tokens, SHORT_NAME_TOKENS);
      if (n > 0 && token_is (&tokens[0], "supra"))
        {
          /* "Daniels, supra, at 331" */
          if (n < 2 || tokens[1].end[-1] != ',')
            continue;
          tokens[1].end--;
          memmove (tokens, tokens + 1, (n - 1) * sizeof (Span));
          n--;
        }
      while (words < n && words < 4 && starts_upper (&tokens[words]) && is_name_word (&tokens[words]) &&
             (words == 0 || tokens[words].end[-1] != ','))
        words++;
      if (words == 0)
        continue;

      item = add_item (items, cb_citation_new (CB_CITATION_SHORT), text,
                       tokens[words - 1].start, pin_end);
      item->names = span_dup (tokens[words - 1].start, tokens[0].end);
      item->citation->pin = span_dup (pin_start, pin_end);
    }
}

/* Bytes of text a match is looked for in at once: more than any id. or barrier. */
#define MATCH_WINDOW 512

/* Where an "Id." or "Ibid." can start. */
static gboolean
id_could_start (const char *p)
{
  return (p[0] == 'I' || p[0] == 'i') &&
         ((p[1] == 'd' && p[2] == '.') || strncmp (p + 1, "bid.", 4) == 0);
}

/* The first place at or after @p where an "Id." or "Ibid." can start, or @end. It is
 * found from its period, which memchr() finds fast: "i" is too common a letter to
 * look for. A period at d has candidates at d - 4 ("Ibid.") and d - 2 ("Id."), and
 * no later period has an earlier one, so they come in text order. */
static const char *
next_id_start (const char *p,
               const char *end)
{
  const char *dot = end - p > 2 ? p + 2 : end;

  while ((dot = memchr (dot, '.', end - dot)) != NULL)
    {
      if (dot - p >= 4 && id_could_start (dot - 4))
        return dot - 4;
      if (dot - p >= 2 && id_could_start (dot - 2))
        return dot - 2;
      dot++;
    }
  return end;
}

/* A prefix test on a literal that the compiler can inline: this runs at every capital. */
#define STARTS_WITH(p, literal) (strncmp ((p), (literal), sizeof (literal) - 1) == 0)

/* Where a barrier ("App. 89", "Brief for Petitioner 17", "Tr. 4") can start. */
static gboolean
barrier_could_start (const char *p)
{
  switch (p[0])
    {
    case 'A': return STARTS_WITH (p, "App.");
    case 'R': return STARTS_WITH (p, "Reply") || STARTS_WITH (p, "Record");
    case 'B': return STARTS_WITH (p, "Brief");
    case 'T': return STARTS_WITH (p, "Tr.");
    case 'P': return STARTS_WITH (p, "Pet.");
    case 'J': return STARTS_WITH (p, "Juris.");
    default: return FALSE;
    }
}

/* The next capital that can begin a barrier, at or after @p, or @end. strcspn() skips
 * the other bytes many at a time; the text ends in a NUL at @end. */
static const char *
next_barrier_start (const char *p,
                    const char *end)
{
  return p + strcspn (p, "ARBTPJ");
}

/*
 * How far a match that starts at @at can reach, at most to @limit: to the first byte
 * that @can_hold says no match can hold, and that one byte more. PCRE checks the UTF-8
 * of all the text it is given on every call; a match cannot pass that byte, so the
 * text beyond it changes nothing.
 */
static const char *
match_bound (const char   *at,
             const char   *limit,
             const guint8  can_hold[256])
{
  const char *p = at;

  while (p < limit && can_hold[(guchar) *p])
    p++;
  return p < limit ? p + 1 : limit;
}

/*
 * Matches @regex where @could_start says a match may begin, within a window of the
 * text around that place: letting PCRE walk 1 MB of text itself costs some forty
 * instructions a byte, and a match can only start where its first word does. The
 * window reaches back one character for the regexes' look-behind, and a match that
 * runs into the window's end is tried again on the rest of the text.
 */
static gboolean
match_at (GRegex       *regex,
          const guint8  can_hold[256],
          const char   *text,
          const char   *end,
          const char   *at,
          int          *match_start,
          int          *match_end,
          int          *pin_start,
          int          *pin_end)
{
  const char *from = at > text ? g_utf8_find_prev_char (text, at) : at;
  const char *to = match_bound (at, end - at > MATCH_WINDOW ? at + MATCH_WINDOW : end, can_hold);
  g_autoptr(GMatchInfo) match = NULL;

  while (to < end && (((guchar) *to) & 0xc0) == 0x80)
    to--;
  if (!g_regex_match_full (regex, from, to - from, at - from, G_REGEX_MATCH_ANCHORED, &match, NULL))
    return FALSE;
  g_match_info_fetch_pos (match, 0, match_start, match_end);
  if (to < end && from + *match_end == to)
    {
      g_clear_pointer (&match, g_match_info_free);
      if (!g_regex_match_full (regex, from, end - from, at - from, G_REGEX_MATCH_ANCHORED, &match, NULL))
        return FALSE;
      g_match_info_fetch_pos (match, 0, match_start, match_end);
    }
  if (!g_match_info_fetch_pos (match, 1, pin_start, pin_end))
    *pin_start = *pin_end = -1;
  *match_start += from - text;
  *match_end += from - text;
  if (*pin_start >= 0)
    {
      *pin_start += from - text;
      *pin_end += from - text;
    }
  return TRUE;
}

static void
scan_regex (const char    *text,
            gssize         length,
            GRegex        *regex,
            const guint8   can_hold[256],
            const char  *(*next_start) (const char *p, const char *end),
            gboolean     (*could_start) (const char *p),
            GArray        *items,
            gboolean       barrier)
{
  const char *end = text + length;

  for (const char *p = text; p < end; )
    {
      int start;
      int match_end;
      int pin_start;
      int pin_end;
      CbCitationItem *item;

      p = next_start (p, end);
      if (p >= end)
        break;
      if (!could_start (p) || !match_at (regex, can_hold, text, end, p, &start, &match_end, &pin_start, &pin_end))
        {
          p++;
          continue;
        }
      if (barrier)
        {
          item = add_item (items, NULL, text, text + start, text + match_end);
          item->barrier = TRUE;
        }
      else
        {
          item = add_item (items, cb_citation_new (CB_CITATION_ID), text, text + start, text + match_end);
          if (pin_start >= 0)
            item->citation->pin = span_dup (text + pin_start, text + pin_end);
        }
      p = text + match_end;
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CbCitationItem *x = a;
  const CbCitationItem *y = b;

  if (x->byte_start != y->byte_start)
    return x->byte_start < y->byte_start ? -1 : 1;
  /* The longer wins a tie; then a citation beats a barrier. */
  if (x->byte_end != y->byte_end)
    return x->byte_end > y->byte_end ? -1 : 1;
  return (int) x->barrier - (int) y->barrier;
}

/**
 * cb_citation_free:
 * @citation: (nullable): a citation
 *
 * Frees @citation.
 */
void
cb_citation_free (CbCitation *citation)
{
  if (citation == NULL)
    return;

  g_free (citation->text);
  g_free (citation->case_name);
  g_free (citation->volume);
  g_free (citation->reporter);
  g_free (citation->reporter_written);
  g_free (citation->page);
  g_free (citation->pin);
  g_free (citation->court);
  g_free (citation->year);
  g_free (citation->date);
  g_free (citation);
}

/**
 * cb_citation_scan:
 * @text: UTF-8 text
 *
 * Finds the citations in @text: full case citations in any reporter that Free Law
 * Project's reporters-db knows, with pin, parallel citations, court, year and the case
 * name when the text gives "Name v. Name, " before them; statutes of known codes
 * ("42 U.S.C. § 1983"); and short forms ("752 F.2d, at 826", "Daniels, at 331–333",
 * "Id., at 829", "Ibid."), each pointed at the full citation it means when that can be
 * told. A short form by volume and reporter means the latest earlier citation of that
 * volume whose first page is at or before the pin; one by name means the latest earlier
 * case with a party of that name. Id. means the nearest citation before it in the same
 * or the previous paragraph, unless a record or brief cite ("App. 89", "Brief for
 * Petitioner 17") comes between: then it means that source and refers to nothing.
 * Offsets are in characters of @text; text that is not valid UTF-8 has none to give.
 * The scan runs in time linear in the length of @text.
 *
 * Returns: (transfer full) (element-type CbCitation): the citations in text order
 */
GPtrArray *
cb_citation_scan (const char *text)
{
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  /* Offsets in characters mean nothing in text that is not UTF-8. */
  length = strlen (text);
  if (!cb_text_validate (text, length))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cb_citation_free);

  return cb_citation_scan_valid (text, length);
}

/**
 * cb_citation_scan_valid:
 * @text: valid UTF-8
 * @length: strlen() of @text
 *
 * cb_citation_scan() for a text already known to be valid UTF-8, such as an
 * opinion's, which is not checked again.
 *
 * Returns: (transfer full) (element-type CbCitation): the citations in text order
 */
GPtrArray *
cb_citation_scan_valid (const char *text,
                        gsize       length)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_citation_free);
  /* Room for a citation every CITATION_SPACING bytes, so that a citation-dense text
   * does not copy its items from one larger array to the next. */
  g_autoptr(GArray) items = g_array_sized_new (FALSE, TRUE, sizeof (CbCitationItem), length / CITATION_SPACING);
  const char *end;
  const char *walk;
  gsize chars = 0;
  int *index_of;
  CbCitationItem *data;

  g_return_val_if_fail (text != NULL, NULL);

  ensure_regexes ();
  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  end = text + length;

  scan_reporter_citations (text, end, items);
  scan_statutes (text, end, items);
  scan_name_short_forms (text, end, items);
  scan_regex (text, length, id_regex, id_can_hold, next_id_start, id_could_start, items, FALSE);
  scan_regex (text, length, barrier_regex, barrier_can_hold, next_barrier_start, barrier_could_start,
              items, TRUE);
  g_array_sort (items, compare_items);
  data = (CbCitationItem *) items->data;

  cb_citation_items_resolve (data, items->len, text);

  /* Indices in the result, and character offsets. */
  index_of = g_new (int, items->len);
  walk = text;
  for (guint i = 0; i < items->len; i++)
    {
      CbCitationItem *item = &data[i];
      CbCitation *citation = item->citation;

      index_of[i] = -1;
      if (item->dropped || item->barrier)
        continue;

      chars += cb_text_count_chars (walk, text + item->byte_start - walk);
      walk = text + item->byte_start;
      citation->start = chars;
      citation->end = chars + cb_text_count_chars (walk, item->byte_end - item->byte_start);

      if (item->primary != NULL)
        citation->parallel_of = index_of[item->primary - data];
      if (item->target != NULL)
        citation->refers_to = index_of[item->target - data];

      index_of[i] = result->len;
      g_ptr_array_add (result, g_steal_pointer (&item->citation));
    }
  g_free (index_of);

  return g_steal_pointer (&result);
}
