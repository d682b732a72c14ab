#define G_LOG_DOMAIN "cb-opinion"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cb-cap-import.h"
#include "cb-citation.h"
#include "cb-citation-private.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-html-import.h"
#include "cb-opinion.h"
#include "cb-pdf-helper.h"
#include "cb-quote-index.h"
#include "cb-text-decode.h"

#include "cb-opinion-private.h"

G_DEFINE_FINAL_TYPE (CbOpinion, cb_opinion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_SOURCE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Whether NFC leaves @text as it is, judged cheaply: every character is below
 * U+0300 (no combining marks, nothing NFC changes) or is one of the punctuation
 * marks U+2010 to U+2027 (dashes, curly quotes, daggers, ellipsis), which have no
 * canonical decomposition and compose with nothing. Opinions are almost always
 * made of these alone; anything else goes through cb_text_normalize_nfc().
 */
static gboolean
is_plainly_nfc (const char *text,
                gsize       length)
{
  const char *end = text + length;

  for (const char *p = cb_text_skip_ascii (text, end); p < end; p = cb_text_skip_ascii (p, end))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x300 && (c < 0x2010 || c > 0x2027))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* "\n" line ends and no trailing white space on any line, nor blank lines at the
 * start, made in place: the text only gets shorter, so what is written never passes
 * what is still to be read. */
static char *
trim_lines_in_place (char *text)
{
  char *out = text;
  const char *p = text;
  gsize skip = 0;

  while (*p)
    {
      /* strcspn() looks at many bytes at a time. */
      const char *eol = p + strcspn (p, "\n\r");
      const char *end = eol;
      char line_break = *eol;

      while (end > p)
        {
          const char *prev = g_utf8_find_prev_char (p, end);
          if (!g_unichar_isspace (g_utf8_get_char (prev)))
            break;
          end = prev;
        }
      /* Until a line has lost something, every line is already where it belongs. */
      if (out != p)
        memmove (out, p, end - p);
      out += end - p;

      if (line_break == '\0')
        break;
      *out++ = '\n';
      p = eol + 1;
      if (line_break == '\r' && *p == '\n')
        p++;
    }
  *out = '\0';

  /* Leading blank lines carry nothing and would shift every offset. */
  while (text[skip] == '\n')
    skip++;
  if (skip > 0)
    memmove (text, text + skip, out - text - skip + 1);

  return text;
}

/* NFC, "\n" line ends, no trailing white space on any line, nothing XML cannot
 * carry; takes @text, which must be valid UTF-8, and returns the normalized text. */
static char *
normalize_text (char *text)
{
  cb_text_drop_unwritable (text);
  if (!is_plainly_nfc (text, strlen (text)))
    {
      char *nfc = cb_text_normalize_nfc (text, -1);

      g_free (text);
      text = nfc;
    }
  return trim_lines_in_place (text);
}

static void
cb_opinion_finalize (GObject *object)
{
  CbOpinion *self = CB_OPINION (object);

  g_free (self->text);
  g_free (self->source_name);
  g_free (self->sha256);
  g_free (self->char_blocks);
  g_free (self->chars);
  g_free (self->hidden);
  g_clear_pointer (&self->hidden_ranges, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->page_map);
  g_clear_pointer (&self->headnotes, g_array_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  g_free (self->case_name);
  g_free (self->citation);
  g_free (self->court);
  g_free (self->date);
  g_free (self->docket);
  g_clear_pointer (&self->index, cb_quote_index_free);
  g_mutex_clear (&self->index_lock);
  g_free (self->cited_as);
  g_clear_pointer (&self->cited, g_ptr_array_unref);
  g_mutex_clear (&self->cite_lock);
  g_mutex_clear (&self->citations_lock);

  G_OBJECT_CLASS (cb_opinion_parent_class)->finalize (object);
}

static void
cb_opinion_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbOpinion *self = CB_OPINION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_opinion_class_init (CbOpinionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_opinion_finalize;
  object_class->get_property = cb_opinion_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_opinion_init (CbOpinion *self)
{
  g_mutex_init (&self->index_lock);
  g_mutex_init (&self->cite_lock);
  g_mutex_init (&self->citations_lock);
}

/* Takes @text, valid UTF-8, and normalizes it where it is. */
static CbOpinion *
new_from_valid_text (char            *text,
                     const char      *source_name,
                     CbOpinionFormat  format)
{
  CbOpinion *self = g_object_new (CB_TYPE_OPINION, NULL);

  self->text = normalize_text (text);
  self->source_name = g_strdup (source_name);
  self->format = format;
  cb_opinion_analyze (self);

  return self;
}

static void
take_metadata (char       **field,
               const char  *printed)
{
  if (printed != NULL)
    {
      g_free (*field);
      *field = g_strdup (printed);
    }
}

/**
 * cb_opinion_new_from_layout:
 * @layout: a PDF's text and what its print says of its pages
 * @source_name: (nullable): the name of the file it came from
 * @error: return location for a %CB_ERROR_INVALID
 *
 * Creates an opinion from what cb_pdf_layout_read() gave, or the same read back
 * from a file: with star paging in the text, the pages come from it as for any
 * text and the PDF's pages are added; otherwise the print's page map is checked
 * against the text and used. The text must be normalized already, since every
 * offset of the map counts its characters.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_opinion_new_from_layout (const CbPdfLayout  *layout,
                            const char         *source_name,
                            GError            **error)
{
  g_autoptr(CbOpinion) self = NULL;
  g_autofree char *normal = NULL;
  gsize length;

  g_return_val_if_fail (layout != NULL && layout->text != NULL && CB_IS_PAGE_MAP (layout->page_map), NULL);

  length = strlen (layout->text);
  if (!cb_text_validate (layout->text, length) || (normal = normalize_text (g_strdup (layout->text))) == NULL ||
      strcmp (normal, layout->text) != 0)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s: the text of the PDF is not normalized"),
                   source_name ? source_name : _("The file"));
      return NULL;
    }
  if (!cb_page_map_check (layout->page_map, g_utf8_strlen (layout->text, length), error))
    {
      g_prefix_error (error, "%s: ", source_name ? source_name : _("The file"));
      return NULL;
    }

  self = g_object_new (CB_TYPE_OPINION, NULL);
  self->text = g_steal_pointer (&normal);
  self->source_name = g_strdup (source_name);
  self->format = CB_OPINION_FORMAT_PDF;
  self->star_paging = layout->star_paging;
  if (layout->star_paging)
    {
      cb_opinion_analyze (self);
      for (guint p = 1; p <= cb_page_map_get_n_pdf_pages (layout->page_map); p++)
        cb_page_map_add_label (self->page_map, cb_page_map_get_label (layout->page_map, p));
      for (gsize i = 0; i < cb_page_map_get_n_pdf_page_starts (layout->page_map); i++)
        {
          gsize offset;
          guint page;

          cb_page_map_get_pdf_page_start (layout->page_map, i, &offset, &page);
          cb_page_map_add_pdf_page (self->page_map, offset, page);
        }
    }
  else
    cb_opinion_analyze_printed (self, g_object_ref (layout->page_map));

  take_metadata (&self->case_name, layout->case_name);
  take_metadata (&self->citation, layout->citation);
  take_metadata (&self->court, layout->court);
  take_metadata (&self->date, layout->date);
  take_metadata (&self->docket, layout->docket);
  return g_steal_pointer (&self);
}

/**
 * cb_opinion_new_from_text:
 * @text: UTF-8 opinion text
 * @source_name: (nullable): the name of the file it came from
 * @format: the format it was imported from
 *
 * Creates an opinion from text that is already UTF-8, normalizing it (NFC, `\n`
 * line ends, no trailing white space) and deriving pages, footnotes and citations.
 *
 * Returns: (transfer full): a new opinion
 */
CbOpinion *
cb_opinion_new_from_text (const char      *text,
                          const char      *source_name,
                          CbOpinionFormat  format)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (cb_text_validate (text, strlen (text)), NULL);

  return new_from_valid_text (g_strdup (text), source_name, format);
}

/* A file with nothing but white space in it is no opinion: refused, not shown blank. */
static CbOpinion *
refuse_empty (CbOpinion   *opinion,
              const char  *source_name,
              GError     **error)
{
  for (const char *p = opinion->text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return opinion;

  g_object_unref (opinion);
  g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("%s: the file is empty; there is no opinion in it"),
               source_name != NULL ? source_name : _("The file"));
  return NULL;
}

/**
 * cb_opinion_import_bytes:
 * @bytes: the file's contents
 * @source_name: (nullable): the file's name, for messages
 * @error: return location for a #CbError
 *
 * Imports an opinion from the raw bytes of a file. The encoding (UTF-8, UTF-16
 * with a byte-order mark, Windows-1252) and the format (PDF, casebody XML, HTML or
 * plain text) are recognized from the content; binary files and files over
 * %CB_OPINION_MAX_BYTES are refused. A PDF is read in a separate process and
 * waited for (see cb_pdf_helper_read()).
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_opinion_import_bytes (GBytes      *bytes,
                         const char  *source_name,
                         GError     **error)
{
  gsize len;
  const char *data;
  g_autofree char *text = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > CB_OPINION_MAX_BYTES)
    {
      cb_file_set_too_large_error (error, source_name ? source_name : _("The file"), CB_OPINION_MAX_BYTES);
      return NULL;
    }

  /* A PDF is read in a process of its own, which poppler may crash or hang. */
  if (data != NULL && cb_pdf_looks_pdf (data, len))
    return cb_pdf_helper_read (bytes, source_name, NULL, error);

  text = cb_text_decode (data ? data : "", len, source_name, error);
  if (text == NULL)
    return NULL;

  /* Before HTML: casebody XML has <p> elements too. */
  if (cb_cap_xml_sniff (text))
    {
      g_autofree char *plain = cb_cap_xml_to_text (text, strlen (text), source_name, error);

      if (plain == NULL)
        return NULL;
      return refuse_empty (cb_opinion_new_from_text (plain, source_name, CB_OPINION_FORMAT_XML), source_name, error);
    }

  if (cb_text_looks_html (text, source_name))
    {
      g_autofree char *plain = cb_html_to_text (text, strlen (text), source_name, error);

      if (plain == NULL)
        return NULL;
      return refuse_empty (cb_opinion_new_from_text (plain, source_name, CB_OPINION_FORMAT_HTML), source_name, error);
    }

  /* cb_text_decode() gives valid UTF-8, which is normalized in place, not copied. */
  return refuse_empty (new_from_valid_text (g_steal_pointer (&text), source_name, CB_OPINION_FORMAT_TEXT),
                       source_name, error);
}

/**
 * cb_opinion_import_file:
 * @file: an opinion file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads and imports @file synchronously, through cb_file_load(): regular files only,
 * and one larger than %CB_OPINION_MAX_BYTES is refused before it is read.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_opinion_import_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = cb_file_load (file, CB_OPINION_MAX_BYTES, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  return cb_opinion_import_bytes (bytes, name, error);
}

/* What the worker thread gives back: the opinion, or a PDF for its reading process. */
typedef struct
{
  GFile *file;
  CbPdfProgress progress;
  gpointer progress_data;
  GDestroyNotify progress_notify;
  GBytes *pdf;
  char *name;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->file);
  if (import->progress_notify != NULL)
    import->progress_notify (import->progress_data);
  g_clear_pointer (&import->pdf, g_bytes_unref);
  g_free (import->name);
  g_free (import);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Import *import = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = cb_file_load (import->file, CB_OPINION_MAX_BYTES, NULL, cancellable, &error);
  g_autofree char *basename = NULL;
  gsize length;
  const char *data;
  CbOpinion *opinion;

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  basename = g_file_get_basename (import->file);
  import->name = g_filename_display_name (basename);
  data = g_bytes_get_data (bytes, &length);
  /* A PDF goes back to the caller's thread, whence its reading process is run. */
  if (data != NULL && cb_pdf_looks_pdf (data, length))
    {
      import->pdf = g_steal_pointer (&bytes);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  opinion = cb_opinion_import_bytes (bytes, import->name, &error);
  if (opinion == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, opinion, g_object_unref);
}

static void
pdf_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  CbOpinion *opinion = cb_pdf_helper_read_finish (result, &error);

  if (opinion == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, opinion, g_object_unref);
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Import *import = g_task_get_task_data (task);
  GError *error = NULL;
  CbOpinion *opinion = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (opinion != NULL)
    g_task_return_pointer (task, opinion, g_object_unref);
  else
    {
      CbPdfProgress progress = import->progress;
      gpointer progress_data = import->progress_data;
      GDestroyNotify progress_notify = import->progress_notify;
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* The reading process owns the progress callback from here. */
      import->progress_notify = NULL;
      cb_pdf_helper_read_async (import->pdf, import->name, cancellable, progress, progress_data,
                                progress_notify, pdf_read_cb, g_steal_pointer (&task));
    }
}

