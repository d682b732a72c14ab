#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cb-section-colors.h"
#include "cb-section-editor.h"

/* Edits one section of a brief: the student's prose, with italic and bold, and the
 * excerpts placed in it, each shown as a quotation on a line of its own.
 *
 * A quotation is text in the section's buffer, not a widget: a brief may quote the
 * opinion thousands of times, and text costs a text view little where widgets cost
 * it dearly. Its characters carry the section's quotation tag, which draws them in
 * the section's colour, and a tag of their own that names the excerpt. The buffer's
 * signal handlers keep each quotation whole and alone on its line: nothing is typed
 * into it, and it goes only all at once.
 *
 * The section (CbSection) is the truth; the text buffer is a view of it. Every user
 * edit is read back into blocks; every change made elsewhere (undo, removal of an
 * excerpt, a loaded file) rebuilds the buffer. Undo keeps snapshots of the section's
 * blocks and of the excerpts they quote, so that undoing the removal of an excerpt
 * brings it back with its link to the opinion. */

#define TYPING_GROUP_USEC (G_USEC_PER_SEC)
#define MAX_UNDO 200
#define EXCERPT_ID_KEY "cb-excerpt-id"
#define MIN_TEXT_HEIGHT 96
/* The most a section's text takes of the window, unless the window is smaller. */
#define DEFAULT_MAX_TEXT_HEIGHT 480
/* A line separator, not a new line of the buffer: the pin cite goes under the quotation
 * in the same paragraph. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

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
  GtkScrolledWindow *scroller;
  int max_text_height;
  guint fit_id;
  guint refresh_id;           /* pending redraw of the pin cites after a citation edit */
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag *italic_tag;
  GtkTextTag *bold_tag;
  GtkTextTag *quote_tag;      /* every character of every quotation */
  GtkTextTag *cite_tag;       /* the pin cite under a quotation */
  GHashTable *excerpt_tags;   /* excerpt id → the tag on its quotation */
  gboolean over_quotation;    /* the pointer is, and so the pointer cursor shows */

  GPtrArray *undo_stack;  /* Snapshot */
  GPtrArray *redo_stack;  /* Snapshot */
  Snapshot *pending;      /* taken as a user action begins, kept if it changes something */
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

  guint rebuilding : 1;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (CbSectionEditor, cb_section_editor, ADW_TYPE_BIN)

static gboolean fit_height (gpointer data);

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
push_snapshot (CbSectionEditor *self,
               Snapshot        *snapshot)
{
  if (self->undo_stack->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, snapshot);
  g_ptr_array_set_size (self->redo_stack, 0);
  update_undo_actions (self);
}

static void
push_undo (CbSectionEditor *self)
{
  push_snapshot (self, take_snapshot (self));
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

/* Quotations */

/* Whether the character at @iter belongs to a quotation: @iter is inside one or at its start. */
static gboolean
in_quotation (CbSectionEditor   *self,
              const GtkTextIter *iter)
{
  return gtk_text_iter_has_tag (iter, self->quote_tag);
}

/* Whether the character before @iter belongs to a quotation: @iter is inside one or at its end. */
static gboolean
after_quotation (CbSectionEditor   *self,
                 const GtkTextIter *iter)
{
  GtkTextIter before = *iter;

  return gtk_text_iter_backward_char (&before) && gtk_text_iter_has_tag (&before, self->quote_tag);
}

/* The excerpt tag among the tags of the character at @iter, or NULL. */
static GtkTextTag *
excerpt_tag_at (CbSectionEditor   *self,
                const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = NULL;

  if (!in_quotation (self, iter))
    return NULL;
  tags = gtk_text_iter_get_tags (iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (g_object_get_data (l->data, EXCERPT_ID_KEY) != NULL)
      return l->data;
  return NULL;
}

/*
 * Finds the quotation that @iter is in, at the start of, or at the end of, and its
 * bounds. Returns its excerpt's id, or NULL.
 */
static const char *
quotation_around (CbSectionEditor   *self,
                  const GtkTextIter *iter,
                  GtkTextIter       *start,
                  GtkTextIter       *end)
{
  GtkTextIter at = *iter;
  GtkTextTag *tag;

  if (!in_quotation (self, &at) && !(after_quotation (self, &at) && gtk_text_iter_backward_char (&at)))
    return NULL;
  tag = excerpt_tag_at (self, &at);
  if (tag == NULL)
    return NULL;

  *start = at;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  *end = at;
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return g_object_get_data (G_OBJECT (tag), EXCERPT_ID_KEY);
}

static gboolean
find_quotation (CbSectionEditor *self,
                const char      *excerpt_id,
                GtkTextIter     *start,
                GtkTextIter     *end)
{
  GtkTextTag *tag = g_hash_table_lookup (self->excerpt_tags, excerpt_id);

  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_start_iter (self->buffer, start);
  if (!gtk_text_iter_has_tag (start, tag) && !gtk_text_iter_forward_to_tag_toggle (start, tag))
    return FALSE;
  *end = *start;
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return TRUE;
}

static void
forget_quotation (CbSectionEditor *self,
                  const char      *excerpt_id)
{
  GtkTextTag *tag = g_hash_table_lookup (self->excerpt_tags, excerpt_id);

  if (tag == NULL)
    return;
  gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), tag);
  g_hash_table_remove (self->excerpt_tags, excerpt_id);
}

