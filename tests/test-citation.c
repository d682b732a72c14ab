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

/* The forms each reporter takes come from reporters-db's regexes for it. */
static void
test_reporters_forms (void)
{
  CbReporterForms forms = 0;

  g_assert_cmpstr (cb_reporters_lookup_forms ("Ohio", &forms), ==, "Ohio");
  g_assert_cmpint (forms, ==, CB_REPORTER_NEUTRAL | CB_REPORTER_HYPHENATED);
  g_assert_cmpstr (cb_reporters_lookup_forms ("NMSC", &forms), ==, "NMSC");
  g_assert_cmpint (forms, ==, CB_REPORTER_NEUTRAL | CB_REPORTER_HYPHENATED);
  g_assert_cmpstr (cb_reporters_lookup_forms ("IL App (2d)", &forms), ==, "IL App (2d)");
  g_assert_cmpint (forms, ==, CB_REPORTER_NEUTRAL | CB_REPORTER_PAGE_DASH_LETTER);
  g_assert_cmpstr (cb_reporters_lookup_forms ("La. App. 4 Cir.", &forms), ==, "La.App. 4 Cir.");
  g_assert_cmpint (forms, ==, CB_REPORTER_NEUTRAL | CB_REPORTER_LOUISIANA);
  g_assert_cmpstr (cb_reporters_lookup_forms ("WL", &forms), ==, "WL");
  g_assert_cmpint (forms, ==, CB_REPORTER_DATABASE);
  g_assert_cmpint (cb_reporters_get_forms ("U.S. Dist. LEXIS"), ==, CB_REPORTER_DATABASE);
  g_assert_cmpint (cb_reporters_get_forms ("Conn. Super. Ct."), ==, CB_REPORTER_NEUTRAL | CB_REPORTER_PAGE_DASH_LETTER);
  g_assert_cmpint (cb_reporters_get_forms ("F.2d"), ==, 0);
  g_assert_cmpstr (cb_reporters_lookup_forms ("Xyz.", &forms), ==, NULL);
  g_assert_cmpint (forms, ==, 0);
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

static const char * const kind_names[] = { "case", "statute", "short", "id" };
static const char * const form_names[] = { "reporter", "neutral", "database" };

/* Every field of a citation on one line, each checked against the text it claims. */
static char *
describe (GPtrArray  *citations,
          const char *text,
          guint       i)
{
  CbCitation *c = at (citations, i);
  g_autofree char *selected = g_utf8_substring (text, c->start, c->end);

  g_assert_cmpstr (selected, ==, c->text);
  return g_strdup_printf ("%s %s [%s] name=%s volume=%s reporter=%s written=%s page=%s pin=%s "
                          "court=%s year=%s date=%s parallel_of=%d refers_to=%d",
                          kind_names[c->kind], form_names[c->form], c->text, c->case_name, c->volume,
                          c->reporter, c->reporter_written, c->page, c->pin, c->court, c->year, c->date,
                          c->parallel_of, c->refers_to);
}

static void
check_forms (const char         *text,
             const char * const *expected)
{
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MAX (n, citations->len); i++)
    {
      g_autofree char *got = i < citations->len ? describe (citations, text, i) : NULL;

      g_assert_cmpstr (got, ==, i < n ? expected[i] : NULL);
    }
}

