/* Find: a bar that finds text, match by match, and counts the matches: in a source view
 * (the opinion), or in several text views one after the other (the sections of a brief).
 * It says which it searches. */
#define G_LOG_DOMAIN "cb-search-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "cb-search-bar.h"

struct _CbSearchBar
{
  GtkWidget parent_instance;

  GtkTextView *view;                 /* a GtkSourceView */
  GtkSourceSearchContext *context;   /* on the view's buffer */

  GPtrArray *views;                  /* GtkTextView, searched in order, or NULL */
  GtkTextView *current;              /* of views: where the last match was selected */

  GtkSearchBar *search_bar;
  GtkLabel *title_label;
  GtkSearchEntry *search_entry;
  GtkLabel *match_label;
};

G_DEFINE_FINAL_TYPE (CbSearchBar, cb_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_TITLE,
  N_PROPS
};

enum {
  MATCH_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (CbSearchBar *self)
{
  return gtk_text_view_get_buffer (self->view);
}

/* Finding in several views: what the entry holds, case aside, as GtkTextIter finds it. */

#define VIEWS_SEARCH_FLAGS (GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY)

static const char *
search_text (CbSearchBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static gboolean
search_views (CbSearchBar *self)
{
  return self->views != NULL && self->views->len > 0;
}

static guint
index_of_view (CbSearchBar *self,
               GtkTextView *view)
{
  guint index;

  if (view != NULL && g_ptr_array_find (self->views, view, &index))
    return index;
  return 0;
}

/* Finds the match after @from (or before it, @backward) in view @first, then in the
 * views after it (or before it), around to @first again. */
static gboolean
find_in_views (CbSearchBar       *self,
               guint              first,
               const GtkTextIter *from,
               gboolean           backward,
               GtkTextView      **view,
               GtkTextIter       *start,
               GtkTextIter       *end)
{
  const char *text = search_text (self);
  guint n = self->views->len;

  for (guint step = 0; step <= n; step++)
    {
      guint index = backward ? (first + n * 2 - step) % n : (first + step) % n;
      GtkTextView *candidate = g_ptr_array_index (self->views, index);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (candidate);
      GtkTextIter iter;
      gboolean found;

      if (step == 0)
        iter = *from;
      else if (backward)
        gtk_text_buffer_get_end_iter (buffer, &iter);
      else
        gtk_text_buffer_get_start_iter (buffer, &iter);

      found = backward ? gtk_text_iter_backward_search (&iter, text, VIEWS_SEARCH_FLAGS, start, end, NULL)
                       : gtk_text_iter_forward_search (&iter, text, VIEWS_SEARCH_FLAGS, start, end, NULL);
      if (found)
        {
          *view = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/* How many matches there are in all the views, and which of them is selected (from 1;
 * 0 for none). */
static int
count_in_views (CbSearchBar *self,
                int         *position)
{
  const char *text = search_text (self);
  int count = 0;

  *position = 0;
  for (guint i = 0; i < self->views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (self->views, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter iter, start, end, sel_start, sel_end;
      gboolean selected = view == self->current && gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);

      gtk_text_buffer_get_start_iter (buffer, &iter);
      while (gtk_text_iter_forward_search (&iter, text, VIEWS_SEARCH_FLAGS, &start, &end, NULL))
        {
          count++;
          if (selected && gtk_text_iter_equal (&start, &sel_start) && gtk_text_iter_equal (&end, &sel_end))
            *position = count;
          iter = end;
        }
    }
  return count;
}

/* The count keeps its room in the bar when it says nothing, but an empty label is not
 * left for a screen reader to read (GTK 4.8 would name it by its type). */
static void
set_match_label (CbSearchBar *self,
                 const char  *text)
{
  gtk_label_set_label (self->match_label, text);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->match_label), GTK_ACCESSIBLE_STATE_HIDDEN, *text == '\0', -1);
}

static void
update_match_label (CbSearchBar *self)
{
  GtkSourceSearchSettings *settings;
  GtkTextIter start, end;
  g_autofree char *label = NULL;
  int position = -1;
  int count;

  if (search_views (self))
    {
      if (*search_text (self) == '\0')
        {
          set_match_label (self, "");
          return;
        }
      count = count_in_views (self, &position);
    }
  else
    {
      if (self->context == NULL)
        return;
      settings = gtk_source_search_context_get_settings (self->context);
      count = gtk_source_search_context_get_occurrences_count (self->context);
      if (gtk_source_search_settings_get_search_text (settings) == NULL || count < 0)
        {
          set_match_label (self, "");
          return;
        }

      if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
        position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);
    }

  if (count == 0)
    label = g_strdup (_("No matches"));
  else if (position > 0)
    /* Translators: the position of the current match among all matches, e.g. "3 of 12" */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);

  set_match_label (self, label);
}

static void
select_match (CbSearchBar       *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  gtk_text_buffer_select_range (get_buffer (self), start, end);
  gtk_text_view_scroll_to_iter (self->view, (GtkTextIter *) start, 0.1, TRUE, 0.0, 0.3);
  update_match_label (self);
}

static void
select_match_in (CbSearchBar       *self,
                 GtkTextView       *view,
                 const GtkTextIter *start,
                 const GtkTextIter *end)
{
  self->current = view;
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (view), start, end);
  gtk_text_view_scroll_to_iter (view, (GtkTextIter *) start, 0.0, FALSE, 0.0, 0.0);
  update_match_label (self);
  g_signal_emit (self, signals[MATCH_SELECTED], 0, view);
}

