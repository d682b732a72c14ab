/* The reading of a PDF's pages once poppler has given their text layer: running
 * heads, page numbers, watermarks and footnotes told from the opinion's own text,
 * paragraphs rebuilt from line geometry, and the page map taken from the print.
 * No poppler here, so that it can be tested and fuzzed on made-up pages. */

#define G_LOG_DOMAIN "cb-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cb-pdf-layout-private.h"

static const char * const keep_hyphen_prefixes[] = {
  "well", "self", "ill", "all", "cross", "half", "quasi", "ex", "so", "long", "short", "high", "low",
  "first", "second", "third", "one", "two", "three", "four", "five", "non", "pre", "post", "anti",
};

static void
chunk_free (Chunk *chunk)
{
  g_string_free (chunk->text, TRUE);
  g_array_unref (chunk->breaks);
  g_free (chunk->label);
  g_free (chunk);
}

static Chunk *
chunk_new (guint page)
{
  Chunk *chunk = g_new0 (Chunk, 1);
  Break first = { 0, page };

  chunk->text = g_string_new (NULL);
  chunk->breaks = g_array_new (FALSE, FALSE, sizeof (Break));
  g_array_append_val (chunk->breaks, first);
  return chunk;
}

static void
chunk_append (Chunk      *chunk,
              const char *text,
              gssize      len)
{
  if (len < 0)
    len = strlen (text);
  g_string_append_len (chunk->text, text, len);
  chunk->length += g_utf8_strlen (text, len);
}

static void
chunk_append_unichar (Chunk   *chunk,
                      gunichar c)
{
  if (c < 0x80)
    g_string_append_c (chunk->text, (char) c);
  else
    g_string_append_unichar (chunk->text, c);
  chunk->length++;
}

/* Notes that the chunk's text goes on on PDF page @page from here. */
static void
chunk_break (Chunk *chunk,
             guint  page)
{
  Break *last = &g_array_index (chunk->breaks, Break, chunk->breaks->len - 1);
  Break next = { chunk->length, page };

  if (last->page == page)
    return;
  if (last->offset == chunk->length)
    last->page = page;
  else
    g_array_append_val (chunk->breaks, next);
}

static void
clear_marker (gpointer data)
{
  g_free (((Marker *) data)->label);
}

static void
part_free (Part *part)
{
  g_free (part->title);
  g_free (part->parenthetical);
  g_ptr_array_unref (part->paragraphs);
  g_ptr_array_unref (part->notes);
  g_array_unref (part->markers);
  g_free (part);
}

static Part *
part_new (const char *title)
{
  Part *part = g_new0 (Part, 1);

  part->title = g_strdup (title);
  part->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  part->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  part->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  g_array_set_clear_func (part->markers, clear_marker);
  return part;
}

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->key);
}

/* ---- Lines ---------------------------------------------------------------- */

static float
main_size (const CbPdfGlyph *glyphs,
           guint             n)
{
  /* The size of most characters; a few sizes at most, so a short list does. */
  float sizes[8];
  guint counts[8], n_sizes = 0, best = 0;

  for (guint i = 0; i < n; i++)
    {
      guint k;

      if (is_space (glyphs[i].c))
        continue;
      for (k = 0; k < n_sizes && fabsf (sizes[k] - glyphs[i].size) > 0.25f; k++)
        ;
      if (k == n_sizes)
        {
          if (n_sizes == G_N_ELEMENTS (sizes))
            continue;
          sizes[n_sizes] = glyphs[i].size;
          counts[n_sizes++] = 0;
        }
      counts[k]++;
    }
  if (n_sizes == 0)
    return 0;
  for (guint k = 1; k < n_sizes; k++)
    if (counts[k] > counts[best] || (counts[k] == counts[best] && sizes[k] > sizes[best]))
      best = k;
  return sizes[best];
}

static char *
line_key (const char *text)
{
  GString *key = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = utf8_char (p);

      if (c < 0x80)
        {
          if (g_ascii_isdigit (c))
            g_string_append_c (key, '#');
          else if (!is_space (c))
            g_string_append_c (key, ascii_lower (c));
        }
      else if (g_unichar_isdigit (c))
        g_string_append_c (key, '#');
      else if (!is_space (c))
        g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (key, FALSE);
}

static gboolean
valid_glyph (const CbPdfGlyph *g)
{
  return isfinite (g->x1) && isfinite (g->x2) && isfinite (g->y1) && isfinite (g->y2) && isfinite (g->size) &&
         g->size > 0 && g->size < 1000 && g->c != 0 && (g->c < 0xd800 || g_unichar_validate (g->c));
}

