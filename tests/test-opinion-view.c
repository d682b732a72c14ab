#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "cb-brief-view.h"
#include "cb-citation.h"
#include "cb-opinion-view.h"
#include "cb-page-gutter.h"
#include "cb-window.h"
#include "cb-test-ui.h"

/* The opinion pane as a student reads it: pages in the margin, footnotes as links,
 * the authorities the opinion cites. */

static gsize
offset_of (CbOpinion  *opinion,
           const char *needle)
{
  const char *text = cb_opinion_get_text (opinion);
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static void
test_page_margin (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  CbPageGutter *gutter = cb_opinion_view_get_page_gutter (view);
  GtkDropDown *reporters = cb_opinion_view_get_reporter_dropdown (view);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *parallel = NULL;

  /* Line 0 is the first paragraph, all on page 345; line 2 runs onto 346. */
  first = cb_page_gutter_dup_label (gutter, 0);
  g_assert_cmpstr (first, ==, "345");
  blank = cb_page_gutter_dup_label (gutter, 1);
  g_assert_null (blank);
  second = cb_page_gutter_dup_label (gutter, 2);
  g_assert_cmpstr (second, ==, "345–46");

  /* Two reporters are paged: the margin can show the second one's pages. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (reporters)), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reporters)));
  gtk_drop_down_set_selected (reporters, 1);
  parallel = cb_page_gutter_dup_label (gutter, 0);
  g_assert_cmpstr (parallel, ==, "669");

  /* Once the brief names the citations, the chooser names the reporters. */
  cb_brief_set_citation (cb_window_get_brief (window), "474 U.S. 344, 106 S. Ct. 668");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (reporters)), ==,
                   "106 S. Ct.");
  gtk_drop_down_set_selected (reporters, 0);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (reporters)), ==,
                   "474 U.S.");

  cb_test_destroy_window (window);
}

static void
test_footnote_links (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  CbOpinion *opinion = cb_opinion_view_get_opinion (view);
  gsize marker = offset_of (opinion, "Sergeant.*") + strlen ("Sergeant.");
  gsize body = offset_of (opinion, "The note, addressed to a civilian hearing officer");

  /* The cursor on the marker: "go to footnote" lands on the note's text. */
  cb_opinion_view_select_range (view, marker, marker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "opinion.go-to-footnote", NULL));
  g_assert_cmpuint (cb_opinion_view_get_cursor (view), ==, body);

  /* And back from the note to where it is referenced. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "opinion.footnote-reference", NULL));
  g_assert_cmpuint (cb_opinion_view_get_cursor (view), ==, marker);

  cb_test_destroy_window (window);
}

static void
test_authorities (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  CbOpinion *opinion = cb_opinion_view_get_opinion (view);
  GPtrArray *authorities = cb_opinion_view_get_authorities (view);
  int parratt = -1, statute = -1;

  g_assert_nonnull (authorities);
  for (guint i = 0; i < authorities->len; i++)
    {
      const CbAuthority *authority = g_ptr_array_index (authorities, i);

      if (g_str_has_prefix (authority->label, "Parratt v. Taylor"))
        parratt = i;
      if (g_str_has_prefix (authority->label, "42 U.S.C. § 1983"))
        statute = i;
    }
  g_assert_cmpint (parratt, >=, 0);
  g_assert_cmpint (statute, >, parratt);
  g_assert_cmpuint (((CbAuthority *) g_ptr_array_index (authorities, parratt))->count, ==, 3);

  /* Choosing it goes to the first place the opinion cites it. */
  cb_opinion_view_activate_authority (view, parratt);
  g_assert_cmpuint (cb_opinion_view_get_cursor (view), ==, offset_of (opinion, "451 U.S. 527"));

  cb_test_destroy_window (window);
}

static gboolean
past_flashes (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Showing a passage flashes it; showing another before the flash ends, then closing
 * the window, leaves no flash to end on a view that is gone (a fatal warning here). */
static void
test_flash_outlived (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  gint64 later;

  cb_opinion_view_show_range (view, 10, 40);
  cb_opinion_view_show_range (view, 100, 140);
  g_assert_cmpuint (cb_opinion_view_get_cursor (view), ==, 100);
  cb_test_destroy_window (window);

  later = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  cb_test_wait_until (past_flashes, &later);
}

/* The views hold their models as properties: the opinion view the window's brief and
 * its opinion, each section editor its section of that brief. */
static void
test_models_as_properties (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  CbBrief *brief = cb_window_get_brief (window);
  g_autoptr(CbBrief) shown_brief = NULL;
  g_autoptr(CbOpinion) shown_opinion = NULL;
  g_autoptr(CbSection) section = NULL;
  g_autoptr(CbBrief) section_brief = NULL;
  GtkWidget *editor;

  g_object_get (view, "brief", &shown_brief, "opinion", &shown_opinion, NULL);
  g_assert_true (shown_brief == brief);
  g_assert_true (shown_opinion == cb_brief_get_opinion (brief));
  g_assert_true (cb_opinion_view_get_brief (view) == brief);

  editor = cb_brief_view_get_section_editor (cb_window_get_brief_view (window), 1);
  g_object_get (editor, "section", &section, "brief", &section_brief, NULL);
  g_assert_true (section == cb_brief_get_section (brief, 1));
  g_assert_true (section_brief == brief);

  cb_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cb_test_ui_init (&argc, &argv);

  g_test_add_func ("/opinion-view/page-margin", test_page_margin);
  g_test_add_func ("/opinion-view/footnote-links", test_footnote_links);
  g_test_add_func ("/opinion-view/authorities", test_authorities);
  g_test_add_func ("/opinion-view/flash-outlived", test_flash_outlived);
  g_test_add_func ("/opinion-view/models-as-properties", test_models_as_properties);

  return g_test_run ();
}
