/* test-secrets-sessions.c - secrets stay secret: nothing secret in the log,
 * no session fixation, and a signed-out token is dead everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"
#include "bel-test-ws.h"

#include <string.h>

#include "bel-routes.h"

#define WRONG_PASSWORD   "Wrong horse battery staple"
#define UNKNOWN_PASSWORD "nobody-has-this-passphrase"
#define NEW_PASSWORD     "a brand new passphrase 42"
#define CHANGED_PASSWORD "a changed passphrase 77"
#define OWN_PASSWORD     "my very own passphrase 55"
/* A token the client made up: 43 characters like a real one. */
#define CHOSEN_TOKEN     "ChosenByTheClient0123456789abcdefghijklmnop"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  /* Every debug message too: what a curious administrator would switch on. */
  bel_test_daemon_setenv (f->d, "G_MESSAGES_DEBUG", "all");
  bel_test_daemon_start (f->d);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->d->process != NULL)
    g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
}

static BelTestResponse *
sign_in (Fixture    *f,
         const char *token,
         const char *username,
         const char *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  return bel_test_daemon_request (f->d, "POST", "/api/v1/session", token, body, NULL);
}

static BelTestResponse *
get (Fixture    *f,
     const char *token,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static BelTestResponse *
get (Fixture    *f,
     const char *token,
     const char *format,
     ...)
{
  va_list args;
  g_autofree char *path = NULL;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return bel_test_daemon_request (f->d, "GET", path, token, NULL, NULL);
}

static char *
etag_of (Fixture    *f,
         const char *token,
         const char *path)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", path, token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
}

static void
assert_status (BelTestResponse *r,
               guint            status)
{
  g_assert_cmpuint (r->status, ==, status);
  bel_test_response_free (r);
}

static void
assert_not_in (const char *output,
               const char *secret,
               const char *what)
{
  if (strstr (output, secret) != NULL)
    g_test_message ("The daemon's output holds %s:\n%s", what, output);
  g_assert_null (strstr (output, secret));
}

/* Signs in and out, fails to sign in, makes accounts and changes passwords,
 * reads and writes a student, hits a conflict and a forged token, with every
 * debug message on: the output names the routes but holds none of it. */
