/* Captions: case names from the parties as the reporters set them, courts, and the
 * opinion's own citation line. */
#include "config.h"

#include "cb-caption.h"
#include "cb-opinion.h"

static void
test_case_names (void)
{
  static const struct { const char *parties; const char *name; } cases[] = {
    /* The Caselaw Access Project sets the surname in capitals. */
    { "STATE of Nebraska, appellee, v. Erick Fernando VELA, appellant", "State v. Vela" },
    { "The PEOPLE of the State of New York, Respondent, v. John A. McDONALD, Appellant",
      "People v. McDonald" },
    { "UNITED STATES of America, Plaintiff-Appellee, v. Maria O'CONNOR, Defendant-Appellant",
      "United States v. O'Connor" },
    { "BOARD OF EDUCATION of Topeka, petitioner, v. Oliver BROWN et al.", "Board of Education v. Brown" },
    { "John SMITH and Mary SMITH, Plaintiffs, v. ACME WIDGET CO., Inc., Defendant",
      "Smith v. Acme Widget Co., Inc." },
    /* Westlaw's caption, and a caption all in capitals. */
    { "Robert DAVIDSON, Petitioner, v. Kenneth CANNON et al.", "Davidson v. Cannon" },
    { "DAVIDSON v. CANNON et al.", "Davidson v. Cannon" },
    { "RÉSUMÉ CORP. v. CAFÉ ÉLITE", "Résumé Corp. v. Café Élite" },
    { "STATE OF OHIO v. JOHN Q. PUBLIC", "State v. John Q. Public" },
    { "JONES & LAUGHLIN STEEL CORP. v. NATIONAL LABOR RELATIONS BOARD",
      "Jones & Laughlin Steel Corp. v. National Labor Relations Board" },
    /* A name already written for a citation stays as it is. */
    { "Davidson v. Cannon", "Davidson v. Cannon" },
    { "Board of Regents v. Roth", "Board of Regents v. Roth" },
    { "State of Nebraska v. Vela", "State v. Vela" },
    { "Roe et al. v. Wade, District Attorney of Dallas County", "Roe v. Wade" },
    /* Proceedings. */
    { "IN RE GAULT", "In re Gault" },
    { "In re the Marriage of Jane DOE", "In re the Marriage of Jane Doe" },
    { "EX PARTE YOUNG", "Ex parte Young" },
    { "Nothing to shorten", "Nothing to shorten" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cb_caption_case_name (cases[i].parties);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_courts (void)
{
  static const struct { const char *line; const char *court; } cases[] = {
    { "Supreme Court of Nebraska.", "Supreme Court of Nebraska" },
    { "Supreme Court of Ohio.", "Supreme Court of Ohio" },
    { "Court of Appeals of New York.", "Court of Appeals of New York" },
    { "United States Court of Appeals, D.C. Cir.", "United States Court of Appeals, D.C. Cir." },
    { "Supreme Court of the United States", "Supreme Court of the United States" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *court = cb_caption_court (cases[i].line);

      g_assert_cmpstr (court, ==, cases[i].court);
    }
}

static void
test_citation_lines (void)
{
  static const struct { const char *line; const char *citation; } cases[] = {
    { "474 U.S. 344, 106 S.Ct. 668, 88 L.Ed.2d 677", "474 U.S. 344, 106 S.Ct. 668, 88 L.Ed.2d 677" },
    { "2012-Ohio-4567", "2012-Ohio-4567" },
    { "2019 IL App (2d) 180123-U", "2019 IL App (2d) 180123-U" },
    { "2014 WL 1234567 (S.D.N.Y. Mar. 3, 2014)", "2014 WL 1234567" },
    { "Cite as: 596 U.S. 528 (2022)", "596 U.S. 528" },
    { "275 Neb. 908, 750 N.W.2d 674.", "275 Neb. 908, 750 N.W.2d 674" },
    /* A sentence that cites a case is no citation line. */
    { "We granted certiorari, 471 U.S. 1134 (1985).", NULL },
    { "471 U.S. 1134 was decided later.", NULL },
    { "474 U.S. 344 106 S.Ct. 668", NULL },
    { "No. 84-6470", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *citation = cb_caption_citation_line (cases[i].line);

      g_assert_cmpstr (citation, ==, cases[i].citation);
    }
}

/* The caption as Westlaw's text gives it: "v." on its own line, abbreviated months. */
static void
test_westlaw_caption (void)
{
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text (
    "474 U.S. 344, 106 S.Ct. 668, 88 L.Ed.2d 677\n"
    "Supreme Court of the United States\n"
    "Robert DAVIDSON, Petitioner,\n"
    "v.\n"
    "Kenneth CANNON et al.\n"
    "No. 84-6470.\n"
    "Argued Nov. 5, 1985.\n"
    "Decided Jan. 21, 1986.\n\n"
    "Justice REHNQUIST delivered the opinion of the Court.\n\n"
    "Petitioner sued *345 prison officials, citing Parratt v. Taylor, 451 U.S. 527 (1981).\n",
    "davidson.txt", CB_OPINION_FORMAT_TEXT);

  g_assert_cmpstr (cb_opinion_get_case_name (opinion), ==, "Davidson v. Cannon");
  g_assert_cmpstr (cb_opinion_get_citation (opinion), ==, "474 U.S. 344, 106 S.Ct. 668, 88 L.Ed.2d 677");
  g_assert_cmpstr (cb_opinion_get_court (opinion), ==, "Supreme Court of the United States");
  g_assert_cmpstr (cb_opinion_get_date (opinion), ==, "Jan. 21, 1986");
  g_assert_cmpstr (cb_opinion_get_docket (opinion), ==, "No. 84-6470");
}

/* Without a caption, nothing is taken from the cases the opinion cites. */
static void
test_no_caption (void)
{
  g_autoptr(CbOpinion) opinion = cb_opinion_new_from_text (
    "Petitioner relies on Parratt v. Taylor, 451 U.S. 527 (1981), and State v. Smith, 2012-Ohio-4567.\n\n"
    "2014 WL 1234567 is not our case either, and *346 it goes on.\n",
    "plain.txt", CB_OPINION_FORMAT_TEXT);

  g_assert_null (cb_opinion_get_case_name (opinion));
  g_assert_null (cb_opinion_get_citation (opinion));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/caption/case-names", test_case_names);
  g_test_add_func ("/caption/courts", test_courts);
  g_test_add_func ("/caption/citation-lines", test_citation_lines);
  g_test_add_func ("/caption/westlaw", test_westlaw_caption);
  g_test_add_func ("/caption/none", test_no_caption);

  return g_test_run ();
}
