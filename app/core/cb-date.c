/* Dates of decision: the ISO 8601 form a brief keeps ("1986-01-21"), read from what a
 * caption or a reader writes, and the locale's form every view and print shows. */
#define G_LOG_DOMAIN "cb-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cb-date.h"

/* "January 21, 1986", "Jan. 21, 1986", "Sept. 3, 2014": how American courts print it,
 * in English whatever the reader's language. */
static gpointer
compile_caption_date_regex (gpointer data)
{
  return g_regex_new ("^(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?"
                      "\\s+(\\d{1,2}),?\\s+(\\d{4})$", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static const char * const month_prefixes[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static char *
iso_of (int year,
        int month,
        int day)
{
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The ISO date of "YYYY-MM-DD" written exactly, or %NULL. */
static char *
parse_iso (const char *text)
{
  int year, month, day;
  char rest;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3)
    return NULL;
  return iso_of (year, month, day);
}

static char *
parse_caption (const char *text)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_caption_date_regex, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  g_autofree char *folded = NULL;
  gsize length;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  name = g_match_info_fetch (match, 0);
  day = g_match_info_fetch (match, 2);
  year = g_match_info_fetch (match, 3);
  /* The whole month's name or its abbreviation: "Janu" or "Septem." is neither. */
  length = strcspn (name, " .\t\n");
  folded = g_ascii_strdown (name, (gssize) length);
  for (guint m = 0; m < G_N_ELEMENTS (month_prefixes); m++)
    {
      static const char * const months[] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
      };

      if (!g_str_has_prefix (folded, month_prefixes[m]))
        continue;
      if (strcmp (folded, months[m]) != 0 && strcmp (folded, month_prefixes[m]) != 0 &&
          !(m == 8 && strcmp (folded, "sept") == 0))
        return NULL;
      return iso_of ((int) g_ascii_strtoll (year, NULL, 10), (int) m + 1, (int) g_ascii_strtoll (day, NULL, 10));
    }
  return NULL;
}

/* The ISO date of @date when it is one, formatted the locale's way: the translation's
 * order, the locale's month names. */
static char *
format_iso (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (dt = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return NULL;
  /* xgettext:no-c-format
   * Translators: the date a case was decided, as g_date_time_format() writes it:
   * %B the month's name, %-d the day, %Y the year. "%B %-d, %Y" reads
   * "January 21, 1986"; French would be "%-d %B %Y", "21 janvier 1986". */
  return g_date_time_format (dt, _("%B %-d, %Y"));
}

/* A date as the locale writes it ("21 janvier 1986" in French), which GLib reads with
 * the locale's month names; taken only when it reads back as written, so that a
 * date with more to it ("argued 1985, decided 1986") is not taken for another. */
static char *
parse_local (const char *text)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *again = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    return NULL;
  iso = iso_of (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  if (iso == NULL || (again = format_iso (iso)) == NULL)
    return NULL;
  want = g_utf8_casefold (text, -1);
  got = g_utf8_casefold (again, -1);
  return strcmp (g_strstrip (want), got) == 0 ? g_steal_pointer (&iso) : NULL;
}

/**
 * cb_date_to_iso:
 * @text: (nullable): a date as written: ISO 8601 ("1986-01-21"), as an American court
 *   prints it ("January 21, 1986", "Jan. 21, 1986"), or as cb_date_format() writes it
 *   in the reader's language ("21 janvier 1986")
 *
 * Reads a date of decision.
 *
 * Returns: (transfer full) (nullable): the date in ISO 8601, or %NULL when @text is
 *   none of these
 */
char *
cb_date_to_iso (const char *text)
{
  g_autofree char *trimmed = NULL;
  char *iso;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;
  if ((iso = parse_iso (trimmed)) != NULL || (iso = parse_caption (trimmed)) != NULL)
    return iso;
  return parse_local (trimmed);
}

/**
 * cb_date_format:
 * @date: a date of decision, as cb_date_to_iso() reads it, or any text
 *
 * Writes a date of decision for a reader, in one form wherever it is shown: the
 * translation's order and the locale's month names ("January 21, 1986", "21 janvier
 * 1986"). Text that is no date is given back as written.
 *
 * Returns: (transfer full): the date as shown
 */
char *
cb_date_format (const char *date)
{
  g_autofree char *iso = NULL;
  char *formatted;

  g_return_val_if_fail (date != NULL, NULL);

  iso = cb_date_to_iso (date);
  if (iso != NULL && (formatted = format_iso (iso)) != NULL)
    return formatted;
  return g_strdup (date);
}
