/* test-server-password.c - changing one's own password over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <string.h>

#define NEW_PASSWORD "a new and longer one"

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_start (f->d);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
}

static BelTestResponse *
change (Fixture    *f,
        const char *token,
        const char *current,
        const char *new_password)
{
  g_autofree char *body = g_strdup_printf ("{\"current_password\":\"%s\",\"new_password\":\"%s\"}",
                                           current, new_password);

  return bel_test_daemon_request (f->d, "PUT", "/api/v1/me/password", token, body, NULL);
}

static guint
sign_in_status (Fixture    *f,
                const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"teacher\",\"password\":\"%s\"}", password);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "POST", "/api/v1/session", NULL, body, NULL);

  return r->status;
}

static const char *
first_error_field (BelTestResponse *r)
{
  JsonArray *errors = json_object_get_array_member (bel_test_assert_problem (r, 422), "errors");

  return json_object_get_string_member (json_array_get_object_element (errors, 0), "field");
}

static void
test_change_ends_other_sessions (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *mine = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *lost_laptop = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autofree char *colleague = bel_test_daemon_sign_in (f->d, "counselor", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) r = change (f, mine, BEL_TEST_PASSWORD, NEW_PASSWORD);
  g_autoptr(BelTestResponse) me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", mine, NULL, NULL);
  g_autoptr(BelTestResponse) lost = bel_test_daemon_request (f->d, "GET", "/api/v1/me", lost_laptop, NULL, NULL);
  g_autoptr(BelTestResponse) other = bel_test_daemon_request (f->d, "GET", "/api/v1/me", colleague, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 204);
  g_assert_cmpuint (me->status, ==, 200);       /* the caller stays signed in */
  bel_test_assert_problem (lost, 401);          /* every other session of the account ends */
  g_assert_cmpuint (other->status, ==, 200);    /* other accounts are untouched */
  g_assert_cmpuint (sign_in_status (f, BEL_TEST_PASSWORD), ==, 401);
  g_assert_cmpuint (sign_in_status (f, NEW_PASSWORD), ==, 201);
}

static void
test_bad_requests_change_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) wrong = change (f, token, "not my password", NEW_PASSWORD);
  g_autoptr(BelTestResponse) short_one = change (f, token, BEL_TEST_PASSWORD, "short");
  g_autoptr(BelTestResponse) same = change (f, token, BEL_TEST_PASSWORD, BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) anonymous = change (f, NULL, BEL_TEST_PASSWORD, NEW_PASSWORD);
  g_autoptr(BelTestResponse) extra = bel_test_daemon_request (f->d, "PUT", "/api/v1/me/password", token,
      "{\"current_password\":\"x\",\"new_password\":\"" NEW_PASSWORD "\",\"username\":\"leader\"}", NULL);
  g_autoptr(BelTestResponse) not_json = bel_test_daemon_request (f->d, "PUT", "/api/v1/me/password", token,
                                                                 "[1, 2]", NULL);

  g_assert_cmpstr (first_error_field (wrong), ==, "current_password");
  g_assert_cmpstr (first_error_field (short_one), ==, "new_password");
  g_assert_cmpstr (first_error_field (same), ==, "new_password");
  bel_test_assert_problem (anonymous, 401);
  g_assert_cmpstr (first_error_field (extra), ==, "username");
  bel_test_assert_problem (not_json, 400);
  /* nothing changed: the old password still signs in, the session still works */
  g_assert_cmpuint (sign_in_status (f, BEL_TEST_PASSWORD), ==, 201);
  g_assert_cmpuint (sign_in_status (f, NEW_PASSWORD), ==, 401);
}

static void
test_guessing_is_rate_limited (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  g_autoptr(BelTestResponse) limited = NULL;
  g_autoptr(BelTestResponse) right = NULL;

  /* A stolen session cannot be used to guess the password: failures count like sign-ins */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BelTestResponse) r = change (f, token, "a wrong guess", NEW_PASSWORD);
      bel_test_assert_problem (r, 422);
    }
  limited = change (f, token, "a wrong guess", NEW_PASSWORD);
  bel_test_assert_problem (limited, 429);
  g_assert_nonnull (soup_message_headers_get_one (limited->headers, "Retry-After"));
  right = change (f, token, BEL_TEST_PASSWORD, NEW_PASSWORD);
  bel_test_assert_problem (right, 429);
}

static void
test_client_gone_while_checking (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (f->d->url, G_URI_FLAGS_NONE, NULL);
  const char *body = "{\"username\":\"teacher\",\"password\":\"" BEL_TEST_PASSWORD "\"}";
  g_autofree char *request = g_strdup_printf ("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\n"
                                              "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                                              strlen (body), body);
  g_autoptr(BelTestResponse) me = NULL;
  g_autofree char *token = NULL;

  /* Ten clients send a sign-in and hang up while the daemon checks the password
   * (in a worker thread): the daemon must drop the answers, not trip over them. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                                                 g_uri_get_port (uri), NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                                 strlen (request), NULL, NULL, &error);
      g_assert_no_error (error);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
  g_usleep (G_USEC_PER_SEC);
  token = bel_test_daemon_sign_in (f->d, "teacher", BEL_TEST_PASSWORD);
  me = bel_test_daemon_request (f->d, "GET", "/api/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  /* teardown checks the daemon exits cleanly: with G_DEBUG=fatal-criticals a critical would abort it */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/password/change-ends-other-sessions", Fixture, NULL, setup,
              test_change_ends_other_sessions, teardown);
  g_test_add ("/server/password/bad-requests-change-nothing", Fixture, NULL, setup,
              test_bad_requests_change_nothing, teardown);
  g_test_add ("/server/password/guessing-is-rate-limited", Fixture, NULL, setup,
              test_guessing_is_rate_limited, teardown);
  g_test_add ("/server/password/client-gone-while-checking", Fixture, NULL, setup,
              test_client_gone_while_checking, teardown);
  return g_test_run ();
}
