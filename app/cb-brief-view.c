#define G_LOG_DOMAIN "cb-brief-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-brief-view.h"
#include "cb-brief-history.h"
#include "cb-date.h"
#include "cb-search-bar.h"
#include "cb-section-editor.h"

/* The brief: its metadata card, the assignment's instructions when it is one, and an
 * editor per section of its template. */
struct _CbBriefView
{
  AdwBin parent_instance;

  CbBrief *brief;
  GPtrArray *bindings;
  GPtrArray *section_editors;
  CbBriefHistory *history;    /* the order of the changes across the sections */
  guint fit_id;
  char *shown_excerpt;        /* the quotation being scrolled into view */
  guint show_tick_id;
  guint show_frames;

  CbSearchBar *search_bar;
  GtkScrolledWindow *scroller;
  GtkWidget *assignment_group;
  GtkLabel *assignment_heading;
  GtkLabel *template_instructions_label;
  GtkLabel *instructions_label;
  GtkLabel *due_label;
  AdwPreferencesGroup *metadata_group;
  AdwEntryRow *case_name_row;
  AdwEntryRow *citation_row;
  AdwActionRow *citation_hint_row;
  AdwActionRow *citation_problem_row;
  AdwExpanderRow *details_row;
  AdwEntryRow *court_row;
  AdwEntryRow *date_decided_row;
  AdwEntryRow *opinion_author_row;
  AdwEntryRow *student_row;
  AdwEntryRow *course_row;
  GtkBox *sections_box;
};

G_DEFINE_FINAL_TYPE (CbBriefView, cb_brief_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BRIEF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *metadata_properties[] = {
  "case-name", "citation", "court", "date-decided", "opinion-author", "student", "course",
};

static AdwEntryRow *
row_for_property (CbBriefView *self,
                  const char  *property)
{
  AdwEntryRow *rows[] = {
    self->case_name_row, self->citation_row, self->court_row, self->date_decided_row,
    self->opinion_author_row, self->student_row, self->course_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (metadata_properties); i++)
    if (g_str_equal (metadata_properties[i], property))
      return rows[i];
  return NULL;
}

static void
clear_brief (CbBriefView *self)
{
  if (self->brief != NULL)
    g_signal_handlers_disconnect_by_data (self->brief, self);

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  cb_search_bar_set_views (self->search_bar, NULL);
  if (self->history != NULL)
    cb_brief_history_clear (self->history);
  for (guint i = 0; i < self->section_editors->len; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->section_editors, i));
  g_ptr_array_set_size (self->section_editors, 0);

  g_clear_object (&self->brief);
}

/* The date of decision as the card shows it: the locale's form, as the PDF prints it. */
static gboolean
date_to_row (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      data)
{
  const char *date = g_value_get_string (from);

  g_value_take_string (to, cb_date_format (date != NULL ? date : ""));
  return TRUE;
}

/* What the student writes in the row is kept in ISO 8601 when it reads as a date,
 * and as written when it does not. */
static gboolean
date_from_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  const char *text = g_value_get_string (from);
  char *iso = cb_date_to_iso (text);

  g_value_take_string (to, iso != NULL ? iso : g_strdup (text));
  return TRUE;
}

/* The collapsed details row still says what is in it. */
static void
update_details (CbBriefView *self)
{
  const char *decided = cb_brief_get_date_decided (self->brief);
  g_autofree char *date = cb_date_format (decided != NULL ? decided : "");
  const char *parts[] = {
    cb_brief_get_court (self->brief), date, cb_brief_get_student (self->brief), cb_brief_get_course (self->brief),
  };
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (subtitle->len > 0)
          g_string_append (subtitle, " · ");
        g_string_append (subtitle, parts[i]);
      }
  adw_expander_row_set_subtitle (self->details_row, subtitle->str);
}

/* Without a citation the pin cites are bare pages ("*345"): while the citation is
 * empty and the opinion has pages of a reporter, one line in the card asks for it. */
