#define G_LOG_DOMAIN "cb-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-template-private.h"
#include "cb-xml-private.h"

#define TEMPLATE_NS "https://casebrief.github.io/ns/brieftemplate/1"
#define TEMPLATE_SCHEMA "/io/github/casebrief/Casebrief/core/data/schema/brieftemplate.rng"
#define TEMPLATE_FORMAT_MAJOR 1

struct _CbTemplate
{
  GObject parent_instance;

  char *id;
  guint version;
  char *title;
  char *author;
  char *instructions;
  gboolean builtin;
  GPtrArray *sections;

  /* Unknown elements from a newer minor format, written back unchanged. */
  GPtrArray *extensions;
};

G_DEFINE_FINAL_TYPE (CbTemplate, cb_template, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CbTemplateSection, cb_template_section,
                     cb_template_section_copy, cb_template_section_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_INSTRUCTIONS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const root_children[] = { "title", "author", "instructions", "section", "own-words", NULL };

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Section ids are written as attributes that the schema wants non-empty and without
 * spaces. */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
set_string_property (CbTemplate  *self,
                     char       **field,
                     const char  *value,
                     guint        prop)
{
  if (!replace_str (field, value ? value : ""))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Format 1.1 marks the sections that need the student's own words with <own-words
 * section="ID"/> after the sections, at the 1.0 extension point, so that a reader of
 * 1.0 keeps the marks and writes them back. A mark whose section is gone (removed by
 * such a reader) marks nothing. */
static void
read_own_words (CbTemplate *self,
                xmlNode    *root)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CbTemplateSection *section = g_ptr_array_index (self->sections, i);

      g_hash_table_insert (by_id, section->id, section);
    }
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      CbTemplateSection *section;

      if (!cb_xml_is (node, TEMPLATE_NS, "own-words"))
        continue;
      id = cb_xml_dup_attribute (node, "section");
      section = id != NULL ? g_hash_table_lookup (by_id, id) : NULL;
      if (section != NULL)
        section->own_words = TRUE;
    }
}

/* The oldest format that holds the template: 1.0 unless a section needs own words. */
static guint
format_minor (CbTemplate *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (((CbTemplateSection *) g_ptr_array_index (self->sections, i))->own_words)
      return 1;
  return 0;
}

static void
cb_template_finalize (GObject *object)
{
  CbTemplate *self = CB_TEMPLATE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->author);
  g_free (self->instructions);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->extensions);

  G_OBJECT_CLASS (cb_template_parent_class)->finalize (object);
}

