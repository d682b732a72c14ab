#define G_LOG_DOMAIN "cb-opinion-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cb-opinion-view.h"

struct _CbOpinionView
{
  AdwBin parent_instance;

  CbOpinion *opinion;

  GtkSourceView *source_view;
  GtkSourceBuffer *buffer;
};

G_DEFINE_FINAL_TYPE (CbOpinionView, cb_opinion_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OPINION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cb_opinion_view_dispose (GObject *object)
{
  CbOpinionView *self = CB_OPINION_VIEW (object);

  g_clear_object (&self->opinion);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_OPINION_VIEW);

  G_OBJECT_CLASS (cb_opinion_view_parent_class)->dispose (object);
}

static void
cb_opinion_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CbOpinionView *self = CB_OPINION_VIEW (object);

  switch (prop_id)
    {
    case PROP_OPINION:
      g_value_set_object (value, self->opinion);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_opinion_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CbOpinionView *self = CB_OPINION_VIEW (object);

  switch (prop_id)
    {
    case PROP_OPINION:
      cb_opinion_view_set_opinion (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_opinion_view_class_init (CbOpinionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_opinion_view_dispose;
  object_class->get_property = cb_opinion_view_get_property;
  object_class->set_property = cb_opinion_view_set_property;

  properties[PROP_OPINION] =
    g_param_spec_object ("opinion", NULL, NULL, CB_TYPE_OPINION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-opinion-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, source_view);
}

static void
cb_opinion_view_init (CbOpinionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
}

/**
 * cb_opinion_view_get_opinion:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the opinion shown
 */
CbOpinion *
cb_opinion_view_get_opinion (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return self->opinion;
}

/**
 * cb_opinion_view_set_opinion:
 * @self: the view
 * @opinion: (nullable): the opinion to show
 *
 * Shows @opinion, read-only.
 */
void
cb_opinion_view_set_opinion (CbOpinionView *self,
                             CbOpinion     *opinion)
{
  g_return_if_fail (CB_IS_OPINION_VIEW (self));
  g_return_if_fail (opinion == NULL || CB_IS_OPINION (opinion));

  if (!g_set_object (&self->opinion, opinion))
    return;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer),
                            opinion ? cb_opinion_get_text (opinion) : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPINION]);
}

/**
 * cb_opinion_view_get_text_view:
 * @self: the view
 *
 * Returns: (transfer none): the text view that shows the opinion
 */
GtkTextView *
cb_opinion_view_get_text_view (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->source_view);
}
