/* The one loader and the one saver (cb-file-io.c), on their own and through every
 * format that uses them: briefs, templates, opinions and PDF export. What is checked
 * is what a user would check on disk: the bytes of the old file after a failed save,
 * the permissions after a good one, nothing left beside the file, and that files that
 * are not files (FIFOs, devices, folders) are refused at once, by name. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cb-brief-export.h"
#include "cb-brief.h"
#include "cb-drafts.h"
#include "cb-error.h"
#include "cb-file-io.h"
#include "cb-opinion.h"
#include "cb-template.h"
#include "cb-test.h"
#include "cb-xml-private.h"

/* Every test gets a fresh folder; a FIFO that blocked would end the test here. */
typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cb-file-io-XXXXXX", &error);
  g_assert_no_error (error);
  alarm (60);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  alarm (0);
  cb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The sample brief as read before a save made as another user: the source tree may
 * be where only its owner can read, such as root's home folder. */
static CbBrief *read_first;

static CbBrief *
sample_brief (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CbBrief *brief;

  if (read_first != NULL)
    return g_object_ref (read_first);

  path = g_build_filename (g_getenv ("CB_SOURCE_ROOT"), "data", "samples", "davidson-v-cannon.brief", NULL);
  file = g_file_new_for_path (path);
  brief = cb_brief_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return brief;
}

static CbTemplate *
sample_template (void)
{
  g_autoptr(CbTemplate) template = cb_template_new ("seminar", "Seminar");
  g_autoptr(CbTemplateSection) section = cb_template_section_new ("facts", "Facts", "What happened?", TRUE, 100);

  cb_template_add_section (template, section);
  return g_steal_pointer (&template);
}

/* Loading */

static void
test_load_regular (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "plain.txt", "Some text.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(CbFileStamp) now = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = cb_file_load (file, 1024, &stamp, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Some text.\n", 11);
  g_assert_cmpuint (cb_file_stamp_get_size (stamp), ==, 11);

  /* The stamp is what the file is now, and its identity is GIO's. */
  now = cb_file_stamp_query (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cb_file_stamp_equal (stamp, now));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cb_file_stamp_get_id (stamp), ==,
                   g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
  g_assert_cmpint (cb_file_stamp_get_modified (stamp) / G_USEC_PER_SEC, ==,
                   (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED));

  /* An empty file is empty, not an error. */
  {
    g_autofree char *empty = write_file (fixture, "empty.txt", "");
    g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
    g_autoptr(GBytes) none = cb_file_load (empty_file, 1024, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (none), ==, 0);
  }
}

static void
assert_load_refused (const char *path,
                     GQuark      domain,
                     int         code,
                     const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(GBytes) bytes = cb_file_load (file, 1024 * 1024, &stamp, NULL, &error);

  g_assert_null (bytes);
  g_assert_null (stamp);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_load_size_cap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "big.brief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  /* One byte over: refused by its size, before a byte is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (ftruncate (fd, 1024 * 1024 + 1), ==, 0);
  close (fd);
  assert_load_refused (path, CB_ERROR, CB_ERROR_TOO_LARGE, "big.brief is too large to open (over 1 MB)");

  /* Exactly the cap is read. */
  g_assert_cmpint (truncate (path, 1024 * 1024), ==, 0);
  bytes = cb_file_load (file, 1024 * 1024, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1024 * 1024);
}

/* A file whose size says nothing of what it holds (as the kernel's own files do) is
 * cut off at the cap while it is read. */
