#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-appearance.h"
#include "cb-brief-export.h"
#include "cb-application.h"
#include "cb-preferences-window.h"
#include "cb-print-operation.h"
#include "cb-test-ui.h"
#include "cb-window.h"

/* The preferences as a student uses them: each row changes its setting, and the
 * setting changes the opinion's text, the style and the paper of prints and PDFs. */

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static CbWindow *
open_sample (void)
{
  return cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
}

static GtkWidget *
find_css_class (GtkWidget  *widget,
                const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkSpinButton *
row_spin (GtkWidget  *window,
          const char *title)
{
  GtkWidget *row = cb_test_find_row (window, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (cb_test_find_type (row, GTK_TYPE_SPIN_BUTTON));
}

static void
test_rows_change_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = GTK_WIDGET (cb_preferences_window_new (settings));
  AdwComboRow *style_row, *font_row, *paper_row, *cite_style_row;
  GtkEditable *student_row, *course_row;
  g_autofree char *value = NULL;

  gtk_window_present (GTK_WINDOW (window));
  style_row = ADW_COMBO_ROW (cb_test_find_row (window, "_Style"));
  font_row = ADW_COMBO_ROW (cb_test_find_row (window, "_Typeface"));
  paper_row = ADW_COMBO_ROW (cb_test_find_row (window, "_Paper Size"));
  cite_style_row = ADW_COMBO_ROW (cb_test_find_row (window, "P_in Cite Style"));
  student_row = GTK_EDITABLE (cb_test_find_row (window, "Student _Name"));
  course_row = GTK_EDITABLE (cb_test_find_row (window, "_Course"));

  /* The rows show the defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (font_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (paper_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (cite_style_row), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (row_spin (window, "Text Si_ze")), ==, 13);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (row_spin (window, "_Line Spacing")), 1.0, 1e-9);
  g_assert_cmpfloat (gtk_spin_button_get_value (row_spin (window, "_Autosave Delay")), ==, 3);

  adw_combo_row_set_selected (style_row, 2);
  value = g_settings_get_string (settings, "style-variant");
  g_assert_cmpstr (value, ==, "dark");
  g_clear_pointer (&value, g_free);

  adw_combo_row_set_selected (font_row, 1);
  value = g_settings_get_string (settings, "opinion-font");
  g_assert_cmpstr (value, ==, "sans");
  g_clear_pointer (&value, g_free);

  adw_combo_row_set_selected (paper_row, 2);
  value = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (value, ==, "letter");
  g_clear_pointer (&value, g_free);

  adw_combo_row_set_selected (cite_style_row, 1);
  value = g_settings_get_string (settings, "cite-style");
  g_assert_cmpstr (value, ==, "supreme-court");
  g_clear_pointer (&value, g_free);

  gtk_spin_button_set_value (row_spin (window, "Text Si_ze"), 18);
  g_assert_cmpuint (g_settings_get_uint (settings, "opinion-font-size"), ==, 18);
  gtk_spin_button_set_value (row_spin (window, "_Line Spacing"), 1.5);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "opinion-line-spacing"), 1.5, 1e-9);
  gtk_spin_button_set_value (row_spin (window, "_Autosave Delay"), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 30);

  gtk_editable_set_text (student_row, "Ada Byron");
  value = g_settings_get_string (settings, "student-name");
  g_assert_cmpstr (value, ==, "Ada Byron");
  g_clear_pointer (&value, g_free);
  gtk_editable_set_text (course_row, "Torts");
  value = g_settings_get_string (settings, "course");
  g_assert_cmpstr (value, ==, "Torts");
  g_clear_pointer (&value, g_free);

  /* And a setting changed elsewhere shows in its row. */
  g_settings_set_string (settings, "paper-size", "a4");
  g_assert_cmpuint (adw_combo_row_get_selected (paper_row), ==, 1);
  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "style-variant");
  g_settings_reset (settings, "opinion-font");
  g_settings_reset (settings, "opinion-font-size");
  g_settings_reset (settings, "opinion-line-spacing");
  g_settings_reset (settings, "paper-size");
  g_settings_reset (settings, "cite-style");
  g_settings_reset (settings, "autosave-delay");
  g_settings_reset (settings, "student-name");
  g_settings_reset (settings, "course");
}

/* The student's name and course from the preferences are filled into a new brief. */
static void
test_new_brief_gets_student_and_course (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CbWindow *window;

  g_settings_set_string (settings, "student-name", "Ada Byron");
  g_settings_set_string (settings, "course", "Torts");
  window = open_sample ();
  g_assert_cmpstr (cb_brief_get_student (cb_window_get_brief (window)), ==, "Ada Byron");
  g_assert_cmpstr (cb_brief_get_course (cb_window_get_brief (window)), ==, "Torts");
  cb_test_destroy_window (window);
  g_settings_reset (settings, "student-name");
  g_settings_reset (settings, "course");
}

