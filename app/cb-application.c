#define G_LOG_DOMAIN "cb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-drafts.h"
#include "cb-file-writer.h"
#include "cb-template-store.h"
#include "cb-accessible.h"
#include "cb-appearance.h"
#include "cb-application.h"
#include "cb-assignment-dialog.h"
#include "cb-document-window.h"
#include "cb-new-brief-dialog.h"
#include "cb-preferences-window.h"
#include "cb-save-changes-dialog.h"
#include "cb-template-editor.h"
#include "cb-window.h"

struct _CbApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  CbAppearance *appearance;
  gboolean drafts_offered;
};

G_DEFINE_FINAL_TYPE (CbApplication, cb_application, ADW_TYPE_APPLICATION)

#define SAMPLE_OPINION_URI "resource://" RESOURCE_PREFIX "/opinions/davidson-v-cannon.txt"

/* Closes every window, their unsaved work saved or given up already. */
static void
close_all (CbApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CB_IS_DOCUMENT_WINDOW (l->data))
        cb_document_window_close_now (l->data);
      else
        gtk_window_destroy (l->data);
    }
}

static void
quit_answered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CbApplication) self = user_data;

  if (cb_save_changes_dialog_run_finish (result, NULL))
    close_all (self);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CbApplication *self = user_data;
  g_autoptr(GPtrArray) unsaved = g_ptr_array_new ();
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* One question for every brief and template with unsaved work, not one per window. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CB_IS_DOCUMENT_WINDOW (l->data) &&
        cb_document_get_modified (cb_document_window_get_document (l->data)))
      g_ptr_array_add (unsaved, l->data);

  if (unsaved->len == 0)
    {
      close_all (self);
      return;
    }
  if (parent == NULL || !g_ptr_array_find (unsaved, parent, NULL))
    parent = g_ptr_array_index (unsaved, 0);
  cb_save_changes_dialog_run_async (parent, unsaved, NULL, quit_answered_cb, g_object_ref (self));
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

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CbApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (cb_preferences_window_new (self->settings));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_modal (window, TRUE);
  gtk_window_present (window);
}

static void
new_template_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cb_template_editor_new (user_data, NULL)));
}

static void
edit_template_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  CbApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  CbTemplate *template = cb_template_store_lookup (cb_template_store_get_default (), id);

  if (template == NULL)
    {
      g_warning ("No template with the id %s", id);
      return;
    }
  /* One editor per template, as one window per brief. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CB_IS_TEMPLATE_EDITOR (l->data) && cb_template_editor_edits (l->data, template))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (cb_template_editor_new (GTK_APPLICATION (self), template)));
}

/* The brief window the application's dialogs belong to: the active one, or a new one. */
static CbWindow *
main_window (CbApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  CbWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); active != NULL && !CB_IS_WINDOW (active) && l; l = l->next)
    if (CB_IS_WINDOW (l->data))
      active = l->data;
  if (active != NULL && CB_IS_WINDOW (active))
    return CB_WINDOW (active);

  window = cb_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
choose_template_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cb_new_brief_dialog_new (main_window (user_data))));
}

static void
new_assignment_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cb_assignment_dialog_new (GTK_WINDOW (main_window (user_data)))));
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated_cb },
  { .name = "about", .activate = about_activated_cb },
  { .name = "preferences", .activate = preferences_activated_cb },
  { .name = "new-template", .activate = new_template_activated_cb },
  { .name = "edit-template", .activate = edit_template_activated_cb, .parameter_type = "s" },
  { .name = "choose-template", .activate = choose_template_activated_cb },
  { .name = "new-assignment", .activate = new_assignment_activated_cb },
};

/* The window a draft is restored in: the one that shows its file already (a student
 * who runs `casebrief FILE` after a crash gets one window on FILE, not two), else
 * @offered while it holds nothing, else a new one. */
static CbWindow *
window_for_draft (CbApplication *self,
                  CbWindow      *offered,
                  CbDraft       *draft)
{
  const char *uri = cb_draft_get_original_uri (draft);
  CbWindow *window;

  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      GtkWindow *showing = cb_application_find_window_for_file (self, file);

      /* Its unsaved changes are not replaced: the draft then opens apart, unbound. */
      if (CB_IS_WINDOW (showing) && !cb_window_get_modified (CB_WINDOW (showing)))
        return CB_WINDOW (showing);
    }
  if (cb_window_get_brief (offered) == NULL && !cb_window_is_reading (offered))
    return offered;
  window = cb_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CbWindow         *window)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "cb-drafts");
  CbApplication *self = CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  for (guint i = 0; i < drafts->len; i++)
    {
      CbDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GError) error = NULL;
      CbWindow *target;

      if (!g_str_equal (response, "restore"))
        {
          cb_drafts_discard (cb_draft_get_id (draft));
          continue;
        }

      target = window_for_draft (self, window, draft);
      if (!cb_window_restore_draft (target, draft, &error))
        g_warning ("Could not restore a draft: %s", error->message);
      gtk_window_present (GTK_WINDOW (target));
    }
}

