/* Document windows: what a window that edits one file (a brief, a template) does the
 * same way as every other, through one piece of code: its title, Save and Save As,
 * the questions a save asks when the file changed on disk, reloading, and "Save
 * Changes?" on close. Each window says how its document is written and read. */
#define G_LOG_DOMAIN "cb-document-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-error.h"
#include "cb-save-changes-dialog.h"
#include "cb-document-window.h"

G_DEFINE_INTERFACE (CbDocumentWindow, cb_document_window, GTK_TYPE_WINDOW)

/* What the shared code keeps on each window. */
typedef struct
{
  AdwWindowTitle *title;
  gboolean closing;
  gboolean asking_to_close;
  /* Destroyed while a save or a question was under way: nothing more to do for it. */
  gboolean destroyed;
} WindowState;

#define STATE_KEY "cb-document-window-state"

/* Where a save is, between its questions. */
typedef struct
{
  GFile *target;
  /* How a target not the document's own was when last read. */
  CbFileStamp *expected;
  CbDocumentSaveFlags flags;
  gboolean retried;
  /* Whether the Save As chooser answered. */
  gboolean answered;
} SaveFlow;

static void
save_flow_free (SaveFlow *flow)
{
  g_clear_object (&flow->target);
  g_clear_pointer (&flow->expected, cb_file_stamp_unref);
  g_free (flow);
}

static void flow_choose (GTask *task);
static void flow_write  (GTask *task);

static void
cb_document_window_default_init (CbDocumentWindowInterface *iface)
{
}

static WindowState *
get_state (CbDocumentWindow *self)
{
  WindowState *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (WindowState, 1);
      g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, g_free);
    }
  return state;
}

static void
show_error (CbDocumentWindow *self,
            const GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !get_state (self)->destroyed)
    CB_DOCUMENT_WINDOW_GET_IFACE (self)->show_error (self, error);
}

