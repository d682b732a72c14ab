/* Every icon the window shows is in the icon theme and loads as itself. GTK draws
 * "image-missing" in silence when it cannot read an icon's files (libadwaita's icons
 * are SVG: without an SVG image loader, every one of them), so the test looks each
 * icon up as GTK does, checks that the file found is that icon's, loads it, and names
 * the icon that fails. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cb-application.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* The names of the themed icons of every image shown at or below @widget (a window
 * also holds images it does not show, such as its tooltip's "image-missing"). */
static void
collect_icon_names (GtkWidget  *widget,
                    GHashTable *names)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget))
    {
      GtkImage *image = GTK_IMAGE (widget);

      if (gtk_image_get_storage_type (image) == GTK_IMAGE_ICON_NAME)
        g_hash_table_add (names, g_strdup (gtk_image_get_icon_name (image)));
      else if (gtk_image_get_storage_type (image) == GTK_IMAGE_GICON &&
               G_IS_THEMED_ICON (gtk_image_get_gicon (image)))
        g_hash_table_add (names, g_strdup (g_themed_icon_get_names (G_THEMED_ICON (gtk_image_get_gicon (image)))[0]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_icon_names (child, names);
}

static void
assert_icon_loads (GtkWidget  *window,
                   const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (window));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    g_error ("the icon “%s” is not in the icon theme “%s”", name, gtk_icon_theme_get_theme_name (theme));

  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, gtk_widget_get_scale_factor (window),
                                     gtk_widget_get_direction (window), 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  /* An icon whose files GTK cannot read (an SVG with no SVG loader) is looked up as
   * "image-missing"; a symbolic name may be drawn from the full-colour icon. */
  basename = g_file_get_basename (file);
  stem = g_strndup (name, g_str_has_suffix (name, "-symbolic") ? strlen (name) - strlen ("-symbolic")
                                                               : strlen (name));
  if (!g_str_has_prefix (basename, stem))
    g_error ("the icon “%s” is drawn as %s: none of its files can be read", name, uri);
  texture = gdk_texture_new_from_file (file, &error);
  if (texture == NULL)
    g_error ("the icon “%s” (%s) does not load: %s", name, uri, error->message);
  g_test_message ("%s: %s", name, uri);
}

static void
test_window_icons_load (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;

  collect_icon_names (GTK_WIDGET (window), names);
  /* The header bar's buttons, the pencils of the case card's rows, the arrow of its
   * expander and the opinion's search: a window without them is not this window. */
  g_assert_cmpuint (g_hash_table_size (names), >=, 4);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    assert_icon_loads (GTK_WIDGET (window), name);

  cb_test_destroy_window (window);
}

/* Casebrief's own icon, where the window shows it (a window with nothing open yet, the
 * About window), from the program as built: not only once installed. */
static void
test_application_icon_loads (void)
{
  g_autoptr(CbApplication) app = cb_application_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  CbWindow *window;

  /* Registered, as it is when it runs: its start-up sets up what it shows. */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = cb_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_spin (300);
  g_assert_null (cb_window_get_brief (window));

  collect_icon_names (GTK_WIDGET (window), names);
  g_assert_true (g_hash_table_contains (names, APPLICATION_ID "-symbolic"));
  assert_icon_loads (GTK_WIDGET (window), APPLICATION_ID "-symbolic");
  /* The About window's, and the desktop's for the window. */
  assert_icon_loads (GTK_WIDGET (window), APPLICATION_ID);

  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/icons/window", test_window_icons_load);
  g_test_add_func ("/icons/application", test_application_icon_loads);

  return g_test_run ();
}
