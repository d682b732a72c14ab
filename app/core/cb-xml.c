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
      else if (error->message != NULL
               && (strstr (error->message, "XML_PARSE_HUGE") != NULL || strstr (error->message, "Huge input") != NULL
                   || strstr (error->message, "huge text") != NULL || strstr (error->message, "too long") != NULL))
        state->message = g_strdup (_("a part of the file is larger than Casebrief reads"));
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

#define RELAXNG_NS "http://relaxng.org/ns/structure/1.0"

/*
 * A schema, compiled without its extension points, and what is needed to take the
 * extensions out of a document before it is validated against it.
 *
 * libxml2's RELAX NG validator keeps, for content that may end in any number of
 * elements of any other name, every state it could stop in, and compares each new
 * state with all of them: validating a brief of 40,000 sections, or one paragraph of
 * 80,000 runs, took seconds, growing with the square of the elements. Without the
 * extension points it validates the same documents in linear time. An extension is any
 * element not named in the schema, after the last one that is, and anything may be in
 * it: such elements are taken out of the document (and put back after), and what
 * remains must follow the schema. An unknown element anywhere else stays, and is
 * refused as the whole schema refuses it. The whole schema is kept for the messages
 * about a document it refuses, which it words better ("Expecting element title, got
 * titel"), where the document is small enough for it.
 */
typedef struct
{
  xmlRelaxNG *schema;
  xmlRelaxNG *whole;
  char *ns;                     /* the grammar's namespace */
  GHashTable *known;            /* the names no extension has */
  GHashTable *extensible;       /* the elements whose content ends in extensions */
} Schema;

static gboolean
is_rng (xmlNode    *node,
        const char *name)
{
  return cb_xml_is (node, RELAXNG_NS, name);
}

/* Reads the extension points of a schema and takes them out of it. */
static void
prepare_schema (Schema  *schema,
                xmlNode *node,
                gboolean in_extensions)
{
  xmlNode *next;

  for (; node != NULL; node = next)
    {
      g_autofree char *name = NULL;

      next = node->next;
      if (node->type != XML_ELEMENT_NODE)
        continue;
      name = cb_xml_dup_attribute (node, "name");
      if (in_extensions && is_rng (node, "name"))
        {
          xmlChar *content = xmlNodeGetContent (node);

          g_hash_table_add (schema->known, g_strstrip (g_strdup ((const char *) content)));
          xmlFree (content);
        }
      else if (is_rng (node, "ref") && g_strcmp0 (name, "extensions") == 0)
        {
          xmlNode *element = node->parent;
          xmlNode *after = node->next;
          char *element_name;

          while (after != NULL && after->type != XML_ELEMENT_NODE)
            after = after->next;
          while (element != NULL && !is_rng (element, "element"))
            element = element->parent;
          /* The extension point ends the content of a named element. */
          element_name = element != NULL ? cb_xml_dup_attribute (element, "name") : NULL;
          g_assert (element_name != NULL && after == NULL);
          g_hash_table_add (schema->extensible, element_name);
          xmlUnlinkNode (node);
          xmlFreeNode (node);
          continue;
        }
      prepare_schema (schema, node->children,
                      in_extensions || (is_rng (node, "define") && g_strcmp0 (name, "extensions") == 0));
    }
}

static Schema *
lookup_schema (const char *path)
{
  Schema *schema;

  g_mutex_lock (&schema_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, path);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxt *ctxt;
      xmlDoc *rng;
      gsize len;
      const char *data;

      cb_core_ensure_resources ();
      bytes = g_resources_lookup_data (path, 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &len);
      rng = xmlReadMemory (data, len, NULL, "UTF-8", XML_PARSE_NONET);
      g_assert (rng != NULL);

      schema = g_new0 (Schema, 1);
      schema->ns = cb_xml_dup_attribute (xmlDocGetRootElement (rng), "ns");
      schema->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      schema->extensible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      prepare_schema (schema, xmlDocGetRootElement (rng), FALSE);

      ctxt = xmlRelaxNGNewMemParserCtxt (data, len);
      schema->whole = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_assert (schema->whole != NULL);

      /* The parser context works on its own copy of the document. */
      ctxt = xmlRelaxNGNewDocParserCtxt (rng);
      schema->schema = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      xmlFreeDoc (rng);
      g_assert (schema->schema != NULL);
      g_hash_table_insert (schemas, g_strdup (path), schema);
    }
  g_mutex_unlock (&schema_lock);
  return schema;
}

static gboolean
is_known (Schema  *schema,
          xmlNode *node)
{
  return node->ns != NULL && schema->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST schema->ns) &&
         g_hash_table_contains (schema->known, node->name);
}

/* The most elements a refused document may have for the whole schema to word the
 * message: it takes some milliseconds for that many. */
#define WHOLE_SCHEMA_MESSAGES 4096

/* An element taken out of a document, and where it was. */
typedef struct
{
  xmlNode *node;
  xmlNode *parent;
  xmlNode *prev;
} Detached;

