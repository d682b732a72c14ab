#define G_LOG_DOMAIN "cb-section"

#include "config.h"

#include <string.h>

#include "cb-section.h"

struct _CbSection
{
  GObject parent_instance;

  char *id;
  char *title;
  char *prompt;
  gboolean required;
  guint word_limit;
  gboolean own_words;

  GPtrArray *blocks;
  int word_count;               /* of the prose, -1 until counted */
};

G_DEFINE_FINAL_TYPE (CbSection, cb_section, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CbRun, cb_run, cb_run_copy, cb_run_free)
G_DEFINE_BOXED_TYPE (CbBlock, cb_block, cb_block_copy, cb_block_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PROMPT,
  PROP_REQUIRED,
  PROP_WORD_LIMIT,
  PROP_OWN_WORDS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Merges neighbouring runs of the same emphasis and drops empty ones, so that equal
 * content always has one form: a loaded section compares equal to the one saved. */
static GPtrArray *
normalize_runs (GPtrArray *runs)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_run_free);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      const CbRun *run = g_ptr_array_index (runs, i);
      CbRun *last = out->len > 0 ? g_ptr_array_index (out, out->len - 1) : NULL;

      if (run->text == NULL || run->text[0] == '\0')
        continue;
      if (last != NULL && last->flags == run->flags)
        {
          char *joined = g_strconcat (last->text, run->text, NULL);
          g_free (last->text);
          last->text = joined;
        }
      else
        g_ptr_array_add (out, cb_run_copy (run));
    }
  return out;
}

static guint
count_block_words (const CbBlock *block)
{
  g_autofree char *text = cb_block_dup_text (block);

  return cb_count_words (text);
}

/* Whether @text has a word of the writer's own: a word as cb_count_words() counts it,
 * other than a star-page marker ("*345", "**670") that came with text pasted from the
 * opinion. Stops at the first, as it is asked at every keystroke. */
static gboolean
has_own_word (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start, *digits;
      gboolean word = FALSE, marker;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          word = word || g_unichar_isalnum (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      for (digits = start; digits < p && *digits == '*'; digits++)
        ;
      marker = digits > start && digits < p;
      for (const char *q = digits; marker && q < p; q++)
        marker = g_ascii_isdigit (*q);
      if (word && !marker)
        return TRUE;
    }
  return FALSE;
}

static void
cb_section_finalize (GObject *object)
{
  CbSection *self = CB_SECTION (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->prompt);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (cb_section_parent_class)->finalize (object);
}

static void
cb_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbSection *self = CB_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROMPT:
      g_value_set_string (value, self->prompt);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_WORD_LIMIT:
      g_value_set_uint (value, self->word_limit);
      break;
    case PROP_OWN_WORDS:
      g_value_set_boolean (value, self->own_words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_section_class_init (CbSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cb_section_finalize;
  object_class->get_property = cb_section_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, ro);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, ro);
  properties[PROP_WORD_LIMIT] = g_param_spec_uint ("word-limit", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OWN_WORDS] = g_param_spec_boolean ("own-words", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbSection::changed:
   *
   * Emitted after the section's content changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_section_init (CbSection *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  self->word_count = -1;
}

/**
 * cb_run_new:
 * @text: UTF-8 text
 * @flags: its emphasis
 *
 * Creates a run of text.
 *
 * Returns: (transfer full): a new run
 */
CbRun *
cb_run_new (const char *text,
            CbRunFlags  flags)
{
  CbRun *run;

  g_return_val_if_fail (text != NULL, NULL);

  run = g_new0 (CbRun, 1);
  run->text = g_strdup (text);
  run->flags = flags & (CB_RUN_ITALIC | CB_RUN_BOLD);
  return run;
}

/**
 * cb_run_copy:
 * @run: a run
 *
 * Copies a run.
 *
 * Returns: (transfer full): a copy
 */
CbRun *
cb_run_copy (const CbRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  return cb_run_new (run->text, run->flags);
}

/**
 * cb_run_free:
 * @run: (nullable): a run
 *
 * Frees a run.
 */
