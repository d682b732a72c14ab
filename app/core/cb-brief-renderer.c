/* Briefs typeset: a brief laid out into pages and drawn on any cairo surface. */
#define G_LOG_DOMAIN "cb-brief-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cb-brief-renderer.h"
#include "cb-date.h"

/*
 * The brief is turned into a list of flows (the caption, each heading, each paragraph,
 * each quotation with its cite). A flow is a list of lines taken from one or more
 * PangoLayouts, in the flow's own vertical coordinates, so that pagination can split a
 * flow between any two lines and drawing can place each line on its page. Print and
 * PDF both go through this one layout, so what prints is what exports.
 */

#define BODY_FONT "Liberation Serif, DejaVu Serif, serif"
#define BODY_SIZE 12.0
#define BODY_LINE_SPACING 1.3
#define QUOTE_LINE_SPACING 1.1
#define QUOTE_INDENT 36.0
#define PARAGRAPH_SPACE 8.0
#define HEADING_SPACE_BEFORE 20.0
#define HEADING_SPACE_AFTER 6.0
#define QUOTE_SPACE 8.0
#define FOOTER_SIZE 9.5

/* Lines kept together at a page break: no single line stranded at a top or bottom. */
#define MIN_LINES_AT_BREAK 2

typedef struct
{
  PangoLayout *layout;  /* NULL for a rule */
  int line_index;
  double x;             /* left end of the line, from the left margin */
  double y0;            /* top, in the flow's coordinates */
  double y1;            /* bottom */
  double baseline;
} Line;

typedef enum
{
  FLOW_CAPTION,
  FLOW_HEADING,
  FLOW_PARAGRAPH,
  FLOW_QUOTE,
} FlowKind;

typedef struct
{
  FlowKind kind;
  GPtrArray *layouts;
  GArray *lines;        /* of Line */
  double height;        /* bottom of the last line so far */
  double space_before;
  gboolean keep_with_next;
  gboolean splittable;
  int section;          /* -1 for the caption */
  int block;            /* -1 for a heading */

  /* Where its first line landed */
  guint page;
  double top;
  double bottom;
} Flow;

typedef struct
{
  const Line *line;
  double shift;         /* page y = shift + line->y0, from the top margin */
} PlacedLine;

struct _CbBriefRenderer
{
  GObject parent_instance;

  CbBrief *brief;
  CbPageGeometry geometry;

  PangoContext *context;
  GPtrArray *flows;     /* of Flow */
  GPtrArray *pages;     /* of GArray of PlacedLine */
};

