#define G_LOG_DOMAIN "cb-text-decode"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-error.h"
#include "cb-text-decode.h"

/* More than one control character in this many bytes means the file is binary. */
#define CONTROL_RATIO 100

static const char *
display_name (const char *source_name)
{
  return source_name != NULL ? source_name : _("The file");
}

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  /* Without branches and in chunks counted in 32 bits, so that the compiler counts
   * many bytes at a time. */
  for (gsize start = 0; start < length; start += 1 << 20)
    {
      gsize end = MIN (length, start + (1 << 20));
      guint32 chunk = 0;

      for (gsize i = start; i < end; i++)
        {
          guchar c = data[i];

          chunk += ((c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f')) | (c == 0x7f);
        }
      controls += chunk;
    }

  return controls * CONTROL_RATIO > length;
}

static char *
convert (const char  *data,
         gsize        length,
         const char  *charset,
         gsize       *out_length,
         const char  *source_name,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text = g_convert (data, length, "UTF-8", charset, NULL, &written, &local_error);

  if (text == NULL)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_ENCODING,
                   _("%s: the text is not valid %s (%s)"),
                   display_name (source_name), charset, local_error->message);
      return NULL;
    }
  /* A U+0000 is left for the caller, which refuses it as binary. */
  if (memchr (text, '\0', written) == NULL && !g_utf8_validate_len (text, written, NULL))
    {
      g_free (text);
      g_set_error (error, CB_ERROR, CB_ERROR_NOT_TEXT,
                   _("%s: the file is not text"), display_name (source_name));
      return NULL;
    }
  *out_length = written;
  return text;
}

/**
 * cb_text_skip_ascii:
 * @p: where to start
 * @end: the end of the text
 *
 * Finds the next byte at or after @p that is not ASCII. Many bytes are tested at
 * once: an opinion is mostly ASCII, so loops over its characters can copy or skip
 * whole runs and decode only what lies between them.
 *
 * Returns: the first byte from @p on that is not ASCII, or @end
 */
const char *
cb_text_skip_ascii (const char *p,
                    const char *end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);

  g_return_val_if_fail (p <= end, end);

  while (end - p >= 32)
    {
      guint64 w[4];

      memcpy (w, p, sizeof w);
      if ((w[0] | w[1] | w[2] | w[3]) & high)
        break;
      p += 32;
    }
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word & high)
        break;
      p += 8;
    }
  while (p < end && (guchar) *p < 0x80)
    p++;
  return p;
}

/* Whether @length bytes without NUL are UTF-8: ASCII bytes are whole characters on
 * their own, so only the runs of other bytes go to g_utf8_validate_len(), which steps
 * through ASCII one byte at a time. */
static gboolean
utf8_runs_valid (const char *text,
                 gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  while ((p = cb_text_skip_ascii (p, end)) < end)
    {
      const char *run = p;

      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, NULL))
        return FALSE;
    }
  return TRUE;
}

/**
 * cb_text_decode:
 * @data: the raw bytes of a file
 * @length: the number of bytes
 * @source_name: (nullable): the file's name, for messages
 * @error: return location for a #CbError
 *
 * Turns the bytes of a text file into UTF-8 by looking at the content: a byte-order
 * mark selects UTF-8, UTF-16 LE or UTF-16 BE; otherwise valid UTF-8 is taken as is
 * and anything else is read as Windows-1252, the encoding of text copied on Windows.
 * Binary data (NUL bytes, many control characters) is refused with
 * %CB_ERROR_NOT_TEXT. The byte-order mark is not part of the result.
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with @error set
 */
