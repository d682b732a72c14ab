#pragma once

#include <adwaita.h>

#include "cb-opinion.h"
#include "cb-template.h"

G_BEGIN_DECLS

#define CB_TYPE_ASSIGNMENT_DIALOG (cb_assignment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CbAssignmentDialog, cb_assignment_dialog, CB, ASSIGNMENT_DIALOG, AdwWindow)

CbAssignmentDialog *cb_assignment_dialog_new              (GtkWindow           *parent);
CbTemplate         *cb_assignment_dialog_get_template     (CbAssignmentDialog  *self);
void                cb_assignment_dialog_set_template     (CbAssignmentDialog  *self,
                                                           CbTemplate          *template);
GFile              *cb_assignment_dialog_get_opinion_file (CbAssignmentDialog  *self);
CbOpinion          *cb_assignment_dialog_get_opinion      (CbAssignmentDialog  *self);
gboolean            cb_assignment_dialog_is_reading       (CbAssignmentDialog  *self);
void                cb_assignment_dialog_set_opinion_file (CbAssignmentDialog  *self,
                                                           GFile               *file);
GtkWidget          *cb_assignment_dialog_get_field        (CbAssignmentDialog  *self,
                                                           const char          *name);
gboolean            cb_assignment_dialog_save_to          (CbAssignmentDialog  *self,
                                                           GFile               *file,
                                                           GError             **error);

G_END_DECLS
