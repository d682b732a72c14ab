/* Inputs at any size in the shapes that once made a reader's work grow faster than its
 * input: for the scaling benchmarks and for the tests of what is read from them. */
#include "config.h"

#include <string.h>

#include "bench-shapes.h"

#define NFD_UNIT "Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 nai\xcc\x88ve "
#define NFC_UNIT "Caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9 na\xc3\xafve "

static char *
repeat (const char *unit,
        gsize       bytes)
{
  gsize n = strlen (unit);
  GString *out = g_string_sized_new (bytes + n);

  while (out->len + n <= bytes)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

char *
cb_shape_nfd_text (gsize bytes)
{
  return repeat (NFD_UNIT, bytes);
}

char *
cb_shape_nfd_text_composed (gsize bytes)
{
  gsize units = bytes / strlen (NFD_UNIT);
  GString *out = g_string_sized_new (units * strlen (NFC_UNIT) + 1);

  for (gsize i = 0; i < units; i++)
    g_string_append (out, NFC_UNIT);
  return g_string_free (out, FALSE);
}

char *
cb_shape_footnote_runs (gsize bytes)
{
  GString *out = g_string_new ("Body text.\n");

  while (out->len + 7 <= bytes)
    g_string_append (out, "\n\n\n1 x");
  return g_string_free (out, FALSE);
}

char *
cb_shape_html_attributes (guint n)
{
  GString *out = g_string_new ("<html><body><p");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, " a%u=\"x\"", i);
  g_string_append (out, ">Text *345 more.</p></body></html>");
  return g_string_free (out, FALSE);
}

char *
cb_shape_opinion_text (gsize bytes)
{
  GString *out = g_string_sized_new (bytes + 256);
  guint page = 345;
  gsize next_page = 4096;

  for (guint i = 0; out->len < bytes; i++)
    {
      g_string_append_printf (out, "The court held that the officials had not deprived him of liberty in sentence %u.", i);
      if (out->len >= next_page)
        {
          g_string_append_printf (out, " *%u", page++);
          next_page += 4096;
        }
      g_string_append (out, i % 8 == 7 ? "\n\n" : " ");
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

GBytes *
cb_shape_brief (const char *text,
                const char *citation,
                const char *student,
                const char *sections,
                const char *excerpts)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<brief xmlns=\"https://casebrief.github.io/ns/brief/1\" version=\"1.0\">\n"
                               "  <metadata>\n    <case-name>A v. B</case-name>\n    <citation>");

  append_escaped (out, citation);
  g_string_append (out, "</citation>\n    <student>");
  append_escaped (out, student);
  g_string_append (out, "</student>\n  </metadata>\n"
                        "  <template id=\"default\" template-version=\"1\">\n    <title>T</title>\n  </template>\n");
  g_string_append_printf (out, "  <opinion source=\"o.txt\" format=\"text\" sha256=\"%s\">", sha);
  append_escaped (out, text);
  g_string_append (out, "</opinion>\n  <sections>\n");
  g_string_append (out, sections);
  g_string_append (out, "  </sections>\n  <excerpts>\n");
  g_string_append (out, excerpts);
  g_string_append (out, "  </excerpts>\n</brief>\n");
  return g_string_free_to_bytes (out);
}

/* An attribute's value as the brief's writer writes it: line breaks kept as
 * references, which a parser would otherwise read as spaces. */
static char *
escape_attribute (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "&#10;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_section (GString    *out,
                const char *id,
                const char *content)
{
  g_string_append_printf (out, "    <section id=\"%s\" required=\"true\">\n      <title>%s</title>\n"
                               "      <content>%s</content>\n    </section>\n", id, id, content);
}

static void
append_excerpt (GString    *out,
                guint       serial,
                gsize       start,
                gsize       end,
                const char *text,
                gsize       quote_start,
                gsize       quote_end)
{
  g_autofree char *quote = g_strndup (text + quote_start, quote_end - quote_start);
  gsize prefix_start = quote_start > 32 ? quote_start - 32 : 0;
  g_autofree char *prefix = g_strndup (text + prefix_start, quote_start - prefix_start);
  /* g_strndup() stops at the end of the text. */
  g_autofree char *suffix = g_strndup (text + quote_end, 32);
  g_autofree char *q = g_markup_escape_text (quote, -1);
  g_autofree char *p = escape_attribute (prefix);
  g_autofree char *s = escape_attribute (suffix);

  g_string_append_printf (out, "    <excerpt id=\"x%08x\" section=\"facts\" start=\"%" G_GSIZE_FORMAT
                               "\" end=\"%" G_GSIZE_FORMAT "\" status=\"ok\">\n"
                               "      <quote prefix=\"%s\" suffix=\"%s\">%s</quote>\n    </excerpt>\n",
                          serial, start, end, p, s, q);
}