char *
cb_text_decode (const char  *data,
                gsize        length,
                const char  *source_name,
                GError     **error)
{
  const guchar *bytes = (const guchar *) data;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff)))
    {
      gsize text_length = 0;
      char *text = convert (data + 2, length - 2, bytes[0] == 0xff ? "UTF-16LE" : "UTF-16BE",
                            &text_length, source_name, error);

      /* Decoded, it is held to what UTF-8 is held to: a U+0000 (which would cut the
       * text short everywhere downstream) or many control characters mean binary. */
      if (text != NULL && looks_binary (text, text_length))
        {
          g_free (text);
          g_set_error (error, CB_ERROR, CB_ERROR_NOT_TEXT,
                       _("%s: the file is binary, not the text of an opinion"),
                       display_name (source_name));
          return NULL;
        }
      return text;
    }
  if (length >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }

  if (looks_binary (data, length))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_NOT_TEXT,
                   _("%s: the file is binary, not the text of an opinion"),
                   display_name (source_name));
      return NULL;
    }

  /* looks_binary() found no NUL: only the UTF-8 is left to check, and the bytes can
   * be copied as they are. */
  if (utf8_runs_valid (data, length))
    {
      char *text = g_malloc (length + 1);

      memcpy (text, data, length);
      text[length] = '\0';
      return text;
    }

  {
    gsize text_length = 0;

    return convert (data, length, "WINDOWS-1252", &text_length, source_name, error);
  }
}

/* Orders a run of combining marks by combining class, keeping the order of marks of
 * the same class (the canonical ordering). Long runs are counted into place: GLib
 * bubbles each mark leftward, quadratic in the length of the run. */
static void
order_marks (gunichar *marks,
             gsize     n,
             GArray   *scratch)
{
  gsize counts[256] = { 0 };
  gunichar *sorted;

  if (n < 16)
    {
      for (gsize i = 1; i < n; i++)
        {
          gunichar c = marks[i];
          int cc = g_unichar_combining_class (c);
          gsize j = i;

          for (; j > 0 && g_unichar_combining_class (marks[j - 1]) > cc; j--)
            marks[j] = marks[j - 1];
          marks[j] = c;
        }
      return;
    }

  for (gsize i = 0; i < n; i++)
    counts[g_unichar_combining_class (marks[i])]++;
  for (gsize cc = 0, at = 0; cc < 256; cc++)
    {
      gsize k = counts[cc];

      counts[cc] = at;
      at += k;
    }
  g_array_set_size (scratch, n);
  sorted = (gunichar *) scratch->data;
  for (gsize i = 0; i < n; i++)
    sorted[counts[g_unichar_combining_class (marks[i])]++] = marks[i];
  memcpy (marks, sorted, n * sizeof (gunichar));
}

/* Composes @n decomposed, canonically ordered characters in place, as GLib does (the
 * same pairs, the same test of what blocks a mark), writing each character once
 * instead of moving the rest of the buffer up at each composition. Returns the
 * number of characters left. */
static gsize
compose (gunichar *wc,
         gsize     n)
{
  gsize out = 0;
  gsize last_start = 0;
  int last_cc = 0;

  for (gsize i = 0; i < n; i++)
    {
      gunichar c = wc[i];
      int cc = g_unichar_combining_class (c);
      gunichar composed;

      /* g_unichar_compose() sets @composed to 0 when there is no composite. */
      if (out > 0 && (last_cc == 0 || last_cc < cc) &&
          g_unichar_compose (wc[last_start], c, &composed))
        {
          wc[last_start] = composed;
          /* GLib takes the class of the character two places back here, not of the
           * one just before: followed exactly, so that the result is the same. */
          last_cc = out - 1 == last_start ? 0 : g_unichar_combining_class (wc[out - 2]);
          continue;
        }
      if (cc == 0)
        last_start = out;
      last_cc = cc;
      wc[out++] = c;
    }
  return out;
}

