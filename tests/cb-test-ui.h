#pragma once

#include <adwaita.h>

#include "cb-test.h"
#include "cb-window.h"

G_BEGIN_DECLS

void      cb_test_ui_init         (int          *argc,
                                   char       ***argv);
CbWindow *cb_test_open_window     (const char   *path);
void      cb_test_destroy_window  (CbWindow     *window);

typedef gboolean (*CbTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

GtkWidget *cb_test_find_widget    (GtkWidget    *root,
                                   CbTestMatch   match,
                                   gconstpointer data);
GtkWidget *cb_test_find_type      (GtkWidget    *root,
                                   GType         type);
GtkWidget *cb_test_find_row       (GtkWidget    *root,
                                   const char   *title);
GtkWidget *cb_test_find_button    (GtkWidget    *root,
                                   const char   *label);
GtkShortcut *cb_test_find_shortcut (GtkWidget   *widget,
                                    const char  *accelerator);

gulong    cb_test_window_xid      (GtkWidget    *widget);
void      cb_test_xdotool         (const char   *args);
void      cb_test_focus_window    (GtkWindow    *window);

G_END_DECLS
