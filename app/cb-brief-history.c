/* The brief's undo order: which section each change was made in, across the sections'
 * own histories, so that Ctrl+Z takes back the brief's last change wherever the
 * keyboard is. */
#define G_LOG_DOMAIN "cb-brief-history"

#include "config.h"

#include "cb-brief-history.h"

struct _CbBriefHistory
{
  GObject parent_instance;

  GPtrArray *buffers;   /* CbSectionBuffer, watched */
  GHashTable *depths;   /* CbSectionBuffer → the undo depth last seen */
  GPtrArray *undo;      /* CbSectionBuffer of each step to take back, last on top */
  GPtrArray *redo;      /* CbSectionBuffer of each step taken back, last on top */
  gboolean replaying;
};

G_DEFINE_FINAL_TYPE (CbBriefHistory, cb_brief_history, G_TYPE_OBJECT)

static void
remove_last (GPtrArray *steps,
             gpointer   buffer)
{
  for (guint i = steps->len; i > 0; i--)
    if (g_ptr_array_index (steps, i - 1) == buffer)
      {
        g_ptr_array_remove_index (steps, i - 1);
        return;
      }
}

/* A section's history moved by itself: a new change, or its own undo or redo. */
static void
undo_depth_cb (CbSectionBuffer *buffer,
               GParamSpec      *pspec,
               CbBriefHistory  *self)
{
  guint depth = cb_section_buffer_get_undo_depth (buffer);
  guint before = GPOINTER_TO_UINT (g_hash_table_lookup (self->depths, buffer));

  g_hash_table_insert (self->depths, buffer, GUINT_TO_POINTER (depth));
  if (self->replaying || depth == before)
    return;
  if (depth < before)
    {
      remove_last (self->undo, buffer);
      g_ptr_array_add (self->redo, buffer);
    }
  else
    {
      if (cb_section_buffer_get_redo_depth (buffer) > 0)
        remove_last (self->redo, buffer);
      else
        g_ptr_array_set_size (self->redo, 0);
      g_ptr_array_add (self->undo, buffer);
    }
}

/* Takes the top step of @from back or makes it again, skipping sections whose own
 * history no longer has it. */
static gboolean
replay (CbBriefHistory *self,
        GPtrArray      *from,
        GPtrArray      *to,
        gboolean        undo)
{
  while (from->len > 0)
    {
      CbSectionBuffer *buffer = g_ptr_array_steal_index (from, from->len - 1);

      if ((undo ? cb_section_buffer_get_undo_depth (buffer) : cb_section_buffer_get_redo_depth (buffer)) == 0)
        continue;
      self->replaying = TRUE;
      if (undo)
        cb_section_buffer_undo (buffer);
      else
        cb_section_buffer_redo (buffer);
      self->replaying = FALSE;
      g_hash_table_insert (self->depths, buffer, GUINT_TO_POINTER (cb_section_buffer_get_undo_depth (buffer)));
      g_ptr_array_add (to, buffer);
      return TRUE;
    }
  return FALSE;
}

static void
cb_brief_history_dispose (GObject *object)
{
  cb_brief_history_clear (CB_BRIEF_HISTORY (object));
  G_OBJECT_CLASS (cb_brief_history_parent_class)->dispose (object);
}

static void
cb_brief_history_finalize (GObject *object)
{
  CbBriefHistory *self = CB_BRIEF_HISTORY (object);

  g_ptr_array_unref (self->buffers);
  g_hash_table_unref (self->depths);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  G_OBJECT_CLASS (cb_brief_history_parent_class)->finalize (object);
}

static void
cb_brief_history_class_init (CbBriefHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_brief_history_dispose;
  object_class->finalize = cb_brief_history_finalize;
}

static void
cb_brief_history_init (CbBriefHistory *self)
{
  self->buffers = g_ptr_array_new_with_free_func (g_object_unref);
  self->depths = g_hash_table_new (NULL, NULL);
  self->undo = g_ptr_array_new ();
  self->redo = g_ptr_array_new ();
}

/**
 * cb_brief_history_new:
 *
 * Returns: (transfer full): an empty history
 */
CbBriefHistory *
cb_brief_history_new (void)
{
  return g_object_new (CB_TYPE_BRIEF_HISTORY, NULL);
}

/**
 * cb_brief_history_add_buffer:
 * @self: the history
 * @buffer: a section's buffer
 *
 * Follows the changes made in a section from now on.
 */
void
cb_brief_history_add_buffer (CbBriefHistory  *self,
                             CbSectionBuffer *buffer)
{
  g_return_if_fail (CB_IS_BRIEF_HISTORY (self));
  g_return_if_fail (CB_IS_SECTION_BUFFER (buffer));

  g_ptr_array_add (self->buffers, g_object_ref (buffer));
  g_hash_table_insert (self->depths, buffer, GUINT_TO_POINTER (cb_section_buffer_get_undo_depth (buffer)));
  g_signal_connect_object (buffer, "notify::undo-depth", G_CALLBACK (undo_depth_cb), self, 0);
}

/**
 * cb_brief_history_clear:
 * @self: the history
 *
 * Stops following every section and forgets the order of their changes.
 */
void
cb_brief_history_clear (CbBriefHistory *self)
{
  g_return_if_fail (CB_IS_BRIEF_HISTORY (self));

  for (guint i = 0; i < self->buffers->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->buffers, i), self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_hash_table_remove_all (self->depths);
  g_ptr_array_set_size (self->buffers, 0);
}

/**
 * cb_brief_history_can_undo:
 * @self: the history
 *
 * Returns: whether a section has a change to take back
 */
gboolean
cb_brief_history_can_undo (CbBriefHistory *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_HISTORY (self), FALSE);

  for (guint i = 0; i < self->undo->len; i++)
    if (cb_section_buffer_get_undo_depth (g_ptr_array_index (self->undo, i)) > 0)
      return TRUE;
  return FALSE;
}

/**
 * cb_brief_history_can_redo:
 * @self: the history
 *
 * Returns: whether a change taken back can be made again
 */
gboolean
cb_brief_history_can_redo (CbBriefHistory *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_HISTORY (self), FALSE);

  for (guint i = 0; i < self->redo->len; i++)
    if (cb_section_buffer_get_redo_depth (g_ptr_array_index (self->redo, i)) > 0)
      return TRUE;
  return FALSE;
}

/**
 * cb_brief_history_undo:
 * @self: the history
 *
 * Takes back the brief's last change, in the section it was made in.
 *
 * Returns: whether there was one
 */
gboolean
cb_brief_history_undo (CbBriefHistory *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_HISTORY (self), FALSE);
  return replay (self, self->undo, self->redo, TRUE);
}

/**
 * cb_brief_history_redo:
 * @self: the history
 *
 * Makes again the last change cb_brief_history_undo() took back.
 *
 * Returns: whether there was one
 */
gboolean
cb_brief_history_redo (CbBriefHistory *self)
{
  g_return_val_if_fail (CB_IS_BRIEF_HISTORY (self), FALSE);
  return replay (self, self->redo, self->undo, FALSE);
}
