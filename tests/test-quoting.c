#include "config.h"

#include <string.h>
#include <adwaita.h>

#include <glib/gstdio.h>

#include "cb-application.h"
#include "cb-brief-view.h"
#include "cb-clipboard-format.h"
#include "cb-context-menu.h"
#include "cb-opinion-view.h"
#include "cb-section-buffer.h"
#include "cb-new-brief-dialog.h"
#include "cb-section-editor.h"
#include "cb-template-editor.h"
#include "cb-template-store.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* Quoting the way a student works, through the real window: copy in the opinion and
 * paste in a section, paste text from elsewhere, quote a selection cut inside a word,
 * count words, find in the brief. */

static gboolean
is_label_titled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static CbSectionEditor *
section_editor (CbWindow *window,
                guint     index)
{
  return CB_SECTION_EDITOR (cb_brief_view_get_section_editor (cb_window_get_brief_view (window), index));
}

static void
select_quote (CbWindow   *window,
              const char *quote,
              gsize      *start,
              gsize      *end)
{
  CbBrief *brief = cb_window_get_brief (window);

  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), quote, 0, start, end));
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), *start, *end);
}

typedef struct
{
  char *text;
  gboolean done;
} ClipboardRead;

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* The plain text another program pasting from the clipboard gets. */
static char *
clipboard_text (GdkClipboard *clipboard)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_text_cb, &read);
  cb_test_wait_until (read_done, &read);
  return read.text;
}

typedef struct
{
  GListModel *excerpts;
  guint n;
} CountWait;

static gboolean
has_n_excerpts (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->excerpts) == wait->n;
}

static void
wait_for_excerpts (CbBrief *brief,
                   guint    n)
{
  CountWait wait = { cb_brief_get_excerpts (brief), n };

  cb_test_wait_until (has_n_excerpts, &wait);
}

static char *
section_text (CbSectionEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_section_editor_get_text_view (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  CbSectionEditor *editor;
  const char *text;
} TextWait;

static gboolean
section_has_text (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *text = section_text (wait->editor);

  return strstr (text, wait->text) != NULL;
}

/* Pastes the clipboard into a section, at the end of its text, as Ctrl+V does. */
static void
paste_into (CbSectionEditor *editor)
{
  GtkTextView *view = cb_section_editor_get_text_view (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_signal_emit_by_name (view, "paste-clipboard");
}

static GtkWidget *
link_button (CbSectionEditor *editor)
{
  GtkWidget *button = cb_test_find_button (GTK_WIDGET (editor), "_Link to Opinion");

  g_assert_nonnull (button);
  return button;
}

static gboolean
offers_link (gpointer data)
{
  return gtk_widget_is_visible (link_button (data));
}

static GtkLabel *
link_label (CbSectionEditor *editor)
{
  GtkWidget *box = gtk_widget_get_parent (link_button (editor));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return GTK_LABEL (child);
  g_assert_not_reached ();
}

static void
test_copy_paste_links (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (opinion));
  CbSectionEditor *issue = section_editor (window, 1);
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *cite = NULL;
  gsize start, end;

  cb_brief_set_citation (brief, "474 U.S. 344");
  select_quote (window, "James then attended to other matters, which he described as emergencies, "
                        "and left the note on his desk unread.", &start, &end);
  g_signal_emit_by_name (opinion, "copy-clipboard");

  /* Other programs get the quotation without markers, with its pin cite. */
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        CB_CLIPBOARD_EXCERPT_MIME_TYPE));
  text = clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "“James then attended to other matters, which he described as emergencies, "
                             "and left the note on his desk unread.” 474 U.S. at 345");

  /* A section gets a quotation linked to the opinion, as Ctrl+2 would make it. */
  paste_into (issue);
  wait_for_excerpts (brief, 1);
  excerpt = g_list_model_get_item (cb_brief_get_excerpts (brief), 0);
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, start);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, end);
  g_assert_cmpstr (cb_excerpt_get_section_id (excerpt), ==, cb_section_get_id (cb_section_editor_get_section (issue)));
  g_assert_true (cb_section_editor_get_quotation (issue, cb_excerpt_get_id (excerpt), &quote, &cite));
  g_assert_cmpstr (quote, ==, "“James then attended to other matters, which he described as emergencies, "
                              "and left the note on his desk unread.”");
  g_assert_cmpstr (cite, ==, "474 U.S. at 345");
  g_assert_true (cb_opinion_view_has_highlight (cb_window_get_opinion_view (window), start, NULL));

  /* Across a page, the range and the second reporter, as the brief cites it. */
  cb_brief_set_citation (brief, "474 U.S. 344, 106 S. Ct. 668");
  select_quote (window, "By the time he left the prison that evening James had forgotten about the note, "
                        "and since neither he nor Cannon worked on December 20", &start, &end);
  g_signal_emit_by_name (opinion, "copy-clipboard");
  g_free (text);
  text = clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "“By the time he left the prison that evening James had forgotten about the note, "
                             "and since neither he nor Cannon worked on December 20” "
                             "474 U.S. at 345–46, 106 S. Ct. at 669");

  cb_test_destroy_window (window);
}

