/* libFuzzer target: an HTML opinion must import or be refused cleanly. */
#include "config.h"

#include "cb-error.h"
#include "cb-opinion.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  /* The extension makes the importer read it as HTML whatever it holds. */
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "fuzz.html", &error);

  if (opinion == NULL)
    {
      g_assert (error != NULL && error->domain == CB_ERROR);
      return 0;
    }

  g_assert (cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_HTML);
  g_assert (g_utf8_validate (cb_opinion_get_text (opinion), -1, NULL));
  if (cb_opinion_get_length (opinion) > 0)
    g_free (cb_opinion_pin_cite (opinion, 0, cb_opinion_get_length (opinion) - 1, NULL,
                                 CB_CITE_STYLE_SUPREME_COURT));
  return 0;
}