G_DEFINE_FINAL_TYPE (CbBriefRenderer, cb_brief_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BRIEF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Flows */

static void
flow_free (Flow *flow)
{
  g_ptr_array_unref (flow->layouts);
  g_array_unref (flow->lines);
  g_free (flow);
}

static Flow *
flow_new (FlowKind kind,
          int      section,
          int      block)
{
  Flow *flow = g_new0 (Flow, 1);

  flow->kind = kind;
  flow->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  flow->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  flow->section = section;
  flow->block = block;
  flow->splittable = (kind == FLOW_PARAGRAPH || kind == FLOW_QUOTE);
  flow->keep_with_next = (kind == FLOW_HEADING);
  return flow;
}

/* Adds the lines of @layout below what the flow holds, @gap points lower; takes @layout. */
static void
flow_append_layout (Flow        *flow,
                    PangoLayout *layout,
                    double       x,
                    double       gap)
{
  PangoLayoutIter *iter;
  double offset = flow->height + (flow->lines->len > 0 ? gap : 0.0);
  int index = 0;

  g_ptr_array_add (flow->layouts, layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      Line line = { layout, index++, 0, 0, 0, 0 };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line.x = x + pango_units_to_double (logical.x);
      line.y0 = offset + pango_units_to_double (y0);
      line.y1 = offset + pango_units_to_double (y1);
      line.baseline = offset + pango_units_to_double (pango_layout_iter_get_baseline (iter));
      g_array_append_val (flow->lines, line);
      flow->height = line.y1;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
flow_append_rule (Flow   *flow,
                  double  gap_before,
                  double  gap_after)
{
  Line line = { NULL, 0, 0, 0, 0, 0 };

  line.y0 = flow->height;
  line.baseline = flow->height + gap_before;
  line.y1 = line.baseline + gap_after;
  g_array_append_val (flow->lines, line);
  flow->height = line.y1;
}

static double
flow_lines_height (Flow  *flow,
                   guint  from,
                   guint  to)
{
  g_assert (from < to && to <= flow->lines->len);
  return g_array_index (flow->lines, Line, to - 1).y1 - g_array_index (flow->lines, Line, from).y0;
}

/* Layouts */

static double
content_width (CbBriefRenderer *self)
{
  return self->geometry.width - self->geometry.margin_left - self->geometry.margin_right;
}

static PangoLayout *
new_layout (CbBriefRenderer *self,
            double           size,
            double           width,
            double           line_spacing)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (BODY_FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, (float) line_spacing);
  return layout;
}

static void
add_attr (PangoAttrList  *attrs,
          PangoAttribute *attr,
          gsize           start,
          gsize           end)
{
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

static PangoLayout *
new_text_layout (CbBriefRenderer *self,
                 const char      *text,
                 double           size,
                 PangoStyle       style,
                 PangoWeight      weight,
                 PangoAlignment   alignment)
{
  PangoLayout *layout = new_layout (self, size, content_width (self), 1.15);
  PangoAttrList *attrs = pango_attr_list_new ();
  gsize len = strlen (text);

  add_attr (attrs, pango_attr_style_new (style), 0, len);
  add_attr (attrs, pango_attr_weight_new (weight), 0, len);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_alignment (layout, alignment);
  pango_attr_list_unref (attrs);
  return layout;
}

static gboolean
has_text (const char *value)
{
  return value != NULL && *value != '\0';
}

static Flow *
build_caption (CbBriefRenderer *self)
{
  CbBrief *brief = self->brief;
  Flow *flow = flow_new (FLOW_CAPTION, -1, -1);
  const char *case_name = cb_brief_get_case_name (brief);
  const char *citation = cb_brief_get_citation (brief);
  const char *court = cb_brief_get_court (brief);
  const char *date = cb_brief_get_date_decided (brief);
  const char *student = cb_brief_get_student (brief);
  const char *course = cb_brief_get_course (brief);
  g_autoptr(GString) memo = g_string_new (NULL);
  PangoAttrList *attrs;
  PangoTabArray *tabs;
  PangoLayout *layout;

  flow_append_layout (flow,
                      new_text_layout (self, has_text (case_name) ? case_name : _("Untitled Brief"),
                                       18.0, PANGO_STYLE_ITALIC, PANGO_WEIGHT_NORMAL,
                                       PANGO_ALIGN_CENTER),
                      0, 0);
  if (has_text (citation))
    flow_append_layout (flow,
                        new_text_layout (self, citation, BODY_SIZE, PANGO_STYLE_NORMAL,
                                         PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER),
                        0, 4.0);
  if (has_text (court))
    flow_append_layout (flow,
                        new_text_layout (self, court, BODY_SIZE, PANGO_STYLE_NORMAL,
                                         PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER),
                        0, 2.0);
  if (has_text (date))
    {
      g_autofree char *formatted = cb_date_format (date);
      /* Translators: %s is the date a court decided the case */
      g_autofree char *decided = g_strdup_printf (_("Decided %s"), formatted);

      flow_append_layout (flow,
                          new_text_layout (self, decided, BODY_SIZE, PANGO_STYLE_NORMAL,
                                           PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER),
                          0, 2.0);
    }

  flow_append_rule (flow, 14.0, 12.0);

  /* The memo lines: a bold label, then the value at a tab stop. */
  attrs = pango_attr_list_new ();
  if (has_text (student))
    {
      gsize start = memo->len;

      g_string_append (memo, _("Student"));
      add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, memo->len);
      g_string_append_printf (memo, "\t%s", student);
    }
  if (has_text (course))
    {
      gsize start;

      if (memo->len > 0)
        g_string_append_c (memo, '\n');
      start = memo->len;
      g_string_append (memo, _("Course"));
      add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, memo->len);
      g_string_append_printf (memo, "\t%s", course);
    }
  if (memo->len > 0)
    {
      layout = new_layout (self, 11.0, content_width (self), 1.2);
      tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 72);
      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_text (layout, memo->str, -1);
      pango_layout_set_attributes (layout, attrs);
      flow_append_layout (flow, layout, 0, 0);
      flow_append_rule (flow, 12.0, 4.0);
    }
  pango_attr_list_unref (attrs);
  return flow;
}