static void
add_line (Page             *page,
          const CbPdfGlyph *glyphs,
          guint             n)
{
  Line line = { glyphs, n, G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT, 0, -G_MAXFLOAT, 0, NULL, NULL, LINE_BODY };
  GString *text;
  gboolean space = FALSE;

  line.size = main_size (glyphs, n);
  if (line.size <= 0)
    return;
  text = g_string_sized_new (n + 8);
  for (guint i = 0; i < n; i++)
    {
      const CbPdfGlyph *g = &glyphs[i];

      if (is_space (g->c))
        {
          space = text->len > 0;
          continue;
        }
      line.x1 = MIN (line.x1, g->x1);
      line.x2 = MAX (line.x2, g->x2);
      line.y1 = MIN (line.y1, g->y1);
      line.y2 = MAX (line.y2, g->y2);
      if (fabsf (g->size - line.size) <= 0.25f)
        {
          line.bottom = MAX (line.bottom, g->y2);
          line.n_sized++;
        }
      if (space)
        g_string_append_c (text, ' ');
      space = FALSE;
      if (g->c < 0x80)
        g_string_append_c (text, (char) g->c);
      else
        g_string_append_unichar (text, g->c);
    }
  line.text = g_string_free (text, FALSE);
  line.key = line_key (line.text);
  g_array_append_val (page->lines, line);
}

/* Whether the text layer cut one printed line in two: the next piece goes on at the
 * same baseline in the same type, a few spaces on, as in a widely justified line. */
static gboolean
same_line (const Line *a,
           const Line *b)
{
  /* A page number beside a running head is no piece of it. */
  if (g_ascii_isdigit (a->text[0]) && strspn (a->text, "0123456789") == strlen (a->text))
    return FALSE;
  return fabsf (a->size - b->size) < 0.5f && fabsf (a->bottom - b->bottom) < 0.25f * a->size &&
         b->x1 >= a->x2 - 1.0f && b->x1 - a->x2 < 2.5f * a->size;
}

static void
read_lines (Page            *page,
            const CbPdfPage *pdf)
{
  const CbPdfGlyph *source = pdf->glyphs != NULL ? (const CbPdfGlyph *) pdf->glyphs->data : NULL;
  guint n = pdf->glyphs != NULL ? pdf->glyphs->len : 0;
  const CbPdfGlyph *glyphs;
  guint start = 0;

  /* A glyph the text layer cannot place ends a line. */
  page->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (CbPdfGlyph), n);
  if (n > 0)
    g_array_append_vals (page->glyphs, source, n);
  for (guint i = 0; i < n; i++)
    {
      CbPdfGlyph *glyph = &g_array_index (page->glyphs, CbPdfGlyph, i);

      if (!valid_glyph (glyph))
        *glyph = (CbPdfGlyph) { '\n', 0, 0, 0, 0, 1 };
    }
  glyphs = (const CbPdfGlyph *) page->glyphs->data;

  page->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_array_set_clear_func (page->lines, clear_line);
  for (guint i = 0; i <= n; i++)
    {
      guint before;

      if (i < n && glyphs[i].c != '\n')
        continue;
      before = page->lines->len;
      if (i > start)
        add_line (page, glyphs + start, i - start);
      if (before > 0 && page->lines->len == before + 1 &&
          same_line (&g_array_index (page->lines, Line, before - 1), &g_array_index (page->lines, Line, before)))
        {
          const CbPdfGlyph *first = g_array_index (page->lines, Line, before - 1).glyphs;

          g_array_set_size (page->lines, before - 1);
          add_line (page, first, glyphs + i - first);
        }
      start = i + 1;
    }
}

/* ---- Text ----------------------------------------------------------------- */

static void
add_words (Reader     *reader,
           const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *start;
      g_autofree char *word = NULL;
      gboolean hyphen = FALSE;

      while (*p && !is_alpha (utf8_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (is_alpha (utf8_char (p)) || (*p == '-' && p > start && is_alpha (utf8_char (p + 1)))))
        {
          hyphen |= *p == '-';
          p = g_utf8_next_char (p);
        }
      if (p == start)
        continue;
      /* A word at the end of a line may be cut there. */
      if (*p == '-' && p[1] == '\0')
        break;
      {
        GHashTable *set = hyphen ? reader->hyphenated : reader->words;
        char lower[64];
        gsize length = p - start, i;

        /* Most words are short and ASCII: looked up without an allocation. */
        for (i = 0; i < length && i < sizeof lower - 1 && (guchar) start[i] < 0x80; i++)
          lower[i] = ascii_lower (start[i]);
        if (i == length && i < sizeof lower)
          {
            lower[i] = '\0';
            if (!g_hash_table_contains (set, lower))
              g_hash_table_add (set, g_strdup (lower));
            continue;
          }
        word = g_utf8_strdown (start, length);
        g_hash_table_add (set, g_steal_pointer (&word));
      }
    }
}

