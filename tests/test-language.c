#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

#include "cb-source-data.h"
#include "cb-test.h"

#define SAMPLE_RESOURCE RESOURCE_PREFIX "/opinions/davidson-v-cannon.txt"

static GtkSourceBuffer *
highlighted (const char *text,
             gssize      length)
{
  GtkSourceLanguage *language;
  GtkSourceBuffer *buffer;
  GtkTextIter start, end;

  cb_source_data_ensure ();
  language = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                       CB_SOURCE_LANGUAGE_ID);
  g_assert_nonnull (language);

  buffer = gtk_source_buffer_new_with_language (language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, (int) length);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_source_buffer_ensure_highlight (buffer, &start, &end);
  return buffer;
}

static GtkSourceBuffer *
highlighted_sample (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *text;

  g_assert_nonnull (bytes);
  text = g_bytes_get_data (bytes, &length);
  return highlighted (text, (gssize) length);
}

/* The iters around the @nth (from 0) occurrence of @needle in @buffer. */
static void
find_text (GtkSourceBuffer *buffer,
           const char      *needle,
           guint            nth,
           GtkTextIter     *match_start,
           GtkTextIter     *match_end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &iter);
  for (guint i = 0; i <= nth; i++)
    {
      gboolean found = gtk_text_iter_forward_search (&iter, needle, 0, match_start, match_end, NULL);

      if (!found)
        g_error ("“%s” occurs fewer than %u times in the sample", needle, nth + 1);
      iter = *match_end;
    }
}

/* Asserts that @class covers exactly the @nth occurrence of @needle: every
 * character of it, and neither neighbour. */
static void
assert_class_exactly (GtkSourceBuffer *buffer,
                      const char      *needle,
                      guint            nth,
                      const char      *class)
{
  GtkTextIter start, end, iter;

  find_text (buffer, needle, nth, &start, &end);

  if (!gtk_source_buffer_iter_has_context_class (buffer, &start, class))
    g_error ("“%s” does not start with context class %s", needle, class);

  iter = start;
  gtk_source_buffer_iter_forward_to_context_class_toggle (buffer, &iter, class);
  if (!gtk_text_iter_equal (&iter, &end))
    {
      GtkTextIter from = start;
      g_autofree char *covered = gtk_text_iter_get_text (&from, &iter);

      g_error ("context class %s covers “%s”, expected “%s”", class, covered, needle);
    }

  iter = start;
  if (gtk_text_iter_backward_char (&iter) &&
      gtk_source_buffer_iter_has_context_class (buffer, &iter, class))
    g_error ("context class %s starts before “%s”", class, needle);
}

static void
assert_class_nowhere_in (GtkSourceBuffer *buffer,
                         const char      *needle,
                         guint            nth,
                         const char      *class)
{
  GtkTextIter start, end;

  find_text (buffer, needle, nth, &start, &end);
  for (GtkTextIter iter = start; !gtk_text_iter_equal (&iter, &end); gtk_text_iter_forward_char (&iter))
    if (gtk_source_buffer_iter_has_context_class (buffer, &iter, class))
      g_error ("context class %s is on “%s” at offset %d",
               class, needle, gtk_text_iter_get_line_offset (&iter) - gtk_text_iter_get_line_offset (&start));
}

