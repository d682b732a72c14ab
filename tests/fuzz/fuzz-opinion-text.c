/* libFuzzer target: a plain-text opinion must import or be refused cleanly, and what
 * imports must answer pin cites and quote searches anywhere in its text. */
#include "config.h"

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-pdf-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  gsize length;

  /* A PDF is read in a process of its own; fuzz-pdf-layout tries the reader. */
  if (cb_pdf_looks_pdf ((const char *) data, size))
    return 0;
  opinion = cb_opinion_import_bytes (bytes, "fuzz.txt", &error);

  if (opinion == NULL)
    {
      g_assert (error != NULL && error->domain == CB_ERROR);
      return 0;
    }

  g_assert (g_utf8_validate (cb_opinion_get_text (opinion), -1, NULL));
  length = cb_opinion_get_length (opinion);
  if (length > 0)
    {
      g_autofree char *quote = cb_opinion_quote_text (opinion, length / 3, length / 3 + MIN (length, 40) / 2);
      g_autofree char *pin = cb_opinion_pin_cite (opinion, length / 3, length - 1, NULL, CB_CITE_STYLE_BLUEBOOK);
      gsize start, end;

      g_assert (pin == NULL || g_utf8_validate (pin, -1, NULL));
      if (quote != NULL && quote[0] != '\0')
        g_assert (cb_opinion_find_quote (opinion, quote, 0, &start, &end));
    }
  return 0;
}
