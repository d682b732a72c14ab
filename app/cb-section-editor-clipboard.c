/* Sections: the clipboard of a section's text. Cut takes no quotation; a passage copied
 * from the opinion is pasted as a quotation, and other pasted text that is the
 * opinion's is offered to be linked to it. */
#define G_LOG_DOMAIN "cb-section-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-clipboard-format.h"
#include "cb-section-editor-private.h"

/* Pasted text this long or longer that is a passage of the opinion is offered as a
 * quotation: a word or two of it is not worth asking about. */
#define MIN_LINK_WORDS 3

/* Cut takes no quotation: moving one would leave its excerpt behind as plain text. A
 * quotation is removed with Delete and undone with Ctrl+Z. */
static void
cut_clipboard_cb (GtkTextView     *view,
                  CbSectionEditor *self)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end))
    return;
  if (cb_section_buffer_range_has_quotation (self->buffer, &start, &end))
    {
      g_signal_stop_emission_by_name (view, "cut-clipboard");
      gtk_widget_error_bell (GTK_WIDGET (view));
    }
}

/* Pasting. A passage copied from the opinion carries its anchor beside its text: it
 * becomes a linked quotation, as Ctrl+1…9 makes one. Text pasted from elsewhere is
 * the student's own; when it is a passage of the opinion all the same (copied from a
 * research service, say), a prompt under the text offers to make it a linked
 * quotation, without taking the keyboard away from the student. */

static void
hide_link_prompt (CbSectionEditor *self)
{
  g_clear_pointer (&self->pasted_text, g_free);
  gtk_widget_set_visible (self->link_prompt, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.link-pasted", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.keep-pasted", FALSE);
}

static char *
dup_inserted_text (CbSectionEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &start, self->inserted_start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &end, self->inserted_end);
  return gtk_text_iter_get_text (&start, &end);
}

static gboolean
is_open_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x00AB;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}

/* The words of pasted text that may be the opinion's: without the quotation marks
 * around them and the citation another program put after them ("“…” 474 U.S. at 345"). */
static char *
dup_quoted_words (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *first = stripped;
  const char *close = NULL;

  if (*first == '\0' || !is_open_quote (g_utf8_get_char (first)))
    return g_steal_pointer (&stripped);
  first = g_utf8_next_char (first);
  for (const char *p = first; *p != '\0'; p = g_utf8_next_char (p))
    if (is_close_quote (g_utf8_get_char (p)))
      close = p;
  return close != NULL ? g_strndup (first, close - first) : g_strdup (first);
}

/* Text just pasted: a passage found once in the opinion is offered as a quotation. */
static void
offer_link (CbSectionEditor *self)
{
  CbOpinion *opinion = cb_brief_get_opinion (self->brief);
  g_autofree char *text = dup_inserted_text (self);
  g_autofree char *words = dup_quoted_words (text);
  g_autofree char *cite = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GArray) found = NULL;
  CbRange range;

  hide_link_prompt (self);
  if (cb_count_words (words) < MIN_LINK_WORDS)
    return;
  /* Found more than once, the place, and so the page, would be a guess. */
  found = cb_opinion_find_quote_all (opinion, words);
  if (found->len != 1)
    return;

  range = g_array_index (found, CbRange, 0);
  self->link_start = range.start;
  self->link_end = range.end;
  self->pasted_text = g_steal_pointer (&text);
  cite = cb_opinion_pin_cite (opinion, range.start, range.end, cb_brief_get_citation (self->brief),
                              cb_brief_get_cite_style (self->brief));
  if (cite != NULL)
    /* Translators: %s is a pin cite, "474 U.S. at 345" or "*345" */
    label = g_strdup_printf (_("The text pasted is the opinion’s, at %s."), cite);
  else
    label = g_strdup (_("The text pasted is the opinion’s."));
  gtk_label_set_label (self->link_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.link-pasted", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.keep-pasted", TRUE);
  gtk_widget_set_visible (self->link_prompt, TRUE);
}

/* An excerpt placed in the section: the brief scrolls to show it. */
static void
show_new_quotation (CbSectionEditor *self,
                    CbExcerpt       *excerpt)
{
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  gtk_widget_activate_action (GTK_WIDGET (self), "brief.show-excerpt", "s", cb_excerpt_get_id (excerpt));
}

static void
link_pasted_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  CbExcerpt *excerpt;

  if (self->pasted_text == NULL)
    return;
  text = dup_inserted_text (self);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &start, self->inserted_start);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &end, self->inserted_end);
  if (!g_str_equal (text, self->pasted_text) ||
      cb_section_buffer_range_has_quotation (self->buffer, &start, &end))
    {
      hide_link_prompt (self);
      return;
    }

  excerpt = cb_brief_add_excerpt (self->brief, cb_section_get_id (self->section), self->link_start, self->link_end);
  hide_link_prompt (self);
  cb_section_buffer_replace_with_excerpt (self->buffer, &start, &end, excerpt);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  show_new_quotation (self, excerpt);
}

