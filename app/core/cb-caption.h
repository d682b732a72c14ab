#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *cb_caption_case_name     (const char  *parties);
char       *cb_caption_citation_line (const char  *line);
char       *cb_caption_court         (const char  *line);
gboolean    cb_caption_split_title   (const char  *title,
                                      char       **name,
                                      char       **citation);
const char *cb_caption_role_of_type  (const char  *type);
char       *cb_caption_author_line   (const char  *author,
                                      const char  *role);

G_END_DECLS
