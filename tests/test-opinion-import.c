#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-test.h"
#include "cb-text-decode.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "opinions", name, NULL);
}

static CbOpinion *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename ("tests", "fixtures", "opinions", name, NULL);

  return cb_test_import_opinion (path);
}

static void
assert_cite (CbOpinion  *opinion,
             const char *quote,
             const char *citation,
             const char *expected)
{
  g_autofree char *cite = cb_test_cite_quote (opinion, quote, citation, CB_CITE_STYLE_BLUEBOOK);

  g_assert_cmpstr (cite, ==, expected);
}

static void
assert_import_error (const char *data,
                     gsize       length,
                     int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "bad.txt", &error);

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.txt: "));
}

static void
test_windows_1252 (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("windows-1252.txt");
  gsize n_marks;

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "The court said “no” under § 1983.\nNext *2 line.\n");
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_TEXT);
  cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 1);
}

static void
test_unicode_boms (void)
{
  const char *names[] = { "utf16le.txt", "utf16be.txt", "utf8-bom.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CbOpinion) opinion = load_fixture (names[i]);
      gsize n_marks;
      const CbPageMark *marks;

      g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Café au lait on page one *2 and page two.\n");
      marks = cb_opinion_get_page_marks (opinion, &n_marks);
      g_assert_cmpuint (n_marks, ==, 1);
      g_assert_cmpuint (marks[0].offset, ==, 25);
      g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, marks[0].offset), "*2 and"));
    }
}

static void
test_refused (void)
{
  g_autofree char *path = fixture_path ("binary.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);
  char controls[400];

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_NOT_TEXT);
  g_assert_true (g_str_has_prefix (error->message, "binary.txt: "));

  /* Many control characters without a NUL are binary too. */
  for (guint i = 0; i < sizeof controls; i++)
    controls[i] = i % 3 == 0 ? '\x01' : 'a';
  assert_import_error (controls, sizeof controls, CB_ERROR_NOT_TEXT);
  assert_import_error ("\xff\xfe\x00", 3, CB_ERROR_ENCODING);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("huge-XXXXXX.txt", &stream, &error);
  g_autoptr(CbOpinion) opinion = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  /* A sparse file: refused by its size before anything is read. */
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), CB_OPINION_MAX_BYTES + 1, NULL, &error));
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  opinion = cb_opinion_import_file (file, NULL, &error);
  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_TOO_LARGE);
  name = g_file_get_basename (file);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_file_delete (file, NULL, NULL);
}

