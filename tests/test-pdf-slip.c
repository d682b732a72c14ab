/* The Supreme Court's slip opinion in Coney Island Auto Parts v. Burton, read from
 * ../shared/pdfs as a student gets it: its pages as printed, each part numbered from
 * 1, footnotes at the foot of the page, and exact pin cites. */

#include "config.h"

#include <string.h>

#include "cb-brief.h"
#include "cb-error.h"
#include "cb-excerpt.h"
#include "cb-opinion.h"
#include "cb-page-map.h"
#include "cb-pdf-import.h"
#include "cb-template-store.h"

static CbOpinion *slip;

static char *
slip_path (void)
{
  return g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf", NULL);
}

static CbOpinion *
read_slip (void)
{
  g_autofree char *path = slip_path ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  CbOpinion *opinion;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  opinion = cb_pdf_read_bytes (bytes, "coney-island-24-808-slip.pdf", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return opinion;
}

static gboolean
have_slip (void)
{
  if (slip == NULL)
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return FALSE;
    }
  return TRUE;
}

static char *
cite (const char  *quote,
      const char  *citation,
      CbCiteStyle  style)
{
  gsize start, end;

  if (!cb_opinion_find_quote (slip, quote, 0, &start, &end))
    g_error ("quote not found: %s", quote);
  return cb_opinion_pin_cite (slip, start, end, citation, style);
}

