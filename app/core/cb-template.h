#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A template's id names its file in the template folder: see cb_template_id_is_valid(). */
#define CB_TEMPLATE_ID_MAX_LENGTH 64

/* Largest .brieftemplate file read, or written. */
#define CB_TEMPLATE_MAX_BYTES (4 * 1024 * 1024)

/**
 * CbTemplateSection:
 * @id: stable identifier, unique in the template ("facts")
 * @title: heading shown to the student ("Facts")
 * @prompt: guidance shown under the heading
 * @required: whether a brief is incomplete without this section
 * @word_limit: most words allowed, 0 for no limit
 * @own_words: whether the section needs words of the student's own: quotations alone
 *   do not make it written (set it after cb_template_section_new())
 *
 * One section a template asks for.
 */
typedef struct
{
  char *id;
  char *title;
  char *prompt;
  gboolean required;
  guint word_limit;
  gboolean own_words;
} CbTemplateSection;

#define CB_TYPE_TEMPLATE_SECTION (cb_template_section_get_type ())
GType              cb_template_section_get_type (void);
CbTemplateSection *cb_template_section_new      (const char              *id,
                                                 const char              *title,
                                                 const char              *prompt,
                                                 gboolean                 required,
                                                 guint                    word_limit);
CbTemplateSection *cb_template_section_copy     (const CbTemplateSection *section);
void               cb_template_section_free     (CbTemplateSection       *section);

#define CB_TYPE_TEMPLATE (cb_template_get_type ())
G_DECLARE_FINAL_TYPE (CbTemplate, cb_template, CB, TEMPLATE, GObject)

CbTemplate              *cb_template_new              (const char   *id,
                                                       const char   *title);
CbTemplate              *cb_template_copy             (CbTemplate   *self,
                                                       const char   *new_id);

const char              *cb_template_get_id           (CbTemplate   *self);
void                     cb_template_set_id           (CbTemplate   *self,
                                                       const char   *id);
guint                    cb_template_get_version      (CbTemplate   *self);
void                     cb_template_set_version      (CbTemplate   *self,
                                                       guint         version);
const char              *cb_template_get_title        (CbTemplate   *self);
void                     cb_template_set_title        (CbTemplate   *self,
                                                       const char   *title);
const char              *cb_template_get_author       (CbTemplate   *self);
void                     cb_template_set_author       (CbTemplate   *self,
                                                       const char   *author);
const char              *cb_template_get_instructions (CbTemplate   *self);
void                     cb_template_set_instructions (CbTemplate   *self,
                                                       const char   *instructions);
gboolean                 cb_template_get_builtin      (CbTemplate   *self);

guint                    cb_template_get_n_sections   (CbTemplate   *self);
const CbTemplateSection *cb_template_get_section      (CbTemplate   *self,
                                                       guint         index);
const CbTemplateSection *cb_template_lookup_section   (CbTemplate   *self,
                                                       const char   *id);
void                     cb_template_add_section      (CbTemplate              *self,
                                                       const CbTemplateSection *section);
void                     cb_template_set_section      (CbTemplate              *self,
                                                       guint                    index,
                                                       const CbTemplateSection *section);
void                     cb_template_remove_section   (CbTemplate   *self,
                                                       guint         index);
void                     cb_template_move_section     (CbTemplate   *self,
                                                       guint         from,
                                                       guint         to);
gboolean                 cb_template_check            (CbTemplate   *self,
                                                       GError      **error);

gboolean                 cb_template_id_is_valid      (const char   *id);

CbTemplate              *cb_template_load_bytes       (GBytes       *bytes,
                                                       const char   *name,
                                                       GError      **error);
CbTemplate              *cb_template_load_file        (GFile        *file,
                                                       GCancellable *cancellable,
                                                       GError      **error);
GBytes                  *cb_template_to_bytes         (CbTemplate   *self);
gboolean                 cb_template_save_file        (CbTemplate   *self,
                                                       GFile        *file,
                                                       GCancellable *cancellable,
                                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbTemplateSection, cb_template_section_free)

G_END_DECLS
