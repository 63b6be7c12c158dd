/* test-pg-district.c - several belongingd on one PostgreSQL database, and
 * belongingctl migrate-to; run with BEL_TEST_POSTGRESQL (tools/test does)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-test-daemon.h"
#include "bel-test-it.h"
#include "bel-test-survey-form.h"
#include "bel-test-surveys.h"
#include "bel-test-ws.h"

typedef struct {
  BelTestDaemon *a;        /* two daemons on one database */
  BelTestDaemon *b;
  BelTestSeed    seed;
} Fixture;

static BelTestDaemon *daemons[2];   /* their logs, when an event does not come */

static gboolean
skip_without_postgresql (void)
{
  if (bel_test_postgresql ())
    return FALSE;
  g_test_skip ("PostgreSQL only: set BEL_TEST_POSTGRESQL (tools/pg-cluster)");
  return TRUE;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  if (skip_without_postgresql ())
    return;
  f->a = bel_test_daemon_new ();
  bel_test_daemon_seed (f->a, &f->seed);
  bel_test_daemon_start (f->a);
  f->b = bel_test_daemon_new ();
  g_free (f->b->db_path);
  f->b->db_path = g_strdup (f->a->db_path);
  bel_test_daemon_setenv (f->b, "G_MESSAGES_DEBUG", "Belonging-Server");
  bel_test_daemon_start (f->b);
  daemons[0] = f->a;
  daemons[1] = f->b;
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  daemons[0] = daemons[1] = NULL;
  g_clear_pointer (&f->b, bel_test_daemon_free);
  g_clear_pointer (&f->a, bel_test_daemon_free);
}

static gint64
open_round (BelTestDaemon *d,
            const char    *token,
            gint64         school_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", school_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "POST", path, token, "{\"name\": \"Winter map\"}", NULL);

  g_assert_cmpuint (r->status, ==, 201);
  return bel_test_response_int (r, "id");
}

static guint
put_mark (BelTestDaemon *d,
          const char    *token,
          gint64         round_id,
          gint64         student_id,
          gint64         account_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT
                                           "/%" G_GINT64_FORMAT "/relationship", round_id, student_id, account_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "PUT", path, token, NULL, NULL);

  return r->status;
}

typedef struct {
  BelTestWs  *ws;
  const char *type;
} Awaited;

static gboolean
has_event (gpointer data)
{
  Awaited *awaited = data;

  for (guint i = 0; i < awaited->ws->events->len; i++)
    if (g_strcmp0 (bel_test_ws_event_type (awaited->ws, i), awaited->type) == 0)
      return TRUE;
  return FALSE;
}

static void
wait_for (BelTestWs  *ws,
          const char *type)
{
  Awaited awaited = { ws, type };

  if (bel_test_wait_until (has_event, &awaited, 10000))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (daemons); i++)
    if (daemons[i] != NULL)
      {
        g_autofree char *log = bel_test_daemon_dup_output (daemons[i]);

        g_test_message ("daemon %c:\n%s", 'A' + i, log);
      }
  g_error ("No %s event in 10 s", type);
}

/* A mark made through daemon B reaches a subscriber of daemon A, and the
 * other way round; one session is valid at both. */
static void
test_marks_live_across_daemons (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *counselor = NULL, *teacher = NULL;
  g_autoptr(BelTestWs) at_a = NULL, at_b = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  gint64 round_id;

  if (f->a == NULL)
    return;
  counselor = bel_test_daemon_sign_in (f->a, "counselor", BEL_TEST_PASSWORD);
  teacher = bel_test_daemon_sign_in (f->b, "teacher", BEL_TEST_PASSWORD);
  me = bel_test_daemon_request (f->a, "GET", "/api/v1/me", teacher, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);

  at_a = bel_test_ws_open (f->a->url, counselor, f->seed.school_id, -1);
  at_b = bel_test_ws_open (f->b->url, teacher, f->seed.school_id, -1);
  g_assert_cmpuint (at_a->status, ==, 101);
  g_assert_cmpuint (at_b->status, ==, 101);

  round_id = open_round (f->a, counselor, f->seed.school_id);
  wait_for (at_b, "round.opened");

  g_assert_cmpuint (put_mark (f->b, teacher, round_id, f->seed.student_id, f->seed.teacher_id), ==, 201);
  wait_for (at_a, "mark.added");
  wait_for (at_b, "mark.added");
  /* the same events, in the same order, with the same numbers, at both */
  g_assert_cmpuint (at_a->events->len, ==, at_b->events->len);
  for (guint i = 0; i < at_a->events->len; i++)
    g_assert_cmpint (bel_test_ws_event_seq (at_a, i), ==, bel_test_ws_event_seq (at_b, i));
}

