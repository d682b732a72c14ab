/* Casebrief's own XML files: a reader that refuses anything reaching outside the
 * file, and the helpers that write them. */
#define G_LOG_DOMAIN "cb-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "cb-core.h"
#include "cb-error.h"
#include "cb-xml-private.h"

#define XINCLUDE_NS "http://www.w3.org/2001/XInclude"
#define XINCLUDE_OLD_NS "http://www.w3.org/2003/XInclude"

/* What went wrong while reading one document. */
typedef struct
{
  int line;
  gboolean line_is_guess;
  char *message;
  gboolean doctype;
} ReadState;

static gsize parser_ready;
static GMutex schema_lock;
static GHashTable *schemas;

static int
error_line (const xmlError *error)
{
  /* Past line 65535 libxml2 reports line 0 for a node; the node knows better. */
  if (error->node != NULL && ((xmlNode *) error->node)->type == XML_ELEMENT_NODE)
    return (int) xmlGetLineNo (error->node);
  return error->line;
}

static void
remember_error (ReadState         *state,
                const xmlError    *error)
{
  int line = error_line (error);

  if (error->level < XML_ERR_ERROR)
    return;
  if (state->message == NULL)
    {
      state->line = line;
      /* libxml2's own wording names a parser option a user cannot set. */
      if (error->message != NULL && g_str_has_prefix (error->message, "Excessive depth"))
        state->message = g_strdup (_("elements are nested too deeply"));
      else
        state->message = g_strstrip (g_strdup (error->message ? error->message : ""));
      return;
    }
  /* RELAX NG reports a bad attribute first without a place ("Element section failed to
   * validate attributes"), then with one ("Invalid attribute ident for element
   * section"): the second says more. Otherwise the first later line will do. */
  if (line > 0 && (state->line == 0 || state->line_is_guess))
    {
      if (error->message != NULL && g_str_has_prefix (error->message, "Invalid attribute"))
        {
          g_free (state->message);
          state->message = g_strstrip (g_strdup (error->message));
          state->line = line;
          state->line_is_guess = FALSE;
        }
      else if (state->line == 0)
        {
          state->line = line;
          state->line_is_guess = TRUE;
        }
    }
}

static void
parser_error_cb (void        *data,
                 xmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = data;

  remember_error (ctxt->_private, error);
}

static void
validation_error_cb (void        *data,
                     xmlErrorPtr  error)
{
  remember_error (data, error);
}

/* A document type declaration is where entities (local files, billion laughs) are
 * declared; it is refused before anything in it is read. */
static void
internal_subset_cb (void          *data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = data;
  ReadState *state = ctxt->_private;

  state->doctype = TRUE;
  xmlStopParser (ctxt);
}

static xmlRelaxNG *
lookup_schema (const char *path)
{
  xmlRelaxNG *schema;

  g_mutex_lock (&schema_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, path);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxt *ctxt;
      gsize len;
      const char *data;

      cb_core_ensure_resources ();
      bytes = g_resources_lookup_data (path, 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &len);
      ctxt = xmlRelaxNGNewMemParserCtxt (data, len);
      schema = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_assert (schema != NULL);
      g_hash_table_insert (schemas, g_strdup (path), schema);
    }
  g_mutex_unlock (&schema_lock);
  return schema;
}

static gboolean
has_xinclude (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns != NULL
          && (xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_NS)
              || xmlStrEqual (node->ns->href, BAD_CAST XINCLUDE_OLD_NS)))
        return TRUE;
      if (has_xinclude (node->children))
        return TRUE;
    }
  return FALSE;
}

