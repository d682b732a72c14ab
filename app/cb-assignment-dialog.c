#define G_LOG_DOMAIN "cb-assignment-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-accessible.h"
#include "cb-assignment.h"
#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-template-store.h"
#include "cb-assignment-dialog.h"
#include "cb-file-filters.h"
#include "cb-import-toast.h"

/* Create Assignment: a template, an opinion and the professor's details, saved as a
 * .brief for students, the same file `casebrief new` writes. The opinion is read when
 * it is chosen, in the background, as the main window reads one. */
struct _CbAssignmentDialog
{
  AdwWindow parent_instance;

  GFile *opinion_file;          /* the opinion read, and its file */
  CbOpinion *opinion;
  CbImportToast *import;        /* an opinion being read to take their place */

  AdwToastOverlay *toast_overlay;
  AdwComboRow *template_row;
  AdwActionRow *opinion_row;
  AdwEntryRow *case_row;
  AdwEntryRow *citation_row;
  char *citation_prefilled;     /* what the opinion's caption put in citation_row */
  AdwEntryRow *course_row;
  AdwEntryRow *due_row;
  GtkTextView *instructions_view;
};

G_DEFINE_FINAL_TYPE (CbAssignmentDialog, cb_assignment_dialog, ADW_TYPE_WINDOW)

static char *
instructions_text (CbAssignmentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->instructions_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static const char *
due_text (CbAssignmentDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->due_row));
}

static void
update_actions (CbAssignmentDialog *self)
{
  const char *due = due_text (self);
  gboolean due_ok = *due == '\0' || cb_assignment_is_valid_date (due);

  if (due_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assignment.save",
                                 due_ok && self->opinion != NULL && self->import == NULL &&
                                 cb_assignment_dialog_get_template (self) != NULL);
}

/* The row names the opinion chosen, or the one being read. */
static void
update_opinion_row (CbAssignmentDialog *self)
{
  GFile *file = self->import != NULL ? cb_import_toast_get_file (self->import) : self->opinion_file;
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *display = basename != NULL ? g_filename_display_name (basename) : NULL;
  g_autofree char *subtitle = NULL;

  if (display == NULL)
    subtitle = g_strdup (_("None chosen"));
  else if (self->import != NULL)
    subtitle = g_strdup_printf (_("Reading %s…"), display);
  else
    subtitle = g_steal_pointer (&display);
  adw_action_row_set_subtitle (self->opinion_row, subtitle);
}

static void
show_error (CbAssignmentDialog *self,
            const GError       *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (CbAssignmentDialog *self,
              const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The citation the opinion's caption gives, unless the professor typed another. */
static void
prefill_citation (CbAssignmentDialog *self)
{
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->citation_row));
  const char *found = cb_opinion_get_citation (self->opinion);

  if (*shown != '\0' && g_strcmp0 (shown, self->citation_prefilled) != 0)
    return;
  g_free (self->citation_prefilled);
  self->citation_prefilled = g_strdup (found != NULL ? found : "");
  gtk_editable_set_text (GTK_EDITABLE (self->citation_row), self->citation_prefilled);
}

