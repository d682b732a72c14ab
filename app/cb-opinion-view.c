/* Opinion view: the opinion's text, read-only, with the brief's excerpts highlighted in
 * their sections' colours, its citations styled, its pages in the margin by the
 * reporter chosen, its footnote markers as links, and find. The table of authorities
 * is in cb-opinion-view-authorities.c. */
#define G_LOG_DOMAIN "cb-opinion-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cb-accessible.h"
#include "cb-citation.h"
#include "cb-clipboard-format.h"
#include "cb-context-menu.h"
#include "cb-opinion-view-private.h"
#include "cb-page-gutter.h"
#include "cb-search-bar.h"
#include "cb-section-colors.h"
#include "cb-source-data.h"

#define FLASH_MSEC 900

/* The citation tags' names, and the styles of the opinion's language they take. */
static const char * const citation_tag_names[N_CITATION_TAGS] = { "citation", "statute", "short-citation" };

G_DEFINE_FINAL_TYPE (CbOpinionView, cb_opinion_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_OPINION,
  PROP_BRIEF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CbCitation *citation_at        (CbOpinionView *self,
                                             gsize          offset);
static const CbFootnote *footnote_marker_at (CbOpinionView *self,
                                             gsize          offset);

static void
update_style_scheme (CbOpinionView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? CB_SOURCE_SCHEME_DARK_ID : CB_SOURCE_SCHEME_ID;
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  if (scheme == NULL)
    return;
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  /* The scheme's citation styles, as the language's own styles are applied: they set
   * no text colour, which GTK 4.8's accessible text cannot read back. */
  for (guint i = 0; i < N_CITATION_TAGS; i++)
    {
      g_autofree char *id = g_strconcat (CB_SOURCE_LANGUAGE_ID ":", citation_tag_names[i], NULL);

      gtk_source_style_apply (gtk_source_style_scheme_get_style (scheme, id), self->citation_tags[i]);
    }
}

/* Styles the citations the scanner found in the opinion: every form it knows shows
 * as a citation, and nothing else does. */
static void
update_citations (CbOpinionView *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GPtrArray *citations;
  GtkTextIter start, end;

  /* Called after the buffer took the opinion's text, which left no tag behind. */
  if (self->opinion == NULL)
    return;

  citations = cb_opinion_get_citations (self->opinion);
  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, i);
      guint tag = citation->kind == CB_CITATION_CASE      ? CITATION_TAG_CASE
                  : citation->kind == CB_CITATION_STATUTE ? CITATION_TAG_STATUTE
                                                          : CITATION_TAG_SHORT;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) citation->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) citation->end);
      gtk_text_buffer_apply_tag (buffer, self->citation_tags[tag], &start, &end);
    }
}

static guint
section_color_index (CbOpinionView *self,
                     const char    *section_id)
{
  for (guint i = 0; i < cb_brief_get_n_sections (self->brief); i++)
    if (g_strcmp0 (cb_section_get_id (cb_brief_get_section (self->brief, i)), section_id) == 0)
      return i % CB_N_SECTION_COLORS;
  return 0;
}

static void
update_highlights (CbOpinionView *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;
  GListModel *excerpts;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < CB_N_SECTION_COLORS; i++)
    gtk_text_buffer_remove_tag (buffer, self->highlight_tags[i], &start, &end);

  if (self->brief == NULL)
    return;

  excerpts = cb_brief_get_excerpts (self->brief);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      guint color;

      if (cb_excerpt_get_status (excerpt) == CB_ANCHOR_ORPHAN)
        continue;
      color = section_color_index (self, cb_excerpt_get_section_id (excerpt));
      gtk_text_buffer_get_iter_at_offset (buffer, &start, cb_excerpt_get_start (excerpt));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, cb_excerpt_get_end (excerpt));
      gtk_text_buffer_apply_tag (buffer, self->highlight_tags[color], &start, &end);
    }
}

static void
update_add_menu (CbOpinionView *self)
{
  g_menu_remove_all (self->add_menu);
  if (self->brief == NULL)
    return;

  for (guint i = 0; i < cb_brief_get_n_sections (self->brief); i++)
    {
      g_autoptr(GMenuItem) item =
        g_menu_item_new (cb_section_get_title (cb_brief_get_section (self->brief, i)), NULL);

      g_menu_item_set_action_and_target_value (item, "win.add-to-section", g_variant_new_uint32 (i));
      if (i < 9)
        {
          g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
          g_menu_item_set_attribute (item, "accel", "s", accel);
        }
      g_menu_append_item (self->add_menu, item);
    }
}

