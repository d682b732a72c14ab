#define G_LOG_DOMAIN "cb-source-data"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <gtksourceview/gtksource.h>

#include "cb-file-io.h"
#include "cb-source-data.h"

/* Relative to a data directory and to RESOURCE_PREFIX alike. */
static const char * const data_files[] = {
  "language-specs/casebrief-opinion.lang",
  "styles/casebrief-light.xml",
  "styles/casebrief-dark.xml",
};

static char *data_dir;

static GBytes *
lookup_resource (const char *relative)
{
  g_autofree char *path = g_build_path ("/", RESOURCE_PREFIX, relative, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_critical ("The resource %s is missing: %s", path, error->message);
  return bytes;
}

static gboolean
file_equals_bytes (const char *filename,
                   GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize expected_length = 0;
  const char *expected = g_bytes_get_data (bytes, &expected_length);

  if (!g_file_get_contents (filename, &contents, &length, NULL))
    return FALSE;
  return length == expected_length && memcmp (contents, expected, length) == 0;
}

static gboolean
dir_has_files (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      g_autofree char *filename = g_build_filename (dir, data_files[i], NULL);

      if (!g_file_test (filename, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }
  return TRUE;
}

/* An installed copy is used only when it is the one this binary was built with:
 * an older install under the same prefix must not restyle a newer build. */
static gboolean
dir_matches_resources (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      g_autofree char *filename = g_build_filename (dir, data_files[i], NULL);
      g_autoptr(GBytes) bytes = lookup_resource (data_files[i]);

      if (bytes == NULL || !file_equals_bytes (filename, bytes))
        return FALSE;
    }
  return TRUE;
}

static char *
extract_resources (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME,
                                           "sourceview-" PACKAGE_VERSION, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      g_autofree char *filename = g_build_filename (dir, data_files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (filename);
      g_autoptr(GBytes) bytes = lookup_resource (data_files[i]);
      g_autoptr(GFile) file = NULL;

      if (bytes == NULL)
        {
          g_set_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND,
                       "The resource for %s is missing", data_files[i]);
          return NULL;
        }
      /* A development build keeps its version while the files change. */
      if (file_equals_bytes (filename, bytes))
        continue;

      if (g_mkdir_with_parents (parent, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "Cannot create %s: %s", parent, g_strerror (saved_errno));
          return NULL;
        }
      file = g_file_new_for_path (filename);
      if (!cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, error))
        return NULL;
    }

  return g_steal_pointer (&dir);
}

static char *
find_data_dir (void)
{
  const char *env_dir = g_getenv ("CASEBRIEF_DATADIR");
  g_autoptr(GError) error = NULL;
  char *dir;

  /* A developer's own copy wins, so a language file can be tried without a rebuild. */
  if (env_dir != NULL && *env_dir != '\0' && dir_has_files (env_dir))
    return g_strdup (env_dir);

  if (dir_matches_resources (PKGDATADIR))
    return g_strdup (PKGDATADIR);

  dir = extract_resources (&error);
  if (dir == NULL)
    g_warning ("Opinion styling is unavailable: %s", error->message);
  return dir;
}

/**
 * cb_source_data_ensure:
 *
 * Makes the opinion's language definition (%CB_SOURCE_LANGUAGE_ID) and style
 * schemes (%CB_SOURCE_SCHEME_ID, %CB_SOURCE_SCHEME_DARK_ID) known to the default
 * #GtkSourceLanguageManager and #GtkSourceStyleSchemeManager. GtkSourceView reads
 * only files, so the data comes from `$CASEBRIEF_DATADIR` when set, else from the
 * installed package data when it matches this build, else from the bundled
 * resources written once into the user's cache. Call it on the main thread before
 * the default language manager is first asked for a language; later calls do nothing.
 */
void
cb_source_data_ensure (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      data_dir = find_data_dir ();
      if (data_dir != NULL)
        {
          g_autofree char *language_dir = g_build_filename (data_dir, "language-specs", NULL);
          g_autofree char *styles_dir = g_build_filename (data_dir, "styles", NULL);

          GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

          gtk_source_language_manager_prepend_search_path (languages, language_dir);
          gtk_source_style_scheme_manager_prepend_search_path (gtk_source_style_scheme_manager_get_default (),
                                                               styles_dir);

          /* The language manager reads its search path once, on first use. */
          if (gtk_source_language_manager_get_language (languages, CB_SOURCE_LANGUAGE_ID) == NULL)
            g_warning ("The language %s is unavailable: the language manager was used "
                       "before cb_source_data_ensure()", CB_SOURCE_LANGUAGE_ID);
        }
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * cb_source_data_get_dir:
 *
 * Tells where cb_source_data_ensure() found the opinion's GtkSourceView data: a
 * directory holding `language-specs/` and `styles/`.
 *
 * Returns: (nullable): the directory, or %NULL before cb_source_data_ensure() or
 *   when the data could not be provided
 */
const char *
cb_source_data_get_dir (void)
{
  return data_dir;
}