static void
update_citation_hint (CbBriefView *self)
{
  CbOpinion *opinion = cb_brief_get_opinion (self->brief);
  g_autofree char *citation = g_strstrip (g_strdup (cb_brief_get_citation (self->brief)));
  CbPageMap *pages = cb_opinion_get_page_map (opinion);

  gtk_widget_set_visible (GTK_WIDGET (self->citation_hint_row),
                          *citation == '\0' &&
                          cb_page_map_get_numbering (pages) == CB_PAGE_NUMBERING_REPORTER &&
                          cb_page_map_has_pages (pages, 0));
}

/* A citation the opinion's pages do not bear out (a reporter it has no pages of, a first
 * page they disagree with) gives bare pages or leaves the reporter out: one line in
 * the card says why, and choosing it goes to the citation. */
static void
update_citation_problem (CbBriefView *self)
{
  g_autoptr(GPtrArray) problems = cb_opinion_dup_citation_problems (cb_brief_get_opinion (self->brief),
                                                                    cb_brief_get_citation (self->brief));

  if (problems->len > 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->citation_problem_row),
                                   g_ptr_array_index (problems, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->citation_problem_row), problems->len > 0);
}

static void
citation_hint_activated_cb (CbBriefView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->citation_row));
}

/* The card at the top: the template's instructions, which every brief made from it
 * shows, and an assignment's own instructions and due date. */
static void
update_assignment (CbBriefView *self)
{
  const char *template_instructions = cb_brief_get_template_instructions (self->brief);
  const char *instructions = cb_brief_get_assignment_instructions (self->brief);
  const char *due = cb_brief_get_due_date (self->brief);
  gboolean locked = cb_brief_get_locked (self->brief);
  gboolean assignment = (instructions && *instructions) || (due && *due);
  gboolean from_template = template_instructions != NULL && *template_instructions != '\0';

  gtk_widget_set_visible (self->assignment_group, assignment || from_template);
  gtk_label_set_label (self->assignment_heading, assignment ? _("Assignment") : _("Instructions"));
  gtk_label_set_label (self->template_instructions_label, from_template ? template_instructions : "");
  gtk_widget_set_visible (GTK_WIDGET (self->template_instructions_label), from_template);
  gtk_label_set_label (self->instructions_label, instructions ? instructions : "");
  gtk_widget_set_visible (GTK_WIDGET (self->instructions_label), instructions && *instructions);
  if (due && *due)
    {
      /* Translators: %s is the assignment's due date */
      g_autofree char *label = g_strdup_printf (_("Due %s"), due);
      gtk_label_set_label (self->due_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due && *due);

  /* The professor set the course of an assignment; the student fills in the rest. */
  gtk_editable_set_editable (GTK_EDITABLE (self->course_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->course_row), !locked);
}

/* How many frames a quotation is kept in view after it is placed: the section's frame
 * grows to its new text over the next frame or two, and the brief under it moves. */
#define SHOW_FRAMES 8

/* Scrolls the brief, if need be, so that @area of @editor is in view. */
static gboolean
scroll_to_area (CbBriefView        *self,
                GtkWidget          *editor,
                const GdkRectangle *area)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double top, bottom;

  if (!gtk_widget_compute_point (editor, content, &GRAPHENE_POINT_INIT (area->x, area->y), &point))
    return FALSE;
  /* In the content's coordinates: the viewport's child moves as it scrolls. */
  top = point.y - 12;
  bottom = point.y + area->height + 12;
  if (top < value || bottom - top > page)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
  return TRUE;
}

/* Scrolls the brief, if need be, so that the quotation is in view. */
static gboolean
scroll_to_shown_excerpt (CbBriefView *self)
{
  for (guint i = 0; self->shown_excerpt != NULL && i < self->section_editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (self->section_editors, i);
      GdkRectangle area;

      if (cb_section_editor_get_quotation_area (CB_SECTION_EDITOR (editor), self->shown_excerpt, &area))
        return scroll_to_area (self, editor, &area);
    }
  return FALSE;
}

