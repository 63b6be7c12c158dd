/* test-board-marks.c - rounds and marks over HTTP: who may mark, idempotence, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-board.h"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  gint64         other_student_id;
  char          *leader_token;
  char          *counselor_token;
  char          *teacher_token;
  char          *outsider_token;
  gint64         round_id;
  char          *round_etag;
} Fixture;

/* Signs in on first use: each sign-in verifies an argon2id hash, which is slow on purpose. */
static char *
sign_in_once (Fixture     *f,
              char       **slot,
              const char  *username)
{
  if (*slot == NULL)
    *slot = bel_test_daemon_sign_in (f->d, username, BEL_TEST_PASSWORD);
  return *slot;
}

#define LEADER(f) sign_in_once ((f), &(f)->leader_token, "leader")
#define COUNSELOR(f) sign_in_once ((f), &(f)->counselor_token, "counselor")
#define TEACHER(f) sign_in_once ((f), &(f)->teacher_token, "teacher")
#define OUTSIDER(f) sign_in_once ((f), &(f)->outsider_token, "outsider")

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  {
    g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (f->d);

    f->other_student_id = bel_test_board_add_student (engine, f->seed.other_school_id, "Olu", "Other", 7, 0, "");
  }
  bel_test_daemon_start (f->d);

  /* Every test starts with one open round, made by the counselor. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", f->seed.school_id);
    g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "POST", path, COUNSELOR (f),
                                                            "{\"name\": \"Fall map\"}", NULL);

    g_assert_cmpuint (r->status, ==, 201);
    f->round_id = bel_test_response_int (r, "id");
    f->round_etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    g_assert_nonnull (f->round_etag);
  }
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_free (f->leader_token);
  g_free (f->counselor_token);
  g_free (f->teacher_token);
  g_free (f->outsider_token);
  g_free (f->round_etag);
  bel_test_daemon_free (f->d);
}

static char *
mark_path (gint64      round_id,
           gint64      student_id,
           gint64      account_id,
           const char *kind)
{
  return g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s",
                          round_id, student_id, account_id, kind);
}

static guint
mark (Fixture    *f,
      const char *method,
      const char *token,
      gint64      round_id,
      gint64      student_id,
      gint64      account_id,
      const char *kind)
{
  g_autofree char *path = mark_path (round_id, student_id, account_id, kind);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, method, path, token, NULL, NULL);

  if (r->status >= 400)
    bel_test_assert_problem (r, r->status);
  return r->status;
}

/* The student's relationship marks on the board, as "id,id". */
static char *
relationships_of (Fixture *f,
                  gint64   student_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", f->round_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, COUNSELOR (f), NULL, NULL);
  JsonObject *s;

  g_assert_cmpuint (r->status, ==, 200);
  s = bel_test_board_student (bel_test_response_object (r), student_id);
  return bel_test_board_marks (s, "relationship");
}

static gint64
round_mark_count (Fixture *f)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, f->round_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_response_int (r, "mark_count");
}

static void
test_counselor_places_on_behalf (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = mark_path (f->round_id, f->seed.student_id, f->seed.teacher_id, "relationship");
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PUT", path, COUNSELOR (f), NULL, NULL);
  g_autoptr(BelTestResponse) again = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, f->seed.teacher_id);

  g_assert_cmpuint (r->status, ==, 201);
  g_assert_cmpint (bel_test_response_int (r, "account_id"), ==, f->seed.teacher_id);
  g_assert_cmpint (bel_test_response_int (r, "placed_by"), ==, f->seed.counselor_id);
  g_assert_cmpstr (bel_test_response_string (r, "placed_by_name"), ==, "Cam Counselor");
  g_assert_cmpstr (bel_test_response_string (r, "kind"), ==, "relationship");

  /* Placing it again changes nothing, not even who placed it. */
  again = bel_test_daemon_request (f->d, "PUT", path, LEADER (f), NULL, NULL);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpint (bel_test_response_int (again, "placed_by"), ==, f->seed.counselor_id);
  g_assert_cmpstr (bel_test_response_string (again, "created_at"), ==, bel_test_response_string (r, "created_at"));

  marks = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (marks, ==, expected);
  g_assert_cmpint (round_mark_count (f), ==, 1);

  /* The counselor removes it for the teacher too. */
  g_assert_cmpuint (mark (f, "DELETE", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 204);
  g_clear_pointer (&marks, g_free);
  marks = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (marks, ==, "");
}

