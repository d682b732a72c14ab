#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-error.h"
#include "cb-template-store.h"
#include "cb-test.h"

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples", "davidson-v-cannon.brief", NULL);
}

static char *
sample_text (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static CbBrief *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return cb_brief_load_bytes (bytes, "test.brief", error);
}

/* Replaces the only occurrence of @old in @text. */
static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *hit = strstr (text, old);

  g_assert_nonnull (hit);
  g_assert_null (strstr (hit + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (hit - text), text, new, hit + strlen (old));
}

static int
line_of (const char *text,
         const char *needle)
{
  const char *hit = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (hit);
  for (const char *p = text; p < hit; p++)
    line += *p == '\n';
  return line;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static void
assert_same_model (CbBrief *a,
                   CbBrief *b)
{
  GListModel *ea = cb_brief_get_excerpts (a);
  GListModel *eb = cb_brief_get_excerpts (b);

  g_assert_cmpstr (cb_brief_get_case_name (a), ==, cb_brief_get_case_name (b));
  g_assert_cmpstr (cb_brief_get_citation (a), ==, cb_brief_get_citation (b));
  g_assert_cmpstr (cb_brief_get_student (a), ==, cb_brief_get_student (b));
  g_assert_cmpstr (cb_brief_get_modified (a), ==, cb_brief_get_modified (b));
  g_assert_cmpstr (cb_brief_get_template_id (a), ==, cb_brief_get_template_id (b));
  g_assert_cmpstr (cb_opinion_get_text (cb_brief_get_opinion (a)), ==,
                   cb_opinion_get_text (cb_brief_get_opinion (b)));
  g_assert_cmpuint (cb_brief_get_n_sections (a), ==, cb_brief_get_n_sections (b));
  for (guint i = 0; i < cb_brief_get_n_sections (a); i++)
    {
      CbSection *sa = cb_brief_get_section (a, i);
      CbSection *sb = cb_brief_get_section (b, i);

      g_assert_cmpstr (cb_section_get_id (sa), ==, cb_section_get_id (sb));
      g_assert_cmpstr (cb_section_get_prompt (sa), ==, cb_section_get_prompt (sb));
      g_assert_cmpuint (cb_section_get_word_limit (sa), ==, cb_section_get_word_limit (sb));
      g_assert_cmpuint (cb_section_get_n_blocks (sa), ==, cb_section_get_n_blocks (sb));
      for (guint j = 0; j < cb_section_get_n_blocks (sa); j++)
        g_assert_true (cb_block_equal (cb_section_get_block (sa, j), cb_section_get_block (sb, j)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (ea), ==, g_list_model_get_n_items (eb));
  for (guint i = 0; i < g_list_model_get_n_items (ea); i++)
    {
      g_autoptr(CbExcerpt) xa = g_list_model_get_item (ea, i);
      g_autoptr(CbExcerpt) xb = g_list_model_get_item (eb, i);

      g_assert_cmpstr (cb_excerpt_get_id (xa), ==, cb_excerpt_get_id (xb));
      g_assert_cmpstr (cb_excerpt_get_section_id (xa), ==, cb_excerpt_get_section_id (xb));
      g_assert_cmpuint (cb_excerpt_get_start (xa), ==, cb_excerpt_get_start (xb));
      g_assert_cmpuint (cb_excerpt_get_end (xa), ==, cb_excerpt_get_end (xb));
      g_assert_cmpstr (cb_excerpt_get_quote (xa), ==, cb_excerpt_get_quote (xb));
      g_assert_cmpstr (cb_excerpt_get_prefix (xa), ==, cb_excerpt_get_prefix (xb));
      g_assert_cmpstr (cb_excerpt_get_suffix (xa), ==, cb_excerpt_get_suffix (xb));
      g_assert_cmpstr (cb_excerpt_get_note (xa), ==, cb_excerpt_get_note (xb));
      g_assert_cmpint (cb_excerpt_get_status (xa), ==, cb_excerpt_get_status (xb));
    }
}

static void
test_load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);
  GListModel *excerpts;
  CbSection *facts;
  const CbBlock *block;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_case_name (brief), ==, "Davidson v. Cannon");
  g_assert_cmpstr (cb_brief_get_citation (brief), ==, "474 U.S. 344 (1986)");
  g_assert_cmpstr (cb_brief_get_date_decided (brief), ==, "1986-01-21");
  g_assert_cmpstr (cb_brief_get_template_id (brief), ==, "default");
  g_assert_false (cb_brief_get_opinion_checksum_mismatch (brief));
  g_assert_cmpstr (cb_opinion_get_source_name (cb_brief_get_opinion (brief)), ==, "davidson-v-cannon.txt");

  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 4);
  facts = cb_brief_get_section (brief, 0);
  g_assert_cmpstr (cb_section_get_title (facts), ==, "Facts");
  g_assert_true (cb_section_get_required (facts));
  g_assert_cmpuint (cb_section_get_word_limit (facts), ==, 200);
  g_assert_cmpuint (cb_section_get_n_blocks (facts), ==, 6);
  block = cb_section_get_block (facts, 1);
  g_assert_cmpint (block->kind, ==, CB_BLOCK_EXCERPT);
  g_assert_cmpstr (block->excerpt_id, ==, "x00000001");

  /* Emphasis survives: the case names in Reasoning are italic. */
  block = cb_section_get_block (cb_brief_lookup_section (brief, "reasoning"), 0);
  g_assert_cmpuint (block->runs->len, ==, 5);
  g_assert_cmpstr (((CbRun *) block->runs->pdata[1])->text, ==, "Daniels v. Williams");
  g_assert_cmpint (((CbRun *) block->runs->pdata[1])->flags, ==, CB_RUN_ITALIC);

  /* Every excerpt sits on its quote in the opinion text. */
  excerpts = cb_brief_get_excerpts (brief);
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 10);
  text = cb_opinion_get_text (cb_brief_get_opinion (brief));
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      g_autofree char *at = g_utf8_substring (text, cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt));

      g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_OK);
      g_assert_cmpstr (at, ==, cb_excerpt_get_quote (excerpt));
    }
  g_assert_cmpstr (cb_excerpt_get_note (cb_brief_lookup_excerpt (brief, "x00000001")), ==,
                   "The whole case turns on this: an oversight, not a choice.");
}