static gboolean
is_ascii_consonant (char c)
{
  return g_ascii_isalpha (c) && strchr ("aeiouyAEIOUY", c) == NULL;
}

/*
 * Lost ligatures, mended where the fix is certain: a text layer that maps "fi" to
 * "f" leaves "f" before a letter no English word has after it ("fnal", "offcer",
 * "specifc", "confgure") or before "r" or "s" and a consonant ("frst", "affrmed",
 * "fscal"). The word's own spelling decides; nothing is guessed from a dictionary.
 */
static char *
mend_ligatures (const char *word,
                gsize       length)
{
  GString *out = NULL;
  gboolean lower = length > 1 && g_ascii_islower (word[1]);

  if (length < 3 || !lower)
    return NULL;
  /* Most words have no "f" to mend. */
  if (word[0] != 'F' && memchr (word, 'f', length - 1) == NULL)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (word[i]))
      return NULL;

  for (gsize i = 0; i + 1 < length; i++)
    {
      char next = word[i + 1];
      gboolean lost;

      if (word[i] != 'f' && !(i == 0 && word[i] == 'F'))
        continue;
      lost = strchr ("ncdgxv", next) != NULL ||
             ((next == 'r' || next == 's') && i + 2 < length && is_ascii_consonant (word[i + 2]));
      if (!lost)
        continue;
      if (out == NULL)
        out = g_string_new_len (word, i + 1);
      else
        g_string_append_c (out, word[i]);
      g_string_append_c (out, 'i');
      /* The rest is copied below, one letter at a time. */
      for (gsize j = i + 1; j < length; j++)
        {
          if (word[j] == 'f' && j + 1 < length)
            {
              i = j - 1;
              break;
            }
          g_string_append_c (out, word[j]);
          i = j;
        }
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* Appends one word as printed or mended. */
static void
flush_word (Chunk   *chunk,
            GString *word)
{
  g_autofree char *mended = NULL;

  if (word->len == 0)
    return;
  mended = mend_ligatures (word->str, word->len);
  chunk_append (chunk, mended != NULL ? mended : word->str, -1);
  g_string_truncate (word, 0);
}

static void
append_glyph_char (GString  *word,
                   gunichar  c)
{
  if (c < 0x80)
    {
      if (!g_ascii_iscntrl (c))
        g_string_append_c (word, (char) c);
      return;
    }
  switch (c)
    {
    case 0xfb00: g_string_append (word, "ff"); break;
    case 0xfb01: g_string_append (word, "fi"); break;
    case 0xfb02: g_string_append (word, "fl"); break;
    case 0xfb03: g_string_append (word, "ffi"); break;
    case 0xfb04: g_string_append (word, "ffl"); break;
    case 0xfb05: case 0xfb06: g_string_append (word, "st"); break;
    case 0x2010: case 0x2011: g_string_append_c (word, '-'); break;
    case 0xad: break;    /* a soft hyphen inside a line is no character */
    default:
      /* A combining mark printed as a glyph of its own joins the letter before it. */
      if (g_unichar_combining_class (c) != 0 && word->len > 0)
        {
          const char *prev = g_utf8_find_prev_char (word->str, word->str + word->len);
          gunichar composed;

          if (g_unichar_compose (g_utf8_get_char (prev), c, &composed))
            {
              g_string_truncate (word, prev - word->str);
              g_string_append_unichar (word, composed);
              break;
            }
        }
      if (!g_unichar_iscntrl (c))
        g_string_append_unichar (word, c);
    }
}

static gunichar
last_char (Chunk *chunk)
{
  if (chunk->text->len == 0)
    return 0;
  if ((guchar) chunk->text->str[chunk->text->len - 1] < 0x80)
    return (guchar) chunk->text->str[chunk->text->len - 1];
  return g_utf8_get_char (g_utf8_find_prev_char (chunk->text->str, chunk->text->str + chunk->text->len));
}

/* The letters of the word that ends the chunk before its last character. */
static char *
last_word (Chunk *chunk,
           gsize  skip)
{
  const char *end = chunk->text->str + chunk->text->len - skip;
  const char *p = end;

  while (p > chunk->text->str)
    {
      const char *prev = g_utf8_find_prev_char (chunk->text->str, p);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)))
        break;
      p = prev;
    }
  return g_strndup (p, end - p);
}

/* The letters a line starts with. */
static char *
first_word (const Line *line)
{
  GString *word = g_string_new (NULL);

  for (guint i = 0; i < line->n && g_unichar_isalpha (line->glyphs[i].c); i++)
    g_string_append_unichar (word, line->glyphs[i].c);
  return g_string_free (word, FALSE);
}

