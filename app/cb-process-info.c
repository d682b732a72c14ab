/* Profiling: what the kernel tells of this process: when it started, on the monotonic
 * clock, and the most memory it has held. Built into Casebrief and into the
 * benchmarks' first-frame probe, which runs inside other programs too. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cb-process-info.h"

/**
 * cb_process_start_time:
 *
 * Reads when this process was started from /proc/self/stat and /proc/uptime.
 *
 * Returns: the process's start in monotonic microseconds, or 0 when it cannot be told
 */
gint64
cb_process_start_time (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *fields;
  unsigned long long start_ticks = 0;
  double up = 0;
  long ticks = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL) || ticks <= 0)
    return 0;
  /* The command name may hold spaces; fields go on after its closing parenthesis. */
  fields = strrchr (stat, ')');
  if (fields == NULL ||
      sscanf (fields + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &start_ticks) != 1 ||
      sscanf (uptime, "%lf", &up) != 1)
    return 0;
  /* Uptime and the monotonic clock both count from boot, less suspended time. */
  return g_get_monotonic_time () - (gint64) ((up - (double) start_ticks / ticks) * G_USEC_PER_SEC);
}

/**
 * cb_process_peak_rss_kb:
 *
 * Reads the most memory this process has held (VmHWM) from /proc/self/status.
 *
 * Returns: the peak resident set size in KiB, or -1 when it cannot be told
 */
long
cb_process_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = -1;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    sscanf (line + strlen ("VmHWM:"), "%ld", &kb);
  return kb;
}