/* The excerpts whose passage holds @offset, innermost first. */
static GPtrArray *
excerpts_at (CbOpinionView *self,
             gsize          offset)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *excerpts;

  if (self->brief == NULL)
    return found;

  excerpts = cb_brief_get_excerpts (self->brief);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      CbExcerpt *excerpt = g_list_model_get_item (excerpts, i);

      if (cb_excerpt_get_status (excerpt) != CB_ANCHOR_ORPHAN &&
          cb_excerpt_get_start (excerpt) <= offset && offset < cb_excerpt_get_end (excerpt))
        g_ptr_array_add (found, excerpt);
      else
        g_object_unref (excerpt);
    }
  return found;
}

static gboolean
query_tooltip_cb (CbOpinionView *self,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                      gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  else
    {
      gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
        return FALSE;
    }

  found = excerpts_at (self, gtk_text_iter_get_offset (&iter));
  text = g_string_new (NULL);
  if (self->brief == NULL)
    g_ptr_array_set_size (found, 0);
  for (guint i = 0; i < found->len; i++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (found, i);
      CbSection *section = cb_brief_lookup_section (self->brief, cb_excerpt_get_section_id (excerpt));
      g_autofree char *cite = cb_brief_dup_pin_cite (self->brief, excerpt);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: shown on a highlighted passage: the section quoting it, and its pin cite */
      g_string_append_printf (text, _("Quoted in %s"), section ? cb_section_get_title (section) : "");
      if (cite != NULL)
        g_string_append_printf (text, " — %s", cite);
    }

  {
    gsize offset = gtk_text_iter_get_offset (&iter);
    const CbCitation *citation = citation_at (self, offset);
    const CbFootnote *footnote = footnote_marker_at (self, offset);

    if (citation != NULL)
      {
        g_autofree char *parsed = cb_citation_to_string (citation);
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, parsed);
      }
    if (footnote != NULL)
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        /* Translators: tooltip of a footnote marker in the opinion */
        g_string_append_printf (text, _("Footnote %s: click to read it"), footnote->label);
      }
  }

  if (text->len == 0)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
excerpt_changed_cb (CbOpinionView *self,
                    CbExcerpt     *excerpt,
                    GParamSpec    *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  /* A note does not change what is highlighted; a move or a re-anchoring does. */
  if (g_str_equal (name, "start") || g_str_equal (name, "end") ||
      g_str_equal (name, "section-id") || g_str_equal (name, "status"))
    update_highlights (self);
}

/* Highlights follow the excerpts alone, never the brief's prose: typing in a section
 * must not re-apply every highlight of a long brief. */
static void
brief_excerpts_changed_cb (CbOpinionView *self,
                           guint          position,
                           guint          removed,
                           guint          added,
                           GListModel    *excerpts)
{
  update_highlights (self);
}

static gboolean
flash_done_cb (gpointer user_data)
{
  CbOpinionView *self = user_data;
  GtkTextIter start, end;

  self->flash_id = 0;
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start, &end);
  return G_SOURCE_REMOVE;
}

static void
show_in_brief_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CbOpinionView *self = CB_OPINION_VIEW (widget);
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  found = excerpts_at (self, gtk_text_iter_get_offset (&iter));
  if (found->len > 0)
    gtk_widget_activate_action (widget, "win.reveal-excerpt", "s",
                                cb_excerpt_get_id (g_ptr_array_index (found, 0)));
}

/* The PDF the opinion was read from, at the page of the cursor or the selection. */
static void
show_in_pdf_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CbOpinionView *self = CB_OPINION_VIEW (widget);
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_widget_activate_action (widget, "win.show-in-pdf", "t", (guint64) gtk_text_iter_get_offset (&start));
}

