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

/* What the card and check say of @citation, one sentence a line; "" for nothing. */
static void
assert_problems (CbOpinion  *opinion,
                 const char *citation,
                 const char *expected)
{
  g_autoptr(GPtrArray) problems = cb_opinion_dup_citation_problems (opinion, citation);
  g_autoptr(GString) said = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (said, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpstr (said->str, ==, expected);
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
   * typed for the sample cites none of its pages 345 to 348 as "1986 WL 12345, at
   * *345"; the bare page is given, and why. */
  reported = cb_test_cite_quote (sample, "left the note on his desk unread", "1986 WL 12345", CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (reported, ==, "*345");
  assert_problems (sample, "1986 WL 12345",
                   "The opinion’s pages are not those of 1986 WL 12345: pin cites give the opinion’s own page numbers");
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

/* The sample names none of its star levels: "*" is U.S., "**" S. Ct., but only the
 * first page of the brief's citation can tell. A level is taken when that page starts
 * it alone; a page inside a level, or far from any, gives the bare page, and says why. */
static void
test_unnamed_levels_sample (void)
{
  g_autoptr(CbOpinion) sample = cb_test_import_opinion ("../shared/opinions/davidson-v-cannon.txt");
  const char *james = "James then attended to other matters";
  const char *over = "By the time he left the prison that evening James had forgotten about the note, and since "
                     "neither he nor Cannon worked";
  const char *note = "The note, addressed to a civilian hearing officer, said";
  const char *bare = ": pin cites give the opinion’s own page numbers";

  g_assert_null (cb_opinion_get_citation (sample));
  assert_cite (sample, james, "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345");
  assert_cite (sample, james, "474 U.S. 345", CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345");
  assert_cite (sample, james, "106 S. Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669");
  assert_cite (sample, james, "106 S.Ct. 668", CB_CITE_STYLE_SUPREME_COURT, "106 S. Ct., at 669");
  assert_cite (sample, james, "474 U.S. 344, 106 S. Ct. 668", CB_CITE_STYLE_BLUEBOOK,
               "474 U.S. at 345, 106 S. Ct. at 669");
  assert_problems (sample, "474 U.S. 344, 106 S. Ct. 668", "");

  /* A U.S. page that is inside the U.S. pages: not where the opinion starts. */
  assert_cite (sample, james, "474 U.S. 346", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (sample, "474 U.S. 346", "The opinion starts at page 345 or before, not at 474 U.S. 346");
  /* Pages no level starts near: neither U.S. nor S. Ct. pages are taken. */
  assert_cite (sample, james, "474 U.S. 360", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (sample, "474 U.S. 360", "The opinion’s pages are not those of 474 U.S. 360: pin cites give the "
                                           "opinion’s own page numbers");
  assert_cite (sample, james, "106 S. Ct. 66", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (sample, "106 S. Ct. 66", "The opinion’s pages are not those of 106 S. Ct. 66: pin cites give the "
                                            "opinion’s own page numbers");
  assert_cite (sample, james, "474 U.S. 340", CB_CITE_STYLE_BLUEBOOK, "*345");
  /* L. Ed. 2d, which the opinion has no pages of: the bare page, a range, a footnote. */
  assert_cite (sample, james, "88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_cite (sample, over, "88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK, "*345–46");
  assert_cite (sample, over, "88 L. Ed. 2d 677", CB_CITE_STYLE_SUPREME_COURT, "*345–346");
  assert_cite (sample, note, "88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK, "*345 n.*");
  {
    g_autofree char *expected = g_strconcat ("The opinion’s pages are not those of 88 L. Ed. 2d 677", bare, NULL);

    assert_problems (sample, "88 L. Ed. 2d 677", expected);
  }
  /* Beside reporters it has, one it has not is left out, and said so. */
  assert_cite (sample, james, "474 U.S. 344, 106 S. Ct. 668, 88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK,
               "474 U.S. at 345, 106 S. Ct. at 669");
  assert_problems (sample, "474 U.S. 344, 106 S. Ct. 668, 88 L. Ed. 2d 677",
                   "The opinion’s pages are not those of 88 L. Ed. 2d 677: pin cites leave it out");
  /* No citation: the bare page, and nothing said here (the card asks for one). */
  assert_cite (sample, james, NULL, CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (sample, NULL, "");
  assert_problems (sample, "", "");
}

/* An opinion whose caption names its levels, "474 U.S. 344, 106 S. Ct. 668": the
 * citation's reporter is matched by name ("S.Ct." is "S. Ct."), its volume and first
 * page must be the caption's, and a reporter the caption does not name has no pages,
 * whatever its first page. */
static void
test_named_levels (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("tests/fixtures/opinions/dissent.txt");
  const char *quote = "The majority text starts on page 345.";
  const char *dissent = "The dissent text on page 346 goes on.";

  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "474 U.S. 344, 106 S. Ct. 668");
  assert_cite (opinion, quote, "474 U.S. 344", CB_CITE_STYLE_BLUEBOOK, "474 U.S. at 345");
  assert_cite (opinion, quote, "106 S. Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669");
  assert_cite (opinion, quote, "106 S.Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669");
  assert_cite (opinion, dissent, "106 S. Ct. 668, 474 U.S. 344", CB_CITE_STYLE_SUPREME_COURT,
               "106 S. Ct., at 669–670, 474 U.S., at 346 (Blackmun, J., dissenting)");
  assert_problems (opinion, "474 U.S. 344, 106 S.Ct. 668", "");

  assert_cite (opinion, quote, "474 U.S. 346", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (opinion, "474 U.S. 346", "The opinion starts at 474 U.S. 344, not 346");
  assert_cite (opinion, quote, "474 U.S. 360", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (opinion, "474 U.S. 360", "The opinion starts at 474 U.S. 344, not 360");
  assert_cite (opinion, quote, "106 S. Ct. 66", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (opinion, "106 S. Ct. 66", "The opinion starts at 106 S. Ct. 668, not 66");
  assert_cite (opinion, quote, "475 U.S. 344", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (opinion, "475 U.S. 344", "The opinion starts at 474 U.S. 344, not 475 U.S. 344");
  assert_cite (opinion, quote, "474 F.2d 344", CB_CITE_STYLE_BLUEBOOK, "*345");
  assert_problems (opinion, "474 F.2d 344", "The opinion’s pages are not those of 474 F.2d: pin cites give the "
                                            "opinion’s own page numbers");
  assert_cite (opinion, dissent, "88 L. Ed. 2d 677", CB_CITE_STYLE_BLUEBOOK, "*346 (Blackmun, J., dissenting)");
  assert_problems (opinion, "88 L. Ed. 2d 677", "The opinion’s pages are not those of 88 L. Ed. 2d: pin cites "
                                                "give the opinion’s own page numbers");
  /* A wrong first page for one reporter leaves it out; the other is cited. */
  assert_cite (opinion, quote, "474 U.S. 346, 106 S. Ct. 668", CB_CITE_STYLE_BLUEBOOK, "106 S. Ct. at 669");
  assert_problems (opinion, "474 U.S. 346, 106 S. Ct. 668", "The opinion starts at 474 U.S. 344, not 346");
  /* A Westlaw number cites no reporter's pages as star pages. */
  assert_cite (opinion, quote, "1986 WL 12345", CB_CITE_STYLE_BLUEBOOK, "*345");
}

/* Three reporters, named by the caption or not at all. */
static void
test_three_reporters (void)
{
  g_autoptr(CbOpinion) named = cb_opinion_new_from_text (
    "Roe v. Doe\n\nSupreme Court of Illinois\n\n5 Ill. 2d 10, 7 N.E.2d 20, 9 P.2d 30\n\n"
    "Text on the first pages *11 more text **21 still ***31 and then the paragraph ends.\n\n"
    "Second paragraph *12 with **22 and ***32 markers in it.\n", "named.txt", CB_OPINION_FORMAT_TEXT);
  g_autoptr(CbOpinion) unnamed = cb_test_import_opinion ("tests/fixtures/opinions/three-reporters.txt");
  g_autoptr(CbOpinion) close = cb_opinion_new_from_text ("First words *11 and then **12 the rest.\n", "close.txt",
                                                         CB_OPINION_FORMAT_TEXT);
  const char *all = "5 Ill. 2d 10, 7 N.E.2d 20, 9 P.2d 30";

  g_assert_cmpstr (cb_opinion_get_citation (named), ==, all);
  assert_cite (named, "more text still", all, CB_CITE_STYLE_BLUEBOOK, "5 Ill. 2d at 11, 7 N.E.2d at 20–21, 9 P.2d at 30");
  assert_cite (named, "more text still", "9 P.2d 30, 5 Ill.2d 10", CB_CITE_STYLE_BLUEBOOK, "9 P.2d at 30, 5 Ill. 2d at 11");
  assert_cite (named, "Second paragraph", "7 N.E. 2d 20", CB_CITE_STYLE_BLUEBOOK, "7 N.E.2d at 21");
  /* Each reporter by its name, not by the page that would fit another level. */
  assert_cite (named, "Second paragraph", "7 N.E.2d 10", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (named, "7 N.E.2d 10", "The opinion starts at 7 N.E.2d 20, not 10");
  assert_cite (named, "Second paragraph", "9 A.2d 30", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (named, "9 A.2d 30", "The opinion’s pages are not those of 9 A.2d: pin cites give the opinion’s "
                                       "own page numbers");
  assert_problems (named, all, "");

  /* Unnamed: 10–12, 20–22, 30–32. A first page at or just before one level's, and
   * inside no other, takes that level. */
  assert_cite (unnamed, "more text still", "5 Ill. 2d 10, 7 N.E.2d 20, 9 P.2d 30", CB_CITE_STYLE_BLUEBOOK,
               "5 Ill. 2d at 11, 7 N.E.2d at 20–21, 9 P.2d at 30");
  assert_cite (unnamed, "Second paragraph", "7 N.E.2d 19", CB_CITE_STYLE_BLUEBOOK, "7 N.E.2d at 21");
  assert_cite (unnamed, "Second paragraph", "9 P.2d 28", CB_CITE_STYLE_BLUEBOOK, "9 P.2d at 31");
  assert_cite (unnamed, "Second paragraph", "7 N.E.2d 11", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (unnamed, "7 N.E.2d 11", "The opinion starts at page 10 or before, not at 7 N.E.2d 11");
  assert_cite (unnamed, "Second paragraph", "7 N.E.2d 22", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (unnamed, "7 N.E.2d 22", "The opinion starts at page 20 or before, not at 7 N.E.2d 22");
  assert_cite (unnamed, "Second paragraph", "7 N.E.2d 15", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (unnamed, "7 N.E.2d 15", "The opinion’s pages are not those of 7 N.E.2d 15: pin cites give the "
                                           "opinion’s own page numbers");
  /* Two levels taken by the same citation's reporters: the second is left out. */
  assert_cite (unnamed, "Second paragraph", "7 N.E.2d 20, 8 N.E.2d 20", CB_CITE_STYLE_BLUEBOOK, "7 N.E.2d at 21");

  /* Levels 10–11 and 11–12: page 9 could start either, so neither is taken; page 10
   * is inside the second's first page's level, and starts the first. */
  assert_cite (close, "the rest", "5 Ill. 2d 9", CB_CITE_STYLE_BLUEBOOK, "*11");
  assert_problems (close, "5 Ill. 2d 9", "The opinion’s pages are not those of 5 Ill. 2d 9: pin cites give the "
                                         "opinion’s own page numbers");
  assert_cite (close, "the rest", "5 Ill. 2d 10", CB_CITE_STYLE_BLUEBOOK, "5 Ill. 2d at 11");
}

/* The Caselaw Access Project's casebody names its levels by citation index, in the
 * order of its citations. */
static void
test_cap_levels (void)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("tests/fixtures/opinions/cap-casebody.xml");
  const char *citation = cb_opinion_get_citation (opinion);

  g_assert_cmpstr (citation, ==, "288 Neb. 512, 849 N.W.2d 301");
  assert_cite (opinion, "The deputy testified only that he saw a notebook.", "849 N.W. 2d 301",
               CB_CITE_STYLE_BLUEBOOK, "849 N.W.2d at 302 n.1 (Gerrard, J., dissenting)");
  assert_cite (opinion, "The deputy testified only that he saw a notebook.", "288 Neb. 513",
               CB_CITE_STYLE_BLUEBOOK, "*514 n.1 (Gerrard, J., dissenting)");
  assert_problems (opinion, "288 Neb. 513", "The opinion starts at 288 Neb. 512, not 513");
  assert_problems (opinion, citation, "");
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
  g_test_add_func ("/pin-cite/unnamed-levels-sample", test_unnamed_levels_sample);
  g_test_add_func ("/pin-cite/named-levels", test_named_levels);
  g_test_add_func ("/pin-cite/three-reporters", test_three_reporters);
  g_test_add_func ("/pin-cite/cap-levels", test_cap_levels);

  return g_test_run ();
}
