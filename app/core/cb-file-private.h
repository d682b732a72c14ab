/* What the file loader, the file writer and the stamps share: constructors of stamps
 * and the one wording of file errors. */
#pragma once

#include <sys/stat.h>
#include <gio/gio.h>

#include "cb-file-stamp.h"

G_BEGIN_DECLS

/* The suffix of a temporary file written beside the file it will replace. */
#define CB_FILE_TEMP_SUFFIX ".cbpart"

CbFileStamp *cb_file_stamp_new_for_stat (const struct stat *st);
CbFileStamp *cb_file_stamp_new_for_info (GFileInfo         *info);

char        *cb_file_dup_display_name   (GFile             *file);
const char  *cb_file_describe_errno     (int                errsv,
                                         gboolean           saving);
const char  *cb_file_describe_gio_error (const GError      *error,
                                         gboolean           saving);
void         cb_file_set_save_error     (GError           **error,
                                         GFile             *file,
                                         GQuark             domain,
                                         int                code,
                                         const char        *reason);

G_END_DECLS
