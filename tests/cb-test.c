/* Test helpers every test may use, with no display: running programs as a user runs
 * them, waiting on the main loop, reading and removing what a test wrote. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cb-test.h"

/**
 * cb_test_run:
 * @workdir: (nullable): the directory to run in, or the current one
 * @env: (nullable) (array zero-terminated=1): "NAME=VALUE" settings on top of the
 *   test's environment
 * @argv: the program, searched for in PATH, and its arguments
 * @out: (out) (optional): what it printed on standard output
 * @err: (out) (optional): what it printed on standard error
 *
 * Runs a program as on a machine without a display: DISPLAY and WAYLAND_DISPLAY are
 * unset, so a command that would open a window fails instead of passing by chance.
 * The test fails if the program cannot start or does not exit by itself.
 *
 * Returns: its exit status
 */
int
cb_test_run (const char         *workdir,
             const char * const *env,
             const char * const *argv,
             char              **out,
             char              **err)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) setting = g_strsplit (env[i], "=", 2);

      g_assert_nonnull (setting[1]);
      envp = g_environ_setenv (envp, setting[0], setting[1], TRUE);
    }

  g_spawn_sync (workdir, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/**
 * cb_test_run_casebrief:
 * @workdir: (nullable): the directory to run in, or the current one
 * @args: the arguments after the program's name
 * @out: (out) (optional): what it printed on standard output
 * @err: (out) (optional): what it printed on standard error
 *
 * Runs the built casebrief (the CASEBRIEF environment variable) as cb_test_run() runs
 * a program.
 *
 * Returns: its exit status
 */
int
cb_test_run_casebrief (const char         *workdir,
                       const char * const *args,
                       char              **out,
                       char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_assert_nonnull (g_getenv ("CASEBRIEF"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEBRIEF"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return cb_test_run (workdir, NULL, (const char * const *) argv->pdata, out, err);
}

/* Runs the main loop until @done holds or the clock reaches @deadline. */
static gboolean
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data,
               gint64     deadline)
{
  while (!(done != NULL && done (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return done != NULL && done (data);
}

/**
 * cb_test_wait_until:
 * @done: the condition
 * @data: its argument
 *
 * Runs the main loop until @done holds, and fails the test if it does not within
 * thirty seconds (machines under load, and sanitized builds, are slow; a correct
 * program is not that slow).
 */
void
cb_test_wait_until (gboolean (*done) (gpointer data),
                    gpointer   data)
{
  g_assert_true (iterate_until (done, data, g_get_monotonic_time () + 30 * G_USEC_PER_SEC));
}

/**
 * cb_test_spin:
 * @msec: how long
 *
 * Runs the main loop for @msec milliseconds, for what has no state to wait on: a
 * frame to be drawn, a delay that must pass without something happening.
 */
void
cb_test_spin (guint msec)
{
  iterate_until (NULL, NULL, g_get_monotonic_time () + (gint64) msec * 1000);
}

/**
 * cb_test_remove_tree:
 * @path: a folder a test made
 *
 * Removes @path and everything in it.
 */
void
cb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cb_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * cb_test_dup_contents:
 * @path: a file
 *
 * Returns: (transfer full): what @path holds; the test fails if it cannot be read
 */
char *
cb_test_dup_contents (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cb_test_list_dir:
 * @path: a folder
 *
 * Returns: (transfer full): the names in @path, sorted, joined by spaces
 */
char *
cb_test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/**
 * cb_test_run_clear:
 * @run: what a run gave
 *
 * Frees what @run holds.
 */
void
cb_test_run_clear (CbTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * cb_test_import_opinion:
 * @path: an opinion's file, relative to the source tree
 *
 * Returns: (transfer full): the opinion imported; the test fails if it is refused
 */
CbOpinion *
cb_test_import_opinion (const char *path)
{
  g_autofree char *full = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  g_autoptr(GError) error = NULL;
  CbOpinion *opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opinion);
  return opinion;
}

/**
 * cb_test_text_at:
 * @opinion: an opinion
 * @offset: an offset in characters of its text
 *
 * Returns: (transfer none): the opinion's text from @offset on
 */
const char *
cb_test_text_at (CbOpinion *opinion,
                 gsize      offset)
{
  return g_utf8_offset_to_pointer (cb_opinion_get_text (opinion), offset);
}

/**
 * cb_test_cite_quote:
 * @opinion: an opinion
 * @quote: a passage of its text
 * @citation: the opinion's citation, as a student types it
 * @style: how the pin cite is written
 *
 * Returns: (transfer full): the pin cite of the first @quote; the test fails if the
 *   passage is not in the opinion
 */
char *
cb_test_cite_quote (CbOpinion   *opinion,
                    const char  *quote,
                    const char  *citation,
                    CbCiteStyle  style)
{
  gsize start, end;

  if (!cb_opinion_find_quote (opinion, quote, 0, &start, &end))
    g_error ("quote not found: %s", quote);
  return cb_opinion_pin_cite (opinion, start, end, citation, style);
}

/**
 * cb_test_assert_valid:
 * @document: an XML document
 * @schema: a RELAX NG schema, relative to the source tree
 *
 * Fails the test unless xmllint finds @document valid against @schema, as the data
 * tests check files.
 */
void
cb_test_assert_valid (GBytes     *document,
                      const char *schema)
{
  g_autofree char *rng = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), schema, NULL);
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", rng, NULL, NULL };
  int fd = g_file_open_tmp ("cb-valid-XXXXXX.xml", &path, &error);
  int status = 0;

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &error);
  g_assert_no_error (error);
  argv[4] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_unlink (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("The document is not valid against %s: %s", schema, err);
}
