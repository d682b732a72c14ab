#define G_LOG_DOMAIN "cb-html-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "cb-error.h"
#include "cb-html-import.h"

/*
 * The canonical text an HTML opinion becomes, which the text analyzer reads:
 *
 *  - paragraphs are separated by one blank line, <br> is a line break, and
 *    in <pre> a line break stays one and a blank line starts a paragraph;
 *  - a star-page marker is written as in Westlaw text, "*346" for the first
 *    reporter, "**670" for the second, "***12" for the third, with a space on
 *    each side ("since *346 neither");
 *  - a marker that splits a word is glued to the word's first part and followed
 *    by a space ("in*363 formation"), so that the word stays one word for
 *    matching and quoting while the marker stays visible;
 *  - a footnote reference is its label glued to the preceding text: "[1]" for a
 *    numbered note, the symbol itself ("*", "†") otherwise;
 *  - the footnotes follow the opinion after two blank lines, each starting with
 *    its label ("[1] Text …"), separated by one blank line.
 */

typedef struct
{
  GString *text;
  gboolean need_space;
  guint pending_break;          /* 0, 1 (line break) or 2 (paragraph break) */
  char *pending_marker;
  gboolean marker_glued;
  gboolean preformatted;        /* inside <pre>: line breaks are kept */
} Sink;

typedef struct
{
  char *label;
  Sink sink;
} Note;

typedef struct
{
  Sink main;
  Sink *sink;
  GPtrArray *notes;
  const char *note_label;
} Builder;

static void
sink_init (Sink *sink)
{
  sink->text = g_string_new (NULL);
  sink->need_space = FALSE;
  sink->pending_break = 0;
  sink->pending_marker = NULL;
  sink->marker_glued = FALSE;
  sink->preformatted = FALSE;
}

static void
note_free (Note *note)
{
  g_free (note->label);
  g_string_free (note->sink.text, TRUE);
  g_free (note->sink.pending_marker);
  g_free (note);
}

static gunichar
sink_last_char (Sink *sink)
{
  const char *prev;

  if (sink->text->len == 0)
    return 0;
  prev = g_utf8_find_prev_char (sink->text->str, sink->text->str + sink->text->len);
  return prev ? g_utf8_get_char (prev) : 0;
}

static void
sink_trim_end (Sink *sink)
{
  while (sink->text->len > 0 && sink->text->str[sink->text->len - 1] == ' ')
    g_string_truncate (sink->text, sink->text->len - 1);
}

/* Writes out what is waiting before the next visible character @next (0 at a break). */
static void
sink_flush (Sink     *sink,
            gunichar  next)
{
  if (sink->pending_marker != NULL)
    {
      gboolean glued = sink->marker_glued && !sink->need_space && sink->pending_break == 0 &&
                       next != 0 && g_unichar_isalnum (next);

      if (!glued && sink->text->len > 0 && sink_last_char (sink) != '\n' && sink_last_char (sink) != ' ')
        g_string_append_c (sink->text, ' ');
      g_string_append (sink->text, sink->pending_marker);
      g_clear_pointer (&sink->pending_marker, g_free);
      sink->need_space = TRUE;
    }

  if (next == 0)
    return;

  if (sink->pending_break > 0)
    {
      sink_trim_end (sink);
      if (sink->text->len > 0)
        g_string_append (sink->text, sink->pending_break > 1 ? "\n\n" : "\n");
      sink->pending_break = 0;
      sink->need_space = FALSE;
    }
  else if (sink->need_space && sink->text->len > 0 && sink_last_char (sink) != ' ' &&
           sink_last_char (sink) != '\n')
    {
      g_string_append_c (sink->text, ' ');
    }
  sink->need_space = FALSE;
}

static void
sink_break (Sink  *sink,
            guint  kind)
{
  sink_flush (sink, 0);
  sink->pending_break = MAX (sink->pending_break, kind);
}

static void
sink_append_text (Sink       *sink,
                  const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && sink->preformatted)
        {
          /* One line break is a line break, a blank line a new paragraph. */
          guint breaks = MIN (sink->pending_break + 1, 2);

          sink_break (sink, breaks);
          continue;
        }
      if (g_unichar_isspace (c))
        {
          sink->need_space = TRUE;
          continue;
        }
      sink_flush (sink, c);
      g_string_append_unichar (sink->text, c);
    }
}

