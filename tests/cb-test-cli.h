#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cb_test_run_casebrief (const char         *workdir,
                           const char * const *args,
                           char              **out,
                           char              **err);

G_END_DECLS
