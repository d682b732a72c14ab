#pragma once

#include "cb-citation.h"

G_BEGIN_DECLS

GPtrArray *cb_citation_scan_valid (const char *text,
                                   gsize       length);

G_END_DECLS