static void
test_pasted_text_offers_link (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  CbSectionEditor *facts = section_editor (window, 0);
  CbSection *section = cb_section_editor_get_section (facts);
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autofree char *cite = NULL;
  g_autofree char *text = NULL;
  gsize start, end;

  /* Copied from a research service: in the opinion, but without its star page. */
  gdk_clipboard_set_text (clipboard, "neither he nor Cannon worked on December 20 or 21");
  paste_into (facts);
  cb_test_wait_until (offers_link, facts);
  /* Until the student says so it is prose, and no excerpt. */
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 0);
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 1);
  g_assert_cmpint (cb_section_get_block (section, 0)->kind, ==, CB_BLOCK_PARAGRAPH);
  /* Without a citation, the bare page. */
  g_assert_cmpstr (gtk_label_get_label (link_label (facts)), ==, "The text pasted is the opinion’s, at *346.");

  g_signal_emit_by_name (link_button (facts), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 1);
  excerpt = g_list_model_get_item (cb_brief_get_excerpts (brief), 0);
  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "neither he nor Cannon worked on December 20 or 21",
                                        0, &start, &end));
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, start);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, end);
  /* The prose went; the quotation stands in its place. */
  g_assert_cmpuint (cb_section_get_n_blocks (section), ==, 1);
  g_assert_cmpint (cb_section_get_block (section, 0)->kind, ==, CB_BLOCK_EXCERPT);
  g_assert_true (cb_section_editor_get_quotation (facts, cb_excerpt_get_id (excerpt), NULL, &cite));
  g_assert_cmpstr (cite, ==, "*346");
  g_assert_false (gtk_widget_is_visible (link_button (facts)));

  /* The student's own words stay prose, and nothing is offered. */
  gdk_clipboard_set_text (clipboard, "Davidson warned the officials in writing.");
  paste_into (facts);
  {
    TextWait wait = { facts, "Davidson warned the officials in writing." };
    cb_test_wait_until (section_has_text, &wait);
  }
  cb_test_spin (100);
  g_assert_false (gtk_widget_is_visible (link_button (facts)));
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 1);
  text = section_text (facts);
  g_assert_nonnull (strstr (text, "Davidson warned the officials in writing."));

  /* A passage quoted with another program's cite after it is found all the same. */
  gdk_clipboard_set_text (clipboard, "“left the note on his desk unread.” Davidson v. Cannon, 474 U.S. 344, 345 (1986)");
  paste_into (facts);
  cb_test_wait_until (offers_link, facts);
  /* Keeping it as text takes the offer back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facts), "section.keep-pasted", NULL));
  g_assert_false (gtk_widget_is_visible (link_button (facts)));
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 1);

  cb_test_destroy_window (window);
}

/* The anchor of a passage of another opinion is no passage of this one: its text is
 * pasted as the student's. */
static void
test_other_opinion_pastes_text (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  CbSectionEditor *facts = section_editor (window, 0);
  const char *anchor = "[Casebrief Excerpt]\nOpinion=0000000000000000000000000000000000000000000000000000000000000000\n"
                       "Start=10\nEnd=40\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (anchor, strlen (anchor));
  g_autoptr(GdkContentProvider) content = NULL;
  GdkContentProvider *providers[2];
  TextWait wait = { facts, "A passage of another case" };

  providers[0] = gdk_content_provider_new_for_bytes (CB_CLIPBOARD_EXCERPT_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, "A passage of another case");
  content = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (clipboard, content);
  paste_into (facts);
  cb_test_wait_until (section_has_text, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 0);

  cb_test_destroy_window (window);
}

/* Ctrl+1 on a selection that starts and ends inside words quotes the whole words, and
 * the opinion shows the passage so widened selected. */
