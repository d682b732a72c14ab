#define G_LOG_DOMAIN "cb-anchor"
/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "cb-anchor.h"

/* Characters between two checkpoints of the offset index. */
#define CHECKPOINT_STEP 64

/* Windows searched around the old position before the whole text, in bytes. */
static const gsize search_windows[] = { 4096, 65536 };

/* Quotes shorter than this are too ambiguous for a close match. */
#define FUZZY_MIN_CHARS 8
/* Length of the probes (in characters) that find candidate places for a close match. */
#define PROBE_CHARS 16
#define MAX_CANDIDATES 24
/* Quotes longer than two of these are matched closely a segment at a time. */
#define FUZZY_SEGMENT_CHARS 256

/**
 * CbAnchorIndex:
 *
 * An opinion text prepared for re-anchoring many excerpts: converting between character
 * and byte offsets is a lookup instead of a walk from the start of a megabyte.
 */
#define GRAM_BYTES 4
#define N_BUCKETS (1 << 16)
/* How far into a needle to look for its rarest 4-byte sequence. */
#define GRAM_CHOICES 32
/* Needles longer than this are looked for in one pass where the text may repeat them. */
#define LONG_NEEDLE_BYTES 256

struct _CbAnchorIndex
{
  char *text;
  gsize n_bytes;
  gsize n_chars;
  gsize *checkpoints;
  gsize n_checkpoints;
  /* The shift (in characters) of the last quote found moved: an insertion usually
   * moves every later quote by the same amount. */
  gssize last_delta;
  gboolean have_delta;

  /* Where each 4-byte sequence of the text occurs, grouped by hash: built on first
   * need, it turns a search of the whole text into a look at a few places. */
  guint32 *bucket_start;
  guint32 *positions;
};

typedef struct
{
  gsize start; /* bytes */
  gsize end;
  guint distance;
} FuzzyMatch;

static gsize
char_to_byte (CbAnchorIndex *index,
              gsize          offset)
{
  const char *p;

  if (offset >= index->n_chars)
    return index->n_bytes;
  p = index->text + index->checkpoints[offset / CHECKPOINT_STEP];
  for (gsize i = offset % CHECKPOINT_STEP; i > 0; i--)
    p = g_utf8_next_char (p);
  return p - index->text;
}

