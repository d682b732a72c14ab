#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    cb_reporters_could_begin      (char        c);
gboolean    cb_reporters_code_could_begin (char        c);
const char *cb_reporters_lookup           (const char *abbreviation);
const char *cb_reporters_lookup_code      (const char *abbreviation);
gboolean    cb_reporters_get_years        (const char *canonical,
                                           int        *first_year,
                                           int        *last_year);

G_END_DECLS