static void
forget_quotations (CbSectionEditor *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, self->excerpt_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->excerpt_tags);
}

/* The text of a quotation as shown: the passage in typographic quotes, a warning
 * before a passage the opinion lost or changed, and the pin cite under it. */
static char *
dup_quotation_text (CbSectionEditor *self,
                    CbExcerpt       *excerpt,
                    gsize           *cite_at)
{
  g_autofree char *quote = cb_brief_dup_quotation (self->brief, excerpt);
  g_autofree char *cite = cb_brief_dup_pin_cite (self->brief, excerpt);
  CbAnchorStatus status = cb_excerpt_get_status (excerpt);
  GString *text = g_string_new (NULL);

  if (status == CB_ANCHOR_ORPHAN || status == CB_ANCHOR_NEEDS_REVIEW)
    g_string_append (text, "⚠ ");
  g_string_append (text, quote);
  *cite_at = text->len;
  if (cite != NULL)
    g_string_append_printf (text, LINE_SEPARATOR "%s", cite);
  return g_string_free (text, FALSE);
}

/* Inserts the quotation of @excerpt at @iter, which is moved past it. */
static void
insert_quotation (CbSectionEditor *self,
                  GtkTextIter     *iter,
                  CbExcerpt       *excerpt)
{
  const char *id = cb_excerpt_get_id (excerpt);
  gsize cite_at;
  g_autofree char *text = dup_quotation_text (self, excerpt, &cite_at);
  GtkTextTag *tag = g_hash_table_lookup (self->excerpt_tags, id);

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);
      g_object_set_data_full (G_OBJECT (tag), EXCERPT_ID_KEY, g_strdup (id), g_free);
      g_hash_table_insert (self->excerpt_tags, g_strdup (id), tag);
    }
  gtk_text_buffer_insert_with_tags (self->buffer, iter, text, cite_at, self->quote_tag, tag, NULL);
  if (text[cite_at] != '\0')
    gtk_text_buffer_insert_with_tags (self->buffer, iter, text + cite_at, -1,
                                      self->quote_tag, tag, self->cite_tag, NULL);
}

static void
refresh_quotation (CbSectionEditor *self,
                   CbExcerpt       *excerpt)
{
  GtkTextIter start, end;
  gsize cite_at;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (!find_quotation (self, cb_excerpt_get_id (excerpt), &start, &end))
    return;
  /* A note, or a citation typed a letter at a time, often leaves it as it was. */
  shown = gtk_text_iter_get_text (&start, &end);
  text = dup_quotation_text (self, excerpt, &cite_at);
  if (g_str_equal (shown, text))
    return;
  self->rebuilding = TRUE;
  gtk_text_buffer_delete (self->buffer, &start, &end);
  insert_quotation (self, &start, excerpt);
  self->rebuilding = FALSE;
}
/* An excerpt re-anchored, or its status changed: its quotation, if here, shows it. */
static void
excerpt_changed_cb (CbSectionEditor *self,
                    CbExcerpt       *excerpt,
                    GParamSpec      *pspec)
{
  if (g_hash_table_contains (self->excerpt_tags, cb_excerpt_get_id (excerpt)))
    refresh_quotation (self, excerpt);
}

