#define G_LOG_DOMAIN "cb-opinion"

#include "config.h"

#include <string.h>

#include "cb-citation.h"
#include "cb-opinion-private.h"
#include "cb-text-decode.h"

/*
 * The one analyzer of normalized opinion text, whatever it was imported from:
 * star-page markers, the footnote block and its references, headnotes, separate
 * opinions, caption metadata and citations. A .brief file keeps only the text, so
 * everything here must be derivable from it.
 */

/* Longest line still taken as part of a caption; body paragraphs are longer. */
#define CAPTION_LINE_MAX 200
#define CAPTION_LINES_MAX 40

static const char * const symbols[] = { "*", "†", "‡" };

static void
clear_footnote (gpointer data)
{
  CbFootnote *footnote = data;

  g_free (footnote->label);
}

static void
clear_part (gpointer data)
{
  Part *part = data;

  g_free (part->parenthetical);
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The first @c at or after @from, or @n: a tight loop for the passes that look for
 * one rare character in the whole text. */
static gsize
find_char (const gunichar *u,
           gsize           from,
           gsize           n,
           gunichar        c)
{
  while (from < n && u[from] != c)
    from++;
  return from;
}

static void
hide (CbOpinion *self,
      gsize      offset,
      gsize      length)
{
  memset (self->hidden + offset, 1, MIN (length, self->length - offset));
}

static void
find_page_marks (CbOpinion *self)
{
  const gunichar *u = self->chars;
  gsize n = self->length;

  for (gsize i = 0; i < n; i++)
    {
      gsize stars = 0, j;
      guint page = 0;

      i = find_char (u, i, n, '*');
      if (i == n || (i > 0 && (u[i - 1] == '*' || is_digit (u[i - 1]))))
        continue;

      while (i + stars < n && u[i + stars] == '*')
        stars++;
      for (j = i + stars; j < n && is_digit (u[j]) && j - (i + stars) < 9; j++)
        page = page * 10 + (u[j] - '0');

      if (stars <= MAX_REPORTERS && j > i + stars && page > 0 && (j == n || !g_unichar_isalnum (u[j])))
        {
          CbPageMark mark = { stars - 1, page, i, j - i };

          g_array_append_val (self->marks, mark);
          self->n_reporters = MAX (self->n_reporters, (guint) stars);
          hide (self, i, j - i);
        }
      i += stars - 1;
    }
}

static gboolean
match_ascii (const gunichar *u,
             gsize           n,
             gsize           at,
             const char     *word)
{
  gsize len = strlen (word);

  if (at + len > n)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    if (u[at + k] != (gunichar) word[k])
      return FALSE;
  return TRUE;
}

static gboolean
match_utf8 (const gunichar *u,
            gsize           n,
            gsize           at,
            const char     *word,
            gsize          *length)
{
  gsize k = 0;

  for (const char *p = word; *p; p = g_utf8_next_char (p), k++)
    if (at + k >= n || u[at + k] != g_utf8_get_char (p))
      return FALSE;
  *length = k;
  return TRUE;
}

/*
 * The label a footnote body starts with: "[1] ", "1 ", "1. ", "FN1. ", "n1 ",
 * "* ", "† ". Numbered labels are returned as the number alone.
 */
static char *
parse_label (const gunichar *u,
             gsize           n,
             gsize           at,
             gsize          *length)
{
  gsize i = at, digits_start;
  gboolean bracket = FALSE;

  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    {
      gsize len = 0, reps = 0;

      while (match_utf8 (u, n, at + reps * len, symbols[s], &len))
        reps++;
      if (reps > 0 && at + reps * len < n && u[at + reps * len] == ' ')
        {
          GString *label = g_string_new (NULL);

          for (gsize r = 0; r < reps; r++)
            g_string_append (label, symbols[s]);
          *length = reps * len + 1;
          return g_string_free (label, FALSE);
        }
    }

  if (i < n && u[i] == '[')
    {
      bracket = TRUE;
      i++;
    }
  if (match_ascii (u, n, i, "FN"))
    i += 2;
  else if (i < n && u[i] == 'n' && i + 1 < n && is_digit (u[i + 1]))
    i++;

  digits_start = i;
  while (i < n && is_digit (u[i]) && i - digits_start < 3)
    i++;
  if (i == digits_start || (i < n && is_digit (u[i])))
    return NULL;

  {
    gsize end_digits = i;
    GString *label = g_string_new (NULL);

    if (bracket)
      {
        if (i >= n || u[i] != ']')
          {
            g_string_free (label, TRUE);
            return NULL;
          }
        i++;
      }
    else if (i < n && u[i] == '.')
      i++;

    if (i >= n || u[i] != ' ')
      {
        g_string_free (label, TRUE);
        return NULL;
      }

    for (gsize k = digits_start; k < end_digits; k++)
      g_string_append_c (label, (char) u[k]);
    *length = i + 1 - at;
    return g_string_free (label, FALSE);
  }
}

static gboolean
is_label_symbol (const char *label)
{
  return !g_ascii_isdigit (label[0]);
}

/* A footnote reference in the body, glued to the text before it. */
static gboolean
find_marker (CbOpinion  *self,
             const char *label,
             gsize       from,
             gsize       limit,
             gsize      *offset,
             gsize      *length)
{
  const gunichar *u = self->chars;
  gsize n = MIN (limit, self->length);

  for (gsize i = MAX (from, 1); i < n; i++)
    {
      gunichar before = u[i - 1];
      gsize len = 0;

      if (g_unichar_isspace (before) || self->hidden[i])
        continue;

      if (is_label_symbol (label))
        {
          if (match_utf8 (u, n, i, label, &len) && before != u[i] &&
              (i + len >= n || (u[i + len] != u[i] && !is_digit (u[i + len]))))
            {
              *offset = i;
              *length = len;
              return TRUE;
            }
          continue;
        }

      /* "[1]", "[FN1]", "FN1" or a bare "1" after a word or punctuation. */
      {
        gsize j = i;
        gboolean bracket = FALSE, prefixed = FALSE;

        if (u[j] == '[')
          {
            bracket = TRUE;
            j++;
          }
        if (match_ascii (u, n, j, "FN"))
          {
            prefixed = TRUE;
            j += 2;
          }
        if (!match_ascii (u, n, j, label))
          continue;
        j += strlen (label);
        if (j < n && is_digit (u[j]))
          continue;
        if (bracket)
          {
            if (j >= n || u[j] != ']')
              continue;
            j++;
          }
        else if (!prefixed)
          {
            if (is_digit (before) || !(g_unichar_isalpha (before) || (before < 128 && strchr (".,;:\"')", (int) before)) ||
                                       before == 0x201d || before == 0x2019))
              continue;
            if (j < n && (g_unichar_isalnum (u[j]) || u[j] == 0x2013 || u[j] == '-'))
              continue;
          }
        *offset = i;
        *length = j - i;
        return TRUE;
      }
    }
  return FALSE;
}

static gsize
paragraph_end (const gunichar *u,
               gsize           n,
               gsize           at)
{
  for (gsize i = at; i + 1 < n; i++)
    if (u[i] == '\n' && u[i + 1] == '\n')
      return i;
  return n > 0 && u[n - 1] == '\n' ? n - 1 : n;
}

/* The first body symbol marker ("*", "†", "‡") at or after @from. */
static char *
find_symbol_marker (CbOpinion *self,
                    gsize      from,
                    gsize      limit,
                    gsize     *offset,
                    gsize     *length)
{
  const char *best = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (symbols); s++)
    {
      gsize off, len;

      if (find_marker (self, symbols[s], from, limit, &off, &len) && (best == NULL || off < *offset))
        {
          best = symbols[s];
          *offset = off;
          *length = len;
        }
    }
  return g_strdup (best);
}

