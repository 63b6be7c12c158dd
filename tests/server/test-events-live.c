/* test-events-live.c - live events over WebSocket and their plain-HTTP replay, on a real belongingd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/socket.h>

#include "bel-engine-private.h"
#include "bel-events.h"
#include "bel-test-daemon.h"
#include "bel-test-ws.h"
#include "../bel-test-slowdown.h"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->d->process != NULL)
    g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
}

static char *
sign_in (Fixture    *f,
         const char *username)
{
  return bel_test_daemon_sign_in (f->d, username, BEL_TEST_PASSWORD);
}

/* A change through HTTP that records one student.updated event. */
static void
patch_student (Fixture    *f,
               const char *token,
               const char *pronouns)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);
  g_autofree char *body = g_strdup_printf ("{\"pronouns\": \"%s\"}", pronouns);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PATCH", path, token, body, "*");

  g_assert_cmpuint (r->status, ==, 200);
}

/* Records events straight into the database (daemon running or not). */
static void
record_events (Fixture    *f,
               gint64      school_id,
               const char *type,
               guint       n,
               guint       roles,
               gint64      account_id)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (f->d);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) data = json_from_string ("{\"n\": 1}", NULL);

      bel_events_record_restricted (engine, school_id, type, 0, data, roles, account_id, &error);
      g_assert_no_error (error);
    }
  bel_transaction_commit (tx, &error);
  g_assert_no_error (error);
}

static BelTestResponse *
get_events (Fixture    *f,
            const char *token,
            gint64      school_id,
            const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events%s",
                                           school_id, query ? query : "");

  return bel_test_daemon_request (f->d, "GET", path, token, NULL, NULL);
}

static void
assert_increasing (BelTestWs *ws)
{
  for (guint i = 1; i < ws->events->len; i++)
    g_assert_cmpint (bel_test_ws_event_seq (ws, i - 1), <, bel_test_ws_event_seq (ws, i));
}

