#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cb_html_to_text (const char  *html,
                       gsize        length,
                       const char  *source_name,
                       GError     **error);

G_END_DECLS
