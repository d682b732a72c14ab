/* Clipboard: the format a passage copied from an opinion travels in, its anchor in the
 * opinion beside the plain text every program reads. */
#define G_LOG_DOMAIN "cb-clipboard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-clipboard-format.h"
#include "cb-error.h"

/* A key file: short, readable, and read by a parser that asks nothing of the system. */
#define GROUP "Casebrief Excerpt"

/**
 * cb_clipboard_encode_excerpt:
 * @opinion: the opinion the passage is in
 * @start: offset in characters of the passage's first character
 * @end: offset just past its last character
 *
 * Writes a passage's anchor for the clipboard: the opinion's SHA-256 and the
 * passage's place in it, which a section pasted into makes a linked quotation of.
 *
 * Returns: (transfer full): the bytes of %CB_CLIPBOARD_EXCERPT_MIME_TYPE
 */
GBytes *
cb_clipboard_encode_excerpt (CbOpinion *opinion,
                             gsize      start,
                             gsize      end)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *start_text = g_strdup_printf ("%" G_GSIZE_FORMAT, start);
  g_autofree char *end_text = g_strdup_printf ("%" G_GSIZE_FORMAT, end);
  gsize length = 0;
  char *data;

  g_return_val_if_fail (CB_IS_OPINION (opinion), NULL);
  g_return_val_if_fail (start < end && end <= cb_opinion_get_length (opinion), NULL);

  g_key_file_set_string (file, GROUP, "Opinion", cb_opinion_get_sha256 (opinion));
  g_key_file_set_string (file, GROUP, "Start", start_text);
  g_key_file_set_string (file, GROUP, "End", end_text);
  data = g_key_file_to_data (file, &length, NULL);
  return g_bytes_new_take (data, length);
}

static gboolean
read_offset (GKeyFile   *file,
             const char *key,
             gsize       most,
             gsize      *offset)
{
  g_autofree char *text = g_key_file_get_string (file, GROUP, key, NULL);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, most, &value, NULL))
    return FALSE;
  *offset = (gsize) value;
  return TRUE;
}

/**
 * cb_clipboard_decode_excerpt:
 * @bytes: what the clipboard held as %CB_CLIPBOARD_EXCERPT_MIME_TYPE; any program may
 *   have put it there
 * @opinion: the opinion of the brief pasted into
 * @start: (out): offset in characters of the passage's first character
 * @end: (out): offset just past its last character
 * @error: return location for a #GError
 *
 * Reads a passage's anchor from the clipboard. It holds only when it names this
 * opinion, by its SHA-256, and a passage within it: a passage of another opinion
 * (%CB_ERROR_NOT_FOUND) is no passage of this one, and anything malformed
 * (%CB_ERROR_PARSE) is not an anchor.
 *
 * Returns: whether @bytes is the anchor of a passage of @opinion
 */
gboolean
cb_clipboard_decode_excerpt (GBytes     *bytes,
                             CbOpinion  *opinion,
                             gsize      *start,
                             gsize      *end,
                             GError    **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *sha256 = NULL;
  gsize length, s, e;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (CB_IS_OPINION (opinion), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = cb_opinion_get_length (opinion);
  if (g_bytes_get_size (bytes) > CB_CLIPBOARD_EXCERPT_MAX_BYTES ||
      !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, NULL) ||
      (sha256 = g_key_file_get_string (file, GROUP, "Opinion", NULL)) == NULL ||
      !read_offset (file, "Start", length, &s) || !read_offset (file, "End", length, &e) || s >= e)
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_PARSE, _("The clipboard holds no passage of an opinion"));
      return FALSE;
    }
  if (!g_str_equal (sha256, cb_opinion_get_sha256 (opinion)))
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_NOT_FOUND, _("The passage copied is from another opinion"));
      return FALSE;
    }
  *start = s;
  *end = e;
  return TRUE;
}
