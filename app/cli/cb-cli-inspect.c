#define G_LOG_DOMAIN "cb-cli-inspect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-brief.h"
#include "cb-citation.h"
#include "cb-cli.h"
#include "cb-opinion.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value,
                    gboolean    last)
{
  g_string_append (out, "    ");
  append_json_string (out, name);
  g_string_append (out, ": ");
  append_json_string (out, value);
  g_string_append (out, last ? "\n" : ",\n");
}

static const char * const kind_names[] = { "case", "statute", "short", "id" };
static const char * const form_names[] = { "reporter", "neutral", "database" };

static void
append_json_field (GString    *out,
                   const char *name,
                   const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  append_json_string (out, value);
}

/* Every field of citation @i: what it cites and how, its parts as written and
 * normalized, the parenthetical's court and year, its parallels and what it refers to. */
static void
append_citation_json (GString   *out,
                      GPtrArray *citations,
                      guint      i)
{
  const CbCitation *c = g_ptr_array_index (citations, i);
  guint root = c->parallel_of >= 0 ? (guint) c->parallel_of : i;
  gboolean any = FALSE;

  g_string_append_printf (out, "%s\n    {\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT,
                          i ? "," : "", c->start, c->end);
  append_json_field (out, "text", c->text);
  append_json_field (out, "kind", kind_names[c->kind]);
  append_json_field (out, "form", c->kind == CB_CITATION_STATUTE ? NULL : form_names[c->form]);
  append_json_field (out, "case_name", c->case_name);
  append_json_field (out, "volume", c->volume);
  append_json_field (out, "reporter", c->reporter);
  append_json_field (out, "reporter_as_written", c->reporter_written);
  append_json_field (out, "page", c->page);
  append_json_field (out, "pin", c->pin);
  append_json_field (out, "court", c->court);
  append_json_field (out, "year", c->year);
  append_json_field (out, "date", c->date);
  g_string_append_printf (out, ", \"parallel_of\": %d, \"parallels\": [", c->parallel_of);
  /* The first of a group lists the others; each other lists the first and the rest. */
  for (guint j = root; j < citations->len; j++)
    {
      const CbCitation *other = g_ptr_array_index (citations, j);

      /* Parallels follow their first citation directly. */
      if (j > root && other->parallel_of != (int) root)
        break;
      if (j != i)
        {
          g_string_append_printf (out, "%s%u", any ? ", " : "", j);
          any = TRUE;
        }
    }
  g_string_append_printf (out, "], \"refers_to\": %d}", c->refers_to);
}

static const char * const formats[] = { "text", "html", "pdf", "xml" };
static const char * const part_kinds[] = { "separate", "court", "syllabus" };

/* Where the text moves to PDF page @page first, or the text's length when it never does. */
static gsize
pdf_page_offset (CbPageMap *map,
                 guint      page,
                 gsize      length)
{
  for (gsize i = 0; i < cb_page_map_get_n_pdf_page_starts (map); i++)
    {
      gsize offset;
      guint p;

      cb_page_map_get_pdf_page_start (map, i, &offset, &p);
      if (p == page)
        return offset;
    }
  return length;
}

