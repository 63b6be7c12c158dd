/* test-daemon.h - a real belongingd with a demo school, for client and UI tests
 *
 * Each daemon gets its own temporary directory and database, filled offline
 * by `belongingctl demo`, then `belongingd --port 0`; the URL comes from the
 * "listening on" line it prints.  The daemon can be stopped and started again
 * on the same port to test how clients cope with a server that goes away,
 * and switched to HTTPS with a new self-signed certificate.  With
 * BEL_TEST_POSTGRESQL=ADMIN-URL the database is a new PostgreSQL one
 * (../bel-test-pg.h), which other daemons may share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Demo accounts (server/ctl/bel-demo-names.c) share this password. */
#define TEST_DEMO_PASSWORD  "belonging-demo"
#define TEST_DEMO_COUNSELOR "tomas.rivera"
#define TEST_DEMO_TEACHER   "chinedu.okafor"

typedef struct {
  char        *dir;
  char        *database;     /* a file, or a postgresql:// URL */
  char        *pg_database;  /* the PostgreSQL database this daemon made (and drops); else NULL */
  char        *url;
  guint16      port;
  GSubprocess *process;
  char        *demo_output;
  char        *config;       /* NULL: plain HTTP */
  char        *certificate;  /* the PEM files served over HTTPS, or NULL */
  char        *key;
  guint        n_certificates;
} TestDaemon;

TestDaemon *test_daemon_new     (guint       n_students);
/* Another daemon on @other's PostgreSQL database (as behind a load balancer). */
TestDaemon *test_daemon_new_sharing (TestDaemon *other);
void        test_daemon_start   (TestDaemon *daemon);
void        test_daemon_stop    (TestDaemon *daemon);
void        test_daemon_free    (TestDaemon *daemon);
/* Serves HTTPS from now on, with a new self-signed certificate for 127.0.0.1
 * made by openssl; a running daemon restarts on its port.  Returns the
 * certificate's PEM file (daemon->certificate). */
const char *test_daemon_use_new_certificate (TestDaemon *daemon);
/* Serves HTTPS with these PEM files (e.g. another daemon's). */
void        test_daemon_use_certificate     (TestDaemon *daemon,
                                             const char *certificate,
                                             const char *key);
/* The certificate's SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it. */
char       *test_daemon_openssl_fingerprint (const char *certificate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDaemon, test_daemon_free)

G_END_DECLS
