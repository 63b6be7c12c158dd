/* bel-password.c
 *
 * Argon2id with libsodium's INTERACTIVE limits (2 passes, 64 MiB): about a
 * tenth of a second per hash, which makes guessing slow while a sign-in stays
 * quick.  The daemon verifies in a worker thread (bel-auth.c) so that other
 * requests are not held up meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-password.h"

#include <sodium.h>
#include <string.h>

#include "bel-error.h"

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, "libsodium could not be initialized");
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_password_check_policy (const char  *password,
                           GError     **error)
{
  glong len;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      bel_set_invalid_field (error, "password", "is required");
      return FALSE;
    }
  len = g_utf8_strlen (password, -1);
  if (len < BEL_PASSWORD_MIN_LENGTH)
    {
      bel_set_invalid_field (error, "password", "must be at least %d characters",
                             BEL_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (len > BEL_PASSWORD_MAX_LENGTH)
    {
      bel_set_invalid_field (error, "password", "must be at most %d characters",
                             BEL_PASSWORD_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

char *
bel_password_hash (const char  *password,
                   GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED, "Out of memory while hashing a password");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
bel_password_verify (const char *hash,
                     const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
