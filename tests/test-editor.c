#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-drafts.h"
#include "cb-brief-view.h"
#include "cb-opinion-view.h"
#include "cb-section-editor.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* The editor driven through its actions, as a student works: select in the opinion,
 * add to a section, undo, write, save, reopen. */

static gboolean
is_saved (gpointer data)
{
  return !cb_window_get_modified (data);
}

static void
find_in_opinion (CbBrief    *brief,
                 const char *quote,
                 gsize      *start,
                 gsize      *end)
{
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), quote, 0, start, end));
}

static CbSectionEditor *
section_editor (CbWindow *window,
                guint     index)
{
  return CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), index));
}

static CbExcerpt *
add_excerpt (CbWindow   *window,
             guint       section,
             const char *quote)
{
  CbBrief *brief = cb_window_get_brief (window);
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  guint before = g_list_model_get_n_items (excerpts);
  g_autoptr(CbExcerpt) excerpt = NULL;
  gsize start, end;

  find_in_opinion (brief, quote, &start, &end);
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", section));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, before + 1);

  excerpt = g_list_model_get_item (excerpts, before);
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, start);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, end);
  return excerpt;
}

/* The quotation of an excerpt as the section shows it, and the pin cite under it. */
static char *
shown_quote (CbSectionEditor *editor,
             const char      *excerpt_id)
{
  char *quote = NULL;

  g_assert_true (cb_section_editor_get_quotation (editor, excerpt_id, &quote, NULL));
  return quote;
}

static char *
shown_cite (CbSectionEditor *editor,
            const char      *excerpt_id)
{
  char *cite = NULL;

  g_assert_true (cb_section_editor_get_quotation (editor, excerpt_id, NULL, &cite));
  return cite;
}

#define assert_shown_cite(editor, id, expected) \
  G_STMT_START { g_autofree char *cite_ = shown_cite (editor, id); g_assert_cmpstr (cite_, ==, expected); } G_STMT_END

typedef struct
{
  CbSectionEditor *editor;
  const char *id;
  const char *cite;
} CiteWait;

static gboolean
shows_cite (gpointer data)
{
  CiteWait *wait = data;
  g_autofree char *cite = shown_cite (wait->editor, wait->id);

  return g_str_equal (cite, wait->cite);
}

/* The pin cites follow an edited citation once typing pauses. */
static void
wait_for_cite (CbSectionEditor *editor,
               const char      *id,
               const char      *cite)
{
  CiteWait wait = { editor, id, cite };

  cb_test_wait_until (shows_cite, &wait);
}

