#define G_LOG_DOMAIN "cb-file-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-file-filters.h"

static const char *brief_patterns[] = { "*.brief", NULL };
static const char *template_patterns[] = { "*.brieftemplate", NULL };
static const char *opinion_patterns[] = { "*.txt", "*.html", "*.htm", NULL };
static const char *opinion_types[] = { "text/plain", "text/html", NULL };
static const char *pdf_patterns[] = { "*.pdf", NULL };
static const char *all_patterns[] = { "*.brief", "*.brieftemplate", "*.txt", "*.html", "*.htm", NULL };

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
