#pragma once

#include <glib.h>

G_BEGIN_DECLS

int      cb_cli_export     (int         argc,
                            char      **argv);

/* A batch command: runs without a display, prints to stdout/stderr, returns the exit status. */
typedef int (*CbCliCommand) (int argc, char **argv);

int      cb_cli_inspect    (int         argc,
                            char      **argv);

gboolean cb_cli_is_command (const char *name);
char    *cb_cli_printable  (const char *text,
                            gsize       max_chars);
void     cb_cli_fail       (const char *message);
int      cb_cli_run        (int         argc,
                            char      **argv);

int      cb_cli_check      (int         argc,
                            char      **argv);
int      cb_cli_new        (int         argc,
                            char      **argv);
int      cb_cli_read_pdf   (int         argc,
                            char      **argv);
int      cb_cli_help       (int         argc,
                            char      **argv);
int      cb_cli_version    (void);

G_END_DECLS
