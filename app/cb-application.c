#define G_LOG_DOMAIN "cb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-window.h"

struct _CbApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CbApplication, cb_application, ADW_TYPE_APPLICATION)

#define SAMPLE_OPINION_URI "resource://" RESOURCE_PREFIX "/opinions/davidson-v-cannon.txt"

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window runs its own unsaved-changes check. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Casebrief developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Casebrief"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Write case briefs beside the opinion, with exact pin cites"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        NULL);
  gtk_window_present (about);
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated_cb },
  { .name = "about", .activate = about_activated_cb },
};

static void
cb_application_activate (GApplication *app)
{
  g_autoptr(GFile) sample = g_file_new_for_uri (SAMPLE_OPINION_URI);
  CbWindow *window = cb_window_new (CB_APPLICATION (app));

  cb_window_open_file (window, sample);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CbWindow *window = cb_window_new (CB_APPLICATION (app));

      cb_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
cb_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
cb_application_dispose (GObject *object)
{
  CbApplication *self = CB_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_application_parent_class)->dispose (object);
}

static void
cb_application_class_init (CbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cb_application_dispose;
  app_class->activate = cb_application_activate;
  app_class->open = cb_application_open;
  app_class->startup = cb_application_startup;
}

static void
cb_application_init (CbApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

/**
 * cb_application_new:
 *
 * Creates the Casebrief application.
 *
 * Returns: (transfer full): a new #CbApplication
 */
CbApplication *
cb_application_new (void)
{
  return g_object_new (CB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * cb_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the application's #GSettings
 */
GSettings *
cb_application_get_settings (CbApplication *self)
{
  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);
  return self->settings;
}