/* Find in the brief: a match in a section is scrolled into view, as a quotation is. */
static void
match_selected_cb (CbBriefView *self,
                   GtkTextView *view)
{
  for (guint i = 0; i < self->section_editors->len; i++)
    {
      CbSectionEditor *editor = g_ptr_array_index (self->section_editors, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;
      GdkRectangle area;

      if (cb_section_editor_get_text_view (editor) == view &&
          gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
          cb_section_editor_get_range_area (editor, &start, &end, &area))
        scroll_to_area (self, GTK_WIDGET (editor), &area);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_brief_history_undo (CB_BRIEF_VIEW (widget)->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_brief_history_redo (CB_BRIEF_VIEW (widget)->history);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_search_bar_begin (CB_BRIEF_VIEW (widget)->search_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cb_search_bar_find_next (CB_BRIEF_VIEW (widget)->search_bar, FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cb_search_bar_find_next (CB_BRIEF_VIEW (widget)->search_bar, TRUE);
}

static gboolean
show_excerpt_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  CbBriefView *self = CB_BRIEF_VIEW (widget);

  if (!scroll_to_shown_excerpt (self) || ++self->show_frames >= SHOW_FRAMES)
    {
      self->show_tick_id = 0;
      g_clear_pointer (&self->shown_excerpt, g_free);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
show_excerpt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cb_brief_view_show_excerpt (CB_BRIEF_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
cb_brief_view_dispose (GObject *object)
{
  CbBriefView *self = CB_BRIEF_VIEW (object);

  g_clear_handle_id (&self->fit_id, g_source_remove);
  if (self->show_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->show_tick_id);
  self->show_tick_id = 0;
  g_clear_pointer (&self->shown_excerpt, g_free);
  if (self->bindings != NULL)
    clear_brief (self);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->section_editors, g_ptr_array_unref);
  g_clear_object (&self->history);
  /* The bin's child is a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_BRIEF_VIEW);

  G_OBJECT_CLASS (cb_brief_view_parent_class)->dispose (object);
}

static void
cb_brief_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CbBriefView *self = CB_BRIEF_VIEW (object);

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
cb_brief_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CbBriefView *self = CB_BRIEF_VIEW (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      cb_brief_view_set_brief (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_brief_view_class_init (CbBriefViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_brief_view_dispose;
  object_class->get_property = cb_brief_view_get_property;
  object_class->set_property = cb_brief_view_set_property;

  properties[PROP_BRIEF] =
    g_param_spec_object ("brief", NULL, NULL, CB_TYPE_BRIEF,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CB_TYPE_SEARCH_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-brief-view.ui");
  /* A container: the case card and the sections speak for themselves. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, search_bar);
  gtk_widget_class_bind_template_callback (widget_class, match_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, assignment_group);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, assignment_heading);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, template_instructions_label);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, due_label);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, metadata_group);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, case_name_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, citation_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, citation_hint_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, citation_problem_row);
  gtk_widget_class_bind_template_callback (widget_class, citation_hint_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, details_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, court_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, date_decided_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, opinion_author_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, student_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, course_row);
  gtk_widget_class_bind_template_child (widget_class, CbBriefView, sections_box);

  gtk_widget_class_install_action (widget_class, "brief.show-excerpt", "s", show_excerpt_action);
  /* The brief's last change, whichever section it was made in. */
  gtk_widget_class_install_action (widget_class, "brief.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "brief.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "brief.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "brief.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "brief.find-previous", NULL, find_previous_action);
}

/* A section's text is never taller than 480 pixels, nor than the view leaves below its
 * title: a long section scrolls within its frame, so that its text view lays out and
 * draws only what shows, not a whole section of hundreds of quotations. The limit
 * does not grow with the window: a text view made taller draws all of its text at
 * once. */
#define SECTION_CHROME_HEIGHT 140
#define MIN_SECTION_HEIGHT 200
#define MAX_SECTION_HEIGHT 480

static void
fit_sections (CbBriefView *self)
{
  double page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (self->scroller));
  int height = MAX_SECTION_HEIGHT;

  if (page > 0)
    height = CLAMP ((int) page - SECTION_CHROME_HEIGHT, MIN_SECTION_HEIGHT, MAX_SECTION_HEIGHT);
  for (guint i = 0; i < self->section_editors->len; i++)
    cb_section_editor_set_max_text_height (g_ptr_array_index (self->section_editors, i), height);
}

static gboolean
fit_sections_idle (gpointer data)
{
  CbBriefView *self = data;

  self->fit_id = 0;
  fit_sections (self);
  return G_SOURCE_REMOVE;
}

/* The view's height is known while it is being laid out, when sizes must not change:
 * the sections are fitted just after. */
static void
page_size_changed_cb (CbBriefView *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_sections_idle, self, NULL);
}

static void
cb_brief_view_init (CbBriefView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  self->section_editors = g_ptr_array_new ();
  self->history = cb_brief_history_new ();
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (page_size_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cb_brief_view_get_brief:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the brief shown
 */
CbBrief *
cb_brief_view_get_brief (CbBriefView *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), NULL);
  return self->brief;
}

/**
 * cb_brief_view_set_brief:
 * @self: the view
 * @brief: (nullable): the brief to edit
 *
 * Shows @brief: its metadata, bound both ways, and an editor for each section.
 */
void
cb_brief_view_set_brief (CbBriefView *self,
                         CbBrief     *brief)
{
  g_return_if_fail (CB_IS_BRIEF_VIEW (self));
  g_return_if_fail (brief == NULL || CB_IS_BRIEF (brief));

  if (brief == self->brief)
    return;

  clear_brief (self);
  if (brief == NULL)
    goto notify;

  self->brief = g_object_ref (brief);

  for (guint i = 0; i < G_N_ELEMENTS (metadata_properties); i++)
    {
      /* A locked assignment's course is shown, never written back: the row cannot
       * change what the professor set, whatever reaches its text. */
      GBindingFlags flags = cb_brief_get_locked (brief) && g_str_equal (metadata_properties[i], "course")
                            ? G_BINDING_SYNC_CREATE
                            : G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
      gboolean date = g_str_equal (metadata_properties[i], "date-decided");
      GBinding *binding = g_object_bind_property_full (brief, metadata_properties[i],
                                                       row_for_property (self, metadata_properties[i]), "text",
                                                       flags, date ? date_to_row : NULL, date ? date_from_row : NULL,
                                                       NULL, NULL);
      g_ptr_array_add (self->bindings, binding);
    }

  for (guint i = 0; i < cb_brief_get_n_sections (brief); i++)
    {
      CbSectionEditor *editor = cb_section_editor_new (brief, cb_brief_get_section (brief, i), i);

      gtk_box_append (self->sections_box, GTK_WIDGET (editor));
      g_ptr_array_add (self->section_editors, editor);
      cb_brief_history_add_buffer (self->history,
                                   CB_SECTION_BUFFER (gtk_text_view_get_buffer (cb_section_editor_get_text_view (editor))));
    }
  fit_sections (self);
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    for (guint i = 0; i < self->section_editors->len; i++)
      g_ptr_array_add (views, cb_section_editor_get_text_view (g_ptr_array_index (self->section_editors, i)));
    cb_search_bar_set_views (self->search_bar, views);
  }

  update_assignment (self);
  update_details (self);
  g_signal_connect_object (brief, "notify", G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);
  update_citation_hint (self);
  g_signal_connect_object (brief, "notify::citation", G_CALLBACK (update_citation_hint), self, G_CONNECT_SWAPPED);
  update_citation_problem (self);
  g_signal_connect_object (brief, "notify::citation", G_CALLBACK (update_citation_problem), self, G_CONNECT_SWAPPED);
  /* A new brief opens on what the student still has to fill in. */
  adw_expander_row_set_expanded (self->details_row,
                                 cb_brief_get_student (brief) == NULL || *cb_brief_get_student (brief) == '\0');

notify:
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEF]);
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

/**
 * cb_brief_view_find_section_editor:
 * @self: the view
 * @section_id: a section's id
 *
 * Returns: (transfer none) (nullable): the editor of that section
 */
GtkWidget *
cb_brief_view_find_section_editor (CbBriefView *self,
                                   const char  *section_id)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), NULL);

  for (guint i = 0; i < self->section_editors->len; i++)
    {
      CbSectionEditor *editor = g_ptr_array_index (self->section_editors, i);

      if (g_strcmp0 (cb_section_get_id (cb_section_editor_get_section (editor)), section_id) == 0)
        return GTK_WIDGET (editor);
    }
  return NULL;
}