static void
cb_template_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CbTemplate *self = CB_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_INSTRUCTIONS:
      g_value_set_string (value, self->instructions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_template_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CbTemplate *self = CB_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cb_template_set_id (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      cb_template_set_version (self, g_value_get_uint (value));
      break;
    case PROP_TITLE:
      cb_template_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      cb_template_set_author (self, g_value_get_string (value));
      break;
    case PROP_INSTRUCTIONS:
      cb_template_set_instructions (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_template_class_init (CbTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cb_template_finalize;
  object_class->get_property = cb_template_get_property;
  object_class->set_property = cb_template_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 1, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_INSTRUCTIONS] = g_param_spec_string ("instructions", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbTemplate::changed:
   *
   * Emitted after anything in the template changed: a property or a section.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_template_init (CbTemplate *self)
{
  self->id = g_strdup ("");
  self->version = 1;
  self->title = g_strdup ("");
  self->author = g_strdup ("");
  self->instructions = g_strdup ("");
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_template_section_free);
  self->extensions = g_ptr_array_new_with_free_func (g_free);
}

/**
 * cb_template_section_new:
 * @id: stable identifier, unique in the template: not empty, no white space
 * @title: heading
 * @prompt: (nullable): guidance for the student
 * @required: whether a brief is incomplete without it
 * @word_limit: most words allowed, 0 for none
 *
 * Creates a template section.
 *
 * Returns: (transfer full): a new section; free with cb_template_section_free()
 */
CbTemplateSection *
cb_template_section_new (const char *id,
                         const char *title,
                         const char *prompt,
                         gboolean    required,
                         guint       word_limit)
{
  CbTemplateSection *section;

  g_return_val_if_fail (is_valid_id (id), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  section = g_new0 (CbTemplateSection, 1);
  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->prompt = g_strdup (prompt ? prompt : "");
  section->required = !!required;
  section->word_limit = word_limit;
  section->own_words = FALSE;
  return section;
}

/**
 * cb_template_section_copy:
 * @section: a template section
 *
 * Copies a template section.
 *
 * Returns: (transfer full): a copy
 */
CbTemplateSection *
cb_template_section_copy (const CbTemplateSection *section)
{
  CbTemplateSection *copy;

  g_return_val_if_fail (section != NULL, NULL);

  copy = cb_template_section_new (section->id, section->title, section->prompt,
                                  section->required, section->word_limit);
  copy->own_words = !!section->own_words;
  return copy;
}

/**
 * cb_template_section_free:
 * @section: (nullable): a template section
 *
 * Frees a template section.
 */
void
cb_template_section_free (CbTemplateSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_free (section->prompt);
  g_free (section);
}

/**
 * cb_template_new:
 * @id: the template's identifier
 * @title: its title as shown in lists
 *
 * Creates an empty template, version 1, without sections.
 *
 * Returns: (transfer full): a new template
 */
CbTemplate *
cb_template_new (const char *id,
                 const char *title)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (CB_TYPE_TEMPLATE, "id", id, "title", title, NULL);
}

/**
 * cb_template_copy:
 * @self: a template
 * @new_id: (nullable): the copy's id, or %NULL to keep the same id
 *
 * Copies a template, as when a user edits a copy of a built-in (never the built-in
 * itself). The copy is not built-in.
 *
 * Returns: (transfer full): the copy
 */
CbTemplate *
cb_template_copy (CbTemplate *self,
                  const char *new_id)
{
  CbTemplate *copy;

  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);

  copy = cb_template_new (new_id ? new_id : self->id, self->title);
  copy->version = self->version;
  replace_str (&copy->author, self->author);
  replace_str (&copy->instructions, self->instructions);
  for (guint i = 0; i < self->sections->len; i++)
    g_ptr_array_add (copy->sections, cb_template_section_copy (g_ptr_array_index (self->sections, i)));
  for (guint i = 0; i < self->extensions->len; i++)
    g_ptr_array_add (copy->extensions, g_strdup (g_ptr_array_index (self->extensions, i)));
  return copy;
}

/**
 * cb_template_get_id:
 * @self: a template
 *
 * Gets the identifier by which briefs and the template store name the template.
 *
 * Returns: the id
 */
const char *
cb_template_get_id (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  return self->id;
}

/**
 * cb_template_id_is_valid:
 * @id: (nullable): a template id
 *
 * Whether @id may be a template's id. An id becomes the name of the template's file
 * when it is kept with the user's templates, so only a plain name is accepted: ASCII
 * letters, digits, "-", "_" and ".", not starting with ".", at most
 * %CB_TEMPLATE_ID_MAX_LENGTH characters. Nothing that could name another folder.
 *
 * Returns: %TRUE for a valid id
 */
gboolean
cb_template_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || id[0] == '\0' || id[0] == '.')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++, len++)
    if (len >= CB_TEMPLATE_ID_MAX_LENGTH || !(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.'))
      return FALSE;
  return TRUE;
}

/**
 * cb_template_set_id:
 * @self: a template
 * @id: the new id; see cb_template_id_is_valid()
 *
 * Sets the template's identifier.
 */
void
cb_template_set_id (CbTemplate *self,
                    const char *id)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (cb_template_id_is_valid (id));
  set_string_property (self, &self->id, id, PROP_ID);
}

/**
 * cb_template_get_version:
 * @self: a template
 *
 * Gets the template's own revision number (not the file format's version).
 *
 * Returns: the version, 1 or more
 */
guint
cb_template_get_version (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), 0);
  return self->version;
}

/**
 * cb_template_set_version:
 * @self: a template
 * @version: the revision number
 *
 * Sets the template's revision number; a professor raises it when changing a
 * template already handed out.
 */
void
cb_template_set_version (CbTemplate *self,
                         guint       version)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (version >= 1);

  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_template_get_title:
 * @self: a template
 *
 * Gets the template's title.
 *
 * Returns: the title
 */
