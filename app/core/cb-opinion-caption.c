/* Opinions: the caption's metadata (case name, court, citation, docket and date) read
 * from the lines at the head of an opinion's text, once its pages, footnotes and
 * headnotes are known. */
#define G_LOG_DOMAIN "cb-opinion"

#include "config.h"

#include <string.h>

#include "cb-caption.h"
#include "cb-citation.h"
#include "cb-opinion-private.h"

/* Longest line still taken as part of a caption; body paragraphs are longer. */
#define CAPTION_LINE_MAX 200
#define CAPTION_LINES_MAX 40

static char *
match_line (GRegex     *regex,
            const char *line,
            int         group)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, line, 0, &match))
    return NULL;
  return g_strstrip (g_match_info_fetch (match, group));
}

typedef struct
{
  GRegex *case_name;
  GRegex *citation;
  GRegex *docket;
  GRegex *date;
  GRegex *court;
  GRegex *proceeding;
} CaptionRegexes;

static gpointer
compile_caption_regexes (gpointer data)
{
  CaptionRegexes *r = g_new0 (CaptionRegexes, 1);

  /* The closing period stays: it may end "Inc.", and cb_caption_case_name() knows. */
  r->case_name = g_regex_new ("^(?!No\\.)(\\S.{0,150}?\\s+v\\.\\s+\\S.{0,150}?),?$", 0, 0, NULL);
  r->citation = g_regex_new ("^(\\d+\\s+[A-Z][A-Za-z0-9.\\s]*?\\s+\\d+"
                             "(?:\\s*,\\s*\\d+\\s+[A-Z][A-Za-z0-9.\\s]*?\\s+\\d+)*)"
                             "(?:\\s*\\([^)]*\\))?\\.?$", 0, 0, NULL);
  /* "No. 84-6470", "Nos. 84–6470 and 85-1", and a court's prefix: "No. S-06-1155". */
  /* A federal district court's docket holds its division: "No. 2:12-cv-00345". */
  r->docket = g_regex_new ("\\b(Nos?\\.\\s*(?:[A-Z]{1,3}-)?\\d[\\w–-]*(?::\\w[\\w–-]*)*"
                           "(?:\\s*(?:,|and)\\s*\\d[\\w–-]*(?::\\w[\\w–-]*)*)*)", 0, 0, NULL);
  /* Westlaw abbreviates the months: "Decided Jan. 21, 1986." */
  r->date = g_regex_new ("((?:January|February|March|April|May|June|July|August|September|"
                         "October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|"
                         "Oct\\.|Nov\\.|Dec\\.)\\s+\\d{1,2},\\s+\\d{4})", 0, 0, NULL);
  r->court = g_regex_new ("^(?:[A-Z][A-Za-z.]*\\s+)*(?:Court|COURT|Circuit|CIRCUIT)\\b.*$", 0, 0, NULL);
  /* "IN RE GAULT.", "Ex parte Young", up to a comma before the role. */
  r->proceeding = g_regex_new ("^((?:In re|IN RE|Ex parte|EX PARTE|In the Matter of|IN THE MATTER OF)"
                               "\\s+[^,;:]{1,120}?)(?:,.{0,60})?\\.?$", 0, 0, NULL);
  g_assert (r->case_name && r->citation && r->docket && r->date && r->court && r->proceeding);
  return r;
}

/* The first CAPTION_LINES_MAX lines of @text, as g_strsplit() gives them: splitting the
 * whole text would copy all the rest of it into the last piece. */
