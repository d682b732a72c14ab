/*
 * Opinions: the one analyzer of normalized opinion text, whatever it was imported
 * from: star-page markers, the footnote block and its references, headnotes, numbered
 * paragraphs, separate opinions, caption metadata (read by cb-opinion-caption.c) and
 * citations. A .brief file keeps only the text, so everything here must be derivable
 * from it.
 */
#define G_LOG_DOMAIN "cb-opinion"

#include "config.h"

#include <string.h>

#include "cb-citation.h"
#include "cb-citation-private.h"
#include "cb-opinion-private.h"
#include "cb-text-decode.h"

static const char * const symbols[] = { "*", "†", "‡" };

/*
 * The text as the analysis walks it: its UTF-8 bytes, which take a quarter of the
 * memory of an array of characters and most of which are ASCII, so that a search for
 * a marker is a memchr(). Offsets are reported in characters: @blocks holds how many
 * characters come before each CHAR_BLOCK bytes, so a byte position is turned into an
 * offset by counting at most one block.
 */
typedef struct
{
  const char *s;
  gsize n;
  gsize *blocks;
} Text;


static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The character that starts at byte @i. */
static inline gunichar
char_at (const Text *t,
         gsize       i)
{
  return (guchar) t->s[i] < 0x80 ? (guchar) t->s[i] : g_utf8_get_char (t->s + i);
}

static inline gsize
next_char (const Text *t,
           gsize       i)
{
  return (guchar) t->s[i] < 0x80 ? i + 1 : (gsize) (g_utf8_next_char (t->s + i) - t->s);
}

static inline gsize
prev_char (const Text *t,
           gsize       i)
{
  return (guchar) t->s[i - 1] < 0x80 ? i - 1 : (gsize) (g_utf8_prev_char (t->s + i) - t->s);
}

/* The characters in a block: a whole block is counted by a loop of known length,
 * which the compiler unrolls into a few vector operations. */
static gsize
count_block (const char *p,
             gsize       length)
{
  guint32 n = 0;

  if (length < CHAR_BLOCK)
    return cb_text_count_chars (p, length);
  for (gsize i = 0; i < CHAR_BLOCK; i++)
    n += (((guchar) p[i]) & 0xc0) != 0x80;
  return n;
}

static void
text_init (Text       *t,
           const char *s)
{
  gsize n_blocks;

  t->s = s;
  t->n = strlen (s);
  n_blocks = t->n / CHAR_BLOCK + 1;
  t->blocks = g_new (gsize, n_blocks + 1);
  t->blocks[0] = 0;
  for (gsize b = 0; b < n_blocks; b++)
    t->blocks[b + 1] = t->blocks[b] + count_block (s + b * CHAR_BLOCK, MIN (CHAR_BLOCK, t->n - b * CHAR_BLOCK));
}

/* The offset in characters of byte @i. */
static gsize
offset_of (const Text *t,
           gsize       i)
{
  gsize block = i / CHAR_BLOCK;

  return t->blocks[block] + cb_text_count_chars (t->s + block * CHAR_BLOCK, i - block * CHAR_BLOCK);
}

static void
set_hidden (guint8    *hidden,
            gsize      length,
            CbRange    range)
{
  memset (hidden + range.start, 1, MIN (range.end - range.start, length - range.start));
}

/**
 * cb_opinion_lay_out_hidden:
 * @self: an analyzed opinion
 *
 * Returns: (transfer full): one flag per character of @self, set in the ranges hidden
 */
guint8 *
cb_opinion_lay_out_hidden (CbOpinion *self)
{
  guint8 *hidden = g_malloc0 (self->length + 1);

  for (guint i = 0; i < self->hidden_ranges->len; i++)
    set_hidden (hidden, self->length, g_array_index (self->hidden_ranges, CbRange, i));
  return hidden;
}

/* The hidden flags while the analysis still adds to them: laid out only when a
 * footnote reference is looked for, which an opinion without footnotes never does. */
static const guint8 *
hidden_so_far (CbOpinion *self)
{
  if (self->hidden == NULL)
    self->hidden = cb_opinion_lay_out_hidden (self);
  return self->hidden;
}

/* Hides @length characters from @offset. */
static void
hide_chars (CbOpinion *self,
            gsize      offset,
            gsize      length)
{
  CbRange range = { offset, offset + length };

  g_array_append_val (self->hidden_ranges, range);
  if (self->hidden != NULL)
    set_hidden (self->hidden, self->length, range);
}

/* Hides the characters of bytes @start to @end. */
static void
hide (CbOpinion  *self,
      const Text *t,
      gsize       start,
      gsize       end)
{
  gsize offset = offset_of (t, start);

  hide_chars (self, offset, offset_of (t, end) - offset);
}

