#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-brief-view.h"
#include "cb-core.h"
#include "cb-preferences-window.h"
#include "cb-section-editor.h"
#include "cb-test-ui.h"
#include "cb-window.h"

/* Casebrief in Spanish, as a student with a Spanish desktop sees it: the window, the
 * built-in template's sections and prompts, the preferences; and the command line in
 * French. The translations are the ones built in the build tree (CASEBRIEF_LOCALEDIR).
 *
 * The language is chosen with LANGUAGE under the C.UTF-8 locale, which every glibc
 * system has: gettext ignores LANGUAGE only under the plain "C" locale, so no Spanish
 * locale needs to be generated for the messages to be Spanish. */

static void
test_window_in_spanish (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBriefView *view = cb_window_get_brief_view (window);
  const char *titles[] = { "Hechos", "Cuestión jurídica", "Decisión", "Fundamentos" };
  CbSectionEditor *facts;

  /* The opinion file has no case name: the brief is untitled, and not saved yet. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Resumen sin título");

  g_assert_cmpuint (cb_brief_view_get_n_sections (view), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      CbSectionEditor *editor = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (view, i));
      g_assert_cmpstr (cb_section_editor_get_title (editor), ==, titles[i]);
    }

  /* The built-in template's prompts, and the word count, are Spanish too. */
  facts = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (view, 0));
  g_assert_true (g_str_has_prefix (cb_section_get_prompt (cb_section_editor_get_section (facts)),
                                   "¿Quiénes son las partes"));
  g_assert_cmpstr (cb_section_editor_get_word_count_label (facts), ==, "0 / 200 palabras");

  cb_test_destroy_window (window);
}

static void
test_preferences_in_spanish (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window = GTK_WINDOW (cb_preferences_window_new (settings));

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Preferencias");
  g_assert_nonnull (cb_test_find_row (GTK_WIDGET (window), "Tamaño del _papel"));
  g_assert_nonnull (cb_test_find_row (GTK_WIDGET (window), "_Nombre del estudiante"));
  gtk_window_destroy (window);
}

/* The command line speaks the user's language too. */
static void
test_command_line_in_french (void)
{
  const char *argv[] = { g_getenv ("CASEBRIEF"), "new", "--help", NULL };
  const char *env[] = { "LANGUAGE=fr", "LC_ALL=C.UTF-8", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cb_test_run (NULL, env, argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "créer un devoir de fiche d’arrêt pour les étudiants"));
  g_assert_nonnull (strstr (out, "Le cours auquel le devoir est destiné"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "es", TRUE);
  cb_test_ui_init (&argc, &argv);
  cb_i18n_init ();

  g_test_add_func ("/translations/window-in-spanish", test_window_in_spanish);
  g_test_add_func ("/translations/preferences-in-spanish", test_preferences_in_spanish);
  g_test_add_func ("/translations/command-line-in-french", test_command_line_in_french);

  return g_test_run ();
}
