/* test-demo-daemon.c - `belongingctl demo` fills a database the daemon serves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-schools.h"
#include "bel-students.h"
#include "bel-test-ctl.h"
#include "bel-test-daemon.h"

#define DEMO_PASSWORD "belonging-demo"

static void
assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "belongingctl: "));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
run_demo (BelTestDaemon *d,
          const char    *first_arg,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(BelTestCtl) r = NULL;
  va_list ap;

  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, d->db_path);
  g_ptr_array_add (args, "demo");
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r = bel_test_ctl_runv (NULL, (const char * const *) args->pdata);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
}

/* All students of the school, paged through as a client would. */
static GPtrArray *
list_students (BelTestDaemon *d,
               const char    *token,
               gint64         school_id,
               gint64        *total)
{
  GPtrArray *students = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *cursor = NULL;

  do
    {
      g_autofree char *path = cursor
        ? g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students?limit=150&cursor=%s", school_id, cursor)
        : g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students?limit=150", school_id);
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
      JsonObject *page;
      JsonArray *items;

      g_assert_cmpuint (r->status, ==, 200);
      page = bel_test_response_object (r);
      items = json_object_get_array_member (page, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (students, json_object_ref (json_array_get_object_element (items, i)));
      *total = json_object_get_int_member (page, "total");
      g_clear_pointer (&cursor, g_free);
      if (json_object_has_member (page, "next_cursor") && !json_object_get_null_member (page, "next_cursor"))
        cursor = g_uri_escape_string (json_object_get_string_member (page, "next_cursor"), NULL, FALSE);
    }
  while (cursor != NULL);
  return students;
}

static gint64
first_school_of (BelTestDaemon *d,
                 const char    *token,
                 const char    *expected_role)
{
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (d, "GET", "/api/v1/me", token, NULL, NULL);
  JsonArray *memberships;
  JsonObject *m;

  g_assert_cmpuint (me->status, ==, 200);
  memberships = json_object_get_array_member (bel_test_response_object (me), "memberships");
  g_assert_cmpuint (json_array_get_length (memberships), ==, 1);
  m = json_array_get_object_element (memberships, 0);
  g_assert_cmpstr (json_object_get_string_member (m, "role"), ==, expected_role);
  return json_object_get_int_member (m, "school_id");
}

static void
test_teacher_sees_the_whole_school (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(GPtrArray) students = NULL;
  g_autoptr(GHashTable) sis_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) languages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BelTestResponse) advisories = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  gboolean grades[4] = { FALSE };
  gint64 school_id, total = 0;
  JsonArray *items;

  run_demo (d, NULL);
  bel_test_daemon_start (d);
  token = bel_test_daemon_sign_in (d, "chinedu.okafor", DEMO_PASSWORD);
  school_id = first_school_of (d, token, "teacher");

  students = list_students (d, token, school_id, &total);
  g_assert_cmpint (total, ==, 400);
  g_assert_cmpuint (students->len, ==, 400);
  for (guint i = 0; i < students->len; i++)
    {
      JsonObject *s = g_ptr_array_index (students, i);
      gint64 grade = json_object_get_int_member (s, "grade");

      g_assert_true (g_hash_table_add (sis_ids, (gpointer) json_object_get_string_member (s, "sis_id")));
      g_hash_table_add (languages, (gpointer) json_object_get_string_member (s, "home_language"));
      g_assert_cmpint (grade, >=, 9);
      g_assert_cmpint (grade, <=, 12);
      grades[grade - 9] = TRUE;
      g_assert_nonnull (json_object_get_string_member (s, "advisory_name"));
    }
  g_assert_true (grades[0] && grades[1] && grades[2] && grades[3]);
  g_assert_cmpuint (g_hash_table_size (languages), >=, 8);

  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advisories", school_id);
  advisories = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (advisories->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (advisories), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 20);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);

      g_assert_cmpint (json_object_get_int_member (a, "member_count"), >=, 15);
      g_assert_cmpint (json_object_get_int_member (a, "member_count"), <=, 20);
      g_assert_nonnull (json_object_get_string_member (a, "advisor_name"));
    }
}

static void
test_every_role_can_sign_in (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autofree char *admin = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *counselor = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(BelTestResponse) wrong = NULL;

  run_demo (d, "--students", "40", NULL);
  bel_test_daemon_start (d);

  admin = bel_test_daemon_sign_in (d, "dana.kowalczyk", DEMO_PASSWORD);
  me = bel_test_daemon_request (d, "GET", "/api/v1/me", admin, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "server_role"), ==, "admin");

  leader = bel_test_daemon_sign_in (d, "angela.whitfield", DEMO_PASSWORD);
  first_school_of (d, leader, "leader");
  counselor = bel_test_daemon_sign_in (d, "tomas.rivera", DEMO_PASSWORD);
  first_school_of (d, counselor, "counselor");

  wrong = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL,
                                   "{\"username\": \"mai.vang\", \"password\": \"not-the-demo-one\"}", NULL);
  g_assert_cmpuint (wrong->status, ==, 401);
}

