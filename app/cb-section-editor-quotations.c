/* Sections: the keys and the pointer at a quotation in a section's text. Delete and
 * Backspace take a quotation whole, Enter at one follows its link or opens a line
 * beside it, a click on one shows its source, and the pointer over one shows that it
 * is a link and what its passage has become. */
#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-section-editor-private.h"

/* Selects the quotation on the line next to the cursor's, above or below. */
static gboolean
select_neighbour_quotation (CbSectionEditor *self,
                            GtkTextIter     *cursor,
                            gboolean         above)
{
  GtkTextIter near = *cursor, start, end;

  if (above ? !gtk_text_iter_backward_char (&near) : !gtk_text_iter_forward_char (&near))
    return FALSE;
  if (cb_section_buffer_quotation_around (self->buffer, &near, &start, &end) == NULL)
    return FALSE;
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return TRUE;
}

/*
 * Enter at a quotation. Inside it, or on it selected, Enter follows its link; at its
 * start it opens a line above it and goes there; at its end the text view's own new
 * line goes below it.
 */
static gboolean
enter_at_quotation (CbSectionEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor, bound, start, end;
  const char *id;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  id = cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end);
  if (id == NULL)
    return FALSE;

  if (gtk_text_iter_equal (&cursor, &bound) && gtk_text_iter_equal (&cursor, &start))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive (buffer, &cursor, "\n", 1, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      gtk_text_iter_backward_line (&cursor);
      gtk_text_buffer_place_cursor (buffer, &cursor);
      return TRUE;
    }
  if (gtk_text_iter_equal (&cursor, &bound) && gtk_text_iter_equal (&cursor, &end))
    return FALSE;
  if (!gtk_text_iter_in_range (&bound, &start, &end) && !gtk_text_iter_equal (&bound, &end))
    return FALSE;
  _cb_section_editor_show_excerpt (self, id);
  return TRUE;
}

/*
 * Delete and Backspace at a quotation. A quotation selected, or with the cursor in
 * it, goes whole on Delete; Backspace right after it, or at the start of the line
 * below it (empty or not), and Delete on the line above it, select it first, so the
 * second press removes it.
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CbSectionEditor       *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  gboolean backward = keyval == GDK_KEY_BackSpace;
  GtkTextIter cursor, bound, start, end;
  const char *id;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    return enter_at_quotation (self);

  if (!backward && keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));

  if (!gtk_text_iter_equal (&cursor, &bound))
    {
      /* A selection within one quotation stands for all of it. */
      id = cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end);
      if (id == NULL || (!gtk_text_iter_in_range (&bound, &start, &end) && !gtk_text_iter_equal (&bound, &end)))
        return FALSE;
    }
  else if (backward && cb_section_buffer_after_quotation (self->buffer, &cursor))
    {
      /* Right after its pin cite, the first Backspace only selects it. */
      id = cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end);
      if (id == NULL)
        return FALSE;
      gtk_text_buffer_select_range (buffer, &start, &end);
      return TRUE;
    }
  else if (!backward && cb_section_buffer_in_quotation (self->buffer, &cursor))
    id = cb_section_buffer_quotation_around (self->buffer, &cursor, &start, &end);
  else if (backward && gtk_text_iter_starts_line (&cursor))
    return select_neighbour_quotation (self, &cursor, TRUE);
  else if (!backward && gtk_text_iter_ends_line (&cursor) && !gtk_text_iter_starts_line (&cursor))
    return select_neighbour_quotation (self, &cursor, FALSE);
  else
    return FALSE;

  if (id == NULL)
    return FALSE;
  {
    g_autofree char *owned = g_strdup (id);
    cb_section_buffer_remove_excerpt (self->buffer, owned);
  }
  return TRUE;
}

/* The excerpt id of the quotation under a point of the text view, or NULL. */
static const char *
quotation_at_point (CbSectionEditor *self,
                    double           x,
                    double           y)
{
  GtkTextIter iter, start, end;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) || !cb_section_buffer_in_quotation (self->buffer, &iter))
    return NULL;
  return cb_section_buffer_quotation_around (self->buffer, &iter, &start, &end);
}

/* A click on a quotation, not a drag over it, shows its source, like a link. */
static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CbSectionEditor *self)
{
  const char *id;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (self->buffer)))
    return;
  id = quotation_at_point (self, x, y);
  if (id != NULL)
    _cb_section_editor_show_excerpt (self, id);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CbSectionEditor          *self)
{
  gboolean over = quotation_at_point (self, x, y) != NULL;

  if (over == self->over_quotation)
    return;
  self->over_quotation = over;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : "text");
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  CbSectionEditor *self)
{
  const char *id = quotation_at_point (self, x, y);
  CbExcerpt *excerpt;
  CbAnchorStatus status;

  if (keyboard || id == NULL || (excerpt = cb_brief_lookup_excerpt (self->brief, id)) == NULL)
    return FALSE;

  status = cb_excerpt_get_status (excerpt);
  if (status == CB_ANCHOR_ORPHAN)
    gtk_tooltip_set_text (tooltip, _("This passage is no longer in the opinion. It is kept as you quoted it."));
  else if (status == CB_ANCHOR_NEEDS_REVIEW)
    gtk_tooltip_set_text (tooltip, _("The opinion changed here. Check that this quotation is still right."));
  else
    gtk_tooltip_set_text (tooltip, _("Show this passage in the opinion"));
  return TRUE;
}

void
_cb_section_editor_quotations_init (CbSectionEditor *self)
{
  GtkWidget *view = GTK_WIDGET (self->text_view);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  /* Before the text view's own key handling, which would refuse the edit. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (view, keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (view, motion);

  gtk_widget_set_has_tooltip (view, TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}