static void
test_round_trip (void)
{
  g_autofree char *original = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) first = load_string (original, &error);
  g_autoptr(CbBrief) second = NULL;
  g_autoptr(GBytes) bytes1 = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autofree char *text1 = NULL;

  g_assert_no_error (error);
  bytes1 = cb_brief_to_bytes (first);
  text1 = bytes_to_string (bytes1);
  /* The sample was written by this writer, so it comes back byte for byte. */
  g_assert_cmpstr (text1, ==, original);

  second = cb_brief_load_bytes (bytes1, "again.brief", &error);
  g_assert_no_error (error);
  assert_same_model (first, second);
  bytes2 = cb_brief_to_bytes (second);
  g_assert_true (g_bytes_equal (bytes1, bytes2));
}

static void
test_round_trip_file (void)
{
  g_autofree char *original = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (original, &error);
  g_autoptr(CbBrief) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-brief-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  cb_brief_set_student (brief, "Ana <Ruiz> & “Co.”\nsecond line");
  g_assert_true (cb_brief_save_file (brief, file, NULL, &error));
  g_assert_no_error (error);
  again = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_student (again), ==, "Ana <Ruiz> & “Co.”\nsecond line");
  assert_same_model (brief, again);

  g_file_get_contents (path, &saved, NULL, NULL);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_opinion_text_preserved_exactly (void)
{
  g_autoptr(CbOpinion) opinion =
    cb_opinion_new_from_text ("  Leading spaces, <markup> & “quotes”\n\n\n\tTabbed line ]]> end\n",
                              "odd.txt", CB_OPINION_FORMAT_TEXT);
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  g_autoptr(GBytes) bytes = cb_brief_to_bytes (brief);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) again = cb_brief_load_bytes (bytes, "odd.brief", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cb_opinion_get_text (cb_brief_get_opinion (again)), ==, cb_opinion_get_text (opinion));
  g_assert_false (cb_brief_get_opinion_checksum_mismatch (again));
}

/* Whatever a student types comes back exactly: white space, markup characters,
 * emphasis changes mid-word, empty paragraphs, line breaks inside a paragraph. */
