/* test-demo-board.c - belongingctl demo's relationship map, as the daemon serves it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-test-ctl.h"
#include "bel-test-daemon.h"

#include "bel-store-private.h"

#define COUNSELOR "fatima.al-sayed"
#define DEMO_PASSWORD "belonging-demo"

static void
run_demo (BelTestDaemon *d,
          const char    *seed)
{
  const char *args[] = { "--database", d->db_path, "demo", "--seed", seed, NULL };
  g_autoptr(BelTestCtl) r = bel_test_ctl_runv (NULL, args);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Relationship map:"));
}

/* Every mark and advocate of the database, without ids that depend on nothing but order. */
static char *
dump_map (BelTestDaemon *d)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStmt) marks = bel_store_prepare (store,
      "SELECT r.name, r.opened_at, r.closed_at, st.sis_id, a.username, m.kind, m.created_at FROM mark m "
      "JOIN map_round r ON r.id = m.round_id JOIN student st ON st.id = m.student_id "
      "JOIN account a ON a.id = m.account_id ORDER BY 1, 4, 5, 6", &error);
  g_autoptr(BelStmt) advocates = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  while (bel_store_step_row (store, marks, &error))
    for (int c = 0; c < 7; c++)
      g_string_append_printf (out, "%s%c", bel_column_text (marks, c) ?: "-", c == 6 ? '\n' : ' ');
  g_assert_no_error (error);
  advocates = bel_store_prepare (store,
      "SELECT st.sis_id, a.username, v.status, v.follow_up_on, v.note, v.created_at, v.updated_at "
      "FROM advocate v JOIN student st ON st.id = v.student_id JOIN account a ON a.id = v.account_id "
      "ORDER BY 1, 2", &error);
  g_assert_no_error (error);
  while (bel_store_step_row (store, advocates, &error))
    for (int c = 0; c < 7; c++)
      g_string_append_printf (out, "%s%c", bel_column_text (advocates, c) ?: "-", c == 6 ? '\n' : ' ');
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static void
test_same_seed_same_map (void)
{
  g_autoptr(BelTestDaemon) a = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) b = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) c = bel_test_daemon_new ();
  g_autofree char *map_a = NULL;
  g_autofree char *map_b = NULL;
  g_autofree char *map_c = NULL;

  run_demo (a, "7");
  run_demo (b, "7");
  run_demo (c, "8");
  map_a = dump_map (a);
  map_b = dump_map (b);
  map_c = dump_map (c);
  g_assert_cmpuint (strlen (map_a), >, 10000);
  g_assert_cmpstr (map_a, ==, map_b);
  g_assert_cmpstr (map_a, !=, map_c);
}

static void
test_rounds_and_board (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *token = NULL;
  g_autoptr(BelTestResponse) schools = NULL;
  g_autoptr(BelTestResponse) rounds = NULL;
  g_autoptr(BelTestResponse) board = NULL;
  g_autoptr(BelTestResponse) compare = NULL;
  g_autoptr(BelTestResponse) advocates = NULL;
  g_autofree char *path = NULL;
  JsonArray *items;
  JsonObject *winter, *fall, *summary, *totals;
  gint64 school_id, students, none, one, connected = 0;

  run_demo (d, "20262027");
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, COUNSELOR, DEMO_PASSWORD);
  schools = bel_test_daemon_request (d, "GET", "/api/v1/schools", token, NULL, NULL);
  g_assert_cmpuint (schools->status, ==, 200);
  school_id = json_object_get_int_member (json_array_get_object_element (
    json_object_get_array_member (bel_test_response_object (schools), "items"), 0), "id");

  /* The open winter round first, then the fall round closed eight weeks before. */
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/rounds", school_id);
  rounds = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (rounds->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (rounds), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  winter = json_array_get_object_element (items, 0);
  fall = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (winter, "name"), ==, "Winter map");
  g_assert_cmpstr (json_object_get_string_member (winter, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (winter, "opened_at"), ==, "2027-01-18T15:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (fall, "status"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (fall, "opened_at"), ==, "2026-11-23T15:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (fall, "created_by_name"), ==, "Fatima Al-Sayed");

  /* A realistic spread: about 10% with no adult, a quarter or so with one. */
  g_free (path);
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/board",
                          json_object_get_int_member (winter, "id"));
  board = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  summary = json_object_get_object_member (bel_test_response_object (board), "summary");
  students = json_object_get_int_member (summary, "students");
  none = json_object_get_int_member (summary, "none");
  one = json_object_get_int_member (summary, "one");
  g_test_message ("winter: %" G_GINT64_FORMAT " students, %" G_GINT64_FORMAT " none, %" G_GINT64_FORMAT " one",
                  students, none, one);
  g_assert_cmpint (students, ==, 400);
  g_assert_cmpint (none, >=, 25);
  g_assert_cmpint (none, <=, 60);
  g_assert_cmpint (one, >=, 60);
  g_assert_cmpint (one, <=, 140);

  /* Advocates for the fall's unconnected students, some connected by now. */
  g_free (path);
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advocates", school_id);
  advocates = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (advocates->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (advocates), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 20);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);

      g_assert_cmpint (json_object_get_int_member (a, "round_id"), ==, json_object_get_int_member (fall, "id"));
      g_assert_cmpstr (json_object_get_string_member (a, "assigned_by_name"), ==, "Fatima Al-Sayed");
      if (g_str_equal (json_object_get_string_member (a, "status"), "connected"))
        connected++;
    }
  g_assert_cmpint (connected, >, 0);

  g_free (path);
  path = g_strdup_printf ("/api/v1/rounds/%" G_GINT64_FORMAT "/compare/%" G_GINT64_FORMAT,
                          json_object_get_int_member (winter, "id"), json_object_get_int_member (fall, "id"));
  compare = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (compare->status, ==, 200);
  totals = json_object_get_object_member (bel_test_response_object (compare), "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "students"), ==, 400);
  g_assert_cmpint (json_object_get_int_member (totals, "gained"), >, 0);
  g_assert_cmpint (json_object_get_int_member (totals, "lost"), >, 0);
  g_assert_cmpint (json_object_get_int_member (totals, "none_after"), ==, none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board/demo/same-seed-same-map", test_same_seed_same_map);
  g_test_add_func ("/board/demo/two-rounds-a-realistic-spread-and-advocates", test_rounds_and_board);

  return g_test_run ();
}
