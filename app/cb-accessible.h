/* Accessibility: what GTK 4.8 and libadwaita 1.2 leave untold to assistive technologies,
 * told, and announcements, which GTK 4.8 cannot make. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void cb_accessible_mend            (GtkWidget   *root);
void cb_accessible_name_drop_down  (GtkDropDown *drop_down,
                                    GtkWidget   *label);
void cb_accessible_set_description (GtkWidget   *widget,
                                    const char  *description);
void cb_accessible_announce        (GtkWidget   *widget,
                                    const char  *message);

G_END_DECLS