/**
 * cb_opinion_import_file_with_progress_async:
 * @file: an opinion file
 * @cancellable: (nullable): a #GCancellable; cancelling it ends a PDF's reading process
 * @progress: (nullable): told after each page of a PDF, in this thread
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data when the import is done
 * @callback: called when the import is done
 * @user_data: data for @callback
 *
 * Reads and imports @file without blocking the caller: the file is read and a text
 * or HTML opinion imported in a worker thread; a PDF is read in a separate process
 * (cb_pdf_helper_read_async()) that tells its progress page by page.
 */
void
cb_opinion_import_file_with_progress_async (GFile               *file,
                                            GCancellable        *cancellable,
                                            CbPdfProgress        progress,
                                            gpointer             progress_data,
                                            GDestroyNotify       progress_notify,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) read = NULL;
  Import *import;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_opinion_import_file_async);
  g_task_set_check_cancellable (task, FALSE);
  import = g_new0 (Import, 1);
  import->file = g_object_ref (file);
  import->progress = progress;
  import->progress_data = progress_data;
  import->progress_notify = progress_notify;
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);

  read = g_task_new (NULL, cancellable, file_read_cb, task);
  g_task_set_task_data (read, import, NULL);
  g_task_run_in_thread (read, import_file_thread);
}

/**
 * cb_opinion_import_file_async:
 * @file: an opinion file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the import is done
 * @user_data: data for @callback
 *
 * Reads and imports @file without blocking the caller, as
 * cb_opinion_import_file_with_progress_async() does without telling progress.
 */
