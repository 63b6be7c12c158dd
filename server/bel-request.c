/* bel-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-request.h"

#include <string.h>

#include "bel-error.h"
#include "bel-problem.h"

/* The address of the client: the peer, or behind trusted proxies the
 * rightmost address of X-Forwarded-For that is not one of them (each proxy
 * appends the address it received the request from; what comes before that
 * is the client's word and is not trusted). */
static char *
client_address (SoupServerMessage *msg,
                BelConfig         *config)
{
  const char *peer = soup_server_message_get_remote_host (msg);
  const char *forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                         "X-Forwarded-For");
  g_auto(GStrv) hops = NULL;
  const char *client = peer;

  if (forwarded == NULL || !bel_config_is_trusted_proxy (config, peer))
    return g_strdup (peer);
  hops = g_strsplit (forwarded, ",", -1);
  for (guint i = g_strv_length (hops); i > 0; i--)
    {
      const char *hop = g_strstrip (hops[i - 1]);

      if (!g_hostname_is_ip_address (hop))
        break;
      client = hop;
      if (!bel_config_is_trusted_proxy (config, hop))
        break;
    }
  return g_strdup (client);
}

BelRequest *
bel_request_new (SoupServerMessage *msg,
                 BelEngine         *engine)
{
  BelRequest *self = g_atomic_rc_box_new0 (BelRequest);

  self->msg = g_object_ref (msg);
  self->engine = g_object_ref (engine);
  self->client_address = client_address (msg, bel_engine_get_config (engine));
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

BelRequest *
bel_request_ref (BelRequest *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
bel_request_clear (gpointer data)
{
  BelRequest *self = data;

  g_clear_object (&self->msg);
  g_clear_object (&self->engine);
  g_clear_object (&self->actor);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->client_address, g_free);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->body, json_node_unref);
}

void
bel_request_unref (BelRequest *self)
{
  g_atomic_rc_box_release_full (self, bel_request_clear);
}

gint64
bel_request_get_id (BelRequest *self,
                    const char *param)
{
  const char *value = g_hash_table_lookup (self->params, param);

  g_return_val_if_fail (value != NULL, 0);
  return g_ascii_strtoll (value, NULL, 10);
}

const char *
bel_request_get_query (BelRequest *self,
                       const char *name)
{
  return self->query ? g_hash_table_lookup (self->query, name) : NULL;
}

gboolean
bel_request_query_id (BelRequest  *self,
                      const char  *name,
                      gint64      *id,
                      GError     **error)
{
  const char *text = bel_request_get_query (self, name);
  guint64 value = 0;

  *id = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "%s: must be an id", name);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

gboolean
bel_request_query_grade (BelRequest  *self,
                         gboolean    *has_grade,
                         gint64      *grade,
                         GError     **error)
{
  const char *text = bel_request_get_query (self, "grade");

  *has_grade = text != NULL;
  if (text == NULL || g_ascii_string_to_signed (text, 10, -1, 13, grade, NULL))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "grade: must be a grade from -1 to 13");
  return FALSE;
}

gboolean
bel_request_query_limit (BelRequest  *self,
                         guint       *limit,
                         GError     **error)
{
  const char *text = bel_request_get_query (self, "limit");
  guint64 value = 0;

  *limit = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 1000, &value, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "limit: must be from 1 to 1000");
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

gboolean
bel_request_query_int (BelRequest  *self,
                       const char  *name,
                       gint64       min,
                       gint64       max,
                       gboolean    *present,
                       gint64      *value,
                       GError     **error)
{
  const char *text = bel_request_get_query (self, name);

  if (present != NULL)
    *present = text != NULL;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "%s: must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                   name, min, max);
      return FALSE;
    }
  return TRUE;
}

gboolean
bel_request_get_if_match (BelRequest  *self,
                          gint64      *version,
                          GError     **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (self->msg);
  const char *value = soup_message_headers_get_one (headers, "If-Match");
  g_autofree char *trimmed = NULL;
  gsize len;
  guint64 parsed;

  if (value == NULL)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_PRECONDITION_REQUIRED,
                           "Send If-Match with the ETag of the version you are changing");
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (value));
  if (strcmp (trimmed, "*") == 0)
    {
      *version = 0;
      return TRUE;
    }
  len = strlen (trimmed);
  if (len < 3 || len > 22 || trimmed[0] != '"' || trimmed[len - 1] != '"')
    goto stale;
  trimmed[len - 1] = '\0';
  if (!g_ascii_string_to_unsigned (trimmed + 1, 10, 1, G_MAXINT64, &parsed, NULL))
    goto stale;
  *version = (gint64) parsed;
  return TRUE;

