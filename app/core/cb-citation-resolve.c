/* Citations: the resolver, which points each short form and Id. at the citation it means. */
#define G_LOG_DOMAIN "cb-citation"

#include "config.h"

#include <string.h>

#include "cb-citation-private.h"

/* Moves from @p to @to, counting in @paragraph the lines that start a paragraph: a
 * line break, then anything but white space. Inside a line, memchr() finds the next
 * break without looking at each byte. */
static const char *
count_paragraphs (const char *p,
                  const char *to,
                  gboolean   *new_line,
                  int        *paragraph)
{
  while (p < to)
    {
      if (!*new_line)
        {
          const char *line_break = memchr (p, '\n', to - p);

          if (line_break == NULL)
            return to;
          *new_line = TRUE;
          p = line_break + 1;
          continue;
        }
      if (!g_ascii_isspace (*p))
        {
          (*paragraph)++;
          *new_line = FALSE;
        }
      p++;
    }
  return p;
}

/* A name past the words of a proceeding: "Gault" in "In re Gault", "Young" in "Ex parte
 * Young", which a short form names it by. */
static const char *
skip_proceeding (const char *name)
{
  static const char * const openings[] = {
    "In re ", "Ex parte ", "ex parte ", "In the Matter of ", "Matter of ", NULL,
  };

  /* Every opening starts with one of these letters; most names do not. */
  if (name[0] != 'I' && name[0] != 'E' && name[0] != 'e' && name[0] != 'M')
    return name;
  for (guint i = 0; openings[i] != NULL; i++)
    if (g_str_has_prefix (name, openings[i]) && name[strlen (openings[i])] != '\0')
      return name + strlen (openings[i]);
  return name;
}

/* The first word of each party: "Daniels" and "Williams" in "Daniels v. Williams",
 * "Gault" in "In re Gault". */
static gboolean
name_matches (const char *case_name,
              const char *short_name)
{
  g_auto(GStrv) parties = NULL;

  if (case_name == NULL)
    return FALSE;

  parties = g_strsplit (skip_proceeding (case_name), " v. ", 2);
  for (guint i = 0; parties[i] != NULL; i++)
    {
      const char *space = strchr (parties[i], ' ');
      gsize first_len = space != NULL ? (gsize) (space - parties[i]) : strlen (parties[i]);

      if (g_str_equal (parties[i], short_name) ||
          (strlen (short_name) == first_len && strncmp (parties[i], short_name, first_len) == 0))
        return TRUE;
    }
  return FALSE;
}

/* The citation that starts at @byte_start among the first @n items, by bisection. */
static CbCitationItem *
find_item (CbCitationItem *items,
           guint           n,
           gsize           byte_start)
{
  guint low = 0;
  guint high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (items[mid].byte_start < byte_start)
        low = mid + 1;
      else
        high = mid;
    }
  for (; low < n && items[low].byte_start == byte_start; low++)
    if (!items[low].barrier && items[low].kind == CB_CITATION_CASE)
      return &items[low];

  return NULL;
}

static CbCitationItem *
root_of (CbCitationItem *item)
{
  return item->primary != NULL ? item->primary : item;
}

/* Gives a short form the data of the citation it refers to. */
static void
point_at (CbCitationItem *item,
          CbCitationItem *target)
{
  CbCitation *citation = item->citation;
  CbCitation *meant = target->citation;

  item->target = target;
  citation->refers_to_kind = meant->kind;
  citation->form = meant->form;
  g_free (citation->volume);
  citation->volume = g_strdup (meant->volume);
  g_free (citation->reporter);
  citation->reporter = g_strdup (meant->reporter);
  citation->page = g_strdup (meant->page);
  citation->case_name = g_strdup (meant->case_name);
  citation->court = g_strdup (meant->court);
  citation->year = g_strdup (meant->year);
  citation->date = g_strdup (meant->date);
}