static void
sink_append_marker (Sink  *sink,
                    guint  stars,
                    guint  page)
{
  gunichar last = sink_last_char (sink);

  sink_flush (sink, 0);
  sink->marker_glued = !sink->need_space && sink->pending_break == 0 && last != 0 &&
                       g_unichar_isalnum (last);
  sink->pending_marker = g_strdup_printf ("%.*s%u", (int) stars, "***", page);
}

/* A footnote reference is glued to the text before it. */
static void
sink_append_reference (Sink       *sink,
                       const char *label)
{
  gboolean numeric = label[0] != '\0' && strspn (label, "0123456789") == strlen (label);

  sink_flush (sink, 0);
  if (sink->pending_break > 0)
    sink_flush (sink, '[');
  sink->need_space = FALSE;
  if (numeric)
    g_string_append_printf (sink->text, "[%s]", label);
  else
    g_string_append (sink->text, label);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (content ? (const char *) content : ""));

  xmlFree (content);
  return text;
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
has_class (xmlNode    *node,
           const char *klass)
{
  g_autofree char *value = node_attr (node, "class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL)
    return FALSE;
  classes = g_strsplit_set (value, " \t\n", -1);
  return g_strv_contains ((const char * const *) classes, klass);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "table", "tr", "section", "article", "aside", "center", "header", "footer",
    "dl", "dt", "dd", "hr", "body", "main", "nav", "figure", "address",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (is_element (node, blocks[i]))
      return TRUE;
  return FALSE;
}

static guint
digits_value (const char *text)
{
  const char *p = text;

  while (*p && !g_ascii_isdigit (*p))
    p++;
  return (guint) g_ascii_strtoull (p, NULL, 10);
}

/* The label of a footnote container: data-label (CAP), else the number in its id (fn1). */
static char *
footnote_label (xmlNode *node)
{
  g_autofree char *label = node_attr (node, "data-label");
  g_autofree char *id = NULL;

  if (label != NULL && *label != '\0')
    return g_steal_pointer (&label);

  id = node_attr (node, "id");
  if (id != NULL)
    {
      const char *p = id;

      while (*p && !g_ascii_isdigit (*p))
        p++;
      if (*p)
        return g_strndup (p, strspn (p, "0123456789"));
    }

  for (xmlNode *child = node->children; child; child = child->next)
    if (is_element (child, "a") || is_element (child, "sup") || is_element (child, "span"))
      return node_text (child);

  return g_strdup ("*");
}

static gboolean
is_footnote (xmlNode *node)
{
  return (is_element (node, "div") || is_element (node, "aside") || is_element (node, "li")) &&
         has_class (node, "footnote");
}

static gboolean
is_footnote_reference (xmlNode *node)
{
  g_autofree char *href = NULL;

  if (!is_element (node, "a"))
    return FALSE;
  if (has_class (node, "footnotemark"))
    return TRUE;
  href = node_attr (node, "href");
  return href != NULL && (g_str_has_prefix (href, "#fn") || g_str_has_prefix (href, "#footnote"));
}

static void walk (Builder *builder, xmlNode *node);

static void
walk_children (Builder *builder,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    walk (builder, child);
}

static void
walk_footnote (Builder *builder,
               xmlNode *node)
{
  Note *note = g_new0 (Note, 1);
  Sink *outer = builder->sink;
  const char *outer_label = builder->note_label;

  note->label = footnote_label (node);
  sink_init (&note->sink);
  g_ptr_array_add (builder->notes, note);

  builder->sink = &note->sink;
  builder->note_label = note->label;
  walk_children (builder, node);
  sink_flush (builder->sink, 0);
  builder->sink = outer;
  builder->note_label = outer_label;
}

static void
walk (Builder *builder,
      xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      sink_append_text (builder->sink, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  if (is_element (node, "script") || is_element (node, "style") || is_element (node, "head") ||
      is_element (node, "title") || is_element (node, "noscript") || is_element (node, "template"))
    return;

  if (has_class (node, "star-pagination") || (is_element (node, "a") && has_class (node, "page-label")))
    {
      g_autofree char *text = node_text (node);
      g_autofree char *label = node_attr (node, "data-label");
      g_autofree char *index = node_attr (node, "data-citation-index");
      guint page, stars;

      if (label == NULL)
        label = node_attr (node, "label");
      if (index == NULL)
        index = node_attr (node, "citation-index");

      page = digits_value (label != NULL && *label ? label : text);
      stars = index != NULL ? (guint) g_ascii_strtoull (index, NULL, 10) : 0;
      if (stars == 0)
        stars = strspn (text, "*");
      if (page > 0)
        sink_append_marker (builder->sink, CLAMP (stars, 1, 3), page);
      return;
    }

  if (is_footnote (node))
    {
      walk_footnote (builder, node);
      return;
    }

  if (builder->note_label != NULL && is_element (node, "a"))
    {
      g_autofree char *href = node_attr (node, "href");
      g_autofree char *text = node_text (node);

      /* The back link that repeats the footnote's own label. */
      if (href != NULL && href[0] == '#' && g_strcmp0 (text, builder->note_label) == 0)
        return;
    }

  if (builder->note_label == NULL && is_footnote_reference (node))
    {
      g_autofree char *label = node_text (node);

      if (*label != '\0')
        sink_append_reference (builder->sink, label);
      return;
    }

  if (is_element (node, "br"))
    {
      sink_break (builder->sink, 1);
      return;
    }

  if (is_element (node, "td") || is_element (node, "th"))
    builder->sink->need_space = TRUE;

  if (is_element (node, "pre"))
    {
      gboolean outer = builder->sink->preformatted;

      sink_break (builder->sink, 2);
      builder->sink->preformatted = TRUE;
      walk_children (builder, node);
      builder->sink->preformatted = outer;
      sink_break (builder->sink, 2);
      return;
    }

  if (is_block (node))
    {
      sink_break (builder->sink, 2);
      walk_children (builder, node);
      sink_break (builder->sink, 2);
      return;
    }

  walk_children (builder, node);
}

/**
 * cb_html_to_text:
 * @html: UTF-8 HTML
 * @length: its length in bytes
 * @source_name: (nullable): the file's name, for messages
 * @error: return location for a #CbError
 *
 * Converts an HTML opinion (CourtListener, Caselaw Access Project or any HTML) to
 * the canonical opinion text described at the top of this file, which the opinion
 * analyzer reads for pages and footnotes. The document is parsed without network
 * access; scripts and styles are dropped.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
cb_html_to_text (const char  *html,
                 gsize        length,
                 const char  *source_name,
                 GError     **error)
{
  htmlParserCtxtPtr context;
  htmlDocPtr doc;
  xmlNode *root;
  xmlError *parse_error;
  Builder builder;
  GString *out;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = htmlNewParserCtxt ();
  doc = htmlCtxtReadMemory (context, html, (int) MIN (length, G_MAXINT), source_name, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);
  /* Sloppy HTML is recovered from, but a fatal error (nesting deeper than libxml2
   * allows, say) stops the parser half-way: the opinion would be silently cut short. */
  parse_error = xmlCtxtGetLastError (context);
  if (doc != NULL && parse_error != NULL && parse_error->level == XML_ERR_FATAL)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s, line %d: the HTML cannot be read to its end"),
                   source_name ? source_name : _("The file"), parse_error->line);
      xmlFreeDoc (doc);
      htmlFreeParserCtxt (context);
      return NULL;
    }
  htmlFreeParserCtxt (context);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s: the HTML cannot be read"),
                   source_name ? source_name : _("The file"));
      return NULL;
    }

  sink_init (&builder.main);
  builder.sink = &builder.main;
  builder.notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  builder.note_label = NULL;

  walk (&builder, root);
  sink_flush (&builder.main, 0);
  xmlFreeDoc (doc);

  out = builder.main.text;
  for (guint i = 0; i < builder.notes->len; i++)
    {
      Note *note = g_ptr_array_index (builder.notes, i);
      gboolean numeric = strspn (note->label, "0123456789") == strlen (note->label) && *note->label;
      g_autofree char *body = g_strstrip (g_strdup (note->sink.text->str));

      g_string_append (out, i == 0 ? "\n\n\n\n" : "\n\n");
      if (numeric)
        g_string_append_printf (out, "[%s] %s", note->label, body);
      else
        g_string_append_printf (out, "%s %s", note->label, body);
    }
  g_string_append_c (out, '\n');

  g_ptr_array_unref (builder.notes);
  g_free (builder.main.pending_marker);
  return g_string_free (out, FALSE);
}