/* Whether the character at @offset is in the star pin of a citation ("2014 WL 1234567,
 * at *3", "Id. at *4"), which cites another document's page, not this one's. @next is
 * the first citation that may still hold it; offsets only grow from call to call. */
static gboolean
in_star_pin (CbOpinion *self,
             guint     *next,
             gsize      offset)
{
  GPtrArray *citations = cb_opinion_get_citations (self);

  for (; *next < citations->len; (*next)++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, *next);

      if (citation->end <= offset)
        continue;
      return citation->start <= offset && citation->pin != NULL && citation->pin[0] == '*';
    }
  return FALSE;
}

static void
find_page_marks (CbOpinion  *self,
                 const Text *t)
{
  const char *s = t->s;
  gsize n = t->n;
  guint next_citation = 0;

  for (gsize i = 0; i < n; i++)
    {
      const char *star = memchr (s + i, '*', n - i);
      gsize stars = 0, j;
      guint page = 0;

      if (star == NULL)
        break;
      i = star - s;
      if (i > 0 && (s[i - 1] == '*' || is_digit (s[i - 1])))
        continue;

      while (i + stars < n && s[i + stars] == '*')
        stars++;
      for (j = i + stars; j < n && is_digit (s[j]) && j - (i + stars) < 9; j++)
        page = page * 10 + (s[j] - '0');

      if (stars <= MAX_REPORTERS && j > i + stars && page > 0 && (j == n || !g_unichar_isalnum (char_at (t, j))))
        {
          /* The marker is ASCII: as many characters as bytes. */
          CbPageMark mark = { stars - 1, page, offset_of (t, i), j - i };

          if (!in_star_pin (self, &next_citation, mark.offset))
            {
              g_array_append_val (self->marks, mark);
              hide_chars (self, mark.offset, mark.length);
            }
        }
      i += stars - 1;
    }
}

/* Whether @word is at byte @at, wholly before @n. */
static gboolean
match_at (const Text *t,
          gsize       n,
          gsize       at,
          const char *word)
{
  gsize len = strlen (word);

  return at + len <= n && memcmp (t->s + at, word, len) == 0;
}

/*
 * The label a footnote body starts with: "[1] ", "1 ", "1. ", "FN1. ", "n1 ",
 * "* ", "† ". Numbered labels are returned as the number alone; @length is the
 * label's length in bytes, with the space after it.
 */
static char *
parse_label (const Text *t,
             gsize       at,
             gsize      *length)
{
  const char *s = t->s;
  gsize n = t->n;
  gsize i = at, digits_start;
  gboolean bracket = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
    {
      gsize len = strlen (symbols[k]), reps = 0;

      while (match_at (t, n, at + reps * len, symbols[k]))
        reps++;
      if (reps > 0 && at + reps * len < n && s[at + reps * len] == ' ')
        {
          GString *label = g_string_new (NULL);

          for (gsize r = 0; r < reps; r++)
            g_string_append (label, symbols[k]);
          *length = reps * len + 1;
          return g_string_free (label, FALSE);
        }
    }

  if (i < n && s[i] == '[')
    {
      bracket = TRUE;
      i++;
    }
  if (match_at (t, n, i, "FN"))
    i += 2;
  else if (i < n && s[i] == 'n' && i + 1 < n && is_digit (s[i + 1]))
    i++;

  digits_start = i;
  while (i < n && is_digit (s[i]) && i - digits_start < 3)
    i++;
  if (i == digits_start || (i < n && is_digit (s[i])))
    return NULL;

  {
    gsize end_digits = i;

    if (bracket)
      {
        if (i >= n || s[i] != ']')
          return NULL;
        i++;
      }
    else if (i < n && s[i] == '.')
      i++;

    if (i >= n || s[i] != ' ')
      return NULL;

    *length = i + 1 - at;
    return g_strndup (s + digits_start, end_digits - digits_start);
  }
}

static gboolean
is_label_symbol (const char *label)
{
  return !g_ascii_isdigit (label[0]);
}