/* Where to go on from in the views: the current view's selection, or the start of the
 * first view. */
static guint
views_position (CbSearchBar *self,
                GtkTextIter *sel_start,
                GtkTextIter *sel_end)
{
  guint index = index_of_view (self, self->current);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_ptr_array_index (self->views, index));

  if (self->current == NULL)
    {
      gtk_text_buffer_get_start_iter (buffer, sel_start);
      *sel_end = *sel_start;
    }
  else
    gtk_text_buffer_get_selection_bounds (buffer, sel_start, sel_end);
  return index;
}

static void
search_changed_cb (CbSearchBar    *self,
                   GtkSearchEntry *entry)
{
  GtkSourceSearchSettings *settings;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextIter start, match_start, match_end;

  if (search_views (self))
    {
      GtkTextIter sel_start, sel_end, match_start, match_end;
      GtkTextView *view;
      guint index;

      if (text[0] == '\0')
        {
          update_match_label (self);
          return;
        }
      /* As the student types, from where the selection starts. */
      index = views_position (self, &sel_start, &sel_end);
      if (find_in_views (self, index, &sel_start, FALSE, &view, &match_start, &match_end))
        select_match_in (self, view, &match_start, &match_end);
      else
        update_match_label (self);
      return;
    }

  if (self->context == NULL)
    return;
  settings = gtk_source_search_context_get_settings (self->context);
  gtk_source_search_settings_set_search_text (settings, text[0] ? text : NULL);
  if (text[0] == '\0')
    {
      update_match_label (self);
      return;
    }

  /* Search as the student types, from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, NULL);
  if (gtk_source_search_context_forward (self->context, &start, &match_start, &match_end, NULL))
    select_match (self, &match_start, &match_end);
  else
    update_match_label (self);
}

static void
search_activate_cb (CbSearchBar    *self,
                    GtkSearchEntry *entry)
{
  cb_search_bar_find_next (self, FALSE);
}

static void
search_next_cb (CbSearchBar    *self,
                GtkSearchEntry *entry)
{
  cb_search_bar_find_next (self, FALSE);
}

static void
search_previous_cb (CbSearchBar    *self,
                    GtkSearchEntry *entry)
{
  cb_search_bar_find_next (self, TRUE);
}

static void
search_stop_cb (CbSearchBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* Back to the text, at the match. */
  if (search_views (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->current != NULL ? self->current : g_ptr_array_index (self->views, 0)));
  else if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
clear_views (CbSearchBar *self)
{
  self->current = NULL;
  g_clear_pointer (&self->views, g_ptr_array_unref);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cb_search_bar_find_next (CB_SEARCH_BAR (widget), FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cb_search_bar_find_next (CB_SEARCH_BAR (widget), TRUE);
}

static void
cb_search_bar_dispose (GObject *object)
{
  CbSearchBar *self = CB_SEARCH_BAR (object);

  g_clear_object (&self->context);
  g_clear_object (&self->view);
  clear_views (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (cb_search_bar_parent_class)->dispose (object);
}

static void
cb_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CbSearchBar *self = CB_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CbSearchBar *self = CB_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      cb_search_bar_set_view (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_search_bar_class_init (CbSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_search_bar_dispose;
  object_class->get_property = cb_search_bar_get_property;
  object_class->set_property = cb_search_bar_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CbSearchBar:title:
   *
   * What the bar searches, shown before its entry: "Find in the opinion".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbSearchBar::match-selected:
   * @view: the view of cb_search_bar_set_views() the match is in
   *
   * Emitted when a match was selected in one of several views, once that view has
   * scrolled to it: whoever holds the views shows that one.
   */
  signals[MATCH_SELECTED] = g_signal_new ("match-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_TEXT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-search-bar.ui");
  /* A container: the search bar inside it is the search landmark. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, CbSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CbSearchBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CbSearchBar, match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, previous_action);
}

static void
cb_search_bar_init (CbSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  set_match_label (self, "");
}

/**
 * cb_search_bar_get_view:
 * @self: a search bar
 *
 * Returns: (transfer none) (nullable): the source view searched
 */
GtkTextView *
cb_search_bar_get_view (CbSearchBar *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_BAR (self), NULL);
  return self->view;
}

/**
 * cb_search_bar_set_view:
 * @self: a search bar
 * @view: (nullable): a #GtkSourceView to search
 *
 * Sets the view whose text the bar finds in. Its buffer is searched for the life of
 * the bar; matches wrap around at the end.
 */
void
cb_search_bar_set_view (CbSearchBar *self,
                        GtkTextView *view)
{
  g_return_if_fail (CB_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (!g_set_object (&self->view, view))
    return;
  g_clear_object (&self->context);
  if (view != NULL)
    {
      self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view)), NULL);
      gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->context), TRUE);
      g_signal_connect_object (self->context, "notify::occurrences-count",
                               G_CALLBACK (update_match_label), self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * cb_search_bar_set_views:
 * @self: a search bar
 * @views: (nullable) (element-type GtkTextView): text views to search, in order
 *
 * Makes the bar find in several text views one after the other, wrapping around from
 * the last to the first, as one text: the sections of a brief. Matches are counted
 * over all of them; #CbSearchBar::match-selected says where each one is.
 */
void
cb_search_bar_set_views (CbSearchBar *self,
                         GPtrArray   *views)
{
  g_return_if_fail (CB_IS_SEARCH_BAR (self));

  clear_views (self);
  if (views != NULL)
    {
      self->views = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < views->len; i++)
        g_ptr_array_add (self->views, g_object_ref (g_ptr_array_index (views, i)));
    }
  set_match_label (self, "");
}

/**
 * cb_search_bar_begin:
 * @self: a search bar
 *
 * Shows the bar and moves the keyboard focus to it, with the words selected in the
 * view as what to find when they are on one line, as other GNOME editors do.
 */
void
cb_search_bar_begin (CbSearchBar *self)
{
  GtkTextIter start, end;

  g_return_if_fail (CB_IS_SEARCH_BAR (self));

  if (search_views (self))
    {
      /* From the section the student is in. */
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      for (guint i = 0; focus != NULL && i < self->views->len; i++)
        if (focus == g_ptr_array_index (self->views, i))
          self->current = g_ptr_array_index (self->views, i);
    }
  else if (self->view != NULL &&
           gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
           gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * cb_search_bar_find_next:
 * @self: a search bar
 * @backward: whether to find the match before the selection
 *
 * Selects the next match after the view's selection, or the one before it, and
 * scrolls the view to it.
 */
void
cb_search_bar_find_next (CbSearchBar *self,
                         gboolean     backward)
{
  GtkTextIter sel_start, sel_end, match_start, match_end;
  gboolean found;

  g_return_if_fail (CB_IS_SEARCH_BAR (self));

  if (search_views (self))
    {
      GtkTextView *view;
      guint index;

      if (*search_text (self) == '\0')
        return;
      index = views_position (self, &sel_start, &sel_end);
      if (find_in_views (self, index, backward ? &sel_start : &sel_end, backward, &view, &match_start, &match_end))
        select_match_in (self, view, &match_start, &match_end);
      return;
    }
  if (self->context == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (get_buffer (self), &sel_start, &sel_end);
  if (backward)
    found = gtk_source_search_context_backward (self->context, &sel_start, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_forward (self->context, &sel_end, &match_start, &match_end, NULL);
  if (found)
    select_match (self, &match_start, &match_end);
}

/**
 * cb_search_bar_get_search_mode:
 * @self: a search bar
 *
 * Returns: whether the bar shows
 */
gboolean
cb_search_bar_get_search_mode (CbSearchBar *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

/**
 * cb_search_bar_get_entry:
 * @self: a search bar
 *
 * Returns: (transfer none): the entry the student types what to find in
 */
GtkEditable *
cb_search_bar_get_entry (CbSearchBar *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_BAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * cb_search_bar_dup_match_label:
 * @self: a search bar
 *
 * Returns: (transfer full): the count of matches as shown ("3 of 12", "No matches")
 */
char *
cb_search_bar_dup_match_label (CbSearchBar *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_BAR (self), NULL);
  return g_strdup (gtk_label_get_label (self->match_label));
}
