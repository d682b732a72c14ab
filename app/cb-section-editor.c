#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cb-excerpt-block.h"
#include "cb-section-editor.h"

/* Edits one section of a brief: the student's prose, with italic and bold, and the
 * excerpts placed in it, each shown as a read-only quotation block at a child anchor.
 *
 * The section (CbSection) is the truth; the text buffer is a view of it. Every user
 * edit is read back into blocks; every change made elsewhere (undo, removal of an
 * excerpt, a loaded file) rebuilds the buffer. Undo keeps snapshots of the section's
 * blocks and of the excerpts they quote, so that undoing the removal of an excerpt
 * brings it back with its link to the opinion. */

#define TYPING_GROUP_USEC (G_USEC_PER_SEC)
#define MAX_UNDO 200

typedef struct
{
  GPtrArray *blocks;    /* CbBlock */
  GPtrArray *excerpts;  /* CbExcerpt quoted by the blocks */
} Snapshot;

struct _CbSectionEditor
{
  AdwBin parent_instance;

  CbBrief *brief;
  CbSection *section;
  guint color_index;

  GtkLabel *title_label;
  GtkLabel *required_label;
  GtkLabel *count_label;
  GtkLabel *prompt_label;
  GtkWidget *color_swatch;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag *italic_tag;
  GtkTextTag *bold_tag;

  GPtrArray *undo_stack;  /* Snapshot */
  GPtrArray *redo_stack;  /* Snapshot */
  gint64 last_typing;
  CbRunFlags typing_flags;
  gboolean typing_flags_set;

  /* Typing in one paragraph is read back into that paragraph alone. line_blocks maps
   * each line of the buffer to the paragraph block on it, or -1 for a line that is
   * empty or holds a quotation; it is NULL while unknown. */
  GArray *line_blocks;
  int edited_line;        /* the line the current user action changed, or -1 */
  guint in_user_action : 1;
  guint structural : 1;   /* the user action added or removed lines or quotations */

  guint rebuilding : 1;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (CbSectionEditor, cb_section_editor, ADW_TYPE_BIN)

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->blocks);
  g_ptr_array_unref (snapshot->excerpts);
  g_free (snapshot);
}

static Snapshot *
take_snapshot (CbSectionEditor *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->blocks = cb_section_dup_blocks (self->section);
  snapshot->excerpts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < snapshot->blocks->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (snapshot->blocks, i);
      CbExcerpt *excerpt;

      if (block->kind != CB_BLOCK_EXCERPT)
        continue;
      excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);
      if (excerpt != NULL)
        g_ptr_array_add (snapshot->excerpts, g_object_ref (excerpt));
    }
  return snapshot;
}

static void
update_undo_actions (CbSectionEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.undo", self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.redo", self->redo_stack->len > 0);
}

static void
push_undo (CbSectionEditor *self)
{
  if (self->undo_stack->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, take_snapshot (self));
  g_ptr_array_set_size (self->redo_stack, 0);
  update_undo_actions (self);
}

static CbRunFlags
flags_at (CbSectionEditor   *self,
          const GtkTextIter *iter)
{
  CbRunFlags flags = CB_RUN_PLAIN;

  if (gtk_text_iter_has_tag (iter, self->italic_tag))
    flags |= CB_RUN_ITALIC;
  if (gtk_text_iter_has_tag (iter, self->bold_tag))
    flags |= CB_RUN_BOLD;
  return flags;
}

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

/* Notes which block, if any, the line just read holds: one paragraph and nothing else. */
static void
map_line (GArray    *line_blocks,
          GPtrArray *blocks,
          guint      blocks_at_line_start,
          gboolean   line_has_anchor)
{
  int block = -1;

  if (line_blocks == NULL)
    return;
  if (!line_has_anchor && blocks->len == blocks_at_line_start + 1)
    block = blocks_at_line_start;
  g_array_append_val (line_blocks, block);
}

