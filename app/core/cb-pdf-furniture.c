/* PDF pages: what is printed around the opinion's text: running heads, footers,
 * watermarks and page numbers, the margins of each page, and the footnotes under
 * their rule. */
#define G_LOG_DOMAIN "cb-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cb-pdf-layout-private.h"

/* ---- Running heads, footers and watermarks ---------------------------------- */

static gboolean
is_number (const char *text)
{
  gsize n = strlen (text);

  if (n == 0 || n > 5)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return text[0] != '0';
}

static GRegex *
regex (const char *pattern)
{
  GRegex *r = g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);

  g_assert (r != NULL);
  return r;
}

static gpointer
compile_regexes (gpointer data)
{
  Regexes *r = g_new0 (Regexes, 1);

  r->cite_as = regex ("^Cite\\s+as:\\s*(.*?\\(\\d{4}\\))\\s*(.*)$");
  r->term = regex ("^(.*?)\\s*(?:OCTOBER|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|NOVEMBER|DECEMBER)\\s+TERM,\\s+\\d{4}\\s*(.*)$");
  r->slip = regex ("^\\(Slip Opinion\\)\\s*(.*)$");
  r->title = g_regex_new ("^(?=.{1,80}$)(?:Syllabus|Opinion of the Court|Per Curiam|Opinion of [A-Z]{2,}.*|"
                          "Statement of [A-Z]{2,}.*|Appendix to .*|"
                          "[A-Z][A-Z'’. -]+,\\s+(?:C\\.\\s*)?J\\.,\\s+(?:concurring|dissenting).*)$",
                          G_REGEX_OPTIMIZE, 0, NULL);
  r->separate = g_regex_new ("^(Statement of\\s+)?([A-Z][A-Za-z'’. -]+?),\\s+(C\\.\\s*J\\.|J\\.)(?:,\\s+(.+?))?\\.?$",
                             G_REGEX_OPTIMIZE, 0, NULL);
  r->service = regex ("©|\\(c\\)\\s*\\d{4}|Thomson\\s+Reuters|Westlaw|LexisNexis|Lexis\\+|"
                      "No\\s+claim\\s+to\\s+original|Government\\s+Works");
  r->service_page = regex ("^(?:Page\\s+)?(\\d{1,5})(?:\\s+of\\s+\\d+)?$");
  r->watermark = regex ("^(?:Page\\s+Proof\\s+Pending\\s+Publication|Preliminary\\s+Print)$");
  r->docket = g_regex_new ("\\b(Nos?\\.\\s*\\d[\\d–-]*\\d)", G_REGEX_OPTIMIZE, 0, NULL);
  r->decided = g_regex_new ("Decided\\s+((?:January|February|March|April|May|June|July|August|September|"
                            "October|November|December)\\s+\\d{1,2},\\s+\\d{4})", G_REGEX_OPTIMIZE, 0, NULL);
  r->star = g_regex_new ("(?<![\\w*])\\*{1,3}\\d{1,6}\\b", G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (r->title && r->separate && r->docket && r->decided && r->star);
  return r;
}

Regexes *
cb_pdf_get_regexes (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_regexes, NULL);
}

char *
cb_pdf_fetch (GRegex     *r,
              const char *text,
              int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (r, text, 0, &match))
    return NULL;
  return g_strstrip (g_match_info_fetch (match, group));
}

/* What is left of a running head line once "Cite as: …", the term and "(Slip
 * Opinion)" are taken out: often the page number alone. */
static char *
head_rest (const char *text)
{
  Regexes *r = cb_pdf_get_regexes ();
  g_autofree char *rest = g_strdup (text);
  char *next;

  if ((next = cb_pdf_fetch (r->cite_as, rest, 2)) != NULL)
    g_free (g_steal_pointer (&rest)), rest = next;
  if ((next = cb_pdf_fetch (r->slip, rest, 1)) != NULL)
    g_free (g_steal_pointer (&rest)), rest = next;
  {
    g_autoptr(GMatchInfo) match = NULL;

    if (g_regex_match (r->term, rest, 0, &match))
      {
        g_autofree char *before = g_strstrip (g_match_info_fetch (match, 1));
        g_autofree char *after = g_strstrip (g_match_info_fetch (match, 2));

        g_free (rest);
        rest = g_strdup_printf ("%s%s%s", before, *before && *after ? " " : "", after);
      }
  }
  return g_steal_pointer (&rest);
}

