#define G_LOG_DOMAIN "cb-page-gutter"

#include "config.h"

#include "cb-page-gutter.h"

/* Shows, beside each line of the opinion, the reporter page it is printed on: "345",
 * or "345–46" for a paragraph that runs onto the next page. */
struct _CbPageGutter
{
  GtkSourceGutterRendererText parent_instance;

  CbOpinion *opinion;
  guint reporter;
};

G_DEFINE_FINAL_TYPE (CbPageGutter, cb_page_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER_TEXT)

static char *
label_for_line (CbPageGutter *self,
                GtkTextBuffer *buffer,
                guint          line)
{
  GtkTextIter start, end;
  guint first, last;

  if (self->opinion == NULL || cb_opinion_get_n_reporters (self->opinion) <= self->reporter)
    return NULL;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  /* Blank lines between paragraphs carry no page. */
  if (gtk_text_iter_equal (&start, &end))
    return NULL;

  first = cb_opinion_page_at (self->opinion, self->reporter, gtk_text_iter_get_offset (&start));
  last = cb_opinion_page_at (self->opinion, self->reporter, gtk_text_iter_get_offset (&end) - 1);
  if (first == 0)
    return NULL;

  return cb_pin_cite_format_range (first, last);
}

static void
cb_page_gutter_query_data (GtkSourceGutterRenderer *renderer,
                           GtkSourceGutterLines    *lines,
                           guint                    line)
{
  CbPageGutter *self = CB_PAGE_GUTTER (renderer);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_gutter_renderer_get_buffer (renderer));
  g_autofree char *label = label_for_line (self, buffer, line);

  gtk_source_gutter_renderer_text_set_text (GTK_SOURCE_GUTTER_RENDERER_TEXT (renderer),
                                            label ? label : "", -1);
}

static void
cb_page_gutter_dispose (GObject *object)
{
  CbPageGutter *self = CB_PAGE_GUTTER (object);

  g_clear_object (&self->opinion);

  G_OBJECT_CLASS (cb_page_gutter_parent_class)->dispose (object);
}

static void
cb_page_gutter_class_init (CbPageGutterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSourceGutterRendererClass *renderer_class = GTK_SOURCE_GUTTER_RENDERER_CLASS (klass);

  object_class->dispose = cb_page_gutter_dispose;
  renderer_class->query_data = cb_page_gutter_query_data;
}

static void
cb_page_gutter_init (CbPageGutter *self)
{
  gtk_source_gutter_renderer_set_xpad (GTK_SOURCE_GUTTER_RENDERER (self), 8);
  gtk_source_gutter_renderer_set_xalign (GTK_SOURCE_GUTTER_RENDERER (self), 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self), "page-gutter");
}

/**
 * cb_page_gutter_new:
 *
 * Returns: (transfer floating): a new page gutter renderer
 */
CbPageGutter *
cb_page_gutter_new (void)
{
  return g_object_new (CB_TYPE_PAGE_GUTTER, NULL);
}

/**
 * cb_page_gutter_set_opinion:
 * @self: the renderer
 * @opinion: (nullable): the opinion whose pages to show
 *
 * Sets the opinion the buffer shows.
 */
void
cb_page_gutter_set_opinion (CbPageGutter *self,
                            CbOpinion    *opinion)
{
  g_return_if_fail (CB_IS_PAGE_GUTTER (self));

  if (g_set_object (&self->opinion, opinion))
    {
      int width = 0, height = 0;

      /* Wide enough for a range of four-digit pages, "1098–1102", before it is drawn. */
      gtk_source_gutter_renderer_text_measure (GTK_SOURCE_GUTTER_RENDERER_TEXT (self), "8888–88",
                                               &width, &height);
      gtk_widget_set_size_request (GTK_WIDGET (self), width + 16, -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

/**
 * cb_page_gutter_set_reporter:
 * @self: the renderer
 * @reporter: the reporter whose pages to show, 0 for the first (`*N`)
 *
 * Chooses the reporter among those the opinion is paged for.
 */
void
cb_page_gutter_set_reporter (CbPageGutter *self,
                             guint         reporter)
{
  g_return_if_fail (CB_IS_PAGE_GUTTER (self));

  self->reporter = reporter;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cb_page_gutter_dup_label:
 * @self: the renderer
 * @line: a line of the buffer
 *
 * Returns: (transfer full) (nullable): what the gutter shows beside @line
 */
char *
cb_page_gutter_dup_label (CbPageGutter *self,
                          guint         line)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (CB_IS_PAGE_GUTTER (self), NULL);

  buffer = GTK_TEXT_BUFFER (gtk_source_gutter_renderer_get_buffer (GTK_SOURCE_GUTTER_RENDERER (self)));
  if (buffer == NULL)
    return NULL;
  return label_for_line (self, buffer, line);
}
