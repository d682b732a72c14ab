#define G_LOG_DOMAIN "cb-brief-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-brief-view.h"
#include "cb-section-editor.h"

struct _CbBriefView
{
  AdwBin parent_instance;

  GtkBox *sections_box;
  GPtrArray *section_editors;
};

G_DEFINE_FINAL_TYPE (CbBriefView, cb_brief_view, ADW_TYPE_BIN)

static const struct {
  const char *title;
  const char *prompt;
} default_sections[] = {
  { N_("Facts"), N_("Who did what to whom? State the facts the court relied on, and how the case came to this court.") },
  { N_("Issue"), N_("What legal question did the court have to answer? Phrase it as a question.") },
  { N_("Holding"), N_("How did the court answer the question? One or two sentences.") },
  { N_("Reasoning"), N_("Why did the court decide as it did? Quote the passages that carry the reasoning.") },
};

static void
cb_brief_view_dispose (GObject *object)
{
  CbBriefView *self = CB_BRIEF_VIEW (object);

  g_clear_pointer (&self->section_editors, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_BRIEF_VIEW);

  G_OBJECT_CLASS (cb_brief_view_parent_class)->dispose (object);
}

static void
cb_brief_view_class_init (CbBriefViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_brief_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-brief-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, sections_box);
}

static void
cb_brief_view_init (CbBriefView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->section_editors = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (default_sections); i++)
    {
      CbSectionEditor *editor = cb_section_editor_new (_(default_sections[i].title),
                                                       _(default_sections[i].prompt));

      gtk_box_append (self->sections_box, GTK_WIDGET (editor));
      g_ptr_array_add (self->section_editors, editor);
    }
}

/**
 * cb_brief_view_get_n_sections:
 * @self: the view
 *
 * Returns: how many section editors the brief shows
 */
guint
cb_brief_view_get_n_sections (CbBriefView *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), 0);
  return self->section_editors->len;
}

/**
 * cb_brief_view_get_section_editor:
 * @self: the view
 * @position: the section's position, from 0
 *
 * Returns: (transfer none): the editor of that section
 */
GtkWidget *
cb_brief_view_get_section_editor (CbBriefView *self,
                                  guint        position)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), NULL);
  g_return_val_if_fail (position < self->section_editors->len, NULL);
  return g_ptr_array_index (self->section_editors, position);
}
