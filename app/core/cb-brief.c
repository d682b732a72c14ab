#define G_LOG_DOMAIN "cb-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-anchor.h"
#include "cb-brief.h"
#include "cb-error.h"
#include "cb-xml-private.h"

#define BRIEF_SCHEMA "/io/github/casebrief/Casebrief/core/data/schema/brief.rng"
#define NS CB_BRIEF_NAMESPACE

/* The brief's free-text fields, in the order the file writes them. */
typedef enum
{
  FIELD_CASE_NAME,
  FIELD_CITATION,
  FIELD_COURT,
  FIELD_DATE_DECIDED,
  FIELD_OPINION_AUTHOR,
  FIELD_STUDENT,
  FIELD_COURSE,
  FIELD_CREATED,
  FIELD_MODIFIED,
  N_METADATA_FIELDS,
  FIELD_INSTRUCTIONS = N_METADATA_FIELDS,
  FIELD_DUE_DATE,
  N_FIELDS
} Field;

/* Element names in the file, which are also the property names. */
static const char * const field_names[N_FIELDS] = {
  "case-name", "citation", "court", "date-decided", "opinion-author",
  "student", "course", "created", "modified", "instructions", "due-date",
};

struct _CbBrief
{
  GObject parent_instance;

  CbOpinion *opinion;
  CbAnchorIndex *index;
  gboolean checksum_mismatch;

  char *fields[N_FIELDS];
  gboolean locked;

  char *template_id;
  guint template_version;
  char *template_title;
  char *template_author;
  char *template_instructions;

  GPtrArray *sections;
  GListStore *excerpts;
  GHashTable *excerpts_by_id;   /* id → CbExcerpt, the same excerpts, unowned */
  guint next_excerpt;

  /* Unknown elements from a newer minor format, by where they were: "brief",
   * "metadata", "section:ID" or "excerpt:ID". Written back unchanged. */
  GHashTable *extensions;

  /* How pin cites are written; the reader's setting, not part of the file. */
  CbCiteStyle cite_style;
};

G_DEFINE_FINAL_TYPE (CbBrief, cb_brief, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_FIELD_FIRST + Field for each field */
  PROP_FIELD_FIRST,
  PROP_LOCKED = PROP_FIELD_FIRST + N_FIELDS,
  PROP_OPINION,
  PROP_CITE_STYLE,
  N_PROPS
};

enum {
  CHANGED,
  EXCERPT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const brief_children[] = {
  "metadata", "assignment", "template", "opinion", "sections", "excerpts", NULL
};
static const char * const metadata_children[] = {
  "case-name", "citation", "court", "date-decided", "opinion-author",
  "student", "course", "created", "modified", NULL
};
static const char * const section_children[] = { "title", "prompt", "content", NULL };
static const char * const excerpt_children[] = { "quote", "note", NULL };

static void
emit_changed (CbBrief *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
section_changed_cb (CbBrief   *self,
                    CbSection *section)
{
  emit_changed (self);
}

static void
excerpt_notify_cb (CbBrief    *self,
                   GParamSpec *pspec,
                   CbExcerpt  *excerpt)
{
  g_signal_emit (self, signals[EXCERPT_CHANGED], 0, excerpt, pspec);
  emit_changed (self);
}

static void
excerpts_changed_cb (CbBrief    *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  emit_changed (self);
}

static const char *
get_field (CbBrief *self,
           Field    field)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->fields[field];
}

static void
set_field (CbBrief    *self,
           Field       field,
           const char *value)
{
  g_return_if_fail (CB_IS_BRIEF (self));

  value = value ? value : "";
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;
  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FIRST + field]);
  emit_changed (self);
}

static CbAnchorIndex *
get_index (CbBrief *self)
{
  if (self->index == NULL)
    self->index = cb_anchor_index_new (cb_opinion_get_text (self->opinion));
  return self->index;
}

static void
add_section (CbBrief   *self,
             CbSection *section)
{
  g_signal_connect_object (section, "changed", G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->sections, section);
}