static gsize
byte_to_char (CbAnchorIndex *index,
              gsize          byte)
{
  gsize lo = 0;
  gsize hi = index->n_checkpoints;

  g_assert (byte <= index->n_bytes);

  /* Last checkpoint at or before byte. */
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;
      if (index->checkpoints[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }
  return lo * CHECKPOINT_STEP
         + g_utf8_strlen (index->text + index->checkpoints[lo], byte - index->checkpoints[lo]);
}

/* Start of the character that contains byte b. */
static gsize
snap_back (CbAnchorIndex *index,
           gsize          b)
{
  while (b > 0 && b < index->n_bytes && (index->text[b] & 0xc0) == 0x80)
    b--;
  return MIN (b, index->n_bytes);
}

/* Bytes of context that agree with the stored prefix and suffix around [start, end). */
static gsize
context_agreement (CbAnchorIndex *index,
                   gsize          start,
                   gsize          end,
                   const char    *prefix,
                   gsize          prefix_len,
                   const char    *suffix,
                   gsize          suffix_len)
{
  gsize score = 0;

  for (gsize i = 1; i <= prefix_len && i <= start; i++, score++)
    if (index->text[start - i] != prefix[prefix_len - i])
      break;
  for (gsize i = 0; i < suffix_len && end + i < index->n_bytes; i++, score++)
    if (index->text[end + i] != suffix[i])
      break;
  return score;
}

static guint
gram_bucket (const char *p)
{
  guint32 gram = (guchar) p[0] | (guchar) p[1] << 8 | (guchar) p[2] << 16 | (guint32) (guchar) p[3] << 24;

  return (gram * 2654435761u) >> 16;
}

static void
build_gram_index (CbAnchorIndex *index)
{
  gsize n = index->n_bytes >= GRAM_BYTES ? index->n_bytes - GRAM_BYTES + 1 : 0;
  g_autofree guint32 *fill = g_new0 (guint32, N_BUCKETS);

  index->bucket_start = g_new0 (guint32, N_BUCKETS + 1);
  index->positions = g_new (guint32, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    index->bucket_start[gram_bucket (index->text + i) + 1]++;
  for (guint b = 0; b < N_BUCKETS; b++)
    index->bucket_start[b + 1] += index->bucket_start[b];
  for (gsize i = 0; i < n; i++)
    {
      guint b = gram_bucket (index->text + i);
      index->positions[index->bucket_start[b] + fill[b]++] = i;
    }
}

/* Appends to @hits every place of @needle in [lo, hi), in one pass over the text
 * (Knuth, Morris and Pratt): memmem() from each place found on compares the needle
 * again from its start, and a long needle in a text that repeats it at every place
 * ("aaaa…") would cost the product of the two lengths. */
static void
find_all_in_one_pass (const char *text,
                      gsize       lo,
                      gsize       hi,
                      const char *needle,
                      gsize       needle_len,
                      GArray     *hits)
{
  g_autofree gsize *border = g_new (gsize, needle_len);
  gsize k = 0;

  /* border[i]: the longest proper prefix of needle[0..i] that also ends it. */
  border[0] = 0;
  for (gsize i = 1; i < needle_len; i++)
    {
      while (k > 0 && needle[i] != needle[k])
        k = border[k - 1];
      if (needle[i] == needle[k])
        k++;
      border[i] = k;
    }

  k = 0;
  for (gsize i = lo; i < hi; i++)
    {
      while (k > 0 && text[i] != needle[k])
        k = border[k - 1];
      if (text[i] == needle[k])
        k++;
      if (k == needle_len)
        {
          gsize at = i + 1 - needle_len;

          g_array_append_val (hits, at);
          k = border[k - 1];
        }
    }
}

/* Appends to hits, in ascending order, every byte offset in [lo, hi) where needle
 * starts and ends before hi. */
static void
find_all (CbAnchorIndex *index,
          gsize          lo,
          gsize          hi,
          const char    *needle,
          gsize          needle_len,
          GArray        *hits)
{
  const char *p = index->text + lo;
  const char *limit = index->text + hi;
  gsize best_offset = 0;
  guint best_size = G_MAXUINT;

  if (needle_len == 0)
    return;

  /* A small range, a short needle or a text too large for 32-bit offsets is scanned;
   * a long needle in one pass. */
  if (needle_len < GRAM_BYTES || hi - lo < 256 * 1024 || index->n_bytes > G_MAXUINT32)
    {
      if (needle_len > LONG_NEEDLE_BYTES)
        {
          find_all_in_one_pass (index->text, lo, hi, needle, needle_len, hits);
          return;
        }
      while (p < limit && (gsize) (limit - p) >= needle_len)
        {
          const char *hit = memmem (p, limit - p, needle, needle_len);
          gsize at;

          if (hit == NULL)
            break;
          at = hit - index->text;
          g_array_append_val (hits, at);
          p = hit + 1;
        }
      return;
    }

  if (index->positions == NULL)
    build_gram_index (index);

  for (gsize offset = 0; offset + GRAM_BYTES <= needle_len && offset < GRAM_CHOICES; offset++)
    {
      guint b = gram_bucket (needle + offset);
      guint size = index->bucket_start[b + 1] - index->bucket_start[b];

      if (size < best_size)
        {
          best_size = size;
          best_offset = offset;
        }
    }

  /* Where the text repeats the needle's rarest piece at most places, comparing a long
   * needle at each would cost more than one pass over the text. */
  if (needle_len > LONG_NEEDLE_BYTES && best_size > (hi - lo) / 64)
    {
      find_all_in_one_pass (index->text, lo, hi, needle, needle_len, hits);
      return;
    }

  {
    guint b = gram_bucket (needle + best_offset);

    for (guint32 i = index->bucket_start[b]; i < index->bucket_start[b + 1]; i++)
      {
        gsize at = index->positions[i];

        if (at < best_offset)
          continue;
        at -= best_offset;
        if (at < lo || at + needle_len > hi)
          continue;
        if (memcmp (index->text + at, needle, needle_len) == 0)
          g_array_append_val (hits, at);
      }
  }
}

/* Finds the best exact occurrence of quote in [lo, hi): most context agreement, then
 * nearest to old. Returns FALSE if there is none. */
static gboolean
find_exact (CbAnchorIndex *index,
            gsize          lo,
            gsize          hi,
            gsize          old,
            const char    *quote,
            gsize          quote_len,
            const char    *prefix,
            gsize          prefix_len,
            const char    *suffix,
            gsize          suffix_len,
            gsize         *best,
            gsize         *best_score)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize best_distance = G_MAXSIZE;

  find_all (index, lo, hi, quote, quote_len, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      gsize at = g_array_index (hits, gsize, i);
      gsize score = context_agreement (index, at, at + quote_len, prefix, prefix_len, suffix, suffix_len);
      gsize distance = at > old ? at - old : old - at;

      if (i == 0 || score > *best_score || (score == *best_score && distance < best_distance))
        {
          *best = at;
          *best_score = score;
          best_distance = distance;
        }
    }
  return hits->len > 0;
}

/*
 * The exact quote where its whole context agrees, as the windows of
 * cb_anchor_index_resolve() would choose it: the nearest to @old within the nearest
 * window that has one. The quote with its prefix and suffix is looked for as one
 * string, which occurs at few places: a quote the text repeats at every paragraph, told
 * apart only by its context, would otherwise have each of its places compared, for
 * each excerpt, and a brief of many such excerpts took time growing with the square of
 * its size. Returns FALSE when the whole context agrees nowhere (or there is none).
 */
static gboolean
find_with_context (CbAnchorIndex *index,
                   gsize          old,
                   const char    *quote,
                   gsize          quote_len,
                   const char    *prefix,
                   gsize          prefix_len,
                   const char    *suffix,
                   gsize          suffix_len,
                   gsize         *best)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *needle = NULL;

  if (prefix_len + suffix_len == 0)
    return FALSE;
  needle = g_strconcat (prefix, quote, suffix, NULL);
  find_all (index, 0, index->n_bytes, needle, prefix_len + quote_len + suffix_len, hits);

  for (guint w = 0; w <= G_N_ELEMENTS (search_windows) && hits->len > 0; w++)
    {
      gboolean whole = w == G_N_ELEMENTS (search_windows);
      gsize lo = whole ? 0 : snap_back (index, old > search_windows[w] ? old - search_windows[w] : 0);
      gsize hi = whole ? index->n_bytes : MIN (index->n_bytes, old + search_windows[w] + quote_len);
      gsize best_distance = G_MAXSIZE;

      for (guint i = 0; i < hits->len; i++)
        {
          gsize at = g_array_index (hits, gsize, i) + prefix_len;
          gsize distance = at > old ? at - old : old - at;

          if (at >= lo && at + quote_len <= hi && distance < best_distance)
            {
              *best = at;
              best_distance = distance;
            }
        }
      if (best_distance != G_MAXSIZE)
        return TRUE;
    }
  return FALSE;
}

