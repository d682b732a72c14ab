/* Sections: the text of one section as a text buffer, kept in step with its CbSection. */
#define G_LOG_DOMAIN "cb-section-buffer"

#include "config.h"

#include <string.h>

#include "cb-section-buffer-private.h"

/* The student's prose, with italic and bold, and the excerpts placed in it, each shown
 * as a quotation on a line of its own.
 *
 * A quotation is text in the buffer, not a widget: a brief may quote the opinion
 * thousands of times, and text costs a text view little where widgets cost it dearly.
 * Its characters carry the quotation tag, which draws them in the section's colour,
 * and a tag of their own that names the excerpt. The buffer's own signal handlers
 * keep each quotation whole and alone on its line: nothing is typed into it, and it
 * goes only all at once.
 *
 * The section (CbSection) is the truth; the buffer is a view of it. Every user edit
 * is read back into blocks; every change made elsewhere (undo, removal of an excerpt,
 * a loaded file) rebuilds the buffer. Undo keeps snapshots of the section's blocks and
 * of the excerpts they quote, so that undoing the removal of an excerpt brings it back
 * with its link to the opinion. */

G_DEFINE_FINAL_TYPE (CbSectionBuffer, cb_section_buffer, GTK_TYPE_TEXT_BUFFER)

enum {
  PROP_0,
  PROP_BRIEF,
  PROP_SECTION,
  PROP_UNDO_DEPTH,
  PROP_REDO_DEPTH,
  N_PROPS
};

enum {
  EDIT_REFUSED,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The undo and redo depths may have changed. */
void
_cb_section_buffer_notify_history (CbSectionBuffer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_DEPTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_DEPTH]);
}

static CbRunFlags
flags_at (CbSectionBuffer   *self,
          const GtkTextIter *iter)
{
  CbRunFlags flags = CB_RUN_PLAIN;

  if (gtk_text_iter_has_tag (iter, self->italic_tag))
    flags |= CB_RUN_ITALIC;
  if (gtk_text_iter_has_tag (iter, self->bold_tag))
    flags |= CB_RUN_BOLD;
  return flags;
}

/* Reading the buffer back */

static void
flush_paragraph (GPtrArray  *blocks,
                 CbBlock   **paragraph)
{
  if (*paragraph == NULL)
    return;
  if ((*paragraph)->runs->len > 0)
    g_ptr_array_add (blocks, g_steal_pointer (paragraph));
  else
    g_clear_pointer (paragraph, cb_block_free);
}

/*
 * Reads the prose of one line, from @iter at its start to its end, into runs of one
 * emphasis each. It steps from tag toggle to tag toggle, not character by character.
 */
static CbBlock *
read_paragraph (CbSectionBuffer *self,
                GtkTextIter     *iter)
{
  CbBlock *paragraph = cb_block_new_paragraph ();
  GtkTextIter line_end = *iter;

  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);

  while (gtk_text_iter_compare (iter, &line_end) < 0)
    {
      GtkTextIter next = *iter;
      g_autofree char *text = NULL;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, &line_end) > 0)
        next = line_end;
      text = gtk_text_iter_get_text (iter, &next);
      if (*text != '\0')
        cb_block_add_run (paragraph, text, flags_at (self, iter));
      *iter = next;
    }
  return paragraph;
}

static GPtrArray *
blocks_from_buffer (CbSectionBuffer *self,
                    GArray          *line_blocks)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  int n_lines = gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (self));

  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter iter;
      GtkTextTag *tag;
      int block = -1;

      gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self), &iter, line);
      tag = _cb_section_buffer_excerpt_tag_at (self, &iter);
      if (tag != NULL)
        g_ptr_array_add (blocks, cb_block_new_excerpt (g_object_get_data (G_OBJECT (tag), EXCERPT_ID_KEY)));
      else
        {
          CbBlock *paragraph = read_paragraph (self, &iter);

          if (paragraph->runs->len > 0)
            block = blocks->len;
          flush_paragraph (blocks, &paragraph);
        }
      g_array_append_val (line_blocks, block);
    }

  return blocks;
}

