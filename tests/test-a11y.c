#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "cb-application.h"
#include "cb-brief.h"
#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-assignment-dialog.h"
#include "cb-new-brief-dialog.h"
#include "cb-preferences-window.h"
#include "cb-template-editor.h"
#include "cb-test-atspi.h"
#include "cb-test-ui.h"
#include "cb-section-editor.h"
#include "cb-window.h"

/* The window as a keyboard and screen-reader user meets it: every control reached with
 * Tab has a role and a name, and a brief can be written from opening to PDF without a
 * pointer. */

static gboolean
is_saved (gpointer data)
{
  return !cb_window_get_modified (data);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The text of a widget that names it when nothing else does: what a button, a menu
 * button or a label shows. */
static const char *
own_text (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  return NULL;
}

/* The widget a screen reader presents for @widget: an entry's inner text field stands
 * for its entry, the inner button of a menu button or a drop-down for that control. */
static GtkWidget *
presented_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget) && parent != NULL)
    {
      /* An AdwEntryRow or a GtkSearchEntry owns its GtkText as its editable delegate. */
      for (GtkWidget *w = parent; w != NULL; w = gtk_widget_get_parent (w))
        if (GTK_IS_EDITABLE (w) && gtk_editable_get_delegate (GTK_EDITABLE (w)) == GTK_EDITABLE (widget))
          return w;
    }
  /* A menu button or a drop-down is one control with a button inside. */
  if (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent))
    return parent;
  return widget;
}

/* Whether AT-SPI gives @widget a name, computed as GTK 4.8 does: the accessible label
 * property, else the names of the widgets in its labelled-by relation. GTK 4.8 has no
 * API to read either back, only to test that they are set, so the rule is:
 *
 * - the label property set names any widget;
 * - a button is labelled by its own child, which names it only when that child is its
 *   text: an icon-only button needs the label property;
 * - any other widget with a labelled-by relation is named by what it points at, which
 *   GTK sets to a visible title (a row's title, an entry's label);
 * - a label or a preferences row is named by its own text.
 *
 * A tooltip does not count: GTK 4.8 does not expose it as a name. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  const char *text;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      text = own_text (widget);
      return text != NULL && *text != '\0';
    }
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      return text != NULL && *text != '\0';
    }
  text = own_text (widget);
  return text != NULL && *text != '\0';
}

static gboolean
has_meaningful_role (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role != GTK_ACCESSIBLE_ROLE_GENERIC && role != GTK_ACCESSIBLE_ROLE_NONE &&
         role != GTK_ACCESSIBLE_ROLE_PRESENTATION && role != GTK_ACCESSIBLE_ROLE_GROUP;
}

static GtkWidget *
focus_next (GtkWindow *window)
{
  /* At the end of the chain the window lets focus go; the next step starts over. */
  if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Presses Tab until focus comes back to where it started, and returns every widget it
 * went through, in order, each once. */
static GPtrArray *
walk_focus (GtkWindow *window)
{
  GPtrArray *visited = g_ptr_array_new ();
  GtkWidget *first = NULL;

  for (guint step = 0; step < 2000; step++)
    {
      GtkWidget *focus = focus_next (window);

      g_assert_nonnull (focus);
      if (focus == first)
        return visited;
      if (first == NULL)
        first = focus;
      /* A widget met twice before the start comes back is a focus trap. */
      g_assert_false (g_ptr_array_find (visited, focus, NULL));
      g_ptr_array_add (visited, focus);
    }
  g_error ("Focus never came back to where it started");
  return NULL;
}

static void
assert_all_named (GPtrArray *visited)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  for (guint i = 0; i < visited->len; i++)
    {
      GtkWidget *presented = presented_widget (g_ptr_array_index (visited, i));

      if (!has_accessible_name (presented) || !has_meaningful_role (presented))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (presented);

          g_string_append_printf (unnamed, "%s%s in %s in %s (tooltip “%s”)", unnamed->len ? ", " : "",
                                  G_OBJECT_TYPE_NAME (presented),
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (presented)),
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (presented))),
                                  tooltip ? tooltip : "");
        }
    }
  if (unnamed->len > 0)
    g_error ("Focusable controls without an accessible name or role: %s", unnamed->str);
}

static gboolean
visited_inside (GPtrArray *visited,
                GtkWidget *ancestor)
{
  for (guint i = 0; i < visited->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (visited, i), ancestor))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_by_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The find bar slides away; how long that takes depends on the machine's load. */
static gboolean
search_entry_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (cb_opinion_view_get_search_entry (data)));
}

/* What a screen reader finds wrong in a window: the defects of its accessible tree, as
 * read through AT-SPI, one per line. */
typedef struct
{
  CbAtspi *atspi;
  GPtrArray *nodes;    /* CbAtspiNode, the window's tree */
  GString *defects;
} Review;

/* Something a user works: what a screen reader names and lets its user act on. A
 * container that GTK calls focusable (a scrolled window) is not one: the focus goes to
 * what it holds. */