static void
test_courtlistener (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("courtlistener.html");
  g_autoptr(CbOpinion) again = NULL;
  gsize n_marks, n_notes, start, end;
  const CbPageMark *marks;
  const CbFootnote *notes;
  g_autofree char *word = NULL;
  g_autofree char *bare = NULL;

  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_HTML);
  /* The canonical text: the case the page's <title> names as its caption, markers
   * written as in Westlaw text, one splitting a word glued to it, scripts and styles
   * dropped, the footnote after the opinion. */
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==,
                   "Doe v. Roe\n\n"
                   "The first paragraph is on page one hundred.[1] It continues here.\n\n"
                   "Before the break *101 after the break.\n\n"
                   "A divided in*102 formation word.\n\n"
                   "Last paragraph *103 of the opinion.\n\n\n\n"
                   "[1] The footnote starts on its reference page *101 and moves on.\n");

  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "Doe v. Roe");
  g_assert_null (cb_opinion_get_citation (opinion));

  marks = cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 4);
  g_assert_cmpuint (marks[0].page, ==, 101);
  g_assert_cmpuint (marks[1].page, ==, 102);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, marks[1].offset), "*102 formation"));
  g_assert_cmpuint (marks[2].page, ==, 103);
  g_assert_cmpuint (cb_opinion_get_first_page (opinion, 0), ==, 100);

  notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpstr (notes[0].label, ==, "1");
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].marker_offset), "[1] It continues"));
  g_assert_cmpuint (notes[0].marker_length, ==, 3);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].body_start), "The footnote starts"));

  /* The word split by a marker is one word for finding and quoting. */
  g_assert_true (cb_opinion_find_quote (opinion, "A divided information word.", 0, &start, &end));
  word = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (word, ==, "A divided information word.");
  bare = cb_opinion_pin_cite (opinion, start, end, NULL, CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (bare, ==, "*101–02");

  assert_cite (opinion, "The first paragraph is on page one hundred. It continues", "500 U.S. 100", "500 U.S. at 100");
  assert_cite (opinion, "Last paragraph of the opinion", "500 U.S. 100", "500 U.S. at 102–03");
  assert_cite (opinion, "of the opinion", "500 U.S. 100", "500 U.S. at 103");
  /* The footnote is on its reference's page and moves on with the marker inside it. */
  assert_cite (opinion, "The footnote starts on its reference page", "500 U.S. 100", "500 U.S. at 100 n.1");
  assert_cite (opinion, "and moves on", "500 U.S. 100", "500 U.S. at 101 n.1");
  assert_cite (opinion, "reference page and moves on", "500 U.S. 100", "500 U.S. at 100–01 n.1");

  /* A .brief keeps only the text: the same analysis comes back from it. */
  again = cb_opinion_new_from_text (cb_opinion_get_text (opinion), "courtlistener.html", CB_OPINION_FORMAT_HTML);
  g_assert_cmpstr (cb_opinion_get_sha256 (again), ==, cb_opinion_get_sha256 (opinion));
  {
    gsize n_again;
    const CbPageMark *marks_again = cb_opinion_get_page_marks (again, &n_again);
    const CbFootnote *notes_again;

    g_assert_cmpuint (n_again, ==, n_marks);
    g_assert_cmpmem (marks_again, n_again * sizeof (CbPageMark), marks, n_marks * sizeof (CbPageMark));
    notes_again = cb_opinion_get_footnotes (again, &n_again);
    g_assert_cmpuint (n_again, ==, 1);
    g_assert_cmpuint (notes_again[0].body_start, ==, notes[0].body_start);
    g_assert_cmpuint (notes_again[0].marker_offset, ==, notes[0].marker_offset);
  }
}

static void
test_cap (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap.html");
  gsize n_marks, n_notes;
  const CbPageMark *marks;
  const CbFootnote *notes;

  g_assert_cmpstr (cb_opinion_get_text (opinion), ==,
                   "SMITH v. JONES\n\n"
                   "10 Ill. 2d 50, 150 N.E.2d 200\n\n"
                   "Opening text on the first pages.[1] More text *51 then page fifty-one **201 and more.\n\n"
                   "Final paragraph **202 ends here.\n\n\n\n"
                   "[1] A footnote from the Caselaw Access Project.\n");
  g_assert_cmpuint (cb_opinion_get_n_reporters (opinion), ==, 2);
  marks = cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 3);
  g_assert_cmpuint (marks[0].reporter, ==, 0);
  g_assert_cmpuint (marks[1].reporter, ==, 1);
  g_assert_cmpuint (marks[1].page, ==, 201);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, marks[1].offset), "**201 and"));

  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "Smith v. Jones");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "10 Ill. 2d 50, 150 N.E.2d 200");

  notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_cmpstr (notes[0].label, ==, "1");

  assert_cite (opinion, "Final paragraph", "10 Ill.2d 50, 150 N.E.2d 200", "10 Ill. 2d at 51, 150 N.E.2d at 201");
  assert_cite (opinion, "Final paragraph ends here", "150 N.E.2d 200", "150 N.E.2d at 201–02");
  assert_cite (opinion, "A footnote from the Caselaw", "10 Ill. 2d 50", "10 Ill. 2d at 50 n.1");
}

/* CourtListener's page that names its case only in its <title>, with the citation and
 * the site's name; a star span inside a word without spaces around it. */