/* The page a pin starts on, past a star or a "p.": "826" in "826 n. 3", 3 in "*3". */
static guint64
pin_page (const char *pin)
{
  while (*pin != '\0' && !g_ascii_isdigit (*pin))
    pin++;
  return g_ascii_strtoull (pin, NULL, 10);
}

static char *
first_word (const char *name)
{
  const char *space = strchr (name, ' ');

  return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
}

/* Bytes of a volume key kept on the stack: "752|F.2d" and every reporter's name fit. */
#define KEY_BYTES 128

/* What a case is filed under for short forms by volume: "752|F.2d". Both are always
 * set on a case and on a short form by volume. The key is written into @buffer when
 * it fits, else into *@spill, which the caller frees. */
static const char *
volume_key (const CbCitation  *citation,
            char               buffer[KEY_BYTES],
            char             **spill)
{
  gsize volume = strlen (citation->volume);
  gsize reporter = strlen (citation->reporter);
  char *key = buffer;

  if (volume + reporter + 2 > KEY_BYTES)
    key = *spill = g_malloc (volume + reporter + 2);
  memcpy (key, citation->volume, volume);
  key[volume] = '|';
  memcpy (key + volume + 1, citation->reporter, reporter + 1);
  return key;
}

/* The first word of @name, as first_word() gives it, in @buffer when it fits, else in
 * *@spill, which the caller frees. */
static const char *
first_word_key (const char  *name,
                char         buffer[KEY_BYTES],
                char       **spill)
{
  const char *space = strchr (name, ' ');
  gsize len = space != NULL ? (gsize) (space - name) : strlen (name);
  char *key = len < KEY_BYTES ? buffer : (*spill = g_malloc (len + 1));

  memcpy (key, name, len);
  key[len] = '\0';
  return key;
}

/* Adds @item to the list under @key, copying the key only when it is new. */
static void
remember (GHashTable     *seen,
          const char     *key,
          CbCitationItem *item)
{
  GPtrArray *list = g_hash_table_lookup (seen, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (seen, g_strdup (key), list);
    }
  g_ptr_array_add (list, item);
}

/* Files a full case citation under its volume and reporter, and under the first word of
 * each party, so that short forms find it without a walk over the whole text. */
static void
remember_case (GHashTable     *seen,
               CbCitationItem *item,
               gboolean        by_name)
{
  CbCitation *citation = item->citation;
  const char *versus;
  char buffer[KEY_BYTES];
  g_autofree char *spill = NULL;

  if (!by_name)
    {
      remember (seen, volume_key (citation, buffer, &spill), item);
      return;
    }
  if (citation->case_name == NULL)
    return;

  /* The first word of the name is the first party's; the second's follows " v. ". */
  versus = strstr (citation->case_name, " v. ");
  remember (seen, first_word_key (skip_proceeding (citation->case_name), buffer, &spill), item);
  if (versus != NULL)
    {
      g_clear_pointer (&spill, g_free);
      remember (seen, first_word_key (versus + 4, buffer, &spill), item);
    }
}

/* Points a short form at the latest earlier full citation it can mean: the same volume
 * and reporter with a first page at or before the pin, or a case one of whose parties
 * the short form names. A name short form that names no earlier case is dropped. */
static void
resolve_short (GHashTable     *seen,
               CbCitationItem *item)
{
  CbCitation *citation = item->citation;

  if (item->names != NULL)
    {
      /* The longest tail of the capitalized words that names a case. */
      for (const char *name = item->names; name != NULL; )
        {
          g_autofree char *word = first_word (name);
          GPtrArray *list = g_hash_table_lookup (seen, word);

          for (guint j = list != NULL ? list->len : 0; j-- > 0; )
            {
              CbCitationItem *other = g_ptr_array_index (list, j);

              if (other->byte_end <= item->byte_start &&
                  name_matches (other->citation->case_name, name))
                {
                  /* The citation starts at the name meant, not at the words before it. */
                  item->byte_start += name - item->names;
                  memmove (citation->text, citation->text + (name - item->names),
                           strlen (citation->text + (name - item->names)) + 1);
                  point_at (item, root_of (other));
                  return;
                }
            }
          name = strchr (name, ' ');
          if (name != NULL)
            name = skip_spaces (name, name + strlen (name));
        }
      item->dropped = TRUE;
    }
  else
    {
      char buffer[KEY_BYTES];
      g_autofree char *spill = NULL;
      GPtrArray *list = g_hash_table_lookup (seen, volume_key (citation, buffer, &spill));
      guint64 pin = pin_page (citation->pin);

      for (guint j = list != NULL ? list->len : 0; j-- > 0; )
        {
          CbCitationItem *other = g_ptr_array_index (list, j);

          if (g_ascii_strtoull (other->citation->page, NULL, 10) <= pin)
            {
              point_at (item, other);
              return;
            }
        }
    }
}

