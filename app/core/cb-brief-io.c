/* Briefs: reading and writing the .brief file, on the calling thread or a worker. */
#define G_LOG_DOMAIN "cb-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-brief-private.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-page-map-xml.h"
#include "cb-xml-private.h"

#define BRIEF_SCHEMA "/io/github/casebrief/Casebrief/core/data/schema/brief.rng"
#define NS CB_BRIEF_NAMESPACE

static const char * const brief_children[] = {
  "metadata", "assignment", "template", "opinion", "sections", "excerpts", "page-map", NULL
};
static const char * const metadata_children[] = {
  "case-name", "citation", "court", "date-decided", "opinion-author",
  "student", "course", "created", "modified", NULL
};
static const char * const section_children[] = { "title", "prompt", "content", "own-words", NULL };
static const char * const excerpt_children[] = { "quote", "note", NULL };

static void
read_inline (xmlNode    *node,
             CbRunFlags  flags,
             CbBlock    *block)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        cb_block_add_run (block, (const char *) child->content, flags);
      else if (cb_xml_is (child, NS, "i"))
        read_inline (child, flags | CB_RUN_ITALIC, block);
      else if (cb_xml_is (child, NS, "b"))
        read_inline (child, flags | CB_RUN_BOLD, block);
    }
}

static void
store_extensions (CbBrief            *self,
                  const char         *key,
                  xmlNode            *parent,
                  const char * const *known)
{
  GPtrArray *found = cb_xml_collect_extensions (parent, NS, known);

  if (found->len == 0)
    {
      g_ptr_array_unref (found);
      return;
    }
  g_hash_table_replace (self->extensions, g_strdup (key), found);
}

/* Reads the sections; @referenced collects the ids of the excerpts they quote. The
 * excerpts are read first, so that a quotation of one the brief lacks is found here. */
static gboolean
read_sections (CbBrief     *self,
               xmlNode     *sections,
               const char  *name,
               GHashTable  *referenced,
               GError     **error)
{
  for (xmlNode *node = sections ? sections->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *prompt = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      CbSection *section;

      if (!cb_xml_is (node, NS, "section"))
        continue;
      id = cb_xml_dup_attribute (node, "id");
      if (cb_brief_lookup_section (self, id) != NULL)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                       _("%s, line %d: two sections have the id “%s”"),
                       name, (int) xmlGetLineNo (node), id);
          return FALSE;
        }
      title = cb_xml_dup_text (cb_xml_child (node, NS, "title"));
      prompt = cb_xml_dup_text (cb_xml_child (node, NS, "prompt"));
      section = cb_section_new (id, title, prompt, cb_xml_get_bool_attribute (node, "required"),
                                cb_xml_get_uint_attribute (node, "word-limit", G_MAXUINT, 0),
                                cb_xml_child (node, NS, "own-words") != NULL);

      blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
      for (xmlNode *child = cb_xml_child (node, NS, "content")->children; child; child = child->next)
        {
          if (cb_xml_is (child, NS, "p"))
            {
              CbBlock *block = cb_block_new_paragraph ();
              read_inline (child, CB_RUN_PLAIN, block);
              g_ptr_array_add (blocks, block);
            }
          else if (cb_xml_is (child, NS, "excerpt-ref"))
            {
              g_autofree char *ref = cb_xml_dup_attribute (child, "ref");

              /* A quotation of nothing would show nowhere, and the excerpt it was
               * meant to be would lose its place: refused, not dropped. */
              if (cb_brief_lookup_excerpt (self, ref) == NULL)
                {
                  g_set_error (error, CB_ERROR, CB_ERROR_DANGLING_REF,
                               _("%s, line %d: section “%s” refers to excerpt “%s”, which the brief does not have"),
                               name, (int) xmlGetLineNo (child),
                               title[0] != '\0' ? title : id, ref);
                  g_object_unref (section);
                  return FALSE;
                }
              g_ptr_array_add (blocks, cb_block_new_excerpt (ref));
              g_hash_table_add (referenced, g_steal_pointer (&ref));
            }
        }
      cb_section_set_blocks (section, blocks);
      _cb_brief_add_section (self, section);

      key = g_strconcat ("section:", id, NULL);
      store_extensions (self, key, node, section_children);
    }
  return TRUE;
}

