/* bel-error.h - the one error domain of Belonging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BEL_ERROR (bel_error_quark ())

/* Each code maps to exactly one HTTP status (bel_error_to_status). */
typedef enum {
  BEL_ERROR_FAILED,                /* 500 */
  BEL_ERROR_BAD_REQUEST,           /* 400: malformed JSON, bad query */
  BEL_ERROR_UNAUTHORIZED,          /* 401 */
  BEL_ERROR_FORBIDDEN,             /* 403 */
  BEL_ERROR_NOT_FOUND,             /* 404 */
  BEL_ERROR_METHOD_NOT_ALLOWED,    /* 405 */
  BEL_ERROR_CONFLICT,              /* 409 */
  BEL_ERROR_PRECONDITION_FAILED,   /* 412 */
  BEL_ERROR_TOO_LARGE,             /* 413 */
  BEL_ERROR_UNSUPPORTED_MEDIA,     /* 415 */
  BEL_ERROR_INVALID,               /* 422: field errors, see below */
  BEL_ERROR_PRECONDITION_REQUIRED, /* 428 */
  BEL_ERROR_RATE_LIMITED,          /* 429 */
  BEL_ERROR_HEADERS_TOO_LARGE,     /* 431 */
  BEL_ERROR_UNAVAILABLE,           /* 503 */
  BEL_ERROR_NETWORK,               /* client side: server unreachable */
  BEL_ERROR_CERTIFICATE_UNTRUSTED, /* client side: HTTPS certificate not trusted, none pinned */
  BEL_ERROR_CERTIFICATE_CHANGED,   /* client side: not the certificate pinned for that server */
} BelErrorCode;

GQuark       bel_error_quark        (void);
guint        bel_error_to_status    (const GError *error);
BelErrorCode bel_error_from_status  (guint status);
const char  *bel_error_title        (BelErrorCode code);
const char  *bel_error_type_uri     (BelErrorCode code);

/* @text as error messages quote it: UTF-8 even where @text is not, and cut
 * to at most @max_chars characters (never inside one, as "%.64s" would). */
char        *bel_error_excerpt      (const char   *text,
                                     glong         max_chars);

/* A BEL_ERROR_INVALID error carries one "field: message" per line, so that
 * one GError can report every invalid field of a request at once. */
typedef struct {
  char *field;
  char *message;
} BelFieldError;

void       bel_field_error_free        (BelFieldError *fe);
GPtrArray *bel_error_get_field_errors  (const GError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelFieldError, bel_field_error_free)

/* Collects field errors while validating; finish turns them into one GError. */
typedef struct _BelValidation BelValidation;

BelValidation *bel_validation_new     (void);
void           bel_validation_add     (BelValidation *v,
                                       const char    *field,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (3, 4);
gboolean       bel_validation_ok      (BelValidation *v);
gboolean       bel_validation_finish  (BelValidation *v,
                                       GError       **error);
void           bel_validation_free    (BelValidation *v);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelValidation, bel_validation_free)

void bel_set_invalid_field (GError    **error,
                            const char *field,
                            const char *format,
                            ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
