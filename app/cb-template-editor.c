/* The template editor: one window per template, a professor's own, saved and asked
 * about as a brief's window is (cb-document-window.c). */
#define G_LOG_DOMAIN "cb-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-accessible.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-template-store.h"
#include "cb-document-window.h"
#include "cb-file-banner.h"
#include "cb-file-filters.h"
#include "cb-template-editor.h"

/* A window that edits one template, a professor's own: its title, author, the
 * instructions to students, and its sections in order. It always edits a copy, so a
 * built-in or installed template is never changed in place; saving writes the copy
 * into the user's template folder, or anywhere with Save As. */
struct _CbTemplateEditor
{
  AdwWindow parent_instance;

  CbTemplate *template;
  /* The template's file, its stamp and modified flag. */
  CbDocument *document;
  /* The id of the template the editor was opened on, so that editing it again finds
   * this window. */
  char *source_id;
  GCancellable *cancellable;
  /* Ids of sections added in this window: they follow their title until saved, so a
   * new "Facts" section is stored as "facts", not "section-2". */
  GHashTable *fresh_ids;
  /* A template made in this window takes its id from its title when first saved. */
  gboolean fresh_template;
  gboolean syncing;

  AdwWindowTitle *window_title;
  CbFileBanner *file_banner;
  AdwToastOverlay *toast_overlay;
  AdwEntryRow *title_row;
  AdwEntryRow *author_row;
  GtkTextView *instructions_view;
  GtkListBox *sections_list;
  GtkWidget *section_group;
  GtkWidget *prompt_group;
  AdwEntryRow *section_title_row;
  GtkSwitch *section_required_switch;
  GtkSwitch *section_own_words_switch;
  GtkSpinButton *section_word_limit_spin;
  GtkTextView *section_prompt_view;
};

static void document_window_iface_init (CbDocumentWindowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CbTemplateEditor, cb_template_editor, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (CB_TYPE_DOCUMENT_WINDOW, document_window_iface_init))

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (CbTemplateEditor *self,
            const GError     *error)
{
  /* A toast's title is markup; a message quotes what a file held. */
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The window's title is the template's; the document adds the rest. */
static void
update_title (CbTemplateEditor *self)
{
  const char *title = cb_template_get_title (self->template);

  cb_document_set_title (self->document, *title != '\0' ? title : _("Untitled Template"));
}

static int
selected_index (CbTemplateEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sections_list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

static void
update_actions (CbTemplateEditor *self)
{
  int selected = selected_index (self);
  int n = (int) cb_template_get_n_sections (self->template);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.remove-section", selected >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.move-up", selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.move-down", selected >= 0 && selected < n - 1);
  gtk_widget_set_visible (self->section_group, selected >= 0);
  gtk_widget_set_visible (self->prompt_group, selected >= 0);
}

static char *
describe_section (const CbTemplateSection *section)
{
  g_autofree char *description = NULL;

  if (section->word_limit > 0)
    description = g_strdup_printf (section->required ? _("Required · up to %u words") : _("Optional · up to %u words"),
                                   section->word_limit);
  else
    description = g_strdup (section->required ? _("Required · no word limit") : _("Optional · no word limit"));
  if (section->own_words)
    /* Translators: a section's description in the template editor, e.g. "Required · up
     * to 150 words · your own words" */
    return g_strdup_printf (_("%s · your own words"), description);
  return g_steal_pointer (&description);
}

static void
update_row (CbTemplateEditor *self,
            AdwActionRow     *row,
            guint             index)
{
  const CbTemplateSection *section = cb_template_get_section (self->template, index);
  g_autofree char *subtitle = describe_section (section);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *section->title != '\0' ? section->title : _("Untitled Section"));
  adw_action_row_set_subtitle (row, subtitle);
}

/* Drag and drop within the list: a row carries its position, the row it is dropped on
 * gives the new one. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_UINT, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void move_section (CbTemplateEditor *self, guint from, guint to);

typedef struct
{
  CbTemplateEditor *self;
  guint from;
  guint to;
} Move;

static gboolean
move_later_cb (gpointer user_data)
{
  Move *move = user_data;

  if (move->from < cb_template_get_n_sections (move->self->template) &&
      move->to < cb_template_get_n_sections (move->self->template))
    move_section (move->self, move->from, move->to);
  g_object_unref (move->self);
  g_free (move);
  return G_SOURCE_REMOVE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (gtk_widget_get_root (row));
  guint from = g_value_get_uint (value);
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  Move *move;

  if (to < 0 || from >= cb_template_get_n_sections (self->template))
    return FALSE;
  /* Moving rebuilds the rows, this one too: not while it is still taking the drop. */
  move = g_new0 (Move, 1);
  move->self = g_object_ref (self);
  move->from = from;
  move->to = (guint) to;
  g_idle_add (move_later_cb, move);
  return TRUE;
}

