/* The save-changes dialog: the one question asked before windows with unsaved work
 * close, for one brief or template or for every window at once when quitting. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     cb_save_changes_dialog_run_async  (GtkWindow           *parent,
                                            GPtrArray           *windows,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean cb_save_changes_dialog_run_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