/**
 * cb_brief_view_reveal_excerpt:
 * @self: the view
 * @excerpt_id: an excerpt's id
 *
 * Scrolls to the quotation of an excerpt and focuses it.
 *
 * Returns: whether the brief quotes that excerpt
 */
gboolean
cb_brief_view_reveal_excerpt (CbBriefView *self,
                              const char  *excerpt_id)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), FALSE);

  for (guint i = 0; i < self->section_editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (self->section_editors, i);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      GdkRectangle area;
      graphene_point_t point;
      double page;

      if (!cb_section_editor_reveal_excerpt (CB_SECTION_EDITOR (editor), excerpt_id, &area))
        continue;

      /* The section's text in view, unless it is already; the text view scrolls
       * itself to the quotation. */
      page = gtk_adjustment_get_page_size (adjustment);
      if (gtk_widget_compute_point (editor, GTK_WIDGET (self->scroller),
                                    &GRAPHENE_POINT_INIT (area.x, area.y), &point) &&
          (point.y < 0 || point.y + area.height > page))
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
      return TRUE;
    }
  return FALSE;
}

/**
 * cb_brief_view_show_excerpt:
 * @self: the view
 * @excerpt_id: an excerpt's id
 *
 * Scrolls the brief to show the quotation of an excerpt just placed, without moving
 * the keyboard focus: the student goes on reading and selecting in the opinion.
 */
