/* bel-test-profiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-profiles.h"

#include "bel-accounts.h"
#include "bel-advocates.h"
#include "bel-password.h"
#include "bel-students.h"
#include "bel-test-sql.h"

static gint64
add_teacher (BelEngine  *engine,
             const char *hash,
             gint64      school_id,
             const char *username,
             const char *display_name)
{
  g_autoptr(GError) error = NULL;
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(BelAccount) account = g_object_new (BEL_TYPE_ACCOUNT, "username", username,
                                                "display-name", display_name, "server-role", "none",
                                                "active", TRUE, NULL);
  g_autoptr(BelAccount) created = bel_accounts_create_with_hash (engine, system, account, hash, &error);
  g_autoptr(BelMembership) m = g_object_new (BEL_TYPE_MEMBERSHIP, "role", "teacher", NULL);
  g_autoptr(BelMembership) stored = NULL;

  g_assert_no_error (error);
  stored = bel_memberships_put (engine, system, school_id, bel_resource_get_id (created), m, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static void
seed_more (BelTestProfiles *fx)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (fx->daemon);
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bel_password_hash (BEL_TEST_PASSWORD, &error);
  g_autoptr(BelAdvocate) advocate = NULL;
  g_autoptr(BelAdvocate) assigned = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelStudent) created = NULL;

  g_assert_no_error (error);
  fx->stranger_id = add_teacher (engine, hash, fx->seed.school_id, "stranger", "Sam Stranger");
  fx->ally_id = add_teacher (engine, hash, fx->seed.school_id, "ally", "Alex Ally");
  advocate = g_object_new (BEL_TYPE_ADVOCATE, "account-id", fx->ally_id, "follow-up-on", "2026-10-01", NULL);
  assigned = bel_advocates_create (engine, system, fx->seed.student_id, advocate, &error);
  g_assert_no_error (error);
  student = g_object_new (BEL_TYPE_STUDENT, "sis-id", "S-1002", "given-name", "Mina", "family-name", "Park",
                          "grade", (gint64) 10, "active", TRUE, NULL);
  created = bel_students_create (engine, system, fx->seed.school_id, student, &error);
  g_assert_no_error (error);
  fx->other_student_id = bel_resource_get_id (created);
}

BelTestProfiles *
bel_test_profiles_new_stopped (void)
{
  BelTestProfiles *fx = g_new0 (BelTestProfiles, 1);

  fx->daemon = bel_test_daemon_new ();
  bel_test_daemon_seed (fx->daemon, &fx->seed);
  seed_more (fx);
  return fx;
}

BelTestProfiles *
bel_test_profiles_new (void)
{
  BelTestProfiles *fx = bel_test_profiles_new_stopped ();

  bel_test_daemon_start (fx->daemon);
  bel_test_profiles_sign_in (fx);
  return fx;
}

void
bel_test_profiles_sign_in (BelTestProfiles *fx)
{
  BelTestDaemon *d = fx->daemon;

  fx->admin = bel_test_daemon_sign_in (d, "admin", BEL_TEST_PASSWORD);
  fx->leader = bel_test_daemon_sign_in (d, "leader", BEL_TEST_PASSWORD);
  fx->counselor = bel_test_daemon_sign_in (d, "counselor", BEL_TEST_PASSWORD);
  fx->teacher = bel_test_daemon_sign_in (d, "teacher", BEL_TEST_PASSWORD);
  fx->stranger = bel_test_daemon_sign_in (d, "stranger", BEL_TEST_PASSWORD);
  fx->ally = bel_test_daemon_sign_in (d, "ally", BEL_TEST_PASSWORD);
  fx->outsider = bel_test_daemon_sign_in (d, "outsider", BEL_TEST_PASSWORD);
}

void
bel_test_profiles_free (BelTestProfiles *fx)
{
  if (fx == NULL)
    return;
  bel_test_daemon_free (fx->daemon);
  g_free (fx->admin);
  g_free (fx->leader);
  g_free (fx->counselor);
  g_free (fx->teacher);
  g_free (fx->stranger);
  g_free (fx->ally);
  g_free (fx->outsider);
  g_free (fx);
}

BelTestResponse *
bel_test_profiles_add (BelTestProfiles *fx,
                       const char      *token,
                       gint64           student_id,
                       const char      *section,
                       const char      *body,
                       const char      *extra_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  g_autofree char *json = NULL;
  g_autofree char *merged = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "section");
  json_builder_add_string_value (builder, section);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  /* "{...}" + ", extra" before the closing brace */
  merged = extra_json && *extra_json
             ? g_strdup_printf ("%.*s, %s}", (int) strlen (json) - 1, json, extra_json)
             : g_strdup (json);
  return bel_test_daemon_request (fx->daemon, "POST", path, token, merged, NULL);
}

gint64
bel_test_profiles_add_ok (BelTestProfiles *fx,
                          const char      *token,
                          gint64           student_id,
                          const char      *section,
                          const char      *body,
                          const char      *extra_json)
{
  g_autoptr(BelTestResponse) r = bel_test_profiles_add (fx, token, student_id, section, body, extra_json);

  if (r->status != 201)
    g_test_message ("%s", r->body ? (const char *) g_bytes_get_data (r->body, NULL) : "");
  g_assert_cmpuint (r->status, ==, 201);
  return bel_test_response_int (r, "id");
}

gint64
bel_test_profiles_sql_int (BelTestProfiles *fx,
                           const char      *sql)
{
  return bel_test_sql_int (fx->daemon->db_path, sql);
}

gboolean
bel_test_profiles_sql_exec (BelTestProfiles *fx,
                            const char      *sql,
                            char           **message)
{
  return bel_test_sql_exec (fx->daemon->db_path, sql, message);
}

gint64
bel_test_profiles_reads (BelTestProfiles *fx,
                         gint64           account_id,
                         const char      *section)
{
  g_autofree char *sql = NULL;

  /* Only ids and known section names are formatted in: this is test code reading its own fixture. */
  g_assert_true (section == NULL || g_regex_match_simple ("^[a-z_]+$", section, 0, 0));
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'profile.read' AND actor_id = %" G_GINT64_FORMAT
                         "%s%s%s", account_id, section ? " AND detail LIKE 'section=" : "",
                         section ? section : "", section ? ";%'" : "");
  return bel_test_profiles_sql_int (fx, sql);
}

BelTestResponse *
bel_test_profiles_get (BelTestProfiles *fx,
                       const char      *token,
                       guint            status,
                       const char      *path_format,
                       ...)
{
  g_autofree char *path = NULL;
  BelTestResponse *r;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  r = bel_test_daemon_request (fx->daemon, "GET", path, token, NULL, NULL);
  if (r->status != status)
    g_test_message ("GET %s: %u %.*s", path, r->status, r->body ? (int) g_bytes_get_size (r->body) : 0,
                    r->body ? (const char *) g_bytes_get_data (r->body, NULL) : "");
  g_assert_cmpuint (r->status, ==, status);
  return r;
}
