/* Dates of decision: the ISO 8601 form a brief keeps, and the locale's form a reader sees. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cb_date_to_iso (const char *text);
char *cb_date_format (const char *date);

G_END_DECLS
