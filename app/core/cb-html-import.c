#define G_LOG_DOMAIN "cb-html-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "cb-caption.h"
#include "cb-citation.h"
#include "cb-error.h"
#include "cb-html-import.h"
#include "cb-text-sink.h"

/* The HTML of CourtListener, the Caselaw Access Project, or any site, becomes the
 * canonical text that cb-text-sink.c describes. */

typedef struct
{
  CbTextSink *main;
  CbTextSink *sink;             /* where text goes now: the opinion or a footnote */
  const char *note_label;
  const char *role;             /* of the separate opinion being read: "dissenting" */
} Builder;

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
static gboolean node_has_attr (xmlNode *node, const char *name);

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
  g_autofree char *label = footnote_label (node);
  CbTextSink *outer = builder->sink;
  const char *outer_label = builder->note_label;

  builder->sink = cb_text_sink_begin_note (builder->main, label);
  builder->note_label = label;
  walk_children (builder, node);
  cb_text_sink_end_note (builder->sink);
  builder->sink = outer;
  builder->note_label = outer_label;
}

static void
walk (Builder *builder,
      xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      cb_text_sink_append (builder->sink, (const char *) node->content);
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
        cb_text_sink_marker (builder->sink, CLAMP (stars, 1, 3), page);
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
        cb_text_sink_reference (builder->sink, label);
      return;
    }

  if (is_element (node, "br"))
    {
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_LINE);
      return;
    }

  if (is_element (node, "td") || is_element (node, "th"))
    cb_text_sink_space (builder->sink);

  if (is_element (node, "pre"))
    {
      gboolean outer;

      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      outer = cb_text_sink_set_preformatted (builder->sink, TRUE);
      walk_children (builder, node);
      cb_text_sink_set_preformatted (builder->sink, outer);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      return;
    }

  /* The Caselaw Access Project's separate opinion, <article class="opinion"
   * data-type="dissent">: its author's line names its role. */
  if (builder->role != NULL && has_class (node, "author"))
    {
      g_autofree char *author = node_text (node);
      g_autofree char *line = cb_caption_author_line (author, builder->role);

      cb_text_sink_append_line (builder->sink, line);
      return;
    }
  if (has_class (node, "opinion") && node_has_attr (node, "data-type"))
    {
      g_autofree char *type = node_attr (node, "data-type");
      const char *outer = builder->role;

      builder->role = cb_caption_role_of_type (type);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      walk_children (builder, node);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      builder->role = outer;
      return;
    }

  if (is_block (node))
    {
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      walk_children (builder, node);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      return;
    }

  walk_children (builder, node);
}

static gboolean
node_has_attr (xmlNode    *node,
               const char *name)
{
  return xmlHasProp (node, (const xmlChar *) name) != NULL;
}

/* The page's <title>, in the <head> where HTML keeps it. */
static char *
find_title (xmlNode *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (is_element (node, "head"))
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is_element (child, "title"))
          return node_text (child);
  return NULL;
}

/* Whether the first lines of @text, where a caption is, already give a case name (a
 * line with "v." or of a proceeding) or, with @citation, a citation line. */
static gboolean
head_has (const char *text,
          gboolean    citation)
{
  const char *line = text;

  for (guint i = 0; i < 40 && *line != '\0'; i++)
    {
      const char *eol = strchr (line, '\n');
      g_autofree char *copy = g_strndup (line, eol != NULL ? (gsize) (eol - line) : strlen (line));
      g_autofree char *cite = NULL;

      if (strlen (copy) <= 200)
        {
          if (citation && (cite = cb_caption_citation_line (copy)) != NULL)
            return TRUE;
          /* As the caption reads it: a line that cites a case is a sentence. */
          if (!citation && (strstr (copy, " v. ") != NULL || strstr (copy, " vs. ") != NULL ||
                            g_str_has_prefix (copy, "In re ") || g_str_has_prefix (copy, "IN RE ") ||
                            g_ascii_strncasecmp (copy, "Ex parte ", 9) == 0))
            {
              g_autoptr(GPtrArray) cited = cb_citation_scan (copy);

              if (cited->len == 0)
                return TRUE;
            }
        }
      if (eol == NULL)
        break;
      line = eol + 1;
    }
  return FALSE;
}

/*
 * Attributes of one element that libxml2 is given at most. Its HTML parser checks each
 * attribute against every one before it in the element, so that one element of
 * 100,000 attributes took minutes; the opinion's text is never in an attribute, and
 * no element this importer reads needs more than a few.
 */
#define MAX_ATTRIBUTES 32

