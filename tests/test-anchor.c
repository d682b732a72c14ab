#include "config.h"

#include <string.h>

#include "cb-anchor.h"

#define PARAGRAPH_1 "James received the note at about 2 p.m. on December 19, and was informed of its contents.\n"
#define PARAGRAPH_2 "Far from abusing governmental power, respondent Cannon mistakenly believed that the “situation” was not particularly serious.\n"
#define PARAGRAPH_3 "Accordingly, the judgment of the Court of Appeals for the Third Circuit is affirmed.\n"
#define QUOTE "respondent Cannon mistakenly believed that the “situation” was not particularly serious"

typedef struct
{
  gsize start;
  gsize end;
  char *quote;
  char *prefix;
  char *suffix;
} Anchor;

static gsize
char_offset (const char *text,
             const char *needle)
{
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static void
anchor_clear (Anchor *anchor)
{
  g_free (anchor->quote);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
}

static Anchor
make_anchor (const char *text,
             const char *quote)
{
  g_autoptr(CbAnchorIndex) index = cb_anchor_index_new (text);
  Anchor anchor;

  anchor.start = char_offset (text, quote);
  anchor.end = anchor.start + g_utf8_strlen (quote, -1);
  cb_anchor_index_describe (index, anchor.start, anchor.end, &anchor.quote, &anchor.prefix, &anchor.suffix);
  return anchor;
}

static void
test_describe (void)
{
  const char *text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  Anchor anchor = make_anchor (text, QUOTE);

  g_assert_cmpstr (anchor.quote, ==, QUOTE);
  /* 32 characters on each side, curly quotes counting as one. */
  g_assert_cmpstr (anchor.prefix, ==, "rom abusing governmental power, ");
  g_assert_cmpint (g_utf8_strlen (anchor.prefix, -1), ==, 32);
  g_assert_cmpstr (anchor.suffix, ==, ".\nAccordingly, the judgment of t");
  g_assert_cmpint (g_utf8_strlen (anchor.suffix, -1), ==, 32);
  anchor_clear (&anchor);
}

static void
test_ok (void)
{
  const char *text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  Anchor anchor = make_anchor (text, QUOTE);
  gsize start, end;

  g_assert_cmpint (cb_anchor_resolve (text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_OK);
  g_assert_cmpuint (start, ==, anchor.start);
  g_assert_cmpuint (end, ==, anchor.end);
  anchor_clear (&anchor);
}

static void
test_moved_by_insertion (void)
{
  const char *old_text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  const char *new_text = "[Syllabus added by the reporter’s editors.]\n" PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  Anchor anchor = make_anchor (old_text, QUOTE);
  gsize start, end;

  g_assert_cmpint (cb_anchor_resolve (new_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, char_offset (new_text, QUOTE));
  g_assert_cmpuint (start, ==, anchor.start + 44);
  g_assert_cmpuint (end, ==, start + g_utf8_strlen (QUOTE, -1));
  anchor_clear (&anchor);
}

static void
test_moved_context_decides (void)
{
  /* "is affirmed" occurs twice; the anchor was made on the second, and after an
   * insertion the nearer occurrence is the first. The context must pick the second. */
  const char *old_text = "The order is affirmed in part.\n" PARAGRAPH_2 "The judgment is affirmed.\n";
  const char *new_text = "The order is affirmed in part.\nX.\n" PARAGRAPH_2 "The judgment is affirmed.\n";
  g_autoptr(CbAnchorIndex) index = cb_anchor_index_new (old_text);
  gsize start = g_utf8_pointer_to_offset (old_text, strstr (old_text, "judgment is affirmed"))
                + strlen ("judgment ");
  gsize end = start + strlen ("is affirmed");
  g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
  gsize new_start, new_end;

  cb_anchor_index_describe (index, start, end, &quote, &prefix, &suffix);
  g_assert_cmpstr (quote, ==, "is affirmed");
  g_assert_cmpint (cb_anchor_resolve (new_text, quote, prefix, suffix, start, end, &new_start, &new_end),
                   ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (new_start, ==, start + 3);
  g_assert_cmpuint (new_end, ==, end + 3);
}

static void
test_moved_nearest_breaks_ties (void)
{
  /* Same quote and same context three times over: the one nearest the old place wins. */
  const char *unit = "Id., at 829. ";
  g_autofree char *new_text = g_strconcat ("ab", unit, unit, unit, NULL);
  gsize new_start, new_end;

  /* Stored at the second occurrence, without context to tell the three apart. */
  g_assert_cmpint (cb_anchor_resolve (new_text, "Id., at 829.", "", "", 13, 25, &new_start, &new_end),
                   ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (new_start, ==, 15);
  g_assert_cmpuint (new_end, ==, 27);
}

static void
test_needs_review_after_typo_fix (void)
{
  const char *old_text = PARAGRAPH_1 "Far from abusing governmental power, respondent Cannon mistakently believed that the “situation” was not particularly serious.\n" PARAGRAPH_3;
  const char *new_text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  const char *old_quote = "respondent Cannon mistakently believed that the “situation” was not particularly serious";
  Anchor anchor = make_anchor (old_text, old_quote);
  gsize start, end;

  g_assert_cmpint (cb_anchor_resolve (new_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_NEEDS_REVIEW);
  g_assert_cmpuint (start, ==, char_offset (new_text, QUOTE));
  g_assert_cmpuint (end, ==, start + g_utf8_strlen (QUOTE, -1));
  anchor_clear (&anchor);
}

static void
test_needs_review_far_away (void)
{
  /* A reworded quote that also moved far: found through its context. */
  GString *filler = g_string_new (NULL);
  g_autofree char *new_text = NULL;
  const char *old_text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  Anchor anchor = make_anchor (old_text, QUOTE);
  gsize start, end;
  const char *changed = "respondent Cannon mistakenly thought that the “situation” was not particularly serious";

  for (guint i = 0; i < 3000; i++)
    g_string_append (filler, "Lorem ipsum dolor sit amet, consectetur. ");
  g_string_append (filler, PARAGRAPH_1 "Far from abusing governmental power, ");
  g_string_append (filler, changed);
  g_string_append (filler, ".\n" PARAGRAPH_3);
  new_text = g_string_free (filler, FALSE);

  g_assert_cmpint (cb_anchor_resolve (new_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_NEEDS_REVIEW);
  g_assert_cmpuint (start, ==, char_offset (new_text, changed));
  g_assert_cmpuint (end, ==, start + g_utf8_strlen (changed, -1));
  anchor_clear (&anchor);
}

static void
test_orphan_when_deleted (void)
{
  const char *old_text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  const char *new_text = PARAGRAPH_1 PARAGRAPH_3;
  Anchor anchor = make_anchor (old_text, QUOTE);
  gsize start, end;

  g_assert_cmpint (cb_anchor_resolve (new_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_ORPHAN);
  g_assert_cmpuint (start, ==, anchor.start);
  g_assert_cmpuint (end, ==, anchor.end);
  anchor_clear (&anchor);
}

static void
test_orphan_past_end (void)
{
  gsize start, end;

  g_assert_cmpint (cb_anchor_resolve ("Short text.", "a quotation from a longer text", NULL, NULL,
                                      500, 530, &start, &end), ==, CB_ANCHOR_ORPHAN);
  g_assert_cmpuint (start, ==, 500);
  g_assert_cmpuint (end, ==, 530);
}

/* Far moves in a large text go through the whole-text search: the quote is found at
 * its exact new place, past a decoy copy with the wrong context, and a reworded quote
 * far away is offered for review. */
static void
test_moved_far_in_large_text (void)
{
  const char *old_text = PARAGRAPH_1 PARAGRAPH_2 PARAGRAPH_3;
  const char *changed = "respondent Cannon mistakenly thought that the “situation” was not particularly serious";
  Anchor anchor = make_anchor (old_text, QUOTE);
  GString *filler = g_string_new (NULL);
  g_autofree char *moved_text = NULL;
  g_autofree char *reworded_text = NULL;
  gsize start, end, expected;

  for (guint i = 0; filler->len < 400 * 1024; i++)
    g_string_append_printf (filler, "Filler sentence %u of the syllabus. ", i);

  /* decoy (other context) … 400 KiB … the real paragraph */
  moved_text = g_strconcat ("Decoy: ", QUOTE, " indeed.\n", filler->str, "\n",
                            PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3, NULL);
  g_assert_cmpint (cb_anchor_resolve (moved_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_MOVED);
  expected = g_utf8_pointer_to_offset (moved_text, strstr (moved_text, "Far from abusing"))
             + strlen ("Far from abusing governmental power, ");
  g_assert_cmpuint (start, ==, expected);
  g_assert_cmpuint (end, ==, expected + g_utf8_strlen (QUOTE, -1));

  reworded_text = g_strconcat (filler->str, filler->str, "\n", PARAGRAPH_1,
                               "Far from abusing governmental power, ", changed, ".\n", PARAGRAPH_3, NULL);
  g_assert_cmpint (cb_anchor_resolve (reworded_text, anchor.quote, anchor.prefix, anchor.suffix,
                                      anchor.start, anchor.end, &start, &end), ==, CB_ANCHOR_NEEDS_REVIEW);
  g_assert_cmpuint (start, ==, char_offset (reworded_text, changed));
  g_assert_cmpuint (end, ==, start + g_utf8_strlen (changed, -1));

  g_string_free (filler, TRUE);
  anchor_clear (&anchor);
}

/* 2,000 excerpts on a megabyte of text, all moved by an insertion at the top: each
 * lands on its exact new place. */
static void
test_many_moved (void)
{
  GString *text = g_string_new (NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(CbAnchorIndex) old_index = NULL;
  g_autoptr(CbAnchorIndex) new_index = NULL;
  const gsize inserted = 27;

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u says that the “rule” number %u applies to case %u.\n",
                            i, i * 7, i * 13);
  old_text = g_string_free (text, FALSE);
  new_text = g_strconcat ("An editor’s added paragraph\n", old_text, NULL);
  g_assert_cmpuint (g_utf8_strlen ("An editor’s added paragraph\n", -1), ==, inserted + 1);
  old_index = cb_anchor_index_new (old_text);
  new_index = cb_anchor_index_new (new_text);

  for (guint i = 0; i < 2000; i++)
    {
      gsize start = (cb_anchor_index_get_length (old_index) - 100) / 2000 * i;
      gsize end = start + 40 + i % 50;
      g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
      gsize new_start, new_end;

      cb_anchor_index_describe (old_index, start, end, &quote, &prefix, &suffix);
      g_assert_cmpint (cb_anchor_index_resolve (new_index, quote, prefix, suffix, start, end,
                                                &new_start, &new_end), ==, CB_ANCHOR_MOVED);
      g_assert_cmpuint (new_start, ==, start + inserted + 1);
      g_assert_cmpuint (new_end, ==, end + inserted + 1);
    }
}

/* In a short text, whose nearest window already holds all of it, an exact quote whose
 * context agrees only in part is still moved to the place where it agrees most, not
 * offered for review (nor orphaned when it is too short to be matched closely). */
static void
test_moved_with_context_in_part (void)
{
  const char *text = "First: the rule applies here. Then, as held before: the rule applies here. End.";
  gsize start, end;

  /* The stored context was "as held before: " and " End.", both since edited a little. */
  g_assert_cmpint (cb_anchor_resolve (text, "the rule applies here.", "ys held before: ", " Ent.",
                                      3, 25, &start, &end), ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, char_offset (text, "the rule applies here. End."));
  g_assert_cmpuint (end, ==, start + strlen ("the rule applies here."));

  g_assert_cmpint (cb_anchor_resolve (text, "rule", "Xhen, as held before: the ", " applies here. End.",
                                      0, 4, &start, &end), ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, char_offset (text, "rule applies here. End."));
  g_assert_cmpuint (end, ==, start + 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/describe", test_describe);
  g_test_add_func ("/anchor/ok", test_ok);
  g_test_add_func ("/anchor/moved/insertion", test_moved_by_insertion);
  g_test_add_func ("/anchor/moved/context-decides", test_moved_context_decides);
  g_test_add_func ("/anchor/moved/nearest-breaks-ties", test_moved_nearest_breaks_ties);
  g_test_add_func ("/anchor/moved/far-in-large-text", test_moved_far_in_large_text);
  g_test_add_func ("/anchor/needs-review/typo-fixed", test_needs_review_after_typo_fix);
  g_test_add_func ("/anchor/needs-review/far-away", test_needs_review_far_away);
  g_test_add_func ("/anchor/orphan/deleted", test_orphan_when_deleted);
  g_test_add_func ("/anchor/orphan/past-end", test_orphan_past_end);
  g_test_add_func ("/anchor/many-moved", test_many_moved);
  g_test_add_func ("/anchor/moved/context-in-part", test_moved_with_context_in_part);

  return g_test_run ();
}
