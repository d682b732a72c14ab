/* An opinion read in the background for a window: the import, and from the first page
 * a PDF tells, a toast that stays while it is read, with its progress ("Page 3 of 60")
 * and Cancel. The main window and Create Assignment both read opinions through it. */

#define G_LOG_DOMAIN "cb-import-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-import-toast.h"

struct _CbImportToast
{
  GObject parent_instance;

  GFile *file;
  GCancellable *cancellable;
  AdwToastOverlay *overlay;     /* weak: the window's, where the toast shows */
  AdwToast *toast;              /* from the first page until the reading ends */
  GtkProgressBar *progress;
  gboolean done;
};

/* libadwaita 1.2 crashes when a toast dismissed while it is still coming in ends its
 * animations (a short PDF is read in a few milliseconds): a toast that has shown stays
 * this long by the frame clock its animations keep, which also spares the student a
 * flash. One still waiting behind another goes at once. */
#define SHOWN_AT_LEAST_US (600 * G_TIME_SPAN_MILLISECOND)
#define SHOWN_AT "cb-import-toast-shown-at"

typedef struct
{
  AdwToast *toast;
  GtkWidget *title;             /* the toast's own, in its widget once it shows */
} Dismissal;

static void
dismissal_free (Dismissal *dismissal)
{
  g_object_unref (dismissal->toast);
  g_object_unref (dismissal->title);
  g_free (dismissal);
}

/* The frame the toast came in on. */
static void
title_mapped_cb (GtkWidget *title)
{
  gint64 *shown_at = g_object_get_data (G_OBJECT (title), SHOWN_AT);

  if (*shown_at < 0)
    *shown_at = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (title));
}

static gboolean
dismiss_tick_cb (GtkWidget     *overlay,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  Dismissal *dismissal = data;
  const gint64 *shown_at = g_object_get_data (G_OBJECT (dismissal->title), SHOWN_AT);

  /* Shown, or about to be: it stays until it has been in for long enough. */
  if (gtk_widget_get_parent (dismissal->title) != NULL &&
      (*shown_at < 0 || gdk_frame_clock_get_frame_time (clock) - *shown_at < SHOWN_AT_LEAST_US))
    return G_SOURCE_CONTINUE;
  adw_toast_dismiss (dismissal->toast);
  return G_SOURCE_REMOVE;
}

G_DEFINE_FINAL_TYPE (CbImportToast, cb_import_toast, G_TYPE_OBJECT)

static void
dismiss (CbImportToast *self)
{
  if (self->toast != NULL && self->overlay != NULL)
    {
      Dismissal *dismissal = g_new0 (Dismissal, 1);

      dismissal->toast = g_object_ref (self->toast);
      dismissal->title = g_object_ref (adw_toast_get_custom_title (self->toast));
      gtk_widget_add_tick_callback (GTK_WIDGET (self->overlay), dismiss_tick_cb, dismissal,
                                    (GDestroyNotify) dismissal_free);
    }
  g_clear_object (&self->toast);
  self->progress = NULL;
}

static void
cancel_clicked_cb (CbImportToast *self)
{
  cb_import_toast_cancel (self);
}

/* A page of a PDF was read: the toast says how far the reading is. */
static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  CbImportToast *self = user_data;
  g_autofree char *text = NULL;

  /* A reading nobody waits for any more tells nothing. */
  if (self->done || self->overlay == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->toast == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gint64 *shown_at = g_new (gint64, 1);

      self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
      gtk_progress_bar_set_show_text (self->progress, TRUE);
      gtk_box_append (GTK_BOX (box), gtk_label_new (_("Reading the PDF…")));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading the PDF"), -1);
      *shown_at = -1;
      g_object_set_data_full (G_OBJECT (box), SHOWN_AT, shown_at, g_free);
      g_signal_connect (box, "map", G_CALLBACK (title_mapped_cb), NULL);
      self->toast = adw_toast_new ("");
      adw_toast_set_custom_title (self->toast, box);
      adw_toast_set_timeout (self->toast, 0);
      adw_toast_set_button_label (self->toast, _("_Cancel"));
      g_signal_connect_object (self->toast, "button-clicked", G_CALLBACK (cancel_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->overlay, g_object_ref (self->toast));
    }
  gtk_progress_bar_set_fraction (self->progress, (double) page / MAX (n_pages, 1));
  text = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CbImportToast *self = g_task_get_source_object (task);
  GError *error = NULL;
  CbOpinion *opinion = cb_opinion_import_file_finish (result, &error);

  self->done = TRUE;
  dismiss (self);
  if (opinion == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, opinion, g_object_unref);
}

