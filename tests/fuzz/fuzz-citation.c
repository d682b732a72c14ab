/* libFuzzer target: the citation scanner must take any text, and every citation it
 * returns must lie inside that text. */
#include "config.h"

#include "cb-citation.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  g_autoptr(GPtrArray) authorities = NULL;
  glong length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : -1;

  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, i);
      g_autofree char *string = cb_citation_to_string (citation);

      g_assert (string != NULL);
      g_assert (citation->start <= citation->end);
      if (length >= 0)
        g_assert (citation->end <= (gsize) length);
      g_assert (citation->parallel_of < (int) citations->len);
      g_assert (citation->refers_to < (int) citations->len);
    }
  authorities = cb_citation_authorities (citations);
  return 0;
}