void
cb_brief_view_show_excerpt (CbBriefView *self,
                            const char  *excerpt_id)
{
  g_return_if_fail (CB_IS_BRIEF_VIEW (self));
  g_return_if_fail (excerpt_id != NULL);

  g_free (self->shown_excerpt);
  self->shown_excerpt = g_strdup (excerpt_id);
  self->show_frames = 0;
  scroll_to_shown_excerpt (self);
  if (self->show_tick_id == 0)
    self->show_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_excerpt_tick_cb, NULL, NULL);
}

/**
 * cb_brief_view_is_excerpt_in_view:
 * @self: the view
 * @excerpt_id: an excerpt's id
 *
 * Returns: whether the quotation of the excerpt shows in the brief as it is
 *   scrolled now, whole or as much of it as fits
 */
gboolean
cb_brief_view_is_excerpt_in_view (CbBriefView *self,
                                  const char  *excerpt_id)
{
  GtkAdjustment *adjustment;
  GtkWidget *content;

  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  content = gtk_scrolled_window_get_child (self->scroller);
  for (guint i = 0; i < self->section_editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (self->section_editors, i);
      GdkRectangle area;
      graphene_point_t point;
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      if (!cb_section_editor_get_quotation_area (CB_SECTION_EDITOR (editor), excerpt_id, &area))
        continue;
      if (!gtk_widget_compute_point (editor, content, &GRAPHENE_POINT_INIT (area.x, area.y), &point))
        return FALSE;
      return point.y >= value && (point.y + area.height <= value + page || area.height > page);
    }
  return FALSE;
}

/**
 * cb_brief_view_get_search_bar:
 * @self: the view
 *
 * Returns: (transfer none): the bar that finds in the brief's sections
 */
CbSearchBar *
cb_brief_view_get_search_bar (CbBriefView *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), NULL);
  return self->search_bar;
}

/**
 * cb_brief_view_get_metadata_row:
 * @self: the view
 * @property: a metadata property of #CbBrief ("case-name", "citation" …)
 *
 * Returns: (transfer none) (nullable): the row that edits it
 */
GtkEditable *
cb_brief_view_get_metadata_row (CbBriefView *self,
                                const char  *property)
{
  g_return_val_if_fail (CB_IS_BRIEF_VIEW (self), NULL);
  return GTK_EDITABLE (row_for_property (self, property));
}