static void
return_error (GTask  *task,
              GError *error)
{
  show_error (g_task_get_source_object (task), error);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
flow_gone (GTask *task)
{
  return get_state (g_task_get_source_object (task))->destroyed;
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The save was cancelled");
  g_object_unref (task);
}

/* Title */

static void
update_title (CbDocumentWindow *self)
{
  WindowState *state = get_state (self);
  CbDocument *document = cb_document_window_get_document (self);
  const char *title = cb_document_get_title (document);
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = cb_document_dup_file_name (document);

  /* Without a title the window holds nothing yet: the one its template gives stays. */
  if (title != NULL)
    {
      shown = cb_document_get_modified (document) ? g_strdup_printf ("• %s", title) : g_strdup (title);
      adw_window_title_set_title (state->title, shown);
      gtk_window_set_title (GTK_WINDOW (self), shown);
    }
  if (subtitle == NULL)
    subtitle = g_strdup (title != NULL ? cb_document_window_get_not_saved_label (self) : "");
  adw_window_title_set_subtitle (state->title, subtitle);
}

/* What another program did to the file */

static void
disk_state_changed_cb (CbDocumentWindow *self)
{
  CbDocument *document = cb_document_window_get_document (self);

  /* Nothing here that the file lacks: show the file as it is now, without asking. */
  if (cb_document_get_disk_state (document) == CB_DOCUMENT_DISK_CHANGED &&
      !cb_document_get_modified (document) && !cb_document_get_saving (document))
    CB_DOCUMENT_WINDOW_GET_IFACE (self)->reload (self);
}

static void
is_active_changed_cb (CbDocumentWindow *self)
{
  /* For files no monitor reaches (network shares): a look whenever the user comes back. */
  if (gtk_window_is_active (GTK_WINDOW (self)))
    cb_document_check_disk (cb_document_window_get_document (self));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CbDocumentWindow *self)
{
  if (g_str_equal (response, "reload"))
    CB_DOCUMENT_WINDOW_GET_IFACE (self)->reload (self);
}

/**
 * cb_document_window_reload:
 * @self: a window
 *
 * Reads the window's file again, as it is on disk now; when the window holds changes
 * that are not saved, asks first, since they are lost.
 */
void
cb_document_window_reload (CbDocumentWindow *self)
{
  CbDocument *document;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));

  document = cb_document_window_get_document (self);
  if (cb_document_get_file (document) == NULL)
    return;
  if (!cb_document_get_modified (document))
    {
      CB_DOCUMENT_WINDOW_GET_IFACE (self)->reload (self);
      return;
    }

  name = cb_document_dup_file_name (document);
  /* Translators: a file's name */
  body = g_strdup_printf (_("“%s” is opened again as it is on disk now. The changes in this window that are not "
                            "saved are lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reload the File?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving: Save As asks where; a file changed, deleted or not this window's own is
 * replaced only when the user says so. */

static void
flow_question_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GTask            *task)
{
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  CbDocument *document = cb_document_window_get_document (self);

  if (flow_gone (task))
    return_cancelled (task);
  else if (g_str_equal (response, "save-as"))
    flow_choose (task);
  else if (g_str_equal (response, "replace"))
    {
      if (cb_document_is_file (document, flow->target))
        {
          /* The version on disk now is the one replaced; another change first asks again. */
          cb_document_keep_mine (document);
          flow->flags = CB_DOCUMENT_SAVE_NONE;
        }
      else
        flow->flags = CB_DOCUMENT_SAVE_REPLACE;
      flow_write (task);
    }
  else
    return_cancelled (task);
}

static void
flow_ask (GTask               *task,
          CbDocumentDiskState  state,
          gboolean             own)
{
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  g_autofree char *basename = g_file_get_basename (flow->target);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  const char *heading;
  const char *replace_label;
  AdwMessageDialog *dialog;

  if (!own && flow->expected == NULL)
    {
      heading = _("Replace File?");
      /* Translators: a file's name */
      body = g_strdup_printf (_("“%s” already exists, and is not the file this window last opened or saved. "
                                "Replacing it loses what it holds."), name);
      replace_label = _("_Replace");
    }
  else if (state == CB_DOCUMENT_DISK_DELETED)
    {
      heading = _("File Deleted");
      /* Translators: a file's name */
      body = g_strdup_printf (_("“%s” was deleted or moved away since it was opened or last saved here. "
                                "Save your version there again?"), name);
      replace_label = _("Save _Again");
    }
  else
    {
      heading = _("File Changed on Disk");
      /* Translators: a file's name */
      body = g_strdup_printf (_("“%s” was changed by another program since it was opened or last saved here. "
                                "Saving replaces that version with yours."), name);
      replace_label = _("_Replace");
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "replace", replace_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace",
                                              state == CB_DOCUMENT_DISK_DELETED
                                              ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (flow_question_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
flow_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  CbDocument *document = CB_DOCUMENT (source);
  SaveFlow *flow = g_task_get_task_data (task);
  CbDocumentDiskState state;

  cb_document_check_disk_finish (document, result);
  if (flow_gone (task))
    {
      return_cancelled (task);
      return;
    }
  state = cb_document_get_disk_state (document);
  if (state != CB_DOCUMENT_DISK_UNCHANGED)
    {
      flow_ask (task, state, TRUE);
      return;
    }
  /* The disk is as it was after all (the change was undone): one more try. */
  if (!flow->retried)
    {
      flow->retried = TRUE;
      flow_write (task);
      return;
    }
  flow_ask (task, CB_DOCUMENT_DISK_CHANGED, TRUE);
}

static void
flow_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  CbDocument *document = CB_DOCUMENT (source);
  GError *error = NULL;

  if (cb_document_save_finish (document, result, &error))
    {
      if (!flow_gone (task))
        CB_DOCUMENT_WINDOW_GET_IFACE (self)->saved (self, flow->target);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (g_error_matches (error, CB_ERROR, CB_ERROR_CHANGED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (&error);
      if (flow_gone (task))
        return_cancelled (task);
      else if (cb_document_is_file (document, flow->target))
        cb_document_check_disk_async (document, flow_checked_cb, task);
      else
        flow_ask (task, g_file_query_exists (flow->target, NULL) ? CB_DOCUMENT_DISK_CHANGED : CB_DOCUMENT_DISK_DELETED,
                  FALSE);
      return;
    }
  return_error (task, error);
}

static void
flow_write (GTask *task)
{
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = CB_DOCUMENT_WINDOW_GET_IFACE (self)->serialize (self, &error);

  if (bytes == NULL)
    {
      return_error (task, error);
      return;
    }
  cb_document_save_async (cb_document_window_get_document (self), flow->target, bytes, flow->flags,
                          flow->expected, g_task_get_cancellable (task), flow_written_cb, task);
}

/* Saves to a file the user chose, where the chooser asked before it let an existing
 * file be chosen. */
static void
flow_save_to_chosen (GTask *task,
                     GFile *file)
{
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *other;

  /* Two windows on one file would each overwrite the other's work. */
  other = app != NULL ? cb_application_find_window_for_file (CB_APPLICATION (app), file) : NULL;
  if (other != NULL && other != GTK_WINDOW (self))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      GError *error = g_error_new (CB_ERROR, CB_ERROR_SAVE,
                                   /* Translators: a file's name */
                                   _("Could not save %s: it is open in another window"), name);
      return_error (task, error);
      return;
    }

  g_set_object (&flow->target, file);
  flow->flags = CB_DOCUMENT_SAVE_REPLACE;
  flow_write (task);
}

static void
flow_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   data)
{
  GTask *task = data;
  SaveFlow *flow = g_task_get_task_data (task);

  flow->answered = TRUE;
  if (file == NULL || flow_gone (task))
    return_cancelled (task);
  else
    flow_save_to_chosen (task, file);
}

/* The chooser is done: when it never answered (its window went first), the save ends. */
static void
flow_chooser_done (gpointer data)
{
  GTask *task = data;
  SaveFlow *flow = g_task_get_task_data (task);

  if (!flow->answered)
    {
      flow->answered = TRUE;
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The save was cancelled");
      g_object_unref (task);
    }
  g_object_unref (task);
}

static void
flow_choose (GTask *task)
{
  CbDocumentWindow *self = g_task_get_source_object (task);
  SaveFlow *flow = g_task_get_task_data (task);
  const char *title = NULL;
  CbFileKinds kinds = 0;
  g_autofree char *name = CB_DOCUMENT_WINDOW_GET_IFACE (self)->describe_chooser (self, &title, &kinds);

  flow->answered = FALSE;
  /* The chooser holds a reference of its own until it is done. */
  g_object_ref (task);
  cb_file_chooser_ask (GTK_WINDOW (self), title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), kinds, name,
                       flow_chosen_cb, task, flow_chooser_done);
}

/**
 * cb_document_window_save_async:
 * @self: a window
 * @choose_file: whether to ask where to save (Save As)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is saved, or will not be
 * @user_data: data for @callback
 *
 * Saves the window's document, off the main loop, where the window saves (asking when
 * it has no file yet or @choose_file is set). A file that another program changed or
 * deleted since it was read or saved here, or one this window did not open, is
 * replaced only once the user says so: until then it is untouched. Errors are shown in
 * the window as well as returned.
 */
void
cb_document_window_save_async (CbDocumentWindow    *self,
                               gboolean             choose_file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  SaveFlow *flow;
  GError *error = NULL;

  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_document_window_save_async);
  flow = g_new0 (SaveFlow, 1);
  g_task_set_task_data (task, flow, (GDestroyNotify) save_flow_free);
  if (!choose_file)
    flow->target = CB_DOCUMENT_WINDOW_GET_IFACE (self)->get_save_target (self, &flow->expected, &error);
  if (error != NULL)
    return_error (task, error);
  else if (flow->target == NULL)
    flow_choose (task);
  else
    flow_write (task);
}

