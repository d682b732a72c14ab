#define G_LOG_DOMAIN "cb-excerpt"

#include "config.h"

#include "cb-excerpt.h"

struct _CbExcerpt
{
  GObject parent_instance;

  char *id;
  char *section_id;
  gsize start;
  gsize end;
  char *quote;
  char *prefix;
  char *suffix;
  char *note;
  CbAnchorStatus status;
};

G_DEFINE_FINAL_TYPE (CbExcerpt, cb_excerpt, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CbAnchorStatus, cb_anchor_status,
                    G_DEFINE_ENUM_VALUE (CB_ANCHOR_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (CB_ANCHOR_MOVED, "moved"),
                    G_DEFINE_ENUM_VALUE (CB_ANCHOR_NEEDS_REVIEW, "needs-review"),
                    G_DEFINE_ENUM_VALUE (CB_ANCHOR_ORPHAN, "orphan"))

enum {
  PROP_0,
  PROP_ID,
  PROP_SECTION_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_NOTE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = { "ok", "moved", "needs-review", "orphan" };

/* Returns whether *field changed. */
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

static void
cb_excerpt_finalize (GObject *object)
{
  CbExcerpt *self = CB_EXCERPT (object);

  g_free (self->id);
  g_free (self->section_id);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->note);

  G_OBJECT_CLASS (cb_excerpt_parent_class)->finalize (object);
}

static void
cb_excerpt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbExcerpt *self = CB_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SECTION_ID:
      g_value_set_string (value, self->section_id);
      break;
    case PROP_START:
      g_value_set_uint64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint64 (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpt_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CbExcerpt *self = CB_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_SECTION_ID:
      cb_excerpt_set_section_id (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      cb_excerpt_set_note (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cb_excerpt_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_excerpt_class_init (CbExcerptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cb_excerpt_finalize;
  object_class->get_property = cb_excerpt_get_property;
  object_class->set_property = cb_excerpt_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_SECTION_ID] = g_param_spec_string ("section-id", NULL, NULL, NULL, rw);
  properties[PROP_START] = g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_END] = g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, ro);
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, NULL, ro);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CB_TYPE_ANCHOR_STATUS,
                                               CB_ANCHOR_OK, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cb_excerpt_init (CbExcerpt *self)
{
}

/**
 * cb_anchor_status_to_string:
 * @status: an anchor status
 *
 * Gives the name @status has in a .brief file ("ok", "moved", "needs-review", "orphan").
 *
 * Returns: a static string
 */
const char *
cb_anchor_status_to_string (CbAnchorStatus status)
{
  g_return_val_if_fail (status <= CB_ANCHOR_ORPHAN, "ok");
  return status_names[status];
}

/**
 * cb_excerpt_new:
 * @id: identifier, unique within its brief
 * @section_id: the id of the section the excerpt belongs to
 * @start: offset in characters of the quote in the normalized opinion text
 * @end: offset in characters just past the quote
 * @quote: the exact quoted text
 * @prefix: (nullable): up to %CB_ANCHOR_CONTEXT_CHARS characters before the quote
 * @suffix: (nullable): up to %CB_ANCHOR_CONTEXT_CHARS characters after the quote
 *
 * Creates an excerpt whose anchor is @start, @end and the quote with its context.
 * Its status is %CB_ANCHOR_OK and it has no note.
 *
 * Returns: (transfer full): a new excerpt
 */
CbExcerpt *
cb_excerpt_new (const char *id,
                const char *section_id,
                gsize       start,
                gsize       end,
                const char *quote,
                const char *prefix,
                const char *suffix)
{
  CbExcerpt *self;

  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);
  g_return_val_if_fail (section_id != NULL && section_id[0] != '\0', NULL);
  g_return_val_if_fail (quote != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (CB_TYPE_EXCERPT, NULL);
  self->id = g_strdup (id);
  self->section_id = g_strdup (section_id);
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote);
  self->prefix = g_strdup (prefix ? prefix : "");
  self->suffix = g_strdup (suffix ? suffix : "");
  self->note = g_strdup ("");
  return self;
}

/**
 * cb_excerpt_get_id:
 * @self: an excerpt
 *
 * Gets the excerpt's identifier, which section content uses to refer to it.
 *
 * Returns: the id
 */
const char *
cb_excerpt_get_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->id;
}

/**
 * cb_excerpt_get_section_id:
 * @self: an excerpt
 *
 * Gets the id of the section the excerpt was added to.
 *
 * Returns: the section id
 */
