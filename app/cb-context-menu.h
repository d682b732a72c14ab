/* Context menus: a text view's menu of what applies to it, in place of GTK's own. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cb_context_menu_attach   (GtkTextView *view,
                                     GMenuModel  *model);
void       cb_context_menu_detach   (GtkTextView *view);
GtkWidget *cb_context_menu_get      (GtkTextView *view);
void       cb_context_menu_popup_at (GtkTextView *view,
                                     double       x,
                                     double       y);

G_END_DECLS