/* Fills the buffer from the section again. */
void
_cb_section_buffer_rebuild (CbSectionBuffer *self)
{
  GtkTextIter end;
  guint n = cb_section_get_n_blocks (self->section);
  int cursor;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &end, gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)));
  cursor = gtk_text_iter_get_offset (&end);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->line_blocks, g_array_unref);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self), "", 0);
  _cb_section_buffer_forget_quotations (self);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self), &end);
  for (guint i = 0; i < n; i++)
    {
      const CbBlock *block = cb_section_get_block (self->section, i);

      if (i > 0)
        gtk_text_buffer_insert (GTK_TEXT_BUFFER (self), &end, "\n", 1);

      if (block->kind == CB_BLOCK_EXCERPT)
        {
          CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);

          if (excerpt != NULL)
            _cb_section_buffer_insert_quotation (self, &end, excerpt);
          continue;
        }

      for (guint r = 0; r < block->runs->len; r++)
        {
          const CbRun *run = g_ptr_array_index (block->runs, r);

          gtk_text_buffer_insert_with_tags (GTK_TEXT_BUFFER (self), &end, run->text, -1,
                                            (run->flags & CB_RUN_ITALIC) ? self->italic_tag : NULL,
                                            (run->flags & CB_RUN_BOLD) ? self->bold_tag : NULL,
                                            NULL);
        }
    }

  /* A quotation at the end leaves a line to go on writing in. */
  if (n > 0 && cb_section_get_block (self->section, n - 1)->kind == CB_BLOCK_EXCERPT)
    gtk_text_buffer_insert (GTK_TEXT_BUFFER (self), &end, "\n", 1);

  /* The cursor stays about where it was, outside any quotation. */
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), &end, cursor);
  if (in_quotation (self, &end) && after_quotation (self, &end))
    gtk_text_iter_forward_to_tag_toggle (&end, self->quote_tag);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), &end);

  self->rebuilding = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_signal_emit (self, signals[RELOADED], 0);
}

/*
 * Reads one line back into the paragraph it holds, when the last user action changed
 * nothing but that line's text: the cost is that of the line, not of the section.
 * Returns %FALSE when the change needs a full sync_from_buffer().
 */
static gboolean
sync_line_from_buffer (CbSectionBuffer *self,
                       int              line)
{
  g_autoptr(CbBlock) paragraph = NULL;
  GtkTextIter iter;
  int index;

  if (self->line_blocks == NULL || line < 0 || (guint) line >= self->line_blocks->len)
    return FALSE;
  index = g_array_index (self->line_blocks, int, line);
  if (index < 0 || (guint) index >= cb_section_get_n_blocks (self->section) ||
      cb_section_get_block (self->section, index)->kind != CB_BLOCK_PARAGRAPH)
    return FALSE;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self), &iter, line);
  /* A line emptied by the edit is no longer a paragraph. */
  if (gtk_text_iter_ends_line (&iter) || in_quotation (self, &iter))
    return FALSE;

  paragraph = read_paragraph (self, &iter);
  self->syncing = TRUE;
  cb_section_replace_block (self->section, index, g_steal_pointer (&paragraph));
  self->syncing = FALSE;
  return TRUE;
}

/* Reads the whole buffer back into the section's blocks. */
void
_cb_section_buffer_sync (CbSectionBuffer *self)
{
  g_autoptr(GPtrArray) before = cb_section_dup_blocks (self->section);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) kept = NULL;
  gboolean same;

  g_clear_pointer (&self->line_blocks, g_array_unref);
  self->line_blocks = g_array_new (FALSE, FALSE, sizeof (int));
  after = blocks_from_buffer (self, self->line_blocks);
  kept = g_hash_table_new (g_str_hash, g_str_equal);
  same = before->len == after->len;

  for (guint i = 0; same && i < before->len; i++)
    same = cb_block_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i));
  if (same)
    return;

  for (guint i = 0; i < after->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (after, i);
      if (block->kind == CB_BLOCK_EXCERPT)
        g_hash_table_add (kept, block->excerpt_id);
    }

  self->syncing = TRUE;
  cb_section_set_blocks (self->section, after);

  /* An excerpt whose quotation was deleted with the text around it leaves the brief;
   * undo brings it back. */
  for (guint i = 0; i < before->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (before, i);
      CbExcerpt *excerpt;

      if (block->kind != CB_BLOCK_EXCERPT || g_hash_table_contains (kept, block->excerpt_id))
        continue;
      excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);
      _cb_section_buffer_forget_quotation (self, block->excerpt_id);
      if (excerpt != NULL)
        {
          cb_brief_remove_excerpt (self->brief, excerpt);
        }
    }
  self->syncing = FALSE;
}

