/* What the files of CbSectionEditor share: its struct and the steps one file asks of another. */
#pragma once

#include "cb-section-buffer.h"
#include "cb-section-editor.h"

G_BEGIN_DECLS

struct _CbSectionEditor
{
  AdwBin parent_instance;

  CbBrief *brief;
  CbSection *section;
  guint color_index;
  CbSectionBuffer *buffer;    /* the text model: quotations, sync, undo */

  GtkLabel *title_label;
  GtkLabel *required_label;
  GtkLabel *count_label;
  GtkLabel *prompt_label;
  GtkWidget *color_swatch;
  GtkScrolledWindow *scroller;
  int max_text_height;
  guint fit_id;
  GtkTextView *text_view;
  gboolean over_quotation;    /* the pointer is, and so the pointer cursor shows */
  gboolean over_limit;        /* the section has more words than its limit */
  gboolean quotes_only;       /* it needs the student's own words and holds only quotations */
  GtkWidget *selected_hint;
  GtkTextTag *selected_tag;   /* on a quotation selected whole */
  char *selected_excerpt;

  /* Pasting: what the last user action inserted, between two marks, and the passage
   * of the opinion the text pasted there is, while the prompt offers to link it. */
  GCancellable *cancellable;
  GtkWidget *link_prompt;
  GtkLabel *link_label;
  GtkTextMark *inserted_start;
  GtkTextMark *inserted_end;
  gboolean inserted;
  gboolean pasting_text;      /* the text view's own paste is being started */
  char *pasted_text;
  gsize link_start;
  gsize link_end;
};

/* cb-section-editor.c */
void _cb_section_editor_show_excerpt            (CbSectionEditor *self,
                                                 const char      *excerpt_id);

/* cb-section-editor-quotations.c */
void _cb_section_editor_quotations_init         (CbSectionEditor *self);

/* cb-section-editor-dnd.c */
void _cb_section_editor_dnd_init                (CbSectionEditor *self);

/* cb-section-editor-clipboard.c */
void _cb_section_editor_clipboard_class_init    (GtkWidgetClass  *widget_class);
void _cb_section_editor_clipboard_init          (CbSectionEditor *self);
void _cb_section_editor_clipboard_watch_buffer  (CbSectionEditor *self);
void _cb_section_editor_clipboard_dispose       (CbSectionEditor *self);

G_END_DECLS