static void
test_courtlistener_title (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("courtlistener-title.html");
  gsize start, end;
  g_autofree char *quote = NULL;

  g_assert_true (g_str_has_prefix (cb_opinion_get_text (opinion),
                                   "Marsh v. Quill Holdings, Inc.\n\n512 F.3d 77 (7th Cir. 2008)\n\nEASTERBROOK"));
  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "Marsh v. Quill Holdings, Inc.");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "512 F.3d 77");
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion), "\"new busi*79 ness\""));
  g_assert_true (cb_opinion_find_quote (opinion, "speaks of \"new business\" only", 0, &start, &end));
  quote = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (quote, ==, "speaks of \"new business\" only");
  assert_cite (opinion, "speaks of \"new business\" only", cb_opinion_get_citation (opinion), "512 F.3d at 78–79");
  assert_cite (opinion, "We agree with that reading.", "512 F.3d 77", "512 F.3d at 78");
  /* The Westlaw cite's "at *4" and Id.'s "at *5" are no pages of this opinion. */
  assert_cite (opinion, "AFFIRMED.", "512 F.3d 77", "512 F.3d at 79");
}

/* The Caselaw Access Project's HTML: the case name from the parties, the court without
 * its period, a table of contents that keeps its lines, and a dissent whose author's
 * line names no role. */
static void
test_cap_caption_and_dissent (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-dissent.html");
  const char *citation = "275 Neb. 908, 750 N.W.2d 674";

  g_assert_true (g_str_has_prefix (cb_opinion_get_text (opinion),
                                   "STATE of Nebraska, appellee, v. Erick Fernando VELA, appellant.\n\n"));
  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "State v. Vela");
  g_assert_cmpstr (cb_opinion_get_court (opinion), ==, "Supreme Court of Nebraska");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, citation);
  g_assert_cmpstr (cb_opinion_get_date (opinion), ==, "June 6, 2008");
  g_assert_cmpstr (cb_opinion_get_docket (opinion), ==, "No. S-07-500");
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion),
                            "\n\nTABLE OF CONTENTS\nI. BACKGROUND ..................... 908\n"
                            "II. ANALYSIS ....................... 909\nA. The Instruction ............. 909\n\n"));
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion), "\n\nGerrard, J., dissenting.\n\nI would reverse."));

  assert_cite (opinion, "The only question is whether the jury was properly instructed.", citation,
               "275 Neb. at 908, 750 N.W.2d at 674");
  assert_cite (opinion, "tracked the statute word for word", citation, "275 Neb. at 909, 750 N.W.2d at 674–75");
  assert_cite (opinion, "does not challenge the sufficiency", citation, "275 Neb. at 908 n.1, 750 N.W.2d at 674 n.1");
  assert_cite (opinion, "The instruction omitted an element.", citation,
               "275 Neb. at 910, 750 N.W.2d at 675 (Gerrard, J., dissenting)");
}

static void
test_three_reporters (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("three-reporters.txt");
  gsize n_marks;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);
  const char *parallel = "100 Cal. App. 4th 10, 50 Cal.Rptr.2d 20, 900 P.2d 28";

  g_assert_cmpuint (cb_opinion_get_n_reporters (opinion), ==, 3);
  g_assert_cmpuint (n_marks, ==, 6);
  g_assert_cmpuint (marks[2].reporter, ==, 2);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, marks[2].offset), "***31 and"));
  g_assert_cmpuint (marks[2].length, ==, 5);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 2, 0), ==, 30);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 2, marks[2].offset), ==, 31);

  /* Without a caption, each citation's reporter is inferred from its first page. */
  assert_cite (opinion, "markers in it", parallel, "100 Cal. App. 4th at 12, 50 Cal. Rptr. 2d at 22, 900 P.2d at 32");
  assert_cite (opinion, "Text on the first pages", "900 P.2d 28", "900 P.2d at 30");
  assert_cite (opinion, "and then the paragraph ends", "50 Cal. Rptr. 2d 20", "50 Cal. Rptr. 2d at 21");
}

