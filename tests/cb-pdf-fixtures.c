/* PDFs made at test time with cairo's PDF surface: running heads with the printed
 * page number left or right, a watermark between body lines, footnotes with and
 * without a rule, raised footnote marks, ligatures whose text was lost, two columns,
 * a research service's banners and star paging, a scanned page. Lines are set as
 * given, justified, with "|" ending a paragraph's line; in a line, "^1" is a raised
 * footnote mark and "~" before "fi" prints the ligature with "f" alone as its text. */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <string.h>

#include "cb-pdf-fixtures.h"

#define PAGE_WIDTH 612.0
#define PAGE_HEIGHT 792.0
#define FONT "Liberation Serif"

typedef struct
{
  cairo_t *cr;
  double left;
  double width;
  double y;          /* the next baseline */
  double size;
  double leading;
} Column;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_t *
new_document (GByteArray *out)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return cr;
}

static GBytes *
finish_document (cairo_t    *cr,
                 GByteArray *out)
{
  cairo_surface_finish (cairo_get_target (cr));
  cairo_destroy (cr);
  return g_byte_array_free_to_bytes (out);
}

/* The advance of one piece of a word: plain text, a raised mark, or a ligature. */
static double
piece_width (cairo_t    *cr,
             const char *text,
             gsize       length,
             double      size,
             gboolean    raised,
             gboolean    ligature)
{
  cairo_text_extents_t extents;
  g_autofree char *copy = g_strndup (text, length);

  cairo_set_font_size (cr, raised ? 0.65 * size : size);
  if (ligature)
    {
      cairo_glyph_t *glyphs = NULL;
      int n = 0;

      cairo_scaled_font_text_to_glyphs (cairo_get_scaled_font (cr), 0, 0, "\xef\xac\x81", -1, &glyphs, &n,
                                        NULL, NULL, NULL);
      cairo_glyph_extents (cr, glyphs, n, &extents);
      cairo_glyph_free (glyphs);
      cairo_set_font_size (cr, size);
      return extents.x_advance;
    }
  cairo_text_extents (cr, copy, &extents);
  cairo_set_font_size (cr, size);
  return extents.x_advance;
}

/* Draws or measures a word, piece by piece; returns its width. */
static double
word (cairo_t    *cr,
      const char *text,
      gsize       length,
      double      x,
      double      y,
      double      size,
      gboolean    draw)
{
  double start = x;
  gsize i = 0;

  while (i < length)
    {
      gsize j = i;
      gboolean raised = FALSE, ligature = FALSE;
      double w;

      if (text[i] == '^')
        {
          raised = TRUE;
          i++;
          j = i;
          while (j < length && g_ascii_isdigit (text[j]))
            j++;
        }
      else if (text[i] == '~' && i + 2 < length + 1 && strncmp (text + i + 1, "fi", 2) == 0)
        {
          ligature = TRUE;
          i++;
          j = i + 2;
        }
      else
        while (j < length && text[j] != '^' && text[j] != '~')
          j++;

      w = piece_width (cr, text + i, j - i, size, raised, ligature);
      if (draw)
        {
          if (ligature)
            {
              cairo_glyph_t *glyphs = NULL;
              int n = 0;
              cairo_text_cluster_t cluster = { 1, 1 };

              cairo_scaled_font_text_to_glyphs (cairo_get_scaled_font (cr), x, y, "\xef\xac\x81", -1, &glyphs, &n,
                                                NULL, NULL, NULL);
              /* The ligature's glyph printed, "f" alone its text: the "i" is lost. */
              cairo_show_text_glyphs (cr, "f", 1, glyphs, MIN (n, 1), &cluster, 1, 0);
              cairo_glyph_free (glyphs);
            }
          else
            {
              g_autofree char *copy = g_strndup (text + i, j - i);

              cairo_set_font_size (cr, raised ? 0.65 * size : size);
              cairo_move_to (cr, x, raised ? y - 0.3 * size : y);
              cairo_show_text (cr, copy);
              cairo_set_font_size (cr, size);
            }
        }
      x += w;
      i = j;
    }
  return x - start;
}

