/* Captions: what the lines at the head of an opinion say about it, read the way a student
 * writes it in a brief: the case name from the parties, the court, the opinion's own
 * citation. */
#define G_LOG_DOMAIN "cb-caption"

#include "config.h"

#include <string.h>

#include "cb-caption.h"
#include "cb-citation.h"

/* What may follow a comma inside a party's name: "Acme Widget, Inc.". */
static const char * const corporate_suffixes[] = {
  "Inc", "Ltd", "L.L.C.", "LLC", "Co.", "Corp", "N.A.", "P.C.", "L.P.", "LLP", "L.L.P.", "P.A.",
  "S.A.", "PLC", "Jr.", "Sr.", NULL,
};

/* Words a caption keeps in capitals whatever it does with the others. */
static const char * const kept_as_written[] = {
  "LLC", "LLP", "PLC", "II", "III", "IV", "USA", NULL,
};

static const char * const connectors[] = {
  "of", "the", "and", "for", "in", "on", "at", "a", "an", "de", "du", "la", "von", "van", "ex",
  "rel.", "to", "by", NULL,
};

/* What a party is called after its name: "et al.", "et ux." */
static const char * const companions[] = { " et al.", " et al", " et ux.", " et vir", NULL };

static gboolean
word_is (const char         *word,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == len && g_ascii_strncasecmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_suffix (const char *p)
{
  for (guint i = 0; corporate_suffixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (p, corporate_suffixes[i], strlen (corporate_suffixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* A name in capitals, as the Caselaw Access Project and Westlaw set a party's surname:
 * "VELA", "McDONALD", "O'CONNOR", "U.S.". An initial ("A.") is not one. */
static gboolean
is_capitals (const char *word,
             gsize       len)
{
  guint upper = 0;
  guint lower = 0;

  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
    }
  return upper >= 2 && lower * 2 < upper;
}

static gboolean
starts_upper (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

/* "T." in "Marcus T. HOLLOWAY" and "Inc." in "ACME CO., Inc.": a word which neither sets
 * a name in capitals nor stops one. */
static gboolean
is_initial (const char *word,
            gsize       len)
{
  return g_ascii_isupper (word[0]) && (len == 1 || (len == 2 && word[1] == '.') || starts_with_suffix (word));
}

/* "VELA" → "Vela", "McDONALD" → "McDonald", "O'CONNOR" → "O'Connor": a capital that
 * follows a capital becomes small. A connector other than the first word is small. */
static void
append_title_case (GString    *out,
                   const char *word,
                   gsize       len,
                   gboolean    first)
{
  gboolean after_upper = FALSE;

  if (word_is (word, len, kept_as_written))
    {
      g_string_append_len (out, word, len);
      return;
    }
  if (!first && word_is (word, len, connectors))
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (out, g_ascii_tolower (word[i]));
      return;
    }
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean upper = g_unichar_isupper (c);

      g_string_append_unichar (out, upper && after_upper ? g_unichar_tolower (c) : c);
      after_upper = upper;
    }
}

/* "STATE of Nebraska" → "State", "People of the State of New York" → "People",
 * "United States of America" → "United States": the names a sovereign goes by. */
static void
shorten_sovereign (GString *name)
{
  static const char * const sovereigns[] = { "State", "Commonwealth", "People", "Territory", NULL };

  if (g_str_has_prefix (name->str, "United States of America"))
    {
      g_string_truncate (name, strlen ("United States"));
      return;
    }
  for (guint i = 0; sovereigns[i] != NULL; i++)
    {
      gsize len = strlen (sovereigns[i]);

      if (strncmp (name->str, sovereigns[i], len) == 0 && g_str_has_prefix (name->str + len, " of "))
        {
          g_string_truncate (name, len);
          return;
        }
    }
}

typedef struct
{
  const char *start;
  gsize len;
} Word;

/* One party as a citation names it: its role ("appellee") and companions ("et al.")
 * left out, and when the caption sets the name in capitals, that name alone in
 * ordinary case ("Erick Fernando VELA" → "Vela", "STATE of Nebraska" → "State"). */
static char *
party_name (const char *party,
            gboolean    proceeding)
{
  g_autofree char *copy = g_strstrip (g_strdup (party));
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr(GString) name = g_string_new (NULL);
  int first_caps = -1;
  int last_caps = -1;
  gboolean all_caps = TRUE;
  char *p;

  /* "Robert DAVIDSON, Petitioner": the role follows a comma that no "Inc." does. */
  for (p = strchr (copy, ','); p != NULL; p = strchr (p + 1, ','))
    if (p[1] != ' ' || !starts_with_suffix (p + 2))
      {
        *p = '\0';
        break;
      }
  /* The period that ends the caption, unless it ends an abbreviation ("Co.", "U.S."). */
  {
    gsize len = strlen (copy);
    const char *word = strrchr (copy, ' ');

    word = word != NULL ? word + 1 : copy;
    if (len > 0 && copy[len - 1] == '.' && !starts_with_suffix (word) &&
        memchr (word, '.', copy + len - 1 - word) == NULL && copy + len - 1 - word > 1 &&
        !g_str_has_suffix (copy, " et al.") && !g_str_has_suffix (copy, " et ux."))
      copy[len - 1] = '\0';
  }
  for (guint i = 0; companions[i] != NULL; i++)
    {
      gsize len = strlen (copy);
      gsize clen = strlen (companions[i]);

      if (len > clen && g_ascii_strcasecmp (copy + len - clen, companions[i]) == 0)
        copy[len - clen] = '\0';
    }
  g_strstrip (copy);

  for (p = copy; *p != '\0'; )
    {
      Word word = { p, strcspn (p, " ") };

      if (word.len > 0)
        g_array_append_val (words, word);
      p += word.len;
      while (*p == ' ')
        p++;
    }

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (is_capitals (word->start, word->len))
        {
          if (first_caps < 0)
            first_caps = i;
          last_caps = i;
        }
      else if (starts_upper (word->start) && !is_initial (word->start, word->len))
        all_caps = FALSE;
    }

  if (first_caps < 0 || proceeding || all_caps)
    {
      /* No name in capitals, or nothing else: every word is the name. */
      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (i > 0)
            g_string_append_c (name, ' ');
          if (first_caps >= 0)
            append_title_case (name, word->start, word->len, i == 0);
          else
            g_string_append_len (name, word->start, word->len);
        }
    }
  else
    {
      /* The first run of capitals, with the connectors inside it: "UNITED STATES",
       * "BOARD OF EDUCATION", not "SMITH and John SMITH". */
      last_caps = first_caps;
      for (guint i = first_caps + 1; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (is_capitals (word->start, word->len))
            last_caps = i;
          else if (!(word_is (word->start, word->len, connectors) || is_initial (word->start, word->len) ||
                     (word->len == 1 && *word->start == '&')))
            break;
        }
      for (int i = first_caps; i <= last_caps; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (i > first_caps)
            g_string_append_c (name, ' ');
          append_title_case (name, word->start, word->len, i == first_caps);
        }
    }

  if (!proceeding)
    shorten_sovereign (name);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * cb_caption_case_name:
 * @parties: the parties as a caption gives them ("STATE of Nebraska, appellee, v. Erick
 *   Fernando VELA, appellant", "DAVIDSON v. CANNON et al.", "IN RE GAULT")
 *
 * Names the case as a citation does: each party without its role or companions, a name
 * set in capitals in ordinary case and alone ("State v. Vela", "Davidson v. Cannon",
 * "In re Gault"). A name already written that way comes back as it is.
 *
 * Returns: (transfer full): the case name
 */
char *
cb_caption_case_name (const char *parties)
{
  static const struct { const char *written; const char *as; } proceedings[] = {
    { "In re ", "In re " }, { "IN RE ", "In re " }, { "Ex parte ", "Ex parte " },
    { "EX PARTE ", "Ex parte " }, { "In the Matter of ", "In the Matter of " },
    { "IN THE MATTER OF ", "In the Matter of " }, { "Matter of ", "Matter of " },
    { "MATTER OF ", "Matter of " },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  const char *versus;
  gsize skip = 4;

  g_return_val_if_fail (parties != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (proceedings); i++)
    if (g_str_has_prefix (parties, proceedings[i].written))
      {
        g_autofree char *rest = party_name (parties + strlen (proceedings[i].written), TRUE);

        return g_strconcat (proceedings[i].as, rest, NULL);
      }

  versus = strstr (parties, " v. ");
  if (versus == NULL && (versus = strstr (parties, " vs. ")) != NULL)
    skip = 5;
  if (versus == NULL && (versus = strstr (parties, " V. ")) != NULL)
    skip = 4;
  if (versus == NULL)
    return g_strdup (parties);

  {
    g_autofree char *first = g_strndup (parties, versus - parties);
    g_autofree char *left = party_name (first, FALSE);
    g_autofree char *right = party_name (versus + skip, FALSE);

    if (*left == '\0' || *right == '\0')
      return g_strdup (parties);
    g_string_append_printf (out, "%s v. %s", left, right);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cb_caption_court:
 * @line: a caption line that names a court ("Supreme Court of Nebraska.")
 *
 * Returns: (transfer full): the court without the period that ends the line, which an
 *   abbreviation keeps ("Supreme Court of Nebraska", "U.S. Court of Appeals, D.C. Cir.")
 */
char *
cb_caption_court (const char *line)
{
  char *court = g_strstrip (g_strdup (line));
  gsize len = strlen (court);
  const char *word;

  if (len < 2 || court[len - 1] != '.')
    return court;
  word = strrchr (court, ' ');
  word = word != NULL ? word + 1 : court;
  /* "Nebraska." ends a sentence; "Cir." and "D.C." are abbreviations. */
  if (memchr (word, '.', court + len - 1 - word) == NULL &&
      (court + len - 1 - word >= 5 || g_str_has_prefix (word, "Ohio") || g_str_has_prefix (word, "Iowa") ||
       g_str_has_prefix (word, "Utah") || g_str_has_prefix (word, "Guam") || g_str_has_prefix (word, "York")))
    court[len - 1] = '\0';
  return court;
}

/**
 * cb_caption_citation_line:
 * @line: a line of a caption
 *
 * Reads a line that is nothing but the opinion's own citations, as a caption or a
 * Westlaw header gives them: "474 U.S. 344, 106 S.Ct. 668", "2012-Ohio-4567",
 * "2019 IL App (2d) 180123-U", "Cite as: 596 U.S. 528 (2022)". The citations must be
 * ones the citation scanner knows, one after another with commas between, then at most
 * a parenthetical and a period.
 *
 * Returns: (transfer full) (nullable): the citations as written, without the
 *   parenthetical, or %NULL when the line is something else
 */
char *
cb_caption_citation_line (const char *line)
{
  g_autoptr(GPtrArray) citations = NULL;
  const char *text = line;
  const char *p;
  const char *last_end = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (g_str_has_prefix (text, "Cite as: "))
    text += strlen ("Cite as: ");
  if (!g_ascii_isdigit (*text))
    return NULL;
  citations = cb_citation_scan (text);
  if (citations->len == 0)
    return NULL;

  p = text;
  for (guint i = 0; i < citations->len; i++)
    {
      const CbCitation *c = g_ptr_array_index (citations, i);
      const char *start = g_utf8_offset_to_pointer (text, c->start);
      gboolean comma = FALSE;

      if (c->kind != CB_CITATION_CASE)
        return NULL;
      /* Only a comma between citations. */
      while (p < start && (*p == ',' || *p == ' '))
        comma |= *p++ == ',';
      if (p != start || (i > 0 && !comma))
        return NULL;
      p = last_end = g_utf8_offset_to_pointer (text, c->end);
    }

  /* Then a parenthetical and a period at most: "(1986).". */
  while (*p == ' ')
    p++;
  if (*p == '(')
    {
      p = strchr (p, ')');
      if (p == NULL)
        return NULL;
      p++;
    }
  if (*p == '.')
    p++;
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return NULL;

  return g_strndup (text, last_end - text);
}

/* Whether @name names a case: two parties, or a proceeding. */
static gboolean
names_a_case (const char *name)
{
  return strstr (name, " v. ") != NULL || strstr (name, " vs. ") != NULL ||
         g_str_has_prefix (name, "In re ") || g_str_has_prefix (name, "Ex parte ") ||
         g_str_has_prefix (name, "In the Matter of ") || g_str_has_prefix (name, "Matter of ");
}

/**
 * cb_caption_split_title:
 * @title: a web page's title ("Doe v. Roe, 123 F.3d 456 (9th Cir. 1997) – CourtListener.com")
 * @name: (out) (transfer full): the case as the title names it ("Doe v. Roe")
 * @citation: (out) (transfer full) (nullable): its citation with its parenthetical, if the
 *   title gives one ("123 F.3d 456 (9th Cir. 1997)")
 *
 * Reads the case a page's title names, without the site's name after it.
 *
 * Returns: whether the title names a case
 */
gboolean
cb_caption_split_title (const char  *title,
                        char       **name,
                        char       **citation)
{
  static const char * const separators[] = { " \u2013 ", " \u2014 ", " | ", " - ", NULL };
  g_autofree char *text = g_strstrip (g_strdup (title));

  g_return_val_if_fail (title != NULL && name != NULL && citation != NULL, FALSE);

  *name = *citation = NULL;
  /* "… – CourtListener.com", "… | Caselaw Access Project" */
  for (guint i = 0; separators[i] != NULL; i++)
    {
      char *cut = strstr (text, separators[i]);

      if (cut != NULL)
        *cut = '\0';
    }
  g_strstrip (text);
  if (!names_a_case (text))
    return FALSE;

  for (char *comma = strstr (text, ", "); comma != NULL; comma = strstr (comma + 1, ", "))
    {
      g_autofree char *cite = NULL;

      if (!g_ascii_isdigit (comma[2]) || (cite = cb_caption_citation_line (comma + 2)) == NULL)
        continue;
      *citation = g_strdup (comma + 2);
      *comma = '\0';
      break;
    }
  *name = g_strdup (text);
  return TRUE;
}

/**
 * cb_caption_role_of_type:
 * @type: the type the Caselaw Access Project gives a separate opinion ("dissent",
 *   "concurrence", "concurring-in-part-and-dissenting-in-part")
 *
 * Returns: (nullable): the role its author's line names ("dissenting"), or %NULL for
 *   the opinion of the court and anything else
 */
const char *
cb_caption_role_of_type (const char *type)
{
  static const struct { const char *type; const char *role; } roles[] = {
    { "dissent", "dissenting" },
    { "dissenting", "dissenting" },
    { "concurrence", "concurring" },
    { "concurring", "concurring" },
    { "concurring-in-part-and-dissenting-in-part", "concurring in part and dissenting in part" },
    { "concurrence-in-part-and-dissent-in-part", "concurring in part and dissenting in part" },
    { "concurring-in-judgment", "concurring in the judgment" },
    { "concurrence-in-judgment", "concurring in the judgment" },
  };

  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (type, roles[i].type) == 0)
      return roles[i].role;
  return NULL;
}

/**
 * cb_caption_author_line:
 * @author: the author's line of a separate opinion as the source gives it ("GERRARD, J.")
 * @role: (nullable): the opinion's role, from cb_caption_role_of_type()
 *
 * Returns: (transfer full): the line that opens the separate opinion, naming its role
 *   when the source gives it only as the opinion's type ("GERRARD, J., dissenting.")
 */
char *
cb_caption_author_line (const char *author,
                        const char *role)
{
  g_autofree char *line = g_strstrip (g_strdup (author));
  g_autofree char *folded = g_ascii_strdown (line, -1);
  gsize len;

  if (role == NULL || *line == '\0' || strstr (folded, "dissent") != NULL || strstr (folded, "concur") != NULL)
    return g_steal_pointer (&line);
  len = strlen (line);
  while (len > 0 && line[len - 1] == ',')
    line[--len] = '\0';
  /* "GERRARD, J." keeps its abbreviation's period; "Gerrard" gets a comma. */
  return g_strdup_printf ("%s, %s.", line, role);
}
