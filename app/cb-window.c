/* Windows: one brief beside its opinion; its file, modified state, drafts, saving,
 * closing and export. Opening files is in cb-window-open.c, the actions in
 * cb-window-actions.c, drops in cb-window-dnd.c. */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cb-brief.h"
#include "cb-brief-export.h"
#include "cb-drafts.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-opinion.h"
#include "cb-accessible.h"
#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-print-operation.h"
#include "cb-show-file.h"
#include "cb-document-window.h"
#include "cb-file-filters.h"
#include "cb-profile.h"
#include "cb-window-private.h"

static void document_window_iface_init (CbDocumentWindowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbWindow, cb_window, ADW_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_DOCUMENT_WINDOW, document_window_iface_init))

enum {
  PROP_0,
  PROP_BRIEF,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A toast that stays until dismissed; the message is kept for cb_window_get_last_message(). */
void
_cb_window_show_error (CbWindow     *self,
                       const GError *error)
{
  /* A toast's title is markup; a message quotes what a file held ("'<' not found"). */
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_message);
  self->last_message = g_strdup (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast that goes by itself; the message is kept for cb_window_get_last_message(). */
void
_cb_window_show_message (CbWindow   *self,
                         const char *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The window's title is the brief's case name; the document adds the rest. */
static void
update_title (CbWindow *self)
{
  const char *case_name = self->brief ? cb_brief_get_case_name (self->brief) : NULL;

  if (self->brief == NULL)
    return;
  if (case_name == NULL || *case_name == '\0')
    case_name = _("Untitled Brief");
  cb_document_set_title (self->document, case_name);
}

/* Drafts: the brief as it is now, written beside the user's files, never over them,
 * off the main loop. */

typedef struct
{
  CbWindow *self;
  char *id;
} DraftWrite;

static void write_draft (CbWindow *self);

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DraftWrite *data = user_data;
  CbWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->draft_writing = FALSE;
  if (!cb_drafts_save_finish (result, &error))
    {
      /* A full disk, say: the student is told once, since a crash would now lose the
       * work; again only after a draft was written since. */
      if (!self->draft_failed && self->brief != NULL)
        {
          g_autofree char *message =
            /* Translators: why a draft could not be written follows */
            g_strdup_printf (_("Unsaved work could not be kept as a draft: %s"), error->message);

          _cb_window_show_message (self, message);
        }
      self->draft_failed = TRUE;
    }
  else
    self->draft_failed = FALSE;

  /* Saved or closed while it was written: the draft must not outlive that. */
  if (g_strcmp0 (self->draft_id, data->id) != 0)
    cb_drafts_discard (data->id);
  else if (self->draft_again)
    {
      self->draft_again = FALSE;
      write_draft (self);
    }
  g_object_unref (data->self);
  g_free (data->id);
  g_free (data);
}

static void
write_draft (CbWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  GFile *file = cb_document_get_file (self->document);
  g_autofree char *uri = NULL;
  DraftWrite *data;

  if (self->brief == NULL)
    return;
  /* One at a time, so that an older draft never lands after a newer one. */
  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }

  if (self->draft_id == NULL)
    self->draft_id = g_uuid_string_random ();
  uri = file ? g_file_get_uri (file) : NULL;
  bytes = cb_brief_to_bytes (self->brief);
  data = g_new0 (DraftWrite, 1);
  data->self = g_object_ref (self);
  data->id = g_strdup (self->draft_id);
  self->draft_writing = TRUE;
  cb_drafts_save_async (self->draft_id, bytes, uri, NULL, draft_written_cb, data);
}

static void
discard_draft (CbWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->draft_again = FALSE;
  if (self->draft_id != NULL)
    cb_drafts_discard (self->draft_id);
  g_clear_pointer (&self->draft_id, g_free);
}

static gboolean
autosave_cb (gpointer user_data)
{
  CbWindow *self = user_data;

  self->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
brief_changed_cb (CbWindow *self)
{
  cb_document_changed (self->document);

  /* A few seconds after the last edit; a crash then costs seconds, not a brief. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (g_settings_get_uint (self->settings, "autosave-delay"),
                                             autosave_cb, self);
}

static void
cite_style_changed_cb (CbWindow *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "cite-style");

  if (self->brief != NULL)
    cb_brief_set_cite_style (self->brief, g_str_equal (style, "supreme-court")
                                          ? CB_CITE_STYLE_SUPREME_COURT : CB_CITE_STYLE_BLUEBOOK);
}

static void
brief_title_changed_cb (CbWindow *self)
{
  update_title (self);
}

/* Shows @brief, read from @file as @stamp says (or new, without a file). */
void
_cb_window_set_brief (CbWindow    *self,
                      CbBrief     *brief,
                      GFile       *file,
                      CbFileStamp *stamp)
{
  if (self->brief != NULL)
    g_signal_handlers_disconnect_by_data (self->brief, self);
  discard_draft (self);
  /* The PDF found for an opinion is not another opinion's. */
  if (self->brief != NULL && brief != NULL &&
      g_strcmp0 (cb_opinion_get_sha256 (cb_brief_get_opinion (self->brief)),
                 cb_opinion_get_sha256 (cb_brief_get_opinion (brief))) != 0)
    g_clear_object (&self->pdf_file);

  /* A brief that names no student (an assignment as handed out) names the one of the
   * preferences, as a new brief does. Before the window follows its changes: opening
   * alone does not make it modified, and the name is saved with the next save. */
  if (*cb_brief_get_student (brief) == '\0')
    {
      g_autofree char *student = g_settings_get_string (self->settings, "student-name");

      if (*student != '\0')
        cb_brief_set_student (brief, student);
    }

  g_set_object (&self->brief, brief);
  cite_style_changed_cb (self);
  cb_document_reset (self->document, file, stamp);
  update_title (self);
  cb_opinion_view_set_opinion (self->opinion_view, cb_brief_get_opinion (brief));
  cb_opinion_view_set_brief (self->opinion_view, brief);
  cb_brief_view_set_brief (self->brief_view, brief);
  gtk_stack_set_visible_child_name (self->stack, "brief");
  cb_profile_mark_next_frame (GTK_WIDGET (self), "first frame with the brief");

  g_signal_connect_object (brief, "changed", G_CALLBACK (brief_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief, "notify::case-name", G_CALLBACK (brief_title_changed_cb), self,
                           G_CONNECT_SWAPPED);

  _cb_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEF]);
}

/* Whether opening a file may replace what this window shows: only when nothing in it
 * would be lost. */
static gboolean
is_pristine (CbWindow *self)
{
  return self->brief == NULL ||
         (!cb_document_get_modified (self->document) && cb_document_get_file (self->document) == NULL);
}

/* This window when it holds nothing worth keeping, else a new one. */
CbWindow *
_cb_window_for_new_document (CbWindow *self)
{
  CbWindow *window;

  if (is_pristine (self))
    return self;

  window = cb_window_new (CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Saving and reading again: the shared document window does the asking. */

static CbDocument *
window_get_document (CbDocumentWindow *window)
{
  return CB_WINDOW (window)->document;
}

static GBytes *
window_serialize (CbDocumentWindow  *window,
                  GError           **error)
{
  CbWindow *self = CB_WINDOW (window);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  if (self->brief == NULL)
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_SAVE, _("There is no brief to save"));
      return NULL;
    }
  /* The date is part of what is saved, not an edit of the student's. */
  g_signal_handlers_block_by_func (self->brief, brief_changed_cb, self);
  cb_brief_set_modified (self->brief, stamp);
  g_signal_handlers_unblock_by_func (self->brief, brief_changed_cb, self);
  return cb_brief_to_bytes (self->brief);
}

static GFile *
window_get_save_target (CbDocumentWindow  *window,
                        CbFileStamp      **expected,
                        GError           **error)
{
  GFile *file = cb_document_get_file (CB_WINDOW (window)->document);

  return file != NULL ? g_object_ref (file) : NULL;
}

static char *
window_describe_chooser (CbDocumentWindow  *window,
                         const char       **title,
                         CbFileKinds       *kinds)
{
  CbWindow *self = CB_WINDOW (window);
  const char *case_name = self->brief ? cb_brief_get_case_name (self->brief) : NULL;

  *title = _("Save Brief");
  *kinds = CB_FILE_BRIEFS;
  return cb_file_name_for_title (case_name, _("Untitled Brief"), ".brief");
}

static void
window_saved (CbDocumentWindow *window,
              GFile            *file)
{
  CbWindow *self = CB_WINDOW (window);
  g_autofree char *uri = g_file_get_uri (file);

  /* Edits made while the file was written still need their draft. */
  if (!cb_document_get_modified (self->document))
    discard_draft (self);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
window_reload (CbDocumentWindow *window)
{
  _cb_window_reload (CB_WINDOW (window));
}

static void
window_show_error (CbDocumentWindow *window,
                   const GError     *error)
{
  _cb_window_show_error (CB_WINDOW (window), error);
}

static void
document_window_iface_init (CbDocumentWindowInterface *iface)
{
  iface->get_document = window_get_document;
  iface->serialize = window_serialize;
  iface->get_save_target = window_get_save_target;
  iface->describe_chooser = window_describe_chooser;
  iface->saved = window_saved;
  iface->reload = window_reload;
  iface->show_error = window_show_error;
}

/* Closing */

static gboolean
cb_window_close_request (GtkWindow *window)
{
  CbWindow *self = CB_WINDOW (window);
  int width, height;

  /* Unsaved work asks first; the window closes once that is settled. */
  if (!cb_document_window_close_request (CB_DOCUMENT_WINDOW (self)))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  discard_draft (self);

  return GTK_WINDOW_CLASS (cb_window_parent_class)->close_request (window);
}

/* Print and PDF */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CbBrief *snapshot = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "cb-file");
  const CbPageGeometry *geometry = g_object_get_data (G_OBJECT (task), "cb-geometry");
  GError *error = NULL;

  if (cb_brief_export_pdf (snapshot, file, geometry, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The toast that says a PDF is being written is never dismissed by the window:
 * libadwaita 1.2 frees a toast dismissed while it still slides in, and then writes to
 * it when the sliding ends, which a window whose frames come late (a busy machine)
 * makes likely. It becomes the toast that says the PDF is written instead, when it
 * has the time left to be read; otherwise that toast follows it. */
#define EXPORT_TOAST_REUSE_US (3 * G_USEC_PER_SEC)

typedef struct
{
  CbWindow *self;
  GFile *file;
} Exported;

static void
exported_free (Exported *exported)
{
  g_object_unref (exported->self);
  g_object_unref (exported->file);
  g_free (exported);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Exported, exported_free)

static void
export_toast_dismissed_cb (AdwToast *toast,
                           CbWindow *self)
{
  g_signal_handlers_disconnect_by_data (toast, self);
  if (self->export_toast == toast)
    g_clear_object (&self->export_toast);
}

static void
forget_export_toast (CbWindow *self)
{
  if (self->export_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->export_toast, self);
  g_clear_object (&self->export_toast);
}

/* The PDF is written: the toast offers to open it, and to show it in its folder where
 * the desktop can. */
static void
folder_how_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Exported) exported = user_data;
  CbWindow *self = exported->self;
  g_autoptr(GError) error = NULL;
  CbFolderShow how = cb_show_file_folder_how_finish (result, &error);
  g_autofree char *uri = g_file_get_uri (exported->file);
  g_autoptr(AdwToast) toast = NULL;
  gboolean reuse;

  /* The window went away meanwhile. */
  if (error != NULL || self->cancellable == NULL)
    return;

  reuse = self->export_toast != NULL &&
          g_get_monotonic_time () - self->export_toast_time < EXPORT_TOAST_REUSE_US;
  toast = reuse ? g_object_ref (self->export_toast) : adw_toast_new (_("Exported to PDF"));
  forget_export_toast (self);
  adw_toast_set_title (toast, _("Exported to PDF"));
  /* The target first: a shown toast's button takes each as it is set. */
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_button_label (toast, _("_Open"));
  if (how != CB_FOLDER_SHOW_NONE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_("Exported to PDF"));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Show in _Folder"));

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-exported");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (uri));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      adw_toast_set_custom_title (toast, box);
    }
  g_free (self->last_message);
  self->last_message = g_strdup (_("Exported to PDF"));
  if (!reuse)
    adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Exported *exported;

  /* The window went away meanwhile. */
  if (self->cancellable == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->brief != NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* An error stays until read: it follows the toast, which goes by itself. */
      forget_export_toast (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cb_window_show_error (self, error);
      return;
    }
  exported = g_new0 (Exported, 1);
  exported->self = g_object_ref (self);
  exported->file = g_object_ref (g_object_get_data (G_OBJECT (result), "cb-file"));
  cb_show_file_folder_how_async (self->cancellable, folder_how_cb, exported);
}

/**
 * cb_window_export_pdf:
 * @self: the window
 * @file: the PDF to write
 *
 * Exports a copy of the brief as it is now, in a worker thread, so that the student
 * can go on writing while a long brief is typeset, on the paper of the preferences. A
 * toast says when it is done.
 */
void
cb_window_export_pdf (CbWindow *self,
                      GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = cb_brief_to_bytes (self->brief);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) snapshot = cb_brief_load_bytes (bytes, NULL, &error);
  g_autofree CbPageGeometry *geometry = g_new0 (CbPageGeometry, 1);

  cb_page_geometry_init_paper (geometry, cb_paper_get_preferred (self->settings));
  if (snapshot == NULL)
    {
      _cb_window_show_error (self, error);
      return;
    }
  /* The pin-cite style is a preference, not part of the file: the copy cites as the
   * screen and Print do. */
  cb_brief_set_cite_style (snapshot, cb_brief_get_cite_style (self->brief));
  /* The chooser only asks whether to replace a file: a PDF over the brief itself (by
   * identity, whatever the name) would lose it. */
  if (cb_document_get_file (self->document) != NULL && cb_document_is_file (self->document, file))
    {
      g_autofree char *out = g_file_get_parse_name (file);
      g_autofree char *in = g_file_get_parse_name (cb_document_get_file (self->document));
      g_autoptr(GError) same = g_error_new (CB_ERROR, CB_ERROR_SAVE,
                                            _("%s is the same file as %s; give the PDF another name"), out, in);

      _cb_window_show_error (self, same);
      return;
    }

  g_free (self->last_message);
  self->last_message = g_strdup (_("Exporting to PDF…"));
  forget_export_toast (self);
  self->export_toast = adw_toast_new (self->last_message);
  self->export_toast_time = g_get_monotonic_time ();
  g_signal_connect (self->export_toast, "dismissed", G_CALLBACK (export_toast_dismissed_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->export_toast));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  task = g_task_new (NULL, self->cancellable, exported_cb, g_object_ref (self));
  g_task_set_source_tag (task, cb_window_export_pdf);
  g_task_set_task_data (task, g_steal_pointer (&snapshot), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "cb-file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "cb-geometry", g_steal_pointer (&geometry), g_free);
  g_task_run_in_thread (task, export_thread);
}

static void
document_file_changed_cb (CbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
document_modified_changed_cb (CbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->import != NULL)
    cb_import_toast_cancel (self->import);
  g_clear_object (&self->import);
  forget_export_toast (self);
  if (self->pdf_check != NULL)
    cb_import_toast_cancel (self->pdf_check);
  g_clear_object (&self->pdf_check);
  g_clear_object (&self->pdf_file);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->brief != NULL)
    g_signal_handlers_disconnect_by_data (self->brief, self);
  g_clear_object (&self->brief);
  g_clear_pointer (&self->opening, g_ptr_array_unref);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->last_message, g_free);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_finalize (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  /* Kept to the end: a save under way when the window went still finishes with it. */
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cb_window_parent_class)->finalize (object);
}

