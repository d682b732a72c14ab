/* Writes data/samples/davidson-v-cannon.brief with the real model, so that every
 * excerpt's offsets are those of the normalized sample opinion.
 *
 *   make-sample-brief OPINION.txt OUT.brief
 */
#include "config.h"

#include <string.h>

#include "cb-brief.h"
#include "cb-template-store.h"

typedef struct
{
  const char *section;
  const char *quote;
  const char *note;
} Quote;

static CbExcerpt *
quote_excerpt (CbBrief    *brief,
               const char *section_id,
               const char *quote,
               const char *note)
{
  const char *text = cb_opinion_get_text (cb_brief_get_opinion (brief));
  const char *hit = strstr (text, quote);
  gsize start;
  CbExcerpt *excerpt;

  if (hit == NULL)
    g_error ("Quote not found in the opinion: %s", quote);
  start = g_utf8_pointer_to_offset (text, hit);
  excerpt = cb_brief_add_excerpt (brief, section_id, start, start + g_utf8_strlen (quote, -1));
  if (note != NULL)
    cb_excerpt_set_note (excerpt, note);
  return excerpt;
}

/* Appends a paragraph; *asterisks* mark italic case names. */
static void
add_paragraph (GPtrArray  *blocks,
               const char *text)
{
  CbBlock *block = cb_block_new_paragraph ();
  g_auto(GStrv) parts = g_strsplit (text, "*", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    cb_block_add_run (block, parts[i], i % 2 ? CB_RUN_ITALIC : CB_RUN_PLAIN);
  g_ptr_array_add (blocks, block);
}

static void
add_quote (GPtrArray  *blocks,
           CbBrief    *brief,
           const char *section_id,
           const char *quote,
           const char *note)
{
  CbExcerpt *excerpt = quote_excerpt (brief, section_id, quote, note);
  g_ptr_array_add (blocks, cb_block_new_excerpt (cb_excerpt_get_id (excerpt)));
}

static void
set_section (CbBrief   *brief,
             const char *id,
             GPtrArray  *blocks)
{
  cb_section_set_blocks (cb_brief_lookup_section (brief, id), blocks);
  g_ptr_array_set_size (blocks, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) opinion_file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(CbOpinion) opinion = NULL;
  g_autoptr(CbBrief) brief = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) cb_block_free);
  g_autoptr(GError) error = NULL;
  CbTemplate *template;

  if (argc != 3)
    {
      g_printerr ("usage: %s OPINION.txt OUT.brief\n", argv[0]);
      return 2;
    }

  opinion_file = g_file_new_for_commandline_arg (argv[1]);
  opinion = cb_opinion_import_file (opinion_file, NULL, &error);
  if (opinion == NULL)
    g_error ("%s", error->message);
  template = cb_template_store_get_default_template (cb_template_store_get_default ());
  brief = cb_brief_new (template, opinion);

  cb_brief_set_case_name (brief, "Davidson v. Cannon");
  cb_brief_set_citation (brief, "474 U.S. 344 (1986)");
  cb_brief_set_court (brief, "Supreme Court of the United States");
  cb_brief_set_date_decided (brief, "1986-01-21");
  cb_brief_set_opinion_author (brief, "Rehnquist, J.");
  cb_brief_set_student (brief, "Jordan Avery");
  cb_brief_set_course (brief, "Constitutional Law I");
  cb_brief_set_created (brief, "2026-09-14T18:02:11Z");
  cb_brief_set_modified (brief, "2026-09-15T21:47:30Z");

  add_paragraph (blocks,
                 "Davidson, an inmate at the New Jersey State Prison at Leesburg, was threatened by "
                 "a fellow inmate, McMillian. He wrote a note reporting the threat, which reached "
                 "Assistant Superintendent Cannon. Cannon did not think it urgent and passed it to "
                 "Sergeant James.");
  add_quote (blocks, brief, "facts",
             "James then attended to other matters, which he described as emergencies, and left the note on his desk unread.",
             "The whole case turns on this: an oversight, not a choice.");
  add_paragraph (blocks,
                 "Neither officer worked the following weekend, so the guards on duty never heard "
                 "of the threat. Davidson did not ask for protective custody.");
  add_quote (blocks, brief, "facts",
             "On Sunday, December 21, McMillian attacked petitioner with a fork, breaking his nose and inflicting other wounds to his face, neck, head, and body.",
             NULL);
  add_paragraph (blocks,
                 "The District Court found no Eighth Amendment violation but held the officers "
                 "negligent and, because New Jersey law barred any state remedy, found a denial of "
                 "due process; it awarded $2,000. The Third Circuit, en banc, reversed.");
  add_quote (blocks, brief, "facts",
             "the majority held that respondents’ negligence did not work a “deprivation” of that interest within the meaning of the Due Process Clause.",
             "Procedural history in one line.");
  set_section (brief, "facts", blocks);

  add_paragraph (blocks,
                 "Does a prison official’s negligent failure to protect an inmate from a known "
                 "threat by another inmate “deprive” the inmate of liberty within the meaning of "
                 "the Due Process Clause of the Fourteenth Amendment, so that the State must "
                 "provide a remedy?");
  add_quote (blocks, brief, "issue",
             "Instead, he claims only that respondents “negligently failed to protect him from another inmate.”",
             "Davidson conceded there was no deliberate indifference, which narrows the issue to negligence.");
  set_section (brief, "issue", blocks);

  add_paragraph (blocks,
                 "No. Negligence by prison officials does not implicate the Due Process Clause, "
                 "procedural or substantive, so the State need not provide a remedy. Affirmed.");
  add_quote (blocks, brief, "holding",
             "As we held in Daniels, the protections of the Due Process Clause, whether procedural or substantive, are just not triggered by lack of due care by prison officials.",
             NULL);
  add_quote (blocks, brief, "holding",
             "Accordingly, the judgment of the Court of Appeals for the Third Circuit is affirmed.",
             NULL);
  set_section (brief, "holding", blocks);

  add_paragraph (blocks,
                 "The Court decided the case together with *Daniels v. Williams* and treated "
                 "*Daniels* as controlling:");
  add_quote (blocks, brief, "reasoning",
             "In Daniels, we held that the Due Process Clause of the Fourteenth Amendment is not implicated by the lack of due care of an official causing unintended injury to life, liberty or property.",
             "The rule of the case, borrowed from Daniels.");
  add_paragraph (blocks,
                 "Serious injury does not change the analysis. Due process guards against the "
                 "abuse of government power, not against officials’ mistakes:");
  add_quote (blocks, brief, "reasoning",
             "Far from abusing governmental power, or employing it as an instrument of oppression, respondent Cannon mistakenly believed that the situation was not particularly serious, and respondent James simply forgot about the note.",
             NULL);
  add_quote (blocks, brief, "reasoning",
             "The guarantee of due process has never been understood to mean that the State must guarantee due care on the part of its officials.",
             "Good line for class.");
  add_paragraph (blocks,
                 "Davidson tried to frame his claim as purely procedural: New Jersey only had to "
                 "give him a remedy. The Court answered that procedure is owed only where there is "
                 "a deprivation, and negligence is none:");
  add_quote (blocks, brief, "reasoning",
             "But the Fourteenth Amendment does not require a remedy when there has been no “deprivation” of a protected interest.",
             NULL);
  add_paragraph (blocks,
                 "The Court set the case apart from attacks by guards themselves (*Johnson v. "
                 "Glick*) and from officials who stood by while an inmate was attacked (*Curtis v. "
                 "Everette*), where the conduct is more than negligent.");
  set_section (brief, "reasoning", blocks);

  out = g_file_new_for_commandline_arg (argv[2]);
  if (!cb_brief_save_file (brief, out, NULL, &error))
    g_error ("%s", error->message);
  return 0;
}
