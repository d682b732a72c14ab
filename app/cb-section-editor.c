/* Sections: the widget that edits one section of a brief, its title, prompt and word
 * count, and the text view on its CbSectionBuffer with the actions that work on its
 * text and quotations. The keys and the pointer at a quotation are in
 * cb-section-editor-quotations.c, drops in cb-section-editor-dnd.c, cut and paste in
 * cb-section-editor-clipboard.c. */
#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cb-accessible.h"
#include "cb-context-menu.h"
#include "cb-section-buffer.h"
#include "cb-section-colors.h"
#include "cb-section-editor-private.h"

#define MIN_TEXT_HEIGHT 96
/* The most a section's text takes of the window, unless the window is smaller. */
#define DEFAULT_MAX_TEXT_HEIGHT 480

G_DEFINE_FINAL_TYPE (CbSectionEditor, cb_section_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BRIEF,
  PROP_SECTION,
  PROP_COLOR_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_undo_actions (CbSectionEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.undo",
                                 self->buffer != NULL && cb_section_buffer_get_undo_depth (self->buffer) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.redo",
                                 self->buffer != NULL && cb_section_buffer_get_redo_depth (self->buffer) > 0);
}

static void
update_word_count (CbSectionEditor *self)
{
  guint words = cb_brief_count_section_words (self->brief, self->section);
  guint limit = cb_section_get_word_limit (self->section);
  gboolean quotes_only = cb_section_lacks_own_words (self->section);
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  if (limit > 0)
    /* Translators: a section's word count against its limit, e.g. "112 / 150 words" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u / %u word", "%u / %u words", limit),
                             words, limit);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  if (quotes_only)
    {
      g_autofree char *count = g_steal_pointer (&label);

      /* Translators: a section's word count where the template asks for the student's
       * own words and the section holds only quotations, e.g. "40 words · needs your own words" */
      label = g_strdup_printf (_("%s · needs your own words"), count);
      /* Translators: the same as a screen reader says it, e.g. "40 words, only quotations: add words of your own" */
      accessible = g_strdup_printf (_("%s, only quotations: add words of your own"), count);
    }

  /* Most keystrokes leave the count as it was: nothing to redraw or tell assistive
   * technologies then. */
  if (g_strcmp0 (gtk_label_get_label (self->count_label), label) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), cb_section_is_empty (self->section));
      return;
    }
  gtk_label_set_label (self->count_label, label);
  if (limit > 0 && words > limit)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      g_free (accessible);
      accessible = g_strdup_printf (_("%s, over the limit"), label);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
      if (accessible == NULL)
        accessible = g_strdup (label);
    }
  if (quotes_only)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  /* Going over the limit is said as it happens, not only shown. */
  if (!self->over_limit && limit > 0 && words > limit && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Translators: said by a screen reader, e.g. "Facts is over its limit: 201 / 200 words" */
      g_autofree char *message = g_strdup_printf (_("%s is over its limit: %s"),
                                                  cb_section_get_title (self->section), label);

      cb_accessible_announce (GTK_WIDGET (self), message);
    }
  self->over_limit = limit > 0 && words > limit;
  if (!self->quotes_only && quotes_only && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Translators: said by a screen reader, e.g. "Reasoning holds only quotations: add words of your own" */
      g_autofree char *message = g_strdup_printf (_("%s holds only quotations: add words of your own"),
                                                  cb_section_get_title (self->section));

      cb_accessible_announce (GTK_WIDGET (self), message);
    }
  self->quotes_only = quotes_only;

  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), cb_section_is_empty (self->section));
}

static void
update_quotation_actions (CbSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor, start, end;
  gboolean on_quotation;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  on_quotation = cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.show-quotation", on_quotation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.remove-quotation", on_quotation);
}

/* A quotation selected whole, as the first Backspace after it leaves it, shows in its
 * section's colour, stronger, with a line under the text saying what the next key does. */
static void
update_selected_quotation (CbSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, quote_start, quote_end;
  const char *id = NULL;

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      id = cb_section_buffer_quotation_around (self->buffer, &start, &quote_start, &quote_end);
      if (id != NULL && (!gtk_text_iter_equal (&start, &quote_start) || !gtk_text_iter_equal (&end, &quote_end)))
        id = NULL;
    }
  if (g_strcmp0 (id, self->selected_excerpt) == 0)
    return;

  g_free (self->selected_excerpt);
  self->selected_excerpt = g_strdup (id);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
  if (id != NULL)
    gtk_text_buffer_apply_tag (buffer, self->selected_tag, &quote_start, &quote_end);
  gtk_widget_set_visible (self->selected_hint, id != NULL);
}