static gboolean
is_fixed_head (const char *text)
{
  Regexes *r = cb_pdf_get_regexes ();

  return g_regex_match (r->cite_as, text, 0, NULL) || g_regex_match (r->term, text, 0, NULL) ||
         g_regex_match (r->slip, text, 0, NULL);
}

/* Lower-case letters other than those of "v.": a running head's case name has none. */
guint
cb_pdf_lower_letters (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 'v' && (p == text || p[-1] == ' ') && p[1] == '.')
        continue;
      if (g_unichar_islower (c))
        n++;
    }
  return n;
}

static gboolean
overlaps_row (const Line *a,
              const Line *b)
{
  float top = MAX (a->y1, b->y1), bottom = MIN (a->y2, b->y2);

  return bottom - top > 0.5f * MIN (a->y2 - a->y1, b->y2 - b->y1);
}

/* How many pages print a line with @key in the band: top (0) or bottom (1). */
static GHashTable *
count_keys (Reader *reader,
            int     band)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < reader->n_pages; p++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      Page *page = &reader->pages[p];
      double height = reader->pdf[p].height;

      for (guint i = 0; i < page->lines->len; i++)
        {
          Line *line = &g_array_index (page->lines, Line, i);

          if ((band == 0 && line->y1 > HEAD_BAND * height) || (band != 0 && line->y2 < FOOT_BAND * height) ||
              *line->key == '\0' || g_hash_table_contains (seen, line->key))
            continue;
          g_hash_table_add (seen, line->key);
          g_hash_table_replace (counts, g_strdup (line->key),
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->key)) + 1));
        }
    }
  return counts;
}

static guint
count_of (GHashTable *counts,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
}

static gint
compare_top (gconstpointer a,
             gconstpointer b)
{
  const Line *la = *(const Line **) a, *lb = *(const Line **) b;

  return la->y1 < lb->y1 ? -1 : la->y1 > lb->y1;
}

void
cb_pdf_find_heads (Reader *reader)
{
  Regexes *r = cb_pdf_get_regexes ();
  g_autoptr(GHashTable) tops = count_keys (reader, 0);
  g_autoptr(GHashTable) bottoms = count_keys (reader, 1);

  for (guint p = 0; p < reader->n_pages; p++)
    {
      Page *page = &reader->pages[p];
      double height = reader->pdf[p].height;
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      gboolean caps_head = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        g_ptr_array_add (order, &g_array_index (page->lines, Line, i));
      g_ptr_array_sort (order, compare_top);

      /* Watermarks and the service's banners, wherever they are printed. */
      for (guint i = 0; i < order->len; i++)
        {
          Line *line = g_ptr_array_index (order, i);
          gboolean margin = line->y1 < HEAD_BAND * height || line->y2 > FOOT_BAND * height;

          /* A watermark starts with "P" (no other letter folds to it): most lines
           * are told without the regex. */
          if (((line->text[0] | 0x20) == 'p' && g_regex_match (r->watermark, line->text, 0, NULL)) ||
              (margin && g_regex_match (r->service, line->text, 0, NULL)))
            line->kind = LINE_WATERMARK;
        }

      /* Running heads: from the top, while each line is one. */
      for (guint i = 0; i < order->len; i++)
        {
          Line *line = g_ptr_array_index (order, i);
          gboolean head = FALSE;

          if (line->kind == LINE_WATERMARK)
            continue;
          if (line->y1 > HEAD_BAND * height)
            break;
          for (guint j = 0; j < i && !head; j++)
            {
              Line *above = g_ptr_array_index (order, j);

              head = above->kind == LINE_HEAD && overlaps_row (above, line);
            }
          if (!head)
            {
              g_autofree char *rest = head_rest (line->text);

              head = is_number (rest) || is_fixed_head (line->text) || g_regex_match (r->title, line->text, 0, NULL) ||
                     (reader->n_pages > 1 && count_of (tops, line->key) >= 2) ||
                     (caps_head && cb_pdf_lower_letters (line->text) == 0);
            }
          if (!head)
            break;
          line->kind = LINE_HEAD;
          caps_head = cb_pdf_lower_letters (line->text) == 0 && !is_number (line->text);
        }

      /* Footers: from the bottom, while each line is one. */
      for (guint i = order->len; i-- > 0;)
        {
          Line *line = g_ptr_array_index (order, i);

          if (line->kind == LINE_WATERMARK)
            continue;
          if (line->kind != LINE_BODY || line->y2 < FOOT_BAND * height)
            break;
          if (!(g_regex_match (r->service_page, line->text, 0, NULL) ||
                (reader->n_pages > 1 && count_of (bottoms, line->key) >= 2)))
            break;
          line->kind = LINE_FOOT;
        }

      /* The page number and the part named in the heads, or a footer's number. */
      for (guint i = 0; i < order->len; i++)
        {
          Line *line = g_ptr_array_index (order, i);
          g_autofree char *rest = NULL;

          if (line->kind != LINE_HEAD)
            continue;
          rest = head_rest (line->text);
          if (page->label == NULL && is_number (rest))
            page->label = g_steal_pointer (&rest);
          else if (page->title == NULL && !is_fixed_head (line->text) && cb_pdf_lower_letters (line->text) >= 3 &&
                   g_regex_match (r->title, line->text, 0, NULL))
            page->title = g_strdup (line->text);
        }
      for (guint i = 0; i < order->len && page->label == NULL; i++)
        {
          Line *line = g_ptr_array_index (order, i);

          if (line->kind == LINE_FOOT)
            page->label = cb_pdf_fetch (r->service_page, line->text, 1);
        }
    }
}

