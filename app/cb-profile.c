#define G_LOG_DOMAIN "cb-profile"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cb-process-info.h"
#include "cb-profile.h"

/*
 * CASEBRIEF_PROFILE=1: timings on stderr, one line each, for the benchmarks and for
 * anyone chasing a slow spot. The time to the first frame is counted from the
 * process's start as the kernel records it (to the clock tick), and from main();
 * an action or a key press is timed from its dispatch to the end of the main-loop
 * iteration that handled it.
 */

static gboolean enabled;
static gint64 main_time;          /* monotonic µs at cb_profile_init() */
static gint64 process_time;       /* monotonic µs at exec, or 0 when unknown */
static gboolean first_frame_seen;

typedef struct
{
  gint64 start;
  char *what;
} Pending;

/**
 * cb_profile_init:
 *
 * Reads `CASEBRIEF_PROFILE` and notes the time; called first thing in main().
 */
void
cb_profile_init (void)
{
  const char *value = g_getenv ("CASEBRIEF_PROFILE");

  main_time = g_get_monotonic_time ();
  enabled = value != NULL && *value != '\0' && !g_str_equal (value, "0");
  if (enabled)
    process_time = cb_process_start_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  if (first_frame_seen)
    return;
  first_frame_seen = TRUE;
  g_printerr ("casebrief-profile: first-frame %.1f ms since process start, %.1f ms since main, "
              "peak RSS %ld kB\n",
              process_time > 0 ? (now - process_time) / 1e3 : -1.0,
              (now - main_time) / 1e3, cb_process_peak_rss_kb ());
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL && !first_frame_seen)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static gboolean
report_cb (gpointer data)
{
  Pending *pending = data;

  g_printerr ("casebrief-profile: %s %.3f ms\n", pending->what,
              (g_get_monotonic_time () - pending->start) / 1e3);
  return G_SOURCE_REMOVE;
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->what);
  g_free (pending);
}

/* The work a dispatch starts ends with the main-loop iteration: the report waits in
 * a high-priority idle, which runs before anything else queued after it. */
static void
time_until_idle (char *what)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->start = g_get_monotonic_time ();
  pending->what = what;
  g_idle_add_full (G_PRIORITY_HIGH, report_cb, pending, pending_free);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *owner = focus;

  /* Name the widget that owns the focus: a section editor rather than its text view. */
  while (owner != NULL && owner != window && !g_str_has_prefix (G_OBJECT_TYPE_NAME (owner), "Cb"))
    owner = gtk_widget_get_parent (owner);
  time_until_idle (g_strdup_printf ("key %s in %s", gdk_keyval_name (keyval) ? gdk_keyval_name (keyval) : "?",
                                    owner ? G_OBJECT_TYPE_NAME (owner) : "nothing"));
  return FALSE;
}

static gboolean
action_hook (GSignalInvocationHint *hint,
             guint                  n_params,
             const GValue          *params,
             gpointer               data)
{
  GAction *action = g_value_get_object (&params[0]);

  time_until_idle (g_strdup_printf ("action %s", g_action_get_name (action)));
  return TRUE;
}

static void
content_painted_cb (GdkFrameClock *clock,
                    char          *what)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, content_painted_cb, what);
  g_printerr ("casebrief-profile: %s %.1f ms since process start, peak RSS %ld kB\n", what,
              process_time > 0 ? (now - process_time) / 1e3 : -1.0, cb_process_peak_rss_kb ());
  g_free (what);
}

/**
 * cb_profile_mark_next_frame:
 * @widget: a realized widget
 * @what: what the next frame shows, for the log
 *
 * When profiling, logs the time from the process's start to the next frame drawn: a
 * brief loads while the window already shows, so the first frame is not yet the brief.
 */
void
cb_profile_mark_next_frame (GtkWidget  *widget,
                            const char *what)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (!enabled || (clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (content_painted_cb), g_strdup (what));
}

/**
 * cb_profile_watch_window:
 * @window: a window of the application
 *
 * When profiling, logs the first frame drawn by the first window, and how long each
 * key press and each action takes.
 */
void
cb_profile_watch_window (GtkWindow *window)
{
  static gsize hooked = 0;
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WINDOW (window));
  if (!enabled)
    return;

  if (!first_frame_seen)
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  if (g_once_init_enter (&hooked))
    {
      guint id = g_signal_lookup ("activate", G_TYPE_SIMPLE_ACTION);

      g_signal_add_emission_hook (id, 0, action_hook, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }
}
