#include "config.h"

#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-test.h"

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions", "davidson-v-cannon.txt", NULL);
}

static void
test_normalize_line_ends (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("First line.  \r\nSecond\u00a0\rThird\n", "x.txt", CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "First line.\nSecond\nThird\n");
  g_assert_cmpuint (cb_opinion_get_length (opinion), ==, strlen ("First line.\nSecond\nThird\n"));
}

static void
test_normalize_nfc (void)
{
  /* "é" as e + combining acute becomes the single precomposed character. */
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("Caf\x65\xcc\x81", NULL, CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Caf\xc3\xa9");
  g_assert_cmpuint (cb_opinion_get_length (opinion), ==, 4);
}

static void
test_import_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opinion);
  g_assert_cmpstr (cb_opinion_get_source_name (opinion), ==, "davidson-v-cannon.txt");
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion), "James received the note at about 2 p.m."));
  /* The non-breaking spaces that separate paragraphs are trimmed as trailing white space. */
  g_assert_null (strstr (cb_opinion_get_text (opinion), "\u00a0\n"));
  g_assert_cmpuint (strlen (cb_opinion_get_sha256 (opinion)), ==, 64);
}

static void
test_import_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/opinion.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_null (opinion);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_normalize_leading_blank_lines (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("\n \n\u00a0\nText *2 here.\n", NULL, CB_OPINION_FORMAT_TEXT);
  gsize n_marks;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Text *2 here.\n");
  g_assert_cmpuint (n_marks, ==, 1);
  g_assert_cmpuint (marks[0].offset, ==, 5);
}

static void
test_sample_page_marks (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  const char *expected[] = { "*346", "**670", "*347", "*348", "**671" };
  const guint reporters[] = { 0, 1, 0, 0, 1 };
  const guint pages[] = { 346, 670, 347, 348, 671 };
  gsize n_marks;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);

  g_assert_cmpuint (cb_opinion_get_n_reporters (opinion), ==, 2);
  g_assert_cmpuint (n_marks, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_marks; i++)
    {
      g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, marks[i].offset), expected[i]));
      g_assert_cmpuint (marks[i].length, ==, strlen (expected[i]));
      g_assert_cmpuint (marks[i].reporter, ==, reporters[i]);
      g_assert_cmpuint (marks[i].page, ==, pages[i]);
    }

  /* Text before a reporter's first marker is on that page minus one; a page begins at its marker. */
  g_assert_cmpuint (cb_opinion_get_first_page (opinion, 0), ==, 345);
  g_assert_cmpuint (cb_opinion_get_first_page (opinion, 1), ==, 669);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 0, 0), ==, 345);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 1, 0), ==, 669);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 0, marks[0].offset - 1), ==, 345);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 0, marks[0].offset), ==, 346);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 1, marks[1].offset + 10), ==, 670);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 2, 0), ==, 0);
}

static void
test_sample_footnote (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  gsize n_notes, start, end;
  const CbFootnote *notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_autofree char *body = NULL;

  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpstr (notes[0].label, ==, "*");
  g_assert_cmpuint (notes[0].marker_length, ==, 1);
  /* The reference is the star right after "Corrections Sergeant." */
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].marker_offset - strlen ("Sergeant.")),
                                   "Sergeant.* Cannon"));
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].body_start),
                                   "The note, addressed to a civilian hearing officer, said:"));
  /* The body runs to the end of the note's last line, without the final line break. */
  g_assert_cmpstr (cb_test_text_at (opinion, notes[0].body_end - strlen ("1984).")), ==, "1984).\n\n");
  g_assert_cmpuint (cb_opinion_get_footnote_block (opinion), ==, notes[0].body_start);
  body = cb_opinion_quote_text (opinion, notes[0].body_start, notes[0].body_end);
  g_assert_true (g_str_has_suffix (body, "“Thank you, R. Davidson.” 752 F.2d 817, 819 (CA3 1984)."));

  g_assert_true (cb_opinion_footnote_at (opinion, notes[0].body_start) == &notes[0]);
  g_assert_null (cb_opinion_footnote_at (opinion, 10));

  /* The footnote block at the end is on the page of its reference, not on the last page. */
  g_assert_cmpuint (cb_opinion_page_at (opinion, 0, notes[0].body_start + 5), ==, 345);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 1, notes[0].body_start + 5), ==, 669);

  g_assert_true (cb_opinion_find_quote (opinion, "I'm quite content to let this matter drop", 0, &start, &end));
  g_assert_true (cb_opinion_footnote_at (opinion, start) == &notes[0]);
}