/* "[1]", "[FN1]", "FN1" or a bare "1" at byte @i, after the character @before. */
static gboolean
match_numbered_marker (const Text *t,
                       gsize       n,
                       gsize       i,
                       gunichar    before,
                       const char *label,
                       gsize      *end)
{
  const char *s = t->s;
  gsize j = i;
  gboolean bracket = FALSE, prefixed = FALSE;

  if (s[j] == '[')
    {
      bracket = TRUE;
      j++;
    }
  if (match_at (t, n, j, "FN"))
    {
      prefixed = TRUE;
      j += 2;
    }
  if (!match_at (t, n, j, label))
    return FALSE;
  j += strlen (label);
  if (j < n && is_digit (s[j]))
    return FALSE;
  if (bracket)
    {
      if (j >= n || s[j] != ']')
        return FALSE;
      j++;
    }
  else if (!prefixed)
    {
      gunichar after;

      if (is_digit (before) || !(g_unichar_isalpha (before) || (before < 128 && strchr (".,;:\"')", (int) before)) ||
                                 before == 0x201d || before == 0x2019))
        return FALSE;
      after = j < n ? char_at (t, j) : 0;
      if (j < n && (g_unichar_isalnum (after) || after == 0x2013 || after == '-'))
        return FALSE;
    }
  *end = j;
  return TRUE;
}

/* A symbol reference ("*", "**", "†") at byte @i, after the character @before: a whole
 * run of the symbol, not followed by a digit. */
static gboolean
match_symbol_marker (const Text *t,
                     gsize       n,
                     gsize       i,
                     gunichar    before,
                     const char *label)
{
  gsize len = strlen (label);

  return match_at (t, n, i, label) && before != char_at (t, i) &&
         (i + len >= n || (char_at (t, i + len) != char_at (t, i) && !is_digit (t->s[i + len])));
}

/*
 * Where each label that a paragraph could start with is referred to in the text: for
 * each label, the bytes where a reference to it starts, in order. Made in one walk
 * over the text, for the labels of every paragraph that follows a blank line and for
 * the bare symbols. Looking for a label from the start of the text once for each
 * paragraph is quadratic: a text of many short paragraphs after blank lines, each
 * starting "1 ", took seconds for a few hundred kilobytes.
 *
 * The places do not depend on where a search starts or stops: a label holds no line
 * break and the limit of a search is the line break that ends the body, so a
 * reference before it reads nothing past it. The references hidden later, as the
 * footnotes are found, are all before the place the next search starts from.
 */
typedef struct
{
  GHashTable *places;           /* label → GArray of byte offsets */
} MarkerIndex;

static void
add_place (MarkerIndex *index,
           const char  *label,
           gsize        at)
{
  GArray *places = g_hash_table_lookup (index->places, label);

  if (places != NULL)
    g_array_append_val (places, at);
}

static void
marker_index_init (MarkerIndex *index,
                   CbOpinion   *self,
                   const Text  *t)
{
  const char *s = t->s;
  gsize n = t->n;
  const guint8 *hidden = hidden_so_far (self);
  g_autoptr(GString) run = g_string_new (NULL);
  gsize i, c;
  gunichar before;

  index->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
    g_hash_table_insert (index->places, g_strdup (symbols[k]), g_array_new (FALSE, FALSE, sizeof (gsize)));
  for (const char *nl = s; (nl = memchr (nl, '\n', n - (nl - s))) != NULL; nl++)
    {
      gsize p = nl - s + 1, label_length;
      char *label;

      if (p >= n || s[p] != '\n')
        continue;
      while (p < n && s[p] == '\n')
        p++;
      nl = s + p - 1;
      label = p < n ? parse_label (t, p, &label_length) : NULL;
      if (label != NULL && !g_hash_table_contains (index->places, label))
        g_hash_table_insert (index->places, label, g_array_new (FALSE, FALSE, sizeof (gsize)));
      else
        g_free (label);
    }

  if (n == 0)
    return;
  /* As a search from the start would walk: the first character is never a reference. */
  i = next_char (t, 0);
  c = 1;
  before = char_at (t, 0);
  for (; i < n; before = char_at (t, i), i = next_char (t, i), c++)
    {
      guchar b = s[i];
      gsize j = i, digits = 0, end;
      char number[4];

      if (!(is_digit (b) || b == '[' || b == 'F' || b == '*' || b >= 0x80) ||
          g_unichar_isspace (before) || hidden[c])
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
        {
          gsize len = strlen (symbols[k]), reps = 0;

          while (match_at (t, n, i + reps * len, symbols[k]))
            reps++;
          if (reps == 0)
            continue;
          g_string_truncate (run, 0);
          for (gsize r = 0; r < reps; r++)
            g_string_append (run, symbols[k]);
          if (match_symbol_marker (t, n, i, before, run->str))
            add_place (index, run->str, i);
          break;
        }

      /* A number reference: its label is the digits after "[" and "FN", which
       * match_numbered_marker() then checks as a search for that label would. */
      if (s[j] == '[')
        j++;
      if (match_at (t, n, j, "FN"))
        j += 2;
      while (j + digits < n && is_digit (s[j + digits]) && digits < 4)
        digits++;
      if (digits == 0 || digits > 3)
        continue;
      memcpy (number, s + j, digits);
      number[digits] = '\0';
      if (g_hash_table_contains (index->places, number) &&
          match_numbered_marker (t, n, i, before, number, &end))
        add_place (index, number, i);
    }
}

