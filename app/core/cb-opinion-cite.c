#define G_LOG_DOMAIN "cb-opinion"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cb-citation.h"
#include "cb-citation-private.h"
#include "cb-opinion-private.h"
#include "cb-reporters.h"

/* One citation of the brief: "474 U.S. 344", or a neutral one, "2012-Ohio-4567". */
typedef struct
{
  char *volume;
  char *reporter;
  guint page;
  char *neutral;                /* a neutral citation as it is cited, or NULL */
  gsize position;               /* in bytes in the brief's citation, for the order */
} Cite;

static void
cite_free (Cite *cite)
{
  g_free (cite->volume);
  g_free (cite->reporter);
  g_free (cite->neutral);
  g_free (cite);
}

/* Whether a citation's volume and reporter make it a neutral one ("2019 IL App (2d)"),
 * which numbers paragraphs and has no pages to cite. */
static gboolean
is_neutral (const char *volume,
            const char *reporter)
{
  const char *canonical = cb_reporters_lookup (reporter);

  return canonical != NULL && (cb_reporters_get_forms (canonical) & CB_REPORTER_NEUTRAL) &&
         strlen (volume) == 4;
}

/* Whether a reporter is a Westlaw or Lexis database ("WL"), whose pages are star pages. */
static gboolean
is_database (const char *reporter)
{
  const char *canonical = cb_reporters_lookup (reporter);

  return canonical != NULL && (cb_reporters_get_forms (canonical) & CB_REPORTER_DATABASE);
}

/* The citations in "474 U.S. 344, 106 S. Ct. 668 (1986)"; pieces that are no citation,
 * and neutral citations, which have no pages, are skipped. */
static gpointer
compile_citation_regex (gpointer data)
{
  return g_regex_new ("^\\s*(\\d+)\\s+(\\S.*?)\\s+(\\d+)\\b", G_REGEX_OPTIMIZE, 0, NULL);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const Cite *x = *(Cite **) a;
  const Cite *y = *(Cite **) b;

  return x->position < y->position ? -1 : x->position > y->position;
}

/* The neutral citations in @citation, as the citation scanner reads them: each is
 * cited as it is written in full ("2012-Ohio-4567", "2019 IL App (2d) 180123-U").
 * Louisiana's cites the pages of its own slip ("p. 6"), which no opinion text
 * numbers, and is left out. */
static void
add_neutral_citations (GPtrArray  *cites,
                       const char *citation)
{
  g_autoptr(GPtrArray) found = cb_citation_scan (citation);

  for (guint i = 0; i < found->len; i++)
    {
      const CbCitation *neutral = g_ptr_array_index (found, i);
      g_autoptr(CbCitation) bare = NULL;
      Cite *cite;

      if (neutral->kind != CB_CITATION_CASE || neutral->form != CB_CITATION_FORM_NEUTRAL ||
          (cb_reporters_get_forms (neutral->reporter) & CB_REPORTER_LOUISIANA))
        continue;
      /* Only what names the case: no name, pin or parenthetical. */
      bare = cb_citation_new (CB_CITATION_CASE);
      bare->form = CB_CITATION_FORM_NEUTRAL;
      bare->volume = g_strdup (neutral->volume);
      bare->reporter = g_strdup (neutral->reporter);
      bare->page = g_strdup (neutral->page);
      cite = g_new0 (Cite, 1);
      cite->neutral = cb_citation_to_string (bare);
      cite->position = (gsize) (g_utf8_offset_to_pointer (citation, (glong) neutral->start) - citation);
      g_ptr_array_add (cites, cite);
    }
}

/* The citations that cite pages, in order, and with @neutral the neutral citations
 * too, in their place among them. */
static GPtrArray *
parse_citations (const char *citation,
                 gboolean    neutral)
{
  static GOnce once = G_ONCE_INIT;
  GPtrArray *cites = g_ptr_array_new_with_free_func ((GDestroyNotify) cite_free);
  GRegex *regex = g_once (&once, compile_citation_regex, NULL);
  g_auto(GStrv) pieces = NULL;
  gsize position = 0;

  if (citation == NULL)
    return cites;

  pieces = g_strsplit (citation, ",", -1);
  for (guint i = 0; pieces[i] != NULL; position += strlen (pieces[i]) + 1, i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *page = NULL;
      Cite *cite;

      if (!g_regex_match (regex, pieces[i], 0, &match))
        continue;
      cite = g_new0 (Cite, 1);
      cite->volume = g_match_info_fetch (match, 1);
      cite->reporter = g_match_info_fetch (match, 2);
      if (is_neutral (cite->volume, cite->reporter))
        {
          cite_free (cite);
          continue;
        }
      page = g_match_info_fetch (match, 3);
      cite->page = (guint) g_ascii_strtoull (page, NULL, 10);
      cite->position = position;
      g_ptr_array_add (cites, cite);
    }
  if (neutral)
    {
      add_neutral_citations (cites, citation);
      g_ptr_array_sort (cites, compare_positions);
    }
  return cites;
}

