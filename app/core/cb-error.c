#define G_LOG_DOMAIN "cb-error"

#include "config.h"

#include "cb-error.h"

G_DEFINE_QUARK (cb-error-quark, cb_error)
