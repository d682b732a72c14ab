#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

xmlDoc   *cb_xml_read                (GBytes      *bytes,
                                      const char  *name,
                                      const char  *schema_path,
                                      const char  *root_name,
                                      int          major,
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
