#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CbReporterForms:
 * @CB_REPORTER_NEUTRAL: a public-domain (neutral) citation, whose volume is a year
 *   ("2016 Ohio 2813", "2019 IL App (2d) 180123")
 * @CB_REPORTER_HYPHENATED: written with hyphens ("2012-Ohio-4567", "2015-NMSC-011")
 * @CB_REPORTER_LOUISIANA: Louisiana's "2010-0123 (La. App. 4 Cir. 3/3/11)"
 * @CB_REPORTER_PAGE_DASH_LETTER: pages may end in a hyphen and a capital ("180123-U")
 * @CB_REPORTER_PAGE_LETTER: pages may end in a letter ("123a")
 * @CB_REPORTER_DATABASE: a database (Westlaw, Lexis): the page is a document number
 *   and pins are star pages ("at *3")
 *
 * The citation forms a reporter takes beyond "VOLUME REPORTER PAGE", as reporters-db's
 * regexes for it allow them.
 */
typedef enum
{
  CB_REPORTER_NEUTRAL = 1 << 0,
  CB_REPORTER_HYPHENATED = 1 << 1,
  CB_REPORTER_LOUISIANA = 1 << 2,
  CB_REPORTER_PAGE_DASH_LETTER = 1 << 3,
  CB_REPORTER_PAGE_LETTER = 1 << 4,
  CB_REPORTER_DATABASE = 1 << 5,
} CbReporterForms;

gboolean        cb_reporters_could_begin      (char             c);
gboolean        cb_reporters_code_could_begin (char             c);
const char     *cb_reporters_lookup           (const char      *abbreviation);
const char     *cb_reporters_lookup_forms     (const char      *abbreviation,
                                               CbReporterForms *forms);
CbReporterForms cb_reporters_get_forms        (const char      *canonical);
const char     *cb_reporters_lookup_code      (const char      *abbreviation);
gboolean        cb_reporters_get_years        (const char      *canonical,
                                               int             *first_year,
                                               int             *last_year);

G_END_DECLS
