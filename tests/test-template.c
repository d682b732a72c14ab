#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cb-error.h"
#include "cb-template-store.h"
#include "cb-test.h"

static char *
builtin_path (const char *name)
{
  return g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "templates", name, NULL);
}

static CbTemplate *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return cb_template_load_bytes (bytes, "test.brieftemplate", error);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static void
write_user_template (const char *name,
                     const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "casebrief", "templates", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_load_builtin_file (void)
{
  g_autofree char *path = builtin_path ("classic.brieftemplate");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = cb_template_load_file (file, NULL, &error);
  const CbTemplateSection *section;

  g_assert_no_error (error);
  g_assert_cmpstr (cb_template_get_id (template), ==, "classic");
  g_assert_cmpuint (cb_template_get_version (template), ==, 1);
  g_assert_cmpstr (cb_template_get_title (template), ==, "Classic Full Brief");
  g_assert_false (cb_template_get_builtin (template));
  g_assert_cmpuint (cb_template_get_n_sections (template), ==, 9);

  section = cb_template_get_section (template, 1);
  g_assert_cmpstr (section->id, ==, "procedural-history");
  g_assert_cmpstr (section->title, ==, "Procedural History");
  g_assert_true (section->required);
  g_assert_cmpuint (section->word_limit, ==, 150);

  section = cb_template_lookup_section (template, "notes");
  g_assert_cmpstr (section->title, ==, "Notes");
  g_assert_false (section->required);
  g_assert_cmpuint (section->word_limit, ==, 0);
  g_assert_cmpstr (cb_template_get_section (template, 7)->title, ==, "Concurrences and Dissents");
}

/* The built-in files are in the form the writer produces, and a template written and
 * read back writes the same bytes again. */
static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = builtin_path (name);
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = NULL;
  g_autoptr(CbTemplate) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autofree char *written = NULL;

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  template = load_string (original, &error);
  g_assert_no_error (error);
  bytes = cb_template_to_bytes (template);
  written = bytes_to_string (bytes);
  g_assert_cmpstr (written, ==, original);

  again = cb_template_load_bytes (bytes, name, &error);
  g_assert_no_error (error);
  bytes2 = cb_template_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

static void
changed_cb (CbTemplate *template,
            guint      *count)
{
  (*count)++;
}

static void
test_edit_and_save (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplate *builtin = cb_template_store_get_default_template (store);
  g_autoptr(CbTemplate) copy = cb_template_copy (builtin, "torts-2026");
  g_autoptr(CbTemplateSection) extra = cb_template_section_new ("policy", "Policy", "Which interests did the court weigh?", FALSE, 120);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) loaded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cb-template-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "torts.brieftemplate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint changes = 0;

  g_assert_true (cb_template_get_builtin (builtin));
  g_assert_false (cb_template_get_builtin (copy));
  g_assert_cmpstr (cb_template_get_id (copy), ==, "torts-2026");
  g_assert_cmpstr (cb_template_get_id (builtin), ==, "default");
  g_signal_connect (copy, "changed", G_CALLBACK (changed_cb), &changes);

  cb_template_set_title (copy, "Torts brief");
  cb_template_set_author (copy, "Prof. Okafor & “TA”");
  cb_template_set_version (copy, 3);
  cb_template_add_section (copy, extra);
  cb_template_move_section (copy, 4, 0);
  cb_template_remove_section (copy, 2);
  g_assert_cmpuint (changes, ==, 6);

  g_assert_cmpuint (cb_template_get_n_sections (copy), ==, 4);
  g_assert_cmpstr (cb_template_get_section (copy, 0)->id, ==, "policy");
  g_assert_cmpstr (cb_template_get_section (copy, 1)->id, ==, "facts");
  g_assert_cmpstr (cb_template_get_section (copy, 2)->id, ==, "holding");
  g_assert_cmpstr (cb_template_get_section (copy, 3)->id, ==, "reasoning");
  /* The built-in is untouched. */
  g_assert_cmpuint (cb_template_get_n_sections (builtin), ==, 4);
  g_assert_cmpstr (cb_template_get_section (builtin, 1)->id, ==, "issue");

  g_assert_true (cb_template_save_file (copy, file, NULL, &error));
  g_assert_no_error (error);
  loaded = cb_template_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_template_get_title (loaded), ==, "Torts brief");
  g_assert_cmpstr (cb_template_get_author (loaded), ==, "Prof. Okafor & “TA”");
  g_assert_cmpuint (cb_template_get_version (loaded), ==, 3);
  g_assert_cmpuint (cb_template_get_n_sections (loaded), ==, 4);
  g_assert_cmpstr (cb_template_get_section (loaded, 0)->prompt, ==, "Which interests did the court weigh?");
  g_assert_cmpuint (cb_template_get_section (loaded, 0)->word_limit, ==, 120);
  g_assert_false (cb_template_get_section (loaded, 0)->required);

  g_unlink (path);
  g_rmdir (dir);
}

