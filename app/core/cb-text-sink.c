/* The canonical text of an opinion, as the HTML and XML importers write it for the analyzer. */
#define G_LOG_DOMAIN "cb-text-sink"

#include "config.h"

#include <string.h>

#include "cb-text-sink.h"

/*
 * The canonical text, which the opinion analyzer reads and a .brief file keeps:
 *
 *  - paragraphs are separated by one blank line; a line break stays one; in
 *    preformatted text (a table of contents, a typewritten opinion) each line stays
 *    a line and a blank line starts a paragraph, while runs of spaces are one;
 *  - a star-page marker is written as in Westlaw text, "*346" for the first
 *    reporter, "**670" for the second, "***12" for the third, with a space on
 *    each side ("since *346 neither");
 *  - a marker that splits a word is glued to the word's first part and followed
 *    by a space ("in*363 formation"), so that the word stays one word for
 *    matching and quoting while the marker stays visible;
 *  - a footnote reference is its label glued to the preceding text: "[1]" for a
 *    numbered note, the symbol itself ("*", "†") otherwise;
 *  - the footnotes follow the opinion after two blank lines, in the order they were
 *    written, each starting with its label ("[1] Text …"), separated by one blank line.
 */

struct _CbTextSink
{
  GString *text;
  gboolean need_space;
  guint pending_break;          /* 0, CB_TEXT_SINK_LINE or CB_TEXT_SINK_PARAGRAPH */
  char *pending_marker;
  gboolean marker_glued;
  gboolean preformatted;        /* line breaks are kept */
  char *label;                  /* a footnote's */
  GPtrArray *notes;             /* the opinion's footnotes, each a CbTextSink */
};

static gboolean
is_numeric (const char *label)
{
  return label[0] != '\0' && strspn (label, "0123456789") == strlen (label);
}

/**
 * cb_text_sink_new:
 *
 * Returns: (transfer full): an empty text to write an opinion into
 */
CbTextSink *
cb_text_sink_new (void)
{
  CbTextSink *self = g_new0 (CbTextSink, 1);

  self->text = g_string_new (NULL);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_text_sink_free);
  return self;
}

void
cb_text_sink_free (CbTextSink *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self->pending_marker);
  g_free (self->label);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

static gunichar
last_char (CbTextSink *self)
{
  const char *prev;

  if (self->text->len == 0)
    return 0;
  prev = g_utf8_find_prev_char (self->text->str, self->text->str + self->text->len);
  return prev ? g_utf8_get_char (prev) : 0;
}

static void
trim_end (CbTextSink *self)
{
  while (self->text->len > 0 && self->text->str[self->text->len - 1] == ' ')
    g_string_truncate (self->text, self->text->len - 1);
}

/* Writes out what is waiting before the next visible character @next (0 at a break). */
static void
flush (CbTextSink *self,
       gunichar    next)
{
  if (self->pending_marker != NULL)
    {
      gboolean glued = self->marker_glued && !self->need_space && self->pending_break == 0 &&
                       next != 0 && g_unichar_isalnum (next);

      if (!glued && self->text->len > 0 && last_char (self) != '\n' && last_char (self) != ' ')
        g_string_append_c (self->text, ' ');
      g_string_append (self->text, self->pending_marker);
      g_clear_pointer (&self->pending_marker, g_free);
      self->need_space = TRUE;
    }

  if (next == 0)
    return;

  if (self->pending_break > 0)
    {
      trim_end (self);
      if (self->text->len > 0)
        g_string_append (self->text, self->pending_break > 1 ? "\n\n" : "\n");
      self->pending_break = 0;
      self->need_space = FALSE;
    }
  else if (self->need_space && self->text->len > 0 && last_char (self) != ' ' &&
           last_char (self) != '\n')
    {
      g_string_append_c (self->text, ' ');
    }
  self->need_space = FALSE;
}

/**
 * cb_text_sink_break:
 * @self: a text
 * @kind: %CB_TEXT_SINK_LINE or %CB_TEXT_SINK_PARAGRAPH
 *
 * Ends the line or the paragraph before the next text; several breaks in a row are
 * the strongest of them.
 */
void
cb_text_sink_break (CbTextSink *self,
                    guint       kind)
{
  flush (self, 0);
  self->pending_break = MAX (self->pending_break, kind);
}

/**
 * cb_text_sink_space:
 * @self: a text
 *
 * Separates the text before from the next as white space does, as between two cells.
 */
void
cb_text_sink_space (CbTextSink *self)
{
  self->need_space = TRUE;
}

