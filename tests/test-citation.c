#include "config.h"

#include <string.h>

#include "cb-citation.h"
#include "cb-reporters.h"

static char *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions",
                                            "davidson-v-cannon.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The index of the citation whose text is @cited, checking that its character offsets
 * select exactly that text. */
static int
find (GPtrArray  *citations,
      const char *text,
      const char *cited)
{
  for (guint i = 0; i < citations->len; i++)
    {
      CbCitation *citation = g_ptr_array_index (citations, i);

      if (g_str_equal (citation->text, cited))
        {
          g_autofree char *selected = g_utf8_substring (text, citation->start, citation->end);

          g_assert_cmpstr (selected, ==, cited);
          return i;
        }
    }

  g_test_message ("no citation \"%s\"", cited);
  g_assert_not_reached ();
  return -1;
}

static CbCitation *
at (GPtrArray *citations,
    int        i)
{
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (i, <, (int) citations->len);
  return g_ptr_array_index (citations, i);
}

/* The cheap test before a lookup never turns away a reporter that the lookup finds. */
static void
test_reporters_could_begin (void)
{
  static const char * const found[] = { "S.Ct.", "U. S.", "L.Ed.2d", "F.2d", "A.3d", "Cal.App.4th",
                                        "F. Supp. 2d" };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_assert_nonnull (cb_reporters_lookup (found[i]));
      g_assert_true (cb_reporters_could_begin (found[i][0]));
    }
  /* Words that follow numbers in prose; no reporter begins with them. */
  g_assert_false (cb_reporters_could_begin ('t'));
  g_assert_false (cb_reporters_could_begin ('1'));
  g_assert_false (cb_reporters_could_begin ('"'));
  /* What normalizing may drop or change is never turned away. */
  g_assert_true (cb_reporters_could_begin ('\xe2'));
  g_assert_true (cb_reporters_could_begin ('\f'));
  g_assert_true (cb_reporters_could_begin (','));

  /* The same for codes. */
  g_assert_nonnull (cb_reporters_lookup_code ("U.S.C."));
  g_assert_true (cb_reporters_code_could_begin ('U'));
  g_assert_nonnull (cb_reporters_lookup_code ("N.J.Stat.Ann."));
  g_assert_true (cb_reporters_code_could_begin ('N'));
  g_assert_false (cb_reporters_code_could_begin ('t'));
  g_assert_false (cb_reporters_code_could_begin ('4'));
  g_assert_true (cb_reporters_code_could_begin ('\xc2'));
}

static void
test_reporters_lookup (void)
{
  int first = -1;
  int last = -1;

  g_assert_cmpstr (cb_reporters_lookup ("S.Ct."), ==, "S. Ct.");
  g_assert_cmpstr (cb_reporters_lookup ("S. Ct."), ==, "S. Ct.");
  g_assert_cmpstr (cb_reporters_lookup ("S. Ct"), ==, "S. Ct.");
  g_assert_cmpstr (cb_reporters_lookup ("L.Ed.2d"), ==, "L. Ed. 2d");
  g_assert_cmpstr (cb_reporters_lookup ("U. S."), ==, "U.S.");
  g_assert_cmpstr (cb_reporters_lookup ("F.2d"), ==, "F.2d");
  g_assert_cmpstr (cb_reporters_lookup ("A.3d"), ==, "A.3d");
  g_assert_cmpstr (cb_reporters_lookup ("F. Supp. 2d"), ==, "F. Supp. 2d");
  g_assert_cmpstr (cb_reporters_lookup ("F.Supp.2d"), ==, "F. Supp. 2d");
  g_assert_cmpstr (cb_reporters_lookup ("Cal.App.4th"), ==, "Cal. App. 4th");
  g_assert_null (cb_reporters_lookup ("Xyz."));
  g_assert_null (cb_reporters_lookup (""));
  /* Case matters: reporters-db spells "S. Ct." with capitals. */
  g_assert_null (cb_reporters_lookup ("s. ct."));
  /* Statute codes are not case reporters, and the other way round. */
  g_assert_null (cb_reporters_lookup ("U.S.C."));
  g_assert_cmpstr (cb_reporters_lookup_code ("U.S.C."), ==, "U.S.C.");
  g_assert_cmpstr (cb_reporters_lookup_code ("N.J.Stat.Ann."), ==, "N.J. Stat. Ann.");
  g_assert_null (cb_reporters_lookup_code ("F.2d"));

  g_assert_true (cb_reporters_get_years ("F.2d", &first, &last));
  g_assert_cmpint (first, ==, 1924);
  g_assert_cmpint (last, ==, 1993);
  g_assert_true (cb_reporters_get_years ("S. Ct.", &first, &last));
  g_assert_cmpint (first, ==, 1882);
  g_assert_cmpint (last, ==, 0);
  g_assert_false (cb_reporters_get_years ("Xyz.", &first, &last));
}

