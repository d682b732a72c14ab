#pragma once

#include <glib.h>

#include "cb-brief.h"

G_BEGIN_DECLS

/* The inputs every benchmark shares, built the same way on every run. */
#define CB_BENCH_OPINION_BYTES (1024 * 1024)
#define CB_BENCH_EXCERPTS      2000
#define CB_BENCH_PROSE_WORDS   50000
#define CB_BENCH_PRINT_PAGES   100

char    *cb_bench_build_opinion_text (void);
CbBrief *cb_bench_build_brief        (void);
GBytes  *cb_bench_edit_brief         (GBytes     *brief);
char    *cb_bench_edit_opinion_text  (const char *text);
CbBrief *cb_bench_build_print_brief  (guint       paragraphs_per_section);
CbBrief *cb_bench_build_pages_brief  (guint       pages,
                                      guint      *n_pages);

double   cb_bench_median             (double     *values,
                                      guint       n);
double   cb_bench_min                (const double *values,
                                      guint       n);
double   cb_bench_max                (const double *values,
                                      guint       n);
void     cb_bench_report             (const char *path,
                                      const char *unit,
                                      double     *values,
                                      guint       n,
                                      const char *peer,
                                      double      peer_median);
char    *cb_bench_write_temp         (const char *name,
                                      const char *contents,
                                      gsize       length);
double   cb_bench_run_command        (const char * const *argv);

G_END_DECLS