static int
line_of_offset (const char *data,
                gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/**
 * cb_xml_read:
 * @bytes: the file's contents
 * @name: the file's name, for messages
 * @schema_path: resource path of the RELAX NG schema
 * @root_name: the expected root element
 * @major: the highest major format version understood
 * @error: return location for a #CbError
 *
 * Parses and validates one of Casebrief's own XML files, refusing anything that could
 * reach outside the file: no network, no DTD, no entities, no XInclude. The message of
 * every error names the file, the line and the problem.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
cb_xml_read (GBytes      *bytes,
             const char  *name,
             const char  *schema_path,
             const char  *root_name,
             int          major,
             GError     **error)
{
  ReadState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  xmlNode *root;
  xmlRelaxNGValidCtxt *valid;
  g_autofree char *version = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *bad = NULL;
  const char *nul;
  int file_major = 0, file_minor = 0;

  if (len > G_MAXINT / 2)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE, _("%s is too large to open"), name);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s is empty"), name);
      return NULL;
    }
  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE,
                   _("%s, line %d: the file contains a NUL character, which XML does not allow"),
                   name, line_of_offset (data, nul - data));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_ENCODING,
                   _("%s, line %d: the file is not valid UTF-8 text"),
                   name, line_of_offset (data, bad - data));
      return NULL;
    }

  /* libxml2 must be set up once before threads use it (briefs load in a worker). */
  if (g_once_init_enter (&parser_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&parser_ready, 1);
    }

  ctxt = xmlNewParserCtxt ();
  ctxt->_private = &state;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->externalSubset = NULL;
  doc = xmlCtxtReadMemory (ctxt, data, len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES
                           | XML_PARSE_NOWARNING);
  xmlFreeParserCtxt (ctxt);

  if (state.doctype)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, CB_ERROR, CB_ERROR_HOSTILE,
                   _("%s declares a document type; Casebrief does not read document types or entities"),
                   name);
      g_free (state.message);
      return NULL;
    }
  if (doc == NULL || state.message != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s, line %d: %s"),
                   name, state.line, state.message ? state.message : _("the file is not well-formed XML"));
      g_free (state.message);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, CB_ERROR, CB_ERROR_HOSTILE,
                   _("%s declares a document type; Casebrief does not read document types or entities"),
                   name);
      return NULL;
    }
  if (has_xinclude (root))
    {
      xmlFreeDoc (doc);
      g_set_error (error, CB_ERROR, CB_ERROR_HOSTILE,
                   _("%s asks to include other files (XInclude), which Casebrief does not do"), name);
      return NULL;
    }
  if (!xmlStrEqual (root->name, BAD_CAST root_name))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("%s, line %d: expected a <%s> document, found <%s>"),
                   name, (int) xmlGetLineNo (root), root_name, (const char *) root->name);
      xmlFreeDoc (doc);
      return NULL;
    }

  /* The version is checked before the schema: a newer format breaks the schema
   * and deserves the clearer message. */
  version = cb_xml_dup_attribute (root, "version");
  if (version == NULL || sscanf (version, "%d.%d", &file_major, &file_minor) != 2 || file_major < 1)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("%s, line %d: the format version is missing or malformed"),
                   name, (int) xmlGetLineNo (root));
      xmlFreeDoc (doc);
      return NULL;
    }
  if (file_major > major)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_VERSION,
                   _("%s was written by a newer version of Casebrief (format %d.%d)"),
                   name, file_major, file_minor);
      xmlFreeDoc (doc);
      return NULL;
    }

  valid = xmlRelaxNGNewValidCtxt (lookup_schema (schema_path));
  xmlRelaxNGSetValidStructuredErrors (valid, validation_error_cb, &state);
  if (xmlRelaxNGValidateDoc (valid, doc) != 0)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s, line %d: %s"),
                   name, state.line, state.message ? state.message : _("the file does not follow its schema"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlRelaxNGFreeValidCtxt (valid);
  g_free (state.message);
  return doc;
}

gboolean
cb_xml_is (xmlNode    *node,
           const char *ns,
           const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST ns)
         && xmlStrEqual (node->name, BAD_CAST name);
}

