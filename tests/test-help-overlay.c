#include "config.h"

#include <gtk/gtk.h>

typedef struct
{
  const char *title;
  const char *accelerator;
} Expected;

/* What a student finds in Keyboard Shortcuts, by title. */
static const Expected expected[] = {
  { "Open", "<Control>o" },
  { "New brief", "<Control>n" },
  { "Save", "<Control>s" },
  { "Save as", "<Control><Shift>s" },
  { "Print", "<Control>p" },
  { "Export as PDF", "<Control><Shift>e" },
  { "Keyboard shortcuts", "<Control>question" },
  { "Preferences", "<Control>comma" },
  { "Close window", "<Control>w" },
  { "Quit", "<Control>q" },
  { "Find in the opinion", "<Control>f" },
  { "Next match", "Return <Control>g" },
  { "Previous match", "<Shift>Return <Control><Shift>g" },
  { "Add the selection to section 1 to 9", "<Control>1...<Control>9" },
  { "Italic", "<Control>i" },
  { "Bold", "<Control>b" },
  { "Undo", "<Control>z" },
  { "Redo", "<Control><Shift>z" },
  { "Remove the selected excerpt", "Delete" },
  { "Show the quotation at the cursor in the opinion", "Return" },
  { "Find in the brief", "<Control>f" },
};

static void
collect (GtkWidget  *widget,
         GType       type,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static void
assert_accelerator_parses (const char *accelerator)
{
  g_auto(GStrv) alternatives = g_strsplit (accelerator, " ", -1);

  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (alternatives[i], "...", -1);

      for (guint j = 0; ends[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          if (!gtk_accelerator_parse (ends[j], &key, &mods) || key == 0)
            g_error ("“%s” in “%s” is not an accelerator", ends[j], accelerator);
        }
    }
}

static void
test_help_overlay_lists_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  const char *section_titles[] = { "General", "Opinion", "Brief" };

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  collect (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SECTION, sections);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (section_titles));
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *title = NULL;

      g_object_get (sections->pdata[i], "title", &title, NULL);
      g_assert_cmpstr (title, ==, section_titles[i]);
    }

  /* Within the sections only: the window's search page holds copies. */
  for (guint i = 0; i < sections->len; i++)
    collect (sections->pdata[i], GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  g_assert_cmpuint (shortcuts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, "accelerator", &accelerator, NULL);
      g_assert_cmpstr (title, ==, expected[i].title);
      g_assert_cmpstr (accelerator, ==, expected[i].accelerator);
      assert_accelerator_parses (accelerator);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  gboolean *checked = user_data;
  GtkWidget *window = gtk_application_window_new (app);

  /* GtkApplication found gtk/help-overlay.ui under the resource base path. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  *checked = TRUE;

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help_overlay_reaches_windows (void)
{
  g_autoptr(GtkApplication) app = NULL;
  gboolean checked = FALSE;

  app = g_object_new (GTK_TYPE_APPLICATION,
                      "application-id", APPLICATION_ID ".HelpOverlayTest",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_PREFIX,
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &checked);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (checked);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/help-overlay/lists-shortcuts", test_help_overlay_lists_shortcuts);
  g_test_add_func ("/help-overlay/reaches-windows", test_help_overlay_reaches_windows);

  return g_test_run ();
}