static void
test_fanout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *leader = NULL, *teacher = NULL, *counselor = NULL, *outsider = NULL;
  g_autoptr(BelTestWs) a = NULL, b = NULL, other = NULL;
  JsonObject *event, *payload;

  bel_test_daemon_start (f->d);
  leader = sign_in (f, "leader");
  teacher = sign_in (f, "teacher");
  counselor = sign_in (f, "counselor");
  outsider = sign_in (f, "outsider");

  a = bel_test_ws_open (f->d->url, teacher, f->seed.school_id, -1);
  b = bel_test_ws_open (f->d->url, counselor, f->seed.school_id, -1);
  other = bel_test_ws_open (f->d->url, outsider, f->seed.other_school_id, -1);
  g_assert_cmpuint (a->status, ==, 101);
  g_assert_cmpuint (b->status, ==, 101);
  g_assert_cmpuint (other->status, ==, 101);

  patch_student (f, leader, "he/him");
  g_assert_true (bel_test_ws_wait_events (a, 1, 5000));
  g_assert_true (bel_test_ws_wait_events (b, 1, 5000));
  bel_test_spin (300);
  g_assert_cmpuint (a->events->len, ==, 1);
  g_assert_cmpuint (b->events->len, ==, 1);
  g_assert_cmpuint (other->events->len, ==, 0);

  event = json_node_get_object (g_ptr_array_index (a->events, 0));
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "student.updated");
  g_assert_cmpint (json_object_get_int_member (event, "school_id"), ==, f->seed.school_id);
  g_assert_true (json_object_get_null_member (event, "round_id"));
  g_assert_nonnull (json_object_get_string_member (event, "at"));
  payload = json_object_get_object_member (event, "data");
  g_assert_cmpint (json_object_get_int_member (payload, "id"), ==, f->seed.student_id);
  g_assert_cmpint (bel_test_ws_event_seq (a, 0), ==, bel_test_ws_event_seq (b, 0));
  g_assert_cmpint (bel_test_ws_event_seq (a, 0), >, 0);

  /* Each change is one event, in order. */
  patch_student (f, leader, "they/them");
  patch_student (f, leader, "she/her");
  g_assert_true (bel_test_ws_wait_events (a, 3, 5000));
  g_assert_true (bel_test_ws_wait_events (b, 3, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (a->events->len, ==, 3);
  assert_increasing (a);
  g_assert_cmpuint (other->events->len, ==, 0);
}

static void
test_streams_end_with_access (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *leader = NULL, *admin = NULL, *teacher_1 = NULL, *teacher_2 = NULL;
  g_autofree char *counselor = NULL, *member_path = NULL;
  g_autoptr(BelTestWs) signed_out = NULL, still_in = NULL, removed = NULL;
  g_autoptr(BelTestResponse) r = NULL;

  bel_test_daemon_start (f->d);
  leader = sign_in (f, "leader");
  admin = sign_in (f, "admin");
  teacher_1 = sign_in (f, "teacher");
  teacher_2 = sign_in (f, "teacher");
  counselor = sign_in (f, "counselor");
  signed_out = bel_test_ws_open (f->d->url, teacher_1, f->seed.school_id, -1);
  still_in = bel_test_ws_open (f->d->url, teacher_2, f->seed.school_id, -1);
  removed = bel_test_ws_open (f->d->url, counselor, f->seed.school_id, -1);
  g_assert_cmpuint (signed_out->status, ==, 101);
  g_assert_cmpuint (still_in->status, ==, 101);
  g_assert_cmpuint (removed->status, ==, 101);

  /* Signing out ends that session's stream at once, not the other session's. */
  r = bel_test_daemon_request (f->d, "DELETE", "/api/v1/session", teacher_1, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 204);
  g_assert_true (bel_test_ws_wait_closed (signed_out, 3000));
  g_assert_cmpuint (signed_out->close_code, ==, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);

  /* Removing a member from the school ends their stream too. */
  member_path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/members/%" G_GINT64_FORMAT,
                                 f->seed.school_id, f->seed.counselor_id);
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_daemon_request (f->d, "DELETE", member_path, admin, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 204);
  g_assert_true (bel_test_ws_wait_closed (removed, 3000));

  /* A live stream is no request in flight: it must not hold up a clean stop. */
  g_clear_pointer (&r, bel_test_response_free);
  r = bel_test_daemon_request (f->d, "GET", "/metrics", NULL, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body),
                                  "belongingd_http_requests_in_flight 1\n"));

  patch_student (f, leader, "they/them");
  g_assert_true (bel_test_ws_wait_events (still_in, 1, 5000));
  g_assert_false (still_in->closed);
  g_assert_cmpuint (signed_out->events->len, ==, 0);
  g_assert_cmpuint (removed->events->len, ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *outsider = NULL, *admin = NULL;
  g_autoptr(BelTestWs) anonymous = NULL, forged = NULL, stranger = NULL, nowhere = NULL, ok = NULL;

  bel_test_daemon_start (f->d);
  outsider = sign_in (f, "outsider");
  admin = sign_in (f, "admin");

  anonymous = bel_test_ws_open (f->d->url, NULL, f->seed.school_id, -1);
  g_assert_cmpuint (anonymous->status, ==, 401);
  g_assert_null (anonymous->conn);
  forged = bel_test_ws_open (f->d->url, "not-a-token", f->seed.school_id, -1);
  g_assert_cmpuint (forged->status, ==, 401);
  stranger = bel_test_ws_open (f->d->url, outsider, f->seed.school_id, 0);
  g_assert_cmpuint (stranger->status, ==, 403);
  g_assert_null (stranger->conn);
  nowhere = bel_test_ws_open (f->d->url, admin, 999999, -1);
  g_assert_cmpuint (nowhere->status, ==, 404);
  /* An admin may follow any school. */
  ok = bel_test_ws_open (f->d->url, admin, f->seed.other_school_id, -1);
  g_assert_cmpuint (ok->status, ==, 101);
}

