#pragma once

#include <gio/gio.h>

#include "cb-opinion.h"
#include "cb-pdf-import.h"

G_BEGIN_DECLS

/* The reader's limits: wall-clock and CPU seconds, and bytes of address space. */
#define CB_PDF_HELPER_SECONDS 120
#define CB_PDF_HELPER_MEMORY (1024 * 1024 * 1024)

void       cb_pdf_helper_set_program    (const char          *program);
void       cb_pdf_helper_set_limits     (guint                seconds,
                                         guint64              memory);
void       cb_pdf_helper_read_async     (GBytes              *pdf,
                                         const char          *source_name,
                                         GCancellable        *cancellable,
                                         CbPdfProgress        progress,
                                         gpointer             progress_data,
                                         GDestroyNotify       progress_notify,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
CbOpinion *cb_pdf_helper_read_finish    (GAsyncResult        *result,
                                         GError             **error);
CbOpinion *cb_pdf_helper_read           (GBytes              *pdf,
                                         const char          *source_name,
                                         GCancellable        *cancellable,
                                         GError             **error);

GBytes    *cb_pdf_helper_write_answer   (CbOpinion           *opinion,
                                         const GError        *refusal);
GBytes    *cb_pdf_helper_answer         (GBytes              *pdf,
                                         const char          *source_name,
                                         CbPdfProgress        progress,
                                         gpointer             progress_data,
                                         gboolean            *refused);
CbOpinion *cb_pdf_helper_parse_answer   (GBytes              *answer,
                                         const char          *source_name,
                                         GError             **error);

G_END_DECLS