/* The students as the engine stores them, without ids and timestamps. */
static char *
stored_students (BelTestDaemon *d)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = bel_schools_list (engine, actor, &error);
  g_autoptr(BelStudentPage) page = NULL;
  BelStudentQuery query;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, ==, 1);
  bel_student_query_init (&query);
  query.limit = BEL_STUDENT_QUERY_LIMIT_MAX;
  page = bel_students_list (engine, actor, bel_resource_get_id (g_ptr_array_index (schools, 0)), &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    {
      BelStudent *s = g_ptr_array_index (page->items, i);
      g_string_append_printf (out, "%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%s|%s|%s|%d%d\n",
                              bel_resource_get_string (s, "sis-id"),
                              bel_resource_get_string (s, "given-name"),
                              bel_resource_get_string (s, "family-name"),
                              bel_resource_get_string (s, "preferred-name") ?: "",
                              bel_resource_get_string (s, "pronouns"),
                              bel_resource_get_int (s, "grade"),
                              bel_resource_get_string (s, "home-language"),
                              bel_resource_get_string (s, "el-status"),
                              bel_resource_get_string (s, "advisory-name"),
                              bel_resource_get_bool (s, "iep"), bel_resource_get_bool (s, "section-504"));
    }
  return g_string_free (out, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_same_seed_same_database (void)
{
  g_autoptr(BelTestDaemon) a = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) b = bel_test_daemon_new ();
  g_autoptr(BelTestDaemon) c = bel_test_daemon_new ();
  g_autofree char *students_a = NULL;
  g_autofree char *students_b = NULL;
  g_autofree char *students_c = NULL;

  run_demo (a, "--students", "60", "--seed", "11", NULL);
  run_demo (b, "--students", "60", "--seed", "11", NULL);
  run_demo (c, "--students", "60", "--seed", "12", NULL);
  students_a = stored_students (a);
  students_b = stored_students (b);
  students_c = stored_students (c);
  g_assert_cmpuint (count_lines (students_a), ==, 60);
  g_assert_cmpstr (students_a, ==, students_b);
  g_assert_cmpstr (students_a, !=, students_c);
}

static guint
count_students (BelTestDaemon *d)
{
  g_autofree char *students = stored_students (d);

  return count_lines (students);
}

static void
test_refuses_a_database_with_data (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(BelTestCtl) again = NULL;
  g_autoptr(BelTestCtl) forced = NULL;

  run_demo (d, "--students", "40", NULL);
  g_assert_cmpuint (count_students (d), ==, 40);

  again = bel_test_ctl_run (NULL, "--database", d->db_path, "demo", "--students", "40", NULL);
  g_assert_cmpint (again->status, ==, 1);
  assert_one_line (again->err);
  g_assert_nonnull (strstr (again->err, "--force"));
  g_assert_cmpstr (again->out, ==, "");

  /* Forced, it stops at the existing school and writes nothing either. */
  forced = bel_test_ctl_run (NULL, "--database", d->db_path, "demo", "--force", NULL);
  g_assert_cmpint (forced->status, ==, 1);
  assert_one_line (forced->err);
  g_assert_cmpuint (count_students (d), ==, 40);
}

static void
test_bad_arguments_write_nothing (void)
{
  const char *bad[][4] = {
    { "--students", "0", NULL },
    { "--students", "5001", NULL },
    { "--students", "-3", NULL },
    { "--students", "many", NULL },
    { "--seed", "x", NULL },
    { "--seed", "4294967296", NULL },
    { "--bogus", NULL },
    { "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(BelTestCtl) r = NULL;

      bel_test_daemon_drop_database (d); /* PostgreSQL: the fixture made one */
      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, d->db_path);
      g_ptr_array_add (args, "demo");
      for (guint k = 0; bad[i][k] != NULL; k++)
        g_ptr_array_add (args, (gpointer) bad[i][k]);
      g_ptr_array_add (args, NULL);
      r = bel_test_ctl_runv (NULL, (const char * const *) args->pdata);
      g_test_message ("demo %s %s: %s", bad[i][0], bad[i][1] ?: "", r->err);
      g_assert_cmpint (r->status, ==, 2);
      assert_one_line (r->err);
      g_assert_cmpstr (r->out, ==, "");
      g_assert_false (bel_test_daemon_has_database (d));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/daemon/teacher-sees-the-whole-school", test_teacher_sees_the_whole_school);
  g_test_add_func ("/demo/daemon/every-role-can-sign-in", test_every_role_can_sign_in);
  g_test_add_func ("/demo/ctl/same-seed-same-database", test_same_seed_same_database);
  g_test_add_func ("/demo/ctl/refuses-a-database-with-data", test_refuses_a_database_with_data);
  g_test_add_func ("/demo/ctl/bad-arguments-write-nothing", test_bad_arguments_write_nothing);
  return g_test_run ();
}
