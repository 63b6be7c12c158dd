/* test-board-board.c - the one-request board and the comparison on a known map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-board.h"

typedef struct {
  BelTestDaemon *d;
  BelTestBoard   b;
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
  g_free (f->counselor_token);
  g_free (f->teacher_token);
  g_free (f->outsider_token);
  bel_test_daemon_free (f->d);
}

static BelTestResponse *
get_board (Fixture    *f,
           const char *token,
           gint64      round_id,
           const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board%s%s", round_id,
                                           query ? "?" : "", query ?: "");

  return bel_test_daemon_request (f->d, "GET", path, token, NULL, NULL);
}

/* The ids the fixture's students have, for the letters given, as "1,5,3". */
static char *
ids (Fixture    *f,
     const int  *which,
     guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", f->b.students[which[i]]);
  return g_string_free (out, FALSE);
}

#define IDS(f, ...) ids (f, (const int[]) { __VA_ARGS__ }, sizeof ((const int[]) { __VA_ARGS__ }) / sizeof (int))

static void
assert_filter (Fixture    *f,
               const char *query,
               const char *expected)
{
  g_autoptr(BelTestResponse) r = get_board (f, COUNSELOR (f), f->b.winter_id, query);
  g_autofree char *got = NULL;

  g_assert_cmpuint (r->status, ==, 200);
  got = bel_test_board_ids (bel_test_response_object (r));
  g_test_message ("%s -> %s", query, got);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_every_student_with_marks (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = get_board (f, COUNSELOR (f), f->b.winter_id, NULL);
  JsonObject *board, *round, *jose, *carlos, *amara;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *jose_ids = NULL;
  g_autofree char *carlos_ids = NULL;
  g_autofree char *expected_carlos = NULL;

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (soup_message_headers_get_one (r->headers, "Server-Timing"));
  board = bel_test_response_object (r);
  round = json_object_get_object_member (board, "round");
  g_assert_cmpint (json_object_get_int_member (round, "id"), ==, f->b.winter_id);
  g_assert_cmpstr (json_object_get_string_member (round, "status"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (round, "student_count"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (round, "mark_count"), ==, 8);

  /* Active students only, by family then given name: Álvarez, Haddad, Kim, Martin, Nguyen, Okafor, Ruiz, Sato */
  order = bel_test_board_ids (board);
  expected = IDS (f, BOARD_JOSE, BOARD_FARID, BOARD_DANA, BOARD_EVE, BOARD_BAO, BOARD_AMARA, BOARD_CARLOS,
                  BOARD_HANA);
  g_assert_cmpstr (order, ==, expected);

  jose = bel_test_board_student (board, f->b.students[BOARD_JOSE]);
  g_assert_cmpstr (json_object_get_string_member (jose, "given_name"), ==, "José");
  g_assert_cmpstr (json_object_get_string_member (jose, "family_name"), ==, "Álvarez");
  g_assert_cmpint (json_object_get_int_member (jose, "grade"), ==, 9);
  g_assert_cmpstr (bel_test_board_advisory_name (board, json_object_get_int_member (jose, "advisory_id")), ==,
                   "Falcons");
  g_assert_cmpstr (json_object_get_string_member (jose, "el_status"), ==, "current");
  g_assert_cmpuint (bel_test_board_n_marks (jose, "relationship"), ==, 2);
  jose_ids = bel_test_board_marks (jose, "relationship");
  {
    g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                             MIN (f->b.seed.counselor_id, f->b.seed.teacher_id),
                                             MAX (f->b.seed.counselor_id, f->b.seed.teacher_id));
    g_assert_cmpstr (jose_ids, ==, want);
  }
  /* What José does not have is left out, not sent as null, false or []. */
  g_assert_false (json_object_has_member (jose, "advocate"));
  g_assert_false (json_object_has_member (jose, "iep"));
  g_assert_false (json_object_has_member (jose, "personal"));

  carlos = bel_test_board_student (board, f->b.students[BOARD_CARLOS]);
  g_assert_cmpuint (bel_test_board_n_marks (carlos, "relationship"), ==, 3);
  g_assert_true (json_object_get_boolean_member (carlos, "section_504"));
  g_assert_false (json_object_has_member (carlos, "el_status"));
  carlos_ids = bel_test_board_marks (carlos, "relationship");
  expected_carlos = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                     f->b.seed.leader_id, f->b.seed.counselor_id, f->b.seed.teacher_id);
  g_assert_cmpstr (carlos_ids, ==, expected_carlos);

  amara = bel_test_board_student (board, f->b.students[BOARD_AMARA]);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (amara, "personal")), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (amara, "personal"), 0), ==,
                   f->b.seed.teacher_id);
  g_assert_true (json_object_get_boolean_member (amara, "iep"));

  /* Dana has no advisory; nobody marked Hana. */
  g_assert_false (json_object_has_member (bel_test_board_student (board, f->b.students[BOARD_DANA]),
                                          "advisory_id"));
  g_assert_cmpuint (bel_test_board_n_marks (bel_test_board_student (board, f->b.students[BOARD_HANA]),
                                            "relationship"), ==, 0);
}