static void
test_whole_words (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  CbSectionEditor *facts = section_editor (window, 0);
  const char *text = cb_opinion_get_text (cb_brief_get_opinion (brief));
  const char *at = strstr (text, "the court concluded that the deprivation was without due process");
  gsize start = g_utf8_pointer_to_offset (text, at);
  gsize end = start + g_utf8_strlen ("the court concluded that the deprivation was without due proc", -1);
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autofree char *quote = NULL;
  gsize selected_start, selected_end;

  /* "e court concluded … due proc" */
  cb_opinion_view_select_range (opinion_view, start + 2, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 0));
  excerpt = g_list_model_get_item (cb_brief_get_excerpts (brief), 0);
  g_assert_true (cb_section_editor_get_quotation (facts, cb_excerpt_get_id (excerpt), &quote, NULL));
  g_assert_cmpstr (quote, ==, "“the court concluded that the deprivation was without due process.”");
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, start);
  g_assert_true (cb_opinion_view_get_selection (opinion_view, &selected_start, &selected_end));
  g_assert_cmpuint (selected_start, ==, cb_excerpt_get_start (excerpt));
  g_assert_cmpuint (selected_end, ==, cb_excerpt_get_end (excerpt));

  cb_test_destroy_window (window);
}

/* The word count shows the words a reader sees: "By the time … worked on" is 23 words,
 * the star page in it none. */
static void
test_word_count_without_markers (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbSectionEditor *facts = section_editor (window, 0);
  gsize start, end;

  select_quote (window, "By the time he left the prison that evening James had forgotten about the note, "
                        "and since neither he nor Cannon worked on", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 0));
  g_assert_cmpstr (cb_section_editor_get_word_count_label (facts), ==, "23 / 200 words");

  cb_test_destroy_window (window);
}

static gboolean
excerpt_in_view (gpointer data)
{
  CbWindow *window = data;
  g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (cb_brief_get_excerpts (cb_window_get_brief (window)), 0);

  return cb_brief_view_is_excerpt_in_view (cb_window_get_brief_view (window), cb_excerpt_get_id (excerpt));
}

static GtkAdjustment *
brief_scroll (CbWindow *window)
{
  GtkWidget *scroller = cb_test_find_type (GTK_WIDGET (cb_window_get_brief_view (window)), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Ctrl+4 quotes into a section below the fold: the brief scrolls to show the new
 * quotation, and the keyboard stays in the opinion. */
static void
test_new_quotation_in_view (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  guint last = cb_brief_view_get_n_sections (cb_window_get_brief_view (window)) - 1;
  gsize start, end;

  cb_test_spin (200);
  gtk_widget_grab_focus (GTK_WIDGET (opinion));
  g_assert_cmpfloat (gtk_adjustment_get_value (brief_scroll (window)), ==, 0);
  select_quote (window, "The guarantee of due process has never been understood to mean", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", last));
  cb_test_wait_until (excerpt_in_view, window);
  g_assert_cmpfloat (gtk_adjustment_get_value (brief_scroll (window)), >, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (opinion)));

  cb_test_destroy_window (window);
}

static gboolean
is_selected_hint (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "The quotation is selected");
}

static guint
n_tags_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  return g_slist_length (tags);
}

/* Backspace after a quotation selects it first: the quotation shows so, and a line
 * under the section says what the next key does. */
static void
test_backspace_shows_selection (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbSectionEditor *facts = section_editor (window, 0);
  GtkTextView *view = cb_section_editor_get_text_view (facts);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkWidget *hint = cb_test_find_widget (GTK_WIDGET (facts), is_selected_hint, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkTextIter iter, start, end;
  gboolean handled = FALSE;
  guint unselected;
  gsize s, e;

  select_quote (window, "James received the note at about 2 p.m.", &s, &e);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 0));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert_interactive (buffer, &iter, "Notes", -1, TRUE);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_iter_set_line_offset (&iter, 0);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_get_start_iter (buffer, &start);
  unselected = n_tags_at (&start);

  g_assert_nonnull (hint);
  g_assert_false (gtk_widget_is_visible (hint));

  /* Backspace, as the text view's key controllers see it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_BackSpace, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_true (cb_section_buffer_in_quotation (CB_SECTION_BUFFER (buffer), &start));
  g_assert_true (gtk_widget_is_visible (hint));
  /* Selected whole, it wears a tag of its own, its section's stronger colour. */
  g_assert_cmpuint (n_tags_at (&start), ==, unselected + 1);

  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_cmpuint (n_tags_at (&start), ==, unselected);
  g_assert_false (gtk_widget_is_visible (hint));

  cb_test_destroy_window (window);
}

/* While the citation is empty and the opinion has pages, the case card asks for it in
 * one line; choosing the line goes to the citation. */
static void
test_citation_asked_for (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  GtkWidget *hint = cb_test_find_row (GTK_WIDGET (brief_view), "Add the citation so pin cites name the reporter");
  GtkEditable *citation = cb_brief_view_get_metadata_row (brief_view, "citation");

  g_assert_nonnull (hint);
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "");
  g_assert_true (gtk_widget_is_visible (hint));
  g_signal_emit_by_name (hint, "activate");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (citation)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (citation)));

  gtk_editable_set_text (citation, "474 U.S. 344");
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "474 U.S. 344");
  g_assert_false (gtk_widget_is_visible (hint));
  gtk_editable_set_text (citation, "  ");
  g_assert_true (gtk_widget_is_visible (hint));

  cb_test_destroy_window (window);
}