static void
test_pin_cites (void)
{
  const struct { const char *quote, *citation; CbCiteStyle style; const char *expected; } cases[] = {
    /* The opinion of the Court, page 1 and page 2. */
    { "A party seeking relief from an allegedly void judgment may file a motion", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 1" },
    { "As part of these efforts, the trustee sent a demand letter", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 2" },
    { "As part of these efforts, the trustee sent a demand letter", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_SUPREME_COURT, "(slip op., at 2)" },
    /* A sentence that runs from page 1 onto page 2; a docket number cites slip pages too. */
    { "attempted to enforce that judgment against Coney Island", "No. 24-808",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 1–2" },
    { "attempted to enforce that judgment against Coney Island", NULL,
      CB_CITE_STYLE_SUPREME_COURT, "(slip op., at 1–2)" },
    /* Footnote 1, printed at the foot of page 2. */
    { "Compare In re Vista-Pro Automotive, LLC, 109 F. 4th 438, 444 (CA6 2024) (case below)",
      "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK, "slip op. at 2 n.1" },
    /* Footnote 5 runs from page 5 onto page 6: one footnote. */
    { "other than through a Rule 60(b) motion. We express no view regarding the limits",
      "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK, "slip op. at 5–6 n.5" },
    { "view regarding the limits applicable to obtaining relief through one of those methods",
      "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK, "slip op. at 6 n.5" },
    { "the trustee sent a demand letter", "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK, "slip op. at 2" },
    { "this Court’s decision in Insurance Corp. of Ireland", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 6" },
    /* The concurrence numbers its own page 1. */
    { "The Court today rightly holds that a Rule 60(b)(4) motion", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 1 (Sotomayor, J., concurring in judgment)" },
    { "There is no reason to depart from that practice absent unusual circumstances", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_SUPREME_COURT, "(slip op., at 1) (Sotomayor, J., concurring in judgment)" },
    /* The syllabus, pages 1 and 2 of its own. */
    { "Vista-Pro Automotive, LLC, entered bankruptcy in 2014 and initiated adversarial proceedings",
      "607 U.S. ___ (2026)", CB_CITE_STYLE_BLUEBOOK, "slip op. at 1 (syllabus)" },
    { "The structure of Rule 60 confirms the plain-text interpretation", "607 U.S. ___ (2026)",
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 2 (syllabus)" },
    { "a motion seeking relief from an allegedly void judgment under Rule 60(b)(4)", NULL,
      CB_CITE_STYLE_BLUEBOOK, "slip op. at 1 (syllabus)" },
  };

  if (!have_slip ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pin = cite (cases[i].quote, cases[i].citation, cases[i].style);

      g_assert_cmpstr (pin, ==, cases[i].expected);
    }
}

/* The text the opinion holds for a PDF page: from where the page starts to where
 * the next one does. */
static char *
pdf_page_text (guint pdf_page)
{
  CbPageMap *map = cb_opinion_get_page_map (slip);
  gsize n = cb_page_map_get_n_pdf_page_starts (map);

  for (gsize i = 0; i < n; i++)
    {
      gsize offset, next = cb_opinion_get_length (slip);
      guint page;

      cb_page_map_get_pdf_page_start (map, i, &offset, &page);
      if (page != pdf_page)
        continue;
      if (i + 1 < n)
        {
          guint ignored;

          cb_page_map_get_pdf_page_start (map, i + 1, &next, &ignored);
        }
      return cb_opinion_quote_text (slip, offset, next);
    }
  return NULL;
}

static void
test_page_text (void)
{
  g_autofree char *page4 = NULL;

  if (!have_slip ())
    return;
  /* PDF page 4, the opinion's page 2: its body as a reader reads it, the running
   * head, the page number and the part's name left out, a hyphenated word joined. */
  page4 = pdf_page_text (4);
  g_assert_nonnull (page4);
  g_assert_true (g_str_has_prefix (page4, "that judgment against Coney Island. As part of these efforts, the trustee"));
  g_assert_true (g_str_has_suffix (page4, "and subdivision (b)(4) specifically authorizes a court to"));
  g_assert_null (strstr (page4, "BURTON"));
  g_assert_null (strstr (page4, "Opinion of the Court"));
  g_assert_nonnull (strstr (page4, "a split of authority on whether Rule 60’s reasonable-time limit"));
  g_assert_nonnull (strstr (page4, "allegedly void judgments. 605 U. S. ___ (2025)."));
  g_assert_null (strstr (cb_opinion_get_text (slip), "Cite as:"));
  /* A real hyphen at a line's end stays; a name with capitals keeps its hyphen. */
  g_assert_nonnull (strstr (cb_opinion_get_text (slip), "the mail-service requirements"));
  g_assert_nonnull (strstr (cb_opinion_get_text (slip), "Sea-Land Serv."));
  g_assert_nonnull (strstr (cb_opinion_get_text (slip), "plaintiff’s attempted enforcement"));
}

static void
test_structure (void)
{
  CbPageMap *map;
  const CbPart *parts;
  const CbFootnote *notes;
  gsize n_parts, n_notes;

  if (!have_slip ())
    return;
  map = cb_opinion_get_page_map (slip);
  g_assert_cmpint (cb_opinion_get_format (slip), ==, CB_OPINION_FORMAT_PDF);
  g_assert_cmpint (cb_page_map_get_numbering (map), ==, CB_PAGE_NUMBERING_SLIP);
  g_assert_cmpuint (cb_page_map_get_n_pdf_pages (map), ==, 9);
  for (guint p = 1; p <= 9; p++)
    {
      const char *expected[] = { NULL, "1", "2", "1", "2", "3", "4", "5", "6", "1" };

      g_assert_cmpstr (cb_page_map_get_label (map, p), ==, expected[p]);
    }

  parts = cb_page_map_get_parts (map, &n_parts);
  g_assert_cmpuint (n_parts, ==, 3);
  g_assert_cmpint (parts[0].kind, ==, CB_PART_SYLLABUS);
  g_assert_cmpint (parts[1].kind, ==, CB_PART_COURT);
  g_assert_cmpstr (parts[1].title, ==, "Opinion of the Court");
  g_assert_cmpint (parts[2].kind, ==, CB_PART_SEPARATE);
  g_assert_cmpstr (parts[2].parenthetical, ==, "(Sotomayor, J., concurring in judgment)");

  notes = cb_page_map_get_footnotes (map, &n_notes);
  g_assert_cmpuint (n_notes, ==, 5);
  for (gsize i = 0; i < n_notes; i++)
    {
      g_autofree char *label = g_strdup_printf ("%" G_GSIZE_FORMAT, i + 1);
      g_autofree char *mark = g_utf8_substring (cb_opinion_get_text (slip), notes[i].marker_offset,
                                                notes[i].marker_offset + notes[i].marker_length);

      g_assert_cmpstr (notes[i].label, ==, label);
      /* The reference is in the body, before the footnotes, in the opinion of the Court. */
      g_assert_cmpstr (mark, ==, label);
      g_assert_cmpuint (notes[i].marker_offset, <, notes[0].body_start);
      g_assert_true (cb_page_map_part_at (map, notes[i].body_start) == &parts[1]);
    }

  g_assert_cmpstr (cb_opinion_get_citation (slip), ==, "607 U. S. ____ (2026)");
  g_assert_cmpstr (cb_opinion_get_case_name (slip), ==, "Coney Island Auto Parts Unlimited, Inc. v. Burton");
  g_assert_cmpstr (cb_opinion_get_docket (slip), ==, "No. 24–808");
  g_assert_cmpstr (cb_opinion_get_date (slip), ==, "January 20, 2026");
}

/* A brief of the slip opinion saved and opened again: the same pin cites, the schema
 * kept, the embedded text its checksum's. */
static void
test_brief_round_trip (void)
{
  const char *quotes[] = {
    "As part of these efforts, the trustee sent a demand letter",
    "attempted to enforce that judgment against Coney Island",
    "view regarding the limits applicable to obtaining relief",
    "The Court today rightly holds that a Rule 60(b)(4) motion",
    "Vista-Pro Automotive, LLC, entered bankruptcy in 2014",
  };
  const char *expected[] = {
    "slip op. at 2", "slip op. at 1–2", "slip op. at 6 n.5",
    "slip op. at 1 (Sotomayor, J., concurring in judgment)", "slip op. at 1 (syllabus)",
  };
  CbTemplate *template;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *excerpts;

  if (!have_slip ())
    return;
  template = cb_template_store_get_default_template (cb_template_store_get_default ());
  brief = cb_brief_new (template, slip);
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "607 U. S. ____ (2026)");
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      gsize start, end;

      g_assert_true (cb_opinion_find_quote (slip, quotes[i], 0, &start, &end));
      /* Quoted in its section, as the editor quotes it. */
      cb_brief_insert_excerpt_block (brief, cb_brief_lookup_section (brief, "facts"),
                                     cb_brief_add_excerpt (brief, "facts", start, end), i);
    }

  bytes = cb_brief_to_bytes (brief);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<page-map paging=\"print\" numbering=\"slip\""));
  /* Reading validates against data/schema/brief.rng. */
  again = cb_brief_load_bytes (bytes, "coney.brief", &error);
  g_assert_no_error (error);
  g_assert_false (cb_brief_get_opinion_checksum_mismatch (again));
  g_assert_cmpint (cb_opinion_get_format (cb_brief_get_opinion (again)), ==, CB_OPINION_FORMAT_PDF);
  excerpts = cb_brief_get_excerpts (again);
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, G_N_ELEMENTS (quotes));
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      g_autofree char *pin = cb_brief_dup_pin_cite (again, excerpt);

      g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_OK);
      g_assert_cmpstr (pin, ==, expected[i]);
    }
  /* Written again, the file is the same. */
  bytes_again = cb_brief_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

/* A brief whose page map was edited to point outside the text: refused, named. */
static void
test_brief_hostile_map (void)
{
  CbTemplate *template;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<pdf-run start=\"[0-9]+\" page=\"4\"/>", 0, 0, NULL);
  g_autofree char *text = NULL;

  if (!have_slip ())
    return;
  template = cb_template_store_get_default_template (cb_template_store_get_default ());
  brief = cb_brief_new (template, slip);
  bytes = cb_brief_to_bytes (brief);
  text = g_regex_replace_literal (regex, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0,
                                  "<pdf-run start=\"99999999\" page=\"4\"/>", 0, NULL);
  edited = g_bytes_new_take (text, strlen (text));
  text = NULL;
  again = cb_brief_load_bytes (edited, "edited.brief", &error);
  g_assert_null (again);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "edited.brief, line "));
}

/* The file cut short: refused, with the file's name. */
static void
test_truncated (void)
{
  g_autofree char *path = slip_path ();
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    {
      g_test_skip ("../shared/pdfs/coney-island-24-808-slip.pdf is not there");
      return;
    }
  bytes = g_bytes_new (data, length / 2);
  opinion = cb_pdf_read_bytes (bytes, "cut.pdf", NULL, NULL, NULL, &error);
  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "cut.pdf: the PDF is truncated or damaged");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  slip = read_slip ();

  g_test_add_func ("/pdf/slip/pin-cites", test_pin_cites);
  g_test_add_func ("/pdf/slip/page-text", test_page_text);
  g_test_add_func ("/pdf/slip/structure", test_structure);
  g_test_add_func ("/pdf/slip/truncated", test_truncated);
  g_test_add_func ("/pdf/slip/brief-round-trip", test_brief_round_trip);
  g_test_add_func ("/pdf/slip/brief-hostile-map", test_brief_hostile_map);

  status = g_test_run ();
  g_clear_object (&slip);
  return status;
}