static void
test_log_holds_no_secrets (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BelTestResponse) leader = sign_in (f, NULL, "leader", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) admin = sign_in (f, NULL, "admin", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) account = NULL;
  g_autoptr(BelTestWs) ws = NULL;
  const char *token = bel_test_response_string (leader, "token");
  const char *admin_token = bel_test_response_string (admin, "token");
  const char *student = "{\"sis_id\":\"S-7777\",\"given_name\":\"Zephyrine\",\"family_name\":\"Quillfeather\","
                        "\"grade\":9}";
  g_autofree char *account_path = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *output = NULL;

  assert_status (sign_in (f, NULL, "teacher", WRONG_PASSWORD), 401);
  assert_status (sign_in (f, NULL, "nobody", UNKNOWN_PASSWORD), 401);
  account = bel_test_daemon_request (f->d, "POST", "/api/v1/accounts", admin_token,
                                     "{\"username\":\"newbie\",\"display_name\":\"Nia New\","
                                     "\"password\":\"" NEW_PASSWORD "\"}", NULL);
  g_assert_cmpuint (account->status, ==, 201);
  account_path = g_strdup_printf ("/api/v1/accounts/%" G_GINT64_FORMAT, bel_test_response_int (account, "id"));
  etag = etag_of (f, admin_token, account_path);
  assert_status (bel_test_daemon_request (f->d, "PATCH", account_path, admin_token,
                                          "{\"password\":\"" CHANGED_PASSWORD "\"}", etag), 200);
  assert_status (bel_test_daemon_request (f->d, "PUT", "/api/v1/me/password", token,
                                          "{\"current_password\":\"" WRONG_PASSWORD "\","
                                          "\"new_password\":\"" OWN_PASSWORD "\"}", NULL), 422);
  assert_status (bel_test_daemon_request (f->d, "PUT", "/api/v1/me/password", token,
                                          "{\"current_password\":\"" BEL_TEST_PASSWORD "\","
                                          "\"new_password\":\"" OWN_PASSWORD "\"}", NULL), 204);
  ws = bel_test_ws_open (f->d->url, token, f->seed.school_id, -1);
  g_assert_cmpuint (ws->status, ==, 101);
  assert_status (get (f, token, "/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id), 200);
  assert_status (get (f, token, "/api/v1/schools/%" G_GINT64_FORMAT "/students?q=Jos%%C3%%A9", f->seed.school_id),
                 200);
  assert_status (bel_test_daemon_request (f->d, "POST", "/api/v1/schools/1/students", token, student, NULL), 201);
  assert_status (bel_test_daemon_request (f->d, "POST", "/api/v1/schools/1/students", token, student, NULL), 409);
  assert_status (bel_test_daemon_request (f->d, "POST", "/api/v1/students/1/profile/entries", token,
                                          "{\"section\":\"family\",\"body\":\"Grandmother raises her\"}",
                                          NULL), 201);
  assert_status (get (f, CHOSEN_TOKEN, "/api/v1/me"), 401);
  assert_status (bel_test_daemon_request (f->d, "DELETE", "/api/v1/session", token, NULL, NULL), 204);
  g_assert_true (bel_test_ws_wait_closed (ws, 5000));
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);

  output = bel_test_daemon_dup_output (f->d);
  /* Debug messages were on (else this test could not fail) */
  g_assert_nonnull (strstr (output, "POST /api/v1/session"));
  g_assert_nonnull (strstr (output, "GET /api/v1/students/{student_id}"));
  assert_not_in (output, token, "the leader's token");
  assert_not_in (output, admin_token, "the admin's token");
  assert_not_in (output, CHOSEN_TOKEN, "a forged token");
  assert_not_in (output, BEL_TEST_PASSWORD, "a password");
  assert_not_in (output, WRONG_PASSWORD, "a wrong password");
  assert_not_in (output, UNKNOWN_PASSWORD, "an unknown user's password");
  assert_not_in (output, NEW_PASSWORD, "a new account's password");
  assert_not_in (output, CHANGED_PASSWORD, "a changed password");
  assert_not_in (output, OWN_PASSWORD, "a password changed by its owner");
  assert_not_in (output, "nobody", "an unknown username");
  assert_not_in (output, "Jos", "a student's name");
  assert_not_in (output, "Álvarez", "a student's name");
  assert_not_in (output, "Zephyrine", "a student's name");
  assert_not_in (output, "Quillfeather", "a student's name");
  assert_not_in (output, "S-7777", "a SIS id");
  assert_not_in (output, "Grandmother", "a profile entry");
}

/* A token the client brings to sign-in is never adopted: sign-in always issues
 * a new one, and the other session it named stays whose it was. */
static void
test_sign_in_never_adopts_a_token (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(BelTestResponse) chosen = sign_in (f, CHOSEN_TOKEN, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) leader = sign_in (f, NULL, "leader", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) over = NULL;
  g_autoptr(BelTestResponse) again = NULL;
  g_autoptr(BelTestResponse) me = NULL;
  const char *leader_token = bel_test_response_string (leader, "token");

  g_assert_cmpuint (chosen->status, ==, 201);
  g_assert_cmpstr (bel_test_response_string (chosen, "token"), !=, CHOSEN_TOKEN);
  assert_status (get (f, CHOSEN_TOKEN, "/api/v1/me"), 401);

  /* Signing in as the teacher while showing the leader's token */
  over = sign_in (f, leader_token, "teacher", BEL_TEST_PASSWORD);
  g_assert_cmpuint (over->status, ==, 201);
  g_assert_cmpstr (bel_test_response_string (over, "token"), !=, leader_token);
  me = get (f, leader_token, "/api/v1/me");
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "leader");
  g_clear_pointer (&me, bel_test_response_free);
  me = get (f, bel_test_response_string (over, "token"), "/api/v1/me");
  g_assert_cmpstr (bel_test_response_string (me, "username"), ==, "teacher");

  /* Every sign-in is a new session */
  again = sign_in (f, bel_test_response_string (over, "token"), "teacher", BEL_TEST_PASSWORD);
  g_assert_cmpstr (bel_test_response_string (again, "token"), !=, bel_test_response_string (over, "token"));
  g_assert_cmpstr (bel_test_response_string (again, "token"), !=, bel_test_response_string (chosen, "token"));
}