/* A citation the opinion's pages do not bear out: the card says why in one line, the
 * quotation keeps its bare page, and choosing the line goes to the citation. */
static void
test_citation_problem_shown (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbWindow *named = NULL;
  CbBrief *brief = cb_window_get_brief (window);
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  GtkEditable *citation = cb_brief_view_get_metadata_row (brief_view, "citation");
  const char *missing = "The opinion’s pages are not those of 88 L. Ed. 2d 677: pin cites give the opinion’s own "
                        "page numbers";
  GtkWidget *row;
  g_autoptr(CbExcerpt) excerpt = NULL;
  g_autofree char *cite = NULL;
  gsize start, end;

  g_assert_true (cb_opinion_find_quote (cb_brief_get_opinion (brief), "James then attended to other matters", 0,
                                        &start, &end));
  excerpt = g_object_ref (cb_brief_add_excerpt (brief, "facts", start, end));
  gtk_editable_set_text (citation, "88 L. Ed. 2d 677");
  row = cb_test_find_row (GTK_WIDGET (brief_view), missing);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_false (gtk_widget_is_visible (cb_test_find_row (GTK_WIDGET (brief_view),
                                                           "Add the citation so pin cites name the reporter")));
  cite = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_cmpstr (cite, ==, "*345");
  g_signal_emit_by_name (row, "activate");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (citation)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (citation)));

  gtk_editable_set_text (citation, "474 U.S. 346");
  g_assert_true (row == cb_test_find_row (GTK_WIDGET (brief_view),
                                          "The opinion starts at page 345 or before, not at 474 U.S. 346"));
  g_assert_true (gtk_widget_is_visible (row));
  gtk_editable_set_text (citation, "474 U.S. 344");
  g_assert_false (gtk_widget_is_visible (row));
  g_clear_pointer (&cite, g_free);
  cite = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_cmpstr (cite, ==, "474 U.S. at 345");
  gtk_editable_set_text (citation, "");
  g_assert_false (gtk_widget_is_visible (row));
  cb_test_destroy_window (window);

  /* An opinion whose caption names its reporters says where it starts. */
  named = cb_test_open_window ("tests/fixtures/opinions/dissent.txt");
  brief_view = cb_window_get_brief_view (named);
  citation = cb_brief_view_get_metadata_row (brief_view, "citation");
  g_assert_cmpstr (cb_brief_get_citation (cb_window_get_brief (named)), ==, "474 U.S. 344, 106 S. Ct. 668");
  gtk_editable_set_text (citation, "474 U.S. 346");
  row = cb_test_find_row (GTK_WIDGET (brief_view), "The opinion starts at 474 U.S. 344, not 346");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  cb_test_destroy_window (named);
}

static void
press_shortcut (CbWindow   *window,
                const char *accelerator)
{
  GtkShortcut *shortcut = cb_test_find_shortcut (GTK_WIDGET (window), accelerator);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window),
                                               gtk_shortcut_get_arguments (shortcut)));
}

typedef struct
{
  CbSearchBar *bar;
  const char *label;
} LabelWait;

static gboolean
shows_label (gpointer data)
{
  LabelWait *wait = data;
  g_autofree char *label = cb_search_bar_dup_match_label (wait->bar);

  return g_strcmp0 (label, wait->label) == 0;
}

static char *
selected_in (CbSectionEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_section_editor_get_text_view (editor));
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return gtk_text_iter_get_text (&start, &end);
}

/* Ctrl+F in a section finds in the brief, across its sections, with a count; Enter and
 * Shift+Enter go on and back; the bar says it searches the brief. In the opinion, Ctrl+F
 * still finds in the opinion. */
