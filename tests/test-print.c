#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cb-brief-export.h"
#include "cb-brief-renderer.h"
#include "cb-print-operation.h"

/* Printing goes through the same renderer as the PDF export: printed to a file, the
 * brief has the same pages and the same text as exported. */

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_print_to_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples",
                                            "davidson-v-cannon.brief", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbBrief) brief = cb_brief_load_file (file, NULL, &error);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *dir = g_dir_make_tmp ("cb-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  CbPageGeometry geometry;
  GtkPrintOperationResult result;
  int n_pages = 0;

  g_assert_no_error (error);

  operation = cb_print_operation_new (brief);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_object_get (operation, "n-pages", &n_pages, NULL);

  cb_page_geometry_init_paper (&geometry, CB_PAPER_LETTER);
  g_assert_true (cb_brief_export_pdf (brief, exported_file, &geometry, NULL, &error));
  g_assert_no_error (error);

  printed_text = pdf_text (printed);
  exported_text = pdf_text (exported);
  g_assert_cmpint (n_pages, ==, 2);
  g_assert_nonnull (strstr (printed_text, "Davidson v. Cannon"));
  g_assert_nonnull (strstr (printed_text, "Page 2 of 2"));
  g_assert_cmpstr (printed_text, ==, exported_text);

  g_unlink (printed);
  g_unlink (exported);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/to-file", test_print_to_file);

  return g_test_run ();
}