static gsize
find_footnote_block (CbOpinion *self)
{
  const gunichar *u = self->chars;
  gsize n = self->length;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  for (gsize i = 0; i + 2 < n; i++)
    {
      gsize j;

      i = find_char (u, i, n, '\n');
      if (i + 2 >= n)
        break;
      j = i;
      while (j < n && u[j] == '\n')
        j++;
      if (j - i >= 3 && j < n)
        {
          gsize run[2] = { i, j };

          g_array_append_val (runs, run);
        }
      i = j;
    }

  for (guint r = 0; r < runs->len; r++)
    {
      gsize *run = &g_array_index (runs, gsize, r * 2);
      gsize label_length, off, len;
      g_autofree char *label = parse_label (u, n, run[1], &label_length);

      if (label != NULL && find_marker (self, label, 0, run[0], &off, &len))
        return run[1];
    }

  if (runs->len > 0)
    {
      gsize *run = &g_array_index (runs, gsize, (runs->len - 1) * 2);
      gsize off, len;
      g_autofree char *symbol = find_symbol_marker (self, 0, run[0], &off, &len);

      if (symbol != NULL)
        return run[1];
    }

  return n;
}

static void
find_footnotes (CbOpinion *self)
{
  const gunichar *u = self->chars;
  gsize n = self->length;
  gsize block = find_footnote_block (self);
  gsize next_marker = 0;
  gsize p = block;

  self->footnote_block = block;

  while (p < n)
    {
      gsize end = paragraph_end (u, n, p);
      gsize label_length = 0, off = 0, len = 0;
      g_autofree char *label = parse_label (u, n, p, &label_length);
      CbFootnote *current = self->footnotes->len > 0 ?
        &g_array_index (self->footnotes, CbFootnote, self->footnotes->len - 1) : NULL;

      if (label != NULL && find_marker (self, label, next_marker, block, &off, &len))
        {
          CbFootnote note = { g_steal_pointer (&label), off, len, p + label_length, end };

          hide (self, off, len);
          hide (self, p, label_length);
          g_array_append_val (self->footnotes, note);
          next_marker = off + len;
        }
      else if (current == NULL)
        {
          g_autofree char *symbol = find_symbol_marker (self, next_marker, block, &off, &len);

          if (symbol != NULL)
            {
              CbFootnote note = { g_steal_pointer (&symbol), off, len, p, end };

              hide (self, off, len);
              g_array_append_val (self->footnotes, note);
              next_marker = off + len;
            }
        }
      else
        {
          current->body_end = end;
        }

      p = end;
      while (p < n && u[p] == '\n')
        p++;
    }
}

