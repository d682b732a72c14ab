/* Section buffers: quotations, each an excerpt's passage and pin cite as tagged text
 * on a line of its own, found, placed, removed and drawn again when the excerpt or the
 * brief's citation changes. */
#define G_LOG_DOMAIN "cb-section-buffer"

#include "config.h"

#include <string.h>

#include "cb-section-buffer-private.h"

/* A line separator, not a new line of the buffer: the pin cite goes under the quotation
 * in the same paragraph. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

/* The excerpt tag among the tags of the character at @iter, or NULL. */
GtkTextTag *
_cb_section_buffer_excerpt_tag_at (CbSectionBuffer   *self,
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

/**
 * cb_section_buffer_quotation_around:
 * @self: a section buffer
 * @iter: a place in it
 * @start: (out): where the quotation starts
 * @end: (out): where it ends
 *
 * Finds the quotation that @iter is in, at the start of, or at the end of.
 *
 * Returns: (nullable): its excerpt's id, or %NULL
 */
const char *
cb_section_buffer_quotation_around (CbSectionBuffer   *self,
                                    const GtkTextIter *iter,
                                    GtkTextIter       *start,
                                    GtkTextIter       *end)
{
  GtkTextIter at = *iter;
  GtkTextTag *tag;

  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), NULL);

  if (!in_quotation (self, &at) && !(after_quotation (self, &at) && gtk_text_iter_backward_char (&at)))
    return NULL;
  tag = _cb_section_buffer_excerpt_tag_at (self, &at);
  if (tag == NULL)
    return NULL;

  *start = at;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  *end = at;
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return g_object_get_data (G_OBJECT (tag), EXCERPT_ID_KEY);
}

/**
 * cb_section_buffer_find_quotation:
 * @self: a section buffer
 * @excerpt_id: an excerpt's id
 * @start: (out): where its quotation starts
 * @end: (out): where it ends
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_buffer_find_quotation (CbSectionBuffer *self,
                                  const char      *excerpt_id,
                                  GtkTextIter     *start,
                                  GtkTextIter     *end)
{
  GtkTextTag *tag;

  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  tag = g_hash_table_lookup (self->excerpt_tags, excerpt_id);
  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), start);
  if (!gtk_text_iter_has_tag (start, tag) && !gtk_text_iter_forward_to_tag_toggle (start, tag))
    return FALSE;
  *end = *start;
  gtk_text_iter_forward_to_tag_toggle (end, tag);
  return TRUE;
}

/**
 * cb_section_buffer_range_has_quotation:
 * @self: a section buffer
 * @start: the start of a range
 * @end: its end
 *
 * Returns: whether any character from @start to @end belongs to a quotation
 */
gboolean
cb_section_buffer_range_has_quotation (CbSectionBuffer   *self,
                                       const GtkTextIter *start,
                                       const GtkTextIter *end)
{
  GtkTextIter quotation = *start;

  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);

  return in_quotation (self, &quotation) ||
         (gtk_text_iter_forward_to_tag_toggle (&quotation, self->quote_tag) &&
          gtk_text_iter_compare (&quotation, end) < 0);
}

void
_cb_section_buffer_forget_quotation (CbSectionBuffer *self,
                                     const char      *excerpt_id)
{
  GtkTextTag *tag = g_hash_table_lookup (self->excerpt_tags, excerpt_id);

  if (tag == NULL)
    return;
  gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self)), tag);
  g_hash_table_remove (self->excerpt_tags, excerpt_id);
}

void
_cb_section_buffer_forget_quotations (CbSectionBuffer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self));
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
dup_quotation_text (CbSectionBuffer *self,
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
void
_cb_section_buffer_insert_quotation (CbSectionBuffer *self,
                                     GtkTextIter     *iter,
                                     CbExcerpt       *excerpt)
{
  const char *id = cb_excerpt_get_id (excerpt);
  gsize cite_at;
  g_autofree char *text = dup_quotation_text (self, excerpt, &cite_at);
  GtkTextTag *tag = g_hash_table_lookup (self->excerpt_tags, id);

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
      g_object_set_data_full (G_OBJECT (tag), EXCERPT_ID_KEY, g_strdup (id), g_free);
      g_hash_table_insert (self->excerpt_tags, g_strdup (id), tag);
    }
  gtk_text_buffer_insert_with_tags (GTK_TEXT_BUFFER (self), iter, text, cite_at, self->quote_tag, tag, NULL);
  if (text[cite_at] != '\0')
    gtk_text_buffer_insert_with_tags (GTK_TEXT_BUFFER (self), iter, text + cite_at, -1,
                                      self->quote_tag, tag, self->cite_tag, NULL);
}

