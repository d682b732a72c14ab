/* Opening, saving and re-anchoring the big brief (1 MB opinion, 2,000 excerpts,
 * 50,000 words), side by side with libxml2 alone on the same file. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "bench-common.h"
#include "cb-anchor.h"
#include "cb-opinion.h"

#define RUNS 7

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CbBrief) brief = cb_bench_build_brief ();
  g_autoptr(GBytes) saved = cb_brief_to_bytes (brief);
  g_autoptr(GBytes) edited = cb_bench_edit_brief (saved);
  g_autofree char *path = NULL;
  g_autofree char *edited_text = NULL;
  g_autofree char *schema = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "schema",
                                              "brief.rng", NULL);
  g_autoptr(GFile) out_file = NULL;
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  double open_ms[RUNS], xmllint_ms[RUNS], save_ms[RUNS], parse_ms[RUNS], anchor_ms[RUNS];
  double edited_open_ms[RUNS];
  guint moved = 0, review = 0, orphaned = 0;
  guint32 placement = 0;

  path = cb_bench_write_temp ("big.brief", g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *out_path = g_build_filename (dir, "saved.brief", NULL);

    out_file = g_file_new_for_path (out_path);
  }
  g_print ("brief: %.2f MB, %u excerpts, %u sections\n", g_bytes_get_size (saved) / 1e6,
           g_list_model_get_n_items (excerpts), cb_brief_get_n_sections (brief));

  for (guint run = 0; run < RUNS; run++)
    {
      const char *xmllint[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CbBrief) loaded = NULL;
      xmlDoc *doc;
      double t;

      t = now_ms ();
      loaded = cb_brief_load_file (file, NULL, &error);
      if (loaded == NULL)
        g_error ("%s", error->message);
      open_ms[run] = now_ms () - t;

      xmllint_ms[run] = cb_bench_run_command (xmllint) * 1e3;
      if (xmllint_ms[run] < 0)
        g_error ("xmllint failed on %s", path);

      t = now_ms ();
      if (!cb_brief_save_file (loaded, out_file, NULL, &error))
        g_error ("%s", error->message);
      save_ms[run] = now_ms () - t;

      t = now_ms ();
      doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
      parse_ms[run] = now_ms () - t;
      g_assert (doc != NULL);
      xmlFreeDoc (doc);
    }
  cb_bench_report ("open big brief (parse, validate, model, anchors)", "ms", open_ms, RUNS,
                   "xmllint --relaxng", cb_bench_median (xmllint_ms, RUNS));
  cb_bench_report ("save big brief", "ms", save_ms, RUNS,
                   "libxml2 parse", cb_bench_median (parse_ms, RUNS));

  /* Re-anchoring: the excerpts as saved, against the edited opinion text. */
  {
    g_autoptr(CbBrief) loaded = cb_brief_load_bytes (edited, "edited.brief", NULL);

    g_assert (loaded != NULL);
    edited_text = g_strdup (cb_opinion_get_text (cb_brief_get_opinion (loaded)));
  }
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(CbAnchorIndex) index = NULL;
      double t = now_ms ();

      moved = review = orphaned = 0;
      placement = 5381;
      index = cb_anchor_index_new (edited_text);
      for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
        {
          g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
          gsize start, end;

          CbAnchorStatus status = cb_anchor_index_resolve (index, cb_excerpt_get_quote (excerpt),
                                                           cb_excerpt_get_prefix (excerpt),
                                                           cb_excerpt_get_suffix (excerpt),
                                                           cb_excerpt_get_start (excerpt),
                                                           cb_excerpt_get_end (excerpt), &start, &end);

          /* Where each excerpt went, in one number: a faster search must not move any. */
          placement = placement * 33 + (guint32) (start * 7 + end * 13 + status);
          switch (status)
            {
            case CB_ANCHOR_MOVED:
              moved++;
              break;
            case CB_ANCHOR_NEEDS_REVIEW:
              review++;
              break;
            case CB_ANCHOR_ORPHAN:
              orphaned++;
              break;
            default:
              break;
            }
        }
      anchor_ms[run] = now_ms () - t;

      t = now_ms ();
      {
        g_autoptr(CbBrief) loaded = cb_brief_load_bytes (edited, "edited.brief", NULL);

        g_assert (loaded != NULL);
      }
      edited_open_ms[run] = now_ms () - t;
    }
  g_print ("edited brief: %u moved, %u need review, %u orphaned of %u; placement %08x\n", moved,
           review, orphaned, g_list_model_get_n_items (excerpts), placement);
  cb_bench_report ("re-anchor 2,000 excerpts after edits", "ms", anchor_ms, RUNS, NULL, 0);
  cb_bench_report ("open edited big brief", "ms", edited_open_ms, RUNS, NULL, 0);

  g_unlink (path);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_file_delete (out_file, NULL, NULL);
    g_rmdir (dir);
  }
  return 0;
}
