#define G_LOG_DOMAIN "cb-core"

#include "config.h"

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