void
cb_opinion_import_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));

  cb_opinion_import_file_with_progress_async (file, cancellable, NULL, NULL, NULL, callback, user_data);
}

/**
 * cb_opinion_import_file_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes cb_opinion_import_file_async().
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_opinion_import_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cb_opinion_get_text:
 * @self: an opinion
 *
 * Returns: the normalized text; all offsets count its characters
 */
const char *
cb_opinion_get_text (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->text;
}

/**
 * cb_opinion_get_length:
 * @self: an opinion
 *
 * Returns: the length of the text in characters, as GtkTextBuffer counts them
 */
gsize
cb_opinion_get_length (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return self->length;
}

/**
 * cb_opinion_get_source_name:
 * @self: an opinion
 *
 * Returns: (nullable): the name of the file the opinion came from
 */
const char *
cb_opinion_get_source_name (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->source_name;
}

/**
 * cb_opinion_get_format:
 * @self: an opinion
 *
 * Returns: the format the opinion was imported from
 */
CbOpinionFormat
cb_opinion_get_format (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), CB_OPINION_FORMAT_TEXT);
  return self->format;
}

/**
 * cb_opinion_get_star_paging:
 * @self: an opinion
 *
 * Returns: whether the opinion's pages come from star paging in its text (always,
 *   but for a PDF whose print gives its pages)
 */