static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
same_reporter (const char *a,
               const char *b)
{
  g_autofree char *sa = squash (a);
  g_autofree char *sb = squash (b);

  return g_ascii_strcasecmp (sa, sb) == 0;
}

/* A single capital ("U.") or an ordinal ("2d", "4th"), which Bluebook closes up. */
static gboolean
is_single (const char *segment)
{
  if (g_ascii_isdigit (segment[0]))
    return TRUE;
  return g_ascii_isupper (segment[0]) && segment[1] == '.' && segment[2] == '\0';
}

/**
 * cb_reporter_canonical:
 * @reporter: a reporter abbreviation as written ("S.Ct.", "L.Ed.2d")
 *
 * Returns the canonical spelling of a reporter: the reporter table's when it knows
 * the abbreviation, otherwise the written form re-spaced by the Bluebook rule
 * (adjacent single capitals and ordinals closed up, longer abbreviations set off
 * by spaces: "S. Ct.", "L. Ed. 2d", "F.2d", "U.S.").
 *
 * Returns: (transfer full): the canonical spelling
 */
char *
cb_reporter_canonical (const char *reporter)
{
  const char *known;
  g_autofree char *squashed = NULL;
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  GString *out;
  const char *p;

  g_return_val_if_fail (reporter != NULL, NULL);

  known = cb_reporters_lookup (reporter);
  if (known != NULL)
    return g_strdup (known);

  squashed = squash (reporter);
  p = squashed;
  while (*p)
    {
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isdigit (*p))
            p++;
          while (g_ascii_islower (*p))
            p++;
        }
      else
        {
          while (*p && *p != '.' && !(p > start && g_ascii_isdigit (*p)))
            p++;
          if (*p == '.')
            p++;
        }
      if (p == start)
        p++;
      g_ptr_array_add (segments, g_strndup (start, p - start));
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < segments->len; i++)
    {
      const char *segment = g_ptr_array_index (segments, i);

      if (i > 0 && !(is_single (segment) && is_single (g_ptr_array_index (segments, i - 1))))
        g_string_append_c (out, ' ');
      g_string_append (out, segment);
    }
  return g_string_free (out, FALSE);
}

/**
 * cb_pin_cite_format_range:
 * @first: the first page
 * @last: the last page
 *
 * Formats a page range the Bluebook way: a single page alone ("345"), otherwise
 * both pages joined by an en dash with the repeated leading digits of the last
 * dropped when only its last two digits differ ("345–46", "107–08", "1001–05")
 * and kept whole otherwise ("1098–1102", "99–101").
 *
 * Returns: (transfer full): the range
 */
char *
cb_pin_cite_format_range (guint first,
                          guint last)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize len;

  if (last <= first)
    return g_strdup_printf ("%u", first);

  a = g_strdup_printf ("%u", first);
  b = g_strdup_printf ("%u", last);
  len = strlen (a);
  if (len == strlen (b) && len > 2 && strncmp (a, b, len - 2) == 0)
    return g_strdup_printf ("%s–%s", a, b + len - 2);
  return g_strdup_printf ("%s–%s", a, b);
}

static char *
format_range (guint       first,
              guint       last,
              CbCiteStyle style)
{
  if (style == CB_CITE_STYLE_SUPREME_COURT && last > first)
    return g_strdup_printf ("%u–%u", first, last);
  return cb_pin_cite_format_range (first, last);
}

/* The star level of a database's own pages: a Westlaw or Lexis document numbers its
 * pages from *1, so its first page is 1; a level the opinion's own citation gives to a
 * reporter is that reporter's. */
static int
database_level (CbOpinion      *self,
                GPtrArray      *own,
                const gboolean *taken)
{
  for (guint r = 0; r < MAX_REPORTERS; r++)
    {
      const Cite *c = r < own->len ? g_ptr_array_index (own, r) : NULL;

      if (cb_page_map_has_pages (self->page_map, r) && !taken[r] && cb_opinion_get_first_page (self, r) <= 1 &&
          (c == NULL || is_database (c->reporter)))
        return (int) r;
    }
  return -1;
}

/* How far before the first page of its text a citation's first page may be for a
 * star level the opinion does not name, when it has several: a copy's text may begin
 * a page or two into the report, past the caption and syllabus. Several reporters'
 * page numbers may come near each other; with one level alone, a citation of any
 * earlier page is of that level (a CAP opinion of one part of a case starts wherever
 * that part does). */
#define NEAR_PAGES 3

/* The first and last page of each star level, 0 for a level without pages. */
typedef struct
{
  guint first[MAX_REPORTERS];
  guint last[MAX_REPORTERS];
  guint n_levels;
} Levels;

