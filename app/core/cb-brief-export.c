/* PDF export: a brief typeset as it prints, written atomically to a PDF file. */
#define G_LOG_DOMAIN "cb-brief-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cb-brief-export.h"
#include "cb-brief-renderer.h"
#include "cb-error.h"
#include "cb-file-private.h"
#include "cb-file-writer.h"

typedef struct
{
  CbFileWriter *file;
  GCancellable *cancellable;
  GError *error;
} PdfWriter;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!cb_file_writer_write (writer->file, data, length, writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf (CbBrief              *brief,
            const CbPageGeometry *geometry,
            PdfWriter            *writer,
            GError              **error)
{
  g_autoptr(CbBriefRenderer) renderer = cb_brief_renderer_new (brief);
  const char *case_name = cb_brief_get_case_name (brief);
  const char *student = cb_brief_get_student (brief);
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    return FALSE;
  cb_brief_renderer_set_geometry (renderer, geometry);
  n_pages = cb_brief_renderer_paginate (renderer, NULL);

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, writer,
                                                 geometry->width, geometry->height);
  /* Translators: the PDF document title; %s is the case name */
  title = g_strdup_printf (_("%s — Brief"), (case_name != NULL && *case_name != '\0') ? case_name : _("Untitled"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if ((student != NULL && *student != '\0'))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, student);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Casebrief " PACKAGE_VERSION);

  /* The outline lets a reader jump to each section. */
  for (guint s = 0; s < cb_brief_get_n_sections (brief); s++)
    {
      guint page;
      double top;

      if (cb_brief_renderer_get_heading_extents (renderer, s, &page, &top, NULL))
        {
          g_autofree char *link = g_strdup_printf ("page=%u pos=[%g %g]", page + 1,
                                                   geometry->margin_left,
                                                   geometry->margin_top + top);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                         cb_section_get_title (cb_brief_get_section (brief, s)),
                                         link, 0);
        }
    }

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      cb_brief_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
      /* Checked after a page, never before the first: cairo cannot finish an empty PDF. */
      if (writer->error != NULL || g_cancellable_is_cancelled (writer->cancellable))
        break;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * cb_brief_export_pdf:
 * @brief: the brief
 * @file: the PDF file to write
 * @geometry: (nullable): paper size and margins, or %NULL for the locale's paper
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Typesets @brief exactly as it prints and writes it as a PDF with the case name as
 * title, the student as author, and an outline entry per section. The PDF is written
 * as every file is saved (cb_file_writer_new()): to a temporary file beside @file,
 * then moved over it, so a failure leaves no partial file and an older @file
 * untouched.
 *
 * Returns: %TRUE on success; on failure %FALSE with a %CB_ERROR_SAVE error ("Could not
 *   save NAME: reason"), or %G_IO_ERROR_CANCELLED
 */
gboolean
cb_brief_export_pdf (CbBrief              *brief,
                     GFile                *file,
                     const CbPageGeometry *geometry,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autoptr(CbFileWriter) output = NULL;
  g_autoptr(GError) local_error = NULL;
  CbPageGeometry paper;
  PdfWriter writer = { NULL, cancellable, NULL };

  g_return_val_if_fail (CB_IS_BRIEF (brief), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (geometry == NULL)
    {
      cb_page_geometry_init_paper (&paper, cb_paper_get_default ());
      geometry = &paper;
    }

  output = cb_file_writer_new (file, NULL, CB_FILE_SAVE_NONE, cancellable, error);
  if (output == NULL)
    return FALSE;
  writer.file = output;
  if (!render_pdf (brief, geometry, &writer, &local_error))
    {
      cb_file_writer_abort (output);
      /* The writer's own errors name the file already; cairo's and a cancel do not. */
      if (local_error->domain == CB_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cb_file_set_save_error (error, file, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("the save was cancelled"));
      else
        cb_file_set_save_error (error, file, CB_ERROR, CB_ERROR_SAVE, local_error->message);
      return FALSE;
    }
  return cb_file_writer_commit (output, NULL, cancellable, error);
}