/* Semi-global edit distance of quote against text[lo, hi): the quote must be matched
 * whole, the text window anywhere. Gives the best (first, least) end (exclusive, in
 * window chars) and distance, or FALSE when no alignment is within max_distance.
 * Column by column over the window with Ukkonen's cut-off: only the rows that can still
 * be within max_distance are computed, so a window that does not match costs
 * max_distance cells a character instead of the quote's length. Every value within
 * max_distance is exact; the others are only known to be larger. @anchored makes the
 * match start where the window does. */
static gboolean
best_end (const gunichar *quote,
          glong           m,
          const gunichar *window,
          glong           n,
          guint           max_distance,
          gboolean        anchored,
          glong          *end,
          guint          *distance)
{
  g_autofree guint *column = g_new (guint, m + 1);
  glong last = MIN ((glong) max_distance, m);

  /* The column before the window: the quote's first i characters cost i. */
  for (glong i = 0; i <= m; i++)
    column[i] = i <= last ? (guint) i : max_distance + 1;
  *distance = G_MAXUINT;
  if (last == m)
    {
      *distance = column[m];
      *end = 0;
    }

  for (glong j = 1; j <= n; j++)
    {
      /* Anchored, the match starts with the window: skipping j characters costs j. */
      guint diag = column[0];
      glong limit = MIN (last + 1, m);

      if (anchored)
        {
          /* Nothing within max_distance is left to find. */
          if (last == 0 && column[0] >= max_distance)
            break;
          column[0] = MIN ((guint) j, max_distance + 1);
        }

      for (glong i = 1; i <= limit; i++)
        {
          guint up = column[i];
          guint cost = diag + (quote[i - 1] == window[j - 1] ? 0 : 1);

          cost = MIN (cost, up + 1);
          cost = MIN (cost, column[i - 1] + 1);
          diag = up;
          column[i] = cost;
        }
      last = limit;
      while (last > 0 && column[last] > max_distance)
        last--;
      if (last == m && column[m] < *distance)
        {
          *distance = column[m];
          *end = j;
        }
    }
  return *distance <= max_distance;
}

