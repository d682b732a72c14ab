/* Windows: the window's actions (open, new, save, close, print, export, quote a passage, find,
 * show an excerpt) and the keyboard shortcuts that start them. */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-brief-view.h"
#include "cb-document-window.h"
#include "cb-file-filters.h"
#include "cb-file-io.h"
#include "cb-opinion-view.h"
#include "cb-print-operation.h"
#include "cb-section-editor.h"
#include "cb-template-store.h"
#include "cb-show-file.h"
#include "cb-window-private.h"

static void
open_chosen_cb (GtkWindow *window,
                GFile     *file,
                gpointer   data)
{
  if (file != NULL)
    _cb_window_open_file (CB_WINDOW (window), file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_file_chooser_ask (GTK_WINDOW (widget), _("Open Brief or Opinion"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                       CB_FILE_ALL_SUPPORTED | CB_FILE_BRIEFS | CB_FILE_TEMPLATES | CB_FILE_OPINIONS,
                       NULL, open_chosen_cb, NULL, NULL);
}

static void
new_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CbWindow         *self)
{
  CbTemplate *template = g_object_get_data (G_OBJECT (dialog), "cb-template");

  if (g_str_equal (response, "this") && self->brief != NULL)
    _cb_window_new_brief (self, template, cb_brief_get_opinion (self->brief), self->pdf_file);
  else if (g_str_equal (response, "other"))
    _cb_window_choose_opinion_for_template (_cb_window_for_new_document (self), template);
}

/* A new brief from a template: of the opinion open here, or of another one. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : "default";
  CbTemplate *template = cb_template_store_lookup (cb_template_store_get_default (), id);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *name;

  if (template == NULL)
    template = cb_template_store_get_default_template (cb_template_store_get_default ());
  if (self->brief == NULL)
    {
      _cb_window_choose_opinion_for_template (_cb_window_for_new_document (self), template);
      return;
    }

  name = cb_brief_get_case_name (self->brief);
  if (name == NULL || *name == '\0')
    name = cb_opinion_get_source_name (cb_brief_get_opinion (self->brief));
  /* Translators: %s is a template's title */
  heading = g_strdup_printf (_("New Brief From “%s”"), cb_template_get_title (template));
  /* Translators: %s is the case, or the opinion's file name */
  body = g_strdup_printf (_("Brief %s, the opinion open in this window, or choose another opinion?"),
                          name != NULL ? name : _("the opinion"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "other", _("_Another Opinion…"),
                                    "this", _("_This Opinion"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "this", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "this");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cb-template", g_object_ref (template), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New Brief lists the user's own templates, and those installed for everyone, after
 * the built-in ones, as they come and go. */
static void
update_template_menu (CbWindow *self)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(GMenu) section = g_menu_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  int last = g_menu_model_get_n_items (G_MENU_MODEL (self->new_menu)) - 1;

  /* The menu's first section is the built-in templates; a second is these. */
  if (last > 0)
    g_menu_remove (self->new_menu, last);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CbTemplate) template = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      if (cb_template_store_get_origin (store, template) == CB_TEMPLATE_ORIGIN_BUILTIN)
        continue;
      /* Its title is the author's: an underscore in it is a letter, not a mnemonic. */
      parts = g_strsplit (cb_template_get_title (template), "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.new", g_variant_new_string (cb_template_get_id (template)));
      g_menu_append_item (section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (self->new_menu, _("Your Templates"), G_MENU_MODEL (section));
}

/* What the window's actions follow for as long as it lives. */
void
_cb_window_actions_init (CbWindow *self)
{
  g_signal_connect_object (cb_template_store_get_default (), "items-changed", G_CALLBACK (update_template_menu),
                           self, G_CONNECT_SWAPPED);
  update_template_menu (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_document_window_save (CB_DOCUMENT_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cb_document_window_save (CB_DOCUMENT_WINDOW (widget), TRUE);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Excerpts */

static void
add_to_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);
  gsize start, end;
  CbSection *section;
  CbExcerpt *excerpt;
  GtkWidget *editor;

  if (self->brief == NULL || index >= cb_brief_get_n_sections (self->brief))
    return;

  if (!cb_opinion_view_get_quote_selection (self->opinion_view, &start, &end))
    {
      _cb_window_show_message (self, _("Select a passage in the opinion first"));
      return;
    }

  section = cb_brief_get_section (self->brief, index);
  excerpt = cb_brief_add_excerpt (self->brief, cb_section_get_id (section), start, end);
  editor = cb_brief_view_find_section_editor (self->brief_view, cb_section_get_id (section));
  cb_section_editor_insert_excerpt (CB_SECTION_EDITOR (editor), excerpt);
  /* The student sees where it went and goes on reading: the focus stays. */
  cb_brief_view_show_excerpt (self->brief_view, cb_excerpt_get_id (excerpt));
}

static void
add_dropped_text_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  GtkTextView *view = cb_opinion_view_get_text_view (self->opinion_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  const char *text;
  guint index;

  g_variant_get (parameter, "(u&s)", &index, &text);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  /* Only the opinion's own selection becomes an excerpt; anything else dropped here
   * is not a passage of this opinion. */
  selected = gtk_text_iter_get_text (&start, &end);
  if (g_strcmp0 (selected, text) != 0)
    return;

  gtk_widget_activate_action (widget, "win.add-to-section", "u", index);
}

static void
show_excerpt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  CbExcerpt *excerpt;

  if (self->brief == NULL)
    return;
  excerpt = cb_brief_lookup_excerpt (self->brief, g_variant_get_string (parameter, NULL));
  if (excerpt == NULL)
    return;

  if (cb_excerpt_get_status (excerpt) == CB_ANCHOR_ORPHAN)
    {
      _cb_window_show_message (self, _("This passage is no longer in the opinion"));
      return;
    }
  cb_opinion_view_show_range (self->opinion_view, cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt));
}

static void
reveal_excerpt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);

  cb_brief_view_reveal_excerpt (self->brief_view, g_variant_get_string (parameter, NULL));
}