static void
cb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_value_set_object (value, self->brief);
      break;
    case PROP_FILE:
      g_value_set_object (value, cb_document_get_file (self->document));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cb_document_get_modified (self->document));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_window_dispose;
  object_class->finalize = cb_window_finalize;
  object_class->get_property = cb_window_get_property;
  window_class->close_request = cb_window_close_request;

  properties[PROP_BRIEF] =
    g_param_spec_object ("brief", NULL, NULL, CB_TYPE_BRIEF,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_OPINION_VIEW);
  g_type_ensure (CB_TYPE_BRIEF_VIEW);
  g_type_ensure (CB_TYPE_FILE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, file_banner);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, brief_view);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, stack);

  _cb_window_class_actions_init (klass);
  cb_document_window_class_install_actions (widget_class);
}

static void
cb_window_init (CbWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_accessible_mend (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->opening = g_ptr_array_new_with_free_func (g_object_unref);
  self->document = cb_document_new ();
  cb_file_banner_set_document (self->file_banner, self->document);
  cb_document_window_setup (CB_DOCUMENT_WINDOW (self), self->window_title);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (document_file_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (document_modified_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "pane-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::cite-style", G_CALLBACK (cite_style_changed_cb),
                           self, G_CONNECT_SWAPPED);

  _cb_window_dnd_init (self);

  _cb_window_actions_init (self);
  _cb_window_update_actions (self);
  cb_profile_watch_window (GTK_WINDOW (self));
}

/**
 * cb_window_new:
 * @application: the application
 *
 * Creates a main window with nothing open.
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
 * @file: a brief, a brief template or an opinion
 *
 * Opens @file: a brief as it was saved, a template as a new brief (asking for the
 * opinion), an opinion as a new brief from the default template. When this window
 * holds work that could be lost, the file opens in a new window instead.
 */
void
cb_window_open_file (CbWindow *self,
                     GFile    *file)
{
  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _cb_window_open_file (self, file);
}

/**
 * cb_window_restore_draft:
 * @self: the window
 * @draft: a draft left by a window that did not close cleanly
 *
 * Shows the brief of @draft, unsaved, bound to the file it was a draft of.
 *
 * Returns: whether the draft could be read
 */
gboolean
cb_window_restore_draft (CbWindow  *self,
                         CbDraft   *draft,
                         GError   **error)
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;

  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);

  brief = cb_draft_load (draft, error);
  if (brief == NULL)
    return FALSE;

  if (cb_draft_get_original_uri (draft) != NULL)
    {
      gint64 drafted = g_date_time_to_unix (cb_draft_get_saved (draft)) + 1;

      file = g_file_new_for_uri (cb_draft_get_original_uri (draft));
      /* The draft builds on the file as it was then. Written to since, or gone, the
       * file is not replaced unasked: without a stamp the window shows what happened. */
      stamp = cb_file_stamp_query (file, NULL, NULL);
      if (stamp != NULL && cb_file_stamp_get_modified (stamp) > drafted * G_USEC_PER_SEC)
        g_clear_pointer (&stamp, cb_file_stamp_unref);
      /* Another window edits the file: the draft is kept apart, as a brief not yet
       * saved, so that the two never save over each other. */
      {
        GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
        GtkWindow *showing = app != NULL ? cb_application_find_window_for_file (CB_APPLICATION (app), file) : NULL;

        if (showing != NULL && showing != GTK_WINDOW (self))
          {
            g_clear_object (&file);
            g_clear_pointer (&stamp, cb_file_stamp_unref);
          }
      }
    }
  _cb_window_set_brief (self, brief, file, stamp);
  self->draft_id = g_strdup (cb_draft_get_id (draft));
  cb_document_set_modified (self->document, TRUE);
  return TRUE;
}