static GPtrArray *
blocks_from_buffer (CbSectionEditor *self,
                    GArray          *line_blocks)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  g_autoptr(GString) run = g_string_new (NULL);
  CbBlock *paragraph = NULL;
  CbRunFlags run_flags = CB_RUN_PLAIN;
  GtkTextIter iter;
  guint blocks_at_line_start = 0;
  gboolean line_has_anchor = FALSE;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  for (;;)
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      gunichar c = gtk_text_iter_get_char (&iter);
      gboolean at_end = gtk_text_iter_is_end (&iter);
      CbRunFlags flags = at_end ? CB_RUN_PLAIN : flags_at (self, &iter);

      /* A run ends where its emphasis changes, at a line end, at an excerpt, at the end. */
      if (run->len > 0 && (at_end || anchor != NULL || c == '\n' || flags != run_flags))
        {
          if (paragraph == NULL)
            paragraph = cb_block_new_paragraph ();
          cb_block_add_run (paragraph, run->str, run_flags);
          g_string_truncate (run, 0);
        }

      if (at_end)
        break;

      if (anchor != NULL)
        {
          const char *id = g_object_get_data (G_OBJECT (anchor), "cb-excerpt-id");

          flush_paragraph (blocks, &paragraph);
          if (id != NULL)
            g_ptr_array_add (blocks, cb_block_new_excerpt (id));
          line_has_anchor = TRUE;
        }
      else if (c == '\n')
        {
          flush_paragraph (blocks, &paragraph);
          map_line (line_blocks, blocks, blocks_at_line_start, line_has_anchor);
          blocks_at_line_start = blocks->len;
          line_has_anchor = FALSE;
        }
      else
        {
          run_flags = flags;
          g_string_append_unichar (run, c);
        }

      gtk_text_iter_forward_char (&iter);
    }
  flush_paragraph (blocks, &paragraph);
  map_line (line_blocks, blocks, blocks_at_line_start, line_has_anchor);

  return blocks;
}

static void
update_word_count (CbSectionEditor *self)
{
  guint words = cb_brief_count_section_words (self->brief, self->section);
  guint limit = cb_section_get_word_limit (self->section);
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  if (limit > 0)
    /* Translators: a section's word count against its limit, e.g. "112 / 150 words" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u / %u word", "%u / %u words", limit),
                             words, limit);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);

  /* Most keystrokes leave the count as it was: nothing to redraw or tell assistive
   * technologies then. */
  if (g_strcmp0 (gtk_label_get_label (self->count_label), label) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), cb_section_is_empty (self->section));
      return;
    }
  gtk_label_set_label (self->count_label, label);
  if (limit > 0 && words > limit)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      accessible = g_strdup_printf (_("%s, over the limit"), label);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
      accessible = g_strdup (label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), cb_section_is_empty (self->section));
}

static void
add_block_widget (CbSectionEditor *self,
                  GtkTextIter     *iter,
                  CbExcerpt       *excerpt)
{
  GtkTextChildAnchor *anchor = gtk_text_buffer_create_child_anchor (self->buffer, iter);
  CbExcerptBlock *block = cb_excerpt_block_new (self->brief, excerpt, self->color_index);

  g_object_set_data_full (G_OBJECT (anchor), "cb-excerpt-id",
                          g_strdup (cb_excerpt_get_id (excerpt)), g_free);
  gtk_text_view_add_child_at_anchor (self->text_view, GTK_WIDGET (block), anchor);
}

