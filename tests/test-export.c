#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cb-brief-export.h"
#include "cb-brief-renderer.h"
#include "cb-brief.h"
#include "cb-error.h"
#include "cb-test.h"

/* What a student would check in the exported PDF, read back with poppler's tools. */

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                           "davidson-v-cannon.brief", NULL);
}

static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *argv[] = { "pdftotext", "-layout", "-f", first, "-l", last, pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (cb_test_run (NULL, NULL, argv, &out, NULL), ==, 0);
  return out;
}

static char *
pdf_info (const char *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  g_assert_cmpint (cb_test_run (NULL, NULL, argv, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

/* White space collapsed and every kind of quotation mark made one, so that a quote
 * that wraps over lines, or whose inner marks became single ones, still matches. */
static char *
normalize (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == '\'')
        c = '"';
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Where a heading stands alone on its line, or -1. */
static gssize
heading_position (const char *text,
                  const char *title)
{
  g_autofree char *escaped = g_regex_escape_string (title, -1);
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\s*$", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int start = -1;

  if (g_regex_match (regex, text, 0, &match))
    g_match_info_fetch_pos (match, 0, &start, NULL);
  return start;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cb-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_export_sample (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *brief_path = sample_path ();
  g_autoptr(GFile) brief_file = g_file_new_for_path (brief_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *expected_title = NULL;
  g_autofree char *flat_case = NULL;
  GListModel *excerpts;
  gssize last = -1;
  guint n_sections;
  const char *args[] = { "export", "--pdf", pdf, brief_path, "--paper", "letter", NULL };

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  /* Nothing but the PDF is left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  brief = cb_brief_load_file (brief_file, NULL, &error);
  g_assert_no_error (error);

  text = pdf_text (pdf, 1, 999);
  flat = normalize (text);
  flat_case = normalize (cb_brief_get_case_name (brief));
  g_assert_cmpstr (cb_brief_get_case_name (brief), ==, "Davidson v. Cannon");
  g_assert_nonnull (strstr (flat, flat_case));
  g_assert_nonnull (strstr (flat, cb_brief_get_citation (brief)));
  g_assert_nonnull (strstr (flat, cb_brief_get_student (brief)));

  /* Every heading, in template order. */
  n_sections = cb_brief_get_n_sections (brief);
  g_assert_cmpuint (n_sections, ==, 4);
  for (guint s = 0; s < n_sections; s++)
    {
      const char *heading = cb_section_get_title (cb_brief_get_section (brief, s));
      gssize at = heading_position (text, heading);

      g_test_message ("heading %s at %" G_GSSIZE_FORMAT, heading, at);
      g_assert_cmpint (at, >, last);
      last = at;
    }

  /* Every quotation, with its pin cite as the model gives it. */
  excerpts = cb_brief_get_excerpts (brief);
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 10);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      g_autofree char *quote = cb_brief_dup_quote_text (brief, cb_excerpt_get_start (excerpt),
                                                        cb_excerpt_get_end (excerpt));
      g_autofree char *flat_quote = normalize (quote);
      g_autofree char *cite = cb_brief_dup_pin_cite (brief, excerpt);

      g_assert_cmpuint (strlen (flat_quote), >, 20);
      if (strstr (flat, flat_quote) == NULL)
        g_error ("quote not in the PDF: %s", flat_quote);
      if (cite != NULL)
        {
          g_autofree char *flat_cite = normalize (cite);
          g_assert_nonnull (strstr (flat, flat_cite));
        }
    }

  /* The outline has one entry per section, pointing at the heading's page. */
  {
    const char *argv[] = { "pdftohtml", "-xml", "-i", "-q", "-stdout", pdf, NULL };
    g_autoptr(CbBriefRenderer) renderer = cb_brief_renderer_new (brief);
    g_autofree char *xml = NULL;
    CbPageGeometry geometry;

    g_assert_cmpint (cb_test_run (NULL, NULL, argv, &xml, NULL), ==, 0);
    cb_page_geometry_init_paper (&geometry, CB_PAPER_LETTER);
    cb_brief_renderer_set_geometry (renderer, &geometry);
    g_assert_cmpuint (cb_brief_renderer_paginate (renderer, NULL), ==, 2);
    for (guint s = 0; s < n_sections; s++)
      {
        g_autofree char *item =
          g_strdup_printf ("<item page=\"%d\">%s</item>",
                           cb_brief_renderer_get_heading_page (renderer, s) + 1,
                           cb_section_get_title (cb_brief_get_section (brief, s)));

        g_test_message ("%s", item);
        g_assert_nonnull (strstr (xml, item));
      }
    g_assert_nonnull (strstr (xml, "<item page=\"1\">Facts</item>"));
  }

  title = pdf_info (pdf, "Title");
  author = pdf_info (pdf, "Author");
  expected_title = g_strdup_printf ("%s — Brief", cb_brief_get_case_name (brief));
  g_assert_cmpstr (title, ==, "Davidson v. Cannon — Brief");
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (author, ==, cb_brief_get_student (brief));
  g_assert_cmpstr (author, ==, "Jordan Avery");

  cb_test_remove_tree (dir);
}

/* The Supreme Court's own style, chosen on the command line. */
static void
test_export_style (void)
{
  g_autofree char *dir = g_dir_make_tmp ("casebrief-style-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sc.pdf", NULL);
  g_autofree char *sample = sample_path ();
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "export", "--style", "supreme-court", "--pdf", pdf, sample, NULL };
  const char *bad[] = { "export", "--style", "chicago", "--pdf", pdf, sample, NULL };

  g_assert_cmpint (cb_test_run_casebrief (NULL, args, NULL, NULL), ==, 0);
  text = pdf_text (pdf, 1, 2);
  g_assert_nonnull (strstr (text, "474 U.S., at 345"));
  g_assert_null (strstr (text, "474 U.S. at 345"));
  g_unlink (pdf);

  g_assert_cmpint (cb_test_run_casebrief (NULL, bad, NULL, &err), ==, 2);
  g_assert_cmpstr (err, ==, "casebrief: export: --style must be bluebook or supreme-court\n");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_export_paper (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *a4 = g_build_filename (dir, "a4.pdf", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "default.pdf", NULL);
  g_autofree char *brief_path = sample_path ();
  g_autofree char *size = NULL;
  const char *args_a4[] = { "export", "--paper", "a4", "--pdf", a4, brief_path, NULL };
  const char *args_letter[] = { "export", "--paper", "letter", "--pdf", letter, brief_path, NULL };
  const char *args_default[] = { "export", "--pdf", plain, brief_path, NULL };
  const char *args_bad[] = { "export", "--paper", "legal", "--pdf", plain, brief_path, NULL };

  g_assert_cmpint (cb_test_run_casebrief (NULL, args_a4, NULL, NULL), ==, 0);
  g_assert_cmpint (cb_test_run_casebrief (NULL, args_letter, NULL, NULL), ==, 0);
  size = pdf_info (a4, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  g_free (size);
  size = pdf_info (letter, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  g_free (size);

  /* The tests run in the C locale, whose paper is A4. */
  g_assert_cmpstr (g_getenv ("LC_ALL"), ==, "C.UTF-8");
  g_assert_cmpint (cb_test_run_casebrief (NULL, args_default, NULL, NULL), ==, 0);
  size = pdf_info (plain, "Page size");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  g_unlink (plain);

  g_assert_cmpint (cb_test_run_casebrief (NULL, args_bad, NULL, NULL), ==, 2);
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));

  cb_test_remove_tree (dir);
}

/* In the United States the paper is Letter: the locale says so through LC_PAPER. */
static void
test_export_paper_from_locale (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *locales = g_build_filename (dir, "locales", NULL);
  g_autofree char *us_locale = g_build_filename (locales, "en_US.UTF-8", NULL);
  g_autofree char *pdf = g_build_filename (dir, "us.pdf", NULL);
  g_autofree char *brief_path = sample_path ();
  g_autofree char *size = NULL;
  g_autofree char *locpath = g_strconcat ("LOCPATH=", locales, NULL);
  const char *env[] = { locpath, "LC_ALL=en_US.UTF-8", NULL };
  const char *localedef[] = { "localedef", "-i", "en_US", "-f", "UTF-8", us_locale, NULL };
  const char *export[] = { g_getenv ("CASEBRIEF"), "export", "--pdf", pdf, brief_path, NULL };

  g_assert_cmpint (g_mkdir (locales, 0755), ==, 0);
  g_assert_cmpint (cb_test_run (NULL, NULL, localedef, NULL, NULL), ==, 0);
  g_assert_cmpint (cb_test_run (NULL, env, export, NULL, NULL), ==, 0);
  size = pdf_info (pdf, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");

  cb_test_remove_tree (dir);
}

/* The caption's date in the reader's language: its words in the translation's order,
 * the month named as the locale names it; never "janvier 21, 1986". */
static void
test_export_date_in_language (void)
{
  struct { const char *language, *locale, *caption; } languages[] = {
    { "", "C.UTF-8", "Decided January 21, 1986" },
    { "fr", "fr_FR.UTF-8", "Décision du 21 janvier 1986" },
    { "es", "es_ES.UTF-8", "Fecha de la sentencia: 21 de enero de 1986" },
  };
  g_autofree char *dir = temp_dir ();
  g_autofree char *locales = g_build_filename (dir, "locales", NULL);
  g_autofree char *locpath = g_strconcat ("LOCPATH=", locales, NULL);
  g_autofree char *brief_path = sample_path ();

  g_assert_cmpint (g_mkdir (locales, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/brief-%u.pdf", dir, i);
      g_autofree char *locale_dir = g_build_filename (locales, languages[i].locale, NULL);
      g_autofree char *input = g_strndup (languages[i].locale, strcspn (languages[i].locale, "."));
      g_autofree char *lc_all = g_strconcat ("LC_ALL=", languages[i].locale, NULL);
      g_autofree char *language = g_strconcat ("LANGUAGE=", languages[i].language, NULL);
      g_autofree char *text = NULL;
      const char *localedef[] = { "localedef", "-i", input, "-f", "UTF-8", locale_dir, NULL };
      const char *env[] = { locpath, lc_all, language, NULL };
      const char *export[] = { g_getenv ("CASEBRIEF"), "export", "--pdf", pdf, brief_path, NULL };

      if (*languages[i].language != '\0')
        g_assert_cmpint (cb_test_run (NULL, NULL, localedef, NULL, NULL), ==, 0);
      g_assert_cmpint (cb_test_run (NULL, env, export, NULL, NULL), ==, 0);
      text = pdf_text (pdf, 1, 1);
      if (strstr (text, languages[i].caption) == NULL)
        g_error ("The caption in %s does not read “%s”:\n%s", languages[i].locale, languages[i].caption, text);
    }

  cb_test_remove_tree (dir);
}

static CbBrief *
new_brief (const char * const *titles)
{
  g_autoptr(CbTemplate) template = cb_template_new ("test", "Test");
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text ("The opinion.\n", "opinion.txt",
                                                           CB_OPINION_FORMAT_TEXT);
  CbBrief *brief;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(CbTemplateSection) section = cb_template_section_new (id, titles[i], "", FALSE, 0);

      cb_template_add_section (template, section);
    }
  brief = cb_brief_new (template, opinion);
  cb_brief_set_case_name (brief, "Palsgraf v. Long Island R.R. Co.");
  cb_brief_set_student (brief, "Casey Student");
  return brief;
}

static void
add_paragraphs (CbSection  *section,
                guint       n,
                const char *text)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);

  for (guint i = 0; i < n; i++)
    {
      CbBlock *block = cb_block_new_paragraph ();

      cb_block_add_run (block, text, CB_RUN_PLAIN);
      g_ptr_array_add (blocks, block);
    }
  cb_section_set_blocks (section, blocks);
}

static void
export_in_process (CbBrief    *brief,
                   const char *pdf)
{
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  CbPageGeometry geometry;

  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);
  g_assert_true (cb_brief_export_pdf (brief, file, &geometry, NULL, &error));
  g_assert_no_error (error);
}

static const char *long_text =
  "The defendant’s guard, seeing a passenger run for the departing train, reached forward "
  "to help him aboard while another guard pushed from behind; a package wrapped in newspaper "
  "fell upon the rails and exploded, and the shock threw down scales at the other end of the "
  "platform, many feet away, which struck the plaintiff and injured her.";

static void
test_export_long (void)
{
  const char *titles[] = { "Facts", "Reasoning", NULL };
  g_autoptr(CbBrief) brief = new_brief (titles);
  g_autoptr(CbBriefRenderer) renderer = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *expected_pages = NULL;
  CbPageGeometry geometry;
  guint n_pages;

  add_paragraphs (cb_brief_get_section (brief, 0), 60, long_text);
  add_paragraphs (cb_brief_get_section (brief, 1), 40, long_text);

  renderer = cb_brief_renderer_new (brief);
  cb_page_geometry_init_paper (&geometry, CB_PAPER_A4);
  cb_brief_renderer_set_geometry (renderer, &geometry);
  n_pages = cb_brief_renderer_paginate (renderer, NULL);
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (cb_brief_renderer_get_n_pages (renderer), ==, n_pages);

  export_in_process (brief, pdf);
  pages = pdf_info (pdf, "Pages");
  expected_pages = g_strdup_printf ("%u", n_pages);
  g_assert_cmpstr (pages, ==, expected_pages);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, (int) page, (int) page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Casey Student"));
      /* The case name heads every page; on the first it is the caption. */
      g_assert_nonnull (strstr (text, "Palsgraf v. Long Island R.R. Co."));
    }

  cb_test_remove_tree (dir);
}

