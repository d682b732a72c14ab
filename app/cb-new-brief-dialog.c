#define G_LOG_DOMAIN "cb-new-brief-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-accessible.h"
#include "cb-template-store.h"
#include "cb-assignment-dialog.h"
#include "cb-file-filters.h"
#include "cb-new-brief-dialog.h"

/* The gallery a new brief starts from: every template of the store (built-in, the
 * user's own, installed for everyone) with its author and sections, then the opinion. */
struct _CbNewBriefDialog
{
  AdwWindow parent_instance;

  CbWindow *window;

  GtkListBox *templates_list;
};

G_DEFINE_FINAL_TYPE (CbNewBriefDialog, cb_new_brief_dialog, ADW_TYPE_WINDOW)

#define TEMPLATE_KEY "cb-template"

static const char *
origin_label (CbTemplateOrigin origin)
{
  switch (origin)
    {
    case CB_TEMPLATE_ORIGIN_BUILTIN:
      return _("Built-in");
    case CB_TEMPLATE_ORIGIN_USER:
      return _("Yours");
    case CB_TEMPLATE_ORIGIN_SYSTEM:
      return _("Installed");
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CbTemplate *template = item;
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplateOrigin origin = cb_template_store_get_origin (store, template);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *tag = label_new (origin_label (origin), "caption");
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autoptr(GString) sections = g_string_new (NULL);
  const char *author = cb_template_get_author (template);

  for (guint i = 0; i < cb_template_get_n_sections (template); i++)
    {
      if (i > 0)
        g_string_append (sections, " · ");
      g_string_append (sections, cb_template_get_section (template, i)->title);
    }

  gtk_widget_set_margin_top (hbox, 12);
  gtk_widget_set_margin_bottom (hbox, 12);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 6);
  gtk_widget_set_hexpand (vbox, TRUE);

  gtk_box_append (GTK_BOX (title_box), label_new (cb_template_get_title (template), "heading"));
  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_set_valign (tag, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (title_box), tag);
  gtk_box_append (GTK_BOX (vbox), title_box);
  if (*author != '\0')
    {
      /* Translators: %s is the name of who wrote a template */
      g_autofree char *by = g_strdup_printf (_("by %s"), author);
      gtk_box_append (GTK_BOX (vbox), label_new (by, "dim-label"));
    }
  gtk_box_append (GTK_BOX (vbox), label_new (sections->str, NULL));
  gtk_box_append (GTK_BOX (hbox), vbox);

  /* A built-in is edited as a copy; the tooltip says so before the user finds out. */
  gtk_widget_set_tooltip_text (edit, origin == CB_TEMPLATE_ORIGIN_BUILTIN ? _("Edit a Copy") : _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  origin == CB_TEMPLATE_ORIGIN_BUILTIN ? _("Edit a Copy") : _("Edit"), -1);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "new-brief.edit-template");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", cb_template_get_id (template));
  gtk_box_append (GTK_BOX (hbox), edit);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  /* A screen reader names the row by its template, and reads its sections after. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cb_template_get_title (template),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sections->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), TEMPLATE_KEY, g_object_ref (template), g_object_unref);
  return row;
}

static void
opinion_chosen_cb (GtkWindow *window,
                   GFile     *file,
                   gpointer   data)
{
  if (file != NULL)
    cb_new_brief_dialog_start (CB_NEW_BRIEF_DIALOG (window), file);
}

static void
choose_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbNewBriefDialog *self = CB_NEW_BRIEF_DIALOG (widget);
  CbTemplate *template = cb_new_brief_dialog_get_selected (self);
  g_autofree char *title = NULL;

  if (template == NULL)
    return;
  title = g_strdup_printf (_("Choose the Opinion to Brief with “%s”"), cb_template_get_title (template));
  cb_file_chooser_ask (GTK_WINDOW (self), title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), CB_FILE_OPINIONS,
                       NULL, opinion_chosen_cb, NULL, NULL);
}

static void
create_assignment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CbNewBriefDialog *self = CB_NEW_BRIEF_DIALOG (widget);
  CbAssignmentDialog *dialog = cb_assignment_dialog_new (GTK_WINDOW (self->window));
  CbTemplate *template = cb_new_brief_dialog_get_selected (self);

  if (template != NULL)
    cb_assignment_dialog_set_template (dialog, template);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A template's editor takes over from the gallery, which closes first: a modal gallery
 * left open would keep every click and key from the editor, and each Space or Enter
 * meant for it would open another one. */
static void
hand_over_to_editor (CbNewBriefDialog *self,
                     const char       *app_action,
                     GVariant         *parameter)
{
  g_autoptr(GtkApplication) app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GVariant) target = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  if (app != NULL)
    g_object_ref (app);
  gtk_window_destroy (GTK_WINDOW (self));
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), app_action, target);
}

static void
new_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hand_over_to_editor (CB_NEW_BRIEF_DIALOG (widget), "new-template", NULL);
}

static void
edit_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hand_over_to_editor (CB_NEW_BRIEF_DIALOG (widget), "edit-template", parameter);
}

