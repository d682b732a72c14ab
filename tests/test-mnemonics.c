#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-brief-view.h"
#include "cb-context-menu.h"
#include "cb-core.h"
#include "cb-opinion-view.h"
#include "cb-preferences-window.h"
#include "cb-save-changes-dialog.h"
#include "cb-section-editor.h"
#include "cb-template-editor.h"
#include "cb-test-ui.h"
#include "cb-window.h"

/* A mnemonic is a key that reaches one thing: two items of one menu, two controls of one
 * window or two buttons of one dialog that underline the same letter make the key
 * ambiguous. Checked in every language the app speaks, on the real menus, windows and
 * dialogs: the main window's menus and the text views' context menus, the Preferences,
 * the main window, the template editor, the question asked before closing.
 *
 * The language changes as the test runs: LANGUAGE, under the C.UTF-8 locale, and the
 * counter that tells glibc's gettext to forget the translations it had looked up. */

extern int _nl_msg_cat_cntr;

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  _nl_msg_cat_cntr++;
}

/* The key a label's mnemonic is on, or 0: "Save _As…" → 'a'. */
static gunichar
mnemonic_of (const char *label)
{
  for (const char *p = label; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p != '_')
        continue;
      if (p[1] == '_')
        {
          p++;
          continue;
        }
      if (p[1] != '\0')
        return g_unichar_tolower (g_utf8_get_char (p + 1));
    }
  return 0;
}

typedef struct
{
  GHashTable *keys;   /* gunichar → what the key reaches, to tell it apart */
  GHashTable *labels; /* gunichar → the first label seen on it */
  GString *clashes;
  const char *where;
} Keys;

static void
keys_init (Keys       *keys,
           GString    *clashes,
           const char *where)
{
  keys->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  keys->labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  keys->clashes = clashes;
  keys->where = where;
}

static void
keys_clear (Keys *keys)
{
  g_hash_table_unref (keys->keys);
  g_hash_table_unref (keys->labels);
}

/* @label reaches @target (two labels of one control, or two buttons of one action, are
 * one thing). */
static void
keys_add (Keys       *keys,
          const char *label,
          const char *target)
{
  gunichar key = mnemonic_of (label);
  const char *seen;

  if (key == 0)
    return;
  seen = g_hash_table_lookup (keys->keys, GUINT_TO_POINTER (key));
  if (seen == NULL)
    {
      g_hash_table_insert (keys->keys, GUINT_TO_POINTER (key), g_strdup (target));
      g_hash_table_insert (keys->labels, GUINT_TO_POINTER (key), g_strdup (label));
    }
  else if (!g_str_equal (seen, target))
    g_string_append_printf (keys->clashes, "\n  %s (%s): “%s” and “%s”", keys->where, g_getenv ("LANGUAGE"),
                            (const char *) g_hash_table_lookup (keys->labels, GUINT_TO_POINTER (key)), label);
}

/* A menu: its items and those of its sections; each submenu is a menu of its own. */
static void check_menu (GMenuModel *menu, const char *where, GString *clashes);

static void
collect_menu (GMenuModel *menu,
              Keys       *keys,
              const char *where,
              GString    *clashes)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      if (label != NULL)
        {
          g_autofree char *what = g_strdup_printf ("%s %s", action ? action : label,
                                                   target ? g_variant_print (target, FALSE) : "");
          keys_add (keys, label, what);
        }
      if (section != NULL)
        collect_menu (section, keys, where, clashes);
      if (submenu != NULL)
        {
          g_autofree char *sub = g_strdup_printf ("%s ▸ %s", where, label);
          check_menu (submenu, sub, clashes);
        }
    }
}

static void
check_menu (GMenuModel *menu,
            const char *where,
            GString    *clashes)
{
  Keys keys;

  keys_init (&keys, clashes, where);
  collect_menu (menu, &keys, where, clashes);
  keys_clear (&keys);
}

/* What a label or button underlines reaches: its mnemonic widget, a button's action. */
static char *
target_of (GtkLabel *label)
{
  GtkWidget *target = gtk_label_get_mnemonic_widget (label);

  if (target == NULL)
    target = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  if (target == NULL)
    target = GTK_WIDGET (label);
  if (GTK_IS_ACTIONABLE (target) && gtk_actionable_get_action_name (GTK_ACTIONABLE (target)) != NULL)
    return g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (target)));
  return g_strdup_printf ("%p", target);
}