static void
find_headnotes (CbOpinion *self)
{
  const gunichar *u = self->chars;

  for (gsize i = 0; i < self->footnote_block; i++)
    {
      gsize p = i;

      if (i > 0 && u[i - 1] != '\n')
        {
          /* On to the start of the next line. */
          i = find_char (u, i, self->footnote_block, '\n');
          continue;
        }

      while (p < self->footnote_block && u[p] == '[')
        {
          gsize j = p + 1;
          guint number = 0;

          while (j < self->length && is_digit (u[j]) && j - p <= 3)
            number = number * 10 + (u[j++] - '0');
          if (j == p + 1 || j >= self->length || u[j] != ']' ||
              (j + 1 < self->length && !g_unichar_isspace (u[j + 1])))
            break;

          {
            CbHeadnote headnote = { number, p, j + 1 - p };

            g_array_append_val (self->headnotes, headnote);
            hide (self, p, j + 1 - p);
          }
          p = j + 1;
          while (p < self->length && u[p] == ' ')
            p++;
        }
    }
}

/* "POWELL" → "Powell", "O'CONNOR" → "O'Connor". */
static char *
title_case (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, upper ? g_unichar_toupper (c) : g_unichar_tolower (c));
      upper = c == '\'' || c == 0x2019 || c == '-';
    }
  return g_string_free (out, FALSE);
}