static void
cursor_moved_cb (CbOpinionView *self)
{
  g_autoptr(GPtrArray) found = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  found = excerpts_at (self, gtk_text_iter_get_offset (&iter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.show-in-brief", found->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.footnote-reference",
                                 self->opinion != NULL &&
                                 cb_opinion_footnote_at (self->opinion, gtk_text_iter_get_offset (&iter)) != NULL);
}

static const char *
ordinal_reporter_label (guint reporter)
{
  switch (reporter)
    {
    case 0: return _("First reporter (*)");
    case 1: return _("Second reporter (**)");
    default: return _("Third reporter (***)");
    }
}

/* The margin shows one reporter's pages; the student picks which, by the name the
 * citation gives it where the opinion says ("474 U.S. 344, 106 S. Ct. 668"). */
static void
update_reporters (CbOpinionView *self)
{
  guint n = self->opinion ? cb_opinion_get_n_reporters (self->opinion) : 0;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *citation = NULL;
  g_auto(GStrv) parts = NULL;

  if (self->brief != NULL && cb_brief_get_citation (self->brief) != NULL)
    citation = cb_brief_get_citation (self->brief);
  else if (self->opinion != NULL)
    citation = cb_opinion_get_citation (self->opinion);
  if (citation != NULL)
    parts = g_strsplit (citation, ",", -1);

  for (guint i = 0; i < n && i < 3; i++)
    {
      g_autofree char *name = NULL;

      /* Only a citation whose first page fits this reporter's pages names it. */
      for (guint p = 0; parts != NULL && parts[p] != NULL; p++)
        {
          g_autofree char *cite = cb_opinion_pin_cite (self->opinion, 0, 1, g_strstrip (parts[p]),
                                                       CB_CITE_STYLE_BLUEBOOK);
          if (cite != NULL && cb_opinion_page_at (self->opinion, i, 0) != 0)
            {
              g_autofree char *page = g_strdup_printf (" at %u", cb_opinion_page_at (self->opinion, i, 0));
              if (g_str_has_suffix (cite, page))
                {
                  name = g_strndup (cite, strlen (cite) - strlen (page));
                  break;
                }
            }
        }
      gtk_string_list_append (names, name ? name : ordinal_reporter_label (i));
    }

  {
    guint selected = gtk_drop_down_get_selected (self->reporter_dropdown);

    /* Naming the reporters keeps the one the student chose. */
    gtk_drop_down_set_model (self->reporter_dropdown, G_LIST_MODEL (names));
    if (selected != GTK_INVALID_LIST_POSITION && selected < MIN (n, 3))
      gtk_drop_down_set_selected (self->reporter_dropdown, selected);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->reporter_dropdown), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_label), n > 1);
}

static void
reporter_selected_cb (CbOpinionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->reporter_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    cb_page_gutter_set_reporter (self->gutter, selected);
}

static const CbCitation *
citation_at (CbOpinionView *self,
             gsize          offset)
{
  GPtrArray *citations;

  if (self->opinion == NULL)
    return NULL;
  citations = cb_opinion_get_citations (self->opinion);
  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, i);
      if (citation->start <= offset && offset < citation->end)
        return citation;
    }
  return NULL;
}

static const CbFootnote *
footnote_marker_at (CbOpinionView *self,
                    gsize          offset)
{
  const CbFootnote *footnotes;
  gsize n = 0;

  if (self->opinion == NULL)
    return NULL;
  footnotes = cb_opinion_get_footnotes (self->opinion, &n);
  for (gsize i = 0; i < n; i++)
    if (footnotes[i].marker_offset <= offset && offset < footnotes[i].marker_offset + footnotes[i].marker_length)
      return &footnotes[i];
  return NULL;
}

/* A footnote marker is a link: a click goes to the note, as in a printed report. */
static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CbOpinionView   *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextIter iter, start, end;
  const CbFootnote *footnote;
  int bx, by;

  if (n_press != 1 ||
      gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end))
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return;

  footnote = footnote_marker_at (self, gtk_text_iter_get_offset (&iter));
  if (footnote != NULL)
    cb_opinion_view_show_range (self, footnote->body_start, footnote->body_end);
}

static void
go_to_footnote_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbOpinionView *self = CB_OPINION_VIEW (widget);
  gsize offset = cb_opinion_view_get_cursor (self);
  const CbFootnote *footnote = footnote_marker_at (self, offset);

  /* Also from the character just after a marker, where the cursor lands after it. */
  if (footnote == NULL && offset > 0)
    footnote = footnote_marker_at (self, offset - 1);
  if (footnote != NULL)
    cb_opinion_view_show_range (self, footnote->body_start, footnote->body_end);
}