/**
 * cb_text_sink_set_preformatted:
 * @self: a text
 * @preformatted: whether line breaks are kept as written
 *
 * Returns: whether the text was preformatted before
 */
gboolean
cb_text_sink_set_preformatted (CbTextSink *self,
                               gboolean    preformatted)
{
  gboolean was = self->preformatted;

  self->preformatted = preformatted;
  return was;
}

/**
 * cb_text_sink_append:
 * @self: a text
 * @text: UTF-8 text as a document holds it
 *
 * Adds text, white space flowed into single spaces; in preformatted text a line break
 * is one and a blank line starts a paragraph.
 */
void
cb_text_sink_append (CbTextSink *self,
                     const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && self->preformatted)
        {
          /* One line break is a line break, a blank line a new paragraph. */
          guint breaks = MIN (self->pending_break + 1, CB_TEXT_SINK_PARAGRAPH);

          cb_text_sink_break (self, breaks);
          continue;
        }
      if (g_unichar_isspace (c))
        {
          self->need_space = TRUE;
          continue;
        }
      flush (self, c);
      g_string_append_unichar (self->text, c);
    }
}

/**
 * cb_text_sink_append_line:
 * @self: a text
 * @text: a caption line, a heading
 *
 * Adds @text as a paragraph of its own.
 */
void
cb_text_sink_append_line (CbTextSink *self,
                          const char *text)
{
  cb_text_sink_break (self, CB_TEXT_SINK_PARAGRAPH);
  cb_text_sink_append (self, text);
  cb_text_sink_break (self, CB_TEXT_SINK_PARAGRAPH);
}

/**
 * cb_text_sink_marker:
 * @self: a text
 * @reporter: which reporter, 1 to 3
 * @page: the page that begins here
 *
 * Adds a star-page marker: "*346" for the first reporter, "**670" for the second.
 */
void
cb_text_sink_marker (CbTextSink *self,
                     guint       reporter,
                     guint       page)
{
  gunichar last = last_char (self);

  g_return_if_fail (reporter >= 1 && reporter <= 3);

  flush (self, 0);
  self->marker_glued = !self->need_space && self->pending_break == 0 && last != 0 &&
                       g_unichar_isalnum (last);
  self->pending_marker = g_strdup_printf ("%.*s%u", (int) reporter, "***", page);
}

/**
 * cb_text_sink_reference:
 * @self: a text
 * @label: the footnote's label ("1", "*")
 *
 * Adds a footnote reference, glued to the text before it.
 */
void
cb_text_sink_reference (CbTextSink *self,
                        const char *label)
{
  flush (self, 0);
  if (self->pending_break > 0)
    flush (self, '[');
  self->need_space = FALSE;
  if (is_numeric (label))
    g_string_append_printf (self->text, "[%s]", label);
  else
    g_string_append (self->text, label);
}

/**
 * cb_text_sink_begin_note:
 * @self: the opinion's text
 * @label: the footnote's label
 *
 * Starts a footnote's body, which goes to the footnotes after the opinion, in the
 * order they were begun.
 *
 * Returns: (transfer none): the footnote's own text, to write its body into
 */
CbTextSink *
cb_text_sink_begin_note (CbTextSink *self,
                         const char *label)
{
  CbTextSink *note = cb_text_sink_new ();

  note->label = g_strdup (label);
  g_ptr_array_add (self->notes, note);
  return note;
}

/**
 * cb_text_sink_end_note:
 * @note: a footnote's text, from cb_text_sink_begin_note()
 *
 * Writes out what the footnote's text still holds back (a marker at its end).
 */
void
cb_text_sink_end_note (CbTextSink *note)
{
  flush (note, 0);
}

/**
 * cb_text_sink_finish:
 * @self: (transfer full): the opinion's text
 *
 * Returns: (transfer full): the canonical text: the opinion, then its footnotes
 */
char *
cb_text_sink_finish (CbTextSink *self)
{
  GString *out;

  flush (self, 0);
  out = g_steal_pointer (&self->text);
  for (guint i = 0; i < self->notes->len; i++)
    {
      CbTextSink *note = g_ptr_array_index (self->notes, i);
      g_autofree char *body = NULL;

      flush (note, 0);
      body = g_strstrip (g_strdup (note->text->str));
      g_string_append (out, i == 0 ? "\n\n\n\n" : "\n\n");
      if (is_numeric (note->label))
        g_string_append_printf (out, "[%s] %s", note->label, body);
      else
        g_string_append_printf (out, "%s %s", note->label, body);
    }
  g_string_append_c (out, '\n');

  self->text = g_string_new (NULL);
  cb_text_sink_free (self);
  return g_string_free (out, FALSE);
}
