#define G_LOG_DOMAIN "cb-reporters"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cb-core.h"
#include "cb-reporters.h"

/* Longer than any abbreviation in the table once white space is removed. */
#define KEY_MAX 128

/* A reporter edition as the table names it. */
typedef struct
{
  const char *canonical;
  CbReporterForms forms;
} Reporter;

typedef struct
{
  GStringChunk *strings;
  GHashTable *reporters;    /* normalized spelling → Reporter */
  GHashTable *editions;     /* canonical reporter → Reporter */
  GHashTable *codes;        /* normalized spelling → canonical statute code */
  GHashTable *years;        /* canonical reporter → "first\tlast" */
  guint8 reporter_starts[256];  /* the first bytes of the reporters' keys */
  guint8 code_starts[256];      /* the first bytes of the codes' keys */
} Table;

/* Removes white space and treats a typographic apostrophe as a straight one, so that
 * "S.Ct.", "S. Ct" and "S. Ct." are one key. Returns FALSE when @abbreviation is too long
 * to be any known abbreviation. */
static gboolean
normalize (const char *abbreviation,
           char        key[KEY_MAX])
{
  gsize n = 0;

  for (const char *p = abbreviation; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;
      const char *bytes = p;
      gsize len;

      /* ASCII, nearly every abbreviation, needs no decoding; its white space is what
       * g_unichar_isspace() calls white space. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isspace (*p))
            continue;
          if (n + 1 >= KEY_MAX)
            return FALSE;
          key[n++] = *p;
          continue;
        }

      c = g_utf8_get_char (p);
      len = g_utf8_next_char (p) - p;

      if (g_unichar_isspace (c))
        continue;
      if (c == 0x2019)
        {
          bytes = "'";
          len = 1;
        }
      if (n + len >= KEY_MAX)
        return FALSE;
      memcpy (key + n, bytes, len);
      n += len;
    }
  key[n] = '\0';

  return TRUE;
}

/* The form letters of the table ("nh", "d"), as build-aux/derive-reporters.py writes them. */
static CbReporterForms
parse_forms (const char *letters)
{
  CbReporterForms forms = 0;

  for (const char *p = letters; *p; p++)
    switch (*p)
      {
      case 'n': forms |= CB_REPORTER_NEUTRAL; break;
      case 'h': forms |= CB_REPORTER_HYPHENATED; break;
      case 'L': forms |= CB_REPORTER_LOUISIANA; break;
      case '-': forms |= CB_REPORTER_PAGE_DASH_LETTER; break;
      case 'a': forms |= CB_REPORTER_PAGE_LETTER; break;
      case 'd': forms |= CB_REPORTER_DATABASE; break;
      default: break;
      }
  return forms;
}

static void
add_spelling (Table      *table,
              GHashTable *map,
              const char *spelling,
              gpointer    value)
{
  char key[KEY_MAX];

  if (normalize (spelling, key))
    {
      g_hash_table_insert (map, g_string_chunk_insert_const (table->strings, key), value);
      if (map == table->reporters)
        table->reporter_starts[(guchar) key[0]] = 1;
      else
        table->code_starts[(guchar) key[0]] = 1;
    }
}

static gpointer
load_table (gpointer data)
{
  Table *table = g_new0 (Table, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  table->strings = g_string_chunk_new (64 * 1024);
  table->reporters = g_hash_table_new (g_str_hash, g_str_equal);
  table->editions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  table->codes = g_hash_table_new (g_str_hash, g_str_equal);
  table->years = g_hash_table_new (g_str_hash, g_str_equal);

  cb_core_ensure_resources ();
  bytes = g_resources_lookup_data (CB_CORE_RESOURCE_PREFIX "/reporters.tsv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("Cannot load the reporters table: %s", error->message);
      return table;
    }

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      GHashTable *map;
      const char *canonical;
      gpointer value;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 5)
        continue;

      map = g_str_equal (fields[0], "L") ? table->codes : table->reporters;
      canonical = g_string_chunk_insert_const (table->strings, fields[1]);
      value = (gpointer) canonical;
      if (map == table->reporters)
        {
          Reporter *reporter = g_new (Reporter, 1);

          reporter->canonical = canonical;
          reporter->forms = parse_forms (fields[4]);
          g_hash_table_insert (table->editions, (gpointer) canonical, reporter);
          value = reporter;
        }
      for (guint f = 5; fields[f] != NULL; f++)
        add_spelling (table, map, fields[f], value);
      /* The canonical spelling goes in last so that it always wins its own key. */
      add_spelling (table, map, canonical, value);

      if (map == table->reporters)
        {
          g_autofree char *years = g_strdup_printf ("%s\t%s", fields[2], fields[3]);

          g_hash_table_insert (table->years, (gpointer) canonical,
                               g_string_chunk_insert_const (table->strings, years));
        }
    }

  return table;
}

static Table *
get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_table, NULL);
}