static GtkWidget *
create_row (CbTemplateEditor *self,
            guint             index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  update_row (self, ADW_ACTION_ROW (row), index);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

static void
rebuild_list (CbTemplateEditor *self,
              int               select)
{
  GtkListBoxRow *row;

  self->syncing = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->sections_list, 0)) != NULL)
    gtk_list_box_remove (self->sections_list, GTK_WIDGET (row));
  for (guint i = 0; i < cb_template_get_n_sections (self->template); i++)
    gtk_list_box_append (self->sections_list, create_row (self, i));
  self->syncing = FALSE;

  if (select >= 0)
    gtk_list_box_select_row (self->sections_list, gtk_list_box_get_row_at_index (self->sections_list, select));
  else
    gtk_list_box_unselect_all (self->sections_list);
  update_actions (self);
}

/* The detail fields show the selected section; editing them writes it back. */
static void
show_selected_section (CbTemplateEditor *self)
{
  int index = selected_index (self);
  const CbTemplateSection *section = index >= 0 ? cb_template_get_section (self->template, index) : NULL;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->section_title_row), section ? section->title : "");
  gtk_switch_set_active (self->section_required_switch, section ? section->required : FALSE);
  gtk_switch_set_active (self->section_own_words_switch, section ? section->own_words : FALSE);
  gtk_spin_button_set_value (self->section_word_limit_spin, section ? section->word_limit : 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->section_prompt_view),
                            section ? section->prompt : "", -1);
  self->syncing = FALSE;
  update_actions (self);
}

static char *
make_section_id (CbTemplateEditor *self,
                 const char       *title,
                 const char       *own_id)
{
  g_autofree char *folded = g_utf8_strdown (title, -1);
  g_autoptr(GString) stem = g_string_new (NULL);

  for (const char *p = folded; *p != '\0' && stem->len < 48; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (stem, *p);
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "section");

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (stem->str) : g_strdup_printf ("%s-%u", stem->str, n);
      const CbTemplateSection *other = cb_template_lookup_section (self->template, id);

      if (other == NULL || g_strcmp0 (id, own_id) == 0)
        return g_steal_pointer (&id);
    }
}

static void
store_selected_section (CbTemplateEditor *self)
{
  int index = selected_index (self);
  const CbTemplateSection *old;
  g_autoptr(CbTemplateSection) section = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *id = NULL;
  const char *title;
  GtkListBoxRow *row;

  if (self->syncing || index < 0)
    return;

  old = cb_template_get_section (self->template, index);
  title = gtk_editable_get_text (GTK_EDITABLE (self->section_title_row));
  if (g_hash_table_contains (self->fresh_ids, old->id))
    {
      id = make_section_id (self, title, old->id);
      g_hash_table_remove (self->fresh_ids, old->id);
      g_hash_table_add (self->fresh_ids, g_strdup (id));
    }
  else
    id = g_strdup (old->id);
  prompt = text_view_get_text (self->section_prompt_view);
  section = cb_template_section_new (id, title, prompt,
                                     gtk_switch_get_active (self->section_required_switch),
                                     (guint) gtk_spin_button_get_value_as_int (self->section_word_limit_spin));
  section->own_words = gtk_switch_get_active (self->section_own_words_switch);
  cb_template_set_section (self->template, index, section);

  row = gtk_list_box_get_row_at_index (self->sections_list, index);
  update_row (self, ADW_ACTION_ROW (row), index);
}