static void
footnote_reference_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CbOpinionView *self = CB_OPINION_VIEW (widget);
  const CbFootnote *footnote = self->opinion ? cb_opinion_footnote_at (self->opinion, cb_opinion_view_get_cursor (self)) : NULL;

  if (footnote != NULL)
    cb_opinion_view_show_range (self, footnote->marker_offset, footnote->marker_offset + footnote->marker_length);
}

/* Copy gives other programs the passage as the brief would quote it, with its pin cite
 * after it, as a research service's copy with reference does; and a section of a brief
 * its anchor, from which pasting makes a linked quotation. */
static void
copy_clipboard_cb (CbOpinionView *self,
                   GtkTextView   *view)
{
  g_autoptr(GBytes) anchor = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  GdkContentProvider *providers[2];
  gsize start, end;

  if (self->brief == NULL || !cb_opinion_view_get_quote_selection (self, &start, &end))
    return;
  g_signal_stop_emission_by_name (view, "copy-clipboard");

  text = cb_brief_dup_reference (self->brief, start, end);
  anchor = cb_clipboard_encode_excerpt (self->opinion, start, end);
  providers[0] = gdk_content_provider_new_for_bytes (CB_CLIPBOARD_EXCERPT_MIME_TYPE, anchor);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (view)), content);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_search_bar_begin (CB_OPINION_VIEW (widget)->search_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cb_search_bar_find_next (CB_OPINION_VIEW (widget)->search_bar, FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cb_search_bar_find_next (CB_OPINION_VIEW (widget)->search_bar, TRUE);
}

static void
cb_opinion_view_dispose (GObject *object)
{
  CbOpinionView *self = CB_OPINION_VIEW (object);

  g_clear_handle_id (&self->flash_id, g_source_remove);
  /* The brief may outlive the view: nothing of it may reach the view's buffer after. */
  if (self->brief != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->brief, self);
      g_signal_handlers_disconnect_by_data (cb_brief_get_excerpts (self->brief), self);
    }
  g_clear_object (&self->brief);
  g_clear_object (&self->opinion);
  g_clear_object (&self->add_menu);
  g_clear_pointer (&self->authorities, g_ptr_array_unref);
  g_clear_pointer (&self->authority_rows, g_ptr_array_unref);
  if (self->source_view != NULL)
    cb_context_menu_detach (GTK_TEXT_VIEW (self->source_view));
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
    case PROP_BRIEF:
      g_value_set_object (value, self->brief);
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
    case PROP_BRIEF:
      cb_opinion_view_set_brief (self, g_value_get_object (value));
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
  properties[PROP_BRIEF] =
    g_param_spec_object ("brief", NULL, NULL, CB_TYPE_BRIEF,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (CB_TYPE_SEARCH_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-opinion-view.ui");
  /* A container: its toolbar, find bar and text speak for themselves. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, reporter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, authorities_button);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, cases_heading);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, cases_list);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, statutes_heading);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, statutes_list);
  _cb_opinion_view_authorities_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CbOpinionView, source_view);

  gtk_widget_class_install_action (widget_class, "opinion.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "opinion.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "opinion.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "opinion.show-in-brief", NULL, show_in_brief_action);
  gtk_widget_class_install_action (widget_class, "opinion.go-to-footnote", NULL, go_to_footnote_action);
  gtk_widget_class_install_action (widget_class, "opinion.footnote-reference", NULL, footnote_reference_action);
  gtk_widget_class_install_action (widget_class, "opinion.show-in-pdf", NULL, show_in_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "opinion.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "opinion.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "opinion.find-previous", NULL);
}

static void
cb_opinion_view_init (CbOpinionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->authority_rows = g_ptr_array_new ();
  self->buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));

  cb_source_data_ensure ();
  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                            CB_SOURCE_LANGUAGE_ID));
  for (guint i = 0; i < N_CITATION_TAGS; i++)
    self->citation_tags[i] = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), citation_tag_names[i], NULL);
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  /* Highlights are drawn under the language's own styling. */
  for (guint i = 0; i < CB_N_SECTION_COLORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("section-%u", i);
      self->highlight_tags[i] = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), name,
                                                            "background", cb_section_color_tint (i), NULL);
      gtk_text_tag_set_priority (self->highlight_tags[i], 0);
    }
  self->flash_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "flash",
                                                "background", "rgba(246,211,45,0.8)", NULL);

  self->gutter = cb_page_gutter_new ();
  gtk_source_gutter_insert (gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT),
                            GTK_SOURCE_GUTTER_RENDERER (self->gutter), 0);
  /* The margin's page numbers are drawn, not text: a screen reader has nothing to read
   * there, and the gutter would be named by its type. */
  g_object_set (gtk_widget_get_parent (GTK_WIDGET (gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT))),
                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  cb_accessible_name_drop_down (self->reporter_dropdown, GTK_WIDGET (self->pages_label));

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
    g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->source_view), GTK_EVENT_CONTROLLER (click));
  }
  g_signal_connect_object (self->reporter_dropdown, "notify::selected", G_CALLBACK (reporter_selected_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->source_view), TRUE);
  g_signal_connect_object (self->source_view, "query-tooltip", G_CALLBACK (query_tooltip_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_view, "copy-clipboard", G_CALLBACK (copy_clipboard_cb),
                           self, G_CONNECT_SWAPPED);

  {
    /* The opinion is read-only: its menu offers what applies to reading and quoting it,
     * not GTK's Cut, Paste, Delete and Undo. What applies only at some places (a
     * quoted passage, a footnote, a PDF's page) shows only there. */
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) copy = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();
    g_autoptr(GMenu) all = g_menu_new ();
    const struct { const char *label, *action; } places[] = {
      { N_("Show in _Brief"), "opinion.show-in-brief" },
      { N_("Back to Footnote _Reference"), "opinion.footnote-reference" },
      /* Only an opinion read from a PDF has one to show. */
      { N_("Show in PD_F"), "opinion.show-in-pdf" },
    };

    g_menu_append (copy, _("_Copy"), "clipboard.copy");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
    self->add_menu = g_menu_new ();
    g_menu_append_submenu (section, _("Add t_o"), G_MENU_MODEL (self->add_menu));
    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(places[i].label), places[i].action);

        g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
        g_menu_append_item (section, item);
      }
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    g_menu_append (all, _("Select _All"), "selection.select-all");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (all));
    cb_context_menu_attach (GTK_TEXT_VIEW (self->source_view), G_MENU_MODEL (menu));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.show-in-brief", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.footnote-reference", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.show-in-pdf", FALSE);
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

  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer),
                            opinion ? cb_opinion_get_text (opinion) : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  update_citations (self);
  /* A reader starts at the top: so does a screen reader's caret when the opinion
   * takes the focus. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &start);
  }
  cb_page_gutter_set_opinion (self->gutter, opinion);
  update_reporters (self);
  _cb_opinion_view_update_authorities (self);
  update_highlights (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPINION]);
}

/**
 * cb_opinion_view_get_brief:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the brief whose excerpts the view highlights
 */