/**
 * cb_document_window_save_finish:
 * @self: a window
 * @result: the result given to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED when the user did not
 *   want to save after all
 *
 * Finishes cb_document_window_save_async().
 *
 * Returns: whether the document was saved
 */
gboolean
cb_document_window_save_finish (CbDocumentWindow  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cb_document_window_save_to_async:
 * @self: a window
 * @file: the file chosen to save to, as Save As chooses it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is saved, or will not be
 * @user_data: data for @callback
 *
 * Saves the window's document to @file as Save As does once a file is chosen: a file
 * there is replaced, since choosing it said so, but not one open in another window.
 */
void
cb_document_window_save_to_async (CbDocumentWindow    *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_document_window_save_async);
  g_task_set_task_data (task, g_new0 (SaveFlow, 1), (GDestroyNotify) save_flow_free);
  flow_save_to_chosen (task, file);
}

static void
saved_quietly_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* Errors were shown in the window already. */
  cb_document_window_save_finish (CB_DOCUMENT_WINDOW (source), result, NULL);
}

/**
 * cb_document_window_save:
 * @self: a window
 * @choose_file: whether to ask where to save (Save As)
 *
 * Saves as cb_document_window_save_async() does, for the Save and Save As actions.
 */
void
cb_document_window_save (CbDocumentWindow *self,
                         gboolean          choose_file)
{
  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));
  cb_document_window_save_async (self, choose_file, NULL, saved_quietly_cb, NULL);
}

