/* What the files of CbWindow share: its struct and the steps one file asks of another. */
#pragma once

#include "cb-brief-view.h"
#include "cb-document.h"
#include "cb-file-banner.h"
#include "cb-import-toast.h"
#include "cb-opinion-view.h"
#include "cb-window.h"

G_BEGIN_DECLS

/* A window edits one brief: the opinion on the left, the brief on the right. Its
 * document knows the brief's file and modified state; the window keeps its draft. */
struct _CbWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  GCancellable *cancellable;

  CbBrief *brief;
  CbDocument *document;
  /* Briefs being read to be shown here, so that opening one again meanwhile finds
   * this window. */
  GPtrArray *opening;
  GFile *pdf_file;              /* the PDF the opinion was read from, when it is known */
  CbImportToast *import;        /* the opinion being read, with its progress */
  AdwToast *export_toast;       /* a PDF being written, until the toast goes */
  gint64 export_toast_time;     /* when it was added */
  CbImportToast *pdf_check;     /* a PDF chosen for Show in PDF, read to check it is the opinion's */
  char *draft_id;
  char *last_message;
  guint autosave_id;
  /* A draft is written off the main loop, one at a time. */
  gboolean draft_writing;
  gboolean draft_again;
  gboolean draft_failed;

  AdwWindowTitle *window_title;
  CbFileBanner *file_banner;
  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  CbOpinionView *opinion_view;
  CbBriefView *brief_view;
  GtkStack *stack;
  GMenu *new_menu;              /* New Brief: the built-in templates, then the user's own */
};

/* cb-window.c */
void      _cb_window_set_brief                   (CbWindow             *self,
                                                  CbBrief              *brief,
                                                  GFile                *file,
                                                  CbFileStamp          *stamp);
void      _cb_window_show_error                  (CbWindow             *self,
                                                  const GError         *error);
void      _cb_window_show_message                (CbWindow             *self,
                                                  const char           *message);
CbWindow *_cb_window_for_new_document            (CbWindow             *self);

/* cb-window-open.c */
void      _cb_window_open_file                   (CbWindow             *self,
                                                  GFile                *file);
void      _cb_window_choose_opinion_for_template (CbWindow             *self,
                                                  CbTemplate           *template);
void      _cb_window_new_brief                   (CbWindow             *self,
                                                  CbTemplate           *template,
                                                  CbOpinion            *opinion,
                                                  GFile                *pdf_file);
void      _cb_window_reload                      (CbWindow             *self);

/* cb-window-actions.c */
void      _cb_window_class_actions_init          (CbWindowClass        *klass);
void      _cb_window_actions_init                (CbWindow             *self);
void      _cb_window_update_actions              (CbWindow             *self);

/* cb-window-pdf.c */
GFile    *_cb_window_find_pdf                    (CbWindow             *self);
char     *_cb_window_pdf_uri                     (CbWindow             *self,
                                                  gsize                 offset);
void      _cb_window_show_in_pdf                 (CbWindow             *self,
                                                  gsize                 offset);

/* cb-window-dnd.c */
void      _cb_window_dnd_init                    (CbWindow             *self);

G_END_DECLS