static void
test_teacher_on_behalf_is_403 (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 seq;

  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.counselor_id,
                          "relationship"), ==, 201);
  before = relationships_of (f, f->seed.student_id);
  seq = bel_test_last_seq (f->d, COUNSELOR (f), f->seed.school_id);

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.counselor_id,
                          "relationship"), ==, 403);
  g_assert_cmpuint (mark (f, "DELETE", TEACHER (f), f->round_id, f->seed.student_id, f->seed.counselor_id,
                          "relationship"), ==, 403);
  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.leader_id,
                          "concern"), ==, 403);
  /* Not a member of the school at all. */
  g_assert_cmpuint (mark (f, "PUT", OUTSIDER (f), f->round_id, f->seed.student_id, f->seed.outsider_id,
                          "relationship"), ==, 403);

  after = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (bel_test_last_seq (f->d, COUNSELOR (f), f->seed.school_id), ==, seq);

  /* Their own mark is fine. */
  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 201);
}

static void
test_idempotent_put_and_delete (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *one = g_strdup_printf ("%" G_GINT64_FORMAT, f->seed.teacher_id);
  g_autofree char *marks = NULL;
  gint64 seq;

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 201);
  seq = bel_test_last_seq (f->d, TEACHER (f), f->seed.school_id);
  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 200);
  /* An unchanged set is no event either. */
  g_assert_cmpint (bel_test_last_seq (f->d, TEACHER (f), f->seed.school_id), ==, seq);
  marks = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (marks, ==, one);

  g_assert_cmpuint (mark (f, "DELETE", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 204);
  g_assert_cmpint (bel_test_last_seq (f->d, TEACHER (f), f->seed.school_id), ==, seq + 1);
  g_assert_cmpuint (mark (f, "DELETE", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 204);
  g_assert_cmpint (bel_test_last_seq (f->d, TEACHER (f), f->seed.school_id), ==, seq + 1);
  g_clear_pointer (&marks, g_free);
  marks = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (marks, ==, "");
  g_assert_cmpint (round_mark_count (f), ==, 0);
}

static void
test_mark_events_carry_adult_count (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 since = bel_test_last_seq (f->d, TEACHER (f), f->seed.school_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=%" G_GINT64_FORMAT,
                                           f->seed.school_id, since);
  g_autoptr(BelTestResponse) r = NULL;
  JsonArray *items;
  const struct { const char *type; gint64 count; } want[] = {
    { "mark.added", 1 }, { "mark.added", 2 }, { "mark.removed", 1 },
  };

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 201);
  g_assert_cmpuint (mark (f, "PUT", LEADER (f), f->round_id, f->seed.student_id, f->seed.counselor_id,
                          "relationship"), ==, 201);
  g_assert_cmpuint (mark (f, "DELETE", LEADER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 204);
  r = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      JsonObject *event = json_array_get_object_element (items, i);
      JsonObject *event_data = json_object_get_object_member (event, "data");

      g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, want[i].type);
      g_assert_cmpint (json_object_get_int_member (event, "round_id"), ==, f->round_id);
      g_assert_cmpint (json_object_get_int_member (event_data, "student_id"), ==, f->seed.student_id);
      g_assert_cmpint (json_object_get_int_member (event_data, "adult_count"), ==, want[i].count);
    }
}

