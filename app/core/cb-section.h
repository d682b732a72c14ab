#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CbRunFlags:
 * @CB_RUN_PLAIN: no emphasis
 * @CB_RUN_ITALIC: italic (`<i>`), e.g. case names
 * @CB_RUN_BOLD: bold (`<b>`)
 *
 * The inline emphasis of a run of text.
 */
typedef enum
{
  CB_RUN_PLAIN  = 0,
  CB_RUN_ITALIC = 1 << 0,
  CB_RUN_BOLD   = 1 << 1,
} CbRunFlags;

/**
 * CbRun:
 * @text: UTF-8 text
 * @flags: its emphasis
 *
 * A stretch of a paragraph with one emphasis.
 */
typedef struct
{
  char *text;
  CbRunFlags flags;
} CbRun;

/**
 * CbBlockKind:
 * @CB_BLOCK_PARAGRAPH: a paragraph of the student's own prose
 * @CB_BLOCK_EXCERPT: a reference to an excerpt of the opinion, shown as a quotation
 *
 * What a block of section content is.
 */
typedef enum
{
  CB_BLOCK_PARAGRAPH,
  CB_BLOCK_EXCERPT,
} CbBlockKind;

/**
 * CbBlock:
 * @kind: paragraph or excerpt reference
 * @runs: (element-type CbRun): for a paragraph, its runs in order; %NULL for an excerpt
 * @excerpt_id: for an excerpt reference, the excerpt's id; %NULL for a paragraph
 *
 * One block of a section's content.
 */
typedef struct
{
  CbBlockKind kind;
  GPtrArray *runs;
  char *excerpt_id;
} CbBlock;

#define CB_TYPE_RUN (cb_run_get_type ())
GType    cb_run_get_type            (void);
CbRun   *cb_run_new                 (const char  *text,
                                     CbRunFlags   flags);
CbRun   *cb_run_copy                (const CbRun *run);
void     cb_run_free                (CbRun       *run);

#define CB_TYPE_BLOCK (cb_block_get_type ())
GType    cb_block_get_type          (void);
CbBlock *cb_block_new_paragraph     (void);
CbBlock *cb_block_new_excerpt       (const char    *excerpt_id);
void     cb_block_add_run           (CbBlock       *block,
                                     const char    *text,
                                     CbRunFlags     flags);
char    *cb_block_dup_text          (const CbBlock *block);
gboolean cb_block_equal             (const CbBlock *a,
                                     const CbBlock *b);
CbBlock *cb_block_copy              (const CbBlock *block);
void     cb_block_free              (CbBlock       *block);

guint    cb_count_words             (const char    *text);

#define CB_TYPE_SECTION (cb_section_get_type ())
G_DECLARE_FINAL_TYPE (CbSection, cb_section, CB, SECTION, GObject)

CbSection     *cb_section_new             (const char *id,
                                           const char *title,
                                           const char *prompt,
                                           gboolean    required,
                                           guint       word_limit,
                                           gboolean    own_words);

const char    *cb_section_get_id          (CbSection  *self);
const char    *cb_section_get_title       (CbSection  *self);
const char    *cb_section_get_prompt      (CbSection  *self);
gboolean       cb_section_get_required    (CbSection  *self);
guint          cb_section_get_word_limit  (CbSection  *self);
gboolean       cb_section_get_own_words   (CbSection  *self);

guint          cb_section_get_n_blocks    (CbSection  *self);
const CbBlock *cb_section_get_block       (CbSection  *self,
                                           guint       index);
void           cb_section_set_blocks      (CbSection  *self,
                                           GPtrArray  *blocks);
GPtrArray     *cb_section_dup_blocks      (CbSection  *self);
void           cb_section_insert_block    (CbSection     *self,
                                           guint          index,
                                           const CbBlock *block);
void           cb_section_replace_block   (CbSection     *self,
                                           guint          index,
                                           const CbBlock *block);
void           cb_section_remove_excerpt_refs (CbSection  *self,
                                               const char *excerpt_id);
gboolean       cb_section_is_empty        (CbSection  *self);
guint          cb_section_get_word_count  (CbSection  *self);
gboolean       cb_section_lacks_own_words (CbSection  *self);

void           cb_section_set_plain_text  (CbSection  *self,
                                           const char *text);
char          *cb_section_dup_plain_text  (CbSection  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbRun, cb_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbBlock, cb_block_free)

G_END_DECLS
