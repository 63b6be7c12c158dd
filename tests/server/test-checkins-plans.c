/* test-checkins-plans.c - support plans (lifecycle with If-Match), flags and
 * observations, and who may read and change them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-checkins.h"

typedef BelTestCheckins Fixture;

static void setup (Fixture *f, gconstpointer data) { bel_test_checkins_setup (f); }
static void teardown (Fixture *f, gconstpointer data) { bel_test_checkins_teardown (f); }

#define ID "%" G_GINT64_FORMAT

static gint64
count_audit (Fixture    *f,
             const char *action)
{
  g_autoptr(BelTestResponse) r = bel_test_checkins_call (f, "GET", f->leader, NULL, NULL,
                                                         "/api/v1/schools/" ID "/audit?action=%s&limit=100",
                                                         f->seed.school_id, action);

  if (r->status != 200)
    return -1;
  return json_array_get_length (json_object_get_array_member (bel_test_response_object (r), "items"));
}

static BelTestResponse *
patch_plan (Fixture    *f,
            const char *token,
            gint64      plan,
            const char *if_match,
            const char *body)
{
  return bel_test_checkins_call (f, "PATCH", token, body, if_match, "/api/v1/support-plans/" ID, plan);
}

static void
test_plan_lifecycle (Fixture *f, gconstpointer data)
{
  g_autofree char *body = g_strdup_printf (
      "{\"concern\": \"Missing school on Mondays\", \"tier\": 2, \"owner_id\": " ID ", "
      "\"contributors\": [{\"account_id\": " ID "}], \"review_on\": \"2026-03-20\", \"starts_on\": \"2026-03-02\", "
      "\"actions\": [{\"description\": \"Call home every Monday\", \"owner_id\": " ID ", \"due_on\": \"2026-03-09\"}]}",
      f->seed.counselor_id, f->teacher2_id, f->teacher2_id);
  g_autoptr(BelTestResponse) created = bel_test_checkins_call (f, "POST", f->counselor, body, NULL,
                                                               "/api/v1/students/" ID "/support-plans", f->ben);
  g_autoptr(BelTestResponse) no_match = NULL, stale = NULL, changed = NULL, incomplete = NULL;
  g_autoptr(BelTestResponse) completed = NULL, reviewed = NULL, read = NULL, after_review = NULL;
  g_autoptr(BelTestResponse) active = NULL, all = NULL;
  JsonObject *plan;
  JsonArray *actions;
  gint64 id;

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (created->headers, "ETag"), ==, "\"1\"");
  plan = bel_test_response_object (created);
  id = json_object_get_int_member (plan, "id");
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (plan, "owner_name"), ==, "Cam Counselor");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (plan, "contributors"), 0), "display_name"), ==, "Tia Two");

  no_match = patch_plan (f, f->teacher2, id, NULL, "{\"tier\": 3}");
  bel_test_assert_problem (no_match, 428);
  stale = patch_plan (f, f->teacher2, id, "\"7\"", "{\"tier\": 3}");
  bel_test_assert_problem (stale, 412);
  /* a contributor changes it: actions given replace the old ones */
  changed = patch_plan (f, f->teacher2, id, "\"1\"",
                        "{\"tier\": 3, \"actions\": [{\"description\": \"Morning check-in\", \"due_on\": \"2026-03-05\","
                        " \"done\": true}, {\"description\": \"Meet the family\", \"due_on\": \"2026-03-12\"}]}");
  g_assert_cmpuint (changed->status, ==, 200);
  g_assert_cmpint (bel_test_response_int (changed, "version"), ==, 2);
  g_assert_cmpint (bel_test_response_int (changed, "tier"), ==, 3);
  actions = json_object_get_array_member (bel_test_response_object (changed), "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (actions, 0), "done"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (actions, 1), "description"), ==,
                   "Meet the family");

  /* a review is a dated entry and moves the review date */
  reviewed = bel_test_checkins_call (f, "POST", f->counselor,
                                     "{\"reviewed_on\": \"2026-03-20\", \"note\": \"Mondays better\", "
                                     "\"next_review_on\": \"2026-04-17\"}", NULL,
                                     "/api/v1/support-plans/" ID "/reviews", id);
  g_assert_cmpuint (reviewed->status, ==, 201);
  g_assert_cmpint (bel_test_response_int (reviewed, "version"), ==, 3);
  g_assert_cmpstr (bel_test_response_string (reviewed, "review_on"), ==, "2026-04-17");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bel_test_response_object (reviewed),
                                                                         "reviews")), ==, 1);

  incomplete = patch_plan (f, f->counselor, id, "\"3\"", "{\"status\": \"completed\"}");
  bel_test_assert_problem (incomplete, 422);
  completed = patch_plan (f, f->counselor, id, "\"3\"",
                          "{\"status\": \"completed\", \"outcome\": \"Attends every Monday since March\"}");
  g_assert_cmpuint (completed->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (completed->headers, "ETag"), ==, "\"4\"");

  read = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/support-plans/" ID, id);
  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (read, "outcome"), ==, "Attends every Monday since March");
  g_assert_cmpint (count_audit (f, "support_plan.read"), ==, 1);

  active = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL, "/api/v1/schools/" ID "/support-plans",
                                   f->seed.school_id);
  g_assert_cmpuint (json_array_get_length (bel_test_items (active)), ==, 0);
  all = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL,
                                "/api/v1/schools/" ID "/support-plans?status=all", f->seed.school_id);
  g_assert_cmpuint (json_array_get_length (bel_test_items (all)), ==, 1);
}

