#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GtkSourceView data that styles an opinion (data/language-specs, data/styles). */
#define CB_SOURCE_LANGUAGE_ID     "casebrief-opinion"
#define CB_SOURCE_SCHEME_ID       "casebrief"
#define CB_SOURCE_SCHEME_DARK_ID  "casebrief-dark"

void        cb_source_data_ensure  (void);
const char *cb_source_data_get_dir (void);

G_END_DECLS