static void
test_replay_since (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *leader = NULL, *teacher = NULL;
  g_autoptr(BelTestWs) late = NULL, fresh = NULL;
  g_autoptr(BelTestResponse) r = NULL;
  JsonArray *items;
  gint64 seqs[5];

  bel_test_daemon_start (f->d);
  leader = sign_in (f, "leader");
  teacher = sign_in (f, "teacher");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *p = g_strdup_printf ("p%u", i);
      patch_student (f, leader, p);
    }
  r = get_events (f, teacher, f->seed.school_id, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 5);
  for (guint i = 0; i < 5; i++)
    seqs[i] = json_object_get_int_member (json_array_get_object_element (items, i), "seq");

  /* since=N: exactly the events after N, then the live ones. */
  late = bel_test_ws_open (f->d->url, teacher, f->seed.school_id, seqs[1]);
  g_assert_cmpuint (late->status, ==, 101);
  /* Without since: only new events. */
  fresh = bel_test_ws_open (f->d->url, teacher, f->seed.school_id, -1);
  g_assert_true (bel_test_ws_wait_events (late, 3, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (late->events->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (bel_test_ws_event_seq (late, i), ==, seqs[i + 2]);
  g_assert_cmpuint (fresh->events->len, ==, 0);

  patch_student (f, leader, "live");
  g_assert_true (bel_test_ws_wait_events (late, 4, 5000));
  g_assert_true (bel_test_ws_wait_events (fresh, 1, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (late->events->len, ==, 4);
  g_assert_cmpuint (fresh->events->len, ==, 1);
  g_assert_cmpint (bel_test_ws_event_seq (late, 3), ==, bel_test_ws_event_seq (fresh, 0));
  g_assert_cmpint (bel_test_ws_event_seq (late, 3), >, seqs[4]);
}

/* A replay of more than a page while commits happen: no gap, no duplicate. */
static void
test_replay_during_commits (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *leader = NULL, *counselor = NULL;
  g_autoptr(BelTestWs) ws = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const guint bulk = 1500, writes = 8;
  guint other_school = 0;

  record_events (f, f->seed.school_id, "test.bulk", bulk / 2, BEL_EVENT_EVERYONE, 0);
  record_events (f, f->seed.other_school_id, "test.bulk", 100, BEL_EVENT_EVERYONE, 0);
  record_events (f, f->seed.school_id, "test.bulk", bulk / 2, BEL_EVENT_EVERYONE, 0);
  bel_test_daemon_start (f->d);
  leader = sign_in (f, "leader");
  counselor = sign_in (f, "counselor");

  ws = bel_test_ws_open (f->d->url, counselor, f->seed.school_id, 0);
  g_assert_cmpuint (ws->status, ==, 101);
  /* The test's main loop does not run while it writes, so the daemon's
   * socket to it fills up and the replay is still going on. */
  for (guint i = 0; i < writes; i++)
    {
      g_autofree char *p = g_strdup_printf ("w%u", i);
      patch_student (f, leader, p);
    }
  g_assert_true (bel_test_ws_wait_events (ws, bulk + writes, 20000));
  bel_test_spin (300);
  g_assert_cmpuint (ws->events->len, ==, bulk + writes);
  assert_increasing (ws);
  for (guint i = 0; i < ws->events->len; i++)
    {
      JsonObject *event = json_node_get_object (g_ptr_array_index (ws->events, i));
      gint64 *seq = g_new (gint64, 1);

      *seq = json_object_get_int_member (event, "seq");
      g_assert_true (g_hash_table_add (seen, seq));
      if (json_object_get_int_member (event, "school_id") != f->seed.school_id)
        other_school++;
    }
  g_assert_cmpuint (other_school, ==, 0);
  g_assert_cmpstr (bel_test_ws_event_type (ws, ws->events->len - 1), ==, "student.updated");
  g_assert_cmpstr (bel_test_ws_event_type (ws, 0), ==, "test.bulk");
}

static void
test_http_replay (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *counselor = NULL, *outsider = NULL, *admin = NULL;
  g_autofree char *q_page = NULL, *q_rest = NULL, *q_none = NULL;
  g_autoptr(BelTestResponse) all = NULL, page = NULL, rest = NULL, none = NULL;
  JsonArray *items;
  gint64 last, fifth;
  const char *bad[] = { "?limit=0", "?limit=1001", "?since=-1", "?since=abc", NULL };

  record_events (f, f->seed.school_id, "test.a", 10, BEL_EVENT_EVERYONE, 0);
  record_events (f, f->seed.other_school_id, "test.b", 3, BEL_EVENT_EVERYONE, 0);
  bel_test_daemon_start (f->d);
  counselor = sign_in (f, "counselor");
  outsider = sign_in (f, "outsider");
  admin = sign_in (f, "admin");

  all = get_events (f, counselor, f->seed.school_id, NULL);
  g_assert_cmpuint (all->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (all), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 10);
  last = bel_test_response_int (all, "last_seq");
  g_assert_cmpint (last, ==, 13); /* the newest seq of the database, past the other school's */
  fifth = json_object_get_int_member (json_array_get_object_element (items, 4), "seq");

  q_page = g_strdup_printf ("?since=%" G_GINT64_FORMAT "&limit=3", fifth);
  page = get_events (f, counselor, f->seed.school_id, q_page);
  g_assert_cmpuint (page->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (page), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "seq"),
                     ==, fifth + 1 + i);
  g_assert_cmpint (bel_test_response_int (page, "last_seq"), ==, fifth + 3);

  q_rest = g_strdup_printf ("?since=%" G_GINT64_FORMAT, fifth + 3);
  rest = get_events (f, counselor, f->seed.school_id, q_rest);
  items = json_object_get_array_member (bel_test_response_object (rest), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  q_none = g_strdup_printf ("?since=%" G_GINT64_FORMAT, last);
  none = get_events (f, counselor, f->seed.school_id, q_none);
  items = json_object_get_array_member (bel_test_response_object (none), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 0);
  g_assert_cmpint (bel_test_response_int (none, "last_seq"), ==, last);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(BelTestResponse) r = get_events (f, counselor, f->seed.school_id, bad[i]);
      bel_test_assert_problem (r, 400);
    }
  {
    g_autoptr(BelTestResponse) r1 = get_events (f, outsider, f->seed.school_id, NULL);
    g_autoptr(BelTestResponse) r2 = get_events (f, NULL, f->seed.school_id, NULL);
    g_autoptr(BelTestResponse) r3 = get_events (f, admin, 999999, NULL);
    g_autoptr(BelTestResponse) r4 = get_events (f, admin, f->seed.other_school_id, NULL);

    bel_test_assert_problem (r1, 403);
    bel_test_assert_problem (r2, 401);
    bel_test_assert_problem (r3, 404);
    g_assert_cmpuint (r4->status, ==, 200);
    items = json_object_get_array_member (bel_test_response_object (r4), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
  }
}

static guint
count_http_events (Fixture    *f,
                   const char *token)
{
  g_autoptr(BelTestResponse) r = get_events (f, token, f->seed.school_id, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (bel_test_response_object (r), "items"));
}

/* Concern marks: counselors, leaders, admins and the staff member concerned. */
static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  const guint staff = BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER;
  g_autofree char *teacher = NULL, *counselor = NULL, *leader = NULL, *admin = NULL;
  g_autoptr(BelTestWs) t = NULL, c = NULL;

  record_events (f, f->seed.school_id, "mark.added", 1, staff, f->seed.teacher_id); /* the teacher's own */
  record_events (f, f->seed.school_id, "mark.added", 1, staff, f->seed.leader_id);  /* someone else's */
  record_events (f, f->seed.school_id, "round.opened", 1, BEL_EVENT_EVERYONE, 0);
  bel_test_daemon_start (f->d);
  teacher = sign_in (f, "teacher");
  counselor = sign_in (f, "counselor");
  leader = sign_in (f, "leader");
  admin = sign_in (f, "admin");

  g_assert_cmpuint (count_http_events (f, teacher), ==, 2);
  g_assert_cmpuint (count_http_events (f, counselor), ==, 3);
  g_assert_cmpuint (count_http_events (f, leader), ==, 3);
  g_assert_cmpuint (count_http_events (f, admin), ==, 3);

  /* The WebSocket replay filters the same way ... */
  t = bel_test_ws_open (f->d->url, teacher, f->seed.school_id, 0);
  c = bel_test_ws_open (f->d->url, counselor, f->seed.school_id, 0);
  g_assert_true (bel_test_ws_wait_events (t, 2, 5000));
  g_assert_true (bel_test_ws_wait_events (c, 3, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (t->events->len, ==, 2);
  g_assert_cmpint (bel_test_ws_event_seq (t, 0), ==, 1);
  g_assert_cmpint (bel_test_ws_event_seq (t, 1), ==, 3);

  /* ... and so does the live fan-out: events written next to the daemon go
   * out with its next commit. */
  record_events (f, f->seed.school_id, "mark.added", 1, staff, f->seed.leader_id);  /* 4 */
  record_events (f, f->seed.school_id, "mark.added", 1, staff, f->seed.teacher_id); /* 5 */
  patch_student (f, leader, "he/him");                                            /* 6 */
  g_assert_true (bel_test_ws_wait_events (t, 4, 5000));
  g_assert_true (bel_test_ws_wait_events (c, 6, 5000));
  bel_test_spin (200);
  g_assert_cmpuint (t->events->len, ==, 4);
  g_assert_cmpint (bel_test_ws_event_seq (t, 2), ==, 5);
  g_assert_cmpint (bel_test_ws_event_seq (t, 3), ==, 6);
  g_assert_cmpuint (c->events->len, ==, 6);
  assert_increasing (c);
}

/* A subscriber that stops reading: over the queue limit the daemon drops it
 * (it would replay with since), and everyone else goes on. */
static GSocketConnection *
raw_subscribe (Fixture    *f,
               const char *token)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (f->d->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) head = g_string_new (NULL);
  g_autofree char *request = NULL;
  GSocketConnection *conn;
  char c;

  conn = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_socket_set_option (g_socket_connection_get_socket (conn), SOL_SOCKET, SO_RCVBUF, 65536, NULL);
  request = g_strdup_printf ("GET /api/v1/schools/%" G_GINT64_FORMAT "/events HTTP/1.1\r\n"
                             "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer %s\r\n\r\n",
                             f->seed.school_id, token);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request,
                             strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  while (!g_str_has_suffix (head->str, "\r\n\r\n"))
    {
      g_assert_cmpint (g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)),
                                            &c, 1, NULL, &error), ==, 1);
      g_string_append_c (head, c);
    }
  g_assert_true (g_str_has_prefix (head->str, "HTTP/1.1 101"));
  return conn;
}

static void
test_slow_client (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *leader = NULL, *teacher = NULL;
  g_autoptr(GSocketConnection) slow = NULL;
  g_autoptr(BelTestWs) fine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = g_strnfill (400, 'x');
  g_autofree char *payload = g_strdup_printf ("{\"filler\": \"%s\"}", filler);
  const guint burst = 40000;
  gsize total = 0;
  char buffer[65536];
  gssize n;

  bel_test_daemon_set_config (f->d, "[events]\nqueue-limit=50\n");
  bel_test_daemon_start (f->d);
  leader = sign_in (f, "leader");
  teacher = sign_in (f, "teacher");
  slow = raw_subscribe (f, teacher);
  /* Make sure the subscriber is live before the burst. */
  patch_student (f, leader, "first");

  {
    g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (f->d);
    g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < burst; i++)
      {
        g_autoptr(JsonNode) node = json_from_string (payload, NULL);

        bel_events_record (engine, f->seed.school_id, "test.burst", 0, node, &error);
        g_assert_no_error (error);
      }
    bel_transaction_commit (tx, &error);
    g_assert_no_error (error);
  }
  /* The daemon's next commit sends the burst out; the subscriber reads none of
   * it until the daemon has let it go (its answer may come before the burst). */
  patch_student (f, leader, "burst");
  while (bel_test_daemon_metric (f->d, "belongingd_websockets_open") > 0)
    bel_test_spin (20);

  /* The slow subscriber finds its connection closed long before the end of the burst. */
  g_socket_set_timeout (g_socket_connection_get_socket (slow), 30 * bel_test_slowdown ());
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (slow)), buffer,
                                   sizeof buffer, NULL, &error)) > 0)
    total += (gsize) n;
  g_assert_true (n == 0 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE));
  g_assert_cmpuint (total, <, (gsize) burst * strlen (payload) / 2);

  /* Everyone else is served as before. */
  fine = bel_test_ws_open (f->d->url, teacher, f->seed.school_id, -1);
  g_assert_cmpuint (fine->status, ==, 101);
  patch_student (f, leader, "after");
  g_assert_true (bel_test_ws_wait_events (fine, 1, 5000));
  g_assert_cmpstr (bel_test_ws_event_type (fine, 0), ==, "student.updated");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/events/live/streams-end-with-session-and-membership", test_streams_end_with_access);
  ADD ("/events/live/fanout", test_fanout);
  ADD ("/events/live/refused", test_refused);
  ADD ("/events/live/replay-since", test_replay_since);
  ADD ("/events/live/replay-during-commits", test_replay_during_commits);
  ADD ("/events/http/replay", test_http_replay);
  ADD ("/events/visibility/concern", test_visibility);
  ADD ("/events/live/slow-client", test_slow_client);
#undef ADD

  return g_test_run ();
}
