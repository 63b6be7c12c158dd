/* test-client.c - BelClient against a real belongingd with a demo school
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bel-advisory.h"
#include "bel-client.h"
#include "bel-error.h"
#include "bel-membership.h"
#include "bel-school.h"
#include "test-daemon.h"
#include "../bel-test-slowdown.h"

#define N_STUDENTS 40

static TestDaemon *shared_daemon;

/* ---- running async calls to completion ---- */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = bel_test_deadline (20);

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static BelClient *
new_client (TestDaemon *daemon)
{
  return bel_client_new (daemon->url);
}

static BelAccount *
sign_in (BelClient  *client,
         const char *username,
         const char *password,
         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bel_client_sign_in_async (client, username, password, NULL, store_result, &result);
  return bel_client_sign_in_finish (client, wait_for (&result), NULL, error);
}

static BelClient *
signed_in_client (void)
{
  BelClient *client = new_client (shared_daemon);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = sign_in (client, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return client;
}

static gint64
first_school_id (BelClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;

  bel_client_list_schools_async (client, NULL, store_result, &result);
  schools = bel_client_list_schools_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schools->len, >=, 1);
  return bel_resource_get_id (schools->pdata[0]);
}

static GPtrArray *
list_students (BelClient  *client,
               gint64      school_id,
               const char *q,
               int         grade,
               gint64      advisory_id,
               const char *cursor,
               guint       limit,
               gint64     *total,
               char      **next_cursor)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  bel_client_list_students_async (client, school_id, q, grade, advisory_id, cursor, limit, NULL,
                                  store_result, &result);
  items = bel_client_list_students_finish (client, wait_for (&result), total, next_cursor, &error);
  g_assert_no_error (error);
  return items;
}

/* ---- tests ---- */

static void
test_sign_in_with_demo_password (void)
{
  g_autoptr(BelClient) client = new_client (shared_daemon);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelAccount) me = NULL;
  g_autofree char *token = NULL;

  bel_client_sign_in_async (client, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD, NULL, store_result, &result);
  account = bel_client_sign_in_finish (client, wait_for (&result), &token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (account, "username"), ==, TEST_DEMO_COUNSELOR);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >=, 40);
  g_assert_cmpstr (bel_client_get_token (client), ==, token);
  g_assert_true (bel_client_get_account (client) == account);

  g_clear_object (&result);
  bel_client_get_me_async (client, NULL, store_result, &result);
  me = bel_client_get_me_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bel_resource_get_id (me), ==, bel_resource_get_id (account));
}

static void
count_signal (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_sign_in_wrong_password_is_unauthorized (void)
{
  g_autoptr(BelClient) client = new_client (shared_daemon);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  guint expired = 0;

  g_signal_connect_swapped (client, "session-expired", G_CALLBACK (count_signal), &expired);
  account = sign_in (client, TEST_DEMO_TEACHER, "not-the-password", &error);
  g_assert_null (account);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (bel_client_get_token (client));
  g_assert_cmpuint (expired, ==, 0);
  g_assert_true (bel_client_get_connected (client));
}

static void
test_sign_out_ends_the_session (void)
{
  g_autoptr(BelClient) client = signed_in_client ();
  g_autoptr(BelClient) other = new_client (shared_daemon);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) me = NULL;
  g_autofree char *token = g_strdup (bel_client_get_token (client));
  guint expired = 0;

  bel_client_sign_out_async (client, NULL, store_result, &result);
  g_assert_null (bel_client_get_token (client));
  g_assert_true (bel_client_sign_out_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);

  /* The old token no longer works, and the client says its session ended. */
  bel_client_set_token (other, token);
  g_signal_connect_swapped (other, "session-expired", G_CALLBACK (count_signal), &expired);
  g_clear_object (&result);
  bel_client_get_me_async (other, NULL, store_result, &result);
  me = bel_client_get_me_finish (other, wait_for (&result), &error);
  g_assert_null (me);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (expired, ==, 1);
  g_assert_null (bel_client_get_token (other));
}

static void
test_students_pages_cover_the_school (void)
{
  g_autoptr(BelClient) client = signed_in_client ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *cursor = NULL;
  gint64 school = first_school_id (client);
  gint64 total = 0;
  guint pages = 0;

  do
    {
      g_autofree char *next = NULL;
      g_autoptr(GPtrArray) items = list_students (client, school, NULL, BEL_CLIENT_ANY_GRADE, 0,
                                                  cursor, 15, &total, &next);

      g_assert_cmpuint (items->len, <=, 15);
      for (guint i = 0; i < items->len; i++)
        {
          gint64 *id = g_new (gint64, 1);
          *id = bel_resource_get_id (items->pdata[i]);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          g_assert_cmpint (bel_resource_get_int (items->pdata[i], "school-id"), ==, school);
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
      pages++;
    }
  while (cursor != NULL && pages < 10);

  g_assert_cmpint (total, ==, N_STUDENTS);
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_STUDENTS);
  g_assert_cmpuint (pages, ==, (N_STUDENTS + 14) / 15);
  g_hash_table_foreach (seen, (GHFunc) g_free, NULL);
}

