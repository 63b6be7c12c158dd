/* bel-request.h - one API request as a route handler sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bel-engine.h"
#include "bel-model.h"

G_BEGIN_DECLS

typedef struct {
  SoupServerMessage *msg;
  BelEngine         *engine;
  BelAccount        *actor;          /* NULL on public routes */
  char              *token;          /* bearer token, never logged */
  char              *client_address; /* the peer; behind [server] trusted_proxies, the client they name */
  GHashTable        *params;         /* path parameter name -> value (ids already checked) */
  GHashTable        *query;          /* may be NULL */
  JsonNode          *body;           /* parsed JSON body on routes that take one */
  gboolean           deferred;       /* answered later: see bel_request_defer() */
} BelRequest;

BelRequest *bel_request_new            (SoupServerMessage *msg,
                                        BelEngine         *engine);
BelRequest *bel_request_ref            (BelRequest        *self);
void        bel_request_unref          (BelRequest        *self);

gint64      bel_request_get_id         (BelRequest        *self,
                                        const char        *param);
const char *bel_request_get_query      (BelRequest        *self,
                                        const char        *name);
/* Query parameters: each leaves the out value alone (or 0 where said) when
 * the parameter is absent, and fails with a 400 on a bad value. */
/* An id from 1 up; 0 when absent. */
gboolean    bel_request_query_id       (BelRequest        *self,
                                        const char        *name,
                                        gint64            *id,
                                        GError           **error);
/* ?grade= from -1 to 13. */
gboolean    bel_request_query_grade    (BelRequest        *self,
                                        gboolean          *has_grade,
                                        gint64            *grade,
                                        GError           **error);
/* ?limit= from 1 to 1000; 0 when absent. */
gboolean    bel_request_query_limit    (BelRequest        *self,
                                        guint             *limit,
                                        GError           **error);
/* A whole number from @min to @max; @present (may be NULL) says whether it was given. */
gboolean    bel_request_query_int      (BelRequest        *self,
                                        const char        *name,
                                        gint64             min,
                                        gint64             max,
                                        gboolean          *present,
                                        gint64            *value,
                                        GError           **error);
/* The version named by If-Match: 428 without one, 412 when it names none. */
gboolean    bel_request_get_if_match   (BelRequest        *self,
                                        gint64            *version,
                                        GError           **error);
/* The body decoded into a new model object of @type. */
gpointer    bel_request_decode         (BelRequest        *self,
                                        GType              type,
                                        BelModelMode       mode,
                                        GError           **error);
/* The JSON field names present in the body (the fields a PATCH changes). */
GStrv       bel_request_body_fields    (BelRequest        *self);

void        bel_request_reply_json     (BelRequest        *self,
                                        guint              status,
                                        JsonNode          *node);
/* Serializes a model object, with its version as ETag. */
void        bel_request_reply_resource (BelRequest        *self,
                                        guint              status,
                                        gpointer           resource);
/* {"items": [...]} from a GPtrArray of model objects. */
void        bel_request_reply_list     (BelRequest        *self,
                                        GPtrArray         *items);
void        bel_request_reply_text     (BelRequest        *self,
                                        guint              status,
                                        const char        *text);
void        bel_request_reply_empty    (BelRequest        *self,
                                        guint              status);
void        bel_request_reply_error    (BelRequest        *self,
                                        const GError      *error);

/* An engine call's result: @error when it is NULL, else the result. */
void        bel_request_reply_result      (BelRequest   *self,
                                           guint         status,
                                           gpointer      resource,
                                           const GError *error);
void        bel_request_reply_list_result (BelRequest   *self,
                                           GPtrArray    *items,
                                           const GError *error);
void        bel_request_reply_json_result (BelRequest   *self,
                                           JsonNode     *node,
                                           const GError *error);

/* Keep the connection waiting for an asynchronous handler. */
void        bel_request_pause          (BelRequest        *self);
void        bel_request_unpause        (BelRequest        *self);
/* A handler on a worker that answers later, from the main loop: the request
 * stays paused when the handler returns, until bel_request_unpause(). */
void        bel_request_defer          (BelRequest        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelRequest, bel_request_unref)

G_END_DECLS
