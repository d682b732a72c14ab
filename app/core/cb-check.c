#define G_LOG_DOMAIN "cb-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "cb-check.h"
#include "cb-core.h"

/* The most characters of a file name, student or case a row of the table shows; the
 * CSV gives them whole. */
#define TABLE_CELL_CHARS 60

typedef struct
{
  const char * const *paths;
  CbCheckReport **reports;
  GCancellable *cancellable;
} CheckJob;

G_DEFINE_BOXED_TYPE (CbCheckReport, cb_check_report, cb_check_report_copy, cb_check_report_free)

static CbCheckSection *
check_section_copy (const CbCheckSection *section)
{
  CbCheckSection *copy = g_new0 (CbCheckSection, 1);

  *copy = *section;
  copy->id = g_strdup (section->id);
  copy->title = g_strdup (section->title);
  return copy;
}

static void
check_section_free (CbCheckSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_free (section);
}

static CbCheckReport *
check_report_new (const char *file_name)
{
  CbCheckReport *report = g_new0 (CbCheckReport, 1);

  report->file_name = g_strdup (file_name);
  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) check_section_free);
  return report;
}

/**
 * cb_check_report_copy:
 * @report: a report
 *
 * Copies a report, for the boxed type.
 *
 * Returns: (transfer full): a deep copy of @report
 */
CbCheckReport *
cb_check_report_copy (const CbCheckReport *report)
{
  CbCheckReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = check_report_new (report->file_name);
  copy->student = g_strdup (report->student);
  copy->case_name = g_strdup (report->case_name);
  for (guint i = 0; i < report->sections->len; i++)
    g_ptr_array_add (copy->sections, check_section_copy (g_ptr_array_index (report->sections, i)));
  copy->n_orphans = report->n_orphans;
  copy->n_needs_review = report->n_needs_review;
  copy->opinion_edited = report->opinion_edited;
  copy->no_citation = report->no_citation;
  copy->n_uncited = report->n_uncited;
  copy->citation_problem = g_strdup (report->citation_problem);
  copy->status = report->status;
  copy->error = report->error != NULL ? g_error_copy (report->error) : NULL;
  return copy;
}

/* An empty string means "not given" as much as NULL does. */
static char *
dup_nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* How many excerpts each section has, by section id, counted in one pass. */
static GHashTable *
count_excerpts_by_section (GListModel *excerpts)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      const char *id = cb_excerpt_get_section_id (excerpt);
      guint n;

      if (id == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
      g_hash_table_replace (counts, g_strdup (id), GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

static void
check_file_job (gpointer data,
                gpointer user_data)
{
  guint index = GPOINTER_TO_UINT (data) - 1;
  CheckJob *job = user_data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->paths[index]);
  g_autofree char *name = g_filename_display_name (job->paths[index]);

  job->reports[index] = cb_check_file (file, name, job->cancellable);
}

/* A spreadsheet runs a cell that starts like a formula; a student's name must not. */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@';
}

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    first)
{
  g_autofree char *guarded = NULL;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (looks_like_formula (value))
    value = guarded = g_strconcat ("'", value, NULL);

  /* RFC 4180: quote a field holding a separator, a quote or a line break; double quotes. */
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_uint (GString *out,
                 guint    value)
{
  g_string_append_printf (out, ",%u", value);
}

/* A report's sections by title, the first of each title. */
static GHashTable *
sections_by_title (const CbCheckReport *report)
{
  GHashTable *sections = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = report->sections->len; i > 0; i--)
    {
      CbCheckSection *section = g_ptr_array_index (report->sections, i - 1);

      if (section->title != NULL)
        g_hash_table_insert (sections, section->title, section);
    }
  return sections;
}

static const char *
section_state (const CbCheckSection *section)
{
  if (section->over_limit)
    return "over-limit";
  if (section->lacks_own_words)
    return "only-quotations";
  if (section->filled)
    return "filled";
  return section->required ? "missing" : "empty";
}

/* Names come from files anyone may have written: a line break would split a row and an
 * escape sequence would reach the terminal, so control characters become spaces. A
 * name longer than @max_chars is cut, with an ellipsis, so that one long name does not
 * pad every row of the table to its width. */