static void
marker_index_clear (MarkerIndex *index)
{
  g_clear_pointer (&index->places, g_hash_table_unref);
}

/* A footnote reference in the body, glued to the text before it, at or after byte
 * @from and before byte @limit. @offset and @length come back in bytes. */
static gboolean
find_marker (MarkerIndex *index,
             const Text  *t,
             const char  *label,
             gsize        from,
             gsize        limit,
             gsize       *offset,
             gsize       *length)
{
  GArray *places = g_hash_table_lookup (index->places, label);
  gsize lo = 0, hi, at, end;

  g_assert (places != NULL);
  /* The first place at or after @from. */
  hi = places->len;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (g_array_index (places, gsize, mid) < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == places->len || (at = g_array_index (places, gsize, lo)) >= MIN (limit, t->n))
    return FALSE;

  *offset = at;
  if (is_label_symbol (label))
    *length = strlen (label);
  else
    {
      gboolean matched = match_numbered_marker (t, t->n, at, char_at (t, prev_char (t, at)), label, &end);

      g_assert (matched);
      *length = end - at;
    }
  return TRUE;
}

static gsize
paragraph_end (const Text *t,
               gsize       at)
{
  const char *s = t->s;
  gsize n = t->n;

  for (gsize i = at; i + 1 < n; i++)
    {
      const char *line_end = memchr (s + i, '\n', n - 1 - i);

      if (line_end == NULL)
        break;
      i = line_end - s;
      if (s[i + 1] == '\n')
        return i;
    }
  return n > 0 && s[n - 1] == '\n' ? n - 1 : n;
}

/* The first body symbol marker ("*", "†", "‡") at or after @from. */
static char *
find_symbol_marker (MarkerIndex *index,
                    const Text  *t,
                    gsize        from,
                    gsize        limit,
                    gsize       *offset,
                    gsize       *length)
{
  const char *best = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (symbols); k++)
    {
      gsize off, len;

      if (find_marker (index, t, symbols[k], from, limit, &off, &len) && (best == NULL || off < *offset))
        {
          best = symbols[k];
          *offset = off;
          *length = len;
        }
    }
  return g_strdup (best);
}

/* Where the footnote block starts, in bytes: after the first run of three or more line
 * breaks whose next paragraph starts with a label that a marker in the body matches. */
static gsize
find_footnote_block (CbOpinion   *self,
                     MarkerIndex *index,
                     const Text  *t)
{
  const char *s = t->s;
  gsize n = t->n;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  for (gsize i = 0; i + 2 < n; i++)
    {
      const char *line_end = memchr (s + i, '\n', n - i);
      gsize j;

      if (line_end == NULL || (gsize) (line_end - s) + 2 >= n)
        break;
      i = j = line_end - s;
      while (j < n && s[j] == '\n')
        j++;
      if (j - i >= 3 && j < n)
        {
          gsize run[2] = { i, j };

          g_array_append_val (runs, run);
        }
      i = j;
    }

  if (runs->len == 0)
    return n;
  marker_index_init (index, self, t);
  for (guint r = 0; r < runs->len; r++)
    {
      gsize *run = &g_array_index (runs, gsize, r * 2);
      gsize label_length, off, len;
      g_autofree char *label = parse_label (t, run[1], &label_length);

      if (label != NULL && find_marker (index, t, label, 0, run[0], &off, &len))
        return run[1];
    }

  {
    gsize *run = &g_array_index (runs, gsize, (runs->len - 1) * 2);
    gsize off, len;
    g_autofree char *symbol = find_symbol_marker (index, t, 0, run[0], &off, &len);

    if (symbol != NULL)
      return run[1];
  }

  return n;
}

static void
add_footnote (CbOpinion  *self,
              GArray     *notes,
              const Text *t,
              char       *label,
              gsize       marker,
              gsize       marker_end,
              gsize       body_start,
              gsize       body_end)
{
  CbFootnote note = { label, offset_of (t, marker), 0, offset_of (t, body_start), offset_of (t, body_end) };

  note.marker_length = offset_of (t, marker_end) - note.marker_offset;
  hide (self, t, marker, marker_end);
  g_array_append_val (notes, note);
}