/**
 * cb_window_get_brief:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the brief being edited
 */
CbBrief *
cb_window_get_brief (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->brief;
}

/**
 * cb_window_get_modified:
 * @self: the window
 *
 * Returns: whether the brief has changes not yet saved
 */
gboolean
cb_window_get_modified (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return cb_document_get_modified (self->document);
}

static void
saved_to_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* Errors are shown in the window. */
  cb_document_window_save_finish (CB_DOCUMENT_WINDOW (source), result, NULL);
}

/**
 * cb_window_save_to:
 * @self: the window
 * @file: where to save
 *
 * Saves the brief to @file in the background, as Save As does once @file is chosen.
 */
void
cb_window_save_to (CbWindow *self,
                   GFile    *file)
{
  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (self->brief != NULL);

  cb_document_window_save_to_async (CB_DOCUMENT_WINDOW (self), file, NULL, saved_to_cb, NULL);
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

/**
 * cb_window_get_last_message:
 * @self: the window
 *
 * Returns: (nullable): the last message the window showed the user, e.g. an error
 */
const char *
cb_window_get_last_message (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);
  return self->last_message;
}

/**
 * cb_window_has_file:
 * @self: the window
 * @file: a file
 *
 * Whether the window shows @file, or is reading it to show it, however the file is
 * named (a symbolic link, a relative path).
 *
 * Returns: %TRUE when @file is this window's brief
 */
gboolean
cb_window_has_file (CbWindow *self,
                    GFile    *file)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (cb_document_is_file (self->document, file))
    return TRUE;
  for (guint i = 0; i < self->opening->len; i++)
    if (cb_document_same_file (g_ptr_array_index (self->opening, i), file))
      return TRUE;
  return FALSE;
}

/**
 * cb_window_is_reading:
 * @self: the window
 *
 * Whether the window is reading a brief or an opinion, to show once it is read.
 *
 * Returns: %TRUE while a file is being read for the window
 */
gboolean
cb_window_is_reading (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);
  return (self->opening != NULL && self->opening->len > 0) || self->import != NULL;
}