static void
test_add_excerpt_undo_redo (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  CbSectionEditor *facts = section_editor (window, 0);
  CbSection *section = cb_section_editor_get_section (facts);
  CbExcerpt *excerpt;
  g_autofree char *id = NULL;
  guint color = 99;

  cb_brief_set_citation (brief, "474 U.S. 344");
  excerpt = add_excerpt (window, 0, "James received the note at about 2 p.m.");
  id = g_strdup (cb_excerpt_get_id (excerpt));

  g_assert_cmpstr (cb_excerpt_get_section_id (excerpt), ==, cb_section_get_id (section));
  {
    g_autofree char *cite = cb_brief_dup_pin_cite (brief, excerpt);
    g_assert_cmpstr (cite, ==, "474 U.S. at 345");
  }
  g_assert_true (cb_opinion_view_has_highlight (opinion_view, cb_excerpt_get_start (excerpt), &color));
  g_assert_cmpuint (color, ==, 0);
  g_assert_false (cb_opinion_view_has_highlight (opinion_view, cb_excerpt_get_end (excerpt) + 5, NULL));

  /* The section shows it as a quotation block with its pin cite. */
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 1);
  g_assert_cmpstr (cb_section_get_block (section, 0)->excerpt_id, ==, id);
  {
    g_autofree char *quote = shown_quote (facts, id);
    g_assert_cmpstr (quote, ==, "“James received the note at about 2 p.m.”");
  }
  assert_shown_cite (facts, id, "474 U.S. at 345");

  /* The Supreme Court's own style is a setting, applied at once. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_string (settings, "cite-style", "supreme-court");
    assert_shown_cite (facts, id, "474 U.S., at 345");
    g_settings_reset (settings, "cite-style");
    assert_shown_cite (facts, id, "474 U.S. at 345");
  }

  /* Editing the citation updates the pin cite shown, once typing pauses. */
  cb_brief_set_citation (brief, "106 S.Ct. 668");
  wait_for_cite (facts, id, "106 S. Ct. at 669");
  cb_brief_set_citation (brief, "474 U.S. 344");
  wait_for_cite (facts, id, "474 U.S. at 345");

  /* Undo takes it out of the brief and the opinion; redo puts it back, link and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  g_assert_null (cb_brief_lookup_excerpt (brief, id));
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 0);
  g_assert_false (cb_opinion_view_has_highlight (opinion_view, cb_excerpt_get_start (excerpt), NULL));
  g_assert_false (cb_section_editor_get_quotation (facts, id, NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.redo", NULL));
  excerpt = cb_brief_lookup_excerpt (brief, id);
  g_assert_nonnull (excerpt);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 1);
  g_assert_true (cb_opinion_view_has_highlight (opinion_view, cb_excerpt_get_start (excerpt), NULL));
  assert_shown_cite (facts, id, "474 U.S. at 345");

  /* Removing it is one action, and undoable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.remove-excerpt", "s", id));
  g_assert_null (cb_brief_lookup_excerpt (brief, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  g_assert_nonnull (cb_brief_lookup_excerpt (brief, id));

  cb_test_destroy_window (window);
}

static void
test_excerpt_ranges_and_sections (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  CbExcerpt *across, *note, *holding;
  guint color = 99;

  cb_brief_set_citation (brief, "474 U.S. 344");

  /* Ctrl+2 sends to the second section, which has its own colour. */
  across = add_excerpt (window, 1, "By the time he left the prison that evening James had forgotten about the note, and since *346 neither he nor Cannon worked");
  {
    g_autofree char *cite = cb_brief_dup_pin_cite (brief, across);
    g_assert_cmpstr (cite, ==, "474 U.S. at 345–46");
  }
  g_assert_true (cb_opinion_view_has_highlight (opinion_view, cb_excerpt_get_start (across), &color));
  g_assert_cmpuint (color, ==, 1);
  /* The quotation drops the star page. */
  {
    g_autofree char *quote = shown_quote (section_editor (window, 1), cb_excerpt_get_id (across));
    g_assert_null (strstr (quote, "*346"));
  }

  note = add_excerpt (window, 3, "The note, addressed to a civilian hearing officer");
  {
    g_autofree char *cite = cb_brief_dup_pin_cite (brief, note);
    g_assert_cmpstr (cite, ==, "474 U.S. at 345 n.*");
  }

  holding = add_excerpt (window, 2, "the majority held that respondents’ negligence");
  {
    g_autofree char *cite = cb_brief_dup_pin_cite (brief, holding);
    g_assert_cmpstr (cite, ==, "474 U.S. at 347");
  }

  /* Activating an excerpt shows its source: the opinion's cursor moves there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-excerpt", "s",
                                             cb_excerpt_get_id (holding)));
  g_assert_cmpuint (cb_opinion_view_get_cursor (opinion_view), ==, cb_excerpt_get_start (holding));

  cb_test_destroy_window (window);
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
select_text (GtkTextView *view,
             const char  *word)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

static void
test_write_save_reopen (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbSectionEditor *facts = section_editor (window, 0);
  GtkTextView *view = cb_section_editor_get_text_view (facts);
  CbSection *section = cb_section_editor_get_section (facts);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-editor-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "davidson.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) reopened = NULL;
  CbSection *again;
  const CbBlock *block;

  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (view, "Davidson relied on Daniels v. Williams for his claim.");
  select_text (view, "Daniels v. Williams");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.italic", NULL));
  g_assert_true (cb_window_get_modified (window));
  g_assert_cmpstr (cb_section_editor_get_word_count_label (facts), ==, "9 / 200 words");

  add_excerpt (window, 0, "James received the note");

  cb_window_save_to (window, file);
  cb_test_wait_until (is_saved, window);

  reopened = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  again = cb_brief_get_section (reopened, 0);
  g_assert_cmpuint (cb_section_get_n_blocks (again), ==, 2);
  block = cb_section_get_block (again, 0);
  g_assert_cmpuint (block->kind, ==, CB_BLOCK_PARAGRAPH);
  g_assert_cmpuint (block->runs->len, ==, 3);
  g_assert_cmpstr (((CbRun *) g_ptr_array_index (block->runs, 0))->text, ==, "Davidson relied on ");
  g_assert_cmpstr (((CbRun *) g_ptr_array_index (block->runs, 1))->text, ==, "Daniels v. Williams");
  g_assert_cmpuint (((CbRun *) g_ptr_array_index (block->runs, 1))->flags, ==, CB_RUN_ITALIC);
  g_assert_cmpstr (((CbRun *) g_ptr_array_index (block->runs, 2))->text, ==, " for his claim.");
  g_assert_true (cb_block_equal (block, cb_section_get_block (section, 0)));
  g_assert_cmpuint (cb_section_get_block (again, 1)->kind, ==, CB_BLOCK_EXCERPT);
  g_assert_cmpstr (cb_brief_get_case_name (reopened), ==, "Davidson v. Cannon");

  cb_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Text dropped on a section, as its drop target receives it. */
