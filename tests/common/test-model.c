/* test-model.c - the common JSON codec: round trips and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "bel-account.h"
#include "bel-advisory.h"
#include "bel-error.h"
#include "bel-membership.h"
#include "bel-student.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static char *
to_string (gpointer object)
{
  g_autoptr(JsonNode) node = bel_model_to_json (object);
  return json_to_string (node, FALSE);
}

static const char *student_json =
  "{\"id\":7,\"school_id\":1,\"sis_id\":\"S100200\",\"given_name\":\"Amara\","
  "\"family_name\":\"Okafor\",\"preferred_name\":null,\"pronouns\":\"she/her\",\"grade\":10,"
  "\"advisory_id\":3,\"advisory_name\":\"Room 214\",\"home_language\":\"Igbo\","
  "\"el_status\":\"former\",\"iep\":false,\"section_504\":true,\"language_plan\":false,"
  "\"behavior_plan\":false,\"attributes\":{\"gender\":\"female\"},\"active\":true,"
  "\"version\":4,\"updated_at\":\"2026-11-20T10:00:00Z\"}";

static void
test_student_round_trip (void)
{
  g_autoptr(JsonNode) node = parse (student_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = bel_model_new_from_json (BEL_TYPE_STUDENT, node, BEL_MODEL_TRUST, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(BelStudent) copy = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GHashTable *attributes;

  g_assert_no_error (error);
  g_assert_cmpint (bel_resource_get_id (student), ==, 7);
  g_assert_cmpint (bel_resource_get_int (student, "grade"), ==, 10);
  g_assert_cmpstr (bel_resource_get_string (student, "el-status"), ==, "former");
  g_assert_true (bel_resource_get_bool (student, "section-504"));
  g_assert_null (bel_resource_get_string (student, "preferred-name"));
  attributes = bel_resource_get_boxed (student, "attributes");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "gender"), ==, "female");

  first = to_string (student);
  again = parse (first);
  copy = bel_model_new_from_json (BEL_TYPE_STUDENT, again, BEL_MODEL_TRUST, &error);
  g_assert_no_error (error);
  second = to_string (copy);
  g_assert_cmpstr (first, ==, second);
}

static void
test_student_names (void)
{
  g_autoptr(BelStudent) student = bel_student_new ();
  g_autofree char *display = NULL;
  g_autofree char *initials = NULL;

  g_object_set (student, "given-name", "Nguyễn Thị", "family-name", "Lan", NULL);
  g_object_set (student, "given-name", "Élodie", "family-name", "Durand", "preferred-name", "Lo", NULL);
  display = bel_student_dup_display_name (student);
  initials = bel_student_dup_initials (student);
  g_assert_cmpstr (display, ==, "Lo Durand");
  g_assert_cmpstr (initials, ==, "LD");
}

static void
assert_field_error (const GError *error, const char *field, const char *fragment)
{
  g_autoptr(GPtrArray) fields = bel_error_get_field_errors (error);

  for (guint i = 0; i < fields->len; i++)
    {
      BelFieldError *fe = g_ptr_array_index (fields, i);
      if (g_str_equal (fe->field, field) && strstr (fe->message, fragment) != NULL)
        return;
    }
  g_error ("no field error \"%s\" containing \"%s\" in: %s", field, fragment, error->message);
}

static void
test_create_reports_every_invalid_field (void)
{
  g_autoptr(JsonNode) node = parse ("{\"given_name\":42,\"family_name\":\"\",\"grade\":20,"
                                    "\"el_status\":\"maybe\",\"id\":3,\"shoe_size\":9}");
  g_autoptr(BelStudent) student = bel_student_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bel_model_from_json (student, node, BEL_MODEL_CREATE, &error));
  g_assert_error (error, BEL_ERROR, BEL_ERROR_INVALID);
  g_assert_cmpuint (bel_error_to_status (error), ==, 422);
  assert_field_error (error, "given_name", "must be a string");
  assert_field_error (error, "family_name", "must not be empty");
  assert_field_error (error, "grade", "between -1 and 13");
  assert_field_error (error, "el_status", "one of: none, current, former");
  assert_field_error (error, "id", "set by the server");
  assert_field_error (error, "shoe_size", "not a known field");
  assert_field_error (error, "sis_id", "is required");
}

static void
test_unset_fields_read_as_defaults (void)
{
  g_autoptr(JsonNode) node = parse ("{\"sis_id\":\"S1\",\"given_name\":\"Ana\",\"family_name\":\"Lima\",\"grade\":9}");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = bel_model_new_from_json (BEL_TYPE_STUDENT, node, BEL_MODEL_CREATE, &error);
  gboolean active = FALSE;

  g_assert_no_error (error);
  g_assert_true (bel_resource_get_bool (student, "active"));
  g_object_get (student, "active", &active, NULL);
  g_assert_true (active);
}

static void
test_invalid_patch_changes_nothing (void)
{
  g_autoptr(JsonNode) node = parse (student_json);
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = bel_model_new_from_json (BEL_TYPE_STUDENT, node, BEL_MODEL_TRUST, &error);
  g_autofree char *before = to_string (student);
  g_autofree char *after = NULL;
  g_autofree char *long_name = g_strnfill (81, 'a');
  g_autofree char *json = g_strdup_printf ("{\"pronouns\":\"they/them\",\"given_name\":\"%s\"}", long_name);

  patch = parse (json);
  g_assert_false (bel_model_from_json (student, patch, BEL_MODEL_PATCH, &error));
  assert_field_error (error, "given_name", "at most 80 characters");
  after = to_string (student);
  g_assert_cmpstr (before, ==, after);
}

static void
test_patch_applies_present_fields (void)
{
  g_autoptr(JsonNode) node = parse (student_json);
  g_autoptr(JsonNode) patch = parse ("{\"preferred_name\":\"Mara\",\"advisory_id\":null}");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = bel_model_new_from_json (BEL_TYPE_STUDENT, node, BEL_MODEL_TRUST, &error);

  g_assert_true (bel_model_from_json (student, patch, BEL_MODEL_PATCH, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (student, "preferred-name"), ==, "Mara");
  g_assert_cmpint (bel_resource_get_int (student, "advisory-id"), ==, 0);
  g_assert_cmpstr (bel_resource_get_string (student, "family-name"), ==, "Okafor");
}

static void
test_control_characters_rejected (void)
{
  g_autoptr(JsonNode) patch = parse ("{\"pronouns\":\"she\\u0007her\"}");
  g_autoptr(BelStudent) student = bel_student_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bel_model_from_json (student, patch, BEL_MODEL_PATCH, &error));
  assert_field_error (error, "pronouns", "control characters");
}

static void
test_not_an_object_is_bad_request (void)
{
  g_autoptr(JsonNode) node = parse ("[1,2,3]");
  g_autoptr(BelStudent) student = bel_student_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bel_model_from_json (student, node, BEL_MODEL_CREATE, &error));
  g_assert_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST);
  g_assert_cmpuint (bel_error_to_status (error), ==, 400);
}

/* A reply without the member a decoder reads (a handoff without its
 * "student", a session without its "account") once hit a critical. */
