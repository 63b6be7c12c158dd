/* bel-client-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one "send a request, decode its JSON, finish the GTask" helper that
 * the area files (bel-client-board.c, bel-client-goals.c, …) share. Private
 * to common/: include it only from a bel-client-*.c file (and the fuzz targets).
 */
#pragma once

#include "bel-client.h"
#include "bel-error.h"
#include "bel-model.h"

G_BEGIN_DECLS

/* Turns the JSON of a successful reply into the value of the task (or NULL and
 * @error). @task is the typed call's task, to keep side results on it. */
typedef gpointer (*BelClientDecodeFunc) (JsonNode  *node,
                                         GTask     *task,
                                         GError   **error);

typedef struct {
  BelClientDecodeFunc decode;
  GDestroyNotify      free_func;
  GType               type;
} BelClientCall;

/* The GError of an error reply with HTTP @status and problem+json @body (which
 * may be anything): its field errors, detail or title, else the status's title. */
GError *bel_client_problem_error (guint   status,
                                  GBytes *body);
/* The same for the reply to @msg, and "try again in N minutes" for a 429 (bel-client-reply.c). */
GError *bel_client_reply_error   (SoupMessage *msg,
                                  GBytes      *body);
/* The JSON of a successful reply: JSON null for an empty body, a string for text/\*. */
JsonNode *bel_client_reply_parse (SoupMessage  *msg,
                                  GBytes       *body,
                                  GError      **error);

/* The member @name of the JSON object @node, or NULL. */
static inline JsonNode *
bel_client_json_member (JsonNode   *node,
                        const char *name)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), name);
}

/* The type of model a call made with bel_client_call_model/list() decodes. */
static inline GType
bel_client_call_get_model_type (GTask *task)
{
  return ((BelClientCall *) g_task_get_task_data (task))->type;
}

static inline gpointer
bel_client_decode_model (JsonNode *node, GTask *task, GError **error)
{
  return bel_model_new_from_json (bel_client_call_get_model_type (task), node, BEL_MODEL_TRUST, error);
}

/* A list reply: the models in its "items". */
static inline gpointer
bel_client_decode_list (JsonNode *node, GTask *task, GError **error)
{
  return bel_model_list_from_json (bel_client_call_get_model_type (task),
                                   bel_client_json_member (node, "items"), error);
}

static inline void
bel_client_call_decoded_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BelClientCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_request_finish (BEL_CLIENT (source), result, &error);
  gpointer value;

  if (node == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_FAILED, "The server answered nothing");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->decode == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      return;
    }
  value = call->decode (node, task, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, call->free_func);
}

/* Sends @method @path (with If-Match: @version when @version > 0, else with
 * @query) and finishes a task tagged @source_tag with what @decode makes of the
 * reply, freed with @free_func; @decode NULL: the reply's JSON itself.
 * @type: for bel_client_call_get_model_type(), or G_TYPE_INVALID. */
static inline void
bel_client_call_full (BelClient          *client,
                      const char         *method,
                      const char         *path,
                      GHashTable         *query,
                      JsonNode           *body,
                      gint64              version,
                      BelClientDecodeFunc decode,
                      GDestroyNotify      free_func,
                      GType               type,
                      gpointer            source_tag,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  BelClientCall *call = g_new0 (BelClientCall, 1);

  call->decode = decode;
  call->free_func = free_func;
  call->type = type;
  g_task_set_task_data (task, call, g_free);
  g_task_set_source_tag (task, source_tag);
  if (version > 0)
    bel_client_request_if_match_async (client, method, path, body, version, cancellable,
                                       bel_client_call_decoded_cb, task);
  else
    bel_client_request_async (client, method, path, query, body, cancellable,
                              bel_client_call_decoded_cb, task);
}

/* A call whose reply is one model of @type (a GObject). */
static inline void
bel_client_call_model (BelClient          *client,
                       const char         *method,
                       const char         *path,
                       JsonNode           *body,
                       gint64              version,
                       GType               type,
                       gpointer            source_tag,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  bel_client_call_full (client, method, path, NULL, body, version, bel_client_decode_model,
                        g_object_unref, type, source_tag, cancellable, callback, user_data);
}

/* A call whose reply is a list of models of @type (a GPtrArray). */
static inline void
bel_client_call_list (BelClient          *client,
                      const char         *method,
                      const char         *path,
                      GHashTable         *query,
                      GType               type,
                      gpointer            source_tag,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  bel_client_call_full (client, method, path, query, NULL, 0, bel_client_decode_list,
                        (GDestroyNotify) g_ptr_array_unref, type, source_tag, cancellable,
                        callback, user_data);
}

/* The value of a task made by bel_client_call_full() with @source_tag. */
static inline gpointer
bel_client_call_finish (BelClient     *client,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

G_END_DECLS
