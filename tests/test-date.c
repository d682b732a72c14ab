/* Dates of decision: read from how courts print them and how a reader writes them,
 * kept in ISO 8601, and shown one way, the locale's. */
#include "config.h"

#include <locale.h>

#include "cb-core.h"
#include "cb-date.h"
#include "cb-test.h"

static void
assert_iso (const char *text,
            const char *expected)
{
  g_autofree char *iso = cb_date_to_iso (text);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_format (const char *date,
               const char *expected)
{
  g_autofree char *formatted = cb_date_format (date);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_to_iso (void)
{
  assert_iso ("1986-01-21", "1986-01-21");
  assert_iso ("January 21, 1986", "1986-01-21");
  assert_iso ("  January 21, 1986 ", "1986-01-21");
  assert_iso ("Jan. 21, 1986", "1986-01-21");
  assert_iso ("Jan 21 1986", "1986-01-21");
  assert_iso ("Sept. 3, 2014", "2014-09-03");
  assert_iso ("Sep. 3, 2014", "2014-09-03");
  assert_iso ("June 4, 2013", "2013-06-04");
  assert_iso ("DECEMBER 4, 2002", "2002-12-04");
  /* Not a date, or not one alone: kept as written by whoever calls. */
  assert_iso ("Janu. 21, 1986", NULL);
  assert_iso ("February 30, 2020", NULL);
  assert_iso ("1986-02-30", NULL);
  assert_iso ("1986-1-21", NULL);
  assert_iso ("January 1986", NULL);
  assert_iso ("argued Nov. 5, 1985", NULL);
  assert_iso ("", NULL);
  assert_iso (NULL, NULL);
}

static void
test_format (void)
{
  assert_format ("1986-01-21", "January 21, 1986");
  assert_format ("January 20, 2026", "January 20, 2026");
  assert_format ("Jan. 20, 2026", "January 20, 2026");
  assert_format ("2014-09-03", "September 3, 2014");
  assert_format ("argued Nov. 5, 1985", "argued Nov. 5, 1985");
  assert_format ("", "");
}

/* In French the date is the translation's order with the locale's month names, read
 * back as written; a date with more to it is not taken for a date. */
static void
test_french (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LOCPATH", g_getenv ("CB_TEST_LOCALES"), TRUE);
      g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "fr", TRUE);
      cb_i18n_init ();
      g_assert_cmpstr (setlocale (LC_TIME, NULL), ==, "fr_FR.UTF-8");
      assert_format ("1986-01-21", "21 janvier 1986");
      assert_format ("January 21, 1986", "21 janvier 1986");
      assert_iso ("21 janvier 1986", "1986-01-21");
      assert_iso ("21 Janvier 1986", "1986-01-21");
      assert_iso ("21 janvier 1986, plaidée", NULL);
      assert_iso ("January 21, 1986", "1986-01-21");
      return;
    }

  {
    g_autofree char *dir = g_dir_make_tmp ("cb-date-XXXXXX", NULL);
    g_autofree char *locale_dir = g_build_filename (dir, "fr_FR.UTF-8", NULL);
    const char *localedef[] = { "localedef", "-i", "fr_FR", "-f", "UTF-8", locale_dir, NULL };

    g_assert_cmpint (cb_test_run (NULL, NULL, localedef, NULL, NULL), ==, 0);
    g_setenv ("CB_TEST_LOCALES", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    cb_test_remove_tree (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/french", test_french);

  return g_test_run ();
}
