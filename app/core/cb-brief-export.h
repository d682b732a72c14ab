/* PDF export: a brief typeset as it prints, written atomically to a PDF file. */
#pragma once

#include <gio/gio.h>

#include "cb-brief.h"
#include "cb-paper.h"

G_BEGIN_DECLS

gboolean cb_brief_export_pdf (CbBrief              *brief,
                              GFile                *file,
                              const CbPageGeometry *geometry,
                              GCancellable         *cancellable,
                              GError              **error);

G_END_DECLS