static gboolean
drop_on_section (CbSectionEditor *editor,
                 const char      *text)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean accepted = FALSE;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      g_signal_emit_by_name (controller, "drop", &value, 20.0, 60.0, &accepted);
      return accepted;
    }
  g_assert_not_reached ();
}

static void
test_drop_passage (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GListModel *excerpts = cb_brief_get_excerpts (brief);
  gsize start, end;

  find_in_opinion (brief, "Daniels therefore controls.", &start, &end);
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start, end);

  /* Text from elsewhere is not a passage of the opinion: nothing is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-dropped-text", "(us)",
                                             3, "Something typed elsewhere"));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 0);

  /* Dropped on a section, it is the student's own text: it goes in as text, where it
   * was dropped. */
  g_assert_true (drop_on_section (section_editor (window, 3), "Something typed elsewhere"));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 0);
  {
    g_autofree char *text = cb_section_dup_plain_text (cb_brief_get_section (brief, 3));
    g_assert_cmpstr (text, ==, "Something typed elsewhere");
  }

  /* The opinion's selection dropped on Reasoning becomes an excerpt there. */
  g_assert_true (drop_on_section (section_editor (window, 3), "Daniels therefore controls."));
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 1);
  {
    g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, 0);
    g_assert_cmpstr (cb_excerpt_get_section_id (excerpt), ==,
                     cb_section_get_id (cb_brief_get_section (brief, 3)));
    g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, start);
  }

  cb_test_destroy_window (window);
}

static gboolean
has_message (gpointer data)
{
  return cb_window_get_last_message (data) != NULL;
}

static gboolean
names_broken_file (gpointer data)
{
  return strstr (cb_window_get_last_message (data), "broken.brief") != NULL;
}

/* Someone else's file that is not an opinion or not a brief: a message naming it, and
 * the window keeps the brief it had. */
