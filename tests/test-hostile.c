/* Hostile files on disk: opinions, briefs and templates as a user would open them, and
 * the same files through the command line. test-hostile-xml.c covers the XML attacks on
 * the readers of bytes; this test covers the file readers (size checks before reading,
 * binary files, damaged excerpts) and what the user sees: the error, the one-line
 * message, the exit status, and that nothing was written. */
#include "config.h"

#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-citation.h"
#include "cb-error.h"
#include "cb-opinion.h"
#include "cb-section.h"
#include "cb-template.h"
#include "cb-test.h"

#define SECRET "5d1e-SECRET-CONTENTS-a7b0"
#define BRIEF_NS "https://casebrief.github.io/ns/brief/1"
#define TEMPLATE_NS "https://casebrief.github.io/ns/brieftemplate/1"

static char *workdir;
static char *secret_path;

/* Writes @len bytes of @data to @name in the test's folder; returns the path. */
static char *
write_file (const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* A file of @size bytes that takes no room on disk: a hole. */
static char *
write_sparse_file (const char *name,
                   goffset     size)
{
  char *path = g_build_filename (workdir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  return path;
}

static void
assert_error_names_file (const GError *error,
                         const char   *path,
                         int           code)
{
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_error (error, CB_ERROR, code);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_null (strstr (error->message, SECRET));
  g_test_message ("%s", error->message);
}

static void
assert_opinion_refused (const char *path,
                        int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_null (opinion);
  assert_error_names_file (error, path, code);
}

static void
assert_brief_refused (const char *path,
                      int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);

  g_assert_null (brief);
  assert_error_names_file (error, path, code);
}

static void
assert_template_refused (const char *path,
                         int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = cb_template_load_file (file, NULL, &error);

  g_assert_null (template);
  assert_error_names_file (error, path, code);
}

/* The command failed with exit status 1 and one line on stderr that names the file. */
static void
assert_cli_message (int         status,
                    const char *out,
                    const char *err,
                    const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "casebrief: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_nonnull (strstr (err, basename));
  g_assert_null (strstr (err, SECRET));
}

static void
assert_inspect_refuses (const char *path)
{
  const char *args[] = { "inspect", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cb_test_run_casebrief (workdir, args, &out, &err);

  assert_cli_message (status, out, err, path);
}

static void
assert_export_refuses (const char *path)
{
  g_autofree char *pdf = g_build_filename (workdir, "out.pdf", NULL);
  const char *args[] = { "export", "--pdf", pdf, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cb_test_run_casebrief (workdir, args, &out, &err);

  assert_cli_message (status, out, err, path);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The folder holds nothing but what the test wrote: a refused file leaves nothing behind. */
static void
assert_workdir_holds (guint n_files)
{
  g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_files);
}

static void
clear_workdir (void)
{
  g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (workdir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

/* Opinions */

static void
test_opinion_too_large (void)
{
  /* 200 MB of hole: were it read whole, it would be refused as binary, not as too large. */
  g_autofree char *txt = write_sparse_file ("huge.txt", 200 * 1024 * 1024);
  g_autofree char *html = write_sparse_file ("huge.html", 200 * 1024 * 1024);
  g_autoptr(GFile) file = g_file_new_for_path (txt);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_null (opinion);
  g_assert_error (error, CB_ERROR, CB_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "huge.txt is too large to open (over 64 MB)");
  assert_opinion_refused (html, CB_ERROR_TOO_LARGE);
  assert_inspect_refuses (txt);
  assert_workdir_holds (2);
  clear_workdir ();
}

static void
test_opinion_binary (void)
{
  /* The start of a PNG and of an ELF executable, named as opinions. */
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";
  static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\x10\x10\0\0\0\0\0\0@\0\0\0";
  g_autofree char *txt = write_file ("picture.txt", png, sizeof png - 1);
  g_autofree char *html = write_file ("program.html", elf, sizeof elf - 1);

  assert_opinion_refused (txt, CB_ERROR_NOT_TEXT);
  assert_opinion_refused (html, CB_ERROR_NOT_TEXT);
  assert_inspect_refuses (txt);
  assert_inspect_refuses (html);
  assert_workdir_holds (2);
  clear_workdir ();
}

static void
test_opinion_nul_bytes (void)
{
  static const char text[] = "Davidson v. Cannon\n\n*345 Petitioner sued\0 prison officials.\n";
  g_autofree char *path = write_file ("nul.txt", text, sizeof text - 1);

  assert_opinion_refused (path, CB_ERROR_NOT_TEXT);
  assert_inspect_refuses (path);
  clear_workdir ();
}

static void
test_opinion_invalid_encoding (void)
{
  /* Not UTF-8, and not Windows-1252 either: 0x81 is undefined there. */
  static const char text[] = "Davidson v. Cannon\n\n*345 Petitioner \xc3\x28 sued \x81 officials.\n";
  g_autofree char *path = write_file ("broken.txt", text, sizeof text - 1);

  assert_opinion_refused (path, CB_ERROR_ENCODING);
  assert_inspect_refuses (path);
  clear_workdir ();
}

static void
test_opinion_folder (void)
{
  g_autofree char *path = g_build_filename (workdir, "folder.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  opinion = cb_opinion_import_file (file, NULL, &error);
  g_assert_null (opinion);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "folder.txt is a folder, not a file");
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* HTML is read with libxml2's HTML parser: entities, DOCTYPEs and XIncludes there are
 * never resolved, so they cannot bring in another file's contents. */
static void
test_opinion_html_entities (void)
{
  g_autofree char *html = g_strdup_printf (
    "<!DOCTYPE html SYSTEM \"file://%s\" [\n<!ENTITY secret SYSTEM \"file://%s\">\n"
    "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/secret\">\n]>\n"
    "<html><body><p>Petitioner &secret; &remote; sued.</p>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\" parse=\"text\"/>"
    "<p><span class=\"star-pagination\">*345</span> prison officials.</p></body></html>\n",
    secret_path, secret_path, secret_path);
  g_autofree char *path = write_file ("entities.html", html, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (strstr (cb_opinion_get_text (opinion), SECRET));
  g_assert_nonnull (strstr (cb_opinion_get_text (opinion), "prison officials."));
  clear_workdir ();
}

static void
test_opinion_html_deep_nesting (void)
{
  GString *html = g_string_new ("<html><body>");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "Petitioner sued.");
  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>\n");
  path = write_file ("deep.html", html->str, html->len);
  g_string_free (html, TRUE);

  /* Deeper than the HTML parser goes: refused, not imported cut short. */
  file = g_file_new_for_path (path);
  opinion = cb_opinion_import_file (file, NULL, &error);
  g_assert_null (opinion);
  assert_error_names_file (error, path, CB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "deep.html, line 1: the HTML cannot be read to its end");
  assert_inspect_refuses (path);
  clear_workdir ();
}

static void
test_opinion_html_huge_attribute (void)
{
  GString *html = g_string_new ("<html><body><p title=\"");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) opinion = NULL;

  for (guint i = 0; i < 8 * 1024 * 1024 / 8; i++)
    g_string_append (html, "AAAAAAAA");
  g_string_append (html, "\">Petitioner sued.</p></body></html>\n");
  path = write_file ("attribute.html", html->str, html->len);
  g_string_free (html, TRUE);

  file = g_file_new_for_path (path);
  opinion = cb_opinion_import_file (file, NULL, &error);
  if (opinion == NULL)
    assert_error_names_file (error, path, CB_ERROR_PARSE);
  else
    g_assert_null (strstr (cb_opinion_get_text (opinion), "AAAAAAAA"));
  clear_workdir ();
}

/* Briefs and templates: the XML attacks, as files on disk. */

typedef struct
{
  const char *name;
  const char *body;  /* @SECRET@ is the secret file's path; @ROOT@ the root element */
  int code;
} XmlCase;

static const XmlCase xml_cases[] = {
  { "entity-local-file",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE @ROOT@ [\n<!ENTITY secret SYSTEM \"file://@SECRET@\">\n]>\n"
    "@START@<title>&secret;</title>@END@", CB_ERROR_HOSTILE },
  { "entity-network",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE @ROOT@ [\n<!ENTITY remote SYSTEM \"http://127.0.0.1:9/casebrief.dtd\">\n]>\n"
    "@START@<title>&remote;</title>@END@", CB_ERROR_HOSTILE },
  { "parameter-entity-network",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE @ROOT@ [\n<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n%remote;\n]>\n"
    "@START@@END@", CB_ERROR_HOSTILE },
  { "quadratic-blowup",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE @ROOT@ [\n<!ENTITY a \"@A@\">\n]>\n@START@<title>@REFS@</title>@END@",
    CB_ERROR_HOSTILE },
  { "external-subset-network",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE @ROOT@ PUBLIC \"-//X//Y\" \"http://127.0.0.1:9/brief.dtd\">\n@START@@END@",
    CB_ERROR_HOSTILE },
  { "xinclude-network",
    "<?xml version=\"1.0\"?>\n@START@<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:9/x\"/>@END@",
    CB_ERROR_HOSTILE },
  { "processing-instruction-stylesheet",
    "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"file://@SECRET@\"?>\n@START@<title>@SECRET@</title>@END@",
    -1 },
};

static char *
make_xml (const XmlCase *c,
          gboolean       brief)
{
  GString *doc = g_string_new (c->body);
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autoptr(GString) a = g_string_new (NULL);

  /* 100 KB entity used 1,000 times: 100 MB of text from a 200 KB file. */
  for (guint i = 0; i < 100 * 1024 / 8; i++)
    g_string_append (a, "lolololo");
  for (guint i = 0; i < 1000; i++)
    g_string_append (refs, "&a;");
  g_string_replace (doc, "@A@", a->str, 0);
  g_string_replace (doc, "@REFS@", refs->str, 0);
  g_string_replace (doc, "@SECRET@", secret_path, 0);
  g_string_replace (doc, "@ROOT@", brief ? "brief" : "brieftemplate", 0);
  g_string_replace (doc, "@START@",
                    brief ? "<brief xmlns=\"" BRIEF_NS "\" version=\"1.0\"><metadata>"
                          : "<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"1.0\" id=\"t\">", 0);
  g_string_replace (doc, "@END@", brief ? "</metadata></brief>\n" : "</brieftemplate>\n", 0);
  /* In a brief the title is the case name. */
  if (brief)
    {
      g_string_replace (doc, "<title>", "<case-name>", 0);
      g_string_replace (doc, "</title>", "</case-name>", 0);
    }
  return g_string_free (doc, FALSE);
}

/* The same attack in an opinion's casebody XML, from the Caselaw Access Project. */
static char *
make_casebody_xml (const XmlCase *c)
{
  g_autofree char *brief_doc = make_xml (c, TRUE);
  GString *doc = g_string_new (brief_doc);

  g_string_replace (doc, "DOCTYPE brief", "DOCTYPE casebody", 0);
  g_string_replace (doc, "<brief xmlns=\"" BRIEF_NS "\" version=\"1.0\"><metadata>", "<casebody firstpage=\"1\">", 0);
  g_string_replace (doc, "</metadata></brief>", "</casebody>", 0);
  g_string_replace (doc, "<case-name>", "<parties>", 0);
  g_string_replace (doc, "</case-name>", "</parties>", 0);
  return g_string_free (doc, FALSE);
}

static void
test_xml_case (gconstpointer data)
{
  const XmlCase *c = data;
  g_autofree char *brief_doc = make_xml (c, TRUE);
  g_autofree char *template_doc = make_xml (c, FALSE);
  g_autofree char *casebody_doc = make_casebody_xml (c);
  g_autofree char *brief = write_file ("hostile.brief", brief_doc, -1);
  g_autofree char *template = write_file ("hostile.brieftemplate", template_doc, -1);
  g_autofree char *casebody = write_file ("hostile-casebody.xml", casebody_doc, -1);

  if (c->code >= 0)
    {
      assert_brief_refused (brief, c->code);
      assert_template_refused (template, c->code);
      assert_opinion_refused (casebody, c->code);
      assert_inspect_refuses (casebody);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (casebody);
      g_autoptr(GError) error = NULL;
      g_autoptr(CbOpinion) opinion = cb_opinion_import_file (file, NULL, &error);

      /* Harmless, but whatever happens, nothing of the secret may come in. */
      g_autoptr(GFile) brief_file = g_file_new_for_path (brief);
      g_autoptr(GError) brief_error = NULL;
      g_autoptr(CbBrief) loaded = cb_brief_load_file (brief_file, NULL, &brief_error);

      if (loaded == NULL)
        assert_error_names_file (brief_error, brief, brief_error->code);
      else
        g_assert_null (strstr (cb_brief_get_case_name (loaded), SECRET));
      if (opinion == NULL)
        assert_error_names_file (error, casebody, error->code);
      else
        g_assert_null (strstr (cb_opinion_get_text (opinion), SECRET));
    }
  if (c->code >= 0)
    assert_export_refuses (brief);
  assert_workdir_holds (3);
  clear_workdir ();
}

static void
test_xml_huge_attribute (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<brief xmlns=\"" BRIEF_NS "\" version=\"1.0\" x=\"");
  g_autofree char *path = NULL;

  /* 40 MB in one attribute, under the brief's cap: read whole (libxml2 is given
   * XML_PARSE_HUGE, since the caps bound the input), then refused by the schema. */
  for (guint i = 0; i < 40 * 1024 * 1024 / 8; i++)
    g_string_append (doc, "AAAAAAAA");
  g_string_append (doc, "\"><metadata/></brief>\n");
  path = write_file ("attribute.brief", doc->str, doc->len);
  g_string_free (doc, TRUE);

  assert_brief_refused (path, CB_ERROR_INVALID);
  assert_export_refuses (path);
  clear_workdir ();
}

static void
test_xml_deep_nesting_file (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"1.0\" id=\"t\">");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (doc, "<x:n xmlns:x=\"https://example.org/x\">");
  for (guint i = 0; i < 10000; i++)
    g_string_append (doc, "</x:n>");
  g_string_append (doc, "</brieftemplate>\n");
  path = write_file ("deep.brieftemplate", doc->str, doc->len);
  g_string_free (doc, TRUE);

  assert_template_refused (path, CB_ERROR_PARSE);
  clear_workdir ();
}

static void
test_too_large_brief_and_template (void)
{
  g_autofree char *brief = write_sparse_file ("huge.brief", 200 * 1024 * 1024);
  g_autofree char *template = write_sparse_file ("huge.brieftemplate", 200 * 1024 * 1024);

  assert_brief_refused (brief, CB_ERROR_TOO_LARGE);
  assert_template_refused (template, CB_ERROR_TOO_LARGE);
  assert_export_refuses (brief);
  assert_workdir_holds (2);
  clear_workdir ();
}

static void
test_binary_brief_and_template (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";
  g_autofree char *brief = write_file ("picture.brief", png, sizeof png - 1);
  g_autofree char *template = write_file ("picture.brieftemplate", png, sizeof png - 1);

  assert_brief_refused (brief, CB_ERROR_PARSE);
  assert_template_refused (template, CB_ERROR_PARSE);
  assert_export_refuses (brief);
  clear_workdir ();
}

static void
test_invalid_utf8_template (void)
{
  static const char doc[] = "<?xml version=\"1.0\"?>\n<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"1.0\" id=\"t\">"
                            "<title>Case \xc3\x28 brief</title></brieftemplate>\n";
  g_autofree char *path = write_file ("broken.brieftemplate", doc, sizeof doc - 1);

  assert_template_refused (path, CB_ERROR_ENCODING);
  clear_workdir ();
}

/* Excerpts whose offsets are damaged: the sample brief, edited. */

static char *
edited_sample (const char *from,
               const char *to)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                              "davidson-v-cannon.brief", NULL);
  g_autofree char *contents = NULL;
  GString *doc;

  g_file_get_contents (sample, &contents, NULL, NULL);
  g_assert_nonnull (contents);
  g_assert_nonnull (strstr (contents, from));
  doc = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (doc, from, to, 1), ==, 1);
  return g_string_free (doc, FALSE);
}

static CbBrief *
load_edited (const char *from,
             const char *to,
             GError    **error)
{
  g_autofree char *doc = edited_sample (from, to);
  g_autofree char *path = write_file ("edited.brief", doc, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cb_brief_load_file (file, NULL, error);
}

static void
test_excerpt_offsets_refused (void)
{
  static const struct { const char *to; const char *message; } cases[] = {
    { "start=\"-5\" end=\"876\"", NULL },
    { "start=\"876\" end=\"766\"", "edited.brief, line 96: excerpt “x00000001” ends before it starts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CbBrief) brief = load_edited ("start=\"766\" end=\"876\"", cases[i].to, &error);
      g_autofree char *path = g_build_filename (workdir, "edited.brief", NULL);

      g_assert_null (brief);
      assert_error_names_file (error, path, CB_ERROR_INVALID);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      assert_export_refuses (path);
      clear_workdir ();
    }
}

static void
test_excerpt_duplicate_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_edited ("<excerpt id=\"x00000002\"", "<excerpt id=\"x00000001\"", &error);
  g_autofree char *path = g_build_filename (workdir, "edited.brief", NULL);

  g_assert_null (brief);
  assert_error_names_file (error, path, CB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "edited.brief, line 100: two excerpts have the id “x00000001”");
  assert_export_refuses (path);
  clear_workdir ();
}

/* Offsets are a hint and the quote the truth (see DESIGN.md, Data): an excerpt that
 * points past the end of the text is found again by its quote, and one whose quote is
 * gone too is kept as an orphan. Neither is refused, and nothing is dropped. */
static void
test_excerpt_past_end (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_edited ("start=\"766\" end=\"876\"", "start=\"4000000000\" end=\"4000000110\"", &error);
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  CbExcerpt *excerpt;

  g_assert_no_error (error);
  excerpt = cb_brief_lookup_excerpt (brief, "x00000001");
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, 766);
  g_assert_cmpuint (cb_excerpt_get_end (excerpt), ==, 876);
  g_clear_object (&brief);

  brief = load_edited ("start=\"766\" end=\"876\" status=\"ok\">\n      <quote prefix=\"d was informed of its contents. \" suffix=\" By the time he left the prison \">James then attended",
                       "start=\"4000000000\" end=\"4000000110\" status=\"ok\">\n      <quote prefix=\"\" suffix=\"\">Words the opinion never had, James then attended",
                       &error);
  g_assert_no_error (error);
  excerpt = cb_brief_lookup_excerpt (brief, "x00000001");
  g_assert_cmpint (cb_excerpt_get_status (excerpt), ==, CB_ANCHOR_ORPHAN);
  /* Kept as written, so that it is saved again unchanged … */
  g_assert_cmpuint (cb_excerpt_get_start (excerpt), ==, 4000000000u);
  saved = cb_brief_to_bytes (brief);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "start=\"4000000000\" end=\"4000000110\" status=\"orphan\""));
  /* … and no pin cite is made up from offsets outside the text. */
  pin = cb_brief_dup_pin_cite (brief, excerpt);
  g_assert_null (pin);

  /* The brief still exports: the orphan is printed with its warning, not a crash. */
  path = g_build_filename (workdir, "edited.brief", NULL);
  pdf = g_build_filename (workdir, "out.pdf", NULL);
  {
    const char *args[] = { "export", "--pdf", pdf, path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (cb_test_run_casebrief (workdir, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  clear_workdir ();
}

/* Two excerpts of overlapping passages are a student's right: both load, where they were. */
static void
test_excerpt_overlapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_edited ("start=\"1493\" end=\"1640\" status=\"ok\">\n      <quote prefix=\" forestall any future incident. \" suffix=\"&#10;&#10;Petitioner brought this § 1983\">On Sunday, December 21, McMillian attacked petitioner with a fork, breaking his nose and inflicting other wounds to his face, neck, head, and body.</quote>",
                                          "start=\"795\" end=\"876\" status=\"ok\">\n      <quote>matters, which he described as emergencies, and left the note on his desk unread.</quote>",
                                          &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cb_excerpt_get_start (cb_brief_lookup_excerpt (brief, "x00000001")), ==, 766);
  g_assert_cmpint (cb_excerpt_get_status (cb_brief_lookup_excerpt (brief, "x00000002")), ==, CB_ANCHOR_OK);
  g_assert_cmpuint (cb_excerpt_get_end (cb_brief_lookup_excerpt (brief, "x00000002")), ==, 876);
  clear_workdir ();
}

/* A quotation of an excerpt the brief does not have (an id edited by hand) would show
 * nowhere, and the excerpt it was meant to be would lose its place: the brief is refused
 * everywhere it is read, naming the file, the line, the section and the id. */
static void
test_excerpt_dangling_ref (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_edited ("<excerpt-ref ref=\"x00000001\"/>", "<excerpt-ref ref=\"nope\"/>", &error);
  g_autofree char *path = g_build_filename (workdir, "edited.brief", NULL);
  const char *message = "edited.brief, line 56: section “Facts” refers to excerpt “nope”, which the brief does not have";

  g_assert_null (brief);
  assert_error_names_file (error, path, CB_ERROR_DANGLING_REF);
  g_assert_cmpstr (error->message, ==, message);
  assert_export_refuses (path);
  assert_inspect_refuses (path);
  {
    const char *args[] = { "check", path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *row_end = g_strdup_printf ("unreadable  %s\n", message);

    g_assert_cmpint (cb_test_run_casebrief (workdir, args, &out, &err), ==, 2);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_suffix (out, row_end));
  }
  assert_workdir_holds (1);
  clear_workdir ();
}

/* An excerpt no section quotes (its quotation taken out by hand) is the student's, and
 * the opinion still shows it: it is put back at the end of its section, where the
 * window, the PDF and check show it, and saved there. One whose section is gone too is
 * refused: there is nowhere to show it. */
static void
test_excerpt_unquoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = load_edited ("        <excerpt-ref ref=\"x00000001\"/>\n", "", &error);
  g_autofree char *path = g_build_filename (workdir, "edited.brief", NULL);
  g_autofree char *pdf = g_build_filename (workdir, "out.pdf", NULL);
  g_autoptr(GBytes) saved = NULL;
  CbSection *facts;
  const CbBlock *last;

  g_assert_no_error (error);
  facts = cb_brief_lookup_section (brief, "facts");
  last = cb_section_get_block (facts, cb_section_get_n_blocks (facts) - 1);
  g_assert_cmpint (last->kind, ==, CB_BLOCK_EXCERPT);
  g_assert_cmpstr (last->excerpt_id, ==, "x00000001");
  g_assert_cmpuint (g_list_model_get_n_items (cb_brief_get_excerpts (brief)), ==, 10);
  saved = cb_brief_to_bytes (brief);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "        <excerpt-ref ref=\"x00000003\"/>\n"
                                  "        <excerpt-ref ref=\"x00000001\"/>\n      </content>"));

  /* The PDF prints it, and check counts it in its section. */
  {
    const char *args[] = { "export", "--pdf", pdf, path, NULL };
    const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *text = NULL;
    g_autofree char *joined = NULL;

    g_assert_cmpint (cb_test_run_casebrief (workdir, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (cb_test_run (NULL, NULL, text_argv, &text, NULL), ==, 0);
    joined = g_strdelimit (g_strdup (text), "\n", ' ');
    g_assert_nonnull (strstr (joined, "James then attended to other matters"));
  }
  {
    const char *args[] = { "check", "--csv", path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) header = NULL;
    g_auto(GStrv) row = NULL;
    guint column = G_MAXUINT;

    cb_test_run_casebrief (workdir, args, &out, &err);
    g_assert_cmpstr (err, ==, "");
    lines = g_strsplit (out, "\n", -1);
    header = g_strsplit (lines[0], ",", -1);
    row = g_strsplit (lines[1], ",", -1);
    for (guint i = 0; header[i] != NULL; i++)
      if (g_str_equal (header[i], "Facts excerpts"))
        column = i;
    g_assert_cmpuint (column, <, g_strv_length (row));
    g_assert_cmpstr (row[column], ==, "3");
  }
  clear_workdir ();
  g_clear_object (&brief);

  {
    g_autofree char *doc = edited_sample ("        <excerpt-ref ref=\"x00000001\"/>\n", "");
    GString *edited = g_string_new (doc);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_cmpuint (g_string_replace (edited, "<excerpt id=\"x00000001\" section=\"facts\"",
                                        "<excerpt id=\"x00000001\" section=\"gone\"", 1), ==, 1);
    bytes = g_string_free_to_bytes (edited);
    brief = cb_brief_load_bytes (bytes, "edited.brief", &error);
    g_assert_null (brief);
    g_assert_error (error, CB_ERROR, CB_ERROR_DANGLING_REF);
    g_assert_cmpstr (error->message, ==,
                     "edited.brief, line 95: excerpt “x00000001” belongs to section “gone”, which the brief does not have");
  }
}

static void
test_template_duplicate_section (void)
{
  static const char doc[] =
    "<?xml version=\"1.0\"?>\n<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"1.0\" id=\"t\">\n"
    "<title>T</title>\n"
    "<section id=\"facts\"><title>Facts</title></section>\n"
    "<section id=\"facts\"><title>Facts again</title></section>\n"
    "</brieftemplate>\n";
  g_autofree char *path = write_file ("twice.brieftemplate", doc, -1);

  assert_template_refused (path, CB_ERROR_INVALID);
  clear_workdir ();
}

/* Every input that once crashed a fuzz target, through every reader, with the targets'
 * own checks: it must be read or refused cleanly, and a passage quoted from an opinion
 * must be found again. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dirname = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "tests", "fixtures",
                                               "fuzz-regressions", NULL);
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dirname, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GBytes) bytes = NULL;
      const char *opinion_names[] = { "regression.txt", "regression.html" };

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      bytes = g_bytes_new (contents, len);
      g_test_message ("%s", name);

      for (guint i = 0; i < G_N_ELEMENTS (opinion_names); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CbOpinion) opinion = cb_opinion_import_bytes (bytes, opinion_names[i], &error);
          gsize length;

          if (opinion == NULL)
            {
              g_assert_true (error->domain == CB_ERROR);
              continue;
            }
          length = cb_opinion_get_length (opinion);
          for (gsize start = 0; start + 1 < length; start += MAX (length / 16, 1))
            {
              g_autofree char *quote = cb_opinion_quote_text (opinion, start, MIN (start + 20, length));

              if (*quote != '\0')
                g_assert_true (cb_opinion_find_quote (opinion, quote, 0, NULL, NULL));
            }
        }
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "regression.brief", &error);

        g_assert_true (brief != NULL || error->domain == CB_ERROR);
      }
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(CbTemplate) template = cb_template_load_bytes (bytes, "regression.brieftemplate", &error);

        g_assert_true (template != NULL || error->domain == CB_ERROR);
      }
      {
        g_autofree char *text = g_strndup (contents, len);
        g_autoptr(GPtrArray) citations = cb_citation_scan (text);

        g_assert_nonnull (citations);
      }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  workdir = g_dir_make_tmp ("cb-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  secret_path = g_build_filename (g_get_tmp_dir (), "cb-hostile-secret", NULL);
  g_file_set_contents (secret_path, SECRET "\n", -1, &error);
  g_assert_no_error (error);

  g_test_add_func ("/hostile/opinion/too-large", test_opinion_too_large);
  g_test_add_func ("/hostile/opinion/binary", test_opinion_binary);
  g_test_add_func ("/hostile/opinion/nul-bytes", test_opinion_nul_bytes);
  g_test_add_func ("/hostile/opinion/invalid-encoding", test_opinion_invalid_encoding);
  g_test_add_func ("/hostile/opinion/folder", test_opinion_folder);
  g_test_add_func ("/hostile/opinion/html-entities", test_opinion_html_entities);
  g_test_add_func ("/hostile/opinion/html-deep-nesting", test_opinion_html_deep_nesting);
  g_test_add_func ("/hostile/opinion/html-huge-attribute", test_opinion_html_huge_attribute);
  for (guint i = 0; i < G_N_ELEMENTS (xml_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile/xml/%s", xml_cases[i].name);
      g_test_add_data_func (test_path, &xml_cases[i], test_xml_case);
    }
  g_test_add_func ("/hostile/xml/huge-attribute", test_xml_huge_attribute);
  g_test_add_func ("/hostile/xml/deep-nesting", test_xml_deep_nesting_file);
  g_test_add_func ("/hostile/too-large", test_too_large_brief_and_template);
  g_test_add_func ("/hostile/binary", test_binary_brief_and_template);
  g_test_add_func ("/hostile/template/invalid-utf8", test_invalid_utf8_template);
  g_test_add_func ("/hostile/template/duplicate-section", test_template_duplicate_section);
  g_test_add_func ("/hostile/excerpt/bad-offsets", test_excerpt_offsets_refused);
  g_test_add_func ("/hostile/excerpt/duplicate-id", test_excerpt_duplicate_id);
  g_test_add_func ("/hostile/excerpt/past-end", test_excerpt_past_end);
  g_test_add_func ("/hostile/excerpt/overlapping", test_excerpt_overlapping);
  g_test_add_func ("/hostile/excerpt/dangling-ref", test_excerpt_dangling_ref);
  g_test_add_func ("/hostile/excerpt/unquoted", test_excerpt_unquoted);
  g_test_add_func ("/hostile/fuzz-regressions", test_fuzz_regressions);

  status = g_test_run ();
  g_remove (secret_path);
  g_rmdir (workdir);
  g_free (secret_path);
  g_free (workdir);
  return status;
}