static gboolean
fuzzy_at (CbAnchorIndex  *index,
          gsize           guess,
          const gunichar *quote,
          glong           m,
          gsize           quote_bytes,
          guint           max_distance,
          FuzzyMatch     *match)
{
  gsize slack = 4 * (max_distance + 8);
  gsize lo = snap_back (index, guess > slack ? guess - slack : 0);
  gsize hi = snap_back (index, MIN (index->n_bytes, guess + quote_bytes + slack));
  g_autofree gunichar *window = NULL;
  g_autofree gunichar *reversed_quote = NULL;
  g_autofree gunichar *reversed_window = NULL;
  glong n, end, start_back;
  guint distance, back_distance;
  const char *p;

  window = g_utf8_to_ucs4_fast (index->text + lo, hi - lo, &n);
  if (!best_end (quote, m, window, n, max_distance, FALSE, &end, &distance))
    return FALSE;

  /* The same alignment run backwards from the end finds where the match starts. */
  reversed_quote = g_new (gunichar, m);
  for (glong i = 0; i < m; i++)
    reversed_quote[i] = quote[m - 1 - i];
  reversed_window = g_new (gunichar, end);
  for (glong j = 0; j < end; j++)
    reversed_window[j] = window[end - 1 - j];
  if (!best_end (reversed_quote, m, reversed_window, end, distance, FALSE, &start_back, &back_distance))
    return FALSE;

  p = index->text + lo;
  match->start = g_utf8_offset_to_pointer (p, end - start_back) - index->text;
  match->end = g_utf8_offset_to_pointer (p, end) - index->text;
  match->distance = distance;
  return TRUE;
}

/*
 * A close match of a long quote at @guess, a segment at a time: the first segment
 * where it is closest around @guess, as fuzzy_at() finds a short quote, then each next
 * one from where the one before ended, its edits counted against what the ones before
 * left of @max_distance. One alignment of the whole quote costs the product of its
 * length and its window's, which both grow with the quote: a quote of 100,000
 * characters with one typo took minutes. A segment that the text repeats exactly is
 * compared, not aligned.
 */