static void
row_selected_cb (CbNewBriefDialog *self)
{
  CbTemplate *template = cb_new_brief_dialog_get_selected (self);

  if (template != NULL)
    g_object_set_data_full (G_OBJECT (self), "cb-selected-id", g_strdup (cb_template_get_id (template)), g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-brief.choose-opinion",
                                 gtk_list_box_get_selected_row (self->templates_list) != NULL);
}

/* Reloading the store (a template was saved meanwhile) rebuilds the rows: keep the
 * choice. */
static void
templates_changed_cb (CbNewBriefDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (self), "cb-selected-id");

  if (id == NULL || !cb_new_brief_dialog_select (self, id))
    cb_new_brief_dialog_select (self, "default");
}

static void
row_activated_cb (CbNewBriefDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-brief.choose-opinion", NULL);
}

static void
cb_new_brief_dialog_dispose (GObject *object)
{
  CbNewBriefDialog *self = CB_NEW_BRIEF_DIALOG (object);

  g_clear_object (&self->window);
  g_signal_handlers_disconnect_by_data (cb_template_store_get_default (), self);
  if (self->templates_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->templates_list, self);
      gtk_list_box_bind_model (self->templates_list, NULL, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_NEW_BRIEF_DIALOG);

  G_OBJECT_CLASS (cb_new_brief_dialog_parent_class)->dispose (object);
}

static void
cb_new_brief_dialog_class_init (CbNewBriefDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_new_brief_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-new-brief-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CbNewBriefDialog, templates_list);

  gtk_widget_class_install_action (widget_class, "new-brief.choose-opinion", NULL, choose_opinion_action);
  gtk_widget_class_install_action (widget_class, "new-brief.create-assignment", NULL, create_assignment_action);
  gtk_widget_class_install_action (widget_class, "new-brief.new-template", NULL, new_template_action);
  gtk_widget_class_install_action (widget_class, "new-brief.edit-template", "s", edit_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cb_new_brief_dialog_init (CbNewBriefDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cb_accessible_mend (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->templates_list, G_LIST_MODEL (cb_template_store_get_default ()),
                           create_row_cb, NULL, NULL);
  g_signal_connect_swapped (self->templates_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->templates_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_object (cb_template_store_get_default (), "items-changed",
                           G_CALLBACK (templates_changed_cb), self, G_CONNECT_SWAPPED);
  cb_new_brief_dialog_select (self, "default");
  row_selected_cb (self);
}

/**
 * cb_new_brief_dialog_new:
 * @window: the window the new brief opens in, when it holds nothing to lose
 *
 * Creates the New Brief gallery over @window, with the default template selected.
 *
 * Returns: (transfer full): a new #CbNewBriefDialog
 */
CbNewBriefDialog *
cb_new_brief_dialog_new (CbWindow *window)
{
  CbNewBriefDialog *self;

  g_return_val_if_fail (CB_IS_WINDOW (window), NULL);

  self = g_object_new (CB_TYPE_NEW_BRIEF_DIALOG,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  self->window = g_object_ref (window);
  return self;
}

/**
 * cb_new_brief_dialog_get_selected:
 * @self: the gallery
 *
 * Returns: (transfer none) (nullable): the template chosen
 */
CbTemplate *
cb_new_brief_dialog_get_selected (CbNewBriefDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CB_IS_NEW_BRIEF_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->templates_list);
  return row != NULL ? g_object_get_data (G_OBJECT (row), TEMPLATE_KEY) : NULL;
}

/**
 * cb_new_brief_dialog_select:
 * @self: the gallery
 * @template_id: a template's id
 *
 * Selects the template with that id.
 *
 * Returns: whether the gallery lists it
 */
gboolean
cb_new_brief_dialog_select (CbNewBriefDialog *self,
                            const char       *template_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CB_IS_NEW_BRIEF_DIALOG (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->templates_list, i)) != NULL; i++)
    {
      CbTemplate *template = g_object_get_data (G_OBJECT (row), TEMPLATE_KEY);

      if (g_str_equal (cb_template_get_id (template), template_id))
        {
          gtk_list_box_select_row (self->templates_list, row);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cb_new_brief_dialog_start:
 * @self: the gallery
 * @opinion: the opinion to brief
 *
 * Starts a brief on @opinion from the selected template, in the gallery's window
 * when nothing there would be lost, otherwise in a new window, and closes the gallery.
 *
 * Returns: (transfer none) (nullable): the window the brief opens in, or %NULL when
 *   no template is selected
 */
CbWindow *
cb_new_brief_dialog_start (CbNewBriefDialog *self,
                           GFile            *opinion)
{
  CbTemplate *template;
  CbWindow *target;
  CbBrief *brief;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CB_IS_NEW_BRIEF_DIALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (opinion), NULL);

  template = cb_new_brief_dialog_get_selected (self);
  if (template == NULL)
    return NULL;

  target = self->window;
  brief = cb_window_get_brief (target);
  g_object_get (target, "file", &file, NULL);
  if (brief != NULL && (cb_window_get_modified (target) || file != NULL))
    {
      target = cb_window_new (CB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window))));
      gtk_window_present (GTK_WINDOW (target));
    }
  cb_window_import_opinion (target, opinion, template);
  gtk_window_destroy (GTK_WINDOW (self));
  return target;
}
