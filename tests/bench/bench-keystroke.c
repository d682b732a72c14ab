/* One keystroke in a section of the big brief, in the real window: the time the main
 * loop spends on it, from the inserted character to the end of the idle work it
 * queued (word counts, the model, highlights), drawing not included. Needs a display. */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "bench-common.h"
#include "cb-brief-view.h"
#include "cb-section-editor.h"
#include "cb-test.h"
#include "cb-window.h"

#define KEYSTROKES 60
#define WARMUP 10

static gboolean
has_brief (CbWindow *window)
{
  return cb_window_get_brief (window) != NULL;
}

/* Runs everything already queued, without waiting for timers or the next frame. */
static void
drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("casebrief-bench-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(CbBrief) big = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  CbWindow *window;
  CbSectionEditor *editor;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter middle;
  double sync_ms[KEYSTROKES], total_ms[KEYSTROKES];
  gint64 deadline;

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_init ();
  adw_init ();

  big = cb_bench_build_brief ();
  saved = cb_brief_to_bytes (big);
  path = cb_bench_write_temp ("big.brief", g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  file = g_file_new_for_path (path);

  window = g_object_new (CB_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!has_brief (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!has_brief (window))
    g_error ("the big brief did not open");
  cb_test_spin (500);

  /* The middle of the third section: 400 excerpts and 10,000 words around the cursor. */
  editor = CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 2));
  view = cb_section_editor_get_text_view (editor);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &middle, gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_iter_forward_word_end (&middle);
  gtk_text_buffer_place_cursor (buffer, &middle);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  cb_test_spin (200);

  for (int i = -WARMUP; i < KEYSTROKES; i++)
    {
      gint64 start, typed;

      drain ();
      start = g_get_monotonic_time ();
      /* What an input method's commit does. */
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, i % 6 == 5 ? " " : "x", 1, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      typed = g_get_monotonic_time ();
      drain ();
      if (i >= 0)
        {
          sync_ms[i] = (typed - start) / 1e3;
          total_ms[i] = (g_get_monotonic_time () - start) / 1e3;
        }
    }

  g_print ("section %s: %s\n", cb_section_editor_get_title (editor),
           cb_section_editor_get_word_count_label (editor));
  cb_bench_report ("keystroke in a section (handler)", "ms", sync_ms, KEYSTROKES, NULL, 0);
  cb_bench_report ("keystroke in a section (with idle work)", "ms", total_ms, KEYSTROKES, NULL, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  return 0;
}