/* Public-domain citations in the forms the states give them, with paragraph pins. */
static void
test_neutral (void)
{
  static const char * const expected[] = {
    "case neutral [2012-Ohio-4567, ¶ 12] name=State v. Smith volume=2012 reporter=Ohio written=Ohio "
      "page=4567 pin=¶ 12 court=(null) year=2012 date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2015-NMSC-011, ¶¶ 3–4] name=State v. Ortiz volume=2015 reporter=NMSC written=NMSC "
      "page=011 pin=¶¶ 3–4 court=(null) year=2015 date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2019 IL App (2d) 180123-U, ¶ 15] name=People v. Jones volume=2019 "
      "reporter=IL App (2d) written=IL App (2d) page=180123-U pin=¶ 15 court=(null) year=2019 "
      "date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2010-0123 (La. App. 4 Cir. 3/3/11)] name=State v. Dupre volume=2010 "
      "reporter=La.App. 4 Cir. written=La. App. 4 Cir. page=0123 pin=(null) court=La. App. 4 Cir. "
      "year=2011 date=3/3/11 parallel_of=-1 refers_to=-1",
    "case reporter [60 So. 3d 123, 126] name=State v. Dupre volume=60 reporter=So. 3d written=So. 3d "
      "page=123 pin=126 court=La. App. 4 Cir. year=2011 date=3/3/11 parallel_of=3 refers_to=-1",
    "case neutral [2009-1359, p. 4 (La.App. 1 Cir. 05/10/10)] name=(null) volume=2009 "
      "reporter=La.App. 1 Cir. written=La.App. 1 Cir. page=1359 pin=p. 4 court=La.App. 1 Cir. "
      "year=2010 date=05/10/10 parallel_of=-1 refers_to=-1",
    "case neutral [2017 -Ohio- 2951] name=(null) volume=2017 reporter=Ohio written=Ohio page=2951 "
      "pin=(null) court=(null) year=2017 date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2022 CO 7] name=(null) volume=2022 reporter=CO written=CO page=7 pin=(null) "
      "court=(null) year=2022 date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2016 CO 47M] name=(null) volume=2016 reporter=CO written=CO page=47M pin=(null) "
      "court=(null) year=2016 date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [2019 WI App 12, ¶ 7] name=Lee v. Wisconsin volume=2019 reporter=WI App "
      "written=WI App page=12 pin=¶ 7 court=(null) year=2019 date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [388 Wis. 2d 1] name=Lee v. Wisconsin volume=388 reporter=Wis. 2d written=Wis. 2d "
      "page=1 pin=(null) court=(null) year=2019 date=(null) parallel_of=9 refers_to=-1",
    "id neutral [Id. ¶ 9] name=Lee v. Wisconsin volume=2019 reporter=WI App written=(null) page=12 "
      "pin=¶ 9 court=(null) year=2019 date=(null) parallel_of=-1 refers_to=9",
    /* An old Ohio Reports volume is no neutral citation. */
    "case reporter [5 Ohio 200] name=(null) volume=5 reporter=Ohio written=Ohio page=200 pin=(null) "
      "court=(null) year=(null) date=(null) parallel_of=-1 refers_to=-1",
    NULL,
  };

  check_forms ("See State v. Smith, 2012-Ohio-4567, ¶ 12; State v. Ortiz, 2015-NMSC-011, ¶¶ 3–4; "
               "People v. Jones, 2019 IL App (2d) 180123-U, ¶ 15; State v. Dupre, 2010-0123 (La. App. "
               "4 Cir. 3/3/11), 60 So. 3d 123, 126. Also 2009-1359, p. 4 (La.App. 1 Cir. 05/10/10), "
               "and 2017 -Ohio- 2951; 2022 CO 7; 2016 CO 47M. Lee v. Wisconsin, 2019 WI App 12, ¶ 7, "
               "388 Wis. 2d 1. Id. ¶ 9. Compare 5 Ohio 200.", expected);
}

/* Westlaw and Lexis citations with star pins and the date of decision. */
static void
test_database (void)
{
  static const char * const expected[] = {
    "case database [2014 WL 1234567, at *3] name=Doe v. Roe volume=2014 reporter=WL written=WL "
      "page=1234567 pin=*3 court=S.D.N.Y. year=2014 date=Mar. 3, 2014 parallel_of=-1 refers_to=-1",
    "id database [Id. at *4–5] name=Doe v. Roe volume=2014 reporter=WL written=(null) page=1234567 "
      "pin=*4–5 court=S.D.N.Y. year=2014 date=Mar. 3, 2014 parallel_of=-1 refers_to=0",
    "case database [2013 U.S. Dist. LEXIS 98765, at *7] name=Acme Corp. v. Widget Co. volume=2013 "
      "reporter=U.S. Dist. LEXIS written=U.S. Dist. LEXIS page=98765 pin=*7 court=N.D. Ill. year=2013 "
      "date=July 1, 2013 parallel_of=-1 refers_to=-1",
    "case database [2002 U.S. App. LEXIS 1234, *5] name=(null) volume=2002 reporter=U.S. App. LEXIS "
      "written=U.S. App. LEXIS page=1234 pin=*5 court=2d Cir. year=2002 date=Jan. 2002 parallel_of=-1 "
      "refers_to=-1",
    "short database [Doe, at *9] name=Doe v. Roe volume=2014 reporter=WL written=(null) page=1234567 "
      "pin=*9 court=S.D.N.Y. year=2014 date=Mar. 3, 2014 parallel_of=-1 refers_to=0",
    NULL,
  };

  check_forms ("Doe v. Roe, 2014 WL 1234567, at *3 (S.D.N.Y. Mar. 3, 2014). Id. at *4–5. Acme Corp. v. "
               "Widget Co., 2013 U.S. Dist. LEXIS 98765, at *7 (N.D. Ill. July 1, 2013); 2002 U.S. App. "
               "LEXIS 1234, *5 (2d Cir. Jan. 2002). Doe, at *9.", expected);
}

