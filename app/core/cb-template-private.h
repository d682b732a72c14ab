#pragma once

#include "cb-template.h"

G_BEGIN_DECLS

void cb_template_mark_builtin (CbTemplate *self);

G_END_DECLS
