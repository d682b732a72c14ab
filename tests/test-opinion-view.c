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
  /* The footnote, set after the opinion, is on the page of its reference, its label too. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view));
    GtkTextIter iter;
    g_autofree char *note = NULL;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                        (int) offset_of (cb_opinion_view_get_opinion (view),
                                                         "The note, addressed to a civilian hearing officer"));
    note = cb_page_gutter_dup_label (gutter, gtk_text_iter_get_line (&iter));
    g_assert_cmpstr (note, ==, "345");
  }

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

/* The text view's tag @name ("citation", "statute", "short-citation"). */
static GtkTextTag *
view_tag (CbOpinionView *view,
          const char    *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  g_assert_nonnull (tag);
  return tag;
}

/* The iters around the @nth (from 0) occurrence of @needle in the view's text. */
static void
find_in_view (CbOpinionView *view,
              const char    *needle,
              guint          nth,
              GtkTextIter   *match_start,
              GtkTextIter   *match_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cb_opinion_view_get_text_view (view));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint i = 0; i <= nth; i++)
    {
      if (!gtk_text_iter_forward_search (&iter, needle, 0, match_start, match_end, NULL))
        g_error ("“%s” occurs fewer than %u times in the opinion", needle, nth + 1);
      iter = *match_end;
    }
}

/* Asserts that the tag @name covers exactly the @nth occurrence of @needle: every
 * character of it, and neither neighbour. */
static void
assert_styled_exactly (CbOpinionView *view,
                       const char    *needle,
                       guint          nth,
                       const char    *name)
{
  GtkTextTag *tag = view_tag (view, name);
  GtkTextIter start, end, iter;

  find_in_view (view, needle, nth, &start, &end);
  if (!gtk_text_iter_starts_tag (&start, tag))
    g_error ("“%s” does not start the style %s", needle, name);
  iter = start;
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  if (!gtk_text_iter_equal (&iter, &end))
    {
      g_autofree char *covered = gtk_text_iter_get_text (&start, &iter);

      g_error ("the style %s covers “%s”, expected “%s”", name, covered, needle);
    }
}

/* Asserts that no citation style touches any character of @needle. */
static void
assert_not_styled (CbOpinionView *view,
                   const char    *needle,
                   guint          nth)
{
  const char *names[] = { "citation", "statute", "short-citation" };
  GtkTextIter start, end;

  find_in_view (view, needle, nth, &start, &end);
  for (GtkTextIter iter = start; !gtk_text_iter_equal (&iter, &end); gtk_text_iter_forward_char (&iter))
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (gtk_text_iter_has_tag (&iter, view_tag (view, names[i])))
        g_error ("“%s” is styled as %s at offset %d", needle, names[i],
                 gtk_text_iter_get_offset (&iter) - gtk_text_iter_get_offset (&start));
}

/* Citations are styled where the opinion's analysis found them: a Nebraska reporter
 * and a public-domain citation as well as the United States Reports, each whole with
 * its pin; dates, docket numbers, money and star pages are not citations. */
static void
test_citations_styled (void)
{
  CbWindow *window = cb_test_open_window ("tests/fixtures/opinions/cap-casebody.xml");
  CbOpinionView *view = cb_window_get_opinion_view (window);

  assert_styled_exactly (view, "288 Neb. 512", 0, "citation");
  assert_styled_exactly (view, "849 N.W.2d 301", 0, "citation");
  assert_styled_exactly (view, "2003-Ohio-5372, ¶ 8", 0, "citation");
  assert_styled_exactly (view, "100 Ohio St.3d 152", 0, "citation");
  assert_styled_exactly (view, "496 U.S. 128, 136", 0, "citation");
  assert_not_styled (view, "No. S-13-0442.", 0);
  assert_not_styled (view, "Filed July 18, 2014.", 0);
  assert_not_styled (view, "taillight **302 and", 0);
  assert_not_styled (view, "[2] Inadvertence", 0);
  cb_test_destroy_window (window);

  window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  view = cb_window_get_opinion_view (window);
  assert_styled_exactly (view, "451 U.S. 527, 536–537", 0, "citation");
  assert_styled_exactly (view, "101 S.Ct. 1908, 1913–14", 0, "citation");
  assert_styled_exactly (view, "68 L.Ed.2d 420", 0, "citation");
  assert_styled_exactly (view, "752 F.2d 817", 0, "citation");
  assert_styled_exactly (view, "481 F.2d 1028", 0, "citation");
  assert_styled_exactly (view, "42 U.S.C. § 1983", 0, "statute");
  assert_styled_exactly (view, "N.J.Stat.Ann. § 59:5–2(b)(4)", 0, "statute");
  assert_styled_exactly (view, "752 F.2d, at 826", 0, "short-citation");
  assert_styled_exactly (view, "106 S.Ct., at 665–666", 0, "short-citation");
  assert_styled_exactly (view, "Daniels, at 331–333", 0, "short-citation");
  assert_styled_exactly (view, "Ibid.", 0, "short-citation");
  assert_styled_exactly (view, "Id., at 829", 0, "short-citation");
  /* Dates, money and times hold numbers but cite nothing. */
  assert_not_styled (view, "December 19, 1980", 0);
  assert_not_styled (view, "$2,000", 0);
  assert_not_styled (view, "2 p.m. on December 19", 0);
  assert_not_styled (view, "(1982)", 0);
  assert_not_styled (view, "law provides that", 0);
  cb_test_destroy_window (window);
}

