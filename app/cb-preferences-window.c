#define G_LOG_DOMAIN "cb-preferences-window"

#include "config.h"

#include "cb-accessible.h"
#include "cb-preferences-window.h"

/* Every row is bound to its setting, so a change applies at once and there is nothing
 * to confirm or cancel. */
struct _CbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwComboRow *style_row;
  AdwComboRow *font_row;
  GtkSpinButton *font_size_spin;
  GtkSpinButton *line_spacing_spin;
  AdwComboRow *cite_style_row;
  AdwEntryRow *student_row;
  AdwEntryRow *course_row;
  AdwComboRow *paper_row;
  GtkSpinButton *autosave_spin;
};

G_DEFINE_FINAL_TYPE (CbPreferencesWindow, cb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of a string setting with choices, in the order its combo row lists them. */
static const char *style_choices[] = { "system", "light", "dark", NULL };
static const char *font_choices[] = { "serif", "sans", NULL };
static const char *paper_choices[] = { "auto", "a4", "letter", NULL };
static const char *cite_style_choices[] = { "bluebook", "supreme-court", NULL };

static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char **choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char **choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[selected]);
}

static void
bind_choice (CbPreferencesWindow  *self,
             const char           *key,
             AdwComboRow          *row,
             const char          **choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice, (gpointer) choices, NULL);
}

static void
cb_preferences_window_dispose (GObject *object)
{
  CbPreferencesWindow *self = CB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cb_preferences_window_parent_class)->dispose (object);
}

static void
cb_preferences_window_class_init (CbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, line_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, cite_style_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, student_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, course_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CbPreferencesWindow, autosave_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cb_preferences_window_init (CbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cb_accessible_mend (GTK_WIDGET (self));
}

/**
 * cb_preferences_window_new:
 * @settings: the application's settings
 *
 * Creates the preferences window, each row bound to its key in @settings: style,
 * opinion typeface, size and line spacing, pin cite style, the student and course of
 * new briefs, paper size and autosave delay.
 *
 * Returns: (transfer full): a new #CbPreferencesWindow
 */
CbPreferencesWindow *
cb_preferences_window_new (GSettings *settings)
{
  CbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CB_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  bind_choice (self, "style-variant", self->style_row, style_choices);
  bind_choice (self, "opinion-font", self->font_row, font_choices);
  bind_choice (self, "paper-size", self->paper_row, paper_choices);
  bind_choice (self, "cite-style", self->cite_style_row, cite_style_choices);
  g_settings_bind (settings, "opinion-font-size", self->font_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "opinion-line-spacing", self->line_spacing_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "student-name", self->student_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "course", self->course_row, "text", G_SETTINGS_BIND_DEFAULT);
  return self;
}