static void
move_section (CbTemplateEditor *self,
              guint             from,
              guint             to)
{
  if (from == to)
    return;
  cb_template_move_section (self->template, from, to);
  rebuild_list (self, (int) to);
}

/* Callbacks */

static void
template_changed_cb (CbTemplateEditor *self)
{
  cb_document_changed (self->document);
}

static void
title_changed_cb (CbTemplateEditor *self)
{
  if (self->syncing)
    return;
  cb_template_set_title (self->template, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  update_title (self);
}

static void
author_changed_cb (CbTemplateEditor *self)
{
  if (self->syncing)
    return;
  cb_template_set_author (self->template, gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
}

static void
instructions_changed_cb (CbTemplateEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  text = text_view_get_text (self->instructions_view);
  cb_template_set_instructions (self->template, text);
}

static void
section_field_changed_cb (CbTemplateEditor *self)
{
  store_selected_section (self);
}

static void
row_selected_cb (CbTemplateEditor *self)
{
  if (!self->syncing)
    show_selected_section (self);
}

/* Actions */

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (widget);
  const char *title = _("New Section");
  g_autofree char *id = make_section_id (self, "section", NULL);
  g_autoptr(CbTemplateSection) section = cb_template_section_new (id, title, "", TRUE, 0);
  guint index = cb_template_get_n_sections (self->template);

  g_hash_table_add (self->fresh_ids, g_strdup (id));
  cb_template_add_section (self->template, section);
  rebuild_list (self, (int) index);
  show_selected_section (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->section_title_row));
}

static void
remove_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (widget);
  int index = selected_index (self);
  guint n;

  if (index < 0)
    return;
  g_hash_table_remove (self->fresh_ids, cb_template_get_section (self->template, index)->id);
  cb_template_remove_section (self->template, index);
  n = cb_template_get_n_sections (self->template);
  rebuild_list (self, n == 0 ? -1 : (int) MIN ((guint) index, n - 1));
  show_selected_section (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (widget);
  int index = selected_index (self);

  if (index > 0)
    move_section (self, index, index - 1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (widget);
  int index = selected_index (self);

  if (index >= 0 && (guint) index + 1 < cb_template_get_n_sections (self->template))
    move_section (self, index, index + 1);
}

static void
select_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sections_list, index);

  if (row != NULL)
    gtk_list_box_select_row (self->sections_list, row);
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