/* Appends the NFC of @length bytes of valid UTF-8 to @out. */
static void
append_nfc (GString    *out,
            const char *p,
            gsize       length,
            GArray     *wc,
            GArray     *scratch)
{
  const char *end = p + length;
  gsize run = 0;
  gsize n;

  g_array_set_size (wc, 0);
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize k = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, d, G_N_ELEMENTS (d));

      for (gsize i = 0; i < k; i++)
        {
          /* A starter ends the run of marks before it. Before the first character the
           * array has no data to point into. */
          if (g_unichar_combining_class (d[i]) == 0)
            {
              if (run < wc->len)
                order_marks ((gunichar *) wc->data + run, wc->len - run, scratch);
              run = wc->len + 1;
            }
          g_array_append_val (wc, d[i]);
        }
    }
  if (run < wc->len)
    order_marks ((gunichar *) wc->data + run, wc->len - run, scratch);

  n = compose ((gunichar *) wc->data, wc->len);
  for (gsize i = 0; i < n; i++)
    g_string_append_unichar (out, g_array_index (wc, gunichar, i));
}

/**
 * cb_text_normalize_nfc:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if it ends in a NUL
 *
 * Gives what g_utf8_normalize() gives with %G_NORMALIZE_NFC, in time linear in the
 * length of @text: GLib moves the rest of the text one place for each pair it composes
 * and sorts each run of combining marks by swapping neighbours, so that a text of
 * decomposed accents takes seconds a megabyte, and a long run of marks longer still.
 * The text is cut before each ASCII character, which no character composes with
 * from before it, and each piece between two is normalized on its own; runs of ASCII,
 * which NFC leaves as they are, are copied.
 *
 * Returns: (transfer full) (nullable): the text in NFC, or %NULL if @text is not valid UTF-8
 */
char *
cb_text_normalize_nfc (const char *text,
                       gssize      length)
{
  g_autoptr(GArray) wc = NULL;
  g_autoptr(GArray) scratch = NULL;
  const char *p, *end;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!cb_text_validate (text, length))
    return NULL;

  wc = g_array_new (FALSE, FALSE, sizeof (gunichar));
  scratch = g_array_new (FALSE, FALSE, sizeof (gunichar));
  out = g_string_sized_new (length + 1);
  end = text + length;
  for (p = text; p < end; )
    {
      const char *other = cb_text_skip_ascii (p, end);
      const char *next;

      /* The last ASCII character before other text may compose with what follows it. */
      if (other > p && other < end)
        other--;
      g_string_append_len (out, p, other - p);
      if (other == end)
        break;

      next = other + 1;
      while (next < end && (guchar) *next >= 0x80)
        next++;
      append_nfc (out, other, next - other, wc, scratch);
      p = next;
    }
  return g_string_free (out, FALSE);
}

/**
 * cb_text_looks_html:
 * @text: UTF-8 text
 * @source_name: (nullable): the file's name
 *
 * Decides whether @text is HTML from its content: it begins with a tag, and an
 * HTML element or doctype appears near the start. A name ending in .html or .htm
 * is enough on its own, since some exports are fragments.
 *
 * Returns: whether @text should be read as HTML
 */
gboolean
cb_text_looks_html (const char *text,
                    const char *source_name)
{
  g_autofree char *head = NULL;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  if (source_name != NULL &&
      (g_str_has_suffix (source_name, ".html") || g_str_has_suffix (source_name, ".htm") ||
       g_str_has_suffix (source_name, ".HTML") || g_str_has_suffix (source_name, ".HTM")))
    return TRUE;

  while (*p && g_ascii_isspace (*p))
    p++;
  if (*p != '<')
    return FALSE;

  head = g_ascii_strdown (p, MIN (strlen (p), 4096));
  return g_regex_match_simple ("<(!doctype\\s+html|html|head|body|p|div|span|article|section|pre|br|h[1-6])[\\s>/]",
                               head, 0, 0);
}