/* Sets one line from @x, justified to @width unless @justify is FALSE. */
static void
draw_line (cairo_t    *cr,
           const char *line,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    justify)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);
  double total = 0, gap;

  cairo_set_font_size (cr, size);
  for (guint i = 0; i < n; i++)
    total += word (cr, words[i], strlen (words[i]), 0, 0, size, FALSE);
  gap = justify && n > 1 ? (width - total) / (n - 1) : 0.27 * size;
  for (guint i = 0; i < n; i++)
    x += word (cr, words[i], strlen (words[i]), x, y, size, TRUE) + gap;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size)
{
  cairo_text_extents_t extents;

  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

static void
draw_centered (Column     *col,
               const char *text,
               double      size)
{
  double w = text_width (col->cr, text, size);

  cairo_set_font_size (col->cr, size);
  cairo_move_to (col->cr, col->left + (col->width - w) / 2, col->y);
  cairo_show_text (col->cr, text);
  col->y += col->leading;
}

/*
 * Sets a paragraph: its lines separated by "|", the first indented by one em unless
 * it starts with ">" (the paragraph goes on from the page before), all justified
 * but the last unless the last ends with ">" (it goes on on the next page).
 */
static void
draw_paragraph (Column     *col,
                const char *text)
{
  gboolean continued = text[0] == '>';
  g_auto(GStrv) lines = g_strsplit (continued ? text + 1 : text, "|", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      gboolean open = i + 1 == n && g_str_has_suffix (lines[i], ">");
      double indent = i == 0 && !continued ? col->size : 0;

      if (open)
        lines[i][strlen (lines[i]) - 1] = '\0';
      draw_line (col->cr, lines[i], col->left + indent, col->y, col->width - indent, col->size, i + 1 < n || open);
      col->y += col->leading;
    }
}

/* A footnote in a smaller type: its label raised, set in by one em. */
static void
draw_note (Column     *col,
           const char *label,
           const char *text)
{
  g_autofree char *first = label != NULL ? g_strdup_printf ("^%s %s", label, text) : g_strdup (text);
  g_auto(GStrv) lines = g_strsplit (first, "|", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      gboolean open = i + 1 == n && g_str_has_suffix (lines[i], ">");
      double indent = i == 0 && label != NULL ? col->size : 0;

      if (open)
        lines[i][strlen (lines[i]) - 1] = '\0';
      draw_line (col->cr, lines[i], col->left + indent, col->y, col->width - indent, col->size, i + 1 < n || open);
      col->y += col->leading;
    }
}

/* The running head of a U.S. Reports page: the page number at the outer edge, the
 * term or the "Cite as:" line in the middle, the part's name below. */
static void
draw_head (cairo_t    *cr,
           guint       page,
           const char *middle,
           const char *part)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  Column head = { cr, 106, 400, 60, 9, 13 };

  cairo_set_font_size (cr, 9);
  cairo_move_to (cr, page % 2 == 0 ? 106 : 506 - text_width (cr, number, 9), 60);
  cairo_show_text (cr, number);
  draw_centered (&head, middle, 9);
  if (part != NULL)
    draw_centered (&head, part, 9);
}