static void
rebuild_buffer (CbSectionEditor *self)
{
  GtkTextIter end;
  guint n = cb_section_get_n_blocks (self->section);
  gboolean first = TRUE;

  self->rebuilding = TRUE;
  g_clear_pointer (&self->line_blocks, g_array_unref);
  gtk_text_buffer_set_text (self->buffer, "", 0);

  for (guint i = 0; i < n; i++)
    {
      const CbBlock *block = cb_section_get_block (self->section, i);

      gtk_text_buffer_get_end_iter (self->buffer, &end);
      if (!first)
        gtk_text_buffer_insert (self->buffer, &end, "\n", 1);
      first = FALSE;

      if (block->kind == CB_BLOCK_EXCERPT)
        {
          CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);

          if (excerpt != NULL)
            add_block_widget (self, &end, excerpt);
          continue;
        }

      for (guint r = 0; r < block->runs->len; r++)
        {
          const CbRun *run = g_ptr_array_index (block->runs, r);

          gtk_text_buffer_insert_with_tags (self->buffer, &end, run->text, -1,
                                            (run->flags & CB_RUN_ITALIC) ? self->italic_tag : NULL,
                                            NULL);
          if (run->flags & CB_RUN_BOLD)
            {
              GtkTextIter start = end;

              gtk_text_iter_backward_chars (&start, g_utf8_strlen (run->text, -1));
              gtk_text_buffer_apply_tag (self->buffer, self->bold_tag, &start, &end);
            }
        }
    }

  /* A quotation at the end leaves a line to go on writing in. */
  if (n > 0 && cb_section_get_block (self->section, n - 1)->kind == CB_BLOCK_EXCERPT)
    {
      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_buffer_insert (self->buffer, &end, "\n", 1);
    }

  self->rebuilding = FALSE;
  update_word_count (self);
}

/*
 * Reads one line back into the paragraph it holds, when the last user action changed
 * nothing but that line's text: the cost is that of the line, not of the section.
 * Returns %FALSE when the change needs a full sync_from_buffer().
 */
static gboolean
sync_line_from_buffer (CbSectionEditor *self,
                       int              line)
{
  g_autoptr(CbBlock) paragraph = NULL;
  g_autoptr(GString) run = g_string_new (NULL);
  CbRunFlags run_flags = CB_RUN_PLAIN;
  GtkTextIter iter;
  int index;

  if (self->line_blocks == NULL || line < 0 || (guint) line >= self->line_blocks->len)
    return FALSE;
  index = g_array_index (self->line_blocks, int, line);
  if (index < 0 || (guint) index >= cb_section_get_n_blocks (self->section) ||
      cb_section_get_block (self->section, index)->kind != CB_BLOCK_PARAGRAPH)
    return FALSE;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  /* A line emptied by the edit is no longer a paragraph. */
  if (gtk_text_iter_ends_line (&iter))
    return FALSE;

  paragraph = cb_block_new_paragraph ();
  for (;;)
    {
      gboolean at_end = gtk_text_iter_ends_line (&iter);
      CbRunFlags flags = at_end ? CB_RUN_PLAIN : flags_at (self, &iter);

      if (run->len > 0 && (at_end || flags != run_flags))
        {
          cb_block_add_run (paragraph, run->str, run_flags);
          g_string_truncate (run, 0);
        }
      if (at_end)
        break;
      if (gtk_text_iter_get_child_anchor (&iter) != NULL)
        return FALSE;
      run_flags = flags;
      g_string_append_unichar (run, gtk_text_iter_get_char (&iter));
      gtk_text_iter_forward_char (&iter);
    }

  self->syncing = TRUE;
  cb_section_replace_block (self->section, index, paragraph);
  self->syncing = FALSE;
  update_word_count (self);
  return TRUE;
}

static void
sync_from_buffer (CbSectionEditor *self)
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
      if (excerpt != NULL)
        cb_brief_remove_excerpt (self->brief, excerpt);
    }
  self->syncing = FALSE;

  update_word_count (self);
}

static void
restore_snapshot (CbSectionEditor *self,
                  Snapshot        *snapshot)
{
  g_autoptr(GPtrArray) current = cb_section_dup_blocks (self->section);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < snapshot->excerpts->len; i++)
    {
      CbExcerpt *excerpt = g_ptr_array_index (snapshot->excerpts, i);

      g_hash_table_add (wanted, (gpointer) cb_excerpt_get_id (excerpt));
      if (cb_brief_lookup_excerpt (self->brief, cb_excerpt_get_id (excerpt)) == NULL)
        cb_brief_restore_excerpt (self->brief, excerpt);
    }

  self->syncing = TRUE;
  cb_section_set_blocks (self->section, snapshot->blocks);
  for (guint i = 0; i < current->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (current, i);
      CbExcerpt *excerpt;

      if (block->kind != CB_BLOCK_EXCERPT || g_hash_table_contains (wanted, block->excerpt_id))
        continue;
      excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);
      if (excerpt != NULL)
        cb_brief_remove_excerpt (self->brief, excerpt);
    }
  self->syncing = FALSE;

  rebuild_buffer (self);
}

