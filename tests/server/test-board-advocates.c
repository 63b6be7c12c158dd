/* test-board-advocates.c - assigning advocates, their statuses, "my advocacy"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-board.h"

#include "bel-store-private.h"

typedef struct {
  BelTestDaemon *d;
  BelTestBoard   b;
  char          *leader_token;
  char          *counselor_token;
  char          *teacher_token;
  char          *outsider_token;
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
  bel_test_board_build (f->d, &f->b);
  bel_test_daemon_start (f->d);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_free (f->leader_token);
  g_free (f->counselor_token);
  g_free (f->teacher_token);
  g_free (f->outsider_token);
  bel_test_daemon_free (f->d);
}

static BelTestResponse *
assign (Fixture    *f,
        const char *token,
        gint64      student_id,
        const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/advocates", student_id);

  return bel_test_daemon_request (f->d, "POST", path, token, body, NULL);
}

static char *
assign_body (gint64      account_id,
             const char *follow_up_on)
{
  return g_strdup_printf ("{\"account_id\": %" G_GINT64_FORMAT ", \"follow_up_on\": \"%s\", "
                          "\"note\": \"Ask about the robotics club\"}", account_id, follow_up_on);
}

static gint64
count_audit (Fixture    *f,
             const char *action,
             gint64      actor_id,
             gint64      student_id)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (f->d);
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT COUNT(*) FROM audit WHERE action = ? AND actor_id = ? AND student_id = ?", &error);

  g_assert_no_error (error);
  bel_bind_text (stmt, 1, action);
  bel_bind_int64 (stmt, 2, actor_id);
  bel_bind_int64 (stmt, 3, student_id);
  g_assert_true (bel_store_step_row (store, stmt, &error));
  return bel_column_int64 (stmt, 0);
}

static void
test_assign_and_audit (Fixture       *f,
                       gconstpointer  data)
{
  gint64 bao = f->b.students[BOARD_BAO];
  g_autofree char *body = assign_body (f->b.seed.teacher_id, "2027-02-01");
  g_autoptr(BelTestResponse) r = assign (f, COUNSELOR (f), bao, body);
  g_autofree char *board_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board?connection=none",
                                                 f->b.winter_id);
  g_autoptr(BelTestResponse) board = NULL;
  JsonObject *advocate, *staff;

  g_assert_cmpuint (r->status, ==, 201);
  g_assert_nonnull (soup_message_headers_get_one (r->headers, "ETag"));
  g_assert_cmpint (bel_test_response_int (r, "student_id"), ==, bao);
  g_assert_cmpstr (bel_test_response_string (r, "student_name"), ==, "Bao Nguyen");
  g_assert_cmpint (bel_test_response_int (r, "account_id"), ==, f->b.seed.teacher_id);
  g_assert_cmpstr (bel_test_response_string (r, "display_name"), ==, "Tess Teacher");
  g_assert_cmpint (bel_test_response_int (r, "assigned_by"), ==, f->b.seed.counselor_id);
  g_assert_cmpstr (bel_test_response_string (r, "assigned_by_name"), ==, "Cam Counselor");
  g_assert_cmpstr (bel_test_response_string (r, "status"), ==, "assigned");
  g_assert_cmpstr (bel_test_response_string (r, "follow_up_on"), ==, "2027-02-01");
  /* It comes from the open round. */
  g_assert_cmpint (bel_test_response_int (r, "round_id"), ==, f->b.winter_id);
  g_assert_cmpint (count_audit (f, "advocate.assign", f->b.seed.counselor_id, bao), ==, 1);

  /* The board shows the advocate on the student's card. */
  board = bel_test_daemon_request (f->d, "GET", board_path, TEACHER (f), NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  advocate = json_object_get_object_member (bel_test_board_student (bel_test_response_object (board), bao),
                                            "advocate");
  g_assert_nonnull (advocate);
  g_assert_cmpint (json_object_get_int_member (advocate, "id"), ==, bel_test_response_int (r, "id"));
  g_assert_cmpint (json_object_get_int_member (advocate, "account_id"), ==, f->b.seed.teacher_id);
  g_assert_cmpstr (json_object_get_string_member (advocate, "status"), ==, "assigned");
  g_assert_cmpstr (json_object_get_string_member (advocate, "follow_up_on"), ==, "2027-02-01");
  /* The advocate's name is sent once, with the staff. */
  staff = bel_test_board_staff (bel_test_response_object (board), f->b.seed.teacher_id);
  g_assert_cmpstr (json_object_get_string_member (staff, "display_name"), ==, "Tess Teacher");
}