static Flow *
build_heading (CbBriefRenderer *self,
               CbSection       *section,
               guint            section_index)
{
  Flow *flow = flow_new (FLOW_HEADING, (int) section_index, -1);

  flow->space_before = HEADING_SPACE_BEFORE;
  flow_append_layout (flow,
                      new_text_layout (self, cb_section_get_title (section), 13.5,
                                       PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT),
                      0, 0);
  return flow;
}

static PangoLayout *
new_paragraph_layout (CbBriefRenderer *self,
                      const CbBlock   *block)
{
  PangoLayout *layout = new_layout (self, BODY_SIZE, content_width (self), BODY_LINE_SPACING);
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; block->runs != NULL && i < block->runs->len; i++)
    {
      const CbRun *run = g_ptr_array_index (block->runs, i);
      gsize start = text->len;

      g_string_append (text, run->text);
      if (run->flags & CB_RUN_ITALIC)
        add_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
      if (run->flags & CB_RUN_BOLD)
        add_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, text->len);
    }
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_justify (layout, TRUE);
  pango_attr_list_unref (attrs);
  return layout;
}

static Flow *
build_quote (CbBriefRenderer *self,
             CbExcerpt       *excerpt,
             guint            section_index,
             guint            block_index)
{
  Flow *flow = flow_new (FLOW_QUOTE, (int) section_index, (int) block_index);
  double width = content_width (self) - 2 * QUOTE_INDENT;
  gboolean orphan = cb_excerpt_get_status (excerpt) == CB_ANCHOR_ORPHAN;
  g_autofree char *text = cb_brief_dup_quotation (self->brief, excerpt);
  g_autofree char *cite = NULL;
  PangoLayout *layout;

  flow->space_before = QUOTE_SPACE;
  layout = new_layout (self, BODY_SIZE, width, QUOTE_LINE_SPACING);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_justify (layout, TRUE);
  flow_append_layout (flow, layout, QUOTE_INDENT, 0);

  if (orphan)
    cite = g_strdup (_("[not found in opinion]"));
  else
    cite = cb_brief_dup_pin_cite (self->brief, excerpt);
  if (has_text (cite))
    {
      layout = new_text_layout (self, cite, BODY_SIZE,
                                orphan ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                                PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT);
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_line_spacing (layout, (float) QUOTE_LINE_SPACING);
      flow_append_layout (flow, layout, QUOTE_INDENT, 1.0);
    }
  return flow;
}

static Flow *
build_empty_mark (CbBriefRenderer *self,
                  guint            section_index)
{
  Flow *flow = flow_new (FLOW_PARAGRAPH, (int) section_index, -1);
  PangoLayout *layout = new_text_layout (self, "—", BODY_SIZE, PANGO_STYLE_NORMAL,
                                         PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT);
  PangoAttrList *attrs = pango_attr_list_new ();

  add_attr (attrs, pango_attr_foreground_new (0x8000, 0x8000, 0x8000), 0, strlen ("—"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  flow_append_layout (flow, layout, 0, 0);
  return flow;
}

static void
build_flows (CbBriefRenderer *self)
{
  guint n_sections = cb_brief_get_n_sections (self->brief);

  g_ptr_array_add (self->flows, build_caption (self));

  for (guint s = 0; s < n_sections; s++)
    {
      CbSection *section = cb_brief_get_section (self->brief, s);
      guint n_blocks = cb_section_get_n_blocks (section);
      gboolean first = TRUE;

      g_ptr_array_add (self->flows, build_heading (self, section, s));

      for (guint b = 0; b < n_blocks; b++)
        {
          const CbBlock *block = cb_section_get_block (section, b);
          Flow *flow = NULL;

          if (block->kind == CB_BLOCK_PARAGRAPH)
            {
              flow = flow_new (FLOW_PARAGRAPH, (int) s, (int) b);
              flow->space_before = PARAGRAPH_SPACE;
              flow_append_layout (flow, new_paragraph_layout (self, block), 0, 0);
            }
          else
            {
              CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);

              if (excerpt != NULL)
                flow = build_quote (self, excerpt, s, b);
            }
          if (flow == NULL)
            continue;
          if (first)
            flow->space_before = HEADING_SPACE_AFTER;
          first = FALSE;
          g_ptr_array_add (self->flows, flow);
        }

      if (first)
        {
          Flow *flow = build_empty_mark (self, s);

          flow->space_before = HEADING_SPACE_AFTER;
          g_ptr_array_add (self->flows, flow);
        }
    }
}

/* Unhinted, unrounded metrics: line breaks must not depend on a device's pixel grid,
 * so that a printer and a PDF break every line at the same place. */
static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

/* Pagination */

static GArray *
new_page (CbBriefRenderer *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (PlacedLine));

  g_ptr_array_add (self->pages, page);
  return page;
}