static void
levels_init (CbOpinion *self,
             Levels    *levels)
{
  memset (levels, 0, sizeof *levels);
  for (guint r = 0; r < MAX_REPORTERS; r++)
    if (cb_page_map_has_pages (self->page_map, r))
      {
        levels->first[r] = levels->last[r] = cb_opinion_get_first_page (self, r);
        levels->n_levels++;
      }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const CbPageMark *mark = &g_array_index (self->marks, CbPageMark, i);

      if (mark->reporter < MAX_REPORTERS)
        levels->last[mark->reporter] = MAX (levels->last[mark->reporter], mark->page);
    }
}

/* Whether @page is among the pages of a star level, from the first of its text to its
 * last marker's. */
static gboolean
inside_level (const Levels *levels,
              guint         reporter,
              guint         page)
{
  return levels->first[reporter] > 0 && page >= levels->first[reporter] && page <= levels->last[reporter];
}

/* Why a citation of the brief cites no star level. */
typedef enum
{
  UNCITED_NONE,
  UNCITED_NOT_AMONG,            /* the opinion has no pages of its reporter */
  UNCITED_STARTS_AT,            /* its first page is not the one the opinion gives */
  UNCITED_STARTS_BEFORE,        /* its first page is inside a level the opinion does not name */
} Uncited;

/* The star level a citation of pages names, or -1, with *@why saying why not. The
 * opinion's own citations (its caption, whose order is that of its star levels and of
 * CAP's and CourtListener's citation indexes) name levels: the citation's reporter is
 * matched by name, and its volume and first page must be the opinion's. A level the
 * opinion does not name is taken only when the citation's first page can start it
 * alone: at or a few pages before the first page of its text, inside no other level.
 * A Westlaw or Lexis citation takes only a database's own pages. */
static int
reporter_for (CbOpinion      *self,
              const Levels   *levels,
              GPtrArray      *own,
              const Cite     *cite,
              const gboolean *taken,
              Uncited        *why,
              guint          *first)
{
  int found = -1;

  *why = UNCITED_NOT_AMONG;
  if (is_database (cite->reporter))
    return database_level (self, own, taken);

  for (guint i = 0; i < own->len && i < MAX_REPORTERS; i++)
    {
      const Cite *c = g_ptr_array_index (own, i);

      if (!same_reporter (c->reporter, cite->reporter) || !cb_page_map_has_pages (self->page_map, i))
        continue;
      if (!g_str_equal (c->volume, cite->volume) || c->page != cite->page)
        {
          *why = UNCITED_STARTS_AT;
          *first = i;
          return -1;
        }
      return (int) i;
    }

  for (guint r = own->len; r < MAX_REPORTERS; r++)
    {
      guint start = levels->first[r];
      gboolean inside_other = FALSE;

      if (start == 0 || taken[r])
        continue;
      if (cite->page > start && cite->page <= levels->last[r])
        {
          *why = UNCITED_STARTS_BEFORE;
          *first = r;
        }
      if (cite->page > start || (levels->n_levels > 1 && start - cite->page > NEAR_PAGES))
        continue;
      for (guint o = 0; o < MAX_REPORTERS; o++)
        if (o != r && inside_level (levels, o, cite->page))
          inside_other = TRUE;
      if (inside_other)
        continue;
      /* Two levels it could start: which is its reporter's is not known. */
      if (found >= 0)
        {
          *why = UNCITED_NOT_AMONG;
          return -1;
        }
      found = (int) r;
    }
  if (found >= 0)
    *why = UNCITED_NONE;
  return found;
}

/* A citation of the brief that names no star level, and why. */
typedef struct
{
  guint cite;
  Uncited why;
  guint level;
} UncitedCite;

/* Says why @cite names none of the opinion's pages, for the brief's card and check. */
static char *
describe_uncited (CbOpinion  *self,
                  GPtrArray  *own,
                  const Cite *cite,
                  Uncited     why,
                  guint       level,
                  gboolean    bare)
{
  g_autofree char *reporter = cb_reporter_canonical (cite->reporter);

  switch (why)
    {
    case UNCITED_STARTS_AT:
      {
        const Cite *c = g_ptr_array_index (own, level);
        g_autofree char *opinion = g_strdup_printf ("%s %s %u", c->volume, reporter, c->page);

        if (g_str_equal (c->volume, cite->volume))
          /* Translators: "The opinion starts at 474 U.S. 344, not 346" */
          return g_strdup_printf (_("The opinion starts at %s, not %u"), opinion, cite->page);
        /* Translators: "The opinion starts at 474 U.S. 344, not 475 U.S. 344" */
        return g_strdup_printf (_("The opinion starts at %s, not %s %s %u"), opinion, cite->volume, reporter,
                                cite->page);
      }
    case UNCITED_STARTS_BEFORE:
      /* Translators: "The opinion starts at page 345 or before, not at 474 U.S. 346" */
      return g_strdup_printf (_("The opinion starts at page %u or before, not at %s %s %u"),
                              cb_opinion_get_first_page (self, level), cite->volume, reporter, cite->page);
    case UNCITED_NOT_AMONG:
    case UNCITED_NONE:
    default:
      {
        gboolean unnamed = FALSE;
        g_autofree char *named = NULL;

        /* Where a level is unnamed, the first page is what rules it out. */
        for (guint r = own->len; r < MAX_REPORTERS; r++)
          unnamed |= cb_page_map_has_pages (self->page_map, r);
        named = unnamed || is_database (cite->reporter)
                  ? g_strdup_printf ("%s %s %u", cite->volume, reporter, cite->page)
                  : g_strdup_printf ("%s %s", cite->volume, reporter);

        if (bare)
          /* Translators: "The opinion’s pages are not those of 88 L. Ed. 2d: …" */
          return g_strdup_printf (_("The opinion’s pages are not those of %s: pin cites give the opinion’s own "
                                    "page numbers"), named);
        /* Translators: "The opinion’s pages are not those of 88 L. Ed. 2d: …", while the
         * pin cites name the brief's other reporters */
        return g_strdup_printf (_("The opinion’s pages are not those of %s: pin cites leave it out"), named);
      }
    }
}

