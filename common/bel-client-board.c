/* bel-client-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-board.h"
#include "bel-client-private.h"

#include <glib/gi18n-lib.h>

#include "bel-error.h"
#include "bel-model.h"

static gpointer
decode_node (JsonNode *node, GTask *task, GError **error)
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
decode_done (JsonNode *node, GTask *task, GError **error)
{
  return GINT_TO_POINTER (TRUE);
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
  bel_client_call_list (client, "GET", path, NULL, BEL_TYPE_ROUND,
                        bel_client_list_rounds_async, cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_rounds_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_list_rounds_async, error);
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_ROUND,
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
  bel_client_call_model (client, "PATCH", path, body, MAX (bel_resource_get_version (round), 1),
                         BEL_TYPE_ROUND, bel_client_round_finish, cancellable, callback, user_data);
}

BelRound *
bel_client_round_finish (BelClient     *client,
                         GAsyncResult  *result,
                         GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_round_finish, error);
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
  bel_client_call_full (client, "GET", path, query, NULL, 0, decode_node,
                        (GDestroyNotify) json_node_unref, G_TYPE_INVALID, bel_client_get_board_async,
                        cancellable, callback, user_data);
}

JsonNode *
bel_client_get_board_finish (BelClient     *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_get_board_async, error);
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
  bel_client_call_full (client, present ? "PUT" : "DELETE", path, NULL, NULL, 0, decode_done, NULL,
                        G_TYPE_INVALID, bel_client_set_mark_async, cancellable, callback, user_data);
}

gboolean
bel_client_set_mark_finish (BelClient     *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_set_mark_async, error) != NULL;
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
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, decode_node,
                        (GDestroyNotify) json_node_unref, G_TYPE_INVALID, bel_client_compare_rounds_async,
                        cancellable, callback, user_data);
}

JsonNode *
bel_client_compare_rounds_finish (BelClient     *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_compare_rounds_async, error);
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
  bel_client_call_list (client, "GET", path, query, BEL_TYPE_ADVOCATE,
                        bel_client_advocates_finish, cancellable, callback, user_data);
}

void
bel_client_my_advocacy_async (BelClient          *client,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_list (client, "GET", "/api/v1/me/advocacy", NULL, BEL_TYPE_ADVOCATE,
                        bel_client_advocates_finish, cancellable, callback, user_data);
}

GPtrArray *
bel_client_advocates_finish (BelClient     *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_advocates_finish, error);
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
  bel_client_call_model (client, "POST", path, body, 0, BEL_TYPE_ADVOCATE,
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
  bel_client_call_model (client, "PATCH", path, body, MAX (bel_resource_get_version (advocate), 1),
                         BEL_TYPE_ADVOCATE, bel_client_advocate_finish, cancellable, callback,
                         user_data);
}

BelAdvocate *
bel_client_advocate_finish (BelClient     *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_advocate_finish, error);
}