/* The brief's citation or cite style changed: every pin cite shown does. */
static void
refresh_quotations (CbSectionEditor *self)
{
  g_autoptr(GPtrArray) excerpts = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer id;

  /* Refreshing makes new tags: the excerpts are listed first. */
  g_hash_table_iter_init (&iter, self->excerpt_tags);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, id);

      if (excerpt != NULL)
        g_ptr_array_add (excerpts, g_object_ref (excerpt));
    }
  for (guint i = 0; i < excerpts->len; i++)
    refresh_quotation (self, g_ptr_array_index (excerpts, i));
}

static gboolean
refresh_quotations_cb (gpointer data)
{
  CbSectionEditor *self = data;

  self->refresh_id = 0;
  refresh_quotations (self);
  return G_SOURCE_REMOVE;
}

/* The citation is typed a letter at a time: the pin cites follow once typing pauses,
 * not at every letter, which in a brief of thousands of quotations would be felt. */
#define CITATION_PAUSE_MSEC 150

static void
citation_changed_cb (CbSectionEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (CITATION_PAUSE_MSEC, refresh_quotations_cb, self);
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
read_paragraph (CbSectionEditor *self,
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
blocks_from_buffer (CbSectionEditor *self,
                    GArray          *line_blocks)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  int n_lines = gtk_text_buffer_get_line_count (self->buffer);

  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter iter;
      GtkTextTag *tag;
      int block = -1;

      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
      tag = excerpt_tag_at (self, &iter);
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
rebuild_buffer (CbSectionEditor *self)
{
  GtkTextIter end;
  guint n = cb_section_get_n_blocks (self->section);
  int cursor;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, gtk_text_buffer_get_insert (self->buffer));
  cursor = gtk_text_iter_get_offset (&end);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->line_blocks, g_array_unref);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  forget_quotations (self);

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  for (guint i = 0; i < n; i++)
    {
      const CbBlock *block = cb_section_get_block (self->section, i);

      if (i > 0)
        gtk_text_buffer_insert (self->buffer, &end, "\n", 1);

      if (block->kind == CB_BLOCK_EXCERPT)
        {
          CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, block->excerpt_id);

          if (excerpt != NULL)
            insert_quotation (self, &end, excerpt);
          continue;
        }

      for (guint r = 0; r < block->runs->len; r++)
        {
          const CbRun *run = g_ptr_array_index (block->runs, r);

          gtk_text_buffer_insert_with_tags (self->buffer, &end, run->text, -1,
                                            (run->flags & CB_RUN_ITALIC) ? self->italic_tag : NULL,
                                            (run->flags & CB_RUN_BOLD) ? self->bold_tag : NULL,
                                            NULL);
        }
    }

  /* A quotation at the end leaves a line to go on writing in. */
  if (n > 0 && cb_section_get_block (self->section, n - 1)->kind == CB_BLOCK_EXCERPT)
    gtk_text_buffer_insert (self->buffer, &end, "\n", 1);

  /* The cursor stays about where it was, outside any quotation. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, cursor);
  if (in_quotation (self, &end) && after_quotation (self, &end))
    gtk_text_iter_forward_to_tag_toggle (&end, self->quote_tag);
  gtk_text_buffer_place_cursor (self->buffer, &end);

  self->rebuilding = FALSE;
  update_word_count (self);
  /* Before the text view lays out the new text, so that a long text is laid out for
   * the height it will have. */
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  fit_height (self);
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
  if (gtk_text_iter_ends_line (&iter) || in_quotation (self, &iter))
    return FALSE;

  paragraph = read_paragraph (self, &iter);
  self->syncing = TRUE;
  cb_section_replace_block (self->section, index, g_steal_pointer (&paragraph));
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
      forget_quotation (self, block->excerpt_id);
      if (excerpt != NULL)
        {
          cb_brief_remove_excerpt (self->brief, excerpt);
        }
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

/* Editing */