static PangoFontDescription *
opinion_font (CbWindow *window)
{
  GtkWidget *view = find_css_class (GTK_WIDGET (window), "opinion-text");

  g_assert_nonnull (view);
  return pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (view)));
}

static int
opinion_height (CbWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_css_class (GTK_WIDGET (window), "opinion-text"));
  GtkTextIter end;
  int y, height;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  return y + height;
}

static void
test_opinion_text_follows_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CbAppearance) appearance = cb_appearance_new (settings, gdk_display_get_default ());
  CbWindow *window = open_sample ();
  g_autoptr(PangoFontDescription) serif = NULL;
  g_autoptr(PangoFontDescription) sans = NULL;
  g_autofree char *css = NULL;
  int normal_height, spaced_height;

  cb_test_spin (200);
  serif = opinion_font (window);
  g_assert_true (g_str_has_prefix (pango_font_description_get_family (serif), "Liberation Serif"));
  normal_height = opinion_height (window);

  g_settings_set_string (settings, "opinion-font", "sans");
  g_settings_set_uint (settings, "opinion-font-size", 26);
  cb_test_spin (200);
  sans = opinion_font (window);
  g_assert_true (g_str_has_prefix (pango_font_description_get_family (sans), "Liberation Sans"));
  /* 26 points is twice the default 13, whatever the screen's resolution (to a rounding
   * of 1/1024 point). */
  g_assert_cmpint (ABS (pango_font_description_get_size (sans) - 2 * pango_font_description_get_size (serif)), <=, 1);

  g_settings_set_string (settings, "opinion-font", "serif");
  g_settings_set_uint (settings, "opinion-font-size", 13);
  g_settings_set_double (settings, "opinion-line-spacing", 2.4);
  cb_test_spin (200);
  spaced_height = opinion_height (window);
  /* Twice the line height; paragraphs' spacing does not grow, so less than twice. */
  g_assert_cmpint (spaced_height, >, normal_height * 3 / 2);

  /* CSS wants a dot, whatever the locale's decimal separator. */
  css = cb_appearance_dup_opinion_css (appearance);
  g_assert_nonnull (strstr (css, "line-height: 2.40;"));
  g_assert_nonnull (strstr (css, "font-size: 13pt;"));

  cb_test_destroy_window (window);
  g_settings_reset (settings, "opinion-font");
  g_settings_reset (settings, "opinion-font-size");
  g_settings_reset (settings, "opinion-line-spacing");
}

static void
test_style_variant (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(CbAppearance) appearance = cb_appearance_new (settings, gdk_display_get_default ());
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  g_settings_set_string (settings, "style-variant", "system");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_reset (settings, "style-variant");
}

static char *
pdf_page_size (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      return g_strstrip (g_strdup (lines[i] + strlen ("Page size:")));
  return NULL;
}

static char *
export_with_paper (CbWindow   *window,
                   const char *dir,
                   const char *paper)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, paper);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *size;

  g_settings_set_string (settings, "paper-size", paper);
  cb_window_export_pdf (window, file);
  cb_test_wait_until (file_exists, path);
  size = pdf_page_size (path);
  g_unlink (path);
  return size;
}

static void
test_paper_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CbWindow *window = open_sample ();
  g_autofree char *dir = g_dir_make_tmp ("casebrief-paper-XXXXXX", NULL);
  g_autofree char *letter = export_with_paper (window, dir, "letter");
  g_autofree char *a4 = export_with_paper (window, dir, "a4");
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPageSetup *setup;

  g_assert_cmpstr (letter, ==, "612 x 792 pts (letter)");
  g_assert_cmpstr (a4, ==, "595.276 x 841.89 pts (A4)");

  /* The print dialog starts on the same paper. */
  g_settings_set_string (settings, "paper-size", "letter");
  operation = cb_print_operation_new (cb_window_get_brief (window));
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_LETTER);
  g_clear_object (&operation);

  g_settings_set_string (settings, "paper-size", "a4");
  operation = cb_print_operation_new (cb_window_get_brief (window));
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);

  /* "auto" is the paper of the language and region. */
  g_settings_set_string (settings, "paper-size", "auto");
  g_assert_cmpint (cb_paper_get_preferred (settings), ==, cb_paper_get_default ());

  cb_test_destroy_window (window);
  g_settings_reset (settings, "paper-size");
  g_rmdir (dir);
}

/* The text of a PDF, as a reader copies it. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static gboolean
exported (gpointer data)
{
  return g_strcmp0 (cb_window_get_last_message (data), "Exported to PDF") == 0;
}

/* Quotes @quote into the brief's Facts, then exports the brief from the window and
 * returns the export's text; it must be the text of the brief as Print typesets it,
 * with the window's own brief and its style (test-print: what prints, exports). */
