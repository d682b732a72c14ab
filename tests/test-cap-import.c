/* The Caselaw Access Project's casebody XML: the caption and citations from its metadata,
 * pages of two reporters from its page numbers, footnotes linked to their marks,
 * separate opinions with their authors, exact pin cites; CourtListener's harvard XML;
 * other and hostile XML. */
#include "config.h"

#include <string.h>

#include "cb-brief.h"
#include "cb-cap-import.h"
#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-template.h"

#define CITATION "288 Neb. 512, 849 N.W.2d 301"

static CbOpinion *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "opinions",
                                            name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CbOpinion *opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opinion);
  return opinion;
}

static CbOpinion *
import_string (const char  *xml,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return cb_opinion_import_bytes (bytes, name, error);
}

static void
assert_cite (CbOpinion  *opinion,
             const char *quote,
             const char *citation,
             const char *expected)
{
  gsize start, end;
  g_autofree char *cite = NULL;

  if (!cb_opinion_find_quote (opinion, quote, 0, &start, &end))
    g_error ("quote not found: %s", quote);
  cite = cb_opinion_pin_cite (opinion, start, end, citation, CB_CITE_STYLE_BLUEBOOK);
  g_assert_cmpstr (cite, ==, expected);
}

static const char *
text_at (CbOpinion *opinion,
         gsize      offset)
{
  return g_utf8_offset_to_pointer (cb_opinion_get_text (opinion), offset);
}

static void
test_caption (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");

  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_XML);
  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "State v. Kestrel");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, CITATION);
  g_assert_cmpstr (cb_opinion_get_court (opinion), ==, "Supreme Court of Nebraska");
  g_assert_cmpstr (cb_opinion_get_date (opinion), ==, "July 18, 2014");
  g_assert_cmpstr (cb_opinion_get_docket (opinion), ==, "No. S-13-0442");
  /* A new brief takes the opinion's own case, court, date and citation. */
  {
    g_autoptr(CbTemplate) template = cb_template_new ("t", "T");
    g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);

    g_assert_cmpstr (cb_brief_get_case_name (brief), ==, "State v. Kestrel");
    g_assert_cmpstr (cb_brief_get_citation (brief), ==, CITATION);
    g_assert_cmpstr (cb_brief_get_court (brief), ==, "Supreme Court of Nebraska");
    /* The caption's date is kept as every brief keeps it, in ISO 8601. */
    g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "2014-07-18");
  }
  /* The metadata's citations open the text, so that a .brief's text still has them. */
  g_assert_true (g_str_has_prefix (cb_opinion_get_text (opinion), CITATION "\n\nSTATE of Nebraska, appellee, v. "));
}

/* Page numbers of citation index 1 are "*N", of index 2 "**N"; a word stays whole. */
static void
test_pages (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");
  gsize n_marks;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n_marks);
  const struct { guint reporter, page; const char *at; } expected[] = {
    { 1, 302, "**302 and saw the ledger" },
    { 0, 513, "*513 plain view doctrine" },
    { 0, 514, "*514 The judgment" },
    { 0, 515, "*515 the incriminating" },
    { 1, 303, "**303 as Horton itself" },
  };

  g_assert_cmpuint (cb_opinion_get_n_reporters (opinion), ==, 2);
  g_assert_cmpuint (cb_opinion_get_first_page (opinion, 0), ==, 512);
  g_assert_cmpuint (cb_opinion_get_first_page (opinion, 1), ==, 301);
  g_assert_cmpuint (n_marks, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_marks; i++)
    {
      g_assert_cmpuint (marks[i].reporter, ==, expected[i].reporter);
      g_assert_cmpuint (marks[i].page, ==, expected[i].page);
      g_assert_true (g_str_has_prefix (text_at (opinion, marks[i].offset), expected[i].at));
    }
}

/* Each footnote's mark is linked to its body, the dissent's "1" to the dissent's note. */
static void
test_footnotes (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");
  gsize n_notes;
  const CbFootnote *notes = cb_opinion_get_footnotes (opinion, &n_notes);
  const struct { const char *label, *marked, *body; } expected[] = {
    { "1", "[1] We affirm.", "The ledger listed" },
    { "2", "[2] The deputy recognized", "Inadvertence is no longer" },
    { "1", "[1]\n\nWithout that showing", "The deputy testified" },
  };

  g_assert_cmpuint (n_notes, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_notes; i++)
    {
      g_assert_cmpstr (notes[i].label, ==, expected[i].label);
      g_assert_cmpuint (notes[i].marker_length, ==, 3);
      g_assert_true (g_str_has_prefix (text_at (opinion, notes[i].marker_offset), expected[i].marked));
      g_assert_true (g_str_has_prefix (text_at (opinion, notes[i].body_start), expected[i].body));
    }
}

