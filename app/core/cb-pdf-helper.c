/* PDFs are read in a separate process, the casebrief-read-pdf program, with a time
 * and a memory limit, so that a PDF that crashes or hangs
 * poppler never takes the window and the student's unsaved work with it. This file
 * runs that process and reads its answer back, with the care due to any file; it
 * also writes the answer, on the reading process's side. */

#define G_LOG_DOMAIN "cb-pdf"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cb-brief.h"
#include "cb-error.h"
#include "cb-opinion-private.h"
#include "cb-page-map-xml.h"
#include "cb-pdf-helper.h"
#include "cb-xml-private.h"

#define SCHEMA "/io/github/casebrief/Casebrief/core/data/schema/brief.rng"
#define READER "casebrief-read-pdf"
#define NS CB_BRIEF_NAMESPACE

/* The answer holds the opinion's text and its page map: a few times the PDF's text
 * at most. Anything longer is not an answer. */
#define MAX_ANSWER (CB_OPINION_MAX_BYTES * 2)

G_LOCK_DEFINE_STATIC (settings);
static char *program;
static guint limit_seconds = CB_PDF_HELPER_SECONDS;
static guint64 limit_memory = CB_PDF_HELPER_MEMORY;

typedef struct
{
  GBytes *pdf;
  char *name;
  GSubprocess *process;
  GByteArray *answer;
  GDataInputStream *progress_stream;
  CbPdfProgress progress;
  gpointer progress_data;
  GDestroyNotify progress_notify;
  GMainContext *context;
  GSource *timeout;
  gulong cancelled_id;
  guint pending;
  gboolean timed_out;
  gboolean too_long;
  guint seconds;
  guint64 memory;
  GError *error;
} Job;

static const char *
display_name (const char *source_name)
{
  return source_name != NULL ? source_name : _("The file");
}

static void
job_free (Job *job)
{
  g_bytes_unref (job->pdf);
  g_free (job->name);
  g_clear_object (&job->process);
  g_byte_array_unref (job->answer);
  g_clear_object (&job->progress_stream);
  if (job->progress_notify != NULL)
    job->progress_notify (job->progress_data);
  if (job->timeout != NULL)
    {
      g_source_destroy (job->timeout);
      g_source_unref (job->timeout);
    }
  g_clear_error (&job->error);
  g_main_context_unref (job->context);
  g_free (job);
}

/**
 * cb_pdf_helper_set_program:
 * @program: (nullable): the program that reads PDFs, or %NULL for
 *   casebrief-read-pdf
 *
 * Sets the program run to read a PDF: tests name one that misbehaves.
 */
void
cb_pdf_helper_set_program (const char *path)
{
  G_LOCK (settings);
  g_free (program);
  program = g_strdup (path);
  G_UNLOCK (settings);
}

/**
 * cb_pdf_helper_set_limits:
 * @seconds: how long the reader may take, in seconds of time and of processor
 * @memory: how many bytes of address space it may have
 *
 * Sets the limits of the process that reads a PDF.
 */
void
cb_pdf_helper_set_limits (guint   seconds,
                          guint64 memory)
{
  g_return_if_fail (seconds > 0 && memory > 0);

  G_LOCK (settings);
  limit_seconds = seconds;
  limit_memory = memory;
  G_UNLOCK (settings);
}

/* The program to run: as set, else $CASEBRIEF_PDF_READER, else casebrief-read-pdf
 * beside this program (as in the build tree), else the installed one. */
static char *
dup_program (void)
{
  char *path;

  G_LOCK (settings);
  path = g_strdup (program);
  G_UNLOCK (settings);
  if (path == NULL && g_getenv ("CASEBRIEF_PDF_READER") != NULL && *g_getenv ("CASEBRIEF_PDF_READER") != '\0')
    path = g_strdup (g_getenv ("CASEBRIEF_PDF_READER"));
  if (path == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
      g_autofree char *beside = dir != NULL ? g_build_filename (dir, READER, NULL) : NULL;

      if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        path = g_steal_pointer (&beside);
      else
        path = g_build_filename (LIBEXECDIR, READER, NULL);
    }
  return path;
}

