/* test-server-auth.c - signing in and out, sessions, rate limits and roles, over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bel-test-daemon.h"
#include "bel-test-sql.h"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
} Fixture;

static void
setup_with_config (Fixture    *f,
                   const char *config)
{
  f->d = bel_test_daemon_new ();
  if (config != NULL)
    bel_test_daemon_set_config (f->d, config);
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_start (f->d);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  setup_with_config (f, data);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
}

static BelTestResponse *
sign_in (Fixture    *f,
         const char *username,
         const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);

  return bel_test_daemon_request (f->d, "POST", "/api/v1/session", NULL, body, NULL);
}

static void
test_sign_in_ok (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = sign_in (f, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) me = NULL;
  JsonObject *account;
  const char *token;

  g_assert_cmpuint (r->status, ==, 201);
  token = bel_test_response_string (r, "token");
  g_assert_cmpuint (strlen (token), ==, 43); /* 256 bits, URL-safe base64 without padding */
  g_assert_nonnull (bel_test_response_string (r, "expires_at"));
  account = json_object_get_object_member (bel_test_response_object (r), "account");
  g_assert_cmpstr (json_object_get_string_member (account, "username"), ==, "teacher");
  g_assert_false (json_object_has_member (account, "password"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (account, "memberships")), ==, 1);

  me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "teacher");
  g_assert_nonnull (soup_message_headers_get_one (me->headers, "ETag"));
  g_assert_cmpstr (soup_message_headers_get_one (me->headers, "Cache-Control"), ==, "no-store");
}

static void
test_sign_in_wrong_password (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BelTestResponse) wrong = sign_in (f, "teacher", "not the password");
  g_autoptr(BelTestResponse) nobody = sign_in (f, "nobody", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) extra = NULL;

  bel_test_assert_problem (wrong, 401);
  bel_test_assert_problem (nobody, 401);
  /* The same answer whether the account exists or not */
  g_assert_cmpstr (json_object_get_string_member (bel_test_response_object (wrong), "detail"), ==,
                   json_object_get_string_member (bel_test_response_object (nobody), "detail"));
  extra = bel_test_daemon_request (f->d, "POST", "/api/v1/session", NULL,
                                   "{\"username\":\"teacher\",\"password\":\"x\",\"admin\":true}", NULL);
  bel_test_assert_problem (extra, 422);
}

/* Asserts a 429 with a Retry-After within the window (15 minutes). */
static void
assert_limited (BelTestResponse *r)
{
  const char *retry_after;

  bel_test_assert_problem (r, 429);
  retry_after = soup_message_headers_get_one (r->headers, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), >, 0);
  g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), <=, 15 * 60);
}

/* The failures are in the database: a restarted daemon still refuses, and
 * what it stored names neither the account nor the address. */
static void
test_limit_survives_restart (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BelTestResponse) before = NULL;
  g_autoptr(BelTestResponse) after = NULL;
  g_autofree char *named = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelTestResponse) r = sign_in (f, "teacher", "wrong password!");
      bel_test_assert_problem (r, 401);
    }
  before = sign_in (f, "teacher", "wrong password!");
  assert_limited (before);
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_start (f->d);
  after = sign_in (f, "teacher", BEL_TEST_PASSWORD);
  assert_limited (after);

  /* One row per failure and key (account and address), none in clear. */
  g_assert_cmpint (bel_test_sql_int (f->d->db_path, "SELECT COUNT(*) FROM rate_limit_failure"), ==, 10);
  named = bel_test_sql_text (f->d->db_path,
                             "SELECT key_hash FROM rate_limit_failure WHERE key_hash LIKE '%teacher%' "
                             "OR key_hash LIKE '%127.0.0.1%' OR length (key_hash) <> 64");
  g_assert_null (named);
}

/* A failure that cannot be counted is not a free guess: 503, not 401. */
static void
test_uncounted_failure_is_refused (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(BelTestResponse) first = sign_in (f, "teacher", "wrong password!");
  g_autoptr(BelTestResponse) wrong = NULL;
  g_autoptr(BelTestResponse) right = NULL;
  g_autofree char *message = NULL;

  bel_test_assert_problem (first, 401);
  g_assert_true (bel_test_sql_exec (f->d->db_path, "DROP TABLE rate_limit_failure", &message));
  wrong = sign_in (f, "teacher", "wrong password!");
  bel_test_assert_problem (wrong, 503);
  /* The limit cannot be checked either, so nobody signs in. */
  right = sign_in (f, "teacher", BEL_TEST_PASSWORD);
  bel_test_assert_problem (right, 503);
}