static void
test_language_loads_from_resource (void)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *language;
  const char *dir;

  cb_source_data_ensure ();

  /* The package data of this very build, or else the bundle written to the cache. */
  dir = cb_source_data_get_dir ();
  g_assert_nonnull (dir);
  if (g_strcmp0 (dir, PKGDATADIR) != 0)
    {
      g_autofree char *cached = g_build_filename (g_get_user_cache_dir (), "casebrief",
                                                  "sourceview-" PACKAGE_VERSION, NULL);

      g_assert_cmpstr (dir, ==, cached);
    }

  /* Whichever directory was chosen holds exactly what the binary bundles. */
  for (guint i = 0; i < 3; i++)
    {
      const char *files[] = {
        "language-specs/casebrief-opinion.lang",
        "styles/casebrief-light.xml",
        "styles/casebrief-dark.xml",
      };
      g_autofree char *resource = g_build_path ("/", RESOURCE_PREFIX, files[i], NULL);
      g_autofree char *filename = g_build_filename (dir, files[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_nonnull (bytes);
      g_assert_true (g_file_get_contents (filename, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  language = gtk_source_language_manager_get_language (manager, CB_SOURCE_LANGUAGE_ID);
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "casebrief-opinion");
  g_assert_cmpstr (gtk_source_language_get_name (language), ==, "Court Opinion");
  g_assert_cmpstr (gtk_source_language_get_style_name (language, "casebrief-opinion:star-page"), ==, "Star page");
  g_assert_cmpstr (gtk_source_language_get_style_fallback (language, "casebrief-opinion:citation"), ==, "def:net-address");

  /* Calling it again changes nothing. */
  cb_source_data_ensure ();
  g_assert_cmpstr (cb_source_data_get_dir (), ==, dir);
}

static void
test_language_prefers_datadir_env (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *data = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", NULL);

      g_setenv ("CASEBRIEF_DATADIR", data, TRUE);
      cb_source_data_ensure ();
      g_assert_cmpstr (cb_source_data_get_dir (), ==, data);
      g_assert_nonnull (gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                  CB_SOURCE_LANGUAGE_ID));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_language_star_pages (void)
{
  g_autoptr(GtkSourceBuffer) buffer = highlighted_sample ();

  assert_class_exactly (buffer, "*346", 0, "star-page");
  assert_class_exactly (buffer, "*347", 0, "star-page");
  assert_class_exactly (buffer, "**670", 0, "star-page");
  assert_class_exactly (buffer, "**671", 0, "star-page");
  assert_class_nowhere_in (buffer, "**670", 0, "footnote-marker");

  /* A footnote star hung on a word is not a page. */
  assert_class_exactly (buffer, "*", 0, "footnote-marker");
  assert_class_nowhere_in (buffer, "Sergeant.* Cannon", 0, "star-page");
  assert_class_nowhere_in (buffer, "Sergeant.", 0, "footnote-marker");
}

static void
test_language_headnotes (void)
{
  g_autoptr(GtkSourceBuffer) buffer = highlighted_sample ();

  assert_class_exactly (buffer, "[1] [2] [3]", 0, "headnote");
  assert_class_exactly (buffer, "[4]", 0, "headnote");
  /* Brackets inside a quotation are the court's alterations, not headnotes. */
  assert_class_nowhere_in (buffer, "[respondents]", 0, "headnote");
  assert_class_nowhere_in (buffer, "[n]either", 0, "headnote");
}

/* The language finds no citations: the opinion view styles the ones the opinion's
 * analysis found (test-opinion-view), so a reporter a list here lacked ("288 Neb.
 * 512") is no less a citation than "451 U.S. 527". */
static void
test_language_no_citations (void)
{
  g_autoptr(GtkSourceBuffer) buffer = highlighted_sample ();
  const char *classes[] = { "citation", "statute", "short-citation" };
  GtkTextIter iter;

  for (gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
      if (gtk_source_buffer_iter_has_context_class (buffer, &iter, classes[i]))
        g_error ("context class %s at offset %d", classes[i], gtk_text_iter_get_offset (&iter));
}

/* Markers and case names the sample opinion does not use. */
static void
test_language_other_markers (void)
{
  const char *text =
    "See Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705, 35 L. Ed. 2d 147 (1973); "
    "Doe v. Roe, 100 F. Supp. 2d 200 (D.N.J. 2000); 12 F.4th 34; 5 F.3d 6; "
    "7 A.2d 8; 9 A.3d 10; 11 N.E.2d 12; 13 P.2d 14; 15 P.3d 16; 17 So.2d 18; "
    "19 S.W.2d 20; 21 N.W.2d 22; 23 Cal.Rptr. 24; 25 Cal. Rptr. 3d 26.\n"
    "The officer said *12 nothing, and ***12 later *** 12 times 3*4 was said.\n"
    "The trial court agreed.† The appeal followed.‡ Costs were taxed.² Later, "
    "28 C.F.R. § 0.1 and §§ 1981–1983 applied.\n"
    "*  The asterisked note at the foot of the opinion.\n"
    "He paid 3 U.S. dollars on 4 May 2000, in 5 P.M. traffic.\n";
  g_autoptr(GtkSourceBuffer) buffer = highlighted (text, -1);

  assert_class_exactly (buffer, "Roe v. Wade", 0, "case-name");
  assert_class_exactly (buffer, "Doe v. Roe", 0, "case-name");

  assert_class_exactly (buffer, "*12", 0, "star-page");
  assert_class_exactly (buffer, "***12", 0, "star-page");
  assert_class_nowhere_in (buffer, "*** 12 times 3*4", 0, "star-page");

  assert_class_exactly (buffer, "†", 0, "footnote-marker");
  assert_class_exactly (buffer, "‡", 0, "footnote-marker");
  assert_class_exactly (buffer, "²", 0, "footnote-marker");
  assert_class_exactly (buffer, "*", 8, "footnote-marker");  /* the note's own mark */
  assert_class_nowhere_in (buffer, "3*4", 0, "footnote-marker");
}

/* A star page that splits a word, as CourtListener's HTML leaves it, and the star pins
 * of database citations, which are no pages. */
static void
test_language_glued_marker_and_star_pins (void)
{
  const char *text =
    "A divided in*102 formation word, and 3*4 is no page.\n"
    "See 2012-Ohio-4567, ¶ 12; 2015-NMSC-011; 2019 IL App (2d) 180123-U; 2014 WL 1234567, at *3 "
    "(S.D.N.Y. 2014); 2013 U.S. Dist. LEXIS 98765. Id. at *4. In 2012-2013 and 1999 they rose.\n"
    "The court looked at *77 the record.\n";
  g_autoptr(GtkSourceBuffer) buffer = highlighted (text, -1);

  assert_class_exactly (buffer, "*102", 0, "star-page");
  assert_class_nowhere_in (buffer, "3*4", 0, "star-page");
  /* A database's star pins are no pages of the opinion; a page break after "at" is. */
  assert_class_nowhere_in (buffer, "at *3 (S.D.N.Y. 2014)", 0, "star-page");
  assert_class_nowhere_in (buffer, "Id. at *4.", 0, "star-page");
  assert_class_exactly (buffer, "*77", 0, "star-page");
}

static void
test_language_case_names_and_quotations (void)
{
  g_autoptr(GtkSourceBuffer) buffer = highlighted_sample ();

  assert_class_exactly (buffer, "Parratt v. Taylor", 0, "case-name");
  assert_class_exactly (buffer, "Ingraham v. Wright", 0, "case-name");
  assert_class_exactly (buffer, "Daniels v. Williams", 0, "case-name");
  assert_class_exactly (buffer, "Smith v. Curtis", 0, "case-name");
  /* "In Daniels, we held" names a case but is no caption. */
  assert_class_nowhere_in (buffer, "In Daniels, we held", 0, "case-name");
  assert_class_nowhere_in (buffer, "Parratt does not so hold", 0, "case-name");

  assert_class_exactly (buffer, "“Parratt does not so hold.”", 0, "quotation");
  assert_class_nowhere_in (buffer, " App. 89.", 0, "quotation");
}

static gboolean
style_sets (GtkSourceStyleScheme *scheme,
            const char           *style_id,
            const char           *property)
{
  GtkSourceStyle *style = gtk_source_style_scheme_get_style (scheme, style_id);
  g_autofree char *set_property = g_strconcat (property, "-set", NULL);
  gboolean set = FALSE;

  if (style == NULL)
    g_error ("scheme %s has no style %s", gtk_source_style_scheme_get_id (scheme), style_id);
  g_object_get (style, set_property, &set, NULL);
  return set;
}

static void
assert_style_has (GtkSourceStyleScheme *scheme,
                  const char           *style_id,
                  const char           *property)
{
  if (!style_sets (scheme, style_id, property))
    g_error ("style %s of scheme %s sets no %s",
             style_id, gtk_source_style_scheme_get_id (scheme), property);
}

/* GTK 4.8's accessible text cannot read a tag's foreground back and crashes when a
 * screen reader asks for the attributes of text that has one: no style of the
 * opinion's sets the text's colour. */
static void
assert_no_ink (GtkSourceStyleScheme *scheme,
               const char           *style_id)
{
  if (style_sets (scheme, style_id, "foreground"))
    g_error ("style %s of scheme %s sets the text's colour",
             style_id, gtk_source_style_scheme_get_id (scheme));
}

static void
test_language_schemes (void)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char *ids[] = { CB_SOURCE_SCHEME_ID, CB_SOURCE_SCHEME_DARK_ID };
  /* Every style the opinion's text and its search matches take. */
  const char *opinion_styles[] = {
    "casebrief-opinion:star-page", "casebrief-opinion:headnote", "casebrief-opinion:footnote-marker",
    "casebrief-opinion:citation", "casebrief-opinion:statute", "casebrief-opinion:short-citation",
    "casebrief-opinion:case-name", "casebrief-opinion:quotation", "search-match", "bracket-match",
  };

  cb_source_data_ensure ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);
      GtkSourceStyle *text;

      g_assert_nonnull (scheme);
      g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, ids[i]);

      assert_style_has (scheme, "casebrief-opinion:star-page", "background");
      assert_style_has (scheme, "casebrief-opinion:star-page", "bold");
      assert_style_has (scheme, "casebrief-opinion:citation", "underline-color");
      assert_style_has (scheme, "casebrief-opinion:statute", "underline-color");
      assert_style_has (scheme, "casebrief-opinion:short-citation", "underline-color");
      assert_style_has (scheme, "casebrief-opinion:headnote", "scale");
      assert_style_has (scheme, "casebrief-opinion:footnote-marker", "underline-color");
      assert_style_has (scheme, "casebrief-opinion:case-name", "italic");
      assert_style_has (scheme, "casebrief-opinion:quotation", "background");
      for (guint j = 0; j < G_N_ELEMENTS (opinion_styles); j++)
        assert_no_ink (scheme, opinion_styles[j]);

      /* The page text itself comes from Adwaita, so the pane matches the app. */
      text = gtk_source_style_scheme_get_style (scheme, "text");
      g_assert_nonnull (text);
    }

  g_assert_cmpstr (gtk_source_style_scheme_get_metadata (gtk_source_style_scheme_manager_get_scheme (manager, CB_SOURCE_SCHEME_ID),
                                                         "dark-variant"), ==, CB_SOURCE_SCHEME_DARK_ID);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache_dir = g_dir_make_tmp ("casebrief-test-language-XXXXXX", NULL);
  int status;

  /* The extracted data must land in a cache of the test's own, never the user's. */
  g_assert_nonnull (cache_dir);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  g_unsetenv ("CASEBRIEF_DATADIR");

  gtk_test_init (&argc, &argv, NULL);
  gtk_source_init ();

  g_test_add_func ("/language/loads-from-resource", test_language_loads_from_resource);
  g_test_add_func ("/language/prefers-datadir-env", test_language_prefers_datadir_env);
  g_test_add_func ("/language/star-pages", test_language_star_pages);
  g_test_add_func ("/language/headnotes", test_language_headnotes);
  g_test_add_func ("/language/no-citations", test_language_no_citations);
  g_test_add_func ("/language/other-markers", test_language_other_markers);
  g_test_add_func ("/language/glued-marker-and-star-pins", test_language_glued_marker_and_star_pins);
  g_test_add_func ("/language/case-names-and-quotations", test_language_case_names_and_quotations);
  g_test_add_func ("/language/schemes", test_language_schemes);

  status = g_test_run ();
  cb_test_remove_tree (cache_dir);
  return status;
}