static void
refresh_quotation (CbSectionBuffer *self,
                   CbExcerpt       *excerpt)
{
  GtkTextIter start, end;
  gsize cite_at;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (!cb_section_buffer_find_quotation (self, cb_excerpt_get_id (excerpt), &start, &end))
    return;
  /* A note, or a citation typed a letter at a time, often leaves it as it was. */
  shown = gtk_text_iter_get_text (&start, &end);
  text = dup_quotation_text (self, excerpt, &cite_at);
  if (g_str_equal (shown, text))
    return;
  self->rebuilding = TRUE;
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (self), &start, &end);
  _cb_section_buffer_insert_quotation (self, &start, excerpt);
  self->rebuilding = FALSE;
}
/* An excerpt re-anchored, or its status changed: its quotation, if here, shows it. */
static void
excerpt_changed_cb (CbSectionBuffer *self,
                    CbExcerpt       *excerpt,
                    GParamSpec      *pspec)
{
  if (g_hash_table_contains (self->excerpt_tags, cb_excerpt_get_id (excerpt)))
    refresh_quotation (self, excerpt);
}

/* The brief's citation or cite style changed: every pin cite shown does. */
static void
refresh_quotations (CbSectionBuffer *self)
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
  CbSectionBuffer *self = data;

  self->refresh_id = 0;
  refresh_quotations (self);
  return G_SOURCE_REMOVE;
}

/* The citation is typed a letter at a time: the pin cites follow once typing pauses,
 * not at every letter, which in a brief of thousands of quotations would be felt. */
#define CITATION_PAUSE_MSEC 150

static void
citation_changed_cb (CbSectionBuffer *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (CITATION_PAUSE_MSEC, refresh_quotations_cb, self);
}

/* The pin cites follow the brief's citation and cite style, and each quotation its
 * excerpt's status and place. */
void
_cb_section_buffer_watch_brief (CbSectionBuffer *self)
{
  g_signal_connect_object (self->brief, "notify::citation", G_CALLBACK (citation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brief, "notify::cite-style", G_CALLBACK (refresh_quotations), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brief, "excerpt-changed", G_CALLBACK (excerpt_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cb_section_buffer_get_quotation_tag:
 * @self: a section buffer
 *
 * Returns: (transfer none): the tag on every character of every quotation, which a
 *   view gives the section's colour
 */
GtkTextTag *
cb_section_buffer_get_quotation_tag (CbSectionBuffer *self)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), NULL);
  return self->quote_tag;
}

/**
 * cb_section_buffer_in_quotation:
 * @self: a section buffer
 * @iter: a place in it
 *
 * Returns: whether the character at @iter belongs to a quotation: @iter is inside one
 *   or at its start
 */
gboolean
cb_section_buffer_in_quotation (CbSectionBuffer   *self,
                                const GtkTextIter *iter)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);
  return in_quotation (self, iter);
}

/**
 * cb_section_buffer_after_quotation:
 * @self: a section buffer
 * @iter: a place in it
 *
 * Returns: whether the character before @iter belongs to a quotation: @iter is inside
 *   one or at its end
 */
gboolean
cb_section_buffer_after_quotation (CbSectionBuffer   *self,
                                   const GtkTextIter *iter)
{
  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);
  return after_quotation (self, iter);
}

/**
 * cb_section_buffer_get_quotation:
 * @self: a section buffer
 * @excerpt_id: an excerpt's id
 * @quote: (out) (optional) (transfer full): the quotation as shown, in typographic quotes
 * @pin_cite: (out) (optional) (transfer full): the pin cite shown under it, or ""
 *
 * Reads a quotation as the student sees it in the section.
 *
 * Returns: whether the section quotes that excerpt
 */
gboolean
cb_section_buffer_get_quotation (CbSectionBuffer  *self,
                                 const char       *excerpt_id,
                                 char            **quote,
                                 char            **pin_cite)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  char *separator;

  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);
  g_return_val_if_fail (excerpt_id != NULL, FALSE);

  if (!cb_section_buffer_find_quotation (self, excerpt_id, &start, &end))
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

/* Places a quotation of @excerpt on a line of its own at @iter, which starts a line,
 * ends one, or splits its paragraph, and puts the cursor on the line below it. */
