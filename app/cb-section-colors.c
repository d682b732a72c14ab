#define G_LOG_DOMAIN "cb-section-colors"

#include "config.h"

#include "cb-section-colors.h"

/**
 * cb_section_color_tint:
 * @color_index: a section's place in the brief
 *
 * Gets the translucent tint of a section's colour, drawn under its excerpts in the
 * opinion and under its quotations in the brief. Translucent, it reads on light and
 * dark backgrounds alike; the hues are those of the swatches in style.css.
 *
 * Returns: a colour that gdk_rgba_parse() reads
 */
const char *
cb_section_color_tint (guint color_index)
{
  static const char *tints[CB_N_SECTION_COLORS] = {
    "rgba(53,132,228,0.22)", "rgba(51,209,122,0.25)", "rgba(246,211,45,0.35)", "rgba(255,120,0,0.22)",
    "rgba(145,65,172,0.20)", "rgba(224,27,36,0.18)", "rgba(152,106,68,0.22)", "rgba(33,144,164,0.22)",
  };

  return tints[color_index % CB_N_SECTION_COLORS];
}

/**
 * cb_section_color_selected:
 * @color_index: a section's place in the brief
 *
 * Gets the stronger tint of a section's colour that a quotation selected whole takes,
 * so that the student sees that the next Backspace or Delete removes it.
 *
 * Returns: a colour that gdk_rgba_parse() reads
 */
const char *
cb_section_color_selected (guint color_index)
{
  static const char *tints[CB_N_SECTION_COLORS] = {
    "rgba(53,132,228,0.55)", "rgba(51,209,122,0.6)", "rgba(246,211,45,0.75)", "rgba(255,120,0,0.55)",
    "rgba(145,65,172,0.5)", "rgba(224,27,36,0.45)", "rgba(152,106,68,0.55)", "rgba(33,144,164,0.55)",
  };

  return tints[color_index % CB_N_SECTION_COLORS];
}
