#define G_LOG_DOMAIN "cb-main"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-application.h"
#include "cb-cli.h"
#include "cb-core.h"
#include "cb-main.h"
#include "cb-profile.h"

/* Whether @arg asks for help or the version: those need no window. */
static int
help_or_version (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
          g_str_equal (argv[i], "--help-all"))
        return cb_cli_help (0, NULL);
      if (g_str_equal (argv[i], "--version"))
        return cb_cli_version ();
    }
  return -1;
}

/* A word that is no command and names no file, a file that is not there, an option
 * Casebrief does not have: one line on stderr, before any window opens (or, with
 * Casebrief running, before the running window is asked to open nothing). */
static int
check_arguments (int    argc,
                 char **argv)
{
  gboolean options = TRUE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autoptr(GFile) file = NULL;
      g_autofree char *message = NULL;

      if (options && g_str_equal (arg, "--"))
        {
          options = FALSE;
          continue;
        }
      if (options && arg[0] == '-' && arg[1] != '\0')
        {
          /* GApplication's own, which D-Bus activation passes. */
          if (g_str_equal (arg, "--gapplication-service"))
            continue;
          message = g_strdup_printf (_("unknown option “%s” (see casebrief --help)"), arg);
          cb_cli_fail (message);
          return 2;
        }

      file = g_file_new_for_commandline_arg (arg);
      if (!g_file_is_native (file) || g_file_query_exists (file, NULL))
        continue;
      if (strchr (arg, '/') == NULL && strchr (arg, '.') == NULL)
        {
          message = g_strdup_printf (_("“%s” is no command and no file (see casebrief --help)"), arg);
          cb_cli_fail (message);
          return 2;
        }
      else
        {
          g_autofree char *display = g_filename_display_name (arg);

          message = g_strdup_printf (_("%s: no such file"), display);
        }
      cb_cli_fail (message);
      return 1;
    }
  return 0;
}

/* The window needs its settings; without their schema GSettings would abort. */
static gboolean
have_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL;
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
  int status;

  cb_profile_init ();
  cb_i18n_init ();
  /* GTK writes the list of recent files under this name. */
  g_set_application_name (_("Casebrief"));

  /* Batch commands run without a display and never start the application. */
  if (argc > 1 && cb_cli_is_command (argv[1]))
    return cb_cli_run (argc - 1, argv + 1);
  if ((status = help_or_version (argc, argv)) >= 0)
    return status;
  if ((status = check_arguments (argc, argv)) != 0)
    return status;
  if (!have_settings_schema ())
    {
      g_autofree char *message =
        g_strdup_printf (_("the settings of %s are not installed: install Casebrief, or start it with "
                           "build-aux/dev run"), APPLICATION_ID);

      cb_cli_fail (message);
      return 1;
    }

  app = cb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
