#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-section-editor.h"

struct _CbSectionEditor
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *prompt_label;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (CbSectionEditor, cb_section_editor, ADW_TYPE_BIN)

static void
cb_section_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CB_TYPE_SECTION_EDITOR);

  G_OBJECT_CLASS (cb_section_editor_parent_class)->dispose (object);
}

static void
cb_section_editor_class_init (CbSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_section_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, text_view);
}

static void
cb_section_editor_init (CbSectionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cb_section_editor_new:
 * @title: the section's title
 * @prompt: the template's guidance for the section
 *
 * Returns: (transfer floating): a new section editor
 */
CbSectionEditor *
cb_section_editor_new (const char *title,
                       const char *prompt)
{
  CbSectionEditor *self = g_object_new (CB_TYPE_SECTION_EDITOR, NULL);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->prompt_label, prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, prompt,
                                  -1);
  return self;
}

/**
 * cb_section_editor_get_title:
 * @self: the editor
 *
 * Returns: the section's title
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