/* A PDF's pages, printed pages and parts, which text and HTML opinions do not have. */
static void
append_json_print (GString   *out,
                   CbOpinion *opinion)
{
  CbPageMap *map = cb_opinion_get_page_map (opinion);
  const CbPart *parts;
  gsize n_parts;

  g_string_append (out, "  \"numbering\": ");
  append_json_string (out, cb_page_map_get_numbering (map) == CB_PAGE_NUMBERING_SLIP ? "slip" : "reporter");
  g_string_append (out, ",\n  \"pdf_pages\": [");
  for (guint p = 1; p <= cb_page_map_get_n_pdf_pages (map); p++)
    {
      g_string_append_printf (out, "%s\n    {\"page\": %u, \"label\": ", p > 1 ? "," : "", p);
      append_json_string (out, cb_page_map_get_label (map, p));
      g_string_append_printf (out, ", \"offset\": %" G_GSIZE_FORMAT "}",
                              pdf_page_offset (map, p, cb_opinion_get_length (opinion)));
    }
  g_string_append (out, cb_page_map_get_n_pdf_pages (map) ? "\n  ],\n  \"printed_pages\": [" : "],\n  \"printed_pages\": [");
  if (!cb_opinion_get_star_paging (opinion))
    for (gsize i = 0; i < cb_page_map_get_n_page_starts (map, 0); i++)
      {
        gsize offset;
        guint page;

        cb_page_map_get_page_start (map, 0, i, &offset, &page);
        g_string_append_printf (out, "%s\n    {\"page\": %u, \"offset\": %" G_GSIZE_FORMAT "}", i ? "," : "", page, offset);
      }
  g_string_append (out, "\n  ],\n  \"parts\": [");
  parts = cb_page_map_get_parts (map, &n_parts);
  for (gsize i = 0; i < n_parts; i++)
    {
      g_string_append_printf (out, "%s\n    {\"start\": %" G_GSIZE_FORMAT ", \"end\": %" G_GSIZE_FORMAT ", \"kind\": ",
                              i ? "," : "", parts[i].start, parts[i].end);
      append_json_string (out, part_kinds[parts[i].kind]);
      g_string_append (out, ", \"title\": ");
      append_json_string (out, parts[i].title);
      g_string_append (out, ", \"parenthetical\": ");
      append_json_string (out, parts[i].parenthetical);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_parts ? "\n  ],\n" : "],\n");
}

