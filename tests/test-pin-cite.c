#include "config.h"

#include <string.h>

#include "cb-opinion.h"
#include "cb-test.h"

static void
test_format_range (void)
{
  const struct { guint first, last; const char *expected; } cases[] = {
    { 345, 345, "345" },
    { 345, 346, "345–46" },
    { 966, 967, "966–67" },
    { 107, 108, "107–08" },
    { 1098, 1102, "1098–1102" },
    { 1001, 1005, "1001–05" },
    { 99, 101, "99–101" },
    { 12, 15, "12–15" },
    { 5, 7, "5–7" },
    { 345, 345, "345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *range = cb_pin_cite_format_range (cases[i].first, cases[i].last);

      g_assert_cmpstr (range, ==, cases[i].expected);
    }
}

static void
test_reporter_canonical (void)
{
  const struct { const char *written, *expected; } cases[] = {
    { "S.Ct.", "S. Ct." },
    { "S. Ct.", "S. Ct." },
    { "U. S.", "U.S." },
    { "L.Ed.2d", "L. Ed. 2d" },
    { "F.2d", "F.2d" },
    { "F. 2d", "F.2d" },
    { "So.2d", "So. 2d" },
    { "N.E.2d", "N.E.2d" },
    { "F.Supp.2d", "F. Supp. 2d" },
    { "Cal.App.4th", "Cal. App. 4th" },
    { "A.3d", "A.3d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = cb_reporter_canonical (cases[i].written);

      g_assert_cmpstr (canonical, ==, cases[i].expected);
    }
}

static char *
cite_quote (CbOpinion  *opinion,
            const char *quote,
            const char *citation)
{
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (opinion, quote, 0, &start, &end));
  return cb_opinion_pin_cite (opinion, start, end, citation, CB_CITE_STYLE_BLUEBOOK);
}

/* A Westlaw document's star pages are its pages, cited "at *3"; a neutral citation has
 * no pages, so its parallel reporter is cited; the star pins of the cases the opinion
 * cites are not its pages. */
static void
test_database_and_neutral (void)
{
  g_autoptr(CbOpinion) unreported = cb_opinion_new_from_text (
    "Slip opinion text on the first page. *2 The second page cites Doe v. Roe, 2010 WL 55555, at *7 "
    "(D. Mass. 2010). *3 The third page.\n", "wl.txt", CB_OPINION_FORMAT_TEXT);
  g_autoptr(CbOpinion) ohio = cb_opinion_new_from_text (
    "State v. Holloway\n\n2013-Ohio-2290, 990 N.E.2d 10\n\nFirst page *11 second page.\n",
    "ohio.txt", CB_OPINION_FORMAT_TEXT);
  g_autofree char *first = cite_quote (unreported, "Slip opinion text", "2014 WL 1234567");
  g_autofree char *range = cite_quote (unreported, "The second page cites Doe v. Roe, 2010 WL 55555, at *7 "
                                       "(D. Mass. 2010). The third", "2014 WL 1234567");
  g_autofree char *parallel = cite_quote (ohio, "second page", cb_opinion_get_citation (ohio));
  gsize n_marks;

  cb_opinion_get_page_marks (unreported, &n_marks);
  g_assert_cmpuint (n_marks, ==, 2);
  g_assert_cmpstr (first, ==, "2014 WL 1234567, at *1");
  g_assert_cmpstr (range, ==, "2014 WL 1234567, at *2–3");
  g_assert_cmpstr (cb_opinion_get_citation (ohio), ==, "2013-Ohio-2290, 990 N.E.2d 10");
  g_assert_cmpstr (parallel, ==, "990 N.E.2d at 11");
}

static void
assert_cite (CbOpinion   *opinion,
             const char  *quote,
             const char  *citation,
             CbCiteStyle  style,
             const char  *expected)
{
  g_autofree char *cite = cb_test_cite_quote (opinion, quote, citation, style);

  g_assert_cmpstr (cite, ==, expected);
}

/* A Westlaw document of an unreported decision, as a student saves it: its caption,
 * then "*1", "*2", "*3". Its star pages are cited with its number; the caption is on
 * its first page, not a page 0; a star pin of a case it cites is no page of its own. */
static void
test_westlaw_fixture (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("tests/fixtures/opinions/westlaw-unreported.txt");
  g_autoptr(CbOpinion) sample = cb_test_import_opinion ("../shared/opinions/davidson-v-cannon.txt");
  const char *wl = cb_opinion_get_citation (opinion);
  g_autofree char *reported = NULL;
  gsize n_marks;

  g_assert_cmpstr (wl, ==, "2014 WL 1234567");
  cb_opinion_get_page_marks (opinion, &n_marks);
  g_assert_cmpuint (n_marks, ==, 3);

  assert_cite (opinion, "Garcia v. Acme Tool Co.", wl, CB_CITE_STYLE_BLUEBOOK, "2014 WL 1234567, at *1");
  assert_cite (opinion, "Only the Westlaw citation is currently available.", wl, CB_CITE_STYLE_BLUEBOOK,
               "2014 WL 1234567, at *1");
  assert_cite (opinion, "The plaintiff, a machinist, moves for summary judgment", wl, CB_CITE_STYLE_BLUEBOOK,
               "2014 WL 1234567, at *1");
  assert_cite (opinion, "The letter itself answers that argument", wl, CB_CITE_STYLE_BLUEBOOK,
               "2014 WL 1234567, at *2");
  assert_cite (opinion, "Doe v. Roe, 2010 WL 55555, at *7 (D. Mass. 2010).", wl, CB_CITE_STYLE_BLUEBOOK,
               "2014 WL 1234567, at *2");
  assert_cite (opinion, "the profits he says he lost. Severance is owed as promised.", wl, CB_CITE_STYLE_BLUEBOOK,
               "2014 WL 1234567, at *2–3");
  assert_cite (opinion, "the profits he says he lost. Severance is owed as promised.", wl,
               CB_CITE_STYLE_SUPREME_COURT, "2014 WL 1234567, at *2–3");
  assert_cite (opinion, "It is so ordered.", "2014 U.S. Dist. LEXIS 98765", CB_CITE_STYLE_BLUEBOOK,
               "2014 U.S. Dist. LEXIS 98765, at *3");
  assert_cite (opinion, "It is so ordered.", NULL, CB_CITE_STYLE_BLUEBOOK, "*3");

  /* The reporter's pages of a reported opinion are no database's: a Westlaw number
   * typed for the sample would cite its pages 345 to 348 as star pages *345. */
  reported = cb_test_cite_quote (sample, "left the note on his desk unread", "1986 WL 12345", CB_CITE_STYLE_BLUEBOOK);
  g_assert_null (reported);
}

/* An Ohio appellate opinion that numbers its paragraphs "{¶ 1}", cited only by its
 * public-domain citation: a pin cite names the paragraph ("2012-Ohio-4567, ¶ 2"), a
 * passage over two of them both ("¶¶ 2–3", every digit kept), a footnote the paragraph
 * of its reference, a dissent its parenthetical; a line that starts "¶ 8" inside a
 * paragraph is no paragraph of the opinion, and the caption is in none. */
static void
test_ohio_paragraphs (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("tests/fixtures/opinions/ohio-paragraphs.txt");
  const char *neutral = cb_opinion_get_citation (opinion);
  const CbParagraph *paragraphs;
  gsize n;

  g_assert_cmpstr (neutral, ==, "2012-Ohio-4567");
  paragraphs = cb_opinion_get_paragraphs (opinion, &n);
  g_assert_cmpuint (n, ==, 6);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *printed = g_strdup_printf ("{¶ %" G_GSIZE_FORMAT "}", i + 1);

      g_assert_cmpuint (paragraphs[i].number, ==, i + 1);
      g_assert_cmpuint (paragraphs[i].length, ==, g_utf8_strlen (printed, -1));
      g_assert_true (g_str_has_prefix (cb_test_text_at (opinion, paragraphs[i].offset), printed));
    }

  assert_cite (opinion, "Defendant-appellant, Marcus T. Holloway, appeals", neutral, CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 1");
  assert_cite (opinion, "Appellate review of a ruling on a motion to suppress", neutral, CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 2");
  assert_cite (opinion, "a mixed question of law and fact. State v. Burnside, 2003-Ohio-5372, ¶ 8. {¶ 3} The officer",
               neutral, CB_CITE_STYLE_BLUEBOOK, "2012-Ohio-4567, ¶¶ 2–3");
  assert_cite (opinion, "{¶ 2} Appellant argues", neutral, CB_CITE_STYLE_BLUEBOOK, "2012-Ohio-4567, ¶ 2");
  assert_cite (opinion, "says the same of the deference owed", neutral, CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 3");
  assert_cite (opinion, "The light was photographed at the scene", neutral, CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 3 n.1");
  assert_cite (opinion, "I respectfully dissent.", neutral, CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 5 (Brown, J., dissenting)");
  assert_cite (opinion, "I respectfully dissent.", neutral, CB_CITE_STYLE_SUPREME_COURT,
               "2012-Ohio-4567, ¶ 5 (Brown, J., dissenting)");
  /* A parallel reporter the text has no pages of is left out; the paragraph stays. */
  assert_cite (opinion, "Appellate review of a ruling", "2012-Ohio-4567, 975 N.E.2d 345", CB_CITE_STYLE_BLUEBOOK,
               "2012-Ohio-4567, ¶ 2");
  assert_cite (opinion, "Court of Appeals of Ohio, Tenth District", neutral, CB_CITE_STYLE_BLUEBOOK, NULL);
  /* Without a citation, or with a reporter's alone, there is no page to give. */
  assert_cite (opinion, "Appellate review of a ruling", NULL, CB_CITE_STYLE_BLUEBOOK, NULL);
  assert_cite (opinion, "Appellate review of a ruling", "975 N.E.2d 345", CB_CITE_STYLE_BLUEBOOK, NULL);
}

/* An Ohio opinion with the star paging of N.E.2d and no numbered paragraphs: cited by
 * its public-domain citation alone, which names no reporter of those pages, a passage
 * gets the bare page; cited with the reporter, that reporter's page. */
static void
test_ohio_star_pages (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("tests/fixtures/opinions/ohio-star-pages.txt");
  const char *neutral = cb_opinion_get_citation (opinion);
  gsize n;

  g_assert_cmpstr (neutral, ==, "2002-Ohio-6547");
  cb_opinion_get_paragraphs (opinion, &n);
  g_assert_cmpuint (n, ==, 0);

  assert_cite (opinion, "The appellant was convicted of receiving stolen property.", neutral,
               CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_cite (opinion, "It proved that he bought a new television", neutral, CB_CITE_STYLE_BLUEBOOK, "*346");
  assert_cite (opinion, "reasonable cause to believe the property was stolen. It proved", neutral,
               CB_CITE_STYLE_BLUEBOOK, "*345–46");
  assert_cite (opinion, "The receipt he produced at trial named a store that had closed", neutral,
               CB_CITE_STYLE_BLUEBOOK, "*346–48 n.1");
  assert_cite (opinion, "It proved that he bought a new television", "2002-Ohio-6547, 781 N.E.2d 345",
               CB_CITE_STYLE_BLUEBOOK, "781 N.E.2d at 346");
  assert_cite (opinion, "The judgment of the court of appeals is affirmed.", "2002-Ohio-6547, 781 N.E.2d 345",
               CB_CITE_STYLE_SUPREME_COURT, "781 N.E.2d, at 347");
}

/* Other states' numbered paragraphs: New Mexico's "{12}", Illinois' "¶ 12"; an opinion
 * that numbers its paragraphs and has a reporter's star paging cites both, the
 * paragraph for the neutral citation and the page for the reporter, in the order the
 * citation gives them, and the paragraph alone for the neutral citation alone. */
static void
test_other_paragraphs (void)
{
  g_autoptr(CbOpinion) nm = cb_opinion_new_from_text (
    "State v. Ortiz\n\n2015-NMSC-011\n\n{1} The State appeals.\n\n{2} We reverse. *124 The stop was lawful.\n\n"
    "{3} We remand.\n", "nm.txt", CB_OPINION_FORMAT_TEXT);
  g_autoptr(CbOpinion) il = cb_opinion_new_from_text (
    "People v. Boykin\n\n2019 IL App (2d) 180123-U\n\n¶ 1 Held: the judgment is affirmed.\n\n"
    "¶ 2 The defendant appeals.\n\n¶ 3 We affirm.\n", "il.txt", CB_OPINION_FORMAT_TEXT);

  assert_cite (nm, "We reverse.", "2015-NMSC-011", CB_CITE_STYLE_BLUEBOOK, "2015-NMSC-011, ¶ 2");
  assert_cite (nm, "The stop was lawful. {3} We remand.", "2015-NMSC-011, 346 P.3d 123", CB_CITE_STYLE_BLUEBOOK,
               "2015-NMSC-011, ¶¶ 2–3, 346 P.3d at 124");
  assert_cite (nm, "The State appeals.", "346 P.3d 123, 2015-NMSC-011", CB_CITE_STYLE_BLUEBOOK,
               "346 P.3d at 123, 2015-NMSC-011, ¶ 1");
  assert_cite (nm, "We remand.", "346 P.3d 123", CB_CITE_STYLE_BLUEBOOK, "346 P.3d at 124");
  assert_cite (il, "The defendant appeals.", "2019 IL App (2d) 180123-U", CB_CITE_STYLE_BLUEBOOK,
               "2019 IL App (2d) 180123-U, ¶ 2");
  assert_cite (il, "Held: the judgment is affirmed. ¶ 2 The defendant", "2019 IL App (2d) 180123-U",
               CB_CITE_STYLE_BLUEBOOK, "2019 IL App (2d) 180123-U, ¶¶ 1–2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin-cite/format-range", test_format_range);
  g_test_add_func ("/pin-cite/reporter-canonical", test_reporter_canonical);
  g_test_add_func ("/pin-cite/database-and-neutral", test_database_and_neutral);
  g_test_add_func ("/pin-cite/westlaw-fixture", test_westlaw_fixture);
  g_test_add_func ("/pin-cite/ohio-paragraphs", test_ohio_paragraphs);
  g_test_add_func ("/pin-cite/ohio-star-pages", test_ohio_star_pages);
  g_test_add_func ("/pin-cite/other-paragraphs", test_other_paragraphs);

  return g_test_run ();
}
