/* bel-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-error.h"

#include <string.h>

G_DEFINE_QUARK (bel-error-quark, bel_error)

static const struct {
  BelErrorCode code;
  guint status;
  const char *slug;
  const char *title;
} codes[] = {
  { BEL_ERROR_FAILED, 500, "internal", "Internal server error" },
  { BEL_ERROR_BAD_REQUEST, 400, "bad-request", "Bad request" },
  { BEL_ERROR_UNAUTHORIZED, 401, "unauthorized", "Sign-in required" },
  { BEL_ERROR_FORBIDDEN, 403, "forbidden", "Not allowed" },
  { BEL_ERROR_NOT_FOUND, 404, "not-found", "Not found" },
  { BEL_ERROR_METHOD_NOT_ALLOWED, 405, "method-not-allowed", "Method not allowed" },
  { BEL_ERROR_CONFLICT, 409, "conflict", "Conflict" },
  { BEL_ERROR_PRECONDITION_FAILED, 412, "precondition-failed", "Changed by someone else" },
  { BEL_ERROR_TOO_LARGE, 413, "too-large", "Request too large" },
  { BEL_ERROR_UNSUPPORTED_MEDIA, 415, "unsupported-media-type", "Unsupported media type" },
  { BEL_ERROR_INVALID, 422, "invalid", "Invalid request" },
  { BEL_ERROR_PRECONDITION_REQUIRED, 428, "precondition-required", "If-Match required" },
  { BEL_ERROR_RATE_LIMITED, 429, "rate-limited", "Too many attempts" },
  { BEL_ERROR_HEADERS_TOO_LARGE, 431, "headers-too-large", "Request headers too large" },
  { BEL_ERROR_UNAVAILABLE, 503, "unavailable", "Service unavailable" },
  { BEL_ERROR_NETWORK, 0, "network", "Server unreachable" },
  { BEL_ERROR_CERTIFICATE_UNTRUSTED, 0, "certificate-untrusted", "Server certificate not trusted" },
  { BEL_ERROR_CERTIFICATE_CHANGED, 0, "certificate-changed", "Server certificate changed" },
};

static guint
code_index (BelErrorCode code)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].code == code)
      return i;
  return 0;
}

guint
bel_error_to_status (const GError *error)
{
  g_return_val_if_fail (error != NULL, 500);

  if (error->domain != BEL_ERROR)
    return 500;
  return codes[code_index (error->code)].status;
}

BelErrorCode
bel_error_from_status (guint status)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].status == status)
      return codes[i].code;
  if (status >= 500)
    return BEL_ERROR_FAILED;
  return BEL_ERROR_BAD_REQUEST;
}

const char *
bel_error_title (BelErrorCode code)
{
  return codes[code_index (code)].title;
}

const char *
bel_error_type_uri (BelErrorCode code)
{
  static GHashTable *uris;
  static GMutex lock;
  const char *uri;

  g_mutex_lock (&lock);
  if (uris == NULL)
    {
      uris = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        g_hash_table_insert (uris, GUINT_TO_POINTER (codes[i].code),
                             g_strconcat ("https://belonging.app/problems/", codes[i].slug, NULL));
    }
  uri = g_hash_table_lookup (uris, GUINT_TO_POINTER (code));
  g_mutex_unlock (&lock);
  return uri;
}

void
bel_field_error_free (BelFieldError *fe)
{
  if (fe == NULL)
    return;
  g_free (fe->field);
  g_free (fe->message);
  g_free (fe);
}

char *
bel_error_excerpt (const char *text,
                   glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  return g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), max_chars));
}

GPtrArray *
bel_error_get_field_errors (const GError *error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_field_error_free);
  g_auto(GStrv) lines = NULL;

  if (error == NULL || !g_error_matches (error, BEL_ERROR, BEL_ERROR_INVALID))
    return out;

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *sep = strstr (lines[i], ": ");
      BelFieldError *fe;

      if (sep == NULL)
        continue;
      fe = g_new0 (BelFieldError, 1);
      fe->field = g_strndup (lines[i], sep - lines[i]);
      fe->message = g_strdup (sep + 2);
      g_ptr_array_add (out, fe);
    }
  return out;
}

struct _BelValidation {
  GString *lines;
};

BelValidation *
bel_validation_new (void)
{
  BelValidation *v = g_new0 (BelValidation, 1);
  v->lines = g_string_new (NULL);
  return v;
}

void
bel_validation_add (BelValidation *v,
                    const char    *field,
                    const char    *format,
                    ...)
{
  va_list args;

  if (v->lines->len > 0)
    g_string_append_c (v->lines, '\n');
  g_string_append_printf (v->lines, "%s: ", field);
  va_start (args, format);
  g_string_append_vprintf (v->lines, format, args);
  va_end (args);
}

gboolean
bel_validation_ok (BelValidation *v)
{
  return v->lines->len == 0;
}

gboolean
bel_validation_finish (BelValidation *v,
                       GError       **error)
{
  if (bel_validation_ok (v))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, v->lines->str);
  return FALSE;
}

void
bel_validation_free (BelValidation *v)
{
  if (v == NULL)
    return;
  g_string_free (v->lines, TRUE);
  g_free (v);
}

void
bel_set_invalid_field (GError    **error,
                       const char *field,
                       const char *format,
                       ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, "%s: %s", field, msg);
}
