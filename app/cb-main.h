#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cb_main (int   argc,
             char *argv[]);

G_END_DECLS
