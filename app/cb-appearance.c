#define G_LOG_DOMAIN "cb-appearance"

#include "config.h"

#include <adwaita.h>

#include "cb-appearance.h"

/* How the application looks, as the preferences say: the light or dark style, and the
 * opinion's typeface, size and line spacing. The opinion's look is a style sheet on the
 * display, above the application's own, so every window follows a change at once
 * without the opinion pane knowing about settings. */
struct _CbAppearance
{
  GObject parent_instance;

  GSettings *settings;
  GdkDisplay *display;
  GtkCssProvider *provider;
};

G_DEFINE_FINAL_TYPE (CbAppearance, cb_appearance, G_TYPE_OBJECT)

static void
update_color_scheme (CbAppearance *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
update_css (CbAppearance *self)
{
  g_autofree char *css = cb_appearance_dup_opinion_css (self);

  gtk_css_provider_load_from_data (self->provider, css, -1);
}

static void
settings_changed_cb (GSettings    *settings,
                     const char   *key,
                     CbAppearance *self)
{
  if (g_str_equal (key, "style-variant"))
    update_color_scheme (self);
  else if (g_str_has_prefix (key, "opinion-"))
    update_css (self);
}

static void
cb_appearance_dispose (GObject *object)
{
  CbAppearance *self = CB_APPEARANCE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->provider != NULL && self->display != NULL)
    gtk_style_context_remove_provider_for_display (self->display, GTK_STYLE_PROVIDER (self->provider));
  g_clear_object (&self->provider);
  g_clear_object (&self->settings);
  g_clear_object (&self->display);

  G_OBJECT_CLASS (cb_appearance_parent_class)->dispose (object);
}

static void
cb_appearance_class_init (CbAppearanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_appearance_dispose;
}

static void
cb_appearance_init (CbAppearance *self)
{
  self->provider = gtk_css_provider_new ();
}

/**
 * cb_appearance_new:
 * @settings: the application's settings
 * @display: the display whose windows follow them
 *
 * Applies the style and opinion text settings to every window on @display, and keeps
 * applying them as they change, for as long as the returned object lives.
 *
 * Returns: (transfer full): a new #CbAppearance
 */
CbAppearance *
cb_appearance_new (GSettings  *settings,
                   GdkDisplay *display)
{
  CbAppearance *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  self = g_object_new (CB_TYPE_APPEARANCE, NULL);
  self->settings = g_object_ref (settings);
  self->display = g_object_ref (display);

  /* Above the application's style.css, which holds the defaults. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  update_color_scheme (self);
  update_css (self);
  return self;
}

/**
 * cb_appearance_dup_opinion_css:
 * @self: the appearance
 *
 * Writes the style sheet of the opinion text from the settings: the serif or sans-serif
 * typeface, the size in points and the line spacing. Numbers are written with a dot in
 * every locale, as CSS requires.
 *
 * Returns: (transfer full): the style sheet
 */
char *
cb_appearance_dup_opinion_css (CbAppearance *self)
{
  g_autofree char *font = NULL;
  char spacing[G_ASCII_DTOSTR_BUF_SIZE];
  const char *families;

  g_return_val_if_fail (CB_IS_APPEARANCE (self), NULL);

  font = g_settings_get_string (self->settings, "opinion-font");
  families = g_str_equal (font, "sans") ? "\"Liberation Sans\", \"DejaVu Sans\", sans-serif"
                                        : "\"Liberation Serif\", \"DejaVu Serif\", serif";
  g_ascii_formatd (spacing, sizeof spacing, "%.2f",
                   g_settings_get_double (self->settings, "opinion-line-spacing"));
  return g_strdup_printf ("textview.opinion-text {\n"
                          "  font-family: %s;\n"
                          "  font-size: %upt;\n"
                          "  line-height: %s;\n"
                          "}\n",
                          families,
                          g_settings_get_uint (self->settings, "opinion-font-size"),
                          spacing);
}