static gboolean
cb_template_editor_close_request (GtkWindow *window)
{
  /* Unsaved work asks first; the window closes once that is settled. */
  if (!cb_document_window_close_request (CB_DOCUMENT_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (cb_template_editor_parent_class)->close_request (window);
}

static void
document_file_changed_cb (CbTemplateEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
document_modified_changed_cb (CbTemplateEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
cb_template_editor_dispose (GObject *object)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (object);

  if (self->template != NULL)
    g_signal_handlers_disconnect_by_data (self->template, self);
  /* Taking the template apart removes rows and clears fields: nothing to write back. */
  if (self->sections_list != NULL)
    {
      GObject *sources[] = {
        G_OBJECT (self->title_row), G_OBJECT (self->author_row),
        G_OBJECT (gtk_text_view_get_buffer (self->instructions_view)), G_OBJECT (self->sections_list),
        G_OBJECT (self->section_title_row), G_OBJECT (self->section_required_switch),
        G_OBJECT (self->section_own_words_switch),
        G_OBJECT (self->section_word_limit_spin), G_OBJECT (gtk_text_view_get_buffer (self->section_prompt_view)),
      };

      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        g_signal_handlers_disconnect_by_data (sources[i], self);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->template);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->fresh_ids, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (cb_template_editor_parent_class)->dispose (object);
}

static void
cb_template_editor_finalize (GObject *object)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (object);

  /* Kept to the end: a save under way when the window went still finishes with it. */
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cb_template_editor_parent_class)->finalize (object);
}

static void
cb_template_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
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
cb_template_editor_class_init (CbTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_template_editor_dispose;
  object_class->finalize = cb_template_editor_finalize;
  object_class->get_property = cb_template_editor_get_property;
  window_class->close_request = cb_template_editor_close_request;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, CB_TYPE_TEMPLATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_FILE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, file_banner);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_group);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, prompt_group);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_title_row);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_required_switch);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_own_words_switch);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_word_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, CbTemplateEditor, section_prompt_view);

  gtk_widget_class_install_action (widget_class, "template.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "template.remove-section", NULL, remove_section_action);
  gtk_widget_class_install_action (widget_class, "template.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "template.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "template.select-section", "u", select_section_action);
  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "template.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "template.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "template.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "template.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "template.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "template.close", NULL);
  cb_document_window_class_install_actions (widget_class);
}

static void
cb_template_editor_init (CbTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cb_accessible_mend (GTK_WIDGET (self));

  self->fresh_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->document = cb_document_new ();
  cb_file_banner_set_document (self->file_banner, self->document);
  cb_document_window_setup (CB_DOCUMENT_WINDOW (self), self->window_title);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (document_file_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (document_modified_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->title_row, "notify::text", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->author_row, "notify::text", G_CALLBACK (author_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->instructions_view), "changed",
                            G_CALLBACK (instructions_changed_cb), self);
  g_signal_connect_swapped (self->sections_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->section_title_row, "notify::text", G_CALLBACK (section_field_changed_cb), self);
  g_signal_connect_swapped (self->section_required_switch, "notify::active",
                            G_CALLBACK (section_field_changed_cb), self);
  g_signal_connect_swapped (self->section_own_words_switch, "notify::active",
                            G_CALLBACK (section_field_changed_cb), self);
  g_signal_connect_swapped (self->section_word_limit_spin, "value-changed",
                            G_CALLBACK (section_field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->section_prompt_view), "changed",
                            G_CALLBACK (section_field_changed_cb), self);
}

static void
settle_id (CbTemplateEditor *self)
{
  g_autofree char *id = NULL;

  if (!self->fresh_template)
    return;
  id = cb_template_store_make_id (cb_template_store_get_default (), cb_template_get_title (self->template));
  cb_template_set_id (self->template, id);
}

/* Fills the window from self->template. */
static void
show_template (CbTemplateEditor *self)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cb_template_get_title (self->template));
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), cb_template_get_author (self->template));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->instructions_view),
                            cb_template_get_instructions (self->template), -1);
  self->syncing = FALSE;

  g_signal_connect_swapped (self->template, "changed", G_CALLBACK (template_changed_cb), self);
  rebuild_list (self, cb_template_get_n_sections (self->template) > 0 ? 0 : -1);
  show_selected_section (self);
  update_title (self);
}

/* Saving and reading again: the shared document window does the asking. */

static CbDocument *
editor_get_document (CbDocumentWindow *window)
{
  return CB_TEMPLATE_EDITOR (window)->document;
}

static GBytes *
editor_serialize (CbDocumentWindow  *window,
                  GError           **error)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (window);

  if (!cb_template_check (self->template, error))
    return NULL;
  settle_id (self);
  return cb_template_to_bytes (self->template);
}