/* How many of the next flow's lines must share a page with a heading above it. */
static guint
lines_kept_with_heading (Flow *next)
{
  guint n = next->lines->len;

  if (!next->splittable || n < 2 * MIN_LINES_AT_BREAK)
    return n;
  return MIN_LINES_AT_BREAK;
}

static void
place_lines (GArray *page,
             Flow   *flow,
             guint   from,
             guint   to,
             double  y)
{
  double shift = y - g_array_index (flow->lines, Line, from).y0;

  for (guint i = from; i < to; i++)
    {
      PlacedLine placed = { &g_array_index (flow->lines, Line, i), shift };

      g_array_append_val (page, placed);
    }
}

static void
paginate_flows (CbBriefRenderer *self)
{
  double page_height = cb_brief_renderer_get_content_height (self);
  GArray *page = new_page (self);
  double y = 0;

  for (guint f = 0; f < self->flows->len; f++)
    {
      Flow *flow = g_ptr_array_index (self->flows, f);
      Flow *next = f + 1 < self->flows->len ? g_ptr_array_index (self->flows, f + 1) : NULL;
      guint n = flow->lines->len;
      guint start = 0;
      gboolean first_fragment = TRUE;

      while (start < n)
        {
          gboolean at_top = (page->len == 0);
          double space = at_top ? 0.0 : flow->space_before;
          double available = page_height - y - space;
          guint fit = 0;
          guint take;

          while (start + fit < n && flow_lines_height (flow, start, start + fit + 1) <= available)
            fit++;

          if (start + fit == n)
            {
              take = fit;
              /* A heading goes to the next page rather than sit alone at the bottom. */
              if (flow->keep_with_next && next != NULL && !at_top)
                {
                  double needed = flow_lines_height (flow, start, n) + next->space_before +
                                  flow_lines_height (next, 0, lines_kept_with_heading (next));

                  if (needed > available)
                    take = 0;
                }
            }
          else if (!flow->splittable || fit < MIN_LINES_AT_BREAK)
            take = 0;
          else if (n - (start + fit) < MIN_LINES_AT_BREAK)
            take = (n - start >= 2 * MIN_LINES_AT_BREAK) ? n - start - MIN_LINES_AT_BREAK : 0;
          else
            take = fit;

          /* At the top of a page there is nowhere better to go: set what fits. */
          if (take == 0 && at_top)
            take = MAX (fit, 1);

          if (take == 0)
            {
              page = new_page (self);
              y = 0;
              continue;
            }

          if (first_fragment)
            {
              flow->page = self->pages->len - 1;
              flow->top = y + space;
              flow->bottom = y + space + flow_lines_height (flow, start, start + take);
              first_fragment = FALSE;
            }
          place_lines (page, flow, start, start + take, y + space);
          y += space + flow_lines_height (flow, start, start + take);
          start += take;

          if (start < n)
            {
              page = new_page (self);
              y = 0;
            }
        }
    }
}

/* Drawing */