static gboolean
fuzzy_at_long (CbAnchorIndex  *index,
               gsize           guess,
               const char     *quote,
               const gunichar *chars,
               glong           m,
               guint           max_distance,
               FuzzyMatch     *match)
{
  const char *piece = g_utf8_offset_to_pointer (quote, FUZZY_SEGMENT_CHARS);
  FuzzyMatch first;
  guint total;
  gsize at;

  if (!fuzzy_at (index, guess, chars, FUZZY_SEGMENT_CHARS, piece - quote, max_distance, &first))
    return FALSE;
  total = first.distance;
  at = first.end;

  for (glong done = FUZZY_SEGMENT_CHARS; done < m; )
    {
      glong len = MIN (FUZZY_SEGMENT_CHARS, m - done);
      const char *from = piece;
      gsize bytes;

      piece = g_utf8_offset_to_pointer (from, len);
      bytes = piece - from;
      if (at + bytes > index->n_bytes || memcmp (index->text + at, from, bytes) != 0)
        {
          guint bound = MIN (max_distance - total, (guint) len);
          gsize hi = snap_back (index, MIN (index->n_bytes, at + bytes + 4 * (bound + 8)));
          g_autofree gunichar *window = NULL;
          glong n, end;
          guint distance;

          window = g_utf8_to_ucs4_fast (index->text + at, hi - at, &n);
          if (!best_end (chars + done, len, window, n, bound, TRUE, &end, &distance))
            return FALSE;
          total += distance;
          bytes = g_utf8_offset_to_pointer (index->text + at, end) - (index->text + at);
        }
      at += bytes;
      done += len;
    }

  match->start = first.start;
  match->end = at;
  match->distance = total;
  return TRUE;
}

static void
add_probe_hits (CbAnchorIndex *index,
                gsize          lo,
                gsize          hi,
                const char    *probe,
                gsize          probe_len,
                gssize         shift,
                GArray        *candidates)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gsize));

  find_all (index, lo, hi, probe, probe_len, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      gssize guess = (gssize) g_array_index (hits, gsize, i) + shift;

      if (guess >= 0 && (gsize) guess <= index->n_bytes)
        {
          gsize g = guess;
          g_array_append_val (candidates, g);
        }
    }
}

static int
compare_distance_to (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  gsize old = *(gsize *) user_data;
  gsize x = *(const gsize *) a;
  gsize y = *(const gsize *) b;
  gsize dx = x > old ? x - old : old - x;
  gsize dy = y > old ? y - old : old - y;

  return (dx > dy) - (dx < dy);
}

static gboolean
find_fuzzy_in (CbAnchorIndex *index,
               gsize          lo,
               gsize          hi,
               gsize          old,
               const char    *quote,
               gsize          quote_len,
               const char    *prefix,
               const char    *suffix,
               FuzzyMatch    *best)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree gunichar *chars = NULL;
  glong m;
  guint max_distance;
  gboolean found = FALSE;
  glong prefix_chars = g_utf8_strlen (prefix, -1);
  glong suffix_chars = g_utf8_strlen (suffix, -1);
  gsize last = G_MAXSIZE;

  chars = g_utf8_to_ucs4_fast (quote, quote_len, &m);
  if (m < FUZZY_MIN_CHARS)
    return FALSE;
  max_distance = MAX (2, m / 10);

  g_array_append_val (candidates, old);
  if (prefix_chars > 0)
    {
      const char *tail = g_utf8_offset_to_pointer (prefix, MAX (0, prefix_chars - PROBE_CHARS));
      gsize tail_len = strlen (tail);
      add_probe_hits (index, lo, hi, tail, tail_len, tail_len, candidates);
    }
  if (suffix_chars > 0)
    {
      const char *head_end = g_utf8_offset_to_pointer (suffix, MIN (suffix_chars, PROBE_CHARS));
      add_probe_hits (index, lo, hi, suffix, head_end - suffix, -(gssize) quote_len, candidates);
    }
  for (glong piece = 0; piece < 3 && m >= PROBE_CHARS; piece++)
    {
      glong offset = (m - PROBE_CHARS) * piece / 2;
      const char *from = g_utf8_offset_to_pointer (quote, offset);
      const char *to = g_utf8_offset_to_pointer (from, PROBE_CHARS);
      add_probe_hits (index, lo, hi, from, to - from, -(from - quote), candidates);
    }

  g_array_sort_with_data (candidates, compare_distance_to, &old);
  for (guint i = 0, tried = 0; i < candidates->len && tried < MAX_CANDIDATES; i++)
    {
      gsize guess = g_array_index (candidates, gsize, i);
      FuzzyMatch match;

      /* Guesses a few characters apart share one window. */
      if (last != G_MAXSIZE && (guess > last ? guess - last : last - guess) < 8)
        continue;
      last = guess;
      tried++;

      /* Only a closer match can replace the best one: the alignment gives up as soon
       * as it cannot be closer, and nothing beats an exact one. */
      if (m > 2 * FUZZY_SEGMENT_CHARS
          ? !fuzzy_at_long (index, guess, quote, chars, m, found ? best->distance - 1 : max_distance, &match)
          : !fuzzy_at (index, guess, chars, m, quote_len, found ? best->distance - 1 : max_distance, &match))
        continue;
      if (!found || match.distance < best->distance)
        {
          *best = match;
          found = TRUE;
          if (best->distance == 0)
            break;
        }
    }
  return found;
}