void
cb_run_free (CbRun *run)
{
  if (run == NULL)
    return;
  g_free (run->text);
  g_free (run);
}

/**
 * cb_block_new_paragraph:
 *
 * Creates an empty paragraph; add text with cb_block_add_run().
 *
 * Returns: (transfer full): a new paragraph block
 */
CbBlock *
cb_block_new_paragraph (void)
{
  CbBlock *block = g_new0 (CbBlock, 1);

  block->kind = CB_BLOCK_PARAGRAPH;
  block->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_run_free);
  return block;
}

/**
 * cb_block_new_excerpt:
 * @excerpt_id: the id of an excerpt of the same brief
 *
 * Creates a block that shows an excerpt as a quotation in place.
 *
 * Returns: (transfer full): a new excerpt reference block
 */
CbBlock *
cb_block_new_excerpt (const char *excerpt_id)
{
  CbBlock *block;

  g_return_val_if_fail (excerpt_id != NULL && excerpt_id[0] != '\0', NULL);

  block = g_new0 (CbBlock, 1);
  block->kind = CB_BLOCK_EXCERPT;
  block->excerpt_id = g_strdup (excerpt_id);
  return block;
}

/**
 * cb_block_add_run:
 * @block: a paragraph block
 * @text: UTF-8 text
 * @flags: its emphasis
 *
 * Appends text to a paragraph, joining it to the last run when the emphasis is the same.
 */
void
cb_block_add_run (CbBlock    *block,
                  const char *text,
                  CbRunFlags  flags)
{
  CbRun *last;

  g_return_if_fail (block != NULL && block->kind == CB_BLOCK_PARAGRAPH);
  g_return_if_fail (text != NULL);

  if (text[0] == '\0')
    return;
  flags &= CB_RUN_ITALIC | CB_RUN_BOLD;
  last = block->runs->len > 0 ? g_ptr_array_index (block->runs, block->runs->len - 1) : NULL;
  if (last != NULL && last->flags == flags)
    {
      char *joined = g_strconcat (last->text, text, NULL);
      g_free (last->text);
      last->text = joined;
    }
  else
    g_ptr_array_add (block->runs, cb_run_new (text, flags));
}

/**
 * cb_block_dup_text:
 * @block: a block
 *
 * Gets a paragraph's text without emphasis; an excerpt reference has none.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
cb_block_dup_text (const CbBlock *block)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (block != NULL, NULL);

  for (guint i = 0; block->runs != NULL && i < block->runs->len; i++)
    g_string_append (text, ((CbRun *) g_ptr_array_index (block->runs, i))->text);
  return g_string_free (text, FALSE);
}

/**
 * cb_block_equal:
 * @a: a block
 * @b: another block
 *
 * Compares two blocks, runs and emphasis included.
 *
 * Returns: %TRUE when they are the same
 */
gboolean
cb_block_equal (const CbBlock *a,
                const CbBlock *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == CB_BLOCK_EXCERPT)
    return g_strcmp0 (a->excerpt_id, b->excerpt_id) == 0;
  if (a->runs->len != b->runs->len)
    return FALSE;
  for (guint i = 0; i < a->runs->len; i++)
    {
      const CbRun *ra = g_ptr_array_index (a->runs, i);
      const CbRun *rb = g_ptr_array_index (b->runs, i);

      if (ra->flags != rb->flags || g_strcmp0 (ra->text, rb->text) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * cb_block_copy:
 * @block: a block
 *
 * Copies a block with its runs.
 *
 * Returns: (transfer full): a copy
 */
CbBlock *
cb_block_copy (const CbBlock *block)
{
  CbBlock *copy;

  g_return_val_if_fail (block != NULL, NULL);

  if (block->kind == CB_BLOCK_EXCERPT)
    return cb_block_new_excerpt (block->excerpt_id);

  copy = cb_block_new_paragraph ();
  for (guint i = 0; i < block->runs->len; i++)
    {
      const CbRun *run = g_ptr_array_index (block->runs, i);
      cb_block_add_run (copy, run->text, run->flags);
    }
  return copy;
}

/**
 * cb_block_free:
 * @block: (nullable): a block
 *
 * Frees a block and its runs.
 */
void
cb_block_free (CbBlock *block)
{
  if (block == NULL)
    return;
  g_clear_pointer (&block->runs, g_ptr_array_unref);
  g_free (block->excerpt_id);
  g_free (block);
}

/**
 * cb_count_words:
 * @text: UTF-8 text
 *
 * Counts words the way a reader does: a word is a stretch of text between white space
 * that contains at least one letter or digit, so "§ 1983" is one word and a dash
 * standing alone is none.
 *
 * Returns: the number of words
 */
guint
cb_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;
  gboolean counted = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        {
          in_word = TRUE;
          counted = FALSE;
        }
      if (!counted && g_unichar_isalnum (c))
        {
          words++;
          counted = TRUE;
        }
    }
  return words;
}