/* The board names everyone its students' advocates mention, even someone
 * who has since left the school's staff. */
static void
test_former_staff_keep_their_names (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 bao = f->b.students[BOARD_BAO];
  g_autofree char *body = assign_body (f->b.seed.leader_id, "2027-02-01");
  g_autoptr(BelTestResponse) r = assign (f, COUNSELOR (f), bao, body);
  g_autofree char *admin = bel_test_daemon_sign_in (f->d, "admin", BEL_TEST_PASSWORD);
  g_autofree char *member = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/members/%" G_GINT64_FORMAT,
                                             f->b.seed.school_id, f->b.seed.leader_id);
  g_autofree char *board_path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board", f->b.winter_id);
  gint64 marked[] = { f->b.students[BOARD_CARLOS], f->b.students[BOARD_EVE] };
  g_autoptr(BelTestResponse) removed = NULL;
  g_autoptr(BelTestResponse) board = NULL;
  JsonObject *leader;

  g_assert_cmpuint (r->status, ==, 201);
  /* The leader's winter checks go, so only the advocacy names them. */
  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    {
      g_autofree char *mark = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/marks/%" G_GINT64_FORMAT
                                               "/%" G_GINT64_FORMAT "/relationship",
                                               f->b.winter_id, marked[i], f->b.seed.leader_id);
      g_autoptr(BelTestResponse) unmarked = bel_test_daemon_request (f->d, "DELETE", mark, COUNSELOR (f),
                                                                     NULL, NULL);

      g_assert_cmpuint (unmarked->status, ==, 204);
    }
  removed = bel_test_daemon_request (f->d, "DELETE", member, admin, NULL, NULL);
  g_assert_cmpuint (removed->status, ==, 204);

  board = bel_test_daemon_request (f->d, "GET", board_path, COUNSELOR (f), NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  leader = bel_test_board_staff (bel_test_response_object (board), f->b.seed.leader_id);
  g_assert_cmpstr (json_object_get_string_member (leader, "display_name"), ==, "Lee Leader");
  g_assert_true (json_object_get_null_member (leader, "role"));
  g_assert_cmpint (json_object_get_int_member (leader, "mark_count"), ==, 0);
}

static void
test_assign_rules (Fixture       *f,
                   gconstpointer  data)
{
  gint64 dana = f->b.students[BOARD_DANA];
  g_autofree char *ok = assign_body (f->b.seed.leader_id, "2027-01-25");
  g_autofree char *outsider = assign_body (f->b.seed.outsider_id, "2027-01-25");
  g_autofree char *bad_date = assign_body (f->b.seed.leader_id, "2027-02-30");
  g_autofree char *list_path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advocates?status=all",
                                                f->b.seed.school_id);
  g_autoptr(BelTestResponse) by_teacher = assign (f, TEACHER (f), dana, ok);
  g_autoptr(BelTestResponse) not_staff = assign (f, COUNSELOR (f), dana, outsider);
  g_autoptr(BelTestResponse) wrong_date = assign (f, COUNSELOR (f), dana, bad_date);
  g_autoptr(BelTestResponse) no_date = assign (f, COUNSELOR (f), dana, "{\"account_id\": 3}");
  g_autoptr(BelTestResponse) other_school = assign (f, COUNSELOR (f), f->b.other_student_id, ok);
  g_autoptr(BelTestResponse) missing = assign (f, COUNSELOR (f), 999999, ok);
  g_autoptr(BelTestResponse) empty = bel_test_daemon_request (f->d, "GET", list_path, LEADER (f), NULL, NULL);
  g_autoptr(BelTestResponse) first = NULL;
  g_autoptr(BelTestResponse) twice = NULL;
  gint64 seq;

  bel_test_assert_problem (by_teacher, 403);
  bel_test_assert_problem (not_staff, 422);
  bel_test_assert_problem (wrong_date, 422);
  bel_test_assert_problem (no_date, 422);
  bel_test_assert_problem (other_school, 403);
  bel_test_assert_problem (missing, 404);
  g_assert_cmpuint (empty->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (empty),
                                                                         "items")), ==, 0);

  first = assign (f, LEADER (f), dana, ok);
  g_assert_cmpuint (first->status, ==, 201);
  seq = bel_test_last_seq (f->d, LEADER (f), f->b.seed.school_id);
  twice = assign (f, COUNSELOR (f), dana, ok);
  bel_test_assert_problem (twice, 409);
  g_assert_cmpint (bel_test_last_seq (f->d, LEADER (f), f->b.seed.school_id), ==, seq);
  g_assert_cmpint (count_audit (f, "advocate.assign", f->b.seed.leader_id, dana), ==, 1);
  g_assert_cmpint (count_audit (f, "advocate.assign", f->b.seed.counselor_id, dana), ==, 0);
}

