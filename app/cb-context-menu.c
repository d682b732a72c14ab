/* Context menus: a text view's menu of what applies to it, in place of GTK's own. */
#define G_LOG_DOMAIN "cb-context-menu"

#include "config.h"

#include "cb-context-menu.h"

/* GTK 4.8's text view builds its context menu itself: Cut, Paste, Delete and Undo are
 * always there, greyed out in a read-only view, and its Undo knows only the text
 * buffer's own history. A menu given here takes its place, for a right click, Shift+F10
 * and the Menu key. The popover is the view's child, so that the view's own actions
 * ("clipboard.copy", "selection.select-all") and its ancestors' reach its items. */

#define MENU_KEY "cb-context-menu"

typedef struct
{
  GtkWidget *popover;
} ContextMenu;

static void
context_menu_free (ContextMenu *menu)
{
  g_clear_pointer (&menu->popover, gtk_widget_unparent);
  g_free (menu);
}

/* The view's own clipboard and selection actions, enabled for what the menu is about:
 * GTK brings them up to date only for its own menu. */
static void
update_view_actions (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkWidget *widget = GTK_WIDGET (view);
  gboolean editable = gtk_text_view_get_editable (view);
  gboolean selection = gtk_text_buffer_get_has_selection (buffer);
  GdkContentFormats *formats = gdk_content_formats_union_deserialize_gtypes (
    gdk_content_formats_ref (gdk_clipboard_get_formats (gtk_widget_get_clipboard (widget))));
  gboolean text = gdk_content_formats_contain_gtype (formats, G_TYPE_STRING);

  gdk_content_formats_unref (formats);
  gtk_widget_action_set_enabled (widget, "clipboard.cut", editable && selection);
  gtk_widget_action_set_enabled (widget, "clipboard.copy", selection);
  gtk_widget_action_set_enabled (widget, "clipboard.paste", editable && text);
  gtk_widget_action_set_enabled (widget, "selection.delete", editable && selection);
  gtk_widget_action_set_enabled (widget, "selection.select-all", gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
popup_at (GtkTextView *view,
          ContextMenu *menu,
          double       x,
          double       y)
{
  GdkRectangle at;

  update_view_actions (view);

  if (x < 0 || y < 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter cursor;
      GdkRectangle location;
      int wx, wy;

      /* From the keyboard: at the cursor. */
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (view, &cursor, &location);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &wx, &wy);
      at = (GdkRectangle) { wx, wy + location.height, 1, 1 };
    }
  else
    at = (GdkRectangle) { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (menu->popover), &at);
  gtk_popover_popup (GTK_POPOVER (menu->popover));
}

/* A right click outside the selection puts the cursor where it was made, so that the
 * menu is about what is under the pointer; one inside the selection keeps it. */
static void
place_cursor (GtkTextView *view,
              double       x,
              double       y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, start, end;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return;
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) && gtk_text_iter_in_range (&iter, &start, &end))
    return;
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkTextView     *view)
{
  ContextMenu *menu = g_object_get_data (G_OBJECT (view), MENU_KEY);

  /* The view's own gesture would open GTK's menu. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (menu == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (view));
  place_cursor (view, x, y);
  popup_at (view, menu, x, y);
}

static gboolean
key_popup_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  ContextMenu *menu = g_object_get_data (G_OBJECT (widget), MENU_KEY);

  if (menu == NULL)
    return FALSE;
  popup_at (GTK_TEXT_VIEW (widget), menu, -1, -1);
  return TRUE;
}

/**
 * cb_context_menu_attach:
 * @view: a text view
 * @model: the menu
 *
 * Gives @view @model as its context menu, in place of GTK's. The caller detaches it
 * with cb_context_menu_detach() before the view is disposed.
 *
 * Returns: (transfer none): the menu's popover
 */
GtkWidget *
cb_context_menu_attach (GtkTextView *view,
                        GMenuModel  *model)
{
  ContextMenu *menu;
  GtkGesture *click;
  GtkEventController *keys;
  const char *triggers[] = { "<Shift>F10", "Menu" };

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (model), NULL);

  menu = g_new0 (ContextMenu, 1);
  /* Submenus as popovers of their own: a sliding one would need the view to size the
   * popover anew, which only the view's own menu gets. */
  menu->popover = gtk_popover_menu_new_from_model_full (model, GTK_POPOVER_MENU_NESTED);
  gtk_widget_set_parent (menu->popover, GTK_WIDGET (view));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu->popover), FALSE);
  gtk_widget_set_halign (menu->popover, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (view), MENU_KEY, menu, (GDestroyNotify) context_menu_free);

  /* Before the view's own gesture and key bindings. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), view);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers[i]),
                                                            gtk_callback_action_new (key_popup_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  return menu->popover;
}

/**
 * cb_context_menu_detach:
 * @view: a text view given a menu by cb_context_menu_attach()
 *
 * Takes the menu away, before the view is disposed: a view does not let go of a child
 * it did not make itself.
 */
void
cb_context_menu_detach (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_object_set_data (G_OBJECT (view), MENU_KEY, NULL);
}

/**
 * cb_context_menu_get:
 * @view: a text view
 *
 * Returns: (transfer none) (nullable): the popover of its menu
 */
GtkWidget *
cb_context_menu_get (GtkTextView *view)
{
  ContextMenu *menu;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  menu = g_object_get_data (G_OBJECT (view), MENU_KEY);
  return menu != NULL ? menu->popover : NULL;
}

/**
 * cb_context_menu_popup_at:
 * @view: a text view given a menu
 * @x: where in the view, or -1 for the cursor
 * @y: where in the view, or -1 for the cursor
 *
 * Pops the menu up, as a right click at @x, @y or the Menu key does.
 */
void
cb_context_menu_popup_at (GtkTextView *view,
                          double       x,
                          double       y)
{
  ContextMenu *menu;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  menu = g_object_get_data (G_OBJECT (view), MENU_KEY);
  g_return_if_fail (menu != NULL);
  if (x >= 0 && y >= 0)
    place_cursor (view, x, y);
  popup_at (view, menu, x, y);
}