/* A paragraph split over two pages never leaves a single line on either. */
static void
test_no_single_lines (void)
{
  const char *titles[] = { "Facts", NULL };
  g_autoptr(CbBrief) brief = new_brief (titles);
  g_autoptr(CbBriefRenderer) renderer = cb_brief_renderer_new (brief);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  g_autoptr(GString) long_paragraph = g_string_new (NULL);
  CbSection *section = cb_brief_get_section (brief, 0);
  double line_height;
  double content_height;
  guint total_lines = 0;
  guint tested = 0;

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (long_paragraph, "%s ", long_text);

  /* Short paragraphs push a long one down one line at a time over a page break. */
  for (guint n_short = 0; n_short < 60; n_short++)
    {
      CbBlock *block;
      guint top_page, page;
      double top, bottom;

      g_ptr_array_set_size (blocks, 0);
      for (guint i = 0; i < n_short; i++)
        {
          block = cb_block_new_paragraph ();
          cb_block_add_run (block, "A line.", CB_RUN_PLAIN);
          g_ptr_array_add (blocks, block);
        }
      block = cb_block_new_paragraph ();
      cb_block_add_run (block, long_paragraph->str, CB_RUN_PLAIN);
      g_ptr_array_add (blocks, block);
      cb_section_set_blocks (section, blocks);

      cb_brief_renderer_paginate (renderer, NULL);
      line_height = cb_brief_renderer_get_body_line_height (renderer);
      content_height = cb_brief_renderer_get_content_height (renderer);
      g_assert_true (cb_brief_renderer_get_block_extents (renderer, 0, n_short, &top_page,
                                                          &top, &bottom));
      if (top_page != 0)
        break;
      page = top_page;
      if (n_short == 0)
        {
          /* Alone on the page, the paragraph shows how many lines it has. */
          g_assert_cmpuint (cb_brief_renderer_get_n_pages (renderer), ==, 1);
          total_lines = (guint) ((bottom - top) / line_height + 0.5);
          g_assert_cmpuint (total_lines, >=, 8);
          continue;
        }
      if (cb_brief_renderer_get_n_pages (renderer) == 2)
        {
          guint first_part = (guint) ((bottom - top) / line_height + 0.5);

          /* At least two lines at the foot of page 1 and two at the head of page 2. */
          g_assert_cmpint (page, ==, 0);
          g_assert_cmpuint (first_part, >=, 2);
          g_assert_cmpuint (first_part, <=, total_lines - 2);
          g_assert_cmpfloat (bottom, <=, content_height + 0.01);
          tested++;
        }
    }
  g_assert_cmpuint (tested, >, 5);
}