static void
test_students_filters_narrow_the_list (void)
{
  g_autoptr(BelClient) client = signed_in_client ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_grade = NULL;
  g_autoptr(GPtrArray) by_name = NULL;
  g_autoptr(GPtrArray) by_advisory = NULL;
  gint64 school = first_school_id (client);
  gint64 total = 0, grade_total = 0, name_total = 0, advisory_total = 0;
  BelStudent *someone;
  int grade;
  gint64 advisory;
  gboolean found = FALSE;

  all = list_students (client, school, NULL, BEL_CLIENT_ANY_GRADE, 0, NULL, 1000, &total, NULL);
  g_assert_cmpuint (all->len, ==, N_STUDENTS);
  someone = all->pdata[N_STUDENTS / 2];
  grade = (int) bel_resource_get_int (someone, "grade");
  advisory = bel_resource_get_int (someone, "advisory-id");

  by_grade = list_students (client, school, NULL, grade, 0, NULL, 1000, &grade_total, NULL);
  g_assert_cmpint (grade_total, ==, by_grade->len);
  g_assert_cmpint (grade_total, <, total);
  for (guint i = 0; i < by_grade->len; i++)
    g_assert_cmpint (bel_resource_get_int (by_grade->pdata[i], "grade"), ==, grade);

  by_name = list_students (client, school, bel_resource_get_string (someone, "family-name"),
                           BEL_CLIENT_ANY_GRADE, 0, NULL, 1000, &name_total, NULL);
  g_assert_cmpint (name_total, >=, 1);
  g_assert_cmpint (name_total, <, total);
  for (guint i = 0; i < by_name->len; i++)
    found |= bel_resource_get_id (by_name->pdata[i]) == bel_resource_get_id (someone);
  g_assert_true (found);

  g_assert_cmpint (advisory, >, 0);
  by_advisory = list_students (client, school, NULL, BEL_CLIENT_ANY_GRADE, advisory, NULL, 1000,
                               &advisory_total, NULL);
  g_assert_cmpint (advisory_total, >=, 1);
  for (guint i = 0; i < by_advisory->len; i++)
    g_assert_cmpint (bel_resource_get_int (by_advisory->pdata[i], "advisory-id"), ==, advisory);
}

static void
test_student_advisories_and_staff (void)
{
  g_autoptr(BelClient) client = signed_in_client ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) advisories = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(BelStudent) student = NULL;
  gint64 school = first_school_id (client);
  gboolean counselor_found = FALSE;

  page = list_students (client, school, NULL, BEL_CLIENT_ANY_GRADE, 0, NULL, 5, NULL, NULL);
  bel_client_get_student_async (client, bel_resource_get_id (page->pdata[0]), NULL, store_result, &result);
  student = bel_client_get_student_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (student, "sis-id"), ==,
                   bel_resource_get_string (page->pdata[0], "sis-id"));

  g_clear_object (&result);
  bel_client_list_advisories_async (client, school, NULL, store_result, &result);
  advisories = bel_client_list_advisories_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (advisories->len, >=, 1);
  g_assert_nonnull (bel_resource_get_string (advisories->pdata[0], "name"));

  g_clear_object (&result);
  bel_client_list_staff_async (client, school, NULL, store_result, &result);
  staff = bel_client_list_staff_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    counselor_found |= g_strcmp0 (bel_resource_get_string (staff->pdata[i], "username"),
                                  TEST_DEMO_COUNSELOR) == 0;
  g_assert_true (counselor_found);

  /* A student that does not exist is a plain 404. */
  g_clear_object (&result);
  g_clear_object (&student);
  bel_client_get_student_async (client, 99999999, NULL, store_result, &result);
  student = bel_client_get_student_finish (client, wait_for (&result), &error);
  g_assert_null (student);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND);
}

