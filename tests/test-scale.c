/* Extreme shapes: each reader gives the right answer on inputs made as large as the
 * ones whose work once grew with the square of their size. How long they take is the
 * scaling benchmark's business (tests/bench/bench-scaling.c); here only what is read. */
#include "config.h"

#include <string.h>

#include "bench-shapes.h"
#include "cb-brief.h"
#include "cb-check.h"
#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-text-decode.h"

static CbOpinion *
import (const char *text,
        const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  CbOpinion *opinion = cb_opinion_import_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return opinion;
}

static CbBrief *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  CbBrief *brief = cb_brief_load_bytes (bytes, "big.brief", &error);

  g_assert_no_error (error);
  return brief;
}

/* Saved, loaded and saved again, a brief writes the same bytes. */
static void
assert_round_trip (CbBrief *brief)
{
  g_autoptr(GBytes) saved = cb_brief_to_bytes (brief);
  g_autoptr(CbBrief) again = load (saved);
  g_autoptr(GBytes) saved_again = cb_brief_to_bytes (again);

  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* Characters that decompose, compose, reorder or block one another in NFC. */
static const gunichar nfc_pool[] = {
  'a', 'e', 'A', 'o', 'u', ' ', '.',
  0x0300, 0x0301, 0x0308, 0x0316, 0x0323, 0x0327, 0x0345, 0x05B0, 0x0E38, 0x302A, 0x0344,
  0x00E9, 0x00C5, 0x212B, 0x2126, 0x1E0B, 0x1E9B, 0x03B1, 0x1F71, 0x0958, 0x0F73,
  0x0915, 0x093C, 0x09C7, 0x09BE, 0x0B47, 0x0B3E,
  0xAC00, 0xAC01, 0x1100, 0x1161, 0x11A8, 0x3099, 0x304B,
};

static void
test_nfc_is_glibs (void)
{
  GRand *rand = g_rand_new_with_seed (17);

  for (guint run = 0; run < 20000; run++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint length = g_rand_int_range (rand, 0, 24);
      g_autofree char *expected = NULL;
      g_autofree char *normalized = NULL;

      for (guint i = 0; i < length; i++)
        g_string_append_unichar (text, nfc_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (nfc_pool))]);
      /* Now and then a run of marks long enough to be counted into order. */
      if (run % 50 == 0)
        for (guint i = 0; i < 300; i++)
          g_string_append_unichar (text, nfc_pool[g_rand_int_range (rand, 7, 18)]);
      expected = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
      normalized = cb_text_normalize_nfc (text->str, -1);
      g_assert_cmpstr (normalized, ==, expected);
    }
  g_rand_free (rand);

  g_assert_null (cb_text_normalize_nfc ("\xff", -1));
}

static void
test_nfd_opinion (void)
{
  g_autofree char *text = cb_shape_nfd_text (1400 * 1024);
  g_autofree char *composed = cb_shape_nfd_text_composed (1400 * 1024);
  g_autoptr(CbOpinion) opinion = import (text, "nfd.txt");

  /* The last line loses its trailing space. */
  g_strchomp (composed);
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, composed);
}