static void
mark_set_cb (CbSectionEditor *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  if (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;
  update_quotation_actions (self);
  update_selected_quotation (self);
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cb_section_buffer_toggle_emphasis (CB_SECTION_EDITOR (widget)->buffer, CB_RUN_ITALIC);
}

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_section_buffer_toggle_emphasis (CB_SECTION_EDITOR (widget)->buffer, CB_RUN_BOLD);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_section_buffer_undo (CB_SECTION_EDITOR (widget)->buffer);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_section_buffer_redo (CB_SECTION_EDITOR (widget)->buffer);
}

static void
remove_excerpt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cb_section_buffer_remove_excerpt (CB_SECTION_EDITOR (widget)->buffer, g_variant_get_string (parameter, NULL));
}

static const char *
quotation_at_cursor (CbSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor, start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end);
}

/* Shows an excerpt's passage in the opinion, as following a quotation's link does. */
void
_cb_section_editor_show_excerpt (CbSectionEditor *self,
                                 const char      *excerpt_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-excerpt", "s", excerpt_id);
}

static void
show_quotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  const char *id = quotation_at_cursor (self);

  if (id != NULL)
    _cb_section_editor_show_excerpt (self, id);
}

static void
show_quotation_in_pdf_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  const char *id = quotation_at_cursor (self);

  if (id != NULL)
    gtk_widget_activate_action (widget, "win.show-excerpt-in-pdf", "s", id);
}

static void
remove_quotation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  g_autofree char *id = g_strdup (quotation_at_cursor (self));

  if (id != NULL)
    cb_section_buffer_remove_excerpt (self->buffer, id);
}

/* The section's frame is as tall as its text, up to the most it may take of the window;
 * past that the text scrolls within it.
 *
 * The text view lays its text out a part at a time, and the height it reports grows as
 * it goes. A frame grown over lines not yet laid out makes it draw every line of the
 * section at once, which for a long section costs a tenth of a second and megabytes.
 * So a text that must fill the frame, by its length alone, is given the full height at
 * once; only a short one, cheap to draw whole, follows the height reported. A line of
 * the section holds at most LONG_TEXT_CHARS_PER_PIXEL characters for each pixel of
 * its height. */
#define LONG_TEXT_CHARS_PER_PIXEL 7

static gboolean
fit_height (gpointer data)
{
  CbSectionEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  int most = MAX (MIN_TEXT_HEIGHT, self->max_text_height);
  int height;

  self->fit_id = 0;
  if (gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->buffer)) >= most * LONG_TEXT_CHARS_PER_PIXEL)
    height = most;
  else
    height = CLAMP ((int) ceil (gtk_adjustment_get_upper (adjustment)), MIN_TEXT_HEIGHT, most);
  if (height != gtk_scrolled_window_get_min_content_height (self->scroller))
    gtk_scrolled_window_set_min_content_height (self->scroller, height);
  return G_SOURCE_REMOVE;
}

/* Sizes are not changed while they are being given out: just after. */
static void
queue_fit_height (CbSectionEditor *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_height, self, NULL);
}

static void
buffer_reloaded_cb (CbSectionEditor *self)
{
  /* Before the text view lays out the new text, so that a long text is laid out for
   * the height it will have. */
  g_clear_handle_id (&self->fit_id, g_source_remove);
  fit_height (self);
}

static void
edit_refused_cb (CbSectionEditor *self)
{
  gtk_widget_error_bell (GTK_WIDGET (self->text_view));
  /* The bell alone does not say why.
   * Translators: said by a screen reader when a key typed inside a quotation is refused */
  cb_accessible_announce (GTK_WIDGET (self), _("A quotation cannot be edited; Delete removes it whole"));
}

