/* Windows: Show in PDF. The PDF an opinion was read from is the file imported in the
 * window, or a file of its source name beside the brief; when it is neither, the
 * student is asked for it, and the file chosen is read and kept for the window only
 * when its text is the brief's opinion, so that its pages are the page map's. */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cb-file-filters.h"
#include "cb-window-private.h"

/* A PDF chosen for Show in PDF, and the passage to show once it is checked. */
typedef struct
{
  GWeakRef window;
  gsize offset;
} Check;

static Check *
check_new (CbWindow *self,
           gsize     offset)
{
  Check *check = g_new0 (Check, 1);

  g_weak_ref_init (&check->window, self);
  check->offset = offset;
  return check;
}

static void
check_free (Check *check)
{
  g_weak_ref_clear (&check->window);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

/**
 * _cb_window_find_pdf:
 * @self: the window
 *
 * The PDF the opinion was read from: the file imported in this window or chosen for
 * it, or for a brief opened from a file, a file of the opinion's source name beside it.
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL when it is not known or not there
 */
GFile *
_cb_window_find_pdf (CbWindow *self)
{
  CbOpinion *opinion = self->brief != NULL ? cb_brief_get_opinion (self->brief) : NULL;
  const char *source = opinion != NULL ? cb_opinion_get_source_name (opinion) : NULL;
  GFile *file;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) beside = NULL;

  if (opinion == NULL || cb_opinion_get_format (opinion) != CB_OPINION_FORMAT_PDF)
    return NULL;
  if (self->pdf_file != NULL)
    return g_object_ref (self->pdf_file);
  /* A source name is a file's name, never a path: anything else is not looked for. */
  file = cb_document_get_file (self->document);
  if (file == NULL || source == NULL || *source == '\0' || strchr (source, '/') != NULL ||
      strcmp (source, "..") == 0 || strcmp (source, ".") == 0)
    return NULL;
  folder = g_file_get_parent (file);
  beside = folder != NULL ? g_file_get_child (folder, source) : NULL;
  if (beside == NULL || g_file_query_file_type (beside, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;
  return g_steal_pointer (&beside);
}

/**
 * _cb_window_pdf_uri:
 * @self: the window
 * @offset: an offset in characters of the opinion's text
 *
 * Returns: (transfer full) (nullable): the URI of the PDF the opinion was read from
 *   at the page that printed @offset ("file:///…/slip.pdf#page=4"), or %NULL when
 *   the PDF is not known or not there
 */
char *
_cb_window_pdf_uri (CbWindow *self,
                    gsize     offset)
{
  g_autoptr(GFile) pdf = _cb_window_find_pdf (self);
  g_autofree char *file_uri = NULL;
  guint page;

  if (pdf == NULL)
    return NULL;
  page = cb_page_map_pdf_page_at (cb_opinion_get_page_map (cb_brief_get_opinion (self->brief)), offset);
  file_uri = g_file_get_uri (pdf);
  return g_strdup_printf ("%s#page=%u", file_uri, MAX (page, 1));
}

/* The viewer is asked for the page with "#page=N", which most PDF viewers follow. */
static void
open_at (CbWindow *self,
         gsize     offset)
{
  g_autofree char *uri = _cb_window_pdf_uri (self, offset);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* The PDF chosen was read: it is the opinion's when its text is the brief's, as the
 * SHA-256 the brief keeps of its opinion says. */
static void
pdf_checked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  g_autoptr(CbWindow) self = g_weak_ref_get (&check->window);
  CbImportToast *import = CB_IMPORT_TOAST (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbOpinion) read = cb_import_toast_finish (import, result, &error);
  GFile *file = cb_import_toast_get_file (import);
  CbOpinion *opinion;

  /* The window went, or another PDF was chosen since. */
  if (self == NULL || import != self->pdf_check)
    return;
  g_clear_object (&self->pdf_check);
  if (read == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _cb_window_show_message (self, error->message);
      else
        _cb_window_show_error (self, error);
      return;
    }
  /* The brief may have changed while the PDF was read. */
  opinion = self->brief != NULL ? cb_brief_get_opinion (self->brief) : NULL;
  if (opinion == NULL || cb_opinion_get_format (opinion) != CB_OPINION_FORMAT_PDF)
    return;
  if (cb_opinion_get_format (read) != CB_OPINION_FORMAT_PDF ||
      g_strcmp0 (cb_opinion_get_sha256 (read), cb_opinion_get_sha256 (opinion)) != 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *message =
        g_strdup_printf (_("%s is a different PDF: its text is not this brief’s opinion. Choose the PDF the "
                           "opinion was read from."), display);

      _cb_window_show_message (self, message);
      return;
    }
  g_set_object (&self->pdf_file, file);
  open_at (self, check->offset);
}

static void
pdf_chosen_cb (GtkWindow *window,
               GFile     *file,
               gpointer   data)
{
  CbWindow *self = CB_WINDOW (window);
  Check *chosen = data;

  if (file == NULL)
    return;
  /* One PDF is checked at a time: the last one chosen. */
  if (self->pdf_check != NULL)
    cb_import_toast_cancel (self->pdf_check);
  g_clear_object (&self->pdf_check);
  self->pdf_check = cb_import_toast_start (self->toast_overlay, file, self->cancellable, pdf_checked_cb,
                                           check_new (self, chosen->offset));
}

/**
 * _cb_window_show_in_pdf:
 * @self: the window
 * @offset: an offset in characters of the opinion's text
 *
 * Opens the PDF the opinion was read from at the page that printed @offset. When the
 * PDF is not found, asks for it: the file chosen is read, and used (and kept for the
 * window) only when its text is the brief's opinion; otherwise a message says it is
 * a different PDF.
 */
void
_cb_window_show_in_pdf (CbWindow *self,
                        gsize     offset)
{
  CbOpinion *opinion = self->brief != NULL ? cb_brief_get_opinion (self->brief) : NULL;
  g_autoptr(GFile) pdf = NULL;
  const char *source;
  g_autofree char *title = NULL;

  if (opinion == NULL || cb_opinion_get_format (opinion) != CB_OPINION_FORMAT_PDF)
    return;
  pdf = _cb_window_find_pdf (self);
  if (pdf != NULL)
    {
      open_at (self, offset);
      return;
    }
  source = cb_opinion_get_source_name (opinion);
  title = source != NULL && *source != '\0' ? g_strdup_printf (_("Find %s"), source)
                                            : g_strdup (_("Find the Opinion’s PDF"));
  cb_file_chooser_ask (GTK_WINDOW (self), title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), CB_FILE_PDF, NULL,
                       pdf_chosen_cb, check_new (self, offset), (GDestroyNotify) check_free);
}
