/* bel-config.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-config.h"

#include "bel-error.h"

#include <gio/gio.h>

#define DEFAULT_LISTEN           "127.0.0.1"
#define DEFAULT_PORT             8765
#define DEFAULT_MAX_BODY_SIZE    (1024 * 1024)
#define DEFAULT_MAX_HEADER_SIZE  (32 * 1024)
#define MAX_HEADER_SIZE_LIMIT    (64 * 1024) /* libsoup drops a larger header block unanswered */
#define DEFAULT_MAX_CONNECTIONS  2000
#define DEFAULT_REQUEST_TIMEOUT  30
#define DEFAULT_IDLE_TIMEOUT     75
#define DEFAULT_SESSION_LIFETIME (12 * 60 * 60)
#define DEFAULT_MAX_FAILURES     5
#define DEFAULT_FAILURE_WINDOW   (15 * 60)
#define DEFAULT_EVENTS_QUEUE     1000
#define DEFAULT_EVENTS_PING      30
#define DEFAULT_WORKERS          4

struct _BelConfig
{
  GObject  parent_instance;
  char    *database;
  char    *listen;
  guint    port;
  gsize    max_body_size;
  gsize    max_header_size;
  guint    max_connections;
  guint    request_timeout;
  guint    idle_timeout;
  gint64   session_lifetime;
  guint    max_failures;
  gint64   failure_window;
  guint    events_queue_limit;
  guint    events_ping_interval;
  guint    workers;
  char    *tls_certificate;
  char    *tls_key;
  gboolean allow_plain_http;
  GPtrArray *trusted_proxies; /* GInetAddress */
};

G_DEFINE_FINAL_TYPE (BelConfig, bel_config, G_TYPE_OBJECT)

static void
bel_config_finalize (GObject *object)
{
  BelConfig *self = BEL_CONFIG (object);

  g_free (self->database);
  g_free (self->listen);
  g_free (self->tls_certificate);
  g_free (self->tls_key);
  g_clear_pointer (&self->trusted_proxies, g_ptr_array_unref);
  G_OBJECT_CLASS (bel_config_parent_class)->finalize (object);
}

static void
bel_config_class_init (BelConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_config_finalize;
}

static void
bel_config_init (BelConfig *self)
{
  self->database = g_strdup (BEL_DEFAULT_DATABASE);
  self->listen = g_strdup (DEFAULT_LISTEN);
  self->port = DEFAULT_PORT;
  self->max_body_size = DEFAULT_MAX_BODY_SIZE;
  self->max_header_size = DEFAULT_MAX_HEADER_SIZE;
  self->max_connections = DEFAULT_MAX_CONNECTIONS;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT;
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
  self->session_lifetime = DEFAULT_SESSION_LIFETIME;
  self->max_failures = DEFAULT_MAX_FAILURES;
  self->failure_window = DEFAULT_FAILURE_WINDOW;
  self->events_queue_limit = DEFAULT_EVENTS_QUEUE;
  self->events_ping_interval = DEFAULT_EVENTS_PING;
  self->workers = DEFAULT_WORKERS;
}

BelConfig *
bel_config_new (void)
{
  return g_object_new (BEL_TYPE_CONFIG, NULL);
}

/* Reads an integer key if present; keeps @value otherwise. */
static gboolean
read_int (GKeyFile    *file,
          const char  *group,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 v;

  if (!g_key_file_has_key (file, group, key, NULL))
    return TRUE;
  v = g_key_file_get_int64 (file, group, key, &local_error);
  if (local_error != NULL || v < min || v > max)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "[%s] %s must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                   group, key, min, max);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* Reads a boolean key (true/false) if present; keeps @value otherwise. */
static gboolean
read_bool (GKeyFile    *file,
           const char  *group,
           const char  *key,
           gboolean    *value,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean v;

  if (!g_key_file_has_key (file, group, key, NULL))
    return TRUE;
  v = g_key_file_get_boolean (file, group, key, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, "[%s] %s must be true or false", group, key);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* A list of IP addresses (separated by ;) if present; keeps @value otherwise. */
static gboolean
read_addresses (GKeyFile    *file,
                const char  *group,
                const char  *key,
                GPtrArray  **value,
                GError     **error)
{
  g_auto(GStrv) items = g_key_file_get_string_list (file, group, key, NULL, NULL);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_object_unref);

  if (items == NULL)
    return TRUE;
  for (guint i = 0; items[i] != NULL; i++)
    {
      GInetAddress *address = g_inet_address_new_from_string (g_strstrip (items[i]));

      if (address == NULL)
        {
          g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                       "[%s] %s: \"%s\" is not an IP address (list them separated by ;)", group, key, items[i]);
          return FALSE;
        }
      g_ptr_array_add (addresses, address);
    }
  g_clear_pointer (value, g_ptr_array_unref);
  *value = g_steal_pointer (&addresses);
  return TRUE;
}

static void
read_string (GKeyFile   *file,
             const char *group,
             const char *key,
             char      **value)
{
  g_autofree char *v = g_key_file_get_string (file, group, key, NULL);

  if (v != NULL && *g_strstrip (v) != '\0')
    {
      g_free (*value);
      *value = g_steal_pointer (&v);
    }
}

/* Loads @path over the current values.  A missing file is an error only when
 * @must_exist (the administrator named it with --config). */
