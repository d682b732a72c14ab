#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     cb_profile_init          (void);
void     cb_profile_watch_window  (GtkWindow *window);
void     cb_profile_mark_next_frame (GtkWidget  *widget,
                                     const char *what);

G_END_DECLS