static void
test_heading_not_alone (void)
{
  const char *titles[] = { "Facts", "Conclusion", NULL };
  g_autoptr(CbBrief) brief = new_brief (titles);
  g_autoptr(CbBriefRenderer) renderer = cb_brief_renderer_new (brief);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "heading.pdf", NULL);
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autoptr(GString) long_paragraph = g_string_new (NULL);
  double heading_height = 0;
  double line_height, content_height, space_before;
  gboolean found = FALSE;
  guint n;

  for (guint i = 0; i < 3; i++)
    g_string_append_printf (long_paragraph, "%s ", long_text);
  add_paragraphs (cb_brief_get_section (brief, 1), 1, long_paragraph->str);

  /* Measure the heading where it stands at the top of the brief. */
  cb_brief_renderer_paginate (renderer, NULL);
  {
    double top, bottom;

    g_assert_true (cb_brief_renderer_get_heading_extents (renderer, 0, NULL, &top, &bottom));
    heading_height = bottom - top;
  }
  line_height = cb_brief_renderer_get_body_line_height (renderer);
  content_height = cb_brief_renderer_get_content_height (renderer);
  space_before = cb_brief_renderer_get_heading_space_before (renderer);
  g_assert_cmpfloat (heading_height, >, 10.0);
  g_assert_cmpfloat (line_height, >, 12.0);

  /* One-line paragraphs fill page 1 until the heading would still fit at its foot,
   * but the heading and two lines of what follows would not. */
  for (n = 1; n < 200 && !found; n++)
    {
      guint page;
      double bottom, remaining;

      add_paragraphs (cb_brief_get_section (brief, 0), n, "A short line of facts.");
      cb_brief_renderer_paginate (renderer, NULL);
      g_assert_true (cb_brief_renderer_get_block_extents (renderer, 0, n - 1, &page, NULL, &bottom));
      if (page != 0)
        break;
      remaining = content_height - bottom;
      if (remaining >= space_before + heading_height &&
          remaining < space_before + heading_height + 2 * line_height)
        found = TRUE;
    }
  g_assert_true (found);
  g_test_message ("%u paragraphs leave room for the heading alone", n - 1);

  g_assert_cmpint (cb_brief_renderer_get_block_page (renderer, 0, n - 2), ==, 0);
  g_assert_cmpint (cb_brief_renderer_get_heading_page (renderer, 1), ==, 1);
  g_assert_cmpint (cb_brief_renderer_get_block_page (renderer, 1, 0), ==, 1);

  export_in_process (brief, pdf);
  page1 = pdf_text (pdf, 1, 1);
  page2 = pdf_text (pdf, 2, 2);
  g_assert_cmpint (heading_position (page1, "Facts"), >=, 0);
  g_assert_cmpint (heading_position (page1, "Conclusion"), ==, -1);
  g_assert_cmpint (heading_position (page2, "Conclusion"), >=, 0);

  cb_test_remove_tree (dir);
}

