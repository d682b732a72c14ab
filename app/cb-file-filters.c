/* File choosers: the kinds of file they offer, and one way to ask for a file. */
#define G_LOG_DOMAIN "cb-file-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-file-filters.h"

static const char *brief_patterns[] = { "*.brief", NULL };
static const char *template_patterns[] = { "*.brieftemplate", NULL };
/* Casebody XML from the Caselaw Access Project or CourtListener is an opinion too, and
 * so is a PDF: a slip opinion, a preliminary print, a research service's print. */
static const char *opinion_patterns[] = { "*.txt", "*.html", "*.htm", "*.xml", "*.pdf", NULL };
static const char *opinion_types[] = { "text/plain", "text/html", "application/pdf", NULL };
static const char *pdf_patterns[] = { "*.pdf", NULL };
static const char *all_patterns[] = { "*.brief", "*.brieftemplate", "*.txt", "*.html", "*.htm", "*.xml", "*.pdf", NULL };

static void
add_filter (GtkFileChooser  *chooser,
            const char      *name,
            const char     **patterns,
            const char     **mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * cb_file_filters_add:
 * @chooser: a file chooser
 * @kinds: the kinds of file it offers
 *
 * Adds a filter for each kind, in the order of #CbFileKinds, so that every chooser
 * names and matches briefs, templates, opinions and PDFs alike.
 */
void
cb_file_filters_add (GtkFileChooser *chooser,
                     CbFileKinds     kinds)
{
  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  if (kinds & CB_FILE_ALL_SUPPORTED)
    add_filter (chooser, _("All Supported Files"), all_patterns, opinion_types);
  if (kinds & CB_FILE_BRIEFS)
    add_filter (chooser, _("Briefs"), brief_patterns, NULL);
  if (kinds & CB_FILE_TEMPLATES)
    add_filter (chooser, _("Brief Templates"), template_patterns, NULL);
  if (kinds & CB_FILE_OPINIONS)
    add_filter (chooser, _("Opinions"), opinion_patterns, opinion_types);
  if (kinds & CB_FILE_PDF)
    add_filter (chooser, _("PDF Documents"), pdf_patterns, NULL);
}

typedef struct
{
  GWeakRef parent;
  CbFileChosenFunc chosen;
  gpointer data;
  GDestroyNotify destroy;
} Ask;

static void
ask_free (Ask *ask)
{
  g_weak_ref_clear (&ask->parent);
  if (ask->destroy != NULL)
    ask->destroy (ask->data);
  g_free (ask);
}

static void
ask_response_cb (GtkNativeDialog *dialog,
                 int              response,
                 Ask             *ask)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&ask->parent);
  g_autoptr(GFile) file = NULL;

  /* A window closed meanwhile hears nothing. */
  if (parent != NULL)
    {
      if (response == GTK_RESPONSE_ACCEPT)
        file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      ask->chosen (parent, file, ask->data);
    }
  ask_free (ask);
  g_object_unref (dialog);
}

/**
 * cb_file_chooser_ask:
 * @parent: the window that asks
 * @title: the chooser's title
 * @action: open or save
 * @accept_label: the label of the button that accepts ("_Open", "_Save")
 * @kinds: the kinds of file offered, see cb_file_filters_add()
 * @current_name: (nullable): the name a save chooser suggests
 * @chosen: called with the file chosen, or %NULL when the chooser was cancelled
 * @data: data for @chosen
 * @destroy: (nullable): frees @data once @chosen has run or will not
 *
 * Asks for a file in a native chooser, modal to @parent. @chosen is not called when
 * @parent is gone by the time the chooser answers.
 */
void
cb_file_chooser_ask (GtkWindow            *parent,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     CbFileKinds           kinds,
                     const char           *current_name,
                     CbFileChosenFunc      chosen,
                     gpointer              data,
                     GDestroyNotify        destroy)
{
  GtkFileChooserNative *dialog;
  Ask *ask;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (chosen != NULL);

  dialog = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  cb_file_filters_add (GTK_FILE_CHOOSER (dialog), kinds);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  ask = g_new0 (Ask, 1);
  g_weak_ref_init (&ask->parent, parent);
  ask->chosen = chosen;
  ask->data = data;
  ask->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), ask);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
