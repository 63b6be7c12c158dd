/* bel-test-goals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-goals.h"

#include "bel-accounts.h"
#include "bel-metrics.h"
#include "bel-password.h"
#include "bel-test-board.h"

static gint64
add_metric (BelEngine  *engine,
            gint64      school_id,
            const char *name,
            const char *unit,
            gdouble     min,
            gdouble     max,
            const char *direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelGrowthMetric) metric = g_object_new (BEL_TYPE_GROWTH_METRIC,
                                                    "name", name, "unit", unit,
                                                    "scale-min", min, "scale-max", max,
                                                    "direction", direction, "active", TRUE, NULL);
  g_autoptr(BelGrowthMetric) created = bel_metrics_create (engine, bel_engine_system_actor (engine),
                                                           school_id, metric, &error);

  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static gint64
add_teacher2 (BelEngine *engine,
              gint64     school_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bel_password_hash (BEL_TEST_PASSWORD, &error);
  g_autoptr(BelAccount) account = g_object_new (BEL_TYPE_ACCOUNT, "username", "teacher2",
                                                "display-name", "Theo Teacher", "server-role", "none",
                                                "active", TRUE, NULL);
  g_autoptr(BelAccount) created = NULL;
  g_autoptr(BelMembership) m = g_object_new (BEL_TYPE_MEMBERSHIP, "role", "teacher", NULL);
  g_autoptr(BelMembership) stored = NULL;

  g_assert_no_error (error);
  created = bel_accounts_create_with_hash (engine, bel_engine_system_actor (engine), account, hash, &error);
  g_assert_no_error (error);
  stored = bel_memberships_put (engine, bel_engine_system_actor (engine), school_id,
                                bel_resource_get_id (created), m, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

void
bel_test_goals_setup (BelTestGoals *g)
{
  g_autoptr(BelEngine) engine = NULL;
  gint64 school;

  g->d = bel_test_daemon_new ();
  bel_test_daemon_seed (g->d, &g->seed);
  school = g->seed.school_id;
  engine = bel_test_daemon_open_engine (g->d);
  g->teacher2_id = add_teacher2 (engine, school);
  g->amara_id = bel_test_board_add_student (engine, school, "Amara", "Okafor", 10,
                                            g->seed.other_advisory_id, "iep Female");
  g->bao_id = bel_test_board_add_student (engine, school, "Bao", "Nguyen", 9, g->seed.advisory_id, "el");
  g->reading_id = add_metric (engine, school, "Reading readiness, scaled score", "scaled score",
                              100, 300, "higher");
  g->errors_id = add_metric (engine, school, "Oral reading errors per minute", "errors", 0, 50, "lower");
}

void
bel_test_goals_start (BelTestGoals *g)
{
  bel_test_daemon_start (g->d);
  g->leader = bel_test_daemon_sign_in (g->d, "leader", BEL_TEST_PASSWORD);
  g->counselor = bel_test_daemon_sign_in (g->d, "counselor", BEL_TEST_PASSWORD);
  g->teacher = bel_test_daemon_sign_in (g->d, "teacher", BEL_TEST_PASSWORD);
  g->teacher2 = bel_test_daemon_sign_in (g->d, "teacher2", BEL_TEST_PASSWORD);
  g->outsider = bel_test_daemon_sign_in (g->d, "outsider", BEL_TEST_PASSWORD);
}

void
bel_test_goals_teardown (BelTestGoals *g)
{
  if (g->d->process != NULL)
    g_assert_cmpint (bel_test_daemon_stop (g->d), ==, 0);
  g_clear_pointer (&g->d, bel_test_daemon_free);
  g_clear_pointer (&g->leader, g_free);
  g_clear_pointer (&g->counselor, g_free);
  g_clear_pointer (&g->teacher, g_free);
  g_clear_pointer (&g->teacher2, g_free);
  g_clear_pointer (&g->outsider, g_free);
}

BelTestResponse *
bel_test_goals_request (BelTestGoals *g,
                        const char   *method,
                        const char   *token,
                        const char   *path,
                        const char   *format,
                        ...)
{
  g_autofree char *body = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      body = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return bel_test_daemon_request (g->d, method, path, token, body,
                                  g_str_equal (method, "PATCH") ? "*" : NULL);
}

JsonObject *
bel_test_goals_get (BelTestGoals     *g,
                    const char       *token,
                    BelTestResponse **r,
                    const char       *format,
                    ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  *r = bel_test_daemon_request (g->d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint ((*r)->status, ==, 200);
  return bel_test_response_object (*r);
}

gint64
bel_test_goals_create (BelTestGoals *g,
                       const char   *token,
                       gint64        student_id,
                       const char   *body_json)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/goals", student_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (g->d, "POST", path, token, body_json, NULL);

  if (r->status != 201)
    g_test_message ("%.*s", (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpuint (r->status, ==, 201);
  return bel_test_response_int (r, "id");
}

guint
bel_test_goals_measure (BelTestGoals *g,
                        const char   *token,
                        gint64        goal_id,
                        const char   *date,
                        gdouble       value,
                        guint         status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/goals/%" G_GINT64_FORMAT "/measurements", goal_id);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(BelTestResponse) r = bel_test_goals_request (g, "POST", token, path,
                                                         "{\"measured_on\": \"%s\", \"value\": %s, "
                                                         "\"source\": \"Unit test\"}",
                                                         date, g_ascii_dtostr (number, sizeof number, value));

  if (r->status != status)
    g_test_message ("%.*s", (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpuint (r->status, ==, status);
  if (status != 201)
    return 0;
  return json_array_get_length (json_object_get_array_member (bel_test_response_object (r), "benchmarks_met"));
}

void
bel_test_goals_assert_field (BelTestResponse *r,
                             const char      *field)
{
  JsonObject *problem = bel_test_assert_problem (r, 422);
  JsonArray *errors = json_object_get_array_member (problem, "errors");

  for (guint i = 0; i < json_array_get_length (errors); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (errors, i), "field"),
                   field) == 0)
      return;
  g_test_message ("no error for %s", field);
  g_assert_not_reached ();
}

gdouble
bel_test_goals_number (JsonObject *obj,
                       const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  g_assert_nonnull (node);
  g_assert_false (JSON_NODE_HOLDS_NULL (node));
  return json_node_get_double (node);
}

/* The goals A, B, C, D of test-goals-math.c, set over HTTP. */
void
bel_test_goals_create_known (BelTestGoals *g,
                             gint64       *ids)
{
  g_autofree char *a = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 180, "
                                        "\"baseline_date\": \"2025-09-01\", \"target_value\": 200, "
                                        "\"target_date\": \"2026-06-01\", \"set_with_student\": true, "
                                        "\"benchmarks\": [{\"due_on\": \"2026-01-15\", \"target_value\": 190}]}",
                                        g->reading_id);
  g_autofree char *b = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 20, "
                                        "\"baseline_date\": \"2025-09-01\", \"target_value\": 5, "
                                        "\"target_date\": \"2026-06-01\", "
                                        "\"benchmarks\": [{\"due_on\": \"2026-01-15\", \"target_value\": 14}]}",
                                        g->errors_id);
  g_autofree char *c = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 150, "
                                        "\"baseline_date\": \"2025-09-01\", \"target_value\": 190, "
                                        "\"target_date\": \"2027-06-01\", \"benchmarks\": ["
                                        "{\"due_on\": \"2026-06-01\", \"target_value\": 167}, "
                                        "{\"due_on\": \"2027-02-01\", \"target_value\": 182}]}",
                                        g->reading_id);
  g_autofree char *d = g_strdup_printf ("{\"metric_id\": %" G_GINT64_FORMAT ", \"baseline_value\": 30, "
                                        "\"baseline_date\": \"2025-09-01\", \"target_value\": 9, "
                                        "\"target_date\": \"2026-06-01\"}", g->errors_id);

  ids[0] = bel_test_goals_create (g, g->teacher, g->seed.student_id, a);
  ids[1] = bel_test_goals_create (g, g->counselor, g->amara_id, b);
  ids[2] = bel_test_goals_create (g, g->teacher, g->bao_id, c);
  ids[3] = bel_test_goals_create (g, g->teacher, g->seed.student_id, d);
}
