#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CbOpinionFormat:
 * @CB_OPINION_FORMAT_TEXT: plain text as copied from a reporter service
 * @CB_OPINION_FORMAT_HTML: HTML (CourtListener, Caselaw Access Project, generic)
 *
 * The format an opinion was imported from.
 */
typedef enum
{
  CB_OPINION_FORMAT_TEXT,
  CB_OPINION_FORMAT_HTML,
} CbOpinionFormat;

/* Largest opinion file accepted; larger files are refused before they are read whole. */
#define CB_OPINION_MAX_BYTES (64 * 1024 * 1024)

#define CB_TYPE_OPINION (cb_opinion_get_type ())
G_DECLARE_FINAL_TYPE (CbOpinion, cb_opinion, CB, OPINION, GObject)

CbOpinion      *cb_opinion_new_from_text       (const char       *text,
                                                const char       *source_name,
                                                CbOpinionFormat   format);
CbOpinion      *cb_opinion_import_bytes        (GBytes           *bytes,
                                                const char       *source_name,
                                                GError          **error);
CbOpinion      *cb_opinion_import_file         (GFile            *file,
                                                GCancellable     *cancellable,
                                                GError          **error);
void            cb_opinion_import_file_async   (GFile            *file,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
CbOpinion      *cb_opinion_import_file_finish  (GAsyncResult     *result,
                                                GError          **error);

const char     *cb_opinion_get_text            (CbOpinion        *self);
gsize           cb_opinion_get_length          (CbOpinion        *self);
const char     *cb_opinion_get_source_name     (CbOpinion        *self);
CbOpinionFormat cb_opinion_get_format          (CbOpinion        *self);
const char     *cb_opinion_get_sha256          (CbOpinion        *self);

G_END_DECLS
