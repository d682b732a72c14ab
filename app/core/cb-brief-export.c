/* PDF export: a brief typeset as it prints, written atomically to a PDF file. */
#define G_LOG_DOMAIN "cb-brief-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cb-brief-export.h"
#include "cb-brief-renderer.h"
#include "cb-error.h"

typedef struct
{
  GOutputStream *stream;
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
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable,
                                  &writer->error))
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

/* A new, empty file beside @file, so that the final rename stays on one file system. */
static GFileOutputStream *
create_temporary_sibling (GFile   *file,
                          GFile  **out_temp,
                          GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Not a file name"));
      return NULL;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) temp = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *out_temp = g_steal_pointer (&temp);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("No temporary file name is free"));
  return NULL;
}

/* GIO's own messages name the temporary file, which the user never asked for. */
static const char *
describe_save_error (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return _("The folder does not exist");
      case G_IO_ERROR_NOT_DIRECTORY:
        return _("The folder is not a folder");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("Permission denied");
      case G_IO_ERROR_IS_DIRECTORY:
      case G_IO_ERROR_WOULD_MERGE:
        return _("A folder of that name is in the way");
      case G_IO_ERROR_NO_SPACE:
        return _("The disk is full");
      case G_IO_ERROR_READ_ONLY:
        return _("The disk is read-only");
      default:
        break;
      }
  return error->message;
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
 * to a temporary file beside @file, then renamed over it, so a failure leaves no
 * partial file and an older @file untouched.
 *
 * Returns: %TRUE on success; on failure %FALSE with a %CB_ERROR_SAVE error whose message
 *   is the file's name and the reason
 */
gboolean
cb_brief_export_pdf (CbBrief              *brief,
                     GFile                *file,
                     const CbPageGeometry *geometry,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  CbPageGeometry paper;
  PdfWriter writer = { NULL, cancellable, NULL };
  gboolean ok;

  g_return_val_if_fail (CB_IS_BRIEF (brief), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (geometry == NULL)
    {
      cb_page_geometry_init_paper (&paper, cb_paper_get_default ());
      geometry = &paper;
    }

  stream = create_temporary_sibling (file, &temp, &local_error);
  if (stream != NULL)
    {
      writer.stream = G_OUTPUT_STREAM (stream);
      ok = render_pdf (brief, geometry, &writer, &local_error);
      if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable,
                                  ok ? &local_error : NULL))
        ok = FALSE;
      if (ok)
        ok = g_file_move (temp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                          cancellable, NULL, NULL, &local_error);
      if (!ok)
        g_file_delete (temp, NULL, NULL);
      if (ok)
        return TRUE;
    }

  name = g_file_get_parse_name (file);
  g_set_error (error, CB_ERROR, CB_ERROR_SAVE,
               /* Translators: %s is a file name, then the reason it could not be written */
               _("%s: %s"), name, describe_save_error (local_error));
  return FALSE;
}