static void
test_empty_and_orphan (void)
{
  const char *titles[] = { "Facts", "Issue", NULL };
  g_autoptr(CbBrief) brief = new_brief (titles);
  g_autoptr(CbExcerpt) orphan = cb_excerpt_new ("x1", "s0", 0, 4, "a sentence that was removed",
                                                "", "");
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "orphan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  CbExcerpt *added;
  gssize facts, issue;

  added = cb_brief_add_excerpt (brief, "s0", 0, 11);
  g_assert_nonnull (added);
  cb_brief_insert_excerpt_block (brief, cb_brief_get_section (brief, 0), added, 0);
  cb_excerpt_set_quote (added, "a sentence that was removed", "", "");
  cb_excerpt_set_status (added, CB_ANCHOR_ORPHAN);

  export_in_process (brief, pdf);
  text = pdf_text (pdf, 1, 1);
  flat = normalize (text);
  g_assert_nonnull (strstr (flat, "\"a sentence that was removed\""));
  g_assert_nonnull (strstr (flat, "[not found in opinion]"));
  /* The empty section keeps its heading. */
  facts = heading_position (text, "Facts");
  issue = heading_position (text, "Issue");
  g_assert_cmpint (facts, >=, 0);
  g_assert_cmpint (issue, >, facts);

  cb_test_remove_tree (dir);
}