/* In the child, between fork and exec: the limits, and no core file. */
static void
limit_child (gpointer data)
{
  const Job *job = data;
  struct rlimit cpu = { job->seconds, job->seconds + 1 };
  struct rlimit core = { 0, 0 };

  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &core);
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer reserves terabytes of address space: an instrumented build
   * runs its reader without this limit. */
  {
    struct rlimit as = { job->memory, job->memory };

    setrlimit (RLIMIT_AS, &as);
  }
#endif
}

/* poppler allocates and frees hundreds of thousands of small blocks a page, and glibc's
 * per-thread cache of freed blocks keeps 7 of each size: past those, a block goes
 * through the slower shared lists. With 2,000 the reader of a 60-page slip opinion
 * takes a tenth less processor time (72 ms instead of 80, alternated runs) for 1.2 MB
 * more at its peak (23 MB); more than 2,000 gains nothing. The user's own settings
 * come after this one, and win. */
static void
set_allocator (GSubprocessLauncher *launcher)
{
  const char *tunables = g_getenv ("GLIBC_TUNABLES");
  g_autofree char *value = g_strconcat ("glibc.malloc.tcache_count=2000", tunables != NULL && *tunables ? ":" : "",
                                        tunables != NULL ? tunables : "", NULL);

  g_subprocess_launcher_setenv (launcher, "GLIBC_TUNABLES", value, TRUE);
}

static void
set_first_error (Job    *job,
                 GError *error)
{
  if (job->error == NULL)
    job->error = error;
  else
    g_error_free (error);
}

/* Reading from or writing to a reader that has died must be an error, not the end
 * of this process. */
static void
ignore_sigpipe (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&done, 1);
    }
}

static void parse_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable);

/* Everything the process does has ended: say what became of it. */
static void
job_done (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  int status;

  if (cancellable != NULL && job->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, job->cancelled_id);
  job->cancelled_id = 0;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: reading the PDF was cancelled"),
                               display_name (job->name));
      return;
    }
  if (job->timed_out)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED,
                               _("%s: reading the PDF was stopped after %u s; it took too long"),
                               display_name (job->name), job->seconds);
      return;
    }
  status = g_subprocess_get_status (job->process);
  if (g_subprocess_get_if_signaled (job->process))
    {
      int signal = g_subprocess_get_term_sig (job->process);

      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED,
                               signal == SIGXCPU
                               ? _("%s: reading the PDF took too long; it was stopped")
                               : _("%s: the PDF reader stopped (signal %d); the file may be damaged"),
                               display_name (job->name), signal);
      return;
    }
  if (job->error != NULL)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED, _("%s: the PDF reader’s answer could not be read: %s"),
                               display_name (job->name), job->error->message);
      return;
    }
  if (job->too_long)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED,
                               _("%s: the PDF reader’s answer is too long"), display_name (job->name));
      return;
    }
  if (!WIFEXITED (status) || (WEXITSTATUS (status) != 0 && WEXITSTATUS (status) != 1) || job->answer->len == 0)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED,
                               _("%s: the PDF reader stopped without an answer; the file may be damaged"),
                               display_name (job->name));
      return;
    }
  g_task_run_in_thread (task, parse_thread);
}

static void
op_done (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  g_assert (job->pending > 0);
  if (--job->pending == 0)
    job_done (task);
  g_object_unref (task);
}

static void
parse_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GBytes) answer = g_bytes_new (job->answer->data, job->answer->len);
  GError *error = NULL;
  CbOpinion *opinion = cb_pdf_helper_parse_answer (answer, job->name, &error);

  if (opinion == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, opinion, g_object_unref);
}

/* The PDF as a file of its own, without a name, to be the reader's standard input: the
 * reader reads it at its pace, and nothing here waits on a pipe to it. */
static int
pdf_fd (GBytes  *pdf,
        GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("casebrief-pdf-XXXXXX", &path, error);

  if (fd < 0)
    return -1;
  /* Nobody else needs its name. */
  g_unlink (path);
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return -1;
        }
      data += n;
      length -= n;
    }
  lseek (fd, 0, SEEK_SET);
  return fd;
}

static void read_answer (GTask *task);