static void
append_excerpt (CbBrief   *self,
                CbExcerpt *excerpt)
{
  g_signal_connect_object (excerpt, "notify", G_CALLBACK (excerpt_notify_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->excerpts_by_id, (gpointer) cb_excerpt_get_id (excerpt), excerpt);
  g_list_store_append (self->excerpts, excerpt);
}

/* Fills the metadata card from what the opinion says about itself (caption, citation,
 * court, date, author of the opinion); this is the one place that does it. */
static void
prefill_metadata (CbBrief *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  self->fields[FIELD_CREATED] = g_strdup (stamp);
  self->fields[FIELD_MODIFIED] = g_strdup (stamp);

  /* What the opinion's caption says, never invented when it says nothing. */
  self->fields[FIELD_CASE_NAME] = g_strdup (cb_opinion_get_case_name (self->opinion));
  self->fields[FIELD_CITATION] = g_strdup (cb_opinion_get_citation (self->opinion));
  self->fields[FIELD_COURT] = g_strdup (cb_opinion_get_court (self->opinion));
  self->fields[FIELD_DATE_DECIDED] = g_strdup (cb_opinion_get_date (self->opinion));
}

static char *
new_excerpt_id (CbBrief *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("x%08x", ++self->next_excerpt);

      if (cb_brief_lookup_excerpt (self, id) == NULL)
        return id;
      g_free (id);
    }
}

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

static gboolean
read_sections (CbBrief     *self,
               xmlNode     *sections,
               const char  *name,
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
                                cb_xml_get_uint_attribute (node, "word-limit", G_MAXUINT, 0));

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
              g_ptr_array_add (blocks, cb_block_new_excerpt (ref));
            }
        }
      cb_section_set_blocks (section, blocks);
      add_section (self, section);

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
  CbAnchorIndex *index = get_index (self);

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
      append_excerpt (self, excerpt);

      if (sscanf (id, "x%8x", &serial) == 1)
        self->next_excerpt = MAX (self->next_excerpt, serial);

      key = g_strconcat ("excerpt:", id, NULL);
      store_extensions (self, key, node, excerpt_children);
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
  write_extensions (self, out, 3, key);
  g_string_append (out, "    </section>\n");
}