stale:
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_PRECONDITION_FAILED,
                       "If-Match does not name a version of this resource");
  return FALSE;
}

gpointer
bel_request_decode (BelRequest    *self,
                    GType          type,
                    BelModelMode   mode,
                    GError       **error)
{
  g_return_val_if_fail (self->body != NULL, NULL);

  return bel_model_new_from_json (type, self->body, mode, error);
}

GStrv
bel_request_body_fields (BelRequest *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (self->body != NULL && JSON_NODE_HOLDS_OBJECT (self->body))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (self->body));
      for (GList *l = members; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  return g_strv_builder_end (builder);
}

void
bel_request_reply_json (BelRequest *self,
                        guint       status,
                        JsonNode   *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *body;

  json_generator_set_root (generator, node);
  body = json_generator_to_data (generator, &length);
  soup_server_message_set_status (self->msg, status, NULL);
  /* The message takes the body: a board is hundreds of kilobytes, not worth copying. */
  soup_server_message_set_response (self->msg, "application/json", SOUP_MEMORY_TAKE, body, length);
}

void
bel_request_reply_resource (BelRequest *self,
                            guint       status,
                            gpointer    resource)
{
  g_autoptr(JsonNode) node = bel_model_to_json (resource);
  GObjectClass *klass = G_OBJECT_GET_CLASS (resource);

  if (g_object_class_find_property (klass, "version") != NULL)
    {
      g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                                               bel_resource_get_version (resource));
      soup_message_headers_replace (soup_server_message_get_response_headers (self->msg),
                                    "ETag", etag);
    }
  bel_request_reply_json (self, status, node);
}

void
bel_request_reply_list (BelRequest *self,
                        GPtrArray  *items)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, bel_model_to_json (g_ptr_array_index (items, i)));
  json_object_set_array_member (obj, "items", g_steal_pointer (&array));
  json_node_set_object (node, obj);
  bel_request_reply_json (self, SOUP_STATUS_OK, node);
}

void
bel_request_reply_text (BelRequest *self,
                        guint       status,
                        const char *text)
{
  soup_server_message_set_status (self->msg, status, NULL);
  soup_server_message_set_response (self->msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

void
bel_request_reply_empty (BelRequest *self,
                         guint       status)
{
  soup_server_message_set_status (self->msg, status, NULL);
}

void
bel_request_reply_error (BelRequest   *self,
                         const GError *error)
{
  bel_problem_reply (self->msg, error);
}

void
bel_request_reply_result (BelRequest   *self,
                          guint         status,
                          gpointer      resource,
                          const GError *error)
{
  if (resource == NULL)
    bel_request_reply_error (self, error);
  else
    bel_request_reply_resource (self, status, resource);
}

void
bel_request_reply_list_result (BelRequest   *self,
                               GPtrArray    *items,
                               const GError *error)
{
  if (items == NULL)
    bel_request_reply_error (self, error);
  else
    bel_request_reply_list (self, items);
}

void
bel_request_reply_json_result (BelRequest   *self,
                               JsonNode     *node,
                               const GError *error)
{
  if (node == NULL)
    bel_request_reply_error (self, error);
  else
    bel_request_reply_json (self, SOUP_STATUS_OK, node);
}

/* The client may go away while its request waits (a closed laptop lid during
 * the password check): libsoup then has nothing left to unpause. */
static void
message_gone (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "bel-request-gone", GINT_TO_POINTER (TRUE));
}

void
bel_request_pause (BelRequest *self)
{
  g_signal_connect (self->msg, "disconnected", G_CALLBACK (message_gone), NULL);
  g_signal_connect (self->msg, "finished", G_CALLBACK (message_gone), NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  soup_server_message_pause (self->msg);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
bel_request_defer (BelRequest *self)
{
  self->deferred = TRUE;
}

void
bel_request_unpause (BelRequest *self)
{
  if (g_object_get_data (G_OBJECT (self->msg), "bel-request-gone") != NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  soup_server_message_unpause (self->msg);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
