/* The inputs the benchmarks share, and how they report. Everything is generated from
 * the sample opinion with fixed seeds, so every run measures the same work. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bench-common.h"
#include "cb-brief-renderer.h"
#include "cb-opinion.h"

static const char *section_titles[] = {
  "Facts", "Procedural History", "Issue", "Holding", "Reasoning", NULL
};

static const char *prose =
  "The defendant’s guard, seeing a passenger run for the departing train, reached forward "
  "to help him aboard while another guard pushed from behind; a package wrapped in newspaper "
  "fell upon the rails and exploded, and the shock threw down scales at the other end of the "
  "platform, many feet away, which struck the plaintiff and injured her. The risk reasonably "
  "to be perceived defines the duty to be obeyed, and risk imports relation.";

/**
 * cb_bench_build_opinion_text:
 *
 * The sample opinion (without its closing line) repeated until it is 1 MB, each
 * paragraph ending in star pages of two reporters numbered on, so the page map has
 * hundreds of pages.
 *
 * Returns: (transfer full): the text
 */
char *
cb_bench_build_opinion_text (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
  g_autofree char *sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) markers = g_regex_new ("\\*{1,3}[0-9]+ ", 0, 0, NULL);
  g_autofree char *body = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GString *out = g_string_new (NULL);
  guint page = 2;
  char *end;

  if (!g_file_get_contents (path, &sample, NULL, &error))
    g_error ("%s", error->message);
  end = strstr (sample, "It is so ordered.");
  if (end != NULL)
    *end = '\0';
  body = g_regex_replace_literal (markers, sample, -1, 0, "", 0, NULL);
  paragraphs = g_strsplit (body, "\n", -1);

  while (out->len < CB_BENCH_OPINION_BYTES)
    for (guint i = 0; paragraphs[i] != NULL; i++)
      {
        g_string_append (out, paragraphs[i]);
        g_string_append_printf (out, " *%u **%u ", page, page + 1000);
        page++;
        g_string_append_c (out, '\n');
      }
  g_string_append (out, "It is so ordered.\n");
  return g_string_free (out, FALSE);
}

/**
 * cb_bench_edit_opinion_text:
 * @text: an opinion text
 *
 * The text as an editor might leave it: in one paragraph of every ten, a sentence
 * is inserted at the start and twenty characters are taken out of the middle.
 *
 * Returns: (transfer full): the edited text
 */