static char *
to_json (CbOpinion *opinion)
{
  GString *out = g_string_new ("{\n  \"metadata\": {\n");
  const CbPageMark *marks;
  const CbFootnote *notes;
  const CbHeadnote *headnotes;
  const CbParagraph *paragraphs;
  GPtrArray *citations = cb_opinion_get_citations (opinion);
  gsize n_marks, n_notes, n_headnotes, n_paragraphs;

  append_json_member (out, "source", cb_opinion_get_source_name (opinion), FALSE);
  append_json_member (out, "format", formats[cb_opinion_get_format (opinion)], FALSE);
  append_json_member (out, "sha256", cb_opinion_get_sha256 (opinion), FALSE);
  append_json_member (out, "case_name", cb_opinion_get_case_name (opinion), FALSE);
  append_json_member (out, "citation", cb_opinion_get_citation (opinion), FALSE);
  append_json_member (out, "court", cb_opinion_get_court (opinion), FALSE);
  append_json_member (out, "date", cb_opinion_get_date (opinion), FALSE);
  append_json_member (out, "docket", cb_opinion_get_docket (opinion), TRUE);
  g_string_append_printf (out, "  },\n  \"length\": %" G_GSIZE_FORMAT ",\n  \"reporters\": %u,\n",
                          cb_opinion_get_length (opinion), cb_opinion_get_n_reporters (opinion));

  if (cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_PDF)
    append_json_print (out, opinion);
  g_string_append (out, "  \"first_pages\": [");
  for (guint r = 0; r < cb_opinion_get_n_reporters (opinion); r++)
    g_string_append_printf (out, "%s%u", r ? ", " : "", cb_opinion_get_first_page (opinion, r));
  g_string_append (out, "],\n  \"pages\": [");

  marks = cb_opinion_get_page_marks (opinion, &n_marks);
  for (gsize i = 0; i < n_marks; i++)
    g_string_append_printf (out, "%s\n    {\"reporter\": %u, \"page\": %u, \"offset\": %" G_GSIZE_FORMAT
                            ", \"length\": %" G_GSIZE_FORMAT "}",
                            i ? "," : "", marks[i].reporter, marks[i].page, marks[i].offset, marks[i].length);
  g_string_append (out, n_marks ? "\n  ],\n  \"footnotes\": [" : "],\n  \"footnotes\": [");

  notes = cb_opinion_get_footnotes (opinion, &n_notes);
  for (gsize i = 0; i < n_notes; i++)
    {
      g_autofree char *body = cb_opinion_quote_text (opinion, notes[i].body_start, notes[i].body_end);

      g_string_append_printf (out, "%s\n    {\"label\": ", i ? "," : "");
      append_json_string (out, notes[i].label);
      g_string_append_printf (out, ", \"marker_offset\": %" G_GSIZE_FORMAT ", \"marker_length\": %" G_GSIZE_FORMAT
                              ", \"body_start\": %" G_GSIZE_FORMAT ", \"body_end\": %" G_GSIZE_FORMAT ", \"text\": ",
                              notes[i].marker_offset, notes[i].marker_length, notes[i].body_start, notes[i].body_end);
      append_json_string (out, body);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_notes ? "\n  ],\n  \"headnotes\": [" : "],\n  \"headnotes\": [");

  headnotes = cb_opinion_get_headnotes (opinion, &n_headnotes);
  for (gsize i = 0; i < n_headnotes; i++)
    g_string_append_printf (out, "%s\n    {\"number\": %u, \"offset\": %" G_GSIZE_FORMAT ", \"length\": %" G_GSIZE_FORMAT "}",
                            i ? "," : "", headnotes[i].number, headnotes[i].offset, headnotes[i].length);
  g_string_append (out, n_headnotes ? "\n  ],\n  \"paragraphs\": [" : "],\n  \"paragraphs\": [");

  paragraphs = cb_opinion_get_paragraphs (opinion, &n_paragraphs);
  for (gsize i = 0; i < n_paragraphs; i++)
    g_string_append_printf (out, "%s\n    {\"number\": %u, \"offset\": %" G_GSIZE_FORMAT ", \"length\": %" G_GSIZE_FORMAT "}",
                            i ? "," : "", paragraphs[i].number, paragraphs[i].offset, paragraphs[i].length);
  g_string_append (out, n_paragraphs ? "\n  ],\n  \"citations\": [" : "],\n  \"citations\": [");

  for (guint i = 0; i < citations->len; i++)
    append_citation_json (out, citations, i);
  g_string_append (out, citations->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

static void
print_print (CbOpinion *opinion)
{
  CbPageMap *map = cb_opinion_get_page_map (opinion);
  const CbPart *parts;
  gsize n_parts;

  g_print ("\n%s\n", _("PDF pages (page, printed number, offset)"));
  for (guint p = 1; p <= cb_page_map_get_n_pdf_pages (map); p++)
    {
      g_autofree char *label = cb_cli_printable (cb_page_map_get_label (map, p), 20);

      g_print ("  %-4u %-6s %" G_GSIZE_FORMAT "\n", p, *label ? label : "—",
               pdf_page_offset (map, p, cb_opinion_get_length (opinion)));
    }
  if (!cb_opinion_get_star_paging (opinion))
    {
      g_print ("\n%s\n", cb_page_map_get_numbering (map) == CB_PAGE_NUMBERING_SLIP
                           ? _("Printed pages, each part from 1 (page, offset)") : _("Printed pages (page, offset)"));
      for (gsize i = 0; i < cb_page_map_get_n_page_starts (map, 0); i++)
        {
          gsize offset;
          guint page;

          cb_page_map_get_page_start (map, 0, i, &offset, &page);
          g_print ("  %-4u %" G_GSIZE_FORMAT "\n", page, offset);
        }
    }
  parts = cb_page_map_get_parts (map, &n_parts);
  g_print ("\n%s\n", _("Parts (start–end, name)"));
  for (gsize i = 0; i < n_parts; i++)
    {
      g_autofree char *title = cb_cli_printable (parts[i].title, 200);
      g_autofree char *parenthetical = cb_cli_printable (parts[i].parenthetical, 200);

      g_print ("  %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT "  %s%s%s\n", parts[i].start, parts[i].end,
               title, parts[i].parenthetical ? "  " : "", parenthetical);
    }
}

static void
print_table (CbOpinion *opinion)
{
  const CbPageMark *marks;
  const CbFootnote *notes;
  const CbHeadnote *headnotes;
  const CbParagraph *paragraphs;
  GPtrArray *citations = cb_opinion_get_citations (opinion);
  gsize n_marks, n_notes, n_headnotes, n_paragraphs;
  const struct { const char *label; const char *value; } fields[] = {
    { _("Source"), cb_opinion_get_source_name (opinion) },
    { _("Case"), cb_opinion_get_case_name (opinion) },
    { _("Citation"), cb_opinion_get_citation (opinion) },
    { _("Court"), cb_opinion_get_court (opinion) },
    { _("Decided"), cb_opinion_get_date (opinion) },
    { _("Docket"), cb_opinion_get_docket (opinion) },
  };

  /* Everything below but the numbers came from the file: made printable, and cut. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = cb_cli_printable (fields[i].value ? fields[i].value : "—", 200);

      g_print ("%-10s %s\n", fields[i].label, value);
    }
  g_print ("%-10s %" G_GSIZE_FORMAT "\n", _("Length"), cb_opinion_get_length (opinion));

  marks = cb_opinion_get_page_marks (opinion, &n_marks);
  /* A PDF's printed pages are no star pages: they are told below. */
  if (cb_opinion_get_star_paging (opinion))
    {
      g_print ("\n%s\n", _("Pages (reporter, page, offset)"));
      for (guint r = 0; r < cb_opinion_get_n_reporters (opinion); r++)
        g_print ("  %.*s%u  %s\n", (int) r + 1, "***", cb_opinion_get_first_page (opinion, r), _("(start of text)"));
      for (gsize i = 0; i < n_marks; i++)
        g_print ("  %.*s%u  %" G_GSIZE_FORMAT "\n", (int) marks[i].reporter + 1, "***", marks[i].page, marks[i].offset);
    }

  if (cb_opinion_get_format (opinion) == CB_OPINION_FORMAT_PDF)
    print_print (opinion);

  notes = cb_opinion_get_footnotes (opinion, &n_notes);
  g_print ("\n%s\n", _("Footnotes (label, marker offset, body)"));
  for (gsize i = 0; i < n_notes; i++)
    {
      g_autofree char *text = cb_opinion_quote_text (opinion, notes[i].body_start, notes[i].body_end);
      g_autofree char *body = cb_cli_printable (text, 60);
      g_autofree char *label = cb_cli_printable (notes[i].label, 10);

      g_print ("  %-4s %-8" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT "  %s\n",
               label, notes[i].marker_offset, notes[i].body_start, notes[i].body_end, body);
    }

  headnotes = cb_opinion_get_headnotes (opinion, &n_headnotes);
  g_print ("\n%s\n", _("Headnotes (number, offset)"));
  for (gsize i = 0; i < n_headnotes; i++)
    g_print ("  [%u]  %" G_GSIZE_FORMAT "\n", headnotes[i].number, headnotes[i].offset);

  paragraphs = cb_opinion_get_paragraphs (opinion, &n_paragraphs);
  if (n_paragraphs > 0)
    {
      g_print ("\n%s\n", _("Numbered paragraphs (number, offset)"));
      for (gsize i = 0; i < n_paragraphs; i++)
        g_print ("  ¶ %u  %" G_GSIZE_FORMAT "\n", paragraphs[i].number, paragraphs[i].offset);
    }

  g_print ("\n%s\n", _("Citations (start–end, text)"));
  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *c = g_ptr_array_index (citations, i);
      g_autofree char *text = cb_cli_printable (c->text, 200);

      g_print ("  %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT "  %s\n", c->start, c->end, text);
    }
}

static int
fail (const char *file,
      const char *reason)
{
  g_autofree char *name = g_filename_display_name (file);
  g_autofree char *message = g_strdup_printf ("%s: %s", name, reason);

  cb_cli_fail (message);
  return 1;
}

/**
 * cb_cli_inspect:
 * @argc: argument count, from the command name on
 * @argv: arguments; argv[0] is "inspect"
 *
 * `casebrief inspect OPINION [--json]` prints what Casebrief reads from an
 * opinion: metadata, page map, footnotes, headnotes and citations with their
 * character offsets. With `--quote TEXT` it prints the pin cite of every place
 * of TEXT instead, one per line, citing by `--citation` when given; why the pin cites
 * by that citation cannot name one of its reporters goes to stderr.
 *
 * Returns: the exit status: 0 on success, 1 when the opinion cannot be read or
 *   the quote is not found, 2 on a usage error
 */
int
cb_cli_inspect (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  gboolean court_style = FALSE;
  g_autofree char *citation = NULL;
  g_autofree char *quote = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "citation", 0, 0, G_OPTION_ARG_STRING, &citation, N_("Cite by this citation"), N_("CITATION") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("Print the pin cite of each place of TEXT"), N_("TEXT") },
    { "supreme-court-style", 0, 0, G_OPTION_ARG_NONE, &court_style, N_("Cite as the Supreme Court does"), NULL },
    /* No description: the usage line names OPINION already. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("OPINION — show what Casebrief reads from an opinion (of a .brief, the opinion it embeds)"));
  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* The usage line names the command, not only the program. */
  g_set_prgname ("casebrief inspect");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("casebrief: inspect: %s\n", error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("casebrief: inspect: %s\n", _("give exactly one opinion file"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  /* Named by its suffix, as the window tells them: a brief is inspected by the opinion
   * it embeds (its XML is no opinion text), a template has none. */
  if (g_str_has_suffix (files[0], ".brieftemplate"))
    {
      g_autofree char *name = g_filename_display_name (files[0]);
      g_autofree char *message = g_strdup_printf (_("%s is a template, not an opinion; inspect takes an opinion or a brief"),
                                                  name);

      cb_cli_fail (message);
      return 1;
    }
  if (g_str_has_suffix (files[0], ".brief"))
    {
      g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);
      g_autofree char *name = g_filename_display_name (files[0]);
      g_autofree char *note = NULL;

      if (brief == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            return fail (files[0], _("no such file"));
          cb_cli_fail (error->message);
          return 1;
        }
      opinion = g_object_ref (cb_brief_get_opinion (brief));
      /* Pin cites as the brief makes them, unless told otherwise. */
      if (citation == NULL && cb_brief_get_citation (brief)[0] != '\0')
        citation = g_strdup (cb_brief_get_citation (brief));
      note = g_strdup_printf (_("%s is a brief: showing the opinion embedded in it"), name);
      /* On stderr: the table, the JSON and the pin cites read as for an opinion. */
      cb_cli_fail (note);
    }
  else
    opinion = cb_opinion_import_file (file, NULL, &error);
  if (opinion == NULL)
    {
      /* A missing file is named as it was typed; every other message names it. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return fail (files[0], _("no such file"));
      cb_cli_fail (error->message);
      return 1;
    }

  /* Why pin cites by the citation give bare pages or leave a reporter out, on stderr:
   * stdout keeps one pin cite a line. */
  if (citation != NULL)
    {
      g_autoptr(GPtrArray) problems = cb_opinion_dup_citation_problems (opinion, citation);
      g_autofree char *name = g_filename_display_name (files[0]);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", name, (char *) g_ptr_array_index (problems, i));

          cb_cli_fail (message);
        }
    }

  if (quote != NULL)
    {
      g_autoptr(GArray) ranges = cb_opinion_find_quote_all (opinion, quote);

      if (ranges->len == 0)
        return fail (files[0], _("the quote is not in the opinion"));
      for (guint i = 0; i < ranges->len; i++)
        {
          const CbRange *range = &g_array_index (ranges, CbRange, i);
          g_autofree char *cite = cb_opinion_pin_cite (opinion, range->start, range->end, citation,
                                                       court_style ? CB_CITE_STYLE_SUPREME_COURT
                                                                   : CB_CITE_STYLE_BLUEBOOK);

          g_print ("%s\n", cite ? cite : _("(no page)"));
        }
      return 0;
    }

  if (json)
    {
      g_autofree char *text = to_json (opinion);

      g_print ("%s", text);
    }
  else
    {
      print_table (opinion);
    }
  return 0;
}