static gboolean
is_control (CbAtspiNode *node)
{
  static const guint containers[] = {
    CB_ATSPI_ROLE_INVALID, CB_ATSPI_ROLE_FILLER, CB_ATSPI_ROLE_PANEL, CB_ATSPI_ROLE_SCROLL_PANE,
    CB_ATSPI_ROLE_SECTION,
  };
  static const guint roles[] = {
    CB_ATSPI_ROLE_CHECK_BOX, CB_ATSPI_ROLE_COMBO_BOX, CB_ATSPI_ROLE_ENTRY, CB_ATSPI_ROLE_LIST_ITEM,
    CB_ATSPI_ROLE_MENU_ITEM, CB_ATSPI_ROLE_PAGE_TAB, CB_ATSPI_ROLE_PUSH_BUTTON, CB_ATSPI_ROLE_RADIO_BUTTON,
    CB_ATSPI_ROLE_SLIDER, CB_ATSPI_ROLE_SPIN_BUTTON, CB_ATSPI_ROLE_SPLIT_PANE, CB_ATSPI_ROLE_TEXT,
    CB_ATSPI_ROLE_TOGGLE_BUTTON,
  };

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if (node->role == containers[i])
      return FALSE;
  if (cb_test_atspi_node_has_state (node, CB_ATSPI_STATE_FOCUSABLE))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (node->role == roles[i])
      return TRUE;
  return FALSE;
}

/* GTK 4.8 names what has no name by its class: "GtkToggleButton". */
static gboolean
is_type_name (const char *name)
{
  return g_regex_match_simple ("^(Gtk|Adw|Cb)[A-Z][A-Za-z]+$", name, 0, 0);
}

static void
defect (Review      *review,
        CbAtspiNode *node,
        const char  *what)
{
  g_string_append_printf (review->defects, "\n  %s “%s”: %s", node->role_name, node->name, what);
}

static CbAtspiNode *
find_node (Review     *review,
           const char *path)
{
  for (guint i = 0; i < review->nodes->len; i++)
    {
      CbAtspiNode *node = g_ptr_array_index (review->nodes, i);

      if (g_str_equal (node->path, path))
        return node;
    }
  return NULL;
}

/* The names a screen reader reads: every control named, by words, not by its class or
 * with the underscore of its mnemonic; a window's name is not its class either; and a
 * choice says its value. GTK's own parts that no one reaches and that are not controls
 * (a scroll bar's trough, an icon inside a button, libadwaita's layout boxes) keep the
 * class names GTK gives them: the app does not make them and cannot name them. */
static void
review_names (Review *review)
{
  for (guint i = 0; i < review->nodes->len; i++)
    {
      CbAtspiNode *node = g_ptr_array_index (review->nodes, i);
      gboolean control = is_control (node);

      if (control && *node->name == '\0')
        defect (review, node, "a control without a name");
      if ((control || i == 0 || g_str_has_prefix (node->name, "Cb")) && is_type_name (node->name))
        defect (review, node, "named by its class");
      if (g_regex_match_simple ("(^|[\\s(“\"])_[[:alnum:]]", node->name, 0, 0))
        defect (review, node, "the underscore of a mnemonic in its name");
      if (node->role == CB_ATSPI_ROLE_COMBO_BOX && cb_test_atspi_node_has_state (node, CB_ATSPI_STATE_FOCUSABLE) &&
          *node->description == '\0')
        defect (review, node, "a choice that does not say its value");
    }
}

static gboolean
hidden_state (GtkWidget *widget)
{
  g_autofree char *mismatch = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  return mismatch == NULL;
}

/* GTK 4.8 puts a widget in the tree when it is visible, has a role to show and is not
 * marked hidden: what is in the tree must be on screen (a page of a stack not shown,
 * say, is not). */
static void
review_hidden (Review    *review,
               GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (!gtk_widget_get_visible (widget) || role == GTK_ACCESSIBLE_ROLE_NONE ||
      role == GTK_ACCESSIBLE_ROLE_PRESENTATION || hidden_state (widget))
    return;
  if (!gtk_widget_get_mapped (widget))
    {
      g_string_append_printf (review->defects, "\n  %s in %s: in the tree but not on screen",
                              G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      review_hidden (review, child);
}

static gboolean
focus_was_reported (gpointer data)
{
  return cb_test_atspi_focus_reported (data) != NULL;
}

/* Tab from control to control: each says it has the focus, as an object of the tree
 * with a name. */
static GPtrArray *
review_focus (Review    *review,
              GtkWindow *window)
{
  GPtrArray *visited = g_ptr_array_new ();
  GtkWidget *first = NULL;

  for (guint step = 0; step < 500; step++)
    {
      GtkWidget *focus;
      CbAtspiNode *node;
      gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      cb_test_atspi_forget_events (review->atspi);
      focus = focus_next (window);
      g_assert_nonnull (focus);
      if (focus == first)
        return visited;
      if (first == NULL)
        first = focus;
      g_assert_false (g_ptr_array_find (visited, focus, NULL));
      g_ptr_array_add (visited, focus);

      while (!focus_was_reported (review->atspi) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      node = focus_was_reported (review->atspi) ? find_node (review, cb_test_atspi_focus_reported (review->atspi)) : NULL;
      if (node == NULL)
        g_string_append_printf (review->defects, "\n  %s in %s in %s: takes the focus without reporting it",
                                G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (focus))));
      else if (*node->name == '\0' || is_type_name (node->name))
        defect (review, node, "reports the focus without a name");
    }
  g_error ("Focus never came back to where it started");
  return NULL;
}

/* Reads @window as a screen reader does and fails on what its user would stumble on;
 * returns the widgets Tab went through. */
static GPtrArray *
review_window (CbAtspi    *atspi,
               GtkWindow  *window,
               const char *name)
{
  g_autoptr(CbAtspiNode) node = NULL;
  g_autoptr(GString) defects = g_string_new (NULL);
  Review review = { atspi, NULL, defects };
  GPtrArray *visited;

  cb_test_focus_window (window);
  node = cb_test_atspi_find_window (atspi, name);
  if (node == NULL)
    g_error ("No window “%s” on the accessibility bus", name);
  review.nodes = cb_test_atspi_walk (atspi, node->path);
  review_names (&review);
  review_hidden (&review, GTK_WIDGET (window));
  visited = review_focus (&review, window);
  g_ptr_array_unref (review.nodes);
  if (defects->len > 0)
    g_error ("What a screen reader finds in “%s”:%s", name, defects->str);
  return visited;
}

static gboolean
is_entry_text (GtkWidget *focus)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);

  return row != NULL && GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))) == focus;
}

