/* casebrief-read-pdf: the program that reads a PDF for the window and the commands
 * in a process of its own (see cb-pdf-helper.c and cb-cli-read-pdf.c). It links the
 * core alone, not GTK, so that it starts in a fraction of the window's time. */

#include "config.h"

#include "cb-cli.h"
#include "cb-core.h"

int
main (int   argc,
      char *argv[])
{
  /* A refusal is written in the language of the program that asked. */
  cb_i18n_init ();
  return cb_cli_read_pdf (argc, argv);
}
