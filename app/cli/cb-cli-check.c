#define G_LOG_DOMAIN "cb-cli-check"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-check.h"
#include "cb-cli.h"

/**
 * cb_cli_check:
 * @argc: argument count, from "check" on
 * @argv: arguments
 *
 * `casebrief check [--csv] BRIEF…`: prints one row per brief saying whether it is
 * complete and, when not, what is missing. Every file is checked even when some cannot
 * be read; rows come in the order of the arguments.
 *
 * Returns: 0 when every brief is complete, 1 when any is incomplete, 2 when any file
 *   cannot be read or the command is malformed
 */
int
cb_cli_check (int    argc,
              char **argv)
{
  gboolean csv = FALSE;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Print CSV for a spreadsheet instead of a table"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("BRIEF…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  context = g_option_context_new (_("— report which briefs are complete"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("A brief is complete when every required section has content, no section is over\n"
      "its word limit, no section the template asks to have the student's own words\n"
      "holds only quotations, every excerpt is still found in the opinion (an orphaned\n"
      "excerpt's pin cite cannot be trusted), the brief names its citation and every\n"
      "quotation has its pin cite, and the embedded opinion was not edited by hand.\n"
      "Excerpts that need review are reported but do not make a brief incomplete.\n"
      "\n"
      "Exit status: 0 when every brief is complete, 1 when any is incomplete,\n"
      "2 when any file cannot be read (the others are still checked).\n"));
  /* The usage line names the command, not only the program. */
  g_set_prgname ("casebrief check");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("casebrief: %s\n", error->message);
      return 2;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("casebrief: %s\n", _("check needs at least one brief file (see casebrief check --help)"));
      return 2;
    }

  reports = cb_check_files ((const char * const *) paths, NULL);
  output = csv ? cb_check_format_csv (reports) : cb_check_format_table (reports);
  g_print ("%s", output);

  for (guint i = 0; i < reports->len; i++)
    {
      const CbCheckReport *report = g_ptr_array_index (reports, i);

      if (report->status == CB_CHECK_UNREADABLE)
        status = 2;
      else if (report->status == CB_CHECK_INCOMPLETE && status == 0)
        status = 1;
    }
  return status;
}