/* The main window, read through AT-SPI; then with the find bar open and the case
 * details unfolded; the expander says whether it is. */
static void
test_main_window_reads_well (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  CbBrief *brief = cb_window_get_brief (window);
  g_autoptr(CbAtspi) atspi = cb_test_atspi_new ();
  const char *title = "Davidson v. Cannon";
  g_autoptr(GPtrArray) visited = review_window (atspi, GTK_WINDOW (window), title);
  g_autoptr(GPtrArray) with_find_bar = NULL;
  g_autoptr(CbAtspiNode) details = NULL;
  guint n_sections = 0, n_metadata = 0;
  GtkWidget *close, *expander;
  gboolean opinion_reached = FALSE;

  /* The walk went everywhere a student works. */
  for (guint i = 0; i < visited->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (visited, i);

      if (focus == GTK_WIDGET (cb_opinion_view_get_text_view (opinion_view)))
        opinion_reached = TRUE;
      if (gtk_widget_has_css_class (focus, "section-text"))
        n_sections++;
      if (is_entry_text (focus))
        n_metadata++;
    }
  g_assert_true (opinion_reached);
  /* Case name and citation; the other details are folded away, and say so. */
  g_assert_cmpuint (n_metadata, ==, 2);
  g_assert_cmpuint (n_sections, ==, cb_brief_get_n_sections (brief));
  details = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_LIST_ITEM, "Court, Date, Student and Course");
  g_assert_nonnull (details);
  g_assert_true (cb_test_atspi_node_has_state (details, CB_ATSPI_STATE_EXPANDABLE));
  g_assert_false (cb_test_atspi_node_has_state (details, CB_ATSPI_STATE_EXPANDED));

  /* And again with the find bar open (Ctrl+F) and the case details unfolded: the find
   * bar's entry and buttons, and five more details, join the chain. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find", NULL));
  expander = cb_test_find_type (GTK_WIDGET (cb_window_get_brief_view (window)), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  cb_test_spin (600);
  with_find_bar = review_window (atspi, GTK_WINDOW (window), title);
  g_assert_cmpuint (with_find_bar->len, >=, visited->len + 3 + 5);
  n_metadata = 0;
  for (guint i = 0; i < with_find_bar->len; i++)
    if (is_entry_text (g_ptr_array_index (with_find_bar, i)))
      n_metadata++;
  g_assert_cmpuint (n_metadata, ==, 7);
  g_assert_true (visited_inside (with_find_bar, GTK_WIDGET (cb_opinion_view_get_search_entry (opinion_view))));
  g_clear_pointer (&details, cb_test_atspi_node_free);
  details = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_LIST_ITEM, "Court, Date, Student and Course");
  g_assert_true (cb_test_atspi_node_has_state (details, CB_ATSPI_STATE_EXPANDED));

  /* The find bar's close button closes it. */
  close = find_button_by_tooltip (GTK_WIDGET (opinion_view), "Close Find Bar (Escape)");
  g_assert_nonnull (close);
  /* As Space or Enter on it: the button shows it is pressed for a moment, then clicks. */
  g_assert_true (gtk_widget_activate (close));
  cb_test_wait_until (search_entry_hidden, opinion_view);

  cb_test_destroy_window (window);
}

/* The preferences window, every row, spin button and choice. */
static void
test_preferences_read_well (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window = GTK_WINDOW (cb_preferences_window_new (settings));
  g_autoptr(CbAtspi) atspi = NULL;
  g_autoptr(GPtrArray) visited = NULL;
  g_autoptr(CbAtspiNode) style = NULL;

  gtk_window_present (window);
  cb_test_spin (100);
  atspi = cb_test_atspi_new ();
  visited = review_window (atspi, window, "Preferences");
  /* Style, typeface, size, spacing, student, course, paper, autosave. */
  g_assert_cmpuint (visited->len, >=, 8);

  /* A choice says what is chosen, and what is chosen next. */
  style = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_COMBO_BOX, "Style");
  g_assert_nonnull (style);
  g_assert_cmpstr (style->description, ==, "Follow System");
  g_settings_set_string (settings, "style-variant", "dark");
  g_clear_pointer (&style, cb_test_atspi_node_free);
  style = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_COMBO_BOX, "Style");
  g_assert_cmpstr (style->description, ==, "Dark");
  g_settings_reset (settings, "style-variant");

  gtk_window_destroy (window);
  cb_test_spin (50);
}

