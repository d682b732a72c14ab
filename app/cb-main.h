#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cb_i18n_init (void);
int  cb_main      (int   argc,
                   char *argv[]);

G_END_DECLS
