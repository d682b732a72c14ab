/* libFuzzer target: an HTML opinion must import or be refused cleanly. */
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

  /* A PDF is read in a process of its own; fuzz-pdf-layout tries the reader. */
  if (cb_pdf_looks_pdf ((const char *) data, size))
    return 0;
  /* The extension makes the importer read it as HTML, unless it holds casebody XML. */
  opinion = cb_opinion_import_bytes (bytes, "fuzz.html", &error);

  if (opinion == NULL)
    {
      g_assert (error != NULL && error->domain == CB_ERROR);
      return 0;
    }

  g_assert (cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_HTML ||
            cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_XML);
  g_assert (g_utf8_validate (cb_opinion_get_text (opinion), -1, NULL));
  if (cb_opinion_get_length (opinion) > 0)
    g_free (cb_opinion_pin_cite (opinion, 0, cb_opinion_get_length (opinion) - 1, NULL,
                                 CB_CITE_STYLE_SUPREME_COURT));
  return 0;
}
