#pragma once

#include <gio/gio.h>

#include "cb-brief.h"

G_BEGIN_DECLS

#define CB_TYPE_DRAFT (cb_draft_get_type ())
G_DECLARE_FINAL_TYPE (CbDraft, cb_draft, CB, DRAFT, GObject)

const char *cb_draft_get_id           (CbDraft      *self);
const char *cb_draft_get_original_uri (CbDraft      *self);
GDateTime  *cb_draft_get_saved        (CbDraft      *self);
GFile      *cb_draft_get_file         (CbDraft      *self);
CbBrief    *cb_draft_load             (CbDraft      *self,
                                       GError      **error);

GFile      *cb_drafts_get_dir         (void);
gboolean    cb_drafts_save            (const char   *id,
                                       GBytes       *bytes,
                                       const char   *original_uri,
                                       GError      **error);
void        cb_drafts_save_async      (const char   *id,
                                       GBytes       *bytes,
                                       const char   *original_uri,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer      user_data);
gboolean    cb_drafts_save_finish     (GAsyncResult *result,
                                       GError      **error);
void        cb_drafts_discard         (const char   *id);
GPtrArray  *cb_drafts_list            (void);

G_END_DECLS
