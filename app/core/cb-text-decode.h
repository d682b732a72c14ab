#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *cb_text_decode      (const char  *data,
                                 gsize        length,
                                 const char  *source_name,
                                 GError     **error);
gboolean    cb_text_looks_html  (const char  *text,
                                 const char  *source_name);
gboolean    cb_text_validate    (const char  *text,
                                 gsize        length);
const char *cb_text_skip_ascii  (const char  *p,
                                 const char  *end);
gsize       cb_text_count_chars (const char  *p,
                                 gsize        length);
char       *cb_text_drop_unwritable (char    *text);
char       *cb_text_normalize_nfc (const char *text,
                                   gssize      length);

G_END_DECLS
