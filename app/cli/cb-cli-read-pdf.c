/* `casebrief-read-pdf NAME`: the separate process that reads a PDF for the window
 * and the commands (see cb-pdf-helper.c). Not for people: it reads the PDF on
 * standard input, tells each page read on standard error and writes its answer on
 * standard output. */

#define G_LOG_DOMAIN "cb-cli-read-pdf"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "cb-cli.h"
#include "cb-opinion.h"
#include "cb-pdf-helper.h"

static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  fprintf (stderr, "page %u/%u\n", page, n_pages);
  fflush (stderr);
}

/* All of standard input, or NULL when it is larger than an opinion may be. */
static GBytes *
read_stdin (void)
{
  GByteArray *data = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  ssize_t n;

  while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      if (data->len + (gsize) n > CB_OPINION_MAX_BYTES)
        {
          g_byte_array_unref (data);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (data);
}

/**
 * cb_cli_read_pdf:
 * @argc: argument count, from the program's name on
 * @argv: arguments: the PDF's name, for messages
 *
 * Returns: 0 with the opinion written, 1 when the PDF is refused (the answer says
 *   why), 2 on a usage error
 */
int
cb_cli_read_pdf (int    argc,
                 char **argv)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) answer = NULL;
  gboolean refused = FALSE;
  const char *name = argc > 1 && *argv[1] != '\0' ? argv[1] : NULL;
  gsize length;
  const char *data;

  if (argc > 2)
    return 2;
  pdf = read_stdin ();
  if (pdf == NULL)
    return 2;
  answer = cb_pdf_helper_answer (pdf, name, progress_cb, NULL, &refused);
  data = g_bytes_get_data (answer, &length);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    return 2;
  return refused ? 1 : 0;
}