/* A page that prints no number between pages that do is the page after the one
 * before it, in the same part. */
void
cb_pdf_infer_labels (Reader *reader)
{
  for (guint p = 1; p < reader->n_pages; p++)
    {
      Page *page = &reader->pages[p], *before = &reader->pages[p - 1];
      guint n;

      if (page->label != NULL || before->label == NULL ||
          (page->title != NULL && g_strcmp0 (page->title, before->title) != 0))
        continue;
      n = (guint) g_ascii_strtoull (before->label, NULL, 10);
      page->label = g_strdup_printf ("%u", n + 1);
      if (page->title == NULL)
        page->title = g_strdup (before->title);
    }
}

/* ---- Margins and footnotes ------------------------------------------------- */

static gint
compare_float (gconstpointer a,
               gconstpointer b)
{
  float fa = *(const float *) a, fb = *(const float *) b;

  return fa < fb ? -1 : fa > fb;
}

/* The values many lines share, within 2 points: the margins of the columns. */
static GArray *
common_edges (GArray *values,
              guint   min_count)
{
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (float));

  g_array_sort (values, compare_float);
  for (guint i = 0; i < values->len;)
    {
      guint j = i;
      float first = g_array_index (values, float, i);

      while (j < values->len && g_array_index (values, float, j) - first <= 2.0f)
        j++;
      if (j - i >= min_count)
        {
          float edge = g_array_index (values, float, i + (j - i) / 2);

          g_array_append_val (edges, edge);
        }
      i = j;
    }
  return edges;
}

/* A line's size and how many of its characters have it. */
typedef struct
{
  float size;
  guint count;
} SizeCount;

static gint
compare_size (gconstpointer a,
              gconstpointer b)
{
  return compare_float (&((const SizeCount *) a)->size, &((const SizeCount *) b)->size);
}

static void
find_margins (Page *page)
{
  g_autoptr(GArray) lefts = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) rights = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (SizeCount));
  guint n = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);

      if (line->kind != LINE_BODY)
        continue;
      g_array_append_val (lefts, line->x1);
      g_array_append_val (rights, line->x2);
      if (line->n_sized > 0)
        {
          SizeCount size = { line->size, line->n_sized };

          g_array_append_val (sizes, size);
        }
      n++;
    }
  page->lefts = common_edges (lefts, MAX (2, n / 6));
  page->rights = common_edges (rights, MAX (2, n / 6));

  /* The body's size: the size of most characters, taken from the first of the sizes
   * within a quarter point above it that most characters have. */
  page->body_size = 0;
  if (sizes->len > 0)
    {
      guint best = 0, run = 0;

      g_array_sort (sizes, compare_size);
      for (guint i = 0; i < sizes->len;)
        {
          const SizeCount *first = &g_array_index (sizes, SizeCount, i);
          guint j = i, count = 0;

          for (; j < sizes->len && g_array_index (sizes, SizeCount, j).size - first->size <= 0.25f; j++)
            count += g_array_index (sizes, SizeCount, j).count;
          if (count >= run)
            {
              run = count;
              best = i;
            }
          i = j;
        }
      page->body_size = g_array_index (sizes, SizeCount, best).size;
    }
}

