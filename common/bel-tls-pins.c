/* bel-tls-pins.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-tls-pins.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "bel-error.h"
#include "bel-tls-certificate.h"

#define REFUSED_KEY        "bel-tls-refused"
#define REFUSED_ERRORS_KEY "bel-tls-refused-errors"

struct _BelTlsPins
{
  GObject   parent_instance;

  char     *path;
  GKeyFile *file;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BelTlsPins, bel_tls_pins, G_TYPE_OBJECT)

static void
bel_tls_pins_finalize (GObject *object)
{
  BelTlsPins *self = BEL_TLS_PINS (object);

  g_free (self->path);
  g_key_file_unref (self->file);
  G_OBJECT_CLASS (bel_tls_pins_parent_class)->finalize (object);
}

static void
bel_tls_pins_class_init (BelTlsPinsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bel_tls_pins_finalize;

  /* A pin was added, replaced or forgotten: connections made under the old
   * pins should be closed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bel_tls_pins_init (BelTlsPins *self)
{
  self->file = g_key_file_new ();
}

char *
bel_tls_pins_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "belonging", "trusted-certificates", NULL);
}

BelTlsPins *
bel_tls_pins_new (const char *path)
{
  BelTlsPins *self = g_object_new (BEL_TYPE_TLS_PINS, NULL);
  g_autoptr(GError) error = NULL;

  self->path = g_strdup (path);
  if (path != NULL && !g_key_file_load_from_file (self->file, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Ignoring the trusted certificates in %s: %s", path, error->message);
  return self;
}

/* "host:port" of an http(s) or ws(s) URI, the host in lower case: one pin per key. */
static char *
server_key (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);
  g_autofree char *lower = NULL;

  if (host == NULL || *host == '\0')
    return NULL;
  if (port <= 0)
    port = (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "wss") == 0) ? 443 : 80;
  lower = g_ascii_strdown (host, -1);
  return g_strdup_printf ("%s:%d", lower, port);
}

static char *
server_key_of_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri ? server_key (uri) : NULL;
}

static char *
lookup_key (BelTlsPins *self,
            const char *key)
{
  return key ? g_key_file_get_string (self->file, key, "sha256", NULL) : NULL;
}

guint
bel_tls_pins_get_n_pins (BelTlsPins *self)
{
  gsize n = 0;

  g_return_val_if_fail (BEL_IS_TLS_PINS (self), 0);
  g_strfreev (g_key_file_get_groups (self->file, &n));
  return (guint) n;
}

char *
bel_tls_pins_lookup (BelTlsPins *self,
                     const char *url)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BEL_IS_TLS_PINS (self), NULL);
  key = server_key_of_url (url);
  return lookup_key (self, key);
}

static gboolean
save (BelTlsPins  *self,
      GError     **error)
{
  g_autofree char *dir = NULL;

  g_signal_emit (self, signals[CHANGED], 0);
  if (self->path == NULL)
    return TRUE;
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (self->file, self->path, error);
}

gboolean
bel_tls_pins_pin (BelTlsPins       *self,
                  const char       *url,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autofree char *key = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *pinned = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (BEL_IS_TLS_PINS (self), FALSE);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  key = server_key_of_url (url);
  if (key == NULL)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, _("“%s” is not a server address."), url ? url : "");
      return FALSE;
    }
  fingerprint = bel_tls_certificate_fingerprint (certificate);
  subject = g_tls_certificate_get_subject_name (certificate);
  g_key_file_remove_group (self->file, key, NULL);
  g_key_file_set_string (self->file, key, "sha256", fingerprint);
  if (subject != NULL)
    g_key_file_set_string (self->file, key, "subject", subject);
  g_key_file_set_string (self->file, key, "pinned", pinned);
  return save (self, error);
}

gboolean
bel_tls_pins_forget_all (BelTlsPins  *self,
                         GError     **error)
{
  g_return_val_if_fail (BEL_IS_TLS_PINS (self), FALSE);

  g_key_file_unref (self->file);
  self->file = g_key_file_new ();
  return save (self, error);
}

static gboolean
accept_certificate (SoupMessage          *msg,
                    GTlsCertificate      *peer,
                    GTlsCertificateFlags  errors,
                    gpointer              user_data)
{
  BelTlsPins *self = user_data;
  g_autofree char *key = server_key (soup_message_get_uri (msg));
  g_autofree char *pinned = lookup_key (self, key);
  g_autofree char *fingerprint = bel_tls_certificate_fingerprint (peer);

  if (pinned != NULL && g_ascii_strcasecmp (pinned, fingerprint) == 0)
    return TRUE;
  g_object_set_data_full (G_OBJECT (msg), REFUSED_KEY, g_object_ref (peer), g_object_unref);
  g_object_set_data (G_OBJECT (msg), REFUSED_ERRORS_KEY, GUINT_TO_POINTER (errors));
  return FALSE;
}

void
bel_tls_pins_watch (BelTlsPins  *self,
                    SoupMessage *msg)
{
  g_return_if_fail (BEL_IS_TLS_PINS (self));
  g_return_if_fail (SOUP_IS_MESSAGE (msg));

  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_certificate), self, 0);
}

GTlsCertificate *
bel_tls_pins_get_refused (SoupMessage          *msg,
                          GTlsCertificateFlags *errors)
{
  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), NULL);

  if (errors != NULL)
    *errors = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), REFUSED_ERRORS_KEY));
  return g_object_get_data (G_OBJECT (msg), REFUSED_KEY);
}

GError *
bel_tls_pins_refusal_error (BelTlsPins *self,
                            const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *pinned = NULL;
  g_autofree char *server = NULL;

  g_return_val_if_fail (BEL_IS_TLS_PINS (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  pinned = bel_tls_pins_lookup (self, url);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  server = uri ? g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                             g_uri_get_port (uri), "", NULL, NULL)
               : g_strdup (url);

  if (pinned != NULL)
    return g_error_new (BEL_ERROR, BEL_ERROR_CERTIFICATE_CHANGED,
                        _("The server at %s showed a different certificate from the one trusted on this "
                          "computer. Someone may be intercepting the connection."), server);
  return g_error_new (BEL_ERROR, BEL_ERROR_CERTIFICATE_UNTRUSTED,
                      _("The server at %s showed a certificate this computer doesn't trust."), server);
}