static void
test_load_cap_while_reading (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  struct stat st;

  if (stat ("/proc/self/status", &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    {
      g_test_skip ("no /proc/self/status of size 0");
      return;
    }
  bytes = cb_file_load (file, 64, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CB_ERROR, CB_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "status is too large to open (over 1 MB)");
  g_clear_error (&error);

  bytes = cb_file_load (file, 1024 * 1024, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64);
}

static void
test_load_not_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = fixture_path (fixture, "fifo.brief");
  g_autofree char *link = fixture_path (fixture, "link.brief");
  g_autofree char *folder = fixture_path (fixture, "folder.brief");
  g_autofree char *missing = fixture_path (fixture, "missing.brief");
  const char *devices[] = { "/dev/zero", "/dev/full", "/dev/null", "/dev/urandom", NULL };

  /* No writer ever opens the FIFO: a blocking open would hang here. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  assert_load_refused (fifo, CB_ERROR, CB_ERROR_NOT_REGULAR, "fifo.brief is not a regular file");
  assert_load_refused (link, CB_ERROR, CB_ERROR_NOT_REGULAR, "link.brief is not a regular file");
  assert_load_refused (folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "folder.brief is a folder, not a file");
  assert_load_refused (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "missing.brief: no such file");
  for (guint i = 0; devices[i] != NULL; i++)
    if (g_file_test (devices[i], G_FILE_TEST_EXISTS))
      {
        g_autofree char *name = g_path_get_basename (devices[i]);
        g_autofree char *message = g_strdup_printf ("%s is not a regular file", name);

        assert_load_refused (devices[i], CB_ERROR, CB_ERROR_NOT_REGULAR, message);
      }
}

/* Through every format: a FIFO never blocks, /dev/zero is never read. */
static void
test_load_formats_refuse_fifo (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *fifo = fixture_path (fixture, "pipe");
  g_autoptr(GFile) file = g_file_new_for_path (fifo);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  GFile *files[] = { file, zero };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CbBrief) brief = cb_brief_load_file (files[i], NULL, &error);
      g_autoptr(CbTemplate) template = NULL;
      g_autoptr(CbOpinion) opinion = NULL;

      g_assert_null (brief);
      g_assert_error (error, CB_ERROR, CB_ERROR_NOT_REGULAR);
      g_clear_error (&error);
      template = cb_template_load_file (files[i], NULL, &error);
      g_assert_null (template);
      g_assert_error (error, CB_ERROR, CB_ERROR_NOT_REGULAR);
      g_clear_error (&error);
      opinion = cb_opinion_import_file (files[i], NULL, &error);
      g_assert_null (opinion);
      g_assert_error (error, CB_ERROR, CB_ERROR_NOT_REGULAR);
      g_clear_error (&error);
    }
}