/* A close match near the old place first, as for exact ones: most edits move a quote
 * little, and probing a window costs a fraction of probing the whole text. */
static gboolean
find_fuzzy (CbAnchorIndex *index,
            gsize          old,
            const char    *quote,
            gsize          quote_len,
            const char    *prefix,
            const char    *suffix,
            FuzzyMatch    *best)
{
  gsize window = search_windows[G_N_ELEMENTS (search_windows) - 1];
  gsize lo = snap_back (index, old > window ? old - window : 0);
  gsize hi = MIN (index->n_bytes, old + window + quote_len);

  if (find_fuzzy_in (index, lo, hi, old, quote, quote_len, prefix, suffix, best))
    return TRUE;
  if (lo == 0 && hi == index->n_bytes)
    return FALSE;
  return find_fuzzy_in (index, 0, index->n_bytes, old, quote, quote_len, prefix, suffix, best);
}

/**
 * cb_anchor_index_new:
 * @text: normalized opinion text (UTF-8)
 *
 * Prepares @text for re-anchoring excerpts. The index keeps its own copy of the text.
 *
 * Returns: (transfer full): a new index; free with cb_anchor_index_free()
 */
CbAnchorIndex *
cb_anchor_index_new (const char *text)
{
  CbAnchorIndex *index;
  const char *p;
  gsize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  index = g_new0 (CbAnchorIndex, 1);
  index->text = g_strdup (text);
  index->n_bytes = strlen (text);
  index->n_chars = g_utf8_strlen (text, -1);
  index->n_checkpoints = index->n_chars / CHECKPOINT_STEP + 1;
  index->checkpoints = g_new (gsize, index->n_checkpoints);
  for (p = index->text; ; p = g_utf8_next_char (p), i++)
    {
      if (i % CHECKPOINT_STEP == 0)
        index->checkpoints[i / CHECKPOINT_STEP] = p - index->text;
      if (*p == '\0')
        break;
    }
  return index;
}

/**
 * cb_anchor_index_free:
 * @index: (nullable): an index
 *
 * Frees an index made by cb_anchor_index_new().
 */
void
cb_anchor_index_free (CbAnchorIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->text);
  g_free (index->checkpoints);
  g_free (index->bucket_start);
  g_free (index->positions);
  g_free (index);
}

/**
 * cb_anchor_index_get_length:
 * @index: an index
 *
 * Gets the length of the indexed text in characters.
 *
 * Returns: the number of characters
 */
gsize
cb_anchor_index_get_length (CbAnchorIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->n_chars;
}

/**
 * cb_anchor_index_dup_range:
 * @index: an index
 * @start: start offset in characters
 * @end: end offset in characters (clamped to the text)
 *
 * Copies the characters [@start, @end) of the indexed text.
 *
 * Returns: (transfer full): the text
 */