/* The left margin of the column that holds @x, or -1 when @x is left of every margin. */
float
cb_pdf_left_margin (const Page *page,
                    float       x)
{
  float best = -1;

  for (guint i = 0; i < page->lefts->len; i++)
    if (g_array_index (page->lefts, float, i) <= x + 2.0f)
      best = g_array_index (page->lefts, float, i);
  return best;
}

float
cb_pdf_right_margin (const Page *page,
                     float       x1,
                     float       x2)
{
  float left = cb_pdf_left_margin (page, x1);

  for (guint i = 0; i < page->rights->len; i++)
    {
      float right = g_array_index (page->rights, float, i);

      if (right >= x2 - 2.0f && right > left)
        return right;
    }
  return x2;
}

static gboolean
is_rule (const Line *line)
{
  gboolean any = FALSE;

  for (guint i = 0; i < line->n; i++)
    {
      if (is_space (line->glyphs[i].c))
        continue;
      if (!is_dash (line->glyphs[i].c))
        return FALSE;
      any = TRUE;
    }
  return any;
}

gboolean
cb_pdf_is_label_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isdigit (c) || c == '*';
  return g_unichar_isdigit (c) || c == 0x2020 || c == 0x2021 || c == 0xa7;
}

/* Whether glyph @g is set above the line, smaller: a footnote's mark. */
gboolean
cb_pdf_is_raised (const Line       *line,
                  const CbPdfGlyph *g)
{
  return g->size < 0.85f * line->size && line->bottom - g->y2 > 0.12f * line->size;
}

/* The label a footnote line starts with, raised or followed by a space: its length in glyphs. */
guint
cb_pdf_note_label (const Line *line)
{
  guint n = 0;

  while (n < line->n && n < 4 && cb_pdf_is_label_char (line->glyphs[n].c) &&
         (cb_pdf_is_raised (line, &line->glyphs[n]) || line->glyphs[n].size < 0.85f * line->size))
    n++;
  return n;
}

void
cb_pdf_find_notes (Reader *reader)
{
  for (guint p = 0; p < reader->n_pages; p++)
    {
      Page *page = &reader->pages[p];
      double height = reader->pdf[p].height;
      Line *rule = NULL;
      gint first_note = -1;

      find_margins (page);

      /* A short rule at the left margin, in the lower part of the page. */
      for (guint i = 0; i < page->lines->len; i++)
        {
          Line *line = &g_array_index (page->lines, Line, i);
          float left = cb_pdf_left_margin (page, line->x1);

          if (line->kind == LINE_BODY && is_rule (line) && line->y1 > 0.4 * height && left >= 0 &&
              line->x1 - left < 2.0f && (rule == NULL || line->y1 > rule->y1))
            rule = line;
        }
      if (rule != NULL)
        {
          rule->kind = LINE_RULE;
          for (guint i = 0; i < page->lines->len; i++)
            {
              Line *line = &g_array_index (page->lines, Line, i);

              if (line->kind == LINE_BODY && line->y1 >= rule->y2 - 0.5f)
                line->kind = LINE_NOTE;
            }
          continue;
        }

      /* No rule: the lines at the foot of the page in a smaller type, one of them with
       * a label; those above the first label go on with a footnote of the page before. */
      {
        gboolean labelled = FALSE;

        for (guint i = page->lines->len; i-- > 0;)
          {
            Line *line = &g_array_index (page->lines, Line, i);

            if (line->kind != LINE_BODY)
              continue;
            if (line->size >= 0.9f * page->body_size)
              break;
            labelled |= cb_pdf_note_label (line) > 0;
            first_note = i;
          }
        if (first_note < 0 || !labelled)
          continue;
        for (guint i = first_note; i < page->lines->len; i++)
          {
            Line *line = &g_array_index (page->lines, Line, i);

            if (line->kind == LINE_BODY)
              line->kind = LINE_NOTE;
          }
      }
    }
}