static void
write_excerpt (CbBrief   *self,
               GString   *out,
               CbExcerpt *excerpt)
{
  g_autofree char *key = g_strconcat ("excerpt:", cb_excerpt_get_id (excerpt), NULL);

  g_string_append (out, "    <excerpt id=\"");
  cb_xml_escape (out, cb_excerpt_get_id (excerpt), TRUE);
  g_string_append (out, "\" section=\"");
  cb_xml_escape (out, cb_excerpt_get_section_id (excerpt), TRUE);
  g_string_append_printf (out, "\" start=\"%" G_GSIZE_FORMAT "\" end=\"%" G_GSIZE_FORMAT "\" status=\"%s\">\n",
                          cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt),
                          cb_anchor_status_to_string (cb_excerpt_get_status (excerpt)));
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

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  CbBrief *brief = cb_brief_load_file (task_data, cancellable, &error);

  if (brief == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, brief, g_object_unref);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (cb_xml_save (bytes, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
cb_brief_finalize (GObject *object)
{
  CbBrief *self = CB_BRIEF (object);

  g_clear_object (&self->opinion);
  g_clear_pointer (&self->index, cb_anchor_index_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_free (self->template_id);
  g_free (self->template_title);
  g_free (self->template_author);
  g_free (self->template_instructions);
  g_ptr_array_unref (self->sections);
  g_object_unref (self->excerpts);
  g_hash_table_unref (self->excerpts_by_id);
  g_hash_table_unref (self->extensions);

  G_OBJECT_CLASS (cb_brief_parent_class)->finalize (object);
}

static void
cb_brief_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CbBrief *self = CB_BRIEF (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIELD_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_OPINION:
      g_value_set_object (value, self->opinion);
      break;
    case PROP_CITE_STYLE:
      g_value_set_uint (value, self->cite_style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_brief_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CbBrief *self = CB_BRIEF (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + N_FIELDS)
    {
      set_field (self, prop_id - PROP_FIELD_FIRST, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_LOCKED:
      cb_brief_set_locked (self, g_value_get_boolean (value));
      break;
    case PROP_CITE_STYLE:
      cb_brief_set_cite_style (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_brief_class_init (CbBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cb_brief_finalize;
  object_class->get_property = cb_brief_get_property;
  object_class->set_property = cb_brief_set_property;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      /* "instructions" alone would be ambiguous beside the template's. */
      const char *name = i == FIELD_INSTRUCTIONS ? "assignment-instructions" : field_names[i];
      properties[PROP_FIELD_FIRST + i] = g_param_spec_string (name, NULL, NULL, NULL, rw);
    }
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, rw);
  properties[PROP_OPINION] = g_param_spec_object ("opinion", NULL, NULL, CB_TYPE_OPINION,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITE_STYLE] = g_param_spec_uint ("cite-style", NULL, NULL,
                                                   CB_CITE_STYLE_BLUEBOOK, CB_CITE_STYLE_SUPREME_COURT,
                                                   CB_CITE_STYLE_BLUEBOOK, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbBrief::changed:
   *
   * Emitted after any edit: metadata, assignment, section content or excerpts. The
   * window follows it for the modified flag and autosave.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CbBrief::excerpt-changed:
   * @brief: the brief
   * @excerpt: one of its excerpts
   * @pspec: the property of @excerpt that changed
   *
   * Emitted when a property of one of the brief's excerpts changes: re-anchored,
   * moved, given a note. Views follow every excerpt through this one signal rather
   * than each excerpt's own, which for thousands of excerpts would be thousands of
   * handlers.
   */
  signals[EXCERPT_CHANGED] = g_signal_new ("excerpt-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                           CB_TYPE_EXCERPT, G_TYPE_PARAM);
}

static void
cb_brief_init (CbBrief *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = NULL;
  self->template_version = 1;
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->excerpts = g_list_store_new (CB_TYPE_EXCERPT);
  self->excerpts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->extensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->excerpts, "items-changed",
                           G_CALLBACK (excerpts_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_empty_fields (CbBrief *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i] == NULL)
      self->fields[i] = g_strdup ("");
}

/**
 * cb_brief_new:
 * @template: the template to follow; its sections are copied in
 * @opinion: the opinion being briefed
 *
 * Creates a brief with one empty section per template section. The brief keeps its
 * own copy of the template, so the file stands alone; the creation time is now.
 *
 * Returns: (transfer full): a new brief
 */
CbBrief *
cb_brief_new (CbTemplate *template,
              CbOpinion  *opinion)
{
  CbBrief *self;

  g_return_val_if_fail (CB_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (CB_IS_OPINION (opinion), NULL);

  self = g_object_new (CB_TYPE_BRIEF, NULL);
  self->opinion = g_object_ref (opinion);
  self->template_id = g_strdup (cb_template_get_id (template));
  self->template_version = cb_template_get_version (template);
  self->template_title = g_strdup (cb_template_get_title (template));
  self->template_author = g_strdup (cb_template_get_author (template));
  self->template_instructions = g_strdup (cb_template_get_instructions (template));
  for (guint i = 0; i < cb_template_get_n_sections (template); i++)
    {
      const CbTemplateSection *ts = cb_template_get_section (template, i);
      add_section (self, cb_section_new (ts->id, ts->title, ts->prompt, ts->required, ts->word_limit));
    }
  prefill_metadata (self);
  fill_empty_fields (self);
  return self;
}

/**
 * cb_brief_get_opinion:
 * @self: a brief
 *
 * Gets the opinion the brief is about, as embedded in the file.
 *
 * Returns: (transfer none): the opinion
 */
CbOpinion *
cb_brief_get_opinion (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->opinion;
}

/**
 * cb_brief_get_case_name:
 * @self: a brief
 *
 * Gets the case name ("Davidson v. Cannon").
 *
 * Returns: the case name, possibly empty
 */
const char *
cb_brief_get_case_name (CbBrief *self)
{
  return get_field (self, FIELD_CASE_NAME);
}

/**
 * cb_brief_set_case_name:
 * @self: a brief
 * @value: (nullable): the case name
 *
 * Sets the case name.
 */
void
cb_brief_set_case_name (CbBrief    *self,
                        const char *value)
{
  set_field (self, FIELD_CASE_NAME, value);
}

/**
 * cb_brief_get_citation:
 * @self: a brief
 *
 * Gets the citation the brief cites the opinion by ("474 U.S. 344 (1986)").
 *
 * Returns: the citation, possibly empty
 */
const char *
cb_brief_get_citation (CbBrief *self)
{
  return get_field (self, FIELD_CITATION);
}

/**
 * cb_brief_set_citation:
 * @self: a brief
 * @value: (nullable): the citation
 *
 * Sets the citation; its reporter decides which pages pin cites name.
 */
void
cb_brief_set_citation (CbBrief    *self,
                       const char *value)
{
  set_field (self, FIELD_CITATION, value);
}

/**
 * cb_brief_get_court:
 * @self: a brief
 *
 * Gets the court that decided the case.
 *
 * Returns: the court, possibly empty
 */
const char *
cb_brief_get_court (CbBrief *self)
{
  return get_field (self, FIELD_COURT);
}

/**
 * cb_brief_set_court:
 * @self: a brief
 * @value: (nullable): the court
 *
 * Sets the court that decided the case.
 */
void
cb_brief_set_court (CbBrief    *self,
                    const char *value)
{
  set_field (self, FIELD_COURT, value);
}

/**
 * cb_brief_get_date_decided:
 * @self: a brief
 *
 * Gets the date of decision, ISO 8601 ("1986-01-21").
 *
 * Returns: the date, possibly empty
 */
const char *
cb_brief_get_date_decided (CbBrief *self)
{
  return get_field (self, FIELD_DATE_DECIDED);
}

/**
 * cb_brief_set_date_decided:
 * @self: a brief
 * @value: (nullable): the date, ISO 8601
 *
 * Sets the date of decision.
 */
void
cb_brief_set_date_decided (CbBrief    *self,
                           const char *value)
{
  set_field (self, FIELD_DATE_DECIDED, value);
}

/**
 * cb_brief_get_opinion_author:
 * @self: a brief
 *
 * Gets who wrote the opinion of the court ("Rehnquist, J.").
 *
 * Returns: the author, possibly empty
 */
const char *
cb_brief_get_opinion_author (CbBrief *self)
{
  return get_field (self, FIELD_OPINION_AUTHOR);
}

/**
 * cb_brief_set_opinion_author:
 * @self: a brief
 * @value: (nullable): the author
 *
 * Sets who wrote the opinion of the court.
 */
void
cb_brief_set_opinion_author (CbBrief    *self,
                             const char *value)
{
  set_field (self, FIELD_OPINION_AUTHOR, value);
}

/**
 * cb_brief_get_student:
 * @self: a brief
 *
 * Gets the name of the student who wrote the brief.
 *
 * Returns: the student, possibly empty
 */
const char *
cb_brief_get_student (CbBrief *self)
{
  return get_field (self, FIELD_STUDENT);
}

/**
 * cb_brief_set_student:
 * @self: a brief
 * @value: (nullable): the student's name
 *
 * Sets the name of the student who wrote the brief.
 */
void
cb_brief_set_student (CbBrief    *self,
                      const char *value)
{
  set_field (self, FIELD_STUDENT, value);
}

/**
 * cb_brief_get_course:
 * @self: a brief
 *
 * Gets the course the brief is for ("Torts I").
 *
 * Returns: the course, possibly empty
 */
const char *
cb_brief_get_course (CbBrief *self)
{
  return get_field (self, FIELD_COURSE);
}

/**
 * cb_brief_set_course:
 * @self: a brief
 * @value: (nullable): the course
 *
 * Sets the course the brief is for.
 */
void
cb_brief_set_course (CbBrief    *self,
                     const char *value)
{
  set_field (self, FIELD_COURSE, value);
}

/**
 * cb_brief_get_created:
 * @self: a brief
 *
 * Gets when the brief was created, ISO 8601 in UTC.
 *
 * Returns: the time, possibly empty
 */
const char *
cb_brief_get_created (CbBrief *self)
{
  return get_field (self, FIELD_CREATED);
}

/**
 * cb_brief_set_created:
 * @self: a brief
 * @value: (nullable): the time, ISO 8601
 *
 * Sets when the brief was created.
 */
void
cb_brief_set_created (CbBrief    *self,
                      const char *value)
{
  set_field (self, FIELD_CREATED, value);
}

/**
 * cb_brief_get_modified:
 * @self: a brief
 *
 * Gets when the brief was last saved, ISO 8601 in UTC.
 *
 * Returns: the time, possibly empty
 */
const char *
cb_brief_get_modified (CbBrief *self)
{
  return get_field (self, FIELD_MODIFIED);
}

/**
 * cb_brief_set_modified:
 * @self: a brief
 * @value: (nullable): the time, ISO 8601
 *
 * Sets when the brief was last modified. Saving does not set it by itself, so that
 * saving the same brief twice gives the same bytes; the window sets it before a save.
 */
void
cb_brief_set_modified (CbBrief    *self,
                       const char *value)
{
  set_field (self, FIELD_MODIFIED, value);
}

/**
 * cb_brief_get_assignment_instructions:
 * @self: a brief
 *
 * Gets the professor's instructions for this assignment.
 *
 * Returns: the instructions, possibly empty
 */
const char *
cb_brief_get_assignment_instructions (CbBrief *self)
{
  return get_field (self, FIELD_INSTRUCTIONS);
}

/**
 * cb_brief_set_assignment_instructions:
 * @self: a brief
 * @value: (nullable): the instructions
 *
 * Sets the professor's instructions for this assignment.
 */
void
cb_brief_set_assignment_instructions (CbBrief    *self,
                                      const char *value)
{
  set_field (self, FIELD_INSTRUCTIONS, value);
}

/**
 * cb_brief_get_due_date:
 * @self: a brief
 *
 * Gets when the assignment is due, ISO 8601.
 *
 * Returns: the due date, possibly empty
 */
const char *
cb_brief_get_due_date (CbBrief *self)
{
  return get_field (self, FIELD_DUE_DATE);
}

/**
 * cb_brief_set_due_date:
 * @self: a brief
 * @value: (nullable): the due date, ISO 8601
 *
 * Sets when the assignment is due.
 */
void
cb_brief_set_due_date (CbBrief    *self,
                       const char *value)
{
  set_field (self, FIELD_DUE_DATE, value);
}

/**
 * cb_brief_get_locked:
 * @self: a brief
 *
 * Gets whether the assignment's details (instructions, due date, template) are
 * read-only, as in an assignment a professor handed out; editors show them so.
 *
 * Returns: %TRUE if locked
 */
gboolean
cb_brief_get_locked (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), FALSE);
  return self->locked;
}

/**
 * cb_brief_set_locked:
 * @self: a brief
 * @locked: whether the assignment details are read-only
 *
 * Locks or unlocks the assignment's details.
 */
void
cb_brief_set_locked (CbBrief  *self,
                     gboolean  locked)
{
  g_return_if_fail (CB_IS_BRIEF (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  emit_changed (self);
}

/**
 * cb_brief_get_template_id:
 * @self: a brief
 *
 * Gets the id of the template the brief was made from.
 *
 * Returns: the template id
 */
const char *
cb_brief_get_template_id (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->template_id;
}

/**
 * cb_brief_get_template_version:
 * @self: a brief
 *
 * Gets the version of the template the brief was made from.
 *
 * Returns: the template version
 */
guint
cb_brief_get_template_version (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), 0);
  return self->template_version;
}

/**
 * cb_brief_get_template_title:
 * @self: a brief
 *
 * Gets the title of the template the brief was made from.
 *
 * Returns: the template title
 */
const char *
cb_brief_get_template_title (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->template_title;
}

/**
 * cb_brief_get_template_author:
 * @self: a brief
 *
 * Gets who wrote the template the brief was made from.
 *
 * Returns: the template author, possibly empty
 */
const char *
cb_brief_get_template_author (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->template_author;
}

/**
 * cb_brief_get_template_instructions:
 * @self: a brief
 *
 * Gets the template's general instructions.
 *
 * Returns: the instructions, possibly empty
 */
const char *
cb_brief_get_template_instructions (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->template_instructions;
}

/**
 * cb_brief_get_n_sections:
 * @self: a brief
 *
 * Gets how many sections the brief has.
 *
 * Returns: the number of sections
 */
guint
cb_brief_get_n_sections (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), 0);
  return self->sections->len;
}

/**
 * cb_brief_get_section:
 * @self: a brief
 * @index: a section index
 *
 * Gets one section, in the template's order.
 *
 * Returns: (transfer none): the section
 */
CbSection *
cb_brief_get_section (CbBrief *self,
                      guint    index)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

/**
 * cb_brief_lookup_section:
 * @self: a brief
 * @id: a section id
 *
 * Finds a section by its id.
 *
 * Returns: (transfer none) (nullable): the section, or %NULL
 */
CbSection *
cb_brief_lookup_section (CbBrief    *self,
                         const char *id)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CbSection *section = g_ptr_array_index (self->sections, i);
      if (g_str_equal (cb_section_get_id (section), id))
        return section;
    }
  return NULL;
}

/**
 * cb_brief_count_section_words:
 * @self: a brief
 * @section: one of its sections
 *
 * Counts the words a section's word limit is checked against: the student's prose
 * and the words of the excerpts quoted in it, since a reader reads both. Pin cites
 * are not counted.
 *
 * Returns: the number of words
 */
guint
cb_brief_count_section_words (CbBrief   *self,
                              CbSection *section)
{
  guint words;

  g_return_val_if_fail (CB_IS_BRIEF (self), 0);
  g_return_val_if_fail (CB_IS_SECTION (section), 0);

  words = cb_section_get_word_count (section);
  for (guint i = 0; i < cb_section_get_n_blocks (section); i++)
    {
      const CbBlock *block = cb_section_get_block (section, i);
      CbExcerpt *excerpt;

      if (block->kind != CB_BLOCK_EXCERPT)
        continue;
      excerpt = cb_brief_lookup_excerpt (self, block->excerpt_id);
      if (excerpt != NULL)
        words += cb_excerpt_get_quote_word_count (excerpt);
    }
  return words;
}

/**
 * cb_brief_get_excerpts:
 * @self: a brief
 *
 * Gets the brief's excerpts in the order they were added.
 *
 * Returns: (transfer none): a list model of #CbExcerpt
 */
GListModel *
cb_brief_get_excerpts (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return G_LIST_MODEL (self->excerpts);
}

/**
 * cb_brief_lookup_excerpt:
 * @self: a brief
 * @id: an excerpt id
 *
 * Finds an excerpt by its id.
 *
 * Returns: (transfer none) (nullable): the excerpt, or %NULL
 */
CbExcerpt *
cb_brief_lookup_excerpt (CbBrief    *self,
                         const char *id)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->excerpts_by_id, id);
}

/**
 * cb_brief_add_excerpt:
 * @self: a brief
 * @section_id: the section the excerpt belongs to
 * @start: start of the quote, in characters of the opinion text
 * @end: end of the quote (exclusive)
 *
 * Adds an excerpt of the opinion, with a new id and an anchor made from the opinion
 * text. The section's content is not changed: the editor places the quotation at its
 * cursor with cb_brief_insert_excerpt_block().
 *
 * Returns: (transfer none): the new excerpt, owned by the brief
 */
CbExcerpt *
cb_brief_add_excerpt (CbBrief    *self,
                      const char *section_id,
                      gsize       start,
                      gsize       end)
{
  g_autofree char *id = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(CbExcerpt) excerpt = NULL;

  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (end <= cb_opinion_get_length (self->opinion), NULL);

  id = new_excerpt_id (self);
  cb_anchor_index_describe (get_index (self), start, end, &quote, &prefix, &suffix);
  excerpt = cb_excerpt_new (id, section_id, start, end, quote, prefix, suffix);
  append_excerpt (self, excerpt);
  return excerpt;
}

/**
 * cb_brief_insert_excerpt_block:
 * @self: a brief
 * @section: one of the brief's sections
 * @excerpt: one of the brief's excerpts
 * @block_index: where in the section's content to place it
 *
 * Places a quotation of @excerpt in a section's content.
 */
void
cb_brief_insert_excerpt_block (CbBrief   *self,
                               CbSection *section,
                               CbExcerpt *excerpt,
                               guint      block_index)
{
  g_autoptr(CbBlock) block = NULL;

  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (CB_IS_SECTION (section));
  g_return_if_fail (CB_IS_EXCERPT (excerpt));

  block = cb_block_new_excerpt (cb_excerpt_get_id (excerpt));
  cb_section_insert_block (section, block_index, block);
}

/**
 * cb_brief_restore_excerpt:
 * @self: a brief
 * @excerpt: an excerpt removed from this brief earlier
 *
 * Puts back an excerpt that cb_brief_remove_excerpt() took out, with its id and
 * anchor, so that undo restores the link to the opinion. Its quotations are placed
 * by the caller.
 */
void
cb_brief_restore_excerpt (CbBrief   *self,
                          CbExcerpt *excerpt)
{
  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (CB_IS_EXCERPT (excerpt));
  g_return_if_fail (cb_brief_lookup_excerpt (self, cb_excerpt_get_id (excerpt)) == NULL);

  append_excerpt (self, excerpt);
}

/**
 * cb_brief_remove_excerpt:
 * @self: a brief
 * @excerpt: one of the brief's excerpts
 *
 * Removes an excerpt and every quotation of it in the sections.
 */
void
cb_brief_remove_excerpt (CbBrief   *self,
                         CbExcerpt *excerpt)
{
  guint position;
  g_autofree char *key = NULL;

  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (CB_IS_EXCERPT (excerpt));

  if (!g_list_store_find (self->excerpts, excerpt, &position))
    return;
  g_object_ref (excerpt);
  g_signal_handlers_disconnect_by_data (excerpt, self);
  key = g_strconcat ("excerpt:", cb_excerpt_get_id (excerpt), NULL);
  g_hash_table_remove (self->extensions, key);
  for (guint i = 0; i < self->sections->len; i++)
    cb_section_remove_excerpt_refs (g_ptr_array_index (self->sections, i), cb_excerpt_get_id (excerpt));
  g_hash_table_remove (self->excerpts_by_id, cb_excerpt_get_id (excerpt));
  g_list_store_remove (self->excerpts, position);
  g_object_unref (excerpt);
}

/**
 * cb_brief_dup_pin_cite:
 * @self: a brief
 * @excerpt: one of the brief's excerpts
 *
 * Gets the pin cite of an excerpt ("474 U.S. at 345") in the brief's citation. The
 * opinion owns the page map, so this asks the opinion; everything that shows or
 * prints a pin cite goes through here.
 *
 * Returns: (transfer full) (nullable): the pin cite, or %NULL when the opinion has no
 *   page information for it
 */
char *
cb_brief_dup_pin_cite (CbBrief   *self,
                       CbExcerpt *excerpt)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (CB_IS_EXCERPT (excerpt), NULL);

  /* An orphan has no place in the opinion, so no page: a wrong page is worse than none. */
  if (cb_excerpt_get_status (excerpt) == CB_ANCHOR_ORPHAN)
    return NULL;

  return cb_opinion_pin_cite (self->opinion,
                              cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt),
                              self->fields[FIELD_CITATION], self->cite_style);
}

