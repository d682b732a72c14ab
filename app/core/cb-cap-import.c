/* Opinions in the Caselaw Access Project's casebody XML, which CourtListener also serves as
 * an opinion's "harvard" XML: head matter, opinions with their authors, page numbers and
 * footnotes become the canonical text that cb-text-sink.c describes. */
#define G_LOG_DOMAIN "cb-cap-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "cb-cap-import.h"
#include "cb-caption.h"
#include "cb-error.h"
#include "cb-text-sink.h"
#include "cb-xml-private.h"

/* The roots a casebody document has: the casebody itself, CourtListener's single
 * opinion, or a case that holds its casebody beside its metadata. */
static const char * const roots[] = { "casebody", "opinion", "case", NULL };

/* Elements that flow inside a paragraph; every other element is a block of its own. */
static const char * const inline_elements[] = {
  "page-number", "footnotemark", "extracted-citation", "em", "i", "b", "strong", "span", "a",
  "sup", "sub", "u", "small", "bracketnum", "br", NULL,
};

typedef struct
{
  CbTextSink *main;
  CbTextSink *sink;             /* the opinion or the footnote being read */
  const char *role;             /* of the separate opinion being read: "dissenting" */
  gboolean in_note;
  gboolean has_first_reporter;  /* a page number of the first reporter was seen */
} Builder;

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is_named (node, names[i]))
      return TRUE;
  return FALSE;
}

static char *
stripped_text (xmlNode *node)
{
  return g_strstrip (cb_xml_dup_text (node));
}

/* The page of a page-number element: its label, else the digits of its text ("*197").
 * A label that is no page number (a plate, "xii") is none. */
static guint
page_of (xmlNode *node)
{
  g_autofree char *label = cb_xml_dup_attribute (node, "label");
  g_autofree char *text = NULL;
  const char *p;
  guint64 page = 0;

  if (label == NULL)
    {
      text = stripped_text (node);
      p = text + strspn (text, "*");
    }
  else
    p = g_strstrip (label);
  if (!g_ascii_string_to_unsigned (p, 10, 1, G_MAXINT, &page, NULL))
    return 0;
  return (guint) page;
}

/* Which reporter a page number is of, 1 to 3: its citation index, else its stars. */
static guint
reporter_of (xmlNode *node)
{
  guint64 index = cb_xml_get_uint_attribute (node, "citation-index", 3, 0);

  if (index == 0)
    {
      g_autofree char *text = stripped_text (node);

      index = strspn (text, "*");
    }
  return (guint) CLAMP (index, 1, 3);
}

static void walk (Builder *builder, xmlNode *node);

static void
walk_children (Builder *builder,
               xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    walk (builder, child);
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

  if (is_named (node, "page-number"))
    {
      guint page = page_of (node);
      guint reporter = reporter_of (node);

      if (page > 0)
        {
          cb_text_sink_marker (builder->sink, reporter, page);
          builder->has_first_reporter |= reporter == 1;
        }
      return;
    }
  if (is_named (node, "footnotemark"))
    {
      g_autofree char *label = stripped_text (node);

      if (*label != '\0' && !builder->in_note)
        cb_text_sink_reference (builder->sink, label);
      return;
    }
  if (is_named (node, "footnote") && !builder->in_note)
    {
      g_autofree char *label = cb_xml_dup_attribute (node, "label");
      CbTextSink *outer = builder->sink;

      if (label == NULL || *g_strstrip (label) == '\0')
        {
          g_free (label);
          label = g_strdup ("*");
        }
      builder->sink = cb_text_sink_begin_note (builder->main, label);
      builder->in_note = TRUE;
      walk_children (builder, node);
      cb_text_sink_end_note (builder->sink);
      builder->in_note = FALSE;
      builder->sink = outer;
      return;
    }
  if (is_named (node, "br"))
    {
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_LINE);
      return;
    }
  if (is_named (node, "opinion"))
    {
      g_autofree char *type = cb_xml_dup_attribute (node, "type");
      const char *outer = builder->role;

      builder->role = cb_caption_role_of_type (type);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      walk_children (builder, node);
      cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
      builder->role = outer;
      return;
    }
  /* A separate opinion opens with its author's line, which names its role. */
  if (is_named (node, "author") && builder->role != NULL && !builder->in_note)
    {
      g_autofree char *author = stripped_text (node);
      g_autofree char *line = cb_caption_author_line (author, builder->role);

      cb_text_sink_append_line (builder->sink, line);
      return;
    }
  /* The metadata of a case, outside its casebody, was read before. */
  if (is_named (node, "citation") || is_named (node, "name"))
    return;

  if (name_in (node, inline_elements))
    {
      walk_children (builder, node);
      return;
    }
  cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
  walk_children (builder, node);
  cb_text_sink_break (builder->sink, CB_TEXT_SINK_PARAGRAPH);
}

/* The casebody in @root: the root itself, or a child of a case. */
static xmlNode *
find_casebody (xmlNode *root)
{
  if (!is_named (root, "case"))
    return root;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_named (child, "casebody"))
      return child;
  return NULL;
}