CbBrief *
cb_opinion_view_get_brief (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return self->brief;
}

/**
 * cb_opinion_view_set_brief:
 * @self: the view
 * @brief: (nullable): the brief quoting the opinion
 *
 * Highlights the brief's excerpts in their sections' colours and offers its sections
 * in the context menu.
 */
void
cb_opinion_view_set_brief (CbOpinionView *self,
                           CbBrief       *brief)
{
  g_return_if_fail (CB_IS_OPINION_VIEW (self));
  g_return_if_fail (brief == NULL || CB_IS_BRIEF (brief));

  if (brief == self->brief)
    return;
  if (self->brief != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->brief, self);
      g_signal_handlers_disconnect_by_data (cb_brief_get_excerpts (self->brief), self);
    }
  if (!g_set_object (&self->brief, brief))
    return;

  if (brief != NULL)
    {
      GListModel *excerpts = cb_brief_get_excerpts (brief);

      g_signal_connect_object (excerpts, "items-changed",
                               G_CALLBACK (brief_excerpts_changed_cb), self, G_CONNECT_SWAPPED);
      /* A re-anchored excerpt moves its highlight. */
      g_signal_connect_object (brief, "excerpt-changed", G_CALLBACK (excerpt_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (brief != NULL)
    g_signal_connect_object (brief, "notify::citation", G_CALLBACK (update_reporters), self,
                             G_CONNECT_SWAPPED);
  update_add_menu (self);
  update_reporters (self);
  update_highlights (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "opinion.show-in-pdf",
                                 brief != NULL &&
                                 cb_opinion_get_format (cb_brief_get_opinion (brief)) == CB_OPINION_FORMAT_PDF);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEF]);
}