/* Drafts left by a previous run mean it did not end cleanly: offer them back. */
static gboolean
offer_drafts (CbApplication *self,
              CbWindow      *window)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (drafts->len == 0)
    return FALSE;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Casebrief did not close cleanly. %u brief has changes that were not saved.",
                                       "Casebrief did not close cleanly. %u briefs have changes that were not saved.",
                                       drafts->len), drafts->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Work?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "cb-drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), window);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
cb_application_activate (GApplication *app)
{
  CbApplication *self = CB_APPLICATION (app);
  CbWindow *window = cb_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  if (!self->drafts_offered)
    {
      self->drafts_offered = TRUE;
      if (offer_drafts (self, window))
        return;
    }

  {
    g_autoptr(GFile) sample = g_file_new_for_uri (SAMPLE_OPINION_URI);
    cb_window_open_file (window, sample);
  }
}

/* The brief window used last, which files from outside open through. */
static CbWindow *
last_brief_window (CbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
cb_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CbApplication *self = CB_APPLICATION (app);
  CbWindow *first = NULL;

  for (int i = 0; i < n_files; i++)
    {
      /* A file open already (the file manager opened it again, or a second
       * `casebrief FILE` passed it here) is shown in the window it is in. */
      GtkWindow *showing = cb_application_find_window_for_file (self, files[i]);
      CbWindow *window;

      if (showing != NULL)
        {
          gtk_window_present (showing);
          continue;
        }
      /* Through the window in use, as its own Open does: a file that cannot be read
       * leaves its message there and no empty window behind; one that is read takes
       * a window of its own when that one holds work. A window busy reading another
       * file is left to it. */
      window = last_brief_window (self);
      if (window == NULL || cb_window_is_reading (window))
        window = cb_window_new (self);
      cb_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      if (first == NULL)
        first = window;
    }

  /* Drafts are offered once the files are on their way, so that restoring the draft
   * of a file opened here puts it in that file's window. */
  if (!self->drafts_offered)
    {
      g_autoptr(GPtrArray) drafts = cb_drafts_list ();

      self->drafts_offered = TRUE;
      if (drafts->len > 0)
        {
          if (first == NULL)
            {
              first = cb_window_new (self);
              gtk_window_present (GTK_WINDOW (first));
            }
          offer_drafts (self, first);
        }
    }
}

static void
cb_application_startup (GApplication *app)
{
  CbApplication *self = CB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (app);

  /* What saves that a crash cut short left in the folders the app keeps. */
  {
    g_autoptr(GFile) drafts = cb_drafts_get_dir ();
    g_autoptr(GFile) templates = cb_template_store_get_user_dir (cb_template_store_get_default ());

    cb_file_remove_stale_temporaries (drafts);
    cb_file_remove_stale_temporaries (templates);
  }

  self->appearance = cb_appearance_new (self->settings, gdk_display_get_default ());
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
cb_application_dispose (GObject *object)
{
  CbApplication *self = CB_APPLICATION (object);

  g_clear_object (&self->appearance);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_application_parent_class)->dispose (object);
}

/* GtkApplication gives each window its keyboard shortcuts window here. */
static void
cb_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (cb_application_parent_class)->window_added (app, window);

  if (GTK_IS_APPLICATION_WINDOW (window) &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL)
    cb_accessible_mend (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
}

static void
cb_application_class_init (CbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = cb_application_dispose;
  app_class->activate = cb_application_activate;
  app_class->open = cb_application_open;
  app_class->startup = cb_application_startup;
  gtk_app_class->window_added = cb_application_window_added;
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

/**
 * cb_application_find_window_for_file:
 * @self: the application
 * @file: a brief or a template file
 *
 * Finds the window that edits @file, or is reading it to do so, however the file is
 * named: through a symbolic link, a relative path or a hard link. Each file has one
 * window at most, so that no two windows save over each other.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL
 */
GtkWindow *
cb_application_find_window_for_file (CbApplication *self,
                                     GFile         *file)
{
  g_return_val_if_fail (CB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CB_IS_WINDOW (l->data) && cb_window_has_file (l->data, file))
        return l->data;
      if (CB_IS_DOCUMENT_WINDOW (l->data) &&
          cb_document_is_file (cb_document_window_get_document (l->data), file))
        return l->data;
    }
  return NULL;
}