/* Save keeps the template with the user's templates. */
static GFile *
editor_get_save_target (CbDocumentWindow  *window,
                        CbFileStamp      **expected,
                        GError           **error)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (window);
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(GFile) user_dir = cb_template_store_get_user_dir (store);
  g_autoptr(GError) local_error = NULL;
  CbTemplate *kept;

  /* A new template's file is named after its title, so the title comes first. */
  if (!cb_template_check (self->template, error))
    return NULL;
  settle_id (self);
  /* A failure here is the save's own to report, with the file's name. */
  if (!g_file_make_directory_with_parents (user_dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_debug ("Could not make the templates folder: %s", local_error->message);
  /* The user's earlier save of it (after a Save As elsewhere) is replaced as the store
   * read it, unless another program changed it since. */
  kept = cb_template_store_lookup (store, cb_template_get_id (self->template));
  if (kept != NULL && cb_template_store_get_origin (store, kept) == CB_TEMPLATE_ORIGIN_USER &&
      cb_template_store_get_stamp (store, kept) != NULL)
    *expected = cb_file_stamp_ref (cb_template_store_get_stamp (store, kept));
  return cb_template_store_get_install_file (store, self->template, error);
}

static char *
editor_describe_chooser (CbDocumentWindow  *window,
                         const char       **title,
                         CbFileKinds       *kinds)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (window);

  *title = _("Save Template");
  *kinds = CB_FILE_TEMPLATES;
  return g_strconcat (cb_template_get_id (self->template), ".brieftemplate", NULL);
}

static void
editor_saved (CbDocumentWindow *window,
              GFile            *file)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (window);
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(GFile) user_dir = cb_template_store_get_user_dir (store);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  /* Once written, section ids are what briefs refer to: they no longer follow titles. */
  g_hash_table_remove_all (self->fresh_ids);
  self->fresh_template = FALSE;
  if (parent != NULL && cb_document_same_file (parent, user_dir))
    {
      /* New briefs can be started from it at once. */
      cb_template_store_reload (store);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Saved to your templates")));
    }
}

/* A reload under way: the edits made before it started; any made since stop it. */
typedef struct
{
  CbTemplateEditor *self;
  guint64 changes;
} Reload;

static void
reload_free (Reload *reload)
{
  g_object_unref (reload->self);
  g_free (reload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reload, reload_free)

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Reload) reload = user_data;
  CbTemplateEditor *self = reload->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(GBytes) bytes = cb_file_load_finish (result, &stamp, &error);
  g_autoptr(CbTemplate) template = NULL;
  GFile *file;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->template == NULL)
    return;
  /* Saved elsewhere, or edited, while the file was read: nothing to replace now. */
  file = cb_document_get_file (self->document);
  if (file == NULL || !g_file_equal (file, G_FILE (source)) ||
      cb_document_get_changes (self->document) != reload->changes)
    return;
  if (bytes != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      template = cb_template_load_bytes (bytes, name, &error);
    }
  if (template == NULL)
    {
      /* Not readable, or no longer a template: the window keeps what it shows. */
      cb_document_set_disk_error (self->document, error);
      return;
    }

  g_signal_handlers_disconnect_by_data (self->template, self);
  g_set_object (&self->template, template);
  g_hash_table_remove_all (self->fresh_ids);
  self->fresh_template = FALSE;
  show_template (self);
  cb_document_reset (self->document, file, stamp);
  /* New briefs start from the template as it is now. */
  cb_template_store_reload (cb_template_store_get_default ());
}

static void
editor_reload (CbDocumentWindow *window)
{
  CbTemplateEditor *self = CB_TEMPLATE_EDITOR (window);
  GFile *file = cb_document_get_file (self->document);
  Reload *reload;

  if (file == NULL)
    return;
  reload = g_new0 (Reload, 1);
  reload->self = g_object_ref (self);
  reload->changes = cb_document_get_changes (self->document);
  cb_file_load_async (file, CB_TEMPLATE_MAX_BYTES, self->cancellable, reloaded_cb, reload);
}

static void
editor_show_error (CbDocumentWindow *window,
                   const GError     *error)
{
  show_error (CB_TEMPLATE_EDITOR (window), error);
}