static void
place_quotation (CbSectionBuffer *self,
                 GtkTextIter     *iter,
                 CbExcerpt       *excerpt)
{
  self->rebuilding = TRUE;
  if (!gtk_text_iter_starts_line (iter))
    gtk_text_buffer_insert (GTK_TEXT_BUFFER (self), iter, "\n", 1);
  if (!gtk_text_iter_ends_line (iter) || gtk_text_iter_is_end (iter))
    {
      /* A line of its own: the text that was on this line goes below it. */
      GtkTextMark *mark = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self), NULL, iter, TRUE);

      gtk_text_buffer_insert (GTK_TEXT_BUFFER (self), iter, "\n", 1);
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), iter, mark);
      gtk_text_buffer_delete_mark (GTK_TEXT_BUFFER (self), mark);
    }
  _cb_section_buffer_insert_quotation (self, iter, excerpt);
  self->rebuilding = FALSE;

  /* Go on writing below the quotation. */
  gtk_text_iter_forward_line (iter);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), iter);
  _cb_section_buffer_sync (self);
}

/**
 * cb_section_buffer_insert_excerpt:
 * @self: a section buffer
 * @where: where the quotation goes
 * @excerpt: an excerpt of the brief, already added to it
 *
 * Places a quotation of @excerpt on a line of its own at @where: after the paragraph
 * @where is in, or after the quotation it is at, and puts the cursor on the line
 * below it. It is one undoable step.
 */
void
cb_section_buffer_insert_excerpt (CbSectionBuffer   *self,
                                  const GtkTextIter *where,
                                  CbExcerpt         *excerpt)
{
  GtkTextIter iter, start, end;

  g_return_if_fail (CB_IS_SECTION_BUFFER (self));
  g_return_if_fail (where != NULL);
  g_return_if_fail (CB_IS_EXCERPT (excerpt));

  /* The excerpt came from outside this section: the snapshot must not count it. */
  _cb_section_buffer_push_undo (self, excerpt);

  iter = *where;
  /* Never inside another quotation: after it. */
  if (cb_section_buffer_quotation_around (self, &iter, &start, &end) != NULL)
    iter = end;
  if (!gtk_text_iter_starts_line (&iter) && !gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  place_quotation (self, &iter, excerpt);
}

/**
 * cb_section_buffer_replace_with_excerpt:
 * @self: a section buffer
 * @start: the start of the student's text the excerpt quotes
 * @end: its end
 * @excerpt: an excerpt of the brief, already added to it
 *
 * Puts a quotation of @excerpt in the place of prose that holds the same words, such
 * as a passage pasted as text: the prose goes, and the quotation stands on a line of
 * its own where it was, splitting its paragraph if need be. It is one undoable step.
 *
 * Returns: whether the range was prose that could be replaced
 */
gboolean
cb_section_buffer_replace_with_excerpt (CbSectionBuffer   *self,
                                        const GtkTextIter *start,
                                        const GtkTextIter *end,
                                        CbExcerpt         *excerpt)
{
  GtkTextIter s, e;

  g_return_val_if_fail (CB_IS_SECTION_BUFFER (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (CB_IS_EXCERPT (excerpt), FALSE);

  s = *start;
  e = *end;
  gtk_text_iter_order (&s, &e);
  if (gtk_text_iter_equal (&s, &e) || cb_section_buffer_range_has_quotation (self, &s, &e))
    return FALSE;

  _cb_section_buffer_push_undo (self, excerpt);
  self->rebuilding = TRUE;
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (self), &s, &e);
  self->rebuilding = FALSE;
  place_quotation (self, &s, excerpt);
  return TRUE;
}

/**
 * cb_section_buffer_remove_excerpt:
 * @self: a section buffer
 * @excerpt_id: the id of an excerpt of the brief
 *
 * Removes an excerpt from the brief, and so its quotation from the section, as one
 * undoable step.
 */
void
cb_section_buffer_remove_excerpt (CbSectionBuffer *self,
                                  const char      *excerpt_id)
{
  CbExcerpt *excerpt;

  g_return_if_fail (CB_IS_SECTION_BUFFER (self));
  g_return_if_fail (excerpt_id != NULL);

  excerpt = cb_brief_lookup_excerpt (self->brief, excerpt_id);
  if (excerpt == NULL)
    return;

  _cb_section_buffer_push_undo (self, NULL);
  /* The section drops its quotation of it and tells this buffer to rebuild. */
  cb_brief_remove_excerpt (self->brief, excerpt);
}