/**
 * cb_brief_dup_quote_text:
 * @self: a brief
 * @start: start offset in characters of the opinion text
 * @end: end offset (exclusive)
 *
 * Gets the text of a passage of the opinion as a quotation shows it. Everything that
 * shows or prints a quotation goes through here.
 *
 * Returns: (transfer full): the passage
 */
char *
cb_brief_dup_quote_text (CbBrief *self,
                         gsize    start,
                         gsize    end)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  g_return_val_if_fail (end <= cb_opinion_get_length (self->opinion), NULL);

  /* As quoted in a brief: without star pages and footnote marks. */
  return cb_opinion_quote_text (self->opinion, start, end);
}

/**
 * cb_brief_get_cite_style:
 * @self: a brief
 *
 * Returns: how the brief's pin cites are written
 */
CbCiteStyle
cb_brief_get_cite_style (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), CB_CITE_STYLE_BLUEBOOK);
  return self->cite_style;
}

/**
 * cb_brief_set_cite_style:
 * @self: a brief
 * @style: Bluebook ("474 U.S. at 347") or the Supreme Court's ("474 U.S., at 347")
 *
 * Sets how pin cites are written. It is the reader's setting, so it is not saved in
 * the file and does not mark the brief changed.
 */
void
cb_brief_set_cite_style (CbBrief     *self,
                         CbCiteStyle  style)
{
  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (style <= CB_CITE_STYLE_SUPREME_COURT);

  if (self->cite_style == style)
    return;
  self->cite_style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITE_STYLE]);
}

