/* What the files of CbSectionBuffer share: its struct and the steps one file asks of another. */
#pragma once

#include "cb-section-buffer.h"

G_BEGIN_DECLS

#define EXCERPT_ID_KEY "cb-excerpt-id"

typedef struct _CbSectionSnapshot CbSectionSnapshot;

struct _CbSectionBuffer
{
  GtkTextBuffer parent_instance;

  CbBrief *brief;
  CbSection *section;

  GtkTextTag *italic_tag;
  GtkTextTag *bold_tag;
  GtkTextTag *quote_tag;      /* every character of every quotation */
  GtkTextTag *cite_tag;       /* the pin cite under a quotation */
  GHashTable *excerpt_tags;   /* excerpt id → the tag on its quotation */
  guint refresh_id;           /* pending redraw of the pin cites after a citation edit */

  GPtrArray *undo_stack;  /* Snapshot */
  GPtrArray *redo_stack;  /* Snapshot */
  CbSectionSnapshot *pending; /* taken as a user action begins, kept if it changes something */
  gint64 last_typing;
  CbRunFlags typing_flags;
  gboolean typing_flags_set;

  /* Typing in one paragraph is read back into that paragraph alone. line_blocks maps
   * each line of the buffer to the paragraph block on it, or -1 for a line that is
   * empty or holds a quotation; it is NULL while unknown. */
  GArray *line_blocks;
  int edited_line;        /* the line the current user action changed, or -1 */
  int lines_before;       /* the buffer's lines when the user action began */
  guint in_user_action : 1;
  guint structural : 1;   /* the user action added or removed lines or quotations */
  guint outside_edit : 1; /* an edit outside any user action is being made */

  guint rebuilding : 1;
  guint syncing : 1;
};

/* Whether the character at @iter belongs to a quotation: @iter is inside one or at its start. */
static inline gboolean
in_quotation (CbSectionBuffer   *self,
              const GtkTextIter *iter)
{
  return gtk_text_iter_has_tag (iter, self->quote_tag);
}

/* Whether the character before @iter belongs to a quotation: @iter is inside one or at its end. */
static inline gboolean
after_quotation (CbSectionBuffer   *self,
                 const GtkTextIter *iter)
{
  GtkTextIter before = *iter;

  return gtk_text_iter_backward_char (&before) && gtk_text_iter_has_tag (&before, self->quote_tag);
}

/* cb-section-buffer.c */
void        _cb_section_buffer_rebuild          (CbSectionBuffer   *self);
void        _cb_section_buffer_sync             (CbSectionBuffer   *self);
void        _cb_section_buffer_notify_history   (CbSectionBuffer   *self);

/* cb-section-buffer-quotations.c */
void        _cb_section_buffer_watch_brief      (CbSectionBuffer   *self);
GtkTextTag *_cb_section_buffer_excerpt_tag_at   (CbSectionBuffer   *self,
                                                 const GtkTextIter *iter);
void        _cb_section_buffer_insert_quotation (CbSectionBuffer   *self,
                                                 GtkTextIter       *iter,
                                                 CbExcerpt         *excerpt);
void        _cb_section_buffer_forget_quotation (CbSectionBuffer   *self,
                                                 const char        *excerpt_id);
void        _cb_section_buffer_forget_quotations (CbSectionBuffer  *self);

/* cb-section-buffer-undo.c */
void        _cb_section_buffer_init_history     (CbSectionBuffer   *self);
void        _cb_section_buffer_free_history     (CbSectionBuffer   *self);
void        _cb_section_buffer_begin_step       (CbSectionBuffer   *self);
void        _cb_section_buffer_cancel_step      (CbSectionBuffer   *self);
void        _cb_section_buffer_end_step         (CbSectionBuffer   *self);
void        _cb_section_buffer_push_undo        (CbSectionBuffer   *self,
                                                 CbExcerpt         *leave_out);

G_END_DECLS