/* Pages in roman numerals and with letters, California's brackets and year before the
 * volume, the Supreme Court's comma before the page, and the names of proceedings. */
static void
test_pages_and_names (void)
{
  static const char * const expected[] = {
    "case reporter [5 Neb. App. xxii] name=(null) volume=5 reporter=Neb. Ct. App. written=Neb. App. "
      "page=xxii pin=(null) court=(null) year=(null) date=(null) parallel_of=-1 refers_to=-1",
    "case neutral [1995 Conn. Super. Ct. 1234-B] name=Kelly v. Kelly volume=1995 "
      "reporter=Conn. Super. Ct. written=Conn. Super. Ct. page=1234-B pin=(null) court=(null) year=1995 "
      "date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [52 Cal.4th 1, 5] name=People v. Smith volume=52 reporter=Cal. 4th written=Cal.4th "
      "page=1 pin=5 court=(null) year=2011 date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [126 Cal.Rptr.3d 712] name=People v. Smith volume=126 reporter=Cal. Rptr. 3d "
      "written=Cal.Rptr.3d page=712 pin=(null) court=(null) year=2011 date=(null) parallel_of=2 refers_to=-1",
    "short reporter [52 Cal.4th at p. 9] name=People v. Smith volume=52 reporter=Cal. 4th "
      "written=Cal.4th page=1 pin=p. 9 court=(null) year=2011 date=(null) parallel_of=-1 refers_to=2",
    "case reporter [387 U.S. 1, 13] name=In re Gault volume=387 reporter=U.S. written=U.S. page=1 "
      "pin=13 court=(null) year=1967 date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [209 U.S. 123] name=Ex parte Young volume=209 reporter=U.S. written=U.S. page=123 "
      "pin=(null) court=(null) year=1908 date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [410 U.S., 113] name=Roe v. Wade volume=410 reporter=U.S. written=U.S. page=113 "
      "pin=(null) court=(null) year=1973 date=(null) parallel_of=-1 refers_to=-1",
    "case reporter [93 S.Ct. 705] name=Roe v. Wade volume=93 reporter=S. Ct. written=S.Ct. page=705 "
      "pin=(null) court=(null) year=1973 date=(null) parallel_of=7 refers_to=-1",
    "short reporter [Gault, at 20] name=In re Gault volume=387 reporter=U.S. written=(null) page=1 "
      "pin=20 court=(null) year=1967 date=(null) parallel_of=-1 refers_to=5",
    "case reporter [3 F.3d 45] name=In the Matter of Estate of Rowe volume=3 reporter=F.3d written=F.3d "
      "page=45 pin=(null) court=(null) year=(null) date=(null) parallel_of=-1 refers_to=-1",
    NULL,
  };

  check_forms ("The memorial in 5 Neb. App. xxii. Kelly v. Kelly, 1995 Conn. Super. Ct. 1234-B (1995). "
               "People v. Smith (2011) 52 Cal.4th 1, 5 [126 Cal.Rptr.3d 712]. Smith, 52 Cal.4th at p. 9. "
               "In re Gault, 387 U.S. 1, 13 (1967). See Ex parte Young, 209 U.S. 123 (1908). Roe v. Wade, "
               "410 U.S., 113, 93 S.Ct. 705 (1973). Gault, at 20. In the Matter of Estate of Rowe, "
               "3 F.3d 45.", expected);
}