static void
keep_pasted_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CbSectionEditor *self = CB_SECTION_EDITOR (widget);

  hide_link_prompt (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Each user action starts over what it inserted. */
static void
begin_user_action_cb (CbSectionEditor *self)
{
  self->inserted = FALSE;
}

static void
text_inserted_cb (CbSectionEditor *self,
                  GtkTextIter     *location,
                  const char      *text,
                  int              len)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start = *location, end;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, len));
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->inserted_end);
  if (!self->inserted || !gtk_text_iter_equal (&start, &end))
    gtk_text_buffer_move_mark (buffer, self->inserted_start, &start);
  gtk_text_buffer_move_mark (buffer, self->inserted_end, location);
  self->inserted = TRUE;
}

static void
paste_done_cb (CbSectionEditor *self,
               GdkClipboard    *clipboard)
{
  if (self->inserted)
    offer_link (self);
}

/* Typing over the pasted text, or undoing it, takes the offer back. */
static void
buffer_changed_cb (CbSectionEditor *self)
{
  g_autofree char *text = NULL;

  if (self->pasted_text == NULL)
    return;
  text = dup_inserted_text (self);
  if (!g_str_equal (text, self->pasted_text))
    hide_link_prompt (self);
}

static void
paste_as_text (CbSectionEditor *self)
{
  self->pasting_text = TRUE;
  g_signal_emit_by_name (self->text_view, "paste-clipboard");
  self->pasting_text = FALSE;
}

typedef struct
{
  CbSectionEditor *self;
  GInputStream *stream;
  guint8 data[CB_CLIPBOARD_EXCERPT_MAX_BYTES + 1];
} AnchorRead;

static void
anchor_read_free (AnchorRead *read)
{
  g_clear_object (&read->stream);
  g_object_unref (read->self);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnchorRead, anchor_read_free)

static void
anchor_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(AnchorRead) read = data;
  CbSectionEditor *self = read->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize n = 0, start, end;
  CbExcerpt *excerpt;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n, &error) ||
      gtk_widget_get_parent (GTK_WIDGET (self)) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_parent (GTK_WIDGET (self)))
        paste_as_text (self);
      return;
    }
  bytes = g_bytes_new (read->data, n);
  /* Another opinion's passage, or something else under our name: its text is pasted. */
  if (!cb_clipboard_decode_excerpt (bytes, cb_brief_get_opinion (self->brief), &start, &end, &error))
    {
      g_debug ("Pasting the clipboard as text: %s", error->message);
      paste_as_text (self);
      return;
    }
  excerpt = cb_brief_add_excerpt (self->brief, cb_section_get_id (self->section), start, end);
  cb_section_editor_insert_excerpt (self, excerpt);
  show_new_quotation (self, excerpt);
}

static void
anchor_stream_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(AnchorRead) read = data;
  g_autoptr(GError) error = NULL;

  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (read->stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        paste_as_text (read->self);
      return;
    }
  g_input_stream_read_all_async (read->stream, read->data, sizeof read->data, G_PRIORITY_DEFAULT,
                                 read->self->cancellable, anchor_read_cb, read);
  read = NULL;
}

static void
paste_clipboard_cb (GtkTextView     *view,
                    CbSectionEditor *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  static const char *mime_types[] = { CB_CLIPBOARD_EXCERPT_MIME_TYPE, NULL };
  AnchorRead *read;

  if (self->pasting_text ||
      !gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), CB_CLIPBOARD_EXCERPT_MIME_TYPE))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  read = g_new0 (AnchorRead, 1);
  read->self = g_object_ref (self);
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, self->cancellable, anchor_stream_cb, read);
}

void
_cb_section_editor_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "section.link-pasted", NULL, link_pasted_action);
  gtk_widget_class_install_action (widget_class, "section.keep-pasted", NULL, keep_pasted_action);
}

void
_cb_section_editor_clipboard_init (CbSectionEditor *self)
{
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->text_view, "cut-clipboard", G_CALLBACK (cut_clipboard_cb), self);
  g_signal_connect (self->text_view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);
  hide_link_prompt (self);
}

/* Follows what each user action inserts, so that text just pasted can be offered. */
void
_cb_section_editor_clipboard_watch_buffer (CbSectionEditor *self)
{
  GtkTextIter start;

  /* Text typed just before or after what was inserted stays out of it. */
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
  self->inserted_start = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer), NULL, &start, FALSE);
  self->inserted_end = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer), NULL, &start, TRUE);
  g_signal_connect_object (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (text_inserted_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "paste-done", G_CALLBACK (paste_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_cb_section_editor_clipboard_dispose (CbSectionEditor *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pasted_text, g_free);
}
