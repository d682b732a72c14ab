#include "config.h"

#include "cb-opinion.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin-cite/format-range", test_format_range);
  g_test_add_func ("/pin-cite/reporter-canonical", test_reporter_canonical);
  g_test_add_func ("/pin-cite/database-and-neutral", test_database_and_neutral);

  return g_test_run ();
}
