#include "config.h"

#include "cb-opinion.h"

static void
test_format_range (void)
{
  const struct { guint first, last; const char *expected; } cases[] = {
    { 345, 345, "345" },
    { 345, 346, "345–46" },
    { 966, 967, "966–67" },
    { 107, 108, "107–08" },
    { 1098, 1102, "1098–1102" },
    { 1001, 1005, "1001–05" },
    { 99, 101, "99–101" },
    { 12, 15, "12–15" },
    { 5, 7, "5–7" },
    { 345, 345, "345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *range = cb_pin_cite_format_range (cases[i].first, cases[i].last);

      g_assert_cmpstr (range, ==, cases[i].expected);
    }
}

static void
test_reporter_canonical (void)
{
  const struct { const char *written, *expected; } cases[] = {
    { "S.Ct.", "S. Ct." },
    { "S. Ct.", "S. Ct." },
    { "U. S.", "U.S." },
    { "L.Ed.2d", "L. Ed. 2d" },
    { "F.2d", "F.2d" },
    { "F. 2d", "F.2d" },
    { "So.2d", "So. 2d" },
    { "N.E.2d", "N.E.2d" },
    { "F.Supp.2d", "F. Supp. 2d" },
    { "Cal.App.4th", "Cal. App. 4th" },
    { "A.3d", "A.3d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *canonical = cb_reporter_canonical (cases[i].written);

      g_assert_cmpstr (canonical, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin-cite/format-range", test_format_range);
  g_test_add_func ("/pin-cite/reporter-canonical", test_reporter_canonical);

  return g_test_run ();
}
