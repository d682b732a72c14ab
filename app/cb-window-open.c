/* Windows: opening a file, whichever it is: a brief read off the main loop, a template
 * offered to be kept before its brief starts, an opinion imported with its reading's
 * progress in a toast (CbImportToast); and a brief read again when another program
 * changed it. */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <malloc.h>

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-file-filters.h"
#include "cb-template-store.h"
#include "cb-window-private.h"

/* What an opening file needs once it is read. */
typedef struct
{
  CbWindow *self;
  CbTemplate *template;
  GFile *file;
  /* The edits made before a reload started; any made since stop it. */
  guint64 changes;
} ImportData;

static ImportData *
import_data_new (CbWindow   *self,
                 CbTemplate *template,
                 GFile      *file)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->self = g_object_ref (self);
  data->template = template ? g_object_ref (template) : NULL;
  data->file = g_object_ref (file);
  return data;
}

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->template);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
opinion_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  CbWindow *self = data->self;
  CbImportToast *import = CB_IMPORT_TOAST (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_import_toast_finish (import, result, &error);
  CbTemplate *template = data->template;

  /* A reading another one replaced says nothing. */
  if (import != self->import)
    return;
  g_clear_object (&self->import);
  if (opinion == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled by the student, not by the window going away. */
          if (!g_cancellable_is_cancelled (self->cancellable))
            _cb_window_show_message (self, error->message);
        }
      else
        _cb_window_show_error (self, error);
      return;
    }

  _cb_window_new_brief (self, template, opinion,
                        cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_PDF ? data->file : NULL);
}

/* A new brief of @opinion from @template (the default one when %NULL), with the student
 * and course of the preferences, in this window if it holds nothing worth keeping. */
void
_cb_window_new_brief (CbWindow   *self,
                      CbTemplate *template,
                      CbOpinion  *opinion,
                      GFile      *pdf_file)
{
  g_autoptr(CbBrief) brief = NULL;

  if (template == NULL)
    template = cb_template_store_get_default_template (cb_template_store_get_default ());
  brief = cb_brief_new (template, opinion);
  {
    g_autofree char *student = g_settings_get_string (self->settings, "student-name");
    g_autofree char *course = g_settings_get_string (self->settings, "course");

    if (*student != '\0')
      cb_brief_set_student (brief, student);
    if (*course != '\0')
      cb_brief_set_course (brief, course);
  }
  self = _cb_window_for_new_document (self);
  _cb_window_set_brief (self, brief, NULL, NULL);
  g_set_object (&self->pdf_file, pdf_file);
}

static GtkWindow *window_with_file (CbWindow *self,
                                    GFile    *file);

static void
brief_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  CbWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file_finish (result, &stamp, &error);
  GFile *file = data->file;
  guint n_orphans = 0, n_review = 0;
  GListModel *excerpts;

  if (self->opening != NULL)
    g_ptr_array_remove (self->opening, file);
  if (brief == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cb_window_show_error (self, error);
      return;
    }
  /* Shown meanwhile, by a draft of it that was restored: that window is the file's. */
  {
    GtkWindow *showing = window_with_file (self, file);

    if (showing != NULL)
      {
        gtk_window_present (showing);
        return;
      }
  }

#ifdef __GLIBC__
  /* The file was read and parsed on a worker thread, in memory of its own that malloc
   * would keep: give it back before the window is built. */
  malloc_trim (0);
#endif
  self = _cb_window_for_new_document (self);
  _cb_window_set_brief (self, brief, file, stamp);
  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  excerpts = cb_brief_get_excerpts (brief);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      if (cb_excerpt_get_status (excerpt) == CB_ANCHOR_ORPHAN)
        n_orphans++;
      else if (cb_excerpt_get_status (excerpt) == CB_ANCHOR_NEEDS_REVIEW)
        n_review++;
    }
  if (n_orphans > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u excerpt is no longer in the opinion; it is kept and marked",
                                      "%u excerpts are no longer in the opinion; they are kept and marked",
                                      n_orphans), n_orphans);
      _cb_window_show_message (self, message);
    }
  if (n_review > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u excerpt changed in the opinion and needs review",
                                      "%u excerpts changed in the opinion and need review",
                                      n_review), n_review);
      _cb_window_show_message (self, message);
    }
}

static gboolean
is_brief_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  return g_str_has_suffix (name, ".brief");
}

static gboolean
is_template_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  return g_str_has_suffix (name, ".brieftemplate");
}

static void
install_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CbWindow         *self)
{
  CbTemplate *template = g_object_get_data (G_OBJECT (dialog), "cb-template");

  if (g_str_equal (response, "install"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) installed = cb_template_store_install (cb_template_store_get_default (), template, &error);

      if (installed == NULL)
        _cb_window_show_error (self, error);
      else
        _cb_window_show_message (self, _("Template added to your templates"));
    }
  _cb_window_choose_opinion_for_template (self, template);
}

/* A template opened from outside (a professor's mail, the file manager) may be wanted
 * again: offer to keep it with the user's templates before starting the brief. */
