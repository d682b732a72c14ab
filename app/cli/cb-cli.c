#define G_LOG_DOMAIN "cb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-cli.h"

/* Each batch command lives in its own cb-cli-NAME.c. */
static const struct {
  const char *name;
  CbCliCommand run;
} commands[] = {
  { "inspect", cb_cli_inspect },
  { "check", cb_cli_check },
  { "new", cb_cli_new },
  { "export", cb_cli_export },
  /* Run by the window and the other commands, never by people: see cb-pdf-helper.c. */
  { "read-pdf", cb_cli_read_pdf },
  { NULL, NULL },
};

static CbCliCommand
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].name != NULL && g_strcmp0 (commands[i].name, name) == 0)
      return commands[i].run;
  return NULL;
}

/**
 * cb_cli_is_command:
 * @name: (nullable): the first command-line argument
 *
 * Returns: whether @name names a batch command rather than a file to open
 */
gboolean
cb_cli_is_command (const char *name)
{
  return name != NULL && find_command (name) != NULL;
}

/**
 * cb_cli_run:
 * @argc: argument count, from the command name on
 * @argv: arguments; argv[0] is the command name
 *
 * Runs a batch command. It never opens a display.
 *
 * Returns: the process exit status
 */
int
cb_cli_run (int    argc,
            char **argv)
{
  CbCliCommand run;

  g_return_val_if_fail (argc > 0, 2);

  run = find_command (argv[0]);
  if (run == NULL)
    {
      g_printerr (_("casebrief: unknown command “%s”\n"), argv[0]);
      return 2;
    }
  return run (argc, argv);
}
