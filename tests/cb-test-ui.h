#pragma once

#include <adwaita.h>

#include "cb-window.h"

G_BEGIN_DECLS

void      cb_test_ui_init         (int          *argc,
                                   char       ***argv);
void      cb_test_wait_until      (gboolean    (*done) (gpointer data),
                                   gpointer      data);
CbWindow *cb_test_open_window     (const char   *path);
void      cb_test_destroy_window  (CbWindow     *window);

G_END_DECLS