static void
test_find_in_brief (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBriefView *brief_view = cb_window_get_brief_view (window);
  CbSearchBar *bar = cb_brief_view_get_search_bar (brief_view);
  GtkEditable *entry = cb_search_bar_get_entry (bar);
  CbSectionEditor *facts = section_editor (window, 0);
  CbSectionEditor *holding = section_editor (window, 2);
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  LabelWait first = { bar, "1 of 3" };
  g_autofree char *selected = NULL;
  g_autofree char *label = NULL;

  cb_section_set_plain_text (cb_section_editor_get_section (facts), "Davidson wrote a Note to the officials.");
  cb_section_set_plain_text (cb_section_editor_get_section (holding), "Negligence is no deprivation; the note was lost.\nA note.");
  g_assert_false (cb_search_bar_get_search_mode (bar));

  gtk_widget_grab_focus (GTK_WIDGET (cb_section_editor_get_text_view (facts)));
  press_shortcut (window, "<Control>f");
  g_assert_true (cb_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));
  {
    g_autofree char *title = NULL;

    g_object_get (bar, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Find in the brief");
    g_assert_nonnull (cb_test_find_widget (GTK_WIDGET (bar), is_label_titled, "Find in the brief"));
  }

  /* Case aside, in every section, counted. */
  gtk_editable_set_text (entry, "note");
  cb_test_wait_until (shows_label, &first);
  selected = selected_in (facts);
  g_assert_cmpstr (selected, ==, "Note");

  /* Enter: the next, in the next section. */
  g_signal_emit_by_name (entry, "activate");
  label = cb_search_bar_dup_match_label (bar);
  g_assert_cmpstr (label, ==, "2 of 3");
  g_free (selected);
  selected = selected_in (holding);
  g_assert_cmpstr (selected, ==, "note");
  press_shortcut (window, "<Control>g");
  g_free (label);
  label = cb_search_bar_dup_match_label (bar);
  g_assert_cmpstr (label, ==, "3 of 3");
  /* Around from the last to the first. */
  g_signal_emit_by_name (entry, "next-match");
  g_free (label);
  label = cb_search_bar_dup_match_label (bar);
  g_assert_cmpstr (label, ==, "1 of 3");
  /* Shift+Enter: back, around to the last. */
  g_signal_emit_by_name (entry, "previous-match");
  g_free (label);
  label = cb_search_bar_dup_match_label (bar);
  g_assert_cmpstr (label, ==, "3 of 3");

  /* Escape: back in the section, at the match. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (cb_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cb_section_editor_get_text_view (holding))));

  /* In the opinion, Ctrl+F finds in the opinion. */
  gtk_widget_grab_focus (GTK_WIDGET (cb_opinion_view_get_text_view (opinion_view)));
  press_shortcut (window, "<Control>f");
  g_assert_false (cb_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (cb_opinion_view_get_search_entry (opinion_view))) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (cb_opinion_view_get_search_entry (opinion_view)));
  g_assert_nonnull (cb_test_find_widget (GTK_WIDGET (opinion_view), is_label_titled, "Find in the opinion"));

  cb_test_destroy_window (window);
}

static gboolean
is_label_prefixed (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* The Authorities popover is a table of authorities: wide enough that a case and its
 * citation take one line, the cases then the statutes, each group with its count. */
static void
test_authorities_width (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  GtkWidget *popover = cb_opinion_view_get_authorities_popover (view);
  GtkWidget *content = gtk_popover_get_child (GTK_POPOVER (popover));
  const char *labels[] = { "Curtis v. Everette, 489 F.2d 516 (CA3 1973)", "471 U.S. 1134 (1985)",
                           "N.J. Stat. Ann. § 59:5–2(b)(4) (1982)" };
  GtkWidget *cases, *statutes;
  int minimum, natural;

  gtk_popover_popup (GTK_POPOVER (popover));
  cb_test_spin (100);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >=, 340);
  g_assert_cmpint (natural, <=, 640);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = cb_test_find_widget (content, is_label_titled, labels[i]);
      int line, height;

      g_assert_nonnull (label);
      /* One line at the width the table has: no word broken up. */
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &line, NULL, NULL, NULL);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &height, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (label), >, 200);
      g_assert_cmpint (height, ==, line);
    }

  cases = cb_test_find_widget (content, is_label_titled, "9 Cases");
  statutes = cb_test_find_widget (content, is_label_titled, "2 Statutes");
  g_assert_nonnull (cases);
  g_assert_nonnull (statutes);
  g_assert_true (gtk_widget_is_visible (cases) && gtk_widget_is_visible (statutes));
  /* The cases come first. */
  {
    graphene_point_t a, b;

    g_assert_true (gtk_widget_compute_point (cases, content, &GRAPHENE_POINT_INIT (0, 0), &a));
    g_assert_true (gtk_widget_compute_point (statutes, content, &GRAPHENE_POINT_INIT (0, 0), &b));
    g_assert_cmpfloat (a.y, <, b.y);
  }
  /* Each row says how often the opinion cites it. */
  g_assert_nonnull (cb_test_find_widget (content, is_label_prefixed, "Daniels v. Williams"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  cb_test_destroy_window (window);
}

/* The template editor says a template's instructions are shown at the top of every
 * brief made from it: they are, above the case card, and an assignment's own follow. */
static void
test_template_instructions (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbBrief *brief = cb_window_get_brief (window);
  GtkWidget *brief_view = GTK_WIDGET (cb_window_get_brief_view (window));
  const char *instructions = cb_brief_get_template_instructions (brief);
  GtkWidget *shown, *heading;

  g_assert_true (g_str_has_prefix (instructions, "Brief the case in your own words."));
  shown = cb_test_find_widget (brief_view, is_label_titled, instructions);
  heading = cb_test_find_widget (brief_view, is_label_titled, "Instructions");
  g_assert_nonnull (shown);
  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_get_mapped (shown));
  g_assert_true (gtk_widget_get_mapped (heading));

  cb_test_destroy_window (window);
}