/* The concurrence and the dissent, whose author's line CAP gives without its role. */
static void
test_separate_opinions (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");
  gsize n_parts;
  const CbPart *parts = cb_page_map_get_parts (cb_opinion_get_page_map (opinion), &n_parts);

  g_assert_cmpuint (n_parts, ==, 2);
  g_assert_cmpstr (parts[0].parenthetical, ==, "(Wright, J., concurring)");
  g_assert_true (g_str_has_prefix (text_at (opinion, parts[0].start), "Wright, J., concurring.\n"));
  g_assert_cmpstr (parts[1].parenthetical, ==, "(Gerrard, J., dissenting)");
  g_assert_true (g_str_has_prefix (text_at (opinion, parts[1].start), "GERRARD, J., dissenting.\n"));
  g_assert_cmpuint (parts[0].end, ==, parts[1].start);
}

/* DESIGN.md's rules: both reporters at once, ranges over a page break, footnotes on the
 * page of their mark and moving on with a page inside them, separate opinions with
 * their parenthetical, footnotes of a dissent too. */
static void
test_pin_cites (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");

  assert_cite (opinion, "Kestrel appeals his conviction for burglary.", CITATION,
               "288 Neb. at 512, 849 N.W.2d at 301");
  assert_cite (opinion, "and saw the ledger on the seat", CITATION, "288 Neb. at 512, 849 N.W.2d at 302");
  assert_cite (opinion, "A deputy stopped the truck for a broken taillight and saw", CITATION,
               "288 Neb. at 512, 849 N.W.2d at 301–02");
  assert_cite (opinion, "The plain view doctrine permits", CITATION, "288 Neb. at 512–13, 849 N.W.2d at 302");
  assert_cite (opinion, "The judgment of the district court is affirmed.", CITATION,
               "288 Neb. at 514, 849 N.W.2d at 302");
  assert_cite (opinion, "The judgment of the district court is affirmed.", "849 N.W.2d 301", "849 N.W.2d at 302");
  assert_cite (opinion, "The ledger listed the addresses", CITATION,
               "288 Neb. at 512 n.1, 849 N.W.2d at 301 n.1");
  assert_cite (opinion, "Inadvertence is no longer required,", CITATION,
               "288 Neb. at 513 n.2, 849 N.W.2d at 302 n.2");
  assert_cite (opinion, "as Horton itself explains", CITATION, "288 Neb. at 513 n.2, 849 N.W.2d at 303 n.2");
  assert_cite (opinion, "Inadvertence is no longer required, as Horton", CITATION,
               "288 Neb. at 513 n.2, 849 N.W.2d at 302–03 n.2");
  assert_cite (opinion, "the narrow scope of the question", CITATION,
               "288 Neb. at 514, 849 N.W.2d at 302 (Wright, J., concurring)");
  assert_cite (opinion, "I respectfully dissent.", CITATION,
               "288 Neb. at 514, 849 N.W.2d at 302 (Gerrard, J., dissenting)");
  assert_cite (opinion, "the seizure cannot stand", CITATION,
               "288 Neb. at 515, 849 N.W.2d at 302 (Gerrard, J., dissenting)");
  assert_cite (opinion, "Without that showing, the incriminating", CITATION,
               "288 Neb. at 514–15, 849 N.W.2d at 302 (Gerrard, J., dissenting)");
  assert_cite (opinion, "The deputy testified only that he saw a notebook.", CITATION,
               "288 Neb. at 514 n.1, 849 N.W.2d at 302 n.1 (Gerrard, J., dissenting)");
  assert_cite (opinion, "The deputy testified only", NULL, "*514 n.1 (Gerrard, J., dissenting)");
}

/* A .brief keeps only the text: the same analysis comes back from it. */
static void
test_text_alone (void)
{
  g_autoptr(CbOpinion) opinion = load_fixture ("cap-casebody.xml");
  g_autoptr(CbOpinion) again = cb_opinion_new_from_text (cb_opinion_get_text (opinion), "cap-casebody.xml",
                                                         CB_OPINION_FORMAT_TEXT);
  gsize n, n_again;
  const CbPageMark *marks = cb_opinion_get_page_marks (opinion, &n);
  const CbPageMark *marks_again = cb_opinion_get_page_marks (again, &n_again);

  g_assert_cmpmem (marks_again, n_again * sizeof (CbPageMark), marks, n * sizeof (CbPageMark));
  g_assert_cmpstr (cb_opinion_get_citation (again), ==, CITATION);
  g_assert_cmpstr (cb_opinion_get_case_name (again), ==, "State v. Kestrel");
  assert_cite (again, "The deputy testified only that he saw a notebook.", CITATION,
               "288 Neb. at 514 n.1, 849 N.W.2d at 302 n.1 (Gerrard, J., dissenting)");
}