/* Returns the footnote block's start in bytes. */
static gsize
find_footnotes (CbOpinion  *self,
                GArray     *notes,
                const Text *t)
{
  const char *s = t->s;
  gsize n = t->n;
  MarkerIndex index = { NULL };
  gsize block = find_footnote_block (self, &index, t);
  gsize next_marker = 0;
  gsize p = block;

  self->footnote_block = offset_of (t, block);

  while (p < n)
    {
      gsize end = paragraph_end (t, p);
      gsize label_length = 0, off = 0, len = 0;
      g_autofree char *label = parse_label (t, p, &label_length);
      CbFootnote *current = notes->len > 0 ? &g_array_index (notes, CbFootnote, notes->len - 1) : NULL;

      if (label != NULL && find_marker (&index, t, label, next_marker, block, &off, &len))
        {
          add_footnote (self, notes, t, g_steal_pointer (&label), off, off + len, p + label_length, end);
          hide (self, t, p, p + label_length);
          next_marker = off + len;
        }
      else if (current == NULL)
        {
          g_autofree char *symbol = find_symbol_marker (&index, t, next_marker, block, &off, &len);

          if (symbol != NULL)
            {
              add_footnote (self, notes, t, g_steal_pointer (&symbol), off, off + len, p, end);
              next_marker = off + len;
            }
        }
      else
        {
          current->body_end = offset_of (t, end);
        }

      p = end;
      while (p < n && s[p] == '\n')
        p++;
    }
  marker_index_clear (&index);
  return block;
}

static void
find_headnotes (CbOpinion  *self,
                const Text *t,
                gsize       block)
{
  const char *s = t->s;
  gsize n = t->n;

  for (gsize i = 0; i < block; i++)
    {
      gsize p = i;

      if (i > 0 && s[i - 1] != '\n')
        {
          /* On to the start of the next line. */
          const char *line_end = memchr (s + i, '\n', block - i);

          i = line_end != NULL ? (gsize) (line_end - s) : block;
          continue;
        }

      while (p < block && s[p] == '[')
        {
          gsize j = p + 1;
          guint number = 0;

          while (j < n && is_digit (s[j]) && j - p <= 3)
            number = number * 10 + (s[j++] - '0');
          if (j == p + 1 || j >= n || s[j] != ']' ||
              (j + 1 < n && !g_unichar_isspace (char_at (t, j + 1))))
            break;

          {
            /* ASCII: as many characters as bytes. */
            CbHeadnote headnote = { number, offset_of (t, p), j + 1 - p };

            g_array_append_val (self->headnotes, headnote);
            hide_chars (self, headnote.offset, headnote.length);
          }
          p = j + 1;
          while (p < n && s[p] == ' ')
            p++;
        }
    }
}

/* Past the spaces at byte @p, no-break spaces too ("¶&nbsp;12"). */
static gsize
skip_blanks (const char *s,
             gsize       p,
             gsize       limit)
{
  for (;;)
    {
      if (p < limit && s[p] == ' ')
        p++;
      else if (p + 1 < limit && (guchar) s[p] == 0xc2 && (guchar) s[p + 1] == 0xa0)
        p += 2;
      else
        return p;
    }
}

/* A paragraph number as printed at the start of a line, at byte @i: Ohio's "{¶ 12}",
 * "¶ 12" and "¶12" (Illinois, Wisconsin, Utah), North Dakota's "[¶ 12]", New Mexico's
 * "{12}". Star-page and headnote markers before it ("*346 ", "[1] ") are passed over.
 * Gives the number, the marker's start and end in bytes and whether it is braced,
 * which a line of prose never starts with. */
static gboolean
match_paragraph_number (const Text *t,
                        gsize       i,
                        gsize       limit,
                        guint      *number,
                        gsize      *start,
                        gsize      *end,
                        gboolean   *braced)
{
  const char *s = t->s;
  gsize p = i, digits;
  char close = 0;
  gboolean pilcrow = FALSE;

  /* The markers before the number: "*346 ", "**670 ", "[1] ". */
  for (;;)
    {
      gsize q = p;

      while (q < limit && (s[q] == ' ' || s[q] == '\t'))
        q++;
      p = q;
      if (q < limit && s[q] == '*')
        {
          while (q < limit && s[q] == '*')
            q++;
          if (q >= limit || !is_digit (s[q]))
            break;
          while (q < limit && is_digit (s[q]))
            q++;
        }
      else if (q + 1 < limit && s[q] == '[' && is_digit (s[q + 1]))
        {
          for (q++; q < limit && is_digit (s[q]); q++)
            ;
          if (q >= limit || s[q] != ']')
            break;
          q++;
        }
      else
        break;
      if (q >= limit || s[q] != ' ')
        break;
      p = q;
    }

  *start = p;
  if (p < limit && (s[p] == '{' || s[p] == '['))
    {
      close = s[p] == '{' ? '}' : ']';
      p++;
      p = skip_blanks (s, p, limit);
    }
  if (p + 1 < limit && (guchar) s[p] == 0xc2 && (guchar) s[p + 1] == 0xb6)
    {
      pilcrow = TRUE;
      p += 2;
      p = skip_blanks (s, p, limit);
    }
  /* "[12]" is a headnote; "{12}" is New Mexico's paragraph. */
  if (!pilcrow && close != '}')
    return FALSE;

  *number = 0;
  for (digits = 0; p < limit && is_digit (s[p]) && digits < 5; digits++)
    *number = *number * 10 + (guint) (s[p++] - '0');
  if (digits == 0 || *number == 0 || (p < limit && is_digit (s[p])))
    return FALSE;
  if (close != 0)
    {
      p = skip_blanks (s, p, limit);
      if (p >= limit || s[p] != close)
        return FALSE;
      p++;
    }
  if (p < t->n && !g_unichar_isspace (char_at (t, p)))
    return FALSE;
  *end = p;
  *braced = close != 0;
  return TRUE;
}