static void
test_sample_headnotes (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  gsize n;
  const CbHeadnote *headnotes = cb_opinion_get_headnotes (opinion, &n);

  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *marker = g_strdup_printf ("[%u]", i + 1);

      g_assert_cmpuint (headnotes[i].number, ==, i + 1);
      g_assert_cmpuint (headnotes[i].length, ==, 3);
      g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, headnotes[i].offset), marker));
    }
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, headnotes[3].offset), "[4] Respondents’ lack"));
}

static void
test_sample_no_metadata (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");

  /* The sample has no caption: nothing is invented. */
  g_assert_null (cb_opinion_get_case_name (opinion));
  g_assert_null (cb_opinion_get_citation (opinion));
  g_assert_null (cb_opinion_get_court (opinion));
  g_assert_null (cb_opinion_get_date (opinion));
  g_assert_null (cb_opinion_get_docket (opinion));
  g_assert_nonnull (cb_opinion_get_citations (opinion));
}

static void
test_sample_pin_cites (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  const char *us = "474 U.S. 344";
  struct {
    const char *quote;
    const char *citation;
    CbCiteStyle style;
    const char *expected;
  } cases[] = {
    { "James received the note", us, CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345" },
    { "the majority held that respondents’ negligence", us, CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 347" },
    /* Runs across *346. */
    { "left the note on his desk unread. By the time he left the prison that evening James had forgotten "
      "about the note, and since neither he nor Cannon worked", us, CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345–46" },
    /* In the footnote, whose reference is on page 345. */
    { "The note, addressed to a civilian hearing officer, said:", us, CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345 n.*" },
    { "Thank you, R. Davidson.", us, CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345 n.*" },
    /* After **670 (third paragraph) and *347 (fourth paragraph). */
    { "the majority held that respondents’ negligence", "474 U.S. 344, 106 S. Ct. 668", CB_CITE_STYLE_BLUEBOOK,
      "474 U.S. at 347, 106 S. Ct. at 670" },
    { "the majority held that respondents’ negligence", "474 U.S. 344,106 S.Ct. 668", CB_CITE_STYLE_BLUEBOOK,
      "474 U.S. at 347, 106 S. Ct. at 670" },
    /* A parallel reporter without star paging in the text is left out. */
    { "the majority held that respondents’ negligence", "474 U.S. 344, 106 S. Ct. 668, 88 L. Ed. 2d 677",
      CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 347, 106 S. Ct. at 670" },
    /* The order given is the order written. */
    { "the majority held that respondents’ negligence", "106 S. Ct. 668, 474 U.S. 344", CB_CITE_STYLE_BLUEBOOK,
      "106 S. Ct. at 670, 474 U.S. at 347" },
    /* Before **670: "S.Ct." is the same reporter as "S. Ct." and is written canonically. */
    { "James received the note", "106 S.Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669" },
    { "Thank you, R. Davidson.", "106 S.Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669 n.*" },
    { "lack of care simply does not approach the sort of abusive government conduct", "106 S. Ct. 668",
      CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 670" },
    { "the majority held that respondents’ negligence", us, CB_CITE_STYLE_SUPREME_COURT, "474 U.S., at 347" },
    { "left the note on his desk unread. By the time he left the prison that evening James had forgotten "
      "about the note, and since neither he nor Cannon worked", us, CB_CITE_STYLE_SUPREME_COURT, "474 U.S., at 345–346" },
    /* Without a citation: the bare page of the first reporter. */
    { "James received the note", NULL, CB_CITE_STYLE_BLUEBOOK, "*345" },
    { "and since neither he nor Cannon", NULL, CB_CITE_STYLE_BLUEBOOK, "*345–46" },
    { "Thank you, R. Davidson.", NULL, CB_CITE_STYLE_BLUEBOOK, "*345 n.*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cite = cb_test_cite_quote (opinion, cases[i].quote, cases[i].citation, cases[i].style);

      g_assert_cmpstr (cite, ==, cases[i].expected);
    }
}

static void
test_sample_pin_cite_ends (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  gsize n_marks, start, end;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *unknown = NULL;

  /* A selection that ends on a marker and its space does not reach the next page. */
  g_assert_true (cb_opinion_find_quote (opinion, "and since", 0, &start, &end));
  before = cb_opinion_pin_cite (opinion, start, marks[0].offset + marks[0].length + 1, "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (before, ==, "474 U.S. at 345");
  /* One that starts on it is on the new page. */
  after = cb_opinion_pin_cite (opinion, marks[0].offset, marks[0].offset + 20, "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (after, ==, "474 U.S. at 346");
  /* A reporter the opinion has no pages for: the bare page, never none. */
  unknown = cb_opinion_pin_cite (opinion, start, end, "88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (unknown, ==, "*345");
}

static void
test_sample_find_quote (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  gsize start, end, again_start, again_end;
  g_autofree char *quoted = NULL;
  g_autofree char *across = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GArray) all = NULL;

  /* Straight quotes find curly ones. */
  g_assert_true (cb_opinion_find_quote (opinion, "\"because [respondents] did not act with deliberate", 0, &start, &end));
  quoted = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (quoted, ==, "“because [respondents] did not act with deliberate");
  g_assert_true (cb_opinion_find_quote (opinion, "Respondents' lack of due care", 0, &start, &end));
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, start), "Respondents’ lack"));

  /* A star marker inside the passage. */
  g_assert_true (cb_opinion_find_quote (opinion, "and since neither he nor Cannon worked", 0, &start, &end));
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, start), "and since *346 neither"));
  across = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (across, ==, "and since neither he nor Cannon worked");

  /* The same quote copied with its marker. */
  g_assert_true (cb_opinion_find_quote (opinion, "and since *346 neither he", 0, &again_start, &again_end));
  g_assert_cmpuint (again_start, ==, start);

  /* A footnote marker, and a line break in the footnote with white space around it. */
  g_assert_true (cb_opinion_find_quote (opinion, "a Corrections Sergeant. Cannon subsequently", 0, &start, &end));
  g_assert_true (cb_opinion_find_quote (opinion, "officer, said:   \"When I went back", 0, &start, &end));
  note = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (note, ==, "officer, said: “When I went back");
  g_assert_nonnull (strchr (g_utf8_offset_to_pointer (cb_opinion_get_text (opinion), start), '\n'));

  /* Headnote markers and a paragraph break in the way. */
  g_assert_true (cb_opinion_find_quote (opinion, "controlling here, we affirm. In Daniels, we held", 0, &start, &end));
  g_free (quoted);
  quoted = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (quoted, ==, "controlling here, we affirm. In Daniels, we held");

  g_assert_false (cb_opinion_find_quote (opinion, "a sentence the court never wrote", 0, &start, &end));

  /* Searching on from a match finds the next one. */
  g_assert_true (cb_opinion_find_quote (opinion, "James", 0, &start, &end));
  g_assert_true (cb_opinion_find_quote (opinion, "James", start + 1, &again_start, &again_end));
  g_assert_cmpuint (again_start, >, start);

  all = cb_opinion_find_quote_all (opinion, "James");
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < all->len; i++)
    {
      CbRange *range = &g_array_index (all, CbRange, i);

      g_assert_cmpuint (range->end - range->start, ==, 5);
      g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, range->start), "James"));
      if (i > 0)
        g_assert_cmpuint (range->start, >, g_array_index (all, CbRange, i - 1).start);
    }
}