/**
 * cb_fixture_preliminary_print:
 *
 * Pages 528 to 532 of a preliminary print of 596 U.S.: the syllabus (528–529), the
 * opinion of the Court (530–531), a concurrence (532). Running heads print the U.S.
 * page at the left of even pages and the right of odd ones; "Page Proof Pending
 * Publication" is printed between two lines of a paragraph; footnotes sit at the
 * foot of the page in a smaller type without a rule, footnote 1 running on from 530
 * to 531, the concurrence numbering its own from 1; "fi" ligatures lost their "i".
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
cb_fixture_preliminary_print (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_t *cr = new_document (out);
  Column body = { cr, 106, 400, 100, 11, 14 };
  Column notes = { cr, 106, 400, 660, 9, 11 };

  /* 528 */
  draw_head (cr, 528, "OCTOBER TERM, 2021", "Syllabus");
  draw_centered (&body, "KEMP v. UNITED STATES", 11);
  draw_centered (&body, "CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR", 9);
  draw_centered (&body, "THE ELEVENTH CIRCUIT", 9);
  draw_centered (&body, "No. 21–5726. Argued April 19, 2022—Decided June 13, 2022", 9);
  body.y += 8;
  draw_paragraph (&body, "Petitioner Dexter Kemp and several codefendants were convicted of federal|"
                         "drug and gun crimes. The Eleventh Circuit affirmed the convictions and|"
                         "sentences, and this Court denied certiorari. Kemp later moved to vacate his|"
                         "sentence, and the District Court denied the motion as untimely. Kemp then|"
                         "sought to reopen the judgment under Rule 60(b)(1), arguing that the court|"
                         "had made a legal mistake. The District Court held that the motion was|"
                         "untimely, and the Eleventh Circuit agreed, holding that a Rule 60(b)(1)|"
                         "motion alleging a legal error must be brought within the time to appeal,|"
                         "which had long since passed for Kemp. The question presented is whether|"
                         "the term mistake in Rule 60(b)(1) includes a judge’s errors of law, so that|"
                         "the one-year limit of Rule 60(c)(1) governs a motion of that kind, and the|"
                         "Court answers that it does, for the ordinary meaning of the word covers>");
  cairo_show_page (cr);

  /* 529 */
  body.y = 100;
  draw_head (cr, 529, "Cite as: 596 U. S. 528 (2022)", "Syllabus");
  draw_paragraph (&body, ">all mistakes, those of law as well as those of fact, made by any person in|"
                         "the case, the judge included. Pp. 533–539.");
  draw_paragraph (&body, "The judgment of the Court of Appeals is affirmed because Kemp’s motion|"
                         "was brought more than a year after the judgment and so came too late.");
  cairo_show_page (cr);

  /* 530 */
  body.y = 100;
  notes.y = 660;
  draw_head (cr, 530, "OCTOBER TERM, 2021", "Opinion of the Court");
  draw_paragraph (&body, "JUSTICE THOMAS delivered the opinion of the Court.");
  draw_paragraph (&body, "Federal Rule of Civil Procedure 60(b) lists six reasons for which a court|"
                         "may relieve a party from a ~final judgment, order, or proceeding. The|"
                         "~first of them is mistake, inadvertence, surprise, or excusable neglect.^1|"
                         "A motion on that ground must be made within a reasonable time and no|"
                         "more than a year after the entry of the judgment. The Court of Appeals|"
                         "held that a judge’s error of law is no mistake within the meaning of the|"
                         "Rule, and it af~firmed the denial of a motion that came after a year. We>");
  /* The watermark in the space the print leaves between two lines. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  body.y += 2;
  draw_centered (&body, "Page Proof Pending Publication", 10);
  body.y -= body.leading - 10;
  cairo_restore (cr);
  draw_paragraph (&body, ">granted certiorari to decide whether the word mistake reaches a judge’s|"
                         "errors of law, and we hold that it does. Nothing in the text of the Rule|"
                         "limits the mistakes it covers to those of the parties or of their counsel,|"
                         "and the history of the Rule confirms that an error of law made by the judg-|"
                         "ment’s own author was long understood to be a mistake that a court could|"
                         "correct on a timely motion. The District Court’s of~ficer who entered the>");
  draw_note (&notes, "1", "Rule 60(b)(1) has read in this way since the Rules were ~first adopted in 1937, and the|"
                          "Advisory Committee’s notes to the amendments of 1946 say nothing to the contrary; the|"
                          "courts of appeals that have held that a judge’s errors are no mistakes within the Rule>");
  cairo_show_page (cr);

  /* 531 */
  body.y = 100;
  notes.y = 660;
  draw_head (cr, 531, "Cite as: 596 U. S. 528 (2022)", "Opinion of the Court");
  draw_paragraph (&body, ">judgment did only what the court had ordered, and a well-|"
                         "established line of cases treats such errors as the court’s own. Because|"
                         "Kemp’s motion was brought more than a year after the judgment, it was|"
                         "untimely, and the judgment of the Court of Appeals is affirmed.");
  draw_paragraph (&body, "It is so ordered.");
  draw_note (&notes, NULL, "relied on a reading of the Rule that its words do not bear.");
  draw_note (&notes, "2", "The Government does not contend that any other subsection of Rule 60(b) would apply|"
                          "to the motion, and we express no view on that question.");
  cairo_show_page (cr);

  /* 532 */
  body.y = 100;
  notes.y = 660;
  draw_head (cr, 532, "OCTOBER TERM, 2021", "SOTOMAYOR, J., concurring");
  draw_paragraph (&body, "JUSTICE SOTOMAYOR, concurring.");
  draw_paragraph (&body, "I join the Court’s opinion in full. I write separately to note that a party|"
                         "who seeks relief from a judgment on the ground of a legal error may still|"
                         "ask for relief under the catchall provision of Rule 60(b)(6), which is not|"
                         "bound by the one-year limit, when extraordinary circumstances justify it.^1");
  draw_note (&notes, "1", "Such circumstances are rare, and the movant bears the burden of showing them; nothing|"
                          "in the Court’s opinion today suggests otherwise.");
  return finish_document (cr, out);
}

