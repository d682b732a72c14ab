/* Citations: the scanner, which finds them in an opinion's text byte by byte. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include <string.h>

#include "cb-citation-private.h"
#include "cb-text-decode.h"

/* Words looked at before ", at": a name of up to four words and "supra". */
#define SHORT_NAME_TOKENS 5
#define MAX_CODE_TOKENS 6
/* Bytes of text per citation in a densely cited opinion. */
#define CITATION_SPACING 256

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
  CbCitationPinMarks marks = PIN_PAGE;

  /* A star page of the opinion's own paging may follow any citation: only a database
   * has star pins. */
  if (form == CB_CITATION_FORM_DATABASE)
    marks |= PIN_STAR;
  else if (form == CB_CITATION_FORM_NEUTRAL)
    marks |= PIN_PARAGRAPH;
  if (form != CB_CITATION_FORM_REPORTER && end - p > 3 && p[0] == 'a' && p[1] == 't' && p[2] == ' ')
    p = skip_inline_spaces (p + 3, end);
  *pin = p;
  return cb_citation_parse_marked_pin (p, end, marks);
}

/* A citation of what @parsed read at @p, without its pin, name or parenthetical. */
static CbCitation *
parsed_citation (const char             *p,
                 const CbCitationParsed *parsed,
                 CbCitationKind          kind)
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

/* "752 F.2d, at 826" at @p, which cb_citation_parse_reporter() read into @parsed. */
static const char *
add_reporter_short_form (const char             *text,
                         const char             *p,
                         const CbCitationParsed *parsed,
                         GArray                 *items)
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
add_citation_group (const char       *text,
                    const char       *end,
                    const char       *p,
                    CbCitationParsed  parsed,
                    GArray           *items)
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

  if (cb_citation_year_before (text, p, &name_end, &year_before))
    case_name = cb_citation_case_name_ending_at (text, name_end);
  else
    case_name = cb_citation_case_name_before (text, p);

  for (;;)
    {
      CbCitation *citation = parsed_citation (p, &parsed, CB_CITATION_CASE);
      const char *q;
      const char *pin_start = NULL;
      const char *pin_end = NULL;
      const char *group_end = parsed.end;
      const char *next_at = NULL;     /* where @next was read, if it was */
      CbCitationParsed next;

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

          if (cb_citation_parse_reporter (r, end, &next, FALSE))
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
          if ((q != next_at && !cb_citation_parse_reporter (q, end, &next, FALSE)) || next.page_start == NULL)
            break;
        }
      else if (!bracket && q + 1 < end && q[0] == ' ' && q[1] == '[' &&
               cb_citation_parse_reporter (q + 2, end, &next, FALSE) && next.page_start != NULL)
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

  if (cb_citation_parse_parenthetical (tail, end, &court, &year, &date) == NULL)
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
      CbCitationParsed parsed;

      /* strcspn() looks at many bytes at a time; the text ends in a NUL at @end. */
      p += strcspn (p, "0123456789");
      if (p >= end)
        return;

      if (!is_boundary_before (text, p) || !cb_citation_parse_reporter (p, end, &parsed, FALSE))
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

      n = cb_citation_words_before (text, p, tokens, MAX_CODE_TOKENS);
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
      if (cb_citation_words_before (text, start, tokens, 1) > 0 && token_is_page (&tokens[0]) &&
          tokens[0].end == skip_digits (tokens[0].start, tokens[0].end))
        {
          citation->volume = span_dup (tokens[0].start, tokens[0].end);
          start = tokens[0].start;
        }
      if (cb_citation_parse_parenthetical (section_end, end, &court, &year, NULL) != NULL)
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
      const char *pin_end = cb_citation_parse_short_pin (pin_start, end);
      const char *name_end = at;
      Span tokens[MAX_NAME_TOKENS];
      guint n;
      guint words = 0;
      CbCitationItem *item;

      p += 5;
      if (pin_end == NULL)
        continue;
      /* "supra" and at most four words of a name are looked at. */
      n = cb_citation_words_before (text, name_end, tokens, SHORT_NAME_TOKENS);
      if (n > 0 && token_is (&tokens[0], "supra"))
        {
          /* "Daniels, supra, at 331" */
          if (n < 2 || tokens[1].end[-1] != ',')
            continue;
          tokens[1].end--;
          memmove (tokens, tokens + 1, (n - 1) * sizeof (Span));
          n--;
        }
      while (words < n && words < 4 && starts_upper (&tokens[words]) && cb_citation_is_name_word (&tokens[words]) &&
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