static void
answer_read_cb (GObject      *stream,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (stream), result, &error);

  if (bytes == NULL)
    set_first_error (job, error);
  else if (g_bytes_get_size (bytes) > 0)
    {
      if (job->answer->len + g_bytes_get_size (bytes) > MAX_ANSWER)
        {
          job->too_long = TRUE;
          g_subprocess_force_exit (job->process);
        }
      else
        {
          g_byte_array_append (job->answer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          read_answer (g_object_ref (task));
        }
    }
  op_done (task);
}

static void
read_answer (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  job->pending++;
  g_input_stream_read_bytes_async (g_subprocess_get_stdout_pipe (job->process), 64 * 1024, G_PRIORITY_DEFAULT,
                                   NULL, answer_read_cb, task);
}

static void read_progress (GTask *task);

/* "page 3/60", one line a page, on the reader's standard error. */
static void
progress_read_cb (GObject      *stream,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (stream), result, NULL, NULL);

  if (line != NULL)
    {
      guint64 page, n_pages;
      g_auto(GStrv) numbers = g_str_has_prefix (line, "page ") ? g_strsplit (line + 5, "/", 2) : NULL;

      if (numbers != NULL && numbers[0] != NULL && numbers[1] != NULL &&
          g_ascii_string_to_unsigned (numbers[0], 10, 0, G_MAXUINT, &page, NULL) &&
          g_ascii_string_to_unsigned (numbers[1], 10, 1, G_MAXUINT, &n_pages, NULL) &&
          page <= n_pages && job->progress != NULL)
        job->progress ((guint) page, (guint) n_pages, job->progress_data);
      read_progress (g_object_ref (task));
    }
  op_done (task);
}

static void
read_progress (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  job->pending++;
  g_data_input_stream_read_line_async (job->progress_stream, G_PRIORITY_DEFAULT, NULL, progress_read_cb, task);
}

static void
waited_cb (GObject      *process,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (process), result, &error))
    g_error_free (error);
  op_done (task);
}

static gboolean
timed_out_cb (gpointer user_data)
{
  Job *job = user_data;

  job->timed_out = TRUE;
  g_subprocess_force_exit (job->process);
  g_clear_pointer (&job->timeout, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Job *job = user_data;

  /* May run in any thread; ending the process ends every read and the wait. */
  g_subprocess_force_exit (job->process);
}

/**
 * cb_pdf_helper_read_async:
 * @pdf: the PDF's bytes
 * @source_name: (nullable): the file's name, for messages
 * @cancellable: (nullable): a #GCancellable: cancelling it ends the reader
 * @progress: (nullable): told after each page
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data when the read is over
 * @callback: called when the opinion is read, or could not be
 * @user_data: for @callback
 *
 * Reads an opinion from a PDF in a separate process (see
 * cb_pdf_helper_set_program()), which may take at most its time and memory
 * (cb_pdf_helper_set_limits()). A reader that crashes, hangs or runs out of memory
 * is a %CB_ERROR_CRASHED error naming the file, never a crash of this process. The
 * reader's answer is read back as any file is: checked against the schema, every
 * offset against the text.
 */
void
cb_pdf_helper_read_async (GBytes              *pdf,
                          const char          *source_name,
                          GCancellable        *cancellable,
                          CbPdfProgress        progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_notify,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *path = dup_program ();
  GError *error = NULL;
  Job *job;
  int fd;

  g_return_if_fail (pdf != NULL);

  ignore_sigpipe ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_pdf_helper_read_async);
  /* A cancelled reading says which file it was. */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (Job, 1);
  job->pdf = g_bytes_ref (pdf);
  job->name = g_strdup (source_name);
  job->answer = g_byte_array_new ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  job->context = g_main_context_ref_thread_default ();
  G_LOCK (settings);
  job->seconds = limit_seconds;
  job->memory = limit_memory;
  G_UNLOCK (settings);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  fd = pdf_fd (pdf, &error);
  if (fd < 0)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED, _("%s: the PDF reader could not be started: %s"),
                               display_name (source_name), error->message);
      g_error_free (error);
      return;
    }
  /* With nobody to tell of the pages, the reader's count of them goes nowhere: reading
   * it line by line costs this process a quarter of its part of the import (2.5 ms of
   * 9 on a 60-page slip opinion). */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (progress != NULL ? G_SUBPROCESS_FLAGS_STDERR_PIPE
                                                          : G_SUBPROCESS_FLAGS_STDERR_SILENCE));
  set_allocator (launcher);
  g_subprocess_launcher_take_stdin_fd (launcher, fd);
  g_subprocess_launcher_set_child_setup (launcher, limit_child, job, NULL);
  /* The reader writes no messages a user sees in another language than this one's. */
  job->process = g_subprocess_launcher_spawn (launcher, &error, path, source_name != NULL ? source_name : "", NULL);
  if (job->process == NULL)
    {
      g_task_return_new_error (task, CB_ERROR, CB_ERROR_CRASHED, _("%s: the PDF reader could not be started: %s"),
                               display_name (source_name), error->message);
      g_error_free (error);
      return;
    }

  if (progress != NULL)
    job->progress_stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (job->process));
  job->timeout = g_timeout_source_new_seconds (job->seconds);
  g_source_set_callback (job->timeout, timed_out_cb, job, NULL);
  g_source_attach (job->timeout, job->context);
  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), job, NULL);

  job->pending = 1;   /* the wait for the process */
  g_subprocess_wait_async (job->process, NULL, waited_cb, g_object_ref (task));
  read_answer (g_object_ref (task));
  if (job->progress_stream != NULL)
    read_progress (g_object_ref (task));
}