/* Takes out of @node and its descendants every extension: the elements of other
 * names after the last element of a known name, in an element that ends in an
 * extension point. */
static void
detach_extensions (Schema  *schema,
                   xmlNode *node,
                   GArray  *detached,
                   guint   *n_elements)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      (*n_elements)++;
      if (is_known (schema, node) && g_hash_table_contains (schema->extensible, node->name))
        {
          xmlNode *child = node->last;

          while (child != NULL)
            {
              xmlNode *prev = child->prev;

              if (child->type == XML_ELEMENT_NODE)
                {
                  Detached d = { child, node, prev };

                  if (is_known (schema, child))
                    break;
                  xmlUnlinkNode (child);
                  g_array_append_val (detached, d);
                }
              child = prev;
            }
        }
      detach_extensions (schema, node->children, detached, n_elements);
    }
}

/* Puts back what detach_extensions() took out, where it was. */
static void
reattach_extensions (GArray *detached)
{
  for (guint i = detached->len; i > 0; i--)
    {
      Detached *d = &g_array_index (detached, Detached, i - 1);

      if (d->prev != NULL)
        xmlAddNextSibling (d->prev, d->node);
      else if (d->parent->children != NULL)
        xmlAddPrevSibling (d->parent->children, d->node);
      else
        xmlAddChild (d->parent, d->node);
    }
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

/* What a document would build beyond the caps, found before any of it is built. */
typedef enum
{
  LIMIT_NONE,
  LIMIT_ELEMENTS,
  LIMIT_ATTRIBUTES,
  LIMIT_DEPTH,
} Limit;

/* Moves @p past the first @terminator at or after it, counting the lines passed;
 * to @end when there is none. */
static const char *
skip_past (const char *p,
           const char *end,
           const char *terminator,
           int        *line)
{
  gsize n = strlen (terminator);
  const char *found = p;

  while ((found = memchr (found, terminator[0], end - found)) != NULL)
    {
      if ((gsize) (end - found) >= n && memcmp (found, terminator, n) == 0)
        break;
      found++;
    }
  if (found == NULL)
    found = end;
  for (const char *q = p; (q = memchr (q, '\n', found - q)) != NULL; q++)
    (*line)++;
  return found == end ? end : found + n;
}

/* Counts the elements, the attributes of each and the nesting, in one pass that
 * allocates nothing: libxml2 would otherwise build (and check pairwise) whatever a
 * hostile file holds before any cap could be looked at. Only markup is followed, the
 * way the parser follows it, so a well-formed document is counted exactly; one that
 * is not is left to the parser, which stops at its first error. */
static Limit
scan_limits (const char *data,
             gsize       len,
             int        *line_out)
{
  const char *p = data;
  const char *end = data + len;
  guint64 elements = 0;
  guint depth = 0;
  int line = 1;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      guint attributes = 0;
      gboolean empty = FALSE;

      if (lt == NULL)
        break;
      for (const char *q = p; (q = memchr (q, '\n', lt - q)) != NULL; q++)
        line++;
      p = lt + 1;
      if (p == end)
        break;
      if (*p == '/')
        {
          depth = depth > 0 ? depth - 1 : 0;
          p = skip_past (p, end, ">", &line);
          continue;
        }
      if (*p == '?')
        {
          p = skip_past (p, end, "?>", &line);
          continue;
        }
      if (*p == '!')
        {
          if ((gsize) (end - p) >= 3 && memcmp (p, "!--", 3) == 0)
            p = skip_past (p + 3, end, "-->", &line);
          else if ((gsize) (end - p) >= 8 && memcmp (p, "![CDATA[", 8) == 0)
            p = skip_past (p + 8, end, "]]>", &line);
          else
            p = skip_past (p, end, ">", &line);
          continue;
        }

      *line_out = line;
      if (++elements > CB_XML_MAX_ELEMENTS)
        return LIMIT_ELEMENTS;
      for (; p < end && *p != '>'; p++)
        {
          if (*p == '"' || *p == '\'')
            {
              char quote[2] = { *p, '\0' };

              p = skip_past (p + 1, end, quote, &line) - 1;
              continue;
            }
          if (*p == '=' && ++attributes > CB_XML_MAX_ATTRIBUTES)
            return LIMIT_ATTRIBUTES;
          if (*p == '\n')
            line++;
          empty = *p == '/';
        }
      if (!empty && ++depth > CB_XML_MAX_DEPTH)
        return LIMIT_DEPTH;
      if (p < end)
        p++;
    }
  return LIMIT_NONE;
}

/**
 * cb_xml_check_writable:
 * @bytes: a file about to be written
 * @max_bytes: the most its format reads
 * @file: the file it is for, for messages
 * @error: return location for a %CB_ERROR_TOO_LARGE error
 *
 * Checks a file against the caps its reader enforces (size, elements, attributes,
 * nesting), so that Casebrief never writes a file it would then refuse to open.
 *
 * Returns: %TRUE when the file can be read back
 */