static void
test_bad_file_keeps_window (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GtkTextView *view = cb_section_editor_get_text_view (section_editor (window, 0));
  g_autofree char *dir = g_dir_make_tmp ("casebrief-bad-XXXXXX", NULL);
  g_autofree char *binary = g_build_filename (dir, "opinion.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.brief", NULL);
  g_autoptr(GFile) binary_file = g_file_new_for_path (binary);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  static const char garbage[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_windows;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (view, "Work that must not be lost.");
  n_windows = g_list_model_get_n_items (toplevels);

  g_assert_true (g_file_set_contents (binary, garbage, sizeof garbage, NULL));
  cb_window_open_file (window, binary_file);
  cb_test_wait_until (has_message, window);
  g_assert_nonnull (strstr (cb_window_get_last_message (window), "opinion.txt"));
  g_assert_true (cb_window_get_brief (window) == brief);
  g_assert_true (cb_window_get_modified (window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);

  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?><brief xmlns=\"", -1, NULL));
  cb_window_open_file (window, broken_file);
  cb_test_wait_until (names_broken_file, window);
  g_assert_nonnull (strstr (cb_window_get_last_message (window), "broken.brief"));
  g_assert_true (cb_window_get_brief (window) == brief);
  {
    g_autofree char *kept = cb_section_dup_plain_text (cb_brief_get_section (brief, 0));
    g_assert_cmpstr (kept, ==, "Work that must not be lost.");
  }
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);

  /* Nothing on disk changed. */
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (binary, &contents, &len, NULL));
    g_assert_cmpmem (contents, len, garbage, sizeof garbage);
  }

  cb_test_destroy_window (window);
  g_unlink (binary);
  g_unlink (broken);
  g_rmdir (dir);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_export_pdf_from_window (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  g_autofree char *dir = g_dir_make_tmp ("casebrief-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  cb_brief_set_citation (brief, "474 U.S. 344");
  add_excerpt (window, 2, "the majority held that respondents’ negligence");

  cb_window_export_pdf (window, file);
  cb_test_wait_until (file_exists, path);

  command = g_strdup_printf ("pdftotext '%s' -", path);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Davidson v. Cannon"));
  g_assert_nonnull (strstr (text, "474 U.S. at 347"));
  g_assert_nonnull (strstr (text, "Holding"));

  cb_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
has_message_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_draft (gpointer data)
{
  g_autoptr(GPtrArray) drafts = cb_drafts_list ();
  return drafts->len > 0;
}

static void
test_close_with_changes_asks (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CbWindow *window;
  GtkTextView *view;
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = cb_drafts_list ();
  for (guint i = 0; i < drafts->len; i++)
    cb_drafts_discard (cb_draft_get_id (g_ptr_array_index (drafts, i)));
  g_clear_pointer (&drafts, g_ptr_array_unref);

  g_settings_set_uint (settings, "autosave-delay", 1);
  window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  view = cb_section_editor_get_text_view (section_editor (window, 1));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (view, "Does negligence deprive a person of liberty?");
  g_assert_true (cb_window_get_modified (window));

  /* The draft is written after the autosave delay, and not over any real file. */
  cb_test_wait_until (has_draft, NULL);
  drafts = cb_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (cb_draft_get_original_uri (g_ptr_array_index (drafts, 0)));
  g_assert_true (g_str_has_prefix (g_file_peek_path (cb_draft_get_file (g_ptr_array_index (drafts, 0))),
                                   g_get_home_dir ()));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (has_message_dialog (NULL));

  cb_test_destroy_window (window);
}

static void
assert_block_text (CbSection  *section,
                   guint       index,
                   const char *expected)
{
  g_autofree char *text = cb_block_dup_text (cb_section_get_block (section, index));

  g_assert_cmpstr (text, ==, expected);
}

/* Typing within a paragraph, between quotations, changes that paragraph alone; a new
 * line, a deleted line and an emptied paragraph change the section's shape. */
static void
test_typing_between_quotations (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbSectionEditor *facts = section_editor (window, 0);
  GtkTextView *view = cb_section_editor_get_text_view (facts);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  CbSection *section = cb_section_editor_get_section (facts);
  CbExcerpt *excerpt;
  GtkTextIter iter, end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (view, "First paragraph.");
  excerpt = add_excerpt (window, 0, "James received the note");
  type_text (view, "Second one.");
  {
    g_autofree char *plain = cb_section_dup_plain_text (section);
    g_autofree char *expected = g_strdup_printf ("First paragraph.\n[excerpt %s]\nSecond one.",
                                                 cb_excerpt_get_id (excerpt));
    g_assert_cmpstr (plain, ==, expected);
  }

  /* Into the first paragraph, before the quotation. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 0, strlen ("First"));
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, " long");
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 0, 0);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &end, 0, 1);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, &iter, &end, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 0, 0);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, "A f");
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 3);
  assert_block_text (section, 0, "A first long paragraph.");
  g_assert_cmpstr (cb_section_editor_get_word_count_label (facts), ==, "10 / 200 words");

  /* A new line makes a new paragraph; typing in it goes to that one. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, "\nThen");
  type_text (view, " more.");
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 4);
  assert_block_text (section, 1, "Then more.");
  g_assert_cmpuint (cb_section_get_block (section, 2)->kind, ==, CB_BLOCK_EXCERPT);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, " Indeed.");
  assert_block_text (section, 0, "A first long paragraph. Indeed.");
  assert_block_text (section, 1, "Then more.");

  /* Emptying that paragraph removes it; the quotation stays. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  end = iter;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, &iter, &end, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 3);
  g_assert_cmpuint (cb_section_get_block (section, 1)->kind, ==, CB_BLOCK_EXCERPT);
  assert_block_text (section, 2, "Second one.");
  g_assert_nonnull (cb_brief_lookup_excerpt (cb_window_get_brief (window), cb_excerpt_get_id (excerpt)));

  cb_test_destroy_window (window);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* An iter @offset characters into the first occurrence of @text in @buffer. */
static void
iter_in_text (GtkTextBuffer *buffer,
              const char    *text,
              int            offset,
              GtkTextIter   *iter)
{
  GtkTextIter start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, iter, &match_end, NULL));
  gtk_text_iter_forward_chars (iter, offset);
}

static void
delete_interactive (GtkTextBuffer *buffer,
                    GtkTextIter   *start,
                    GtkTextIter   *end)
{
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, start, end, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* A key pressed in the section's text view, as its key controllers see it: first the
 * editor's own (capture phase), then, unless that handled it, the text view's. */
static gboolean
press_key (GtkTextView *view,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
      return handled;
    }
  g_assert_not_reached ();
}

static void
assert_excerpt_count (CbBrief *brief,
                      guint    expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, expected);
}