/**
 * cb_pdf_helper_read_finish:
 * @result: the result given to the callback
 * @error: return location for a #CbError or %G_IO_ERROR_CANCELLED
 *
 * Finishes cb_pdf_helper_read_async().
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_pdf_helper_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * cb_pdf_helper_read:
 * @pdf: the PDF's bytes
 * @source_name: (nullable): the file's name, for messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * cb_pdf_helper_read_async() waited for, in a main context of its own: for the
 * command line and for callers already in a worker thread.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set
 */
CbOpinion *
cb_pdf_helper_read (GBytes        *pdf,
                    const char    *source_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  CbOpinion *opinion;

  g_main_context_push_thread_default (context);
  cb_pdf_helper_read_async (pdf, source_name, cancellable, NULL, NULL, NULL, read_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  opinion = cb_pdf_helper_read_finish (result, error);
  g_clear_object (&result);
  /* What the finished task still has queued in this context runs before it goes. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  return opinion;
}

/**
 * cb_pdf_helper_write_answer:
 * @opinion: (nullable): the opinion read from a PDF
 * @refusal: (nullable): why it could not be read, when @opinion is %NULL
 *
 * Writes what the reading process answers: the opinion with its page map, or the
 * reason it was refused, as a <pdf-opinion> document (data/schema/brief.rng).
 *
 * Returns: (transfer full): the answer
 */
GBytes *
cb_pdf_helper_write_answer (CbOpinion    *opinion,
                            const GError *refusal)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_return_val_if_fail (opinion != NULL || refusal != NULL, NULL);

  g_string_append_printf (out, "<pdf-opinion xmlns=\"%s\" version=\"%d.%d\">\n", NS, CB_BRIEF_FORMAT_MAJOR,
                          CB_BRIEF_FORMAT_MINOR);
  if (opinion == NULL)
    {
      g_string_append_printf (out, "  <error code=\"%d\">", refusal->domain == CB_ERROR ? refusal->code : CB_ERROR_FAILED);
      cb_xml_escape (out, refusal->message, FALSE);
      g_string_append (out, "</error>\n");
    }
  else
    {
      g_string_append_printf (out, "  <opinion format=\"text\" sha256=\"%s\">", cb_opinion_get_sha256 (opinion));
      cb_xml_escape (out, cb_opinion_get_text (opinion), FALSE);
      g_string_append (out, "</opinion>\n");
      cb_page_map_write_xml (out, 2, opinion);
    }
  g_string_append (out, "</pdf-opinion>\n");
  return g_string_free_to_bytes (out);
}

/**
 * cb_pdf_helper_answer:
 * @pdf: the PDF's bytes
 * @source_name: (nullable): the file's name, for messages
 * @progress: (nullable) (scope call): told after each page
 * @progress_data: for @progress
 * @refused: (out): whether the answer is a refusal
 *
 * What the reading process answers for @pdf: see cb_pdf_helper_write_answer().
 *
 * Returns: (transfer full): the answer
 */
GBytes *
cb_pdf_helper_answer (GBytes        *pdf,
                      const char    *source_name,
                      CbPdfProgress  progress,
                      gpointer       progress_data,
                      gboolean      *refused)
{
  g_autoptr(GError) error = NULL;
  /* The opinion is analyzed where it is used: here only the reading. */
  g_autoptr(CbPdfLayout) layout = cb_pdf_read_layout (pdf, source_name, progress, progress_data, NULL, &error);
  g_autofree char *sha256 = NULL;
  GString *out;

  *refused = layout == NULL;
  if (layout == NULL)
    return cb_pdf_helper_write_answer (NULL, error);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, layout->text, -1);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<pdf-opinion xmlns=\"%s\" version=\"%d.%d\">\n", NS, CB_BRIEF_FORMAT_MAJOR,
                          CB_BRIEF_FORMAT_MINOR);
  g_string_append_printf (out, "  <opinion format=\"text\" sha256=\"%s\">", sha256);
  cb_xml_escape (out, layout->text, FALSE);
  g_string_append (out, "</opinion>\n");
  cb_page_map_write_layout_xml (out, 2, layout, sha256);
  g_string_append (out, "</pdf-opinion>\n");
  return g_string_free_to_bytes (out);
}

