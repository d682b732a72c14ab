#define G_LOG_DOMAIN "cb-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-brief-renderer.h"
#include "cb-print-operation.h"

/* Kept for the life of the application so that a second print starts where the first
 * left off: same printer, same paper. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CbBriefRenderer   *renderer)
{
  PangoContext *pango_context;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  g_clear_object (&session_page_setup);
  session_page_setup = gtk_page_setup_copy (setup);

  /* The whole paper in points, so the brief keeps the margins it is typeset with,
   * exactly as in the PDF export. */
  cb_brief_renderer_set_page_size (renderer,
                                   gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                   gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));
  pango_context = gtk_print_context_create_pango_context (context);
  cb_brief_renderer_paginate (renderer, pango_context);
  g_object_unref (pango_context);
}

static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             CbBriefRenderer   *renderer)
{
  /* The brief is laid out whole in begin-print; one call finishes pagination. */
  gtk_print_operation_set_n_pages (operation, (int) cb_brief_renderer_get_n_pages (renderer));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              CbBriefRenderer   *renderer)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (page_nr >= 0 && (guint) page_nr < cb_brief_renderer_get_n_pages (renderer))
    cb_brief_renderer_draw_page (renderer, cr, (guint) page_nr);
}

static void
show_error (GtkPrintOperation *operation,
            GtkWindow         *parent,
            const GError      *error)
{
  GtkWidget *dialog;

  /* A failed run can report both by its result and by "done". */
  if (g_object_get_data (G_OBJECT (operation), "cb-error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "cb-error-shown", GINT_TO_POINTER (TRUE));

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("Could not print the brief"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            error != NULL ? error->message : "");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (operation, parent, error);
    }
}

/**
 * cb_paper_get_preferred:
 * @settings: the application's settings
 *
 * Reads the paper the student chose in the preferences ("paper-size"): A4, Letter, or
 * for "auto" the paper of the language and region.
 *
 * Returns: the paper to print and export on
 */
CbPaper
cb_paper_get_preferred (GSettings *settings)
{
  g_autofree char *name = NULL;
  CbPaper paper;

  g_return_val_if_fail (G_IS_SETTINGS (settings), CB_PAPER_A4);

  name = g_settings_get_string (settings, "paper-size");
  if (!cb_paper_from_string (name, &paper))
    paper = cb_paper_get_default ();
  return paper;
}

/**
 * cb_print_operation_new:
 * @brief: the brief to print
 *
 * Creates a print operation that typesets @brief with the same renderer as the PDF
 * export, on the whole paper in points, starting from the printer and paper the user
 * chose last in this session (or the paper of the preferences). Callers run it with
 * gtk_print_operation_run().
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
cb_print_operation_new (CbBrief *brief)
{
  GtkPrintOperation *operation;
  g_autoptr(CbBriefRenderer) renderer = NULL;
  const char *case_name;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);

  renderer = cb_brief_renderer_new (brief);
  operation = gtk_print_operation_new ();

  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, session_page_setup);
  else
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper =
        gtk_paper_size_new (cb_paper_get_preferred (settings) == CB_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                 : GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  case_name = cb_brief_get_case_name (brief);
  /* Translators: the print job's name; %s is the case name */
  job_name = g_strdup_printf (_("%s — Brief"), case_name != NULL && *case_name != '\0'
                                                  ? case_name : _("Untitled"));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* The renderer lives as long as the operation, which may outlive its caller. */
  g_object_set_data_full (G_OBJECT (operation), "cb-renderer", g_object_ref (renderer),
                          g_object_unref);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), renderer, 0);
  g_signal_connect_object (operation, "paginate", G_CALLBACK (paginate_cb), renderer, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), renderer, 0);
  return operation;
}

/**
 * cb_print_brief:
 * @parent: (nullable): the window the print dialog belongs to
 * @brief: the brief to print
 *
 * Shows the print dialog for @brief and prints it, typeset by the same renderer as the
 * PDF export. Preview uses the same pages. The printer, paper and other settings the
 * user chose are reused by the next print in this session. Returns at once; printing
 * goes on in the background with a progress indication.
 */
void
cb_print_brief (GtkWindow *parent,
                CbBrief   *brief)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (CB_IS_BRIEF (brief));

  operation = cb_print_operation_new (brief);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (operation, parent, error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));
}