/* Every route that needs a token, with @token: all 401. */
static void
assert_dead_everywhere (Fixture    *f,
                        const char *token)
{
  g_autoptr(GRegex) param = g_regex_new ("\\{[a-z_]+\\}", 0, 0, NULL);
  g_autoptr(BelTestWs) ws = NULL;
  guint n, checked = 0;
  const BelRoute *routes = bel_routes_get (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_regex_replace_literal (param, routes[i].pattern, -1, 0, "1", 0, NULL);
      g_autoptr(BelTestResponse) r = NULL;

      if (routes[i].flags & BEL_ROUTE_PUBLIC)
        continue;
      r = bel_test_daemon_request (f->d, routes[i].method, path, token,
                                   (routes[i].flags & BEL_ROUTE_BODY) ? "{}" : NULL, NULL);
      if (r->status != 401)
        g_test_message ("%s %s answered %u", routes[i].method, path, r->status);
      bel_test_assert_problem (r, 401);
      checked++;
    }
  g_assert_cmpuint (checked, >, 50);
  ws = bel_test_ws_open (f->d->url, token, f->seed.school_id, -1);
  g_assert_cmpuint (ws->status, ==, 401);
}

/* After sign-out the token answers 401 on every route and on the event
 * stream, its open stream is closed; the account's other session lives on. */
static void
test_token_dead_after_logout (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BelTestResponse) one = sign_in (f, NULL, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) two = sign_in (f, NULL, "teacher", BEL_TEST_PASSWORD);
  const char *token = bel_test_response_string (one, "token");
  g_autoptr(BelTestWs) ws = bel_test_ws_open (f->d->url, token, f->seed.school_id, -1);

  g_assert_cmpuint (ws->status, ==, 101);
  assert_status (bel_test_daemon_request (f->d, "DELETE", "/api/v1/session", token, NULL, NULL), 204);
  g_assert_true (bel_test_ws_wait_closed (ws, 5000));
  g_assert_cmpuint (ws->close_code, ==, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);
  assert_dead_everywhere (f, token);
  assert_status (get (f, bel_test_response_string (two, "token"), "/api/v1/me"), 200);
}

/* A new password ends every session of the account, and their streams. */
static void
test_tokens_dead_after_password_change (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(BelTestResponse) teacher = sign_in (f, NULL, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) admin = sign_in (f, NULL, "admin", BEL_TEST_PASSWORD);
  const char *token = bel_test_response_string (teacher, "token");
  const char *admin_token = bel_test_response_string (admin, "token");
  g_autoptr(BelTestWs) ws = bel_test_ws_open (f->d->url, token, f->seed.school_id, -1);
  g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%" G_GINT64_FORMAT, f->seed.teacher_id);
  g_autofree char *etag = etag_of (f, admin_token, path);

  g_assert_cmpuint (ws->status, ==, 101);
  assert_status (bel_test_daemon_request (f->d, "PATCH", path, admin_token,
                                          "{\"password\":\"" CHANGED_PASSWORD "\"}", etag), 200);
  g_assert_true (bel_test_ws_wait_closed (ws, 5000));
  assert_dead_everywhere (f, token);
  assert_status (sign_in (f, NULL, "teacher", BEL_TEST_PASSWORD), 401);
  assert_status (sign_in (f, NULL, "teacher", CHANGED_PASSWORD), 201);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/secrets/log/no-token-password-or-student-data", test_log_holds_no_secrets);
  ADD ("/secrets/session/sign-in-never-adopts-a-token", test_sign_in_never_adopts_a_token);
  ADD ("/secrets/session/token-dead-everywhere-after-logout", test_token_dead_after_logout);
  ADD ("/secrets/session/tokens-dead-after-password-change", test_tokens_dead_after_password_change);
#undef ADD

  return g_test_run ();
}