static void
section_changed_cb (CbSectionEditor *self)
{
  if (self->syncing)
    return;

  /* Changed elsewhere: an excerpt removed, a file loaded, a test filling it in. */
  rebuild_buffer (self);
}

static void
begin_user_action_cb (CbSectionEditor *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->rebuilding)
    return;

  self->in_user_action = TRUE;
  self->edited_line = -1;
  self->structural = FALSE;

  /* Typing within a second of the last keystroke belongs to the same undo step. */
  if (now - self->last_typing > TYPING_GROUP_USEC)
    push_undo (self);
  self->last_typing = now;
}

static void
end_user_action_cb (CbSectionEditor *self)
{
  gboolean one_line;

  if (self->rebuilding)
    return;
  one_line = self->in_user_action && !self->structural && self->edited_line >= 0;
  self->in_user_action = FALSE;
  if (!one_line || !sync_line_from_buffer (self, self->edited_line))
    sync_from_buffer (self);
}

/* Notes the line an edit is on, before it is made; an edit that adds or removes a
 * line or a quotation, or that is made outside a user action, needs a full sync. */
static void
note_edit (CbSectionEditor *self,
           int              line,
           gboolean         structural)
{
  if (self->rebuilding)
    return;
  if (!self->in_user_action)
    {
      g_clear_pointer (&self->line_blocks, g_array_unref);
      return;
    }
  if (structural || (self->edited_line >= 0 && self->edited_line != line))
    self->structural = TRUE;
  self->edited_line = line;
}

static void
insert_text_before_cb (CbSectionEditor *self,
                       GtkTextIter     *location,
                       const char      *text,
                       int              len)
{
  note_edit (self, gtk_text_iter_get_line (location), memchr (text, '\n', len) != NULL);
}

static void
delete_range_before_cb (CbSectionEditor *self,
                        GtkTextIter     *start,
                        GtkTextIter     *end)
{
  gboolean structural = gtk_text_iter_get_line (start) != gtk_text_iter_get_line (end);

  if (!structural)
    {
      g_autofree char *slice = gtk_text_iter_get_slice (start, end);

      /* U+FFFC stands for a child anchor: a quotation is deleted. */
      structural = strstr (slice, "\xef\xbf\xbc") != NULL;
    }
  note_edit (self, gtk_text_iter_get_line (start), structural);
}

static void
insert_anchor_before_cb (CbSectionEditor    *self,
                         GtkTextIter        *location,
                         GtkTextChildAnchor *anchor)
{
  note_edit (self, gtk_text_iter_get_line (location), TRUE);
}

static void
insert_text_after_cb (CbSectionEditor *self,
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
      flags = gtk_text_iter_backward_char (&before) && gtk_text_iter_get_char (&before) != '\n'
              ? flags_at (self, &before) : CB_RUN_PLAIN;
    }

  gtk_text_buffer_remove_tag (self->buffer, self->italic_tag, &start, location);
  gtk_text_buffer_remove_tag (self->buffer, self->bold_tag, &start, location);
  if (flags & CB_RUN_ITALIC)
    gtk_text_buffer_apply_tag (self->buffer, self->italic_tag, &start, location);
  if (flags & CB_RUN_BOLD)
    gtk_text_buffer_apply_tag (self->buffer, self->bold_tag, &start, location);
}

static void
mark_set_cb (CbSectionEditor *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer))
    self->typing_flags_set = FALSE;
}

