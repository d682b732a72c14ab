/* Citations: the words around one: the case name before it, the year before a
 * California citation, and the court, year and date in the parenthetical after it. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include "cb-citation-private.h"

/* How far back from a citation "v." may be. */
#define VERSUS_TOKENS 9

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
guint
cb_citation_words_before (const char *text,
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
  return cb_citation_words_before (text, end, tokens, MAX_NAME_TOKENS);
}

gboolean
cb_citation_is_name_word (const Span *token)
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
          if (!cb_citation_is_name_word (&tokens[i]) || tokens[i].end[-1] == ',' ||
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
char *
cb_citation_case_name_ending_at (const char *text,
                                 const char *name_end)
{
  Span tokens[MAX_NAME_TOKENS];
  guint n;
  int versus = -1;
  int left;
  gboolean proceeding = FALSE;
  g_autoptr(GString) name = NULL;

  /* "v." is among the first nine words or there is no name: only those are collected
   * until it is found, which most citations never get past. */
  n = cb_citation_words_before (text, name_end, tokens, VERSUS_TOKENS);
  for (guint i = 1; i < n && i < VERSUS_TOKENS; i++)
    {
      if (token_is (&tokens[i], "v.") || token_is (&tokens[i], "vs."))
        {
          versus = i;
          break;
        }
      /* "In re", "Ex parte", "Matter of": looked for only when one of their words is here. */
      proceeding |= token_is (&tokens[i], "re") || token_is (&tokens[i], "parte") || token_is (&tokens[i], "of");
    }
  if (versus < 0)
    {
      if (!proceeding || !cb_citation_is_name_word (&tokens[0]) || !starts_upper (&tokens[0]))
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
        if (!cb_citation_is_name_word (&tokens[i]) || (i == versus - 1 && !starts_upper (&tokens[i])))
          return NULL;

      /* The party before "v.". */
      left = versus;
      for (guint i = versus + 1; i < n; i++)
        {
          const Span *token = &tokens[i];
          gsize len = token->end - token->start;

          if (!cb_citation_is_name_word (token) || token->end[-1] == ',')
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
char *
cb_citation_case_name_before (const char *text,
                              const char *citation_start)
{
  const char *p = citation_start;

  while (p > text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == text || p[-1] != ',')
    return NULL;
  return cb_citation_case_name_ending_at (text, p - 1);
}

/* California's "People v. Smith (2011) 52 Cal.4th 1": a year in parentheses just before
 * the citation at @p. Gives the year and where the name before it ends. */
gboolean
cb_citation_year_before (const char  *text,
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
  /* Every month begins with a capital; most courts' last words are no month. */
  if (p == month_end || !g_ascii_isupper (*p) || month_end - p > 9)
    return court_end;
  for (guint i = 0; months[i] != NULL; i++)
    if (months[i][0] == *p && strncmp (p, months[i], month_end - p) == 0 &&
        months[i][month_end - p] == '\0')
      return p;
  return court_end;
}

/* "(CA3 1984)", "(1981)", "(CA2)", "(S.D.N.Y. Mar. 3, 2014)" right after a citation group. */
const char *
cb_citation_parse_parenthetical (const char  *p,
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