static void
test_round_trip_tricky_text (void)
{
  static const char * const texts[] = {
    "  leading and trailing  ",
    "<p>not markup</p> & &amp; ]]> \"quoted\" 'single'",
    "line one\nline two\n\n",
    "tab\there",
    "§ 1983 — “curly” ‘quotes’ … é ß 中文 🙂",
    " ",
  };
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text ("An opinion.", "o.txt", CB_OPINION_FORMAT_TEXT);
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GError) error = NULL;
  CbExcerpt *excerpt;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CbBlock *block = cb_block_new_paragraph ();

      cb_block_add_run (block, texts[i], CB_RUN_PLAIN);
      cb_block_add_run (block, texts[i], CB_RUN_ITALIC);
      cb_block_add_run (block, texts[i], CB_RUN_BOLD);
      cb_block_add_run (block, texts[i], CB_RUN_ITALIC | CB_RUN_BOLD);
      cb_block_add_run (block, "x", CB_RUN_PLAIN);
      g_ptr_array_add (blocks, block);
      g_ptr_array_add (blocks, cb_block_new_paragraph ());
    }
  cb_section_set_blocks (cb_brief_get_section (brief, 2), blocks);
  /* Quoted in its section, as the editor quotes it. */
  excerpt = cb_brief_add_excerpt (brief, "issue", 3, 10);
  cb_brief_insert_excerpt_block (brief, cb_brief_lookup_section (brief, "issue"), excerpt, 0);
  cb_excerpt_set_note (excerpt, texts[1]);
  cb_brief_set_course (brief, texts[4]);
  cb_brief_set_assignment_instructions (brief, texts[2]);
  cb_brief_set_due_date (brief, "2026-10-01");
  cb_brief_set_locked (brief, TRUE);

  bytes = cb_brief_to_bytes (brief);
  again = cb_brief_load_bytes (bytes, "tricky.brief", &error);
  g_assert_no_error (error);
  assert_same_model (brief, again);
  g_assert_cmpstr (cb_brief_get_course (again), ==, texts[4]);
  g_assert_cmpstr (cb_brief_get_assignment_instructions (again), ==, texts[2]);
  g_assert_cmpstr (cb_brief_get_due_date (again), ==, "2026-10-01");
  g_assert_true (cb_brief_get_locked (again));
  g_assert_cmpstr (cb_excerpt_get_note (cb_brief_lookup_excerpt (again, "x00000001")), ==, texts[1]);
  g_assert_cmpuint (cb_section_get_n_blocks (cb_brief_get_section (again, 2)), ==, 2 * G_N_ELEMENTS (texts));
  bytes2 = cb_brief_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

static void
test_unwritable_characters_dropped (void)
{
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text ("An opinion.", "o.txt", CB_OPINION_FORMAT_TEXT);
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GError) error = NULL;

  /* XML 1.0 cannot hold these at all; the rest of the text is kept and the file reads. */
  cb_brief_set_student (brief, "Ana\x01\x0b Ruiz\xef\xbf\xbf!");
  bytes = cb_brief_to_bytes (brief);
  again = cb_brief_load_bytes (bytes, "odd.brief", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_student (again), ==, "Ana Ruiz!");
}

static void
test_reanchor_moved (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, ">Petitioner sued prison officials",
                                          ">SYLLABUS BY THE REPORTER.\nPetitioner sued prison officials");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) before = load_string (original, &error);
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  CbExcerpt *old, *moved;
  g_autofree char *at = NULL;

  g_assert_no_error (error);
  /* The text was edited by hand: the checksum no longer matches, the text is kept. */
  g_assert_true (cb_brief_get_opinion_checksum_mismatch (brief));
  old = cb_brief_lookup_excerpt (before, "x00000001");
  moved = cb_brief_lookup_excerpt (brief, "x00000001");
  g_assert_cmpint (cb_excerpt_get_status (moved), ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (cb_excerpt_get_start (moved), ==, cb_excerpt_get_start (old) + 26);
  g_assert_cmpuint (cb_excerpt_get_end (moved), ==, cb_excerpt_get_end (old) + 26);
  at = g_utf8_substring (cb_opinion_get_text (cb_brief_get_opinion (brief)),
                         cb_excerpt_get_start (moved), cb_excerpt_get_end (moved));
  g_assert_cmpstr (at, ==, cb_excerpt_get_quote (moved));
}

static void
test_reanchor_needs_review (void)
{
  g_autofree char *original = sample_text ();
  /* The opinion is corrected inside a quoted passage (the quote itself, in the excerpt,
   * still has the old words). */
  g_autofree char *edited = replace_once (original,
                                          "emergencies, and left the note on his desk unread. By the time",
                                          "emergencies, and left the note on his own desk unread. By the time");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) before = load_string (original, &error);
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  CbExcerpt *excerpt;
  g_autofree char *at = NULL;

  g_assert_no_error (error);
  excerpt = cb_brief_lookup_excerpt (brief, "x00000001");
  g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_NEEDS_REVIEW);
  /* Not silently accepted: the stored quote is kept, the place is offered. */
  g_assert_cmpstr (cb_excerpt_get_quote (excerpt), ==,
                   "James then attended to other matters, which he described as emergencies, and left the note on his desk unread.");
  at = g_utf8_substring (cb_opinion_get_text (cb_brief_get_opinion (brief)),
                         cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt));
  g_assert_cmpstr (at, ==,
                   "James then attended to other matters, which he described as emergencies, and left the note on his own desk unread.");
  /* The excerpts after it moved by the four characters inserted. */
  g_assert_cmpint (cb_excerpt_get_status (cb_brief_lookup_excerpt (brief, "x00000002")), ==, CB_ANCHOR_MOVED);
  g_assert_cmpuint (cb_excerpt_get_start (cb_brief_lookup_excerpt (brief, "x00000002")), ==,
                    cb_excerpt_get_start (cb_brief_lookup_excerpt (before, "x00000002")) + 4);
}