/* An opinion chosen was read, or could not be: the one chosen before stays then. */
static void
opinion_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(CbAssignmentDialog) self = g_weak_ref_get (ref);
  CbImportToast *import = CB_IMPORT_TOAST (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_import_toast_finish (import, result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Closed meanwhile, or another opinion was chosen since. */
  if (self == NULL || import != self->import)
    return;
  g_clear_object (&self->import);
  if (opinion != NULL)
    {
      g_set_object (&self->opinion_file, cb_import_toast_get_file (import));
      g_set_object (&self->opinion, opinion);
      prefill_citation (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, error->message);
  else
    show_error (self, error);
  update_opinion_row (self);
  update_actions (self);
}

static void
opinion_chosen_cb (GtkWindow *window,
                   GFile     *file,
                   gpointer   data)
{
  if (file != NULL)
    cb_assignment_dialog_set_opinion_file (CB_ASSIGNMENT_DIALOG (window), file);
}

static void
choose_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cb_file_chooser_ask (GTK_WINDOW (widget), _("Choose the Opinion to Assign"), GTK_FILE_CHOOSER_ACTION_OPEN,
                       _("_Open"), CB_FILE_OPINIONS, NULL, opinion_chosen_cb, NULL, NULL);
}

static void
save_chosen_cb (GtkWindow *window,
                GFile     *file,
                gpointer   data)
{
  CbAssignmentDialog *self = CB_ASSIGNMENT_DIALOG (window);
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;
  if (cb_assignment_dialog_save_to (self, file, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    show_error (self, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbAssignmentDialog *self = CB_ASSIGNMENT_DIALOG (widget);
  g_autofree char *basename = g_file_get_basename (self->opinion_file);
  g_autofree char *stem = g_filename_display_name (basename);
  g_autofree char *name = NULL;
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  name = g_strconcat (stem, ".brief", NULL);
  cb_file_chooser_ask (GTK_WINDOW (self), _("Save Assignment"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                       CB_FILE_BRIEFS, name, save_chosen_cb, NULL, NULL);
}

static void
cb_assignment_dialog_dispose (GObject *object)
{
  CbAssignmentDialog *self = CB_ASSIGNMENT_DIALOG (object);

  if (self->import != NULL)
    cb_import_toast_cancel (self->import);
  g_clear_object (&self->import);
  g_clear_object (&self->opinion_file);
  g_clear_object (&self->opinion);
  g_clear_pointer (&self->citation_prefilled, g_free);
  if (self->due_row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->due_row, self);
      g_signal_handlers_disconnect_by_data (self->template_row, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_ASSIGNMENT_DIALOG);

  G_OBJECT_CLASS (cb_assignment_dialog_parent_class)->dispose (object);
}

static void
cb_assignment_dialog_class_init (CbAssignmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_assignment_dialog_dispose;

  g_type_ensure (CB_TYPE_TEMPLATE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-assignment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, opinion_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, case_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, citation_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, course_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, CbAssignmentDialog, instructions_view);

  gtk_widget_class_install_action (widget_class, "assignment.choose-opinion", NULL, choose_opinion_action);
  gtk_widget_class_install_action (widget_class, "assignment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assignment.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cb_assignment_dialog_init (CbAssignmentDialog *self)
{
  CbTemplateStore *store = cb_template_store_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cb_accessible_mend (GTK_WIDGET (self));

  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (store));
  cb_assignment_dialog_set_template (self, cb_template_store_get_default_template (store));
  g_signal_connect_swapped (self->due_row, "notify::text", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (update_actions), self);
  update_actions (self);
}

/**
 * cb_assignment_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Creates the Create Assignment window, with the default template chosen.
 *
 * Returns: (transfer full): a new #CbAssignmentDialog
 */
CbAssignmentDialog *
cb_assignment_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CB_TYPE_ASSIGNMENT_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/**
 * cb_assignment_dialog_get_template:
 * @self: the dialog
 *
 * Returns: (transfer none) (nullable): the template chosen
 */
CbTemplate *
cb_assignment_dialog_get_template (CbAssignmentDialog *self)
{
  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), NULL);
  return adw_combo_row_get_selected_item (self->template_row);
}

/**
 * cb_assignment_dialog_set_template:
 * @self: the dialog
 * @template: a template of the default template store
 *
 * Chooses the template the students' briefs are made from.
 */
void
cb_assignment_dialog_set_template (CbAssignmentDialog *self,
                                   CbTemplate         *template)
{
  GListModel *model;

  g_return_if_fail (CB_IS_ASSIGNMENT_DIALOG (self));
  g_return_if_fail (CB_IS_TEMPLATE (template));

  model = adw_combo_row_get_model (self->template_row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CbTemplate) item = g_list_model_get_item (model, i);

      if (item == template)
        {
          adw_combo_row_set_selected (self->template_row, i);
          return;
        }
    }
  g_warning ("Template %s is not in the template store", cb_template_get_id (template));
}

/**
 * cb_assignment_dialog_get_opinion_file:
 * @self: the dialog
 *
 * Returns: (transfer none) (nullable): the file of the opinion read
 */
GFile *
cb_assignment_dialog_get_opinion_file (CbAssignmentDialog *self)
{
  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), NULL);
  return self->opinion_file;
}

/**
 * cb_assignment_dialog_get_opinion:
 * @self: the dialog
 *
 * Returns: (transfer none) (nullable): the opinion the assignment embeds, once read
 */
CbOpinion *
cb_assignment_dialog_get_opinion (CbAssignmentDialog *self)
{
  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), NULL);
  return self->opinion;
}