/* From the second page on, the case name heads the page, so loose pages find their brief. */
static void
draw_running_head (CbBriefRenderer *self,
                   cairo_t         *cr,
                   guint            page)
{
  const CbPageGeometry *g = &self->geometry;
  const char *case_name = cb_brief_get_case_name (self->brief);
  g_autoptr(PangoLayout) layout = NULL;
  double baseline = g->margin_top / 2.0;

  if (page == 0 || !has_text (case_name))
    return;
  layout = new_text_layout (self, case_name, FOOTER_SIZE, PANGO_STYLE_ITALIC,
                            PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, g->margin_left,
                 baseline - pango_units_to_double (pango_layout_get_baseline (layout)));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (CbBriefRenderer *self,
             cairo_t         *cr,
             guint            page)
{
  const CbPageGeometry *g = &self->geometry;
  const char *student = cb_brief_get_student (self->brief);
  /* Translators: the page footer, e.g. "Page 2 of 5" */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double baseline = g->height - g->margin_bottom / 2.0;

  right = new_text_layout (self, number, FOOTER_SIZE, PANGO_STYLE_NORMAL, PANGO_WEIGHT_NORMAL,
                           PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, g->margin_left,
                 baseline - pango_units_to_double (pango_layout_get_baseline (right)));
  pango_cairo_show_layout (cr, right);

  if (has_text (student))
    {
      left = new_text_layout (self, student, FOOTER_SIZE, PANGO_STYLE_NORMAL,
                              PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT);
      cairo_move_to (cr, g->margin_left,
                     baseline - pango_units_to_double (pango_layout_get_baseline (left)));
      pango_cairo_show_layout (cr, left);
    }
}

/* Queries */

static Flow *
find_flow (CbBriefRenderer *self,
           int              section,
           int              block)
{
  for (guint i = 0; i < self->flows->len; i++)
    {
      Flow *flow = g_ptr_array_index (self->flows, i);

      if (flow->section == section && flow->block == block && flow->kind != FLOW_CAPTION)
        return flow;
    }
  return NULL;
}

static gboolean
get_flow_extents (Flow   *flow,
                  guint  *page,
                  double *top,
                  double *bottom)
{
  if (flow == NULL)
    return FALSE;
  if (page != NULL)
    *page = flow->page;
  if (top != NULL)
    *top = flow->top;
  if (bottom != NULL)
    *bottom = flow->bottom;
  return TRUE;
}

static void
cb_brief_renderer_finalize (GObject *object)
{
  CbBriefRenderer *self = CB_BRIEF_RENDERER (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->brief);

  G_OBJECT_CLASS (cb_brief_renderer_parent_class)->finalize (object);
}

static void
cb_brief_renderer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CbBriefRenderer *self = CB_BRIEF_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_value_set_object (value, self->brief);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_brief_renderer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CbBriefRenderer *self = CB_BRIEF_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      self->brief = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_brief_renderer_class_init (CbBriefRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_brief_renderer_finalize;
  object_class->get_property = cb_brief_renderer_get_property;
  object_class->set_property = cb_brief_renderer_set_property;

  /**
   * CbBriefRenderer:brief:
   *
   * The brief being typeset.
   */
  properties[PROP_BRIEF] =
    g_param_spec_object ("brief", NULL, NULL,
                         CB_TYPE_BRIEF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_brief_renderer_init (CbBriefRenderer *self)
{
  cb_page_geometry_init_paper (&self->geometry, CB_PAPER_A4);
  self->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) flow_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/**
 * cb_brief_renderer_new:
 * @brief: the brief to typeset
 *
 * Creates a renderer for @brief, set up for A4 with one-inch margins. Change the page
 * with cb_brief_renderer_set_geometry(), then call cb_brief_renderer_paginate() before
 * drawing pages.
 *
 * Returns: (transfer full): a new renderer
 */
CbBriefRenderer *
cb_brief_renderer_new (CbBrief *brief)
{
  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);

  return g_object_new (CB_TYPE_BRIEF_RENDERER, "brief", brief, NULL);
}

/**
 * cb_brief_renderer_get_brief:
 * @self: a renderer
 *
 * Gets the brief being typeset.
 *
 * Returns: (transfer none): the brief
 */
CbBrief *
cb_brief_renderer_get_brief (CbBriefRenderer *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), NULL);
  return self->brief;
}

/**
 * cb_brief_renderer_set_page_size:
 * @self: a renderer
 * @width_pt: paper width in points
 * @height_pt: paper height in points
 *
 * Sets the paper size. It takes effect at the next cb_brief_renderer_paginate().
 */
void
cb_brief_renderer_set_page_size (CbBriefRenderer *self,
                                 double           width_pt,
                                 double           height_pt)
{
  g_return_if_fail (CB_IS_BRIEF_RENDERER (self));
  g_return_if_fail (width_pt > 0 && height_pt > 0);

  self->geometry.width = width_pt;
  self->geometry.height = height_pt;
}

/**
 * cb_brief_renderer_set_margins:
 * @self: a renderer
 * @top_pt: top margin in points
 * @right_pt: right margin in points
 * @bottom_pt: bottom margin in points; the footer sits in its middle
 * @left_pt: left margin in points
 *
 * Sets the margins. They take effect at the next cb_brief_renderer_paginate().
 */