static void
offer_template_install (CbWindow   *self,
                        CbTemplate *template,
                        GFile      *file)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplate *known = cb_template_store_lookup (store, cb_template_get_id (template));
  GFile *known_file = known ? cb_template_store_get_file (store, known) : NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Already kept, or shadowed by a built-in of the same id: nothing to offer. */
  if ((known_file != NULL && g_file_equal (known_file, file)) ||
      (known != NULL && cb_template_store_get_origin (store, known) == CB_TEMPLATE_ORIGIN_BUILTIN))
    {
      _cb_window_choose_opinion_for_template (self, template);
      return;
    }

  if (known != NULL && cb_template_store_get_origin (store, known) == CB_TEMPLATE_ORIGIN_USER)
    body = g_strdup_printf (_("“%s” can be kept with your templates, to start more briefs from it later. "
                              "It replaces your template “%s”."),
                            cb_template_get_title (template), cb_template_get_title (known));
  else
    body = g_strdup_printf (_("“%s” can be kept with your templates, to start more briefs from it later."),
                            cb_template_get_title (template));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Keep This Template?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "once", _("_Use Once"),
                                    "install", _("_Keep Template"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "install", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "install");
  adw_message_dialog_set_close_response (dialog, "once");
  g_object_set_data_full (G_OBJECT (dialog), "cb-template", g_object_ref (template), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (install_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window that shows @file already, or is reading it to show it. */
static GtkWindow *
window_with_file (CbWindow *self,
                  GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    return cb_application_find_window_for_file (CB_APPLICATION (app), file);
  return cb_window_has_file (self, file) ? GTK_WINDOW (self) : NULL;
}

/* Opens a brief, a template or an opinion, whichever @file is. */
void
_cb_window_open_file (CbWindow *self,
                      GFile    *file)
{
  /* The file is read first; only a file that loaded takes a window, so a bad file
   * leaves this one as it was, with a message naming the file and the problem. */
  if (is_brief_file (file))
    {
      /* One window per brief: two would each overwrite the other's work. */
      GtkWindow *showing = window_with_file (self, file);

      if (showing != NULL)
        {
          gtk_window_present (showing);
          return;
        }
      g_ptr_array_add (self->opening, g_object_ref (file));
      cb_brief_load_file_async (file, self->cancellable, brief_loaded_cb,
                                import_data_new (self, NULL, file));
    }
  else if (is_template_file (file))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbTemplate) template = cb_template_load_file (file, NULL, &error);

      if (template == NULL)
        _cb_window_show_error (self, error);
      else
        offer_template_install (_cb_window_for_new_document (self), template, file);
    }
  else
    cb_window_import_opinion (self, file, NULL);
}

/* File choosers */

static void
template_opinion_chosen_cb (GtkWindow *window,
                            GFile     *file,
                            gpointer   data)
{
  if (file != NULL)
    cb_window_import_opinion (CB_WINDOW (window), file, data);
}

/* Asks for the opinion to start a brief from @template with. */
void
_cb_window_choose_opinion_for_template (CbWindow   *self,
                                        CbTemplate *template)
{
  g_autofree char *title = g_strdup_printf (_("Choose the Opinion to Brief with “%s”"),
                                            cb_template_get_title (template));

  cb_file_chooser_ask (GTK_WINDOW (self), title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), CB_FILE_OPINIONS,
                       NULL, template_opinion_chosen_cb, g_object_ref (template), g_object_unref);
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  CbWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file_finish (result, &stamp, &error);
  GFile *file = cb_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* Closed meanwhile: nothing to show it in. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->brief == NULL)
    return;
  /* Saved elsewhere, or edited, while the file was read: nothing to replace now, and
   * an edit made meanwhile is not lost. The banner still says the file changed. */
  if (file == NULL || !g_file_equal (file, data->file) ||
      cb_document_get_changes (self->document) != data->changes)
    return;
  if (brief == NULL)
    {
      /* Not readable, or no longer a brief: the window keeps what it shows. */
      cb_document_set_disk_error (self->document, error);
      return;
    }

  _cb_window_set_brief (self, brief, file, stamp);
  name = cb_document_dup_file_name (self->document);
  /* Translators: a file's name */
  message = g_strdup_printf (_("“%s” was changed by another program and is shown as it is now"), name);
  _cb_window_show_message (self, message);
}

/* Reads the brief again, as another program left it. */
void
_cb_window_reload (CbWindow *self)
{
  GFile *file = cb_document_get_file (self->document);
  ImportData *data;

  if (file == NULL)
    return;
  data = import_data_new (self, NULL, file);
  data->changes = cb_document_get_changes (self->document);
  cb_brief_load_file_async (file, self->cancellable, reloaded_cb, data);
}

/**
 * cb_window_import_opinion:
 * @self: the window
 * @file: an opinion file
 * @template: (nullable): the template of the new brief, or %NULL for the default
 *
 * Imports @file in the background and shows it beside a new brief.
 */
void
cb_window_import_opinion (CbWindow   *self,
                          GFile      *file,
                          CbTemplate *template)
{
  ImportData *data;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (template == NULL || CB_IS_TEMPLATE (template));

  data = import_data_new (self, template, file);
  /* One opinion is read at a time; the toast's Cancel ends it. */
  if (self->import != NULL)
    cb_import_toast_cancel (self->import);
  g_clear_object (&self->import);
  self->import = cb_import_toast_start (self->toast_overlay, file, self->cancellable, opinion_imported_cb, data);
}