static void
test_missing_member_is_bad_request (void)
{
  g_autoptr(JsonNode) reply = parse ("{\"school_year\":\"2026-2027\"}");
  JsonNode *student = json_object_get_member (json_node_get_object (reply), "student");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) decoded = bel_model_new_from_json (BEL_TYPE_STUDENT, student, BEL_MODEL_TRUST, &error);

  g_assert_null (decoded);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST);
  g_assert_cmpstr (error->message, ==, "Expected a JSON object, got nothing");
}

static void
test_account_password_never_serialized (void)
{
  g_autoptr(JsonNode) node = parse ("{\"username\":\"j.doe\",\"display_name\":\"Jo Doe\","
                                    "\"password\":\"correct horse battery\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = bel_model_new_from_json (BEL_TYPE_ACCOUNT, node, BEL_MODEL_CREATE, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (account, "password"), ==, "correct horse battery");
  json = to_string (account);
  g_assert_null (strstr (json, "password"));
  g_assert_null (strstr (json, "horse"));
}

static void
test_account_memberships_nested (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\":2,\"username\":\"m.rivera\",\"display_name\":\"Marisol Rivera\","
                                    "\"server_role\":\"none\",\"memberships\":[{\"school_id\":1,"
                                    "\"school_name\":\"Riverside\",\"role\":\"counselor\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = bel_model_new_from_json (BEL_TYPE_ACCOUNT, node, BEL_MODEL_TRUST, &error);

  g_assert_no_error (error);
  g_assert_false (bel_account_is_admin (account));
  g_assert_cmpstr (bel_account_role_in (account, 1), ==, "counselor");
  g_assert_null (bel_account_role_in (account, 2));
}

static void
test_nested_item_errors_name_the_item (void)
{
  g_autoptr(JsonNode) node = parse ("{\"name\":\"Room 12\",\"members\":[{\"grade\":\"ten\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvisory) advisory = bel_model_new_from_json (BEL_TYPE_ADVISORY, node, BEL_MODEL_TRUST, &error);

  g_assert_null (advisory);
  assert_field_error (error, "members", "item 0");
}

static void
test_status_mapping (void)
{
  g_autoptr(GError) error = g_error_new_literal (BEL_ERROR, BEL_ERROR_PRECONDITION_REQUIRED, "x");

  g_assert_cmpuint (bel_error_to_status (error), ==, 428);
  g_assert_cmpint (bel_error_from_status (412), ==, BEL_ERROR_PRECONDITION_FAILED);
  g_assert_cmpint (bel_error_from_status (429), ==, BEL_ERROR_RATE_LIMITED);
  g_assert_cmpint (bel_error_from_status (502), ==, BEL_ERROR_FAILED);
  g_assert_cmpstr (bel_error_type_uri (BEL_ERROR_CONFLICT), ==, "https://belonging.app/problems/conflict");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/student/round-trip", test_student_round_trip);
  g_test_add_func ("/model/student/display-name-prefers-preferred-name", test_student_names);
  g_test_add_func ("/model/create/reports-every-invalid-field", test_create_reports_every_invalid_field);
  g_test_add_func ("/model/create/unset-fields-read-as-defaults", test_unset_fields_read_as_defaults);
  g_test_add_func ("/model/patch/invalid-changes-nothing", test_invalid_patch_changes_nothing);
  g_test_add_func ("/model/patch/applies-present-fields", test_patch_applies_present_fields);
  g_test_add_func ("/model/strings/control-characters-rejected", test_control_characters_rejected);
  g_test_add_func ("/model/not-an-object-is-bad-request", test_not_an_object_is_bad_request);
  g_test_add_func ("/model/missing-member-is-bad-request", test_missing_member_is_bad_request);
  g_test_add_func ("/model/account/password-never-serialized", test_account_password_never_serialized);
  g_test_add_func ("/model/account/memberships-nested", test_account_memberships_nested);
  g_test_add_func ("/model/list/nested-errors-name-the-item", test_nested_item_errors_name_the_item);
  g_test_add_func ("/error/status-mapping", test_status_mapping);

  return g_test_run ();
}