void
cb_brief_renderer_set_margins (CbBriefRenderer *self,
                               double           top_pt,
                               double           right_pt,
                               double           bottom_pt,
                               double           left_pt)
{
  g_return_if_fail (CB_IS_BRIEF_RENDERER (self));
  g_return_if_fail (top_pt >= 0 && right_pt >= 0 && bottom_pt >= 0 && left_pt >= 0);

  self->geometry.margin_top = top_pt;
  self->geometry.margin_right = right_pt;
  self->geometry.margin_bottom = bottom_pt;
  self->geometry.margin_left = left_pt;
}

/**
 * cb_brief_renderer_set_geometry:
 * @self: a renderer
 * @geometry: paper size and margins
 *
 * Sets paper size and margins at once. They take effect at the next
 * cb_brief_renderer_paginate().
 */
void
cb_brief_renderer_set_geometry (CbBriefRenderer      *self,
                                const CbPageGeometry *geometry)
{
  g_return_if_fail (CB_IS_BRIEF_RENDERER (self));
  g_return_if_fail (geometry != NULL);

  cb_brief_renderer_set_page_size (self, geometry->width, geometry->height);
  cb_brief_renderer_set_margins (self, geometry->margin_top, geometry->margin_right,
                                 geometry->margin_bottom, geometry->margin_left);
}

/**
 * cb_brief_renderer_get_geometry:
 * @self: a renderer
 * @geometry: (out): filled with the paper size and margins
 *
 * Gets the paper size and margins the renderer lays out for.
 */
void
cb_brief_renderer_get_geometry (CbBriefRenderer *self,
                                CbPageGeometry  *geometry)
{
  g_return_if_fail (CB_IS_BRIEF_RENDERER (self));
  g_return_if_fail (geometry != NULL);

  *geometry = self->geometry;
}

/**
 * cb_brief_renderer_get_content_height:
 * @self: a renderer
 *
 * Gets the height of the text area of a page: the paper height less the top and
 * bottom margins.
 *
 * Returns: the height in points
 */
double
cb_brief_renderer_get_content_height (CbBriefRenderer *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), 0.0);

  return self->geometry.height - self->geometry.margin_top - self->geometry.margin_bottom;
}

/**
 * cb_brief_renderer_paginate:
 * @self: a renderer
 * @context: (nullable): the Pango context to lay out with, or %NULL for one of the
 *   renderer's own that measures in points, as a PDF does
 *
 * Lays the brief out and breaks it into pages: a heading is never left alone at the
 * foot of a page, and a paragraph or quotation is never split so that a single line
 * stands alone at the foot or head of a page. The context must measure in points
 * (a resolution of 72 per inch), as gtk_print_context_create_pango_context() does when
 * the print operation's unit is points; the renderer turns off hinting and glyph
 * rounding on it, so that every device breaks lines alike.
 *
 * Returns: the number of pages
 */
guint
cb_brief_renderer_paginate (CbBriefRenderer *self,
                            PangoContext    *context)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), 0);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), 0);

  g_clear_object (&self->context);
  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_resolution (self->context, 72.0);
    }
  configure_context (self->context);

  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->flows, 0);
  build_flows (self);
  paginate_flows (self);
  return self->pages->len;
}

/**
 * cb_brief_renderer_get_n_pages:
 * @self: a renderer
 *
 * Gets the number of pages found by the last cb_brief_renderer_paginate().
 *
 * Returns: the number of pages, 0 before paginating
 */
guint
cb_brief_renderer_get_n_pages (CbBriefRenderer *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), 0);
  return self->pages->len;
}

/**
 * cb_brief_renderer_draw_page:
 * @self: a paginated renderer
 * @cr: a cairo context whose origin is the paper's top left corner and whose unit is
 *   the point
 * @page: the page index, from 0
 *
 * Draws one page: its text, the case name at the head of every page after the first,
 * and the footer with the student's name and "Page N of M".
 */
void
cb_brief_renderer_draw_page (CbBriefRenderer *self,
                             cairo_t         *cr,
                             guint            page)
{
  const CbPageGeometry *g;
  GArray *lines;

  g_return_if_fail (CB_IS_BRIEF_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  g = &self->geometry;
  lines = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const PlacedLine *placed = &g_array_index (lines, PlacedLine, i);
      const Line *line = placed->line;
      double baseline = g->margin_top + placed->shift + line->baseline;

      if (line->layout == NULL)
        {
          cairo_save (cr);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, g->margin_left, baseline);
          cairo_rel_line_to (cr, content_width (self), 0);
          cairo_stroke (cr);
          cairo_restore (cr);
          continue;
        }
      cairo_move_to (cr, g->margin_left + line->x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (line->layout,
                                                                        line->line_index));
    }
  draw_running_head (self, cr, page);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * cb_brief_renderer_get_heading_extents:
 * @self: a paginated renderer
 * @section_index: the section, from 0 in template order
 * @page: (out) (optional): the page index the heading is on, from 0
 * @top: (out) (optional): its top, in points below the top margin
 * @bottom: (out) (optional): its bottom, in points below the top margin
 *
 * Gets where a section's heading was placed.
 *
 * Returns: %FALSE if there is no such section
 */