static void
test_reanchor_orphan_saved_unchanged (void)
{
  g_autofree char *original = sample_text ();
  const char *start = strstr (original, "[4] Respondents’ lack of due care");
  const char *end = strstr (original, "In an effort to limit");
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) before = load_string (original, &error);
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CbExcerpt *old, *orphan, *reloaded;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  /* The whole paragraph quoted twice in Reasoning is deleted. */
  edited = g_strdup_printf ("%.*s%s", (int) (start - original), original, end);
  brief = load_string (edited, &error);
  g_assert_no_error (error);

  /* The two quotations from it are orphans, those after it moved up, the rest stay. */
  for (guint i = 0; i < g_list_model_get_n_items (cb_brief_get_excerpts (brief)); i++)
    {
      g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (cb_brief_get_excerpts (brief), i);
      const char *id = cb_excerpt_get_id (excerpt);
      CbAnchorStatus expected = CB_ANCHOR_OK;

      if (g_str_equal (id, "x00000008") || g_str_equal (id, "x00000009"))
        expected = CB_ANCHOR_ORPHAN;
      else if (cb_excerpt_get_start (cb_brief_lookup_excerpt (before, id))
               > cb_excerpt_get_start (cb_brief_lookup_excerpt (before, "x00000009")))
        expected = CB_ANCHOR_MOVED;
      g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, expected);
    }

  old = cb_brief_lookup_excerpt (before, "x00000009");
  orphan = cb_brief_lookup_excerpt (brief, "x00000009");
  g_assert_cmpint (cb_excerpt_get_status (orphan), ==, CB_ANCHOR_ORPHAN);
  g_assert_cmpuint (cb_excerpt_get_start (orphan), ==, cb_excerpt_get_start (old));
  g_assert_cmpuint (cb_excerpt_get_end (orphan), ==, cb_excerpt_get_end (old));
  g_assert_cmpstr (cb_excerpt_get_note (orphan), ==, "Good line for class.");

  /* Saved and read back, the orphan is as it was. */
  bytes = cb_brief_to_bytes (brief);
  again = cb_brief_load_bytes (bytes, "again.brief", &error);
  g_assert_no_error (error);
  reloaded = cb_brief_lookup_excerpt (again, "x00000009");
  g_assert_cmpint (cb_excerpt_get_status (reloaded), ==, CB_ANCHOR_ORPHAN);
  g_assert_cmpuint (cb_excerpt_get_start (reloaded), ==, cb_excerpt_get_start (old));
  g_assert_cmpuint (cb_excerpt_get_end (reloaded), ==, cb_excerpt_get_end (old));
  g_assert_cmpstr (cb_excerpt_get_quote (reloaded), ==, cb_excerpt_get_quote (old));
  g_assert_cmpstr (cb_excerpt_get_prefix (reloaded), ==, cb_excerpt_get_prefix (old));
  g_assert_cmpstr (cb_excerpt_get_suffix (reloaded), ==, cb_excerpt_get_suffix (old));
  g_assert_cmpstr (cb_excerpt_get_note (reloaded), ==, "Good line for class.");
  /* And its quotation is still in place in Reasoning. */
  g_assert_cmpuint (cb_section_get_n_blocks (cb_brief_lookup_section (again, "reasoning")), ==, 8);
}