static void
toggle_emphasis (CbSectionEditor *self,
                 CbRunFlags       flag)
{
  GtkTextTag *tag = flag == CB_RUN_ITALIC ? self->italic_tag : self->bold_tag;
  GtkTextIter start, end, iter;
  gboolean all_tagged = TRUE;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      CbRunFlags current = self->typing_flags_set ? self->typing_flags : flags_at (self, &start);

      self->typing_flags = current ^ flag;
      self->typing_flags_set = TRUE;
      return;
    }

  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_get_char (&iter) != '\n' && !gtk_text_iter_has_tag (&iter, tag))
      {
        all_tagged = FALSE;
        break;
      }

  push_undo (self);
  self->last_typing = 0;
  if (all_tagged)
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
  sync_from_buffer (self);
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  toggle_emphasis (CB_SECTION_EDITOR (widget), CB_RUN_ITALIC);
}

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  toggle_emphasis (CB_SECTION_EDITOR (widget), CB_RUN_BOLD);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  Snapshot *snapshot;

  if (self->undo_stack->len == 0)
    return;

  g_ptr_array_add (self->redo_stack, take_snapshot (self));
  snapshot = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  self->last_typing = 0;
  update_undo_actions (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  Snapshot *snapshot;

  if (self->redo_stack->len == 0)
    return;

  g_ptr_array_add (self->undo_stack, take_snapshot (self));
  snapshot = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  self->last_typing = 0;
  update_undo_actions (self);
}

static void
remove_excerpt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, g_variant_get_string (parameter, NULL));

  if (excerpt == NULL)
    return;

  push_undo (self);
  self->last_typing = 0;
  /* The section drops its quotation of it and tells this editor to rebuild. */
  cb_brief_remove_excerpt (self->brief, excerpt);
}

/* A passage dragged from the opinion lands here as an excerpt, not as plain text: the
 * window checks that the text is the opinion's selection and adds it at the drop. */
static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CbSectionEditor *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkTextIter iter;
  double tx, ty;
  int bx, by;

  if (window == NULL || !G_VALUE_HOLDS_STRING (value) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->text_view), x, y, &tx, &ty))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, tx, ty, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_place_cursor (self->buffer, &iter);

  return gtk_widget_activate_action (window, "win.add-dropped-text", "(us)",
                                     self->color_index, g_value_get_string (value));
}

static void
cb_section_editor_dispose (GObject *object)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->line_blocks, g_array_unref);
  g_clear_object (&self->section);
  g_clear_object (&self->brief);
  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_SECTION_EDITOR);

  G_OBJECT_CLASS (cb_section_editor_parent_class)->dispose (object);
}

static void
cb_section_editor_class_init (CbSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cb_section_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cb-section-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, required_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, color_swatch);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, text_view);

  gtk_widget_class_install_action (widget_class, "section.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "section.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "section.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "section.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "section.remove-excerpt", "s", remove_excerpt_action);
}

