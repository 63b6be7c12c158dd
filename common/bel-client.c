/* bel-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client.h"
#include "bel-client-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bel-advisory.h"
#include "bel-error.h"
#include "bel-json.h"
#include "bel-membership.h"
#include "bel-model.h"
#include "bel-school.h"
#include "bel-tls-pins.h"

#define REQUEST_TIMEOUT_SECONDS 20

struct _BelClient
{
  GObject      parent_instance;

  SoupSession         *session;
  char                *base_url;
  char                *token;
  BelAccount          *account;
  gboolean             connected;
  BelTlsPins          *pins;
  GTlsCertificate     *refused;        /* the last certificate a handshake refused */
  GTlsCertificateFlags refused_errors;
};

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_CONNECTED,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  CERTIFICATE_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelClient, bel_client, G_TYPE_OBJECT)

typedef enum {
  REQUEST_NONE = 0,
  REQUEST_NO_EXPIRY = 1 << 0, /* a 401 means wrong credentials, not an expired session */
} RequestFlags;

typedef struct {
  SoupMessage  *msg;
  RequestFlags  flags;
} Request;

static void
request_free (Request *req)
{
  g_clear_object (&req->msg);
  g_free (req);
}

static void
bel_client_finalize (GObject *object)
{
  BelClient *self = BEL_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->account);
  g_clear_object (&self->pins);
  g_clear_object (&self->refused);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  G_OBJECT_CLASS (bel_client_parent_class)->finalize (object);
}

static void
bel_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BelClient *self = BEL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BelClient *self = BEL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      bel_client_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bel_client_class_init (BelClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bel_client_finalize;
  object_class->get_property = bel_client_get_property;
  object_class->set_property = bel_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, BEL_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A request made with a token was refused with 401: the session ended. */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The server's HTTPS certificate was refused (GError *error: CERTIFICATE_UNTRUSTED or
   * CERTIFICATE_CHANGED); bel_client_get_refused_certificate() tells which certificate. */
  signals[CERTIFICATE_REFUSED] =
    g_signal_new ("certificate-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bel_client_init (BelClient *self)
{
  self->connected = TRUE;
  bel_client_set_tls_pins (self, NULL);
}

/* Accepts what people type ("school.example.org:8765") and returns a URL
 * without a trailing slash ("http://school.example.org:8765"). */
char *
bel_client_normalize_address (const char  *address,
                              GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (address ? address : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  gsize len;

  if (*text == '\0')
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID,
                           _("Enter the address of your school's Belonging server."));
      return NULL;
    }
  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("http://", text, NULL);
  else
    with_scheme = g_strdup (text);
  len = strlen (with_scheme);
  while (len > 0 && with_scheme[len - 1] == '/')
    with_scheme[--len] = '\0';

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   _("“%s” is not a server address. It looks like “belonging.school.org” or “http://localhost:8765”."),
                   text);
      return NULL;
    }
  return g_steal_pointer (&with_scheme);
}

/* Connections made under other pins must not serve the next requests: they go
 * through a new session, while those under way finish in the old one (aborting
 * it could leave a connection being made to hang the next requests). */
static void
pins_changed (BelClient *self)
{
  g_clear_object (&self->session);
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", REQUEST_TIMEOUT_SECONDS,
                                "user-agent", "Belonging/" PACKAGE_VERSION " ",
                                NULL);
}

/* The certificates the person trusted (NULL: a new, empty set in memory). */
void
bel_client_set_tls_pins (BelClient  *self,
                         BelTlsPins *pins)
{
  g_return_if_fail (BEL_IS_CLIENT (self));
  g_return_if_fail (pins == NULL || BEL_IS_TLS_PINS (pins));

  if (self->pins != NULL)
    g_signal_handlers_disconnect_by_data (self->pins, self);
  g_clear_object (&self->pins);
  self->pins = pins ? g_object_ref (pins) : bel_tls_pins_new (NULL);
  g_signal_connect_swapped (self->pins, "changed", G_CALLBACK (pins_changed), self);
  pins_changed (self);
}

BelTlsPins *
bel_client_get_tls_pins (BelClient *self)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), NULL);
  return self->pins;
}

GTlsCertificate *
bel_client_get_refused_certificate (BelClient            *self,
                                    GTlsCertificateFlags *errors)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), NULL);

  if (errors != NULL)
    *errors = self->refused_errors;
  return self->refused;
}