static void
begin_user_action_cb (CbSectionEditor *self)
{
  if (self->rebuilding)
    return;

  self->in_user_action = TRUE;
  self->edited_line = -1;
  self->structural = FALSE;
  self->lines_before = gtk_text_buffer_get_line_count (self->buffer);

  /* Typing within a second of the last keystroke belongs to the same undo step. The
   * state before is taken now and kept only if the action changes something: a
   * keystroke refused at a quotation leaves undo and redo as they were. */
  g_clear_pointer (&self->pending, snapshot_free);
  if (g_get_monotonic_time () - self->last_typing > TYPING_GROUP_USEC)
    self->pending = take_snapshot (self);
}

static void
end_user_action_cb (CbSectionEditor *self)
{
  gboolean one_line;

  if (self->rebuilding || !self->in_user_action)
    return;
  self->in_user_action = FALSE;
  if (!self->structural && self->edited_line < 0)
    {
      /* Refused at a quotation: nothing to read back. */
      g_clear_pointer (&self->pending, snapshot_free);
      return;
    }

  if (self->pending != NULL)
    push_snapshot (self, g_steal_pointer (&self->pending));
  self->last_typing = g_get_monotonic_time ();

  /* A line break of any kind ("\r", U+2029 too) makes or joins lines. */
  if (gtk_text_buffer_get_line_count (self->buffer) != self->lines_before)
    self->structural = TRUE;
  one_line = !self->structural && self->edited_line >= 0;
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
  if (!self->in_user_action)
    {
      g_clear_pointer (&self->line_blocks, g_array_unref);
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
insertion_allowed (CbSectionEditor   *self,
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
deletion_allowed (CbSectionEditor   *self,
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
refuse_edit (CbSectionEditor *self,
             const char      *signal)
{
  g_signal_stop_emission_by_name (self->buffer, signal);
  gtk_widget_error_bell (GTK_WIDGET (self->text_view));
}

static void
insert_text_before_cb (CbSectionEditor *self,
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
delete_range_before_cb (CbSectionEditor *self,
                        GtkTextIter     *start,
                        GtkTextIter     *end)
{
  GtkTextIter quotation = *start;
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
               in_quotation (self, &quotation) ||
               (gtk_text_iter_forward_to_tag_toggle (&quotation, self->quote_tag) &&
                gtk_text_iter_compare (&quotation, end) < 0);
  note_edit (self, gtk_text_iter_get_line (start), structural);
}

/* Only this editor puts a quotation's tags on text: a quotation copied and pasted
 * within the section comes back as plain text. */
static void
apply_tag_before_cb (CbSectionEditor *self,
                     GtkTextTag      *tag,
                     GtkTextIter     *start,
                     GtkTextIter     *end)
{
  if (self->rebuilding)
    return;
  if (tag == self->quote_tag || tag == self->cite_tag || g_object_get_data (G_OBJECT (tag), EXCERPT_ID_KEY) != NULL)
    g_signal_stop_emission_by_name (self->buffer, "apply-tag");
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
      flags = gtk_text_iter_backward_char (&before) && gtk_text_iter_get_char (&before) != '\n' &&
              !in_quotation (self, &before)
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
update_quotation_actions (CbSectionEditor *self)
{
  GtkTextIter cursor, start, end;
  gboolean on_quotation;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  on_quotation = quotation_around (self, &cursor, &start, &end) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.show-quotation", on_quotation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.remove-quotation", on_quotation);
}

static void
mark_set_cb (CbSectionEditor *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  if (mark != gtk_text_buffer_get_insert (self->buffer))
    return;
  self->typing_flags_set = FALSE;
  update_quotation_actions (self);
}

/* Emphasis is the student's: a quotation keeps the opinion's words as they are. */
static void
strip_emphasis_from_quotations (CbSectionEditor   *self,
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
      gtk_text_buffer_remove_tag (self->buffer, self->italic_tag, &from, &to);
      gtk_text_buffer_remove_tag (self->buffer, self->bold_tag, &from, &to);
      from = to;
      if (!gtk_text_iter_forward_to_tag_toggle (&from, self->quote_tag))
        break;
    }
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
    if (gtk_text_iter_get_char (&iter) != '\n' && !in_quotation (self, &iter) &&
        !gtk_text_iter_has_tag (&iter, tag))
      {
        all_tagged = FALSE;
        break;
      }

  push_undo (self);
  self->last_typing = 0;
  if (all_tagged)
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  else
    {
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
      strip_emphasis_from_quotations (self, &start, &end);
    }
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
remove_excerpt (CbSectionEditor *self,
                const char      *excerpt_id)
{
  CbExcerpt *excerpt = cb_brief_lookup_excerpt (self->brief, excerpt_id);

  if (excerpt == NULL)
    return;

  push_undo (self);
  self->last_typing = 0;
  /* The section drops its quotation of it and tells this editor to rebuild. */
  cb_brief_remove_excerpt (self->brief, excerpt);
}

static void
remove_excerpt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  remove_excerpt (CB_SECTION_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static const char *
quotation_at_cursor (CbSectionEditor *self)
{
  GtkTextIter cursor, start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  return quotation_around (self, &cursor, &start, &end);
}

static void
show_excerpt (CbSectionEditor *self,
              const char      *excerpt_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-excerpt", "s", excerpt_id);
}

static void
show_quotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  const char *id = quotation_at_cursor (self);

  if (id != NULL)
    show_excerpt (self, id);
}

static void
remove_quotation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  g_autofree char *id = g_strdup (quotation_at_cursor (self));

  if (id != NULL)
    remove_excerpt (self, id);
}

/* Selects the quotation on the line next to the cursor's, above or below. */
static gboolean
select_neighbour_quotation (CbSectionEditor *self,
                            GtkTextIter     *cursor,
                            gboolean         above)
{
  GtkTextIter near = *cursor, start, end;

  if (above ? !gtk_text_iter_backward_char (&near) : !gtk_text_iter_forward_char (&near))
    return FALSE;
  if (quotation_around (self, &near, &start, &end) == NULL)
    return FALSE;
  gtk_text_buffer_select_range (self->buffer, &start, &end);
  return TRUE;
}

/*
 * Enter at a quotation. Inside it, or on it selected, Enter follows its link; at its
 * start it opens a line above it and goes there; at its end the text view's own new
 * line goes below it.
 */
static gboolean
enter_at_quotation (CbSectionEditor *self)
{
  GtkTextIter cursor, bound, start, end;
  const char *id;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &bound, gtk_text_buffer_get_selection_bound (self->buffer));
  id = quotation_around (self, &cursor, &start, &end);
  if (id == NULL)
    return FALSE;

  if (gtk_text_iter_equal (&cursor, &bound) && gtk_text_iter_equal (&cursor, &start))
    {
      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_insert_interactive (self->buffer, &cursor, "\n", 1, TRUE);
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_iter_backward_line (&cursor);
      gtk_text_buffer_place_cursor (self->buffer, &cursor);
      return TRUE;
    }
  if (gtk_text_iter_equal (&cursor, &bound) && gtk_text_iter_equal (&cursor, &end))
    return FALSE;
  if (!gtk_text_iter_in_range (&bound, &start, &end) && !gtk_text_iter_equal (&bound, &end))
    return FALSE;
  show_excerpt (self, id);
  return TRUE;
}

/* Cut takes no quotation: moving one would leave its excerpt behind as plain text. A
 * quotation is removed with Delete and undone with Ctrl+Z. */
static void
cut_clipboard_cb (GtkTextView     *view,
                  CbSectionEditor *self)
{
  GtkTextIter start, end, quotation;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  quotation = start;
  if (in_quotation (self, &quotation) ||
      (gtk_text_iter_forward_to_tag_toggle (&quotation, self->quote_tag) &&
       gtk_text_iter_compare (&quotation, &end) < 0))
    {
      g_signal_stop_emission_by_name (view, "cut-clipboard");
      gtk_widget_error_bell (GTK_WIDGET (view));
    }
}

/* A right click on a quotation puts the cursor there first, so that the context menu's
 * Show in Opinion and Remove Excerpt are about the quotation clicked. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CbSectionEditor *self)
{
  GtkTextIter iter, start, end;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) || !in_quotation (self, &iter))
    return;
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_in_range (&iter, &start, &end))
    return;
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/*
 * Delete and Backspace at a quotation. A quotation selected, or with the cursor in
 * it, goes whole; one on the next line, which the key would join to the cursor's
 * line, is selected first, so the second press removes it.
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CbSectionEditor       *self)
{
  gboolean backward = keyval == GDK_KEY_BackSpace;
  GtkTextIter cursor, bound, start, end;
  const char *id;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    return enter_at_quotation (self);

  if (!backward && keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &bound, gtk_text_buffer_get_selection_bound (self->buffer));

  if (!gtk_text_iter_equal (&cursor, &bound))
    {
      /* A selection within one quotation stands for all of it. */
      id = quotation_around (self, &cursor, &start, &end);
      if (id == NULL || (!gtk_text_iter_in_range (&bound, &start, &end) && !gtk_text_iter_equal (&bound, &end)))
        return FALSE;
    }
  else if ((backward ? after_quotation (self, &cursor) : in_quotation (self, &cursor)))
    id = quotation_around (self, &cursor, &start, &end);
  else if (backward && gtk_text_iter_starts_line (&cursor) && !gtk_text_iter_ends_line (&cursor))
    return select_neighbour_quotation (self, &cursor, TRUE);
  else if (!backward && gtk_text_iter_ends_line (&cursor) && !gtk_text_iter_starts_line (&cursor))
    return select_neighbour_quotation (self, &cursor, FALSE);
  else
    return FALSE;

  if (id == NULL)
    return FALSE;
  {
    g_autofree char *owned = g_strdup (id);
    remove_excerpt (self, owned);
  }
  return TRUE;
}

/* The excerpt id of the quotation under a point of the text view, or NULL. */
static const char *
quotation_at_point (CbSectionEditor *self,
                    double           x,
                    double           y)
{
  GtkTextIter iter, start, end;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) || !in_quotation (self, &iter))
    return NULL;
  return quotation_around (self, &iter, &start, &end);
}