static void
test_schema_error_line (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, "<excerpt-ref ref=\"x00000004\"/>",
                                          "<excerpt-ref href=\"x00000004\"/>");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  g_autofree char *expected = g_strdup_printf ("test.brief, line %d:", line_of (edited, "href=\"x00000004\""));

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_schema_error_attribute (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, "<section id=\"issue\"", "<section ident=\"issue\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  g_autofree char *expected = g_strdup_printf ("test.brief, line %d: Invalid attribute ident for element section",
                                               line_of (edited, "ident=\"issue\""));

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_schema_error_element (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, "<title>Issue</title>", "<titel>Issue</titel>");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  g_autofree char *expected = g_strdup_printf ("test.brief, line %d: Expecting element title, got titel",
                                               line_of (edited, "<section id=\"issue\""));

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_duplicate_excerpt_id (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, "<excerpt id=\"x00000002\"", "<excerpt id=\"x00000001\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  /* The second of the two is the one named. */
  g_autofree char *expected = g_strdup_printf ("test.brief, line %d: two excerpts have the id “x00000001”",
                                               line_of (original, "<excerpt id=\"x00000002\""));

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_future_major_version (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *edited = replace_once (original, "version=\"1.1\">", "version=\"2.0\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==, "test.brief was written by a newer version of Casebrief (format 2.0)");
}

static void
test_future_minor_version_kept (void)
{
  g_autofree char *original = sample_text ();
  g_autofree char *step1 = replace_once (original, "version=\"1.1\">", "version=\"1.3\">");
  g_autofree char *step2 = replace_once (step1, "    <modified>2026-09-15T21:47:30Z</modified>\n",
                                         "    <modified>2026-09-15T21:47:30Z</modified>\n"
                                         "    <tags><tag>torts</tag></tags>\n");
  g_autofree char *step3 = replace_once (step2, "      <note>Good line for class.</note>\n",
                                         "      <note>Good line for class.</note>\n"
                                         "      <x:colour xmlns:x=\"https://example.org/ext\" value=\"#ffcc00\"/>\n");
  g_autofree char *edited = replace_once (step3, "</excerpts>\n",
                                          "</excerpts>\n  <grade points=\"9\">A</grade>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (edited, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  bytes = cb_brief_to_bytes (brief);
  saved = bytes_to_string (bytes);
  g_assert_nonnull (strstr (saved, "    <modified>2026-09-15T21:47:30Z</modified>\n"
                                   "    <tags xmlns=\"https://casebrief.github.io/ns/brief/1\"><tag>torts</tag></tags>\n"
                                   "  </metadata>\n"));
  g_assert_nonnull (strstr (saved, "      <note>Good line for class.</note>\n"
                                   "      <x:colour xmlns:x=\"https://example.org/ext\" value=\"#ffcc00\"/>\n"
                                   "    </excerpt>\n"));
  g_assert_nonnull (strstr (saved, "  </excerpts>\n"
                                   "  <grade xmlns=\"https://casebrief.github.io/ns/brief/1\" points=\"9\">A</grade>\n"
                                   "</brief>\n"));

  /* And what was written back reads again, unchanged. */
  {
    g_autoptr(CbBrief) again = cb_brief_load_bytes (bytes, "again.brief", &error);
    g_autoptr(GBytes) bytes2 = NULL;

    g_assert_no_error (error);
    bytes2 = cb_brief_to_bytes (again);
    g_assert_true (g_bytes_equal (bytes, bytes2));
  }
}

static void
changed_cb (CbBrief *brief,
            guint   *count)
{
  (*count)++;
}

static void
test_new_brief_editing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions", "davidson-v-cannon.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  const char *text = cb_opinion_get_text (opinion);
  const char *quote = "James simply forgot about the note";
  gsize start = g_utf8_pointer_to_offset (text, strstr (text, quote));
  CbSection *facts;
  CbExcerpt *excerpt, *second;
  guint changes = 0;

  g_assert_no_error (error);
  g_signal_connect (brief, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_cmpuint (cb_brief_get_n_sections (brief), ==, 4);
  facts = cb_brief_lookup_section (brief, "facts");
  g_assert_true (cb_section_is_empty (facts));
  g_assert_cmpstr (cb_brief_get_template_title (brief), ==, cb_template_get_title (template));
  g_assert_cmpuint (strlen (cb_brief_get_created (brief)), ==, strlen ("2026-01-01T00:00:00Z"));

  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  g_assert_cmpuint (changes, ==, 1);
  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  g_assert_cmpuint (changes, ==, 1);

  cb_section_set_plain_text (facts, "James forgot the note.\nMcMillian attacked Davidson.");
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (cb_section_get_word_count (facts), ==, 7);

  excerpt = cb_brief_add_excerpt (brief, "facts", start, start + strlen (quote));
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpstr (cb_excerpt_get_quote (excerpt), ==, quote);
  g_assert_cmpstr (cb_excerpt_get_prefix (excerpt), ==, "s not particularly serious, and respondent " + 11);
  g_assert_cmpstr (cb_excerpt_get_suffix (excerpt), ==, ". The guarantee of due process h");
  g_assert_cmpstr (cb_excerpt_get_id (excerpt), ==, "x00000001");
  /* Adding does not place it: the editor does. */
  g_assert_cmpuint (cb_section_get_n_blocks (facts), ==, 2);

  cb_brief_insert_excerpt_block (brief, facts, excerpt, 1);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (cb_section_get_n_blocks (facts), ==, 3);
  g_assert_cmpstr (cb_section_get_block (facts, 1)->excerpt_id, ==, "x00000001");
  /* The limit counts prose and quotations: 7 + 6. */
  g_assert_cmpuint (cb_section_get_word_count (facts), ==, 7);
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 13);

  cb_excerpt_set_note (excerpt, "Forgetting is not oppression.");
  g_assert_cmpuint (changes, ==, 5);

  second = cb_brief_add_excerpt (brief, "holding", 0, 10);
  g_assert_cmpstr (cb_excerpt_get_id (second), ==, "x00000002");
  g_assert_cmpstr (cb_excerpt_get_quote (second), ==, "Petitioner");

  g_object_ref (excerpt);
  cb_brief_remove_excerpt (brief, excerpt);
  g_assert_null (cb_brief_lookup_excerpt (brief, "x00000001"));
  g_assert_cmpuint (cb_section_get_n_blocks (facts), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 1);
  changes = 0;
  cb_excerpt_set_note (excerpt, "no longer part of the brief");
  g_assert_cmpuint (changes, ==, 0);
  g_object_unref (excerpt);

  {
    g_autofree char *plain = cb_section_dup_plain_text (facts);
    g_assert_cmpstr (plain, ==, "James forgot the note.\nMcMillian attacked Davidson.");
  }
  /* Without a citation, the bare page: a quotation never goes without one. */
  {
    g_autofree char *cite = cb_brief_dup_pin_cite (brief, second);
    g_assert_cmpstr (cite, ==, "*345");
  }
  {
    g_autofree char *passage = cb_brief_dup_quote_text (brief, start, start + strlen (quote));
    g_assert_cmpstr (passage, ==, quote);
  }
}

/* Typing in one paragraph replaces that paragraph: the counts follow, and quotations
 * count again once their quote is re-found with other words. */
static void
test_replace_paragraph (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "opinions", "davidson-v-cannon.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);
  CbTemplate *template = cb_template_store_get_default_template (cb_template_store_get_default ());
  g_autoptr(CbBrief) brief = cb_brief_new (template, opinion);
  g_autoptr(CbBlock) edited = cb_block_new_paragraph ();
  g_autoptr(CbBlock) same = cb_block_new_paragraph ();
  CbSection *facts;
  CbExcerpt *excerpt;
  guint changes = 0;

  g_assert_no_error (error);
  facts = cb_brief_lookup_section (brief, "facts");
  cb_section_set_plain_text (facts, "James forgot the note.\nMcMillian attacked Davidson.");
  excerpt = cb_brief_add_excerpt (brief, "facts", 0, 10);
  cb_brief_insert_excerpt_block (brief, facts, excerpt, 2);
  g_assert_cmpuint (cb_section_get_word_count (facts), ==, 7);
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 8);
  g_assert_true (cb_brief_lookup_excerpt (brief, cb_excerpt_get_id (excerpt)) == excerpt);
  g_signal_connect (brief, "changed", G_CALLBACK (changed_cb), &changes);

  cb_block_add_run (edited, "McMillian ", CB_RUN_PLAIN);
  cb_block_add_run (edited, "badly", CB_RUN_ITALIC);
  cb_block_add_run (edited, " attacked Davidson.", CB_RUN_PLAIN);
  cb_section_replace_block (facts, 1, edited);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (cb_section_get_n_blocks (facts), ==, 3);
  g_assert_cmpuint (cb_section_get_word_count (facts), ==, 8);
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 9);
  {
    g_autofree char *plain = cb_section_dup_plain_text (facts);
    g_assert_cmpstr (plain, ==, "James forgot the note.\nMcMillian badly attacked Davidson.\n[excerpt x00000001]");
  }

  /* The same text in the same emphasis is no change. */
  cb_block_add_run (same, "McMillian ", CB_RUN_PLAIN);
  cb_block_add_run (same, "bad", CB_RUN_ITALIC);
  cb_block_add_run (same, "ly", CB_RUN_ITALIC);
  cb_block_add_run (same, " attacked Davidson.", CB_RUN_PLAIN);
  cb_section_replace_block (facts, 1, same);
  g_assert_cmpuint (changes, ==, 1);

  /* A quotation counts what it shows: an orphan, its quote as it was stored. */
  cb_excerpt_set_quote (excerpt, "Petitioner was attacked", "", "");
  cb_excerpt_set_status (excerpt, CB_ANCHOR_ORPHAN);
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 11);

  cb_brief_remove_excerpt (brief, excerpt);
  g_assert_null (cb_brief_lookup_excerpt (brief, "x00000001"));
  g_assert_cmpuint (cb_brief_count_section_words (brief, facts), ==, 8);
}

