#define G_LOG_DOMAIN "cb-cli-new"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-assignment.h"
#include "cb-brief.h"
#include "cb-cli.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-opinion.h"
#include "cb-template-store.h"

/* Every failure is one line on stderr, so a script can show it as is; what came from
 * a file is made printable first. */
static void
fail (const char *message)
{
  cb_cli_fail (message);
}

static void
fail_exists (const char *output_path)
{
  g_autofree char *display = g_filename_display_name (output_path);
  g_autofree char *message = g_strdup_printf (_("%s exists; use --force to replace it"), display);

  fail (message);
}

/**
 * cb_cli_new:
 * @argc: argument count, from "new" on
 * @argv: arguments
 *
 * `casebrief new --template T --opinion O -o OUT.brief`: writes an assignment, a brief
 * with the opinion embedded and every section empty, for a professor to hand out.
 * Course, due date and instructions, when given, are stored as locked assignment details.
 *
 * Returns: 0 on success, 1 when the assignment cannot be made, 2 on a usage error
 */
int
cb_cli_new (int    argc,
            char **argv)
{
  g_autofree char *template_name = NULL;
  g_autofree char *opinion_path = NULL;
  g_autofree char *output_path = NULL;
  /* GOption hands string arguments over in UTF-8, converted from the locale's encoding;
   * file names stay in the file system's encoding. */
  g_autofree char *course = NULL;
  g_autofree char *due = NULL;
  g_autofree char *instructions = NULL;
  g_autofree char *student = NULL;
  g_autofree char *case_name = NULL;
  g_autofree char *citation = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &template_name,
      N_("A .brieftemplate file, or a template’s id: a built-in (default, classic, irac), your own or one installed for everyone"), N_("TEMPLATE") },
    { "opinion", 0, 0, G_OPTION_ARG_FILENAME, &opinion_path,
      N_("The opinion to brief (plain text, HTML, casebody XML or PDF)"), N_("OPINION") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Where to write the assignment"), N_("OUT.brief") },
    { "course", 0, 0, G_OPTION_ARG_STRING, &course,
      N_("The course the assignment is for"), N_("COURSE") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due,
      N_("The due date"), N_("YYYY-MM-DD") },
    { "instructions", 0, 0, G_OPTION_ARG_STRING, &instructions,
      N_("Instructions shown to the student"), N_("TEXT") },
    { "student", 0, 0, G_OPTION_ARG_STRING, &student,
      N_("The student the brief is for"), N_("NAME") },
    { "case", 0, 0, G_OPTION_ARG_STRING, &case_name,
      N_("The case name, e.g. “Davidson v. Cannon”"), N_("NAME") },
    { "citation", 0, 0, G_OPTION_ARG_STRING, &citation,
      N_("The citation pin cites name, e.g. “474 U.S. 344”; parallel citations separated by commas"),
      N_("CITATION") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT.brief if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GFile) opinion_file = NULL;
  g_autoptr(GFile) output = NULL;

  context = g_option_context_new (_("— make an assignment for students to brief"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Writes a brief with the opinion embedded and every section of the template empty.\n"
      "--course, --due and --instructions are stored as assignment details that the\n"
      "student cannot change. An existing OUT.brief is kept unless --force is given.\n"
      "\n"
      "Exit status: 0 when the assignment was written, 1 when it could not be,\n"
      "2 when the command is malformed.\n"));
  /* The usage line names the command, not only the program. */
  g_set_prgname ("casebrief new");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail (error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);
      fail (message);
      return 2;
    }
  if (template_name == NULL || opinion_path == NULL || output_path == NULL)
    {
      fail (_("new needs --template, --opinion and -o OUT.brief (see casebrief new --help)"));
      return 2;
    }
  if (due != NULL && !cb_assignment_is_valid_date (due))
    {
      g_autofree char *message = g_strdup_printf (_("--due “%s” is not a date of the form YYYY-MM-DD"), due);
      fail (message);
      return 2;
    }

  output = g_file_new_for_commandline_arg (output_path);
  /* An output that is one of the inputs (by identity, whatever its name) would be
   * lost to the assignment, --force or not. */
  {
    g_autoptr(GFile) opinion_input = g_file_new_for_commandline_arg (opinion_path);
    g_autoptr(GFile) template_input = g_file_new_for_commandline_arg (template_name);
    const char *input = NULL;

    if (cb_file_is_same (output, opinion_input))
      input = opinion_path;
    else if (cb_file_is_same (output, template_input))
      input = template_name;
    if (input != NULL)
      {
        g_autofree char *out = g_filename_display_name (output_path);
        g_autofree char *in = g_filename_display_name (input);
        g_autofree char *message = g_strdup_printf (_("%s is the same file as %s; give the assignment another name"),
                                                    out, in);

        fail (message);
        return 1;
      }
  }
  /* Refused before any work; the save below makes it hold. */
  if (!force && g_file_query_exists (output, NULL))
    {
      fail_exists (output_path);
      return 1;
    }

  template = cb_template_store_find (cb_template_store_get_default (), template_name, &error);
  if (template == NULL)
    {
      fail (error->message);
      return 1;
    }

  opinion_file = g_file_new_for_commandline_arg (opinion_path);
  opinion = cb_opinion_import_file (opinion_file, NULL, &error);
  if (opinion == NULL)
    {
      g_autofree char *message = NULL;

      /* GIO's own message spells out the full path; name the file as the user did. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *display = g_filename_display_name (opinion_path);

          message = g_strdup_printf (_("%s: no such file"), display);
        }
      fail (message != NULL ? message : error->message);
      return 1;
    }

  brief = cb_assignment_new (template, opinion, course, due, instructions, &error);
  if (brief == NULL)
    {
      fail (error->message);
      return 1;
    }
  if (case_name != NULL)
    cb_brief_set_case_name (brief, case_name);
  if (citation != NULL)
    cb_brief_set_citation (brief, g_strstrip (citation));
  if (student != NULL)
    cb_brief_set_student (brief, student);

  /* Without --force the save claims the name only if it is still free: a file that
   * appeared since the check above is not replaced either. */
  if (!cb_brief_save_file_full (brief, output, NULL, force ? CB_FILE_SAVE_NONE : CB_FILE_SAVE_NO_REPLACE,
                                NULL, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        fail_exists (output_path);
      else
        fail (error->message);
      return 1;
    }
  return 0;
}
