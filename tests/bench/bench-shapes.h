#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inputs whose work once grew faster than they do, made at any size; the scaling
 * benchmarks time each at two sizes and the tests check what is read from them. */

/* Plain text with every accent decomposed (NFD): "Café résumé naïve ", repeated. */
char   *cb_shape_nfd_text             (gsize bytes);
/* The same, composed (NFC), as the opinion reads it. */
char   *cb_shape_nfd_text_composed    (gsize bytes);
/* A paragraph, then runs of blank lines each followed by a paragraph that starts like a
 * footnote ("1 x"), which no reference in the text matches. */
char   *cb_shape_footnote_runs        (gsize bytes);
/* One <p> with @n attributes, holding "Text *345 more." */
char   *cb_shape_html_attributes      (guint n);

/* An opinion text of about @bytes bytes of distinct sentences with star pages from
 * *345 on, one every 4 KB; each sentence ends in its number ("… 17."). */
char   *cb_shape_opinion_text         (gsize bytes);
/* A .brief of @text with the sections and excerpts given as XML. */
GBytes *cb_shape_brief                (const char *text,
                                       const char *citation,
                                       const char *student,
                                       const char *sections,
                                       const char *excerpts);
/* A brief with @n sections "s0"…, each with one paragraph. */
GBytes *cb_shape_brief_sections       (guint n);
/* A brief with one paragraph of @n runs, italic and plain by turns. */
GBytes *cb_shape_brief_runs           (guint n);
/* A brief on an opinion of 110 bytes an excerpt with @n excerpts of 60 characters,
 * each stored at a place it is not at: @starts (out, optional) gets where each is. */
GBytes *cb_shape_brief_moved          (guint n,
                                       gsize **starts);
/* A brief whose one excerpt is a quote of @n characters of its opinion, from character
 * 100, with its middle character changed. */
GBytes *cb_shape_brief_typo           (guint n);
/* A brief with @n excerpts, cited by @n parallel citations ("1 U.S. 2, 2 U.S. 3, …"). */
GBytes *cb_shape_brief_parallel       (guint n);
/* "Id. " repeated to @bytes bytes. */
char   *cb_shape_idem_text            (gsize bytes);

G_END_DECLS