char *
cb_bench_edit_opinion_text (const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *p = paragraphs[i];
      glong n = g_utf8_strlen (p, -1);

      if (i % 10 == 3 && n > 80)
        {
          const char *cut = g_utf8_offset_to_pointer (p, n / 2);
          const char *resume = g_utf8_offset_to_pointer (cut, 20);

          g_string_append (out, "[Editor’s note: this paragraph was revised.] ");
          g_string_append_len (out, p, cut - p);
          g_string_append (out, resume);
        }
      else
        g_string_append (out, p);
      if (paragraphs[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static CbTemplate *
build_template (void)
{
  CbTemplate *template = cb_template_new ("bench", "Bench");

  for (guint i = 0; section_titles[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(CbTemplateSection) section = cb_template_section_new (id, section_titles[i], "",
                                                                      FALSE, 0);

      cb_template_add_section (template, section);
    }
  return template;
}

static CbBlock *
prose_block (guint words,
             GRand *rand)
{
  g_auto(GStrv) pool = g_strsplit (prose, " ", -1);
  guint n_pool = g_strv_length (pool);
  GString *text = g_string_new (NULL);
  CbBlock *block = cb_block_new_paragraph ();

  for (guint w = 0; w < words; w++)
    {
      if (w > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, pool[g_rand_int_range (rand, 0, n_pool)]);
    }
  cb_block_add_run (block, text->str, CB_RUN_PLAIN);
  g_string_free (text, TRUE);
  return block;
}

/**
 * cb_bench_build_brief:
 *
 * A brief on the 1 MB opinion with %CB_BENCH_EXCERPTS excerpts spread over its five
 * sections in opinion order, and %CB_BENCH_PROSE_WORDS words of prose between them.
 *
 * Returns: (transfer full): the brief
 */
CbBrief *
cb_bench_build_brief (void)
{
  g_autofree char *text = cb_bench_build_opinion_text ();
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "bench-opinion.txt", &error);
  g_autoptr(CbTemplate) template = build_template ();
  GPtrArray *blocks[G_N_ELEMENTS (section_titles) - 1] = { NULL };
  GRand *rand = g_rand_new_with_seed (7);
  guint n_sections = G_N_ELEMENTS (section_titles) - 1;
  guint words_per_paragraph = CB_BENCH_PROSE_WORDS / CB_BENCH_EXCERPTS;
  gsize length;
  CbBrief *brief;

  if (opinion == NULL)
    g_error ("%s", error->message);
  length = cb_opinion_get_length (opinion);
  brief = cb_brief_new (template, opinion);
  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  cb_brief_set_student (brief, "Casey Student");

  for (guint s = 0; s < n_sections; s++)
    blocks[s] = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);

  for (guint i = 0; i < CB_BENCH_EXCERPTS; i++)
    {
      guint s = i * n_sections / CB_BENCH_EXCERPTS;
      CbSection *section = cb_brief_get_section (brief, s);
      gsize start = (length - 400) / CB_BENCH_EXCERPTS * i + g_rand_int_range (rand, 0, 100);
      gsize end = start + g_rand_int_range (rand, 60, 240);
      CbExcerpt *excerpt = cb_brief_add_excerpt (brief, cb_section_get_id (section), start, end);

      g_ptr_array_add (blocks[s], prose_block (words_per_paragraph, rand));
      g_ptr_array_add (blocks[s], cb_block_new_excerpt (cb_excerpt_get_id (excerpt)));
    }
  for (guint s = 0; s < n_sections; s++)
    {
      cb_section_set_blocks (cb_brief_get_section (brief, s), blocks[s]);
      g_ptr_array_unref (blocks[s]);
    }
  g_rand_free (rand);
  return brief;
}

/**
 * cb_bench_edit_brief:
 * @brief: a saved brief
 *
 * The same brief file with its embedded opinion edited by
 * cb_bench_edit_opinion_text(): the anchors' offsets no longer fit, so opening it
 * re-finds most excerpts.
 *
 * Returns: (transfer full): the edited file
 */
GBytes *
cb_bench_edit_brief (GBytes *brief)
{
  gsize size;
  const char *data = g_bytes_get_data (brief, &size);
  xmlDoc *doc = xmlReadMemory (data, size, "bench.brief", NULL, XML_PARSE_NONET);
  xmlNode *opinion = NULL;
  xmlChar *text, *out;
  int out_size;
  g_autofree char *edited = NULL;
  GBytes *result;

  g_assert (doc != NULL);
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "opinion"))
      opinion = node;
  g_assert (opinion != NULL);

  text = xmlNodeGetContent (opinion);
  edited = cb_bench_edit_opinion_text ((const char *) text);
  xmlFree (text);
  while (opinion->children != NULL)
    {
      xmlNode *child = opinion->children;

      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
  xmlNodeAddContent (opinion, BAD_CAST edited);

  xmlDocDumpMemoryEnc (doc, &out, &out_size, "UTF-8");
  result = g_bytes_new (out, out_size);
  xmlFree (out);
  xmlFreeDoc (doc);
  return result;
}

/**
 * cb_bench_build_print_brief:
 * @paragraphs_per_section: how many paragraphs of prose each section has
 *
 * A brief of prose only, for printing: five sections of long paragraphs with an
 * italic case name in each.
 *
 * Returns: (transfer full): the brief
 */
CbBrief *
cb_bench_build_print_brief (guint paragraphs_per_section)
{
  g_autoptr(CbTemplate) template = build_template ();
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text ("The opinion.\n", "opinion.txt",
                                                           CB_OPINION_FORMAT_TEXT);
  CbBrief *brief = cb_brief_new (template, opinion);

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
          cb_block_add_run (block, prose + strlen ("The"), CB_RUN_PLAIN);
          g_ptr_array_add (blocks, block);
        }
      cb_section_set_blocks (cb_brief_get_section (brief, s), blocks);
    }
  return brief;
}

