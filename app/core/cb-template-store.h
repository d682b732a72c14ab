#pragma once

#include <gio/gio.h>

#include "cb-template.h"

G_BEGIN_DECLS

#define CB_TYPE_TEMPLATE_STORE (cb_template_store_get_type ())
G_DECLARE_FINAL_TYPE (CbTemplateStore, cb_template_store, CB, TEMPLATE_STORE, GObject)

CbTemplateStore *cb_template_store_get_default          (void);
CbTemplateStore *cb_template_store_new                  (void);
void             cb_template_store_reload               (CbTemplateStore *self);
CbTemplate      *cb_template_store_lookup               (CbTemplateStore *self,
                                                         const char      *id);
CbTemplate      *cb_template_store_get_default_template (CbTemplateStore *self);
GPtrArray       *cb_template_store_get_load_errors      (CbTemplateStore *self);
GFile           *cb_template_store_get_user_dir         (CbTemplateStore *self);
char            *cb_template_store_dup_unused_id        (CbTemplateStore *self,
                                                         const char      *base);
gboolean         cb_template_store_save_user_template   (CbTemplateStore *self,
                                                         CbTemplate      *template,
                                                         GError         **error);

G_END_DECLS