static void
show_in_pdf_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _cb_window_show_in_pdf (CB_WINDOW (widget), (gsize) g_variant_get_uint64 (parameter));
}

static void
show_excerpt_in_pdf_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  CbExcerpt *excerpt = self->brief != NULL ? cb_brief_lookup_excerpt (self->brief, g_variant_get_string (parameter, NULL))
                                           : NULL;

  if (excerpt != NULL)
    _cb_window_show_in_pdf (self, cb_excerpt_get_start (excerpt));
}

/* The exported PDF, from its toast: opened, or shown in its folder; what failed is said. */
static void
report_not_shown (CbWindow     *self,
                  GFile        *file,
                  const GError *error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  name = g_file_get_parse_name (file);
  /* Translators: a file, then why it could not be shown, e.g. "No application is registered…" */
  message = g_error_new (error->domain, error->code, _("%s could not be shown: %s"), name, error->message);
  _cb_window_show_error (self, message);
}

static void
exported_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!cb_show_file_open_finish (result, &error))
    report_not_shown (CB_WINDOW (source), file, error);
}

static void
exported_shown_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!cb_show_file_in_folder_finish (result, &error))
    report_not_shown (CB_WINDOW (source), file, error);
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  GFile *file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cb_show_file_open_async (GTK_WINDOW (self), file, self->cancellable, exported_opened_cb, file);
}

static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  GFile *file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cb_show_file_in_folder_async (GTK_WINDOW (self), file, self->cancellable, exported_shown_cb, file);
}

/* Find: in the pane the student is in, the opinion or the brief; from elsewhere, in the
 * one whose find bar shows. */
static GtkWidget *
find_pane (CbWindow    *self,
           const char **prefix)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean brief;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->brief_view)))
    brief = TRUE;
  else if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->opinion_view)))
    brief = FALSE;
  else
    brief = cb_search_bar_get_search_mode (cb_brief_view_get_search_bar (self->brief_view));
  *prefix = brief ? "brief" : "opinion";
  return brief ? GTK_WIDGET (self->brief_view) : GTK_WIDGET (self->opinion_view);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *prefix;
  GtkWidget *pane = find_pane (CB_WINDOW (widget), &prefix);
  /* "win.find" → "opinion.find", "win.find-next" → "brief.find-next" … */
  g_autofree char *action = g_strconcat (prefix, action_name + strlen ("win"), NULL);

  gtk_widget_activate_action (pane, action, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);

  if (self->brief != NULL)
    cb_print_brief (GTK_WINDOW (self), self->brief);
}

static void
export_chosen_cb (GtkWindow *window,
                  GFile     *file,
                  gpointer   data)
{
  if (file != NULL)
    cb_window_export_pdf (CB_WINDOW (window), file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  const char *case_name = cb_brief_get_case_name (self->brief);
  g_autofree char *name = cb_file_name_for_title (case_name, _("Brief"), ".pdf");

  cb_file_chooser_ask (GTK_WINDOW (self), _("Export Brief as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                       CB_FILE_PDF, name, export_chosen_cb, NULL, NULL);
}

/* Ctrl+Z and Ctrl+Shift+Z take back the brief's last change wherever the keyboard is,
 * but in a one-line entry, whose own undo they are. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CbWindow *self = CB_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && GTK_IS_TEXT (focus))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->brief_view),
                              g_str_equal (action_name, "win.undo") ? "brief.undo" : "brief.redo", NULL);
}

/* Enables what the window can do with the brief it has. */
void
_cb_window_update_actions (CbWindow *self)
{
  gboolean has_brief = self->brief != NULL;
  guint n_sections = has_brief ? cb_brief_get_n_sections (self->brief) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_brief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_brief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_brief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_brief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-section", n_sections > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-in-pdf",
                                 has_brief && cb_opinion_get_format (cb_brief_get_opinion (self->brief)) == CB_OPINION_FORMAT_PDF);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-excerpt-in-pdf",
                                 has_brief && cb_opinion_get_format (cb_brief_get_opinion (self->brief)) == CB_OPINION_FORMAT_PDF);
}

/* Installs the window's actions and their keyboard shortcuts. */
void
_cb_window_class_actions_init (CbWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, CbWindow, new_menu);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-section", "u", add_to_section_action);
  gtk_widget_class_install_action (widget_class, "win.add-dropped-text", "(us)", add_dropped_text_action);
  gtk_widget_class_install_action (widget_class, "win.show-excerpt", "s", show_excerpt_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-excerpt", "s", reveal_excerpt_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-pdf", "t", show_in_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.show-excerpt-in-pdf", "s", show_excerpt_in_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", "s", "default");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf", NULL);
  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.add-to-section", "u", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
}