/* How a citation of the brief pins a passage. */
typedef enum
{
  PIN_PAGES,                    /* a reporter's pages: "474 U.S. at 345" */
  PIN_STAR_PAGES,               /* a database's star pages: "2014 WL 1234567, at *3" */
  PIN_PARAGRAPHS,               /* a neutral citation's paragraphs: "2012-Ohio-4567, ¶ 12" */
} PinKind;

/* A citation of the brief that the opinion has pages or paragraphs for: its reporter
 * (star level), and how it is written. */
typedef struct
{
  PinKind kind;
  int reporter;                 /* -1 for paragraphs */
  char *volume;
  char *name;                   /* the reporter's canonical spelling, or the neutral citation */
  guint page;
} CitedReporter;

static void
cited_reporter_free (CitedReporter *cited)
{
  g_free (cited->volume);
  g_free (cited->name);
  g_free (cited);
}

/* The citations in @citation that the opinion has pages or numbered paragraphs for,
 * in order, each with its reporter: what every pin cite by @citation cites, whatever
 * the passage. A neutral citation is cited by paragraph where the opinion numbers
 * them; otherwise it names nothing the opinion has. With @problems, a sentence for
 * each citation of pages that names none of the opinion's star paging, when it has
 * some, is added to it. */
static GPtrArray *
resolve_citation (CbOpinion  *self,
                  const char *citation,
                  GPtrArray  *problems)
{
  g_autoptr(GPtrArray) cites = parse_citations (citation, TRUE);
  g_autoptr(GPtrArray) own = parse_citations (self->citation, FALSE);
  GPtrArray *resolved = g_ptr_array_new_with_free_func ((GDestroyNotify) cited_reporter_free);
  gboolean taken[MAX_REPORTERS] = { FALSE, };
  Levels levels;
  g_autoptr(GArray) uncited = g_array_new (FALSE, TRUE, sizeof (UncitedCite));

  levels_init (self, &levels);
  for (guint i = 0; i < cites->len; i++)
    {
      const Cite *cite = g_ptr_array_index (cites, i);
      CitedReporter *cited;
      int r = -1;

      if (cite->neutral != NULL)
        {
          if (self->paragraphs->len == 0)
            continue;
        }
      else
        {
          Uncited why = UNCITED_NONE;
          guint level = 0;

          r = reporter_for (self, &levels, own, cite, taken, &why, &level);
          if (r < 0)
            {
              UncitedCite entry = { i, why, level };

              g_array_append_val (uncited, entry);
              continue;
            }
          taken[r] = TRUE;
        }
      cited = g_new0 (CitedReporter, 1);
      cited->reporter = r;
      if (cite->neutral != NULL)
        {
          cited->kind = PIN_PARAGRAPHS;
          cited->name = g_strdup (cite->neutral);
        }
      else
        {
          cited->volume = g_strdup (cite->volume);
          cited->name = cb_reporter_canonical (cite->reporter);
          cited->page = cite->page;
          cited->kind = is_database (cited->name) ? PIN_STAR_PAGES : PIN_PAGES;
        }
      g_ptr_array_add (resolved, cited);
    }

  /* An opinion without star paging has no pages to disagree with. */
  if (problems != NULL && cb_page_map_get_numbering (self->page_map) == CB_PAGE_NUMBERING_REPORTER &&
      cb_page_map_has_pages (self->page_map, 0))
    for (guint i = 0; i < uncited->len; i++)
      {
        const UncitedCite *entry = &g_array_index (uncited, UncitedCite, i);

        g_ptr_array_add (problems, describe_uncited (self, own, g_ptr_array_index (cites, entry->cite),
                                                     entry->why, entry->level, resolved->len == 0));
      }
  return resolved;
}