static void
test_no_markers (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("no-markers.txt");
  gsize n_marks, start, end;
  g_autofree char *bare = NULL;
  g_autofree char *cited = NULL;

  cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 0);
  g_assert_cmpuint (cb_opinion_get_n_reporters (opinion), ==, 0);
  g_assert_cmpuint (cb_opinion_page_at (opinion, 0, 3), ==, 0);

  /* No page to cite: no pin cite rather than a made-up one. */
  g_assert_true (cb_opinion_find_quote (opinion, "no star paging", 0, &start, &end));
  bare = cb_opinion_pin_cite (opinion, start, end, NULL, CB_CITE_STYLE_BLUEBOOK);
  g_assert_null (bare);
  cited = cb_opinion_pin_cite (opinion, start, end, "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_null (cited);
}

static void
test_caption_and_separate_opinions (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("dissent.txt");
  gsize start, end;

  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "Davidson v. Cannon");
  g_assert_cmpstr (cb_opinion_get_court (opinion), ==, "Supreme Court of the United States");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "474 U.S. 344, 106 S. Ct. 668");
  g_assert_cmpstr (cb_opinion_get_docket (opinion), ==, "No. 84-6470");
  g_assert_cmpstr (cb_opinion_get_date (opinion), ==, "January 21, 1986");

  assert_cite (opinion, "The majority continues.", "474 U.S. 344", "474 U.S. at 346");
  assert_cite (opinion, "The dissent text on page 346", "474 U.S. 344", "474 U.S. at 346 (Blackmun, J., dissenting)");
  assert_cite (opinion, "goes on. Dissent page 347", "474 U.S. 344, 106 S. Ct. 668",
               "474 U.S. at 346–47, 106 S. Ct. at 670 (Blackmun, J., dissenting)");
  assert_cite (opinion, "A short concurrence.", "474 U.S. 344", "474 U.S. at 347 (Stevens, J., concurring in the judgment)");

  g_assert_true (cb_opinion_find_quote (opinion, "The majority text", 0, &start, &end));
  g_assert_null (cb_opinion_separate_opinion_at (opinion, start));
  g_assert_true (cb_opinion_find_quote (opinion, "A short concurrence", 0, &start, &end));
  g_assert_cmpstr (cb_opinion_separate_opinion_at (opinion, start), ==, "(Stevens, J., concurring in the judgment)");
}

static void
test_numbered_footnotes (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("numbered-footnotes.txt");
  gsize n_notes;
  const CbFootnote *notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_autofree char *second = NULL;
  g_autofree char *sentence = NULL;
  gsize start, end;

  g_assert_cmpuint (n_notes, ==, 3);
  g_assert_cmpstr (notes[0].label, ==, "1");
  g_assert_cmpstr (notes[1].label, ==, "2");
  g_assert_cmpstr (notes[2].label, ==, "3");
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].marker_offset - 1), ".1 It then"));
  g_assert_cmpuint (notes[0].marker_length, ==, 1);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[1].marker_offset), "[2] The facts"));
  g_assert_cmpuint (notes[1].marker_length, ==, 3);
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[2].marker_offset - 1), ".3\n"));
  g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, notes[0].body_start), "The first note"));

  /* A paragraph without a label continues the footnote before it. */
  second = cb_opinion_quote_text (opinion, notes[1].body_start, notes[1].body_end);
  g_assert_cmpstr (second, ==, "The second note begins on page ten and ends on page eleven. "
                               "This second paragraph of note two continues it.");

  assert_cite (opinion, "The first note, on page ten.", "9 F.4th 10", "9 F.4th at 10 n.1");
  assert_cite (opinion, "The second note begins", "9 F.4th 10", "9 F.4th at 10 n.2");
  assert_cite (opinion, "and ends on page eleven", "9 F.4th 10", "9 F.4th at 11 n.2");
  assert_cite (opinion, "This second paragraph of note two", "9 F.4th 10", "9 F.4th at 11 n.2");
  assert_cite (opinion, "The third note is on page eleven.", "9 F.4th 10", "9 F.4th at 11 n.3");

  /* Footnote markers are left out of a quote. */
  g_assert_true (cb_opinion_find_quote (opinion, "the statute. It then turned to the facts. The facts", 0, &start, &end));
  sentence = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (sentence, ==, "the statute. It then turned to the facts. The facts");
}

