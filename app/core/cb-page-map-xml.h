#pragma once

#include <libxml/tree.h>

#include "cb-opinion.h"
#include "cb-pdf-layout.h"

G_BEGIN_DECLS

void         cb_page_map_write_layout_xml (GString           *out,
                                           guint              indent,
                                           const CbPdfLayout *layout,
                                           const char        *sha256);
void         cb_page_map_write_xml (GString     *out,
                                    guint        indent,
                                    CbOpinion   *opinion);
CbPdfLayout *cb_page_map_read_xml  (xmlNode     *node,
                                    const char  *text,
                                    const char  *name,
                                    GError     **error);

CbOpinion   *cb_page_map_read_opinion (const char  *text,
                                       const char  *source_name,
                                       const char  *format,
                                       xmlNode     *page_map,
                                       const char  *name,
                                       GError     **error);

G_END_DECLS