gboolean
cb_opinion_get_star_paging (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), TRUE);
  return self->format != CB_OPINION_FORMAT_PDF || self->star_paging;
}

/* Widens a run of ASCII; a plain loop the compiler turns into vector code. */
static void
widen_ascii (gunichar    *chars,
             const char  *bytes,
             gsize        length)
{
  for (gsize i = 0; i < length; i++)
    chars[i] = (guchar) bytes[i];
}

/* The text as @n_chars characters. Most of an opinion is ASCII, which is widened run
 * by run; g_utf8_to_ucs4_fast() decodes every byte the long way. */
static gunichar *
to_ucs4 (const char *text,
         gsize       n_chars)
{
  const char *end = text + strlen (text);
  gunichar *chars = g_new (gunichar, n_chars + 1);
  const char *p = text;
  gsize n = 0;

  while (p < end)
    {
      const char *run_end = cb_text_skip_ascii (p, end);

      widen_ascii (chars + n, p, run_end - p);
      n += run_end - p;
      p = run_end;
      if (p < end)
        {
          chars[n++] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }
  g_assert (n == n_chars);
  chars[n] = 0;
  return chars;
}

/**
 * cb_opinion_get_chars:
 * @self: an opinion
 *
 * The text as characters, for quoting and quote search, which index it by character
 * offset. Importing does not need it and so does not pay for it (four bytes a
 * character); the first caller makes it, once even across threads.
 *
 * Returns: (transfer none): cb_opinion_get_length() characters and a 0
 */
const gunichar *
cb_opinion_get_chars (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  if (g_once_init_enter (&self->chars))
    g_once_init_leave (&self->chars, to_ucs4 (self->text, self->length));
  return self->chars;
}

/**
 * cb_opinion_char_at:
 * @self: an analyzed opinion
 * @offset: an offset in characters, at most cb_opinion_get_length()
 *
 * Finds a character in the UTF-8 text by its offset: the table of characters before
 * each block of bytes narrows it to one block, which is counted.
 *
 * Returns: (transfer none): where the character starts, or the text's end
 */
const char *
cb_opinion_char_at (CbOpinion *self,
                    gsize      offset)
{
  gsize n_blocks = self->n_bytes / CHAR_BLOCK + 2;
  gsize low = 0, high = n_blocks - 1;
  const char *p, *end = self->text + self->n_bytes;
  gsize n;

  /* The last block that starts at or before the character. */
  while (low < high)
    {
      gsize middle = (low + high + 1) / 2;

      if (self->char_blocks[middle] <= offset)
        low = middle;
      else
        high = middle - 1;
    }
  p = self->text + MIN (low * CHAR_BLOCK, self->n_bytes);
  /* A character begun in the block before is counted there. */
  while (p < end && ((guchar) *p & 0xc0) == 0x80)
    p++;
  for (n = self->char_blocks[low]; n < offset && p < end; n++)
    p = g_utf8_next_char (p);
  return p;
}

/**
 * cb_opinion_get_hidden:
 * @self: an opinion
 *
 * One flag per character, non-zero where the character is part of a star-page,
 * footnote or headnote marker, for quoting and quote search. Importing only records
 * the markers' ranges; the first caller lays them out, once even across threads.
 *
 * Returns: (transfer none): cb_opinion_get_length() flags and a 0
 */
const guint8 *
cb_opinion_get_hidden (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  if (g_once_init_enter (&self->hidden))
    g_once_init_leave (&self->hidden, cb_opinion_lay_out_hidden (self));
  return self->hidden;
}

/**
 * cb_opinion_get_sha256:
 * @self: an opinion
 *
 * Returns: the SHA-256 of the normalized text, in hex
 */
const char *
cb_opinion_get_sha256 (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  /* Only saving and checking a brief need it: importing does not pay for it. The
   * opinion may be shared with a worker thread, hence the once-guard. */
  if (g_once_init_enter (&self->sha256))
    g_once_init_leave (&self->sha256,
                       g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->text, -1));
  return self->sha256;
}