/* The actions a menu model offers, in order, submenus included. */
static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (section != NULL)
        collect_actions (section, actions);
      else if (submenu != NULL)
        g_ptr_array_add (actions, g_strdup ("submenu"));
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
    }
}

static char *
menu_actions (GtkTextView *view)
{
  GtkWidget *popover = cb_context_menu_get (view);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (popover);
  collect_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), actions);
  g_ptr_array_add (actions, NULL);
  return g_strjoinv (" ", (char **) actions->pdata);
}

typedef struct
{
  const char *text;
  GtkWidget *found;
} ItemFind;

static void
find_item (GtkWidget *widget,
           ItemFind  *find)
{
  g_autofree char *text = NULL;

  if (find->found != NULL)
    return;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL &&
      g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, find->text) == 0)
        {
          find->found = widget;
          return;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_item (child, find);
}

/* An item of a menu as the student sees it, or NULL when it is hidden. */
static GtkWidget *
shown_item (GtkTextView *view,
            const char  *text)
{
  ItemFind find = { text, NULL };

  find_item (cb_context_menu_get (view), &find);
  return find.found != NULL && gtk_widget_get_visible (find.found) ? find.found : NULL;
}

static GtkWidget *
menu_item (GtkTextView *view,
           const char  *text)
{
  GtkWidget *item = shown_item (view, text);

  g_assert_nonnull (item);
  return item;
}

/* The opinion's menu offers what applies to a read-only text: Copy, Add to, Show in
 * Brief (on a quoted passage), Select All; never Cut, Paste, Delete or Undo. A
 * section's menu has the section's Undo, enabled once there is something to undo. */
static void
test_context_menus (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  GtkTextView *opinion = cb_opinion_view_get_text_view (cb_window_get_opinion_view (window));
  CbSectionEditor *facts = section_editor (window, 0);
  GtkTextView *section = cb_section_editor_get_text_view (facts);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (section);
  g_autofree char *opinion_actions = menu_actions (opinion);
  g_autofree char *section_actions = menu_actions (section);
  GtkShortcut *menu_key = cb_test_find_shortcut (GTK_WIDGET (opinion), "<Shift>F10");
  GtkTextIter end;
  gsize start, stop;

  g_assert_cmpstr (opinion_actions, ==, "clipboard.copy submenu opinion.show-in-brief opinion.footnote-reference "
                                        "opinion.show-in-pdf selection.select-all");
  g_assert_cmpstr (section_actions, ==, "clipboard.cut clipboard.copy clipboard.paste selection.delete "
                                        "selection.select-all section.undo section.redo section.show-quotation "
                                        "section.show-quotation-in-pdf section.remove-quotation");

  /* Shift+F10 pops it up; Copy is there to use on a selection, Show in Brief is not
   * until the passage is quoted. */
  select_quote (window, "James received the note", &start, &stop);
  g_assert_nonnull (menu_key);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (menu_key), 0, GTK_WIDGET (opinion),
                                               gtk_shortcut_get_arguments (menu_key)));
  cb_test_spin (50);
  g_assert_true (gtk_widget_get_visible (cb_context_menu_get (opinion)));
  g_assert_true (gtk_widget_is_sensitive (menu_item (opinion, "Copy")));
  g_assert_nonnull (menu_item (opinion, "Select All"));
  g_assert_null (shown_item (opinion, "Show in Brief"));
  g_assert_null (shown_item (opinion, "Cut"));
  g_assert_null (shown_item (opinion, "Paste"));
  g_assert_null (shown_item (opinion, "Undo"));
  gtk_popover_popdown (GTK_POPOVER (cb_context_menu_get (opinion)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 1));
  cb_opinion_view_select_range (cb_window_get_opinion_view (window), start + 2, start + 2);
  cb_context_menu_popup_at (opinion, -1, -1);
  cb_test_spin (50);
  g_assert_nonnull (shown_item (opinion, "Show in Brief"));
  g_assert_false (gtk_widget_is_sensitive (menu_item (opinion, "Copy")));
  gtk_popover_popdown (GTK_POPOVER (cb_context_menu_get (opinion)));

  /* The section's Undo follows the section's own undo. */
  gtk_widget_grab_focus (GTK_WIDGET (section));
  cb_context_menu_popup_at (section, -1, -1);
  cb_test_spin (50);
  g_assert_false (gtk_widget_is_sensitive (menu_item (section, "Cut")));
  g_assert_false (gtk_widget_is_sensitive (menu_item (section, "Undo")));
  gtk_popover_popdown (GTK_POPOVER (cb_context_menu_get (section)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive (buffer, &end, "My words.", -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  cb_context_menu_popup_at (section, -1, -1);
  cb_test_spin (50);
  g_assert_true (gtk_widget_is_sensitive (menu_item (section, "Undo")));
  g_assert_false (gtk_widget_is_sensitive (menu_item (section, "Redo")));
  gtk_popover_popdown (GTK_POPOVER (cb_context_menu_get (section)));

  cb_test_destroy_window (window);
}

/* The background a reader sees on a character: that of its highest tag that sets one. */
static GtkTextTag *
background_tag_at (GtkTextBuffer *buffer,
                   gsize          offset)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;
  GtkTextTag *top = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, "background-set", &set, NULL);
      if (set && (top == NULL || gtk_text_tag_get_priority (l->data) > gtk_text_tag_get_priority (top)))
        top = l->data;
    }
  return top;
}

