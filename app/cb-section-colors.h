#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each section has a colour, by its place in the brief: the swatch by its title
 * (style.css), its quotations in the brief and its highlights in the opinion. */
#define CB_N_SECTION_COLORS 8

const char *cb_section_color_tint     (guint color_index);
const char *cb_section_color_selected (guint color_index);

G_END_DECLS
