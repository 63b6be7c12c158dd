/* bel-client-board.h - the relationship map's calls of BelClient
 *
 * Rounds, marks, the board, comparisons and advocates (openapi.yaml, tag
 * "board" and "advocates").  Every call is asynchronous and cancellable;
 * failures are GErrors in BEL_ERROR with readable messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-advocate.h"
#include "bel-board-student.h"
#include "bel-client.h"
#include "bel-round.h"

G_BEGIN_DECLS

/* GPtrArray of BelRound, newest first */
void        bel_client_list_rounds_async      (BelClient          *client,
                                               gint64              school_id,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
GPtrArray  *bel_client_list_rounds_finish     (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

void        bel_client_create_round_async     (BelClient          *client,
                                               gint64              school_id,
                                               const char         *name,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
/* planned -> open, open -> closed */
void        bel_client_set_round_status_async (BelClient          *client,
                                               BelRound           *round,
                                               const char         *status,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
BelRound   *bel_client_round_finish           (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

/* The Board JSON; @query (nullable) holds filters: grade, advisory, subgroup, connection, q. */
void        bel_client_get_board_async        (BelClient          *client,
                                               gint64              round_id,
                                               GHashTable         *query,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
JsonNode   *bel_client_get_board_finish       (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

/* PUT (present) or DELETE a mark; both are idempotent. */
void        bel_client_set_mark_async         (BelClient          *client,
                                               gint64              round_id,
                                               gint64              student_id,
                                               gint64              account_id,
                                               BelMarkKind         kind,
                                               gboolean            present,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean    bel_client_set_mark_finish        (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

/* The Comparison JSON of two rounds of one school */
void        bel_client_compare_rounds_async   (BelClient          *client,
                                               gint64              round_id,
                                               gint64              other_round_id,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
JsonNode   *bel_client_compare_rounds_finish  (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

/* GPtrArray of BelAdvocate. account_id 0: everyone's; status NULL: current ones;
 * due_before NULL: any date. */
void        bel_client_list_advocates_async   (BelClient          *client,
                                               gint64              school_id,
                                               gint64              account_id,
                                               const char         *status,
                                               const char         *due_before,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
/* The signed-in staff member's own advocacy students */
void        bel_client_my_advocacy_async      (BelClient          *client,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
GPtrArray  *bel_client_advocates_finish       (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

void        bel_client_assign_advocate_async  (BelClient          *client,
                                               gint64              student_id,
                                               gint64              account_id,
                                               const char         *follow_up_on,
                                               const char         *note,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
/* Changes status (nullable) and follow_up_on (nullable) of @advocate at its version. */
void        bel_client_update_advocate_async  (BelClient          *client,
                                               BelAdvocate        *advocate,
                                               const char         *status,
                                               const char         *follow_up_on,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
BelAdvocate *bel_client_advocate_finish       (BelClient          *client,
                                               GAsyncResult       *result,
                                               GError            **error);

G_END_DECLS