/**
 * cb_reporters_could_begin:
 * @c: the first byte of an abbreviation as written
 *
 * Tells cheaply whether an abbreviation that starts with @c can be a reporter, so that
 * a scan can pass over the many numbers in a text that no reporter follows. A byte
 * that normalizing may drop or change (white space, anything not ASCII) and the comma
 * (an abbreviation may begin after one) always can.
 *
 * Returns: %FALSE when cb_reporters_lookup() finds nothing for any abbreviation that
 *   starts with @c
 */
gboolean
cb_reporters_could_begin (char c)
{
  guchar b = c;

  if (b >= 0x80 || g_ascii_isspace (b) || b == ',' || b == '\0')
    return TRUE;
  return get_table ()->reporter_starts[b] != 0;
}

/**
 * cb_reporters_code_could_begin:
 * @c: the first byte of an abbreviation as written
 *
 * cb_reporters_could_begin() for statute codes: whether an abbreviation that starts
 * with @c can be a code that cb_reporters_lookup_code() knows.
 *
 * Returns: %FALSE when cb_reporters_lookup_code() finds nothing for any abbreviation
 *   that starts with @c
 */
gboolean
cb_reporters_code_could_begin (char c)
{
  guchar b = c;

  if (b >= 0x80 || g_ascii_isspace (b) || b == '\0')
    return TRUE;
  return get_table ()->code_starts[b] != 0;
}

/**
 * cb_reporters_lookup:
 * @abbreviation: a reporter abbreviation as written ("S.Ct.", "U. S.")
 *
 * Looks up the canonical abbreviation of a case reporter from any of its variant
 * spellings, as Free Law Project's reporters-db lists them. White space does not matter
 * and case does ("L.Ed.2d" finds "L. Ed. 2d"). The table loads once, on first use, from
 * the core resources; this is safe to call from any thread.
 *
 * Returns: (nullable): the canonical abbreviation ("S. Ct."), or %NULL if unknown
 */
const char *
cb_reporters_lookup (const char *abbreviation)
{
  return cb_reporters_lookup_forms (abbreviation, NULL);
}

/**
 * cb_reporters_lookup_forms:
 * @abbreviation: a reporter abbreviation as written ("S.Ct.", "IL App (2d)")
 * @forms: (out) (optional): the citation forms the reporter takes
 *
 * cb_reporters_lookup(), also giving the citation forms of the reporter found.
 *
 * Returns: (nullable): the canonical abbreviation, or %NULL if unknown
 */
const char *
cb_reporters_lookup_forms (const char      *abbreviation,
                           CbReporterForms *forms)
{
  char key[KEY_MAX];
  const Reporter *reporter;

  g_return_val_if_fail (abbreviation != NULL, NULL);

  if (forms != NULL)
    *forms = 0;
  if (!normalize (abbreviation, key))
    return NULL;

  reporter = g_hash_table_lookup (get_table ()->reporters, key);
  if (reporter == NULL)
    return NULL;
  if (forms != NULL)
    *forms = reporter->forms;
  return reporter->canonical;
}

/**
 * cb_reporters_get_forms:
 * @canonical: a canonical reporter abbreviation, as cb_reporters_lookup() returns it
 *
 * Returns: the citation forms the reporter takes, or 0 for an unknown reporter
 */
CbReporterForms
cb_reporters_get_forms (const char *canonical)
{
  const Reporter *reporter;

  g_return_val_if_fail (canonical != NULL, 0);

  reporter = g_hash_table_lookup (get_table ()->editions, canonical);
  return reporter != NULL ? reporter->forms : 0;
}

/**
 * cb_reporters_lookup_code:
 * @abbreviation: a statute code abbreviation as written ("U.S.C.", "N.J.Stat.Ann.")
 *
 * Looks up the canonical abbreviation of a statute or code, the way
 * cb_reporters_lookup() does for case reporters.
 *
 * Returns: (nullable): the canonical abbreviation ("N.J. Stat. Ann."), or %NULL if unknown
 */
const char *
cb_reporters_lookup_code (const char *abbreviation)
{
  char key[KEY_MAX];

  g_return_val_if_fail (abbreviation != NULL, NULL);

  if (!normalize (abbreviation, key))
    return NULL;

  return g_hash_table_lookup (get_table ()->codes, key);
}

/**
 * cb_reporters_get_years:
 * @canonical: a canonical reporter abbreviation, as cb_reporters_lookup() returns it
 * @first_year: (out) (optional): the year the reporter edition began, or 0 if unknown
 * @last_year: (out) (optional): the year it ended, or 0 if it still runs or is unknown
 *
 * Gives the years a reporter edition covers, to tell apart editions or check a
 * citation's year.
 *
 * Returns: %TRUE if @canonical is a known reporter edition
 */
gboolean
cb_reporters_get_years (const char *canonical,
                        int        *first_year,
                        int        *last_year)
{
  const char *years;
  char *end;
  int first = 0;
  int last = 0;

  g_return_val_if_fail (canonical != NULL, FALSE);

  years = g_hash_table_lookup (get_table ()->years, canonical);
  if (years != NULL)
    {
      first = (int) strtol (years, &end, 10);
      if (*end == '\t')
        last = (int) strtol (end + 1, NULL, 10);
    }

  if (first_year != NULL)
    *first_year = first;
  if (last_year != NULL)
    *last_year = last;

  return years != NULL;
}