/* A quotation is text in the section, but not the student's to edit: typing into it
 * or joining a line to it is refused; it goes whole, by Delete, by Backspace (a second
 * press after the first selects it), or with the text selected around it, and undo
 * brings it back. Enter in it shows its source; a copy of it pasted is plain text. */
static void
test_quotation_stays_whole (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbSectionEditor *facts = section_editor (window, 0);
  GtkTextView *view = cb_section_editor_get_text_view (facts);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  CbSection *section = cb_section_editor_get_section (facts);
  const char *quoted = "“James received the note at about 2 p.m.”";
  CbExcerpt *excerpt;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  GtkTextIter iter, end;

  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 0);
  cb_brief_set_citation (brief, "474 U.S. 344");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (view, "Before it.");
  excerpt = add_excerpt (window, 0, "James received the note at about 2 p.m.");
  id = g_strdup (cb_excerpt_get_id (excerpt));
  type_text (view, "After it.");
  before = buffer_text (buffer);
  g_assert_cmpstr (before, ==, "Before it.\n“James received the note at about 2 p.m.”\u2028474 U.S. at 345\nAfter it.");

  /* Typing inside it, or at its end, is refused; so is deleting a letter of it. */
  iter_in_text (buffer, quoted, 6, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, "XYZ");
  iter_in_text (buffer, "474 U.S. at 345", 15, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, " and more");
  iter_in_text (buffer, quoted, 3, &iter);
  end = iter;
  gtk_text_iter_forward_chars (&end, 4);
  delete_interactive (buffer, &iter, &end);
  {
    g_autofree char *after = buffer_text (buffer);
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 3);

  /* Joining the line above or below to it is refused: Delete at the end of the
   * paragraph before, Backspace at the start of the one after. */
  iter_in_text (buffer, "Before it.", 10, &iter);
  end = iter;
  gtk_text_iter_forward_char (&end);
  delete_interactive (buffer, &iter, &end);
  iter_in_text (buffer, "After it.", 0, &end);
  iter = end;
  gtk_text_iter_backward_char (&iter);
  delete_interactive (buffer, &iter, &end);
  {
    g_autofree char *after = buffer_text (buffer);
    g_assert_cmpstr (after, ==, before);
  }

  /* Enter at its end opens a line below it; typing goes there. */
  iter_in_text (buffer, "474 U.S. at 345", 15, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, "\nBetween.");
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 4);
  assert_block_text (section, 2, "Between.");
  g_assert_cmpstr (cb_section_get_block (section, 1)->excerpt_id, ==, id);

  /* Enter inside it follows the link: the opinion's cursor goes to the passage. */
  iter_in_text (buffer, quoted, 5, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_key (view, GDK_KEY_Return));
  g_assert_cmpuint (cb_opinion_view_get_cursor (cb_window_get_opinion_view (window)), ==,
                    cb_excerpt_get_start (excerpt));

  /* Backspace at the start of the line below selects it; a second press removes it. */
  iter_in_text (buffer, "Between.", 0, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_key (view, GDK_KEY_BackSpace));
  {
    GtkTextIter start;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (selected, ==, "“James received the note at about 2 p.m.”\u2028474 U.S. at 345");
  }
  assert_excerpt_count (brief, 1);
  g_assert_true (press_key (view, GDK_KEY_BackSpace));
  assert_excerpt_count (brief, 0);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  assert_excerpt_count (brief, 1);
  g_assert_cmpstr (cb_section_get_block (section, 1)->excerpt_id, ==, id);

  /* Delete with the cursor in it removes it. */
  iter_in_text (buffer, quoted, 10, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_key (view, GDK_KEY_Delete));
  assert_excerpt_count (brief, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  assert_excerpt_count (brief, 1);

  /* Selected with the prose around it and deleted, it goes with the prose. */
  iter_in_text (buffer, "Before it.", 7, &iter);
  iter_in_text (buffer, "Between.", 3, &end);
  delete_interactive (buffer, &iter, &end);
  {
    g_autofree char *after = buffer_text (buffer);
    g_assert_cmpstr (after, ==, "Before ween.\nAfter it.");
  }
  assert_excerpt_count (brief, 0);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  assert_excerpt_count (brief, 1);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 4);

  /* Its copy, pasted with the buffer's own formatting, is the student's plain text:
   * the brief still quotes the excerpt once. */
  iter_in_text (buffer, quoted, 0, &iter);
  end = iter;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (quoted, -1));
  {
    GtkTextIter at;

    gtk_text_buffer_get_end_iter (buffer, &at);
    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_insert_interactive (buffer, &at, "\n", 1, TRUE);
    gtk_text_buffer_get_end_iter (buffer, &at);
    iter_in_text (buffer, quoted, 0, &iter);
    end = iter;
    gtk_text_iter_forward_chars (&end, g_utf8_strlen (quoted, -1));
    gtk_text_buffer_insert_range_interactive (buffer, &at, &iter, &end, TRUE);
    gtk_text_buffer_end_user_action (buffer);
  }
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 5);
  g_assert_cmpuint (cb_section_get_block (section, 4)->kind, ==, CB_BLOCK_PARAGRAPH);
  assert_block_text (section, 4, quoted);
  assert_excerpt_count (brief, 1);

  /* Italic over it leaves the opinion's words as they are. */
  iter_in_text (buffer, "Before it.", 0, &iter);
  iter_in_text (buffer, "After it.", 5, &end);
  gtk_text_buffer_select_range (buffer, &iter, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.italic", NULL));
  g_assert_cmpuint (cb_section_get_block (section, 0)->kind, ==, CB_BLOCK_PARAGRAPH);
  g_assert_cmpuint (((CbRun *) g_ptr_array_index (cb_section_get_block (section, 0)->runs, 0))->flags, ==, CB_RUN_ITALIC);
  iter_in_text (buffer, quoted, 3, &iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "italic")));

  /* Re-anchored elsewhere, or in need of review, it says so where it stands. */
  cb_excerpt_set_status (excerpt, CB_ANCHOR_NEEDS_REVIEW);
  {
    g_autofree char *quote = shown_quote (facts, id);
    g_assert_cmpstr (quote, ==, "⚠ “James received the note at about 2 p.m.”");
  }
  cb_excerpt_set_status (excerpt, CB_ANCHOR_OK);
  {
    gsize start, end;

    find_in_opinion (brief, "Petitioner sued prison officials", &start, &end);
    cb_excerpt_set_range (excerpt, start, end);
  }
  assert_shown_cite (facts, id, "474 U.S. at 345");
  {
    g_autofree char *quote = shown_quote (facts, id);
    g_assert_cmpstr (quote, ==, "“Petitioner sued prison officials”");
  }
  g_assert_cmpuint (cb_section_get_block (section, 1)->kind, ==, CB_BLOCK_EXCERPT);
  quoted = "“Petitioner sued prison officials”";

  /* Show in Brief, from the opinion, selects it in its section. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal-excerpt", "s", id));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  {
    GtkTextIter start;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_iter_get_text (&start, &end);
    g_assert_true (g_str_has_prefix (selected, quoted));
  }

  /* Selected, typing over it or cutting it is refused, and Enter shows its source. */
  {
    g_autofree char *shown = buffer_text (buffer);
    g_autofree char *after_typing = NULL;
    g_autofree char *after_cut = NULL;

    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
    gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", 1, TRUE);
    gtk_text_buffer_end_user_action (buffer);
    after_typing = buffer_text (buffer);
    g_assert_cmpstr (after_typing, ==, shown);
    g_signal_emit_by_name (view, "cut-clipboard");
    after_cut = buffer_text (buffer);
    g_assert_cmpstr (after_cut, ==, shown);
  }
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), 0, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal-excerpt", "s", id));
  g_assert_true (press_key (view, GDK_KEY_Return));
  g_assert_cmpuint (cb_opinion_view_get_cursor (cb_window_get_opinion_view (window)), ==,
                    cb_excerpt_get_start (excerpt));
  assert_excerpt_count (brief, 1);

  /* A refused keystroke is no step of undo: redo still redoes (the italic, here). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.undo", NULL));
  g_assert_cmpuint (((CbRun *) g_ptr_array_index (cb_section_get_block (section, 0)->runs, 0))->flags, ==, CB_RUN_PLAIN);
  iter_in_text (buffer, quoted, 4, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (view, "refused");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.redo", NULL));
  g_assert_cmpuint (((CbRun *) g_ptr_array_index (cb_section_get_block (section, 0)->runs, 0))->flags, ==, CB_RUN_ITALIC);

  /* Enter at its start opens a line above it, and typing goes there. */
  iter_in_text (buffer, quoted, 0, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_key (view, GDK_KEY_Return));
  type_text (view, "Above it.");
  {
    guint n = cb_section_get_n_blocks (section);
    guint at = 0;

    while (at < n && cb_section_get_block (section, at)->kind != CB_BLOCK_EXCERPT)
      at++;
    g_assert_cmpuint (at, <, n);
    g_assert_cmpuint (at, >, 0);
    assert_block_text (section, at - 1, "Above it.");
  }

  cb_test_destroy_window (window);
}

