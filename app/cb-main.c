#define G_LOG_DOMAIN "cb-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cb-application.h"
#include "cb-cli.h"
#include "cb-main.h"
#include "cb-profile.h"

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
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Batch commands run without a display and never start the application. */
  if (argc > 1 && cb_cli_is_command (argv[1]))
    return cb_cli_run (argc - 1, argv + 1);

  app = cb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