static char *
dup_printable (const char *value,
               guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n + 1 == max_chars && *g_utf8_next_char (p) != '\0')
        {
          g_string_append (out, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
append_padded (GString    *out,
               const char *value,
               guint       width)
{
  g_string_append (out, value);
  for (glong n = g_utf8_strlen (value, -1); n < (glong) width; n++)
    g_string_append_c (out, ' ');
}

/**
 * cb_check_report_new_for_brief:
 * @brief: a loaded brief
 * @file_name: the file it was loaded from, as the user named it
 *
 * Checks a brief for completeness: a brief is complete when every required section has
 * content, no section is over its word limit, no section that needs the student's own
 * words holds only quotations, no excerpt is orphaned (its quote is gone from the
 * opinion, so its pin cite cannot be trusted), the brief names its citation, the
 * opinion's pages bear the citation out (cb_opinion_dup_citation_problems()), every
 * quotation has its pin cite, and the embedded opinion was not edited by hand
 * (quotes anchored to an edited text may not be the court's words). Excerpts that need review
 * are counted but do not make a brief incomplete: the quote was found, and the student
 * has only to confirm it.
 *
 * Returns: (transfer full): the report
 */
CbCheckReport *
cb_check_report_new_for_brief (CbBrief    *brief,
                               const char *file_name)
{
  CbCheckReport *report;
  GListModel *excerpts;
  g_autoptr(GHashTable) excerpt_counts = NULL;
  gboolean complete = TRUE;

  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  report = check_report_new (file_name);
  report->student = dup_nonempty (cb_brief_get_student (brief));
  report->case_name = dup_nonempty (cb_brief_get_case_name (brief));

  excerpts = cb_brief_get_excerpts (brief);
  excerpt_counts = count_excerpts_by_section (excerpts);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      switch (cb_excerpt_get_status (excerpt))
        {
        case CB_ANCHOR_ORPHAN:
          report->n_orphans++;
          break;
        case CB_ANCHOR_NEEDS_REVIEW:
          report->n_needs_review++;
          break;
        case CB_ANCHOR_OK:
        case CB_ANCHOR_MOVED:
        default:
          break;
        }
      /* A quotation never goes without its page: one without is a problem the
       * student can see and fix (a citation naming a reporter the opinion lacks). */
      if (cb_excerpt_get_status (excerpt) != CB_ANCHOR_ORPHAN)
        {
          g_autofree char *cite = cb_brief_dup_pin_cite (brief, excerpt);

          if (cite == NULL)
            report->n_uncited++;
        }
    }

  for (guint i = 0; i < cb_brief_get_n_sections (brief); i++)
    {
      CbSection *section = cb_brief_get_section (brief, i);
      CbCheckSection *checked = g_new0 (CbCheckSection, 1);

      checked->id = g_strdup (cb_section_get_id (section));
      checked->title = g_strdup (cb_section_get_title (section));
      checked->required = cb_section_get_required (section);
      checked->filled = !cb_section_is_empty (section);
      checked->word_count = cb_brief_count_section_words (brief, section);
      checked->word_limit = cb_section_get_word_limit (section);
      checked->over_limit = checked->word_limit > 0 && checked->word_count > checked->word_limit;
      checked->n_excerpts = GPOINTER_TO_UINT (g_hash_table_lookup (excerpt_counts, checked->id));
      checked->own_words = cb_section_get_own_words (section);
      checked->lacks_own_words = cb_section_lacks_own_words (section);
      g_ptr_array_add (report->sections, checked);

      if ((checked->required && !checked->filled) || checked->over_limit || checked->lacks_own_words)
        complete = FALSE;
    }

  report->opinion_edited = cb_brief_get_opinion_checksum_mismatch (brief);
  {
    g_autofree char *citation = g_strstrip (g_strdup (cb_brief_get_citation (brief)));

    g_autoptr(GPtrArray) problems = NULL;

    report->no_citation = *citation == '\0';
    /* A citation the opinion's pages do not bear out: its pin cites are bare pages, or
     * leave a reporter out. */
    problems = cb_opinion_dup_citation_problems (cb_brief_get_opinion (brief), citation);
    if (problems->len > 0)
      report->citation_problem = g_strdup (g_ptr_array_index (problems, 0));
  }
  if (report->n_orphans > 0 || report->opinion_edited || report->no_citation || report->n_uncited > 0 ||
      report->citation_problem != NULL)
    complete = FALSE;
  report->status = complete ? CB_CHECK_COMPLETE : CB_CHECK_INCOMPLETE;
  return report;
}

/**
 * cb_check_report_new_for_error:
 * @file_name: the file, as the user named it
 * @error: why it could not be read
 *
 * Makes the report on a file that could not be read as a brief.
 *
 * Returns: (transfer full): a report with status %CB_CHECK_UNREADABLE
 */
CbCheckReport *
cb_check_report_new_for_error (const char   *file_name,
                               const GError *error)
{
  CbCheckReport *report;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  report = check_report_new (file_name);
  report->status = CB_CHECK_UNREADABLE;
  report->error = g_error_copy (error);
  return report;
}

/**
 * cb_check_report_free:
 * @report: (nullable): a report
 *
 * Frees a report.
 */
void
cb_check_report_free (CbCheckReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_free (report->student);
  g_free (report->case_name);
  g_free (report->citation_problem);
  g_ptr_array_unref (report->sections);
  g_clear_error (&report->error);
  g_free (report);
}

/**
 * cb_check_report_dup_problems:
 * @report: a report
 *
 * Describes in one line what keeps the brief from being complete, e.g. "missing: Issue,
 * Holding; over limit: Facts (160/150 words); only quotations: Reasoning; 1 orphaned
 * excerpt", plus how many excerpts need review; for an unreadable file, the reason it
 * could not be read.
 *
 * Returns: (transfer full): the description, empty when there is nothing to say
 */
char *
cb_check_report_dup_problems (const CbCheckReport *report)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GString) missing = NULL;
  g_autoptr(GString) over = NULL;
  g_autoptr(GString) quotes_only = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->status == CB_CHECK_UNREADABLE)
    return g_strdup (report->error != NULL ? report->error->message : "");

  parts = g_ptr_array_new_with_free_func (g_free);
  missing = g_string_new (NULL);
  over = g_string_new (NULL);
  quotes_only = g_string_new (NULL);
  for (guint i = 0; i < report->sections->len; i++)
    {
      const CbCheckSection *section = g_ptr_array_index (report->sections, i);

      if (section->required && !section->filled)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", section->title);
      if (section->over_limit)
        /* Translators: a section over its word limit, e.g. "Facts (160/150 words)" */
        g_string_append_printf (over, _("%s%s (%u/%u words)"), over->len > 0 ? ", " : "",
                                section->title, section->word_count, section->word_limit);
      if (section->lacks_own_words)
        g_string_append_printf (quotes_only, "%s%s", quotes_only->len > 0 ? ", " : "", section->title);
    }
  if (missing->len > 0)
    /* Translators: followed by the list of required sections left empty */
    g_ptr_array_add (parts, g_strdup_printf (_("missing: %s"), missing->str));
  if (over->len > 0)
    /* Translators: followed by the list of sections over their word limit */
    g_ptr_array_add (parts, g_strdup_printf (_("over limit: %s"), over->str));
  if (quotes_only->len > 0)
    /* Translators: followed by the list of sections that hold only quotations where
     * the template asks for the student's own words */
    g_ptr_array_add (parts, g_strdup_printf (_("only quotations: %s"), quotes_only->str));
  if (report->n_orphans > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u orphaned excerpt",
                                                          "%u orphaned excerpts",
                                                          report->n_orphans),
                                             report->n_orphans));
  if (report->opinion_edited)
    g_ptr_array_add (parts, g_strdup (_("opinion text edited by hand")));
  if (report->no_citation)
    g_ptr_array_add (parts, g_strdup (_("no citation")));
  if (report->citation_problem != NULL)
    g_ptr_array_add (parts, g_strdup (report->citation_problem));
  if (report->n_uncited > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u quotation without a pin cite",
                                                          "%u quotations without a pin cite",
                                                          report->n_uncited),
                                             report->n_uncited));
  if (report->n_needs_review > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u excerpt needs review",
                                                          "%u excerpts need review",
                                                          report->n_needs_review),
                                             report->n_needs_review));

  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (parts, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cb_check_status_to_string:
 * @status: a verdict
 *
 * Names a verdict with a stable keyword ("complete", "incomplete", "unreadable") for
 * scripts and the CSV report.
 *
 * Returns: the keyword
 */
const char *
cb_check_status_to_string (CbCheckStatus status)
{
  switch (status)
    {
    case CB_CHECK_COMPLETE:
      return "complete";
    case CB_CHECK_INCOMPLETE:
      return "incomplete";
    case CB_CHECK_UNREADABLE:
      return "unreadable";
    default:
      g_return_val_if_reached ("unreadable");
    }
}

/**
 * cb_check_file:
 * @file: a .brief file
 * @file_name: the name to report it under, usually as the user typed it
 * @cancellable: (nullable): a #GCancellable
 *
 * Loads a brief with the full loader (which validates it and re-anchors its excerpts) and
 * checks it. A file that cannot be read gives a report with the reason rather than an
 * error, so that one broken file does not hide the others. Safe to call from any thread.
 *
 * Returns: (transfer full): the report
 */
CbCheckReport *
cb_check_file (GFile        *file,
               const char   *file_name,
               GCancellable *cancellable)
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  brief = cb_brief_load_file (file, cancellable, &error);
  if (brief == NULL)
    {
      const char *plain = NULL;

      /* GIO's messages repeat the full path; the row already names the file. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        plain = _("no such file");
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        plain = _("a folder, not a brief");
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        plain = _("permission denied");
      if (plain != NULL)
        {
          g_autoptr(GError) plain_error = g_error_new_literal (error->domain, error->code, plain);

          return cb_check_report_new_for_error (file_name, plain_error);
        }
      return cb_check_report_new_for_error (file_name, error);
    }
  return cb_check_report_new_for_brief (brief, file_name);
}

/**
 * cb_check_files:
 * @paths: (array zero-terminated=1): brief files, as paths or URIs from a command line
 * @cancellable: (nullable): a #GCancellable
 *
 * Checks many briefs at once, loading them in parallel on the machine's processors, and
 * returns the reports in the order of @paths.
 *
 * Returns: (transfer full) (element-type CbCheckReport): one report per path
 */
GPtrArray *
cb_check_files (const char * const *paths,
                GCancellable       *cancellable)
{
  g_autofree CbCheckReport **reports = NULL;
  GPtrArray *result;
  GThreadPool *pool;
  CheckJob job;
  guint n_paths;

  g_return_val_if_fail (paths != NULL, NULL);

  n_paths = g_strv_length ((char **) paths);
  reports = g_new0 (CbCheckReport *, n_paths + 1);

  /* Both must be set up once before threads race to do it. */
  xmlInitParser ();
  cb_core_ensure_resources ();
  g_type_ensure (CB_TYPE_BRIEF);

  job.paths = paths;
  job.reports = reports;
  job.cancellable = cancellable;
  pool = g_thread_pool_new (check_file_job, &job,
                            (int) MAX (1, MIN (g_get_num_processors (), n_paths)),
                            FALSE, NULL);
  for (guint i = 0; i < n_paths; i++)
    /* Offset by one: a NULL job means nothing to a thread pool. */
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  result = g_ptr_array_new_full (n_paths, (GDestroyNotify) cb_check_report_free);
  for (guint i = 0; i < n_paths; i++)
    g_ptr_array_add (result, reports[i]);
  return result;
}

/**
 * cb_check_format_table:
 * @reports: (element-type CbCheckReport): reports, one per file
 *
 * Formats reports as a table for a terminal: a header, then one row per file with its
 * file name, student, case, verdict and what is missing, aligned in columns.
 *
 * Returns: (transfer full): the table, each line ending in a newline
 */
char *
cb_check_format_table (GPtrArray *reports)
{
  enum { FILE_COL, STUDENT_COL, CASE_COL, STATUS_COL, PROBLEMS_COL, N_COLS };
  g_autoptr(GPtrArray) rows = NULL;
  GString *out;
  guint widths[N_COLS] = { 0 };
  const char *header[N_COLS] = {
    _("File"), _("Student"), _("Case"), _("Status"), _("Problems"),
  };

  g_return_val_if_fail (reports != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
    header[0], header[1], header[2], header[3], header[4], NULL }));
  for (guint i = 0; i < reports->len; i++)
    {
      const CbCheckReport *report = g_ptr_array_index (reports, i);
      const char *status;
      char **row = g_new0 (char *, N_COLS + 1);

      switch (report->status)
        {
        case CB_CHECK_COMPLETE:
          status = _("complete");
          break;
        case CB_CHECK_INCOMPLETE:
          status = _("incomplete");
          break;
        case CB_CHECK_UNREADABLE:
        default:
          status = _("unreadable");
          break;
        }
      g_autofree char *problems = cb_check_report_dup_problems (report);

      row[FILE_COL] = dup_printable (report->file_name, TABLE_CELL_CHARS);
      row[STUDENT_COL] = dup_printable (report->student != NULL ? report->student : "-", TABLE_CELL_CHARS);
      row[CASE_COL] = dup_printable (report->case_name != NULL ? report->case_name : "-", TABLE_CELL_CHARS);
      row[STATUS_COL] = g_strdup (status);
      /* The last column pads nothing, and says what the brief lacks: whole. */
      row[PROBLEMS_COL] = dup_printable (problems, G_MAXUINT);
      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  out = g_string_new (NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < PROBLEMS_COL; c++)
        {
          append_padded (out, row[c], widths[c]);
          g_string_append (out, "  ");
        }
      g_string_append (out, row[PROBLEMS_COL]);
      /* No trailing blanks when the last column is empty. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/**
 * cb_check_format_csv:
 * @reports: (element-type CbCheckReport): reports, one per file
 *
 * Formats reports as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled) for a spreadsheet. The header names the columns: file,
 * student, case, status (complete, incomplete or unreadable), orphaned excerpts,
 * excerpts needing review, opinion edited (yes or no), problems, then four columns for each section title found in
 * any of the briefs, in order of first appearance: "TITLE words", "TITLE limit" (empty
 * when there is none), "TITLE excerpts" and "TITLE state" (filled, empty, missing for
 * an empty required section, over-limit, or only-quotations for a section that holds
 * only quotations where the template asks for the student's own words). A brief
 * without that section leaves its four cells empty. Cells that a spreadsheet would run
 * as a formula get a leading apostrophe.
 *
 * Returns: (transfer full): the CSV text
 */
char *
cb_check_format_csv (GPtrArray *reports)
{
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GString *out;

  g_return_val_if_fail (reports != NULL, NULL);

  titles = g_ptr_array_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < reports->len; i++)
    {
      const CbCheckReport *report = g_ptr_array_index (reports, i);

      for (guint s = 0; s < report->sections->len; s++)
        {
          const CbCheckSection *section = g_ptr_array_index (report->sections, s);

          if (g_hash_table_add (seen, section->title))
            g_ptr_array_add (titles, section->title);
        }
    }

  out = g_string_new ("file,student,case,status,orphaned excerpts,excerpts needing review,opinion edited,problems");
  for (guint t = 0; t < titles->len; t++)
    {
      const char *title = g_ptr_array_index (titles, t);
      const char *suffixes[] = { "words", "limit", "excerpts", "state" };

      for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", title, suffixes[k]);

          append_csv_field (out, name, FALSE);
        }
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < reports->len; i++)
    {
      const CbCheckReport *report = g_ptr_array_index (reports, i);
      g_autoptr(GHashTable) by_title = sections_by_title (report);
      g_autofree char *problems = cb_check_report_dup_problems (report);
      gboolean readable = report->status != CB_CHECK_UNREADABLE;

      append_csv_field (out, report->file_name, TRUE);
      append_csv_field (out, report->student, FALSE);
      append_csv_field (out, report->case_name, FALSE);
      append_csv_field (out, cb_check_status_to_string (report->status), FALSE);
      if (readable)
        {
          append_csv_uint (out, report->n_orphans);
          append_csv_uint (out, report->n_needs_review);
          append_csv_field (out, report->opinion_edited ? "yes" : "no", FALSE);
        }
      else
        g_string_append (out, ",,,");
      append_csv_field (out, problems, FALSE);

      for (guint t = 0; t < titles->len; t++)
        {
          const CbCheckSection *section = g_hash_table_lookup (by_title, g_ptr_array_index (titles, t));

          if (section == NULL)
            {
              g_string_append (out, ",,,,");
              continue;
            }
          append_csv_uint (out, section->word_count);
          if (section->word_limit > 0)
            append_csv_uint (out, section->word_limit);
          else
            g_string_append_c (out, ',');
          append_csv_uint (out, section->n_excerpts);
          append_csv_field (out, section_state (section), FALSE);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