static void
test_closed_round_is_409 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, f->round_id);
  g_autoptr(BelTestResponse) closed = NULL;
  g_autoptr(BelTestResponse) rename = NULL;
  g_autoptr(BelTestResponse) reopen = NULL;

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 201);
  closed = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"status\": \"closed\"}",
                                    f->round_etag);
  g_assert_cmpuint (closed->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (closed, "status"), ==, "closed");
  g_assert_nonnull (bel_test_response_string (closed, "closed_at"));
  g_assert_cmpint (bel_test_response_int (closed, "student_count"), ==, 1);

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "personal"), ==, 409);
  g_assert_cmpuint (mark (f, "DELETE", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 409);
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "concern"), ==, 409);
  g_assert_cmpint (round_mark_count (f), ==, 1);

  rename = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"name\": \"Renamed\"}",
                                    soup_message_headers_get_one (closed->headers, "ETag"));
  bel_test_assert_problem (rename, 409);
  reopen = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"status\": \"open\"}",
                                    soup_message_headers_get_one (closed->headers, "ETag"));
  bel_test_assert_problem (reopen, 409);
}

static void
test_one_open_round_per_school (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", f->seed.school_id);
  g_autoptr(BelTestResponse) second = bel_test_daemon_request (f->d, "POST", path, LEADER (f),
                                                               "{\"name\": \"Second\"}", NULL);
  g_autoptr(BelTestResponse) planned = NULL;
  g_autoptr(BelTestResponse) open_it = NULL;
  g_autoptr(BelTestResponse) close_first = NULL;
  g_autoptr(BelTestResponse) open_now = NULL;
  g_autoptr(BelTestResponse) list = NULL;
  g_autofree char *planned_path = NULL;
  g_autofree char *first_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, f->round_id);
  JsonArray *items;

  bel_test_assert_problem (second, 409);
  planned = bel_test_daemon_request (f->d, "POST", path, LEADER (f),
                                     "{\"name\": \"Winter map\", \"status\": \"planned\"}", NULL);
  g_assert_cmpuint (planned->status, ==, 201);
  g_assert_cmpstr (bel_test_response_string (planned, "status"), ==, "planned");
  g_assert_null (bel_test_response_string (planned, "opened_at"));

  /* A planned round cannot take marks, nor open while another round is open. */
  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), bel_test_response_int (planned, "id"), f->seed.student_id,
                          f->seed.teacher_id, "relationship"), ==, 409);
  planned_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, bel_test_response_int (planned, "id"));
  open_it = bel_test_daemon_request (f->d, "PATCH", planned_path, LEADER (f), "{\"status\": \"open\"}",
                                     soup_message_headers_get_one (planned->headers, "ETag"));
  bel_test_assert_problem (open_it, 409);

  close_first = bel_test_daemon_request (f->d, "PATCH", first_path, LEADER (f), "{\"status\": \"closed\"}",
                                         f->round_etag);
  g_assert_cmpuint (close_first->status, ==, 200);
  open_now = bel_test_daemon_request (f->d, "PATCH", planned_path, LEADER (f), "{\"status\": \"open\"}",
                                      soup_message_headers_get_one (planned->headers, "ETag"));
  g_assert_cmpuint (open_now->status, ==, 200);
  g_assert_nonnull (bel_test_response_string (open_now, "opened_at"));

  /* Newest first. */
  list = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==,
                   "Winter map");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==,
                   "closed");
}