static void
test_staff_counts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = get_board (f, TEACHER (f), f->b.winter_id, "grade=12");
  JsonArray *staff;

  g_assert_cmpuint (r->status, ==, 200);
  staff = json_object_get_array_member (bel_test_response_object (r), "staff");
  /* By display name: Cam Counselor, Lee Leader, Tess Teacher; counts over the whole board. */
  g_assert_cmpuint (json_array_get_length (staff), ==, 3);
  {
    const struct { gint64 id; const char *name; const char *role; gint64 count; } want[] = {
      { f->b.seed.counselor_id, "Cam Counselor", "counselor", 3 },
      { f->b.seed.leader_id, "Lee Leader", "leader", 2 },
      { f->b.seed.teacher_id, "Tess Teacher", "teacher", 3 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        JsonObject *s = json_array_get_object_element (staff, i);

        g_assert_cmpint (json_object_get_int_member (s, "account_id"), ==, want[i].id);
        g_assert_cmpstr (json_object_get_string_member (s, "display_name"), ==, want[i].name);
        g_assert_cmpstr (json_object_get_string_member (s, "role"), ==, want[i].role);
        g_assert_cmpint (json_object_get_int_member (s, "mark_count"), ==, want[i].count);
      }
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *grade9 = IDS (f, BOARD_JOSE, BOARD_BAO, BOARD_AMARA);
  g_autofree char *falcons = IDS (f, BOARD_JOSE, BOARD_FARID, BOARD_AMARA, BOARD_CARLOS);
  g_autofree char *el = IDS (f, BOARD_JOSE, BOARD_AMARA);
  g_autofree char *former = IDS (f, BOARD_BAO);
  g_autofree char *iep = IDS (f, BOARD_AMARA);
  g_autofree char *s504 = IDS (f, BOARD_CARLOS);
  g_autofree char *language = IDS (f, BOARD_DANA);
  g_autofree char *behavior = IDS (f, BOARD_EVE);
  g_autofree char *female = IDS (f, BOARD_EVE, BOARD_AMARA);
  g_autofree char *none = IDS (f, BOARD_DANA, BOARD_BAO, BOARD_HANA);
  g_autofree char *one = IDS (f, BOARD_FARID, BOARD_EVE, BOARD_AMARA);
  g_autofree char *many = IDS (f, BOARD_JOSE, BOARD_CARLOS);
  g_autofree char *q = IDS (f, BOARD_AMARA);
  g_autofree char *grade9_none = IDS (f, BOARD_BAO);
  g_autofree char *falcons_query = g_strdup_printf ("advisory=%" G_GINT64_FORMAT, f->b.seed.advisory_id);

  assert_filter (f, "grade=9", grade9);
  assert_filter (f, falcons_query, falcons);
  assert_filter (f, "subgroup=el", el);
  assert_filter (f, "subgroup=former_el", former);
  assert_filter (f, "subgroup=iep", iep);
  assert_filter (f, "subgroup=504", s504);
  assert_filter (f, "subgroup=language_plan", language);
  assert_filter (f, "subgroup=behavior_plan", behavior);
  assert_filter (f, "subgroup=attr:gender%3DFemale", female);
  assert_filter (f, "subgroup=attr:gender%3DNobody", "");
  assert_filter (f, "connection=none", none);
  assert_filter (f, "connection=one", one);
  assert_filter (f, "connection=many", many);
  assert_filter (f, "q=okaf", q);
  assert_filter (f, "q=AMARA%20oka", q);
  assert_filter (f, "grade=9&connection=none", grade9_none);
  assert_filter (f, "grade=13", "");
}

static void
test_bad_filters (Fixture       *f,
                  gconstpointer  data)
{
  const char *bad[] = { "connection=lots", "subgroup=left-handed", "subgroup=attr:", "subgroup=attr:%3Dx",
                        "grade=ten", "grade=14", "advisory=0", "advisory=x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BelTestResponse) r = get_board (f, COUNSELOR (f), f->b.winter_id, bad[i]);

      g_test_message ("%s", bad[i]);
      bel_test_assert_problem (r, 400);
    }
}

static void
assert_group (JsonArray  *groups,
              const char *key,
              const char *label,
              const char *counts)
{
  JsonObject *group = bel_test_group (groups, key);
  g_autofree char *got = bel_test_counts (group);

  g_test_message ("%s: %s", key, got);
  g_assert_cmpstr (got, ==, counts);
  if (label != NULL)
    g_assert_cmpstr (json_object_get_string_member (group, "label"), ==, label);
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = get_board (f, COUNSELOR (f), f->b.winter_id, NULL);
  g_autoptr(BelTestResponse) filtered = NULL;
  g_autofree char *falcons = g_strdup_printf ("%" G_GINT64_FORMAT, f->b.seed.advisory_id);
  g_autofree char *herons = g_strdup_printf ("%" G_GINT64_FORMAT, f->b.seed.other_advisory_id);
  g_autofree char *total = NULL;
  JsonObject *summary;
  JsonArray *by_grade, *by_advisory, *by_subgroup;

  g_assert_cmpuint (r->status, ==, 200);
  summary = json_object_get_object_member (bel_test_response_object (r), "summary");
  total = bel_test_counts (summary);
  g_assert_cmpstr (total, ==, "8/3/3/2");

  by_grade = json_object_get_array_member (summary, "by_grade");
  g_assert_cmpuint (json_array_get_length (by_grade), ==, 4);
  assert_group (by_grade, "9", "Grade 9", "3/1/1/1");
  assert_group (by_grade, "10", "Grade 10", "2/1/0/1");
  assert_group (by_grade, "11", "Grade 11", "2/0/2/0");
  assert_group (by_grade, "12", "Grade 12", "1/1/0/0");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (by_grade, 0), "key"), ==, "9");

  by_advisory = json_object_get_array_member (summary, "by_advisory");
  g_assert_cmpuint (json_array_get_length (by_advisory), ==, 3);
  assert_group (by_advisory, falcons, "Falcons", "4/0/2/2");
  assert_group (by_advisory, herons, "Herons", "2/1/1/0");
  assert_group (by_advisory, "none", "No advisory", "2/2/0/0");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (by_advisory, 2), "key"), ==,
                   "none");

  by_subgroup = json_object_get_array_member (summary, "by_subgroup");
  assert_group (by_subgroup, "el", NULL, "2/0/1/1");
  assert_group (by_subgroup, "former_el", NULL, "1/1/0/0");
  assert_group (by_subgroup, "iep", NULL, "1/0/1/0");
  assert_group (by_subgroup, "504", NULL, "1/0/0/1");
  assert_group (by_subgroup, "language_plan", NULL, "1/1/0/0");
  assert_group (by_subgroup, "behavior_plan", NULL, "1/0/1/0");
  assert_group (by_subgroup, "attr:gender=Female", "gender: Female", "2/0/2/0");
  assert_group (by_subgroup, "attr:gender=Male", "gender: Male", "1/0/0/1");

  /* The summary ignores the connection filter, so the "no adult yet" view still shows every count. */
  filtered = get_board (f, COUNSELOR (f), f->b.winter_id, "grade=9&connection=none");
  g_assert_cmpuint (filtered->status, ==, 200);
  summary = json_object_get_object_member (bel_test_response_object (filtered), "summary");
  g_clear_pointer (&total, g_free);
  total = bel_test_counts (summary);
  g_assert_cmpstr (total, ==, "3/1/1/1");
}

