/* bel-test-daemon.h - a real belongingd on port 0 with a temporary database
 *
 *   g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
 *   BelTestSeed seed;
 *   bel_test_daemon_seed (d, &seed);          // optional: data through the engine
 *   bel_test_daemon_start (d);                // spawns belongingd, reads its URL
 *   g_autofree char *token = bel_test_daemon_sign_in (d, "leader", BEL_TEST_PASSWORD);
 *   g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
 *   g_assert_cmpuint (r->status, ==, 200);
 *
 * Tests of the server, belongingctl and the UI may all use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bel-engine.h"
#include "../bel-test-pg.h"
#include "../bel-test-program.h"

G_BEGIN_DECLS

#define BEL_TEST_PASSWORD "correct horse battery"

typedef struct {
  char             *dir;         /* temporary directory, removed by free */
  char             *db_path;     /* a file in dir, or on PostgreSQL a postgresql:// URL */
  char             *pg_database; /* on PostgreSQL: the database made for this daemon; else NULL */
  char             *config_path;
  GSubprocess      *process;
  char             *url;         /* "http://127.0.0.1:PORT" once started */
  SoupSession      *session;
  char             *listen;      /* --listen: "127.0.0.1" unless changed */
  GStrv             env;         /* VARIABLE=value set for the daemon */
  GThread          *drain;       /* reads the daemon's output while it runs */
  GDataInputStream *drain_stream;
  GMutex            output_lock;
  GString          *output;      /* everything the daemon printed */
} BelTestDaemon;

typedef struct {
  gint64 school_id;
  gint64 other_school_id;
  gint64 admin_id;       /* "admin": server admin */
  gint64 leader_id;      /* "leader" of school */
  gint64 counselor_id;   /* "counselor" of school */
  gint64 teacher_id;     /* "teacher" of school */
  gint64 outsider_id;    /* "outsider": teacher of the other school only */
  gint64 advisory_id;    /* "Falcons" of school, advisor: teacher */
  gint64 other_advisory_id; /* "Herons" of school */
  gint64 student_id;     /* José Álvarez, grade 9, in Falcons */
} BelTestSeed;

typedef struct {
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;  /* NULL unless the body is JSON */
} BelTestResponse;

/* With BEL_TEST_POSTGRESQL=<admin URL> (tools/pg-cluster start) in the environment, each
 * daemon gets a fresh PostgreSQL database of its own, dropped by free; otherwise a SQLite file. */
BelTestDaemon   *bel_test_daemon_new          (void);
/* bel_test_postgresql(), bel_test_psql (URL, SQL): see ../bel-test-pg.h. */
/* For a test that reads the SQLite file itself: on PostgreSQL skips the rest of the
 * test with @reason and returns TRUE. */
gboolean         bel_test_skip_on_postgresql  (const char    *reason);
void             bel_test_daemon_free         (BelTestDaemon *d);
/* Removes the daemon's database (the SQLite file, or the PostgreSQL database),
 * for tests of what happens without one. */
void             bel_test_daemon_drop_database (BelTestDaemon *d);
/* Whether the daemon's database exists (the file, or the PostgreSQL database). */
gboolean         bel_test_daemon_has_database (BelTestDaemon *d);
/* Replaces the key file passed with --config (empty by default). */
void             bel_test_daemon_set_config   (BelTestDaemon *d,
                                               const char    *key_file_text);
/* Sets an environment variable for the daemon (before it starts). */
void             bel_test_daemon_setenv       (BelTestDaemon *d,
                                               const char    *variable,
                                               const char    *value);
/* Everything the daemon printed (stdout and stderr) so far; all of it once stopped. */
char            *bel_test_daemon_dup_output   (BelTestDaemon *d);
/* A self-signed certificate for 127.0.0.1 in @d's directory, made now with
 * openssl; FALSE when openssl is missing. */
gboolean         bel_test_daemon_make_certificate (BelTestDaemon  *d,
                                                   char          **cert,
                                                   char          **key);
/* Opens the engine on the database directly (daemon stopped or not). */
BelEngine       *bel_test_daemon_open_engine  (BelTestDaemon *d);
/* Adds two schools, five accounts (password BEL_TEST_PASSWORD), two advisories, one student. */
void             bel_test_daemon_seed         (BelTestDaemon *d,
                                               BelTestSeed   *seed);
/* Spawns belongingd and waits for its "listening on" line; asserts on failure. */
void             bel_test_daemon_start        (BelTestDaemon *d);
/* Spawns it and returns FALSE with its stderr in @error if it does not start. */
gboolean         bel_test_daemon_try_start    (BelTestDaemon *d,
                                               GError       **error);
/* SIGTERM, then waits; returns the exit status (-1 after a signal). A daemon
 * that failed prints the rest of its output (sanitizer reports) to stderr. */
int              bel_test_daemon_stop         (BelTestDaemon *d);
/* SIGKILL, then waits. */
void             bel_test_daemon_kill         (BelTestDaemon *d);
/* The whole argv (NULL-terminated) that bel_test_daemon_start() runs. */
GPtrArray       *bel_test_daemon_argv         (BelTestDaemon *d);

SoupMessage     *bel_test_daemon_message      (BelTestDaemon *d,
                                               const char    *method,
                                               const char    *path,
                                               const char    *token,
                                               const char    *json_body,
                                               const char    *if_match);
BelTestResponse *bel_test_daemon_send         (BelTestDaemon *d,
                                               SoupMessage   *msg);
BelTestResponse *bel_test_daemon_request      (BelTestDaemon *d,
                                               const char    *method,
                                               const char    *path,
                                               const char    *token,
                                               const char    *json_body,
                                               const char    *if_match);
/* The value of a Prometheus gauge or counter of GET /metrics; asserts it is there. */
guint64          bel_test_daemon_metric       (BelTestDaemon *d,
                                               const char    *name);
/* Signs in and returns the token; asserts 201. */
char            *bel_test_daemon_sign_in      (BelTestDaemon *d,
                                               const char    *username,
                                               const char    *password);

BelTestResponse *bel_test_response_new        (SoupMessage   *msg,
                                               GBytes        *body);
void             bel_test_response_free       (BelTestResponse *r);
JsonObject      *bel_test_response_object     (BelTestResponse *r);
gint64           bel_test_response_int        (BelTestResponse *r,
                                               const char      *member);
const char      *bel_test_response_string     (BelTestResponse *r,
                                               const char      *member);
/* Asserts the response is a problem document with @status; returns it. */
JsonObject      *bel_test_assert_problem      (BelTestResponse *r,
                                               guint            status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTestDaemon, bel_test_daemon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelTestResponse, bel_test_response_free)

G_END_DECLS
