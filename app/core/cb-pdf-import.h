#pragma once

#include <gio/gio.h>

#include "cb-opinion.h"
#include "cb-pdf-layout.h"

G_BEGIN_DECLS

/**
 * CbPdfProgress:
 * @page: pages read so far
 * @n_pages: pages in the PDF
 * @user_data: what was given with the callback
 *
 * Told after each page of a PDF is read.
 */
typedef void (*CbPdfProgress) (guint    page,
                               guint    n_pages,
                               gpointer user_data);

gboolean   cb_pdf_looks_pdf      (const char    *data,
                                  gsize          length);
CbPdfLayout *cb_pdf_read_layout  (GBytes        *bytes,
                                  const char    *source_name,
                                  CbPdfProgress  progress,
                                  gpointer       user_data,
                                  GCancellable  *cancellable,
                                  GError       **error);
CbOpinion *cb_pdf_read_bytes     (GBytes        *bytes,
                                  const char    *source_name,
                                  CbPdfProgress  progress,
                                  gpointer       user_data,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
