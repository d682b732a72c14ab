#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "core/cb-opinion.h"
#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-window.h"

struct _CbWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  GCancellable *cancellable;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  CbOpinionView *opinion_view;
  CbBriefView *brief_view;
};

G_DEFINE_FINAL_TYPE (CbWindow, cb_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (CbWindow     *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
opinion_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file_finish (result, &error);

  if (opinion == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  cb_opinion_view_set_opinion (self->opinion_view, opinion);
  adw_window_title_set_title (self->window_title, _("Untitled Brief"));
  adw_window_title_set_subtitle (self->window_title, cb_opinion_get_source_name (opinion));
}

static gboolean
cb_window_close_request (GtkWindow *window)
{
  CbWindow *self = CB_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (cb_window_parent_class)->close_request (window);
}

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_window_dispose;
  window_class->close_request = cb_window_close_request;

  g_type_ensure (CB_TYPE_OPINION_VIEW);
  g_type_ensure (CB_TYPE_BRIEF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, brief_view);
}

static void
cb_window_init (CbWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "pane-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
}

/**
 * cb_window_new:
 * @application: the application
 *
 * Creates a main window showing an empty brief.
 *
 * Returns: (transfer full): a new #CbWindow
 */
CbWindow *
cb_window_new (CbApplication *application)
{
  return g_object_new (CB_TYPE_WINDOW, "application", application, NULL);
}

/**
 * cb_window_open_file:
 * @self: the window
 * @file: an opinion file
 *
 * Imports @file in the background and shows it beside a new brief.
 */
void
cb_window_open_file (CbWindow *self,
                     GFile    *file)
{
  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  cb_opinion_import_file_async (file, self->cancellable, opinion_imported_cb, g_object_ref (self));
}

/**
 * cb_window_get_opinion_view:
 * @self: the window
 *
 * Returns: (transfer none): the opinion pane
 */
CbOpinionView *
cb_window_get_opinion_view (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->opinion_view;
}

/**
 * cb_window_get_brief_view:
 * @self: the window
 *
 * Returns: (transfer none): the brief pane
 */
CbBriefView *
cb_window_get_brief_view (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->brief_view;
}
