#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void cb_core_ensure_resources (void);
void cb_i18n_init             (void);

#define CB_CORE_RESOURCE_PREFIX "/io/github/casebrief/Casebrief/core"

G_END_DECLS
