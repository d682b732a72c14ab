/* Test helpers every test may use, with no display: running programs as a user runs
 * them, waiting on the main loop, reading and removing what a test wrote. */
#pragma once

#include <glib.h>

#include "cb-opinion.h"

G_BEGIN_DECLS

int  cb_test_run           (const char         *workdir,
                            const char * const *env,
                            const char * const *argv,
                            char              **out,
                            char              **err);
int  cb_test_run_casebrief (const char         *workdir,
                            const char * const *args,
                            char              **out,
                            char              **err);

void cb_test_wait_until    (gboolean          (*done) (gpointer data),
                            gpointer            data);
void cb_test_spin          (guint               msec);

void cb_test_remove_tree   (const char         *path);
char *cb_test_dup_contents (const char         *path);
void cb_test_assert_valid  (GBytes             *document,
                            const char         *schema);
char *cb_test_list_dir     (const char         *path);

CbOpinion  *cb_test_import_opinion (const char  *path);
const char *cb_test_text_at        (CbOpinion   *opinion,
                                    gsize        offset);
char       *cb_test_cite_quote     (CbOpinion   *opinion,
                                    const char  *quote,
                                    const char  *citation,
                                    CbCiteStyle  style);

/* What a run of casebrief gave: its exit status and what it printed. */
typedef struct
{
  int status;
  char *out;
  char *err;
} CbTestRun;

void cb_test_run_clear     (CbTestRun          *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CbTestRun, cb_test_run_clear)

G_END_DECLS