char *
cb_anchor_index_dup_range (CbAnchorIndex *index,
                           gsize          start,
                           gsize          end)
{
  gsize from, to;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  from = char_to_byte (index, start);
  to = char_to_byte (index, end);
  return g_strndup (index->text + from, to - from);
}

/**
 * cb_anchor_index_describe:
 * @index: an index
 * @start: start offset in characters
 * @end: end offset in characters
 * @quote: (out) (transfer full): the text [@start, @end)
 * @prefix: (out) (transfer full): up to %CB_ANCHOR_CONTEXT_CHARS characters before it
 * @suffix: (out) (transfer full): up to %CB_ANCHOR_CONTEXT_CHARS characters after it
 *
 * Makes the quote-and-context half of an anchor for a new excerpt.
 */
void
cb_anchor_index_describe (CbAnchorIndex  *index,
                          gsize           start,
                          gsize           end,
                          char          **quote,
                          char          **prefix,
                          char          **suffix)
{
  g_return_if_fail (index != NULL);
  g_return_if_fail (start <= end);

  *quote = cb_anchor_index_dup_range (index, start, end);
  *prefix = cb_anchor_index_dup_range (index,
                                       start > CB_ANCHOR_CONTEXT_CHARS ? start - CB_ANCHOR_CONTEXT_CHARS : 0,
                                       start);
  *suffix = cb_anchor_index_dup_range (index, end, end + CB_ANCHOR_CONTEXT_CHARS);
}

/**
 * cb_anchor_index_resolve:
 * @index: the opinion text the excerpt belongs to
 * @quote: the stored quote
 * @prefix: (nullable): the stored context before it
 * @suffix: (nullable): the stored context after it
 * @start: the stored start offset in characters
 * @end: the stored end offset in characters
 * @new_start: (out): where the quote is now
 * @new_end: (out): where it ends now
 *
 * Finds an excerpt's quote in the text. If the text at [@start, @end) is the quote,
 * the anchor is %CB_ANCHOR_OK. Otherwise the exact quote is searched for, near the old
 * place first: of several occurrences, the one whose surroundings agree most with the
 * stored prefix and suffix wins and the nearest breaks ties (%CB_ANCHOR_MOVED). Failing
 * that, a close match, with at most one edit in ten characters (two for short quotes),
 * is looked for only where the context or pieces of the quote point
 * (%CB_ANCHOR_NEEDS_REVIEW: the place is given but must be confirmed). Otherwise it is
 * %CB_ANCHOR_ORPHAN and the old offsets are given back.
 *
 * Returns: how the anchor matched
 */
