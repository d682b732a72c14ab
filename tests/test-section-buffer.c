/* The text of a section as a CbSectionBuffer, with no view and no window: what an edit
 * of the buffer does to the section, its quotations, and undo. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "cb-section-buffer.h"
#include "cb-template-store.h"
#include "cb-test.h"

#define QUOTE "James received the note at about 2 p.m."
#define SHOWN "“James received the note at about 2 p.m.”\u2028474 U.S. at 345"

typedef struct
{
  CbBrief *brief;
  CbSection *facts;
  CbExcerpt *excerpt;
  CbSectionBuffer *buffer;
  guint refused;
} Fixture;

static void
refused_cb (CbSectionBuffer *buffer,
            Fixture         *fixture)
{
  fixture->refused++;
}

/* A brief of the sample opinion whose Facts hold two paragraphs and, between them, a
 * quotation of QUOTE. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  gsize start, end;

  fixture->brief = cb_brief_new (template, opinion);
  cb_brief_set_citation (fixture->brief, "474 U.S. 344");
  fixture->facts = cb_brief_lookup_section (fixture->brief, "facts");
  cb_section_set_plain_text (fixture->facts, "Before it.\nAfter it.");
  g_assert_true (cb_opinion_find_quote (opinion, QUOTE, 0, &start, &end));
  fixture->excerpt = cb_brief_add_excerpt (fixture->brief, "facts", start, end);
  cb_brief_insert_excerpt_block (fixture->brief, fixture->facts, fixture->excerpt, 1);

  fixture->buffer = cb_section_buffer_new (fixture->brief, fixture->facts);
  g_signal_connect (fixture->buffer, "edit-refused", G_CALLBACK (refused_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* As the section editor does: GTK's text buffer may keep itself alive once text in
   * it was selected, but disposed it lets go of the brief. */
  g_object_add_weak_pointer (G_OBJECT (fixture->brief), (gpointer *) &fixture->brief);
  g_object_run_dispose (G_OBJECT (fixture->buffer));
  g_object_unref (fixture->buffer);
  g_object_unref (fixture->brief);
  g_assert_null (fixture->brief);
}

static char *
buffer_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (fixture->buffer), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

static char *
section_text (Fixture *fixture)
{
  return cb_section_dup_plain_text (fixture->facts);
}

/* The iter @offset characters into the first @needle of the buffer's text. */
static void
iter_at (Fixture     *fixture,
         const char  *needle,
         int          offset,
         GtkTextIter *iter)
{
  g_autofree char *text = buffer_text (fixture);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (fixture->buffer), iter,
                                      g_utf8_pointer_to_offset (text, found) + offset);
}

