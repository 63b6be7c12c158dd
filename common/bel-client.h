/* bel-client.h - asynchronous REST client of belongingd
 *
 * One BelClient talks to one daemon over one SoupSession.  Every call is
 * asynchronous and cancellable; failures arrive as GErrors in BEL_ERROR whose
 * messages are plain words a person can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bel-account.h"
#include "bel-student.h"
#include "bel-tls-pins.h"

G_BEGIN_DECLS

#define BEL_TYPE_CLIENT (bel_client_get_type ())
G_DECLARE_FINAL_TYPE (BelClient, bel_client, BEL, CLIENT, GObject)

/* Pass as grade to bel_client_list_students_async() to list every grade. */
#define BEL_CLIENT_ANY_GRADE G_MININT

char       *bel_client_normalize_address  (const char  *address,
                                           GError     **error);

BelClient  *bel_client_new                (const char  *base_url);
const char *bel_client_get_base_url       (BelClient   *self);
void        bel_client_set_base_url       (BelClient   *self,
                                           const char  *base_url);
const char *bel_client_get_token          (BelClient   *self);
void        bel_client_set_token          (BelClient   *self,
                                           const char  *token);
gboolean    bel_client_get_connected      (BelClient   *self);
BelAccount *bel_client_get_account        (BelClient   *self);

/* HTTPS: a certificate that verifies is accepted; otherwise only the one
 * pinned for the server (see bel-tls-pins.h).  A refused certificate fails
 * the request with BEL_ERROR_CERTIFICATE_UNTRUSTED or _CHANGED, emits
 * "certificate-refused", and is kept here to be shown to the person. */
void        bel_client_set_tls_pins       (BelClient   *self,
                                           BelTlsPins  *pins);
BelTlsPins *bel_client_get_tls_pins       (BelClient   *self);
GTlsCertificate *bel_client_get_refused_certificate (BelClient            *self,
                                                     GTlsCertificateFlags *errors);

/* Generic call: query (nullable) maps names to values, body (nullable) is sent
 * as JSON.  The result is the response's JSON, or a JSON null for an empty body. */
void        bel_client_request_async      (BelClient          *self,
                                           const char         *method,
                                           const char         *path,
                                           GHashTable         *query,
                                           JsonNode           *body,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
/* The same with If-Match: "version"; finish with bel_client_request_finish(). */
void        bel_client_request_if_match_async (BelClient      *self,
                                           const char         *method,
                                           const char         *path,
                                           JsonNode           *body,
                                           gint64              version,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
JsonNode   *bel_client_request_finish     (BelClient          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

void        bel_client_sign_in_async      (BelClient          *self,
                                           const char         *username,
                                           const char         *password,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
BelAccount *bel_client_sign_in_finish     (BelClient          *self,
                                           GAsyncResult       *result,
                                           char              **token,
                                           GError            **error);

void        bel_client_sign_out_async     (BelClient          *self,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean    bel_client_sign_out_finish    (BelClient          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

/* PUT /me/password: the account's other sessions end, this one stays (bel-client-account.c). */
void        bel_client_change_password_async  (BelClient          *self,
                                               const char         *current_password,
                                               const char         *new_password,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean    bel_client_change_password_finish (BelClient          *self,
                                               GAsyncResult       *result,
                                               GError            **error);

void        bel_client_get_me_async       (BelClient          *self,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
BelAccount *bel_client_get_me_finish      (BelClient          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

void        bel_client_list_schools_async (BelClient          *self,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
GPtrArray  *bel_client_list_schools_finish (BelClient         *self,
                                            GAsyncResult      *result,
                                            GError           **error);

void        bel_client_list_students_async (BelClient         *self,
                                            gint64             school_id,
                                            const char        *q,
                                            int                grade,
                                            gint64             advisory_id,
                                            const char        *cursor,
                                            guint              limit,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
GPtrArray  *bel_client_list_students_finish (BelClient        *self,
                                             GAsyncResult     *result,
                                             gint64           *total,
                                             char            **next_cursor,
                                             GError          **error);

void        bel_client_get_student_async  (BelClient          *self,
                                           gint64              student_id,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
BelStudent *bel_client_get_student_finish (BelClient          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

void        bel_client_list_advisories_async (BelClient       *self,
                                              gint64           school_id,
                                              GCancellable    *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer         user_data);
GPtrArray  *bel_client_list_advisories_finish (BelClient      *self,
                                               GAsyncResult   *result,
                                               GError        **error);

void        bel_client_list_staff_async   (BelClient          *self,
                                           gint64              school_id,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
GPtrArray  *bel_client_list_staff_finish  (BelClient          *self,
                                           GAsyncResult       *result,
                                           GError            **error);

G_END_DECLS
