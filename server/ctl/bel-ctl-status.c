/* bel-ctl-status.c - belongingctl status: the daemon's health, the database's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bel-ctl-commands.h"
#include "bel-lock.h"
#include "bel-store-private.h"
#include "bel-tls-certificate.h"

/* Where to reach the configured daemon: a wildcard address means this host. */
static char *
daemon_url (BelConfig *config)
{
  const char *listen = bel_config_get_listen (config);
  const char *scheme = bel_config_get_tls_certificate (config) ? "https" : "http";

  if (g_strcmp0 (listen, "0.0.0.0") == 0 || g_strcmp0 (listen, "localhost") == 0)
    listen = "127.0.0.1";
  else if (g_strcmp0 (listen, "::") == 0)
    listen = "::1";
  return strchr (listen, ':') ? g_strdup_printf ("%s://[%s]:%u", scheme, listen, bel_config_get_port (config))
                              : g_strdup_printf ("%s://%s:%u", scheme, listen, bel_config_get_port (config));
}

/* The daemon's own certificate is trusted, whatever host name it was made for. */
static gboolean
accept_own_certificate (SoupMessage          *msg,
                        GTlsCertificate      *peer,
                        GTlsCertificateFlags  errors,
                        gpointer              user_data)
{
  GTlsCertificate *own = user_data;

  return own != NULL && g_tls_certificate_is_same (own, peer);
}

static guint
probe (SoupSession     *session,
       const char      *base,
       const char      *path,
       GTlsCertificate *own,
       char           **server,
       GError         **error)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_own_certificate), own);
  body = soup_session_send_and_read (session, msg, NULL, error);
  if (body == NULL)
    return 0;
  if (server != NULL && *server == NULL)
    *server = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Server"));
  return soup_message_get_status (msg);
}

/* What the app shows staff before they trust a self-signed certificate, to
 * read out to them: the same fingerprint as `openssl x509 -fingerprint -sha256`. */
static void
print_certificate (BelConfig *config)
{
  const char *path = bel_config_get_tls_certificate (config);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *validity = NULL;

  if (path == NULL)
    return;
  certificate = g_tls_certificate_new_from_file (path, &error);
  if (certificate == NULL)
    {
      g_print (_("certificate: %s: %s\n"), path, error->message);
      return;
    }
  fingerprint = bel_tls_certificate_fingerprint (certificate);
  validity = bel_tls_certificate_format_validity (certificate);
  g_print (_("certificate: %s (valid %s)\n"), path, validity ? validity : "?");
  g_print (_("certificate SHA-256 fingerprint: %s\n"), fingerprint);
}

static gboolean
print_daemon (BelConfig  *config,
              const char *url_option)
{
  g_autofree char *url = url_option ? g_strdup (url_option) : daemon_url (config);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autoptr(GTlsCertificate) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  guint health, ready;

  if (bel_config_get_tls_certificate (config) != NULL)
    own = g_tls_certificate_new_from_file (bel_config_get_tls_certificate (config), NULL);
  health = probe (session, url, "/healthz", own, &server, &error);
  if (health == 0)
    {
      g_print (_("daemon: not answering at %s: %s\n"), url, error->message);
      return FALSE;
    }
  ready = probe (session, url, "/readyz", own, &server, NULL);
  g_print (_("daemon: running at %s (%s): healthz %u, readyz %u\n"), url, server ? g_strstrip (server) : "?",
           health, ready);
  return health == SOUP_STATUS_OK && ready == SOUP_STATUS_OK;
}

static gint64
count (BelStore   *store,
       const char *sql)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, NULL);

  return stmt && bel_store_step_row (store, stmt, NULL) ? bel_column_int64 (stmt, 0) : -1;
}

static void
print_database (BelEngine *engine)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *size = g_format_size ((guint64) MAX (bel_store_get_size (store), 0));

  g_print (_("database: %s (%s, schema version %d; this belongingctl %s knows up to %d)\n"),
           bel_store_get_display_name (store), size,
           bel_store_get_schema_version (store), PACKAGE_VERSION, bel_store_latest_version ());
  g_print (_("schools: %" G_GINT64_FORMAT "\n"), count (store, "SELECT COUNT(*) FROM school"));
  g_print (_("accounts: %" G_GINT64_FORMAT " active, %" G_GINT64_FORMAT " disabled\n"),
           count (store, "SELECT COUNT(*) FROM account WHERE active = 1"),
           count (store, "SELECT COUNT(*) FROM account WHERE active = 0"));
  g_print (_("students: %" G_GINT64_FORMAT " active, %" G_GINT64_FORMAT " inactive\n"),
           count (store, "SELECT COUNT(*) FROM student WHERE active = 1"),
           count (store, "SELECT COUNT(*) FROM student WHERE active = 0"));
  g_print (_("advisories: %" G_GINT64_FORMAT "\n"), count (store, "SELECT COUNT(*) FROM advisory"));
  g_print (_("classes: %" G_GINT64_FORMAT " active, enrollments: %" G_GINT64_FORMAT " active\n"),
           count (store, "SELECT COUNT(*) FROM class WHERE active = 1"),
           count (store, "SELECT COUNT(*) FROM enrollment WHERE active = 1"));
}

int
bel_ctl_status (BelCtl  *ctl,
                int      argc,
                char   **argv)
{
  g_autofree char *url = NULL;
  const GOptionEntry entries[] = {
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url,
      N_("Where belongingd listens (default: from the configuration)"), N_("URL") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL,
                            _("Shows whether belongingd runs and answers, its version, the schema version and "
                              "counts.\nExit status 4 when the daemon does not answer."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelConfig) config = NULL;
  g_autoptr(BelEngine) engine = NULL;
  gboolean answering;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  config = bel_ctl_load_config (ctl, &error);
  if (config == NULL)
    return bel_ctl_report (ctl, error);
  answering = print_daemon (config, url);
  print_certificate (config);
  if (!answering && bel_store_location_is_file (bel_config_get_database (config)) &&
      bel_lock_is_held (bel_config_get_database (config)))
    g_print (_("daemon: a belongingd process holds the database but does not answer\n"));
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  print_database (engine);
  return answering ? BEL_CTL_EXIT_OK : BEL_CTL_EXIT_RUNNING;
}