static gpointer
compile_separate_opinion_regex (gpointer data)
{
  GRegex *regex = g_regex_new ("^(?:(Chief\\s+)?Justice\\s+([A-Z][A-Za-z'’-]+)|([A-Z][A-Za-z'’-]+),\\s+(C\\.\\s*)?J\\.)"
                               "(?:,\\s+with\\s+whom[^\\n]*?\\bjoins?)?,?\\s+"
                               "((?:dissenting|concurring)(?:\\s+in\\s+(?:the\\s+)?(?:judgment|part|result))?"
                               "(?:\\s+and\\s+(?:dissenting|concurring)\\s+in\\s+(?:the\\s+)?(?:judgment|part|result))?)"
                               "\\.?[ \\t]*$",
                               G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, NULL);

  g_assert (regex != NULL);
  return regex;
}

static const char *
line_start (const char *text,
            const char *p)
{
  while (p > text && p[-1] != '\n')
    p--;
  return p;
}

/* The next "dissenting" or "concurring" at or after @p, or %NULL. @next holds where
 * each word is next found, so that neither is searched for twice over the same text. */
static const char *
next_role_word (const char  *p,
                const char **next)
{
  static const char * const words[] = { "dissenting", "concurring" };
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (next[i] != NULL && next[i] < p)
        next[i] = strstr (p, words[i]);
      if (next[i] != NULL && (found == NULL || next[i] < found))
        found = next[i];
    }
  return found;
}

/*
 * Lines that open a separate opinion ("Justice Stevens, dissenting."). Every such
 * line names its role, so the regex is only tried at the start of the line holding
 * a role word and of the line before it (the role may follow on the next line), on
 * that stretch of text alone: running it over the whole text makes PCRE check the
 * rest of the text's UTF-8 again at every match.
 */
static void
find_separate_opinions (CbOpinion *self)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_separate_opinion_regex, NULL);
  const char *text = self->text;
  const char *last = text;
  const char *searched = text;
  gsize last_offset = 0;

  const char *next[2] = { text - 1, text - 1 };

  for (const char *word = next_role_word (text, next); word != NULL; word = next_role_word (word + 1, next))
    {
      const char *here = line_start (text, word);
      const char *line_end = word + strcspn (word, "\n");
      /* A role may go on to the next line: "concurring in part\nand dissenting in part". */
      const char *window_end = *line_end ? line_end + 1 + strcspn (line_end + 1, "\n") : line_end;
      const char *candidates[2] = { NULL, here };

      /* The line before, past blank lines: "\s+" may reach over them. */
      if (here > text)
        {
          const char *p = here - 1;

          while (p > text && g_ascii_isspace (p[-1]))
            p--;
          candidates[0] = line_start (text, p);
        }

      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          const char *from = candidates[c];

          if (from == NULL || from < searched)
            continue;
          if (!g_regex_match_full (regex, from, window_end - from, 0, G_REGEX_MATCH_ANCHORED, &match, NULL))
            continue;
          {
            g_autofree char *chief = g_match_info_fetch (match, 1);
            g_autofree char *justice = g_match_info_fetch (match, 2);
            g_autofree char *judge = g_match_info_fetch (match, 3);
            g_autofree char *chief_abbrev = g_match_info_fetch (match, 4);
            g_autofree char *role = g_match_info_fetch (match, 5);
            g_autofree char *name = title_case (justice && *justice ? justice : judge);
            gboolean is_chief = (chief && *chief) || (chief_abbrev && *chief_abbrev);
            int end_pos;
            gsize offset;
            Part part;

            g_match_info_fetch_pos (match, 0, NULL, &end_pos);
            offset = last_offset + g_utf8_pointer_to_offset (last, from);
            last = from;
            last_offset = offset;
            searched = from + MAX (end_pos, 1);

            if (offset >= self->footnote_block)
              return;

            if (self->parts->len > 0)
              g_array_index (self->parts, Part, self->parts->len - 1).end = offset;

            part.start = offset;
            part.end = self->footnote_block;
            part.parenthetical = g_strdup_printf ("(%s, %s, %s)", name, is_chief ? "C.J." : "J.", role);
            g_array_append_val (self->parts, part);
          }
        }
      /* Other role words on this line give the same candidates. */
      word = MAX (word, line_end - 1);
    }
}