static void
add_capture_shortcut (GtkShortcutController *controller,
                      const char            *trigger,
                      const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
cb_section_editor_init (CbSectionEditor *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->italic_tag = gtk_text_buffer_create_tag (self->buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->bold_tag = gtk_text_buffer_create_tag (self->buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);

  g_signal_connect_object (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "end-user-action", G_CALLBACK (end_user_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (insert_text_before_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (delete_range_before_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-child-anchor", G_CALLBACK (insert_anchor_before_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (mark_set_cb),
                           self, G_CONNECT_SWAPPED);

  /* These run before the text view's own bindings, which would undo only the text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>i", "section.italic");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>b", "section.bold");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>z", "section.undo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>z", "section.redo");
  add_capture_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>y", "section.redo");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  {
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_MOVE);

    /* Before the text view's own drop target, which would paste plain text. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
    g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  update_undo_actions (self);
}

/**
 * cb_section_editor_new:
 * @brief: the brief
 * @section: one of its sections
 * @color_index: the section's colour, shared with its highlights in the opinion
 *
 * Returns: (transfer floating): an editor for @section
 */
CbSectionEditor *
cb_section_editor_new (CbBrief   *brief,
                       CbSection *section,
                       guint      color_index)
{
  CbSectionEditor *self;
  g_autofree char *css_class = g_strdup_printf ("section-color-%u", color_index % 8);
  const char *title;
  const char *prompt;

  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (CB_IS_SECTION (section), NULL);

  self = g_object_new (CB_TYPE_SECTION_EDITOR, NULL);
  self->brief = g_object_ref (brief);
  self->section = g_object_ref (section);
  self->color_index = color_index;

  title = cb_section_get_title (section);
  prompt = cb_section_get_prompt (section);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->prompt_label, prompt ? prompt : "");
  gtk_widget_set_visible (GTK_WIDGET (self->required_label), cb_section_get_required (section));
  gtk_widget_add_css_class (self->color_swatch, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, prompt ? prompt : "",
                                  -1);

  g_signal_connect_object (section, "changed", G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_buffer (self);

  return self;
}

/**
 * cb_section_editor_get_section:
 * @self: the editor
 *
 * Returns: (transfer none): the section edited
 */
CbSection *
cb_section_editor_get_section (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return self->section;
}

/**
 * cb_section_editor_get_title:
 * @self: the editor
 *
 * Returns: the section's title as shown
 */
const char *
cb_section_editor_get_title (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/**
 * cb_section_editor_get_text_view:
 * @self: the editor
 *
 * Returns: (transfer none): the text view the student writes in
 */
GtkTextView *
cb_section_editor_get_text_view (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return self->text_view;
}

/**
 * cb_section_editor_get_word_count_label:
 * @self: the editor
 *
 * Returns: the word count as shown ("112 / 150 words")
 */
const char *
cb_section_editor_get_word_count_label (CbSectionEditor *self)
{
  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);
  return gtk_label_get_label (self->count_label);
}

/**
 * cb_section_editor_insert_excerpt:
 * @self: the editor
 * @excerpt: an excerpt of the brief, already added to it
 *
 * Places a quotation of @excerpt at the cursor, on a line of its own: after the
 * paragraph the cursor is in, or at the end when the section was never edited.
 * It is one undoable step.
 */
void
cb_section_editor_insert_excerpt (CbSectionEditor *self,
                                  CbExcerpt       *excerpt)
{
  GtkTextIter iter;

  g_return_if_fail (CB_IS_SECTION_EDITOR (self));
  g_return_if_fail (CB_IS_EXCERPT (excerpt));

  push_undo (self);
  self->last_typing = 0;

  /* The excerpt came from outside this section: the snapshot must not count it. */
  {
    Snapshot *top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
    g_ptr_array_remove (top->excerpts, excerpt);
  }

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)) &&
      gtk_text_iter_is_start (&iter) && cb_section_get_n_blocks (self->section) > 0)
    gtk_text_buffer_get_end_iter (self->buffer, &iter);

  self->rebuilding = TRUE;
  if (!gtk_text_iter_starts_line (&iter))
    {
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
    }
  add_block_widget (self, &iter, excerpt);
  if (gtk_text_iter_is_end (&iter) || gtk_text_iter_get_char (&iter) != '\n')
    {
      GtkTextMark *mark = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE);

      gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, mark);
      gtk_text_buffer_delete_mark (self->buffer, mark);
    }
  self->rebuilding = FALSE;

  /* Go on writing below the quotation. */
  gtk_text_iter_forward_line (&iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  sync_from_buffer (self);
}

/**
 * cb_section_editor_find_excerpt_block:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 *
 * Returns: (transfer none) (nullable): the block quoting that excerpt in this section
 */
GtkWidget *
cb_section_editor_find_excerpt_block (CbSectionEditor *self,
                                      const char      *excerpt_id)
{
  GtkTextIter iter;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      const char *id;
      guint n_widgets;
      GtkWidget **widgets;
      GtkWidget *found = NULL;

      if (anchor == NULL)
        continue;
      id = g_object_get_data (G_OBJECT (anchor), "cb-excerpt-id");
      if (g_strcmp0 (id, excerpt_id) != 0)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
      if (n_widgets > 0)
        found = widgets[0];
      g_free (widgets);
      return found;
    }
  while (gtk_text_iter_forward_char (&iter));

  return NULL;
}

/**
 * cb_section_editor_reload:
 * @self: the editor
 *
 * Shows the section's content afresh, e.g. after the brief's citation changed.
 */
void
cb_section_editor_reload (CbSectionEditor *self)
{
  g_return_if_fail (CB_IS_SECTION_EDITOR (self));
  rebuild_buffer (self);
}
