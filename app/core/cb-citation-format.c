/* Citations: their readable form, and the table of authorities they cite. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cb-citation-private.h"
#include "cb-reporters.h"

static void
append_reference (GString          *out,
                  const CbCitation *citation,
                  const char       *at,
                  gboolean          parenthetical)
{
  CbReporterForms forms = citation->reporter != NULL ? cb_reporters_get_forms (citation->reporter) : 0;
  gboolean louisiana = citation->form == CB_CITATION_FORM_NEUTRAL && (forms & CB_REPORTER_LOUISIANA);

  if (citation->case_name != NULL)
    g_string_append_printf (out, "%s, ", citation->case_name);

  if (citation->kind == CB_CITATION_STATUTE ||
      (citation->kind != CB_CITATION_CASE && citation->refers_to_kind == CB_CITATION_STATUTE))
    {
      if (citation->volume != NULL)
        g_string_append_printf (out, "%s ", citation->volume);
      gboolean sections = citation->text != NULL && strstr (citation->text, "\u00a7\u00a7") != NULL;

      g_string_append_printf (out, "%s %s %s", citation->reporter,
                              sections ? "\u00a7\u00a7" : "\u00a7", citation->page);
    }
  else
    {
      if (louisiana)
        /* "2010-0123 (La.App. 4 Cir. 3/3/11)": the court and date are the reporter. */
        g_string_append_printf (out, "%s-%s (%s %s)", citation->volume, citation->page, citation->reporter,
                                citation->date != NULL ? citation->date : citation->year);
      else if (citation->form == CB_CITATION_FORM_NEUTRAL && (forms & CB_REPORTER_HYPHENATED))
        g_string_append_printf (out, "%s-%s-%s", citation->volume, citation->reporter, citation->page);
      else
        g_string_append_printf (out, "%s %s %s", citation->volume, citation->reporter, citation->page);
      /* A database's star page always follows "at": "2014 WL 1234567, at *3". */
      if (citation->pin != NULL)
        g_string_append_printf (out, ",%s %s",
                                citation->form == CB_CITATION_FORM_DATABASE ? " at" : at, citation->pin);
    }

  if (!parenthetical || louisiana)
    return;
  /* The date of a database citation stands for its year: "(S.D.N.Y. Mar. 3, 2014)". */
  {
    const char *when = citation->date != NULL ? citation->date : citation->year;

    /* A neutral or database citation's year is its volume, written once. */
    if (citation->court == NULL && citation->date == NULL && citation->form != CB_CITATION_FORM_REPORTER &&
        g_strcmp0 (citation->year, citation->volume) == 0)
      when = NULL;
    if (citation->court != NULL && when != NULL)
      g_string_append_printf (out, " (%s %s)", citation->court, when);
    else if (citation->court != NULL || when != NULL)
      g_string_append_printf (out, " (%s)", citation->court != NULL ? citation->court : when);
  }
}

/**
 * cb_citation_to_string:
 * @citation: a citation
 *
 * Writes @citation in its parsed, readable form for a tooltip, with canonical reporter
 * spellings: "Parratt v. Taylor, 451 U.S. 527, 536–537 (1981)", "42 U.S.C. § 1983", or
 * for a short form "Short form of 752 F.2d 817, at 826". A short form that could not be
 * resolved comes back as written.
 *
 * Returns: (transfer full): the citation in its parsed, readable form
 */
char *
cb_citation_to_string (const CbCitation *citation)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (citation != NULL, NULL);

  switch (citation->kind)
    {
    case CB_CITATION_CASE:
    case CB_CITATION_STATUTE:
      append_reference (out, citation, "", TRUE);
      return g_string_free (g_steal_pointer (&out), FALSE);

    case CB_CITATION_SHORT:
    case CB_CITATION_ID:
    default:
      if (citation->page == NULL)
        return g_strdup (citation->text);
      append_reference (out, citation, " at", FALSE);
      /* TRANSLATORS: %s is a full citation, such as "752 F.2d 817, at 826" */
      return g_strdup_printf (_("Short form of %s"), out->str);
    }
}

/**
 * cb_authority_free:
 * @authority: (nullable): an authority
 *
 * Frees @authority.
 */
