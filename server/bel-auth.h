/* bel-auth.h - signing in and out, bearer tokens, failed sign-in limits
 *
 * The asynchronous sign-in and password change start on a worker of the
 * daemon (bel-workers.h): they read there, check the argon2id hash on GLib's
 * task threads, write on a worker again and call back on the main loop.
 * Failed sign-ins are counted per account and per client
 * address; over the limit, sign-in fails with BEL_ERROR_RATE_LIMITED and
 * @retry_after tells the seconds to wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine.h"
#include "bel-session.h"

G_BEGIN_DECLS

void        bel_auth_sign_in_async  (BelEngine            *engine,
                                     const char           *username,
                                     const char           *password,
                                     const char           *client_address,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
BelSession *bel_auth_sign_in_finish (BelEngine            *engine,
                                     GAsyncResult         *result,
                                     gint64               *retry_after,
                                     GError              **error);
/* The active account a valid, unexpired token belongs to (BEL_ERROR_UNAUTHORIZED otherwise). */
BelAccount *bel_auth_authenticate   (BelEngine            *engine,
                                     const char           *token,
                                     GError              **error);
/* Revokes the token's session at once. */
gboolean    bel_auth_sign_out       (BelEngine            *engine,
                                     const char           *token,
                                     GError              **error);

/* Changes @actor's own password.  @current_password must be right (wrong ones
 * count like failed sign-ins: 422 for field "current_password", then 429) and
 * @new_password must pass the policy.  Every other session of the account ends;
 * the session of @token stays signed in. */
void        bel_auth_change_password_async  (BelEngine           *engine,
                                             BelAccount          *actor,
                                             const char          *token,
                                             const char          *current_password,
                                             const char          *new_password,
                                             const char          *client_address,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    bel_auth_change_password_finish (BelEngine           *engine,
                                             GAsyncResult        *result,
                                             gint64              *retry_after,
                                             GError             **error);

G_END_DECLS
