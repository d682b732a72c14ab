#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CbCitationKind:
 * @CB_CITATION_CASE: a full case citation ("451 U.S. 527, 536–537 (1981)")
 * @CB_CITATION_STATUTE: a statute ("42 U.S.C. § 1983", "N.J.Stat.Ann. § 59:5–2(b)(4)")
 * @CB_CITATION_SHORT: a short form ("752 F.2d, at 826", "Daniels, at 331–333")
 * @CB_CITATION_ID: "Id., at 829" or "Ibid."
 *
 * What a citation cites.
 */
typedef enum
{
  CB_CITATION_CASE,
  CB_CITATION_STATUTE,
  CB_CITATION_SHORT,
  CB_CITATION_ID,
} CbCitationKind;

/**
 * CbCitationForm:
 * @CB_CITATION_FORM_REPORTER: volume, reporter and page ("474 U.S. 344", "5 Neb. App. xxii")
 * @CB_CITATION_FORM_NEUTRAL: a public-domain citation, whose volume is a year and whose
 *   pins are paragraphs ("2012-Ohio-4567, ¶ 12", "2019 IL App (2d) 180123-U")
 * @CB_CITATION_FORM_DATABASE: a Westlaw or Lexis document, whose pins are star pages
 *   ("2014 WL 1234567, at *3")
 *
 * How a case citation names its case.
 */
typedef enum
{
  CB_CITATION_FORM_REPORTER,
  CB_CITATION_FORM_NEUTRAL,
  CB_CITATION_FORM_DATABASE,
} CbCitationForm;

/**
 * CbCitation:
 * @kind: what it cites
 * @form: how it names a case; for a statute %CB_CITATION_FORM_REPORTER
 * @start: offset in characters of its first character in the scanned text
 * @end: offset in characters just past its last character
 * @text: the exact text cited
 * @case_name: (nullable): "Parratt v. Taylor", when the text names the case
 * @volume: (nullable): reporter volume ("451") or statute title ("42")
 * @reporter: (nullable): canonical reporter ("U.S.", "S. Ct.") or code ("U.S.C.")
 * @reporter_written: (nullable): the reporter as the text spells it ("S.Ct.")
 * @page: (nullable): first page, or the section of a statute ("1983")
 * @pin: (nullable): pin page or range as written ("536–537", "*3", "¶ 12", "p. 5")
 * @court: (nullable): court from the parenthetical ("CA3")
 * @year: (nullable): year from the parenthetical ("1981"), or of a neutral or
 *   database citation its volume
 * @date: (nullable): the date of decision when the parenthetical gives one
 *   ("Mar. 3, 2014", "3/3/11")
 * @parallel_of: index of the citation this one is parallel to, or -1
 * @refers_to: for short forms and Id., the index of the full citation meant, or -1
 * @refers_to_kind: when @refers_to is set, the kind of the citation meant
 *
 * One citation found in a text. A statute keeps its title in @volume, its code in
 * @reporter and its section in @page. A short form or Id. that was resolved carries the
 * volume, reporter, first page, case name, court and year of the citation it refers to,
 * and its own pin.
 */
typedef struct
{
  CbCitationKind kind;
  CbCitationForm form;
  gsize start;
  gsize end;
  char *text;
  char *case_name;
  char *volume;
  char *reporter;
  char *reporter_written;
  char *page;
  char *pin;
  char *court;
  char *year;
  char *date;
  int parallel_of;
  int refers_to;
  CbCitationKind refers_to_kind;
} CbCitation;

/**
 * CbAuthority:
 * @kind: %CB_CITATION_CASE or %CB_CITATION_STATUTE
 * @label: readable name ("Parratt v. Taylor, 451 U.S. 527 (1981)", "42 U.S.C. § 1983")
 * @count: how often the text cites it, counting parallel citations and short forms
 * @first_start: character offset where the text first cites it
 * @first_end: character offset just past that first citation
 *
 * One case or statute a text cites, for a table of authorities.
 */
typedef struct
{
  CbCitationKind kind;
  char *label;
  guint count;
  gsize first_start;
  gsize first_end;
} CbAuthority;

void       cb_citation_free       (CbCitation       *citation);
GPtrArray *cb_citation_scan       (const char       *text);
char      *cb_citation_to_string  (const CbCitation *citation);
GPtrArray *cb_citation_authorities (GPtrArray       *citations);

void       cb_authority_free      (CbAuthority      *authority);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbCitation, cb_citation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbAuthority, cb_authority_free)

G_END_DECLS