/* A click on a quotation, not a drag over it, shows its source, like a link. */
static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CbSectionEditor *self)
{
  const char *id;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  id = quotation_at_point (self, x, y);
  if (id != NULL)
    show_excerpt (self, id);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CbSectionEditor          *self)
{
  gboolean over = quotation_at_point (self, x, y) != NULL;

  if (over == self->over_quotation)
    return;
  self->over_quotation = over;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : "text");
}

static gboolean
query_tooltip_cb (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  CbSectionEditor *self)
{
  const char *id = quotation_at_point (self, x, y);
  CbExcerpt *excerpt;
  CbAnchorStatus status;

  if (keyboard || id == NULL || (excerpt = cb_brief_lookup_excerpt (self->brief, id)) == NULL)
    return FALSE;

  status = cb_excerpt_get_status (excerpt);
  if (status == CB_ANCHOR_ORPHAN)
    gtk_tooltip_set_text (tooltip, _("This passage is no longer in the opinion. It is kept as you quoted it."));
  else if (status == CB_ANCHOR_NEEDS_REVIEW)
    gtk_tooltip_set_text (tooltip, _("The opinion changed here. Check that this quotation is still right."));
  else
    gtk_tooltip_set_text (tooltip, _("Show this passage in the opinion"));
  return TRUE;
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
  guint before;

  if (window == NULL || !G_VALUE_HOLDS_STRING (value) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->text_view), x, y, &tx, &ty))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, tx, ty, &bx, &by);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_place_cursor (self->buffer, &iter);

  /* Only the opinion's own selection becomes an excerpt; anything else is refused, so
   * that a drag that moves text does not delete it at its source. */
  before = g_list_model_get_n_items (cb_brief_get_excerpts (self->brief));
  gtk_widget_activate_action (window, "win.add-dropped-text", "(us)",
                              self->color_index, g_value_get_string (value));
  return g_list_model_get_n_items (cb_brief_get_excerpts (self->brief)) > before;
}