static void
test_unreachable_server_is_a_network_error (void)
{
  g_autoptr(TestDaemon) daemon = test_daemon_new (5);
  g_autoptr(BelClient) client = new_client (daemon);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autoptr(BelAccount) me = NULL;
  guint notified = 0;

  account = sign_in (client, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (bel_client_get_connected (client));
  g_signal_connect_swapped (client, "notify::connected", G_CALLBACK (count_signal), &notified);

  test_daemon_stop (daemon);
  bel_client_get_me_async (client, NULL, store_result, &result);
  me = bel_client_get_me_finish (client, wait_for (&result), &error);
  g_assert_null (me);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, daemon->url));
  g_assert_false (bel_client_get_connected (client));
  g_assert_cmpuint (notified, ==, 1);
  /* Being unreachable is not the end of the session. */
  g_assert_nonnull (bel_client_get_token (client));

  test_daemon_start (daemon);
  g_clear_error (&error);
  g_clear_object (&result);
  bel_client_get_me_async (client, NULL, store_result, &result);
  me = bel_client_get_me_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_true (bel_client_get_connected (client));
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_too_many_attempts_say_when_to_retry (void)
{
  g_autoptr(TestDaemon) daemon = test_daemon_new (5);
  g_autoptr(BelClient) client = new_client (daemon);
  g_autoptr(GError) error = NULL;
  guint attempts = 0;

  while (attempts++ < 50)
    {
      g_autoptr(BelAccount) account = NULL;

      g_clear_error (&error);
      account = sign_in (client, TEST_DEMO_TEACHER, "wrong-password", &error);
      g_assert_null (account);
      if (!g_error_matches (error, BEL_ERROR, BEL_ERROR_UNAUTHORIZED))
        break;
    }
  g_assert_error (error, BEL_ERROR, BEL_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "Try again in"));
}

/* The fixture runs belongingctl and belongingd behind $BEL_TEST_WRAPPER, as
 * `tools/sanitize valgrind` needs: here a shell that notes each command line
 * before running it (behind the wrapper already set, if any). */
static void
test_fixture_runs_programs_behind_the_wrapper (void)
{
  g_autofree char *dir = g_dir_make_tmp ("belonging-wrapper-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "commands", NULL);
  g_autofree char *quoted = g_shell_quote (log);
  g_autofree char *outer = g_strdup (g_getenv ("BEL_TEST_WRAPPER"));
  g_autofree char *wrapper = g_strdup_printf ("/bin/sh -c 'echo \"$0 $*\" >> %s; exec \"$0\" \"$@\"' %s",
                                              quoted, outer != NULL ? outer : "");
  g_autoptr(TestDaemon) daemon = NULL;
  g_autoptr(BelClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = NULL;
  g_autofree char *commands = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (dir);
  g_setenv ("BEL_TEST_WRAPPER", wrapper, TRUE);
  daemon = test_daemon_new (3);
  if (outer != NULL)
    g_setenv ("BEL_TEST_WRAPPER", outer, TRUE);
  else
    g_unsetenv ("BEL_TEST_WRAPPER");
  client = new_client (daemon);
  account = sign_in (client, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);

  g_assert_true (g_file_get_contents (log, &commands, NULL, NULL));
  lines = g_strsplit (g_strchomp (commands), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "/server/ctl/belongingctl --database "));
  g_assert_nonnull (strstr (lines[0], " demo --students 3"));
  g_assert_nonnull (strstr (lines[1], "/server/belongingd --database "));
  g_assert_nonnull (strstr (lines[1], " --listen 127.0.0.1 --port 0"));
  g_unlink (log);
  g_rmdir (dir);
}

static void
test_normalize_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = bel_client_normalize_address (" school.example.org:8765/ ", NULL);
  g_autofree char *https = bel_client_normalize_address ("https://belonging.example.org", NULL);
  g_autofree char *bad = bel_client_normalize_address ("ftp://example.org", &error);

  g_assert_cmpstr (plain, ==, "http://school.example.org:8765");
  g_assert_cmpstr (https, ==, "https://belonging.example.org");
  g_assert_null (bad);
  g_assert_error (error, BEL_ERROR, BEL_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/address/normalize", test_normalize_address);
  g_test_add_func ("/client/sign-in/demo-password-starts-a-session", test_sign_in_with_demo_password);
  g_test_add_func ("/client/sign-in/wrong-password-is-unauthorized", test_sign_in_wrong_password_is_unauthorized);
  g_test_add_func ("/client/sign-in/too-many-attempts-say-when-to-retry", test_too_many_attempts_say_when_to_retry);
  g_test_add_func ("/client/sign-out/ends-the-session", test_sign_out_ends_the_session);
  g_test_add_func ("/client/students/pages-cover-the-school", test_students_pages_cover_the_school);
  g_test_add_func ("/client/students/filters-narrow-the-list", test_students_filters_narrow_the_list);
  g_test_add_func ("/client/school/student-advisories-and-staff", test_student_advisories_and_staff);
  g_test_add_func ("/client/network/unreachable-server-and-recovery", test_unreachable_server_is_a_network_error);
  g_test_add_func ("/client/fixture/runs-programs-behind-the-wrapper", test_fixture_runs_programs_behind_the_wrapper);

  shared_daemon = test_daemon_new (N_STUDENTS);
  status = g_test_run ();
  test_daemon_free (shared_daemon);
  return status;
}