static char *
match_line (GRegex     *regex,
            const char *line,
            int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, line, 0, &match))
    return NULL;
  return g_strstrip (g_match_info_fetch (match, group));
}

static void
find_caption (CbOpinion *self)
{
  g_auto(GStrv) lines = g_strsplit (self->text, "\n", CAPTION_LINES_MAX + 1);
  g_autoptr(GRegex) case_name = g_regex_new ("^(?!No\\.)(\\S.{0,150}?\\s+v\\.\\s+\\S.{0,150}?)[.,]?$", 0, 0, NULL);
  g_autoptr(GRegex) citation = g_regex_new ("^(\\d+\\s+[A-Z][A-Za-z0-9.\\s]*?\\s+\\d+"
                                            "(?:\\s*,\\s*\\d+\\s+[A-Z][A-Za-z0-9.\\s]*?\\s+\\d+)*)"
                                            "(?:\\s*\\([^)]*\\))?\\.?$", 0, 0, NULL);
  g_autoptr(GRegex) docket = g_regex_new ("\\b(Nos?\\.\\s*\\d[\\w–-]*(?:\\s*(?:,|and)\\s*\\d[\\w–-]*)*)", 0, 0, NULL);
  g_autoptr(GRegex) date = g_regex_new ("((?:January|February|March|April|May|June|July|August|September|"
                                        "October|November|December)\\s+\\d{1,2},\\s+\\d{4})", 0, 0, NULL);
  g_autoptr(GRegex) court = g_regex_new ("^(?:[A-Z][A-Za-z.]*\\s+)*(?:Court|COURT|Circuit|CIRCUIT)\\b.*$", 0, 0, NULL);
  gsize offset = 0;
  gsize first_mark = self->marks->len > 0 ? g_array_index (self->marks, CbPageMark, 0).offset : self->length;
  char *any_date = NULL;

  for (guint i = 0; lines[i] != NULL && i < CAPTION_LINES_MAX; i++)
    {
      const char *line = lines[i];
      glong chars = g_utf8_strlen (line, -1);
      char *value;

      if (chars > CAPTION_LINE_MAX || offset >= first_mark || offset >= self->footnote_block ||
          (self->headnotes->len > 0 && offset >= g_array_index (self->headnotes, CbHeadnote, 0).offset))
        break;
      offset += chars + 1;
      if (*line == '\0')
        continue;

      if (self->citation == NULL && (value = match_line (citation, line, 1)) != NULL)
        {
          self->citation = value;
          continue;
        }
      if (self->case_name == NULL && (value = match_line (case_name, line, 1)) != NULL)
        {
          self->case_name = value;
          continue;
        }
      if (self->docket == NULL && (value = match_line (docket, line, 1)) != NULL)
        self->docket = value;
      if ((value = match_line (date, line, 1)) != NULL)
        {
          if (self->date == NULL && strstr (line, "ecided") != NULL)
            self->date = value;
          else if (any_date == NULL)
            any_date = value;
          else
            g_free (value);
          continue;
        }
      if (self->court == NULL && (value = match_line (court, line, 0)) != NULL)
        self->court = value;
    }

  if (self->date == NULL)
    self->date = any_date;
  else
    g_free (any_date);
}

/* Widens a run of ASCII; a plain loop the compiler turns into vector code. */
static void
widen_ascii (gunichar    *chars,
             const char  *bytes,
             gsize        length)
{
  for (gsize i = 0; i < length; i++)
    chars[i] = (guchar) bytes[i];
}

/* The text as characters. Most of an opinion is ASCII, which is widened run by run;
 * g_utf8_to_ucs4_fast() decodes every byte the long way. */
