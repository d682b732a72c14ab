/* libFuzzer target: the .brieftemplate reader must refuse any input cleanly. */
#include "config.h"

#include "cb-template.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = cb_template_load_bytes (bytes, "fuzz.brieftemplate", &error);

  if (template != NULL)
    {
      g_autoptr(GBytes) saved = cb_template_to_bytes (template);
      g_assert (saved != NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