static void
section_changed_cb (CbSectionBuffer *self)
{
  if (self->syncing)
    return;

  /* Changed elsewhere: an excerpt removed, a file loaded, a test filling it in. */
  _cb_section_buffer_rebuild (self);
}

/* Editing */

static void
begin_user_action_cb (CbSectionBuffer *self)
{
  if (self->rebuilding)
    return;

  self->in_user_action = TRUE;
  self->edited_line = -1;
  self->structural = FALSE;
  self->lines_before = gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (self));

  _cb_section_buffer_begin_step (self);
}

static void
end_user_action_cb (CbSectionBuffer *self)
{
  gboolean one_line;

  if (self->rebuilding || !self->in_user_action)
    return;
  self->in_user_action = FALSE;
  if (!self->structural && self->edited_line < 0)
    {
      /* Refused at a quotation: nothing to read back. */
      _cb_section_buffer_cancel_step (self);
      return;
    }

  _cb_section_buffer_end_step (self);

  /* A line break of any kind ("\r", U+2029 too) makes or joins lines. */
  if (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (self)) != self->lines_before)
    self->structural = TRUE;
  one_line = !self->structural && self->edited_line >= 0;
  if (!one_line || !sync_line_from_buffer (self, self->edited_line))
    _cb_section_buffer_sync (self);
}

/* Notes the line an edit is on, before it is made; an edit that adds or removes a
 * line or a quotation needs a full sync.
 *
 * An edit made outside a user action is a step of its own, read back as soon as it is
 * made (by edit_done_cb()): text inserted or deleted by assistive technology through the
 * accessible text interface, the text a drag moved out of the section, any code that
 * calls gtk_text_buffer_insert() or gtk_text_buffer_delete(). Whatever changes the
 * buffer, the section hears of it. */
static void
note_edit (CbSectionBuffer *self,
           int              line,
           gboolean         structural)
{
  if (!self->in_user_action)
    {
      g_clear_pointer (&self->line_blocks, g_array_unref);
      _cb_section_buffer_push_undo (self, NULL);
      self->outside_edit = TRUE;
      return;
    }
  if (structural || (self->edited_line >= 0 && self->edited_line != line))
    self->structural = TRUE;
  self->edited_line = line;
}

/*
 * Whether text inserted at @location leaves every quotation whole and alone on its
 * line: nothing goes inside one, and what goes at its start or end must begin a
 * line of its own there.
 */
static gboolean
insertion_allowed (CbSectionBuffer   *self,
                   const GtkTextIter *location,
                   const char        *text,
                   int                len)
{
  gboolean in = in_quotation (self, location);
  gboolean after = after_quotation (self, location);
  int delimiter, next;

  if (len <= 0)
    return TRUE;
  if (in && after)
    return FALSE;
  /* "\n", "\r\n", "\r" and U+2029 all end a line of the buffer. */
  pango_find_paragraph_boundary (text, len, &delimiter, &next);
  if (in)
    {
      const char *last = g_utf8_find_prev_char (text, text + len);

      return last != NULL && (*last == '\n' || *last == '\r' || g_str_has_prefix (last, "\xe2\x80\xa9"));
    }
  if (after)
    return delimiter == 0 && next > 0;
  return TRUE;
}

/*
 * Whether deleting from @start to @end leaves every quotation whole and alone on its
 * line: a quotation is deleted all at once or not at all, and no line is joined to one.
 */
static gboolean
deletion_allowed (CbSectionBuffer   *self,
                  const GtkTextIter *start,
                  const GtkTextIter *end)
{
  if (in_quotation (self, start) && after_quotation (self, start))
    return FALSE;
  if (in_quotation (self, end) && after_quotation (self, end))
    return FALSE;
  if (after_quotation (self, start) && !gtk_text_iter_ends_line (end))
    return FALSE;
  if (in_quotation (self, end) && !gtk_text_iter_starts_line (start))
    return FALSE;
  /* Text typed or pasted over a selected quotation does not replace it. */
  if (in_quotation (self, start) && after_quotation (self, end) &&
      gtk_text_iter_get_line (start) == gtk_text_iter_get_line (end))
    return FALSE;
  return TRUE;
}

