#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cb_caption_case_name     (const char *parties);
char *cb_caption_citation_line (const char *line);
char *cb_caption_court         (const char *line);

G_END_DECLS
