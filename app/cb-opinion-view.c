#define G_LOG_DOMAIN "cb-opinion-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cb-opinion-view.h"

struct _CbOpinionView
{
  AdwBin parent_instance;

  CbOpinion *opinion;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *match_label;
  GtkSourceView *source_view;
  GtkSourceBuffer *buffer;
  GtkSourceSearchContext *search_context;
};

G_DEFINE_FINAL_TYPE (CbOpinionView, cb_opinion_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OPINION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_match_label (CbOpinionView *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search_context);
  int count = gtk_source_search_context_get_occurrences_count (self->search_context);
  GtkTextIter start, end;
  g_autofree char *label = NULL;
  int position = -1;

  if (gtk_source_search_settings_get_search_text (settings) == NULL || count < 0)
    {
      gtk_label_set_label (self->match_label, "");
      return;
    }

  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end);

  if (count == 0)
    label = g_strdup (_("No matches"));
  else if (position > 0)
    /* Translators: the position of the current match among all matches, e.g. "3 of 12" */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);

  gtk_label_set_label (self->match_label, label);
}

static void
select_match (CbOpinionView     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), (GtkTextIter *) start,
                                0.1, TRUE, 0.0, 0.3);
  update_match_label (self);
}

static void
find_next (CbOpinionView *self,
           gboolean       backward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter sel_start, sel_end, match_start, match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  if (backward)
    found = gtk_source_search_context_backward (self->search_context, &sel_start,
                                                &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_forward (self->search_context, &sel_end,
                                               &match_start, &match_end, NULL);
  if (found)
    select_match (self, &match_start, &match_end);
}

static void
search_changed_cb (CbOpinionView  *self,
                   GtkSearchEntry *entry)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search_context);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start, match_start, match_end;

  gtk_source_search_settings_set_search_text (settings, text[0] ? text : NULL);
  if (text[0] == '\0')
    {
      update_match_label (self);
      return;
    }

  /* Search as the student types, from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, NULL);
  if (gtk_source_search_context_forward (self->search_context, &start, &match_start, &match_end, NULL))
    select_match (self, &match_start, &match_end);
  else
    update_match_label (self);
}

static void
search_activate_cb (CbOpinionView  *self,
                    GtkSearchEntry *entry)
{
  find_next (self, FALSE);
}

static void
search_next_cb (CbOpinionView  *self,
                GtkSearchEntry *entry)
{
  find_next (self, FALSE);
}

static void
search_previous_cb (CbOpinionView  *self,
                    GtkSearchEntry *entry)
{
  find_next (self, TRUE);
}

static void
search_stop_cb (CbOpinionView  *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
occurrences_count_changed_cb (CbOpinionView *self)
{
  update_match_label (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbOpinionView *self = CB_OPINION_VIEW (widget);
  GtkTextIter start, end;

  /* Start with the selected words, as other GNOME editors do. */
  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find_next (CB_OPINION_VIEW (widget), FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  find_next (CB_OPINION_VIEW (widget), TRUE);
}

static void
cb_opinion_view_dispose (GObject *object)
{
  CbOpinionView *self = CB_OPINION_VIEW (object);

  g_clear_object (&self->opinion);
  g_clear_object (&self->search_context);
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
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, match_label);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, source_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_install_action (widget_class, "opinion.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "opinion.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "opinion.find-previous", NULL, find_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "opinion.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "opinion.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "opinion.find-previous", NULL);
}

static void
cb_opinion_view_init (CbOpinionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
  self->search_context = gtk_source_search_context_new (self->buffer, NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search_context), TRUE);
  g_signal_connect_object (self->search_context, "notify::occurrences-count",
                           G_CALLBACK (occurrences_count_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
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

/**
 * cb_opinion_view_get_search_entry:
 * @self: the view
 *
 * Returns: (transfer none): the find bar's entry
 */
GtkEditable *
cb_opinion_view_get_search_entry (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * cb_opinion_view_dup_match_label:
 * @self: the view
 *
 * Returns: (transfer full): the find bar's match count as shown ("3 of 12")
 */
char *
cb_opinion_view_dup_match_label (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return g_strdup (gtk_label_get_label (self->match_label));
}
