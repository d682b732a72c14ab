/* Loaded with LD_PRELOAD into any GTK 4 program: prints the time from the process's
 * start to the first frame its first window draws, and the peak memory (VmHWM) then
 * and after the program has settled, and ends the program. The same measure for
 * Casebrief and for the programs it is compared with. Settings (environment):
 *   BENCH_SETTLE_MS  how long after the first frame to wait before the second
 *                    memory reading (default 2000)
 *   BENCH_MIN_CHARS  count only a frame drawn once a text view of the window holds
 *                    at least this many characters: the document is shown, not just
 *                    a window still loading it (default 0)
 *   BENCH_WINDOW_SIZE  WIDTHxHEIGHT: every window is presented at this size, so that
 *                    the programs compared draw the same number of pixels (default:
 *                    each program's own size) */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gtk/gtk.h>

#include "cb-process-info.h"

static gint64 process_start;
static gboolean seen;
static guint poll_id;

static gboolean
settled_cb (gpointer data)
{
  g_printerr ("bench-first-frame: settled-peak-rss-kb %ld\n", cb_process_peak_rss_kb ());
  fflush (stderr);
  _exit (0);
  return G_SOURCE_REMOVE;
}

static gboolean
shows_text (GtkWidget *widget,
            int        min_chars)
{
  if (GTK_IS_TEXT_VIEW (widget) &&
      gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))) >= min_chars)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, min_chars))
      return TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  const char *settle = g_getenv ("BENCH_SETTLE_MS");
  const char *min_chars = g_getenv ("BENCH_MIN_CHARS");

  if (seen)
    return;
  if (min_chars != NULL && atoi (min_chars) > 0 && !shows_text (window, atoi (min_chars)))
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  seen = TRUE;
  g_printerr ("bench-first-frame: first-frame-ms %.1f peak-rss-kb %ld\n",
              (g_get_monotonic_time () - process_start) / 1e3, cb_process_peak_rss_kb ());
  g_timeout_add (settle ? atoi (settle) : 2000, settled_cb, NULL);
}

/* A window about to be shown first takes the size asked for. The probe stands in for
 * GTK's own functions (it is loaded first) and calls them after. */
static void
set_bench_size (GtkWindow *window)
{
  const char *size = g_getenv ("BENCH_WINDOW_SIZE");
  int width, height;

  if (size == NULL || sscanf (size, "%dx%d", &width, &height) != 2 || gtk_widget_get_realized (GTK_WIDGET (window)))
    return;
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  set_bench_size (window);
  real (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real) (GtkWindow *, guint32);

  if (real == NULL)
    real = (void (*) (GtkWindow *, guint32)) dlsym (RTLD_NEXT, "gtk_window_present_with_time");
  set_bench_size (window);
  real (window, timestamp);
}

/* Until a window is realized there is no frame clock to listen to. */
static gboolean
poll_cb (gpointer data)
{
  g_autoptr(GList) windows = NULL;

  if (!gtk_is_initialized ())
    return G_SOURCE_CONTINUE;
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GdkFrameClock *clock = gtk_widget_get_realized (l->data) ? gtk_widget_get_frame_clock (l->data) : NULL;

      if (clock != NULL)
        {
          g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), l->data);
          poll_id = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

__attribute__((constructor)) static void
bench_first_frame_init (void)
{
  process_start = cb_process_start_time ();
  poll_id = g_timeout_add (1, poll_cb, NULL);
}