/*
 * find_paragraphs:
 * @self: the opinion being analyzed, its footnotes known
 * @t: its text
 * @limit: byte where the opinion ends (the footnote block)
 *
 * The numbered paragraphs of an opinion that numbers them: the numbers at the start
 * of lines, outside footnotes. A braced number ("{¶ 12}") counts when it goes up or
 * starts again at 1 (a separate opinion may number its own); a bare one ("¶ 12"),
 * which a line broken inside a citation could start with, only when it is the next
 * number, a 1, or the first of two in a row. One number alone numbers nothing.
 */
static void
find_paragraphs (CbOpinion  *self,
                 const Text *t,
                 gsize       limit)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CbParagraph));
  g_autoptr(GArray) braced = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gsize n_notes, next_note = 0;
  const CbFootnote *notes = cb_page_map_get_footnotes (self->page_map, &n_notes);
  guint previous = 0;

  for (gsize i = 0; i < limit; i++)
    {
      CbParagraph paragraph;
      gsize start, end;
      gboolean is_braced;

      if (i > 0 && t->s[i - 1] != '\n')
        {
          const char *line_end = memchr (t->s + i, '\n', limit - i);

          if (line_end == NULL)
            break;
          i = (gsize) (line_end - t->s);
          continue;
        }
      if (!match_paragraph_number (t, i, limit, &paragraph.number, &start, &end, &is_braced))
        continue;
      paragraph.offset = offset_of (t, start);
      paragraph.length = offset_of (t, end) - paragraph.offset;
      /* A PDF's footnotes are among its pages' text, in text order, as the lines are. */
      while (next_note < n_notes && notes[next_note].body_end <= paragraph.offset)
        next_note++;
      if (next_note < n_notes && notes[next_note].body_start <= paragraph.offset)
        continue;
      g_array_append_val (found, paragraph);
      g_array_append_val (braced, is_braced);
    }

  for (guint i = 0; i < found->len; i++)
    {
      const CbParagraph *paragraph = &g_array_index (found, CbParagraph, i);
      guint number = paragraph->number;
      gboolean ok;

      if (g_array_index (braced, gboolean, i))
        ok = number > previous || number == 1;
      else
        ok = number == previous + 1 || number == 1 ||
             (previous == 0 && i + 1 < found->len && g_array_index (found, CbParagraph, i + 1).number == number + 1);
      if (!ok)
        continue;
      g_array_append_val (self->paragraphs, *paragraph);
      previous = number;
    }
  if (self->paragraphs->len < 2)
    g_array_set_size (self->paragraphs, 0);
}

/* "POWELL" → "Powell", "O'CONNOR" → "O'Connor", "CONNOLLY and GERRARD" → "Connolly and
 * Gerrard". */
static char *
title_case (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_str_has_prefix (p, " and "))
        {
          g_string_append (out, " and ");
          p += strlen (" and") - 1;
          upper = TRUE;
          continue;
        }
      g_string_append_unichar (out, upper ? g_unichar_toupper (c) : g_unichar_tolower (c));
      upper = c == '\'' || c == 0x2019 || c == '-' || c == ' ';
    }
  return g_string_free (out, FALSE);
}

