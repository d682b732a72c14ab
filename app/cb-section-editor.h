#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CB_TYPE_SECTION_EDITOR (cb_section_editor_get_type ())
G_DECLARE_FINAL_TYPE (CbSectionEditor, cb_section_editor, CB, SECTION_EDITOR, AdwBin)

CbSectionEditor *cb_section_editor_new           (const char      *title,
                                                  const char      *prompt);
const char      *cb_section_editor_get_title     (CbSectionEditor *self);
GtkTextView     *cb_section_editor_get_text_view (CbSectionEditor *self);

G_END_DECLS