static void
test_round_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", f->seed.school_id);
  g_autofree char *round_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT, f->round_id);
  g_autoptr(BelTestResponse) by_teacher = bel_test_daemon_request (f->d, "POST", path, TEACHER (f),
                                                                   "{\"name\": \"Mine\", \"status\": \"planned\"}",
                                                                   NULL);
  g_autoptr(BelTestResponse) blank = bel_test_daemon_request (f->d, "POST", path, LEADER (f),
                                                              "{\"name\": \"  \", \"status\": \"planned\"}", NULL);
  g_autoptr(BelTestResponse) closed = bel_test_daemon_request (f->d, "POST", path, LEADER (f),
                                                               "{\"name\": \"X\", \"status\": \"closed\"}", NULL);
  g_autoptr(BelTestResponse) no_if_match = bel_test_daemon_request (f->d, "PATCH", round_path, LEADER (f),
                                                                    "{\"name\": \"Y\"}", NULL);
  g_autoptr(BelTestResponse) stale = bel_test_daemon_request (f->d, "PATCH", round_path, LEADER (f),
                                                              "{\"name\": \"Y\"}", "\"99\"");
  g_autoptr(BelTestResponse) by_teacher_patch = bel_test_daemon_request (f->d, "PATCH", round_path, TEACHER (f),
                                                                         "{\"name\": \"Y\"}", f->round_etag);
  g_autoptr(BelTestResponse) renamed = bel_test_daemon_request (f->d, "PATCH", round_path, LEADER (f),
                                                                "{\"name\": \"Fall map (staff meeting)\"}",
                                                                f->round_etag);
  g_autoptr(BelTestResponse) outsider = bel_test_daemon_request (f->d, "GET", round_path, OUTSIDER (f), NULL, NULL);
  g_autoptr(BelTestResponse) list = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);

  bel_test_assert_problem (by_teacher, 403);
  bel_test_assert_problem (blank, 422);
  bel_test_assert_problem (closed, 422);
  bel_test_assert_problem (no_if_match, 428);
  bel_test_assert_problem (stale, 412);
  bel_test_assert_problem (by_teacher_patch, 403);
  g_assert_cmpuint (renamed->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (renamed, "name"), ==, "Fall map (staff meeting)");
  g_assert_cmpint (bel_test_response_int (renamed, "version"), ==, 2);
  g_assert_cmpstr (bel_test_response_string (renamed, "created_by_name"), ==, "Cam Counselor");
  bel_test_assert_problem (outsider, 403);
  /* None of the refused requests made a round. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (list),
                                                                         "items")), ==, 1);
}

static void
test_bad_requests_change_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", f->seed.school_id);
  g_autoptr(BelTestResponse) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 seq;

  g_assert_cmpuint (mark (f, "PUT", TEACHER (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 201);
  before = relationships_of (f, f->seed.student_id);
  seq = bel_test_last_seq (f->d, COUNSELOR (f), f->seed.school_id);

  /* 422: not a kind of mark; not a staff member of the school */
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.teacher_id,
                          "friendship"), ==, 422);
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.outsider_id,
                          "relationship"), ==, 422);
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.admin_id,
                          "relationship"), ==, 422);
  /* 404: a student of another school; a round or student that does not exist */
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, f->other_student_id, f->seed.teacher_id,
                          "relationship"), ==, 404);
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), f->round_id, 999999, f->seed.teacher_id,
                          "relationship"), ==, 404);
  g_assert_cmpuint (mark (f, "PUT", COUNSELOR (f), 999999, f->seed.student_id, f->seed.teacher_id,
                          "relationship"), ==, 404);
  g_assert_cmpuint (mark (f, "DELETE", COUNSELOR (f), f->round_id, f->seed.student_id, f->seed.outsider_id,
                          "relationship"), ==, 422);
  /* 409: a second open round */
  second = bel_test_daemon_request (f->d, "POST", path, COUNSELOR (f), "{\"name\": \"Second\"}", NULL);
  bel_test_assert_problem (second, 409);

  after = relationships_of (f, f->seed.student_id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (round_mark_count (f), ==, 1);
  g_assert_cmpint (bel_test_last_seq (f->d, COUNSELOR (f), f->seed.school_id), ==, seq);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/board/" path, Fixture, NULL, setup, func, teardown)
  ADD ("marks/counselor-places-on-behalf", test_counselor_places_on_behalf);
  ADD ("marks/teacher-on-behalf-is-403", test_teacher_on_behalf_is_403);
  ADD ("marks/idempotent-put-and-delete", test_idempotent_put_and_delete);
  ADD ("marks/events-carry-the-adult-count", test_mark_events_carry_adult_count);
  ADD ("marks/closed-round-is-409", test_closed_round_is_409);
  ADD ("marks/bad-requests-change-nothing", test_bad_requests_change_nothing);
  ADD ("rounds/one-open-round-per-school", test_one_open_round_per_school);
  ADD ("rounds/roles-validation-and-if-match", test_round_rules);
#undef ADD

  return g_test_run ();
}