/* Types @text at @iter as a keystroke does: one user action. */
static void
type_at (Fixture     *fixture,
         GtkTextIter *iter,
         const char  *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->buffer);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive (buffer, iter, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
delete_range (Fixture     *fixture,
              GtkTextIter *start,
              GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->buffer);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, start, end, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* The section's blocks become lines: prose, the quotation with its pin cite under it,
 * and a quotation's excerpt is found by its id. */
static void
test_shows_section (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = buffer_text (fixture);
  g_autofree char *quote = NULL;
  g_autofree char *cite = NULL;
  GtkTextIter iter, start, end;

  g_assert_cmpstr (text, ==, "Before it.\n" SHOWN "\nAfter it.");
  g_assert_true (cb_section_buffer_get_quotation (fixture->buffer, cb_excerpt_get_id (fixture->excerpt),
                                                  &quote, &cite));
  g_assert_cmpstr (quote, ==, "“" QUOTE "”");
  g_assert_cmpstr (cite, ==, "474 U.S. at 345");

  iter_at (fixture, "received", 0, &iter);
  g_assert_true (cb_section_buffer_in_quotation (fixture->buffer, &iter));
  g_assert_cmpstr (cb_section_buffer_quotation_around (fixture->buffer, &iter, &start, &end), ==,
                   cb_excerpt_get_id (fixture->excerpt));
  g_assert_cmpint (gtk_text_iter_get_line (&start), ==, 1);
  g_assert_true (gtk_text_iter_ends_line (&end));
  iter_at (fixture, "After", 0, &iter);
  g_assert_false (cb_section_buffer_in_quotation (fixture->buffer, &iter));
  g_assert_null (cb_section_buffer_quotation_around (fixture->buffer, &iter, &start, &end));
}

/* Typing reaches the section, in one undo step; undo and redo bring back each state. */
static void
test_typing_reaches_section (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkTextIter iter;

  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 0);
  iter_at (fixture, "After it.", strlen ("After it"), &iter);
  type_at (fixture, &iter, ", much later");
  {
    g_autofree char *text = section_text (fixture);
    g_assert_true (g_str_has_suffix (text, "After it, much later."));
  }
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 1);
  g_assert_cmpuint (cb_section_buffer_get_redo_depth (fixture->buffer), ==, 0);

  cb_section_buffer_undo (fixture->buffer);
  {
    g_autofree char *text = section_text (fixture);
    g_autofree char *shown = buffer_text (fixture);
    g_assert_true (g_str_has_suffix (text, "\nAfter it."));
    g_assert_cmpstr (shown, ==, "Before it.\n" SHOWN "\nAfter it.");
  }
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 0);
  g_assert_cmpuint (cb_section_buffer_get_redo_depth (fixture->buffer), ==, 1);

  cb_section_buffer_redo (fixture->buffer);
  {
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (shown, ==, "Before it.\n" SHOWN "\nAfter it, much later.");
  }
}

/* A quotation is the opinion's words: typing into it or joining a line to it is
 * refused, and leaves the section, the text and undo as they were. */
static void
test_quotation_refuses_edits (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *before = section_text (fixture);
  GtkTextIter iter, end;

  iter_at (fixture, "received", 0, &iter);
  type_at (fixture, &iter, "never ");
  g_assert_cmpuint (fixture->refused, ==, 1);

  /* Backspace at the start of "After it." would join it to the quotation's line. */
  iter_at (fixture, "After it.", 0, &end);
  iter = end;
  gtk_text_iter_backward_char (&iter);
  delete_range (fixture, &iter, &end);
  g_assert_cmpuint (fixture->refused, ==, 2);

  {
    g_autofree char *after = section_text (fixture);
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (shown, ==, "Before it.\n" SHOWN "\nAfter it.");
  }
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 0);
}

/* Deleting the text around a quotation takes its excerpt out of the brief; undo brings
 * the excerpt back, still linked to the opinion. */
static void
test_deleted_quotation_comes_back (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *id = g_strdup (cb_excerpt_get_id (fixture->excerpt));
  GtkTextIter start, end;

  iter_at (fixture, "it.", 0, &start);
  iter_at (fixture, "After", 0, &end);
  delete_range (fixture, &start, &end);
  {
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (shown, ==, "Before After it.");
  }
  g_assert_null (cb_brief_lookup_excerpt (fixture->brief, id));
  g_assert_cmpuint (cb_section_get_n_blocks (fixture->facts), ==, 1);

  cb_section_buffer_undo (fixture->buffer);
  {
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (shown, ==, "Before it.\n" SHOWN "\nAfter it.");
  }
  g_assert_nonnull (cb_brief_lookup_excerpt (fixture->brief, id));
  g_assert_cmpuint (cb_excerpt_get_start (cb_brief_lookup_excerpt (fixture->brief, id)), ==,
                    cb_excerpt_get_start (fixture->excerpt));
  g_assert_cmpstr (cb_section_get_block (fixture->facts, 1)->excerpt_id, ==, id);
}

/* A new quotation goes on a line of its own after the paragraph it is placed in, and
 * removing it is one step too. */
