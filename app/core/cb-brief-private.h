/* What the brief model and its .brief reader and writer share. */
#pragma once

#include "cb-anchor.h"
#include "cb-brief.h"

G_BEGIN_DECLS

/* The brief's free-text fields, in the order the file writes them. */
typedef enum
{
  FIELD_CASE_NAME,
  FIELD_CITATION,
  FIELD_COURT,
  FIELD_DATE_DECIDED,
  FIELD_OPINION_AUTHOR,
  FIELD_STUDENT,
  FIELD_COURSE,
  FIELD_CREATED,
  FIELD_MODIFIED,
  N_METADATA_FIELDS,
  FIELD_INSTRUCTIONS = N_METADATA_FIELDS,
  FIELD_DUE_DATE,
  N_FIELDS
} CbBriefField;

/* Element names in the file, which are also the property names. */
extern const char * const cb_brief_field_names[N_FIELDS];

struct _CbBrief
{
  GObject parent_instance;

  CbOpinion *opinion;
  CbAnchorIndex *index;
  gboolean checksum_mismatch;

  char *fields[N_FIELDS];
  gboolean locked;

  char *template_id;
  guint template_version;
  char *template_title;
  char *template_author;
  char *template_instructions;

  GPtrArray *sections;
  GHashTable *sections_by_id;   /* id → CbSection, the same sections, unowned */
  GListStore *excerpts;
  GHashTable *excerpts_by_id;   /* id → CbExcerpt, the same excerpts, unowned */
  GHashTable *quotation_words;  /* CbExcerpt → words of its quotation as shown, once counted */
  guint next_excerpt;

  /* Unknown elements from a newer minor format, by where they were: "brief",
   * "metadata", "section:ID" or "excerpt:ID". Written back unchanged. */
  GHashTable *extensions;

  /* How pin cites are written; the reader's setting, not part of the file. */
  CbCiteStyle cite_style;
};

CbAnchorIndex *_cb_brief_get_index         (CbBrief   *self);
void           _cb_brief_add_section       (CbBrief   *self,
                                            CbSection *section);
void           _cb_brief_append_excerpt    (CbBrief   *self,
                                            CbExcerpt *excerpt);
void           _cb_brief_fill_empty_fields (CbBrief   *self);

G_END_DECLS
