/* Section buffers: undo and redo, as snapshots of the section's blocks and of the
 * excerpts they quote, so that undoing the removal of an excerpt brings it back with
 * its link to the opinion. */
#define G_LOG_DOMAIN "cb-section-buffer"

#include "config.h"

#include "cb-section-buffer-private.h"

#define TYPING_GROUP_USEC (G_USEC_PER_SEC)
#define MAX_UNDO 200

typedef CbSectionSnapshot Snapshot;

struct _CbSectionSnapshot
{
  GPtrArray *blocks;    /* CbBlock */
  GPtrArray *excerpts;  /* CbExcerpt quoted by the blocks */
};

static void
snapshot_free (Snapshot *snapshot)
{
  g_ptr_array_unref (snapshot->blocks);
  g_ptr_array_unref (snapshot->excerpts);
  g_free (snapshot);
}

static Snapshot *
take_snapshot (CbSectionBuffer *self)
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
push_snapshot (CbSectionBuffer *self,
               Snapshot        *snapshot)
{
  if (self->undo_stack->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, snapshot);
  g_ptr_array_set_size (self->redo_stack, 0);
  _cb_section_buffer_notify_history (self);
}

static void
restore_snapshot (CbSectionBuffer *self,
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

  _cb_section_buffer_rebuild (self);
}

/* Called as the buffer is made and finalized. */
void
_cb_section_buffer_init_history (CbSectionBuffer *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
}

void
_cb_section_buffer_free_history (CbSectionBuffer *self)
{
  g_clear_pointer (&self->pending, snapshot_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
}

/* A user action begins. Typing within a second of the last keystroke belongs to the
 * same undo step. The state before is taken now and kept only if the action changes
 * something: a keystroke refused at a quotation leaves undo and redo as they were. */
void
_cb_section_buffer_begin_step (CbSectionBuffer *self)
{
  g_clear_pointer (&self->pending, snapshot_free);
  if (g_get_monotonic_time () - self->last_typing > TYPING_GROUP_USEC)
    self->pending = take_snapshot (self);
}

/* The user action changed nothing. */
void
_cb_section_buffer_cancel_step (CbSectionBuffer *self)
{
  g_clear_pointer (&self->pending, snapshot_free);
}

/* The user action changed the section: the state before it is a step to undo. */
void
_cb_section_buffer_end_step (CbSectionBuffer *self)
{
  if (self->pending != NULL)
    push_snapshot (self, g_steal_pointer (&self->pending));
  self->last_typing = g_get_monotonic_time ();
}

/* A change of its own step, never grouped with typing: emphasis, a quotation placed or
 * removed. @leave_out, an excerpt that came from outside the section, is not counted
 * among those that undoing it would bring back. */
void
_cb_section_buffer_push_undo (CbSectionBuffer *self,
                              CbExcerpt       *leave_out)
{
  Snapshot *snapshot = take_snapshot (self);

  if (leave_out != NULL)
    g_ptr_array_remove (snapshot->excerpts, leave_out);
  push_snapshot (self, snapshot);
  self->last_typing = 0;
}

/**
 * cb_section_buffer_get_undo_depth:
 * @self: a section buffer
 *
 * Returns: how many steps cb_section_buffer_undo() can take back
 */
guint
cb_section_buffer_get_undo_depth (CbSectionBuffer *self)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), 0);
  return self->undo_stack->len;
}

/**
 * cb_section_buffer_get_redo_depth:
 * @self: a section buffer
 *
 * Returns: how many steps cb_section_buffer_redo() can make again
 */
guint
cb_section_buffer_get_redo_depth (CbSectionBuffer *self)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), 0);
  return self->redo_stack->len;
}

/**
 * cb_section_buffer_undo:
 * @self: a section buffer
 *
 * Takes the section back one step: its blocks as they were, with the excerpts they
 * quoted, so that an excerpt removed with its quotation comes back with its link to
 * the opinion. Typing within a second of the last keystroke was one step.
 */
void
cb_section_buffer_undo (CbSectionBuffer *self)
{
  Snapshot *snapshot;

  g_return_if_fail (CB_IS_SECTION_BUFFER (self));

  if (self->undo_stack->len == 0)
    return;

  g_ptr_array_add (self->redo_stack, take_snapshot (self));
  snapshot = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  self->last_typing = 0;
  _cb_section_buffer_notify_history (self);
}

/**
 * cb_section_buffer_redo:
 * @self: a section buffer
 *
 * Makes again the step cb_section_buffer_undo() took back.
 */
void
cb_section_buffer_redo (CbSectionBuffer *self)
{
  Snapshot *snapshot;

  g_return_if_fail (CB_IS_SECTION_BUFFER (self));

  if (self->redo_stack->len == 0)
    return;

  g_ptr_array_add (self->undo_stack, take_snapshot (self));
  snapshot = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  self->last_typing = 0;
  _cb_section_buffer_notify_history (self);
}