/* In the dark style as in the light, a quoted passage shows its section's tint in the
 * opinion, over the opinion's own styling (a quotation within it too). */
static void
test_tint_in_dark_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *opinion_view = cb_window_get_opinion_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (opinion_view));
  const char *text = cb_opinion_get_text (cb_opinion_view_get_opinion (opinion_view));
  gsize inner = g_utf8_pointer_to_offset (text, strstr (text, "did not act with deliberate"));
  gsize start, end;
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_DARK, ADW_COLOR_SCHEME_FORCE_LIGHT };

  select_quote (window, "petitioner had not established an Eighth Amendment violation “because [respondents] did not act "
                        "with deliberate or callous indifference", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-section", "u", 1));
  cb_opinion_view_select_range (opinion_view, start, start);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      const gsize places[] = { start + 3, inner };

      adw_style_manager_set_color_scheme (style, schemes[i]);
      cb_test_spin (200);
      g_assert_cmpint (adw_style_manager_get_dark (style), ==, schemes[i] == ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          GtkTextTag *top = background_tag_at (buffer, places[p]);
          g_autofree char *name = NULL;
          GdkRGBA *color = NULL;

          g_assert_nonnull (top);
          g_object_get (top, "name", &name, "background-rgba", &color, NULL);
          g_assert_cmpstr (name, ==, "section-1");
          g_assert_cmpfloat (color->alpha, >, 0.15);
          gdk_rgba_free (color);
        }
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  cb_test_destroy_window (window);
}

/* The real application, primary on this session bus: menus and windows of its own. */
static CbApplication *app;

static AdwMessageDialog *
message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return message_dialog () != NULL;
}

static gboolean
has_brief_of (gpointer data)
{
  CbBrief *brief = cb_window_get_brief (data);

  return brief != NULL && g_strcmp0 (cb_brief_get_template_id (brief), "classic") == 0;
}

static CbWindow *
open_in_app (const char *path)
{
  g_autofree char *full = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (full);
  CbWindow *window = cb_window_new (app);

  cb_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  cb_test_wait_until ((gboolean (*) (gpointer)) cb_window_get_brief, window);
  return window;
}

/* New Brief ▸ Classic Full Brief with an opinion open offers that opinion: the student
 * does not look for the file again. */
static void
test_new_brief_of_open_opinion (void)
{
  CbWindow *window = open_in_app ("data/opinions/davidson-v-cannon.txt");
  CbOpinion *opinion = cb_brief_get_opinion (cb_window_get_brief (window));
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", "s", "classic"));
  cb_test_wait_until (has_message_dialog, NULL);
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Brief From “Classic Full Brief”");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "this");
  button = cb_test_find_button (GTK_WIDGET (dialog), "_This Opinion");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* This window held nothing to lose: the classic brief of the same opinion opens here. */
  cb_test_wait_until (has_brief_of, window);
  g_assert_true (cb_brief_get_opinion (cb_window_get_brief (window)) == opinion);
  g_assert_cmpuint (cb_brief_get_n_sections (cb_window_get_brief (window)), ==, 9);

  cb_test_destroy_window (window);
}