static void
test_insert_and_remove_excerpt (Fixture       *fixture,
                                gconstpointer  data)
{
  CbOpinion *opinion = cb_brief_get_opinion (fixture->brief);
  CbExcerpt *second;
  GtkTextIter iter;
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (opinion, "Petitioner sued prison officials", 0, &start, &end));
  second = cb_brief_add_excerpt (fixture->brief, "facts", start, end);
  iter_at (fixture, "Before", 3, &iter);
  cb_section_buffer_insert_excerpt (fixture->buffer, &iter, second);
  {
    g_autofree char *shown = buffer_text (fixture);
    g_autofree char *quote = NULL;

    g_assert_true (cb_section_buffer_get_quotation (fixture->buffer, cb_excerpt_get_id (second), &quote, NULL));
    g_assert_cmpstr (quote, ==, "“Petitioner sued prison officials”");
    g_assert_true (g_str_has_prefix (shown, "Before it.\n“Petitioner sued prison officials”\u2028"));
  }
  g_assert_cmpuint (cb_section_get_n_blocks (fixture->facts), ==, 4);
  g_assert_cmpstr (cb_section_get_block (fixture->facts, 1)->excerpt_id, ==, cb_excerpt_get_id (second));
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 1);

  cb_section_buffer_remove_excerpt (fixture->buffer, cb_excerpt_get_id (second));
  {
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (shown, ==, "Before it.\n" SHOWN "\nAfter it.");
  }
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (fixture->brief)), ==, 1);
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 2);
}

/* Emphasis on a selection across a quotation is the student's prose only. */
static void
test_emphasis (Fixture       *fixture,
               gconstpointer  data)
{
  GtkTextIter start, end;
  const CbBlock *block;
  const CbRun *run;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (fixture->buffer), &start, &end);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (fixture->buffer), &start, &end);
  cb_section_buffer_toggle_emphasis (fixture->buffer, CB_RUN_ITALIC);

  g_assert_cmpuint (cb_section_get_n_blocks (fixture->facts), ==, 3);
  block = cb_section_get_block (fixture->facts, 0);
  g_assert_cmpuint (block->runs->len, ==, 1);
  run = g_ptr_array_index (block->runs, 0);
  g_assert_cmpstr (run->text, ==, "Before it.");
  g_assert_cmpint (run->flags, ==, CB_RUN_ITALIC);
  g_assert_cmpint (cb_section_get_block (fixture->facts, 1)->kind, ==, CB_BLOCK_EXCERPT);
  {
    GtkTextIter in_quote;

    iter_at (fixture, "received", 0, &in_quote);
    g_assert_false (gtk_text_iter_has_tag (&in_quote, gtk_text_tag_table_lookup (
      gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (fixture->buffer)), "italic")));
  }
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 1);
}

/* A change made to the section elsewhere shows in the buffer, and is no step of its undo. */
static void
test_follows_section (Fixture       *fixture,
                      gconstpointer  data)
{
  cb_section_set_plain_text (fixture->facts, "Rewritten.");
  {
    g_autofree char *shown = buffer_text (fixture);
    g_assert_cmpstr (shown, ==, "Rewritten.");
  }
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 0);
}

static gboolean
cites_volume_475 (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *cite = NULL;

  g_assert_true (cb_section_buffer_get_quotation (fixture->buffer, cb_excerpt_get_id (fixture->excerpt),
                                                  NULL, &cite));
  return g_str_equal (cite, "475 U.S. at 345");
}

/* The pin cite under a quotation follows the brief's citation once typing it pauses. */
static void
test_follows_citation (Fixture       *fixture,
                       gconstpointer  data)
{
  cb_brief_set_citation (fixture->brief, "475 U.S. 344");
  g_assert_false (cites_volume_475 (fixture));
  cb_test_wait_until (cites_volume_475, fixture);
  g_assert_cmpuint (cb_section_buffer_get_undo_depth (fixture->buffer), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/section-buffer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-section", test_shows_section);
  ADD ("typing-reaches-section", test_typing_reaches_section);
  ADD ("quotation-refuses-edits", test_quotation_refuses_edits);
  ADD ("deleted-quotation-comes-back", test_deleted_quotation_comes_back);
  ADD ("insert-and-remove-excerpt", test_insert_and_remove_excerpt);
  ADD ("emphasis", test_emphasis);
  ADD ("follows-section", test_follows_section);
  ADD ("follows-citation", test_follows_citation);
#undef ADD

  return g_test_run ();
}
