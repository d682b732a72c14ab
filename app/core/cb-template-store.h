#pragma once

#include <gio/gio.h>

#include "cb-file-stamp.h"
#include "cb-template.h"

G_BEGIN_DECLS

/**
 * CbTemplateOrigin:
 * @CB_TEMPLATE_ORIGIN_BUILTIN: built into Casebrief
 * @CB_TEMPLATE_ORIGIN_USER: in the user's own template folder
 * @CB_TEMPLATE_ORIGIN_SYSTEM: in a system data folder, installed for everyone
 *
 * Where a template of the store was found.
 */
typedef enum
{
  CB_TEMPLATE_ORIGIN_BUILTIN,
  CB_TEMPLATE_ORIGIN_USER,
  CB_TEMPLATE_ORIGIN_SYSTEM,
} CbTemplateOrigin;

#define CB_TYPE_TEMPLATE_STORE (cb_template_store_get_type ())
G_DECLARE_FINAL_TYPE (CbTemplateStore, cb_template_store, CB, TEMPLATE_STORE, GObject)

CbTemplateStore *cb_template_store_get_default          (void);
CbTemplateStore *cb_template_store_new                  (void);
void             cb_template_store_reload               (CbTemplateStore *self);
CbTemplate      *cb_template_store_lookup               (CbTemplateStore *self,
                                                         const char      *id);
CbTemplate      *cb_template_store_find                 (CbTemplateStore *self,
                                                         const char      *name,
                                                         GError         **error);
CbTemplate      *cb_template_store_get_default_template (CbTemplateStore *self);
GPtrArray       *cb_template_store_get_load_errors      (CbTemplateStore *self);
GFile           *cb_template_store_get_user_dir         (CbTemplateStore *self);
CbTemplateOrigin cb_template_store_get_origin           (CbTemplateStore *self,
                                                         CbTemplate      *template);
GFile           *cb_template_store_get_file             (CbTemplateStore *self,
                                                         CbTemplate      *template);
CbFileStamp     *cb_template_store_get_stamp            (CbTemplateStore *self,
                                                         CbTemplate      *template);
char            *cb_template_store_make_id              (CbTemplateStore *self,
                                                         const char      *base);
GFile           *cb_template_store_get_install_file     (CbTemplateStore *self,
                                                         CbTemplate      *template,
                                                         GError         **error);
GFile           *cb_template_store_install              (CbTemplateStore *self,
                                                         CbTemplate      *template,
                                                         GError         **error);

G_END_DECLS