/* CourtListener's harvard XML is one <opinion>; a one-page casebody starts on its first page. */
static void
test_courtlistener_harvard (void)
{
  const char *opinion_xml =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<opinion type=\"majority\"><author id=\"b77-3\">PER CURIAM.</author>\n"
    "<p id=\"b77-4\">The petition is denied.<footnotemark>*</footnotemark> It is a plain rule <page-number "
    "citation-index=\"1\" label=\"78\">*78</page-number> that we follow.</p>\n"
    "<footnote label=\"*\"><p>Judge Rowe took no part.</p></footnote></opinion>\n";
  const char *one_page =
    "<casebody firstpage=\"44\" lastpage=\"44\"><parties>IN RE ESTATE OF MARLOWE.</parties>"
    "<opinion type=\"majority\"><p>The order is affirmed.</p></opinion></casebody>";
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = import_string (opinion_xml, "harvard.xml", &error);
  g_autoptr(CbOpinion) short_case = NULL;
  gsize n;

  g_assert_no_error (error);
  g_assert_cmpint (cb_opinion_get_format (opinion), ==, CB_OPINION_FORMAT_XML);
  g_assert_cmpstr (cb_opinion_get_text (opinion), ==,
                   "PER CURIAM.\n\nThe petition is denied.* It is a plain rule *78 that we follow.\n\n\n\n"
                   "* Judge Rowe took no part.\n");
  cb_opinion_get_footnotes (opinion, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_cite (opinion, "It is a plain rule that we follow", "9 Ohio App. 70", "9 Ohio App. at 77–78");
  assert_cite (opinion, "Judge Rowe took no part.", "9 Ohio App. 70", "9 Ohio App. at 77 n.*");

  short_case = import_string (one_page, "one-page", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (short_case), ==,
                   "*44\n\nIN RE ESTATE OF MARLOWE.\n\nThe order is affirmed.\n");
  g_assert_cmpstr (cb_opinion_get_case_name (short_case), ==, "In re Estate of Marlowe");
  assert_cite (short_case, "The order is affirmed.", "12 Neb. App. 40", "12 Neb. Ct. App. at 44");
}

/* Other XML is no casebody; a casebody is told by its content, whatever its name. */
static void
test_sniffing (void)
{
  g_assert_true (cb_cap_xml_sniff ("<?xml version='1.0'?>\n<!-- from CAP -->\n<casebody firstpage=\"1\">"));
  g_assert_true (cb_cap_xml_sniff ("<cap:casebody xmlns:cap=\"urn:x\">"));
  g_assert_true (cb_cap_xml_sniff ("<case><name/><casebody/></case>"));
  g_assert_true (cb_cap_xml_sniff ("<opinion type=\"dissent\"><p>x</p></opinion>"));
  g_assert_true (cb_cap_xml_sniff ("<!DOCTYPE casebody [<!ENTITY x \"y\">]><casebody/>"));
  g_assert_false (cb_cap_xml_sniff ("<?xml version='1.0'?><brief xmlns=\"urn:casebrief\"/>"));
  g_assert_false (cb_cap_xml_sniff ("<case><title>no body</title></case>"));
  g_assert_false (cb_cap_xml_sniff ("<html><body><p>An opinion.</p></body></html>"));
  g_assert_false (cb_cap_xml_sniff ("The opinion in plain text."));
  g_assert_false (cb_cap_xml_sniff (""));
}

/* Hostile casebody XML is refused as the brief reader refuses it, naming the file. */
static void
test_hostile (void)
{
  const struct { const char *xml; int code; } cases[] = {
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE casebody [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
      "<casebody><p>&secret;</p></casebody>", CB_ERROR_HOSTILE },
    { "<!DOCTYPE casebody [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><casebody><p>&c;</p></casebody>", CB_ERROR_HOSTILE },
    { "<!DOCTYPE casebody SYSTEM \"http://example.com/cap.dtd\"><casebody><p>x</p></casebody>", CB_ERROR_HOSTILE },
    { "<casebody xmlns:xi=\"http://www.w3.org/2001/XInclude\"><p><xi:include href=\"/etc/passwd\" parse=\"text\"/>"
      "</p></casebody>", CB_ERROR_HOSTILE },
    { "<casebody><p>unclosed</casebody>", CB_ERROR_PARSE },
    { "<casebody><p>&undefined;</p></casebody>", CB_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbOpinion) opinion = import_string (cases[i].xml, "hostile.xml", &error);

      g_assert_null (opinion);
      g_assert_error (error, CB_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "hostile.xml"));
    }

  /* Nesting deeper than libxml2 allows. */
  {
    g_autoptr(GString) deep = g_string_new ("<casebody>");
    g_autoptr(GError) error = NULL;
    g_autoptr(CbOpinion) opinion = NULL;

    for (guint i = 0; i < 10000; i++)
      g_string_append (deep, "<p>");
    opinion = import_string (deep->str, "deep.xml", &error);
    g_assert_null (opinion);
    g_assert_error (error, CB_ERROR, CB_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "nested too deeply"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cap-import/caption", test_caption);
  g_test_add_func ("/cap-import/pages", test_pages);
  g_test_add_func ("/cap-import/footnotes", test_footnotes);
  g_test_add_func ("/cap-import/separate-opinions", test_separate_opinions);
  g_test_add_func ("/cap-import/pin-cites", test_pin_cites);
  g_test_add_func ("/cap-import/text-alone", test_text_alone);
  g_test_add_func ("/cap-import/courtlistener-harvard", test_courtlistener_harvard);
  g_test_add_func ("/cap-import/sniffing", test_sniffing);
  g_test_add_func ("/cap-import/hostile", test_hostile);

  return g_test_run ();
}