/**
 * cb_assignment_dialog_is_reading:
 * @self: the dialog
 *
 * Returns: whether an opinion chosen is being read
 */
gboolean
cb_assignment_dialog_is_reading (CbAssignmentDialog *self)
{
  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), FALSE);
  return self->import != NULL;
}

/**
 * cb_assignment_dialog_set_opinion_file:
 * @self: the dialog
 * @file: an opinion: plain text, HTML, casebody XML or PDF
 *
 * Chooses the opinion the assignment embeds and reads it in the background, a PDF
 * with its progress and Cancel in a toast; the window stays responsive meanwhile.
 * Until it is read the assignment cannot be saved; if it cannot be read, a message
 * says why and the opinion chosen before stays.
 */
void
cb_assignment_dialog_set_opinion_file (CbAssignmentDialog *self,
                                       GFile              *file)
{
  GWeakRef *ref;

  g_return_if_fail (CB_IS_ASSIGNMENT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One opinion is read at a time: the last one chosen. */
  if (self->import != NULL)
    cb_import_toast_cancel (self->import);
  g_clear_object (&self->import);
  /* Closing the window ends the reading: the reading does not keep the window. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->import = cb_import_toast_start (self->toast_overlay, file, NULL, opinion_read_cb, ref);
  update_opinion_row (self);
  update_actions (self);
}

/**
 * cb_assignment_dialog_get_field:
 * @self: the dialog
 * @name: "case", "citation", "course", "due" or "instructions"
 *
 * Gets the widget that edits one detail: a #GtkEditable for case name, citation, course and due date, a
 * #GtkTextView for the instructions.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL for an unknown name
 */
GtkWidget *
cb_assignment_dialog_get_field (CbAssignmentDialog *self,
                                const char         *name)
{
  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "case"))
    return GTK_WIDGET (self->case_row);
  if (g_str_equal (name, "citation"))
    return GTK_WIDGET (self->citation_row);
  if (g_str_equal (name, "course"))
    return GTK_WIDGET (self->course_row);
  if (g_str_equal (name, "due"))
    return GTK_WIDGET (self->due_row);
  if (g_str_equal (name, "instructions"))
    return GTK_WIDGET (self->instructions_view);
  return NULL;
}

/**
 * cb_assignment_dialog_save_to:
 * @self: the dialog
 * @file: where to write the .brief
 * @error: return location for an error
 *
 * Writes the assignment to @file: the opinion read embedded, the
 * template's sections empty, and the course, due date and instructions as locked
 * details. A due date that is not YYYY-MM-DD is refused with %CB_ERROR_INVALID.
 *
 * Returns: whether the assignment was written
 */
gboolean
cb_assignment_dialog_save_to (CbAssignmentDialog  *self,
                              GFile               *file,
                              GError             **error)
{
  g_autoptr(CbBrief) brief = NULL;
  g_autofree char *instructions = NULL;
  g_autofree char *course = NULL;
  g_autofree char *case_name = NULL;
  g_autofree char *citation = NULL;
  CbTemplate *template;

  g_return_val_if_fail (CB_IS_ASSIGNMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  template = cb_assignment_dialog_get_template (self);
  if (self->import != NULL)
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_INVALID, _("The opinion is still being read"));
      return FALSE;
    }
  if (template == NULL || self->opinion == NULL)
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_INVALID, _("Choose a template and an opinion first"));
      return FALSE;
    }

  instructions = instructions_text (self);
  course = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->course_row))));
  brief = cb_assignment_new (template, self->opinion, course, due_text (self), instructions, error);
  if (brief == NULL)
    return FALSE;
  case_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->case_row))));
  if (*case_name != '\0')
    cb_brief_set_case_name (brief, case_name);
  /* As typed, or as the caption gave it; emptied, the brief names none. */
  citation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->citation_row))));
  cb_brief_set_citation (brief, citation);
  return cb_brief_save_file (brief, file, NULL, error);
}