/**
 * cb_pdf_helper_parse_answer:
 * @answer: what the reading process wrote
 * @source_name: (nullable): the PDF's name, for messages
 * @error: return location for a #CbError
 *
 * Reads the reading process's answer as a file that may be anyone's: the schema, a
 * page map that fits the text, a refusal's code one of %CB_ERROR's.
 *
 * Returns: (transfer full): the opinion, or %NULL with @error set to the reader's
 *   refusal or to what is wrong with its answer
 */
CbOpinion *
cb_pdf_helper_parse_answer (GBytes      *answer,
                            const char  *source_name,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *what = g_strdup_printf (_("%s (the PDF reader’s answer)"), display_name (source_name));
  xmlDoc *doc;
  xmlNode *root, *refusal, *text_node, *page_map;
  CbOpinion *opinion = NULL;

  doc = cb_xml_read (answer, what, SCHEMA, "pdf-opinion", CB_BRIEF_FORMAT_MAJOR, &local_error);
  if (doc == NULL)
    {
      g_set_error (error, CB_ERROR, CB_ERROR_CRASHED, "%s", local_error->message);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  refusal = cb_xml_child (root, NS, "error");
  if (refusal != NULL)
    {
      guint64 code = cb_xml_get_uint_attribute (refusal, "code", CB_ERROR_CRASHED, CB_ERROR_FAILED);
      g_autofree char *message = cb_xml_dup_text (refusal);

      g_set_error (error, CB_ERROR, (int) code, "%s", message != NULL ? message : "");
    }
  else
    {
      g_autofree char *text = NULL;

      g_autofree char *sha256 = NULL;
      g_autofree char *actual = NULL;

      text_node = cb_xml_child (root, NS, "opinion");
      page_map = cb_xml_child (root, NS, "page-map");
      text = cb_xml_dup_text (text_node);
      if (text == NULL)
        text = g_strdup ("");
      /* The map is of this text, or the answer is broken. */
      sha256 = cb_xml_dup_attribute (page_map, "sha256");
      actual = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      if (g_strcmp0 (sha256, actual) != 0)
        g_set_error (&local_error, CB_ERROR, CB_ERROR_CRASHED, _("%s: the text does not match its page map"), what);
      else
        {
          /* The map is of this text, as cb_page_map_read_opinion() would find again. */
          g_autoptr(CbPdfLayout) layout = cb_page_map_read_xml (page_map, text, what, &local_error);

          if (layout != NULL)
            opinion = cb_opinion_new_from_layout (layout, source_name, &local_error);
        }
      if (opinion == NULL)
        g_set_error (error, CB_ERROR, CB_ERROR_CRASHED, "%s", local_error->message);
      else if (cb_opinion_get_format (opinion) != CB_OPINION_FORMAT_PDF)
        g_clear_object (&opinion);
      if (opinion == NULL && local_error == NULL)
        g_set_error (error, CB_ERROR, CB_ERROR_CRASHED, _("%s: the PDF reader answered without pages"),
                     display_name (source_name));
    }
  xmlFreeDoc (doc);
  return opinion;
}