/**
 * cb_section_new:
 * @id: stable identifier, unique in the brief
 * @title: heading
 * @prompt: (nullable): guidance from the template
 * @required: whether a brief is incomplete without it
 * @word_limit: most words allowed, 0 for none
 * @own_words: whether the section needs words of the student's own, not only
 *   quotations
 *
 * Creates an empty section, usually as the brief's copy of a template section.
 *
 * Returns: (transfer full): a new section
 */
CbSection *
cb_section_new (const char *id,
                const char *title,
                const char *prompt,
                gboolean    required,
                guint       word_limit,
                gboolean    own_words)
{
  CbSection *self;

  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CB_TYPE_SECTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->prompt = g_strdup (prompt ? prompt : "");
  self->required = !!required;
  self->word_limit = word_limit;
  self->own_words = !!own_words;
  return self;
}

/**
 * cb_section_get_id:
 * @self: a section
 *
 * Gets the section's identifier, which excerpts use to say where they belong.
 *
 * Returns: the id
 */
const char *
cb_section_get_id (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), NULL);
  return self->id;
}

/**
 * cb_section_get_title:
 * @self: a section
 *
 * Gets the section's heading.
 *
 * Returns: the title
 */
const char *
cb_section_get_title (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), NULL);
  return self->title;
}

/**
 * cb_section_get_prompt:
 * @self: a section
 *
 * Gets the guidance the template gives for this section.
 *
 * Returns: the prompt, possibly empty
 */
const char *
cb_section_get_prompt (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), NULL);
  return self->prompt;
}

/**
 * cb_section_get_required:
 * @self: a section
 *
 * Gets whether a brief is incomplete while this section is empty.
 *
 * Returns: %TRUE if required
 */
gboolean
cb_section_get_required (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), FALSE);
  return self->required;
}

/**
 * cb_section_get_word_limit:
 * @self: a section
 *
 * Gets the most words the section may have (see cb_brief_count_section_words()).
 *
 * Returns: the limit, 0 for none
 */
guint
cb_section_get_word_limit (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), 0);
  return self->word_limit;
}

/**
 * cb_section_get_own_words:
 * @self: a section
 *
 * Gets whether the template asks for words of the student's own in this section:
 * quotations alone do not make it written (see cb_brief_section_lacks_own_words()).
 *
 * Returns: %TRUE if the section needs the student's own words
 */
gboolean
cb_section_get_own_words (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), FALSE);
  return self->own_words;
}

/**
 * cb_section_get_n_blocks:
 * @self: a section
 *
 * Gets how many blocks (paragraphs and excerpt references) the section has.
 *
 * Returns: the number of blocks
 */
guint
cb_section_get_n_blocks (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), 0);
  return self->blocks->len;
}

/**
 * cb_section_get_block:
 * @self: a section
 * @index: a block index
 *
 * Gets one block of the section's content.
 *
 * Returns: (transfer none): the block, owned by the section
 */