void
cb_authority_free (CbAuthority *authority)
{
  if (authority == NULL)
    return;

  g_free (authority->label);
  g_free (authority);
}

static char *
authority_key (const CbCitation *citation)
{
  return g_strdup_printf ("%d|%s|%s|%s", citation->kind, citation->volume ? citation->volume : "",
                          citation->reporter, citation->page);
}

static int
compare_authorities (gconstpointer a,
                     gconstpointer b)
{
  const CbAuthority *x = *(CbAuthority **) a;
  const CbAuthority *y = *(CbAuthority **) b;

  if (x->kind != y->kind)
    return x->kind == CB_CITATION_CASE ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

/**
 * cb_citation_authorities:
 * @citations: (element-type CbCitation): citations as cb_citation_scan() returns them
 *
 * Gathers the cases and statutes that @citations cite, for a table of authorities. A
 * case is counted once for each citation of it: its full citations, their parallel
 * citations, and the short forms and Id.s that refer to it. Two full citations that
 * share a volume, reporter and page are one case. Cases come first, then statutes, each
 * sorted by label.
 *
 * Returns: (transfer full) (element-type CbAuthority): the authorities
 */
GPtrArray *
cb_citation_authorities (GPtrArray *citations)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_authority_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) named_by = g_hash_table_new (NULL, NULL);
  g_autofree CbAuthority **authority_of = NULL;

  g_return_val_if_fail (citations != NULL, NULL);

  authority_of = g_new0 (CbAuthority *, citations->len);

  /* Full citations: a group of parallels is one authority, and so is every later group
   * that shares a citation with it. The first of a group comes before its parallels. */
  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, i);
      g_autofree char *key = NULL;
      CbAuthority *found;
      guint root;

      if (citation->kind != CB_CITATION_CASE && citation->kind != CB_CITATION_STATUTE)
        continue;

      root = citation->parallel_of >= 0 ? (guint) citation->parallel_of : i;
      key = authority_key (citation);
      found = g_hash_table_lookup (by_key, key);
      if (authority_of[root] == NULL)
        {
          authority_of[root] = found;
          if (found == NULL)
            {
              authority_of[root] = g_new0 (CbAuthority, 1);
              authority_of[root]->kind = citation->kind;
              g_ptr_array_add (result, authority_of[root]);
            }
        }
      if (found == NULL)
        g_hash_table_insert (by_key, g_steal_pointer (&key), authority_of[root]);
      authority_of[i] = authority_of[root];

      /* The label comes from the first full citation, or the first that names the case. */
      if (citation->parallel_of < 0)
        {
          const CbCitation *named = g_hash_table_lookup (named_by, authority_of[i]);

          if (named == NULL || (named->case_name == NULL && citation->case_name != NULL))
            g_hash_table_insert (named_by, authority_of[i], (gpointer) citation);
        }
    }

  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *citation = g_ptr_array_index (citations, i);
      CbAuthority *authority;
      int meant = (int) i;

      if (citation->kind == CB_CITATION_SHORT || citation->kind == CB_CITATION_ID)
        meant = citation->refers_to;
      if (meant < 0 || (authority = authority_of[meant]) == NULL)
        continue;

      if (authority->count++ == 0)
        {
          authority->first_start = citation->start;
          authority->first_end = citation->end;
        }
    }

  for (guint i = 0; i < result->len; i++)
    {
      CbAuthority *authority = g_ptr_array_index (result, i);
      const CbCitation *named = g_hash_table_lookup (named_by, authority);
      g_autoptr(CbCitation) bare = cb_citation_new (named->kind);
      g_autoptr(GString) label = g_string_new (NULL);

      /* Without the pin: the label names the authority, not a page of it. */
      bare->case_name = g_strdup (named->case_name);
      bare->volume = g_strdup (named->volume);
      bare->reporter = g_strdup (named->reporter);
      bare->page = g_strdup (named->page);
      bare->form = named->form;
      bare->court = g_strdup (named->court);
      bare->year = g_strdup (named->year);
      bare->date = g_strdup (named->date);
      append_reference (label, bare, "", TRUE);
      authority->label = g_string_free (g_steal_pointer (&label), FALSE);
    }

  g_ptr_array_sort (result, compare_authorities);

  return g_steal_pointer (&result);
}
