#pragma once

#include <gtksourceview/gtksource.h>

#include "cb-opinion.h"

G_BEGIN_DECLS

#define CB_TYPE_PAGE_GUTTER (cb_page_gutter_get_type ())
G_DECLARE_FINAL_TYPE (CbPageGutter, cb_page_gutter, CB, PAGE_GUTTER, GtkSourceGutterRendererText)

CbPageGutter *cb_page_gutter_new          (void);
void          cb_page_gutter_set_opinion  (CbPageGutter *self,
                                           CbOpinion    *opinion);
void          cb_page_gutter_set_reporter (CbPageGutter *self,
                                           guint         reporter);
char         *cb_page_gutter_dup_label    (CbPageGutter *self,
                                           guint         line);

G_END_DECLS