CbAnchorStatus
cb_anchor_index_resolve (CbAnchorIndex *index,
                         const char    *quote,
                         const char    *prefix,
                         const char    *suffix,
                         gsize          start,
                         gsize          end,
                         gsize         *new_start,
                         gsize         *new_end)
{
  gsize quote_len, prefix_len, suffix_len, old;
  gsize hit = 0, score = 0;
  FuzzyMatch fuzzy;

  g_return_val_if_fail (index != NULL, CB_ANCHOR_ORPHAN);
  g_return_val_if_fail (quote != NULL, CB_ANCHOR_ORPHAN);
  g_return_val_if_fail (new_start != NULL && new_end != NULL, CB_ANCHOR_ORPHAN);

  prefix = prefix ? prefix : "";
  suffix = suffix ? suffix : "";
  quote_len = strlen (quote);
  prefix_len = strlen (prefix);
  suffix_len = strlen (suffix);
  *new_start = start;
  *new_end = end;

  if (quote_len == 0)
    return start == end && end <= index->n_chars ? CB_ANCHOR_OK : CB_ANCHOR_ORPHAN;

  if (start < end && end <= index->n_chars)
    {
      gsize from = char_to_byte (index, start);
      gsize to = char_to_byte (index, end);

      if (to - from == quote_len && memcmp (index->text + from, quote, quote_len) == 0)
        return CB_ANCHOR_OK;
    }

  old = char_to_byte (index, start);

  /* An insertion shifts every later quote alike: try the last shift first, and take it
   * only when the whole context agrees too. */
  if (index->have_delta && (gssize) start + index->last_delta >= 0)
    {
      gsize guess = start + index->last_delta;
      gsize from = char_to_byte (index, guess);

      if (guess < index->n_chars && from + quote_len <= index->n_bytes
          && memcmp (index->text + from, quote, quote_len) == 0
          && context_agreement (index, from, from + quote_len, prefix, prefix_len,
                                suffix, suffix_len) == prefix_len + suffix_len)
        {
          *new_start = guess;
          *new_end = guess + g_utf8_strlen (quote, quote_len);
          return CB_ANCHOR_MOVED;
        }
    }

  if (find_with_context (index, old, quote, quote_len, prefix, prefix_len, suffix, suffix_len, &hit))
    {
      *new_start = byte_to_char (index, hit);
      *new_end = *new_start + g_utf8_strlen (quote, quote_len);
      index->last_delta = (gssize) *new_start - (gssize) start;
      index->have_delta = TRUE;
      return CB_ANCHOR_MOVED;
    }

  /* Nearest windows first: an occurrence with the full context that close is the
   * answer, as any occurrence farther out is farther from the old place. */
  for (guint w = 0; w <= G_N_ELEMENTS (search_windows); w++)
    {
      gboolean whole = w == G_N_ELEMENTS (search_windows);
      gsize lo = whole ? 0 : snap_back (index, old > search_windows[w] ? old - search_windows[w] : 0);
      gsize hi = whole ? index->n_bytes : MIN (index->n_bytes, old + search_windows[w] + quote_len);

      /* A window that holds the whole text is the whole text: its best place is taken
       * even where the context agrees only in part. */
      whole = whole || (lo == 0 && hi == index->n_bytes);
      if (find_exact (index, lo, hi, old, quote, quote_len, prefix, prefix_len,
                      suffix, suffix_len, &hit, &score)
          && (whole || score == prefix_len + suffix_len))
        {
          *new_start = byte_to_char (index, hit);
          *new_end = *new_start + g_utf8_strlen (quote, quote_len);
          index->last_delta = (gssize) *new_start - (gssize) start;
          index->have_delta = TRUE;
          return CB_ANCHOR_MOVED;
        }
      if (whole)
        break;
    }

  if (find_fuzzy (index, old, quote, quote_len, prefix, suffix, &fuzzy))
    {
      *new_start = byte_to_char (index, fuzzy.start);
      *new_end = byte_to_char (index, fuzzy.end);
      return CB_ANCHOR_NEEDS_REVIEW;
    }

  return CB_ANCHOR_ORPHAN;
}

/**
 * cb_anchor_resolve:
 * @text: normalized opinion text
 * @quote: the stored quote
 * @prefix: (nullable): the stored context before it
 * @suffix: (nullable): the stored context after it
 * @start: the stored start offset in characters
 * @end: the stored end offset in characters
 * @new_start: (out): where the quote is now
 * @new_end: (out): where it ends now
 *
 * Re-anchors one excerpt; see cb_anchor_index_resolve(). For many excerpts on the same
 * text, make one #CbAnchorIndex instead.
 *
 * Returns: how the anchor matched
 */
CbAnchorStatus
cb_anchor_resolve (const char *text,
                   const char *quote,
                   const char *prefix,
                   const char *suffix,
                   gsize       start,
                   gsize       end,
                   gsize      *new_start,
                   gsize      *new_end)
{
  g_autoptr(CbAnchorIndex) index = NULL;

  g_return_val_if_fail (text != NULL, CB_ANCHOR_ORPHAN);

  index = cb_anchor_index_new (text);
  return cb_anchor_index_resolve (index, quote, prefix, suffix, start, end, new_start, new_end);
}