static gunichar *
to_ucs4 (const char *text,
         glong      *n_chars)
{
  gsize bytes = strlen (text);
  const char *end = text + bytes;
  gunichar *chars = g_new (gunichar, bytes + 1);
  const char *p = text;
  gsize n = 0;

  while (p < end)
    {
      const char *run_end = cb_text_skip_ascii (p, end);

      widen_ascii (chars + n, p, run_end - p);
      n += run_end - p;
      p = run_end;
      if (p < end)
        {
          chars[n++] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }
  chars[n] = 0;
  *n_chars = n;
  return n < bytes ? g_renew (gunichar, chars, n + 1) : chars;
}

/**
 * cb_opinion_analyze:
 * @self: an opinion whose text is set
 *
 * Derives pages, footnotes, headnotes, separate opinions, caption metadata and
 * citations from the normalized text.
 */
void
cb_opinion_analyze (CbOpinion *self)
{
  glong n_chars = 0;

  self->chars = to_ucs4 (self->text, &n_chars);
  self->length = n_chars;
  self->hidden = g_malloc0 (self->length + 1);
  self->marks = g_array_new (FALSE, FALSE, sizeof (CbPageMark));
  self->footnotes = g_array_new (FALSE, FALSE, sizeof (CbFootnote));
  g_array_set_clear_func (self->footnotes, clear_footnote);
  self->headnotes = g_array_new (FALSE, FALSE, sizeof (CbHeadnote));
  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_array_set_clear_func (self->parts, clear_part);

  find_page_marks (self);
  find_footnotes (self);

  for (guint r = 0; r < MAX_REPORTERS; r++)
    self->body_marks[r] = g_array_new (FALSE, FALSE, sizeof (CbPageMark));
  for (guint i = 0; i < self->marks->len; i++)
    {
      CbPageMark *mark = &g_array_index (self->marks, CbPageMark, i);

      if (mark->offset < self->footnote_block)
        g_array_append_val (self->body_marks[mark->reporter], *mark);
    }

  find_headnotes (self);
  find_separate_opinions (self);
  find_caption (self);
  self->citations = cb_citation_scan (self->text);
}

/**
 * cb_opinion_get_n_reporters:
 * @self: an opinion
 *
 * Returns: how many reporters the star paging names (0 to 3)
 */
guint
cb_opinion_get_n_reporters (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return self->n_reporters;
}

/**
 * cb_opinion_get_page_marks:
 * @self: an opinion
 * @n_marks: (out): the number of marks
 *
 * Returns: (transfer none) (array length=n_marks): the star-page markers in text order
 */
const CbPageMark *
cb_opinion_get_page_marks (CbOpinion *self,
                           gsize     *n_marks)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_marks != NULL, NULL);

  *n_marks = self->marks->len;
  return (const CbPageMark *) self->marks->data;
}

/**
 * cb_opinion_get_first_page:
 * @self: an opinion
 * @reporter: 0, 1 or 2
 *
 * Returns: the page the text starts on in @reporter (its first marker's page minus
 *   one), or 0 when the reporter has no markers
 */
guint
cb_opinion_get_first_page (CbOpinion *self,
                           guint      reporter)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);

  if (reporter >= MAX_REPORTERS || self->body_marks[reporter]->len == 0)
    return 0;
  return g_array_index (self->body_marks[reporter], CbPageMark, 0).page - 1;
}

static guint
body_page_at (CbOpinion *self,
              guint      reporter,
              gsize      offset)
{
  GArray *marks = self->body_marks[reporter];
  gsize lo = 0, hi = marks->len;

  /* The last marker at or before @offset: a page begins at its marker. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (g_array_index (marks, CbPageMark, mid).offset <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return cb_opinion_get_first_page (self, reporter);
  return g_array_index (marks, CbPageMark, lo - 1).page;
}

/**
 * cb_opinion_page_at:
 * @self: an opinion
 * @reporter: 0 for `*N` pages, 1 for `**N`, 2 for `***N`
 * @offset: offset in characters
 *
 * The reporter page that holds @offset. Text in a footnote is on the page of its
 * reference, moved on by star markers inside the footnote itself.
 *
 * Returns: the page, or 0 when @reporter has no markers
 */
guint
cb_opinion_page_at (CbOpinion *self,
                    guint      reporter,
                    gsize      offset)
{
  const CbFootnote *note = NULL;
  guint page;

  g_return_val_if_fail (CB_IS_OPINION (self), 0);

  if (reporter >= MAX_REPORTERS || self->body_marks[reporter]->len == 0)
    return 0;
  if (offset < self->footnote_block || self->footnotes->len == 0)
    return body_page_at (self, reporter, offset);

  /* In the footnote block: the footnote that holds @offset, or the one before it. */
  note = &g_array_index (self->footnotes, CbFootnote, 0);
  for (guint i = 0; i < self->footnotes->len; i++)
    if (g_array_index (self->footnotes, CbFootnote, i).body_start <= offset)
      note = &g_array_index (self->footnotes, CbFootnote, i);

  page = body_page_at (self, reporter, note->marker_offset);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const CbPageMark *mark = &g_array_index (self->marks, CbPageMark, i);

      if (mark->reporter == reporter && mark->offset >= note->body_start &&
          mark->offset <= offset && mark->offset < note->body_end)
        page = mark->page;
    }
  return page;
}