GBytes *
cb_shape_brief_sections (guint n)
{
  g_autofree char *text = cb_shape_opinion_text (20000);
  g_autoptr(GString) sections = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      append_section (sections, id, "<p>Words here.</p>");
    }
  return cb_shape_brief (text, "474 U.S. 344", "Jo", sections->str, "");
}

GBytes *
cb_shape_brief_runs (guint n)
{
  g_autofree char *text = cb_shape_opinion_text (20000);
  g_autoptr(GString) content = g_string_new ("<p>");
  g_autoptr(GString) sections = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (content, i % 2 == 0 ? "<i>a</i>" : " b ");
  g_string_append (content, "</p>");
  append_section (sections, "facts", content->str);
  return cb_shape_brief (text, "474 U.S. 344", "Jo", sections->str, "");
}

/* Where each sentence of cb_shape_opinion_text() starts: every sentence opens with the
 * same 60 characters, and only its context tells one from another. */
static GArray *
sentence_starts (const char *text)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (const char *p = text; (p = strstr (p, "The court held")) != NULL; p++)
    {
      gsize at = p - text;

      g_array_append_val (starts, at);
    }
  return starts;
}

GBytes *
cb_shape_brief_moved (guint   n,
                      gsize **starts_out)
{
  g_autofree char *text = cb_shape_opinion_text ((gsize) n * 110 + 1000);
  g_autoptr(GArray) starts = sentence_starts (text);
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autoptr(GString) excerpts = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (3);
  gsize *where = g_new (gsize, n);
  gsize length = strlen (text);

  g_assert (starts->len > n);
  for (guint i = 0; i < n; i++)
    {
      /* The sentence after the i-th, stored at a place chosen at random. */
      gsize at = g_array_index (starts, gsize, i + 1);
      gsize stored = g_rand_int_range (rand, 0, length - 200);

      /* Not at another sentence's start, where the text would match the quote. */
      if (strncmp (text + stored, "The court held", 14) == 0)
        stored++;

      where[i] = at;
      append_excerpt (excerpts, i, stored, stored + 60, text, at, at + 60);
      g_string_append_printf (refs, "<excerpt-ref ref=\"x%08x\"/>", i);
    }
  g_rand_free (rand);
  append_section (sections, "facts", refs->str);
  if (starts_out != NULL)
    *starts_out = where;
  else
    g_free (where);
  return cb_shape_brief (text, "474 U.S. 344", "Jo", sections->str, excerpts->str);
}

GBytes *
cb_shape_brief_typo (guint n)
{
  g_autofree char *text = cb_shape_opinion_text ((gsize) n + 10000);
  g_autofree char *quote = g_strndup (text + 100, n);
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autoptr(GString) excerpts = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  quote[n / 2] = quote[n / 2] == 'X' ? 'Y' : 'X';
  escaped = g_markup_escape_text (quote, -1);
  g_string_append_printf (excerpts, "    <excerpt id=\"x00000001\" section=\"facts\" start=\"0\" end=\"5\" status=\"ok\">\n"
                                    "      <quote>%s</quote>\n    </excerpt>\n", escaped);
  append_section (sections, "facts", "<excerpt-ref ref=\"x00000001\"/>");
  return cb_shape_brief (text, "474 U.S. 344", "Jo", sections->str, excerpts->str);
}

GBytes *
cb_shape_brief_parallel (guint n)
{
  g_autofree char *text = cb_shape_opinion_text ((gsize) n * 110 + 1000);
  g_autoptr(GArray) starts = sentence_starts (text);
  g_autoptr(GString) citation = g_string_new (NULL);
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autoptr(GString) excerpts = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (citation, "%s%u U.S. %u", i > 0 ? ", " : "", i + 1, i + 2);
  for (guint i = 0; i < n; i++)
    {
      gsize at = g_array_index (starts, gsize, i);

      append_excerpt (excerpts, i, at, at + 40, text, at, at + 40);
      g_string_append_printf (refs, "<excerpt-ref ref=\"x%08x\"/>", i);
    }
  append_section (sections, "facts", refs->str);
  return cb_shape_brief (text, citation->str, "Jo", sections->str, excerpts->str);
}

char *
cb_shape_idem_text (gsize bytes)
{
  return repeat ("Id. ", bytes);
}