static void
test_concern_marks_hidden_from_other_teachers (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(BelTestResponse) as_teacher = get_board (f, TEACHER (f), f->b.winter_id, NULL);
  g_autoptr(BelTestResponse) as_counselor = get_board (f, COUNSELOR (f), f->b.winter_id, NULL);
  g_autofree char *events_path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=0",
                                                  f->b.seed.school_id);
  g_autoptr(BelTestResponse) teacher_events = NULL;
  g_autoptr(BelTestResponse) counselor_events = NULL;
  JsonObject *bao, *dana;
  JsonArray *items;
  guint teacher_concerns = 0, counselor_concerns = 0;
  g_autofree char *bao_concerns = NULL;
  g_autofree char *counselor_id = NULL;

  g_assert_cmpuint (as_teacher->status, ==, 200);
  g_assert_cmpuint (as_counselor->status, ==, 200);

  /* Bao's concern was marked by the counselor: the teacher does not see it. */
  bao = bel_test_board_student (bel_test_response_object (as_teacher), f->b.students[BOARD_BAO]);
  g_assert_false (json_object_has_member (bao, "concern"));
  bao = bel_test_board_student (bel_test_response_object (as_counselor), f->b.students[BOARD_BAO]);
  bao_concerns = bel_test_board_marks (bao, "concern");
  counselor_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->b.seed.counselor_id);
  g_assert_cmpstr (bao_concerns, ==, counselor_id);

  /* Dana's concern is the teacher's own: both see it. */
  dana = bel_test_board_student (bel_test_response_object (as_teacher), f->b.students[BOARD_DANA]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dana, "concern")), ==, 1);
  dana = bel_test_board_student (bel_test_response_object (as_counselor), f->b.students[BOARD_DANA]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dana, "concern")), ==, 1);

  /* The same in the live events' replay. */
  teacher_events = bel_test_daemon_request (f->d, "GET", events_path, TEACHER (f), NULL, NULL);
  counselor_events = bel_test_daemon_request (f->d, "GET", events_path, COUNSELOR (f), NULL, NULL);
  g_assert_cmpuint (teacher_events->status, ==, 200);
  g_assert_cmpuint (counselor_events->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (teacher_events), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *event_data = json_object_get_object_member (json_array_get_object_element (items, i), "data");

      if (g_strcmp0 (json_object_get_string_member_with_default (event_data, "kind", ""), "concern") == 0)
        {
          g_assert_cmpint (json_object_get_int_member (event_data, "account_id"), ==, f->b.seed.teacher_id);
          teacher_concerns++;
        }
    }
  items = json_object_get_array_member (bel_test_response_object (counselor_events), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *event_data = json_object_get_object_member (json_array_get_object_element (items, i), "data");

      if (g_strcmp0 (json_object_get_string_member_with_default (event_data, "kind", ""), "concern") == 0)
        counselor_concerns++;
    }
  g_assert_cmpuint (teacher_concerns, ==, 1);
  g_assert_cmpuint (counselor_concerns, ==, 2);
}

