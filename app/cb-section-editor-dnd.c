/* Sections: what a section takes when text is dropped on it, a passage of the opinion as
 * a quotation, any other text as the student's own. */
#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include "cb-section-editor-private.h"

/* Text dragged within the window (from a section: the opinion only lets its text be
 * copied) moves; from elsewhere it is copied. */
static GdkDragAction
drop_action (GdkDrop *drop)
{
  if (drop != NULL && gdk_drop_get_drag (drop) != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE))
    return GDK_ACTION_MOVE;
  return GDK_ACTION_COPY;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y)
{
  return drop_action (gtk_drop_target_get_current_drop (target));
}

/* A passage dragged from the opinion lands here as an excerpt, not as plain text: the
 * window checks that the text is the opinion's selection and adds it at the drop.
 * Anything else (text from another section, from another program) is the student's own
 * and goes in at the drop as the text view would take it, as one user action: dragged
 * within the window it moves, from elsewhere it is copied. A drop that changes nothing
 * (text dropped into a quotation) is refused, so that a drag that moves text does not
 * delete it at its source. */
static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CbSectionEditor *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;
  double tx, ty;
  int bx, by;
  guint before;
  int chars;

  if (window == NULL || !G_VALUE_HOLDS_STRING (value) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->text_view), x, y, &tx, &ty))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, tx, ty, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);

  before = g_list_model_get_n_items (cb_brief_get_excerpts (self->brief));
  gtk_widget_activate_action (window, "win.add-dropped-text", "(us)",
                              self->color_index, g_value_get_string (value));
  if (g_list_model_get_n_items (cb_brief_get_excerpts (self->brief)) > before)
    return TRUE;

  chars = gtk_text_buffer_get_char_count (buffer);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, g_value_get_string (value), -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  if (gtk_text_buffer_get_char_count (buffer) == chars)
    return FALSE;

  /* The drop finishes with the one action left here (GTK would prefer a copy). */
  gtk_drop_target_set_actions (target, drop_action (gtk_drop_target_get_current_drop (target)));
  return TRUE;
}

/* A drop is over: the next may move or copy again. */
static void
drop_done_cb (GtkDropTarget *target)
{
  if (gtk_drop_target_get_current_drop (target) == NULL)
    gtk_drop_target_set_actions (target, GDK_ACTION_COPY | GDK_ACTION_MOVE);
}

void
_cb_section_editor_dnd_init (CbSectionEditor *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_MOVE);

  /* Before the text view's own drop target, which would paste plain text. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), NULL);
  g_signal_connect (drop, "notify::current-drop", G_CALLBACK (drop_done_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