/* resolve_citation() for @citation, kept for the next pin cite by the same one: a
 * brief's citation may list thousands of parallel citations, which would otherwise be
 * read again for each of its excerpts. */
static GPtrArray *
cited_reporters (CbOpinion  *self,
                 const char *citation)
{
  GPtrArray *cited;

  g_mutex_lock (&self->cite_lock);
  if (self->cited == NULL || g_strcmp0 (self->cited_as, citation) != 0)
    {
      g_clear_pointer (&self->cited, g_ptr_array_unref);
      g_free (self->cited_as);
      self->cited_as = g_strdup (citation);
      self->cited = resolve_citation (self, citation, NULL);
    }
  cited = g_ptr_array_ref (self->cited);
  g_mutex_unlock (&self->cite_lock);
  return cited;
}

/**
 * cb_opinion_dup_citation_problems:
 * @self: an opinion
 * @citation: (nullable): the brief's citation, as for cb_opinion_pin_cite()
 *
 * Says why pin cites by @citation do not name some of its reporters, when the opinion
 * has star paging: a reporter the opinion has no pages of ("The opinion’s pages are not
 * those of 88 L. Ed. 2d: pin cites give the opinion’s own page numbers"), or a first
 * page the opinion's pages disagree with ("The opinion starts at 474 U.S. 344, not
 * 346"). Pin cites leave such a citation out, and give the bare page when it was the
 * only one.
 *
 * Returns: (transfer full) (element-type utf8): one translated sentence for each, in
 *   the citation's order; empty when there is nothing to say
 */
GPtrArray *
cb_opinion_dup_citation_problems (CbOpinion  *self,
                                  const char *citation)
{
  GPtrArray *problems;

  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  problems = g_ptr_array_new_with_free_func (g_free);
  if (cb_page_map_get_numbering (self->page_map) != CB_PAGE_NUMBERING_SLIP)
    g_ptr_array_unref (resolve_citation (self, citation, problems));
  return problems;
}

/* Narrows a range to what a reader sees: no white space or markers at either end. */
static void
trim_range (CbOpinion *self,
            gsize     *start,
            gsize     *end)
{
  const guint8 *hidden = cb_opinion_get_hidden (self);
  gsize s = *start, e = *end;
  const char *p, *q;

  if (s >= e)
    return;
  for (p = cb_opinion_char_at (self, s); s < e && (hidden[s] || g_unichar_isspace (g_utf8_get_char (p))); s++)
    p = g_utf8_next_char (p);
  for (q = cb_opinion_char_at (self, e); e > s; e--)
    {
      q = g_utf8_prev_char (q);
      if (!hidden[e - 1] && !g_unichar_isspace (g_utf8_get_char (q)))
        break;
    }
  if (s < e)
    {
      *start = s;
      *end = e;
    }
}

static const char *
part_at (CbOpinion *self,
         gsize      offset)
{
  const CbPart *part = cb_page_map_part_at (self->page_map, offset);

  return part != NULL ? part->parenthetical : NULL;
}

/**
 * cb_opinion_separate_opinion_at:
 * @self: an opinion
 * @offset: offset in characters
 *
 * Returns: (nullable): the parenthetical of the concurrence or dissent that holds
 *   @offset ("(Powell, J., dissenting)"), or %NULL in the opinion of the court
 */
const char *
cb_opinion_separate_opinion_at (CbOpinion *self,
                                gsize      offset)
{
  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  return part_at (self, offset);
}

/* A slip opinion's pin cite: "slip op. at 5", the Court's "(slip op., at 5)", with
 * the footnote and the part's parenthetical ("(syllabus)", "(Thomas, J., dissenting)").
 * A range ends within the part it starts in: the next part numbers its pages anew. */
static char *
slip_pin_cite (CbOpinion   *self,
               gsize        start,
               gsize        end,
               CbCiteStyle  style)
{
  const CbPart *part = cb_page_map_part_at (self->page_map, start);
  const CbFootnote *note = cb_page_map_footnote_at (self->page_map, start);
  gsize last = end - 1;
  g_autofree char *range = NULL;
  GString *out;

  if (!cb_page_map_has_pages (self->page_map, 0))
    return NULL;
  if (part != NULL && cb_page_map_part_at (self->page_map, last) != part && note == NULL && part->end > start)
    last = MIN (last, part->end - 1);
  range = format_range (cb_page_map_page_at (self->page_map, 0, start),
                        cb_page_map_page_at (self->page_map, 0, last), style);
  out = g_string_new (style == CB_CITE_STYLE_SUPREME_COURT ? "(slip op., at " : "slip op. at ");
  g_string_append (out, range);
  if (note != NULL)
    g_string_append_printf (out, " n.%s", note->label);
  if (style == CB_CITE_STYLE_SUPREME_COURT)
    g_string_append_c (out, ')');
  if (part != NULL && part->parenthetical != NULL)
    g_string_append_printf (out, " %s", part->parenthetical);
  return g_string_free (out, FALSE);
}

