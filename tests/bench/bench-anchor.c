/* Re-anchoring 2,000 excerpts on a 1 MB opinion after an edit near the top moved
 * them all; prints the time taken. Run with `meson test --benchmark`. */
#include "config.h"

#include <string.h>

#include "cb-anchor.h"

typedef struct
{
  gsize start;
  gsize end;
  char *quote;
  char *prefix;
  char *suffix;
} Anchor;

int
main (int   argc,
      char *argv[])
{
  GString *text = g_string_new (NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(CbAnchorIndex) old_index = NULL;
  g_autoptr(CbAnchorIndex) new_index = NULL;
  g_autoptr(GTimer) timer = NULL;
  Anchor *anchors = g_new0 (Anchor, 2000);
  guint moved = 0, review = 0;
  double seconds;

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u holds that the “rule” of case %u governs, %u.\n",
                            i, i * 7, i * 13);
  old_text = g_string_free (text, FALSE);
  /* An edit near the top, and a second one in the middle: later quotes move twice. */
  new_text = g_strdup_printf ("An editor’s note.\n%.*s[inserted]%s", 512 * 1024, old_text, old_text + 512 * 1024);
  old_index = cb_anchor_index_new (old_text);

  for (guint i = 0; i < 2000; i++)
    {
      anchors[i].start = (cb_anchor_index_get_length (old_index) - 200) / 2000 * i;
      anchors[i].end = anchors[i].start + 60 + i % 120;
      cb_anchor_index_describe (old_index, anchors[i].start, anchors[i].end,
                                &anchors[i].quote, &anchors[i].prefix, &anchors[i].suffix);
    }

  timer = g_timer_new ();
  new_index = cb_anchor_index_new (new_text);
  for (guint i = 0; i < 2000; i++)
    {
      gsize start, end;

      switch (cb_anchor_index_resolve (new_index, anchors[i].quote, anchors[i].prefix, anchors[i].suffix,
                                       anchors[i].start, anchors[i].end, &start, &end))
        {
        case CB_ANCHOR_MOVED:
          moved++;
          break;
        case CB_ANCHOR_NEEDS_REVIEW:
          review++;
          break;
        default:
          break;
        }
    }
  seconds = g_timer_elapsed (timer, NULL);

  g_print ("re-anchored 2000 excerpts on %zu bytes in %.1f ms (%u moved, %u need review)\n",
           strlen (new_text), seconds * 1000, moved, review);

  /* The worst case: the opinion was replaced by another, so nothing is found and every
   * excerpt is searched for in full before it is kept as an orphan. */
  {
    GString *other = g_string_new (NULL);
    g_autoptr(CbAnchorIndex) other_index = NULL;
    guint orphans = 0;

    for (guint i = 0; other->len < 1024 * 1024; i++)
      g_string_append_printf (other, "Satz %u: die Regel des Falles %u gilt nicht, sagt %u.\n", i, i * 3, i * 11);
    other_index = cb_anchor_index_new (other->str);
    g_string_free (other, TRUE);
    g_timer_start (timer);
    for (guint i = 0; i < 2000; i++)
      {
        gsize start, end;

        orphans += cb_anchor_index_resolve (other_index, anchors[i].quote, anchors[i].prefix,
                                            anchors[i].suffix, anchors[i].start, anchors[i].end,
                                            &start, &end) == CB_ANCHOR_ORPHAN;
      }
    g_print ("searched 2000 excerpts on an unrelated 1 MB text in %.1f ms (%u orphans)\n",
             g_timer_elapsed (timer, NULL) * 1000, orphans);
  }
  for (guint i = 0; i < 2000; i++)
    {
      g_free (anchors[i].quote);
      g_free (anchors[i].prefix);
      g_free (anchors[i].suffix);
    }
  g_free (anchors);
  return moved + review == 2000 ? 0 : 1;
}
