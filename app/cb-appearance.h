#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CB_TYPE_APPEARANCE (cb_appearance_get_type ())
G_DECLARE_FINAL_TYPE (CbAppearance, cb_appearance, CB, APPEARANCE, GObject)

CbAppearance *cb_appearance_new             (GSettings    *settings,
                                             GdkDisplay   *display);
char         *cb_appearance_dup_opinion_css (CbAppearance *self);

G_END_DECLS
