/* Find: a bar that finds text, match by match, and counts the matches: in a source view
 * (the opinion), or in several text views one after the other (the sections of a brief).
 * It says which it searches. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CB_TYPE_SEARCH_BAR (cb_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (CbSearchBar, cb_search_bar, CB, SEARCH_BAR, GtkWidget)

GtkTextView *cb_search_bar_get_view       (CbSearchBar *self);
void         cb_search_bar_set_view       (CbSearchBar *self,
                                           GtkTextView *view);
void         cb_search_bar_set_views      (CbSearchBar *self,
                                           GPtrArray   *views);
void         cb_search_bar_begin          (CbSearchBar *self);
gboolean     cb_search_bar_get_search_mode (CbSearchBar *self);
void         cb_search_bar_find_next      (CbSearchBar *self,
                                           gboolean     backward);
GtkEditable *cb_search_bar_get_entry      (CbSearchBar *self);
char        *cb_search_bar_dup_match_label (CbSearchBar *self);

G_END_DECLS