/* The section's frame is as tall as its text, up to the most it may take of the window;
 * past that the text scrolls within it.
 *
 * The text view lays its text out a part at a time, and the height it reports grows as
 * it goes. A frame grown over lines not yet laid out makes it draw every line of the
 * section at once, which for a long section costs a tenth of a second and megabytes.
 * So a text that must fill the frame, by its length alone, is given the full height at
 * once; only a short one, cheap to draw whole, follows the height reported. A line of
 * the section holds at most LONG_TEXT_CHARS_PER_PIXEL characters for each pixel of
 * its height. */
#define LONG_TEXT_CHARS_PER_PIXEL 7

static gboolean
fit_height (gpointer data)
{
  CbSectionEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  int most = MAX (MIN_TEXT_HEIGHT, self->max_text_height);
  int height;

  self->fit_id = 0;
  if (gtk_text_buffer_get_char_count (self->buffer) >= most * LONG_TEXT_CHARS_PER_PIXEL)
    height = most;
  else
    height = CLAMP ((int) ceil (gtk_adjustment_get_upper (adjustment)), MIN_TEXT_HEIGHT, most);
  if (height != gtk_scrolled_window_get_min_content_height (self->scroller))
    gtk_scrolled_window_set_min_content_height (self->scroller, height);
  return G_SOURCE_REMOVE;
}