/**
 * cb_brief_dup_quotation:
 * @self: a brief
 * @excerpt: one of its excerpts
 *
 * Gets an excerpt as the brief quotes it, in typographic quotation marks: the
 * opinion's words without star pages or footnote marks, on flowing lines, with the
 * quotation marks inside it made single, as in print. An orphan, which is no longer
 * in the opinion, is quoted as it was stored. The window and the printed page both
 * show this text.
 *
 * Returns: (transfer full): the quotation
 */
char *
cb_brief_dup_quotation (CbBrief   *self,
                        CbExcerpt *excerpt)
{
  g_autofree char *raw = NULL;
  g_autoptr(GString) out = g_string_new ("“");
  gboolean space = FALSE;
  gboolean started = FALSE;

  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (CB_IS_EXCERPT (excerpt), NULL);

  if (cb_excerpt_get_status (excerpt) != CB_ANCHOR_ORPHAN &&
      cb_excerpt_get_end (excerpt) <= cb_opinion_get_length (self->opinion))
    raw = cb_brief_dup_quote_text (self, cb_excerpt_get_start (excerpt), cb_excerpt_get_end (excerpt));
  if (raw == NULL || *raw == '\0')
    {
      g_free (raw);
      raw = g_strdup (cb_excerpt_get_quote (excerpt));
    }

  for (const char *p = raw ? raw : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = started;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      if (c == 0x201C || (c == '"' && (space || !started)))
        c = 0x2018;
      else if (c == 0x201D || c == '"')
        c = 0x2019;
      space = FALSE;
      started = TRUE;
      g_string_append_unichar (out, c);
    }
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cb_brief_get_opinion_checksum_mismatch:
 * @self: a brief
 *
 * Gets whether the embedded opinion's text did not match its SHA-256 when the file was
 * loaded, which means it was edited by hand. The text is kept as found, the checksum is
 * recomputed when saving, and every excerpt was re-anchored against the text as found.
 *
 * Returns: %TRUE if the checksum did not match
 */
gboolean
cb_brief_get_opinion_checksum_mismatch (CbBrief *self)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), FALSE);
  return self->checksum_mismatch;
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
  xmlDoc *doc;
  xmlNode *root, *metadata, *assignment, *template, *opinion;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name ? name : _("The brief");
  if (g_bytes_get_size (bytes) > CB_BRIEF_MAX_BYTES)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE, _("%s is too large to be a brief"), name);
      return NULL;
    }
  doc = cb_xml_read (bytes, name, BRIEF_SCHEMA, "brief", CB_BRIEF_FORMAT_MAJOR, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  self = g_object_new (CB_TYPE_BRIEF, NULL);

  metadata = cb_xml_child (root, NS, "metadata");
  for (guint i = 0; i < N_METADATA_FIELDS; i++)
    self->fields[i] = cb_xml_dup_text (cb_xml_child (metadata, NS, field_names[i]));
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
  self->opinion = cb_opinion_new_from_text (text, source,
                                            g_strcmp0 (format, "html") == 0
                                            ? CB_OPINION_FORMAT_HTML : CB_OPINION_FORMAT_TEXT);
  /* A mismatch means the text was edited by hand: it is kept (refusing would lose the
   * student's brief over a change they may have wanted), and re-anchoring below checks
   * every excerpt against the text as it now is. */
  self->checksum_mismatch = g_ascii_strcasecmp (sha256, cb_opinion_get_sha256 (self->opinion)) != 0;
  if (self->checksum_mismatch)
    g_debug ("%s: the opinion text does not match its checksum; excerpts are re-checked", name);

  ok = read_sections (self, cb_xml_child (root, NS, "sections"), name, error)
       && read_excerpts (self, cb_xml_child (root, NS, "excerpts"), name, error);
  if (ok)
    store_extensions (self, "brief", root, brief_children);
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  /* Re-anchoring is done; the index holds a copy of the opinion's text, and is made
   * again only if the student adds an excerpt. */
  g_clear_pointer (&self->index, cb_anchor_index_free);

  fill_empty_fields (self);
  return g_steal_pointer (&self);
}

