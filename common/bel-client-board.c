/* bel-client-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-board.h"

#include <glib/gi18n-lib.h>

#include "bel-error.h"
#include "bel-model.h"

typedef gpointer (*Decoder) (JsonNode *node, GError **error);

typedef struct {
  Decoder        decode;
  GDestroyNotify free_func;
} Call;

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_client_request_finish (BEL_CLIENT (source), result, &error);
  gpointer value;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  value = call->decode (node, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, call->free_func);
}

static void
call_full (BelClient          *client,
           const char         *method,
           const char         *path,
           GHashTable         *query,
           JsonNode           *body,
           gint64              version,
           Decoder             decode,
           GDestroyNotify      free_func,
           gpointer            source_tag,
           GCancellable       *cancellable,
           GAsyncReadyCallback callback,
           gpointer            user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->decode = decode;
  call->free_func = free_func;
  g_task_set_task_data (task, call, g_free);
  g_task_set_source_tag (task, source_tag);
  if (version > 0)
    bel_client_request_if_match_async (client, method, path, body, version, cancellable,
                                       decoded_cb, task);
  else
    bel_client_request_async (client, method, path, query, body, cancellable, decoded_cb, task);
}

static gpointer
propagate (BelClient     *client,
           GAsyncResult  *result,
           gpointer       source_tag,
           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
member (JsonNode   *node,
        const char *name)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), name);
}

static gpointer
decode_node (JsonNode *node, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED,
                           _("The server sent a reply Belonging could not read."));
      return NULL;
    }
  return json_node_ref (node);
}

static gpointer
decode_done (JsonNode *node, GError **error)
{
  return GINT_TO_POINTER (TRUE);
}

static gpointer
decode_rounds (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_ROUND, member (node, "items"), error);
}

static gpointer
decode_round (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_ROUND, node, BEL_MODEL_TRUST, error);
}

static gpointer
decode_advocates (JsonNode *node, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_ADVOCATE, member (node, "items"), error);
}

static gpointer
decode_advocate (JsonNode *node, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_ADVOCATE, node, BEL_MODEL_TRUST, error);
}

/* ---- rounds ---- */

void
bel_client_list_rounds_async (BelClient          *client,
                              gint64              school_id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", school_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call_full (client, "GET", path, NULL, NULL, 0, decode_rounds, (GDestroyNotify) g_ptr_array_unref,
             bel_client_list_rounds_async, cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_rounds_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return propagate (client, result, bel_client_list_rounds_async, error);
}

void
bel_client_create_round_async (BelClient          *client,
                               gint64              school_id,
                               const char         *name,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", school_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "open");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  call_full (client, "POST", path, NULL, body, 0, decode_round, g_object_unref,
             bel_client_round_finish, cancellable, callback, user_data);
}

void
bel_client_set_round_status_async (BelClient          *client,
                                   BelRound           *round,
                                   const char         *status,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_ROUND (round));
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, bel_resource_get_id (round));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  call_full (client, "PATCH", path, NULL, body, MAX (bel_resource_get_version (round), 1),
             decode_round, g_object_unref, bel_client_round_finish, cancellable, callback, user_data);
}

BelRound *
bel_client_round_finish (BelClient     *client,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate (client, result, bel_client_round_finish, error);
}

/* ---- the board ---- */

void
bel_client_get_board_async (BelClient          *client,
                            gint64              round_id,
                            GHashTable         *query,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", round_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call_full (client, "GET", path, query, NULL, 0, decode_node, (GDestroyNotify) json_node_unref,
             bel_client_get_board_async, cancellable, callback, user_data);
}

JsonNode *
bel_client_get_board_finish (BelClient     *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate (client, result, bel_client_get_board_async, error);
}

void
bel_client_set_mark_async (BelClient          *client,
                           gint64              round_id,
                           gint64              student_id,
                           gint64              account_id,
                           BelMarkKind         kind,
                           gboolean            present,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT "/%s",
                          round_id, student_id, account_id, bel_mark_kind_to_string (kind));
  call_full (client, present ? "PUT" : "DELETE", path, NULL, NULL, 0, decode_done, NULL,
             bel_client_set_mark_async, cancellable, callback, user_data);
}

gboolean
bel_client_set_mark_finish (BelClient     *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  return propagate (client, result, bel_client_set_mark_async, error) != NULL;
}

void
bel_client_compare_rounds_async (BelClient          *client,
                                 gint64              round_id,
                                 gint64              other_round_id,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/compare/%" G_GINT64_FORMAT,
                                           round_id, other_round_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  call_full (client, "GET", path, NULL, NULL, 0, decode_node, (GDestroyNotify) json_node_unref,
             bel_client_compare_rounds_async, cancellable, callback, user_data);
}

JsonNode *
bel_client_compare_rounds_finish (BelClient     *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate (client, result, bel_client_compare_rounds_async, error);
}

/* ---- advocates ---- */

void
bel_client_list_advocates_async (BelClient          *client,
                                 gint64              school_id,
                                 gint64              account_id,
                                 const char         *status,
                                 const char         *due_before,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advocates", school_id);
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_if_fail (BEL_IS_CLIENT (client));
  if (account_id > 0)
    g_hash_table_insert (query, "account", g_strdup_printf ("%" G_GINT64_FORMAT, account_id));
  if (status != NULL)
    g_hash_table_insert (query, "status", g_strdup (status));
  if (due_before != NULL)
    g_hash_table_insert (query, "due_before", g_strdup (due_before));
  call_full (client, "GET", path, query, NULL, 0, decode_advocates, (GDestroyNotify) g_ptr_array_unref,
             bel_client_advocates_finish, cancellable, callback, user_data);
}

void
bel_client_my_advocacy_async (BelClient          *client,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (BEL_IS_CLIENT (client));
  call_full (client, "GET", "/api/v1/me/advocacy", NULL, NULL, 0, decode_advocates,
             (GDestroyNotify) g_ptr_array_unref, bel_client_advocates_finish, cancellable, callback,
             user_data);
}

GPtrArray *
bel_client_advocates_finish (BelClient     *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate (client, result, bel_client_advocates_finish, error);
}

void
bel_client_assign_advocate_async (BelClient          *client,
                                  gint64              student_id,
                                  gint64              account_id,
                                  const char         *follow_up_on,
                                  const char         *note,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/advocates", student_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_int_value (builder, account_id);
  json_builder_set_member_name (builder, "follow_up_on");
  json_builder_add_string_value (builder, follow_up_on);
  if (note != NULL && *note != '\0')
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  call_full (client, "POST", path, NULL, body, 0, decode_advocate, g_object_unref,
             bel_client_advocate_finish, cancellable, callback, user_data);
}

void
bel_client_update_advocate_async (BelClient          *client,
                                  BelAdvocate        *advocate,
                                  const char         *status,
                                  const char         *follow_up_on,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_ADVOCATE (advocate));
  path = g_strdup_printf ("/api/v1/advocates/%" G_GINT64_FORMAT, bel_resource_get_id (advocate));
  json_builder_begin_object (builder);
  if (status != NULL)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status);
    }
  if (follow_up_on != NULL)
    {
      json_builder_set_member_name (builder, "follow_up_on");
      json_builder_add_string_value (builder, follow_up_on);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  call_full (client, "PATCH", path, NULL, body, MAX (bel_resource_get_version (advocate), 1),
             decode_advocate, g_object_unref, bel_client_advocate_finish, cancellable, callback,
             user_data);
}

BelAdvocate *
bel_client_advocate_finish (BelClient     *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  return propagate (client, result, bel_client_advocate_finish, error);
}
