#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* What a reader of Casebrief's XML builds at most, enforced alike when a file is
 * written and when it is read, so that every file the app writes is one it reads. The
 * size of each kind of file is capped by its format (CB_BRIEF_MAX_BYTES and
 * CB_TEMPLATE_MAX_BYTES), and libxml2 is told to take what is under these caps. */
#define CB_XML_MAX_DEPTH 256
#define CB_XML_MAX_ELEMENTS 1000000
#define CB_XML_MAX_ATTRIBUTES 256

xmlDoc   *cb_xml_parse               (GBytes      *bytes,
                                      const char  *name,
                                      GError     **error);
xmlDoc   *cb_xml_read                (GBytes      *bytes,
                                      const char  *name,
                                      const char  *schema_path,
                                      const char  *root_name,
                                      int          major,
                                      GError     **error);
gboolean  cb_xml_check_writable      (GBytes      *bytes,
                                      gsize        max_bytes,
                                      GFile       *file,
                                      GError     **error);
gboolean  cb_xml_is                  (xmlNode     *node,
                                      const char  *ns,
                                      const char  *name);
xmlNode  *cb_xml_child               (xmlNode     *parent,
                                      const char  *ns,
                                      const char  *name);
char     *cb_xml_dup_text            (xmlNode     *node);
char     *cb_xml_dup_attribute       (xmlNode     *node,
                                      const char  *name);
guint64   cb_xml_get_uint_attribute  (xmlNode     *node,
                                      const char  *name,
                                      guint64      max,
                                      guint64      fallback);
gboolean  cb_xml_get_bool_attribute  (xmlNode     *node,
                                      const char  *name);
GPtrArray *cb_xml_collect_extensions (xmlNode           *parent,
                                      const char        *ns,
                                      const char * const *known);
void      cb_xml_escape              (GString     *out,
                                      const char  *text,
                                      gboolean     attribute);
void      cb_xml_write_element       (GString     *out,
                                      guint        indent,
                                      const char  *name,
                                      const char  *text);
void      cb_xml_write_extensions    (GString     *out,
                                      guint        indent,
                                      GPtrArray   *extensions);

G_END_DECLS