static GStrv
caption_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; *text != '\0' && i < CAPTION_LINES_MAX; i++)
    {
      const char *eol = strchr (text, '\n');

      if (eol == NULL)
        {
          g_ptr_array_add (lines, g_strdup (text));
          break;
        }
      g_ptr_array_add (lines, g_strndup (text, eol - text));
      text = eol + 1;
      /* A text that ends in a line break ends in an empty line. */
      if (*text == '\0' && i + 1 < CAPTION_LINES_MAX)
        g_ptr_array_add (lines, g_strdup (""));
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static gboolean
cites_a_case (const char *line)
{
  g_autoptr(GPtrArray) citations = cb_citation_scan (line);

  return citations->len > 0;
}

/* The next line after @i that is not blank, or -1. */
static int
next_filled_line (GStrv lines,
                  guint i)
{
  for (guint j = i + 1; lines[j] != NULL && j < CAPTION_LINES_MAX; j++)
    if (*lines[j] != '\0')
      return j;
  return -1;
}

/* The case name, court, citation, docket and date of the caption: the lines before the
 * first star page, headnote or footnote. The case name is written as a citation names
 * it ("State v. Vela" for "STATE of Nebraska, appellee, v. Erick Fernando VELA,
 * appellant."), also from Westlaw's caption, which puts "v." on a line of its own
 * between the parties. The citation is the opinion's own, never one it cites. */
void
cb_opinion_read_caption (CbOpinion *self)
{
  static GOnce once = G_ONCE_INIT;
  CaptionRegexes *regexes = g_once (&once, compile_caption_regexes, NULL);
  g_auto(GStrv) lines = caption_lines (self->text);
  GRegex *case_name = regexes->case_name;
  GRegex *citation = regexes->citation;
  GRegex *docket = regexes->docket;
  GRegex *date = regexes->date;
  GRegex *court = regexes->court;
  gsize offset = 0;
  gsize first_mark = self->length;
  char *any_date = NULL;
  int previous = -1;

  /* A text may open with the page it starts on ("*195"), which begins no page break. */
  for (guint i = 0; i < self->marks->len && i < 2; i++)
    if (g_array_index (self->marks, CbPageMark, i).offset > 0)
      {
        first_mark = g_array_index (self->marks, CbPageMark, i).offset;
        break;
      }

  for (guint i = 0; lines[i] != NULL && i < CAPTION_LINES_MAX; i++)
    {
      const char *line = lines[i];
      glong chars = g_utf8_strlen (line, -1);
      char *value;
      int before = previous;

      if (chars > CAPTION_LINE_MAX || offset >= first_mark || offset >= self->footnote_block ||
          (self->headnotes->len > 0 && offset >= g_array_index (self->headnotes, CbHeadnote, 0).offset))
        break;
      offset += chars + 1;
      if (*line == '\0')
        continue;
      previous = i;

      if (self->citation == NULL &&
          ((value = match_line (citation, line, 1)) != NULL || (value = cb_caption_citation_line (line)) != NULL))
        {
          self->citation = value;
          continue;
        }
      if (self->case_name == NULL)
        {
          int after = next_filled_line (lines, i);

          /* "Robert DAVIDSON, Petitioner,\nv.\nKenneth CANNON et al." */
          if (strcmp (line, "v.") == 0 && before >= 0 && after >= 0 && g_utf8_strlen (lines[after], -1) <= CAPTION_LINE_MAX)
            {
              g_autofree char *parties = g_strdup_printf ("%s v. %s", lines[before], lines[after]);

              self->case_name = cb_caption_case_name (parties);
              continue;
            }
          /* A line that cites a case is a sentence of the opinion, not its caption. */
          if (((value = match_line (case_name, line, 1)) != NULL ||
               (value = match_line (regexes->proceeding, line, 1)) != NULL) &&
              !cites_a_case (value))
            {
              self->case_name = cb_caption_case_name (value);
              g_free (value);
              continue;
            }
          g_clear_pointer (&value, g_free);
        }
      if (self->docket == NULL && (value = match_line (docket, line, 1)) != NULL)
        self->docket = value;
      if ((value = match_line (date, line, 1)) != NULL)
        {
          if (self->date == NULL && strstr (line, "ecided") != NULL)
            self->date = value;
          else if (any_date == NULL)
            any_date = value;
          else
            g_free (value);
          continue;
        }
      if (self->court == NULL && (value = match_line (court, line, 0)) != NULL)
        {
          self->court = cb_caption_court (value);
          g_free (value);
        }
    }

  if (self->date == NULL)
    self->date = any_date;
  else
    g_free (any_date);
}