static void
refuse_edit (CbSectionBuffer *self,
             const char      *signal)
{
  g_signal_stop_emission_by_name (self, signal);
  g_signal_emit (self, signals[EDIT_REFUSED], 0);
}

static void
insert_text_before_cb (CbSectionBuffer *self,
                       GtkTextIter     *location,
                       const char      *text,
                       int              len)
{
  if (self->rebuilding)
    return;
  if (len < 0)
    len = strlen (text);
  if (!insertion_allowed (self, location, text, len))
    {
      refuse_edit (self, "insert-text");
      return;
    }
  {
    int delimiter, next;

    pango_find_paragraph_boundary (text, len, &delimiter, &next);
    note_edit (self, gtk_text_iter_get_line (location), delimiter < len);
  }
}

static void
delete_range_before_cb (CbSectionBuffer *self,
                        GtkTextIter     *start,
                        GtkTextIter     *end)
{
  gboolean structural;

  if (self->rebuilding)
    return;
  if (!deletion_allowed (self, start, end))
    {
      refuse_edit (self, "delete-range");
      return;
    }

  /* Deleting a line end, or a whole quotation, changes the blocks. */
  structural = gtk_text_iter_get_line (start) != gtk_text_iter_get_line (end) ||
               cb_section_buffer_range_has_quotation (self, start, end);
  note_edit (self, gtk_text_iter_get_line (start), structural);
}

/* Only this buffer puts a quotation's tags on text: a quotation copied and pasted
 * within the section comes back as plain text. */
static void
apply_tag_before_cb (CbSectionBuffer *self,
                     GtkTextTag      *tag,
                     GtkTextIter     *start,
                     GtkTextIter     *end)
{
  if (self->rebuilding)
    return;
  if (tag == self->quote_tag || tag == self->cite_tag || g_object_get_data (G_OBJECT (tag), EXCERPT_ID_KEY) != NULL)
    g_signal_stop_emission_by_name (self, "apply-tag");
}

static void
insert_text_after_cb (CbSectionBuffer *self,
                      GtkTextIter     *location,
                      const char      *text,
                      int              len)
{
  GtkTextIter start = *location;
  CbRunFlags flags;

  if (self->rebuilding)
    return;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, len));

  /* Typed text takes the emphasis chosen with Ctrl+I/Ctrl+B, or that of the text before it. */
  if (self->typing_flags_set)
    flags = self->typing_flags;
  else
    {
      GtkTextIter before = start;
      flags = gtk_text_iter_backward_char (&before) && gtk_text_iter_get_char (&before) != '\n' &&
              !in_quotation (self, &before)
              ? flags_at (self, &before) : CB_RUN_PLAIN;
    }

  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), self->italic_tag, &start, location);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), self->bold_tag, &start, location);
  if (flags & CB_RUN_ITALIC)
    gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), self->italic_tag, &start, location);
  if (flags & CB_RUN_BOLD)
    gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), self->bold_tag, &start, location);
}

/* After an insertion or a deletion, and after the handlers that give inserted text its
 * emphasis: an edit made outside a user action is read back now. */
static void
edit_done_cb (CbSectionBuffer *self)
{
  if (!self->outside_edit)
    return;
  self->outside_edit = FALSE;
  _cb_section_buffer_sync (self);
}

static void
mark_set_cb (CbSectionBuffer *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  if (mark != gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)))
    return;
  self->typing_flags_set = FALSE;
}

/* Emphasis is the student's: a quotation keeps the opinion's words as they are. */
static void
strip_emphasis_from_quotations (CbSectionBuffer   *self,
                                const GtkTextIter *start,
                                const GtkTextIter *end)
{
  GtkTextIter from = *start;

  if (!in_quotation (self, &from))
    gtk_text_iter_forward_to_tag_toggle (&from, self->quote_tag);
  while (gtk_text_iter_compare (&from, end) < 0)
    {
      GtkTextIter to = from;

      gtk_text_iter_forward_to_tag_toggle (&to, self->quote_tag);
      gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), self->italic_tag, &from, &to);
      gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), self->bold_tag, &from, &to);
      from = to;
      if (!gtk_text_iter_forward_to_tag_toggle (&from, self->quote_tag))
        break;
    }
}