const char *
cb_excerpt_get_section_id (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->section_id;
}

/**
 * cb_excerpt_set_section_id:
 * @self: an excerpt
 * @section_id: the id of the section it now belongs to
 *
 * Moves the excerpt to another section (its highlight colour follows).
 */
void
cb_excerpt_set_section_id (CbExcerpt  *self,
                           const char *section_id)
{
  g_return_if_fail (CB_IS_EXCERPT (self));
  g_return_if_fail (section_id != NULL && section_id[0] != '\0');

  if (replace_str (&self->section_id, section_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_ID]);
}

/**
 * cb_excerpt_get_start:
 * @self: an excerpt
 *
 * Gets where the quote starts, in characters of the normalized opinion text.
 *
 * Returns: the start offset
 */
gsize
cb_excerpt_get_start (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->start;
}

/**
 * cb_excerpt_get_end:
 * @self: an excerpt
 *
 * Gets where the quote ends (exclusive), in characters of the normalized opinion text.
 *
 * Returns: the end offset
 */
gsize
cb_excerpt_get_end (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), 0);
  return self->end;
}

/**
 * cb_excerpt_set_range:
 * @self: an excerpt
 * @start: new start offset in characters
 * @end: new end offset in characters
 *
 * Moves the anchor's position, for instance after re-anchoring found the quote elsewhere.
 * The quote is not changed.
 */
void
cb_excerpt_set_range (CbExcerpt *self,
                      gsize      start,
                      gsize      end)
{
  g_return_if_fail (CB_IS_EXCERPT (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cb_excerpt_get_quote:
 * @self: an excerpt
 *
 * Gets the exact text the excerpt quotes, as it was when the excerpt was made or last confirmed.
 *
 * Returns: the quote
 */
const char *
cb_excerpt_get_quote (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->quote;
}

/**
 * cb_excerpt_get_prefix:
 * @self: an excerpt
 *
 * Gets the text just before the quote, used to tell repeated quotes apart.
 *
 * Returns: the prefix, possibly empty
 */
const char *
cb_excerpt_get_prefix (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->prefix;
}

/**
 * cb_excerpt_get_suffix:
 * @self: an excerpt
 *
 * Gets the text just after the quote, used to tell repeated quotes apart.
 *
 * Returns: the suffix, possibly empty
 */
const char *
cb_excerpt_get_suffix (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->suffix;
}

/**
 * cb_excerpt_set_quote:
 * @self: an excerpt
 * @quote: the exact quoted text
 * @prefix: (nullable): context before it
 * @suffix: (nullable): context after it
 *
 * Replaces the quote and its context, as when a user confirms a match that needed review.
 */
void
cb_excerpt_set_quote (CbExcerpt  *self,
                      const char *quote,
                      const char *prefix,
                      const char *suffix)
{
  g_return_if_fail (CB_IS_EXCERPT (self));
  g_return_if_fail (quote != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (replace_str (&self->quote, quote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
  if (replace_str (&self->prefix, prefix ? prefix : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
  if (replace_str (&self->suffix, suffix ? suffix : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cb_excerpt_get_note:
 * @self: an excerpt
 *
 * Gets the student's note on the excerpt.
 *
 * Returns: the note, possibly empty
 */
const char *
cb_excerpt_get_note (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), NULL);
  return self->note;
}

/**
 * cb_excerpt_set_note:
 * @self: an excerpt
 * @note: (nullable): the note
 *
 * Sets the student's note on the excerpt.
 */
void
cb_excerpt_set_note (CbExcerpt  *self,
                     const char *note)
{
  g_return_if_fail (CB_IS_EXCERPT (self));

  if (replace_str (&self->note, note ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * cb_excerpt_get_status:
 * @self: an excerpt
 *
 * Gets how well the anchor matched the opinion when the brief was loaded.
 *
 * Returns: the anchor status
 */
CbAnchorStatus
cb_excerpt_get_status (CbExcerpt *self)
{
  g_return_val_if_fail (CB_IS_EXCERPT (self), CB_ANCHOR_OK);
  return self->status;
}

/**
 * cb_excerpt_set_status:
 * @self: an excerpt
 * @status: the anchor status
 *
 * Sets the anchor status, for instance to %CB_ANCHOR_OK once a user confirmed a match.
 */
void
cb_excerpt_set_status (CbExcerpt      *self,
                       CbAnchorStatus  status)
{
  g_return_if_fail (CB_IS_EXCERPT (self));
  g_return_if_fail (status <= CB_ANCHOR_ORPHAN);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