/* Id. means the citation just before it, in the same or the previous paragraph; when a
 * record or brief cite ("App. 89", "Brief for Petitioner 17") comes between, Id. means
 * that source, which is no case or statute, and stays unresolved. */
static void
resolve_id (CbCitationItem *items,
            guint           i)
{
  CbCitationItem *item = &items[i];

  for (guint j = i; j-- > 0; )
    {
      CbCitationItem *other = &items[j];

      if (other->dropped)
        continue;
      if (other->barrier || item->paragraph - other->paragraph > 1)
        return;
      if (other->kind == CB_CITATION_SHORT || other->kind == CB_CITATION_ID)
        {
          if (other->target != NULL)
            point_at (item, other->target);
        }
      else
        point_at (item, root_of (other));
      return;
    }
}

/**
 * cb_citation_items_resolve:
 * @items: the scanned items, sorted by cb_citation_scan_valid()
 * @n_items: how many
 * @text: the text they were found in
 *
 * Points parallel citations at the first of their group, drops the items that overlap
 * an earlier, longer one and the name short forms that name no earlier case, numbers
 * the paragraphs of the rest and points every short form and Id. at what it means.
 */
void
cb_citation_items_resolve (CbCitationItem *items,
                           guint           n_items,
                           const char     *text)
{
  const char *walk;
  int paragraph = 0;
  gboolean new_line = FALSE;
  gsize last_end = 0;
  GHashTable *seen;

  /* Parallel citations point at the first of their group, which sorts before them. */
  for (guint i = 0; i < n_items; i++)
    if (items[i].primary_byte >= 0)
      items[i].primary = find_item (items, i, items[i].primary_byte);

  /* "Daniels, at 331" is a citation only if an earlier case is named Daniels. Only the
   * first citation of a group is filed: a short form found through a parallel one
   * means the first anyway, which ends before it and has the same name. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].barrier)
        continue;
      if (items[i].names != NULL)
        resolve_short (seen, &items[i]);
      else if (items[i].kind == CB_CITATION_CASE && items[i].named && items[i].primary == NULL)
        remember_case (seen, &items[i], TRUE);
    }
  g_clear_pointer (&seen, g_hash_table_unref);

  /* Overlaps: the first, longest item wins. Then paragraphs. */
  walk = text;
  for (guint i = 0; i < n_items; i++)
    {
      CbCitationItem *item = &items[i];

      if (item->dropped)
        continue;
      if (item->byte_start < last_end)
        {
          item->dropped = TRUE;
          continue;
        }
      last_end = item->byte_end;

      walk = count_paragraphs (walk, text + item->byte_start, &new_line, &paragraph);
      item->paragraph = paragraph;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_items; i++)
    {
      CbCitationItem *item = &items[i];

      if (item->dropped || item->barrier || item->names != NULL)
        continue;
      if (item->kind == CB_CITATION_CASE)
        remember_case (seen, item, FALSE);
      else if (item->kind == CB_CITATION_SHORT)
        resolve_short (seen, item);
      else if (item->kind == CB_CITATION_ID)
        resolve_id (items, i);
    }
  g_clear_pointer (&seen, g_hash_table_unref);

}
