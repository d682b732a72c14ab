#define G_LOG_DOMAIN "cb-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cb-core.h"
#include "cb-core-resources.h"

/**
 * cb_core_ensure_resources:
 *
 * Makes sure the core's resource bundle (schemas, built-in templates, reporter data)
 * is registered. Referencing the bundle keeps the linker from dropping it out of the
 * static library; call this before looking anything up under %CB_CORE_RESOURCE_PREFIX.
 */
void
cb_core_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      /* With --manual-register the bundle exists only once this has run. */
      cb_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * cb_i18n_init:
 *
 * Sets the locale from the environment and binds Casebrief's messages: from the
 * installed translations, or, when CASEBRIEF_LOCALEDIR is set (as for a program run from
 * its build directory), from the translations built there.
 */
void
cb_i18n_init (void)
{
  const char *localedir = g_getenv ("CASEBRIEF_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