static void
test_lifecycle_with_if_match (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *body = assign_body (f->b.seed.teacher_id, "2027-02-01");
  g_autoptr(BelTestResponse) r = assign (f, COUNSELOR (f), f->b.students[BOARD_HANA], body);
  g_autofree char *path = g_strdup_printf ("/api/v1/advocates/%" G_GINT64_FORMAT, bel_test_response_int (r, "id"));
  g_autoptr(BelTestResponse) no_if_match = NULL;
  g_autoptr(BelTestResponse) reached = NULL;
  g_autoptr(BelTestResponse) stale = NULL;
  g_autoptr(BelTestResponse) swap = NULL;
  g_autoptr(BelTestResponse) bad_status = NULL;
  g_autoptr(BelTestResponse) by_outsider = NULL;
  g_autoptr(BelTestResponse) connected = NULL;
  g_autoptr(BelTestResponse) got = NULL;
  g_autoptr(BelTestResponse) ended = NULL;
  g_autoptr(BelTestResponse) after_end = NULL;
  g_autofree char *etag = NULL;

  g_assert_cmpuint (r->status, ==, 201);
  etag = g_strdup (soup_message_headers_get_one (r->headers, "ETag"));

  no_if_match = bel_test_daemon_request (f->d, "PATCH", path, TEACHER (f), "{\"status\": \"reached_out\"}", NULL);
  bel_test_assert_problem (no_if_match, 428);

  /* The advocate themself moves it on. */
  reached = bel_test_daemon_request (f->d, "PATCH", path, TEACHER (f),
                                     "{\"status\": \"reached_out\", \"note\": \"Talked at lunch\"}", etag);
  g_assert_cmpuint (reached->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (reached, "status"), ==, "reached_out");
  g_assert_cmpstr (bel_test_response_string (reached, "note"), ==, "Talked at lunch");
  g_assert_cmpint (bel_test_response_int (reached, "version"), ==, 2);

  stale = bel_test_daemon_request (f->d, "PATCH", path, TEACHER (f), "{\"status\": \"connected\"}", etag);
  bel_test_assert_problem (stale, 412);
  g_free (etag);
  etag = g_strdup (soup_message_headers_get_one (reached->headers, "ETag"));

  swap = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"account_id\": 3}", etag);
  bel_test_assert_problem (swap, 422);
  bad_status = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"status\": \"best-friends\"}", etag);
  bel_test_assert_problem (bad_status, 422);
  by_outsider = bel_test_daemon_request (f->d, "PATCH", path, OUTSIDER (f), "{\"status\": \"connected\"}", etag);
  bel_test_assert_problem (by_outsider, 403);

  /* A leader may change it too. */
  connected = bel_test_daemon_request (f->d, "PATCH", path, LEADER (f),
                                       "{\"status\": \"connected\", \"follow_up_on\": \"2027-03-01\"}", etag);
  g_assert_cmpuint (connected->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (connected, "status"), ==, "connected");
  g_assert_cmpstr (bel_test_response_string (connected, "follow_up_on"), ==, "2027-03-01");
  g_assert_cmpstr (bel_test_response_string (connected, "note"), ==, "Talked at lunch");
  g_assert_cmpint (count_audit (f, "advocate.update", f->b.seed.leader_id, f->b.students[BOARD_HANA]), ==, 1);

  got = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (got->headers, "ETag"), ==,
                   soup_message_headers_get_one (connected->headers, "ETag"));

  ended = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"status\": \"ended\"}",
                                   soup_message_headers_get_one (connected->headers, "ETag"));
  g_assert_cmpuint (ended->status, ==, 200);
  after_end = bel_test_daemon_request (f->d, "PATCH", path, COUNSELOR (f), "{\"status\": \"assigned\"}",
                                       soup_message_headers_get_one (ended->headers, "ETag"));
  bel_test_assert_problem (after_end, 409);

  /* Once ended, the same staff member may be assigned again. */
  {
    g_autoptr(BelTestResponse) again = assign (f, COUNSELOR (f), f->b.students[BOARD_HANA], body);
    g_assert_cmpuint (again->status, ==, 201);
  }
}