static void
test_footnote_runs (void)
{
  g_autofree char *runs = cb_shape_footnote_runs (240 * 1024);
  g_autoptr(CbOpinion) opinion = import (runs, "runs.txt");
  g_autoptr(GString) text = g_string_new ("The court held.1 It also held.2");
  g_autoptr(CbOpinion) noted = NULL;
  const CbFootnote *notes;
  gsize n_notes;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* No reference matches the labels: there is no footnote block. */
  cb_opinion_get_footnotes (opinion, &n_notes);
  g_assert_cmpuint (n_notes, ==, 0);
  g_assert_cmpuint (cb_opinion_get_footnote_block (opinion), ==, cb_opinion_get_length (opinion));

  /* Thousands of runs of blank lines whose labels match nothing come before the block. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "\n\n\n3 x");
  g_string_append (text, "\n\n\n1 First note.\n\n2 Second note.");
  noted = import (text->str, "noted.txt");
  notes = cb_opinion_get_footnotes (noted, &n_notes);
  g_assert_cmpuint (n_notes, ==, 2);
  g_assert_cmpstr (notes[0].label, ==, "1");
  g_assert_cmpstr (notes[1].label, ==, "2");
  g_assert_cmpuint (notes[0].marker_offset, ==, strlen ("The court held."));
  g_assert_cmpuint (notes[1].marker_offset, ==, strlen ("The court held.1 It also held."));
  first = cb_opinion_quote_text (noted, notes[0].body_start, notes[0].body_end);
  second = cb_opinion_quote_text (noted, notes[1].body_start, notes[1].body_end);
  g_assert_cmpstr (first, ==, "First note.");
  g_assert_cmpstr (second, ==, "Second note.");
}

static void
test_html_attributes (void)
{
  g_autofree char *html = cb_shape_html_attributes (100000);
  g_autoptr(CbOpinion) opinion = import (html, "attributes.html");
  g_autoptr(GString) spans = g_string_new ("<html><body><p>Before <span class=\"star-pagination\"");
  g_autoptr(CbOpinion) paged = NULL;
  const CbPageMark *marks;
  gsize n_marks;

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Text *345 more.\n");
  marks = cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpuint (marks[0].page, ==, 345);
  g_assert_cmpuint (marks[0].offset, ==, 5);

  /* The marker's class comes first among 100,000 attributes. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (spans, " data-n%u=\"%u\"", i, i);
  g_string_append (spans, ">*346</span> after.</p></body></html>");
  paged = import (spans->str, "spans.html");
  g_assert_cmpstr (cb_opinion_get_text (paged), ==, "Before *346 after.\n");
  marks = cb_opinion_get_page_marks (paged, &n_marks);
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpuint (marks[0].page, ==, 346);
}

static void
test_many_sections (void)
{
  g_autoptr(GBytes) bytes = cb_shape_brief_sections (40000);
  g_autoptr(CbBrief) brief = load (bytes);
  g_autoptr(CbCheckReport) report = NULL;
  g_autoptr(GString) twice = NULL;
  g_autoptr(GBytes) twice_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) refused = NULL;
  g_autofree char *place = NULL;
  const char *close;
  int line = 1;

  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 40000);
  g_assert_cmpstr (cb_section_get_title (cb_brief_lookup_section (brief, "s39999")), ==, "s39999");
  g_assert_true (cb_brief_lookup_section (brief, "s20000") == cb_brief_get_section (brief, 20000));
  g_assert_null (cb_brief_lookup_section (brief, "s40000"));

  report = cb_check_report_new_for_brief (brief, "big.brief");
  g_assert_cmpint (report->status, ==, CB_CHECK_COMPLETE);
  g_assert_cmpuint (report->sections->len, ==, 40000);
  g_assert_cmpuint (((CbCheckSection *) g_ptr_array_index (report->sections, 39999))->word_count, ==, 2);

  /* A second section "s0" among 40,000 is found, on its line. */
  twice = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  close = strstr (twice->str, "    <section id=\"s1\"");
  for (const char *p = twice->str; p < close; p++)
    line += *p == '\n';
  g_string_insert (twice, close - twice->str,
                   "    <section id=\"s0\">\n      <title>again</title>\n      <content/>\n    </section>\n");
  twice_bytes = g_bytes_new_static (twice->str, twice->len);
  refused = cb_brief_load_bytes (twice_bytes, "twice.brief", &error);
  g_assert_null (refused);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  place = g_strdup_printf ("twice.brief, line %d: two sections have the id “s0”", line);
  g_assert_cmpstr (error->message, ==, place);
}

static void
test_many_runs (void)
{
  g_autoptr(GBytes) bytes = cb_shape_brief_runs (80000);
  g_autoptr(CbBrief) brief = load (bytes);
  CbSection *section = cb_brief_lookup_section (brief, "facts");
  const CbBlock *block = cb_section_get_block (section, 0);

  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 1);
  g_assert_cmpuint (block->runs->len, ==, 80000);
  g_assert_cmpint (((CbRun *) g_ptr_array_index (block->runs, 0))->flags, ==, CB_RUN_ITALIC);
  g_assert_cmpint (((CbRun *) g_ptr_array_index (block->runs, 79999))->flags, ==, CB_RUN_PLAIN);
  g_assert_cmpstr (((CbRun *) g_ptr_array_index (block->runs, 79999))->text, ==, " b ");
  assert_round_trip (brief);
}

/* Thousands of unknown elements at the extension point are kept, in order; one before
 * a known element is refused, as the schema says. */
static void
test_many_extensions (void)
{
  g_autoptr(GBytes) plain = cb_shape_brief_sections (1);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autoptr(GString) extensions = g_string_new (NULL);
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) early = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) refused = NULL;
  const char *saved_text;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (extensions, "  <x:later xmlns:x=\"urn:later\" n=\"%u\"><x:part/>text</x:later>\n", i);
  g_string_insert (text, strstr (text->str, "</brief>") - text->str, extensions->str);
  bytes = g_bytes_new_static (text->str, text->len);
  brief = load (bytes);
  saved = cb_brief_to_bytes (brief);
  saved_text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (g_strstr_len (saved_text, g_bytes_get_size (saved), "n=\"0\""));
  g_assert_true (g_strstr_len (saved_text, g_bytes_get_size (saved), "n=\"39998\"") <
                 g_strstr_len (saved_text, g_bytes_get_size (saved), "n=\"39999\""));
  assert_round_trip (brief);

  g_string_insert (text, strstr (text->str, "  <sections>") - text->str, "  <x:early xmlns:x=\"urn:later\"/>\n");
  early = g_bytes_new_static (text->str, text->len);
  refused = cb_brief_load_bytes (early, "early.brief", &error);
  g_assert_null (refused);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
}