static void
cb_import_toast_dispose (GObject *object)
{
  CbImportToast *self = CB_IMPORT_TOAST (object);

  dismiss (self);
  g_clear_weak_pointer (&self->overlay);

  G_OBJECT_CLASS (cb_import_toast_parent_class)->dispose (object);
}

static void
cb_import_toast_finalize (GObject *object)
{
  CbImportToast *self = CB_IMPORT_TOAST (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cb_import_toast_parent_class)->finalize (object);
}

static void
cb_import_toast_class_init (CbImportToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_import_toast_dispose;
  object_class->finalize = cb_import_toast_finalize;
}

static void
cb_import_toast_init (CbImportToast *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * cb_import_toast_start:
 * @overlay: where the reading's toast shows
 * @file: an opinion file
 * @cancellable: (nullable): cancelling it ends the reading too, e.g. the window's own
 * @callback: called when the opinion is read, could not be, or the reading was cancelled
 * @user_data: for @callback
 *
 * Reads @file in the background (cb_opinion_import_file_with_progress_async()). From
 * the first page a PDF tells, a toast on @overlay shows how far the reading is, with
 * a Cancel button; it goes when the reading ends. @callback is given the
 * #CbImportToast as its source object, so that a window can tell a reading it still
 * waits for from one it has replaced.
 *
 * Returns: (transfer full): the reading
 */
CbImportToast *
cb_import_toast_start (AdwToastOverlay     *overlay,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  CbImportToast *self;
  GTask *task;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (CB_TYPE_IMPORT_TOAST, NULL);
  self->file = g_object_ref (file);
  g_set_weak_pointer (&self->overlay, overlay);
  if (cancellable != NULL)
    {
      g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), self->cancellable,
                               G_CONNECT_SWAPPED);
      if (g_cancellable_is_cancelled (cancellable))
        g_cancellable_cancel (self->cancellable);
    }
  /* The import's own error says which file was cancelled: the task does not replace it. */
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cb_import_toast_start);
  cb_opinion_import_file_with_progress_async (file, self->cancellable, progress_cb, g_object_ref (self),
                                              g_object_unref, imported_cb, task);
  return self;
}

/**
 * cb_import_toast_finish:
 * @self: the reading
 * @result: the result given to the callback
 * @error: return location for an error: %G_IO_ERROR_CANCELLED when it was cancelled
 *
 * Finishes cb_import_toast_start().
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_import_toast_finish (CbImportToast  *self,
                        GAsyncResult   *result,
                        GError        **error)
{
  g_return_val_if_fail (CB_IS_IMPORT_TOAST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cb_import_toast_cancel:
 * @self: the reading
 *
 * Ends the reading, as the toast's Cancel does: the callback is told
 * %G_IO_ERROR_CANCELLED, or the opinion if it was read already.
 */
void
cb_import_toast_cancel (CbImportToast *self)
{
  g_return_if_fail (CB_IS_IMPORT_TOAST (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * cb_import_toast_get_file:
 * @self: the reading
 *
 * Returns: (transfer none): the file being read
 */
GFile *
cb_import_toast_get_file (CbImportToast *self)
{
  g_return_val_if_fail (CB_IS_IMPORT_TOAST (self), NULL);

  return self->file;
}

/**
 * cb_import_toast_get_progress_bar:
 * @self: the reading
 *
 * Returns: (transfer none) (nullable): the toast's progress bar, from the first page a
 *   PDF tells until the reading ends
 */
GtkProgressBar *
cb_import_toast_get_progress_bar (CbImportToast *self)
{
  g_return_val_if_fail (CB_IS_IMPORT_TOAST (self), NULL);

  return self->progress;
}