static void
cb_section_editor_constructed (GObject *object)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);
  g_autofree char *css_class = g_strdup_printf ("section-color-%u", self->color_index % CB_N_SECTION_COLORS);
  const char *title;
  const char *prompt;

  G_OBJECT_CLASS (cb_section_editor_parent_class)->constructed (object);

  g_return_if_fail (CB_IS_BRIEF (self->brief));
  g_return_if_fail (CB_IS_SECTION (self->section));

  self->buffer = cb_section_buffer_new (self->brief, self->section);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.show-quotation-in-pdf",
                                 cb_opinion_get_format (cb_brief_get_opinion (self->brief)) == CB_OPINION_FORMAT_PDF);
  g_object_set (cb_section_buffer_get_quotation_tag (self->buffer),
                "paragraph-background", cb_section_color_tint (self->color_index), NULL);
  self->selected_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), NULL,
                                                   "paragraph-background", cb_section_color_selected (self->color_index),
                                                   NULL);
  gtk_text_view_set_buffer (self->text_view, GTK_TEXT_BUFFER (self->buffer));
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "edit-refused", G_CALLBACK (edit_refused_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "reloaded", G_CALLBACK (buffer_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::undo-depth", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::redo-depth", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  _cb_section_editor_clipboard_watch_buffer (self);

  title = cb_section_get_title (self->section);
  prompt = cb_section_get_prompt (self->section);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->prompt_label, prompt ? prompt : "");
  gtk_widget_set_visible (GTK_WIDGET (self->required_label), cb_section_get_required (self->section));
  gtk_widget_add_css_class (self->color_swatch, css_class);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  cb_accessible_set_description (GTK_WIDGET (self->text_view), prompt ? prompt : "");

  /* After the buffer's own handler, which reads the change into the text first. */
  g_signal_connect_object (self->section, "changed", G_CALLBACK (update_word_count), self, G_CONNECT_SWAPPED);
  update_word_count (self);
  buffer_reloaded_cb (self);
  update_undo_actions (self);
  update_quotation_actions (self);
}

static void
cb_section_editor_dispose (GObject *object)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);

  g_clear_handle_id (&self->fit_id, g_source_remove);
  _cb_section_editor_clipboard_dispose (self);
  g_clear_pointer (&self->selected_excerpt, g_free);
  /* The brief, the section and the buffer outlive the editor when another brief is opened. */
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->text_view != NULL)
    cb_context_menu_detach (self->text_view);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_SECTION_EDITOR);
  /* GTK 4.8's text buffer keeps a reference to itself once text in it was selected
   * (its selection's content provider never lets go), so the buffer may outlive the
   * editor: disposed, it lets go of the brief and the section now. */
  if (self->buffer != NULL)
    g_object_run_dispose (G_OBJECT (self->buffer));
  g_clear_object (&self->buffer);
  g_clear_object (&self->section);
  g_clear_object (&self->brief);

  G_OBJECT_CLASS (cb_section_editor_parent_class)->dispose (object);
}

