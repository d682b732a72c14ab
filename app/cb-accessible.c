/* Accessibility: what GTK 4.8 and libadwaita 1.2 leave untold to assistive technologies,
 * told, and announcements, which GTK 4.8 cannot make. */
#define G_LOG_DOMAIN "cb-accessible"

#include "config.h"

#include "cb-accessible.h"

/* A screen reader meets a window through its accessible tree (AT-SPI). GTK 4.8 builds
 * that tree from the widgets, with a few gaps that cb_accessible_mend() closes in a
 * window's widgets as the window is made, before any of them is realized (an
 * accessible role can no longer change once it is):
 *
 * - a page a stack, squeezer, leaflet or revealer does not show, and a scroll bar a
 *   scrolled window does not need, are still in the tree, as if on screen: they are
 *   hidden there while they are not mapped;
 * - a one-line field's text (AdwEntryRow's, a search entry's, a spin button's) takes
 *   the focus but is left out of the tree, so the focus goes unreported: it is put in
 *   the tree, named by its field;
 * - a button with a mnemonic is named "_Open Open", its label with the underscore and
 *   again without: only the second is kept;
 * - a menu button with a label is named by its type, "GtkMenuButton";
 * - the items of a drop-down and of a combo row have no names, and the control does
 *   not say its value: each item is named by its text, the control described by the
 *   item chosen;
 * - an expander row does not say whether it is expanded, and its lists are unnamed;
 * - the keyboard shortcuts window's search button is named by the class of its icon.
 *
 * Announcements ("Quotation added") are made the way GTK 4.8 can: the widget with the
 * focus is described by the message until the focus leaves it, and a screen reader
 * speaks the description of the focused control when it changes. */

#define RESTING_DESCRIPTION_KEY "cb-accessible-resting-description"
#define ANNOUNCING_KEY "cb-accessible-announcing"

/* "Student _Name" → "Student Name"; "__" is an underscore. */
static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
update_hidden (GtkWidget *widget)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !gtk_widget_get_mapped (widget),
                               -1);
}

/* A page is in the accessible tree only while it is on screen. */
static void
hide_while_unmapped (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "cb-accessible-pages") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "cb-accessible-pages", GINT_TO_POINTER (1));
  g_signal_connect (widget, "map", G_CALLBACK (update_hidden), NULL);
  g_signal_connect (widget, "unmap", G_CALLBACK (update_hidden), NULL);
  update_hidden (widget);
}

static gboolean
shows_one_child (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) || GTK_IS_REVEALER (widget) ||
         ADW_IS_SQUEEZER (widget) || ADW_IS_LEAFLET (widget) || ADW_IS_VIEW_STACK (widget);
}

/* The text of a one-line field goes into the tree, where the focus it takes is
 * reported, named @name. */
static void
present_text (GtkEditable *editable,
              const char  *name)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (editable));
  g_autofree char *plain = strip_mnemonic (name);
  GtkAccessibleRole role;

  if (text == NULL || text == GTK_WIDGET (editable) || gtk_widget_get_realized (text) || *plain == '\0')
    return;
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text));
  if (role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A list item of a drop-down or a combo row is named by the text it shows. */
static void
name_list_item (GtkWidget *item)
{
  GtkLabel *label = GTK_LABEL (find_descendant (item, GTK_TYPE_LABEL));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (label), -1);
}

static void
item_bound_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL && gtk_widget_get_parent (child) != NULL)
    name_list_item (gtk_widget_get_parent (child));
}

static void
name_items_of (GObject    *chooser,
               const char *property)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_object_get (chooser, property, &factory, NULL);
  if (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory) && g_object_get_data (G_OBJECT (factory), "cb-accessible-items") == NULL)
    {
      g_object_set_data (G_OBJECT (factory), "cb-accessible-items", GINT_TO_POINTER (1));
      g_signal_connect_after (factory, "bind", G_CALLBACK (item_bound_cb), NULL);
    }
}

static void
name_existing_items (GtkWidget *widget)
{
  GType item_type = g_type_from_name ("GtkListItemWidget");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (item_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (child, item_type))
        name_list_item (child);
      name_existing_items (child);
    }
}

/* The lists inside a row are named by the row. */
static void
name_lists (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child) || GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_lists (child, name);
    }
}

/* The text of the item @chooser (a GtkDropDown or an AdwComboRow) has chosen. */
static char *
chosen_text (GObject *chooser)
{
  g_autoptr(GObject) item = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (chooser, "selected-item", &item, "expression", &expression, NULL);
  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

static void
describe_choice (GObject    *chooser,
                 GParamSpec *pspec,
                 GtkWidget  *control)
{
  g_autofree char *text = chosen_text (chooser);

  cb_accessible_set_description (control, text);
}

/* @control, the part of @chooser that takes the focus, is described by its choice. */
static void
describe_by_choice (GObject   *chooser,
                    GtkWidget *control)
{
  name_items_of (chooser, "factory");
  name_items_of (chooser, "list-factory");
  name_existing_items (GTK_WIDGET (chooser));
  g_signal_connect_object (chooser, "notify::selected-item", G_CALLBACK (describe_choice), control, 0);
  describe_choice (chooser, NULL, control);
}

static void
expanded_cb (AdwExpanderRow *row,
             GParamSpec     *pspec,
             GtkWidget      *header)
{
  gboolean expanded = adw_expander_row_get_expanded (row);

  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}


static void
mend_expander_row (AdwExpanderRow *row)
{
  g_autofree char *title = strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  GtkWidget *header = find_descendant (GTK_WIDGET (row), GTK_TYPE_LIST_BOX_ROW);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* It and its header row, which takes the focus, say whether the rows below are shown. */
  if (header != NULL)
    {
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), header, 0);
      expanded_cb (row, NULL, header);
    }
  /* The lists that hold its header and the rows below it. */
  name_lists (GTK_WIDGET (row), title);
}