gboolean
cb_xml_check_writable (GBytes      *bytes,
                       gsize        max_bytes,
                       GFile       *file,
                       GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *name = g_file_get_parse_name (file);
  int line = 0;

  if (len > max_bytes)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
                   /* Translators: a file's name, then the largest size read, in megabytes */
                   _("Could not save %s: it would be over %u MB, more than Casebrief opens"),
                   name, (guint) ((max_bytes + 1024 * 1024 - 1) / (1024 * 1024)));
      return FALSE;
    }
  switch (scan_limits (data, len, &line))
    {
    case LIMIT_NONE:
      return TRUE;
    case LIMIT_ELEMENTS:
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
                   _("Could not save %s: it would have more than %d elements, more than Casebrief opens"),
                   name, CB_XML_MAX_ELEMENTS);
      return FALSE;
    case LIMIT_ATTRIBUTES:
    case LIMIT_DEPTH:
    default:
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
                   _("Could not save %s: it would have an element Casebrief could not open"), name);
      return FALSE;
    }
}

/**
 * cb_xml_parse:
 * @bytes: the file's contents
 * @name: the file's name, for messages
 * @error: return location for a #CbError
 *
 * Parses an XML document from someone else, refusing anything that could reach
 * outside the file or blow up in memory: no network, no document type (where entities
 * are declared), no entities, no XInclude, no NUL, only UTF-8 (whatever the document
 * says of its encoding), and no more elements, attributes or levels of nesting than
 * CB_XML_MAX_ELEMENTS, CB_XML_MAX_ATTRIBUTES and CB_XML_MAX_DEPTH. The message of every
 * error names the file, the line and the problem.
 *
 * Returns: (transfer full): the document, with a root element, or %NULL with @error set
 */
xmlDoc *
cb_xml_parse (GBytes      *bytes,
              const char  *name,
              GError     **error)
{
  ReadState state = { 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  xmlNode *root;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *bad = NULL;
  const char *nul;

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

  switch (scan_limits (data, len, &state.line))
    {
    case LIMIT_NONE:
      break;
    case LIMIT_ELEMENTS:
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
                   _("%s, line %d: the file has more than %d elements, more than Casebrief reads"),
                   name, state.line, CB_XML_MAX_ELEMENTS);
      return NULL;
    case LIMIT_ATTRIBUTES:
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE,
                   _("%s, line %d: an element has more than %d attributes, more than Casebrief reads"),
                   name, state.line, CB_XML_MAX_ATTRIBUTES);
      return NULL;
    case LIMIT_DEPTH:
    default:
      g_set_error (error, CB_ERROR, CB_ERROR_PARSE, _("%s, line %d: %s"),
                   name, state.line, _("elements are nested too deeply"));
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
  /* The caps above and the callers' size caps bound what is built, so libxml2's own
   * smaller limits on a text, a name or an attribute need not apply: a file the app
   * wrote under the caps is read back whole. */
  doc = xmlCtxtReadMemory (ctxt, data, len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES
                           | XML_PARSE_NOWARNING | XML_PARSE_HUGE | XML_PARSE_IGNORE_ENC);
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
  return doc;
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
 * Parses and validates one of Casebrief's own XML files as cb_xml_parse() reads any
 * XML, then checks its root, its format version and its schema.
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
  xmlDoc *doc;
  xmlNode *root;
  xmlRelaxNGValidCtxt *valid;
  Schema *schema;
  g_autoptr(GArray) detached = NULL;
  gboolean invalid;
  guint n_elements = 0;
  g_autofree char *version = NULL;
  int file_major = 0, file_minor = 0;

  doc = cb_xml_parse (bytes, name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
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

  schema = lookup_schema (schema_path);
  detached = g_array_new (FALSE, FALSE, sizeof (Detached));
  detach_extensions (schema, root, detached, &n_elements);
  valid = xmlRelaxNGNewValidCtxt (schema->schema);
  xmlRelaxNGSetValidStructuredErrors (valid, validation_error_cb, &state);
  invalid = xmlRelaxNGValidateDoc (valid, doc) != 0;
  xmlRelaxNGFreeValidCtxt (valid);
  reattach_extensions (detached);
  if (invalid && n_elements <= WHOLE_SCHEMA_MESSAGES)
    {
      ReadState whole = { 0 };

      valid = xmlRelaxNGNewValidCtxt (schema->whole);
      xmlRelaxNGSetValidStructuredErrors (valid, validation_error_cb, &whole);
      if (xmlRelaxNGValidateDoc (valid, doc) != 0 && whole.message != NULL)
        {
          g_free (state.message);
          state = whole;
        }
      else
        g_free (whole.message);
      xmlRelaxNGFreeValidCtxt (valid);
    }
  if (invalid)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s, line %d: %s"),
                   name, state.line, state.message ? state.message : _("the file does not follow its schema"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
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