const CbBlock *
cb_section_get_block (CbSection *self,
                      guint      index)
{
  g_return_val_if_fail (CB_IS_SECTION (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

/**
 * cb_section_set_blocks:
 * @self: a section
 * @blocks: (element-type CbBlock) (transfer none): the new content
 *
 * Replaces the section's content with copies of @blocks and emits #CbSection::changed
 * if anything differs. Neighbouring runs of the same emphasis are merged and empty
 * runs dropped; an empty paragraph is kept (it is a blank line the student typed).
 */
void
cb_section_set_blocks (CbSection *self,
                       GPtrArray *blocks)
{
  g_autoptr(GPtrArray) copy = NULL;
  gboolean same;

  g_return_if_fail (CB_IS_SECTION (self));
  g_return_if_fail (blocks != NULL);

  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  for (guint i = 0; i < blocks->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (blocks, i);
      CbBlock *normal;

      if (block->kind == CB_BLOCK_EXCERPT)
        normal = cb_block_new_excerpt (block->excerpt_id);
      else
        {
          normal = cb_block_new_paragraph ();
          g_ptr_array_unref (normal->runs);
          normal->runs = normalize_runs (block->runs);
        }
      g_ptr_array_add (copy, normal);
    }

  same = copy->len == self->blocks->len;
  for (guint i = 0; same && i < copy->len; i++)
    same = cb_block_equal (g_ptr_array_index (copy, i), g_ptr_array_index (self->blocks, i));
  if (same)
    return;

  g_ptr_array_unref (self->blocks);
  self->blocks = g_steal_pointer (&copy);
  self->word_count = -1;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_section_dup_blocks:
 * @self: a section
 *
 * Copies the section's content, for an editor to change and give back with
 * cb_section_set_blocks().
 *
 * Returns: (transfer container) (element-type CbBlock): copies of the blocks
 */
GPtrArray *
cb_section_dup_blocks (CbSection *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (CB_IS_SECTION (self), NULL);

  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (copy, cb_block_copy (g_ptr_array_index (self->blocks, i)));
  return copy;
}

/**
 * cb_section_insert_block:
 * @self: a section
 * @index: where to insert; past the end appends
 * @block: the block to insert (copied)
 *
 * Inserts one block and emits #CbSection::changed.
 */
void
cb_section_insert_block (CbSection     *self,
                         guint          index,
                         const CbBlock *block)
{
  g_return_if_fail (CB_IS_SECTION (self));
  g_return_if_fail (block != NULL);

  g_ptr_array_insert (self->blocks, MIN (index, self->blocks->len), cb_block_copy (block));
  self->word_count = -1;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_section_replace_block:
 * @self: a section
 * @index: the position of a paragraph
 * @block: a paragraph to put in its place (copied)
 *
 * Replaces one paragraph, as an editor does when the student types in it: only that
 * paragraph is compared and counted again, whatever the size of the section. Emits
 * #CbSection::changed if the paragraph differs.
 */
void
cb_section_replace_block (CbSection     *self,
                          guint          index,
                          const CbBlock *block)
{
  CbBlock *old;
  CbBlock *normal;

  g_return_if_fail (CB_IS_SECTION (self));
  g_return_if_fail (block != NULL && block->kind == CB_BLOCK_PARAGRAPH);
  g_return_if_fail (index < self->blocks->len);

  old = g_ptr_array_index (self->blocks, index);
  normal = cb_block_new_paragraph ();
  g_ptr_array_unref (normal->runs);
  normal->runs = normalize_runs (block->runs);
  if (cb_block_equal (normal, old))
    {
      cb_block_free (normal);
      return;
    }

  if (self->word_count >= 0)
    self->word_count += (int) count_block_words (normal) - (int) count_block_words (old);
  self->blocks->pdata[index] = normal;
  cb_block_free (old);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cb_section_remove_excerpt_refs:
 * @self: a section
 * @excerpt_id: an excerpt id
 *
 * Removes every reference to an excerpt from the content, emitting #CbSection::changed
 * if there was one.
 */
void
cb_section_remove_excerpt_refs (CbSection  *self,
                                const char *excerpt_id)
{
  gboolean removed = FALSE;

  g_return_if_fail (CB_IS_SECTION (self));
  g_return_if_fail (excerpt_id != NULL);

  for (guint i = self->blocks->len; i > 0; i--)
    {
      const CbBlock *block = g_ptr_array_index (self->blocks, i - 1);

      if (block->kind == CB_BLOCK_EXCERPT && g_str_equal (block->excerpt_id, excerpt_id))
        {
          g_ptr_array_remove_index (self->blocks, i - 1);
          removed = TRUE;
        }
    }
  if (removed)
    {
      self->word_count = -1;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/**
 * cb_section_is_empty:
 * @self: a section
 *
 * Gets whether the section has neither prose (other than white space) nor excerpts,
 * as in an assignment before a student works on it.
 *
 * Returns: %TRUE if empty
 */
gboolean
cb_section_is_empty (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), TRUE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *text = NULL;

      if (block->kind == CB_BLOCK_EXCERPT)
        return FALSE;
      text = cb_block_dup_text (block);
      if (g_strstrip (text)[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/**
 * cb_section_get_word_count:
 * @self: a section
 *
 * Counts the words of the section's own prose, excerpts not included. The number a
 * word limit is checked against also counts the quoted words; the brief knows the
 * quotes, so that is cb_brief_count_section_words().
 *
 * Returns: the number of prose words
 */
guint
cb_section_get_word_count (CbSection *self)
{
  g_return_val_if_fail (CB_IS_SECTION (self), 0);

  if (self->word_count < 0)
    {
      guint words = 0;

      for (guint i = 0; i < self->blocks->len; i++)
        words += count_block_words (g_ptr_array_index (self->blocks, i));
      self->word_count = words;
    }
  return self->word_count;
}

/**
 * cb_section_lacks_own_words:
 * @self: a section
 *
 * Whether the section needs the student's own words (cb_section_get_own_words()) and
 * holds only quotations: one excerpt or more, and no word outside them, words counted
 * as cb_section_get_word_count() counts them, star-page markers left out. An empty
 * section lacks nothing here; whether it must be written is cb_section_get_required().
 *
 * Returns: %TRUE when the section needs words of the student's own and has none
 */
gboolean
cb_section_lacks_own_words (CbSection *self)
{
  gboolean quotes = FALSE;

  g_return_val_if_fail (CB_IS_SECTION (self), FALSE);

  if (!self->own_words)
    return FALSE;
  for (guint i = 0; i < self->blocks->len; i++)
    if (((CbBlock *) g_ptr_array_index (self->blocks, i))->kind == CB_BLOCK_EXCERPT)
      quotes = TRUE;
  if (!quotes || cb_section_get_word_count (self) == 0)
    return quotes;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *text = NULL;

      if (block->kind != CB_BLOCK_PARAGRAPH)
        continue;
      text = cb_block_dup_text (block);
      if (has_own_word (text))
        return FALSE;
    }
  return TRUE;
}

/**
 * cb_section_set_plain_text:
 * @self: a section
 * @text: plain text; lines become paragraphs
 *
 * Replaces the content with unemphasized paragraphs, one per line of @text.
 * Meant for tests and the command line.
 */
void
cb_section_set_plain_text (CbSection  *self,
                           const char *text)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (CB_IS_SECTION (self));
  g_return_if_fail (text != NULL);

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  if (text[0] != '\0')
    {
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          CbBlock *block = cb_block_new_paragraph ();
          cb_block_add_run (block, lines[i], CB_RUN_PLAIN);
          g_ptr_array_add (blocks, block);
        }
    }
  cb_section_set_blocks (self, blocks);
}

/**
 * cb_section_dup_plain_text:
 * @self: a section
 *
 * Gets the section's prose as plain text, one line per paragraph; excerpt references
 * are written as `[excerpt ID]` lines.
 *
 * Returns: (transfer full): the text
 */
char *
cb_section_dup_plain_text (CbSection *self)
{
  GString *out;

  g_return_val_if_fail (CB_IS_SECTION (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const CbBlock *block = g_ptr_array_index (self->blocks, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      if (block->kind == CB_BLOCK_EXCERPT)
        g_string_append_printf (out, "[excerpt %s]", block->excerpt_id);
      else
        {
          g_autofree char *text = cb_block_dup_text (block);
          g_string_append (out, text);
        }
    }
  return g_string_free (out, FALSE);
}