/**
 * cb_opinion_get_footnotes:
 * @self: an opinion
 * @n_footnotes: (out): the number of footnotes
 *
 * Returns: (transfer none) (array length=n_footnotes): the footnotes in order
 */
const CbFootnote *
cb_opinion_get_footnotes (CbOpinion *self,
                          gsize     *n_footnotes)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_footnotes != NULL, NULL);

  *n_footnotes = self->footnotes->len;
  return (const CbFootnote *) self->footnotes->data;
}

/**
 * cb_opinion_footnote_at:
 * @self: an opinion
 * @offset: offset in characters
 *
 * Returns: (nullable) (transfer none): the footnote whose body holds @offset
 */
const CbFootnote *
cb_opinion_footnote_at (CbOpinion *self,
                        gsize      offset)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  for (guint i = 0; i < self->footnotes->len; i++)
    {
      const CbFootnote *note = &g_array_index (self->footnotes, CbFootnote, i);

      if (offset >= note->body_start && offset < note->body_end)
        return note;
    }
  return NULL;
}

/**
 * cb_opinion_get_footnote_block:
 * @self: an opinion
 *
 * Returns: the offset where the footnotes after the opinion start, or the
 *   text's length when there are none
 */
gsize
cb_opinion_get_footnote_block (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return self->footnote_block;
}

/**
 * cb_opinion_get_headnotes:
 * @self: an opinion
 * @n_headnotes: (out): the number of headnote markers
 *
 * Returns: (transfer none) (array length=n_headnotes): the headnote markers in order
 */
const CbHeadnote *
cb_opinion_get_headnotes (CbOpinion *self,
                          gsize     *n_headnotes)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_headnotes != NULL, NULL);

  *n_headnotes = self->headnotes->len;
  return (const CbHeadnote *) self->headnotes->data;
}

/**
 * cb_opinion_get_citations:
 * @self: an opinion
 *
 * Returns: (transfer none) (element-type CbCitation): the citations found in the text
 */
GPtrArray *
cb_opinion_get_citations (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->citations;
}

/**
 * cb_opinion_get_case_name:
 * @self: an opinion
 *
 * Returns: (nullable): the case name from the caption ("Davidson v. Cannon")
 */
const char *
cb_opinion_get_case_name (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->case_name;
}

/**
 * cb_opinion_get_citation:
 * @self: an opinion
 *
 * Returns: (nullable): the citation line of the caption ("474 U.S. 344, 106 S. Ct. 668")
 */
const char *
cb_opinion_get_citation (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->citation;
}

/**
 * cb_opinion_get_court:
 * @self: an opinion
 *
 * Returns: (nullable): the court named in the caption
 */
const char *
cb_opinion_get_court (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->court;
}

/**
 * cb_opinion_get_date:
 * @self: an opinion
 *
 * Returns: (nullable): the date of decision in the caption ("January 21, 1986")
 */
const char *
cb_opinion_get_date (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->date;
}

/**
 * cb_opinion_get_docket:
 * @self: an opinion
 *
 * Returns: (nullable): the docket number in the caption ("No. 84-6470")
 */
const char *
cb_opinion_get_docket (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->docket;
}