static void
test_sample_cases (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  CbCitation *c;
  int parratt;
  int daniels;
  int i;

  /* The first full citation comes after "§" and curly quotes: character offsets differ
   * from byte offsets there. */
  parratt = find (citations, text, "451 U.S. 527, 536–537");
  c = at (citations, parratt);
  g_assert_cmpuint (c->start, ==, g_utf8_pointer_to_offset (text, strstr (text, "451 U.S. 527")));
  g_assert_cmpuint (c->start, <, (gsize) (strstr (text, "451 U.S. 527") - text));
  g_assert_cmpuint (c->end - c->start, ==, g_utf8_strlen ("451 U.S. 527, 536–537", -1));
  g_assert_cmpint (c->kind, ==, CB_CITATION_CASE);
  g_assert_cmpstr (c->case_name, ==, "Parratt v. Taylor");
  g_assert_cmpstr (c->volume, ==, "451");
  g_assert_cmpstr (c->reporter, ==, "U.S.");
  g_assert_cmpstr (c->page, ==, "527");
  g_assert_cmpstr (c->pin, ==, "536–537");
  g_assert_cmpstr (c->year, ==, "1981");
  g_assert_null (c->court);
  g_assert_cmpint (c->parallel_of, ==, -1);
  g_assert_cmpint (c->refers_to, ==, -1);

  c = at (citations, i = find (citations, text, "101 S.Ct. 1908, 1913–14"));
  g_assert_cmpint (i, ==, parratt + 1);
  g_assert_cmpstr (c->reporter, ==, "S. Ct.");
  g_assert_cmpstr (c->volume, ==, "101");
  g_assert_cmpstr (c->page, ==, "1908");
  g_assert_cmpstr (c->pin, ==, "1913–14");
  g_assert_cmpint (c->parallel_of, ==, parratt);
  g_assert_cmpstr (c->year, ==, "1981");

  c = at (citations, i = find (citations, text, "68 L.Ed.2d 420"));
  g_assert_cmpint (i, ==, parratt + 2);
  g_assert_cmpstr (c->reporter, ==, "L. Ed. 2d");
  g_assert_cmpstr (c->page, ==, "420");
  g_assert_null (c->pin);
  g_assert_cmpint (c->parallel_of, ==, parratt);

  c = at (citations, find (citations, text, "752 F.2d 817"));
  g_assert_cmpstr (c->reporter, ==, "F.2d");
  g_assert_cmpstr (c->court, ==, "CA3");
  g_assert_cmpstr (c->year, ==, "1984");
  g_assert_null (c->case_name);
  g_assert_cmpint (c->parallel_of, ==, -1);

  daniels = find (citations, text, "474 U.S. 327");
  c = at (citations, daniels);
  g_assert_cmpstr (c->case_name, ==, "Daniels v. Williams");
  g_assert_cmpstr (c->year, ==, "1986");
  c = at (citations, find (citations, text, "106 S.Ct. 662"));
  g_assert_cmpint (c->parallel_of, ==, daniels);

  /* Names after a signal, a star-page marker or "sub nom." leave those out. */
  g_assert_cmpstr (at (citations, find (citations, text, "430 U.S. 651, 673"))->case_name, ==,
                   "Ingraham v. Wright");
  c = at (citations, find (citations, text, "481 F.2d 1028"));
  g_assert_cmpstr (c->case_name, ==, "Johnson v. Glick");
  g_assert_cmpstr (c->court, ==, "CA2");
  g_assert_null (c->year);
  c = at (citations, find (citations, text, "414 U.S. 1033"));
  g_assert_cmpstr (c->case_name, ==, "John v. Johnson");
  g_assert_cmpint (c->parallel_of, ==, -1);
  g_assert_cmpstr (c->year, ==, "1973");
  /* "We granted certiorari, 471 U.S. 1134": no case name. */
  g_assert_null (at (citations, find (citations, text, "471 U.S. 1134"))->case_name);
}

