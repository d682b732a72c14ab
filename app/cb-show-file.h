/* Showing a file Casebrief wrote: opening it with the desktop's default application, and
 * showing it in its folder, through the file manager where one answers. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * CbFolderShow:
 * @CB_FOLDER_SHOW_NONE: nothing on this desktop shows a folder
 * @CB_FOLDER_SHOW_FILE_MANAGER: a file manager answers org.freedesktop.FileManager1,
 *   which opens the folder with the file selected
 * @CB_FOLDER_SHOW_OPEN_FOLDER: no such file manager, but an application opens folders:
 *   the folder is opened, without the file selected
 *
 * How a file can be shown in its folder.
 */
typedef enum
{
  CB_FOLDER_SHOW_NONE,
  CB_FOLDER_SHOW_FILE_MANAGER,
  CB_FOLDER_SHOW_OPEN_FOLDER,
} CbFolderShow;

void         cb_show_file_open_async         (GtkWindow            *parent,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     cb_show_file_open_finish        (GAsyncResult         *result,
                                              GError              **error);

void         cb_show_file_folder_how_async   (GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CbFolderShow cb_show_file_folder_how_finish  (GAsyncResult         *result,
                                              GError              **error);

void         cb_show_file_in_folder_async    (GtkWindow            *parent,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     cb_show_file_in_folder_finish   (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