static void
test_rate_limited_per_account (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BelTestResponse) limited = NULL;
  g_autoptr(BelTestResponse) right = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelTestResponse) r = sign_in (f, "teacher", "wrong password!");
      bel_test_assert_problem (r, 401);
    }
  limited = sign_in (f, "teacher", "wrong password!");
  assert_limited (limited);

  /* Even the right password waits now */
  right = sign_in (f, "teacher", BEL_TEST_PASSWORD);
  bel_test_assert_problem (right, 429);
  g_assert_nonnull (soup_message_headers_get_one (right->headers, "Retry-After"));
}

static BelTestResponse *
sign_in_forwarded (Fixture    *f,
                   const char *forwarded_for,
                   const char *username,
                   const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (f->d, "POST", "/api/v1/session", NULL, body, NULL);

  if (forwarded_for != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Forwarded-For", forwarded_for);
  return bel_test_daemon_send (f->d, msg);
}

/* Three wrong guesses (for three usernames) from one client behind the
 * proxy, or without a proxy (@forwarded_for NULL). */
static void
guess_three_times_from (Fixture    *f,
                        const char *forwarded_for)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *username = g_strdup_printf ("guess%u", i);
      g_autoptr(BelTestResponse) r = sign_in_forwarded (f, forwarded_for, username, "wrong password!");
      bel_test_assert_problem (r, 401);
    }
}

static void
test_rate_limited_per_address (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BelTestResponse) limited = NULL;

  /* max-failures=3 per address in this daemon's key file; different usernames each time */
  guess_three_times_from (f, NULL);
  limited = sign_in (f, "leader", BEL_TEST_PASSWORD);
  bel_test_assert_problem (limited, 429);
  g_assert_nonnull (soup_message_headers_get_one (limited->headers, "Retry-After"));
}

/* Behind a load balancer (127.0.0.1 here) the address limit is per client
 * that the proxy names, not one for everybody. */
static void
test_rate_limited_behind_proxy (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BelTestResponse) same = NULL;
  g_autoptr(BelTestResponse) spoofed = NULL;
  g_autoptr(BelTestResponse) other = NULL;

  guess_three_times_from (f, "192.0.2.10");
  same = sign_in_forwarded (f, "192.0.2.10", "leader", BEL_TEST_PASSWORD);
  assert_limited (same);
  /* What the client claims before the proxy's own entry changes nothing. */
  spoofed = sign_in_forwarded (f, "198.51.100.7, 192.0.2.10", "leader", BEL_TEST_PASSWORD);
  assert_limited (spoofed);
  other = sign_in_forwarded (f, "192.0.2.11", "leader", BEL_TEST_PASSWORD);
  g_assert_cmpuint (other->status, ==, 201);
}

/* Without trusted_proxies the header is the client's word: ignored. */
static void
test_forwarded_for_untrusted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BelTestResponse) other = NULL;

  guess_three_times_from (f, "192.0.2.10");
  other = sign_in_forwarded (f, "192.0.2.11", "leader", BEL_TEST_PASSWORD);
  assert_limited (other);
}

static void
test_trusted_proxies_must_be_addresses (void)
{
  g_autoptr(BelTestDaemon) d = bel_test_daemon_new ();
  g_autoptr(GError) error = NULL;

  bel_test_daemon_set_config (d, "[server]\ntrusted_proxies=10.0.0.2;proxy.example\n");
  g_assert_false (bel_test_daemon_try_start (d, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "trusted_proxies: \"proxy.example\" is not an IP address"));
}

static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) before = bel_test_daemon_request (f->d, "GET", "/api/v1/me", token, NULL, NULL);
  g_autoptr(BelTestResponse) after = NULL;

  g_assert_cmpuint (before->status, ==, 200);
  g_usleep (2500 * G_TIME_SPAN_MILLISECOND); /* session-lifetime=2 */
  after = bel_test_daemon_request (f->d, "GET", "/api/v1/me", token, NULL, NULL);
  bel_test_assert_problem (after, 401);
  g_assert_cmpstr (soup_message_headers_get_one (after->headers, "WWW-Authenticate"), ==, "Bearer");
}