/**
 * cb_opinion_view_get_selection:
 * @self: the view
 * @start: (out): where the selection starts, in characters of the opinion
 * @end: (out): where it ends
 *
 * Returns: whether a passage is selected
 */
gboolean
cb_opinion_view_get_selection (CbOpinionView *self,
                               gsize         *start,
                               gsize         *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), FALSE);

  if (self->opinion == NULL ||
      !gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &s, &e))
    return FALSE;

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return *start < *end;
}

/**
 * cb_opinion_view_get_quote_selection:
 * @self: the view
 * @start: (out): where the passage to quote starts, in characters of the opinion
 * @end: (out): where it ends
 *
 * Gets the selection as a quotation takes it: widened to whole words where it starts
 * or ends inside one. The view selects the passage so widened, so that the student
 * sees what is quoted.
 *
 * Returns: whether a passage is selected
 */
gboolean
cb_opinion_view_get_quote_selection (CbOpinionView *self,
                                     gsize         *start,
                                     gsize         *end)
{
  gsize s, e;

  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), FALSE);

  if (!cb_opinion_view_get_selection (self, &s, &e))
    return FALSE;
  *start = s;
  *end = e;
  cb_opinion_snap_to_words (self->opinion, start, end);
  if (*start != s || *end != e)
    cb_opinion_view_select_range (self, *start, *end);
  return TRUE;
}

/**
 * cb_opinion_view_select_range:
 * @self: the view
 * @start: first character, in characters of the opinion
 * @end: past the last character
 *
 * Selects a passage, as a student would with the mouse.
 */
void
cb_opinion_view_select_range (CbOpinionView *self,
                              gsize          start,
                              gsize          end)
{
  GtkTextIter s, e;

  g_return_if_fail (CB_IS_OPINION_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, end);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), &s, &e);
}

/**
 * cb_opinion_view_show_range:
 * @self: the view
 * @start: first character, in characters of the opinion
 * @end: past the last character
 *
 * Scrolls to a passage, puts the cursor on it and flashes it, so the eye finds it.
 */
void
cb_opinion_view_show_range (CbOpinionView *self,
                            gsize          start,
                            gsize          end)
{
  GtkTextIter s, e;

  g_return_if_fail (CB_IS_OPINION_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, end);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &s);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &s, 0.1, TRUE, 0.0, 0.25);

  /* A flash still showing ends now, and its timeout with it. */
  g_clear_handle_id (&self->flash_id, g_source_remove);
  flash_done_cb (self);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &s, &e);
  self->flash_id = g_timeout_add (FLASH_MSEC, flash_done_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

/**
 * cb_opinion_view_get_cursor:
 * @self: the view
 *
 * Returns: the cursor's offset, in characters of the opinion
 */
gsize
cb_opinion_view_get_cursor (CbOpinionView *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), 0);

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  return gtk_text_iter_get_offset (&iter);
}

/**
 * cb_opinion_view_get_page_gutter:
 * @self: the view
 *
 * Returns: (transfer none): the gutter that shows reporter pages
 */
CbPageGutter *
cb_opinion_view_get_page_gutter (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return self->gutter;
}

/**
 * cb_opinion_view_has_highlight:
 * @self: the view
 * @offset: a character of the opinion
 * @color_index: (out) (optional): the colour it is highlighted in
 *
 * Returns: whether the character is highlighted as part of an excerpt
 */
gboolean
cb_opinion_view_has_highlight (CbOpinionView *self,
                               gsize          offset,
                               guint         *color_index)
{
  GtkTextIter iter;

  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), FALSE);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &iter, offset);
  for (guint i = 0; i < CB_N_SECTION_COLORS; i++)
    if (gtk_text_iter_has_tag (&iter, self->highlight_tags[i]))
      {
        if (color_index != NULL)
          *color_index = i;
        return TRUE;
      }
  return FALSE;
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
  return cb_search_bar_get_entry (self->search_bar);
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
  return cb_search_bar_dup_match_label (self->search_bar);
}

/**
 * cb_opinion_view_get_reporter_dropdown:
 * @self: the view
 *
 * Returns: (transfer none): the chooser of the reporter shown in the margin
 */
GtkDropDown *
cb_opinion_view_get_reporter_dropdown (CbOpinionView *self)
{
  g_return_val_if_fail (CB_IS_OPINION_VIEW (self), NULL);
  return self->reporter_dropdown;
}
