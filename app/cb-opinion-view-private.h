/* What the files of CbOpinionView share: its struct and the steps one file asks of another. */
#pragma once

#include <gtksourceview/gtksource.h>

#include "cb-citation.h"
#include "cb-opinion-view.h"
#include "cb-page-gutter.h"
#include "cb-search-bar.h"
#include "cb-section-colors.h"

G_BEGIN_DECLS

/* The styles of what the citation scanner found, one tag each: cases, statutes, and
 * short forms with Id. */
enum { CITATION_TAG_CASE, CITATION_TAG_STATUTE, CITATION_TAG_SHORT, N_CITATION_TAGS };

struct _CbOpinionView
{
  AdwBin parent_instance;

  CbOpinion *opinion;
  CbBrief *brief;
  CbPageGutter *gutter;
  GtkTextTag *highlight_tags[CB_N_SECTION_COLORS];
  GtkTextTag *citation_tags[N_CITATION_TAGS];
  GtkTextTag *flash_tag;
  guint flash_id;
  GMenu *add_menu;

  GtkDropDown *reporter_dropdown;
  GtkLabel *pages_label;
  GtkMenuButton *authorities_button;
  GtkLabel *cases_heading;
  GtkListBox *cases_list;
  GtkLabel *statutes_heading;
  GtkListBox *statutes_list;
  GPtrArray *authorities;
  GPtrArray *authority_rows;    /* GtkListBoxRow, one per authority, in its order */
  CbSearchBar *search_bar;
  GtkSourceView *source_view;
  GtkSourceBuffer *buffer;
};

/* cb-opinion-view-authorities.c */
void _cb_opinion_view_authorities_class_init (GtkWidgetClass *widget_class);
void _cb_opinion_view_update_authorities     (CbOpinionView  *self);

G_END_DECLS
