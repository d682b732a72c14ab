/* Everything the importer derives from an opinion (page marks, footnotes, headnotes,
 * numbered paragraphs, separate opinions, hidden marker characters, caption, citations
 * with their offsets) written out line by line and compared with a stored expectation, for every opinion
 * fixture, the shared sample and the 1 MB benchmark opinion. Any change to what an
 * import finds shows up here as a changed line.
 *
 * To accept a deliberate change, run the test with CB_UPDATE_EXPECTED=1: it rewrites
 * the files under tests/fixtures/expected/, and the diff is the change to review. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "cb-citation.h"
#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-opinion-private.h"

static const char * const kinds[] = { "case", "statute", "short", "id" };
static const char * const forms[] = { "reporter", "neutral", "database" };
/* In the order of CbOpinionFormat. */
static const char * const formats[] = { "text", "html", "pdf", "xml" };

static void
dump_string (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, " %s=%s", name, value != NULL ? value : "(null)");
}

static void
dump_citation (GString          *out,
               guint             index,
               const CbCitation *c)
{
  g_string_append_printf (out, "citation %u %s %s %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                          index, kinds[c->kind], forms[c->form], c->start, c->end);
  dump_string (out, "text", c->text);
  dump_string (out, "name", c->case_name);
  dump_string (out, "volume", c->volume);
  dump_string (out, "reporter", c->reporter);
  dump_string (out, "written", c->reporter_written);
  dump_string (out, "page", c->page);
  dump_string (out, "pin", c->pin);
  dump_string (out, "court", c->court);
  dump_string (out, "year", c->year);
  dump_string (out, "date", c->date);
  g_string_append_printf (out, " parallel_of=%d refers_to=%d refers_to_kind=%s\n",
                          c->parallel_of, c->refers_to, kinds[c->refers_to_kind]);
}

/* The hidden characters as runs "start-end", which is what quote search and pin
 * cites see of them. */
static void
dump_hidden (GString   *out,
             CbOpinion *opinion)
{
  const guint8 *hidden = cb_opinion_get_hidden (opinion);

  for (gsize i = 0; i < opinion->length; i++)
    {
      gsize start = i;

      if (!hidden[i])
        continue;
      while (i < opinion->length && hidden[i])
        i++;
      g_string_append_printf (out, "hidden %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "\n", start, i);
    }
}

/* What a reader copies out of the opinion, and the pin cites of it: every stretch of
 * QUOTE_STEP characters, which cross markers, footnotes and line breaks. */
#define QUOTE_STEP 97

static void
dump_quotes (GString   *out,
             CbOpinion *opinion)
{
  gsize length = cb_opinion_get_length (opinion);

  for (gsize start = 0; start < length; start += QUOTE_STEP)
    {
      gsize end = MIN (length, start + QUOTE_STEP);
      g_autofree char *quote = cb_opinion_quote_text (opinion, start, end);
      g_autofree char *cite = cb_opinion_pin_cite (opinion, start, end, NULL, CB_CITE_STYLE_BLUEBOOK);

      g_string_append_printf (out, "quote %" G_GSIZE_FORMAT " %s | %s\n", start, quote,
                              cite != NULL ? cite : "(null)");
    }
}

static char *
dump_opinion (CbOpinion *opinion)
{
  GString *out = g_string_new (NULL);
  const CbPageMark *marks;
  const CbFootnote *notes;
  const CbHeadnote *headnotes;
  const CbParagraph *paragraphs;
  const CbPart *parts;
  GPtrArray *citations = cb_opinion_get_citations (opinion);
  gsize n;

  g_string_append_printf (out, "format %s\nlength %" G_GSIZE_FORMAT "\nsha256 %s\n",
                          formats[cb_opinion_get_format (opinion)],
                          cb_opinion_get_length (opinion), cb_opinion_get_sha256 (opinion));
  g_string_append_printf (out, "reporters %u first pages %u %u %u\n",
                          cb_opinion_get_n_reporters (opinion), cb_opinion_get_first_page (opinion, 0),
                          cb_opinion_get_first_page (opinion, 1), cb_opinion_get_first_page (opinion, 2));
  g_string_append_printf (out, "footnote block %" G_GSIZE_FORMAT "\n",
                          cb_opinion_get_footnote_block (opinion));
  dump_string (out, "case", cb_opinion_get_case_name (opinion));
  dump_string (out, "citation", cb_opinion_get_citation (opinion));
  dump_string (out, "court", cb_opinion_get_court (opinion));
  dump_string (out, "date", cb_opinion_get_date (opinion));
  dump_string (out, "docket", cb_opinion_get_docket (opinion));
  g_string_append_c (out, '\n');

  marks = cb_opinion_get_page_marks (opinion, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (out, "mark %u %u %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT "\n",
                            marks[i].reporter, marks[i].page, marks[i].offset, marks[i].length);
  notes = cb_opinion_get_footnotes (opinion, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (out, "footnote %s marker %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT
                            " body %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "\n",
                            notes[i].label, notes[i].marker_offset, notes[i].marker_length,
                            notes[i].body_start, notes[i].body_end);
  headnotes = cb_opinion_get_headnotes (opinion, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (out, "headnote %u %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT "\n",
                            headnotes[i].number, headnotes[i].offset, headnotes[i].length);
  paragraphs = cb_opinion_get_paragraphs (opinion, &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (out, "paragraph %u %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT "\n",
                            paragraphs[i].number, paragraphs[i].offset, paragraphs[i].length);
  parts = cb_page_map_get_parts (cb_opinion_get_page_map (opinion), &n);
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (out, "part %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " %s\n",
                            parts[i].start, parts[i].end, parts[i].parenthetical);
  dump_hidden (out, opinion);
  for (guint i = 0; i < citations->len; i++)
    dump_citation (out, i, g_ptr_array_index (citations, i));
  dump_quotes (out, opinion);

  return g_string_free (out, FALSE);
}

static char *
dump_import (const char *data,
             gsize       length,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, name, &error);

  if (opinion == NULL)
    return g_strdup_printf ("error %d\n", error->code);
  return dump_opinion (opinion);
}

static char *
expected_path (const char *name)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "expected", name, NULL);
}

/* Compares @actual with the expectation file @name, or writes it when asked to. A
 * mismatch names the first line that differs, which says what changed. */
static void
check_expected (const char *name,
                const char *actual)
{
  g_autofree char *path = expected_path (name);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) want = NULL;
  g_auto(GStrv) got = NULL;

  if (g_strcmp0 (g_getenv ("CB_UPDATE_EXPECTED"), "1") == 0)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  if (strcmp (expected, actual) == 0)
    return;

  want = g_strsplit (expected, "\n", -1);
  got = g_strsplit (actual, "\n", -1);
  for (guint i = 0; want[i] != NULL || got[i] != NULL; i++)
    {
      if (want[i] == NULL || got[i] == NULL || strcmp (want[i], got[i]) != 0)
        {
          g_test_message ("%s line %u:\nexpected: %s\nactual:   %s", name, i + 1,
                          want[i] ? want[i] : "(end)", got[i] ? got[i] : "(end)");
          break;
        }
    }
  g_assert_cmpstr (actual, ==, expected);
}

static void
check_file (const char *path,
            const char *expected_name)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dump = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  dump = dump_import (data, length, base);
  check_expected (expected_name, dump);
}

/* The names of the files the importer reads, as the Opinions and PDF choosers offer
 * them: a folder of opinions may also hold a README or a picture. */
static gboolean
is_opinion_file (const char *name)
{
  static const char * const extensions[] = { ".txt", ".html", ".htm", ".xml", ".pdf" };
  g_autofree char *folded = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (folded, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Every opinion file in @dir, each against "PREFIX-NAME.expected" among the
 * expectations; the other files are named and left alone. */
static guint
check_dir (const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (is_opinion_file (name))
        g_ptr_array_add (names, g_strdup (name));
      else
        g_test_message ("skipped %s/%s: not an opinion file", dir, name);
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *expected = g_strdup_printf ("%s-%s.expected", prefix,
                                                   (char *) g_ptr_array_index (names, i));

      g_test_message ("%s", path);
      check_file (path, expected);
    }
  return names->len;
}

static void
test_fixtures (void)
{
  g_autofree char *opinions = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures",
                                                "opinions", NULL);
  g_autofree char *analysis = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures",
                                                "analysis", NULL);
  g_autofree char *literal_star = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures",
                                                    "fuzz-regressions", "opinion-text-literal-star.txt",
                                                    NULL);

  g_assert_cmpuint (check_dir (opinions, "opinions"), ==, 18);
  g_assert_cmpuint (check_dir (analysis, "analysis"), ==, 3);
  check_file (literal_star, "fuzz-opinion-text-literal-star.txt.expected");
}