static void
test_word_count (void)
{
  g_assert_cmpuint (cb_count_words (""), ==, 0);
  g_assert_cmpuint (cb_count_words ("  42 U.S.C. § 1983 — the statute  "), ==, 5);
  g_assert_cmpuint (cb_count_words ("Davidson’s claim fails."), ==, 3);
}

/* Sets @section to the given blocks: "x…" names an excerpt, anything else is a paragraph. */
static void
set_blocks (CbSection  *section,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  va_list args;

  va_start (args, first);
  for (const char *item = first; item != NULL; item = va_arg (args, const char *))
    {
      CbBlock *block;

      if (item[0] == 'x')
        block = cb_block_new_excerpt (item);
      else
        {
          block = cb_block_new_paragraph ();
          cb_block_add_run (block, item, CB_RUN_PLAIN);
        }
      g_ptr_array_add (blocks, block);
    }
  va_end (args);
  cb_section_set_blocks (section, blocks);
}

/* A template section that needs the student's own words: its brief's copy says so, in
 * the file too (1.2), and holds only quotations until a word outside them is written;
 * a star-page marker that came with pasted text is no word of the student's. */
static void
test_own_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_test_import_opinion ("data/opinions/davidson-v-cannon.txt");
  g_autoptr(CbTemplate) template = cb_template_new ("t", "T");
  g_autoptr(CbTemplateSection) facts = cb_template_section_new ("facts", "Facts", "", TRUE, 0);
  g_autoptr(CbTemplateSection) reasoning = cb_template_section_new ("reasoning", "Reasoning", "", TRUE, 0);
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(CbBrief) plain_brief = NULL;
  g_autoptr(CbBrief) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *plain_saved = NULL;
  CbSection *section;
  gsize start, end;

  cb_template_add_section (template, facts);
  plain_brief = cb_brief_new (template, opinion);
  plain_bytes = cb_brief_to_bytes (plain_brief);
  plain_saved = bytes_to_string (plain_bytes);
  g_assert_nonnull (strstr (plain_saved, "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.1\">"));
  g_assert_null (strstr (plain_saved, "own-words"));

  reasoning->own_words = TRUE;
  cb_template_add_section (template, reasoning);
  brief = cb_brief_new (template, opinion);
  g_assert_false (cb_section_get_own_words (cb_brief_lookup_section (brief, "facts")));
  section = cb_brief_lookup_section (brief, "reasoning");
  g_assert_true (cb_section_get_own_words (section));

  /* Empty, it lacks nothing here: whether it must be written is "required". */
  g_assert_false (cb_section_lacks_own_words (section));
  g_assert_true (cb_opinion_find_quote (opinion, "James received the note", 0, &start, &end));
  cb_brief_add_excerpt (brief, "reasoning", start, end);
  set_blocks (section, "x00000001", NULL);
  g_assert_true (cb_section_lacks_own_words (section));
  set_blocks (section, "x00000001", "  *345  ", "— **670 —", NULL);
  g_assert_true (cb_section_lacks_own_words (section));
  set_blocks (section, "x00000001", "*345", "Negligence is not enough.", NULL);
  g_assert_false (cb_section_lacks_own_words (section));
  set_blocks (section, "Negligence is not enough.", NULL);
  g_assert_false (cb_section_lacks_own_words (section));
  set_blocks (cb_brief_lookup_section (brief, "facts"), "x00000001", NULL);
  g_assert_false (cb_section_lacks_own_words (cb_brief_lookup_section (brief, "facts")));

  set_blocks (section, "x00000001", NULL);
  bytes = cb_brief_to_bytes (brief);
  saved = bytes_to_string (bytes);
  g_assert_nonnull (strstr (saved, "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.2\">"));
  g_assert_nonnull (strstr (saved, "        <excerpt-ref ref=\"x00000001\"/>\n"
                                   "      </content>\n"
                                   "      <own-words/>\n"
                                   "    </section>\n"));
  cb_test_assert_valid (bytes, "data/schema/brief.rng");
  /* A reader of 1.1 takes the mark as an element it does not know, and keeps it. */
  cb_test_assert_valid (bytes, "tests/fixtures/older-schemas/brief-1.1.rng");
  /* Once: Facts does not need them. */
  g_assert_null (strstr (strstr (saved, "<own-words/>") + 1, "<own-words/>"));

  again = cb_brief_load_bytes (bytes, "again.brief", &error);
  g_assert_no_error (error);
  g_assert_true (cb_section_get_own_words (cb_brief_lookup_section (again, "reasoning")));
  g_assert_false (cb_section_get_own_words (cb_brief_lookup_section (again, "facts")));
  g_assert_true (cb_section_lacks_own_words (cb_brief_lookup_section (again, "reasoning")));
  bytes2 = cb_brief_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