static void
test_sample_statutes (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  CbCitation *c;
  guint statutes = 0;

  c = at (citations, find (citations, text, "42 U.S.C. § 1983"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_STATUTE);
  g_assert_cmpuint (c->start, ==, g_utf8_pointer_to_offset (text, strstr (text, "42 U.S.C.")));
  g_assert_cmpstr (c->volume, ==, "42");
  g_assert_cmpstr (c->reporter, ==, "U.S.C.");
  g_assert_cmpstr (c->page, ==, "1983");

  c = at (citations, find (citations, text, "N.J.Stat.Ann. § 59:5–2(b)(4)"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_STATUTE);
  g_assert_null (c->volume);
  g_assert_cmpstr (c->reporter, ==, "N.J. Stat. Ann.");
  g_assert_cmpstr (c->page, ==, "59:5–2(b)(4)");
  g_assert_cmpstr (c->year, ==, "1982");

  /* "this § 1983 suit" and "that § 1983 provides" name no code. */
  for (guint i = 0; i < citations->len; i++)
    if (at (citations, i)->kind == CB_CITATION_STATUTE)
      statutes++;
  g_assert_cmpuint (statutes, ==, 2);
}

static void
test_sample_short_forms (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  int f2d = find (citations, text, "752 F.2d 817");
  int daniels = find (citations, text, "474 U.S. 327");
  int daniels_sct = find (citations, text, "106 S.Ct. 662");
  CbCitation *c;

  c = at (citations, find (citations, text, "752 F.2d, at 826"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_SHORT);
  g_assert_cmpint (c->refers_to, ==, f2d);
  g_assert_cmpstr (c->pin, ==, "826");
  g_assert_cmpstr (c->page, ==, "817");

  c = at (citations, find (citations, text, "Id., at 829"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_ID);
  g_assert_cmpint (c->refers_to, ==, f2d);
  g_assert_cmpstr (c->pin, ==, "829");

  c = at (citations, find (citations, text, "752 F.2d, at 820"));
  g_assert_cmpint (c->refers_to, ==, f2d);

  c = at (citations, find (citations, text, "Daniels, at 331–333"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_SHORT);
  g_assert_cmpint (c->refers_to, ==, daniels);
  g_assert_cmpstr (c->pin, ==, "331–333");

  c = at (citations, find (citations, text, "106 S.Ct., at 665–666"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_SHORT);
  g_assert_cmpint (c->refers_to, ==, daniels_sct);
  g_assert_cmpstr (c->pin, ==, "665–666");

  /* "Ibid." after "App. 89." and "id., at 14" after "Brief for Petitioner 17." mean the
   * record and the brief, not a case. */
  c = at (citations, find (citations, text, "Ibid."));
  g_assert_cmpint (c->kind, ==, CB_CITATION_ID);
  g_assert_cmpint (c->refers_to, ==, -1);
  c = at (citations, find (citations, text, "id., at 14"));
  g_assert_cmpint (c->kind, ==, CB_CITATION_ID);
  g_assert_cmpint (c->refers_to, ==, -1);
  g_assert_cmpstr (c->pin, ==, "14");

  /* A mere mention of a case is no citation. */
  for (guint i = 0; i < citations->len; i++)
    g_assert_false (g_str_has_prefix (at (citations, i)->text, "Parratt"));
}

static void
test_to_string (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  struct { const char *cited; const char *readable; } cases[] = {
    { "451 U.S. 527, 536–537", "Parratt v. Taylor, 451 U.S. 527, 536–537 (1981)" },
    { "101 S.Ct. 1908, 1913–14", "Parratt v. Taylor, 101 S. Ct. 1908, 1913–14 (1981)" },
    { "752 F.2d 817", "752 F.2d 817 (CA3 1984)" },
    { "42 U.S.C. § 1983", "42 U.S.C. § 1983" },
    { "N.J.Stat.Ann. § 59:5–2(b)(4)", "N.J. Stat. Ann. § 59:5–2(b)(4) (1982)" },
    { "752 F.2d, at 826", "Short form of 752 F.2d 817, at 826" },
    { "Id., at 829", "Short form of 752 F.2d 817, at 829" },
    { "Daniels, at 331–333", "Short form of Daniels v. Williams, 474 U.S. 327, at 331–333" },
    { "id., at 14", "id., at 14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *readable = cb_citation_to_string (at (citations, find (citations, text, cases[i].cited)));

      g_assert_cmpstr (readable, ==, cases[i].readable);
    }
}

static CbAuthority *
find_authority (GPtrArray  *authorities,
                const char *label)
{
  for (guint i = 0; i < authorities->len; i++)
    {
      CbAuthority *authority = g_ptr_array_index (authorities, i);

      if (g_str_equal (authority->label, label))
        return authority;
    }

  g_test_message ("no authority \"%s\"", label);
  g_assert_not_reached ();
  return NULL;
}

static void
test_authorities (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  g_autoptr(GPtrArray) authorities = cb_citation_authorities (citations);
  CbAuthority *a;
  gboolean statutes = FALSE;

  /* 451 U.S. 527 and its two parallels. */
  a = find_authority (authorities, "Parratt v. Taylor, 451 U.S. 527 (1981)");
  g_assert_cmpint (a->kind, ==, CB_CITATION_CASE);
  g_assert_cmpuint (a->count, ==, 3);
  g_assert_cmpuint (a->first_start, ==, g_utf8_pointer_to_offset (text, strstr (text, "451 U.S. 527")));
  g_assert_cmpuint (a->first_end - a->first_start, ==, g_utf8_strlen ("451 U.S. 527, 536–537", -1));

  /* 474 U.S. 327 with two parallels, "Daniels, at 331–333" and "106 S.Ct., at 665–666". */
  a = find_authority (authorities, "Daniels v. Williams, 474 U.S. 327 (1986)");
  g_assert_cmpuint (a->count, ==, 5);

  /* Cited in full twice, by two short forms and by Id. */
  a = find_authority (authorities, "752 F.2d 817 (CA3 1984)");
  g_assert_cmpuint (a->count, ==, 5);
  g_assert_cmpuint (a->first_start, ==, g_utf8_pointer_to_offset (text, strstr (text, "752 F.2d 817")));

  a = find_authority (authorities, "42 U.S.C. § 1983");
  g_assert_cmpint (a->kind, ==, CB_CITATION_STATUTE);
  g_assert_cmpuint (a->count, ==, 1);

  g_assert_cmpuint (authorities->len, ==, 11);
  for (guint i = 0; i < authorities->len; i++)
    {
      CbAuthority *authority = g_ptr_array_index (authorities, i);

      /* Cases first, then statutes, each by label. */
      if (authority->kind == CB_CITATION_STATUTE)
        statutes = TRUE;
      else
        g_assert_false (statutes);
      if (i > 0 && authority->kind == ((CbAuthority *) g_ptr_array_index (authorities, i - 1))->kind)
        g_assert_cmpint (g_utf8_collate (((CbAuthority *) g_ptr_array_index (authorities, i - 1))->label,
                                         authority->label), <, 0);
    }
}

static void
test_other_forms (void)
{
  const char *text =
    "In Smith v. Jones, 1 U.S. 1 (1800), the Court held. See Board of Regents v. Roth, "
    "408 U.S. 564, 577 (1972). Id. at 580. Roth, 408 U.S. at 570. United States v. Leon, "
    "468 U.S. 897 (1984). Leon, at 900. Also 5 F. Supp. 2d 123 (D.N.J. 1998). "
    "Under 42 U.S.C. §§ 1983–1985, this § 1983 suit. Roth, supra, at 571. The Court in "
    "Mapp v. Ohio, 367 U.S. 643 (1961), and in Wolf v. People of State of Colorado, "
    "338 U.S. 25 (1949).\n"
    "Unrelated paragraph.\n"
    "Another one.\n"
    "Id. at 3.";
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  int smith = find (citations, text, "1 U.S. 1");
  int roth = find (citations, text, "408 U.S. 564, 577");
  int leon = find (citations, text, "468 U.S. 897");
  CbCitation *c;

  g_assert_cmpstr (at (citations, smith)->case_name, ==, "Smith v. Jones");
  g_assert_cmpstr (at (citations, roth)->case_name, ==, "Board of Regents v. Roth");
  g_assert_cmpint (at (citations, find (citations, text, "Id. at 580"))->refers_to, ==, roth);
  g_assert_cmpint (at (citations, find (citations, text, "408 U.S. at 570"))->refers_to, ==, roth);
  g_assert_cmpint (at (citations, find (citations, text, "Roth, supra, at 571"))->refers_to, ==, roth);
  /* The short form may name either party. */
  g_assert_cmpint (at (citations, find (citations, text, "Leon, at 900"))->refers_to, ==, leon);

  g_assert_cmpstr (at (citations, find (citations, text, "367 U.S. 643"))->case_name, ==, "Mapp v. Ohio");
  g_assert_cmpstr (at (citations, find (citations, text, "338 U.S. 25"))->case_name, ==,
                   "Wolf v. People of State of Colorado");

  c = at (citations, find (citations, text, "5 F. Supp. 2d 123"));
  g_assert_cmpstr (c->reporter, ==, "F. Supp. 2d");
  g_assert_cmpstr (c->court, ==, "D.N.J.");
  g_assert_cmpstr (c->year, ==, "1998");

  c = at (citations, find (citations, text, "42 U.S.C. §§ 1983–1985"));
  g_assert_cmpstr (c->page, ==, "1983–1985");

  /* Two paragraphs on, Id. no longer reaches back. */
  g_assert_cmpint (at (citations, find (citations, text, "Id. at 3"))->refers_to, ==, -1);
}

static void
test_no_citations (void)
{
  const char *texts[] = {
    "",
    "On December 19, 1980, at about 2 p.m. he paid $2,000.",
    "this § 1983 suit",
    "Parratt does not so hold.",
    "Smith, at 5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) citations = cb_citation_scan (texts[i]);

      g_assert_cmpuint (citations->len, ==, 0);
    }
}

/* Hostile input must simply come back: no catastrophic backtracking, no quadratic walk. */
static void
test_pathological (void)
{
  const char *pieces[] = {
    "1.", "1 ", "1.1 ", "1 U.S. 1, ", "Id. ", "\u00a7 1 ", "A, at 1 ", "A v. B, ",
    "1 F.2d, at 1 ", "(", "App. 1 ", "X v. Y, 1 U.S. 1, 1 U.S. 1, ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) citations = NULL;
      g_autoptr(GPtrArray) authorities = NULL;

      while (text->len < 200000)
        g_string_append (text, pieces[i]);
      citations = cb_citation_scan (text->str);
      authorities = cb_citation_authorities (citations);
      g_assert_nonnull (authorities);
    }

  /* One parallel group of twenty thousand citations is still one authority. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GPtrArray) citations = NULL;
    g_autoptr(GPtrArray) authorities = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append (text, "1 U.S. 1, ");
    citations = cb_citation_scan (text->str);
    g_assert_cmpuint (citations->len, ==, 20000);
    authorities = cb_citation_authorities (citations);
    g_assert_cmpuint (authorities->len, ==, 1);
    g_assert_cmpuint (((CbAuthority *) g_ptr_array_index (authorities, 0))->count, ==, 20000);
  }

  /* Invalid UTF-8 has no character offsets: nothing is found. */
  {
    g_autoptr(GPtrArray) citations = cb_citation_scan ("451 U.S. 527 \xff");

    g_assert_cmpuint (citations->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reporters/lookup", test_reporters_lookup);
  g_test_add_func ("/reporters/could-begin", test_reporters_could_begin);
  g_test_add_func ("/citation/sample/cases", test_sample_cases);
  g_test_add_func ("/citation/sample/statutes", test_sample_statutes);
  g_test_add_func ("/citation/sample/short-forms", test_sample_short_forms);
  g_test_add_func ("/citation/to-string", test_to_string);
  g_test_add_func ("/citation/authorities", test_authorities);
  g_test_add_func ("/citation/other-forms", test_other_forms);
  g_test_add_func ("/citation/no-citations", test_no_citations);
  g_test_add_func ("/citation/pathological", test_pathological);

  return g_test_run ();
}