/* What looks like the new forms in prose is no citation. */
static void
test_forms_in_prose (void)
{
  struct { const char *text; const char *found; } cases[] = {
    { "In 1980 Ohio v. Roberts was decided.", NULL },
    { "In 1999 civil filings rose, and 2012-2013 was a hard year for 2014-era cases.", NULL },
    { "The 2010-0123 docket (filed 3/3/11) was sealed.", NULL },
    { "He was 5 F.2d tall.", NULL },
    /* The number after the comma is the next citation's volume, not a page. */
    { "As 410 U.S., 113 S. Ct. 705 shows.", "113 S. Ct. 705" },
    /* A star page of the opinion after a citation is not its pin. */
    { "See 474 U.S. 327, *348 and then.", "474 U.S. 327" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) citations = cb_citation_scan (cases[i].text);

      for (guint j = 0; j < citations->len; j++)
        g_test_message ("%s: %s", cases[i].text, at (citations, j)->text);
      g_assert_cmpuint (citations->len, ==, cases[i].found != NULL ? 1 : 0);
      if (cases[i].found != NULL)
        g_assert_cmpstr (at (citations, 0)->text, ==, cases[i].found);
    }
}

static void
test_forms_to_string (void)
{
  const char *text =
    "State v. Smith, 2012-Ohio-4567, ¶ 12. State v. Dupre, 2010-0123 (La. App. 4 Cir. 3/3/11). "
    "Doe v. Roe, 2014 WL 1234567, at *3 (S.D.N.Y. Mar. 3, 2014). Id. at *4. In re Gault, 387 U.S. 1 (1967).";
  g_autoptr(GPtrArray) citations = cb_citation_scan (text);
  g_autoptr(GPtrArray) authorities = cb_citation_authorities (citations);
  struct { const char *cited; const char *readable; } cases[] = {
    { "2012-Ohio-4567, ¶ 12", "State v. Smith, 2012-Ohio-4567, ¶ 12" },
    { "2010-0123 (La. App. 4 Cir. 3/3/11)", "State v. Dupre, 2010-0123 (La.App. 4 Cir. 3/3/11)" },
    { "2014 WL 1234567, at *3", "Doe v. Roe, 2014 WL 1234567, at *3 (S.D.N.Y. Mar. 3, 2014)" },
    { "Id. at *4", "Short form of Doe v. Roe, 2014 WL 1234567, at *4" },
    { "387 U.S. 1", "In re Gault, 387 U.S. 1 (1967)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *readable = cb_citation_to_string (at (citations, find (citations, text, cases[i].cited)));

      g_assert_cmpstr (readable, ==, cases[i].readable);
    }
  g_assert_cmpuint (find_authority (authorities, "Doe v. Roe, 2014 WL 1234567 (S.D.N.Y. Mar. 3, 2014)")->count, ==, 2);
  g_assert_cmpuint (find_authority (authorities, "State v. Smith, 2012-Ohio-4567")->count, ==, 1);
  g_assert_cmpuint (find_authority (authorities, "In re Gault, 387 U.S. 1 (1967)")->count, ==, 1);
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
    "2012-Ohio-1, ", "2012-Ohio-", "2014 WL 1234567, at *1, ", "(2011) 1 Cal.4th 1 [", "1 U.S., ",
    "2010-0123 (La. App. 4 Cir. 1/1/", "2010-0123 (La. App. 4 Cir. 1/1/11), ", "5 Neb. App. xxii, ",
    "In re A, 1 U.S. 1; ", "Id. at *", "\u00b6 1 ", "1 U.S. 1 (S.D.N.Y. Mar. 3, ",
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
  g_test_add_func ("/reporters/forms", test_reporters_forms);
  g_test_add_func ("/citation/sample/cases", test_sample_cases);
  g_test_add_func ("/citation/sample/statutes", test_sample_statutes);
  g_test_add_func ("/citation/sample/short-forms", test_sample_short_forms);
  g_test_add_func ("/citation/to-string", test_to_string);
  g_test_add_func ("/citation/authorities", test_authorities);
  g_test_add_func ("/citation/other-forms", test_other_forms);
  g_test_add_func ("/citation/no-citations", test_no_citations);
  g_test_add_func ("/citation/forms/neutral", test_neutral);
  g_test_add_func ("/citation/forms/database", test_database);
  g_test_add_func ("/citation/forms/pages-and-names", test_pages_and_names);
  g_test_add_func ("/citation/forms/in-prose", test_forms_in_prose);
  g_test_add_func ("/citation/forms/to-string", test_forms_to_string);
  g_test_add_func ("/citation/pathological", test_pathological);

  return g_test_run ();
}