static void
test_logout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *other = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) out = bel_test_daemon_request (f->d, "DELETE", "/api/v1/session", token, NULL, NULL);
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", token, NULL, NULL);
  g_autoptr(BelTestResponse) again = bel_test_daemon_request (f->d, "DELETE", "/api/v1/session", token, NULL, NULL);
  g_autoptr(BelTestResponse) still = bel_test_daemon_request (f->d, "GET", "/api/v1/me", other, NULL, NULL);
  g_autoptr(BelTestResponse) garbage = bel_test_daemon_request (f->d, "GET", "/api/v1/me", "not-a-token", NULL, NULL);

  g_assert_cmpuint (out->status, ==, 204);
  bel_test_assert_problem (me, 401);
  bel_test_assert_problem (again, 401);
  g_assert_cmpuint (still->status, ==, 200); /* other sessions stay */
  bel_test_assert_problem (garbage, 401);
}

static void
test_inactive_account (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *admin = bel_test_daemon_sign_in (f->d, "admin", BEL_TEST_PASSWORD);
  g_autofree char *teacher = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%" G_GINT64_FORMAT, f->seed.teacher_id);
  g_autoptr(BelTestResponse) get = bel_test_daemon_request (f->d, "GET", path, admin, NULL, NULL);
  g_autoptr(BelTestResponse) patch = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  g_autoptr(BelTestResponse) again = NULL;

  g_assert_cmpuint (get->status, ==, 200);
  patch = bel_test_daemon_request (f->d, "PATCH", path, admin, "{\"active\":false}",
                                   soup_message_headers_get_one (get->headers, "ETag"));
  g_assert_cmpuint (patch->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (bel_test_response_object (patch), "active"));
  me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", teacher, NULL, NULL);
  bel_test_assert_problem (me, 401);
  again = sign_in (f, "teacher", BEL_TEST_PASSWORD);
  bel_test_assert_problem (again, 401);
}

static void
test_teacher_forbidden_admin_routes (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *own = g_strdup_printf ("/api/v1/accounts/%" G_GINT64_FORMAT, f->seed.teacher_id);
  g_autofree char *other = g_strdup_printf ("/api/v1/accounts/%" G_GINT64_FORMAT, f->seed.leader_id);
  g_autofree char *member = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/members/%" G_GINT64_FORMAT,
                                             f->seed.school_id, f->seed.teacher_id);
  g_autofree char *students = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students",
                                               f->seed.school_id);
  struct { const char *method; const char *path; const char *body; } forbidden[] = {
    { "GET", "/api/v1/accounts", NULL },
    { "POST", "/api/v1/accounts", "{\"username\":\"eve\",\"display_name\":\"Eve\",\"password\":\"0123456789ab\"}" },
    { "GET", other, NULL },
    { "POST", "/api/v1/schools", "{\"name\":\"Mine\"}" },
    { "PUT", member, "{\"role\":\"leader\"}" },
    { "DELETE", member, NULL },
    { "POST", students, "{\"sis_id\":\"X1\",\"given_name\":\"A\",\"family_name\":\"B\",\"grade\":9}" },
  };
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (f->d, "GET", own, token, NULL, NULL);
  g_autoptr(BelTestResponse) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, forbidden[i].method, forbidden[i].path,
                                                              token, forbidden[i].body, NULL);
      g_test_message ("%s %s", forbidden[i].method, forbidden[i].path);
      bel_test_assert_problem (r, 403);
    }
  g_assert_cmpuint (me->status, ==, 200); /* own account is allowed */
  /* The teacher is still a teacher: the forbidden PUT changed nothing */
  after = bel_test_daemon_request (f->d, "GET", own, token, NULL, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (after->headers, "ETag"), ==,
                   soup_message_headers_get_one (me->headers, "ETag"));
}

static void
test_other_school_forbidden (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "outsider", BEL_TEST_PASSWORD);
  g_autofree char *school = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT, f->seed.school_id);
  g_autofree char *students = g_strdup_printf ("%s/students", school);
  g_autofree char *staff = g_strdup_printf ("%s/staff", school);
  g_autofree char *student = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);
  g_autofree char *advisory = g_strdup_printf ("/api/v1/advisories/%" G_GINT64_FORMAT, f->seed.advisory_id);
  const char *paths[] = { school, students, staff, student, advisory };
  g_autoptr(BelTestResponse) schools = bel_test_daemon_request (f->d, "GET", "/api/v1/schools", token, NULL, NULL);
  JsonArray *items;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", paths[i], token, NULL, NULL);
      g_test_message ("GET %s", paths[i]);
      bel_test_assert_problem (r, 403);
    }
  /* The outsider sees only their own school */
  g_assert_cmpuint (schools->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (schools), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"), ==,
                   f->seed.other_school_id);
}

