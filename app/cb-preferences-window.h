#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_PREFERENCES_WINDOW (cb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CbPreferencesWindow, cb_preferences_window, CB, PREFERENCES_WINDOW, AdwPreferencesWindow)

CbPreferencesWindow *cb_preferences_window_new (GSettings *settings);

G_END_DECLS