/* A client that reconnects to the other daemon replays from its number. */
static void
test_replay_at_the_other_daemon (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *counselor = NULL;
  g_autoptr(BelTestWs) first = NULL, again = NULL;
  gint64 round_id, seen;

  if (f->a == NULL)
    return;
  counselor = bel_test_daemon_sign_in (f->a, "counselor", BEL_TEST_PASSWORD);
  first = bel_test_ws_open (f->a->url, counselor, f->seed.school_id, -1);
  round_id = open_round (f->a, counselor, f->seed.school_id);
  wait_for (first, "round.opened");
  seen = bel_test_ws_event_seq (first, first->events->len - 1);
  g_clear_pointer (&first, bel_test_ws_free);

  /* while away: two marks through A */
  g_assert_cmpuint (put_mark (f->a, counselor, round_id, f->seed.student_id, f->seed.teacher_id), ==, 201);
  g_assert_cmpuint (put_mark (f->a, counselor, round_id, f->seed.student_id, f->seed.counselor_id), ==, 201);

  again = bel_test_ws_open (f->b->url, counselor, f->seed.school_id, seen);
  g_assert_cmpuint (again->status, ==, 101);
  g_assert_true (bel_test_ws_wait_events (again, 2, 10000));
  g_assert_cmpuint (again->events->len, ==, 2);
  g_assert_cmpstr (bel_test_ws_event_type (again, 0), ==, "mark.added");
  g_assert_cmpstr (bel_test_ws_event_type (again, 1), ==, "mark.added");
  g_assert_cmpint (bel_test_ws_event_seq (again, 0), >, seen);
  g_assert_cmpint (bel_test_ws_event_seq (again, 1), >, bel_test_ws_event_seq (again, 0));
}

/* Signing out through one daemon ends the live stream at the other. */
static void
test_sign_out_ends_stream_elsewhere (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *teacher = NULL;
  g_autoptr(BelTestWs) at_a = NULL;
  g_autoptr(BelTestResponse) out = NULL, after = NULL;

  if (f->a == NULL)
    return;
  teacher = bel_test_daemon_sign_in (f->a, "teacher", BEL_TEST_PASSWORD);
  at_a = bel_test_ws_open (f->a->url, teacher, f->seed.school_id, -1);
  g_assert_cmpuint (at_a->status, ==, 101);
  out = bel_test_daemon_request (f->b, "DELETE", "/api/v1/session", teacher, NULL, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  g_assert_true (bel_test_ws_wait_closed (at_a, 10000));
  after = bel_test_daemon_request (f->a, "GET", "/api/v1/me", teacher, NULL, NULL);
  g_assert_cmpuint (after->status, ==, 401);
}

/* Wrong passwords through both daemons count together: neither saw the
 * limit's five failures alone, and both refuse now, even the right password. */
static void
test_sign_in_limit_shared (Fixture       *f,
                           gconstpointer  data)
{
  const char *wrong = "{\"username\":\"teacher\",\"password\":\"wrong password!\"}";
  const char *right = "{\"username\":\"teacher\",\"password\":\"" BEL_TEST_PASSWORD "\"}";
  BelTestDaemon *both[] = { f->a, f->b };

  if (f->a == NULL)
    return;
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (both[i % 2], "POST", "/api/v1/session", NULL,
                                                              wrong, NULL);
      bel_test_assert_problem (r, 401);
    }
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (both[i], "POST", "/api/v1/session", NULL,
                                                              right, NULL);
      bel_test_assert_problem (r, 429);
      g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
    }
}

/* Wrong survey codes through both daemons count together too (50 per
 * address); each daemon's form comes from that daemon. */