static gboolean
keeps_hyphen (Reader     *reader,
              const char *before,
              const char *after)
{
  g_autofree char *b = g_utf8_strdown (before, -1);
  g_autofree char *a = g_utf8_strdown (after, -1);
  g_autofree char *joined = g_strconcat (b, a, NULL);
  g_autofree char *hyphenated = g_strconcat (b, "-", a, NULL);

  if (*b == '\0' || *a == '\0')
    return TRUE;
  if (g_hash_table_contains (reader->words, joined))
    return FALSE;
  if (g_hash_table_contains (reader->hyphenated, hyphenated))
    return TRUE;
  if (g_unichar_isupper (g_utf8_get_char (after)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keep_hyphen_prefixes); i++)
    if (strcmp (b, keep_hyphen_prefixes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Joins the chunk's text so far to a line that follows it in the same paragraph. */
static void
join_line (Reader     *reader,
           Chunk      *chunk,
           const Line *line)
{
  gunichar last = last_char (chunk);

  if (chunk->text->len == 0)
    return;
  if (last == 0xad)
    {
      g_string_truncate (chunk->text, g_utf8_find_prev_char (chunk->text->str, chunk->text->str + chunk->text->len) - chunk->text->str);
      chunk->length--;
      return;
    }
  if (last == '-')
    {
      g_autofree char *before = last_word (chunk, 1);
      g_autofree char *after = first_word (line);

      if (*before != '\0' && *after != '\0' && !keeps_hyphen (reader, before, after))
        {
          g_string_truncate (chunk->text, chunk->text->len - 1);
          chunk->length--;
        }
      if (*before != '\0')
        return;
    }
  if (last == 0x2014 || last == 0x2013 || last == '/' || last == '-')
    return;
  chunk_append_unichar (chunk, ' ');
}

/*
 * Appends a line's text: runs of spaces one space, a gap wide enough for a space
 * that the text layer left without one a space, raised digits or symbols after a
 * word a footnote mark (noted in @markers when given), and a space the print sets
 * before "’s" taken out.
 */
static void
append_line (Reader     *reader,
             Chunk      *chunk,
             guint       chunk_index,
             const Line *line,
             guint       from,
             GArray     *markers)
{
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean space = FALSE;
  const CbPdfGlyph *prev = NULL;

  for (guint i = from; i < line->n; i++)
    {
      const CbPdfGlyph *g = &line->glyphs[i];

      if (is_space (g->c))
        {
          space = TRUE;
          continue;
        }
      if (prev != NULL && !space && g->x1 - prev->x2 > 0.22f * line->size && !cb_pdf_is_raised (line, g))
        space = TRUE;

      if (markers != NULL && prev != NULL && !space && cb_pdf_is_label_char (g->c) && cb_pdf_is_raised (line, g))
        {
          Marker marker = { chunk_index, 0, 0, NULL };
          GString *label = g_string_new (NULL);

          flush_word (chunk, word);
          marker.offset = chunk->length;
          while (i < line->n && cb_pdf_is_label_char (line->glyphs[i].c) && cb_pdf_is_raised (line, &line->glyphs[i]))
            {
              g_string_append_unichar (label, line->glyphs[i].c);
              prev = &line->glyphs[i++];
            }
          i--;
          chunk_append (chunk, label->str, label->len);
          marker.length = g_utf8_strlen (label->str, -1);
          marker.label = g_string_free (label, FALSE);
          g_array_append_val (markers, marker);
          continue;
        }

      if (space)
        {
          flush_word (chunk, word);
          /* "plaintiff ’s": the print's thin space before the apostrophe. */
          if (!(g->c == 0x2019 && i + 1 < line->n && line->glyphs[i + 1].c == 's' &&
                g_unichar_isalpha (last_char (chunk))))
            if (chunk->text->len > 0 && last_char (chunk) != ' ')
              chunk_append_unichar (chunk, ' ');
          space = FALSE;
        }
      if (g->c < 0x80 ? is_alpha (g->c) : (g_unichar_isalpha (g->c) || g->c >= 0xfb00 || g_unichar_combining_class (g->c) != 0))
        append_glyph_char (word, g->c);
      else
        {
          flush_word (chunk, word);
          if (g->c < 0x80)
            {
              char one = (char) g->c;

              if (!g_ascii_iscntrl (one))
                chunk_append (chunk, &one, 1);
            }
          else
            {
              g_autoptr(GString) one = g_string_new (NULL);

              append_glyph_char (one, g->c);
              chunk_append (chunk, one->str, one->len);
            }
        }
      prev = g;
    }
  flush_word (chunk, word);
}

/* ---- Paragraphs ------------------------------------------------------------ */

static gboolean
is_indented (const Page *page,
             const Line *line)
{
  float left = cb_pdf_left_margin (page, line->x1);

  return left < 0 || line->x1 - left > 0.5f * line->size;
}

static gboolean
is_short (const Page *page,
          const Line *line)
{
  float left = cb_pdf_left_margin (page, line->x1), right = cb_pdf_right_margin (page, line->x1, line->x2);
  float width = right - MAX (left, 0);

  return right - line->x2 > MAX (0.12f * width, 2 * line->size);
}

static gboolean
is_centered (const Page *page,
             const Line *line)
{
  float left = cb_pdf_left_margin (page, line->x1), right = cb_pdf_right_margin (page, line->x1, line->x2);

  if (left < 0)
    return FALSE;
  return line->x1 - left > line->size && right - line->x2 > line->size &&
         fabsf ((line->x1 - left) - (right - line->x2)) < 2 * line->size;
}

/* Whether @line starts a paragraph after @before, on the same page; @bridged when a
 * watermark between them accounts for the space. */
static gboolean
starts_paragraph (const Page *page,
                  const Line *before,
                  const Line *line,
                  gboolean    bridged)
{
  if (fabsf (before->size - line->size) > 0.5f)
    return TRUE;
  /* The top of the next column goes on with the paragraph the last one ended. */
  if (line->y2 < before->y1 && line->x1 > before->x2 - 1.0f)
    return is_indented (page, line) || is_short (page, before);
  if ((line->y1 - before->y2 > 0.6f * line->size && !bridged) || line->y2 < before->y1)
    return TRUE;
  if (is_centered (page, before) && is_centered (page, line))
    return FALSE;
  if (is_short (page, before))
    return TRUE;
  /* A block set in from the margin goes on at the same place. */
  if (fabsf (line->x1 - before->x1) < 1.0f)
    return FALSE;
  /* Left of every margin: a paragraph's first line hung out, unless it follows a
   * first line set in. */
  if (cb_pdf_left_margin (page, line->x1) < 0)
    return before->x1 <= line->x1 + 0.5f * line->size;
  return is_indented (page, line);
}

static Part *
current_part (Reader     *reader,
              const Page *page,
              gboolean    restarts)
{
  Part *part = reader->parts->len > 0 ? g_ptr_array_index (reader->parts, reader->parts->len - 1) : NULL;

  if (part == NULL || (page->title != NULL && g_strcmp0 (part->title, page->title) != 0) ||
      (restarts && page->title == NULL && part->title != NULL))
    {
      part = part_new (page->title);
      g_ptr_array_add (reader->parts, part);
    }
  return part;
}

static void
read_body (Reader *reader)
{
  guint previous_label = 0;
  const Line *last_body = NULL;
  const Page *last_page = NULL;

  for (guint p = 0; p < reader->n_pages; p++)
    {
      Page *page = &reader->pages[p];
      guint label = page->label != NULL ? (guint) g_ascii_strtoull (page->label, NULL, 10) : 0;
      Part *part = current_part (reader, page, label != 0 && label <= previous_label);
      Chunk *paragraph = part->open && part->paragraphs->len > 0 ?
        g_ptr_array_index (part->paragraphs, part->paragraphs->len - 1) : NULL;
      Chunk *note = part->notes->len > 0 ? g_ptr_array_index (part->notes, part->notes->len - 1) : NULL;
      const Line *before = NULL;
      gboolean bridged = FALSE;

      if (label != 0)
        previous_label = label;

      for (guint i = 0; i < page->lines->len; i++)
        {
          const Line *line = &g_array_index (page->lines, Line, i);

          if (line->kind == LINE_BODY)
            {
              gboolean start = paragraph == NULL;

              if (!start && before != NULL)
                start = starts_paragraph (page, before, line, bridged);
              else if (!start && last_body != NULL)
                /* The first line of a page goes on with the paragraph the last page ended. */
                start = is_indented (page, line) || is_short (last_page, last_body) ||
                        fabsf (last_body->size - line->size) > 0.5f;
              if (start)
                {
                  paragraph = chunk_new (p);
                  g_ptr_array_add (part->paragraphs, paragraph);
                }
              else
                {
                  chunk_break (paragraph, p);
                  join_line (reader, paragraph, line);
                }
              append_line (reader, paragraph, part->paragraphs->len - 1, line, 0, part->markers);
              before = line;
              bridged = FALSE;
            }
          else if (line->kind == LINE_WATERMARK)
            bridged = TRUE;
          else if (line->kind == LINE_NOTE)
            {
              guint label_length = cb_pdf_note_label (line);

              if (label_length > 0 || note == NULL)
                {
                  GString *label = g_string_new (NULL);

                  for (guint k = 0; k < label_length; k++)
                    g_string_append_unichar (label, line->glyphs[k].c);
                  note = chunk_new (p);
                  note->label = g_string_free (label, FALSE);
                  if (*note->label == '\0')
                    g_clear_pointer (&note->label, g_free);
                  g_ptr_array_add (part->notes, note);
                }
              else
                {
                  chunk_break (note, p);
                  join_line (reader, note, line);
                }
              append_line (reader, note, 0, line, label_length, NULL);
            }
        }
      if (before != NULL)
        {
          last_body = before;
          last_page = page;
        }
      part->open = paragraph != NULL && last_body != NULL && !is_short (last_page, last_body);
    }
}

/* ---- Parts and the page map ------------------------------------------------- */

static char *
title_case (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 'v' && (p == name || p[-1] == ' ') && p[1] == '.' && (p[2] == ' ' || p[2] == '\0'))
        g_string_append_c (out, 'v');
      else
        g_string_append_unichar (out, upper ? g_unichar_toupper (c) : g_unichar_tolower (c));
      upper = !g_unichar_isalpha (c) && c != 0x2019 && c != '\'';
      if (c == '\'' || c == 0x2019 || c == '-')
        upper = c == '-' || (p > name && g_unichar_isupper (g_utf8_get_char (g_utf8_prev_char (p))) && p - name <= 2);
    }
  return g_string_free (out, FALSE);
}

static void
classify_part (Part *part)
{
  Regexes *r = cb_pdf_get_regexes ();
  g_autoptr(GMatchInfo) match = NULL;

  part->kind = CB_PART_COURT;
  if (part->title == NULL)
    return;
  if (g_ascii_strcasecmp (part->title, "Syllabus") == 0)
    {
      part->kind = CB_PART_SYLLABUS;
      part->parenthetical = g_strdup ("(syllabus)");
      return;
    }
  if (g_regex_match (r->separate, part->title, 0, &match))
    {
      g_autofree char *statement = g_match_info_fetch (match, 1);
      g_autofree char *name = g_match_info_fetch (match, 2);
      g_autofree char *rank = g_match_info_fetch (match, 3);
      g_autofree char *role = g_match_info_fetch (match, 4);
      g_autofree char *proper = title_case (g_strstrip (name));
      const char *j = rank[0] == 'C' ? "C.J." : "J.";

      part->kind = CB_PART_SEPARATE;
      if (statement != NULL && *statement)
        part->parenthetical = g_strdup_printf ("(statement of %s, %s)", proper, j);
      else if (role != NULL && *role)
        part->parenthetical = g_strdup_printf ("(%s, %s, %s)", proper, j, role);
      else
        part->parenthetical = g_strdup_printf ("(%s, %s)", proper, j);
    }
}

/* No space at a chunk's end, nor a page beginning past it. */
static void
chunk_trim (Chunk *chunk)
{
  while (chunk->text->len > 0 && chunk->text->str[chunk->text->len - 1] == ' ')
    {
      g_string_truncate (chunk->text, chunk->text->len - 1);
      chunk->length--;
    }
  for (guint b = chunk->breaks->len; b-- > 1;)
    if (g_array_index (chunk->breaks, Break, b).offset >= chunk->length)
      g_array_remove_index (chunk->breaks, b);
}

static gsize
append_text (GString    *text,
             gsize      *length,
             const char *chunk,
             gsize       chunk_length)
{
  gsize at = *length;

  g_string_append (text, chunk);
  *length += chunk_length;
  return at;
}

static void
add_breaks (CbPageMap   *map,
            const Page  *pages,
            gboolean     print,
            const Chunk *chunk,
            gsize        at)
{
  for (guint b = 0; b < chunk->breaks->len; b++)
    {
      const Break *brk = &g_array_index (chunk->breaks, Break, b);
      const char *label = pages[brk->page].label;

      cb_page_map_add_pdf_page (map, at + brk->offset, brk->page + 1);
      if (print && label != NULL)
        cb_page_map_add_page (map, 0, at + brk->offset, (guint) g_ascii_strtoull (label, NULL, 10));
    }
}

/* Where a footnote's mark is: the first mark of the part with its label not yet taken. */
static const Marker *
take_marker (Part       *part,
             const char *label,
             gboolean   *taken)
{
  for (guint i = 0; i < part->markers->len; i++)
    {
      const Marker *marker = &g_array_index (part->markers, Marker, i);

      if (!taken[i] && g_strcmp0 (marker->label, label) == 0)
        {
          taken[i] = TRUE;
          return marker;
        }
    }
  return NULL;
}

static gboolean
labels_restart (Reader *reader)
{
  guint previous = 0;

  for (guint p = 0; p < reader->n_pages; p++)
    {
      const char *label = reader->pages[p].label;
      guint n = label != NULL ? (guint) g_ascii_strtoull (label, NULL, 10) : 0;

      if (n != 0 && previous != 0 && n <= previous)
        return TRUE;
      if (n != 0)
        previous = n;
    }
  return FALSE;
}

static void
assemble (Reader      *reader,
          CbPdfLayout *layout)
{
  GString *text = g_string_new (NULL);
  gsize length = 0;
  gboolean print = !reader->star_paging;
  gboolean any_label = FALSE;
  CbPageMap *map;

  for (guint p = 0; p < reader->n_pages; p++)
    any_label |= reader->pages[p].label != NULL;
  map = cb_page_map_new (print && labels_restart (reader) ? CB_PAGE_NUMBERING_SLIP : CB_PAGE_NUMBERING_REPORTER);
  for (guint p = 0; p < reader->n_pages; p++)
    cb_page_map_add_label (map, reader->pages[p].label);

  for (guint k = 0; k < reader->parts->len; k++)
    {
      Part *part = g_ptr_array_index (reader->parts, k);
      g_autofree gsize *starts = g_new0 (gsize, part->paragraphs->len + 1);
      g_autofree gboolean *taken = g_new0 (gboolean, part->markers->len + 1);
      gsize part_start;

      for (guint i = 0; i < part->paragraphs->len; i++)
        chunk_trim (g_ptr_array_index (part->paragraphs, i));
      for (guint i = 0; i < part->notes->len; i++)
        chunk_trim (g_ptr_array_index (part->notes, i));
      if (part->paragraphs->len == 0 && part->notes->len == 0)
        continue;
      classify_part (part);
      if (length > 0)
        append_text (text, &length, "\n\n", 2);
      part_start = length;

      for (guint i = 0; i < part->paragraphs->len; i++)
        {
          Chunk *chunk = g_ptr_array_index (part->paragraphs, i);

          if (chunk->length == 0)
            continue;
          if (length > part_start)
            append_text (text, &length, "\n\n", 2);
          starts[i] = append_text (text, &length, chunk->text->str, chunk->length);
          add_breaks (map, reader->pages, print && any_label, chunk, starts[i]);
        }
      if (print && part->title != NULL)
        cb_page_map_add_part (map, part_start, length, part->kind, part->parenthetical, part->title);

      for (guint i = 0; i < part->notes->len; i++)
        {
          Chunk *chunk = g_ptr_array_index (part->notes, i);
          const char *label = chunk->label != NULL ? chunk->label : "*";
          gsize label_at, body_at;
          const Marker *marker;

          append_text (text, &length, i == 0 && part->paragraphs->len > 0 ? (reader->star_paging ? "\n\n\n" : "\n\n") : "\n\n",
                       i == 0 && part->paragraphs->len > 0 && reader->star_paging ? 3 : 2);
          label_at = append_text (text, &length, label, g_utf8_strlen (label, -1));
          if (chunk->length > 0)
            append_text (text, &length, " ", 1);
          body_at = append_text (text, &length, chunk->text->str, chunk->length);
          add_breaks (map, reader->pages, print && any_label, chunk, body_at);
          if (!print)
            continue;
          marker = take_marker (part, label, taken);
          if (marker != NULL)
            cb_page_map_add_footnote (map, label, starts[marker->chunk] + marker->offset, marker->length,
                                      body_at, length);
          else
            cb_page_map_add_footnote (map, label, label_at, g_utf8_strlen (label, -1), body_at, length);
        }
    }
  if (length > 0)
    g_string_append_c (text, '\n');

  layout->text = g_string_free (text, FALSE);
  layout->page_map = map;
}

/* ---- Caption --------------------------------------------------------------- */

static void
find_metadata (Reader      *reader,
               CbPdfLayout *layout)
{
  Regexes *r = cb_pdf_get_regexes ();

  for (guint p = 0; p < reader->n_pages; p++)
    {
      Page *page = &reader->pages[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          Line *line = &g_array_index (page->lines, Line, i);

          if (line->kind == LINE_HEAD)
            {
              if (layout->citation == NULL)
                layout->citation = cb_pdf_fetch (r->cite_as, line->text, 1);
              if (layout->case_name == NULL && strstr (line->text, " v.") != NULL && cb_pdf_lower_letters (line->text) == 0)
                {
                  g_autofree char *name = g_strdup (line->text);

                  /* A running head's case name may go on to the next line. */
                  if (i + 1 < page->lines->len && g_str_has_suffix (name, "v."))
                    {
                      Line *next = &g_array_index (page->lines, Line, i + 1);

                      if (next->kind == LINE_HEAD && cb_pdf_lower_letters (next->text) == 0)
                        {
                          g_autofree char *joined = g_strdup_printf ("%s %s", name, next->text);

                          g_free (name);
                          name = g_steal_pointer (&joined);
                        }
                    }
                  layout->case_name = title_case (name);
                }
            }
          else if (line->kind == LINE_BODY && p < 3)
            {
              if (layout->docket == NULL)
                layout->docket = cb_pdf_fetch (r->docket, line->text, 1);
              if (layout->date == NULL)
                layout->date = cb_pdf_fetch (r->decided, line->text, 1);
              if (layout->court == NULL && g_ascii_strcasecmp (line->text, "SUPREME COURT OF THE UNITED STATES") == 0)
                layout->court = g_strdup ("Supreme Court of the United States");
            }
        }
    }
}

static gboolean
has_star_paging (Reader *reader)
{
  Regexes *r = cb_pdf_get_regexes ();

  for (guint p = 0; p < reader->n_pages; p++)
    for (guint i = 0; i < reader->pages[p].lines->len; i++)
      {
        Line *line = &g_array_index (reader->pages[p].lines, Line, i);

        /* Most lines have no star: told without the regex. */
        if (line->kind == LINE_BODY && strchr (line->text, '*') != NULL && g_regex_match (r->star, line->text, 0, NULL))
          return TRUE;
      }
  return FALSE;
}

/**
 * cb_pdf_layout_read:
 * @pages: (array length=n_pages): the pages of a PDF as its text layer gives them
 * @n_pages: how many
 *
 * Reads an opinion from the text layer of its PDF: running heads, page numbers,
 * "Cite as:" lines, watermarks and the service's banners are left out of the text
 * and the printed page numbers become the page map; each part a running head names
 * (syllabus, opinion of the Court, each separate opinion) is recorded with its
 * pages; footnotes at the foot of a page follow their part's text, a footnote that
 * runs onto the next page as one; paragraphs are rebuilt from the lines' geometry,
 * words hyphenated at a line's end joined, a real hyphen kept. Star paging in the
 * text wins over printed page numbers.
 *
 * Returns: (transfer full): what was read
 */
CbPdfLayout *
cb_pdf_layout_read (const CbPdfPage *pages,
                    guint            n_pages)
{
  CbPdfLayout *layout = g_new0 (CbPdfLayout, 1);
  Reader reader = { pages, n_pages, g_new0 (Page, MAX (n_pages, 1)), NULL, NULL, NULL, FALSE };

  g_return_val_if_fail (pages != NULL || n_pages == 0, NULL);

  reader.words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.hyphenated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);

  for (guint p = 0; p < n_pages; p++)
    read_lines (&reader.pages[p], &pages[p]);
  cb_pdf_find_heads (&reader);
  cb_pdf_infer_labels (&reader);
  cb_pdf_find_notes (&reader);
  for (guint p = 0; p < n_pages; p++)
    for (guint i = 0; i < reader.pages[p].lines->len; i++)
      {
        Line *line = &g_array_index (reader.pages[p].lines, Line, i);

        if (line->kind == LINE_BODY || line->kind == LINE_NOTE)
          add_words (&reader, line->text);
      }
  reader.star_paging = has_star_paging (&reader);
  read_body (&reader);
  assemble (&reader, layout);
  layout->star_paging = reader.star_paging;
  find_metadata (&reader, layout);

  for (guint p = 0; p < n_pages; p++)
    {
      g_clear_pointer (&reader.pages[p].lines, g_array_unref);
      g_clear_pointer (&reader.pages[p].glyphs, g_array_unref);
      g_clear_pointer (&reader.pages[p].lefts, g_array_unref);
      g_clear_pointer (&reader.pages[p].rights, g_array_unref);
      g_free (reader.pages[p].label);
      g_free (reader.pages[p].title);
    }
  g_free (reader.pages);
  g_hash_table_unref (reader.words);
  g_hash_table_unref (reader.hyphenated);
  g_ptr_array_unref (reader.parts);
  return layout;
}

/**
 * cb_pdf_layout_free:
 * @layout: what cb_pdf_layout_read() gave
 *
 * Frees @layout.
 */
void
cb_pdf_layout_free (CbPdfLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->text);
  g_clear_object (&layout->page_map);
  g_free (layout->case_name);
  g_free (layout->citation);
  g_free (layout->court);
  g_free (layout->date);
  g_free (layout->docket);
  g_free (layout);
}