gboolean
bel_config_load_file (BelConfig   *self,
                      const char  *path,
                      gboolean     must_exist,
                      GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 port = self->port;
  gint64 body = self->max_body_size;
  gint64 header = self->max_header_size;
  gint64 connections = self->max_connections;
  gint64 request_timeout = self->request_timeout;
  gint64 idle_timeout = self->idle_timeout;
  gint64 lifetime = self->session_lifetime;
  gint64 failures = self->max_failures;
  gint64 window = self->failure_window;
  gint64 events_queue = self->events_queue_limit;
  gint64 events_ping = self->events_ping_interval;
  gint64 workers = self->workers;
  gboolean plain_http = self->allow_plain_http;

  g_return_val_if_fail (BEL_IS_CONFIG (self), FALSE);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (!must_exist && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, "Could not read %s: %s",
                   path, local_error->message);
      return FALSE;
    }
  if (!read_int (file, "server", "port", 0, 65535, &port, error) ||
      !read_int (file, "server", "max-body-size", 1024, G_MAXINT32, &body, error) ||
      !read_int (file, "server", "max-header-size", 1024, MAX_HEADER_SIZE_LIMIT, &header, error) ||
      !read_int (file, "server", "max-connections", 1, 1000000, &connections, error) ||
      !read_int (file, "server", "request-timeout", 1, 3600, &request_timeout, error) ||
      !read_int (file, "server", "idle-timeout", 1, 24 * 3600, &idle_timeout, error) ||
      !read_int (file, "auth", "session-lifetime", 1, 366 * 24 * 3600, &lifetime, error) ||
      !read_int (file, "auth", "max-failures", 1, 1000, &failures, error) ||
      !read_int (file, "auth", "failure-window", 1, 24 * 3600, &window, error) ||
      !read_int (file, "events", "queue-limit", 1, 1000000, &events_queue, error) ||
      !read_int (file, "events", "ping-interval", 1, 3600, &events_ping, error) ||
      !read_int (file, "database", "workers", 1, 64, &workers, error) ||
      !read_bool (file, "server", "allow_plain_http", &plain_http, error) ||
      !read_addresses (file, "server", "trusted_proxies", &self->trusted_proxies, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  read_string (file, "server", "database", &self->database);
  read_string (file, "database", "url", &self->database);
  read_string (file, "server", "listen", &self->listen);
  read_string (file, "server", "tls_certificate", &self->tls_certificate);
  read_string (file, "server", "tls_key", &self->tls_key);
  if ((self->tls_certificate == NULL) != (self->tls_key == NULL))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "%s: [server] tls_certificate and tls_key go together", path);
      return FALSE;
    }
  self->port = (guint) port;
  self->max_body_size = (gsize) body;
  self->max_header_size = (gsize) header;
  self->max_connections = (guint) connections;
  self->request_timeout = (guint) request_timeout;
  self->idle_timeout = (guint) idle_timeout;
  self->session_lifetime = lifetime;
  self->max_failures = (guint) failures;
  self->failure_window = window;
  self->events_queue_limit = (guint) events_queue;
  self->events_ping_interval = (guint) events_ping;
  self->workers = (guint) workers;
  self->allow_plain_http = plain_http;
  return TRUE;
}

const char *
bel_config_get_database (BelConfig *self)
{
  return self->database;
}

void
bel_config_set_database (BelConfig  *self,
                         const char *path)
{
  g_free (self->database);
  self->database = g_strdup (path);
}

const char *
bel_config_get_listen (BelConfig *self)
{
  return self->listen;
}

void
bel_config_set_listen (BelConfig  *self,
                       const char *address)
{
  g_free (self->listen);
  self->listen = g_strdup (address);
}

guint
bel_config_get_port (BelConfig *self)
{
  return self->port;
}

void
bel_config_set_port (BelConfig *self,
                     guint      port)
{
  self->port = port;
}

gsize
bel_config_get_max_body_size (BelConfig *self)
{
  return self->max_body_size;
}

gsize
bel_config_get_max_header_size (BelConfig *self)
{
  return self->max_header_size;
}

guint
bel_config_get_max_connections (BelConfig *self)
{
  return self->max_connections;
}

guint
bel_config_get_request_timeout (BelConfig *self)
{
  return self->request_timeout;
}

guint
bel_config_get_idle_timeout (BelConfig *self)
{
  return self->idle_timeout;
}

gint64
bel_config_get_session_lifetime (BelConfig *self)
{
  return self->session_lifetime;
}

guint
bel_config_get_max_failures (BelConfig *self)
{
  return self->max_failures;
}

gint64
bel_config_get_failure_window (BelConfig *self)
{
  return self->failure_window;
}

guint
bel_config_get_events_queue_limit (BelConfig *self)
{
  return self->events_queue_limit;
}

guint
bel_config_get_events_ping_interval (BelConfig *self)
{
  return self->events_ping_interval;
}

const char *
bel_config_get_tls_certificate (BelConfig *self)
{
  return self->tls_certificate;
}

const char *
bel_config_get_tls_key (BelConfig *self)
{
  return self->tls_key;
}

void
bel_config_set_tls (BelConfig  *self,
                    const char *certificate,
                    const char *key)
{
  g_free (self->tls_certificate);
  g_free (self->tls_key);
  self->tls_certificate = g_strdup (certificate);
  self->tls_key = g_strdup (key);
}

gboolean
bel_config_get_allow_plain_http (BelConfig *self)
{
  return self->allow_plain_http;
}

guint
bel_config_get_workers (BelConfig *self)
{
  return self->workers;
}

gboolean
bel_config_is_trusted_proxy (BelConfig  *self,
                             const char *address)
{
  g_autoptr(GInetAddress) peer = NULL;

  if (self->trusted_proxies == NULL || address == NULL ||
      (peer = g_inet_address_new_from_string (address)) == NULL)
    return FALSE;
  for (guint i = 0; i < self->trusted_proxies->len; i++)
    if (g_inet_address_equal (peer, g_ptr_array_index (self->trusted_proxies, i)))
      return TRUE;
  return FALSE;
}