static void
test_survey_code_limit_shared (Fixture       *f,
                               gconstpointer  data)
{
  BelTestDaemon *both[] = { f->a, f->b };
  char *cookies[2] = { NULL, NULL };
  char *forms[2] = { NULL, NULL };

  if (f->a == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autofree char *token = bel_test_survey_open (both[i], &cookies[i]);

      forms[i] = bel_test_survey_start_form ("AAAAA-AAAAA", token);
    }
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_survey_post (both[i % 2], cookies[i % 2], "/survey", forms[i % 2]);
      g_assert_cmpuint (r->status, ==, 404);
    }
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_survey_post (both[i], cookies[i], "/survey", forms[i]);
      g_assert_cmpuint (r->status, ==, 429);
      g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
      g_free (cookies[i]);
      g_free (forms[i]);
    }
}

/* The answers of a daemon on the migrated database equal those on SQLite. */
static void
assert_same_answer (BelTestDaemon *lite,
                    BelTestDaemon *pg,
                    const char    *lite_token,
                    const char    *pg_token,
                    const char    *path)
{
  g_autoptr(BelTestResponse) x = bel_test_daemon_request (lite, "GET", path, lite_token, NULL, NULL);
  g_autoptr(BelTestResponse) y = bel_test_daemon_request (pg, "GET", path, pg_token, NULL, NULL);
  g_autofree char *a = NULL, *b = NULL;

  g_assert_cmpuint (x->status, ==, 200);
  g_assert_cmpuint (y->status, ==, 200);
  a = json_to_string (x->json, TRUE);
  b = json_to_string (y->json, TRUE);
  g_assert_cmpstr (a, ==, b);
}

static void
test_migrate_to (void)
{
  g_autoptr(BelTestDaemon) lite = NULL;
  g_autoptr(BelTestDaemon) pg = NULL;
  g_autoptr(BelTestCtl) demo = NULL, copy = NULL, again = NULL;
  g_autofree char *lite_token = NULL, *pg_token = NULL;

  if (skip_without_postgresql ())
    return;
  lite = bel_test_daemon_new ();
  g_free (lite->db_path);
  lite->db_path = g_build_filename (lite->dir, "school.db", NULL);
  demo = bel_test_it_ctl (lite, 0, "demo", "--students", "60", NULL);
  pg = bel_test_daemon_new ();

  copy = bel_test_it_ctl (lite, 0, "migrate-to", pg->db_path, NULL);
  g_assert_nonnull (strstr (copy->out, "counts and checksums match"));
  g_assert_nonnull (strstr (copy->out, "profile_entry"));
  g_assert_null (strstr (copy->out, "profile_fts"));
  /* a second copy into the same database is refused, and changes nothing */
  again = bel_test_it_ctl (lite, 1, "migrate-to", pg->db_path, NULL);
  g_assert_nonnull (strstr (again->err, "not empty"));

  bel_test_daemon_start (lite);
  bel_test_daemon_start (pg);
  lite_token = bel_test_daemon_sign_in (lite, "angela.whitfield", "belonging-demo");
  pg_token = bel_test_daemon_sign_in (pg, "angela.whitfield", "belonging-demo");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/schools/1/students");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/schools/1/rounds");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/rounds/1/board");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/rounds/2/compare/1");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/schools/1/goals");
  assert_same_answer (lite, pg, lite_token, pg_token, "/api/v1/students/1/profile");
  /* new rows get ids after the copied ones */
  {
    g_autofree char *admin = bel_test_daemon_sign_in (pg, "dana.kowalczyk", "belonging-demo");
    g_autoptr(BelTestResponse) r = bel_test_daemon_request (pg, "POST", "/api/v1/accounts", admin,
                                                            "{\"username\":\"newbie\",\"display_name\":"
                                                            "\"Nia New\",\"password\":\"a long new password\"}",
                                                            NULL);

    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpint (bel_test_response_int (r, "id"), >, 35);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pg/daemons/marks-live", Fixture, NULL, setup, test_marks_live_across_daemons, teardown);
  g_test_add ("/pg/daemons/replay-elsewhere", Fixture, NULL, setup, test_replay_at_the_other_daemon, teardown);
  g_test_add ("/pg/daemons/sign-out-everywhere", Fixture, NULL, setup, test_sign_out_ends_stream_elsewhere,
              teardown);
  g_test_add ("/pg/daemons/sign-in-limit-shared", Fixture, NULL, setup, test_sign_in_limit_shared, teardown);
  g_test_add ("/pg/daemons/survey-code-limit-shared", Fixture, NULL, setup, test_survey_code_limit_shared,
              teardown);
  g_test_add_func ("/pg/migrate-to", test_migrate_to);
  return g_test_run ();
}
