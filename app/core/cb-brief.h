#pragma once

#include <gio/gio.h>

#include "cb-excerpt.h"
#include "cb-file-stamp.h"
#include "cb-file-writer.h"
#include "cb-opinion.h"
#include "cb-section.h"
#include "cb-template.h"

G_BEGIN_DECLS

/* The newest .brief format this version writes; files with a higher major are refused. */
#define CB_BRIEF_FORMAT_MAJOR 1
#define CB_BRIEF_FORMAT_MINOR 2
#define CB_BRIEF_NAMESPACE "https://casebrief.github.io/ns/brief/1"

/* Largest .brief file accepted (an opinion plus the student's writing). */
#define CB_BRIEF_MAX_BYTES (128 * 1024 * 1024)

#define CB_TYPE_BRIEF (cb_brief_get_type ())
G_DECLARE_FINAL_TYPE (CbBrief, cb_brief, CB, BRIEF, GObject)

CbBrief     *cb_brief_new                       (CbTemplate   *template,
                                                 CbOpinion    *opinion);

CbOpinion   *cb_brief_get_opinion               (CbBrief      *self);

/* Metadata; each is also a property of the same name with dashes. */
const char  *cb_brief_get_case_name             (CbBrief      *self);
void         cb_brief_set_case_name             (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_citation              (CbBrief      *self);
void         cb_brief_set_citation              (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_court                 (CbBrief      *self);
void         cb_brief_set_court                 (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_date_decided          (CbBrief      *self);
void         cb_brief_set_date_decided          (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_opinion_author        (CbBrief      *self);
void         cb_brief_set_opinion_author        (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_student               (CbBrief      *self);
void         cb_brief_set_student               (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_course                (CbBrief      *self);
void         cb_brief_set_course                (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_created               (CbBrief      *self);
void         cb_brief_set_created               (CbBrief      *self,
                                                 const char   *value);
const char  *cb_brief_get_modified              (CbBrief      *self);
void         cb_brief_set_modified              (CbBrief      *self,
                                                 const char   *value);

/* Assignment */
const char  *cb_brief_get_assignment_instructions (CbBrief    *self);
void         cb_brief_set_assignment_instructions (CbBrief    *self,
                                                   const char *value);
const char  *cb_brief_get_due_date              (CbBrief      *self);
void         cb_brief_set_due_date              (CbBrief      *self,
                                                 const char   *value);
gboolean     cb_brief_get_locked                (CbBrief      *self);
void         cb_brief_set_locked                (CbBrief      *self,
                                                 gboolean      locked);

/* The template the brief was made from, as copied in. */
const char  *cb_brief_get_template_id           (CbBrief      *self);
guint        cb_brief_get_template_version      (CbBrief      *self);
const char  *cb_brief_get_template_title        (CbBrief      *self);
const char  *cb_brief_get_template_author       (CbBrief      *self);
const char  *cb_brief_get_template_instructions (CbBrief      *self);

/* Sections */
guint        cb_brief_get_n_sections            (CbBrief      *self);
CbSection   *cb_brief_get_section               (CbBrief      *self,
                                                 guint         index);
CbSection   *cb_brief_lookup_section            (CbBrief      *self,
                                                 const char   *id);
guint        cb_brief_count_section_words       (CbBrief      *self,
                                                 CbSection    *section);

/* Excerpts */
GListModel  *cb_brief_get_excerpts              (CbBrief      *self);
CbExcerpt   *cb_brief_lookup_excerpt            (CbBrief      *self,
                                                 const char   *id);
CbExcerpt   *cb_brief_add_excerpt               (CbBrief      *self,
                                                 const char   *section_id,
                                                 gsize         start,
                                                 gsize         end);
void         cb_brief_insert_excerpt_block      (CbBrief      *self,
                                                 CbSection    *section,
                                                 CbExcerpt    *excerpt,
                                                 guint         block_index);
void         cb_brief_restore_excerpt           (CbBrief      *self,
                                                 CbExcerpt    *excerpt);
void         cb_brief_remove_excerpt            (CbBrief      *self,
                                                 CbExcerpt    *excerpt);
char        *cb_brief_dup_pin_cite              (CbBrief      *self,
                                                 CbExcerpt    *excerpt);
CbCiteStyle  cb_brief_get_cite_style            (CbBrief      *self);
void         cb_brief_set_cite_style            (CbBrief      *self,
                                                 CbCiteStyle   style);
char        *cb_brief_dup_quotation             (CbBrief      *self,
                                                 CbExcerpt    *excerpt);
char        *cb_brief_dup_quote_text            (CbBrief      *self,
                                                 gsize         start,
                                                 gsize         end);
char        *cb_brief_dup_reference             (CbBrief      *self,
                                                 gsize         start,
                                                 gsize         end);
gboolean     cb_brief_get_opinion_checksum_mismatch (CbBrief  *self);

/* Files */
CbBrief     *cb_brief_load_bytes                (GBytes       *bytes,
                                                 const char   *name,
                                                 GError      **error);
CbBrief     *cb_brief_load_file                 (GFile        *file,
                                                 GCancellable *cancellable,
                                                 GError      **error);
void         cb_brief_load_file_async           (GFile        *file,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer      user_data);
CbBrief     *cb_brief_load_file_finish          (GAsyncResult *result,
                                                 CbFileStamp **out_stamp,
                                                 GError      **error);
GBytes      *cb_brief_to_bytes                  (CbBrief      *self);
gboolean     cb_brief_save_file                 (CbBrief      *self,
                                                 GFile        *file,
                                                 GCancellable *cancellable,
                                                 GError      **error);
gboolean     cb_brief_save_file_full            (CbBrief      *self,
                                                 GFile        *file,
                                                 const CbFileStamp *expected,
                                                 CbFileSaveFlags flags,
                                                 CbFileStamp **out_stamp,
                                                 GCancellable *cancellable,
                                                 GError      **error);
void         cb_brief_save_file_async           (CbBrief      *self,
                                                 GFile        *file,
                                                 const CbFileStamp *expected,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer      user_data);
gboolean     cb_brief_save_file_finish          (CbBrief      *self,
                                                 GAsyncResult *result,
                                                 CbFileStamp **out_stamp,
                                                 GError      **error);

G_END_DECLS