static gboolean
read_excerpts (CbBrief     *self,
               xmlNode     *excerpts,
               const char  *name,
               GError     **error)
{
  CbAnchorIndex *index = _cb_brief_get_index (self);

  for (xmlNode *node = excerpts ? excerpts->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *section = NULL;
      g_autofree char *quote = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *note = NULL;
      g_autofree char *key = NULL;
      g_autoptr(CbExcerpt) excerpt = NULL;
      xmlNode *quote_node;
      gsize start, end;
      gsize new_start, new_end;
      CbAnchorStatus status;
      guint serial;

      if (!cb_xml_is (node, NS, "excerpt"))
        continue;
      id = cb_xml_dup_attribute (node, "id");
      section = cb_xml_dup_attribute (node, "section");
      start = cb_xml_get_uint_attribute (node, "start", G_MAXSIZE, G_MAXSIZE);
      end = cb_xml_get_uint_attribute (node, "end", G_MAXSIZE, G_MAXSIZE);
      if (cb_brief_lookup_excerpt (self, id) != NULL)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                       _("%s, line %d: two excerpts have the id “%s”"),
                       name, (int) xmlGetLineNo (node), id);
          return FALSE;
        }
      if (start == G_MAXSIZE || end == G_MAXSIZE)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                       _("%s, line %d: excerpt “%s” has an impossible position"),
                       name, (int) xmlGetLineNo (node), id);
          return FALSE;
        }
      if (end < start)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                       _("%s, line %d: excerpt “%s” ends before it starts"),
                       name, (int) xmlGetLineNo (node), id);
          return FALSE;
        }
      quote_node = cb_xml_child (node, NS, "quote");
      quote = cb_xml_dup_text (quote_node);
      prefix = cb_xml_dup_attribute (quote_node, "prefix");
      suffix = cb_xml_dup_attribute (quote_node, "suffix");
      note = cb_xml_dup_text (cb_xml_child (node, NS, "note"));

      /* The quote is the truth and the offsets a hint: the quote is looked for again,
       * and what was found says how sure that is. */
      status = cb_anchor_index_resolve (index, quote, prefix, suffix, start, end, &new_start, &new_end);
      excerpt = cb_excerpt_new (id, section, new_start, new_end, quote, prefix, suffix);
      cb_excerpt_set_note (excerpt, note);
      cb_excerpt_set_status (excerpt, status);
      _cb_brief_append_excerpt (self, excerpt);

      if (sscanf (id, "x%8x", &serial) == 1)
        self->next_excerpt = MAX (self->next_excerpt, serial);

      key = g_strconcat ("excerpt:", id, NULL);
      store_extensions (self, key, node, excerpt_children);
    }
  return TRUE;
}

/* An excerpt that no section quotes was taken out of its section by hand. The student
 * made it, and the opinion still shows it highlighted: it is put back at the end of the
 * section it belongs to, where the brief, its PDF and check show it, and the next save
 * writes it there. One that belongs to no section the brief has has nowhere to go. */
static gboolean
place_unquoted_excerpts (CbBrief     *self,
                         xmlNode     *excerpts,
                         GHashTable  *referenced,
                         const char  *name,
                         GError     **error)
{
  for (xmlNode *node = excerpts ? excerpts->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      CbExcerpt *excerpt;
      CbSection *section;
      g_autoptr(CbBlock) block = NULL;

      if (!cb_xml_is (node, NS, "excerpt"))
        continue;
      id = cb_xml_dup_attribute (node, "id");
      if (g_hash_table_contains (referenced, id))
        continue;
      excerpt = cb_brief_lookup_excerpt (self, id);
      section = cb_brief_lookup_section (self, cb_excerpt_get_section_id (excerpt));
      if (section == NULL)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_DANGLING_REF,
                       _("%s, line %d: excerpt “%s” belongs to section “%s”, which the brief does not have"),
                       name, (int) xmlGetLineNo (node), id, cb_excerpt_get_section_id (excerpt));
          return FALSE;
        }
      g_debug ("%s: excerpt “%s” was quoted nowhere; it is placed at the end of “%s”",
               name, id, cb_section_get_id (section));
      block = cb_block_new_excerpt (id);
      cb_section_insert_block (section, cb_section_get_n_blocks (section), block);
    }
  return TRUE;
}

static void
write_extensions (CbBrief    *self,
                  GString    *out,
                  guint       indent,
                  const char *key)
{
  cb_xml_write_extensions (out, indent, g_hash_table_lookup (self->extensions, key));
}

