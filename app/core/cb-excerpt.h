#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CbAnchorStatus:
 * @CB_ANCHOR_OK: the quote is where the excerpt says it is
 * @CB_ANCHOR_MOVED: the exact quote was found again at a new place
 * @CB_ANCHOR_NEEDS_REVIEW: only a close, not exact, match was found; the user must confirm it
 * @CB_ANCHOR_ORPHAN: the quote is no longer in the opinion; the excerpt is kept as written
 *
 * How well an excerpt's anchor matches the opinion it belongs to.
 */
typedef enum
{
  CB_ANCHOR_OK,
  CB_ANCHOR_MOVED,
  CB_ANCHOR_NEEDS_REVIEW,
  CB_ANCHOR_ORPHAN,
} CbAnchorStatus;

#define CB_TYPE_ANCHOR_STATUS (cb_anchor_status_get_type ())
GType cb_anchor_status_get_type (void);

const char     *cb_anchor_status_to_string   (CbAnchorStatus  status);

#define CB_TYPE_EXCERPT (cb_excerpt_get_type ())
G_DECLARE_FINAL_TYPE (CbExcerpt, cb_excerpt, CB, EXCERPT, GObject)

CbExcerpt      *cb_excerpt_new            (const char     *id,
                                           const char     *section_id,
                                           gsize           start,
                                           gsize           end,
                                           const char     *quote,
                                           const char     *prefix,
                                           const char     *suffix);

const char     *cb_excerpt_get_id         (CbExcerpt      *self);
const char     *cb_excerpt_get_section_id (CbExcerpt      *self);
void            cb_excerpt_set_section_id (CbExcerpt      *self,
                                           const char     *section_id);
gsize           cb_excerpt_get_start      (CbExcerpt      *self);
gsize           cb_excerpt_get_end        (CbExcerpt      *self);
void            cb_excerpt_set_range      (CbExcerpt      *self,
                                           gsize           start,
                                           gsize           end);
const char     *cb_excerpt_get_quote      (CbExcerpt      *self);
const char     *cb_excerpt_get_prefix     (CbExcerpt      *self);
const char     *cb_excerpt_get_suffix     (CbExcerpt      *self);
void            cb_excerpt_set_quote      (CbExcerpt      *self,
                                           const char     *quote,
                                           const char     *prefix,
                                           const char     *suffix);
const char     *cb_excerpt_get_note       (CbExcerpt      *self);
void            cb_excerpt_set_note       (CbExcerpt      *self,
                                           const char     *note);
CbAnchorStatus  cb_excerpt_get_status     (CbExcerpt      *self);
void            cb_excerpt_set_status     (CbExcerpt      *self,
                                           CbAnchorStatus  status);

G_END_DECLS