/**
 * cb_opinion_pin_cite:
 * @self: an opinion
 * @start: offset in characters of the passage's first character
 * @end: offset just past its last character
 * @citation: (nullable): the citation to cite by ("474 U.S. 344"), or parallel
 *   citations separated by commas ("474 U.S. 344, 106 S. Ct. 668")
 * @style: Bluebook or Supreme Court style
 *
 * Computes the pin cite of a passage: "474 U.S. at 345–46", with " n.1" when the
 * passage is in a footnote, every cited reporter present in the opinion in the
 * order given ("474 U.S. at 347, 106 S. Ct. at 670"), and the parenthetical of a
 * concurrence or dissent. A neutral citation cites the paragraphs of an opinion
 * that numbers them ("2012-Ohio-4567, ¶ 12", "¶¶ 12–13"), a Westlaw or Lexis
 * citation its star pages ("2014 WL 1234567, at *3"). A citation names a star level
 * as cb_opinion_dup_citation_problems() tells: by the opinion's own citations, or by
 * its first page alone where the opinion names none. Without a citation that names a
 * level (none, an empty one, one with blanks, a neutral one without numbered
 * paragraphs, a reporter the opinion has no pages of, a first page its pages disagree
 * with) the bare page of the first reporter is given ("*345", "*345–46", "*345 n.*"). A slip opinion cites its own pages with any citation or none
 * ("slip op. at 5", "(slip op., at 5)"), and a quote from its syllabus says so.
 * White space and markers at the ends of the passage do not count.
 *
 * Returns: (transfer full) (nullable): the pin cite, or %NULL when the opinion has
 *   no pages (nor numbered paragraphs, for a neutral citation) to give
 */
char *
cb_opinion_pin_cite (CbOpinion   *self,
                     gsize        start,
                     gsize        end,
                     const char  *citation,
                     CbCiteStyle  style)
{
  g_autoptr(GPtrArray) cited = NULL;
  const CbFootnote *note;
  const char *parenthetical;
  GString *out;

  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  start = MIN (start, self->length);
  end = MIN (end, self->length);
  trim_range (self, &start, &end);
  if (end <= start)
    end = start + 1;
  /* A slip opinion has no reporter's pages, whatever the citation: its own pages
   * are cited, even for a citation with blanks ("607 U.S. ___") or a docket number. */
  if (cb_page_map_get_numbering (self->page_map) == CB_PAGE_NUMBERING_SLIP)
    return slip_pin_cite (self, start, end, style);

  note = cb_opinion_footnote_at (self, start);
  /* A footnote of a dissent is the dissent's: its reference says which part it is in. */
  parenthetical = part_at (self, note != NULL ? note->marker_offset : start);
  out = g_string_new (NULL);
  cited = cited_reporters (self, citation);

  for (guint i = 0; i < cited->len; i++)
    {
      const CitedReporter *cite = g_ptr_array_index (cited, i);
      int r = cite->reporter;
      g_autofree char *range = NULL;

      if (cite->kind == PIN_PARAGRAPHS)
        {
          guint first = cb_opinion_paragraph_at (self, start);
          guint last = cb_opinion_paragraph_at (self, end - 1);

          /* Before the first numbered paragraph (a caption, a syllabus) there is none. */
          if (first == 0)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          /* Paragraphs keep every digit of a range, as sections do: "¶¶ 112–114". */
          if (last > first)
            g_string_append_printf (out, "%s, ¶¶ %u–%u", cite->name, first, last);
          else
            g_string_append_printf (out, "%s, ¶ %u", cite->name, first);
        }
      else
        {
          range = format_range (cb_opinion_page_at (self, r, start), cb_opinion_page_at (self, r, end - 1), style);
          if (out->len > 0)
            g_string_append (out, ", ");
          /* A Westlaw or Lexis document's pages are its star pages, cited with its
           * number: "2014 WL 1234567, at *3". */
          if (cite->kind == PIN_STAR_PAGES)
            g_string_append_printf (out, "%s %s %u, at *%s", cite->volume, cite->name, cite->page, range);
          else
            g_string_append_printf (out, style == CB_CITE_STYLE_SUPREME_COURT ? "%s %s, at %s" : "%s %s at %s",
                                    cite->volume, cite->name, range);
        }
      if (note != NULL)
        g_string_append_printf (out, " n.%s", note->label);
    }

  /* No citation, an empty one, one that names no reporter ("596 U.S. ___"), one whose
   * reporters the opinion has no pages of or whose first page its pages disagree with,
   * or only a neutral citation whose paragraphs the opinion does not number: a
   * quotation still never goes without its page, the bare page of the star paging. */
  if (out->len == 0)
    {
      g_autofree char *range = NULL;

      if (!cb_page_map_has_pages (self->page_map, 0))
        return (g_string_free (out, TRUE), NULL);
      range = format_range (cb_opinion_page_at (self, 0, start), cb_opinion_page_at (self, 0, end - 1), style);
      g_string_append_printf (out, "*%s", range);
      if (note != NULL)
        g_string_append_printf (out, " n.%s", note->label);
    }
  if (out->len == 0)
    return (g_string_free (out, TRUE), NULL);

  if (parenthetical != NULL)
    g_string_append_printf (out, " %s", parenthetical);
  return g_string_free (out, FALSE);
}

