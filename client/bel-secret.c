/* bel-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-secret.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    BEL_APP_ID ".Session", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &schema;
}

void
bel_secret_store_token_async (const char         *server,
                              const char         *username,
                              const char         *token,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *label = g_strdup_printf (_("Belonging session for %s on %s"), username, server);

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, callback, user_data,
                         "server", server, "username", username, NULL);
}

gboolean
bel_secret_store_token_finish (GAsyncResult  *result,
                               GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
bel_secret_lookup_token_async (const char         *server,
                               const char         *username,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  secret_password_lookup (token_schema (), cancellable, callback, user_data,
                          "server", server, "username", username, NULL);
}

char *
bel_secret_lookup_token_finish (GAsyncResult  *result,
                                GError       **error)
{
  char *secret = secret_password_lookup_finish (result, error);
  char *token = g_strdup (secret);

  /* libsecret may hand out non-pageable memory; give callers a plain string. */
  if (secret != NULL)
    secret_password_free (secret);
  return token;
}

void
bel_secret_clear_token_async (const char         *server,
                              const char         *username,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  secret_password_clear (token_schema (), cancellable, callback, user_data,
                         "server", server, "username", username, NULL);
}

gboolean
bel_secret_clear_token_finish (GAsyncResult  *result,
                               GError       **error)
{
  return secret_password_clear_finish (result, error);
}