static void
async_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  cb_test_wait_until (is_set, result);
  return *result;
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "a.txt", "async");
  g_autofree char *fifo = fixture_path (fixture, "fifo");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) fifo_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(CbFileStamp) now = cb_file_stamp_query (file, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;

  cb_file_load_async (file, 100, NULL, async_cb, &result);
  bytes = cb_file_load_finish (wait_for (&result), &stamp, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "async", 5);
  g_assert_true (cb_file_stamp_equal (stamp, now));
  g_assert_true (g_async_result_get_source_object (result) == G_OBJECT (file));
  g_object_unref (file);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cb_file_load_async (fifo_file, 100, NULL, async_cb, &fifo_result);
  g_assert_null (cb_file_load_finish (wait_for (&fifo_result), NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_NOT_REGULAR);
}

/* Saving */

static void
test_save_new_and_replace (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "out.brief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = bytes_of ("first");
  g_autoptr(GBytes) second = bytes_of ("second");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) stamp = NULL;
  g_autoptr(CbFileStamp) now = NULL;
  g_autofree char *contents = NULL;
  mode_t mask = umask (022);

  /* A new file gets the usual permissions (0666 less the umask). */
  g_assert_true (cb_file_save (file, first, NULL, CB_FILE_SAVE_NONE, &stamp, NULL, &error));
  g_assert_no_error (error);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "first");
  g_assert_cmpint (mode_of (path), ==, 0644);
  now = cb_file_stamp_query (file, NULL, &error);
  g_assert_true (cb_file_stamp_equal (stamp, now));

  /* A replaced file keeps its own, whatever the umask. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  umask (077);
  g_clear_pointer (&stamp, cb_file_stamp_unref);
  g_assert_true (cb_file_save (file, second, NULL, CB_FILE_SAVE_NONE, &stamp, NULL, &error));
  g_free (contents);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpint (mode_of (path), ==, 0640);
  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_assert_true (cb_file_save (file, first, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_cmpint (mode_of (path), ==, 0604);
  umask (mask);

  {
    g_autofree char *names = cb_test_list_dir (fixture->dir);

    g_assert_cmpstr (names, ==, "out.brief");
  }
}

static void
test_save_private (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "draft.brief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_of ("draft");
  g_autoptr(GError) error = NULL;

  g_assert_true (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_PRIVATE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0600);
}

static void
test_save_no_replace (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "taken.brief", "mine");
  g_autofree char *fresh = fixture_path (fixture, "fresh.brief");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GBytes) bytes = bytes_of ("theirs");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  g_assert_false (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NO_REPLACE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "mine");
  g_clear_error (&error);

  g_assert_true (cb_file_save (fresh_file, bytes, NULL, CB_FILE_SAVE_NO_REPLACE, NULL, NULL, &error));
  g_assert_no_error (error);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "fresh.brief taken.brief");
}

static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *sub = fixture_path (fixture, "real");
  g_autofree char *target = NULL;
  g_autofree char *link = fixture_path (fixture, "link.brief");
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) bytes = bytes_of ("new");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  target = g_build_filename (sub, "target.brief", NULL);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);

  /* The file the link points to is replaced, in its own folder; the link stays. */
  g_assert_true (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = cb_test_dup_contents (target);
  g_assert_cmpstr (contents, ==, "new");
  {
    g_autofree char *names = cb_test_list_dir (sub);

    g_assert_cmpstr (names, ==, "target.brief");
  }
}

