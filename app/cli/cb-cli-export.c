#define G_LOG_DOMAIN "cb-cli-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-brief-export.h"
#include "cb-brief-renderer.h"
#include "cb-brief.h"
#include "cb-cli.h"
#include "cb-file-io.h"

/**
 * cb_cli_export:
 * @argc: argument count; argv[0] is "export"
 * @argv: arguments
 *
 * Runs `casebrief export --pdf OUT.pdf BRIEF [--paper a4|letter]`: typesets the brief
 * as it prints and writes the PDF, never touching a display. On failure it prints one
 * line, "casebrief: FILE: reason", and leaves no partial output file.
 *
 * Returns: 0 on success, 1 when the brief cannot be read or the PDF written, 2 on a
 *   malformed command line
 */
int
cb_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GFile) brief_file = NULL;
  g_autoptr(GFile) pdf_file = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *style_name = NULL;
  g_auto(GStrv) args = NULL;
  CbPaper paper = cb_paper_get_default ();
  CbPageGeometry geometry;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the brief as PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 or letter (default: the locale’s)"), N_("SIZE") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("Pin cite style: bluebook (474 U.S. at 347, the default) or supreme-court (474 U.S., at 347)"), N_("STYLE") },
    { NULL }
  };

  context = g_option_context_new (_("BRIEF — typeset a brief as PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  /* The usage line names the command, not only the program. */
  g_set_prgname ("casebrief export");

  /* g_option_context_parse_strv() edits the array, so parse a copy. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("casebrief: export: %s\n", error->message);
      return 2;
    }
  if (pdf_path == NULL || g_strv_length (args) != 2)
    {
      g_printerr ("casebrief: export: %s\n",
                  _("usage: casebrief export --pdf OUT.pdf BRIEF [--paper a4|letter]"));
      return 2;
    }
  if (paper_name != NULL && !cb_paper_from_string (paper_name, &paper))
    {
      g_printerr ("casebrief: export: %s\n", _("--paper must be a4 or letter"));
      return 2;
    }

  if (style_name != NULL && !g_str_equal (style_name, "bluebook") && !g_str_equal (style_name, "supreme-court"))
    {
      g_printerr ("casebrief: export: %s\n", _("--style must be bluebook or supreme-court"));
      return 2;
    }

  brief_file = g_file_new_for_commandline_arg (args[1]);
  pdf_file = g_file_new_for_commandline_arg (pdf_path);
  /* Refused by identity, so a link or another spelling of the brief's name is caught. */
  if (cb_file_is_same (pdf_file, brief_file))
    {
      g_autofree char *out = g_filename_display_name (pdf_path);
      g_autofree char *in = g_filename_display_name (args[1]);

      g_autofree char *message = g_strdup_printf (_("%s is the same file as %s; give the PDF another name"),
                                                  out, in);

      cb_cli_fail (message);
      return 1;
    }
  brief = cb_brief_load_file (brief_file, NULL, &error);
  if (brief == NULL)
    {
      g_autofree char *basename = g_file_get_basename (brief_file);

      /* Most load errors begin with the file's name already. */
      if (g_str_has_prefix (error->message, basename))
        cb_cli_fail (error->message);
      else
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", args[1], error->message);

          cb_cli_fail (message);
        }
      return 1;
    }

  if (g_strcmp0 (style_name, "supreme-court") == 0)
    cb_brief_set_cite_style (brief, CB_CITE_STYLE_SUPREME_COURT);

  cb_page_geometry_init_paper (&geometry, paper);
  if (!cb_brief_export_pdf (brief, pdf_file, &geometry, NULL, &error))
    {
      /* The message is the file's name and the reason. */
      cb_cli_fail (error->message);
      return 1;
    }
  return 0;
}