static void
test_roles_for_students (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *teacher = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *counselor = bel_test_daemon_sign_in (f->d, "counselor", BEL_TEST_PASSWORD);
  g_autofree char *leader = bel_test_daemon_sign_in (f->d, "leader", BEL_TEST_PASSWORD);
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);
  g_autofree char *create = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", f->seed.school_id);
  const char *student = "{\"sis_id\":\"S-2002\",\"given_name\":\"Amara\",\"family_name\":\"Okafor\",\"grade\":10}";
  g_autoptr(BelTestResponse) read = bel_test_daemon_request (f->d, "GET", path, teacher, NULL, NULL);
  g_autoptr(BelTestResponse) by_teacher = bel_test_daemon_request (f->d, "PATCH", path, teacher,
                                                                   "{\"pronouns\":\"he/him\"}", "\"1\"");
  g_autoptr(BelTestResponse) by_counselor = bel_test_daemon_request (f->d, "PATCH", path, counselor,
                                                                     "{\"pronouns\":\"he/him\"}", "\"1\"");
  g_autoptr(BelTestResponse) counselor_create = bel_test_daemon_request (f->d, "POST", create, counselor,
                                                                         student, NULL);
  g_autoptr(BelTestResponse) leader_create = bel_test_daemon_request (f->d, "POST", create, leader,
                                                                      student, NULL);

  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (read, "given_name"), ==, "José");
  bel_test_assert_problem (by_teacher, 403);
  g_assert_cmpuint (by_counselor->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (by_counselor->headers, "ETag"), ==, "\"2\"");
  bel_test_assert_problem (counselor_create, 403);
  g_assert_cmpuint (leader_create->status, ==, 201);
  g_assert_cmpint (bel_test_response_int (leader_create, "school_id"), ==, f->seed.school_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/auth/sign-in/ok", Fixture, NULL, setup, test_sign_in_ok, teardown);
  g_test_add ("/server/auth/sign-in/wrong-password", Fixture, NULL, setup,
              test_sign_in_wrong_password, teardown);
  g_test_add ("/server/auth/sign-in/rate-limited-per-account", Fixture, NULL, setup,
              test_rate_limited_per_account, teardown);
  g_test_add ("/server/auth/sign-in/limit-survives-restart", Fixture, NULL, setup,
              test_limit_survives_restart, teardown);
  g_test_add ("/server/auth/sign-in/uncounted-failure-is-refused", Fixture, NULL, setup,
              test_uncounted_failure_is_refused, teardown);
  g_test_add ("/server/auth/sign-in/rate-limited-per-address", Fixture, "[auth]\nmax-failures=3\n",
              setup, test_rate_limited_per_address, teardown);
  g_test_add ("/server/auth/sign-in/rate-limited-behind-proxy", Fixture,
              "[auth]\nmax-failures=3\n[server]\ntrusted_proxies=192.0.2.99;127.0.0.1\n",
              setup, test_rate_limited_behind_proxy, teardown);
  g_test_add ("/server/auth/sign-in/forwarded-for-from-untrusted-peer-ignored", Fixture,
              "[auth]\nmax-failures=3\n", setup, test_forwarded_for_untrusted, teardown);
  g_test_add_func ("/server/auth/trusted-proxies-must-be-addresses", test_trusted_proxies_must_be_addresses);
  g_test_add ("/server/auth/session/expired-token-is-refused", Fixture, "[auth]\nsession-lifetime=2\n",
              setup, test_expired_token, teardown);
  g_test_add ("/server/auth/session/logout-ends-the-token", Fixture, NULL, setup, test_logout, teardown);
  g_test_add ("/server/auth/inactive-account-cannot-sign-in", Fixture, NULL, setup,
              test_inactive_account, teardown);
  g_test_add ("/server/roles/teacher-gets-403-on-admin-routes", Fixture, NULL, setup,
              test_teacher_forbidden_admin_routes, teardown);
  g_test_add ("/server/roles/member-of-another-school-gets-403", Fixture, NULL, setup,
              test_other_school_forbidden, teardown);
  g_test_add ("/server/roles/students-read-patch-create", Fixture, NULL, setup,
              test_roles_for_students, teardown);

  return g_test_run ();
}
