#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CB_ERROR (cb_error_quark ())

/**
 * CbError:
 * @CB_ERROR_FAILED: anything not named below
 * @CB_ERROR_ENCODING: the file's text encoding cannot be read
 * @CB_ERROR_TOO_LARGE: the file is larger than Casebrief accepts
 * @CB_ERROR_NOT_TEXT: the file is binary, not an opinion
 * @CB_ERROR_PARSE: the file is not well-formed
 * @CB_ERROR_INVALID: the file is well-formed but breaks the schema or its own rules
 * @CB_ERROR_VERSION: the file was written by a newer, incompatible version
 * @CB_ERROR_HOSTILE: the file asks for something refused on principle (DTD, entities, XInclude)
 * @CB_ERROR_NOT_FOUND: a requested item (quote, template, citation) does not exist
 * @CB_ERROR_SAVE: writing a file failed; the previous file is untouched
 * @CB_ERROR_USAGE: a command-line call was malformed
 * @CB_ERROR_ENCRYPTED: the PDF is encrypted and cannot be read without its password
 * @CB_ERROR_NO_TEXT: the PDF has no text layer (a scan)
 * @CB_ERROR_CRASHED: the separate process that reads a PDF stopped, hung or went
 *   over its memory
 * @CB_ERROR_NOT_REGULAR: the file is a FIFO, a device or a socket, not a regular file
 * @CB_ERROR_CHANGED: a save was refused because the file on disk changed (or was
 *   deleted) since it was read or last saved; the file is untouched
 * @CB_ERROR_DANGLING_REF: the file refers to a part of itself it does not have (a
 *   section quoting an excerpt the brief lacks)
 *
 * Error codes in the %CB_ERROR domain, stable so that tests and scripts can match them.
 */
typedef enum
{
  CB_ERROR_FAILED,
  CB_ERROR_ENCODING,
  CB_ERROR_TOO_LARGE,
  CB_ERROR_NOT_TEXT,
  CB_ERROR_PARSE,
  CB_ERROR_INVALID,
  CB_ERROR_VERSION,
  CB_ERROR_HOSTILE,
  CB_ERROR_NOT_FOUND,
  CB_ERROR_SAVE,
  CB_ERROR_USAGE,
  CB_ERROR_ENCRYPTED,
  CB_ERROR_NO_TEXT,
  CB_ERROR_CRASHED,
  CB_ERROR_NOT_REGULAR,
  CB_ERROR_CHANGED,
  CB_ERROR_DANGLING_REF,
} CbError;

GQuark cb_error_quark (void);

G_END_DECLS
