/* How long `casebrief check` takes on a class's worth of briefs: 300 copies of the
 * sample brief, each loaded with the full loader (validation and re-anchoring). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-check.h"

#define N_BRIEFS 300

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample_path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) sample = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint complete = 0;

  sample_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                  "davidson-v-cannon.brief", NULL);
  sample = g_file_new_for_path (sample_path);
  brief = cb_brief_load_file (sample, NULL, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("cb-bench-check-XXXXXX", &error);
  g_assert_no_error (error);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_BRIEFS; i++)
    {
      g_autofree char *student = g_strdup_printf ("Student %03u", i);
      g_autofree char *name = g_strdup_printf ("brief-%03u.brief", i);
      char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      cb_brief_set_student (brief, student);
      cb_brief_save_file (brief, file, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);

  timer = g_timer_new ();
  reports = cb_check_files ((const char * const *) paths->pdata, NULL);
  g_timer_stop (timer);

  for (guint i = 0; i < reports->len; i++)
    if (((CbCheckReport *) g_ptr_array_index (reports, i))->status == CB_CHECK_COMPLETE)
      complete++;
  g_print ("check: %u briefs (%u complete) in %.3f s on %u processors\n",
           reports->len, complete, g_timer_elapsed (timer, NULL), g_get_num_processors ());

  for (guint i = 0; i < N_BRIEFS; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (dir);
  return 0;
}
