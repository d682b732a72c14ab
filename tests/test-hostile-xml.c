#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-error.h"
#include "cb-template.h"

#define SECRET "7f3a-SECRET-CONTENTS-91c2"

#define BRIEF_START "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.0\">"

static char *secret_path;

typedef struct
{
  const char *name;
  const char *document; /* @SECRET_PATH@ stands for the secret file's path */
  int code;
} Case;

static const Case cases[] = {
  { "external-entity",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE brief [\n<!ENTITY secret SYSTEM \"file://@SECRET_PATH@\">\n]>\n"
    BRIEF_START "<metadata><case-name>&secret;</case-name></metadata></brief>\n",
    CB_ERROR_HOSTILE },
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE brief [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n" BRIEF_START "<metadata><case-name>&lol9;</case-name></metadata></brief>\n",
    CB_ERROR_HOSTILE },
  { "parameter-entity",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE brief [\n<!ENTITY % file SYSTEM \"file://@SECRET_PATH@\">\n"
    "<!ENTITY % wrap \"<!ENTITY leak '%file;'>\">\n%wrap;\n]>\n"
    BRIEF_START "<metadata><case-name>&leak;</case-name></metadata></brief>\n",
    CB_ERROR_HOSTILE },
  { "external-subset",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE brief SYSTEM \"file://@SECRET_PATH@\">\n"
    BRIEF_START "<metadata/></brief>\n",
    CB_ERROR_HOSTILE },
  { "xinclude",
    "<?xml version=\"1.0\"?>\n" BRIEF_START
    "<metadata><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://@SECRET_PATH@\" parse=\"text\"/></metadata></brief>\n",
    CB_ERROR_HOSTILE },
  { "undeclared-entity",
    "<?xml version=\"1.0\"?>\n" BRIEF_START "<metadata><case-name>&nbsp;@SECRET_PATH@</case-name></metadata></brief>\n",
    CB_ERROR_PARSE },
  { "truncated",
    "<?xml version=\"1.0\"?>\n" BRIEF_START "<metadata><case-name>Davidson v. Can",
    CB_ERROR_PARSE },
  { "not-xml",
    "Davidson v. Cannon, 474 U.S. 344 (1986)\n",
    CB_ERROR_PARSE },
  { "empty",
    "",
    CB_ERROR_PARSE },
};

static char *
make_document (const Case *c)
{
  GString *document = g_string_new (c->document);

  g_string_replace (document, "@SECRET_PATH@", secret_path, 0);
  return g_string_free (document, FALSE);
}

static void
assert_refused_brief (const char *data,
                      gsize       len,
                      int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "hostile.brief", &error);

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "hostile.brief"));
  g_assert_null (strstr (error->message, SECRET));
  g_test_message ("%s", error->message);
}

static void
assert_refused_template (const char *data,
                         gsize       len,
                         int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbTemplate) template = cb_template_load_bytes (bytes, "hostile.brieftemplate", &error);

  g_assert_null (template);
  g_assert_error (error, CB_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "hostile.brieftemplate"));
  g_assert_null (strstr (error->message, SECRET));
  g_test_message ("%s", error->message);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *document = make_document (c);
  g_autoptr(GString) as_template = g_string_new (document);

  assert_refused_brief (document, strlen (document), c->code);

  /* The same attack on the template reader. */
  g_string_replace (as_template, "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\"",
                    "<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" id=\"t\"", 0);
  g_string_replace (as_template, "DOCTYPE brief", "DOCTYPE brieftemplate", 0);
  g_string_replace (as_template, "</brief>", "</brieftemplate>", 0);
  assert_refused_template (as_template->str, as_template->len, c->code);
}

static void
test_deep_nesting (void)
{
  GString *document = g_string_new ("<?xml version=\"1.0\"?>\n" BRIEF_START "<metadata>");

  for (guint i = 0; i < 10000; i++)
    g_string_append (document, "<x:n xmlns:x=\"https://example.org/x\">");
  for (guint i = 0; i < 10000; i++)
    g_string_append (document, "</x:n>");
  g_string_append (document, "</metadata></brief>\n");

  assert_refused_brief (document->str, document->len, CB_ERROR_PARSE);
  g_string_free (document, TRUE);
}

static void
test_invalid_utf8 (void)
{
  const char document[] = "<?xml version=\"1.0\"?>\n" BRIEF_START "\n<metadata><case-name>Davidson \xc3\x28 v. Cannon</case-name></metadata></brief>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (document, sizeof document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "hostile.brief", &error);

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "hostile.brief, line 3: the file is not valid UTF-8 text");
}

static void
test_nul_byte (void)
{
  const char document[] = "<?xml version=\"1.0\"?>\n" BRIEF_START "<metadata><case-name>Davidson\0 v. Cannon</case-name></metadata></brief>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (document, sizeof document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "hostile.brief", &error);

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "hostile.brief, line 2: the file contains a NUL character, which XML does not allow");
}

static void
test_truncated_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples", "davidson-v-cannon.brief", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, NULL);
  g_assert_nonnull (contents);
  assert_refused_brief (contents, len / 2, CB_ERROR_PARSE);
  assert_refused_brief (contents, len - 3, CB_ERROR_PARSE);
}

static void
test_parse_error_names_line (void)
{
  const char *document = "<?xml version=\"1.0\"?>\n" BRIEF_START "\n<metadata>\n<case-name>A</court>\n</metadata></brief>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_bytes (bytes, "broken.brief", &error);

  g_assert_null (brief);
  g_assert_error (error, CB_ERROR, CB_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "broken.brief, line 4: "));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int fd;
  int status;

  g_test_init (&argc, &argv, NULL);

  fd = g_file_open_tmp ("cb-secret-XXXXXX", &secret_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (fd, SECRET "\n", strlen (SECRET "\n")), ==, strlen (SECRET "\n"));
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile-xml/%s", cases[i].name);
      g_test_add_data_func (test_path, &cases[i], test_case);
    }
  g_test_add_func ("/hostile-xml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile-xml/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile-xml/nul-byte", test_nul_byte);
  g_test_add_func ("/hostile-xml/truncated-sample", test_truncated_sample);
  g_test_add_func ("/hostile-xml/parse-error-names-line", test_parse_error_names_line);

  status = g_test_run ();
  g_unlink (secret_path);
  g_free (secret_path);
  return status;
}
