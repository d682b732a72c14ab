#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cb_reporters_lookup (const char *abbreviation);

G_END_DECLS