static void
document_window_iface_init (CbDocumentWindowInterface *iface)
{
  iface->get_document = editor_get_document;
  iface->serialize = editor_serialize;
  iface->get_save_target = editor_get_save_target;
  iface->describe_chooser = editor_describe_chooser;
  iface->saved = editor_saved;
  iface->reload = editor_reload;
  iface->show_error = editor_show_error;
}

/**
 * cb_template_editor_new:
 * @application: (nullable): the application the window belongs to
 * @template: (nullable): the template to edit, or %NULL for a new one
 *
 * Creates a window that edits a copy of @template. A built-in template is copied
 * under a new id ("default-copy") and a title ending in "(copy)", so saving never
 * replaces it; a user's own template is saved back into its file.
 *
 * Returns: (transfer full): a new #CbTemplateEditor
 */
CbTemplateEditor *
cb_template_editor_new (GtkApplication *application,
                        CbTemplate     *template)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplateEditor *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (template == NULL || CB_IS_TEMPLATE (template), NULL);

  self = g_object_new (CB_TYPE_TEMPLATE_EDITOR, "application", application, NULL);
  self->source_id = template != NULL ? g_strdup (cb_template_get_id (template)) : NULL;

  if (template == NULL)
    {
      g_autofree char *id = cb_template_store_make_id (store, "template");

      /* Empty, so the Title row asks for one; saving refuses a template without. */
      self->template = cb_template_new (id, "");
      self->fresh_template = TRUE;
    }
  else if (cb_template_get_builtin (template))
    {
      g_autofree char *base = g_strconcat (cb_template_get_id (template), "-copy", NULL);
      g_autofree char *id = cb_template_store_make_id (store, base);
      /* Translators: the title of an editable copy of a built-in template */
      g_autofree char *title = g_strdup_printf (_("%s (copy)"), cb_template_get_title (template));

      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *author = g_settings_get_string (settings, "student-name");

      self->template = cb_template_copy (template, id);
      cb_template_set_title (self->template, title);
      /* The copy is the user's: theirs is the name it carries, not Casebrief's. */
      cb_template_set_author (self->template, author);
    }
  else
    {
      self->template = cb_template_copy (template, NULL);
      /* Saved back into its file, unless another program changed that since the store
       * read it. */
      if (cb_template_store_lookup (store, cb_template_get_id (template)) == template &&
          cb_template_store_get_origin (store, template) == CB_TEMPLATE_ORIGIN_USER)
        cb_document_reset (self->document, cb_template_store_get_file (store, template),
                           cb_template_store_get_stamp (store, template));
    }

  show_template (self);
  /* A copy exists nowhere yet: closing it asks. An empty new template holds nothing of
   * the professor's until they write in it: it closes without asking, and its title has
   * no dot. */
  cb_document_set_modified (self->document, template != NULL && cb_template_get_builtin (template));
  return self;
}

/**
 * cb_template_editor_edits:
 * @self: the editor
 * @template: a template of the store
 *
 * Whether this window edits @template: its file, or, before a copy of it was first
 * saved, the template it was opened on.
 *
 * Returns: %TRUE when editing @template again should show this window
 */
gboolean
cb_template_editor_edits (CbTemplateEditor *self,
                          CbTemplate       *template)
{
  GFile *file;

  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), FALSE);
  g_return_val_if_fail (CB_IS_TEMPLATE (template), FALSE);

  file = cb_template_store_get_file (cb_template_store_get_default (), template);
  if (file != NULL && cb_document_is_file (self->document, file))
    return TRUE;
  return cb_document_get_file (self->document) == NULL && g_strcmp0 (self->source_id, cb_template_get_id (template)) == 0;
}

/**
 * cb_template_editor_get_template:
 * @self: the editor
 *
 * Returns: (transfer none): the template as edited so far
 */
CbTemplate *
cb_template_editor_get_template (CbTemplateEditor *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), NULL);
  return self->template;
}