static void
test_shared (void)
{
  g_autofree char *shared = g_build_filename (g_getenv ("CB_SHARED_DIR"), "opinions", NULL);

  /* The shared opinions sit beside a checkout, not in it: a lone clone has none. */
  if (!g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("no shared opinions at %s", shared);
      return;
    }
  g_assert_cmpuint (check_dir (shared, "shared"), >=, 1);
}

/* A folder of opinions with a README and a picture beside the opinion: only the
 * opinion is read, against its expectation; the others are skipped, not read as
 * opinions. */
static void
test_other_files (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *shared = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                              "davidson-v-cannon.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cb-golden-XXXXXX", NULL);
  g_autofree char *opinion = g_build_filename (dir, "davidson-v-cannon.txt", NULL);
  g_autofree char *readme = g_build_filename (dir, "README.md", NULL);
  g_autofree char *picture = g_build_filename (dir, "court.png", NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_file_get_contents (shared, &text, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (opinion, text, length, &error);
  g_assert_no_error (error);
  g_file_set_contents (readme, "# Opinions\n\nThe sample opinions.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (picture, png, sizeof png - 1, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (check_dir (dir, "shared"), ==, 1);

  g_assert_cmpint (g_remove (opinion), ==, 0);
  g_assert_cmpint (g_remove (readme), ==, 0);
  g_assert_cmpint (g_remove (picture), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The benchmark's opinion: thousands of marks and citations. Its dump is too large
 * to keep, so its SHA-256 is kept; a mismatch writes the dump into the build tree to
 * compare with one from the code before the change. */
static void
test_bench_opinion (void)
{
  g_autofree char *text = cb_bench_build_opinion_text ();
  g_autofree char *dump = dump_import (text, strlen (text), "bench.txt");
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
  g_autofree char *line = g_strdup_printf ("%s\n", digest);
  g_autofree char *expected = NULL;
  g_autofree char *path = expected_path ("bench-opinion.sha256");

  if (g_strcmp0 (g_getenv ("CB_UPDATE_EXPECTED"), "1") != 0 &&
      g_file_get_contents (path, &expected, NULL, NULL) && strcmp (expected, line) != 0)
    {
      g_autofree char *out = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "bench-opinion.dump", NULL);

      g_file_set_contents (out, dump, -1, NULL);
      g_test_message ("the dump is in %s", out);
    }
  check_expected ("bench-opinion.sha256", line);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-golden/fixtures", test_fixtures);
  g_test_add_func ("/analysis-golden/shared", test_shared);
  g_test_add_func ("/analysis-golden/other-files", test_other_files);
  g_test_add_func ("/analysis-golden/bench-opinion", test_bench_opinion);

  return g_test_run ();
}