/* A failed or cancelled export leaves an older file as it was, and nothing beside it. */
static void
test_export_cancelled (void)
{
  const char *titles[] = { "Facts", NULL };
  g_autoptr(CbBrief) brief = new_brief (titles);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (pdf, "the older export", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (cb_brief_export_pdf (brief, file, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autofree char *expected = g_strdup_printf ("Could not save %s: the save was cancelled", pdf);

    g_assert_cmpstr (error->message, ==, expected);
  }

  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the older export");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  cb_test_remove_tree (dir);
}

static void
test_export_failures (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *brief_path = sample_path ();
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-dir", "out.pdf", NULL);
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "out.pdf", NULL);
  g_autofree char *target_dir = g_build_filename (dir, "is-a-dir.pdf", NULL);
  g_autofree char *bad_brief = g_build_filename (dir, "bad.brief", NULL);
  g_autofree char *bad_out = g_build_filename (dir, "bad.pdf", NULL);
  const char *outputs[] = { missing_dir, under_file, target_dir, NULL };

  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_cmpint (g_mkdir (target_dir, 0755), ==, 0);

  for (guint i = 0; outputs[i] != NULL; i++)
    {
      const char *args[] = { "export", "--pdf", outputs[i], brief_path, NULL };
      g_autofree char *err = NULL;
      g_autofree char *expected_prefix = g_strdup_printf ("casebrief: Could not save %s: ", outputs[i]);

      g_assert_cmpint (cb_test_run_casebrief (NULL, args, NULL, &err), !=, 0);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, expected_prefix));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') + 1 == err + strlen (err));
    }
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (target_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (target_dir), ==, 0);
  /* No temporary file left beside the targets: just a-file and is-a-dir.pdf. */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* A brief that is not a brief. */
  {
    const char *args[] = { "export", "--pdf", bad_out, bad_brief, NULL };
    g_autofree char *err = NULL;
    g_assert_true (g_file_set_contents (bad_brief, "<brief>not quite", -1, NULL));
    g_assert_cmpint (cb_test_run_casebrief (NULL, args, NULL, &err), ==, 1);
    g_test_message ("%s", err);
    /* The loader's message names the file: "casebrief: bad.brief, line 1: …" */
    g_assert_true (g_str_has_prefix (err, "casebrief: bad.brief"));
    g_assert_true (g_str_has_suffix (err, "\n"));
    g_assert_true (strchr (err, '\n') + 1 == err + strlen (err));
    g_assert_false (g_file_test (bad_out, G_FILE_TEST_EXISTS));
  }

  /* A command line without an output. */
  {
    const char *args[] = { "export", brief_path, NULL };

    g_assert_cmpint (cb_test_run_casebrief (NULL, args, NULL, NULL), ==, 2);
  }

  cb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sample", test_export_sample);
  g_test_add_func ("/export/paper", test_export_paper);
  g_test_add_func ("/export/style", test_export_style);
  g_test_add_func ("/export/paper-from-locale", test_export_paper_from_locale);
  g_test_add_func ("/export/date-in-language", test_export_date_in_language);
  g_test_add_func ("/export/long", test_export_long);
  g_test_add_func ("/export/no-single-lines", test_no_single_lines);
  g_test_add_func ("/export/heading-not-alone", test_heading_not_alone);
  g_test_add_func ("/export/empty-and-orphan", test_empty_and_orphan);
  g_test_add_func ("/export/cancelled", test_export_cancelled);
  g_test_add_func ("/export/failures", test_export_failures);

  return g_test_run ();
}