static gboolean
is_new_menu_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  GMenuModel *model;
  g_autofree char *label = NULL;

  if (!GTK_IS_MENU_BUTTON (widget) || (model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget))) == NULL)
    return FALSE;
  return g_menu_model_get_n_items (model) > 0 &&
         g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
         g_str_equal (label, "New Brief From Template");
}

/* A template of the student's own is in New Brief, after the built-in ones, as it is
 * saved; its underscore is no mnemonic. */
static void
test_own_templates_in_new_menu (void)
{
  CbWindow *window = open_in_app ("data/opinions/davidson-v-cannon.txt");
  CbTemplateStore *store = cb_template_store_get_default ();
  g_autoptr(GFile) dir = cb_template_store_get_user_dir (store);
  g_autofree char *folder = g_file_get_path (dir);
  g_autofree char *path = g_build_filename (folder, "moot.brieftemplate", NULL);
  g_autofree char *irac_path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "templates", "irac.brieftemplate", NULL);
  g_autofree char *irac = NULL;
  g_autoptr(GString) moot = NULL;
  GtkWidget *button = cb_test_find_widget (GTK_WIDGET (window), is_new_menu_button, NULL);
  GMenuModel *menu;
  g_autoptr(GMenuModel) own = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);

  g_assert_true (g_file_get_contents (irac_path, &irac, NULL, NULL));
  moot = g_string_new (irac);
  g_string_replace (moot, "id=\"irac\"", "id=\"moot\"", 1);
  g_string_replace (moot, "<title>IRAC</title>", "<title>Moot_Court Brief</title>", 1);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, moot->str, -1, NULL));
  cb_template_store_reload (store);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Your Templates");
  own = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (own), ==, 1);
  g_free (label);
  g_assert_true (g_menu_model_get_item_attribute (own, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Moot__Court Brief");
  target = g_menu_model_get_item_attribute_value (own, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "moot");

  /* Gone from the folder, gone from the menu. */
  g_assert_cmpint (g_remove (path), ==, 0);
  cb_template_store_reload (store);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);

  cb_test_destroy_window (window);
}

static guint
count_template_editors (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += CB_IS_TEMPLATE_EDITOR (l->data);
  return n;
}

/* New Template in the gallery hands over to one editor: the gallery closes, so no
 * Space or Enter meant for the editor opens another one. */
static void
test_gallery_new_template (void)
{
  CbWindow *window = open_in_app ("data/opinions/davidson-v-cannon.txt");
  CbNewBriefDialog *gallery = cb_new_brief_dialog_new (window);
  GtkWidget *row = cb_test_find_row (GTK_WIDGET (gallery), "New Template");

  g_object_add_weak_pointer (G_OBJECT (gallery), (gpointer *) &gallery);
  gtk_window_present (GTK_WINDOW (gallery));
  cb_test_spin (100);
  g_assert_nonnull (row);
  g_assert_cmpuint (count_template_editors (), ==, 0);
  g_signal_emit_by_name (row, "activate");
  cb_test_spin (100);
  g_assert_null (gallery);
  g_assert_cmpuint (count_template_editors (), ==, 1);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *editor = l->data;

      l = l->next;
      if (CB_IS_TEMPLATE_EDITOR (editor))
        gtk_window_destroy (editor);
    }
  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  cb_test_ui_init (&argc, &argv);
  app = cb_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/quoting/copy-paste-links", test_copy_paste_links);
  g_test_add_func ("/quoting/pasted-text-offers-link", test_pasted_text_offers_link);
  g_test_add_func ("/quoting/other-opinion-pastes-text", test_other_opinion_pastes_text);
  g_test_add_func ("/quoting/whole-words", test_whole_words);
  g_test_add_func ("/quoting/word-count-without-markers", test_word_count_without_markers);
  g_test_add_func ("/quoting/new-quotation-in-view", test_new_quotation_in_view);
  g_test_add_func ("/quoting/backspace-shows-selection", test_backspace_shows_selection);
  g_test_add_func ("/quoting/citation-asked-for", test_citation_asked_for);
  g_test_add_func ("/quoting/citation-problem-shown", test_citation_problem_shown);
  g_test_add_func ("/quoting/find-in-brief", test_find_in_brief);
  g_test_add_func ("/quoting/authorities-width", test_authorities_width);
  g_test_add_func ("/quoting/template-instructions", test_template_instructions);
  g_test_add_func ("/quoting/context-menus", test_context_menus);
  g_test_add_func ("/quoting/tint-in-dark-style", test_tint_in_dark_style);
  g_test_add_func ("/quoting/new-brief-of-open-opinion", test_new_brief_of_open_opinion);
  g_test_add_func ("/quoting/own-templates-in-new-menu", test_own_templates_in_new_menu);
  g_test_add_func ("/quoting/gallery-new-template", test_gallery_new_template);
  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