static void
test_plan_permissions (Fixture *f, gconstpointer data)
{
  g_autofree char *body = g_strdup_printf ("{\"concern\": \"Grief\", \"tier\": 1, \"owner_id\": " ID ", "
                                           "\"review_on\": \"2026-12-20\"}", f->seed.teacher_id);
  g_autoptr(BelTestResponse) by_teacher2 = NULL, by_outsider = NULL, not_staff = NULL;
  g_autoptr(BelTestResponse) read_teacher2 = NULL, patch_teacher2 = NULL, list_teacher2 = NULL;
  g_autoptr(BelTestResponse) list_teacher = NULL, read_leader = NULL;
  g_autofree char *outsider_owner = g_strdup_printf ("{\"concern\": \"Grief\", \"tier\": 1, \"owner_id\": " ID ", "
                                                     "\"review_on\": \"2026-12-20\"}", f->seed.outsider_id);
  gint64 id;

  /* The advisor (teacher) makes a plan for an advisee; teacher2 is not the advisor */
  id = bel_test_checkins_create (f, f->teacher, body, "/api/v1/students/" ID "/support-plans", f->ana);
  by_teacher2 = bel_test_checkins_call (f, "POST", f->teacher2, body, NULL, "/api/v1/students/" ID "/support-plans",
                                        f->ana);
  bel_test_assert_problem (by_teacher2, 403);
  by_outsider = bel_test_checkins_call (f, "POST", f->outsider, body, NULL, "/api/v1/students/" ID "/support-plans",
                                        f->ana);
  bel_test_assert_problem (by_outsider, 403);
  not_staff = bel_test_checkins_call (f, "POST", f->counselor, outsider_owner, NULL,
                                      "/api/v1/students/" ID "/support-plans", f->ana);
  bel_test_assert_problem (not_staff, 422);

  read_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/support-plans/" ID, id);
  bel_test_assert_problem (read_teacher2, 403);
  patch_teacher2 = patch_plan (f, f->teacher2, id, "\"1\"", "{\"tier\": 2}");
  bel_test_assert_problem (patch_teacher2, 403);
  list_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/schools/" ID "/support-plans",
                                          f->seed.school_id);
  g_assert_cmpuint (json_array_get_length (bel_test_items (list_teacher2)), ==, 0);
  list_teacher = bel_test_checkins_call (f, "GET", f->teacher, NULL, NULL, "/api/v1/schools/" ID "/support-plans",
                                         f->seed.school_id);
  g_assert_cmpuint (json_array_get_length (bel_test_items (list_teacher)), ==, 1);
  read_leader = bel_test_checkins_call (f, "GET", f->leader, NULL, NULL, "/api/v1/support-plans/" ID, id);
  g_assert_cmpuint (read_leader->status, ==, 200);
}