/**
 * cb_opinion_get_page_map:
 * @self: an opinion
 *
 * Returns: (transfer none): where its pages, footnotes and parts lie in its text
 */
CbPageMap *
cb_opinion_get_page_map (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->page_map;
}

/**
 * cb_opinion_get_n_reporters:
 * @self: an opinion
 *
 * Returns: how many reporters the star paging names (0 to 3)
 */
guint
cb_opinion_get_n_reporters (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return cb_page_map_get_n_reporters (self->page_map);
}

/**
 * cb_opinion_get_page_marks:
 * @self: an opinion
 * @n_marks: (out): the number of marks
 *
 * Returns: (transfer none) (array length=n_marks): the star-page markers in text order
 */
const CbPageMark *
cb_opinion_get_page_marks (CbOpinion *self,
                           gsize     *n_marks)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_marks != NULL, NULL);

  *n_marks = self->marks->len;
  return (const CbPageMark *) self->marks->data;
}

/**
 * cb_opinion_get_first_page:
 * @self: an opinion
 * @reporter: 0, 1 or 2
 *
 * Returns: the page the text starts on in @reporter (with star paging, its first
 *   marker's page minus one), or 0 when the reporter has no pages
 */
guint
cb_opinion_get_first_page (CbOpinion *self,
                           guint      reporter)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return cb_page_map_get_first_page (self->page_map, reporter);
}