/* The keyboard shortcuts window, as the application gives it to each window. */
static void
test_shortcuts_window_reads_well (void)
{
  g_autoptr(CbApplication) app = cb_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbAtspi) atspi = NULL;
  g_autoptr(GPtrArray) visited = NULL;
  CbWindow *window;
  GtkWindow *shortcuts;

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".A11yTest");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = cb_window_new (app);
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (shortcuts);
  cb_test_spin (300);

  atspi = cb_test_atspi_new ();
  visited = review_window (atspi, shortcuts, "Keyboard Shortcuts");
  /* Its search entry, at least. */
  g_assert_cmpuint (visited->len, >=, 1);

  gtk_window_destroy (shortcuts);
  cb_test_destroy_window (window);
}

/* The professors' windows: the template gallery, the template editor with a section
 * selected, and Create Assignment. */
static void
test_professor_windows_are_named (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  GtkWindow *dialogs[] = {
    GTK_WINDOW (cb_new_brief_dialog_new (window)),
    GTK_WINDOW (cb_template_editor_new (NULL, NULL)),
    GTK_WINDOW (cb_assignment_dialog_new (GTK_WINDOW (window))),
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GPtrArray) visited = NULL;

      gtk_window_present (dialogs[i]);
      cb_test_spin (200);
      if (CB_IS_TEMPLATE_EDITOR (dialogs[i]))
        {
          /* A section selected, so its fields are in the chain too. */
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialogs[i]), "template.add-section", NULL));
          cb_test_spin (200);
        }
      visited = walk_focus (dialogs[i]);
      g_assert_cmpuint (visited->len, >=, 3);
      assert_all_named (visited);
      gtk_window_destroy (dialogs[i]);
    }

  cb_test_destroy_window (window);
}

/* A quotation is text of its section's text view, which assistive technologies read
 * with the prose around it: the quotation, then its pin cite, where the student wrote it. */
static void
test_quotations_are_read_as_text (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbBrief *brief = cb_window_get_brief (window);
  CbBriefView *view = cb_window_get_brief_view (window);
  GListModel *excerpts = cb_brief_get_excerpts (brief);

  g_assert_cmpuint (g_list_model_get_n_items (excerpts), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      CbSectionEditor *editor =
        CB_SECTION_EDITOR (cb_brief_view_find_section_editor (view, cb_excerpt_get_section_id (excerpt)));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_section_editor_get_text_view (editor));
      g_autofree char *quote = NULL, *cite = NULL, *text = NULL;
      g_autofree char *expected_quote = cb_brief_dup_quotation (brief, excerpt);
      g_autofree char *expected_cite = cb_brief_dup_pin_cite (brief, excerpt);
      GtkTextIter start, end;
      const char *at;

      g_assert_true (cb_section_editor_get_quotation (editor, cb_excerpt_get_id (excerpt), &quote, &cite));
      g_assert_cmpstr (quote, ==, expected_quote);
      g_assert_nonnull (expected_cite);
      g_assert_cmpstr (cite, ==, expected_cite);

      /* In the text itself, the cite right after the quotation. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      at = strstr (text, expected_quote);
      g_assert_nonnull (at);
      g_assert_true (g_str_has_prefix (at + strlen (expected_quote), "\u2028"));
      g_assert_true (g_str_has_prefix (at + strlen (expected_quote) + strlen ("\u2028"), expected_cite));
    }

  cb_test_destroy_window (window);
}

static void
collect_tag (GtkTextTag *tag,
             gpointer    data)
{
  gboolean foreground_set;
  g_autofree char *name = NULL;

  g_object_get (tag, "foreground-set", &foreground_set, "name", &name, NULL);
  if (foreground_set)
    g_ptr_array_add (data, g_strdup (name ? name : "(a tag without a name)"));
}

/* GTK 4.8's accessible text reads a tag's foreground back through a property that
 * cannot be read, and crashes: no tag of @view may set one. */
static void
assert_no_foreground (GtkTextView *view)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view)), collect_tag, tags);
  g_ptr_array_add (tags, NULL);
  if (tags->len > 1)
    g_error ("Tags with a foreground: %s", g_strjoinv (", ", (char **) tags->pdata));
}

/* Reads the attributes of every run of @node's text, as a screen reader does while
 * its user reads, with and without the view's defaults; returns how many runs, and
 * adds the name of every attribute met to @seen. */
static guint
read_attribute_runs (CbAtspi     *atspi,
                     CbAtspiNode *node,
                     GHashTable  *seen)
{
  g_autoptr(GVariant) count = cb_test_atspi_call (atspi, node->path, "org.freedesktop.DBus.Properties", "Get",
                                                  g_variant_new ("(ss)", "org.a11y.atspi.Text", "CharacterCount"),
                                                  "(v)");
  g_autoptr(GVariant) value = NULL;
  int length, offset = 0;
  guint runs = 0;

  g_variant_get (count, "(v)", &value);
  length = g_variant_get_int32 (value);
  while (offset < length)
    {
      for (int defaults = 0; defaults < 2; defaults++)
        {
          g_autoptr(GVariant) run = cb_test_atspi_call (atspi, node->path, "org.a11y.atspi.Text", "GetAttributeRun",
                                                        g_variant_new ("(ib)", offset, defaults), "(a{ss}ii)");
          g_autoptr(GVariantIter) attributes = NULL;
          const char *key, *text;
          int start, end;

          g_variant_get (run, "(a{ss}ii)", &attributes, &start, &end);
          while (g_variant_iter_next (attributes, "{&s&s}", &key, &text))
            if (!defaults)
              g_hash_table_add (seen, g_strdup (key));
          g_assert_cmpint (start, <=, offset);
          if (!defaults)
            {
              runs++;
              offset = end > offset ? end : offset + 1;
            }
        }
    }
  return runs;
}

