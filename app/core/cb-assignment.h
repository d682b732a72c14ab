#pragma once

#include <gio/gio.h>

#include "cb-brief.h"
#include "cb-opinion.h"
#include "cb-template.h"

G_BEGIN_DECLS

gboolean  cb_assignment_is_valid_date (const char  *text);
CbBrief  *cb_assignment_new           (CbTemplate  *template,
                                       CbOpinion   *opinion,
                                       const char  *course,
                                       const char  *due_date,
                                       const char  *instructions,
                                       GError     **error);

G_END_DECLS
