/* libFuzzer target: the .brief reader must refuse any input cleanly. */
#include "config.h"

#include "cb-brief.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "fuzz.brief", &error);

  /* What loads must also save. */
  if (brief != NULL)
    {
      g_autoptr(GBytes) saved = cb_brief_to_bytes (brief);
      g_assert (saved != NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
