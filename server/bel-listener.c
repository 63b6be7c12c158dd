/* bel-listener.c
 *
 * A connection is handed over before any byte is read, TLS handshake
 * included (the TLS connection does it on libsoup's first read), so the
 * SoupServer emits "request-started" at once and BelConnections' limits
 * cover the handshake as they did with libsoup's own listener.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-listener.h"

#include <errno.h>
#include <gio/gnetworking.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bel-error.h"

/* Connections accepted in one go before the main loop serves others. */
#define ACCEPT_BATCH 64
/* After an accept() error other than "none waiting" (e.g. out of open files). */
#define ACCEPT_PAUSE_MS 200

struct _BelListener
{
  GObject          parent_instance;
  SoupServer      *soup;
  GSocket         *socket;
  GTlsCertificate *certificate;
  GSocket         *placeholder_peer;
  GSource         *source;
  guint            pause;
};

G_DEFINE_FINAL_TYPE (BelListener, bel_listener, G_TYPE_OBJECT)

static GQuark
socket_quark (void)
{
  return g_quark_from_static_string ("bel-listener-socket");
}

static void
bel_listener_dispose (GObject *object)
{
  BelListener *self = BEL_LISTENER (object);

  bel_listener_stop (self);
  if (self->placeholder_peer != NULL)
    g_socket_close (self->placeholder_peer, NULL);
  g_clear_object (&self->placeholder_peer);
  g_clear_object (&self->certificate);
  g_clear_object (&self->socket);
  g_clear_object (&self->soup);
  G_OBJECT_CLASS (bel_listener_parent_class)->dispose (object);
}

static void
bel_listener_class_init (BelListenerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bel_listener_dispose;
}

static void
bel_listener_init (BelListener *self)
{
}

static GIOStream *
wrap_tls (GIOStream        *connection,
          GTlsCertificate  *certificate,
          GError          **error)
{
  static const char *const protocols[] = { "http/1.1", "http/1.0", NULL };
  GIOStream *tls = g_tls_server_connection_new (connection, certificate, error);

  if (tls != NULL)
    g_object_set (tls, "require-close-notify", FALSE, "advertised-protocols", protocols, NULL);
  return tls;
}

static void
hand_over (BelListener *self,
           GSocket     *socket)
{
  g_autoptr(GIOStream) connection = G_IO_STREAM (g_socket_connection_factory_create_connection (socket));
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (local == NULL || remote == NULL)
    return; /* the client left already */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  /* libsoup gives each message its connection's remote address object: the
   * socket rides along with it. */
  g_object_set_qdata_full (G_OBJECT (remote), socket_quark (), g_object_ref (socket), g_object_unref);
  stream = self->certificate != NULL ? wrap_tls (connection, self->certificate, &error)
                                     : g_object_ref (connection);
  if (stream == NULL)
    {
      g_warning ("Could not start TLS on a connection: %s", error->message);
      return;
    }
  if (!soup_server_accept_iostream (self->soup, stream, local, remote, &error))
    g_warning ("Could not serve a connection: %s", error->message);
}

static void start_accepting (BelListener *self);

static gboolean
resume_accepting (gpointer user_data)
{
  BelListener *self = user_data;

  self->pause = 0;
  start_accepting (self);
  return G_SOURCE_REMOVE;
}

static gboolean
incoming (GSocket      *socket,
          GIOCondition  condition,
          gpointer      user_data)
{
  BelListener *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) client = g_socket_accept (socket, NULL, &error);

      if (client != NULL)
        {
          hand_over (self, client);
          continue;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;
      /* Out of open files, or the client reset it: waiting lets the daemon
       * close connections instead of spinning on a socket that stays readable. */
      g_warning ("Could not accept a connection: %s", error->message);
      g_clear_pointer (&self->source, g_source_unref);
      self->pause = g_timeout_add (ACCEPT_PAUSE_MS, resume_accepting, self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_accepting (BelListener *self)
{
  self->source = g_socket_create_source (self->socket, G_IO_IN, NULL);
  g_source_set_callback (self->source, G_SOURCE_FUNC (incoming), self, NULL);
  g_source_attach (self->source, NULL);
}

/* libsoup 3.2 keeps a connection alive after an answer only while the server
 * has a listener of its own (request_finished() in soup-server.c): without
 * one, every connection would close after its first answer.  So it gets one
 * that never accepts anything: one end of a socket pair whose other end,
 * kept here, never writes. */
static gboolean
add_placeholder (BelListener  *self,
                 GError      **error)
{
  g_autoptr(GSocket) end = NULL;
  int fds[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_FAILED, "socketpair: %s", g_strerror (errno));
      return FALSE;
    }
  end = g_socket_new_from_fd (fds[0], error);
  if (end == NULL)
    {
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  self->placeholder_peer = g_socket_new_from_fd (fds[1], error);
  if (self->placeholder_peer == NULL)
    {
      close (fds[1]);
      return FALSE;
    }
  return soup_server_listen_socket (self->soup, end, 0, error);
}

BelListener *
bel_listener_new (SoupServer       *soup,
                  GSocket          *socket,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(BelListener) self = NULL;

  g_return_val_if_fail (SOUP_IS_SERVER (soup), NULL);
  g_return_val_if_fail (G_IS_SOCKET (socket), NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (BEL_TYPE_LISTENER, NULL);
  self->soup = g_object_ref (soup);
  self->socket = g_object_ref (socket);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  if (!add_placeholder (self, error))
    return NULL;
  g_socket_set_blocking (socket, FALSE);
  start_accepting (self);
  return g_steal_pointer (&self);
}

char *
bel_listener_dup_url (BelListener *self)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  const char *scheme;
  guint16 port;

  g_return_val_if_fail (BEL_IS_LISTENER (self), NULL);

  address = g_socket_get_local_address (self->socket, NULL);
  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;
  host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  scheme = self->certificate != NULL ? "https" : "http";
  return strchr (host, ':') != NULL ? g_strdup_printf ("%s://[%s]:%u", scheme, host, port)
                                    : g_strdup_printf ("%s://%s:%u", scheme, host, port);
}

void
bel_listener_stop (BelListener *self)
{
  g_return_if_fail (BEL_IS_LISTENER (self));

  if (self->source != NULL)
    g_source_destroy (self->source);
  g_clear_pointer (&self->source, g_source_unref);
  g_clear_handle_id (&self->pause, g_source_remove);
  if (self->socket != NULL && !g_socket_is_closed (self->socket))
    g_socket_close (self->socket, NULL);
}

GSocket *
bel_listener_message_get_socket (SoupServerMessage *msg)
{
  GSocketAddress *remote;

  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);

  remote = soup_server_message_get_remote_address (msg);
  return remote != NULL ? g_object_get_qdata (G_OBJECT (remote), socket_quark ()) : NULL;
}
