/* bel-handlers-session.c - operations, signing in and out, the signed-in account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers.h"

#include "bel-accounts.h"
#include "bel-auth.h"
#include "bel-error.h"
#include "bel-event-hub.h"

void
bel_handle_healthz (BelRequest *request)
{
  bel_request_reply_text (request, SOUP_STATUS_OK, "ok\n");
}

void
bel_handle_readyz (BelRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (bel_store_ping (bel_engine_get_store (request->engine), &error))
    {
      bel_request_reply_text (request, SOUP_STATUS_OK, "ready\n");
      return;
    }
  g_warning ("Not ready: %s", error->message);
  g_clear_error (&error);
  g_set_error_literal (&error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "The database cannot be queried");
  bel_request_reply_error (request, error);
}

/* Credentials are no model object: they are checked here, field by field. */
static const char *
credential (JsonObject    *obj,
            const char    *field,
            guint          max_length,
            BelValidation *v)
{
  JsonNode *node = json_object_get_member (obj, field);
  const char *value;

  if (node == NULL)
    {
      bel_validation_add (v, field, "is required");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      bel_validation_add (v, field, "must be a string");
      return NULL;
    }
  value = json_node_get_string (node);
  if (*value == '\0')
    bel_validation_add (v, field, "must not be empty");
  else if (g_utf8_strlen (value, -1) > (glong) max_length)
    bel_validation_add (v, field, "must be at most %u characters", max_length);
  else
    return value;
  return NULL;
}

/* A JSON object with exactly the two string fields @first and @second. */
static gboolean
parse_pair (BelRequest  *request,
            const char  *first,
            guint        first_max,
            const char **first_value,
            const char  *second,
            const char **second_value,
            GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "Expected a JSON object");
      return FALSE;
    }
  obj = json_node_get_object (request->body);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, first) != 0 && g_strcmp0 (l->data, second) != 0)
      bel_validation_add (v, l->data, "is not a known field");
  *first_value = credential (obj, first, first_max, v);
  *second_value = credential (obj, second, 256, v);
  return bel_validation_finish (v, error);
}

static JsonNode *
session_json (BelSession *session)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autofree char *expires = g_date_time_format (session->expires_at, "%Y-%m-%dT%H:%M:%SZ");
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (obj, "token", session->token);
  json_object_set_string_member (obj, "expires_at", expires);
  json_object_set_member (obj, "account", bel_model_to_json (session->account));
  json_node_set_object (node, obj);
  return node;
}

static void
reply_retry_after (BelRequest *request,
                   gint64      retry_after)
{
  g_autofree char *seconds = NULL;

  if (retry_after <= 0)
    return;
  seconds = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg), "Retry-After", seconds);
}

static void
signed_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BelRequest) request = user_data;
  g_autoptr(BelSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 retry_after = 0;

  session = bel_auth_sign_in_finish (BEL_ENGINE (source), result, &retry_after, &error);
  if (session == NULL)
    {
      reply_retry_after (request, retry_after);
      bel_request_reply_error (request, error);
    }
  else
    {
      g_autoptr(JsonNode) node = session_json (session);
      bel_request_reply_json (request, SOUP_STATUS_CREATED, node);
    }
  bel_request_unpause (request);
}

void
bel_handle_session_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *username = NULL;
  const char *password = NULL;

  if (!parse_pair (request, "username", 64, &username, "password", &password, &error))
    {
      bel_request_reply_error (request, error);
      return;
    }
  bel_request_defer (request);
  bel_auth_sign_in_async (request->engine, username, password, request->client_address,
                          NULL, signed_in, bel_request_ref (request));
}

void
bel_handle_session_delete (BelRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!bel_auth_sign_out (request->engine, request->token, &error))
    {
      bel_request_reply_error (request, error);
      return;
    }
  /* The token's live event streams end with the session. */
  bel_event_hub_revalidate (bel_event_hub_get (request->engine));
  bel_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}

void
bel_handle_me (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;

  account = bel_accounts_get (request->engine, request->actor,
                              bel_resource_get_id (request->actor), &error);
  if (account == NULL)
    bel_request_reply_error (request, error);
  else
    bel_request_reply_resource (request, SOUP_STATUS_OK, account);
}

static void
password_changed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BelRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 retry_after = 0;

  if (!bel_auth_change_password_finish (BEL_ENGINE (source), result, &retry_after, &error))
    {
      reply_retry_after (request, retry_after);
      bel_request_reply_error (request, error);
    }
  else
    {
      /* The account's other sessions ended: so do their live event streams. */
      bel_event_hub_revalidate (bel_event_hub_get (request->engine));
      bel_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
    }
  bel_request_unpause (request);
}

void
bel_handle_my_password_put (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *current = NULL;
  const char *new_password = NULL;

  if (!parse_pair (request, "current_password", 256, &current, "new_password", &new_password, &error))
    {
      bel_request_reply_error (request, error);
      return;
    }
  bel_request_defer (request);
  bel_auth_change_password_async (request->engine, request->actor, request->token, current, new_password,
                                  request->client_address, NULL, password_changed, bel_request_ref (request));
}