/* A request failed because the server's certificate was refused. */
static GError *
certificate_refused (BelClient   *self,
                     SoupMessage *msg)
{
  GError *error = bel_tls_pins_refusal_error (self->pins, self->base_url);
  GTlsCertificate *peer = bel_tls_pins_get_refused (msg, &self->refused_errors);

  g_set_object (&self->refused, peer);
  g_signal_emit (self, signals[CERTIFICATE_REFUSED], 0, error);
  return error;
}

BelClient *
bel_client_new (const char *base_url)
{
  return g_object_new (BEL_TYPE_CLIENT, "base-url", base_url, NULL);
}

const char *
bel_client_get_base_url (BelClient *self)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), NULL);
  return self->base_url;
}

void
bel_client_set_base_url (BelClient  *self,
                         const char *base_url)
{
  g_autofree char *url = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));

  url = bel_client_normalize_address (base_url, NULL);
  if (url == NULL)
    url = g_strdup (base_url ? base_url : "");
  if (g_strcmp0 (url, self->base_url) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
bel_client_get_token (BelClient *self)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), NULL);
  return self->token;
}

void
bel_client_set_token (BelClient  *self,
                      const char *token)
{
  g_return_if_fail (BEL_IS_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = (token && *token) ? g_strdup (token) : NULL;
  if (self->token == NULL && self->account != NULL)
    {
      g_clear_object (&self->account);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
    }
}

gboolean
bel_client_get_connected (BelClient *self)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), FALSE);
  return self->connected;
}

BelAccount *
bel_client_get_account (BelClient *self)
{
  g_return_val_if_fail (BEL_IS_CLIENT (self), NULL);
  return self->account;
}