static void
assert_save_refused (const char *path,
                     int         code,
                     const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_of ("x");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf ("Could not save %s: %s", path, reason);

  g_assert_false (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_error (error, CB_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A folder, a FIFO or a device is never replaced by a regular file. */
static void
test_save_not_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = fixture_path (fixture, "fifo.pdf");
  g_autofree char *link = fixture_path (fixture, "link.pdf");
  g_autofree char *folder = fixture_path (fixture, "folder.pdf");
  g_autofree char *missing = fixture_path (fixture, "no/such.pdf");
  g_autofree char *device = fixture_path (fixture, "device.pdf");
  g_autofree char *names = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  assert_save_refused (fifo, CB_ERROR_SAVE, "it is not a regular file");
  assert_save_refused (link, CB_ERROR_SAVE, "it is not a regular file");
  assert_save_refused (folder, CB_ERROR_SAVE, "a folder of that name is in the way");
  assert_save_refused (missing, CB_ERROR_SAVE, "the folder does not exist");

  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A device node of the test's own (a copy of /dev/null), so that nothing outside the
   * test is at stake even if the writer were wrong. */
  if (mknod (device, S_IFCHR | 0600, makedev (1, 3)) == 0)
    {
      assert_save_refused (device, CB_ERROR_SAVE, "it is not a regular file");
      g_assert_cmpint (lstat (device, &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      names = cb_test_list_dir (fixture->dir);
      g_assert_cmpstr (names, ==, "device.pdf fifo.pdf folder.pdf link.pdf");
    }
  else
    {
      names = cb_test_list_dir (fixture->dir);
      g_assert_cmpstr (names, ==, "fifo.pdf folder.pdf link.pdf");
    }
}

/* What a window builds on: a save refuses to overwrite a file that changed on disk. */
static void
test_save_changed_on_disk (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "shared.brief", "loaded");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) mine = bytes_of ("mine");
  g_autoptr(GError) error = NULL;
  g_autoptr(CbFileStamp) loaded = NULL;
  g_autoptr(CbFileStamp) saved = NULL;
  g_autoptr(CbFileStamp) saved_again = NULL;
  g_autoptr(GBytes) bytes = cb_file_load (file, 1024, &loaded, NULL, &error);
  g_autofree char *contents = NULL;
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, 0 } };
  struct stat st;

  g_assert_no_error (error);

  /* Unchanged: saved, and the new stamp is good for the next save, the old one not. */
  g_assert_true (cb_file_save (file, mine, loaded, CB_FILE_SAVE_NONE, &saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cb_file_stamp_equal (loaded, saved));
  g_assert_true (cb_file_save (file, mine, saved, CB_FILE_SAVE_NONE, &saved_again, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cb_file_save (file, mine, saved, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_CHANGED);
  g_clear_error (&error);

  /* Written in place by another program, to the same size: the time tells. */
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_true (g_file_set_contents_full (path, "edit", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  times[1].tv_sec = st.st_mtim.tv_sec + 1;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_false (cb_file_save (file, mine, saved_again, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_CHANGED);
  {
    g_autofree char *message =
      g_strdup_printf ("Could not save %s: the file was changed by another program since it was opened or last saved", path);

    g_assert_cmpstr (error->message, ==, message);
  }
  g_clear_error (&error);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "edit");

  /* Replaced by a new file with the very same size and time: the identity tells. */
  {
    g_autoptr(CbFileStamp) before = cb_file_stamp_query (file, NULL, NULL);
    g_autofree char *other = write_file (fixture, "other", "EDIT");

    g_assert_cmpint (stat (path, &st), ==, 0);
    times[1] = st.st_mtim;
    g_assert_cmpint (utimensat (AT_FDCWD, other, times, 0), ==, 0);
    g_assert_cmpint (g_rename (other, path), ==, 0);
    g_assert_false (cb_file_save (file, mine, before, CB_FILE_SAVE_NONE, NULL, NULL, &error));
    g_assert_error (error, CB_ERROR, CB_ERROR_CHANGED);
    g_clear_error (&error);
  }

  /* Deleted: not saved again unless asked (a NULL stamp). */
  {
    g_autoptr(CbFileStamp) before = cb_file_stamp_query (file, NULL, NULL);
    g_autofree char *message = NULL;

    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_false (cb_file_save (file, mine, before, CB_FILE_SAVE_NONE, NULL, NULL, &error));
    g_assert_error (error, CB_ERROR, CB_ERROR_CHANGED);
    message = g_strdup_printf ("Could not save %s: the file was deleted since it was opened or last saved", path);
    g_assert_cmpstr (error->message, ==, message);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_true (cb_file_save (file, mine, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *names = cb_test_list_dir (fixture->dir);

    g_assert_cmpstr (names, ==, "shared.brief");
  }
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "a.brief", "old");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_of ("new");
  g_autoptr(CbFileStamp) loaded = cb_file_stamp_query (file, NULL, NULL);
  g_autoptr(CbFileStamp) saved = NULL;
  g_autoptr(CbFileStamp) now = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  cb_file_save_async (file, bytes, loaded, CB_FILE_SAVE_NONE, NULL, async_cb, &result);
  g_assert_true (cb_file_save_finish (wait_for (&result), &saved, &error));
  g_assert_no_error (error);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "new");
  now = cb_file_stamp_query (file, NULL, NULL);
  g_assert_true (cb_file_stamp_equal (saved, now));

  cb_file_save_async (file, bytes, loaded, CB_FILE_SAVE_NONE, NULL, async_cb, &refused);
  g_assert_false (cb_file_save_finish (wait_for (&refused), NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_CHANGED);
}

static void
test_save_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "a.brief", "old");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = bytes_of ("new");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CbFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;

  /* Cancelled between the last write and the commit. */
  writer = cb_file_writer_new (file, NULL, CB_FILE_SAVE_NONE, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (cb_file_writer_write (writer, "new", 3, cancellable, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (cb_file_writer_commit (writer, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "old");
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "a.brief");
}

/* A temporary left by a save that was killed is removed by the next save beside it
 * (or by the app's start for its own folders); one being written is not. */
static void
test_save_stale_temporaries (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "out.pdf", "old");
  g_autofree char *stale = write_file (fixture, ".out.pdf.0badc0de.cbpart", "half a PDF");
  g_autofree char *busy = write_file (fixture, ".out.pdf.1234abcd.cbpart", "being written");
  g_autofree char *other_stale = write_file (fixture, ".notes.brief.00000000.cbpart", "half a brief");
  g_autofree char *not_ours = write_file (fixture, ".out.pdf.backup", "someone's");
  g_autofree char *not_ours2 = write_file (fixture, ".out.pdf.xyz.cbpart", "someone's");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GBytes) bytes = bytes_of ("new");
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  int busy_fd = g_open (busy, O_RDONLY, 0);

  /* Another writer is at work on this one: it holds the lock. */
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);
  g_assert_true (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, ".notes.brief.00000000.cbpart .out.pdf.1234abcd.cbpart .out.pdf.backup "
                              ".out.pdf.xyz.cbpart out.pdf");
  g_free (names);

  close (busy_fd);
  cb_file_remove_stale_temporaries (folder);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, ".out.pdf.backup .out.pdf.xyz.cbpart out.pdf");
}

/* A writer killed half-way leaves its temporary, and the old file; the next save
 * removes the temporary. */
static void
test_save_killed (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (g_getenv ("CB_TEST_DIR"), "out.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      CbFileWriter *writer = cb_file_writer_new (file, NULL, CB_FILE_SAVE_NONE, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (cb_file_writer_write (writer, "%PDF-1.5 half", 13, NULL, &error));
      kill (getpid (), SIGKILL);
    }
  else
    {
      Fixture fixture;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = bytes_of ("new");
      g_autoptr(GError) error = NULL;
      g_autofree char *names = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *name;
      guint n_temporaries = 0;

      fixture_set_up (&fixture, NULL);
      path = write_file (&fixture, "out.pdf", "old");
      file = g_file_new_for_path (path);
      g_setenv ("CB_TEST_DIR", fixture.dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_unsetenv ("CB_TEST_DIR");

      contents = cb_test_dup_contents (path);
      g_assert_cmpstr (contents, ==, "old");
      listing = g_dir_open (fixture.dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (name, ".out.pdf.") && g_str_has_suffix (name, ".cbpart"))
          n_temporaries++;
      g_assert_cmpuint (n_temporaries, ==, 1);

      g_assert_true (cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, &error));
      g_assert_no_error (error);
      names = cb_test_list_dir (fixture.dir);
      g_assert_cmpstr (names, ==, "out.pdf");
      fixture_tear_down (&fixture, NULL);
    }
}

/* Failed saves, through every format: the old file stays byte for byte. */

typedef gboolean (*SaveFunc) (GFile *file, GError **error);

static gboolean
save_raw (GFile   *file,
          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'x');

  bytes = bytes_of (big);
  return cb_file_save (file, bytes, NULL, CB_FILE_SAVE_NONE, NULL, NULL, error);
}

static gboolean
save_brief (GFile   *file,
            GError **error)
{
  g_autoptr(CbBrief) brief = sample_brief ();

  return cb_brief_save_file (brief, file, NULL, error);
}

static gboolean
save_template (GFile   *file,
               GError **error)
{
  g_autoptr(CbTemplate) template = sample_template ();
  g_autofree char *long_prompt = g_strnfill (8 * 1024, 'p');
  g_autoptr(CbTemplateSection) section = cb_template_section_new ("issue", "Issue", long_prompt, TRUE, 0);

  cb_template_add_section (template, section);
  return cb_template_save_file (template, file, NULL, error);
}

static gboolean
export_pdf (GFile   *file,
            GError **error)
{
  g_autoptr(CbBrief) brief = sample_brief ();

  return cb_brief_export_pdf (brief, file, NULL, NULL, error);
}

typedef struct
{
  const char *name;
  SaveFunc save;
} Format;

static const Format formats[] = {
  { "file.brief", save_raw },
  { "brief.brief", save_brief },
  { "template.brieftemplate", save_template },
  { "export.pdf", export_pdf },
};

/* The disk fills up half-way: files may grow no larger than 1 KiB while saving. */
static void
test_failed_save_full_disk (Fixture       *fixture,
                            gconstpointer  data)
{
  const Format *format = data;
  g_autofree char *path = write_file (fixture, format->name, "the older version\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autofree char *message = NULL;
  struct rlimit saved_limit, small_limit;
  gboolean ok;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved_limit);
  small_limit = saved_limit;
  small_limit.rlim_cur = 1024;
  setrlimit (RLIMIT_FSIZE, &small_limit);
  ok = format->save (file, &error);
  setrlimit (RLIMIT_FSIZE, &saved_limit);

  g_assert_false (ok);
  g_assert_error (error, CB_ERROR, CB_ERROR_SAVE);
  message = g_strdup_printf ("Could not save %s: the file is too large for the disk", path);
  g_assert_cmpstr (error->message, ==, message);
  contents = cb_test_dup_contents (path);
  g_assert_cmpstr (contents, ==, "the older version\n");
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, format->name);
}

/* The folder stops taking new files. Permissions do not stop root, so the save is
 * made as another user. */
static void
test_failed_save_read_only_folder (gconstpointer data)
{
  const Format *format = data;

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (g_getenv ("CB_TEST_DIR"), format->name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = g_strdup_printf ("Could not save %s: permission denied", path);
      gboolean was_root = geteuid () == 0;
      gboolean ok;

      read_first = sample_brief ();
      if (was_root)
        g_assert_true (setegid (65534) == 0 && seteuid (65534) == 0);
      ok = format->save (file, &error);
      /* Back to root, so the leak checker can read this process at its exit. */
      if (was_root)
        g_assert_true (seteuid (0) == 0 && setegid (0) == 0);
      g_clear_object (&read_first);
      g_assert_false (ok);
      g_assert_error (error, CB_ERROR, CB_ERROR_SAVE);
      g_assert_cmpstr (error->message, ==, message);
      return;
    }

  {
    Fixture fixture;
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *names = NULL;

    fixture_set_up (&fixture, NULL);
    path = write_file (&fixture, format->name, "the older version\n");
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (g_chmod (fixture.dir, 0555), ==, 0);
    g_setenv ("CB_TEST_DIR", fixture.dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("CB_TEST_DIR");
    g_assert_cmpint (g_chmod (fixture.dir, 0700), ==, 0);
    g_test_trap_assert_passed ();

    contents = cb_test_dup_contents (path);
    g_assert_cmpstr (contents, ==, "the older version\n");
    names = cb_test_list_dir (fixture.dir);
    g_assert_cmpstr (names, ==, format->name);
    fixture_tear_down (&fixture, NULL);
  }
}

/* A replaced file keeps its permissions, whatever the format. */
static void
test_save_keeps_permissions (Fixture       *fixture,
                             gconstpointer  data)
{
  const Format *format = data;
  g_autofree char *path = write_file (fixture, format->name, "old");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_assert_true (format->save (file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0604);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, format->name);
}

/* Caps */

/* What would be refused when read is not written: the same caps at both ends. */
static void
test_caps_at_write (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "huge.brieftemplate");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CbTemplate) template = sample_template ();
  g_autofree char *prompt = g_strnfill (CB_TEMPLATE_MAX_BYTES, 'p');
  g_autoptr(CbTemplateSection) section = cb_template_section_new ("issue", "Issue", prompt, TRUE, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  cb_template_add_section (template, section);
  g_assert_false (cb_template_save_file (template, file, NULL, &error));
  g_assert_error (error, CB_ERROR, CB_ERROR_TOO_LARGE);
  message = g_strdup_printf ("Could not save %s: it would be over 4 MB, more than Casebrief opens", path);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  names = cb_test_list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");

  /* Elements: one too many is refused, the cap itself is written. */
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autoptr(GString) text = g_string_new ("<r>");
      g_autoptr(GBytes) bytes = NULL;

      for (guint i = 1; i < CB_XML_MAX_ELEMENTS + extra; i++)
        g_string_append (text, "<e/>");
      g_string_append (text, "</r>");
      bytes = g_bytes_new (text->str, text->len);
      if (extra == 0)
        g_assert_true (cb_xml_check_writable (bytes, CB_BRIEF_MAX_BYTES, file, &error));
      else
        {
          g_autofree char *elements = g_strdup_printf (
            "Could not save %s: it would have more than 1000000 elements, more than Casebrief opens", path);

          g_assert_false (cb_xml_check_writable (bytes, CB_BRIEF_MAX_BYTES, file, &error));
          g_assert_error (error, CB_ERROR, CB_ERROR_TOO_LARGE);
          g_assert_cmpstr (error->message, ==, elements);
        }
    }
}