static char *
quote_and_export (CbWindow   *window,
                  const char *quote)
{
  CbBrief *brief = cb_window_get_brief (window);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-style-XXXXXX", NULL);
  g_autofree char *exported_path = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported_path);
  g_autoptr(GFile) printed_file = g_file_new_for_path (printed);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed_text = NULL;
  CbPageGeometry geometry;
  char *text;
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), quote, 0, &start, &end));
  cb_brief_insert_excerpt_block (brief, cb_brief_lookup_section (brief, "facts"),
                                 cb_brief_add_excerpt (brief, "facts", start, end), 0);
  cb_window_export_pdf (window, file);
  g_assert_cmpstr (cb_window_get_last_message (window), ==, "Exporting to PDF…");
  /* The export is done, not only its file written, before anything else typesets. */
  cb_test_wait_until (exported, window);
  g_assert_true (file_exists (exported_path));
  text = pdf_text (exported_path);

  cb_page_geometry_init_paper (&geometry, CB_PAPER_LETTER);
  g_assert_true (cb_brief_export_pdf (brief, printed_file, &geometry, NULL, &error));
  g_assert_no_error (error);
  printed_text = pdf_text (printed);
  g_assert_cmpstr (printed_text, ==, text);

  g_unlink (exported_path);
  g_unlink (printed);
  g_rmdir (dir);
  return text;
}

/* The pin-cite style of the preferences is that of the screen, of Print and of the
 * PDF exported from the window, for a reporter's pages and a slip opinion's. */
static void
test_cite_style_in_pdf (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CbWindow *window = open_sample ();
  g_autofree char *court = NULL;
  g_autofree char *bluebook = NULL;
  g_autofree char *slip_text = NULL;
  g_autofree char *slip_path = g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf",
                                                 NULL);
  CbWindow *slip;

  g_settings_set_string (settings, "paper-size", "letter");
  cb_brief_set_citation (cb_window_get_brief (window), "474 U.S. 344");
  g_settings_set_string (settings, "cite-style", "supreme-court");
  court = quote_and_export (window, "James then attended to other matters");
  g_assert_nonnull (strstr (court, "474 U.S., at 345"));
  g_assert_null (strstr (court, "474 U.S. at 345"));
  g_settings_set_string (settings, "cite-style", "bluebook");
  bluebook = quote_and_export (window, "left the note on his desk unread");
  g_assert_nonnull (strstr (bluebook, "474 U.S. at 345"));
  g_assert_null (strstr (bluebook, "474 U.S., at 345"));
  cb_test_destroy_window (window);

  if (!g_file_test (slip_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      g_settings_reset (settings, "cite-style");
      g_settings_reset (settings, "paper-size");
      return;
    }
  g_settings_set_string (settings, "cite-style", "supreme-court");
  slip = cb_test_open_window ("../shared/pdfs/coney-island-24-808-slip.pdf");
  slip_text = quote_and_export (slip, "As part of these efforts, the trustee sent");
  g_assert_nonnull (strstr (slip_text, "(slip op., at 2)"));
  g_assert_null (strstr (slip_text, "slip op. at"));
  cb_test_destroy_window (slip);
  g_settings_reset (settings, "cite-style");
  g_settings_reset (settings, "paper-size");
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static GtkMenuButton *
primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = primary_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static CbPreferencesWindow *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (CB_IS_PREFERENCES_WINDOW (window))
        return CB_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

/* Preferences open from the main menu and with Ctrl+comma. */
static void
test_preferences_action (void)
{
  g_autoptr(CbApplication) app = cb_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  CbWindow *window;
  CbPreferencesWindow *preferences;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The running application follows the style setting. */
  g_settings_set_string (cb_application_get_settings (app), "style-variant", "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_settings_reset (cb_application_get_settings (app), "style-variant");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==, ADW_COLOR_SCHEME_DEFAULT);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  window = cb_window_new (app);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (primary_menu_button (GTK_WIDGET (window))),
                                  "app.preferences"));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (find_preferences_window ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_preferences_window ();
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  cb_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences/rows-change-settings", test_rows_change_settings);
  g_test_add_func ("/preferences/new-brief-student-course", test_new_brief_gets_student_and_course);
  g_test_add_func ("/preferences/opinion-text", test_opinion_text_follows_settings);
  g_test_add_func ("/preferences/style-variant", test_style_variant);
  g_test_add_func ("/preferences/paper-size", test_paper_size);
  g_test_add_func ("/preferences/cite-style-in-pdf", test_cite_style_in_pdf);
  g_test_add_func ("/preferences/action", test_preferences_action);

  return g_test_run ();
}
