/* bel-client-profiles.h - the student profile calls of BelClient
 *
 * Profiles, entries (add, correct, edit within 24 hours with If-Match), the
 * handoff, the record export, the full-text search and the school's audit
 * log (openapi.yaml, tags "profiles" and "audit").  Every call is
 * asynchronous and cancellable; failures are GErrors in BEL_ERROR with
 * readable messages (a stale edit is BEL_ERROR_PRECONDITION_FAILED).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-client.h"
#include "bel-handoff.h"
#include "bel-profile-entry.h"

G_BEGIN_DECLS

/* GPtrArray of BelProfileSectionEntries, in display order (strengths first). */
void        bel_client_get_profile_async        (BelClient          *client,
                                                 gint64              student_id,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GPtrArray  *bel_client_get_profile_finish       (BelClient          *client,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* Sends section, body, observed_on, supersedes_id (a correction) and the
 * fields of the section's kind that are set on @entry. */
void        bel_client_add_profile_entry_async  (BelClient          *client,
                                                 gint64              student_id,
                                                 BelProfileEntry    *entry,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
/* PATCH of @changes' body, observed_on and kind fields, If-Match: @version. */
void        bel_client_edit_profile_entry_async (BelClient          *client,
                                                 gint64              entry_id,
                                                 gint64              version,
                                                 BelProfileEntry    *changes,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
void        bel_client_get_profile_entry_async  (BelClient          *client,
                                                 gint64              entry_id,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
/* Finishes the three entry calls above. */
BelProfileEntry *bel_client_profile_entry_finish (BelClient         *client,
                                                 GAsyncResult       *result,
                                                 GError            **error);

void        bel_client_get_handoff_async        (BelClient          *client,
                                                 gint64              student_id,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
BelHandoff *bel_client_get_handoff_finish       (BelClient          *client,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* @format "json" or "pdf"; the bytes as the daemon sent them. */
void        bel_client_export_record_async      (BelClient          *client,
                                                 gint64              student_id,
                                                 const char         *format,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GBytes     *bel_client_export_record_finish     (BelClient          *client,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* GPtrArray of BelProfileSearchHit, best first; @cursor (nullable) pages on. */
void        bel_client_search_profiles_async    (BelClient          *client,
                                                 gint64              school_id,
                                                 const char         *q,
                                                 guint               limit,
                                                 const char         *cursor,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GPtrArray  *bel_client_search_profiles_finish   (BelClient          *client,
                                                 GAsyncResult       *result,
                                                 char              **next_cursor,
                                                 GError            **error);

/* GPtrArray of BelAuditEntry, newest first; @filters (nullable) maps the
 * query names actor, student, action, section, since, until to values. */
void        bel_client_list_audit_async         (BelClient          *client,
                                                 gint64              school_id,
                                                 GHashTable         *filters,
                                                 guint               limit,
                                                 const char         *cursor,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GPtrArray  *bel_client_list_audit_finish        (BelClient          *client,
                                                 GAsyncResult       *result,
                                                 char              **next_cursor,
                                                 GError            **error);

G_END_DECLS