/**
 * cb_opinion_page_at:
 * @self: an opinion
 * @reporter: 0 for `*N` pages, 1 for `**N`, 2 for `***N`
 * @offset: offset in characters
 *
 * The reporter page that holds @offset. Text in a footnote is on the page of its
 * reference, moved on by star markers inside the footnote itself.
 *
 * Returns: the page, or 0 when @reporter has no pages
 */
guint
cb_opinion_page_at (CbOpinion *self,
                    guint      reporter,
                    gsize      offset)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return cb_page_map_page_at (self->page_map, reporter, offset);
}

/**
 * cb_opinion_get_footnotes:
 * @self: an opinion
 * @n_footnotes: (out): the number of footnotes
 *
 * Returns: (transfer none) (array length=n_footnotes): the footnotes in order
 */
const CbFootnote *
cb_opinion_get_footnotes (CbOpinion *self,
                          gsize     *n_footnotes)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return cb_page_map_get_footnotes (self->page_map, n_footnotes);
}

/**
 * cb_opinion_footnote_at:
 * @self: an opinion
 * @offset: offset in characters
 *
 * Returns: (nullable) (transfer none): the footnote whose body holds @offset
 */
const CbFootnote *
cb_opinion_footnote_at (CbOpinion *self,
                        gsize      offset)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return cb_page_map_footnote_at (self->page_map, offset);
}

/**
 * cb_opinion_get_footnote_block:
 * @self: an opinion
 *
 * Returns: the offset where the footnotes after the opinion start, or the
 *   text's length when there are none
 */
gsize
cb_opinion_get_footnote_block (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), 0);
  return self->footnote_block;
}

/**
 * cb_opinion_get_headnotes:
 * @self: an opinion
 * @n_headnotes: (out): the number of headnote markers
 *
 * Returns: (transfer none) (array length=n_headnotes): the headnote markers in order
 */
const CbHeadnote *
cb_opinion_get_headnotes (CbOpinion *self,
                          gsize     *n_headnotes)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_headnotes != NULL, NULL);

  *n_headnotes = self->headnotes->len;
  return (const CbHeadnote *) self->headnotes->data;
}

