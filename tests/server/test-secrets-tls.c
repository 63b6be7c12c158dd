/* test-secrets-tls.c - plain HTTP only on loopback: passwords, tokens and
 * student data never cross the network in clear unless the administrator
 * says so ([server] allow_plain_http)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <string.h>

/* Plain HTTP only on loopback (a TLS proxy in front), unless explicitly allowed. */
static void
test_plain_http_only_on_loopback (void)
{
  g_autoptr(BelTestDaemon) refused = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) allowed = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) garbled = bel_test_daemon_new ();
  g_autoptr(BelTestResponse) health = NULL;
  g_autoptr(GError) error = NULL;

  g_free (refused->listen);
  refused->listen = g_strdup ("0.0.0.0");
  g_assert_false (bel_test_daemon_try_start (refused, &error));
  g_assert_nonnull (strstr (error->message, "listen=0.0.0.0 without tls_certificate and tls_key"));
  g_assert_nonnull (strstr (error->message, "allow_plain_http=true"));
  g_clear_error (&error);

  bel_test_daemon_set_config (garbled, "[server]\nallow_plain_http=maybe\n");
  g_assert_false (bel_test_daemon_try_start (garbled, &error));
  g_assert_nonnull (strstr (error->message, "[server] allow_plain_http must be true or false"));

  bel_test_daemon_set_config (allowed, "[server]\nallow_plain_http=true\n");
  g_free (allowed->listen);
  allowed->listen = g_strdup ("0.0.0.0");
  bel_test_daemon_start (allowed);
  g_assert_true (g_str_has_prefix (allowed->url, "http://0.0.0.0:"));
  health = bel_test_daemon_request (allowed, "GET", "/healthz", NULL, NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
}

/* With a certificate, any address is fine: it is HTTPS only. */
static void
test_https_on_any_address (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *config = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  if (!bel_test_daemon_make_certificate (d, &cert, &key))
    g_error ("Could not make a test certificate with openssl; install it (tools/lib.sh TEST_PACKAGES)");
  config = g_strdup_printf ("[server]\ntls_certificate=%s\ntls_key=%s\n", cert, key);
  bel_test_daemon_set_config (d, config);
  g_free (d->listen);
  d->listen = g_strdup ("0.0.0.0");
  bel_test_daemon_start (d);
  g_assert_true (g_str_has_prefix (d->url, "https://0.0.0.0:"));
  /* The port speaks no plain HTTP */
  plain = g_strdup_printf ("http://127.0.0.1:%s/healthz", strrchr (d->url, ':') + 1);
  msg = soup_message_new ("GET", plain);
  nothing = soup_session_send_and_read (d->session, msg, NULL, &error);
  g_assert_null (nothing);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/tls/plain-http-only-on-loopback", test_plain_http_only_on_loopback);
  g_test_add_func ("/secrets/tls/https-on-any-address", test_https_on_any_address);

  return g_test_run ();
}
