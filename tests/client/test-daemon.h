/* test-daemon.h - a real belongingd with a demo school, for client and UI tests
 *
 * Each daemon gets its own temporary directory and database, filled offline
 * by `belongingctl demo`, then `belongingd --port 0`; the URL comes from the
 * "listening on" line it prints.  The daemon can be stopped and started again
 * on the same port to test how clients cope with a server that goes away.
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
  char        *database;
  char        *url;
  guint16      port;
  GSubprocess *process;
  char        *demo_output;
} TestDaemon;

TestDaemon *test_daemon_new     (guint       n_students);
void        test_daemon_start   (TestDaemon *daemon);
void        test_daemon_stop    (TestDaemon *daemon);
void        test_daemon_free    (TestDaemon *daemon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDaemon, test_daemon_free)

G_END_DECLS