/**
 * cb_fixture_casebook:
 *
 * A casebook's page in two columns: its own page number and chapter in the running
 * head, the opinion's star paging in the text.
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
cb_fixture_casebook (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_t *cr = new_document (out);
  Column left = { cr, 54, 240, 100, 10, 12.5 };
  Column right = { cr, 318, 240, 100, 10, 12.5 };

  cairo_set_font_size (cr, 9);
  cairo_move_to (cr, 54, 60);
  cairo_show_text (cr, "112");
  cairo_move_to (cr, 250, 60);
  cairo_show_text (cr, "CHAPTER 3 NEGLIGENCE");
  draw_paragraph (&left, "Petitioner sent a note to the prison’s|"
                         "assistant superintendent reporting a threat|"
                         "from an inmate, and the note reached a ser-|"
                         "geant who left it unread on his desk. *347 By|"
                         "the time he left the prison that evening he|"
                         "had forgotten about the note, and the officers|"
                         "on duty were not told of the threat until too>");
  draw_paragraph (&right, ">late to prevent the attack. The Court held|"
                          "that the officials’ lack of due care, however|"
                          "serious the injury it caused, did not work a|"
                          "deprivation of liberty in the constitutional|"
                          "sense. *348 The Due Process Clause does not|"
                          "reach a mere lack of due care by officials.");
  return finish_document (cr, out);
}

/**
 * cb_fixture_research_service:
 *
 * Two pages printed from a research service: its banner with the case's name and
 * citation at the top of each page, its copyright line and its own page numbers at
 * the foot, and star paging of the U.S. Reports in the text.
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
cb_fixture_research_service (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_t *cr = new_document (out);
  Column body = { cr, 72, 468, 110, 11, 14 };
  const char *pages[][2] = {
    { "Petitioner sued prison officials seeking damages for injuries he suffered|"
      "when they negligently failed to protect him from another inmate. *345|"
      "Petitioner sent a note reporting the threat that found its way to the|"
      "assistant superintendent of the prison, who read the note and sent it on|"
      "to a corrections sergeant. The sergeant received the note and left it on|"
      "his desk unread while he attended to other matters he thought were more>",
      NULL },
    { ">urgent. By the time he left the prison that evening he had forgotten the|"
      "note, and since *346 neither officer worked the next two days, the officers|"
      "on duty had not been told of the threat. We hold that the protections of|"
      "the Due Process Clause are not triggered by a lack of due care by prison|"
      "officials, and the judgment of the Court of Appeals is affirmed.",
      NULL },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p + 2);
      Column banner = { cr, 72, 468, 40, 9, 11 };

      body.y = 110;
      draw_centered (&banner, "Davidson v. Cannon, 474 U.S. 344 (1986)", 9);
      draw_centered (&banner, "106 S.Ct. 668, 88 L.Ed.2d 677", 9);
      draw_paragraph (&body, pages[p][0]);
      cairo_set_font_size (cr, 8);
      cairo_move_to (cr, 72, 760);
      cairo_show_text (cr, "© 2024 Thomson Reuters. No claim to original U.S. Government Works.");
      cairo_move_to (cr, 530, 760);
      cairo_show_text (cr, number);
      cairo_show_page (cr);
    }
  return finish_document (cr, out);
}

/**
 * cb_fixture_scan:
 *
 * A scanned page: an image of lines of text, with no text layer.
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
cb_fixture_scan (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_t *cr = new_document (out);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 500);
  cairo_t *paint = cairo_create (image);

  cairo_set_source_rgb (paint, 1, 1, 1);
  cairo_paint (paint);
  cairo_set_source_rgb (paint, 0.1, 0.1, 0.1);
  for (int y = 20; y < 480; y += 18)
    cairo_rectangle (paint, 20, y, 360 - (y % 7) * 10, 8);
  cairo_fill (paint);
  cairo_destroy (paint);
  cairo_set_source_surface (cr, image, 100, 100);
  cairo_paint (cr);
  cairo_surface_destroy (image);
  return finish_document (cr, out);
}

static const char * const sentences[] = {
  "The question presented is whether the time limit of the Rule applies to a motion of this kind",
  "We have often explained that the text of a Rule is the best evidence of its meaning",
  "The parties agree that the District Court entered judgment more than a year before the motion",
  "Nothing in the history of the provision suggests that its drafters meant something else",
  "A party who waits too long to seek relief bears the consequences of that choice",
  "The Court of Appeals correctly read the Rule and its judgment is therefore affirmed",
};

/* A justified line of about the column's width made of the sentences above. */
static char *
filler_line (guint *word_index)
{
  GString *line = g_string_new (NULL);

  while (line->len < 70)
    {
      g_auto(GStrv) words = g_strsplit (sentences[(*word_index / 16) % G_N_ELEMENTS (sentences)], " ", -1);
      guint n = g_strv_length (words);

      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, words[*word_index % n]);
      (*word_index)++;
    }
  return g_string_free (line, FALSE);
}