/* What the template editor refuses to keep, with the message it shows. */
static void
test_check (void)
{
  g_autoptr(CbTemplate) template = cb_template_new ("torts", "  ");
  g_autoptr(CbTemplateSection) untitled = cb_template_section_new ("policy", " ", "", FALSE, 0);
  g_autoptr(CbTemplateSection) facts = cb_template_section_new ("facts", "Facts", "", TRUE, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (cb_template_check (template, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Give the template a title first");
  g_clear_error (&error);

  cb_template_set_title (template, "Torts brief");
  g_assert_false (cb_template_check (template, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A template needs at least one section");
  g_clear_error (&error);

  cb_template_add_section (template, facts);
  cb_template_add_section (template, untitled);
  g_assert_false (cb_template_check (template, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Section 2 has no title");
  g_clear_error (&error);

  cb_template_remove_section (template, 1);
  g_assert_true (cb_template_check (template, &error));
  g_assert_no_error (error);
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template =
    load_string ("<?xml version=\"1.0\"?>\n"
                 "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"t\">\n"
                 "  <title>T</title>\n"
                 "  <section id=\"facts\" required=\"yes\">\n"
                 "    <title>Facts</title>\n"
                 "  </section>\n"
                 "</brieftemplate>\n", &error);

  g_assert_null (template);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.brieftemplate, line 4: "));
}

static void
test_duplicate_section (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template =
    load_string ("<?xml version=\"1.0\"?>\n"
                 "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"t\">\n"
                 "  <title>T</title>\n"
                 "  <section id=\"facts\"><title>Facts</title></section>\n"
                 "  <section id=\"facts\"><title>More facts</title></section>\n"
                 "</brieftemplate>\n", &error);

  g_assert_null (template);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "test.brieftemplate, line 5: two sections have the id “facts”");
}

static void
test_future_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) newer_major =
    load_string ("<?xml version=\"1.0\"?>\n"
                 "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/2\" version=\"2.1\" id=\"t\">\n"
                 "  <whatever/>\n"
                 "</brieftemplate>\n", &error);
  g_autoptr(CbTemplate) newer_minor = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *written = NULL;

  g_assert_null (newer_major);
  g_assert_error (error, CB_ERROR, CB_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "test.brieftemplate was written by a newer version of Casebrief (format 2.1)");
  g_clear_error (&error);

  newer_minor = load_string ("<?xml version=\"1.0\"?>\n"
                             "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.4\" id=\"t\">\n"
                             "  <title>T</title>\n"
                             "  <section id=\"facts\"><title>Facts</title></section>\n"
                             "  <rubric points=\"10\"><criterion>Accurate facts</criterion></rubric>\n"
                             "</brieftemplate>\n", &error);
  g_assert_no_error (error);
  bytes = cb_template_to_bytes (newer_minor);
  written = bytes_to_string (bytes);
  g_assert_nonnull (strstr (written,
                            "  </section>\n"
                            "  <rubric xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" points=\"10\"><criterion>Accurate facts</criterion></rubric>\n"
                            "</brieftemplate>\n"));
}

/* Format 1.1: the sections that need the student's own words are marked after the
 * sections, where a 1.0 reader keeps them. A template without marks is written as 1.0,
 * byte for byte as before. */
static void
test_own_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template =
    load_string ("<?xml version=\"1.0\"?>\n"
                 "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.1\" id=\"t\">\n"
                 "  <title>T</title>\n"
                 "  <section id=\"facts\" required=\"true\"><title>Facts</title></section>\n"
                 "  <section id=\"reasoning\" required=\"true\" word-limit=\"200\"><title>Reasoning</title></section>\n"
                 "  <own-words section=\"reasoning\"/>\n"
                 "  <own-words section=\"removed-since\"/>\n"
                 "  <own-words section=\"reasoning\"/>\n"
                 "  <rubric points=\"10\"/>\n"
                 "</brieftemplate>\n", &error);
  g_autoptr(CbTemplate) copy = NULL;
  g_autoptr(CbTemplate) again = NULL;
  g_autoptr(CbTemplateSection) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_plain = NULL;

  g_assert_no_error (error);
  g_assert_false (cb_template_lookup_section (template, "facts")->own_words);
  g_assert_true (cb_template_lookup_section (template, "reasoning")->own_words);

  /* One mark per section, in the sections' order; a mark naming no section marks nothing. */
  bytes = cb_template_to_bytes (template);
  written = bytes_to_string (bytes);
  g_assert_cmpstr (written, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.1\" id=\"t\" template-version=\"1\">\n"
                   "  <title>T</title>\n"
                   "  <section id=\"facts\" required=\"true\">\n"
                   "    <title>Facts</title>\n"
                   "  </section>\n"
                   "  <section id=\"reasoning\" required=\"true\" word-limit=\"200\">\n"
                   "    <title>Reasoning</title>\n"
                   "  </section>\n"
                   "  <own-words section=\"reasoning\"/>\n"
                   "  <rubric xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" points=\"10\"/>\n"
                   "</brieftemplate>\n");
  cb_test_assert_valid (bytes, "data/schema/brieftemplate.rng");
  /* A reader of 1.0 takes the marks as elements it does not know, and keeps them. */
  cb_test_assert_valid (bytes, "tests/fixtures/older-schemas/brieftemplate-1.0.rng");
  again = cb_template_load_bytes (bytes, "again.brieftemplate", &error);
  g_assert_no_error (error);
  g_assert_true (cb_template_lookup_section (again, "reasoning")->own_words);
  bytes2 = cb_template_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));

  /* A copy, as of a built-in to edit, keeps the mark; unmarked, it is a 1.0 file again. */
  copy = cb_template_copy (template, "t-copy");
  g_assert_true (cb_template_lookup_section (copy, "reasoning")->own_words);
  plain = cb_template_section_copy (cb_template_get_section (copy, 1));
  g_assert_true (plain->own_words);
  plain->own_words = FALSE;
  cb_template_set_section (copy, 1, plain);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = cb_template_to_bytes (copy);
  written_plain = bytes_to_string (bytes);
  g_assert_nonnull (strstr (written_plain, "version=\"1.0\" id=\"t-copy\""));
  g_assert_null (strstr (written_plain, "own-words"));

  /* A mark among the sections is not where the format puts it. */
  g_clear_object (&again);
  again = load_string ("<?xml version=\"1.0\"?>\n"
                       "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.1\" id=\"t\">\n"
                       "  <title>T</title>\n"
                       "  <own-words section=\"facts\"/>\n"
                       "  <section id=\"facts\"><title>Facts</title></section>\n"
                       "</brieftemplate>\n", &error);
  g_assert_null (again);
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.brieftemplate, line 4: "));
}

static void
test_store (void)
{
  g_autoptr(CbTemplateStore) store = NULL;
  g_autoptr(CbTemplate) first = NULL;
  g_autoptr(GString) user = NULL;
  g_autofree char *path = builtin_path ("irac.brieftemplate");
  g_autofree char *irac = NULL;
  GPtrArray *errors;
  CbTemplate *mine;
  const GError *broken;

  g_file_get_contents (path, &irac, NULL, NULL);
  g_assert_nonnull (irac);

  /* A user copy of IRAC with its own id, one that claims the built-in's id, and a
   * broken file. */
  user = g_string_new (irac);
  g_string_replace (user, "id=\"irac\"", "id=\"irac-seminar\"", 1);
  g_string_replace (user, "<title>IRAC</title>", "<title>IRAC for the seminar</title>", 1);
  write_user_template ("irac-seminar.brieftemplate", user->str);
  g_string_replace (user, "id=\"irac-seminar\"", "id=\"default\"", 1);
  write_user_template ("impostor.brieftemplate", user->str);
  write_user_template ("broken.brieftemplate", "<brieftemplate version=\"1.0\">\n<title>Half");
  write_user_template ("readme.txt", "not a template");

  store = cb_template_store_new ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == CB_TYPE_TEMPLATE);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (cb_template_get_id (first), ==, "classic");

  g_assert_true (cb_template_get_builtin (cb_template_store_lookup (store, "classic")));
  g_assert_true (cb_template_get_builtin (cb_template_store_lookup (store, "irac")));
  g_assert_cmpstr (cb_template_get_title (cb_template_store_get_default_template (store)), ==, "Four-Part Brief");
  /* Built-ins win over a user file with the same id. */
  g_assert_true (cb_template_get_builtin (cb_template_store_get_default_template (store)));

  mine = cb_template_store_lookup (store, "irac-seminar");
  g_assert_nonnull (mine);
  g_assert_false (cb_template_get_builtin (mine));
  g_assert_cmpstr (cb_template_get_title (mine), ==, "IRAC for the seminar");

  errors = cb_template_store_get_load_errors (store);
  g_assert_cmpuint (errors->len, ==, 1);
  broken = g_ptr_array_index (errors, 0);
  g_assert_error (broken, CB_ERROR, CB_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (broken->message, "broken.brieftemplate, line 2: "));
}

