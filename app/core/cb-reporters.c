#define G_LOG_DOMAIN "cb-reporters"

#include "config.h"

#include "cb-reporters.h"

/**
 * cb_reporters_lookup:
 * @abbreviation: a reporter abbreviation as written ("S.Ct.", "U. S.")
 *
 * Looks up the canonical abbreviation of a reporter from any of its variant spellings.
 *
 * Returns: (nullable): the canonical abbreviation ("S. Ct."), or %NULL if unknown
 */
const char *
cb_reporters_lookup (const char *abbreviation)
{
  g_return_val_if_fail (abbreviation != NULL, NULL);

  return NULL;
}