static void
set_connected (BelClient *self,
               gboolean   connected)
{
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static void
set_account (BelClient  *self,
             BelAccount *account)
{
  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

static void
request_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BelClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonNode *node;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        {
          g_task_return_error (task, certificate_refused (self, req->msg));
          return;
        }
      g_debug ("Request failed: %s", error->message);
      set_connected (self, FALSE);
      g_task_return_new_error (task, BEL_ERROR, BEL_ERROR_NETWORK,
                               _("Can't reach the server at %s."), self->base_url);
      return;
    }

  set_connected (self, TRUE);
  status = soup_message_get_status (req->msg);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      node = bel_client_reply_parse (req->msg, body, &error);
      if (node == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
      return;
    }

  error = bel_client_reply_error (req->msg, body);
  if (status == SOUP_STATUS_UNAUTHORIZED && !(req->flags & REQUEST_NO_EXPIRY) && self->token != NULL)
    {
      bel_client_set_token (self, NULL);
      g_signal_emit (self, signals[SESSION_EXPIRED], 0);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
send_request_full (BelClient          *self,
                   const char         *method,
                   const char         *path,
                   GHashTable         *query,
                   JsonNode           *body,
                   const char         *if_match,
                   RequestFlags        flags,
                   GCancellable       *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer            user_data,
                   gpointer            source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = NULL;
  g_autofree char *encoded = NULL;
  SoupMessageHeaders *headers;
  Request *req;

  g_task_set_source_tag (task, source_tag);
  if (query != NULL && g_hash_table_size (query) > 0)
    encoded = soup_form_encode_hash (query);
  url = g_strconcat (self->base_url ? self->base_url : "", path,
                     encoded ? "?" : "", encoded ? encoded : "", NULL);

  req = g_new0 (Request, 1);
  req->flags = flags;
  req->msg = soup_message_new (method, url);
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);
  if (req->msg == NULL)
    {
      set_connected (self, FALSE);
      g_task_return_new_error (task, BEL_ERROR, BEL_ERROR_NETWORK,
                               _("Can't reach the server at %s."), self->base_url);
      return;
    }

  bel_tls_pins_watch (self->pins, req->msg);
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      gsize len = 0;
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = NULL;

      len = strlen (text);
      bytes = g_bytes_new_take (text, len);
      soup_message_set_request_body_from_bytes (req->msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, req->msg, G_PRIORITY_DEFAULT, cancellable,
                                    request_cb, g_steal_pointer (&task));
}

static void
send_request (BelClient          *self,
              const char         *method,
              const char         *path,
              GHashTable         *query,
              JsonNode           *body,
              RequestFlags        flags,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data,
              gpointer            source_tag)
{
  send_request_full (self, method, path, query, body, NULL, flags, cancellable, callback,
                     user_data, source_tag);
}

/* Like bel_client_request_async(), with If-Match: "VERSION" for resources that carry a version. */
void
bel_client_request_if_match_async (BelClient          *self,
                                   const char         *method,
                                   const char         *path,
                                   JsonNode           *body,
                                   gint64              version,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autofree char *etag = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
  send_request_full (self, method, path, NULL, body, etag, REQUEST_NONE, cancellable, callback,
                     user_data, bel_client_request_async);
}

void
bel_client_request_async (BelClient          *self,
                          const char         *method,
                          const char         *path,
                          GHashTable         *query,
                          JsonNode           *body,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_return_if_fail (BEL_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  send_request (self, method, path, query, body, REQUEST_NONE, cancellable, callback, user_data,
                bel_client_request_async);
}

JsonNode *
bel_client_request_finish (BelClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- typed calls: each decodes the JSON of a generic request ---- */

typedef gpointer (*Decoder) (BelClient *self, GTask *task, JsonNode *node, GError **error);

static void
decoded_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BelClient *self = BEL_CLIENT (source);
  Decoder decode = g_object_get_data (G_OBJECT (task), "bel-decoder");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gpointer value;

  node = g_task_propagate_pointer (G_TASK (result), &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  value = decode (self, task, node, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, g_object_get_data (G_OBJECT (task), "bel-free"));
}

static void
call (BelClient          *self,
      const char         *method,
      const char         *path,
      GHashTable         *query,
      JsonNode           *body,
      RequestFlags        flags,
      Decoder             decode,
      GDestroyNotify      free_func,
      GCancellable       *cancellable,
      GAsyncReadyCallback callback,
      gpointer            user_data,
      gpointer            source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_object_set_data (G_OBJECT (task), "bel-decoder", decode);
  g_object_set_data (G_OBJECT (task), "bel-free", free_func);
  send_request (self, method, path, query, body, flags, cancellable, decoded_cb, task,
                send_request);
}

static gpointer
propagate (BelClient     *self,
           GAsyncResult  *result,
           gpointer       source_tag,
           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
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

/* sign in */

static gpointer
decode_session (BelClient *self, GTask *task, JsonNode *node, GError **error)
{
  JsonNode *token = member (node, "token");
  g_autoptr(BelAccount) account = NULL;

  if (token == NULL || json_node_get_value_type (token) != G_TYPE_STRING)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED,
                           _("The server did not start a session."));
      return NULL;
    }
  account = bel_model_new_from_json (BEL_TYPE_ACCOUNT, member (node, "account"), BEL_MODEL_TRUST, error);
  if (account == NULL)
    return NULL;
  bel_client_set_token (self, json_node_get_string (token));
  set_account (self, account);
  return g_steal_pointer (&account);
}

void
bel_client_sign_in_async (BelClient          *self,
                          const char         *username,
                          const char         *password,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username ? username : "");
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password ? password : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call (self, "POST", "/api/v1/session", NULL, body, REQUEST_NO_EXPIRY, decode_session,
        g_object_unref, cancellable, callback, user_data, bel_client_sign_in_async);
}

BelAccount *
bel_client_sign_in_finish (BelClient     *self,
                           GAsyncResult  *result,
                           char         **token,
                           GError       **error)
{
  BelAccount *account = propagate (self, result, bel_client_sign_in_async, error);

  if (token != NULL)
    *token = account ? g_strdup (self->token) : NULL;
  return account;
}

/* sign out */

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = g_task_propagate_pointer (G_TASK (result), &error);

  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
bel_client_sign_out_async (BelClient          *self,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (BEL_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bel_client_sign_out_async);
  /* The request carries the token; forget it locally at once either way. */
  send_request (self, "DELETE", "/api/v1/session", NULL, NULL, REQUEST_NO_EXPIRY, cancellable,
                sign_out_cb, task, send_request);
  bel_client_set_token (self, NULL);
}

gboolean
bel_client_sign_out_finish (BelClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* me */

static gpointer
decode_me (BelClient *self, GTask *task, JsonNode *node, GError **error)
{
  BelAccount *account = bel_model_new_from_json (BEL_TYPE_ACCOUNT, node, BEL_MODEL_TRUST, error);

  if (account != NULL)
    set_account (self, account);
  return account;
}

void
bel_client_get_me_async (BelClient          *self,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_return_if_fail (BEL_IS_CLIENT (self));
  call (self, "GET", "/api/v1/me", NULL, NULL, REQUEST_NONE, decode_me, g_object_unref,
        cancellable, callback, user_data, bel_client_get_me_async);
}

BelAccount *
bel_client_get_me_finish (BelClient     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return propagate (self, result, bel_client_get_me_async, error);
}

/* schools */