/**
 * cb_text_validate:
 * @text: bytes
 * @length: the number of bytes
 *
 * Checks that @text is UTF-8 without NUL characters, as g_utf8_validate_len() does,
 * but handing g_utf8_validate_len() only the runs of bytes that are not ASCII: ASCII
 * bytes are whole characters on their own, and g_utf8_validate_len() steps through
 * them one at a time, which is most of its time on an opinion.
 *
 * Returns: whether @text is valid UTF-8
 */
gboolean
cb_text_validate (const char *text,
                  gsize       length)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  return memchr (text, '\0', length) == NULL && utf8_runs_valid (text, length);
}

/**
 * cb_text_count_chars:
 * @p: valid UTF-8
 * @length: the number of bytes to count in
 *
 * Counts the characters in @length bytes of valid UTF-8, as g_utf8_strlen() does:
 * every byte but a continuation byte starts one. It is a plain loop that the compiler
 * turns into vector code; g_utf8_strlen() steps a character at a time.
 *
 * Returns: the number of characters
 */
gsize
cb_text_count_chars (const char *p,
                     gsize       length)
{
  gsize n = 0;

  g_return_val_if_fail (p != NULL || length == 0, 0);

  /* In chunks, so that the count fits 32 bits: the compiler then adds four bytes'
   * worth to a vector register at once instead of two. */
  while (length > 0)
    {
      gsize chunk = MIN (length, 1 << 20);
      guint32 k = 0;

      for (gsize i = 0; i < chunk; i++)
        k += (((guchar) p[i]) & 0xc0) != 0x80;
      n += k;
      p += chunk;
      length -= chunk;
    }
  return n;
}

/**
 * cb_text_drop_unwritable:
 * @text: valid UTF-8, changed in place
 *
 * Makes @text one that XML can carry whole, so that what is saved is what was
 * imported (and what its checksum was taken of): a form feed or a vertical tab
 * becomes a line break, and the other characters XML 1.0 forbids (the control
 * characters but tab, line feed and carriage return; U+FFFE and U+FFFF) are dropped.
 * The text only gets shorter. Most texts have none of these, and are only looked at.
 *
 * Returns: @text
 */
/* Bytes looked at at once for one that cb_text_drop_unwritable() may change. */
#define UNWRITABLE_BLOCK 64

/* Whether @n bytes hold one that cb_text_drop_unwritable() may change: a control
 * character but tab, line feed and carriage return, or the lead byte of U+FFFE or
 * U+FFFF. A loop without an early exit, which the compiler turns into vector code;
 * strcspn() takes a byte at a time for a set this large. */
static gboolean
block_may_change (const guchar *p,
                  gsize         n)
{
  guint8 any = 0;

  for (gsize i = 0; i < n; i++)
    any |= (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') | (p[i] == 0xef);
  return any != 0;
}

char *
cb_text_drop_unwritable (char *text)
{
  char *out;
  const char *p;
  gsize length;
  gsize clean = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most texts have nothing to change: whole blocks are passed over first. */
  length = strlen (text);
  while (length - clean >= UNWRITABLE_BLOCK && !block_may_change ((const guchar *) text + clean, UNWRITABLE_BLOCK))
    clean += UNWRITABLE_BLOCK;
  if (!block_may_change ((const guchar *) text + clean, MIN (UNWRITABLE_BLOCK, length - clean)))
    return text;
  out = text + clean;
  p = text + clean;

  for (;;)
    {
      /* Runs of bytes that stay are found many bytes at a time. */
      gsize keep = strcspn (p, "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\xef");

      if (out != p)
        memmove (out, p, keep);
      out += keep;
      p += keep;
      if (*p == '\0')
        break;
      if (*p == '\f' || *p == '\v')
        *out++ = '\n';
      else if ((guchar) *p == 0xef)
        {
          /* U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters stay. */
          if ((guchar) p[1] == 0xbf && ((guchar) p[2] == 0xbe || (guchar) p[2] == 0xbf))
            p += 2;
          else
            *out++ = *p;
        }
      p++;
    }
  *out = '\0';
  return text;
}