/**
 * cb_template_editor_get_file:
 * @self: the editor
 *
 * Returns: (transfer none) (nullable): the file the template was last saved to, or
 *   was read from when it is one of the user's own
 */
GFile *
cb_template_editor_get_file (CbTemplateEditor *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), NULL);
  return cb_document_get_file (self->document);
}

/**
 * cb_template_editor_get_modified:
 * @self: the editor
 *
 * Returns: whether the template has changes not yet saved
 */
gboolean
cb_template_editor_get_modified (CbTemplateEditor *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), FALSE);
  return cb_document_get_modified (self->document);
}

/**
 * cb_template_editor_get_selected_section:
 * @self: the editor
 *
 * Returns: the position of the selected section, or -1 when none is
 */
int
cb_template_editor_get_selected_section (CbTemplateEditor *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), -1);
  return selected_index (self);
}

/**
 * cb_template_editor_get_field:
 * @self: the editor
 * @name: "title", "author", "instructions", "section-title", "section-prompt",
 *   "section-required", "section-own-words" or "section-word-limit"
 *
 * Gets the widget that edits one field: a #GtkEditable for titles and author, a
 * #GtkTextView for instructions and prompt, a #GtkSwitch, a #GtkSpinButton. The
 * section fields edit the selected section.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL for an unknown name
 */
GtkWidget *
cb_template_editor_get_field (CbTemplateEditor *self,
                              const char       *name)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "title", G_STRUCT_OFFSET (CbTemplateEditor, title_row) },
    { "author", G_STRUCT_OFFSET (CbTemplateEditor, author_row) },
    { "instructions", G_STRUCT_OFFSET (CbTemplateEditor, instructions_view) },
    { "section-title", G_STRUCT_OFFSET (CbTemplateEditor, section_title_row) },
    { "section-prompt", G_STRUCT_OFFSET (CbTemplateEditor, section_prompt_view) },
    { "section-required", G_STRUCT_OFFSET (CbTemplateEditor, section_required_switch) },
    { "section-own-words", G_STRUCT_OFFSET (CbTemplateEditor, section_own_words_switch) },
    { "section-word-limit", G_STRUCT_OFFSET (CbTemplateEditor, section_word_limit_spin) },
  };

  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
  return NULL;
}

/**
 * cb_template_editor_save_async:
 * @self: the editor
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the template is saved, or will not be
 * @user_data: data for @callback
 *
 * Saves the template into the user's template folder (replacing the user's earlier
 * save of the same template, unless another program changed it since, which asks)
 * and reloads the template store, so that new briefs can use it at once, as Save
 * does. A template without a title or without sections is refused with
 * %CB_ERROR_INVALID.
 */
void
cb_template_editor_save_async (CbTemplateEditor    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CB_IS_TEMPLATE_EDITOR (self));
  cb_document_window_save_async (CB_DOCUMENT_WINDOW (self), FALSE, cancellable, callback, user_data);
}

/**
 * cb_template_editor_save_to_async:
 * @self: the editor
 * @file: where to write the .brieftemplate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the template is saved, or will not be
 * @user_data: data for @callback
 *
 * Saves the template to @file, anywhere, as Save As does once @file is chosen: to
 * hand it to students or colleagues. Checked as cb_template_editor_save_async() checks it.
 */
void
cb_template_editor_save_to_async (CbTemplateEditor    *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CB_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));
  cb_document_window_save_to_async (CB_DOCUMENT_WINDOW (self), file, cancellable, callback, user_data);
}

/**
 * cb_template_editor_save_finish:
 * @self: the editor
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Finishes cb_template_editor_save_async() and cb_template_editor_save_to_async().
 *
 * Returns: whether the template was saved
 */
gboolean
cb_template_editor_save_finish (CbTemplateEditor  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (CB_IS_TEMPLATE_EDITOR (self), FALSE);
  return cb_document_window_save_finish (CB_DOCUMENT_WINDOW (self), result, error);
}