static void
test_store_save_user_template (void)
{
  g_autoptr(CbTemplateStore) store = cb_template_store_new ();
  CbTemplate *builtin = cb_template_store_lookup (store, "irac");
  g_autofree char *id = cb_template_store_make_id (store, "irac-copy");
  g_autoptr(CbTemplate) copy = cb_template_copy (builtin, id);
  g_autoptr(CbTemplate) overwrite = cb_template_copy (builtin, NULL);
  g_autofree char *second_id = NULL;
  g_autoptr(GFile) installed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CbTemplate *saved;

  g_assert_cmpstr (id, ==, "irac-copy");
  cb_template_set_title (copy, "IRAC, my way");
  g_clear_object (&installed);
  installed = cb_template_store_install (store, copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installed);

  path = g_build_filename (g_get_user_data_dir (), "casebrief", "templates", "irac-copy.brieftemplate", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  saved = cb_template_store_lookup (store, "irac-copy");
  g_assert_nonnull (saved);
  g_assert_false (cb_template_get_builtin (saved));
  g_assert_cmpstr (cb_template_get_title (saved), ==, "IRAC, my way");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);

  second_id = cb_template_store_make_id (store, "irac-copy");
  g_assert_cmpstr (second_id, ==, "irac-copy-2");

  /* The built-in itself is never overwritten. */
  g_assert_null (cb_template_store_install (store, overwrite, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A built-in template already has the id “irac”");
}

static void
test_store_builtins_only (void)
{
  CbTemplateStore *store = cb_template_store_get_default ();
  CbTemplate *template = cb_template_store_get_default_template (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_cmpuint (cb_template_store_get_load_errors (store)->len, ==, 0);
  g_assert_cmpuint (cb_template_get_n_sections (template), ==, 4);
  g_assert_cmpstr (cb_template_get_section (template, 0)->title, ==, "Facts");
  g_assert_cmpstr (cb_template_get_section (template, 1)->title, ==, "Issue");
  g_assert_cmpstr (cb_template_get_section (template, 2)->title, ==, "Holding");
  g_assert_cmpstr (cb_template_get_section (template, 3)->title, ==, "Reasoning");
  g_assert_cmpuint (cb_template_get_n_sections (cb_template_store_lookup (store, "irac")), ==, 4);
  g_assert_cmpstr (cb_template_get_section (cb_template_store_lookup (store, "irac"), 2)->title, ==, "Application");
  g_assert_null (cb_template_store_lookup (store, "missing"));
}

/* A template's id may become a file name: only a plain name is accepted, checked by the
 * reader before anything is built, with a message naming the file. */
static void
test_hostile_ids (void)
{
  g_autofree char *long_id = g_strnfill (CB_TEMPLATE_ID_MAX_LENGTH + 1, 'a');
  g_autofree char *longest = g_strnfill (CB_TEMPLATE_ID_MAX_LENGTH, 'a');
  const char *refused[] = { "../../../../tmp/escape", "/tmp/absolute", ".hidden", "..", "a/b",
                            "a\\b", "caf\u00e9", NULL };
  const char *accepted[] = { "seminar", "torts-2026", "con_law.v2", "-x", "_x", "9", NULL };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_markup_escape_text (refused[i], -1);
      g_autofree char *text = g_strdup_printf (
        "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" version=\"1.0\" id=\"%s\">\n"
        "  <title>T</title>\n  <section id=\"facts\" required=\"true\"><title>Facts</title></section>\n"
        "</brieftemplate>\n", escaped);
      g_autofree char *message = g_strdup_printf (
        "test.brieftemplate, line 1: the template id “%s” is not a plain name "
        "(letters, digits, “-”, “_” and “.”, not first; at most 64)", refused[i]);
      g_autoptr(CbTemplate) template = load_string (text, &error);

      g_assert_null (template);
      g_assert_error (error, CB_ERROR, CB_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_false (cb_template_id_is_valid (refused[i]));
    }
  g_assert_false (cb_template_id_is_valid (long_id));
  g_assert_false (cb_template_id_is_valid (""));
  g_assert_false (cb_template_id_is_valid (NULL));
  g_assert_true (cb_template_id_is_valid (longest));
  for (guint i = 0; accepted[i] != NULL; i++)
    g_assert_true (cb_template_id_is_valid (accepted[i]));

  /* Ids made from titles are always plain names, however long or strange the title. */
  {
    CbTemplateStore *store = cb_template_store_get_default ();
    g_autofree char *long_title = g_strnfill (500, 'x');
    const char *titles[] = { "../../etc/passwd", "/abs", "...", "Été — Torts", long_title, NULL };

    for (guint i = 0; titles[i] != NULL; i++)
      {
        g_autofree char *id = cb_template_store_make_id (store, titles[i]);

        g_test_message ("%s → %s", titles[i], id);
        g_assert_true (cb_template_id_is_valid (id));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/template/load-file", test_load_builtin_file);
  g_test_add_data_func ("/template/round-trip/default", "default.brieftemplate", test_round_trip);
  g_test_add_data_func ("/template/round-trip/classic", "classic.brieftemplate", test_round_trip);
  g_test_add_data_func ("/template/round-trip/irac", "irac.brieftemplate", test_round_trip);
  g_test_add_data_func ("/template/round-trip/own-words", "../../tests/fixtures/formats/own-words.brieftemplate",
                        test_round_trip);
  g_test_add_func ("/template/edit-and-save", test_edit_and_save);
  g_test_add_func ("/template/invalid", test_invalid);
  g_test_add_func ("/template/hostile-ids", test_hostile_ids);
  g_test_add_func ("/template/check", test_check);
  g_test_add_func ("/template/duplicate-section", test_duplicate_section);
  g_test_add_func ("/template/future-versions", test_future_versions);
  g_test_add_func ("/template/own-words", test_own_words);
  g_test_add_func ("/template/store/user-dir", test_store);
  g_test_add_func ("/template/store/builtins", test_store_builtins_only);
  g_test_add_func ("/template/store/save-user-template", test_store_save_user_template);

  return g_test_run ();
}