/* A 1.2 brief, with sections that need the student's own words, is in the form the
 * writer produces: read and written, the same bytes. */
static void
test_round_trip_own_words (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures", "formats",
                                            "own-words.brief", NULL);
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  brief = load_string (original, &error);
  g_assert_no_error (error);
  g_assert_true (cb_section_get_own_words (cb_brief_lookup_section (brief, "reasoning")));
  g_assert_true (cb_section_lacks_own_words (cb_brief_lookup_section (brief, "reasoning")));
  g_assert_true (cb_section_get_own_words (cb_brief_lookup_section (brief, "notes")));
  g_assert_false (cb_section_lacks_own_words (cb_brief_lookup_section (brief, "notes")));
  g_assert_false (cb_section_get_own_words (cb_brief_lookup_section (brief, "facts")));
  bytes = cb_brief_to_bytes (brief);
  written = bytes_to_string (bytes);
  g_assert_cmpstr (written, ==, original);
}

static void
test_failed_save_keeps_old_file (void)
{
  g_autofree char *original = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (original, &error);
  g_autofree char *dir = g_dir_make_tmp ("cb-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "brief.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *old = "<brief>an older save</brief>\n";
  struct rlimit saved_limit, small_limit;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  gboolean ok;

  g_assert_no_error (error);
  g_file_set_contents (path, old, -1, &error);
  g_assert_no_error (error);

  /* Files may grow no larger than 1 KiB while saving: the write fails half-way, as on a
   * full disk. This works for root too, unlike a read-only folder. */
  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved_limit);
  small_limit = saved_limit;
  small_limit.rlim_cur = 1024;
  setrlimit (RLIMIT_FSIZE, &small_limit);
  ok = cb_brief_save_file (brief, file, NULL, &error);
  setrlimit (RLIMIT_FSIZE, &saved_limit);

  g_assert_false (ok);
  g_assert_error (error, CB_ERROR, CB_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, path));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, old);

  /* Nothing else is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "brief.brief");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failed_save_missing_folder (void)
{
  g_autofree char *original = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (original, &error);
  g_autofree char *dir = g_dir_make_tmp ("cb-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "gone", "brief.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_false (cb_brief_save_file (brief, file, NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_SAVE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save "));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_failed_save_read_only_folder (void)
{
  g_autofree char *original = sample_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_string (original, &error);
  g_autofree char *dir = g_dir_make_tmp ("cb-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "brief.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  /* Permissions do not stop root; failure-keeps-old-file covers that case. */
  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      g_rmdir (dir);
      return;
    }
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_chmod (dir, 0555);
  g_assert_false (cb_brief_save_file (brief, file, NULL, &error));
  g_chmod (dir, 0755);
  g_assert_error (error, CB_ERROR, CB_ERROR_SAVE);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old");
  g_unlink (path);
  g_rmdir (dir);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_async (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-async-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "out.brief", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autofree char *original = sample_text ();
  g_autofree char *written = NULL;

  cb_brief_load_file_async (file, NULL, async_done_cb, &result);
  cb_test_wait_until (is_set, &result);
  brief = cb_brief_load_file_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_brief_get_case_name (brief), ==, "Davidson v. Cannon");

  cb_brief_save_file_async (brief, out, NULL, NULL, async_done_cb, &save_result);
  cb_test_wait_until (is_set, &save_result);
  g_assert_true (cb_brief_save_file_finish (brief, save_result, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (out_path, &written, NULL, NULL);
  g_assert_cmpstr (written, ==, original);
  g_unlink (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/load-sample", test_load_sample);
  g_test_add_func ("/brief/round-trip", test_round_trip);
  g_test_add_func ("/brief/round-trip-file", test_round_trip_file);
  g_test_add_func ("/brief/opinion-text-preserved", test_opinion_text_preserved_exactly);
  g_test_add_func ("/brief/round-trip-tricky-text", test_round_trip_tricky_text);
  g_test_add_func ("/brief/unwritable-characters-dropped", test_unwritable_characters_dropped);
  g_test_add_func ("/brief/reanchor/moved", test_reanchor_moved);
  g_test_add_func ("/brief/reanchor/needs-review", test_reanchor_needs_review);
  g_test_add_func ("/brief/reanchor/orphan-saved-unchanged", test_reanchor_orphan_saved_unchanged);
  g_test_add_func ("/brief/invalid/schema-error-line", test_schema_error_line);
  g_test_add_func ("/brief/invalid/schema-error-attribute", test_schema_error_attribute);
  g_test_add_func ("/brief/invalid/schema-error-element", test_schema_error_element);
  g_test_add_func ("/brief/invalid/duplicate-excerpt-id", test_duplicate_excerpt_id);
  g_test_add_func ("/brief/version/future-major", test_future_major_version);
  g_test_add_func ("/brief/version/future-minor-kept", test_future_minor_version_kept);
  g_test_add_func ("/brief/new-and-edit", test_new_brief_editing);
  g_test_add_func ("/brief/word-count", test_word_count);
  g_test_add_func ("/brief/own-words", test_own_words);
  g_test_add_func ("/brief/round-trip-own-words", test_round_trip_own_words);
  g_test_add_func ("/brief/replace-paragraph", test_replace_paragraph);
  g_test_add_func ("/brief/save/failure-keeps-old-file", test_failed_save_keeps_old_file);
  g_test_add_func ("/brief/save/missing-folder", test_failed_save_missing_folder);
  g_test_add_func ("/brief/save/read-only-folder", test_failed_save_read_only_folder);
  g_test_add_func ("/brief/async", test_async);

  return g_test_run ();
}
