/* bel-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-server.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bel-auth.h"
#include "bel-connections.h"
#include "bel-error.h"
#include "bel-handlers-surveys.h"
#include "bel-json.h"
#include "bel-listener.h"
#include "bel-problem.h"
#include "bel-prometheus.h"
#include "bel-routes.h"
#include "bel-tls.h"
#include "bel-workers.h"
#include "bel-event-hub.h"

struct _BelServer
{
  GObject     parent_instance;
  BelEngine      *engine;
  SoupServer     *soup;
  BelConnections *connections;
  BelListener    *listener;
  BelWorkers     *workers;
};

/* A request on its way through a worker thread. */
typedef struct {
  BelServer      *server;
  BelRequest     *request;
  const BelRoute *route;
} Job;

G_DEFINE_FINAL_TYPE (BelServer, bel_server, G_TYPE_OBJECT)

static void
bel_server_dispose (GObject *object)
{
  BelServer *self = BEL_SERVER (object);

  g_clear_object (&self->listener);
  g_clear_pointer (&self->workers, bel_workers_free);
  g_clear_object (&self->connections);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (bel_server_parent_class)->dispose (object);
}

static void
bel_server_class_init (BelServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_server_dispose;
}

static void
bel_server_init (BelServer *self)
{
}

static void
reply_problem (SoupServerMessage *msg,
               BelErrorCode       code,
               const char        *detail)
{
  g_autoptr(GError) error = g_error_new_literal (BEL_ERROR, code, detail);

  bel_problem_reply (msg, error);
}

/* Answers @error on the raw connection and closes it, so that the rest of
 * the request is never read (libsoup would otherwise read a whole body before
 * answering). */
static void
refuse_early (SoupServerMessage *msg,
              GError            *error)
{
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GString) page_headers = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *response = NULL;
  guint status;

  if (bel_survey_page_path (g_uri_get_path (soup_server_message_get_uri (msg))))
    for (const char *const *h = bel_survey_page_headers (); *h != NULL; h += 2)
      g_string_append_printf (page_headers, "%s: %s\r\n", h[0], h[1]);
  body = bel_problem_to_string (error, &status);
  response = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                              "Content-Type: application/problem+json\r\n"
                              "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                              "Cache-Control: no-store\r\n%s"
                              "Connection: close\r\n\r\n%s",
                              status,
                              /* libsoup 3.2 has no phrase for 431 */
                              status == 431 ? "Request Header Fields Too Large" : soup_status_get_phrase (status),
                              strlen (body), page_headers->str, body);
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), response, strlen (response),
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
refuse_too_large (SoupServerMessage *msg,
                  gsize              max)
{
  g_autoptr(GError) error = g_error_new (BEL_ERROR, BEL_ERROR_TOO_LARGE,
                                         "The body may be at most %" G_GSIZE_FORMAT " bytes", max);

  refuse_early (msg, error);
}

/* The size of the request line and headers as they came (give or take the
 * spaces around each value that the parser dropped). */
static gsize
header_size (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gsize size = strlen (soup_server_message_get_method (msg)) + strlen (" HTTP/1.1\r\n\r\n");

  size += strlen (g_uri_get_path (uri));
  if (g_uri_get_query (uri) != NULL)
    size += 1 + strlen (g_uri_get_query (uri));
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    size += strlen (name) + strlen (": \r\n") + strlen (value);
  return size;
}

static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  gsize max = GPOINTER_TO_SIZE (user_data);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if ((gsize) body->length > max)
    {
      g_signal_handlers_disconnect_by_func (msg, got_chunk, user_data);
      refuse_too_large (msg, max);
    }
}

/* Refuses oversized headers, and an oversized body as soon as its size is
 * known: from Content-Length before reading it, or while a chunked body
 * arrives. */
static void
early_handler (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  BelServer *self = user_data;
  BelConfig *config = bel_engine_get_config (self->engine);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gsize max = bel_config_get_max_body_size (config);
  gsize max_header = bel_config_get_max_header_size (config);

  if (header_size (msg) > max_header)
    {
      g_autoptr(GError) error = g_error_new (BEL_ERROR, BEL_ERROR_HEADERS_TOO_LARGE,
                                             "The request line and headers may be at most %"
                                             G_GSIZE_FORMAT " bytes", max_header);

      refuse_early (msg, error);
    }
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) max)
    refuse_too_large (msg, max);
  else if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), GSIZE_TO_POINTER (max));
}

static gboolean
authenticate (BelServer   *self,
              BelRequest  *request,
              GError     **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED,
                           "Sign in first: send Authorization: Bearer TOKEN");
      return FALSE;
    }
  request->token = g_strstrip (g_strdup (value + 7));
  request->actor = bel_auth_authenticate (self->engine, request->token, error);
  return request->actor != NULL;
}

static gboolean
read_body (BelServer   *self,
           BelRequest  *request,
           GError     **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  gsize max = bel_config_get_max_body_size (bel_engine_get_config (self->engine));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data;

  if (g_strcmp0 (type, "application/json") != 0 &&
      g_strcmp0 (type, "application/merge-patch+json") != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNSUPPORTED_MEDIA,
                           "Send the body as Content-Type: application/json");
      return FALSE;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (request->msg));
  data = g_bytes_get_data (bytes, &size);
  if (size > max)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_TOO_LARGE,
                   "The body may be at most %" G_GSIZE_FORMAT " bytes", max);
      return FALSE;
    }
  if (size == 0 || !g_utf8_validate (data, size, NULL))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           size == 0 ? "The body is empty" : "The body is not UTF-8");
      return FALSE;
    }
  request->body = bel_json_parse (data, (gssize) size, &parse_error);
  if (request->body == NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "The body is not valid JSON: %s",
                   parse_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
route_not_found (SoupServerMessage *msg,
                 gboolean           path_known,
                 GString           *allow)
{
  if (path_known)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      reply_problem (msg, BEL_ERROR_METHOD_NOT_ALLOWED, "This resource does not support this method");
    }
  else
    reply_problem (msg, BEL_ERROR_NOT_FOUND, "No such resource");
}