/* The case's own citations, as its metadata lists them ("275 Neb. 908, 750 N.W.2d 674"):
 * <citation> elements of the case or of the casebody's head, official first. */
static char *
metadata_citations (xmlNode *root,
                    xmlNode *casebody)
{
  g_autoptr(GString) line = g_string_new (NULL);
  xmlNode *parents[] = { root, casebody != root ? casebody : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    for (xmlNode *child = parents[i] ? parents[i]->children : NULL; child != NULL; child = child->next)
      {
        g_autofree char *cite = NULL;

        if (!is_named (child, "citation"))
          continue;
        cite = stripped_text (child);
        if (*cite == '\0')
          continue;
        if (line->len > 0)
          g_string_append (line, ", ");
        g_string_append (line, cite);
      }
  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

/**
 * cb_cap_xml_sniff:
 * @text: the UTF-8 text of a file
 *
 * Tells a casebody document from other XML by its root element (<casebody>, a lone
 * <opinion>, or a <case> that holds a casebody), looking past the XML declaration,
 * comments, and a document type, which the reader then refuses.
 *
 * Returns: whether @text is casebody XML
 */
gboolean
cb_cap_xml_sniff (const char *text)
{
  const char *p = text;
  const char *limit;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The root is near the start: the rest of a long opinion is not looked at. */
  limit = text + strnlen (text, 65536);
  for (;;)
    {
      while (p < limit && g_ascii_isspace (*p))
        p++;
      const char *close;

      if (g_str_has_prefix (p, "<?"))
        close = "?>";
      else if (g_str_has_prefix (p, "<!--"))
        close = "-->";
      else
        break;
      p = strstr (p, close);
      if (p == NULL || p >= limit)
        return FALSE;
      p += strlen (close);
    }
  if (g_str_has_prefix (p, "<!DOCTYPE"))
    {
      p += strlen ("<!DOCTYPE");
      while (p < limit && g_ascii_isspace (*p))
        p++;
    }
  else if (*p == '<')
    p++;
  else
    return FALSE;

  {
    gsize name_len = strspn (p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");
    g_autofree char *name = g_strndup (p, name_len);
    const char *local = strrchr (name, ':') ? strrchr (name, ':') + 1 : name;

    for (guint i = 0; roots[i] != NULL; i++)
      if (g_str_equal (local, roots[i]))
        /* A case is one only when it holds a casebody; an opinion one with paragraphs. */
        return (i != 2 || g_strstr_len (p, limit - p, "casebody") != NULL) &&
               (i != 1 || g_strstr_len (p, limit - p, "<p") != NULL);
  }
  return FALSE;
}

/**
 * cb_cap_xml_to_text:
 * @xml: UTF-8 casebody XML
 * @length: its length in bytes
 * @source_name: (nullable): the file's name, for messages
 * @error: return location for a #CbError
 *
 * Converts a Caselaw Access Project casebody (or CourtListener's harvard XML of one
 * opinion) to the canonical opinion text: the case's own citations from its metadata
 * first, then the head matter, each opinion with its author's line (a separate opinion's
 * naming its role, "Gerrard, J., dissenting."), a star-page marker for each page-number
 * element of its citation index ("*197", "**675"), footnote references where their marks
 * are and footnotes after the opinion. A one-page case without page numbers starts with
 * the casebody's first page ("*195"). The XML is read as cb_xml_parse() reads any XML
 * from someone else.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
cb_cap_xml_to_text (const char  *xml,
                    gsize        length,
                    const char  *source_name,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlDoc *doc;
  xmlNode *root;
  xmlNode *casebody;
  const char *name = source_name != NULL ? source_name : _("The file");
  g_autofree char *citations = NULL;
  g_autofree char *text = NULL;
  Builder builder = { 0 };
  guint64 first_page;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_new_static (xml, length);
  doc = cb_xml_parse (bytes, name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  casebody = name_in (root, roots) ? find_casebody (root) : NULL;
  if (casebody == NULL)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("%s, line %d: expected a Caselaw Access Project casebody, found <%s>"),
                   name, (int) xmlGetLineNo (root), (const char *) root->name);
      xmlFreeDoc (doc);
      return NULL;
    }

  builder.main = builder.sink = cb_text_sink_new ();
  citations = metadata_citations (root, casebody);
  if (citations != NULL)
    cb_text_sink_append_line (builder.sink, citations);
  /* CourtListener's harvard XML is one opinion, its root. */
  if (is_named (casebody, "opinion"))
    walk (&builder, casebody);
  else
    walk_children (&builder, casebody);
  first_page = cb_xml_get_uint_attribute (casebody, "firstpage", G_MAXINT, 0);
  xmlFreeDoc (doc);
  text = cb_text_sink_finish (builder.main);

  /* All on one page: the page the casebody starts on, where the text starts. */
  if (!builder.has_first_reporter && first_page > 0)
    {
      char *paged = g_strdup_printf ("*%" G_GUINT64_FORMAT "\n\n%s", first_page, text);

      g_free (text);
      text = paged;
    }
  return g_steal_pointer (&text);
}