/* One character on in a walk over the text: @before becomes the one left behind. */
static inline void
step (gsize       *i,
      const char **p,
      gunichar    *before)
{
  *before = g_utf8_get_char (*p);
  *p = g_utf8_next_char (*p);
  (*i)++;
}

/**
 * cb_opinion_quote_text:
 * @self: an opinion
 * @start: offset in characters of the passage's first character
 * @end: offset just past its last character
 *
 * Returns a passage as it is quoted: star-page, footnote and headnote markers
 * removed, every run of white space (line breaks too) one space, no white space
 * at either end, and a word split by a star-page marker joined again. It walks the
 * UTF-8 text itself: quoting needs no array of characters.
 *
 * Returns: (transfer full): the quoted text
 */
char *
cb_opinion_quote_text (CbOpinion *self,
                       gsize      start,
                       gsize      end)
{
  const guint8 *hidden;
  GString *out;
  gboolean space = FALSE;
  const char *p;
  gunichar before = 0;  /* the character before the one at i */
  gsize i = start;

  g_return_val_if_fail (CB_IS_OPINION (self), NULL);

  hidden = cb_opinion_get_hidden (self);
  end = MIN (end, self->length);
  out = g_string_new (NULL);
  if (start >= end)
    return g_string_free (out, FALSE);

  p = cb_opinion_char_at (self, start);
  if (start > 0)
    before = g_utf8_get_char (g_utf8_prev_char (p));
  while (i < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (hidden[i])
        {
          /* A star-page marker glued inside a word ("in*363 formation"): the word is
           * joined again over the marker and the space after it. */
          if (c == '*' && i > 0 && !hidden[i - 1] && g_unichar_isalnum (before))
            {
              while (i + 1 < end && hidden[i + 1])
                step (&i, &p, &before);
              while (i + 1 < end && g_unichar_isspace (g_utf8_get_char (g_utf8_next_char (p))))
                step (&i, &p, &before);
            }
          step (&i, &p, &before);
          continue;
        }
      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      step (&i, &p, &before);
    }
  return g_string_free (out, FALSE);
}

/* Snapping a selection to words. A word is a run of letters and digits, with an
 * apostrophe, hyphen or period between two of them ("don't", "so-called", "U.S."); a
 * star-page marker glued inside a word ("in*363 formation") does not end it, as
 * cb_opinion_quote_text() joins the word again. */

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011 || c == '.';
}

