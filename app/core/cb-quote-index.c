#define G_LOG_DOMAIN "cb-quote-index"

#include "config.h"

#include <string.h>

#include "cb-opinion.h"
#include "cb-quote-index.h"
#include "cb-text-decode.h"

/*
 * Forgiving quote search. The opinion is folded once: white space and hidden
 * characters (star-page, footnote and headnote markers) are dropped and curly quotes
 * become straight ones, with a map from each folded byte back to its character in
 * the opinion. A quote folded the same way is then an exact byte match.
 *
 * Every STEP-th folded position is indexed by the GRAM bytes that start there,
 * sorted. Any match at least STEP + GRAM - 1 bytes long covers one indexed
 * position, so a lookup is STEP binary searches plus a few comparisons instead
 * of a scan of the whole text.
 */

#define STEP 8
#define GRAM 8

typedef struct
{
  guint64 key;
  guint32 pos;
} Entry;

struct _CbQuoteIndex
{
  GString *folded;
  guint32 *map;                 /* folded byte → character offset in the opinion */
  Entry *entries;
  gsize n_entries;
};

static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
      return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
      return '"';
    default:
      return c;
    }
}

static guint64
load_key (const char *p)
{
  guint64 key;

  memcpy (&key, p, sizeof key);
  return key;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return ea->pos < eb->pos ? -1 : ea->pos > eb->pos;
}

/**
 * cb_quote_index_new:
 * @text: the opinion as characters
 * @length: the number of characters
 * @hidden: (nullable): one flag per character, non-zero for marker characters
 *
 * Builds the folded search index of an opinion.
 *
 * Returns: (transfer full): the index
 */
CbQuoteIndex *
cb_quote_index_new (const gunichar *text,
                    gsize           length,
                    const guint8   *hidden)
{
  CbQuoteIndex *index = g_new0 (CbQuoteIndex, 1);
  GArray *map = g_array_sized_new (FALSE, FALSE, sizeof (guint32), length + 1);

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  index->folded = g_string_sized_new (length + 1);
  for (gsize i = 0; i < length; i++)
    {
      char buf[6];
      int n;
      guint32 offset = (guint32) i;

      if ((hidden != NULL && hidden[i]) || g_unichar_isspace (text[i]))
        continue;
      n = g_unichar_to_utf8 (fold_char (text[i]), buf);
      g_string_append_len (index->folded, buf, n);
      for (int k = 0; k < n; k++)
        g_array_append_val (map, offset);
    }
  index->map = (guint32 *) g_array_free (map, FALSE);

  if (index->folded->len >= GRAM)
    {
      gsize last = index->folded->len - GRAM;

      index->entries = g_new (Entry, last / STEP + 1);
      for (gsize pos = 0; pos <= last; pos += STEP)
        {
          index->entries[index->n_entries].key = load_key (index->folded->str + pos);
          index->entries[index->n_entries].pos = (guint32) pos;
          index->n_entries++;
        }
      qsort (index->entries, index->n_entries, sizeof (Entry), compare_entries);
    }

  return index;
}

/**
 * cb_quote_index_free:
 * @index: (nullable): an index
 *
 * Frees @index.
 */
void
cb_quote_index_free (CbQuoteIndex *index)
{
  if (index == NULL)
    return;
  g_string_free (index->folded, TRUE);
  g_free (index->map);
  g_free (index->entries);
  g_free (index);
}

/* Folds a quote as the opinion is folded, with or without its "*N" runs. */
static char *
fold_query (const char *quote,
            gboolean    drop_markers)
{
  g_autofree char *nfc = NULL;
  GString *out;

  nfc = cb_text_normalize_nfc (quote, -1);
  if (nfc == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (drop_markers && c == '*' && (p == nfc || *(p - 1) != '*'))
        {
          const char *q = p;

          while (*q == '*' && q - p < 3)
            q++;
          if (g_ascii_isdigit (*q))
            {
              while (g_ascii_isdigit (*q))
                q++;
              p = q - 1;
              continue;
            }
        }
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, fold_char (c));
    }

  return g_string_free (out, FALSE);
}

/**
 * cb_quote_index_fold_query:
 * @quote: a quote as a user has it
 *
 * Folds a quote the way the opinion is folded: NFC, straight quotes, no white
 * space, and no star-page markers ("*346", "**670") in case the quote was copied
 * with them.
 *
 * Returns: (transfer full): the folded quote
 */
char *
cb_quote_index_fold_query (const char *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return fold_query (quote, TRUE);
}

/**
 * cb_quote_index_fold_query_literal:
 * @quote: a quote as a user has it
 *
 * Folds a quote like cb_quote_index_fold_query() but keeps every "*N": for a quote
 * of an opinion whose text has a "*N" that is not a star-page marker.
 *
 * Returns: (transfer full): the folded quote
 */
char *
cb_quote_index_fold_query_literal (const char *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return fold_query (quote, FALSE);
}