const char *
cb_template_get_title (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  return self->title;
}

/**
 * cb_template_set_title:
 * @self: a template
 * @title: the title
 *
 * Sets the template's title.
 */
void
cb_template_set_title (CbTemplate *self,
                       const char *title)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  set_string_property (self, &self->title, title, PROP_TITLE);
}

/**
 * cb_template_get_author:
 * @self: a template
 *
 * Gets who wrote the template.
 *
 * Returns: the author, possibly empty
 */
const char *
cb_template_get_author (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  return self->author;
}

/**
 * cb_template_set_author:
 * @self: a template
 * @author: (nullable): the author
 *
 * Sets who wrote the template.
 */
void
cb_template_set_author (CbTemplate *self,
                        const char *author)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  set_string_property (self, &self->author, author, PROP_AUTHOR);
}

/**
 * cb_template_get_instructions:
 * @self: a template
 *
 * Gets the general instructions shown above the sections.
 *
 * Returns: the instructions, possibly empty
 */
const char *
cb_template_get_instructions (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  return self->instructions;
}

/**
 * cb_template_set_instructions:
 * @self: a template
 * @instructions: (nullable): the instructions
 *
 * Sets the general instructions shown above the sections.
 */
void
cb_template_set_instructions (CbTemplate *self,
                              const char *instructions)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  set_string_property (self, &self->instructions, instructions, PROP_INSTRUCTIONS);
}

/**
 * cb_template_get_builtin:
 * @self: a template
 *
 * Gets whether the template ships with Casebrief; built-ins are edited as copies.
 *
 * Returns: %TRUE for a built-in template
 */
gboolean
cb_template_get_builtin (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), FALSE);
  return self->builtin;
}

/* Marks a template as built-in and translates its texts, which the built-in files
 * mark for translation. Only the template store calls this. */
void
cb_template_mark_builtin (CbTemplate *self)
{
  self->builtin = TRUE;
  replace_str (&self->title, g_dgettext (GETTEXT_PACKAGE, self->title));
  if (self->instructions[0] != '\0')
    replace_str (&self->instructions, g_dgettext (GETTEXT_PACKAGE, self->instructions));
  for (guint i = 0; i < self->sections->len; i++)
    {
      CbTemplateSection *section = g_ptr_array_index (self->sections, i);

      replace_str (&section->title, g_dgettext (GETTEXT_PACKAGE, section->title));
      if (section->prompt[0] != '\0')
        replace_str (&section->prompt, g_dgettext (GETTEXT_PACKAGE, section->prompt));
    }
}

/**
 * cb_template_get_n_sections:
 * @self: a template
 *
 * Gets how many sections the template asks for.
 *
 * Returns: the number of sections
 */
guint
cb_template_get_n_sections (CbTemplate *self)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), 0);
  return self->sections->len;
}

/**
 * cb_template_get_section:
 * @self: a template
 * @index: a section index
 *
 * Gets one section, in the order a brief shows them.
 *
 * Returns: (transfer none): the section, owned by the template
 */
const CbTemplateSection *
cb_template_get_section (CbTemplate *self,
                         guint       index)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

/**
 * cb_template_lookup_section:
 * @self: a template
 * @id: a section id
 *
 * Finds a section by its id.
 *
 * Returns: (transfer none) (nullable): the section, or %NULL
 */
const CbTemplateSection *
cb_template_lookup_section (CbTemplate *self,
                            const char *id)
{
  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const CbTemplateSection *section = g_ptr_array_index (self->sections, i);
      if (g_str_equal (section->id, id))
        return section;
    }
  return NULL;
}

/**
 * cb_template_add_section:
 * @self: a template
 * @section: the section to append (copied)
 *
 * Appends a section. Its id must not be used by another section of the template.
 */
void
cb_template_add_section (CbTemplate              *self,
                         const CbTemplateSection *section)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (section != NULL);
  g_return_if_fail (cb_template_lookup_section (self, section->id) == NULL);

  g_ptr_array_add (self->sections, cb_template_section_copy (section));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_template_set_section:
 * @self: a template
 * @index: a section index
 * @section: the new contents of that section (copied)
 *
 * Replaces one section, as after the user edited its title, prompt, flag or limit.
 */