/* Closing */

static void
close_answered_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(CbDocumentWindow) self = g_weak_ref_get (ref);
  gboolean may_close = cb_save_changes_dialog_run_finish (result, NULL);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || get_state (self)->destroyed)
    return;
  get_state (self)->asking_to_close = FALSE;
  if (may_close)
    cb_document_window_close_now (self);
}

/**
 * cb_document_window_close_request:
 * @self: a window
 *
 * For the window's #GtkWindowClass.close_request: whether it may close now. A window
 * with unsaved work asks first ("Save Changes?"), and closes once that is settled.
 *
 * Returns: %TRUE when the window may close now
 */
gboolean
cb_document_window_close_request (CbDocumentWindow *self)
{
  WindowState *state;
  g_autoptr(GPtrArray) windows = NULL;

  g_return_val_if_fail (CB_IS_DOCUMENT_WINDOW (self), TRUE);

  state = get_state (self);
  if (state->closing || !cb_document_get_modified (cb_document_window_get_document (self)))
    return TRUE;
  if (!state->asking_to_close)
    {
      /* Not held while the question is up, so that destroying the window withdraws it. */
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      state->asking_to_close = TRUE;
      windows = g_ptr_array_new ();
      g_ptr_array_add (windows, self);
      cb_save_changes_dialog_run_async (GTK_WINDOW (self), windows, NULL, close_answered_cb, ref);
    }
  return FALSE;
}

/**
 * cb_document_window_close_now:
 * @self: a window
 *
 * Closes the window without asking: its work was saved, or the user chose to
 * discard it.
 */
void
cb_document_window_close_now (CbDocumentWindow *self)
{
  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));

  get_state (self)->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Actions the file banner's buttons name */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cb_document_window_reload (CB_DOCUMENT_WINDOW (widget));
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cb_document_keep_mine (cb_document_window_get_document (CB_DOCUMENT_WINDOW (widget)));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cb_document_window_save (CB_DOCUMENT_WINDOW (widget), TRUE);
}

/**
 * cb_document_window_class_install_actions:
 * @widget_class: the class of a window implementing #CbDocumentWindow
 *
 * Installs document.reload, document.keep-mine and document.save-as, which the file
 * banner's buttons activate.
 */
void
cb_document_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "document.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "document.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "document.save-as", NULL, save_as_action);
}

static void
destroyed_cb (CbDocumentWindow *self)
{
  get_state (self)->destroyed = TRUE;
}

/**
 * cb_document_window_setup:
 * @self: a window, once its template is built
 * @title: the window's title widget
 *
 * Connects the window to its document: the title shows the document's title, a dot
 * while it is modified and the file's name; a file another program changed is read
 * again when nothing here would be lost; the disk is looked at whenever the window is
 * activated.
 */
void
cb_document_window_setup (CbDocumentWindow *self,
                          AdwWindowTitle   *title)
{
  CbDocument *document;

  g_return_if_fail (CB_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (ADW_IS_WINDOW_TITLE (title));

  document = cb_document_window_get_document (self);
  get_state (self)->title = title;
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::disk-state", G_CALLBACK (disk_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (destroyed_cb), NULL);
  update_title (self);
}

/**
 * cb_document_window_get_document:
 * @self: a window
 *
 * Returns: (transfer none): the document the window edits
 */
CbDocument *
cb_document_window_get_document (CbDocumentWindow *self)
{
  g_return_val_if_fail (CB_IS_DOCUMENT_WINDOW (self), NULL);
  return CB_DOCUMENT_WINDOW_GET_IFACE (self)->get_document (self);
}

/**
 * cb_document_window_get_not_saved_label:
 * @self: a document window
 *
 * Returns: "Not saved" said of the window's kind of document, a brief or a template: in
 *   French, say, the words agree with it
 */
const char *
cb_document_window_get_not_saved_label (CbDocumentWindow *self)
{
  const char *title;
  CbFileKinds kinds = 0;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CB_IS_DOCUMENT_WINDOW (self), NULL);

  name = CB_DOCUMENT_WINDOW_GET_IFACE (self)->describe_chooser (self, &title, &kinds);
  if (kinds & CB_FILE_TEMPLATES)
    /* Translators: the subtitle of a template that was never saved */
    return C_("template", "Not saved");
  /* Translators: the subtitle of a brief that was never saved */
  return C_("brief", "Not saved");
}
