/* File choosers: the kinds of file they offer, and one way to ask for a file. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The kinds of file Casebrief's file choosers offer, each a filter of its own. */
typedef enum
{
  CB_FILE_ALL_SUPPORTED = 1 << 0,
  CB_FILE_BRIEFS        = 1 << 1,
  CB_FILE_TEMPLATES     = 1 << 2,
  CB_FILE_OPINIONS      = 1 << 3,
  CB_FILE_PDF           = 1 << 4,
} CbFileKinds;

void cb_file_filters_add (GtkFileChooser *chooser,
                          CbFileKinds     kinds);

/* What a window does with the file chosen, or with %NULL when the chooser was cancelled. */
typedef void (*CbFileChosenFunc) (GtkWindow *parent,
                                  GFile     *file,
                                  gpointer   data);

void cb_file_chooser_ask (GtkWindow            *parent,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *accept_label,
                          CbFileKinds           kinds,
                          const char           *current_name,
                          CbFileChosenFunc      chosen,
                          gpointer              data,
                          GDestroyNotify        destroy);

G_END_DECLS