/* Connected to the buffer's own signals as it is made, so that they run before any
 * handler another object connects later (the text view's accessibility among them):
 * an edit refused here stops the emission before anyone else sees it. */
static void
connect_buffer (CbSectionBuffer *self)
{
  struct { const char *signal; GCallback callback; GConnectFlags flags; } handlers[] = {
    { "begin-user-action", G_CALLBACK (begin_user_action_cb), 0 },
    { "end-user-action", G_CALLBACK (end_user_action_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_before_cb), 0 },
    { "delete-range", G_CALLBACK (delete_range_before_cb), 0 },
    { "apply-tag", G_CALLBACK (apply_tag_before_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_after_cb), G_CONNECT_AFTER },
    { "insert-text", G_CALLBACK (edit_done_cb), G_CONNECT_AFTER | G_CONNECT_SWAPPED },
    { "delete-range", G_CALLBACK (edit_done_cb), G_CONNECT_AFTER | G_CONNECT_SWAPPED },
    { "mark-set", G_CALLBACK (mark_set_cb), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_data (self, handlers[i].signal, handlers[i].callback, self, NULL, handlers[i].flags);
}

static void
cb_section_buffer_constructed (GObject *object)
{
  CbSectionBuffer *self = CB_SECTION_BUFFER (object);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (object);

  G_OBJECT_CLASS (cb_section_buffer_parent_class)->constructed (object);

  g_assert (CB_IS_BRIEF (self->brief));
  g_assert (CB_IS_SECTION (self->section));

  /* The tags go into the tag table, which is made once construction has set it. Undo
   * is the section's, with its excerpts, not the text's alone. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  self->italic_tag = gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->bold_tag = gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->cite_tag = gtk_text_buffer_create_tag (buffer, "pin-cite",
                                               "style", PANGO_STYLE_ITALIC,
                                               "scale", PANGO_SCALE_SMALL,
                                               NULL);

  /* A quotation stands apart from the prose, indented, on the section's colour (set
   * by the view), in the opinion's typeface; under the student's emphasis and the
   * pin cite's style. */
  self->quote_tag = gtk_text_buffer_create_tag (buffer, "quotation",
                                                "family", "Liberation Serif, DejaVu Serif, serif",
                                                /* A serif face looks smaller than the
                                                 * prose's at the same size. */
                                                "scale", 1.1,
                                                "left-margin", 28,
                                                "right-margin", 28,
                                                "pixels-above-lines", 6,
                                                "pixels-below-lines", 10,
                                                NULL);
  gtk_text_tag_set_priority (self->quote_tag, 0);

  g_signal_connect_object (self->section, "changed", G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
  _cb_section_buffer_watch_brief (self);
  _cb_section_buffer_rebuild (self);
}

static void
cb_section_buffer_dispose (GObject *object)
{
  CbSectionBuffer *self = CB_SECTION_BUFFER (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Disposed, the buffer is plain text: it no longer guards or reads back anything. */
  g_signal_handlers_disconnect_by_data (self, self);
  /* The brief and section outlive the buffer when another brief is opened. */
  if (self->brief != NULL)
    g_signal_handlers_disconnect_by_data (self->brief, self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_clear_object (&self->section);
  g_clear_object (&self->brief);

  G_OBJECT_CLASS (cb_section_buffer_parent_class)->dispose (object);
}

static void
cb_section_buffer_finalize (GObject *object)
{
  CbSectionBuffer *self = CB_SECTION_BUFFER (object);

  _cb_section_buffer_free_history (self);
  g_clear_pointer (&self->line_blocks, g_array_unref);
  g_hash_table_unref (self->excerpt_tags);

  G_OBJECT_CLASS (cb_section_buffer_parent_class)->finalize (object);
}

static void
cb_section_buffer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CbSectionBuffer *self = CB_SECTION_BUFFER (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_value_set_object (value, self->brief);
      break;
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    case PROP_UNDO_DEPTH:
      g_value_set_uint (value, self->undo_stack->len);
      break;
    case PROP_REDO_DEPTH:
      g_value_set_uint (value, self->redo_stack->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_section_buffer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CbSectionBuffer *self = CB_SECTION_BUFFER (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      self->brief = g_value_dup_object (value);
      break;
    case PROP_SECTION:
      self->section = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_section_buffer_class_init (CbSectionBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = cb_section_buffer_constructed;
  object_class->dispose = cb_section_buffer_dispose;
  object_class->finalize = cb_section_buffer_finalize;
  object_class->get_property = cb_section_buffer_get_property;
  object_class->set_property = cb_section_buffer_set_property;

  properties[PROP_BRIEF] = g_param_spec_object ("brief", NULL, NULL, CB_TYPE_BRIEF, construct);
  properties[PROP_SECTION] = g_param_spec_object ("section", NULL, NULL, CB_TYPE_SECTION, construct);
  properties[PROP_UNDO_DEPTH] = g_param_spec_uint ("undo-depth", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_REDO_DEPTH] = g_param_spec_uint ("redo-depth", NULL, NULL, 0, G_MAXUINT, 0, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbSectionBuffer::edit-refused:
   *
   * Emitted when an edit was refused because it would break a quotation: typing
   * into it, joining a line to it, cutting part of it.
   */
  signals[EDIT_REFUSED] = g_signal_new ("edit-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CbSectionBuffer::reloaded:
   *
   * Emitted when the buffer was filled again from its section: a change made
   * elsewhere, undo, redo. A view sizes itself for the new text then, before it lays
   * it out.
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_section_buffer_init (CbSectionBuffer *self)
{
  _cb_section_buffer_init_history (self);
  self->excerpt_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  connect_buffer (self);
}

/**
 * cb_section_buffer_new:
 * @brief: the brief
 * @section: one of its sections
 *
 * Creates a buffer that shows @section and writes every edit back to it.
 *
 * Returns: (transfer full): a new buffer
 */
CbSectionBuffer *
cb_section_buffer_new (CbBrief   *brief,
                       CbSection *section)
{
  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (CB_IS_SECTION (section), NULL);

  return g_object_new (CB_TYPE_SECTION_BUFFER, "brief", brief, "section", section, NULL);
}

/**
 * cb_section_buffer_get_brief:
 * @self: a section buffer
 *
 * Returns: (transfer none): the brief the section belongs to
 */
CbBrief *
cb_section_buffer_get_brief (CbSectionBuffer *self)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), NULL);
  return self->brief;
}

/**
 * cb_section_buffer_get_section:
 * @self: a section buffer
 *
 * Returns: (transfer none): the section shown
 */
CbSection *
cb_section_buffer_get_section (CbSectionBuffer *self)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), NULL);
  return self->section;
}

/**
 * cb_section_buffer_toggle_emphasis:
 * @self: a section buffer
 * @flag: %CB_RUN_ITALIC or %CB_RUN_BOLD
 *
 * Sets or clears italic or bold on the selected prose, as one undoable step; the
 * quotations in the selection keep the opinion's words as they are. With nothing
 * selected, what is typed next takes the emphasis, or loses it.
 */
void
cb_section_buffer_toggle_emphasis (CbSectionBuffer *self,
                                   CbRunFlags       flag)
{
  GtkTextTag *tag;
  GtkTextIter start, end, iter;
  gboolean all_tagged = TRUE;

  g_return_if_fail (CB_IS_SECTION_BUFFER (self));
  g_return_if_fail (flag == CB_RUN_ITALIC || flag == CB_RUN_BOLD);

  tag = flag == CB_RUN_ITALIC ? self->italic_tag : self->bold_tag;

  if (!gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self), &start, &end))
    {
      CbRunFlags current = self->typing_flags_set ? self->typing_flags : flags_at (self, &start);

      self->typing_flags = current ^ flag;
      self->typing_flags_set = TRUE;
      return;
    }

  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_get_char (&iter) != '\n' && !in_quotation (self, &iter) &&
        !gtk_text_iter_has_tag (&iter, tag))
      {
        all_tagged = FALSE;
        break;
      }

  _cb_section_buffer_push_undo (self, NULL);
  if (all_tagged)
    gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), tag, &start, &end);
  else
    {
      gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), tag, &start, &end);
      strip_emphasis_from_quotations (self, &start, &end);
    }
  _cb_section_buffer_sync (self);
}