static void
test_generic_html (void)
{
  const char *html = "<html><head><title>T</title></head><body><p>One <b>bold</b>\n para.</p>"
                     "<script>document.write('*9')</script><style>p{}</style><p>Two<br>lines</p></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "page.txt", &error);

  /* Recognized by its content, whatever the name says. */
  g_assert_no_error (error);
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_HTML);
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "One bold para.\n\nTwo\nlines\n");
}

static void
test_html_declared_charset (void)
{
  /* The bytes are UTF-8 whatever the page claims; the claim must not garble them. */
  const char *html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xc3\xa9 \xc2\xa7 1983</p></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "Café § 1983\n");
}

static void
test_separate_opinion_headings (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("Opinion of the Court *2 here.\n\nBLACKMUN, J., concurring\n\nA concurrence.\n\n"
                              "Chief Justice BURGER, dissenting.\n\nA dissent.\n\n"
                              "Justice O'CONNOR, concurring in part and dissenting in part.\n\nMixed.\n",
                              NULL, CB_OPINION_FORMAT_TEXT);

  assert_cite (opinion, "Opinion of the Court here", NULL, "*1–2");
  assert_cite (opinion, "A concurrence.", NULL, "*2 (Blackmun, J., concurring)");
  assert_cite (opinion, "A dissent.", "5 U.S. 1", "5 U.S. at 2 (Burger, C.J., dissenting)");
  assert_cite (opinion, "Mixed.", NULL, "*2 (O'Connor, J., concurring in part and dissenting in part)");
}

static void
test_westlaw_fn_labels (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("The statute applies.FN1 The facts *8 follow.[FN2]\n\n\nFN1. First note.\n\n"
                              "FN2. Second note.\n", NULL, CB_OPINION_FORMAT_TEXT);
  gsize n;
  const CbFootnote *notes = cb_opinion_get_footnotes (opinion, &n);

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (notes[0].label, ==, "1");
  g_assert_cmpuint (notes[0].marker_length, ==, 3);
  g_assert_cmpuint (notes[1].marker_length, ==, 5);
  assert_cite (opinion, "First note.", NULL, "*7 n.1");
  assert_cite (opinion, "Second note.", NULL, "*8 n.2");
}

static void
test_html_preformatted (void)
{
  /* CourtListener serves many opinions as preformatted text with star spans in it. */
  const char *html = "<html><body><pre class=\"inline\">First line\nsecond line <span class=\"star-pagination\">*5</span>"
                     " on.\n\n   Next paragraph.\n</pre></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, "pre.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==, "First line\nsecond line *5 on.\n\nNext paragraph.\n");
}

static void
test_caption_order_decides (void)
{
  /* Both reporters start on page 100: only the caption's order tells them apart. */
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("ROE v. DOE\n\n5 A.B. 99, 6 C.D. 99\n\nOpening *100 then **100 and *101 end.\n",
                              NULL, CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "5 A.B. 99, 6 C.D. 99");
  assert_cite (opinion, "end.", "6 C.D. 99", "6 C.D. at 100");
  assert_cite (opinion, "end.", "5 A.B. 99", "5 A.B. at 101");
  assert_cite (opinion, "end.", "6 C. D. 99, 5 A. B. 99", "6 C.D. at 100, 5 A.B. at 101");
}