/* Sizes are not changed while they are being given out: just after. */
static void
queue_fit_height (CbSectionEditor *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_height, self, NULL);
}

static void
cb_section_editor_dispose (GObject *object)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (object);

  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The brief and section outlive the editor when another brief is opened. */
  if (self->brief != NULL)
    g_signal_handlers_disconnect_by_data (self->brief, self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_clear_pointer (&self->pending, snapshot_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->line_blocks, g_array_unref);
  g_clear_pointer (&self->excerpt_tags, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CbSectionEditor, text_view);

  gtk_widget_class_install_action (widget_class, "section.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "section.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "section.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "section.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "section.remove-excerpt", "s", remove_excerpt_action);
  gtk_widget_class_install_action (widget_class, "section.show-quotation", NULL, show_quotation_action);
  gtk_widget_class_install_action (widget_class, "section.remove-quotation", NULL, remove_quotation_action);
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
connect_buffer (CbSectionEditor *self)
{
  struct { const char *signal; GCallback callback; GConnectFlags flags; } handlers[] = {
    { "begin-user-action", G_CALLBACK (begin_user_action_cb), 0 },
    { "end-user-action", G_CALLBACK (end_user_action_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_before_cb), 0 },
    { "delete-range", G_CALLBACK (delete_range_before_cb), 0 },
    { "apply-tag", G_CALLBACK (apply_tag_before_cb), 0 },
    { "insert-text", G_CALLBACK (insert_text_after_cb), G_CONNECT_AFTER },
    { "mark-set", G_CALLBACK (mark_set_cb), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (self->buffer, handlers[i].signal, handlers[i].callback,
                             self, G_CONNECT_SWAPPED | handlers[i].flags);
}

static void
add_quotation_controllers (CbSectionEditor *self)
{
  GtkWidget *view = GTK_WIDGET (self->text_view);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary;
  GtkEventController *motion = gtk_event_controller_motion_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  /* Before the text view's own key handling, which would refuse the edit. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (view, keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (view, motion);

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (secondary), GTK_PHASE_CAPTURE);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect (view, "cut-clipboard", G_CALLBACK (cut_clipboard_cb), self);

  gtk_widget_set_has_tooltip (view, TRUE);
  g_signal_connect (view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  /* The text view's context menu: what applies to the quotation at the cursor. */
  g_menu_append (section, _("_Show in Opinion"), "section.show-quotation");
  g_menu_append (section, _("_Remove Excerpt"), "section.remove-quotation");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
}

static void
cb_section_editor_init (CbSectionEditor *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);
  self->excerpt_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->italic_tag = gtk_text_buffer_create_tag (self->buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->bold_tag = gtk_text_buffer_create_tag (self->buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->cite_tag = gtk_text_buffer_create_tag (self->buffer, "pin-cite",
                                               "style", PANGO_STYLE_ITALIC,
                                               "scale", PANGO_SCALE_SMALL,
                                               NULL);

  /* A quotation stands apart from the prose, indented, on the section's colour (set
   * with the section), in the opinion's typeface; under the student's emphasis and the
   * pin cite's style. */
  self->quote_tag = gtk_text_buffer_create_tag (self->buffer, "quotation",
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

  connect_buffer (self);
  add_quotation_controllers (self);
  self->max_text_height = DEFAULT_MAX_TEXT_HEIGHT;
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN_TEXT_HEIGHT);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "notify::upper",
                           G_CALLBACK (queue_fit_height), self, G_CONNECT_SWAPPED);

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
  update_quotation_actions (self);
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
  g_autofree char *css_class = g_strdup_printf ("section-color-%u", color_index % CB_N_SECTION_COLORS);
  const char *title;
  const char *prompt;

  g_return_val_if_fail (CB_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (CB_IS_SECTION (section), NULL);

  self = g_object_new (CB_TYPE_SECTION_EDITOR, NULL);
  self->brief = g_object_ref (brief);
  self->section = g_object_ref (section);
  self->color_index = color_index;

  g_object_set (self->quote_tag, "paragraph-background", cb_section_color_tint (color_index), NULL);

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
  g_signal_connect_object (brief, "notify::citation", G_CALLBACK (citation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief, "notify::cite-style", G_CALLBACK (refresh_quotations), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief, "excerpt-changed", G_CALLBACK (excerpt_changed_cb), self, G_CONNECT_SWAPPED);
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
  GtkTextIter iter, start, end;

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
  /* Never inside another quotation: after it. */
  if (quotation_around (self, &iter, &start, &end) != NULL)
    iter = end;

  self->rebuilding = TRUE;
  if (!gtk_text_iter_starts_line (&iter))
    {
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
    }
  if (!gtk_text_iter_ends_line (&iter) || gtk_text_iter_is_end (&iter))
    {
      /* A line of its own: the text that was on this line goes below it. */
      GtkTextMark *mark = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE);

      gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, mark);
      gtk_text_buffer_delete_mark (self->buffer, mark);
    }
  insert_quotation (self, &iter, excerpt);
  self->rebuilding = FALSE;

  /* Go on writing below the quotation. */
  gtk_text_iter_forward_line (&iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  sync_from_buffer (self);
}

/**
 * cb_section_editor_get_quotation:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 * @quote: (out) (optional) (transfer full): the quotation as shown, in typographic quotes
 * @pin_cite: (out) (optional) (transfer full): the pin cite shown under it, or ""
 *
 * Reads a quotation as the student sees it in the section.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_editor_get_quotation (CbSectionEditor  *self,
                                 const char       *excerpt_id,
                                 char            **quote,
                                 char            **pin_cite)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  char *separator;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  if (!find_quotation (self, excerpt_id, &start, &end))
    return FALSE;
  text = gtk_text_iter_get_text (&start, &end);
  separator = strstr (text, LINE_SEPARATOR);
  if (pin_cite != NULL)
    *pin_cite = g_strdup (separator ? separator + strlen (LINE_SEPARATOR) : "");
  if (separator != NULL)
    *separator = '\0';
  if (quote != NULL)
    *quote = g_steal_pointer (&text);
  return TRUE;
}

/**
 * cb_section_editor_reveal_excerpt:
 * @self: the editor
 * @excerpt_id: an excerpt's id
 * @area: (out) (optional): where the section's text is, in the editor's coordinates
 *
 * Selects the quotation of an excerpt, scrolls the section's text to it and moves the
 * keyboard focus there, so that Delete removes it and Enter shows its source.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_editor_reveal_excerpt (CbSectionEditor *self,
                                  const char      *excerpt_id,
                                  GdkRectangle    *area)
{
  GtkTextIter start, end;
  graphene_rect_t bounds;

  g_return_val_if_fail (CB_IS_SECTION_EDITOR (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  if (!find_quotation (self, excerpt_id, &start, &end))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  gtk_text_buffer_select_range (self->buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer), 0.0, TRUE, 0.0, 0.3);

  if (area == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->scroller), GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);
  *area = (GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
  return TRUE;
}

/**
 * cb_section_editor_set_max_text_height:
 * @self: the editor
 * @height: in pixels
 *
 * Sets how tall the section's text may grow before it scrolls within its frame.
 */
void
cb_section_editor_set_max_text_height (CbSectionEditor *self,
                                       int              height)
{
  g_return_if_fail (CB_IS_SECTION_EDITOR (self));
  self->max_text_height = height;
  queue_fit_height (self);
}
