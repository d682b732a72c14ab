#pragma once

#include <gio/gio.h>

#include "cb-brief.h"

G_BEGIN_DECLS

/**
 * CbCheckStatus:
 * @CB_CHECK_COMPLETE: every required section is written, none is over its word limit,
 *   no section that needs the student's own words holds only quotations, every
 *   excerpt is still found in the opinion and has its pin cite, the brief names its
 *   citation and the opinion is as it was embedded
 * @CB_CHECK_INCOMPLETE: the brief was read but falls short of the above
 * @CB_CHECK_UNREADABLE: the file could not be read as a brief
 *
 * The verdict on one brief file.
 */
typedef enum
{
  CB_CHECK_COMPLETE,
  CB_CHECK_INCOMPLETE,
  CB_CHECK_UNREADABLE,
} CbCheckStatus;

/**
 * CbCheckSection:
 * @id: the section's id in its brief
 * @title: the section's heading
 * @required: whether the template requires it
 * @filled: whether it has any content
 * @word_count: words in it
 * @word_limit: most words allowed, 0 for no limit
 * @over_limit: whether @word_count exceeds a non-zero @word_limit
 * @n_excerpts: excerpts of the opinion placed in it
 * @own_words: whether the template asks for the student's own words in it
 * @lacks_own_words: whether it needs them and holds only quotations
 *
 * What a check found in one section of a brief.
 */
typedef struct
{
  char *id;
  char *title;
  gboolean required;
  gboolean filled;
  guint word_count;
  guint word_limit;
  gboolean over_limit;
  guint n_excerpts;
  gboolean own_words;
  gboolean lacks_own_words;
} CbCheckSection;

/**
 * CbCheckReport:
 * @file_name: the file as the user named it
 * @student: the student's name, or %NULL
 * @case_name: the case briefed, or %NULL
 * @sections: (element-type CbCheckSection): the brief's sections in order; empty when
 *   the file could not be read
 * @n_orphans: excerpts whose quote is no longer found in the opinion
 * @n_needs_review: excerpts found only by a close match that the student must confirm
 * @opinion_edited: whether the embedded opinion no longer matches its checksum, i.e.
 *   it was edited by hand, so quotes may not be the court's words
 * @no_citation: whether the brief names no citation of the case
 * @n_uncited: quotations that have no pin cite (not counting orphans): the opinion
 *   has no page for them in the reporter the citation names
 * @citation_problem: (nullable): why the pin cites cannot name a reporter of the
 *   brief's citation ("The opinion starts at 474 U.S. 344, not 346"), the first reason
 *   when there are several
 * @status: the verdict
 * @error: (nullable): why the file could not be read, for %CB_CHECK_UNREADABLE
 *
 * The completeness report on one brief file.
 */
typedef struct
{
  char *file_name;
  char *student;
  char *case_name;
  GPtrArray *sections;
  guint n_orphans;
  guint n_needs_review;
  gboolean opinion_edited;
  gboolean no_citation;
  guint n_uncited;
  char *citation_problem;
  CbCheckStatus status;
  GError *error;
} CbCheckReport;

#define CB_TYPE_CHECK_REPORT (cb_check_report_get_type ())
GType          cb_check_report_get_type       (void);
CbCheckReport *cb_check_report_new_for_brief  (CbBrief             *brief,
                                               const char          *file_name);
CbCheckReport *cb_check_report_new_for_error  (const char          *file_name,
                                               const GError        *error);
CbCheckReport *cb_check_report_copy           (const CbCheckReport *report);
void           cb_check_report_free           (CbCheckReport       *report);
char          *cb_check_report_dup_problems   (const CbCheckReport *report);

const char    *cb_check_status_to_string      (CbCheckStatus        status);

CbCheckReport *cb_check_file                  (GFile               *file,
                                               const char          *file_name,
                                               GCancellable        *cancellable);
GPtrArray     *cb_check_files                 (const char * const  *paths,
                                               GCancellable        *cancellable);

char          *cb_check_format_table          (GPtrArray           *reports);
char          *cb_check_format_csv            (GPtrArray           *reports);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbCheckReport, cb_check_report_free)

G_END_DECLS