static gboolean
is_html_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A name as libxml2's HTML parser reads one (htmlParseHTMLName()): at most 100 bytes of
 * letters, digits, ':', '-', '_' and '.', not starting with a digit or '-'. Returns
 * where it ends, or @p when there is none. */
static const char *
skip_html_name (const char *p,
                const char *end)
{
  const char *start = p;

  if (p == end || !(g_ascii_isalpha (*p) || *p == '_' || *p == ':' || *p == '.'))
    return p;
  while (p < end && p - start < 100 &&
         (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_' || *p == '.'))
    p++;
  return p;
}

static const char *
skip_html_blanks (const char *p,
                  const char *end)
{
  while (p < end && is_html_blank (*p))
    p++;
  return p;
}

/*
 * Reads the attributes of the start tag whose name ends at @p as htmlParseStartTag()
 * does: a name, an optional value (quoted, to the closing quote or the end of the
 * text, or bare, to a blank or ">"), and anything that is no name skipped to the next
 * blank or the end of the tag. Returns where the tag ends (its ">" or "/>", or @end)
 * and, in @cut, where its MAX_ATTRIBUTES-th attribute ends when it has more.
 */
static const char *
skip_html_attributes (const char  *p,
                      const char  *end,
                      const char **cut)
{
  guint n = 0;

  *cut = NULL;
  p = skip_html_blanks (p, end);
  while (p < end && *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
    {
      const char *name_end = skip_html_name (p, end);

      if (name_end == p)
        {
          while (p < end && !is_html_blank (*p) && *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
            p++;
        }
      else
        {
          p = skip_html_blanks (name_end, end);
          if (p < end && *p == '=')
            {
              p = skip_html_blanks (p + 1, end);
              if (p < end && (*p == '"' || *p == '\''))
                {
                  const char *close = memchr (p + 1, *p, end - p - 1);

                  p = close != NULL ? close + 1 : end;
                }
              else
                {
                  while (p < end && !is_html_blank (*p) && *p != '>')
                    p++;
                }
            }
          if (++n == MAX_ATTRIBUTES)
            *cut = p;
        }
      p = skip_html_blanks (p, end);
    }
  if (n <= MAX_ATTRIBUTES)
    *cut = NULL;
  return p;
}

/*
 * The HTML with every start tag cut to its first MAX_ATTRIBUTES attributes, or %NULL
 * when no tag has more. Comments are passed over as they are; elsewhere "<" and a
 * letter start a tag, as they do for libxml2.
 */
static GString *
bound_attributes (const char *html,
                  gsize       length)
{
  const char *end = html + length;
  const char *copied = html;
  GString *out = NULL;

  for (const char *p = html; (p = memchr (p, '<', end - p)) != NULL; )
    {
      const char *name_end, *cut;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          continue;
        }
      if (end - p < 2 || !g_ascii_isalpha (p[1]))
        {
          p++;
          continue;
        }
      name_end = skip_html_name (p + 1, end);
      p = skip_html_attributes (name_end, end, &cut);
      if (cut != NULL)
        {
          if (out == NULL)
            out = g_string_sized_new (length);
          /* A blank where the rest was, so that a bare value does not run on into
           * "/>", and its line breaks, so that messages name the same lines. */
          g_string_append_len (out, copied, cut - copied);
          g_string_append_c (out, ' ');
          for (const char *c = cut; c < p; c++)
            if (*c == '\n')
              g_string_append_c (out, '\n');
          copied = p;
        }
    }
  if (out != NULL)
    g_string_append_len (out, copied, end - copied);
  return out;
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
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *citation = NULL;
  char *text;
  g_autoptr(GString) bounded = NULL;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bounded = bound_attributes (html, length);
  if (bounded != NULL)
    {
      html = bounded->str;
      length = bounded->len;
    }
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

  builder.main = builder.sink = cb_text_sink_new ();
  builder.note_label = NULL;
  builder.role = NULL;
  walk (&builder, root);
  text = cb_text_sink_finish (builder.main);

  /* CourtListener's pages often give the case only in their <title>: it becomes the
   * caption when the page does not already begin with it. */
  title = find_title (root);
  xmlFreeDoc (doc);
  if (title != NULL && cb_caption_split_title (title, &name, &citation))
    {
      GString *head = g_string_new (NULL);

      if (!head_has (text, FALSE))
        g_string_append_printf (head, "%s\n\n", name);
      if (citation != NULL && !head_has (text, TRUE))
        g_string_append_printf (head, "%s\n\n", citation);
      g_string_append (head, text);
      g_free (text);
      text = g_string_free (head, FALSE);
    }
  return text;
}
