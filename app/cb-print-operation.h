#pragma once

#include <gtk/gtk.h>

#include "cb-brief.h"
#include "cb-brief-renderer.h"

G_BEGIN_DECLS

CbPaper            cb_paper_get_preferred (GSettings *settings);
GtkPrintOperation *cb_print_operation_new (CbBrief   *brief);
void               cb_print_brief         (GtkWindow *parent,
                                           CbBrief   *brief);

G_END_DECLS
