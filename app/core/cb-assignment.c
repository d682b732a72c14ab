#define G_LOG_DOMAIN "cb-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-assignment.h"
#include "cb-error.h"

/* An assignment is a brief a professor hands out: the opinion embedded, every section
 * of the template empty, and the professor's details locked. The command line and the
 * Create Assignment window both make them here, so they write the same file. */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/**
 * cb_assignment_is_valid_date:
 * @text: (nullable): a date as typed
 *
 * Checks that @text is a calendar date written YYYY-MM-DD, the form a due date is
 * stored in ("2026-12-01"; not "2026-02-30", not "1/12/2026").
 *
 * Returns: whether @text is such a date
 */
gboolean
cb_assignment_is_valid_date (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  parts = g_strsplit (text, "-", 3);
  return g_date_valid_dmy ((GDateDay) g_ascii_strtoull (parts[2], NULL, 10),
                           (GDateMonth) g_ascii_strtoull (parts[1], NULL, 10),
                           (GDateYear) g_ascii_strtoull (parts[0], NULL, 10));
}

/**
 * cb_assignment_new:
 * @template: the template whose sections the student fills in
 * @opinion: the opinion to brief, embedded in the brief
 * @course: (nullable): the course, or %NULL or "" for none
 * @due_date: (nullable): the due date, YYYY-MM-DD, or %NULL or "" for none
 * @instructions: (nullable): instructions shown to the student, or %NULL or "" for none
 * @error: return location for a %CB_ERROR_INVALID error when @due_date is not a date
 *
 * Makes an assignment: a new brief from @template on @opinion with every section
 * empty. When any of course, due date or instructions is given they are the
 * assignment's details and the brief is locked, so editors show them read-only.
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_assignment_new (CbTemplate  *template,
                   CbOpinion   *opinion,
                   const char  *course,
                   const char  *due_date,
                   const char  *instructions,
                   GError     **error)
{
  g_autoptr(CbBrief) brief = NULL;

  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (CB_IS_OPINION (opinion), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_blank (due_date) && !cb_assignment_is_valid_date (due_date))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), due_date);
      return NULL;
    }

  brief = cb_brief_new (template, opinion);
  if (!is_blank (course))
    cb_brief_set_course (brief, course);
  if (!is_blank (due_date))
    cb_brief_set_due_date (brief, due_date);
  if (!is_blank (instructions))
    cb_brief_set_assignment_instructions (brief, instructions);
  /* What the professor set is the assignment; the student fills in the rest. */
  if (!is_blank (course) || !is_blank (due_date) || !is_blank (instructions))
    cb_brief_set_locked (brief, TRUE);
  return g_steal_pointer (&brief);
}