static void
collect_window (GtkWidget *widget,
                Keys      *keys)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      g_autofree char *target = target_of (GTK_LABEL (widget));

      keys_add (keys, gtk_label_get_label (GTK_LABEL (widget)), target);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      collect_window (child, keys);
}

/* The controls a window shows at once. */
static void
check_window (GtkWindow  *window,
              const char *where,
              GString    *clashes)
{
  Keys keys;

  keys_init (&keys, clashes, where);
  collect_window (GTK_WIDGET (window), &keys);
  keys_clear (&keys);
}

/* The menu a right click on @view opens. */
static GMenuModel *
context_menu (GtkTextView *view)
{
  GtkWidget *popover = cb_context_menu_get (view);

  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
}

/* The menus of the menu buttons in @root. */
static void
collect_menu_buttons (GtkWidget *root,
                      GPtrArray *menus)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL)
        g_ptr_array_add (menus, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)));
      collect_menu_buttons (child, menus);
    }
}

static void
check_menu_buttons (GtkWidget  *root,
                    const char *where,
                    GString    *clashes)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();

  collect_menu_buttons (root, menus);
  g_assert_cmpuint (menus->len, >, 0);
  for (guint i = 0; i < menus->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s, menu %u", where, i + 1);

      check_menu (g_ptr_array_index (menus, i), what, clashes);
    }
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
has_no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
asked_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  cb_save_changes_dialog_run_finish (result, NULL);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The question asked before @windows close, its buttons. */
static void
check_save_changes (GtkWindow  *parent,
                    GPtrArray  *windows,
                    const char *where,
                    GString    *clashes)
{
  GtkWindow *dialog;
  gboolean done = FALSE;

  cb_save_changes_dialog_run_async (parent, windows, NULL, asked_cb, &done);
  cb_test_wait_until (has_message_dialog, NULL);
  dialog = find_message_dialog ();
  cb_test_spin (100);
  check_window (dialog, where, clashes);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  cb_test_wait_until (is_true, &done);
  /* Gone, as a click on Cancel closes it, before the next question is looked for. */
  gtk_window_destroy (dialog);
  cb_test_wait_until (has_no_message_dialog, NULL);
}

static void
check_language (const char *language,
                GString    *clashes)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CbWindow *window, *other;
  GtkWindow *preferences, *editor;
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  CbSectionEditor *section;

  use_language (language);
  window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  check_window (GTK_WINDOW (window), "the main window", clashes);
  /* New Brief and the main menu. */
  check_menu_buttons (GTK_WIDGET (window), "the main window", clashes);

  /* The context menus of the opinion and of a section. */
  check_menu (context_menu (cb_opinion_view_get_text_view (cb_window_get_opinion_view (window))),
              "the opinion's menu", clashes);
  section = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 0));
  check_menu (context_menu (cb_section_editor_get_text_view (section)), "a section's menu", clashes);

  /* Before closing, one window with changes, then two. */
  cb_brief_set_student (cb_window_get_brief (window), "Jordan Avery, again");
  g_ptr_array_add (windows, window);
  check_save_changes (GTK_WINDOW (window), windows, "Save Changes?", clashes);
  other = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  g_ptr_array_add (windows, other);
  check_save_changes (GTK_WINDOW (window), windows, "Save Changes? for two windows", clashes);
  cb_test_destroy_window (other);

  preferences = GTK_WINDOW (cb_preferences_window_new (settings));
  gtk_window_present (preferences);
  cb_test_spin (200);
  check_window (preferences, "Preferences", clashes);
  gtk_window_destroy (preferences);

  editor = GTK_WINDOW (cb_template_editor_new (NULL, NULL));
  gtk_window_present (editor);
  cb_test_spin (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "template.add-section", NULL));
  cb_test_spin (200);
  check_window (editor, "the template editor", clashes);
  check_menu_buttons (GTK_WIDGET (editor), "the template editor", clashes);
  gtk_window_destroy (editor);

  cb_test_destroy_window (window);
}

static void
test_no_clashing_mnemonics (void)
{
  g_autoptr(GString) clashes = g_string_new (NULL);
  g_autofree char *linguas_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "po", "LINGUAS", NULL);
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;

  /* English, and every language po/LINGUAS lists. */
  check_language ("", clashes);
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0' && *lines[i] != '#')
        check_language (lines[i], clashes);
    }
  use_language ("");
  if (clashes->len > 0)
    g_error ("Mnemonics on the same key where one key should reach one thing:%s", clashes->str);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);
  cb_i18n_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/mnemonics/no-clashes", test_no_clashing_mnemonics);

  return g_test_run ();
}
