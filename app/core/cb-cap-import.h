#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cb_cap_xml_sniff   (const char  *text);
char     *cb_cap_xml_to_text (const char  *xml,
                              gsize        length,
                              const char  *source_name,
                              GError     **error);

G_END_DECLS
