#define G_LOG_DOMAIN "cb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-cli.h"

/* Each batch command lives in its own cb-cli-NAME.c; --help lists those with a summary. */
static const struct {
  const char *name;
  CbCliCommand run;
  const char *summary;
} commands[] = {
  { "new", cb_cli_new, N_("Make an assignment: a brief of an opinion with its sections empty") },
  { "check", cb_cli_check, N_("Report which briefs are complete, as a table or CSV") },
  { "export", cb_cli_export, N_("Typeset a brief as PDF") },
  { "inspect", cb_cli_inspect, N_("Show what Casebrief reads from an opinion, and pin cites") },
  { "help", cb_cli_help, N_("Show this help, or a command’s: casebrief help COMMAND") },
  { NULL, NULL, NULL },
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
      g_autofree char *message = g_strdup_printf (_("unknown command “%s” (see casebrief --help)"), argv[0]);

      cb_cli_fail (message);
      return 2;
    }
  return run (argc, argv);
}

/**
 * cb_cli_help:
 * @argc: argument count, from "help" on, or 0
 * @argv: (nullable): arguments
 *
 * `casebrief help`, `casebrief --help`: what casebrief does, the commands and the
 * options, on stdout. `casebrief help COMMAND` shows the command's own help. Neither
 * needs a display, the settings or a running instance.
 *
 * Returns: 0, or 2 for a command that does not exist
 */
int
cb_cli_help (int    argc,
             char **argv)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (argc > 1)
    {
      char *help_argv[] = { argv[1], (char *) "--help", NULL };
      CbCliCommand run = find_command (argv[1]);

      if (run == NULL || run == cb_cli_help)
        {
          g_autofree char *message = g_strdup_printf (_("unknown command “%s” (see casebrief --help)"), argv[1]);

          cb_cli_fail (message);
          return 2;
        }
      return run (2, help_argv);
    }

  g_string_append_printf (out, "%s\n  casebrief [%s…]\n  casebrief %s [%s…]\n\n", _("Usage:"), _("FILE"),
                          _("COMMAND"), _("OPTION"));
  g_string_append_printf (out, "%s\n\n",
                          _("Write case briefs beside the opinion, with exact pin cites.\n"
                            "\n"
                            "With files, or none, Casebrief opens its window: an opinion (plain text,\n"
                            "HTML, casebody XML or PDF) beside a new brief, a .brief as it was saved,\n"
                            "a .brieftemplate to start a brief from. A command runs without a display."));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    if (commands[i].summary != NULL)
      g_string_append_printf (out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (out, "\n%s\n", _("Options:"));
  g_string_append_printf (out, "  %-14s %s\n", "-h, --help", _("Show this help"));
  g_string_append_printf (out, "  %-14s %s\n", "--version", _("Show the version"));
  g_string_append_printf (out, "\n%s\n", _("Each command takes --help for its own options."));
  g_print ("%s", out->str);
  return 0;
}

/**
 * cb_cli_version:
 *
 * `casebrief --version`: the name and version, on stdout.
 *
 * Returns: 0
 */
int
cb_cli_version (void)
{
  g_print ("casebrief %s\n", PACKAGE_VERSION);
  return 0;
}

/* The bidirectional embeddings, overrides and isolates: they reorder what follows
 * them on a terminal, so a name could show as something it is not. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
}

/**
 * cb_cli_printable:
 * @text: (nullable): text that came from a file, for a terminal
 * @max_chars: the most characters to show, 0 for all
 *
 * What a terminal may be shown of text that anyone could have written: control
 * characters (an escape sequence could retitle the window or move the cursor, a line
 * break would split a row) and bidirectional controls become spaces, bytes that are
 * not UTF-8 become U+FFFD, and a text longer than @max_chars is cut at a character
 * and ends with "…".
 *
 * Returns: (transfer full): the text to print
 */
char *
cb_cli_printable (const char *text,
                  gsize       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));
  gsize n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || is_bidi_control (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * cb_cli_fail:
 * @message: what went wrong; it may hold names and text from files
 *
 * Prints the one line a failed command ends with, "casebrief: MESSAGE", with
 * @message made printable as cb_cli_printable() does.
 */
void
cb_cli_fail (const char *message)
{
  g_autofree char *printable = cb_cli_printable (message, 0);

  g_printerr ("casebrief: %s\n", printable);
}
