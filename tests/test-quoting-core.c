/* Quoting without a window: bare-page pin cites when a brief has no citation, on star
 * paging and on a PDF's printed and slip pages; a selection snapped to whole words; the
 * words a quotation shows; the clipboard's anchor of a passage, and what is refused as
 * one. */

#include "config.h"

#include <string.h>

#include "cb-brief.h"
#include "cb-clipboard-format.h"
#include "cb-error.h"
#include "cb-pdf-fixtures.h"
#include "cb-pdf-import.h"
#include "cb-template-store.h"
#include "cb-test.h"

static CbOpinion *
davidson (void)
{
  return cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
}

static void
test_bare_page (void)
{
  g_autoptr(CbOpinion) opinion = davidson ();
  /* No citation, an empty one, blanks, or words that name no reporter. */
  const char *citations[] = { NULL, "", "   ", "474 U.S. ___ (1986)", "Davidson v. Cannon" };
  const struct { const char *quote, *expected; } cases[] = {
    { "James received the note at about 2 p.m.", "*345" },
    { "By the time he left the prison that evening James had forgotten about the note, and since neither he nor Cannon worked",
      "*345–46" },
    { "neither he nor Cannon worked on December 20 or 21", "*346" },
    { "The note, addressed to a civilian hearing officer, said", "*345 n.*" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (citations); c++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *pin = cb_test_cite_quote (opinion, cases[i].quote, citations[c], CB_CITE_STYLE_BLUEBOOK);

        g_assert_cmpstr (pin, ==, cases[i].expected);
      }
  {
    /* A citation that names a reporter the opinion has no pages of: the bare page,
     * rather than a wrong one or none. */
    g_autofree char *pin = cb_test_cite_quote (opinion, "James received the note", "88 L. Ed. 2d 677",
                                               CB_CITE_STYLE_BLUEBOOK);
    g_assert_cmpstr (pin, ==, "*345");
  }
}

/* A PDF: a preliminary print's printed pages are bare pages too; a slip opinion cites
 * its own pages with any citation or none. */
static void
test_bare_page_pdf (void)
{
  g_autoptr(GBytes) pdf = cb_fixture_preliminary_print ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) print = cb_pdf_read_bytes (pdf, "kemp.pdf", NULL, NULL, NULL, &error);
  g_autofree char *slip_path = g_build_filename (g_getenv ("CB_SHARED_DIR"), "pdfs", "coney-island-24-808-slip.pdf", NULL);
  const char *citations[] = { "", "596 U.S. ___ (2022)" };

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (citations); c++)
    {
      g_autofree char *pin = cb_test_cite_quote (print, "Federal Rule of Civil Procedure 60(b) lists", citations[c],
                                                 CB_CITE_STYLE_BLUEBOOK);
      g_autofree char *note = cb_test_cite_quote (print, "The Government does not contend", citations[c],
                                                  CB_CITE_STYLE_BLUEBOOK);
      g_autofree char *concurring = cb_test_cite_quote (print, "I join the Court’s opinion in full", citations[c],
                                                        CB_CITE_STYLE_BLUEBOOK);

      g_assert_cmpstr (pin, ==, "*530");
      g_assert_cmpstr (note, ==, "*531 n.2");
      g_assert_cmpstr (concurring, ==, "*532 (Sotomayor, J., concurring)");
    }

  if (g_file_test (slip_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CbOpinion) slip = NULL;
      g_autofree char *pin = NULL;

      g_assert_true (g_file_get_contents (slip_path, &data, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      slip = cb_pdf_read_bytes (bytes, "coney-island-24-808-slip.pdf", NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      pin = cb_test_cite_quote (slip, "attempted to enforce that judgment against Coney Island", "",
                                CB_CITE_STYLE_BLUEBOOK);
      g_assert_cmpstr (pin, ==, "slip op. at 1–2");
    }
}

/* A brief opened on the sample has no citation: its quotations still show their page,
 * and what is copied for other programs carries it. */
static void
test_brief_without_citation (void)
{
  g_autoptr(CbOpinion) opinion = davidson ();
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  gsize start, end;
  CbExcerpt *excerpt;
  g_autofree char *pin = NULL;
  g_autofree char *reference = NULL;

  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "");
  g_assert_true (cb_opinion_find_quote (opinion, "left the note on his desk unread.", 0, &start, &end));
  excerpt = cb_brief_add_excerpt (brief, "facts", start, end);
  pin = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_cmpstr (pin, ==, "*345");
  reference = cb_brief_dup_reference (brief, start, end);
  g_assert_cmpstr (reference, ==, "“left the note on his desk unread.” *345");

  cb_brief_set_citation (brief, "474 U.S. 344");
  g_free (reference);
  reference = cb_brief_dup_reference (brief, start, end);
  g_assert_cmpstr (reference, ==, "“left the note on his desk unread.” 474 U.S. at 345");
  /* The quotation marks inside a quotation become single, as the brief shows them. */
  g_assert_true (cb_opinion_find_quote (opinion, "respondents “negligently failed to take reasonable steps", 0,
                                        &start, NULL));
  g_free (reference);
  reference = cb_brief_dup_reference (brief, start, start + g_utf8_strlen ("respondents “negligently failed", -1));
  g_assert_cmpstr (reference, ==, "“respondents ‘negligently failed” 474 U.S. at 346");
}

typedef struct
{
  const char *selected;   /* what the student selected, found in the opinion */
  gsize from, to;         /* characters of it cut off at the start and the end */
  const char *snapped;    /* the passage quoted */
} SnapCase;

static void
test_snap_to_words (void)
{
  g_autoptr(CbOpinion) opinion = davidson ();
  const char *text = cb_opinion_get_text (opinion);
  const SnapCase cases[] = {
    /* Started inside "the". */
    { "the court concluded that the deprivation", 2, 0, "the court concluded that the deprivation" },
    /* Ended inside "unread": the period that ends it goes with it. */
    { "left the note on his desk unread.", 0, 4, "left the note on his desk unread." },
    /* Both ends cut. */
    { "James then attended to other matters", 3, 3, "James then attended to other matters," },
    /* Between words already: nothing moves, and no punctuation is added. */
    { "left the note on his desk unread", 0, 0, "left the note on his desk unread" },
    /* A word with an apostrophe or periods inside is one word. */
    { "District Court’s finding", 0, 0, "District Court’s finding" },
    { "42 U.S.C. § 1983 for injuries", 0, 24, "42 U.S.C." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (text, cases[i].selected);
      gsize start, end;
      g_autofree char *quoted = NULL;

      g_assert_nonnull (at);
      start = g_utf8_pointer_to_offset (text, at) + cases[i].from;
      end = g_utf8_pointer_to_offset (text, at) + g_utf8_strlen (cases[i].selected, -1) - cases[i].to;
      cb_opinion_snap_to_words (opinion, &start, &end);
      quoted = cb_opinion_quote_text (opinion, start, end);
      g_assert_cmpstr (quoted, ==, cases[i].snapped);
    }
}

/* A word a star-page marker splits ("in*363 formation") is one word to snap to. */
static void
test_snap_across_marker (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("*362 The record held no in*363 formation about the threat.\n", "split.txt",
                              CB_OPINION_FORMAT_TEXT);
  const char *text = cb_opinion_get_text (opinion);
  gsize in = g_utf8_pointer_to_offset (text, strstr (text, "in*363"));
  gsize formation = g_utf8_pointer_to_offset (text, strstr (text, "formation"));
  gsize start, end;
  g_autofree char *quoted = NULL;
  g_autofree char *again = NULL;

  /* From "held no i|n" to the end of "in": the word goes on past the marker. */
  start = g_utf8_pointer_to_offset (text, strstr (text, "held"));
  end = in + 1;
  cb_opinion_snap_to_words (opinion, &start, &end);
  quoted = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (quoted, ==, "held no information");

  /* Starting at "formation", the word started before the marker. */
  start = formation + 2;
  end = formation + strlen ("formation about");
  cb_opinion_snap_to_words (opinion, &start, &end);
  again = cb_opinion_quote_text (opinion, start, end);
  g_assert_cmpstr (again, ==, "information about");
}

/* A quotation counts the words a reader sees: the star page in it is no word. */
static void
test_quotation_words (void)
{
  g_autoptr(CbOpinion) opinion = davidson ();
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  CbSection *facts = cb_brief_lookup_section (brief, "facts");
  const char *quote = "By the time he left the prison that evening James had forgotten about the note, "
                      "and since neither he nor Cannon worked on";
  gsize start, end;
  CbExcerpt *excerpt;

  g_assert_true (cb_opinion_find_quote (opinion, quote, 0, &start, &end));
  excerpt = cb_brief_add_excerpt (brief, "facts", start, end);
  g_assert_nonnull (strstr (cb_excerpt_get_quote (excerpt), "*346"));
  cb_brief_insert_excerpt_block (brief, facts, excerpt, 0);
  g_assert_cmpuint (cb_count_words (quote), ==, 23);
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 23);
}

static void
test_clipboard_anchor (void)
{
  g_autoptr(CbOpinion) opinion = davidson ();
  gsize length = cb_opinion_get_length (opinion);
  g_autoptr(GBytes) good = cb_clipboard_encode_excerpt (opinion, 10, 40);
  g_autofree char *big = g_strnfill (CB_CLIPBOARD_EXCERPT_MAX_BYTES + 1, 'x');
  g_autofree char *past_end = g_strdup_printf ("[Casebrief Excerpt]\nOpinion=%s\nStart=1\nEnd=%" G_GSIZE_FORMAT "\n",
                                               cb_opinion_get_sha256 (opinion), length + 1);
  g_autofree char *reversed = g_strdup_printf ("[Casebrief Excerpt]\nOpinion=%s\nStart=40\nEnd=10\n",
                                               cb_opinion_get_sha256 (opinion));
  g_autofree char *negative = g_strdup_printf ("[Casebrief Excerpt]\nOpinion=%s\nStart=-1\nEnd=10\n",
                                               cb_opinion_get_sha256 (opinion));
  g_autofree char *huge = g_strdup_printf ("[Casebrief Excerpt]\nOpinion=%s\nStart=1\nEnd=99999999999999999999999\n",
                                           cb_opinion_get_sha256 (opinion));
  const char *malformed[] = {
    big, past_end, reversed, negative, huge, "", "garbage", "\xff\xfe\x00\x01",
    "[Casebrief Excerpt]\nStart=1\nEnd=2\n",
    "[Other]\nOpinion=x\nStart=1\nEnd=2\n",
  };
  gsize start = 0, end = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_clipboard_decode_excerpt (good, opinion, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, 10);
  g_assert_cmpuint (end, ==, 40);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (malformed[i], i == 7 ? 4 : strlen (malformed[i]));
      g_autoptr(GError) refused = NULL;

      g_assert_false (cb_clipboard_decode_excerpt (bytes, opinion, &start, &end, &refused));
      g_assert_error (refused, CB_ERROR, CB_ERROR_PARSE);
    }

  {
    /* The same offsets in another opinion are another passage. */
    g_autoptr(CbOpinion) other = cb_opinion_new_from_text ("*10 Another case, another text, long enough.\n",
                                                           "other.txt", CB_OPINION_FORMAT_TEXT);
    g_autoptr(GBytes) theirs = cb_clipboard_encode_excerpt (other, 4, 12);
    g_autoptr(GError) refused = NULL;

    g_assert_false (cb_clipboard_decode_excerpt (theirs, opinion, &start, &end, &refused));
    g_assert_error (refused, CB_ERROR, CB_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quoting/bare-page", test_bare_page);
  g_test_add_func ("/quoting/bare-page-pdf", test_bare_page_pdf);
  g_test_add_func ("/quoting/brief-without-citation", test_brief_without_citation);
  g_test_add_func ("/quoting/snap-to-words", test_snap_to_words);
  g_test_add_func ("/quoting/snap-across-marker", test_snap_across_marker);
  g_test_add_func ("/quoting/quotation-words", test_quotation_words);
  g_test_add_func ("/quoting/clipboard-anchor", test_clipboard_anchor);

  return g_test_run ();
}