static gboolean
is_section_title (CbBrief    *brief,
                  const char *name)
{
  for (guint i = 0; i < cb_brief_get_n_sections (brief); i++)
    if (g_strcmp0 (cb_section_get_title (cb_brief_get_section (brief, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
search_has_matches (gpointer data)
{
  GtkTextBuffer *buffer = data;
  GtkTextIter start, end;
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  gboolean found = FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* GtkSourceView's search matches carry a tag of their own, without a name. */
  for (GtkTextIter iter = start; !found && gtk_text_iter_forward_to_tag_toggle (&iter, NULL);)
    {
      GSList *tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL && !found; l = l->next)
        {
          g_autofree char *name = NULL;
          g_object_get (l->data, "name", &name, NULL);
          found = name == NULL && gtk_text_tag_table_lookup (table, "flash") != l->data &&
                  g_object_get_data (l->data, "cb-excerpt-id") == NULL;
        }
      g_slist_free (tags);
    }
  return found;
}

static gboolean
uses_dark_scheme (gpointer data)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (data);

  return scheme != NULL && g_str_equal (gtk_source_style_scheme_get_id (scheme), "casebrief-dark");
}

/* A screen reader asks for the attributes of the text under its cursor as its user
 * reads: the opinion's star pages, headnotes, footnote marks, citations, case names,
 * quoted passages, highlighted excerpts and search matches, and in each section its
 * prose, emphasis, quotations and pin cites. Every run of every text is read through
 * AT-SPI, as Orca reads it, and none of their tags sets what GTK 4.8 cannot read back. */
static void
test_text_attributes_are_readable (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  GtkTextView *opinion = cb_opinion_view_get_text_view (opinion_view);
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  g_autoptr(GHashTable) opinion_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sections_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) others_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CbAtspi) atspi = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  guint opinion_runs = 0, sections_read = 0;
  const char *opinion_attributes[] = { "weight", "style", "underline", "bg-color", "scale", NULL };
  const char *section_attributes[] = { "style", "family-name", "scale", NULL };

  /* Words found, so that search matches are styled too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (opinion_view), "opinion.find", NULL));
  gtk_editable_set_text (cb_opinion_view_get_search_entry (opinion_view), "Cannon");
  cb_test_wait_until (search_has_matches, gtk_text_view_get_buffer (opinion));
  /* Styled all through, not only where it was shown. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (opinion), &start, &end);
    gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (opinion)), &start, &end);
  }

  atspi = cb_test_atspi_new ();
  nodes = cb_test_atspi_walk (atspi, cb_test_atspi_root (atspi));
  for (guint i = 0; i < nodes->len; i++)
    {
      CbAtspiNode *node = g_ptr_array_index (nodes, i);

      if (node->role != CB_ATSPI_ROLE_TEXT || !cb_test_atspi_node_implements (node, "org.a11y.atspi.Text"))
        continue;
      /* Every text: the opinion, the sections, the one-line fields. */
      if (g_str_equal (node->name, "Opinion"))
        opinion_runs = read_attribute_runs (atspi, node, opinion_seen);
      else if (is_section_title (cb_window_get_brief (window), node->name))
        {
          g_assert_cmpuint (read_attribute_runs (atspi, node, sections_seen), >, 0);
          sections_read++;
        }
      else
        read_attribute_runs (atspi, node, others_seen);
    }

  /* The opinion's text, styled in every way it is, and the four sections. */
  g_assert_cmpuint (opinion_runs, >, 100);
  g_assert_cmpuint (sections_read, ==, 4);
  for (guint i = 0; opinion_attributes[i] != NULL; i++)
    if (!g_hash_table_contains (opinion_seen, opinion_attributes[i]))
      g_error ("No run of the opinion has a “%s”", opinion_attributes[i]);
  for (guint i = 0; section_attributes[i] != NULL; i++)
    if (!g_hash_table_contains (sections_seen, section_attributes[i]))
      g_error ("No run of a section has a “%s”", section_attributes[i]);

  /* Styles not in this opinion's text, and those to come, are in the tag tables: in
   * the light style and in the dark. */
  for (guint dark = 0; dark < 2; dark++)
    {
      if (dark)
        {
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          cb_test_wait_until (uses_dark_scheme, gtk_text_view_get_buffer (opinion));
        }
      assert_no_foreground (opinion);
      for (guint i = 0; i < 4; i++)
        assert_no_foreground (cb_section_editor_get_text_view (CB_SECTION_EDITOR (cb_brief_view_get_section_editor (brief_view, i))));
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  cb_test_destroy_window (window);
}

static gboolean
description_was_heard (gpointer data)
{
  return cb_test_atspi_description_heard (data, NULL) != NULL;
}

/* Waits for what a screen reader would say of the control with the focus, and checks
 * that it was @expected, said by @node. */
static void
assert_heard (CbAtspi     *atspi,
              CbAtspiNode *node,
              const char  *expected)
{
  const char *path;

  cb_test_wait_until (description_was_heard, atspi);
  g_assert_cmpstr (cb_test_atspi_description_heard (atspi, &path), ==, expected);
  g_assert_cmpstr (path, ==, node->path);
}

static gboolean
focus_reported (gpointer data)
{
  return cb_test_atspi_focus_reported (data) != NULL;
}

static void
focus_and_wait (CbAtspi   *atspi,
                GtkWidget *widget)
{
  cb_test_atspi_forget_events (atspi);
  gtk_widget_grab_focus (widget);
  cb_test_wait_until (focus_reported, atspi);
}

/* What a screen reader says as a student works. GTK 4.8 has no announcements: the
 * control with the focus is described by the news, which Orca says as it changes, and
 * goes back to its own description once the focus leaves it. The opinion's caret is at
 * its start when it first takes the focus, where a reader starts. */
static void
test_announcements (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbBrief *brief = cb_window_get_brief (window);
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  GtkTextView *facts = cb_section_editor_get_text_view (CB_SECTION_EDITOR (cb_brief_view_get_section_editor (brief_view, 0)));
  GtkTextView *holding = cb_section_editor_get_text_view (CB_SECTION_EDITOR (cb_brief_view_get_section_editor (brief_view, 2)));
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  g_autoptr(CbAtspi) atspi = cb_test_atspi_new ();
  g_autoptr(CbAtspiNode) opinion_node = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_TEXT, "Opinion");
  g_autoptr(CbAtspiNode) facts_node = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_TEXT, "Facts");
  g_autoptr(CbAtspiNode) holding_node = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_TEXT, "Holding");
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autofree char *cite = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *facts_before = NULL;
  g_autofree char *facts_after = NULL;
  g_autofree char *description = NULL;
  GtkTextIter iter, match;
  gsize start, end;
  guint n;

  g_assert_nonnull (opinion_node);
  g_assert_nonnull (facts_node);
  g_assert_nonnull (holding_node);
  cb_test_focus_window (GTK_WINDOW (window));

  /* The opinion takes the focus with its caret at the top. */
  focus_and_wait (atspi, GTK_WIDGET (opinion));
  g_assert_cmpint (cb_test_atspi_get_int (atspi, opinion_node->path, "org.a11y.atspi.Text", "CaretOffset"), ==, 0);

  /* Ctrl+1…9 from the opinion: the opinion, which keeps the focus, says where the
   * quotation went and its pin cite. */
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "James received the note", 0, &start, &end));
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start, end);
  cb_test_atspi_forget_events (atspi);
  n = g_list_model_get_n_items (excerpts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 1));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, n + 1);
  excerpt = g_list_model_get_item (excerpts, n);
  cite = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_cmpstr (cite, ==, "474 U.S. at 345");
  assert_heard (atspi, opinion_node, "Quotation added to Issue, 474 U.S. at 345");

  /* The Holding has 66 of its 75 words; ten more put it over. */
  focus_and_wait (atspi, GTK_WIDGET (holding));
  g_signal_emit_by_name (holding, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  cb_test_atspi_forget_events (atspi);
  g_signal_emit_by_name (holding, "insert-at-cursor", " One two three four five six seven eight nine ten.");
  expected = g_strdup_printf ("Holding is over its limit: %u / 75 words",
                              cb_brief_count_section_words (brief, cb_brief_get_section (brief, 2)));
  g_assert_cmpstr (expected, ==, "Holding is over its limit: 76 / 75 words");
  assert_heard (atspi, holding_node, expected);

  /* A key typed inside a quotation is refused, and says why. */
  focus_and_wait (atspi, GTK_WIDGET (facts));
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (facts), &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "James then attended", 0, &match, NULL, NULL));
  gtk_text_iter_forward_chars (&match, 3);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (facts), &match);
  facts_before = cb_section_dup_plain_text (cb_brief_get_section (brief, 0));
  cb_test_atspi_forget_events (atspi);
  g_signal_emit_by_name (facts, "insert-at-cursor", "x");
  facts_after = cb_section_dup_plain_text (cb_brief_get_section (brief, 0));
  g_assert_cmpstr (facts_after, ==, facts_before);
  assert_heard (atspi, facts_node, "A quotation cannot be edited; Delete removes it whole");

  /* Once the focus leaves it, Facts is described by its prompt again. */
  focus_and_wait (atspi, GTK_WIDGET (holding));
  description = cb_test_atspi_get_string (atspi, facts_node->path, "org.a11y.atspi.Accessible", "Description");
  g_assert_cmpstr (description, ==, cb_section_get_prompt (cb_brief_get_section (brief, 0)));

  cb_test_destroy_window (window);
}

