#pragma once

#include <gtk/gtk.h>

#include "cb-brief.h"

G_BEGIN_DECLS

GtkPrintOperation *cb_print_operation_new (CbBrief   *brief);
void               cb_print_brief         (GtkWindow *parent,
                                           CbBrief   *brief);

G_END_DECLS
