/* libFuzzer target: casebody XML must import or be refused cleanly, and what imports
 * must answer pin cites and quote searches anywhere in its text. */
#include "config.h"

#include "cb-cap-import.h"
#include "cb-error.h"
#include "cb-opinion.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  /* The importer itself, whatever the input's root: sniffing would turn most mutations
   * away before the XML reader sees them. */
  g_autofree char *text = cb_cap_xml_to_text ((const char *) data, size, "fuzz.xml", &error);
  gsize length;

  if (text == NULL)
    {
      g_assert (error != NULL && error->domain == CB_ERROR);
      return 0;
    }

  g_assert (g_utf8_validate (text, -1, NULL));
  opinion = cb_opinion_new_from_text (text, "fuzz.xml", CB_OPINION_FORMAT_XML);
  length = cb_opinion_get_length (opinion);
  if (length > 0)
    {
      g_autofree char *quote = cb_opinion_quote_text (opinion, length / 3, length / 3 + MIN (length, 40) / 2);
      g_autofree char *pin = cb_opinion_pin_cite (opinion, length / 3, length - 1, "1 U.S. 1, 2 S. Ct. 3",
                                                  CB_CITE_STYLE_BLUEBOOK);
      gsize start, end;

      g_assert (pin == NULL || g_utf8_validate (pin, -1, NULL));
      if (quote != NULL && quote[0] != '\0')
        g_assert (cb_opinion_find_quote (opinion, quote, 0, &start, &end));
    }
  return 0;
}
