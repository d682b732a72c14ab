#define G_LOG_DOMAIN "cb-page-gutter"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cb-page-gutter.h"

/* Shows, beside each line of the opinion, the reporter page it is printed on: "345",
 * or "345–46" for a paragraph that runs onto the next page. In a slip opinion, whose
 * parts each number their pages from 1, the first line of each part names it: "Syl. 1",
 * "Op. 1", "Thomas 1". */
struct _CbPageGutter
{
  GtkSourceGutterRendererText parent_instance;

  CbOpinion *opinion;
  guint reporter;
};

G_DEFINE_FINAL_TYPE (CbPageGutter, cb_page_gutter, GTK_SOURCE_TYPE_GUTTER_RENDERER_TEXT)

/* A justice's name longer than this is cut to its first four letters and a full stop. */
#define MAX_NAME 8

/* What names @part in a narrow margin: "Syl.", "Op.", or the justice's name of a
 * separate opinion, from its parenthetical ("(Sotomayor, J., concurring)" → "Soto."). */
static char *
part_name (const CbPart *part)
{
  const char *from;
  g_autofree char *name = NULL;

  if (part->kind == CB_PART_SYLLABUS)
    /* Translators: beside the first line of a slip opinion's syllabus, before its page ("Syl. 1") */
    return g_strdup (C_("page margin", "Syl."));
  if (part->kind == CB_PART_COURT)
    /* Translators: beside the first line of the opinion of the Court, before its page ("Op. 1") */
    return g_strdup (C_("page margin", "Op."));
  from = part->parenthetical != NULL ? part->parenthetical : part->title;
  if (from == NULL)
    return NULL;
  while (*from == '(' || *from == ' ')
    from++;
  name = g_strndup (from, strcspn (from, ",("));
  g_strstrip (name);
  if (*name == '\0')
    return NULL;
  if (g_utf8_strlen (name, -1) > MAX_NAME)
    {
      g_autofree char *cut = g_utf8_substring (name, 0, 4);

      return g_strconcat (cut, ".", NULL);
    }
  return g_steal_pointer (&name);
}

/* The offset where the closest line above @line with text starts, or -1. */
static gint64
previous_text_line (GtkTextBuffer *buffer,
                    guint          line)
{
  GtkTextIter iter;

  while (line-- > 0)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      if (!gtk_text_iter_ends_line (&iter))
        return gtk_text_iter_get_offset (&iter);
    }
  return -1;
}

/* Where the text of a line starts for its page: a footnote's line starts with its label,
 * which is printed with the footnote's text, not on the page of the text before. */
static gsize
body_start (CbPageMap         *map,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  gsize from = gtk_text_iter_get_offset (start);
  gsize to = gtk_text_iter_get_offset (end);
  const CbFootnote *notes;
  gsize n_notes = 0;

  if (map == NULL || cb_page_map_footnote_at (map, from) != NULL)
    return from;
  notes = cb_page_map_get_footnotes (map, &n_notes);
  for (gsize i = 0; i < n_notes; i++)
    if (notes[i].body_start > from && notes[i].body_start < to &&
        notes[i].body_start - from <= (gsize) g_utf8_strlen (notes[i].label, -1) + 2)
      return notes[i].body_start;
  return from;
}

static char *
label_for_line (CbPageGutter *self,
                GtkTextBuffer *buffer,
                guint          line)
{
  GtkTextIter start, end;
  guint first, last;
  g_autofree char *pages = NULL;
  CbPageMap *map;
  const CbPart *part;
  gint64 previous;

  if (self->opinion == NULL || cb_opinion_get_n_reporters (self->opinion) <= self->reporter)
    return NULL;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  /* Blank lines between paragraphs carry no page. */
  if (gtk_text_iter_equal (&start, &end))
    return NULL;

  map = cb_opinion_get_page_map (self->opinion);
  first = cb_opinion_page_at (self->opinion, self->reporter, body_start (map, &start, &end));
  last = cb_opinion_page_at (self->opinion, self->reporter, gtk_text_iter_get_offset (&end) - 1);
  if (first == 0)
    return NULL;
  pages = cb_pin_cite_format_range (first, last);

  /* A slip opinion's parts all start at page 1: the first line of each says which it is. */
  if (map == NULL || cb_page_map_get_numbering (map) != CB_PAGE_NUMBERING_SLIP)
    return g_steal_pointer (&pages);
  part = cb_page_map_part_at (map, gtk_text_iter_get_offset (&start));
  previous = previous_text_line (buffer, line);
  if (part != NULL && (previous < 0 || cb_page_map_part_at (map, (gsize) previous) != part))
    {
      g_autofree char *name = part_name (part);

      if (name != NULL)
        return g_strconcat (name, " ", pages, NULL);
    }
  return g_steal_pointer (&pages);
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
      CbPageMap *map = opinion != NULL ? cb_opinion_get_page_map (opinion) : NULL;
      gsize n_parts = 0;
      const CbPart *parts = NULL;

      /* Wide enough for a range of four-digit pages, "1098–1102", before it is drawn,
       * and for the name of each part of a slip opinion before a range of its pages. */
      gtk_source_gutter_renderer_text_measure (GTK_SOURCE_GUTTER_RENDERER_TEXT (self), "8888–88",
                                               &width, &height);
      if (map != NULL && cb_page_map_get_numbering (map) == CB_PAGE_NUMBERING_SLIP)
        parts = cb_page_map_get_parts (map, &n_parts);
      for (gsize i = 0; i < n_parts; i++)
        {
          g_autofree char *name = part_name (&parts[i]);
          g_autofree char *sample = name != NULL ? g_strconcat (name, " 88–88", NULL) : NULL;
          int part_width = 0;

          if (sample == NULL)
            continue;
          gtk_source_gutter_renderer_text_measure (GTK_SOURCE_GUTTER_RENDERER_TEXT (self), sample,
                                                   &part_width, &height);
          width = MAX (width, part_width);
        }
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