/**
 * cb_bench_build_pages_brief:
 * @pages: how many A4 pages the brief should fill at least
 * @n_pages: (out): how many it fills
 *
 * A brief for printing, grown until it fills @pages A4 pages.
 *
 * Returns: (transfer full): the brief
 */
CbBrief *
cb_bench_build_pages_brief (guint  pages,
                            guint *n_pages)
{
  CbPageGeometry geometry;
  guint per_section = 10;
  CbBrief *brief = NULL;

  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);
  *n_pages = 0;
  while (*n_pages < pages)
    {
      g_autoptr(CbBriefRenderer) renderer = NULL;

      g_clear_object (&brief);
      brief = cb_bench_build_print_brief (per_section);
      renderer = cb_brief_renderer_new (brief);
      cb_brief_renderer_set_geometry (renderer, &geometry);
      *n_pages = cb_brief_renderer_paginate (renderer, NULL);
      if (*n_pages < pages)
        per_section = per_section * pages / MAX (*n_pages, 1) + 1;
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

/**
 * cb_bench_median:
 * @values: timings; sorted in place
 * @n: how many
 *
 * Returns: the median
 */
double
cb_bench_median (double *values,
                 guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/**
 * cb_bench_min:
 * @values: timings
 * @n: how many
 *
 * Returns: the smallest
 */
double
cb_bench_min (const double *values,
              guint         n)
{
  double m = values[0];

  for (guint i = 1; i < n; i++)
    m = MIN (m, values[i]);
  return m;
}

/**
 * cb_bench_max:
 * @values: timings
 * @n: how many
 *
 * Returns: the largest
 */
double
cb_bench_max (const double *values,
              guint         n)
{
  double m = values[0];

  for (guint i = 1; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

/**
 * cb_bench_report:
 * @path: what was measured
 * @unit: the unit of @values ("ms", "MB/s", "MB")
 * @values: one figure per run
 * @n: how many runs
 * @peer: (nullable): what it is compared with
 * @peer_median: the peer's median from the same run
 *
 * Prints one result as a human line and as a `BENCH` line that `build-aux/dev bench`
 * collects into its table: path, unit, median, min, max, peer, peer's figure, ratio.
 */
void
cb_bench_report (const char *path,
                 const char *unit,
                 double     *values,
                 guint       n,
                 const char *peer,
                 double      peer_median)
{
  double median = cb_bench_median (values, n);
  double min = cb_bench_min (values, n);
  double max = cb_bench_max (values, n);

  if (peer != NULL)
    g_print ("%s: median %.2f %s (min %.2f, max %.2f, %u runs); %s %.2f %s; ratio %.2f\n",
             path, median, unit, min, max, n, peer, peer_median, unit,
             peer_median > 0 ? median / peer_median : 0);
  else
    g_print ("%s: median %.2f %s (min %.2f, max %.2f, %u runs)\n", path, median, unit, min, max, n);
  g_print ("BENCH\t%s\t%s\t%.3f\t%.3f\t%.3f\t%s\t%.3f\t%.3f\n", path, unit, median, min, max,
           peer ? peer : "", peer ? peer_median : 0,
           peer && peer_median > 0 ? median / peer_median : 0);
}

/**
 * cb_bench_write_temp:
 * @name: a file name
 * @contents: what to write
 * @length: its length, or -1
 *
 * Writes a file into a fresh temporary folder.
 *
 * Returns: (transfer full): the file's path
 */
char *
cb_bench_write_temp (const char *name,
                     const char *contents,
                     gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-bench-XXXXXX", &error);
  char *path;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents (path, contents, length, &error))
    g_error ("%s", error->message);
  return path;
}

/**
 * cb_bench_run_command:
 * @argv: a command
 *
 * Runs a command to its end, its output thrown away.
 *
 * Returns: the seconds it took, or -1 when it could not run or failed
 */
double
cb_bench_run_command (const char * const *argv)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return -1;
  if (!g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}