gboolean
cb_brief_renderer_get_heading_extents (CbBriefRenderer *self,
                                       guint            section_index,
                                       guint           *page,
                                       double          *top,
                                       double          *bottom)
{
  Flow *flow;

  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), FALSE);

  flow = find_flow (self, (int) section_index, -1);
  if (flow != NULL && flow->kind != FLOW_HEADING)
    flow = NULL;
  return get_flow_extents (flow, page, top, bottom);
}

/**
 * cb_brief_renderer_get_block_extents:
 * @self: a paginated renderer
 * @section_index: the section, from 0 in template order
 * @block_index: the block within the section, from 0
 * @page: (out) (optional): the page index its first line is on, from 0
 * @top: (out) (optional): the top of its first line, in points below the top margin
 * @bottom: (out) (optional): the bottom of its part on that page, in points below the
 *   top margin
 *
 * Gets where a paragraph or quotation of a section begins.
 *
 * Returns: %FALSE if there is no such block, or it is not printed (an excerpt
 *   reference to a missing excerpt)
 */
gboolean
cb_brief_renderer_get_block_extents (CbBriefRenderer *self,
                                     guint            section_index,
                                     guint            block_index,
                                     guint           *page,
                                     double          *top,
                                     double          *bottom)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), FALSE);

  return get_flow_extents (find_flow (self, (int) section_index, (int) block_index),
                           page, top, bottom);
}

/**
 * cb_brief_renderer_get_heading_page:
 * @self: a paginated renderer
 * @section_index: the section, from 0 in template order
 *
 * Gets the page a section's heading was placed on.
 *
 * Returns: the page index from 0, or -1 if there is no such section
 */
int
cb_brief_renderer_get_heading_page (CbBriefRenderer *self,
                                    guint            section_index)
{
  guint page;

  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), -1);

  if (!cb_brief_renderer_get_heading_extents (self, section_index, &page, NULL, NULL))
    return -1;
  return (int) page;
}

/**
 * cb_brief_renderer_get_block_page:
 * @self: a paginated renderer
 * @section_index: the section, from 0 in template order
 * @block_index: the block within the section, from 0
 *
 * Gets the page on which a paragraph or quotation begins.
 *
 * Returns: the page index from 0, or -1 if there is no such block
 */
int
cb_brief_renderer_get_block_page (CbBriefRenderer *self,
                                  guint            section_index,
                                  guint            block_index)
{
  guint page;

  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), -1);

  if (!cb_brief_renderer_get_block_extents (self, section_index, block_index, &page, NULL, NULL))
    return -1;
  return (int) page;
}

/**
 * cb_brief_renderer_get_body_line_height:
 * @self: a paginated renderer
 *
 * Gets the height one line of body text takes, line spacing included, as laid out by
 * the last cb_brief_renderer_paginate().
 *
 * Returns: the height in points
 */
double
cb_brief_renderer_get_body_line_height (CbBriefRenderer *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  CbBlock block = { CB_BLOCK_PARAGRAPH, NULL, NULL };
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_run_free);
  PangoLayoutIter *iter;
  int y0, y1;

  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), 0.0);
  g_return_val_if_fail (self->context != NULL, 0.0);

  g_ptr_array_add (runs, cb_run_new ("Mg", CB_RUN_PLAIN));
  block.runs = runs;
  layout = new_paragraph_layout (self, &block);
  iter = pango_layout_get_iter (layout);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return pango_units_to_double (y1 - y0);
}

/**
 * cb_brief_renderer_get_heading_space_before:
 * @self: a renderer
 *
 * Gets the space set above a section heading that does not start a page.
 *
 * Returns: the space in points
 */
double
cb_brief_renderer_get_heading_space_before (CbBriefRenderer *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_RENDERER (self), 0.0);
  return HEADING_SPACE_BEFORE;
}