static void
test_closed_round_keeps_its_roster (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = get_board (f, TEACHER (f), f->b.fall_id, NULL);
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *total = NULL;
  JsonObject *board;

  g_assert_cmpuint (r->status, ==, 200);
  board = bel_test_response_object (r);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (board, "round"), "status"),
                   ==, "closed");
  /* Hana joined after the fall round closed: she is not on it. */
  order = bel_test_board_ids (board);
  expected = IDS (f, BOARD_JOSE, BOARD_FARID, BOARD_DANA, BOARD_EVE, BOARD_BAO, BOARD_AMARA, BOARD_CARLOS);
  g_assert_cmpstr (order, ==, expected);
  total = bel_test_counts (json_object_get_object_member (board, "summary"));
  g_assert_cmpstr (total, ==, "7/3/2/2");
  g_assert_cmpuint (bel_test_board_n_marks (bel_test_board_student (board, f->b.students[BOARD_EVE]),
                                            "relationship"), ==, 2);
}

static void
test_board_access (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BelTestResponse) outsider = get_board (f, OUTSIDER (f), f->b.winter_id, NULL);
  g_autoptr(BelTestResponse) missing = get_board (f, COUNSELOR (f), 999999, NULL);
  g_autoptr(BelTestResponse) anonymous = get_board (f, NULL, f->b.winter_id, NULL);

  bel_test_assert_problem (outsider, 403);
  bel_test_assert_problem (missing, 404);
  bel_test_assert_problem (anonymous, 401);
}