/* Every form the scanner knows is shown as a citation: reporters of every series,
 * neutral and database citations with their pins, a roman page, a lettered page, a
 * California citation in brackets; nothing that merely holds numbers is. */
static void
test_citation_forms_styled (void)
{
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text (
    "See Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705, 35 L. Ed. 2d 147 (1973); Doe v. Roe, 100 F. Supp. 2d 200 "
    "(D.N.J. 2000); Poe v. Moe, 12 F.4th 34 (2d Cir. 2021).\n\n"
    "5 F.3d 6; 7 A.2d 8; 9 A.3d 10; 11 N.E.2d 12; 13 P.2d 14; 15 P.3d 16; 17 So.2d 18; 19 S.W.2d 20; "
    "21 N.W.2d 22; 23 Cal.Rptr. 24; 25 Cal. Rptr. 3d 26.\n\n"
    "See State v. Burnside, 2012-Ohio-4567, ¶ 12; State v. Ortiz, 2015-NMSC-011; People v. Boykin, 2019 IL App "
    "(2d) 180123-U; Garcia v. Acme, 2014 WL 1234567, at *3 (S.D.N.Y. 2014); Acme v. Widget, 2013 U.S. Dist. "
    "LEXIS 98765. In 2012-2013 and 1999 they rose.\n\n"
    "A tribute in 5 Neb. App. xxii says so; Kelly v. Kelly, 1995 Conn. Super. Ct. 1234-B (Conn. Super. Ct. "
    "1995); People v. Souza (1994) 9 Cal.4th 224, 231 [36 Cal.Rptr.2d 569]; 28 C.F.R. § 0.1 applied.\n\n"
    "He paid 3 U.S. dollars on 4 May 2000, in 5 P.M. traffic, at 3*4 per hour.\n",
    "forms.txt", CB_OPINION_FORMAT_TEXT);
  GtkWidget *window = gtk_window_new ();
  CbOpinionView *view = g_object_new (CB_TYPE_OPINION_VIEW, "opinion", opinion, NULL);
  const char *citations[] = {
    "410 U.S. 113", "93 S. Ct. 705", "35 L. Ed. 2d 147", "100 F. Supp. 2d 200", "12 F.4th 34",
    "5 F.3d 6", "7 A.2d 8", "9 A.3d 10", "11 N.E.2d 12", "13 P.2d 14", "15 P.3d 16", "17 So.2d 18",
    "19 S.W.2d 20", "21 N.W.2d 22", "23 Cal.Rptr. 24", "25 Cal. Rptr. 3d 26",
    "2012-Ohio-4567, ¶ 12", "2015-NMSC-011", "2019 IL App (2d) 180123-U", "2014 WL 1234567, at *3",
    "2013 U.S. Dist. LEXIS 98765", "5 Neb. App. xxii", "1995 Conn. Super. Ct. 1234-B", "9 Cal.4th 224, 231",
    "36 Cal.Rptr.2d 569",
  };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  for (guint i = 0; i < G_N_ELEMENTS (citations); i++)
    assert_styled_exactly (view, citations[i], 0, "citation");
  assert_styled_exactly (view, "28 C.F.R. § 0.1", 0, "statute");
  assert_not_styled (view, "In 2012-2013 and 1999 they rose.", 0);
  assert_not_styled (view, "He paid 3 U.S. dollars on 4 May 2000, in 5 P.M. traffic, at 3*4 per hour.", 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The citation styles are the scheme's: an underline in the link colour, light or
 * dark, and never a text colour (GTK 4.8's accessible text crashes reading one). */
static void
test_citation_style (void)
{
  CbWindow *window = cb_test_open_window ("data/opinions/davidson-v-cannon.txt");
  CbOpinionView *view = cb_window_get_opinion_view (window);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *names[] = { "citation", "statute", "short-citation" };
  g_autoptr(GdkRGBA) light = NULL;
  g_autoptr(GdkRGBA) dark = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkTextTag *tag = view_tag (view, names[i]);
      gboolean foreground_set, underline_set, color_set;
      PangoUnderline underline;

      g_object_get (tag, "foreground-set", &foreground_set, "underline-set", &underline_set,
                    "underline", &underline, "underline-rgba-set", &color_set, NULL);
      g_assert_false (foreground_set);
      g_assert_true (underline_set);
      g_assert_cmpint (underline, ==, PANGO_UNDERLINE_SINGLE);
      g_assert_true (color_set);
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_get (view_tag (view, "citation"), "underline-rgba", &light, NULL);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_object_get (view_tag (view, "citation"), "underline-rgba", &dark, NULL);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  /* The light scheme's blue_4, the dark one's blue_accent. */
  g_assert_cmpfloat_with_epsilon (light->red, 0x1c / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (light->green, 0x71 / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (light->blue, 0xd8 / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (dark->red, 0x78 / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (dark->green, 0xae / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (dark->blue, 0xed / 255.0, 0.002);

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
  g_test_add_func ("/opinion-view/citations-styled", test_citations_styled);
  g_test_add_func ("/opinion-view/citation-forms-styled", test_citation_forms_styled);
  g_test_add_func ("/opinion-view/citation-style", test_citation_style);
  g_test_add_func ("/opinion-view/flash-outlived", test_flash_outlived);
  g_test_add_func ("/opinion-view/models-as-properties", test_models_as_properties);

  return g_test_run ();
}