static gboolean
window_has_brief (gpointer data)
{
  return cb_window_get_brief (data) != NULL;
}

/* A section the template asks to have the student's own words in: once its last word
 * of the student's own is gone and only quotations are left, a screen reader hears it
 * said, and its word count reads the same. */
static void
test_own_words_announced (void)
{
  g_autofree char *sample_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                                   "davidson-v-cannon.brief", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *dir = g_dir_make_tmp ("casebrief-a11y-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "own-words.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbAtspi) atspi = NULL;
  g_autoptr(CbAtspiNode) holding_node = NULL;
  g_autoptr(CbAtspiNode) count_node = NULL;
  g_autofree char *count = NULL;
  CbWindow *window;
  CbBrief *brief;
  GtkTextView *holding;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *prose = "No. Negligence by prison officials does not implicate the Due Process Clause, "
                      "procedural or substantive, so the State need not provide a remedy. Affirmed.";

  /* The sample, with its Holding marked as the template would mark it. */
  g_file_get_contents (sample_path, &sample, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (sample);
  g_assert_cmpuint (g_string_replace (text, "        <excerpt-ref ref=\"x00000006\"/>\n      </content>\n",
                                      "        <excerpt-ref ref=\"x00000006\"/>\n      </content>\n      <own-words/>\n", 0),
                    ==, 1);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until (window_has_brief, window);
  brief = cb_window_get_brief (window);
  g_assert_true (cb_section_get_own_words (cb_brief_get_section (brief, 2)));
  holding = cb_section_editor_get_text_view (CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 2)));

  atspi = cb_test_atspi_new ();
  holding_node = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_TEXT, "Holding");
  g_assert_nonnull (holding_node);
  cb_test_focus_window (GTK_WINDOW (window));
  focus_and_wait (atspi, GTK_WIDGET (holding));

  /* The student selects their sentence and deletes it: the quotations stay. */
  buffer = gtk_text_view_get_buffer (holding);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, prose, 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  cb_test_atspi_forget_events (atspi);
  g_signal_emit_by_name (holding, "backspace");
  g_assert_true (cb_section_lacks_own_words (cb_brief_get_section (brief, 2)));
  assert_heard (atspi, holding_node, "Holding holds only quotations: add words of your own");

  count = g_strdup_printf ("%u / 75 words, only quotations: add words of your own",
                           cb_brief_count_section_words (brief, cb_brief_get_section (brief, 2)));
  count_node = cb_test_atspi_find (atspi, CB_ATSPI_ROLE_LABEL, count);
  if (count_node == NULL)
    g_error ("No label reads “%s”", count);

  cb_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Asserts that @accelerator runs @action_name with @argument on @widget, and returns
 * the shortcut so a test can press it. */