void
cb_template_set_section (CbTemplate              *self,
                         guint                    index,
                         const CbTemplateSection *section)
{
  const CbTemplateSection *other;

  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (section != NULL);
  g_return_if_fail (index < self->sections->len);
  other = cb_template_lookup_section (self, section->id);
  g_return_if_fail (other == NULL || other == g_ptr_array_index (self->sections, index));

  cb_template_section_free (self->sections->pdata[index]);
  self->sections->pdata[index] = cb_template_section_copy (section);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_template_remove_section:
 * @self: a template
 * @index: a section index
 *
 * Removes one section.
 */
void
cb_template_remove_section (CbTemplate *self,
                            guint       index)
{
  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (index < self->sections->len);

  g_ptr_array_remove_index (self->sections, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_template_move_section:
 * @self: a template
 * @from: index of the section to move
 * @to: its index afterwards
 *
 * Moves a section to another place in the order.
 */
void
cb_template_move_section (CbTemplate *self,
                          guint       from,
                          guint       to)
{
  gpointer section;

  g_return_if_fail (CB_IS_TEMPLATE (self));
  g_return_if_fail (from < self->sections->len);
  g_return_if_fail (to < self->sections->len);

  if (from == to)
    return;
  section = g_ptr_array_steal_index (self->sections, from);
  g_ptr_array_insert (self->sections, to, section);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_template_check:
 * @self: a template
 * @error: return location for a %CB_ERROR_INVALID error
 *
 * Checks that @self can be kept and handed out: it has a title and at least one
 * section, and every section has a title. The message says what to fix.
 *
 * Returns: %TRUE if the template is complete
 */
gboolean
cb_template_check (CbTemplate  *self,
                   GError     **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (CB_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = g_strstrip (g_strdup (cb_template_get_title (self)));

  if (*title == '\0')
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_INVALID, _("Give the template a title first"));
      return FALSE;
    }
  if (cb_template_get_n_sections (self) == 0)
    {
      g_set_error_literal (error, CB_ERROR, CB_ERROR_INVALID, _("A template needs at least one section"));
      return FALSE;
    }
  for (guint i = 0; i < cb_template_get_n_sections (self); i++)
    {
      g_autofree char *section_title = g_strstrip (g_strdup (cb_template_get_section (self, i)->title));

      if (*section_title == '\0')
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID, _("Section %u has no title"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * cb_template_load_bytes:
 * @bytes: the contents of a .brieftemplate file
 * @name: the file's name, for messages
 * @error: return location for a #CbError
 *
 * Reads a template. Malformed, invalid, hostile or too new files are refused with
 * an error naming the file and the line.
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
CbTemplate *
cb_template_load_bytes (GBytes      *bytes,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(CbTemplate) self = NULL;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = name ? name : _("The template");
  if (g_bytes_get_size (bytes) > CB_TEMPLATE_MAX_BYTES)
    {
      cb_file_set_too_large_error (error, name, CB_TEMPLATE_MAX_BYTES);
      return NULL;
    }
  doc = cb_xml_read (bytes, name, TEMPLATE_SCHEMA, "brieftemplate", TEMPLATE_FORMAT_MAJOR, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);

  self = g_object_new (CB_TYPE_TEMPLATE, NULL);
  g_free (self->id);
  self->id = cb_xml_dup_attribute (root, "id");
  /* The id may become a file name; refused here, before anything else is built. */
  if (!cb_template_id_is_valid (self->id))
    {
      g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                   _("%s, line %d: the template id “%s” is not a plain name (letters, digits, “-”, “_” and “.”, not first; at most %d)"),
                   name, (int) xmlGetLineNo (root), self->id, CB_TEMPLATE_ID_MAX_LENGTH);
      xmlFreeDoc (doc);
      return NULL;
    }
  self->version = cb_xml_get_uint_attribute (root, "template-version", G_MAXUINT, 1);
  g_free (self->title);
  self->title = cb_xml_dup_text (cb_xml_child (root, TEMPLATE_NS, "title"));
  g_free (self->author);
  self->author = cb_xml_dup_text (cb_xml_child (root, TEMPLATE_NS, "author"));
  g_free (self->instructions);
  self->instructions = cb_xml_dup_text (cb_xml_child (root, TEMPLATE_NS, "instructions"));

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *prompt = NULL;

      if (!cb_xml_is (node, TEMPLATE_NS, "section"))
        continue;
      id = cb_xml_dup_attribute (node, "id");
      if (cb_template_lookup_section (self, id) != NULL)
        {
          g_set_error (error, CB_ERROR, CB_ERROR_INVALID,
                       _("%s, line %d: two sections have the id “%s”"),
                       name, (int) xmlGetLineNo (node), id);
          xmlFreeDoc (doc);
          return NULL;
        }
      title = cb_xml_dup_text (cb_xml_child (node, TEMPLATE_NS, "title"));
      prompt = cb_xml_dup_text (cb_xml_child (node, TEMPLATE_NS, "prompt"));
      g_ptr_array_add (self->sections,
                       cb_template_section_new (id, title, prompt,
                                                cb_xml_get_bool_attribute (node, "required"),
                                                cb_xml_get_uint_attribute (node, "word-limit", G_MAXUINT, 0)));
    }
  read_own_words (self, root);

  g_ptr_array_unref (self->extensions);
  self->extensions = cb_xml_collect_extensions (root, TEMPLATE_NS, root_children);
  xmlFreeDoc (doc);
  return g_steal_pointer (&self);
}

/**
 * cb_template_load_file:
 * @file: a .brieftemplate file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads a template file through cb_file_load() (regular files only, refused by their
 * size before they are read); see cb_template_load_bytes().
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
CbTemplate *
cb_template_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = cb_file_load (file, CB_TEMPLATE_MAX_BYTES, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  return cb_template_load_bytes (bytes, name, error);
}

/**
 * cb_template_to_bytes:
 * @self: a template
 *
 * Writes the template as a .brieftemplate file. The same template always gives the
 * same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
cb_template_to_bytes (CbTemplate *self)
{
  GString *out;

  g_return_val_if_fail (CB_IS_TEMPLATE (self), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<brieftemplate xmlns=\"" TEMPLATE_NS "\" version=\"%d.%u\" id=\"",
                          TEMPLATE_FORMAT_MAJOR, format_minor (self));
  cb_xml_escape (out, self->id, TRUE);
  g_string_append_printf (out, "\" template-version=\"%u\">\n", self->version);
  cb_xml_write_element (out, 1, "title", self->title);
  if (self->author[0] != '\0')
    cb_xml_write_element (out, 1, "author", self->author);
  if (self->instructions[0] != '\0')
    cb_xml_write_element (out, 1, "instructions", self->instructions);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const CbTemplateSection *section = g_ptr_array_index (self->sections, i);

      g_string_append (out, "  <section id=\"");
      cb_xml_escape (out, section->id, TRUE);
      g_string_append_printf (out, "\" required=\"%s\"", section->required ? "true" : "false");
      if (section->word_limit > 0)
        g_string_append_printf (out, " word-limit=\"%u\"", section->word_limit);
      g_string_append (out, ">\n");
      cb_xml_write_element (out, 2, "title", section->title);
      if (section->prompt[0] != '\0')
        cb_xml_write_element (out, 2, "prompt", section->prompt);
      g_string_append (out, "  </section>\n");
    }
  for (guint i = 0; i < self->sections->len; i++)
    {
      const CbTemplateSection *section = g_ptr_array_index (self->sections, i);

      if (!section->own_words)
        continue;
      g_string_append (out, "  <own-words section=\"");
      cb_xml_escape (out, section->id, TRUE);
      g_string_append (out, "\"/>\n");
    }
  cb_xml_write_extensions (out, 1, self->extensions);
  g_string_append (out, "</brieftemplate>\n");
  return g_string_free_to_bytes (out);
}

/**
 * cb_template_save_file:
 * @self: a template
 * @file: where to save
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a %CB_ERROR_SAVE error
 *
 * Saves the template atomically through cb_file_save(): a failed save leaves the old
 * file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_template_save_file (CbTemplate    *self,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CB_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cb_template_to_bytes (self);
  return cb_xml_check_writable (bytes, CB_TEMPLATE_MAX_BYTES, file, error)
         && cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, cancellable, error);
}