static void
test_observations_compiled_and_concerns_private (Fixture *f, gconstpointer data)
{
  g_autoptr(BelTestResponse) concern = NULL, as_teacher2 = NULL, as_teacher = NULL, needs = NULL;
  g_autoptr(BelTestResponse) flags_teacher2 = NULL, flags_counselor = NULL, wrong = NULL;
  JsonArray *items;
  JsonObject *seen;
  gint64 flag_id;

  bel_test_checkins_create (f, f->teacher2, "{\"kind\": \"strength\", \"body\": \"Leads the robotics team\", "
                            "\"observed_on\": \"2026-02-02\"}", "/api/v1/students/" ID "/observations", f->cleo);
  bel_test_checkins_create (f, f->counselor, "{\"kind\": \"need\", \"body\": \"Has no winter coat\", "
                            "\"observed_on\": \"2026-02-03\"}", "/api/v1/students/" ID "/observations", f->cleo);
  wrong = bel_test_checkins_call (f, "POST", f->leader, "{\"kind\": \"need\", \"body\": \"x\", \"raise_flag\": true}",
                                  NULL, "/api/v1/students/" ID "/observations", f->cleo);
  bel_test_assert_problem (wrong, 422);
  concern = bel_test_checkins_call (f, "POST", f->leader, "{\"kind\": \"concern\", \"body\": \"Crying in the hallway\", "
                                    "\"observed_on\": \"2026-02-04\", \"raise_flag\": true}", NULL,
                                    "/api/v1/students/" ID "/observations", f->cleo);
  g_assert_cmpuint (concern->status, ==, 201);
  flag_id = bel_test_response_int (concern, "flag_id");
  g_assert_cmpint (flag_id, >, 0);
  g_assert_false (json_object_has_member (bel_test_response_object (concern), "raise_flag"));

  /* Every adult's observations together; teacher2 is not Cleo's advisor: the concern is redacted */
  as_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/students/" ID "/observations",
                                        f->cleo);
  items = bel_test_items (as_teacher2);
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  seen = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (seen, "kind"), ==, "concern");
  g_assert_true (json_object_get_boolean_member (seen, "redacted"));
  g_assert_true (json_object_get_null_member (seen, "body"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "body"), ==,
                   "Has no winter coat");
  as_teacher = bel_test_checkins_call (f, "GET", f->teacher, NULL, NULL, "/api/v1/students/" ID "/observations",
                                       f->cleo);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bel_test_items (as_teacher), 0),
                                                  "body"), ==, "Crying in the hallway");
  needs = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/schools/" ID "/observations?kind=need",
                                  f->seed.school_id);
  g_assert_cmpuint (json_array_get_length (bel_test_items (needs)), ==, 1);

  /* The flag: its reason is private too, and only the right people close it */
  flags_teacher2 = bel_test_checkins_call (f, "GET", f->teacher2, NULL, NULL, "/api/v1/schools/" ID "/flags",
                                           f->seed.school_id);
  seen = json_array_get_object_element (bel_test_items (flags_teacher2), 0);
  g_assert_cmpint (json_object_get_int_member (seen, "id"), ==, flag_id);
  g_assert_true (json_object_get_null_member (seen, "reason"));
  flags_counselor = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL, "/api/v1/flags/" ID, flag_id);
  g_assert_cmpstr (bel_test_response_string (flags_counselor, "reason"), ==, "Crying in the hallway");
  {
    g_autoptr(BelTestResponse) close_teacher2 = bel_test_checkins_call (f, "PATCH", f->teacher2,
        "{\"status\": \"closed\", \"resolution\": \"ok\"}", "\"1\"", "/api/v1/flags/" ID, flag_id);
    g_autoptr(BelTestResponse) no_resolution = bel_test_checkins_call (f, "PATCH", f->teacher,
        "{\"status\": \"closed\"}", "\"1\"", "/api/v1/flags/" ID, flag_id);
    g_autoptr(BelTestResponse) close_advisor = bel_test_checkins_call (f, "PATCH", f->teacher,
        "{\"status\": \"closed\", \"resolution\": \"Family found a counselor\"}", "\"1\"", "/api/v1/flags/" ID, flag_id);
    g_autoptr(BelTestResponse) open_now = bel_test_checkins_call (f, "GET", f->counselor, NULL, NULL,
        "/api/v1/schools/" ID "/flags", f->seed.school_id);

    bel_test_assert_problem (close_teacher2, 403);
    bel_test_assert_problem (no_resolution, 422);
    g_assert_cmpuint (close_advisor->status, ==, 200);
    g_assert_cmpstr (bel_test_response_string (close_advisor, "closed_by_name"), ==, "Tess Teacher");
    g_assert_cmpuint (json_array_get_length (bel_test_items (open_now)), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/checkins/plans/lifecycle-with-if-match", Fixture, NULL, setup, test_plan_lifecycle, teardown);
  g_test_add ("/checkins/plans/permissions", Fixture, NULL, setup, test_plan_permissions, teardown);
  g_test_add ("/checkins/observations/compiled-and-concerns-private", Fixture, NULL, setup,
              test_observations_compiled_and_concerns_private, teardown);
  return g_test_run ();
}