static gpointer
compile_separate_opinion_regex (gpointer data)
{
  /* "Justice Stevens", "POWELL, J.", "Heavican, C.J." and "Connolly and Gerrard, JJ." */
  GRegex *regex = g_regex_new ("^(?:(Chief\\s+)?Justice\\s+([A-Z][A-Za-z'’-]+)"
                               "|([A-Z][A-Za-z'’-]+(?:\\s+and\\s+[A-Z][A-Za-z'’-]+)?),\\s+(C\\.\\s*)?JJ?\\.)"
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

/* The next "dissenting" or "concurring" at or after @p and before @end, or %NULL.
 * Both words are ten letters long and end in "g", so one memchr() pass over the "g"s
 * finds either, where strstr() would go over the text once for each word. */
static const char *
next_role_word (const char *p,
                const char *end)
{
  const gsize length = strlen ("dissenting");
  const char *g = p + length - 1;

  while (g < end && (g = memchr (g, 'g', end - g)) != NULL)
    {
      const char *word = g - (length - 1);

      if (memcmp (word, "dissenting", length) == 0 || memcmp (word, "concurring", length) == 0)
        return word;
      g++;
    }
  return NULL;
}

/*
 * Lines that open a separate opinion ("Justice Stevens, dissenting."). Every such
 * line names its role, so the regex is only tried at the start of the line holding
 * a role word and of the line before it (the role may follow on the next line), on
 * that stretch of text alone: running it over the whole text makes PCRE check the
 * rest of the text's UTF-8 again at every match.
 */
static void
find_separate_opinions (CbOpinion *self,
                        GArray    *parts)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_separate_opinion_regex, NULL);
  const char *text = self->text;
  const char *last = text;
  const char *searched = text;
  const char *end = text + strlen (text);
  gsize last_offset = 0;

  for (const char *word = next_role_word (text, end); word != NULL; word = next_role_word (word + 1, end))
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
            g_autofree char *whole = g_match_info_fetch (match, 0);
            const char *title = strstr (whole, "JJ.") != NULL ? "JJ." : is_chief ? "C.J." : "J.";
            int end_pos;
            gsize offset;
            CbPart part = { 0, };

            g_match_info_fetch_pos (match, 0, NULL, &end_pos);
            offset = last_offset + g_utf8_pointer_to_offset (last, from);
            last = from;
            last_offset = offset;
            searched = from + MAX (end_pos, 1);

            if (offset >= self->footnote_block)
              return;

            if (parts->len > 0)
              g_array_index (parts, CbPart, parts->len - 1).end = offset;

            part.start = offset;
            part.end = self->footnote_block;
            part.kind = CB_PART_SEPARATE;
            part.parenthetical = g_strdup_printf ("(%s, %s, %s)", name, title, role);
            g_array_append_val (parts, part);
          }
        }
      /* Other role words on this line give the same candidates. */
      word = MAX (word, line_end - 1);
    }
}

/*
 * fill_page_map:
 * @self: the opinion being analyzed
 * @notes: its footnotes
 * @parts: its separate opinions
 *
 * The page map of star paging. A reporter has pages when a marker of it stands
 * before the footnote block; text before its first marker is on that marker's page
 * minus one, or page 1 before a "*1". In the footnote block, each footnote's text is on the page of its
 * reference, moved on by markers inside the footnote itself; text before the first
 * footnote belongs to it, and text after a footnote's end to that footnote.
 */