static GtkShortcut *
assert_shortcut (GtkWidget  *widget,
                 const char *accelerator,
                 const char *action_name,
                 GVariant   *argument)
{
  g_autoptr(GVariant) expected = argument ? g_variant_ref_sink (argument) : NULL;
  GtkShortcut *shortcut = cb_test_find_shortcut (widget, accelerator);
  GtkShortcutAction *action;

  g_assert_nonnull (shortcut);
  action = gtk_shortcut_get_action (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, action_name);
  if (expected != NULL)
    g_assert_true (g_variant_equal (gtk_shortcut_get_arguments (shortcut), expected));
  else
    g_assert_null (gtk_shortcut_get_arguments (shortcut));
  return shortcut;
}

/* What pressing the keys of @shortcut does: its action, with its arguments. */
static void
press (GtkShortcut *shortcut,
       GtkWidget   *widget)
{
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static GtkWidget *
tab_to (CbWindow  *window,
        GtkWidget *target)
{
  for (guint step = 0; step < 2000; step++)
    {
      GtkWidget *focus = focus_next (GTK_WINDOW (window));
      if (focus == target)
        return focus;
    }
  g_error ("Tab never reaches %s", G_OBJECT_TYPE_NAME (target));
  return NULL;
}

static char *
selected_text (GtkTextView *view)
{
  GtkTextIter start, end;

  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end));
  return gtk_text_iter_get_text (&start, &end);
}

/* A brief written without a pointer: open an opinion, select with the keyboard, add to
 * Facts with Ctrl+1, write, save with Ctrl+S's binding, export as PDF. Key events are
 * not synthesized (GTK 4.8 has no API for it); each step uses what the key runs: the
 * text view's key-binding signals for moving and typing, and for the window's
 * shortcuts the action its Ctrl+key binding names, activated from that binding. */
