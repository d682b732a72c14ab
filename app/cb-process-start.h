/* Profiling: when this process started, on the monotonic clock, as the kernel tells it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 cb_process_start_time (void);

G_END_DECLS
