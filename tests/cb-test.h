/* Test helpers every test may use, with no display: running programs as a user runs
 * them, waiting on the main loop, removing what a test wrote. */
#pragma once

#include <glib.h>

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

G_END_DECLS