static void
cb_section_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_value_set_object (value, self->brief);
      break;
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    case PROP_COLOR_INDEX:
      g_value_set_uint (value, self->color_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_section_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      self->brief = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;
    case PROP_COLOR_INDEX:
      self->color_index = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_section_editor_class_init (CbSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cb_section_editor_constructed;
  object_class->dispose = cb_section_editor_dispose;
  object_class->get_property = cb_section_editor_get_property;
  object_class->set_property = cb_section_editor_set_property;

  properties[PROP_BRIEF] = g_param_spec_object ("brief", NULL, NULL, CB_TYPE_BRIEF, construct);
  properties[PROP_SECTION] = g_param_spec_object ("section", NULL, NULL, CB_TYPE_SECTION, construct);
  properties[PROP_COLOR_INDEX] = g_param_spec_uint ("color-index", NULL, NULL, 0, G_MAXUINT, 0, construct);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-section-editor.ui");
  /* A group named by the section's title: its count, prompt and text. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, required_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, color_swatch);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, selected_hint);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, link_prompt);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, link_label);

  gtk_widget_class_install_action (widget_class, "section.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "section.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "section.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "section.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "section.remove-excerpt", "s", remove_excerpt_action);
  gtk_widget_class_install_action (widget_class, "section.show-quotation", NULL, show_quotation_action);
  gtk_widget_class_install_action (widget_class, "section.remove-quotation", NULL, remove_quotation_action);
  gtk_widget_class_install_action (widget_class, "section.show-quotation-in-pdf", NULL, show_quotation_in_pdf_action);
  _cb_section_editor_clipboard_class_init (widget_class);
}

static void
add_capture_shortcut (GtkShortcutController *controller,
                      const char            *trigger,
                      const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

/* The text view's context menu: editing, with the section's own undo, whose state GTK's
 * menu cannot show; and what applies to the quotation at the cursor, there only. A
 * right click on a quotation puts the cursor in it first. */
static void
add_context_menu (CbSectionEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();
  g_autoptr(GMenu) history = g_menu_new ();
  g_autoptr(GMenu) quotation = g_menu_new ();
  const struct { const char *label, *action; } quotation_items[] = {
    { N_("_Show in Opinion"), "section.show-quotation" },
    /* Only a quotation of an opinion read from a PDF has a page of it to open. */
    { N_("Show in PD_F"), "section.show-quotation-in-pdf" },
    { N_("Remove E_xcerpt"), "section.remove-quotation" },
  };

  g_menu_append (edit, _("Cu_t"), "clipboard.cut");
  g_menu_append (edit, _("_Copy"), "clipboard.copy");
  g_menu_append (edit, _("_Paste"), "clipboard.paste");
  g_menu_append (edit, _("_Delete"), "selection.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append (all, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));
  g_menu_append (history, _("_Undo"), "section.undo");
  g_menu_append (history, _("_Redo"), "section.redo");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (history));
  for (guint i = 0; i < G_N_ELEMENTS (quotation_items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(quotation_items[i].label), quotation_items[i].action);

      g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
      g_menu_append_item (quotation, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (quotation));
  cb_context_menu_attach (self->text_view, G_MENU_MODEL (menu));
}

static void
cb_section_editor_init (CbSectionEditor *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Made after the window, as a brief opens: mended on its own. */
  cb_accessible_mend (GTK_WIDGET (self));

  _cb_section_editor_quotations_init (self);
  add_context_menu (self);
  _cb_section_editor_clipboard_init (self);
  self->max_text_height = DEFAULT_MAX_TEXT_HEIGHT;
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN_TEXT_HEIGHT);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "notify::upper",
                           G_CALLBACK (queue_fit_height), self, G_CONNECT_SWAPPED);

  /* These run before the text view's own bindings, which would undo only the text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>i", "section.italic");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>b", "section.bold");
  /* In a brief, the keys take back its last change, whichever section it was made in. */
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "brief.undo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "brief.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>y", "brief.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "section.undo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "section.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>y", "section.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _cb_section_editor_dnd_init (self);

  update_undo_actions (self);
}

/**
 * cb_section_editor_new:
 * @brief: the brief
 * @section: one of its sections
 * @color_index: the section's colour, shared with its highlights in the opinion
 *
 * Returns: (transfer floating): an editor for @section
 */
CbSectionEditor *
cb_section_editor_new (CbBrief   *brief,
                       CbSection *section,
                       guint      color_index)
{
  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (CB_IS_SECTION (section), NULL);

  return g_object_new (CB_TYPE_SECTION_EDITOR,
                       "brief", brief,
                       "section", section,
                       "color-index", color_index,
                       NULL);
}

/**
 * cb_section_editor_get_section:
 * @self: the editor
 *
 * Returns: (transfer none): the section edited
 */
CbSection *
cb_section_editor_get_section (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return self->section;
}

/**
 * cb_section_editor_get_title:
 * @self: the editor
 *
 * Returns: the section's title as shown
 */
const char *
cb_section_editor_get_title (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/**
 * cb_section_editor_get_text_view:
 * @self: the editor
 *
 * Returns: (transfer none): the text view the student writes in
 */
GtkTextView *
cb_section_editor_get_text_view (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return self->text_view;
}

/**
 * cb_section_editor_get_word_count_label:
 * @self: the editor
 *
 * Returns: the word count as shown ("112 / 150 words")
 */
const char *
cb_section_editor_get_word_count_label (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return gtk_label_get_label (self->count_label);
}

/**
 * cb_section_editor_insert_excerpt:
 * @self: the editor
 * @excerpt: an excerpt of the brief, already added to it
 *
 * Places a quotation of @excerpt at the cursor, on a line of its own: after the
 * paragraph the cursor is in, or at the end when the section was never edited.
 * It is one undoable step.
 */
void
cb_section_editor_insert_excerpt (CbSectionEditor *self,
                                  CbExcerpt       *excerpt)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (CB_IS_SECTION_EDITOR (self));
  g_return_if_fail (CB_IS_EXCERPT (excerpt));

  buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)) &&
      gtk_text_iter_is_start (&iter) && cb_section_get_n_blocks (self->section) > 0)
    gtk_text_buffer_get_end_iter (buffer, &iter);
  cb_section_buffer_insert_excerpt (self->buffer, &iter, excerpt);

  {
    g_autofree char *cite = cb_brief_dup_pin_cite (self->brief, excerpt);
    g_autofree char *message = NULL;

    if (cite != NULL)
      /* Translators: said by a screen reader, e.g. "Quotation added to Facts, 474 U.S. at 345" */
      message = g_strdup_printf (_("Quotation added to %s, %s"), cb_section_get_title (self->section), cite);
    else
      message = g_strdup_printf (_("Quotation added to %s"), cb_section_get_title (self->section));
    cb_accessible_announce (GTK_WIDGET (self), message);
  }
}

