/* libFuzzer target: what the .brief and .brieftemplate readers accept, the writers write
 * as files the readers take back the same: load, save, load, save gives the same bytes
 * twice. */
#include "config.h"

#include "cb-brief.h"
#include "cb-template.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
round_trip_brief (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) first = cb_brief_load_bytes (bytes, "fuzz.brief", &error);
  g_autoptr(CbBrief) second = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (first == NULL)
    return;
  saved = cb_brief_to_bytes (first);
  second = cb_brief_load_bytes (saved, "saved.brief", &error);
  if (second == NULL)
    g_error ("a saved brief does not load: %s", error->message);
  saved_again = cb_brief_to_bytes (second);
  g_assert (g_bytes_equal (saved, saved_again));
}

static void
round_trip_template (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) first = cb_template_load_bytes (bytes, "fuzz.brieftemplate", &error);
  g_autoptr(CbTemplate) second = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (first == NULL)
    return;
  saved = cb_template_to_bytes (first);
  second = cb_template_load_bytes (saved, "saved.brieftemplate", &error);
  if (second == NULL)
    g_error ("a saved template does not load: %s", error->message);
  saved_again = cb_template_to_bytes (second);
  g_assert (g_bytes_equal (saved, saved_again));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  /* Each reader refuses the other's files at once, by their root element. */
  round_trip_brief (bytes);
  round_trip_template (bytes);
  return 0;
}