static CbPageMap *
fill_page_map (CbOpinion *self,
               GArray    *notes,
               GArray    *parts)
{
  CbPageMap *map = cb_page_map_new (CB_PAGE_NUMBERING_REPORTER);
  guint n_reporters = 0;

  for (guint i = 0; i < self->marks->len; i++)
    n_reporters = MAX (n_reporters, g_array_index (self->marks, CbPageMark, i).reporter + 1);

  for (guint r = 0; r < MAX_REPORTERS; r++)
    {
      g_autoptr(GArray) body = g_array_new (FALSE, FALSE, sizeof (CbPageMark));

      for (guint i = 0; i < self->marks->len; i++)
        {
          const CbPageMark *mark = &g_array_index (self->marks, CbPageMark, i);

          if (mark->reporter == r && mark->offset < self->footnote_block)
            g_array_append_val (body, *mark);
        }
      if (body->len == 0)
        continue;

      /* No page is numbered 0: what comes before a "*1" (the caption of a Westlaw
       * document) is printed on its first page. */
      cb_page_map_add_page (map, r, 0, MAX (g_array_index (body, CbPageMark, 0).page, 2) - 1);
      for (guint i = 0; i < body->len; i++)
        cb_page_map_add_page (map, r, g_array_index (body, CbPageMark, i).offset, g_array_index (body, CbPageMark, i).page);

      for (guint n = 0; n < notes->len; n++)
        {
          const CbFootnote *note = &g_array_index (notes, CbFootnote, n);
          gsize from = n == 0 ? self->footnote_block : MAX (note->body_start, self->footnote_block);

          cb_page_map_add_page (map, r, from, cb_page_map_page_at (map, r, note->marker_offset));
          for (guint i = 0; i < self->marks->len; i++)
            {
              const CbPageMark *mark = &g_array_index (self->marks, CbPageMark, i);

              if (mark->reporter == r && mark->offset >= note->body_start && mark->offset < note->body_end &&
                  mark->offset >= from)
                cb_page_map_add_page (map, r, mark->offset, mark->page);
            }
        }
    }
  cb_page_map_set_n_reporters (map, n_reporters);

  for (guint i = 0; i < notes->len; i++)
    {
      const CbFootnote *note = &g_array_index (notes, CbFootnote, i);

      cb_page_map_add_footnote (map, note->label, note->marker_offset, note->marker_length,
                                note->body_start, note->body_end);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      const CbPart *part = &g_array_index (parts, CbPart, i);

      cb_page_map_add_part (map, part->start, part->end, part->kind, part->parenthetical, part->title);
    }
  return map;
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
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (CbFootnote));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (CbPart));
  Text t;
  gsize block;

  g_array_set_clear_func (notes, (GDestroyNotify) cb_footnote_clear);
  g_array_set_clear_func (parts, (GDestroyNotify) cb_part_clear);
  text_init (&t, self->text);
  self->length = offset_of (&t, t.n);
  self->hidden_ranges = g_array_new (FALSE, FALSE, sizeof (CbRange));
  self->marks = g_array_new (FALSE, FALSE, sizeof (CbPageMark));
  self->headnotes = g_array_new (FALSE, FALSE, sizeof (CbHeadnote));
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (CbParagraph));

  /* The star pins of database citations are no page markers: the citations are found
   * by the first star marker, or when first asked for. A text of nothing but "Id. "
   * holds a citation every four bytes, each an object of a few hundred bytes. */
  self->n_bytes = t.n;
  find_page_marks (self, &t);
  block = find_footnotes (self, notes, &t);
  find_headnotes (self, &t, block);
  find_separate_opinions (self, parts);
  self->page_map = fill_page_map (self, notes, parts);
  self->notes_at_end = TRUE;
  find_paragraphs (self, &t, block);
  cb_opinion_read_caption (self);
  /* Kept: quoting turns character offsets back into bytes with it. */
  self->char_blocks = t.blocks;
}

/**
 * cb_opinion_analyze_printed:
 * @self: an opinion whose text is set
 * @map: (transfer full): the pages, footnotes and parts of its print
 *
 * Derives what the print does not give from the normalized text: headnotes,
 * separate opinions when the print names no parts, caption metadata and
 * citations. The footnotes' marks and labels are hidden as star markers are.
 * @map must have passed cb_page_map_check() against the text.
 */
void
cb_opinion_analyze_printed (CbOpinion *self,
                            CbPageMap *map)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (CbPart));
  const CbFootnote *notes;
  gsize n_notes, n_parts;
  Text t;

  g_array_set_clear_func (parts, (GDestroyNotify) cb_part_clear);
  text_init (&t, self->text);
  self->length = offset_of (&t, t.n);
  self->char_blocks = t.blocks;
  self->n_bytes = t.n;
  self->hidden_ranges = g_array_new (FALSE, FALSE, sizeof (CbRange));
  self->marks = g_array_new (FALSE, FALSE, sizeof (CbPageMark));
  self->headnotes = g_array_new (FALSE, FALSE, sizeof (CbHeadnote));
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (CbParagraph));
  self->page_map = map;
  self->footnote_block = self->length;

  notes = cb_page_map_get_footnotes (map, &n_notes);
  for (gsize i = 0; i < n_notes; i++)
    {
      const char *body = cb_opinion_char_at (self, notes[i].body_start);
      const char *line = body;
      gsize label_start;

      /* The label and the space after it, from the start of the footnote's line. */
      while (line > self->text && line[-1] != '\n')
        line--;
      label_start = notes[i].body_start - (gsize) g_utf8_strlen (line, body - line);
      hide_chars (self, label_start, notes[i].body_start - label_start);
      if (notes[i].marker_offset < label_start || notes[i].marker_offset >= notes[i].body_start)
        hide_chars (self, notes[i].marker_offset, notes[i].marker_length);
      self->footnote_block = MIN (self->footnote_block, label_start);
    }

  find_headnotes (self, &t, t.n);
  cb_page_map_get_parts (map, &n_parts);
  if (n_parts == 0)
    {
      find_separate_opinions (self, parts);
      for (guint i = 0; i < parts->len; i++)
        {
          const CbPart *part = &g_array_index (parts, CbPart, i);

          cb_page_map_add_part (map, part->start, part->end, part->kind, part->parenthetical, part->title);
        }
    }
  find_paragraphs (self, &t, t.n);
  cb_opinion_read_caption (self);
}