/* The readers' caps, each with its message; markup inside comments, CDATA and
 * attribute values is not counted. */
static void
test_caps_at_read (void)
{
  const char *start = "<?xml version=\"1.0\"?>\n<brieftemplate xmlns=\"https://casebrief.github.io/ns/brieftemplate/1\" "
                      "version=\"1.0\" id=\"t\">\n  <title>T</title>\n";
  const char *end = "  <section id=\"facts\" required=\"true\"><title>Facts</title></section>\n</brieftemplate>\n";
  struct { const char *middle; guint repeat; int code; const char *message; } cases[] = {
    { "<x:a xmlns:x=\"urn:x\">", 300, CB_ERROR_PARSE, "t.brieftemplate, line 4: elements are nested too deeply" },
    { NULL, 0, CB_ERROR_TOO_LARGE, "t.brieftemplate, line 4: an element has more than 256 attributes, more than Casebrief reads" },
    { "<!-- <a> <b> <c> -->", 2000, -1, NULL },
    { "<x:c xmlns:x=\"urn:x\" v=\"<d>&lt;<e> = = =\"/>", 10, CB_ERROR_PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (start);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CbTemplate) template = NULL;

      if (cases[i].middle == NULL)
        {
          g_string_append (text, "  <x:w xmlns:x=\"urn:x\"");
          for (guint a = 0; a < 256; a++)
            g_string_append_printf (text, " a%u=\"\"", a);
          g_string_append (text, "/>\n");
        }
      for (guint r = 0; r < cases[i].repeat; r++)
        g_string_append (text, cases[i].middle);
      if (cases[i].middle != NULL && g_str_has_prefix (cases[i].middle, "<x:a"))
        for (guint r = 0; r < cases[i].repeat; r++)
          g_string_append (text, "</x:a>");
      g_string_append (text, end);
      bytes = g_bytes_new (text->str, text->len);
      template = cb_template_load_bytes (bytes, "t.brieftemplate", &error);
      g_test_message ("%s", error ? error->message : "loaded");
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (template);
          continue;
        }
      g_assert_null (template);
      g_assert_error (error, CB_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Names taken from files */

/* A name suggested from a brief's case name cannot leave the folder, hide itself or
 * carry control characters. */
static void
test_name_for_title (void)
{
  g_autofree char *long_title = g_strnfill (500, 'x');
  g_autofree char *long_name = g_strconcat (long_title + 400, ".pdf", NULL);
  const struct { const char *title; const char *name; } cases[] = {
    { "Davidson v. Cannon", "Davidson v. Cannon.pdf" },
    { "../../etc/passwd", "-..-etc-passwd.pdf" },
    { "/etc/passwd", "-etc-passwd.pdf" },
    { ".hidden", "hidden.pdf" },
    { "A:B\\C", "A-B-C.pdf" },
    { "\033]0;owned\007", "-]0;owned-.pdf" },
    { "Été\ttab", "Été-tab.pdf" },
    { "   ", "Brief.pdf" },
    { "", "Brief.pdf" },
    { NULL, "Brief.pdf" },
    { "\xff\xfe", "Brief.pdf" },
    { long_title, long_name },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cb_file_name_for_title (cases[i].title, "Brief", ".pdf");

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* A draft is saved to its original when restored: an original that is not a brief's
 * file name is dropped, so a planted .draft file cannot aim a save anywhere. */
static void
test_draft_original (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("<brief/>");
  g_autoptr(GFile) dir = cb_drafts_get_dir ();
  g_autofree char *inside = g_strconcat (g_file_peek_path (dir), "/other.brief", NULL);
  g_autofree char *inside_uri = g_filename_to_uri (inside, NULL, NULL);
  const struct { const char *id; const char *original; const char *kept; } cases[] = {
    { "a1", "file:///home/student/torts/palsgraf.brief", "file:///home/student/torts/palsgraf.brief" },
    { "a2", "file:///etc/passwd", NULL },
    { "a3", "not a uri at all.brief", NULL },
    { "a4", inside_uri, NULL },
    { "a5", NULL, NULL },
  };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (cb_drafts_save (cases[i].id, bytes, cases[i].original, &error));
      g_assert_no_error (error);
    }
  drafts = cb_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, G_N_ELEMENTS (cases));
  for (guint d = 0; d < drafts->len; d++)
    {
      CbDraft *draft = g_ptr_array_index (drafts, d);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        if (g_str_equal (cb_draft_get_id (draft), cases[i].id))
          g_assert_cmpstr (cb_draft_get_original_uri (draft), ==, cases[i].kept);
      g_assert_cmpint (mode_of (g_file_peek_path (cb_draft_get_file (draft))), ==, 0600);
      cb_drafts_discard (cb_draft_get_id (draft));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/file-io/load/regular", test_load_regular);
  ADD ("/file-io/load/size-cap", test_load_size_cap);
  ADD ("/file-io/load/cap-while-reading", test_load_cap_while_reading);
  ADD ("/file-io/load/not-files", test_load_not_files);
  ADD ("/file-io/load/formats-refuse-fifo", test_load_formats_refuse_fifo);
  ADD ("/file-io/load/async", test_load_async);
  ADD ("/file-io/save/new-and-replace", test_save_new_and_replace);
  ADD ("/file-io/save/private", test_save_private);
  ADD ("/file-io/save/no-replace", test_save_no_replace);
  ADD ("/file-io/save/through-symlink", test_save_through_symlink);
  ADD ("/file-io/save/not-files", test_save_not_files);
  ADD ("/file-io/save/changed-on-disk", test_save_changed_on_disk);
  ADD ("/file-io/save/async", test_save_async);
  ADD ("/file-io/save/cancelled", test_save_cancelled);
  ADD ("/file-io/save/stale-temporaries", test_save_stale_temporaries);
#undef ADD
  g_test_add_func ("/file-io/save/killed", test_save_killed);
  g_test_add ("/file-io/caps/at-write", Fixture, NULL, fixture_set_up, test_caps_at_write, fixture_tear_down);
  g_test_add_func ("/file-io/caps/at-read", test_caps_at_read);
  g_test_add_func ("/file-io/names/for-title", test_name_for_title);
  g_test_add_func ("/file-io/names/draft-original", test_draft_original);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *full = g_strdup_printf ("/file-io/failed-save/full-disk/%s", formats[i].name);
      g_autofree char *locked = g_strdup_printf ("/file-io/failed-save/read-only-folder/%s", formats[i].name);
      g_autofree char *mode = g_strdup_printf ("/file-io/save/keeps-permissions/%s", formats[i].name);

      g_test_add (full, Fixture, &formats[i], fixture_set_up, test_failed_save_full_disk, fixture_tear_down);
      g_test_add_data_func (locked, &formats[i], test_failed_save_read_only_folder);
      g_test_add (mode, Fixture, &formats[i], fixture_set_up, test_save_keeps_permissions, fixture_tear_down);
    }

  return g_test_run ();
}