/**
 * cb_fixture_slip_opinion:
 * @n_pages: how many pages, at least 4
 *
 * A long slip opinion for benchmarks: a two-page syllabus, the opinion of the Court
 * and a dissent, each numbering its pages from 1, "Cite as:" heads, and a footnote
 * after a rule on every third page.
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
cb_fixture_slip_opinion (guint n_pages)
{
  GByteArray *out = g_byte_array_new ();
  cairo_t *cr = new_document (out);
  guint word_index = 0, page_in_part = 0, note = 0;
  const char *part = NULL;

  for (guint p = 0; p < n_pages; p++)
    {
      const char *now = p < 2 ? "Syllabus" : p < n_pages - n_pages / 6 ? "Opinion of the Court" : "ALITO, J., dissenting";
      Column body = { cr, 106, 400, 100, 11, 13.5 };
      Column notes = { cr, 106, 400, 640, 9, 11 };

      page_in_part = g_strcmp0 (now, part) == 0 ? page_in_part + 1 : 1;
      part = now;
      draw_head (cr, page_in_part, page_in_part % 2 ? "Cite as: 607 U. S. ____ (2026)" : "EXAMPLE v. SAMPLE", part);
      for (guint l = 0; l < 38; l++)
        {
          g_autofree char *line = filler_line (&word_index);

          g_autofree char *text = NULL;

          /* Paragraphs of nine lines, running on from page to page. */
          if (l % 9 == 0)
            text = g_strdup_printf ("%s>", line);
          else if (l % 9 == 8)
            text = g_strdup_printf (">%.30s", line);
          else
            text = g_strdup_printf (">%s>", line);
          draw_paragraph (&body, text);
        }
      if (p % 3 == 2)
        {
          g_autofree char *label = g_strdup_printf ("%u", ++note);

          cairo_set_font_size (cr, 9);
          cairo_move_to (cr, 106, 630);
          cairo_show_text (cr, "——————");
          draw_note (&notes, label, "The parties do not dispute this point, and we do not address it further|"
                                    "here, for the reasons the Court of Appeals gave.");
        }
      cairo_show_page (cr);
    }
  return finish_document (cr, out);
}
