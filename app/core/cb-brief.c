/* Briefs: the model of one brief, its metadata, sections and excerpts. */
#define G_LOG_DOMAIN "cb-brief"

#include "config.h"

#include "cb-brief-private.h"
#include "cb-date.h"

/* Element names in the file, which are also the property names. */
const char * const cb_brief_field_names[N_FIELDS] = {
  "case-name", "citation", "court", "date-decided", "opinion-author",
  "student", "course", "created", "modified", "instructions", "due-date",
};

G_DEFINE_FINAL_TYPE (CbBrief, cb_brief, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_FIELD_FIRST + CbBriefField for each field */
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
  g_hash_table_remove (self->quotation_words, excerpt);
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
           CbBriefField    field)
{
  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  return self->fields[field];
}

static void
set_field (CbBrief    *self,
           CbBriefField       field,
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

/* The anchor index of the opinion's text, made when first needed. */
CbAnchorIndex *
_cb_brief_get_index (CbBrief *self)
{
  if (self->index == NULL)
    self->index = cb_anchor_index_new (cb_opinion_get_text (self->opinion));
  return self->index;
}

/* Appends @section, which the brief takes, and follows its changes. */
void
_cb_brief_add_section (CbBrief   *self,
                       CbSection *section)
{
  g_signal_connect_object (section, "changed", G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->sections, section);
  /* The first of two with one id is the one found, as a walk from the start finds it. */
  if (!g_hash_table_contains (self->sections_by_id, cb_section_get_id (section)))
    g_hash_table_insert (self->sections_by_id, (gpointer) cb_section_get_id (section), section);
}

/* Appends @excerpt, which the brief refs, and follows its changes. */
void
_cb_brief_append_excerpt (CbBrief   *self,
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
  /* Kept in ISO 8601, as every brief keeps it, when the caption's date reads as one
   * ("January 21, 1986"); otherwise as the caption has it. */
  self->fields[FIELD_DATE_DECIDED] = cb_date_to_iso (cb_opinion_get_date (self->opinion));
  if (self->fields[FIELD_DATE_DECIDED] == NULL)
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
  g_hash_table_unref (self->sections_by_id);
  g_ptr_array_unref (self->sections);
  g_object_unref (self->excerpts);
  g_hash_table_unref (self->excerpts_by_id);
  g_hash_table_unref (self->quotation_words);
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
      const char *name = i == FIELD_INSTRUCTIONS ? "assignment-instructions" : cb_brief_field_names[i];
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
  self->sections_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->excerpts = g_list_store_new (CB_TYPE_EXCERPT);
  self->excerpts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->quotation_words = g_hash_table_new (NULL, NULL);
  self->extensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->excerpts, "items-changed",
                           G_CALLBACK (excerpts_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Every field a string: what the file did not give is empty. */
void
_cb_brief_fill_empty_fields (CbBrief *self)
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
      _cb_brief_add_section (self, cb_section_new (ts->id, ts->title, ts->prompt, ts->required,
                                                   ts->word_limit, ts->own_words));
    }
  prefill_metadata (self);
  _cb_brief_fill_empty_fields (self);
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

  return g_hash_table_lookup (self->sections_by_id, id);
}

/* The words of an excerpt's quotation as the brief shows it, counted once: the count
 * is asked for at every keystroke. */
static guint
count_quotation_words (CbBrief   *self,
                       CbExcerpt *excerpt)
{
  gpointer cached;

  if (!g_hash_table_lookup_extended (self->quotation_words, excerpt, NULL, &cached))
    {
      g_autofree char *quotation = cb_brief_dup_quotation (self, excerpt);

      cached = GUINT_TO_POINTER (cb_count_words (quotation));
      g_hash_table_insert (self->quotation_words, excerpt, cached);
    }
  return GPOINTER_TO_UINT (cached);
}

/**
 * cb_brief_count_section_words:
 * @self: a brief
 * @section: one of its sections
 *
 * Counts the words a section's word limit is checked against: the student's prose
 * and the words of the excerpts quoted in it, since a reader reads both. A quotation
 * counts the words it shows: no star-page, footnote or headnote marker is a word, and
 * a word a star page split is one. Pin cites are not counted.
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
        words += count_quotation_words (self, excerpt);
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
  cb_anchor_index_describe (_cb_brief_get_index (self), start, end, &quote, &prefix, &suffix);
  excerpt = cb_excerpt_new (id, section_id, start, end, quote, prefix, suffix);
  _cb_brief_append_excerpt (self, excerpt);
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

  _cb_brief_append_excerpt (self, excerpt);
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
  g_hash_table_remove (self->quotation_words, excerpt);
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

/* A passage in typographic quotation marks, on flowing lines, with the quotation marks
 * inside it made single, as in print. */
static char *
format_quotation (const char *raw)
{
  GString *out = g_string_new ("“");
  gboolean space = FALSE;
  gboolean started = FALSE;

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
  return g_string_free (out, FALSE);
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
  return format_quotation (raw);
}

/**
 * cb_brief_dup_reference:
 * @self: a brief
 * @start: offset in characters of a passage of the opinion
 * @end: offset just past its end
 *
 * Gets a passage as a quotation with its pin cite after it, as a research service's
 * copy with reference gives it to paste elsewhere: “…left the note on his desk
 * unread.” 474 U.S. at 345. The quotation is the one the brief would show; the pin
 * cite follows the brief's citation and cite style, and is left out only when the
 * opinion has no page for the passage.
 *
 * Returns: (transfer full): the quotation and its pin cite
 */
char *
cb_brief_dup_reference (CbBrief *self,
                        gsize    start,
                        gsize    end)
{
  g_autofree char *raw = NULL;
  g_autofree char *quotation = NULL;
  g_autofree char *cite = NULL;

  g_return_val_if_fail (CB_IS_BRIEF (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  end = MIN (end, cb_opinion_get_length (self->opinion));
  start = MIN (start, end);
  raw = cb_brief_dup_quote_text (self, start, end);
  quotation = format_quotation (raw);
  cite = cb_opinion_pin_cite (self->opinion, start, end, self->fields[FIELD_CITATION], self->cite_style);
  if (cite == NULL)
    return g_steal_pointer (&quotation);
  return g_strdup_printf ("%s %s", quotation, cite);
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
