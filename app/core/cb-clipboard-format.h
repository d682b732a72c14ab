/* Clipboard: the format a passage copied from an opinion travels in, its anchor in the
 * opinion beside the plain text every program reads. */
#pragma once

#include <gio/gio.h>

#include "cb-opinion.h"

G_BEGIN_DECLS

/* The passage's anchor: the opinion's SHA-256, and where the passage starts and ends. */
#define CB_CLIPBOARD_EXCERPT_MIME_TYPE "application/x-casebrief-excerpt"

/* More than any anchor takes: anything longer on the clipboard is not one. */
#define CB_CLIPBOARD_EXCERPT_MAX_BYTES 4096

GBytes   *cb_clipboard_encode_excerpt (CbOpinion  *opinion,
                                       gsize       start,
                                       gsize       end);
gboolean  cb_clipboard_decode_excerpt (GBytes     *bytes,
                                       CbOpinion  *opinion,
                                       gsize      *start,
                                       gsize      *end,
                                       GError    **error);

G_END_DECLS