static GtkAdjustment *
text_adjustment (CbSectionEditor *editor)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cb_section_editor_get_text_view (editor)));
}

static gboolean
shows_all_text (gpointer data)
{
  GtkAdjustment *adjustment = text_adjustment (data);

  return gtk_adjustment_get_upper (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

/* Facts in the sample: four paragraphs and three quotations, some 350 pixels, all laid out. */
static gboolean
shows_all_facts (gpointer data)
{
  return gtk_adjustment_get_upper (text_adjustment (data)) > 300 && shows_all_text (data);
}

static gboolean
scrolls_within (gpointer data)
{
  GtkAdjustment *adjustment = text_adjustment (data);

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment);
}

/* A section as long as the student wrote it shows all of it; one of hundreds of
 * paragraphs is a frame no taller than 480 pixels that scrolls, so the window stays
 * quick however long the brief. */
static void
test_section_heights (void)
{
  CbWindow *window = cb_test_open_window ("data/samples/davidson-v-cannon.brief");
  CbSectionEditor *facts = section_editor (window, 0);
  CbSectionEditor *issue = section_editor (window, 1);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  GtkWidget *frame;

  cb_test_wait_until (shows_all_facts, facts);

  for (guint i = 0; i < 300; i++)
    {
      CbBlock *paragraph = cb_block_new_paragraph ();

      cb_block_add_run (paragraph, "The officials’ lack of due care had been found, but negligence did not deprive him of liberty.", CB_RUN_PLAIN);
      g_ptr_array_add (blocks, paragraph);
    }
  cb_section_set_blocks (cb_section_editor_get_section (issue), blocks);
  cb_test_wait_until (scrolls_within, issue);
  frame = gtk_widget_get_parent (GTK_WIDGET (cb_section_editor_get_text_view (issue)));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (frame));
  g_assert_cmpint (gtk_widget_get_height (frame), <=, 480);
  g_assert_cmpint (gtk_widget_get_height (frame), >=, 200);
  /* The short section beside it still shows all of its text. */
  g_assert_true (shows_all_text (facts));

  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/editor/add-excerpt-undo-redo", test_add_excerpt_undo_redo);
  g_test_add_func ("/editor/ranges-and-sections", test_excerpt_ranges_and_sections);
  g_test_add_func ("/editor/write-save-reopen", test_write_save_reopen);
  g_test_add_func ("/editor/close-with-changes-asks", test_close_with_changes_asks);
  g_test_add_func ("/editor/export-pdf", test_export_pdf_from_window);
  g_test_add_func ("/editor/drop-passage", test_drop_passage);
  g_test_add_func ("/editor/bad-file-keeps-window", test_bad_file_keeps_window);
  g_test_add_func ("/editor/typing-between-quotations", test_typing_between_quotations);
  g_test_add_func ("/editor/quotation-stays-whole", test_quotation_stays_whole);
  g_test_add_func ("/editor/section-heights", test_section_heights);

  return g_test_run ();
}