xmlNode *
cb_xml_child (xmlNode    *parent,
              const char *ns,
              const char *name)
{
  for (xmlNode *child = parent ? parent->children : NULL; child != NULL; child = child->next)
    if (cb_xml_is (child, ns, name))
      return child;
  return NULL;
}

/* The text of an element, "" when it is absent. */
char *
cb_xml_dup_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (node);
  text = g_strdup (content ? (const char *) content : "");
  xmlFree (content);
  return text;
}

char *
cb_xml_dup_attribute (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

guint64
cb_xml_get_uint_attribute (xmlNode    *node,
                           const char *name,
                           guint64     max,
                           guint64     fallback)
{
  g_autofree char *value = cb_xml_dup_attribute (node, name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, max, &number, NULL))
    return fallback;
  return number;
}

gboolean
cb_xml_get_bool_attribute (xmlNode    *node,
                           const char *name)
{
  g_autofree char *value = cb_xml_dup_attribute (node, name);

  return g_strcmp0 (value, "true") == 0;
}

/* Elements a newer minor version (or another program) put at an extension point,
 * serialized so that they are written back as they were. */
GPtrArray *
cb_xml_collect_extensions (xmlNode            *parent,
                           const char         *ns,
                           const char * const *known)
{
  GPtrArray *extensions = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      gboolean is_known = FALSE;
      xmlDoc *scratch;
      xmlNode *copy;
      xmlBuffer *buffer;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; known[i] != NULL && !is_known; i++)
        is_known = cb_xml_is (child, ns, known[i]);
      if (is_known)
        continue;

      /* Copying into a document of its own declares the namespaces it uses on it. */
      scratch = xmlNewDoc (BAD_CAST "1.0");
      copy = xmlDocCopyNode (child, scratch, 1);
      xmlDocSetRootElement (scratch, copy);
      buffer = xmlBufferCreate ();
      xmlNodeDump (buffer, scratch, copy, 0, 0);
      g_ptr_array_add (extensions, g_strdup ((const char *) xmlBufferContent (buffer)));
      xmlBufferFree (buffer);
      xmlFreeDoc (scratch);
    }
  return extensions;
}

void
cb_xml_escape (GString    *out,
               const char *text,
               gboolean    attribute)
{
  /* Every byte that is written otherwise than as itself: the markup characters and the
   * control characters. Runs of other bytes are copied whole. */
  static const char specials[] = "&<>\"\xef"
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f";

  for (const char *p = text; *p; p++)
    {
      gsize plain = strcspn (p, specials);

      g_string_append_len (out, p, plain);
      p += plain;
      switch (*p)
        {
        case '\0': return;
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        /* A parser turns raw white space in attributes into spaces, and raw CR into LF. */
        case '\n':
          if (attribute)
            g_string_append (out, "&#10;");
          else
            g_string_append_c (out, '\n');
          break;
        case '\t':
          if (attribute)
            g_string_append (out, "&#9;");
          else
            g_string_append_c (out, '\t');
          break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          /* Characters XML cannot carry (control characters, U+FFFE and U+FFFF) are
           * dropped rather than writing a file that cannot be read back. */
          if ((guchar) p[0] == 0xef)
            {
              if ((guchar) p[1] == 0xbf && ((guchar) p[2] == 0xbe || (guchar) p[2] == 0xbf))
                p += 2;
              else
                g_string_append_c (out, *p);
            }
          break;
        }
    }
}

void
cb_xml_write_element (GString    *out,
                      guint       indent,
                      const char *name,
                      const char *text)
{
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
  g_string_append_printf (out, "<%s>", name);
  cb_xml_escape (out, text ? text : "", FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

void
cb_xml_write_extensions (GString   *out,
                         guint      indent,
                         GPtrArray *extensions)
{
  for (guint i = 0; extensions != NULL && i < extensions->len; i++)
    {
      for (guint j = 0; j < indent; j++)
        g_string_append (out, "  ");
      g_string_append (out, g_ptr_array_index (extensions, i));
      g_string_append_c (out, '\n');
    }
}