static void
assert_totals (JsonObject *totals,
               const char *expected)
{
  g_autofree char *got = g_strdup_printf ("students=%" G_GINT64_FORMAT " gained=%" G_GINT64_FORMAT
                                          " lost=%" G_GINT64_FORMAT " unchanged=%" G_GINT64_FORMAT
                                          " none=%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT
                                          " one=%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT
                                          " many=%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT,
                                          json_object_get_int_member (totals, "students"),
                                          json_object_get_int_member (totals, "gained"),
                                          json_object_get_int_member (totals, "lost"),
                                          json_object_get_int_member (totals, "unchanged"),
                                          json_object_get_int_member (totals, "none_before"),
                                          json_object_get_int_member (totals, "none_after"),
                                          json_object_get_int_member (totals, "one_before"),
                                          json_object_get_int_member (totals, "one_after"),
                                          json_object_get_int_member (totals, "many_before"),
                                          json_object_get_int_member (totals, "many_after"));

  g_assert_cmpstr (got, ==, expected);
}

static void
test_comparison (Fixture       *f,
                 gconstpointer  data)
{
  /* Asked either way round, the fall round is "from" and the winter round "to". */
  for (guint way = 0; way < 2; way++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/compare/%" G_GINT64_FORMAT,
                                               way ? f->b.fall_id : f->b.winter_id,
                                               way ? f->b.winter_id : f->b.fall_id);
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, TEACHER (f), NULL, NULL);
      const struct { int who; gint64 before, after; const char *change; } rows[] = {
        { BOARD_JOSE, 1, 2, "gained" }, { BOARD_FARID, 0, 1, "gained" }, { BOARD_DANA, 1, 0, "lost" },
        { BOARD_EVE, 2, 1, "lost" }, { BOARD_BAO, 0, 0, "same" }, { BOARD_AMARA, 0, 1, "gained" },
        { BOARD_CARLOS, 3, 3, "same" },
      };
      JsonObject *c;
      JsonArray *students;

      g_assert_cmpuint (r->status, ==, 200);
      c = bel_test_response_object (r);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (c, "from"), "id"), ==,
                       f->b.fall_id);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (c, "to"), "id"), ==,
                       f->b.winter_id);
      assert_totals (json_object_get_object_member (c, "totals"),
                     "students=7 gained=3 lost=2 unchanged=2 none=3>2 one=2>3 many=2>2");
      students = json_object_get_array_member (c, "students");
      g_assert_cmpuint (json_array_get_length (students), ==, G_N_ELEMENTS (rows));
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          JsonObject *s = json_array_get_object_element (students, i);

          g_assert_cmpint (json_object_get_int_member (s, "student_id"), ==, f->b.students[rows[i].who]);
          g_assert_cmpint (json_object_get_int_member (s, "before"), ==, rows[i].before);
          g_assert_cmpint (json_object_get_int_member (s, "after"), ==, rows[i].after);
          g_assert_cmpstr (json_object_get_string_member (s, "change"), ==, rows[i].change);
        }
    }
}

static void
test_comparison_same_school_only (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/compare/%" G_GINT64_FORMAT,
                                           f->b.winter_id, f->b.other_round_id);
  g_autofree char *missing = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/compare/999999",
                                              f->b.winter_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, COUNSELOR (f), NULL, NULL);
  g_autoptr(BelTestResponse) r2 = bel_test_daemon_request (f->d, "GET", missing, COUNSELOR (f), NULL, NULL);

  bel_test_assert_problem (r, 404);
  bel_test_assert_problem (r2, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/board/" path, Fixture, NULL, setup, func, teardown)
  ADD ("board/every-student-with-marks-by-kind", test_every_student_with_marks);
  ADD ("board/staff-with-their-mark-counts", test_staff_counts);
  ADD ("board/filters-by-grade-advisory-subgroup-connection-and-name", test_filters);
  ADD ("board/bad-filters-are-400", test_bad_filters);
  ADD ("board/summary-by-grade-advisory-subgroup", test_summary);
  ADD ("board/concern-marks-hidden-from-other-teachers", test_concern_marks_hidden_from_other_teachers);
  ADD ("board/closed-round-keeps-its-roster", test_closed_round_keeps_its_roster);
  ADD ("board/members-only", test_board_access);
  ADD ("compare/gained-lost-unchanged-on-a-known-map", test_comparison);
  ADD ("compare/rounds-of-one-school-only", test_comparison_same_school_only);
#undef ADD

  return g_test_run ();
}