static gboolean
is_closing_punctuation (gunichar c)
{
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Whether the character at @i belongs to a word. */
static gboolean
in_word (const gunichar *chars,
         const guint8   *hidden,
         gsize           length,
         gsize           i)
{
  if (i >= length || hidden[i])
    return FALSE;
  if (g_unichar_isalnum (chars[i]))
    return TRUE;
  return is_joiner (chars[i]) && i > 0 && i + 1 < length &&
         !hidden[i - 1] && g_unichar_isalnum (chars[i - 1]) &&
         !hidden[i + 1] && g_unichar_isalnum (chars[i + 1]);
}

/* Where the word goes on past a star-page marker glued to the end of the word before
 * @i ("in|*363 formation"): the start of the word after the marker and the space after
 * it, or @i itself when no glued marker is there. */
static gsize
skip_glued_marker (const gunichar *chars,
                   const guint8   *hidden,
                   gsize           length,
                   gsize           i)
{
  gsize j = i;

  if (i == 0 || i >= length || !hidden[i] || chars[i] != '*' || !in_word (chars, hidden, length, i - 1))
    return i;
  while (j < length && hidden[j])
    j++;
  while (j < length && !hidden[j] && g_unichar_isspace (chars[j]))
    j++;
  return in_word (chars, hidden, length, j) ? j : i;
}

/* The other way: where the word before a glued marker ends, seen from the start of the
 * word after it ("in*363 |formation"), or @i itself. */
static gsize
skip_glued_marker_back (const gunichar *chars,
                        const guint8   *hidden,
                        gsize           length,
                        gsize           i)
{
  gsize j = i;

  if (!in_word (chars, hidden, length, i))
    return i;
  while (j > 0 && !hidden[j - 1] && g_unichar_isspace (chars[j - 1]))
    j--;
  if (j == 0 || !hidden[j - 1])
    return i;
  while (j > 0 && hidden[j - 1])
    j--;
  return skip_glued_marker (chars, hidden, length, j) == i ? j : i;
}

/**
 * cb_opinion_snap_to_words:
 * @self: an opinion
 * @start: (inout): offset in characters of a selection's first character
 * @end: (inout): offset just past its last character
 *
 * Widens a selection that starts or ends inside a word to the whole word, as a
 * reader means it ("e court concluded" is "the court concluded"). The punctuation
 * that ends a word cut at the selection's end goes with it ("unre" in "unread." is
 * "unread."); a boundary already between words stays where it is.
 */
void
cb_opinion_snap_to_words (CbOpinion *self,
                          gsize     *start,
                          gsize     *end)
{
  const gunichar *chars;
  const guint8 *hidden;
  gsize s, e, length;

  g_return_if_fail (CB_IS_OPINION (self));
  g_return_if_fail (start != NULL && end != NULL);

  length = self->length;
  s = MIN (*start, length);
  e = MIN (*end, length);
  if (s >= e)
    return;
  chars = cb_opinion_get_chars (self);
  hidden = cb_opinion_get_hidden (self);

  for (;;)
    {
      gsize back = skip_glued_marker_back (chars, hidden, length, s);

      if (back != s)
        s = back;
      else if (s > 0 && in_word (chars, hidden, length, s) && in_word (chars, hidden, length, s - 1))
        s--;
      else if (s > 0 && skip_glued_marker (chars, hidden, length, s) != s)
        s--;
      else
        break;
    }

  if (e < length && e > 0 && in_word (chars, hidden, length, e - 1))
    {
      gsize cut = e;

      for (;;)
        {
          gsize on = skip_glued_marker (chars, hidden, length, e);

          if (on != e)
            for (e = on; e < length && in_word (chars, hidden, length, e); e++)
              ;
          else if (in_word (chars, hidden, length, e) && in_word (chars, hidden, length, e - 1))
            e++;
          else
            break;
        }
      /* The word was cut: the punctuation that ends it belongs to it. */
      if (e != cut)
        while (e < length && !hidden[e] && is_closing_punctuation (chars[e]))
          e++;
    }

  *start = s;
  *end = e;
}

static CbQuoteIndex *
ensure_index (CbOpinion *self)
{
  CbQuoteIndex *index;

  g_mutex_lock (&self->index_lock);
  if (self->index == NULL)
    self->index = cb_quote_index_new (cb_opinion_get_chars (self), self->length,
                                      cb_opinion_get_hidden (self));
  index = self->index;
  g_mutex_unlock (&self->index_lock);
  return index;
}

/**
 * cb_opinion_find_quote:
 * @self: an opinion
 * @quote: the quoted text
 * @from: offset in characters where the match may start at the earliest
 * @start: (out) (optional): offset of the match's first character
 * @end: (out) (optional): offset just past its last character
 *
 * Finds a quote in the opinion the forgiving way: star-page, footnote and
 * headnote markers, line breaks and runs of white space do not stop a match,
 * straight and curly quotes match each other, and both sides are compared in NFC.
 *
 * Returns: whether the quote was found
 */
gboolean
cb_opinion_find_quote (CbOpinion  *self,
                       const char *quote,
                       gsize       from,
                       gsize      *start,
                       gsize      *end)
{
  g_autofree char *folded = NULL;
  gsize s, e;

  g_return_val_if_fail (CB_IS_OPINION (self), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  folded = cb_quote_index_fold_query (quote);
  if (*folded == '\0' || !cb_quote_index_find (ensure_index (self), folded, from, &s, &e))
    {
      /* A "*N" in the quote may be the opinion's own text, not a star-page marker. */
      g_free (folded);
      folded = cb_quote_index_fold_query_literal (quote);
      if (*folded == '\0' || !cb_quote_index_find (ensure_index (self), folded, from, &s, &e))
        return FALSE;
    }
  if (start)
    *start = s;
  if (end)
    *end = e;
  return TRUE;
}

/**
 * cb_opinion_find_quote_all:
 * @self: an opinion
 * @quote: the quoted text
 *
 * Finds every place of a quote, matched as by cb_opinion_find_quote().
 *
 * Returns: (transfer full) (element-type CbRange): the ranges in text order
 */
GArray *
cb_opinion_find_quote_all (CbOpinion  *self,
                           const char *quote)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (CB_IS_OPINION (self), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  folded = cb_quote_index_fold_query (quote);
  if (*folded == '\0')
    return g_array_new (FALSE, FALSE, sizeof (CbRange));
  ranges = cb_quote_index_find_all (ensure_index (self), folded);
  if (ranges->len == 0)
    {
      /* As in cb_opinion_find_quote(): the "*N" may be the opinion's own text. */
      g_free (folded);
      folded = cb_quote_index_fold_query_literal (quote);
      g_array_unref (ranges);
      ranges = cb_quote_index_find_all (ensure_index (self), folded);
    }
  return g_steal_pointer (&ranges);
}
