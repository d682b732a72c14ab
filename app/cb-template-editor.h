#pragma once

#include <adwaita.h>

#include "cb-template.h"

G_BEGIN_DECLS

#define CB_TYPE_TEMPLATE_EDITOR (cb_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (CbTemplateEditor, cb_template_editor, CB, TEMPLATE_EDITOR, AdwWindow)

CbTemplateEditor *cb_template_editor_new                  (GtkApplication    *application,
                                                           CbTemplate        *template);
CbTemplate       *cb_template_editor_get_template         (CbTemplateEditor  *self);
GFile            *cb_template_editor_get_file             (CbTemplateEditor  *self);
gboolean          cb_template_editor_get_modified         (CbTemplateEditor  *self);
int               cb_template_editor_get_selected_section (CbTemplateEditor  *self);
GtkWidget        *cb_template_editor_get_field            (CbTemplateEditor  *self,
                                                           const char        *name);
gboolean          cb_template_editor_edits                (CbTemplateEditor  *self,
                                                           CbTemplate        *template);
void              cb_template_editor_save_async           (CbTemplateEditor    *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void              cb_template_editor_save_to_async        (CbTemplateEditor    *self,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          cb_template_editor_save_finish          (CbTemplateEditor    *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
