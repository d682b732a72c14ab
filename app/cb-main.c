#define G_LOG_DOMAIN "cb-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cb-application.h"
#include "cb-cli.h"
#include "cb-main.h"
#include "cb-profile.h"

/**
 * cb_i18n_init:
 *
 * Sets the locale from the environment and binds Casebrief's messages: from the
 * installed translations, or, when CASEBRIEF_LOCALEDIR is set (as for a program run from
 * its build directory), from the translations built there.
 */
void
cb_i18n_init (void)
{
  const char *localedir = g_getenv ("CASEBRIEF_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * cb_main:
 * @argc: argument count
 * @argv: arguments
 *
 * Runs Casebrief: the window, or a batch command when the first argument names one.
 *
 * Returns: the exit status
 */
int
cb_main (int   argc,
         char *argv[])
{
  g_autoptr(CbApplication) app = NULL;

  cb_profile_init ();
  cb_i18n_init ();
  /* GTK writes the list of recent files under this name. */
  g_set_application_name (_("Casebrief"));

  /* Batch commands run without a display and never start the application. */
  if (argc > 1 && cb_cli_is_command (argv[1]))
    return cb_cli_run (argc - 1, argv + 1);

  app = cb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