/* What XML cannot carry is changed wherever it is: in the first block of bytes looked at,
 * on a block's edge, in the last short block, or nowhere at all. */
static void
test_drop_unwritable (void)
{
  for (gsize at = 0; at < 200; at += 7)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);

      for (gsize i = 0; i < 200; i++)
        {
          g_string_append_c (text, i == at ? '\f' : i == at + 3 ? '\x01' : 'a' + i % 26);
          if (i == at)
            g_string_append_c (expected, '\n');
          else if (i != at + 3)
            g_string_append_c (expected, 'a' + i % 26);
        }
      g_string_append (text, "\xef\xbf\xbe end\t\r\n");
      g_string_append (expected, " end\t\r\n");
      g_assert_cmpstr (cb_text_drop_unwritable (text->str), ==, expected->str);
    }
  {
    char clean[] = "Nothing here to change, in more than sixty-four bytes of plain text, caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d.";
    char copy[sizeof clean];

    memcpy (copy, clean, sizeof clean);
    g_assert_cmpstr (cb_text_drop_unwritable (copy), ==, clean);
  }
}

/* The fast validator agrees with g_utf8_validate_len() wherever a bad byte sits: in
 * the first word, after whole words of ASCII, at the very end. */
static void
test_validate (void)
{
  static const char * const cases[] = {
    "", "plain ASCII text, more than eight bytes long", "caf\xc3\xa9", "\xe2\x80\x9cquoted\xe2\x80\x9d",
    "\xf0\x9f\x98\x80 emoji", "\xc3", "twelve bytes\xc3", "twelve bytes\xc3(", "\xc0\xaf overlong",
    "surrogate \xed\xa0\x80", "\x80 continuation", "ok \xe2\x80\x94 then \xff", "sixteen bytes ok\xf4\x90\x80\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cb_text_validate (cases[i], strlen (cases[i])), ==,
                     g_utf8_validate_len (cases[i], strlen (cases[i]), NULL));
  g_assert_false (cb_text_validate ("nul \0 inside", 13));
  g_assert_true (cb_text_validate ("caf\xc3\xa9", 5));
  g_assert_false (cb_text_validate ("caf\xc3\xa9", 4));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/opinion-import/windows-1252", test_windows_1252);
  g_test_add_func ("/opinion-import/unicode-boms", test_unicode_boms);
  g_test_add_func ("/opinion-import/refused", test_refused);
  g_test_add_func ("/opinion-import/too-large", test_too_large);
  g_test_add_func ("/opinion-import/courtlistener", test_courtlistener);
  g_test_add_func ("/opinion-import/cap", test_cap);
  g_test_add_func ("/opinion-import/courtlistener-title", test_courtlistener_title);
  g_test_add_func ("/opinion-import/cap-caption-and-dissent", test_cap_caption_and_dissent);
  g_test_add_func ("/opinion-import/generic-html", test_generic_html);
  g_test_add_func ("/opinion-import/three-reporters", test_three_reporters);
  g_test_add_func ("/opinion-import/no-markers", test_no_markers);
  g_test_add_func ("/opinion-import/separate-opinions", test_caption_and_separate_opinions);
  g_test_add_func ("/opinion-import/numbered-footnotes", test_numbered_footnotes);

  g_test_add_func ("/opinion-import/html-declared-charset", test_html_declared_charset);
  g_test_add_func ("/opinion-import/separate-opinion-headings", test_separate_opinion_headings);
  g_test_add_func ("/opinion-import/westlaw-fn-labels", test_westlaw_fn_labels);

  g_test_add_func ("/opinion-import/html-preformatted", test_html_preformatted);

  g_test_add_func ("/opinion-import/caption-order-decides", test_caption_order_decides);

  g_test_add_func ("/opinion-import/validate", test_validate);
  g_test_add_func ("/opinion-import/drop-unwritable", test_drop_unwritable);

  return g_test_run ();
}
