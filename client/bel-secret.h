/* bel-secret.h - the session token in the login keyring ("Remember me")
 *
 * Only the session token is ever stored, never the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      bel_secret_store_token_async   (const char         *server,
                                          const char         *username,
                                          const char         *token,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
gboolean  bel_secret_store_token_finish  (GAsyncResult       *result,
                                          GError            **error);
void      bel_secret_lookup_token_async  (const char         *server,
                                          const char         *username,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
char     *bel_secret_lookup_token_finish (GAsyncResult       *result,
                                          GError            **error);
void      bel_secret_clear_token_async   (const char         *server,
                                          const char         *username,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
gboolean  bel_secret_clear_token_finish  (GAsyncResult       *result,
                                          GError            **error);

G_END_DECLS