static void
write_paragraph (GString       *out,
                 const CbBlock *block)
{
  g_string_append (out, "        <p>");
  for (guint i = 0; i < block->runs->len; i++)
    {
      const CbRun *run = g_ptr_array_index (block->runs, i);

      if (run->flags & CB_RUN_BOLD)
        g_string_append (out, "<b>");
      if (run->flags & CB_RUN_ITALIC)
        g_string_append (out, "<i>");
      cb_xml_escape (out, run->text, FALSE);
      if (run->flags & CB_RUN_ITALIC)
        g_string_append (out, "</i>");
      if (run->flags & CB_RUN_BOLD)
        g_string_append (out, "</b>");
    }
  g_string_append (out, "</p>\n");
}

static void
write_section (CbBrief   *self,
               GString   *out,
               CbSection *section)
{
  g_autofree char *key = g_strconcat ("section:", cb_section_get_id (section), NULL);

  g_string_append (out, "    <section id=\"");
  cb_xml_escape (out, cb_section_get_id (section), TRUE);
  g_string_append_printf (out, "\" required=\"%s\"", cb_section_get_required (section) ? "true" : "false");
  if (cb_section_get_word_limit (section) > 0)
    g_string_append_printf (out, " word-limit=\"%u\"", cb_section_get_word_limit (section));
  g_string_append (out, ">\n");
  cb_xml_write_element (out, 3, "title", cb_section_get_title (section));
  if (cb_section_get_prompt (section)[0] != '\0')
    cb_xml_write_element (out, 3, "prompt", cb_section_get_prompt (section));

  if (cb_section_get_n_blocks (section) == 0)
    g_string_append (out, "      <content/>\n");
  else
    {
      g_string_append (out, "      <content>\n");
      for (guint i = 0; i < cb_section_get_n_blocks (section); i++)
        {
          const CbBlock *block = cb_section_get_block (section, i);

          if (block->kind == CB_BLOCK_PARAGRAPH)
            write_paragraph (out, block);
          else
            {
              g_string_append (out, "        <excerpt-ref ref=\"");
              cb_xml_escape (out, block->excerpt_id, TRUE);
              g_string_append (out, "\"/>\n");
            }
        }
      g_string_append (out, "      </content>\n");
    }
  /* 1.2, after the content, where a reader of 1.1 keeps it. */
  if (cb_section_get_own_words (section))
    g_string_append (out, "      <own-words/>\n");
  write_extensions (self, out, 3, key);
  g_string_append (out, "    </section>\n");
}

/* The oldest format that holds the brief, so that a brief without 1.2's marks is
 * written as before: 1.1 (page maps) unless a section needs the student's own words. */
static int
format_minor (CbBrief *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (cb_section_get_own_words (g_ptr_array_index (self->sections, i)))
      return CB_BRIEF_FORMAT_MINOR;
  return 1;
}

static void
write_excerpt (CbBrief   *self,
               GString   *out,
               CbExcerpt *excerpt)
{
  g_autofree char *key = g_strconcat ("excerpt:", cb_excerpt_get_id (excerpt), NULL);
  CbAnchorStatus status = cb_excerpt_get_status (excerpt);

  g_string_append (out, "    <excerpt id=\"");
  cb_xml_escape (out, cb_excerpt_get_id (excerpt), TRUE);
  g_string_append (out, "\" section=\"");
  cb_xml_escape (out, cb_excerpt_get_section_id (excerpt), TRUE);
  /* A quote found moved is written where it now is: the file opens with it there,
   * as ok, and saves the same again. */
  if (status == CB_ANCHOR_MOVED)
    status = CB_ANCHOR_OK;
  g_string_append_printf (out, "\" start=\"%" G_GSIZE_FORMAT "\" end=\"%" G_GSIZE_FORMAT "\" status=\"%s\">\n",
                          cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt),
                          cb_anchor_status_to_string (status));
  g_string_append (out, "      <quote prefix=\"");
  cb_xml_escape (out, cb_excerpt_get_prefix (excerpt), TRUE);
  g_string_append (out, "\" suffix=\"");
  cb_xml_escape (out, cb_excerpt_get_suffix (excerpt), TRUE);
  g_string_append (out, "\">");
  cb_xml_escape (out, cb_excerpt_get_quote (excerpt), FALSE);
  g_string_append (out, "</quote>\n");
  if (cb_excerpt_get_note (excerpt)[0] != '\0')
    cb_xml_write_element (out, 3, "note", cb_excerpt_get_note (excerpt));
  write_extensions (self, out, 3, key);
  g_string_append (out, "    </excerpt>\n");
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  CbFileStamp *expected;
  CbFileStamp *stamp;
} FileTaskData;