/**
 * cb_brief_load_file:
 * @file: a .brief file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a brief file; see cb_brief_load_bytes().
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_brief_load_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > CB_BRIEF_MAX_BYTES)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_TOO_LARGE, _("%s is too large to be a brief"), name);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return cb_brief_load_bytes (bytes, name, error);
}

/**
 * cb_brief_load_file_async:
 * @file: a .brief file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the brief is read
 * @user_data: data for @callback
 *
 * Reads a brief file in a worker thread; see cb_brief_load_bytes().
 */
void
cb_brief_load_file_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_brief_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * cb_brief_load_file_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes cb_brief_load_file_async().
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
CbBrief *
cb_brief_load_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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
                          NS, CB_BRIEF_FORMAT_MAJOR, CB_BRIEF_FORMAT_MINOR);

  g_string_append (out, "  <metadata>\n");
  for (guint i = 0; i < N_METADATA_FIELDS; i++)
    cb_xml_write_element (out, 2, field_names[i], self->fields[i]);
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
 * Saves the brief atomically: the new file is written beside @file and renamed over
 * it, so a failed save leaves the old file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_brief_save_file (CbBrief       *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CB_IS_BRIEF (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cb_brief_to_bytes (self);
  return cb_xml_save (bytes, file, cancellable, error);
}

/**
 * cb_brief_save_file_async:
 * @self: a brief
 * @file: where to save
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
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CB_IS_BRIEF (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_brief_save_file_async);
  g_task_set_task_data (task, cb_brief_to_bytes (self), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_file_thread);
}

/**
 * cb_brief_save_file_finish:
 * @self: a brief
 * @result: the result passed to the callback
 * @error: return location for a %CB_ERROR_SAVE error
 *
 * Finishes cb_brief_save_file_async().
 *
 * Returns: %TRUE on success
 */
gboolean
cb_brief_save_file_finish (CbBrief       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
