/* Citations: one reporter citation read at a place in the text: its volume, reporter
 * and page in every form the reporters take (neutral, hyphenated, Louisiana's, a
 * database's, roman and lettered pages), and its pin. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include "cb-citation-private.h"

/* How far a reporter abbreviation may reach: tokens, and bytes of one token. */
#define MAX_REPORTER_TOKENS 10
#define MAX_TOKEN_BYTES 64

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

/* A pin with the marks @allowed: parse_pin() after "*", "¶", "¶¶", "p." or "pp.". A
 * star range may repeat its star ("*3–*4"). */
const char *
cb_citation_parse_marked_pin (const char         *p,
                              const char         *end,
                              CbCitationPinMarks  allowed)
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
const char *
cb_citation_parse_short_pin (const char *p,
                             const char *end)
{
  return cb_citation_parse_marked_pin (p, end, PIN_ANY);
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
  const char *stop;
  gsize digits;
  PageKind kind;

  /* Most words after a volume are the reporter's: one test turns them away. */
  switch (*p)
    {
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
    case 'i': case 'v': case 'x': case 'l': case 'c':
      break;
    default:
      return PAGE_NONE;
    }
  stop = skip_digits (p, token->end);
  digits = stop - p;
  if (digits == 0)
    {
      while (stop < token->end && (*stop == 'i' || *stop == 'v' || *stop == 'x' || *stop == 'l' || *stop == 'c'))
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
    if (*q != ',' && *q != '.' && *q != ';' && *q != ':' && *q != ')' && *q != ']')
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

/* How the citation just parsed names its case: a database, a neutral citation (its
 * volume a year), or volume, reporter and page. */
static void
set_form (CbCitationParsed *parsed,
          const char       *volume)
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
parse_hyphenated (const char       *p,
                  const char       *end,
                  CbCitationParsed *parsed)
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
parse_louisiana (const char       *p,
                 const char       *end,
                 CbCitationParsed *parsed)
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
      const char *pin = cb_citation_parse_marked_pin (q + 2, end, PIN_CALIFORNIA);

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
gboolean
cb_citation_parse_reporter (const char       *p,
                            const char       *end,
                            CbCitationParsed *parsed,
                            gboolean          nested)
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
          parsed->pin_end = cb_citation_parse_short_pin (next.start, end);
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
          CbCitationParsed other;

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
          if (parsed->reporter == NULL || cb_citation_parse_reporter (next.start, end, &other, TRUE))
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