static void
test_keyboard_only_workflow (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  CbSectionEditor *facts = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 0));
  GtkTextView *facts_view = cb_section_editor_get_text_view (facts);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-keyboard-XXXXXX", NULL);
  g_autofree char *brief_path = g_build_filename (dir, "davidson.brief", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "davidson.pdf", NULL);
  g_autoptr(GFile) brief_file = g_file_new_for_path (brief_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(CbBrief) reopened = NULL;
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selection = NULL;
  g_autofree char *facts_text = NULL;
  g_autofree char *cite = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *command = NULL;
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  GtkWidget *citation;
  int status;

  /* Tab to the citation and type it: pin cites are given in its reporter. */
  citation = GTK_WIDGET (gtk_editable_get_delegate (cb_brief_view_get_metadata_row (cb_window_get_brief_view (window), "citation")));
  tab_to (window, citation);
  g_signal_emit_by_name (citation, "insert-at-cursor", "474 U.S. 344");
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "474 U.S. 344");

  /* Tab into the opinion; Ctrl+Home, then Ctrl+Shift+Right four times. */
  tab_to (window, GTK_WIDGET (opinion));
  g_signal_emit_by_name (opinion, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  g_signal_emit_by_name (opinion, "move-cursor", GTK_MOVEMENT_WORDS, 4, TRUE);
  selection = selected_text (opinion);
  g_assert_cmpstr (g_strstrip (selection), ==, "Petitioner sued prison officials");

  /* Ctrl+1: the selection becomes an excerpt in Facts, the first section. */
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 0);
  press (assert_shortcut (GTK_WIDGET (window), "<Control>1", "win.add-to-section", g_variant_new_uint32 (0)),
         GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 1);
  excerpt = g_list_model_get_item (excerpts, 0);
  g_assert_cmpstr (cb_excerpt_get_quote (excerpt), ==, "Petitioner sued prison officials");
  g_assert_cmpuint (cb_section_get_n_blocks (cb_section_editor_get_section (facts)), >, 0);
  cite = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_cmpstr (cite, ==, "474 U.S. at 345");

  /* Tab to Facts and type after the quotation. */
  tab_to (window, GTK_WIDGET (facts_view));
  g_signal_emit_by_name (facts_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_signal_emit_by_name (facts_view, "insert-at-cursor", "A fellow inmate threatened Davidson.");
  facts_text = cb_section_dup_plain_text (cb_section_editor_get_section (facts));
  g_assert_nonnull (strstr (facts_text, "A fellow inmate threatened Davidson."));
  g_assert_true (cb_window_get_modified (window));

  /* Ctrl+S saves; an unsaved brief would ask where, so the test answers with a path. */
  assert_shortcut (GTK_WIDGET (window), "<Control>s", "win.save", NULL);
  cb_window_save_to (window, brief_file);
  cb_test_wait_until (is_saved, window);
  reopened = cb_brief_load_file (brief_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (reopened)), ==, 1);
  g_clear_pointer (&facts_text, g_free);
  facts_text = cb_section_dup_plain_text (cb_brief_get_section (reopened, 0));
  g_assert_nonnull (strstr (facts_text, "A fellow inmate threatened Davidson."));

  /* Ctrl+Shift+E exports; the file chooser's answer is the path. */
  assert_shortcut (GTK_WIDGET (window), "<Control><Shift>e", "win.export-pdf", NULL);
  cb_window_export_pdf (window, pdf_file);
  cb_test_wait_until (file_exists, pdf_path);
  command = g_strdup_printf ("pdftotext '%s' -", pdf_path);
  g_assert_true (g_spawn_command_line_sync (command, &pdf_text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pdf_text, "Petitioner sued prison officials"));
  g_assert_nonnull (strstr (pdf_text, cite));
  g_assert_nonnull (strstr (pdf_text, "A fellow inmate threatened Davidson."));

  cb_test_destroy_window (window);
  g_unlink (brief_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  /* A menu button's inner toggle is the menu button; the window's own controls are
   * the desktop's. */
  if ((GTK_IS_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))) ||
      GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      g_ptr_array_add (buttons, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* "Save (Ctrl+S)" → "<Control>s": the accelerator a tooltip names, as GTK writes it. */
static char *
tooltip_accelerator (const char *tooltip)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\(((?:Ctrl\\+|Shift\\+)*)([A-Z0-9]|F[0-9]+)\\)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *modifiers = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GString) accelerator = g_string_new (NULL);

  if (!g_regex_match (regex, tooltip, 0, &match))
    return NULL;
  modifiers = g_match_info_fetch (match, 1);
  key = g_match_info_fetch (match, 2);
  if (strstr (modifiers, "Ctrl+") != NULL)
    g_string_append (accelerator, "<Control>");
  if (strstr (modifiers, "Shift+") != NULL)
    g_string_append (accelerator, "<Shift>");
  if (strlen (key) == 1)
    key[0] = g_ascii_tolower (key[0]);
  g_string_append (accelerator, key);
  return g_string_free (g_steal_pointer (&accelerator), FALSE);
}

/* Every header bar button says in its tooltip which keys do the same, and those keys
 * really run the button's action. */
static void
test_header_tooltips_name_shortcuts (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (window));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  while (header != NULL && !ADW_IS_HEADER_BAR (header))
    header = gtk_widget_get_first_child (header);
  g_assert_nonnull (header);
  collect_buttons (header, buttons);
  g_assert_cmpuint (buttons->len, ==, 4);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (button);
      g_autofree char *accelerator = NULL;
      const char *action;

      g_assert_nonnull (tooltip);
      accelerator = tooltip_accelerator (tooltip);
      if (accelerator == NULL)
        g_error ("The tooltip “%s” names no shortcut", tooltip);

      if (GTK_IS_MENU_BUTTON (button) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)))
        g_assert_cmpstr (accelerator, ==, "F10");
      else if (GTK_IS_MENU_BUTTON (button))
        assert_shortcut (GTK_WIDGET (window), accelerator, "win.new", g_variant_new_string ("default"));
      else
        {
          action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
          g_assert_nonnull (action);
          assert_shortcut (GTK_WIDGET (window), accelerator, action, NULL);
        }
    }

  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);
  /* The find bar is there at once, not after its slide-in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/a11y/main-window-reads-well", test_main_window_reads_well);
  g_test_add_func ("/a11y/preferences-read-well", test_preferences_read_well);
  g_test_add_func ("/a11y/shortcuts-window-reads-well", test_shortcuts_window_reads_well);
  g_test_add_func ("/a11y/professor-windows-are-named", test_professor_windows_are_named);
  g_test_add_func ("/a11y/quotations-are-read-as-text", test_quotations_are_read_as_text);
  g_test_add_func ("/a11y/text-attributes-are-readable", test_text_attributes_are_readable);
  g_test_add_func ("/a11y/announcements", test_announcements);
  g_test_add_func ("/a11y/own-words-announced", test_own_words_announced);
  g_test_add_func ("/a11y/header-tooltips-name-shortcuts", test_header_tooltips_name_shortcuts);
  g_test_add_func ("/a11y/keyboard-only-workflow", test_keyboard_only_workflow);

  return g_test_run ();
}