/* Authenticates, reads the body and runs the route's handler: on a worker
 * thread, or on the main loop for BEL_ROUTE_MAIN. */
static void
run_route (BelServer      *self,
           BelRequest     *request,
           const BelRoute *route)
{
  SoupServerMessage *msg = request->msg;
  g_autoptr(GError) error = NULL;

  if (!(route->flags & BEL_ROUTE_PUBLIC) && !authenticate (self, request, &error))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer");
      bel_problem_reply (msg, error);
      return;
    }
  if ((route->flags & BEL_ROUTE_BODY) && !read_body (self, request, &error))
    {
      bel_problem_reply (msg, error);
      return;
    }
  route->handler (request);
}

static void
job_run (gpointer  data,
         GError   *error)
{
  Job *job = data;

  if (error != NULL)
    bel_problem_reply (job->request->msg, error);
  else
    run_route (job->server, job->request, job->route);
}

/* Main loop: the answer is set, libsoup may send it. */
static void
job_done (gpointer data)
{
  Job *job = data;

  if (!job->request->deferred)
    bel_request_unpause (job->request);
  bel_request_unref (job->request);
  g_object_unref (job->server);
  g_free (job);
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  BelServer *self = user_data;
  g_autoptr(BelRequest) request = NULL;
  g_autoptr(GString) allow = g_string_new (NULL);
  const BelRoute *route;
  gboolean path_known;
  Job *job;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  if (bel_survey_page_path (path))
    bel_survey_page_set_headers (soup_server_message_get_response_headers (msg));
  bel_prometheus_request_started (bel_prometheus_get_default (), msg);

  request = bel_request_new (msg, self->engine);
  route = bel_routes_match (soup_server_message_get_method (msg), path, request->params,
                            &path_known, allow);
  if (route == NULL)
    {
      route_not_found (msg, path_known, allow);
      return;
    }
  g_debug ("%s %s", route->method, route->pattern);
  bel_prometheus_set_route (msg, route->pattern);
  if (query != NULL)
    request->query = g_hash_table_ref (query);
  if (route->flags & BEL_ROUTE_MAIN)
    {
      run_route (self, request, route);
      return;
    }
  /* libsoup leaves a paused message alone until the worker is done. */
  bel_request_pause (request);
  job = g_new (Job, 1);
  job->server = g_object_ref (self);
  job->request = g_steal_pointer (&request);
  job->route = route;
  bel_workers_push (self->workers, job_run, job_done, job);
}

BelServer *
bel_server_new (BelEngine  *engine,
                GError    **error)
{
  g_autoptr(BelServer) self = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  self = g_object_new (BEL_TYPE_SERVER, NULL);
  self->engine = g_object_ref (engine);
  self->workers = bel_workers_new (engine, bel_config_get_workers (bel_engine_get_config (engine)), error);
  if (self->workers == NULL)
    return NULL;
  /* Made here, on the main loop, before any worker may look for it. */
  bel_event_hub_get (engine);
  self->soup = soup_server_new ("server-header", "belongingd/" PACKAGE_VERSION " ", NULL);
  self->connections = bel_connections_new (self->soup, bel_engine_get_config (engine));
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
  return g_steal_pointer (&self);
}

static GInetAddress *
listen_address (const char  *text,
                GError     **error)
{
  GInetAddress *address;

  if (g_strcmp0 (text, "localhost") == 0)
    return g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_address_new_from_string (text);
  if (address == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                 "listen: \"%s\" is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)", text);
  return address;
}

#define LISTEN_BACKLOG 512

gboolean
bel_server_listen (BelServer  *self,
                   GError    **error)
{
  BelConfig *config;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (BEL_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->listener == NULL, FALSE);

  config = bel_engine_get_config (self->engine);
  address = listen_address (bel_config_get_listen (config), error);
  if (address == NULL)
    return FALSE;
  socket_address = g_inet_socket_address_new (address, (guint16) bel_config_get_port (config));
  if (!bel_tls_setup (config, address, &certificate, error))
    return FALSE;
  /* Our own socket for a longer accept queue than GSocket's default of 10:
   * a whole staff (re)connects its live events at once, e.g. after a restart. */
  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) || !g_socket_listen (socket, error))
    return FALSE;
  self->listener = bel_listener_new (self->soup, socket, certificate, error);
  return self->listener != NULL;
}

char *
bel_server_dup_url (BelServer *self)
{
  g_return_val_if_fail (BEL_IS_SERVER (self), NULL);

  return self->listener != NULL ? bel_listener_dup_url (self->listener) : NULL;
}

void
bel_server_disconnect (BelServer *self)
{
  g_return_if_fail (BEL_IS_SERVER (self));

  if (self->listener != NULL)
    bel_listener_stop (self->listener);
  soup_server_disconnect (self->soup);
}

void
bel_server_stop_workers (BelServer *self)
{
  g_return_if_fail (BEL_IS_SERVER (self));

  g_clear_pointer (&self->workers, bel_workers_free);
}
