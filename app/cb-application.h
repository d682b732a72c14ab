#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_APPLICATION (cb_application_get_type ())
G_DECLARE_FINAL_TYPE (CbApplication, cb_application, CB, APPLICATION, AdwApplication)

CbApplication *cb_application_new          (void);
GSettings     *cb_application_get_settings (CbApplication *self);
GtkWindow     *cb_application_find_window_for_file (CbApplication *self,
                                                    GFile         *file);

G_END_DECLS
