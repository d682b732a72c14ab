#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cb-brief-renderer.h"
#include "cb-brief.h"

/* Typesets and writes a brief of about 100 pages to PDF; prints the median time. */

#define RUNS 5
#define TARGET_PAGES 100

static const char *paragraph =
  "The defendant’s guard, seeing a passenger run for the departing train, reached forward "
  "to help him aboard while another guard pushed from behind; a package wrapped in newspaper "
  "fell upon the rails and exploded, and the shock threw down scales at the other end of the "
  "platform, many feet away, which struck the plaintiff and injured her. The risk reasonably "
  "to be perceived defines the duty to be obeyed, and risk imports relation.";

static CbBrief *
build_brief (guint paragraphs_per_section)
{
  g_autoptr(CbTemplate) template = cb_template_new ("bench", "Bench");
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text ("The opinion.\n", "opinion.txt",
                                                           CB_OPINION_FORMAT_TEXT);
  const char *titles[] = { "Facts", "Procedural History", "Issue", "Holding", "Reasoning", NULL };
  CbBrief *brief;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(CbTemplateSection) section = cb_template_section_new (id, titles[i], "", FALSE, 0);

      cb_template_add_section (template, section);
    }
  brief = cb_brief_new (template, opinion);
  cb_brief_set_case_name (brief, "Palsgraf v. Long Island R.R. Co.");
  cb_brief_set_student (brief, "Casey Student");

  for (guint s = 0; s < cb_brief_get_n_sections (brief); s++)
    {
      g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);

      for (guint i = 0; i < paragraphs_per_section; i++)
        {
          CbBlock *block = cb_block_new_paragraph ();

          cb_block_add_run (block, "In ", CB_RUN_PLAIN);
          cb_block_add_run (block, "Palsgraf", CB_RUN_ITALIC);
          cb_block_add_run (block, paragraph, CB_RUN_PLAIN);
          g_ptr_array_add (blocks, block);
        }
      cb_section_set_blocks (cb_brief_get_section (brief, s), blocks);
    }
  return brief;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbBriefRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  CbPageGeometry geometry;
  double times[RUNS];
  guint per_section = 10;
  guint n_pages = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.pdf", NULL);
  file = g_file_new_for_path (path);
  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);

  /* Grow the brief until it fills the target number of pages. */
  while (n_pages < TARGET_PAGES)
    {
      g_clear_object (&brief);
      g_clear_object (&renderer);
      brief = build_brief (per_section);
      renderer = cb_brief_renderer_new (brief);
      cb_brief_renderer_set_geometry (renderer, &geometry);
      n_pages = cb_brief_renderer_paginate (renderer, NULL);
      if (n_pages < TARGET_PAGES)
        per_section = per_section * TARGET_PAGES / MAX (n_pages, 1) + 1;
    }

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!cb_brief_export_pdf (brief, file, &geometry, NULL, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);

  g_print ("export of a %u-page brief to PDF: median %.3f s over %d runs\n",
           n_pages, times[RUNS / 2], RUNS);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