static void
file_task_data_free (FileTaskData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->expected, cb_file_stamp_unref);
  g_clear_pointer (&data->stamp, cb_file_stamp_unref);
  g_free (data);
}

static CbBrief *
load_file (GFile         *file,
           CbFileStamp  **out_stamp,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;

  bytes = cb_file_load (file, CB_BRIEF_MAX_BYTES, out_stamp, cancellable, error);
  if (bytes == NULL)
    return NULL;
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  return cb_brief_load_bytes (bytes, name, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileTaskData *data = task_data;
  GError *error = NULL;
  CbBrief *brief = load_file (data->file, &data->stamp, cancellable, &error);

  if (brief == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, brief, g_object_unref);
}

/* Every brief is saved here: checked against the caps its reader enforces first. */
static gboolean
save_bytes (GBytes             *bytes,
            GFile              *file,
            const CbFileStamp  *expected,
            CbFileSaveFlags     flags,
            CbFileStamp       **out_stamp,
            GCancellable       *cancellable,
            GError            **error)
{
  return cb_xml_check_writable (bytes, CB_BRIEF_MAX_BYTES, file, error)
         && cb_file_save (file, bytes, expected, flags, out_stamp, cancellable, error);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileTaskData *data = task_data;
  GError *error = NULL;

  if (save_bytes (data->bytes, data->file, data->expected, CB_FILE_SAVE_NONE, &data->stamp,
                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cb_brief_load_bytes:
 * @bytes: the contents of a .brief file
 * @name: the file's name, for messages
 * @error: return location for a #CbError
 *
 * Reads a brief. Malformed, invalid, hostile or too new files are refused with an
 * error naming the file and the line. Every excerpt is re-anchored against the
 * embedded opinion; see cb_excerpt_get_status(). Nothing the user wrote is dropped:
 * excerpts that can no longer be found are kept as orphans and saved as they were.
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_brief_load_bytes (GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(CbBrief) self = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *format = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GHashTable) referenced = NULL;
  xmlDoc *doc;
  xmlNode *root, *metadata, *assignment, *template, *opinion;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name ? name : _("The brief");
  if (g_bytes_get_size (bytes) > CB_BRIEF_MAX_BYTES)
    {
      cb_file_set_too_large_error (error, name, CB_BRIEF_MAX_BYTES);
      return NULL;
    }
  doc = cb_xml_read (bytes, name, BRIEF_SCHEMA, "brief", CB_BRIEF_FORMAT_MAJOR, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  self = g_object_new (CB_TYPE_BRIEF, NULL);

  metadata = cb_xml_child (root, NS, "metadata");
  for (guint i = 0; i < N_METADATA_FIELDS; i++)
    self->fields[i] = cb_xml_dup_text (cb_xml_child (metadata, NS, cb_brief_field_names[i]));
  store_extensions (self, "metadata", metadata, metadata_children);

  assignment = cb_xml_child (root, NS, "assignment");
  self->fields[FIELD_INSTRUCTIONS] = cb_xml_dup_text (cb_xml_child (assignment, NS, "instructions"));
  self->fields[FIELD_DUE_DATE] = cb_xml_dup_text (cb_xml_child (assignment, NS, "due-date"));
  self->locked = assignment != NULL && cb_xml_get_bool_attribute (assignment, "locked");

  template = cb_xml_child (root, NS, "template");
  self->template_id = cb_xml_dup_attribute (template, "id");
  self->template_version = cb_xml_get_uint_attribute (template, "template-version", G_MAXUINT, 1);
  self->template_title = cb_xml_dup_text (cb_xml_child (template, NS, "title"));
  self->template_author = cb_xml_dup_text (cb_xml_child (template, NS, "author"));
  self->template_instructions = cb_xml_dup_text (cb_xml_child (template, NS, "instructions"));

  opinion = cb_xml_child (root, NS, "opinion");
  text = cb_xml_dup_text (opinion);
  source = cb_xml_dup_attribute (opinion, "source");
  format = cb_xml_dup_attribute (opinion, "format");
  sha256 = cb_xml_dup_attribute (opinion, "sha256");
  self->opinion = cb_page_map_read_opinion (text, source, format, cb_xml_child (root, NS, "page-map"), name, error);
  if (self->opinion == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  /* A mismatch means the text was edited by hand: it is kept (refusing would lose the
   * student's brief over a change they may have wanted), and re-anchoring below checks
   * every excerpt against the text as it now is. */
  self->checksum_mismatch = g_ascii_strcasecmp (sha256, cb_opinion_get_sha256 (self->opinion)) != 0;
  if (self->checksum_mismatch)
    g_debug ("%s: the opinion text does not match its checksum; excerpts are re-checked", name);

  referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = read_excerpts (self, cb_xml_child (root, NS, "excerpts"), name, error)
       && read_sections (self, cb_xml_child (root, NS, "sections"), name, referenced, error)
       && place_unquoted_excerpts (self, cb_xml_child (root, NS, "excerpts"), referenced, name, error);
  if (ok)
    store_extensions (self, "brief", root, brief_children);
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  /* Re-anchoring is done; the index holds a copy of the opinion's text, and is made
   * again only if the student adds an excerpt. */
  g_clear_pointer (&self->index, cb_anchor_index_free);

  _cb_brief_fill_empty_fields (self);
  return g_steal_pointer (&self);
}

/**
 * cb_brief_load_file:
 * @file: a .brief file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a brief file through cb_file_load() (regular files only, at most
 * %CB_BRIEF_MAX_BYTES); see cb_brief_load_bytes().
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_brief_load_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, cancellable, error);
}

/**
 * cb_brief_load_file_async:
 * @file: a .brief file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the brief is read
 * @user_data: data for @callback
 *
 * Reads a brief file in a worker thread; see cb_brief_load_file().
 */
void
cb_brief_load_file_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileTaskData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (FileTaskData, 1);
  data->file = g_object_ref (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_brief_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) file_task_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * cb_brief_load_file_finish:
 * @result: the result passed to the callback
 * @out_stamp: (out) (optional) (transfer full): the file as it was read; give it to
 *   cb_brief_save_file_async() so that a save never overwrites a change made since
 * @error: return location for an error
 *
 * Finishes cb_brief_load_file_async().
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_brief_load_file_finish (GAsyncResult  *result,
                           CbFileStamp  **out_stamp,
                           GError       **error)
{
  CbBrief *brief;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  brief = g_task_propagate_pointer (G_TASK (result), error);
  if (brief != NULL && out_stamp != NULL)
    {
      FileTaskData *data = g_task_get_task_data (G_TASK (result));

      *out_stamp = g_steal_pointer (&data->stamp);
    }
  return brief;
}

/**
 * cb_brief_to_bytes:
 * @self: a brief
 *
 * Writes the brief as a .brief file. The same brief always gives the same bytes, and
 * the opinion text is written exactly, in one text node.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
cb_brief_to_bytes (CbBrief *self)
{
  GString *out;
  guint n_excerpts;

  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<brief xmlns=\"%s\" version=\"%d.%d\">\n",
                          NS, CB_BRIEF_FORMAT_MAJOR, format_minor (self));

  g_string_append (out, "  <metadata>\n");
  for (guint i = 0; i < N_METADATA_FIELDS; i++)
    cb_xml_write_element (out, 2, cb_brief_field_names[i], self->fields[i]);
  write_extensions (self, out, 2, "metadata");
  g_string_append (out, "  </metadata>\n");

  if (self->locked || self->fields[FIELD_INSTRUCTIONS][0] != '\0' || self->fields[FIELD_DUE_DATE][0] != '\0')
    {
      g_string_append_printf (out, "  <assignment locked=\"%s\">\n", self->locked ? "true" : "false");
      cb_xml_write_element (out, 2, "instructions", self->fields[FIELD_INSTRUCTIONS]);
      cb_xml_write_element (out, 2, "due-date", self->fields[FIELD_DUE_DATE]);
      g_string_append (out, "  </assignment>\n");
    }

  g_string_append (out, "  <template id=\"");
  cb_xml_escape (out, self->template_id, TRUE);
  g_string_append_printf (out, "\" template-version=\"%u\">\n", self->template_version);
  cb_xml_write_element (out, 2, "title", self->template_title);
  if (self->template_author[0] != '\0')
    cb_xml_write_element (out, 2, "author", self->template_author);
  if (self->template_instructions[0] != '\0')
    cb_xml_write_element (out, 2, "instructions", self->template_instructions);
  g_string_append (out, "  </template>\n");

  g_string_append (out, "  <opinion");
  if (cb_opinion_get_source_name (self->opinion) != NULL)
    {
      g_string_append (out, " source=\"");
      cb_xml_escape (out, cb_opinion_get_source_name (self->opinion), TRUE);
      g_string_append_c (out, '"');
    }
  g_string_append_printf (out, " format=\"%s\" sha256=\"%s\">",
                          cb_opinion_get_format (self->opinion) == CB_OPINION_FORMAT_HTML ? "html" : "text",
                          cb_opinion_get_sha256 (self->opinion));
  cb_xml_escape (out, cb_opinion_get_text (self->opinion), FALSE);
  g_string_append (out, "</opinion>\n");

  g_string_append (out, "  <sections>\n");
  for (guint i = 0; i < self->sections->len; i++)
    write_section (self, out, g_ptr_array_index (self->sections, i));
  g_string_append (out, "  </sections>\n");

  n_excerpts = g_list_model_get_n_items (G_LIST_MODEL (self->excerpts));
  if (n_excerpts == 0)
    g_string_append (out, "  <excerpts/>\n");
  else
    {
      g_string_append (out, "  <excerpts>\n");
      for (guint i = 0; i < n_excerpts; i++)
        {
          g_autoptr(CbExcerpt) excerpt = g_list_model_get_item (G_LIST_MODEL (self->excerpts), i);
          write_excerpt (self, out, excerpt);
        }
      g_string_append (out, "  </excerpts>\n");
    }
  if (cb_opinion_get_format (self->opinion) == CB_OPINION_FORMAT_PDF)
    cb_page_map_write_xml (out, 2, self->opinion);
  write_extensions (self, out, 1, "brief");
  g_string_append (out, "</brief>\n");
  return g_string_free_to_bytes (out);
}

/**
 * cb_brief_save_file:
 * @self: a brief
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a %CB_ERROR_SAVE error
 *
 * Saves the brief atomically; see cb_brief_save_file_full().
 *
 * Returns: %TRUE on success
 */
gboolean
cb_brief_save_file (CbBrief       *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return cb_brief_save_file_full (self, file, NULL, CB_FILE_SAVE_NONE, NULL, cancellable, error);
}

/**
 * cb_brief_save_file_full:
 * @self: a brief
 * @file: where to save
 * @expected: (nullable): the stamp of @file when it was last loaded or saved; the save
 *   is refused with %CB_ERROR_CHANGED if the file on disk changed since
 * @flags: how to save (%CB_FILE_SAVE_NO_REPLACE: only if @file does not exist)
 * @out_stamp: (out) (optional) (transfer full): the file as written, for the next save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Saves the brief through cb_file_save(): a failed save leaves the old file as it
 * was. A brief that its reader would refuse (over %CB_BRIEF_MAX_BYTES, or over the
 * caps on elements) is not written: %CB_ERROR_TOO_LARGE.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_brief_save_file_full (CbBrief            *self,
                         GFile              *file,
                         const CbFileStamp  *expected,
                         CbFileSaveFlags     flags,
                         CbFileStamp       **out_stamp,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CB_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cb_brief_to_bytes (self);
  return save_bytes (bytes, file, expected, flags, out_stamp, cancellable, error);
}

/**
 * cb_brief_save_file_async:
 * @self: a brief
 * @file: where to save
 * @expected: (nullable): the stamp of @file when it was last loaded or saved; the save
 *   is refused with %CB_ERROR_CHANGED if the file on disk changed since. %NULL
 *   overwrites whatever is there.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Saves the brief atomically in a worker thread. The brief is serialized at once, so
 * edits made while the file is written go into the next save.
 */
void
cb_brief_save_file_async (CbBrief             *self,
                          GFile               *file,
                          const CbFileStamp   *expected,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FileTaskData *data;

  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (FileTaskData, 1);
  data->file = g_object_ref (file);
  data->bytes = cb_brief_to_bytes (self);
  data->expected = expected ? cb_file_stamp_ref ((CbFileStamp *) expected) : NULL;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_brief_save_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) file_task_data_free);
  g_task_run_in_thread (task, save_file_thread);
}

/**
 * cb_brief_save_file_finish:
 * @self: a brief
 * @result: the result passed to the callback
 * @out_stamp: (out) (optional) (transfer full): the file as written, for the next save
 * @error: return location for a %CB_ERROR_SAVE or %CB_ERROR_CHANGED error
 *
 * Finishes cb_brief_save_file_async().
 *
 * Returns: %TRUE on success
 */
gboolean
cb_brief_save_file_finish (CbBrief       *self,
                           GAsyncResult  *result,
                           CbFileStamp  **out_stamp,
                           GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok && out_stamp != NULL)
    {
      FileTaskData *data = g_task_get_task_data (G_TASK (result));

      *out_stamp = g_steal_pointer (&data->stamp);
    }
  return ok;
}