static void
test_lists_and_my_advocacy (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *late = assign_body (f->b.seed.teacher_id, "2027-03-15");
  g_autofree char *soon = assign_body (f->b.seed.teacher_id, "2027-01-20");
  g_autofree char *other = assign_body (f->b.seed.leader_id, "2027-01-10");
  g_autoptr(BelTestResponse) a1 = assign (f, COUNSELOR (f), f->b.students[BOARD_DANA], late);
  g_autoptr(BelTestResponse) a2 = assign (f, COUNSELOR (f), f->b.students[BOARD_BAO], soon);
  g_autoptr(BelTestResponse) a3 = assign (f, COUNSELOR (f), f->b.students[BOARD_HANA], other);
  g_autoptr(BelTestResponse) mine = NULL;
  g_autoptr(BelTestResponse) leaders = NULL;
  g_autoptr(BelTestResponse) due = NULL;
  g_autoptr(BelTestResponse) bad = NULL;
  g_autoptr(BelTestResponse) outsider = NULL;
  g_autofree char *base = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advocates", f->b.seed.school_id);
  g_autofree char *by_account = g_strdup_printf ("%s?account=%" G_GINT64_FORMAT, base, f->b.seed.leader_id);
  g_autofree char *due_path = g_strdup_printf ("%s?due_before=2027-01-31", base);
  g_autofree char *bad_path = g_strdup_printf ("%s?status=happy", base);
  JsonArray *items;

  g_assert_cmpuint (a1->status, ==, 201);
  g_assert_cmpuint (a2->status, ==, 201);
  g_assert_cmpuint (a3->status, ==, 201);

  /* My advocacy: the teacher's two students, soonest follow-up first. */
  mine = bel_test_daemon_request (f->d, "GET", "/api/v1/me/advocacy", TEACHER (f), NULL, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (mine), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "student_id"), ==,
                   f->b.students[BOARD_BAO]);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "follow_up_on"), ==,
                   "2027-01-20");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "student_id"), ==,
                   f->b.students[BOARD_DANA]);

  leaders = bel_test_daemon_request (f->d, "GET", by_account, TEACHER (f), NULL, NULL);
  g_assert_cmpuint (leaders->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (leaders), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "student_id"), ==,
                   f->b.students[BOARD_HANA]);

  due = bel_test_daemon_request (f->d, "GET", due_path, COUNSELOR (f), NULL, NULL);
  g_assert_cmpuint (due->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (due), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "follow_up_on"), ==,
                   "2027-01-10");

  bad = bel_test_daemon_request (f->d, "GET", bad_path, COUNSELOR (f), NULL, NULL);
  bel_test_assert_problem (bad, 400);
  outsider = bel_test_daemon_request (f->d, "GET", base, OUTSIDER (f), NULL, NULL);
  bel_test_assert_problem (outsider, 403);
}

static void
test_advocate_events (Fixture       *f,
                      gconstpointer  data)
{
  gint64 since = bel_test_last_seq (f->d, TEACHER (f), f->b.seed.school_id);
  g_autofree char *body = assign_body (f->b.seed.teacher_id, "2027-02-01");
  g_autoptr(BelTestResponse) r = assign (f, COUNSELOR (f), f->b.students[BOARD_DANA], body);
  g_autofree char *path = g_strdup_printf ("/api/v1/advocates/%" G_GINT64_FORMAT, bel_test_response_int (r, "id"));
  g_autoptr(BelTestResponse) patched = bel_test_daemon_request (f->d, "PATCH", path, TEACHER (f),
                                                                "{\"status\": \"needs_help\"}",
                                                                soup_message_headers_get_one (r->headers, "ETag"));
  g_autofree char *events = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=%" G_GINT64_FORMAT,
                                             f->b.seed.school_id, since);
  g_autoptr(BelTestResponse) replay = bel_test_daemon_request (f->d, "GET", events, TEACHER (f), NULL, NULL);
  JsonArray *items;

  g_assert_cmpuint (patched->status, ==, 200);
  g_assert_cmpuint (replay->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (replay), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "type"), ==,
                   "advocate.assigned");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "type"), ==,
                   "advocate.updated");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (items, 1), "data"), "status"),
                   ==, "needs_help");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/board/advocates/" path, Fixture, NULL, setup, func, teardown)
  ADD ("assign-shows-on-the-board-and-is-audited", test_assign_and_audit);
  ADD ("who-may-assign-whom", test_assign_rules);
  ADD ("lifecycle-with-if-match", test_lifecycle_with_if_match);
  ADD ("lists-and-my-advocacy", test_lists_and_my_advocacy);
  ADD ("changes-are-live-events", test_advocate_events);
  ADD ("former-staff-keep-their-names", test_former_staff_keep_their_names);
#undef ADD

  return g_test_run ();
}