static void
mend_widget (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    /* Named by its label, through the label's mnemonic. */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    {
      g_autofree char *label = strip_mnemonic (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    present_text (GTK_EDITABLE (widget), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && *placeholder != '\0')
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
          present_text (GTK_EDITABLE (widget), placeholder);
        }
    }
  else if (ADW_IS_ACTION_ROW (widget) && GTK_IS_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget))))
    present_text (GTK_EDITABLE (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget))),
                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (ADW_IS_COMBO_ROW (widget))
    {
      g_autofree char *title = strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

      describe_by_choice (G_OBJECT (widget), widget);
      /* The list that shows the choice. */
      name_lists (widget, title);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      name_items_of (G_OBJECT (widget), "factory");
      name_items_of (G_OBJECT (widget), "list-factory");
    }
  else if (ADW_IS_EXPANDER_ROW (widget))
    mend_expander_row (ADW_EXPANDER_ROW (widget));
  else if (GTK_IS_SHORTCUTS_WINDOW (widget))
    {
      /* Its search button shows an icon alone: named as its entry is, in GTK's words. */
      GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (widget));
      GtkWidget *button = titlebar ? find_descendant (titlebar, GTK_TYPE_TOGGLE_BUTTON) : NULL;
      GtkWidget *entry = find_descendant (widget, GTK_TYPE_SEARCH_ENTRY);
      g_autofree char *placeholder = NULL;

      if (entry != NULL)
        g_object_get (entry, "placeholder-text", &placeholder, NULL);
      if (button != NULL && placeholder != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
    }

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      hide_while_unmapped (gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (widget)));
      hide_while_unmapped (gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (widget)));
    }
  if (shows_one_child (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
      hide_while_unmapped (child);
}

/**
 * cb_accessible_mend:
 * @root: a window, or a part of one, as it is made
 *
 * Tells assistive technologies what GTK 4.8 and libadwaita 1.2 leave out about the
 * widgets in @root (see the top of this file). Call it before @root is realized.
 */
void
cb_accessible_mend (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  mend_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    cb_accessible_mend (child);
}

/**
 * cb_accessible_name_drop_down:
 * @drop_down: a drop-down, not yet realized
 * @label: the label that names it
 *
 * Makes the part of @drop_down that takes the focus its combo box for assistive
 * technologies, named by @label and described by the item chosen, and names its items.
 */
void
cb_accessible_name_drop_down (GtkDropDown *drop_down,
                              GtkWidget   *label)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (!gtk_widget_get_realized (GTK_WIDGET (drop_down)));

  if (button == NULL)
    return;
  g_object_set (drop_down, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC, NULL);
  g_object_set (button, "accessible-role", GTK_ACCESSIBLE_ROLE_COMBO_BOX, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  describe_by_choice (G_OBJECT (drop_down), button);
}

/**
 * cb_accessible_set_description:
 * @widget: a widget
 * @description: (nullable): what describes it, or %NULL for nothing
 *
 * Sets @widget's accessible description, the one it goes back to after an
 * announcement.
 */
void
cb_accessible_set_description (GtkWidget  *widget,
                               const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), RESTING_DESCRIPTION_KEY, g_strdup (description), g_free);
  if (g_object_get_data (G_OBJECT (widget), ANNOUNCING_KEY) != NULL)
    return;
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
focus_left_cb (GtkWidget  *widget,
               GParamSpec *pspec)
{
  const char *resting;

  if (gtk_widget_has_focus (widget))
    return;
  g_signal_handlers_disconnect_by_func (widget, focus_left_cb, NULL);
  g_object_set_data (G_OBJECT (widget), ANNOUNCING_KEY, NULL);
  resting = g_object_get_data (G_OBJECT (widget), RESTING_DESCRIPTION_KEY);
  if (resting != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, resting, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * cb_accessible_announce:
 * @widget: a widget of the window the message is about
 * @message: what to say
 *
 * Has screen readers say @message. GTK 4.8 has no announcements; a screen reader says
 * the new description of the control that has the focus, so that control is described
 * by @message until the focus leaves it, and then by what it was described by before
 * (see cb_accessible_set_description()).
 */
void
cb_accessible_announce (GtkWidget  *widget,
                        const char *message)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    focus = root != NULL ? GTK_WIDGET (root) : widget;

  if (g_object_get_data (G_OBJECT (focus), ANNOUNCING_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (focus), ANNOUNCING_KEY, GINT_TO_POINTER (1));
      g_signal_connect (focus, "notify::has-focus", G_CALLBACK (focus_left_cb), NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}