static void
test_moved_excerpts (void)
{
  g_autofree gsize *starts = NULL;
  g_autoptr(GBytes) bytes = cb_shape_brief_moved (10000, &starts);
  g_autoptr(CbBrief) brief = load (bytes);
  GListModel *excerpts = cb_brief_get_excerpts (brief);

  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 10000);
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_MOVED);
      g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, starts[i]);
      g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, starts[i] + 60);
    }
  assert_round_trip (brief);
}

static void
test_long_quote_typo (void)
{
  g_autoptr(GBytes) bytes = cb_shape_brief_typo (100000);
  g_autoptr(CbBrief) brief = load (bytes);
  g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (cb_brief_get_excerpts (brief), 0);

  g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_NEEDS_REVIEW);
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, 100);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, 100 + 100000);
}

static void
test_parallel_citations (void)
{
  g_autoptr(GBytes) bytes = cb_shape_brief_parallel (5000);
  g_autoptr(CbBrief) brief = load (bytes);
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  const char *text = cb_opinion_get_text (cb_brief_get_opinion (brief));
  const char *marker = strstr (text, " *");
  guint page = 344;

  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 5000);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      g_autofree char *cite = cb_brief_dup_pin_cite (brief, excerpt);
      g_autofree char *expected = NULL;

      /* The text is ASCII, its offsets bytes, and the excerpts in its order: each is on
       * the page of the last marker before it. Of the 5,000 citations, only the first
       * has pages here. */
      while (marker != NULL && (gsize) (marker - text) < cb_excerpt_get_start (excerpt))
        {
          page++;
          marker = strstr (marker + 1, " *");
        }
      expected = g_strdup_printf ("1 U.S. at %u", page);
      g_assert_cmpstr (cite, ==, expected);
    }
}

static void
test_check_table_long_name (void)
{
  g_autofree char *text = cb_shape_opinion_text (2000);
  g_autoptr(GBytes) bytes = cb_shape_brief (text, "474 U.S. 344", "-", "", "");
  g_autoptr(CbBrief) brief = load (bytes);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_check_report_free);
  g_autofree char *name = g_strnfill (2000000, 'N');
  g_autofree char *kept = g_strnfill (59, 'N');
  g_autofree char *cut = NULL;
  g_autofree char *table = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *student = g_strdup_printf ("Étudiant %u", i);
      g_autofree char *file = g_strdup_printf ("brief-%03u.brief", i);

      cb_brief_set_student (brief, i == 250 ? name : student);
      g_ptr_array_add (reports, cb_check_report_new_for_brief (brief, file));
    }
  table = cb_check_format_table (reports);
  lines = g_strsplit (table, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 502);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 150);
  cut = g_strconcat ("brief-250.brief  ", kept, "…  ", NULL);
  g_assert_true (g_str_has_prefix (lines[251], cut));
  g_assert_true (g_str_has_prefix (lines[252], "brief-251.brief  Étudiant 251  "));

  csv = cb_check_format_csv (reports);
  g_assert_nonnull (strstr (csv, name));
}

static void
test_idem (void)
{
  g_autofree char *text = cb_shape_idem_text (4 * 1024 * 1024);
  g_autoptr(CbOpinion) opinion = import (text, "idem.txt");
  g_autoptr(GArray) ranges = cb_opinion_find_quote_all (opinion, "Id. Id.");
  const CbRange *last;

  /* "Id. Id." starts at every "Id." but the last. */
  g_assert_cmpuint (ranges->len, ==, 1024 * 1024 - 1);
  last = &g_array_index (ranges, CbRange, ranges->len - 1);
  g_assert_cmpuint (last->start, ==, 4 * (1024 * 1024 - 2));
  g_assert_cmpuint (last->end, ==, last->start + 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scale/nfc-is-glibs", test_nfc_is_glibs);
  g_test_add_func ("/scale/nfd-opinion", test_nfd_opinion);
  g_test_add_func ("/scale/footnote-runs", test_footnote_runs);
  g_test_add_func ("/scale/html-attributes", test_html_attributes);
  g_test_add_func ("/scale/many-sections", test_many_sections);
  g_test_add_func ("/scale/many-runs", test_many_runs);
  g_test_add_func ("/scale/many-extensions", test_many_extensions);
  g_test_add_func ("/scale/moved-excerpts", test_moved_excerpts);
  g_test_add_func ("/scale/long-quote-typo", test_long_quote_typo);
  g_test_add_func ("/scale/parallel-citations", test_parallel_citations);
  g_test_add_func ("/scale/check-table-long-name", test_check_table_long_name);
  g_test_add_func ("/scale/idem", test_idem);
  return g_test_run ();
}