static gboolean
match_at (CbQuoteIndex *index,
          gsize         pos,
          const char   *folded,
          gsize         len)
{
  return pos + len <= index->folded->len && memcmp (index->folded->str + pos, folded, len) == 0;
}

static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  gsize sa = *(const gsize *) a, sb = *(const gsize *) b;

  return sa < sb ? -1 : sa > sb;
}

/* The folded byte positions of all matches of @folded, in text order. */
static GArray *
search (CbQuoteIndex *index,
        const char   *folded)
{
  gsize len = strlen (folded);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (len == 0 || len > index->folded->len)
    return hits;

  if (len < STEP + GRAM - 1 || index->n_entries == 0)
    {
      const char *hay = index->folded->str;
      const char *end = hay + index->folded->len;
      const char *p = hay;

      while (p < end && (p = g_strstr_len (p, end - p, folded)) != NULL)
        {
          gsize start = p - hay;

          g_array_append_val (hits, start);
          p++;
        }
      return hits;
    }

  for (gsize d = 0; d < STEP; d++)
    {
      guint64 key = load_key (folded + d);
      gsize lo = 0, hi = index->n_entries;

      while (lo < hi)
        {
          gsize mid = lo + (hi - lo) / 2;

          if (index->entries[mid].key < key)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (gsize i = lo; i < index->n_entries && index->entries[i].key == key; i++)
        {
          gsize pos = index->entries[i].pos;

          if (pos >= d && match_at (index, pos - d, folded, len))
            {
              gsize start = pos - d;

              g_array_append_val (hits, start);
            }
        }
    }

  g_array_sort (hits, compare_sizes);
  return hits;
}

/* The first folded position at or after @min_pos where @folded matches, or G_MAXSIZE. */
static gsize
search_first (CbQuoteIndex *index,
              const char   *folded,
              gsize         min_pos)
{
  gsize len = strlen (folded);
  gsize best = G_MAXSIZE;

  if (len == 0 || min_pos + len > index->folded->len)
    return G_MAXSIZE;

  if (len < STEP + GRAM - 1 || index->n_entries == 0)
    {
      const char *hay = index->folded->str;
      const char *p = g_strstr_len (hay + min_pos, index->folded->len - min_pos, folded);

      return p != NULL ? (gsize) (p - hay) : G_MAXSIZE;
    }

  for (gsize d = 0; d < STEP; d++)
    {
      Entry wanted = { load_key (folded + d), (guint32) MIN (min_pos + d, G_MAXUINT32) };
      gsize lo = 0, hi = index->n_entries;

      /* Entries are sorted by key, then position: start at the first one far enough on. */
      while (lo < hi)
        {
          gsize mid = lo + (hi - lo) / 2;

          if (compare_entries (&index->entries[mid], &wanted) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (gsize i = lo; i < index->n_entries && index->entries[i].key == wanted.key; i++)
        {
          gsize start = index->entries[i].pos - d;

          if (start >= best)
            break;
          if (match_at (index, start, folded, len))
            {
              best = start;
              break;
            }
        }
    }
  return best;
}

static CbRange
hit_range (CbQuoteIndex *index,
           gsize         pos,
           gsize         len)
{
  CbRange range = { index->map[pos], (gsize) index->map[pos + len - 1] + 1 };

  return range;
}

/**
 * cb_quote_index_find:
 * @index: an index
 * @folded: a quote folded with cb_quote_index_fold_query()
 * @from: offset in characters where the match may start at the earliest
 * @start: (out): offset of the match's first character
 * @end: (out): offset just past its last character
 *
 * Finds the first match of @folded that starts at or after @from.
 *
 * Returns: whether a match was found
 */
gboolean
cb_quote_index_find (CbQuoteIndex *index,
                     const char   *folded,
                     gsize         from,
                     gsize        *start,
                     gsize        *end)
{
  gsize len, lo = 0, hi, pos;
  CbRange range;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  /* The first folded byte from @from on; the map only grows. */
  hi = index->folded->len;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (index->map[mid] < from)
        lo = mid + 1;
      else
        hi = mid;
    }

  len = strlen (folded);
  pos = search_first (index, folded, lo);
  if (pos == G_MAXSIZE)
    return FALSE;
  range = hit_range (index, pos, len);
  *start = range.start;
  *end = range.end;
  return TRUE;
}

/**
 * cb_quote_index_find_all:
 * @index: an index
 * @folded: a quote folded with cb_quote_index_fold_query()
 *
 * Finds every match of @folded.
 *
 * Returns: (transfer full) (element-type CbRange): the matches in text order
 */
GArray *
cb_quote_index_find_all (CbQuoteIndex *index,
                         const char   *folded)
{
  g_autoptr(GArray) hits = NULL;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CbRange));
  gsize len;

  g_return_val_if_fail (index != NULL, ranges);
  g_return_val_if_fail (folded != NULL, ranges);

  len = strlen (folded);
  hits = search (index, folded);
  for (guint i = 0; i < hits->len; i++)
    {
      CbRange range = hit_range (index, g_array_index (hits, gsize, i), len);

      g_array_append_val (ranges, range);
    }
  return ranges;
}
