/* The save-changes dialog: the one question asked before windows with unsaved work
 * close, for one brief or template or for every window at once when quitting. Each
 * listed window is saved the way its Save saves (asking where, or about a file changed
 * on disk, as needed); nothing closes unless every save it asked for succeeded. */
#define G_LOG_DOMAIN "cb-save-changes-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-document-window.h"
#include "cb-save-changes-dialog.h"

typedef struct
{
  /* Not held: a window destroyed meanwhile is taken off the list (and the question
   * withdrawn, if it is still asked). */
  GPtrArray *windows;
  /* The check button of each window, when there are several to choose from. */
  GPtrArray *checks;
  GtkWindow *dialog;
  gboolean answered;
  guint next;
} Request;

static void
request_free (Request *request)
{
  if (request->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (request->dialog), (gpointer *) &request->dialog);
  g_ptr_array_unref (request->windows);
  g_ptr_array_unref (request->checks);
  g_free (request);
}

static void save_next (GTask *task);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  /* A save that failed or was cancelled keeps every window open: the error is shown
   * in its window already. */
  if (!cb_document_window_save_finish (CB_DOCUMENT_WINDOW (source), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  save_next (task);
}

static void
save_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  while (request->next < request->windows->len)
    {
      guint i = request->next++;
      CbDocumentWindow *window = g_ptr_array_index (request->windows, i);

      if (window == NULL ||
          (request->checks->len > 0 && !gtk_check_button_get_active (g_ptr_array_index (request->checks, i))))
        continue;
      cb_document_window_save_async (window, FALSE, g_task_get_cancellable (task), saved_cb, task);
      return;
    }
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  Request *request = g_task_get_task_data (task);

  if (request->answered)
    return;
  request->answered = TRUE;
  if (g_str_equal (response, "save"))
    save_next (g_object_ref (task));
  else if (g_str_equal (response, "discard"))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Closing was cancelled");
}

/* Gone without an answer (its window was destroyed): nothing closes. */
static void
dialog_destroyed_cb (GtkWindow *dialog,
                     GTask     *task)
{
  Request *request = g_task_get_task_data (task);

  if (request->answered)
    return;
  request->answered = TRUE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Closing was cancelled");
}

static void
window_destroyed_cb (GtkWindow *window,
                     GTask     *task)
{
  Request *request = g_task_get_task_data (task);
  guint index;

  if (g_ptr_array_find (request->windows, window, &index))
    g_ptr_array_index (request->windows, index) = NULL;
  if (request->dialog == NULL)
    return;
  /* The answer can close the parent while the dialog still emits it, and the dialog
   * outlives it a moment: it lets go of the parent now, while the parent is still
   * there, not later from a window already finalized. */
  if (gtk_window_get_transient_for (request->dialog) == window)
    gtk_window_set_transient_for (request->dialog, NULL);
  if (!request->answered)
    gtk_window_destroy (request->dialog);
}

static char *
dup_title (CbDocument *document)
{
  const char *title = cb_document_get_title (document);

  return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));
}

static GtkWidget *
create_list (Request *request)
{
  GtkWidget *group = adw_preferences_group_new ();

  for (guint i = 0; i < request->windows->len; i++)
    {
      CbDocument *document = cb_document_window_get_document (g_ptr_array_index (request->windows, i));
      g_autofree char *title = dup_title (document);
      g_autofree char *subtitle = cb_document_dup_file_name (document);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : cb_document_window_get_not_saved_label (g_ptr_array_index (request->windows, i)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (request->checks, check);
    }
  return group;
}

/**
 * cb_save_changes_dialog_run_async:
 * @parent: the window the question belongs to
 * @windows: (element-type CbDocumentWindow): the windows whose unsaved work is at
 *   stake, at least one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the question is settled
 * @user_data: data for @callback
 *
 * Asks "Save Changes?" once for all of @windows, listing each when there are several
 * (each checked, to be saved; unchecked, to be discarded): Cancel, Discard, or Save.
 * Save saves the checked windows one after the other as their Save does.
 */
void
cb_save_changes_dialog_run_async (GtkWindow           *parent,
                                  GPtrArray           *windows,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Request *request;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (windows != NULL && windows->len > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_save_changes_dialog_run_async);
  request = g_new0 (Request, 1);
  request->windows = g_ptr_array_new ();
  request->checks = g_ptr_array_new ();
  for (guint i = 0; i < windows->len; i++)
    g_ptr_array_add (request->windows, CB_DOCUMENT_WINDOW (g_ptr_array_index (windows, i)));
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (windows->len == 1)
    {
      g_autofree char *title = dup_title (cb_document_window_get_document (g_ptr_array_index (windows, 0)));

      /* Translators: a brief's or a template's title */
      body = g_strdup_printf (_("“%s” has changes that are not saved. If you close without saving, they are lost."),
                              title);
    }
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u window has changes that are not saved. The checked one is saved; "
                                         "what is not saved is lost.",
                                         "%u windows have changes that are not saved. The checked ones are saved; "
                                         "what is not saved is lost.",
                                         windows->len), windows->len);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", windows->len == 1 ? _("_Discard") : _("_Discard All"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (windows->len > 1)
    adw_message_dialog_set_extra_child (dialog, create_list (request));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  request->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &request->dialog);
  /* The dialog holds the task while it lives; the task is returned once, by its
   * answer or by its going away. */
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  g_signal_connect_data (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), task,
                         (GClosureNotify) g_object_unref, 0);
  for (guint i = 0; i < windows->len; i++)
    g_signal_connect_object (g_ptr_array_index (windows, i), "destroy", G_CALLBACK (window_destroyed_cb), task, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cb_save_changes_dialog_run_finish:
 * @result: the result given to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED when the user cancelled
 *
 * Finishes cb_save_changes_dialog_run_async().
 *
 * Returns: %TRUE when the windows may close: their work is saved or to be discarded
 */
gboolean
cb_save_changes_dialog_run_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