static void
test_nfc_quote (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("The caf\xc3\xa9 owner *2 sued.\n", NULL, CB_OPINION_FORMAT_TEXT);
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (opinion, "cafe\xcc\x81 owner sued", 0, &start, &end));
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, strlen ("The café owner *2 sued") - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opinion/normalize/line-ends", test_normalize_line_ends);
  g_test_add_func ("/opinion/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/opinion/import/sample", test_import_sample);
  g_test_add_func ("/opinion/import/missing", test_import_missing_file);

  g_test_add_func ("/opinion/normalize/leading-blank-lines", test_normalize_leading_blank_lines);
  g_test_add_func ("/opinion/sample/page-marks", test_sample_page_marks);
  g_test_add_func ("/opinion/sample/footnote", test_sample_footnote);
  g_test_add_func ("/opinion/sample/headnotes", test_sample_headnotes);
  g_test_add_func ("/opinion/sample/no-metadata", test_sample_no_metadata);
  g_test_add_func ("/opinion/sample/pin-cites", test_sample_pin_cites);
  g_test_add_func ("/opinion/sample/pin-cite-ends", test_sample_pin_cite_ends);
  g_test_add_func ("/opinion/sample/find-quote", test_sample_find_quote);
  g_test_add_func ("/opinion/find-quote/nfc", test_nfc_quote);

  return g_test_run ();
}