/**
 * cb_section_editor_get_quotation:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 * @quote: (out) (optional) (transfer full): the quotation as shown, in typographic quotes
 * @pin_cite: (out) (optional) (transfer full): the pin cite shown under it, or ""
 *
 * Reads a quotation as the student sees it in the section.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_editor_get_quotation (CbSectionEditor  *self,
                                 const char       *excerpt_id,
                                 char            **quote,
                                 char            **pin_cite)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  return cb_section_buffer_get_quotation (self->buffer, excerpt_id, quote, pin_cite);
}

/**
 * cb_section_editor_reveal_excerpt:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 * @area: (out) (optional): where the section's text is, in the editor's coordinates
 *
 * Selects the quotation of an excerpt, scrolls the section's text to it and moves the
 * keyboard focus there, so that Delete removes it and Enter shows its source.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_editor_reveal_excerpt (CbSectionEditor *self,
                                  const char      *excerpt_id,
                                  GdkRectangle    *area)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  graphene_rect_t bounds;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  if (!cb_section_buffer_find_quotation (self->buffer, excerpt_id, &start, &end))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);

  if (area == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->scroller), GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);
  *area = (GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
  return TRUE;
}

/**
 * cb_section_editor_get_range_area:
 * @self: the editor
 * @start: the start of a range of the section's text
 * @end: its end
 * @area: (out): where the range shows, in the editor's coordinates
 *
 * Scrolls the section's text to a range, if need be, and says where it is, so that
 * the brief can scroll to it in turn. The area is clipped to the section's frame.
 *
 * Returns: whether the area could be computed
 */
gboolean
cb_section_editor_get_range_area (CbSectionEditor   *self,
                                  const GtkTextIter *start,
                                  const GtkTextIter *end,
                                  GdkRectangle      *area)
{
  GdkRectangle first, last, visible;
  graphene_rect_t frame;
  graphene_point_t top;
  int x, y;
  double bottom;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL && area != NULL, FALSE);

  gtk_text_view_get_iter_location (self->text_view, start, &first);
  gtk_text_view_get_iter_location (self->text_view, end, &last);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  if (first.y < visible.y || last.y + last.height > visible.y + visible.height)
    gtk_text_view_scroll_to_iter (self->text_view, (GtkTextIter *) start, 0.0, FALSE, 0.0, 0.0);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, y), &top) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->scroller), GTK_WIDGET (self), &frame))
    return FALSE;

  bottom = top.y + (last.y + last.height - first.y);
  area->x = frame.origin.x;
  area->width = frame.size.width;
  area->y = MAX (top.y, frame.origin.y);
  area->height = MAX (1, MIN (bottom, frame.origin.y + frame.size.height) - area->y);
  return TRUE;
}

/**
 * cb_section_editor_get_quotation_area:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 * @area: (out): where its quotation shows, in the editor's coordinates
 *
 * Scrolls the section's text to the quotation of an excerpt, as
 * cb_section_editor_get_range_area() does.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_editor_get_quotation_area (CbSectionEditor *self,
                                      const char      *excerpt_id,
                                      GdkRectangle    *area)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  return cb_section_buffer_find_quotation (self->buffer, excerpt_id, &start, &end) &&
         cb_section_editor_get_range_area (self, &start, &end, area);
}

/**
 * cb_section_editor_set_max_text_height:
 * @self: the editor
 * @height: in pixels
 *
 * Sets how tall the section's text may grow before it scrolls within its frame.
 */
void
cb_section_editor_set_max_text_height (CbSectionEditor *self,
                                       int              height)
{
  g_return_if_fail (CB_IS_SECTION_EDITOR (self));
  self->max_text_height = height;
  queue_fit_height (self);
}
