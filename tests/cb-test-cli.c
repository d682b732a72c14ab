#include "config.h"

#include <sys/wait.h>

#include "cb-test-cli.h"

/**
 * cb_test_run_casebrief:
 * @workdir: (nullable): the directory to run in, or the current one
 * @args: the arguments after the program's name
 * @out: (out) (optional): what it printed on standard output
 * @err: (out) (optional): what it printed on standard error
 *
 * Runs the built casebrief (the CASEBRIEF environment variable), as a user runs it.
 *
 * Returns: its exit status, or -1 if it did not exit
 */
int
cb_test_run_casebrief (const char         *workdir,
                       const char * const *args,
                       char              **out,
                       char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEBRIEF"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (workdir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}
