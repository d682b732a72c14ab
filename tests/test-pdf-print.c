/* PDFs laid out as students get them, made with cairo at test time: a preliminary
 * print of the U.S. Reports, a casebook's two columns, pages printed from a research
 * service, a scan and an encrypted file. Exact pin cites, the text a reader sees, and
 * the refusals. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-page-map.h"
#include "cb-pdf-fixtures.h"
#include "cb-pdf-import.h"
#include "cb-test.h"

static CbOpinion *
read_pdf (GBytes     *pdf,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  CbOpinion *opinion = cb_pdf_read_bytes (pdf, name, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return opinion;
}

static char *
cite (CbOpinion   *opinion,
      const char  *quote,
      const char  *citation,
      CbCiteStyle  style)
{
  gsize start, end;

  if (!cb_opinion_find_quote (opinion, quote, 0, &start, &end))
    g_error ("quote not found: %s\n%s", quote, cb_opinion_get_text (opinion));
  return cb_opinion_pin_cite (opinion, start, end, citation, style);
}

static void
test_preliminary_print (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_preliminary_print ();
  g_autoptr(CbOpinion) opinion = read_pdf (pdf, "kemp.pdf");
  const char *text = cb_opinion_get_text (opinion);
  const struct { const char *quote; CbCiteStyle style; const char *expected; } cases[] = {
    { "Federal Rule of Civil Procedure 60(b) lists six reasons", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 530" },
    /* Across the watermark, in the same paragraph and on the same page. */
    { "after a year. We granted certiorari to decide", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 530" },
    /* From 530 onto 531. */
    { "The District Court’s officer who entered the judgment did only what the court had ordered",
      CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 530–31" },
    { "The District Court’s officer who entered the judgment did only what the court had ordered",
      CB_CITE_STYLE_SUPREME_COURT, "596 U.S., at 530–531" },
    { "Kemp’s motion was brought more than a year after the judgment, it was untimely",
      CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 531" },
    /* Footnote 1 on 530, running on to 531. */
    { "has read in this way since the Rules were first adopted", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 530 n.1" },
    { "relied on a reading of the Rule that its words do not bear", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 531 n.1" },
    { "no mistakes within the Rule relied on a reading", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 530–31 n.1" },
    { "The Government does not contend", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 531 n.2" },
    /* The concurrence, with footnotes of its own numbered from 1. */
    { "I join the Court’s opinion in full", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 532 (Sotomayor, J., concurring)" },
    { "Such circumstances are rare", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 532 n.1 (Sotomayor, J., concurring)" },
    /* The syllabus. */
    { "Petitioner Dexter Kemp and several codefendants", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 528 (syllabus)" },
    { "those of law as well as those of fact", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 529 (syllabus)" },
    { "the ordinary meaning of the word covers all mistakes", CB_CITE_STYLE_BLUEBOOK, "596 U.S. at 528–29 (syllabus)" },
  };
  const CbFootnote *notes;
  gsize n_notes;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pin = cite (opinion, cases[i].quote, "596 U.S. 528 (2022)", cases[i].style);

      g_assert_cmpstr (pin, ==, cases[i].expected);
    }
  {
    /* Without a citation: the bare page. */
    g_autofree char *pin = cite (opinion, "Federal Rule of Civil Procedure 60(b) lists", NULL, CB_CITE_STYLE_BLUEBOOK);

    g_assert_cmpstr (pin, ==, "*530");
  }

  /* What a reader sees: no running head, page number or watermark; words split at
   * a line's end joined, a real hyphen kept; the lost ligatures mended. */
  g_assert_null (strstr (text, "OCTOBER TERM"));
  g_assert_null (strstr (text, "Cite as"));
  g_assert_null (strstr (text, "Page Proof"));
  g_assert_null (strstr (text, "Opinion of the Court"));
  g_assert_null (strstr (text, "528"));
  g_assert_nonnull (strstr (text, "made by the judgment’s own author"));
  g_assert_nonnull (strstr (text, "a well-established line of cases"));
  g_assert_nonnull (strstr (text, "from a final judgment, order, or proceeding. The first of them is mistake"));
  g_assert_nonnull (strstr (text, "and it affirmed the denial"));
  g_assert_nonnull (strstr (text, "The District Court’s officer who entered"));
  g_assert_nonnull (strstr (text, "\n\nJUSTICE THOMAS delivered the opinion of the Court.\n\nFederal Rule of Civil Procedure"));
  g_assert_nonnull (strstr (text, "after a year. We granted certiorari"));

  notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_assert_cmpuint (n_notes, ==, 3);
  g_assert_cmpstr (notes[0].label, ==, "1");
  g_assert_cmpstr (notes[1].label, ==, "2");
  g_assert_cmpstr (notes[2].label, ==, "1");
  g_assert_cmpint (cb_page_map_get_numbering (cb_opinion_get_page_map (opinion)), ==, CB_PAGE_NUMBERING_REPORTER);
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "596 U. S. 528 (2022)");
  g_assert_cmpstr (cb_page_map_get_label (cb_opinion_get_page_map (opinion), 2), ==, "529");
}

static void
test_casebook (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_casebook ();
  g_autoptr(CbOpinion) opinion = read_pdf (pdf, "casebook.pdf");
  const char *text = cb_opinion_get_text (opinion);
  const char *end_of_left, *start_of_right;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *across = NULL;

  /* The left column is read before the right, and the paragraph goes on between them. */
  end_of_left = strstr (text, "were not told of the threat until too late to prevent the attack.");
  start_of_right = strstr (text, "The Court held that");
  g_assert_nonnull (end_of_left);
  g_assert_nonnull (start_of_right);
  g_assert_true (end_of_left < start_of_right);
  g_assert_null (strstr (text, "CHAPTER"));
  g_assert_nonnull (strstr (text, "the note reached a sergeant who left it"));

  /* Star paging wins over the casebook's own page number. */
  before = cite (opinion, "a threat from an inmate", "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (before, ==, "474 U.S. at 346");
  after = cite (opinion, "due care, however serious the injury", "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (after, ==, "474 U.S. at 347");
  across = cite (opinion, "deprivation of liberty in the constitutional sense. The Due Process Clause",
                 "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (across, ==, "474 U.S. at 347–48");
}

static void
test_research_service (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_research_service ();
  g_autoptr(CbOpinion) opinion = read_pdf (pdf, "westlaw.pdf");
  const char *text = cb_opinion_get_text (opinion);
  CbPageMap *map = cb_opinion_get_page_map (opinion);
  g_autofree char *first = NULL;
  g_autofree char *range = NULL;
  g_autofree char *last = NULL;

  g_assert_null (strstr (text, "Thomson Reuters"));
  g_assert_null (strstr (text, "L.Ed.2d"));
  g_assert_null (strstr (text, "Davidson v. Cannon, 474"));
  /* The service's page numbers are kept as its labels, never as reporter pages. */
  g_assert_cmpstr (cb_page_map_get_label (map, 1), ==, "2");
  g_assert_cmpstr (cb_page_map_get_label (map, 2), ==, "3");
  g_assert_true (cb_opinion_get_star_paging (opinion));

  first = cite (opinion, "Petitioner sued prison officials", "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (first, ==, "474 U.S. at 344");
  range = cite (opinion, "he attended to other matters he thought were more urgent. By the time he left",
                "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (range, ==, "474 U.S. at 345");
  last = cite (opinion, "neither officer worked the next two days", "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (last, ==, "474 U.S. at 346");
  g_assert_cmpuint (cb_page_map_pdf_page_at (map, strstr (text, "We hold") - text), ==, 2);
}

static void
expect_refused (GBytes     *pdf,
                const char *name,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_pdf_read_bytes (pdf, name, NULL, NULL, NULL, &error);

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_scan (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_scan ();

  expect_refused (pdf, "scan.pdf", CB_ERROR_NO_TEXT, "scan.pdf: the PDF has no text layer; run it through OCR first");
}

static void
test_encrypted (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_preliminary_print ();
  g_autofree char *dir = g_dir_make_tmp ("cb-encrypted-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *data = NULL;
  g_autoptr(GBytes) encrypted = NULL;
  gsize length;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed (build-aux/dev test installs it)");
      return;
    }
  g_assert_true (g_file_set_contents (plain, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  {
    const char *argv[] = { qpdf, "--encrypt", "secret", "owner", "256", "--", plain, locked, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cb_test_run (NULL, NULL, argv, &out, &err), ==, 0);
  }
  g_assert_true (g_file_get_contents (locked, &data, &length, NULL));
  encrypted = g_bytes_new_take (g_steal_pointer (&data), length);
  expect_refused (encrypted, "locked.pdf", CB_ERROR_ENCRYPTED,
                  "locked.pdf: the PDF is encrypted; save a copy without a password first");
  cb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/preliminary-print", test_preliminary_print);
  g_test_add_func ("/pdf/casebook", test_casebook);
  g_test_add_func ("/pdf/research-service", test_research_service);
  g_test_add_func ("/pdf/scan", test_scan);
  g_test_add_func ("/pdf/encrypted", test_encrypted);

  return g_test_run ();
}