/**
 * cb_opinion_get_paragraphs:
 * @self: an opinion
 * @n_paragraphs: (out): the number of numbered paragraphs
 *
 * Gets the numbers of an opinion that numbers its paragraphs, as a public-domain
 * citation's opinion does ("{¶ 12}"); none for one that does not.
 *
 * Returns: (transfer none) (array length=n_paragraphs): the paragraph numbers in order
 */
const CbParagraph *
cb_opinion_get_paragraphs (CbOpinion *self,
                           gsize     *n_paragraphs)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (n_paragraphs != NULL, NULL);

  *n_paragraphs = self->paragraphs->len;
  return (const CbParagraph *) self->paragraphs->data;
}

/**
 * cb_opinion_paragraph_at:
 * @self: an opinion
 * @offset: offset in characters
 *
 * Gets the numbered paragraph that holds @offset: the last paragraph number at or
 * before it. A footnote's text is in the paragraph of its reference.
 *
 * Returns: the paragraph's number, or 0 when the opinion does not number its
 *   paragraphs or @offset is before the first
 */
guint
cb_opinion_paragraph_at (CbOpinion *self,
                         gsize      offset)
{
  const CbFootnote *note;
  guint lo = 0, hi;

  g_return_val_if_fail (CB_IS_OPINION (self), 0);

  note = cb_page_map_footnote_at (self->page_map, offset);
  if (note == NULL && self->notes_at_end && offset >= self->footnote_block)
    {
      /* In the footnotes after the opinion, text outside a footnote's body is the
       * footnote's it follows, or the first one's, as its pages are. */
      gsize n_notes;
      const CbFootnote *notes = cb_page_map_get_footnotes (self->page_map, &n_notes);

      for (gsize i = 0; i < n_notes && (note == NULL || notes[i].body_start <= offset); i++)
        if (notes[i].body_start >= self->footnote_block)
          note = &notes[i];
      if (note == NULL)
        return 0;
    }
  if (note != NULL)
    offset = note->marker_offset;

  /* The first paragraph that starts after @offset; the one before it holds @offset. */
  hi = self->paragraphs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->paragraphs, CbParagraph, mid).offset <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? g_array_index (self->paragraphs, CbParagraph, lo - 1).number : 0;
}

/**
 * cb_opinion_get_citations:
 * @self: an opinion
 *
 * Returns: (transfer none) (element-type CbCitation): the citations found in the text
 */
GPtrArray *
cb_opinion_get_citations (CbOpinion *self)
{
  GPtrArray *citations;

  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  /* Found on first need: most readers of an opinion never ask. The text was checked
   * when it was decoded or made. */
  g_mutex_lock (&self->citations_lock);
  if (self->citations == NULL)
    self->citations = cb_citation_scan_valid (self->text, self->n_bytes);
  citations = self->citations;
  g_mutex_unlock (&self->citations_lock);
  return citations;
}

/**
 * cb_opinion_get_case_name:
 * @self: an opinion
 *
 * Returns: (nullable): the case name from the caption ("Davidson v. Cannon")
 */
const char *
cb_opinion_get_case_name (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->case_name;
}

/**
 * cb_opinion_get_citation:
 * @self: an opinion
 *
 * Returns: (nullable): the citation line of the caption ("474 U.S. 344, 106 S. Ct. 668")
 */
const char *
cb_opinion_get_citation (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->citation;
}

/**
 * cb_opinion_get_court:
 * @self: an opinion
 *
 * Returns: (nullable): the court named in the caption
 */
const char *
cb_opinion_get_court (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->court;
}

/**
 * cb_opinion_get_date:
 * @self: an opinion
 *
 * Returns: (nullable): the date of decision in the caption ("January 21, 1986")
 */
const char *
cb_opinion_get_date (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->date;
}

/**
 * cb_opinion_get_docket:
 * @self: an opinion
 *
 * Returns: (nullable): the docket number in the caption ("No. 84-6470")
 */
const char *
cb_opinion_get_docket (CbOpinion *self)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  return self->docket;
}
