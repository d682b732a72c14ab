/* PDFs made at test time with cairo, laid out as courts, casebooks and research
 * services print opinions, so that the PDF reader is tried on real layouts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *cb_fixture_preliminary_print (void);
GBytes *cb_fixture_casebook          (void);
GBytes *cb_fixture_research_service  (void);
GBytes *cb_fixture_scan              (void);
GBytes *cb_fixture_slip_opinion      (guint n_pages);

G_END_DECLS
