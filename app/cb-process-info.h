/* Profiling: what the kernel tells of this process: when it started and its peak memory. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 cb_process_start_time  (void);
long   cb_process_peak_rss_kb (void);

G_END_DECLS
