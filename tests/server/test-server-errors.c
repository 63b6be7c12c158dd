/* test-server-errors.c - bad requests get a clear 4xx problem and change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <string.h>

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  char          *token;        /* the leader's */
  char          *student_path;
  char          *students_path;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->d = bel_test_daemon_new ();
  bel_test_daemon_seed (f->d, &f->seed);
  bel_test_daemon_start (f->d);
  f->token = bel_test_daemon_sign_in (f->d, "leader", BEL_TEST_PASSWORD);
  f->student_path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, f->seed.student_id);
  f->students_path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", f->seed.school_id);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_cmpint (bel_test_daemon_stop (f->d), ==, 0);
  bel_test_daemon_free (f->d);
  g_free (f->token);
  g_free (f->student_path);
  g_free (f->students_path);
}

/* The student as stored, for comparing before and after a refused request. */
static char *
student_snapshot (Fixture *f)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", f->student_path, f->token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
}

static gint64
student_total (Fixture *f)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", f->students_path, f->token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_response_int (r, "total");
}

static gboolean
has_field_error (JsonObject *problem,
                 const char *field)
{
  JsonArray *errors = json_object_get_array_member (problem, "errors");

  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (errors, i), "field"),
                   field) == 0)
      return TRUE;
  return FALSE;
}

static void
test_invalid_leaves_database_unchanged (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  gint64 total = student_total (f);
  g_autoptr(BelTestResponse) patch = NULL;
  g_autoptr(BelTestResponse) create = NULL;
  g_autoptr(BelTestResponse) advisory = NULL;
  JsonObject *problem;

  /* One valid field and several invalid ones: nothing is applied */
  patch = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                   "{\"pronouns\":\"she/her\",\"grade\":99,\"el_status\":\"maybe\","
                                   "\"iep\":\"yes\",\"id\":5,\"colour\":\"red\"}", "\"1\"");
  problem = bel_test_assert_problem (patch, 422);
  g_assert_true (has_field_error (problem, "grade"));
  g_assert_true (has_field_error (problem, "el_status"));
  g_assert_true (has_field_error (problem, "iep"));
  g_assert_true (has_field_error (problem, "id"));
  g_assert_true (has_field_error (problem, "colour"));
  g_assert_false (has_field_error (problem, "pronouns"));

  create = bel_test_daemon_request (f->d, "POST", f->students_path, f->token,
                                    "{\"sis_id\":\"S-9\",\"given_name\":\"\",\"grade\":9}", NULL);
  problem = bel_test_assert_problem (create, 422);
  g_assert_true (has_field_error (problem, "given_name"));
  g_assert_true (has_field_error (problem, "family_name"));

  /* An advisory of no school of ours is a field error found by the engine */
  advisory = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                      "{\"advisory_id\":424242}", "\"1\"");
  problem = bel_test_assert_problem (advisory, 422);
  g_assert_true (has_field_error (problem, "advisory_id"));

  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (student_total (f), ==, total);
}

static void
test_over_long_strings (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *name = g_strnfill (81, 'a');
  g_autofree char *accented = NULL;
  g_autofree char *body = g_strdup_printf ("{\"family_name\":\"%s\"}", name);
  g_autofree char *ok_body = NULL;
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token, body, "\"1\"");
  g_autoptr(BelTestResponse) ok = NULL;
  GString *s = g_string_new (NULL);

  g_assert_true (has_field_error (bel_test_assert_problem (r, 422), "family_name"));
  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* 80 characters of two bytes each are fine: limits count characters */
  for (guint i = 0; i < 80; i++)
    g_string_append (s, "é");
  accented = g_string_free (s, FALSE);
  ok_body = g_strdup_printf ("{\"family_name\":\"%s\"}", accented);
  ok = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token, ok_body, "\"1\"");
  g_assert_cmpuint (ok->status, ==, 200);
}

static void
test_bad_json (Fixture       *f,
               gconstpointer  data)
{
  const char *bodies[] = { "{\"pronouns\":", "not json", "[1,2", "{\"a\":1}}" };
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(BelTestResponse) array = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                                              bodies[i], "\"1\"");
      bel_test_assert_problem (r, 400);
    }
  array = bel_test_daemon_request (f->d, "POST", f->students_path, f->token, "[]", NULL);
  bel_test_assert_problem (array, 400);
  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* JSON nested this deep once overflowed the daemon's stack inside json-glib. */
static char *
deeply_nested (guint depth)
{
  g_autoptr(GString) text = g_string_sized_new (depth * 2);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *deep = deeply_nested (200000);
  g_autofree char *shallow_enough = deeply_nested (64);
  g_autofree char *too_deep = deeply_nested (65);
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(BelTestResponse) anonymous = NULL;
  g_autoptr(BelTestResponse) signed_in = NULL;
  g_autoptr(BelTestResponse) limit = NULL;
  g_autoptr(BelTestResponse) over = NULL;

  /* Anyone may send a body to the sign-in route, without a token */
  anonymous = bel_test_daemon_request (f->d, "POST", "/api/v1/session", NULL, deep, NULL);
  bel_test_assert_problem (anonymous, 400);
  signed_in = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token, deep, "\"1\"");
  bel_test_assert_problem (signed_in, 400);
  /* 64 levels are JSON the daemon reads (and then refuses as a student); 65 are not read */
  limit = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token, shallow_enough, "\"1\"");
  bel_test_assert_problem (limit, 400);
  g_assert_null (strstr (bel_test_response_string (limit, "detail"), "nested"));
  over = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token, too_deep, "\"1\"");
  bel_test_assert_problem (over, 400);
  g_assert_nonnull (strstr (bel_test_response_string (over, "detail"), "nested more than 64 deep"));
  /* and the daemon is still there, unchanged */
  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* json-glib 1.6 takes "[] [] ..." as its first value and leaks the rest:
 * a megabyte of them once cost the daemon 50 MB per anonymous request. */
static void
test_several_json_values (Fixture       *f,
                          gconstpointer  data)
{
  const char *bodies[] = {
    "[] [] []",
    "{\"username\":\"leader\",\"password\":\"" BEL_TEST_PASSWORD "\"} {}",
    "1 {\"username\":\"leader\"}",
    "\"a\"\"b\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "POST", "/api/v1/session", NULL,
                                                              bodies[i], NULL);
      bel_test_assert_problem (r, 400);
      g_assert_cmpstr (bel_test_response_string (r, "detail"), ==,
                       "The body is not valid JSON: the text holds more than one JSON value");
    }
}

/* json-glib 1.6 turns half a surrogate pair into bytes that are not UTF-8,
 * which the daemon once stored and served: the app's json-glib then refused
 * every student list holding that student. */
static void
test_json_strings_are_utf8 (Fixture       *f,
                            gconstpointer  data)
{
  const char *bodies[] = {
    "{\"pronouns\":\"she\\udc00her\"}",
    "{\"pronouns\":\"\\ud800\"}",
    "{\"pron\\udc00ouns\":\"she/her\"}",
    "{\"pronouns\":\"she\\u0000her\"}",
    /* a surrogate and then an escape that is not its other half: json-glib
     * 1.6 leaked the string (found by fuzz-models) */
    "{\"pronouns\":\"\\udc00\\u0041\"}",
    "{\"pronouns\":\"\\ud800\\u12\"}",
    "{\"pronouns\":\"she\\u12her\"}",
  };
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(BelTestResponse) pair = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                                              bodies[i], "\"1\"");
      bel_test_assert_problem (r, 400);
    }
  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);
  /* a whole surrogate pair is a character like any other */
  pair = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                  "{\"pronouns\":\"she \\ud83c\\udf08\"}", "\"1\"");
  g_assert_cmpuint (pair->status, ==, 200);
  g_assert_cmpstr (bel_test_response_string (pair, "pronouns"), ==, "she \U0001F308");
}

static void
test_wrong_content_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (f->d, "POST", f->students_path, f->token, NULL, NULL);
  g_autoptr(GBytes) body = g_bytes_new_static ("sis_id=1", 8);
  g_autoptr(BelTestResponse) r = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  r = bel_test_daemon_send (f->d, msg);
  bel_test_assert_problem (r, 415);
}

static void
test_too_large_body (Fixture       *f,
                     gconstpointer  data)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (f->d->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *head = NULL;
  char reply[4096] = { 0 };
  gssize n, got = 0;
  gint64 total = student_total (f);

  /* A 10 MB JSON string: the daemon answers 413 from the headers alone */
  memset (huge, 'x', size);
  huge[0] = '"';
  huge[size - 1] = '"';
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  head = g_strdup_printf ("POST %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n"
                          "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          f->students_path, f->token, size);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), head, strlen (head),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  /* Send only the first megabyte, then read: the answer must not wait for the rest */
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), huge, 1024 * 1024,
                             NULL, NULL, NULL);
  while (got < (gssize) sizeof reply - 1 &&
         (n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)), reply + got,
                                   sizeof reply - 1 - got, NULL, &error)) > 0)
    {
      got += n;
      if (strstr (reply, "\r\n\r\n") != NULL && strstr (reply, "}") != NULL)
        break;
    }
  g_assert_true (g_str_has_prefix (reply, "HTTP/1.1 413"));
  g_assert_nonnull (strstr (reply, "application/problem+json"));
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
  g_assert_cmpint (student_total (f), ==, total);
}

static void
test_bad_ids (Fixture       *f,
              gconstpointer  data)
{
  const char *paths[] = {
    "/api/v1/students/abc",
    "/api/v1/students/-1",
    "/api/v1/students/0",
    "/api/v1/students/007",
    "/api/v1/students/1.5",
    "/api/v1/students/99999999999999999999999",
    "/api/v1/students/9223372036854775808",
    "/api/v1/students/424242",
    "/api/v1/schools/x/students",
    "/api/v1/advisories/%20",
    "/api/v1/nothing-here",
    "/api/v2/students/1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", paths[i], f->token, NULL, NULL);
      g_test_message ("GET %s", paths[i]);
      bel_test_assert_problem (r, 404);
    }
}

static void
test_method_not_allowed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "DELETE", f->student_path, f->token, NULL, NULL);

  bel_test_assert_problem (r, 405);
  g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Allow"), "PATCH"));
}

static void
test_if_match (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = student_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(BelTestResponse) missing = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                                                "{\"pronouns\":\"they/them\"}", NULL);
  g_autoptr(BelTestResponse) stale = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                                              "{\"pronouns\":\"they/them\"}", "\"7\"");
  g_autoptr(BelTestResponse) garbage = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                                                "{\"pronouns\":\"they/them\"}", "yesterday");
  g_autoptr(BelTestResponse) ok = NULL;
  g_autoptr(BelTestResponse) old = NULL;

  bel_test_assert_problem (missing, 428);
  bel_test_assert_problem (stale, 412);
  bel_test_assert_problem (garbage, 412);
  after = student_snapshot (f);
  g_assert_cmpstr (before, ==, after);

  ok = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                "{\"pronouns\":\"they/them\"}", "\"1\"");
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (ok->headers, "ETag"), ==, "\"2\"");
  g_assert_cmpint (bel_test_response_int (ok, "version"), ==, 2);
  g_assert_cmpstr (bel_test_response_string (ok, "pronouns"), ==, "they/them");
  old = bel_test_daemon_request (f->d, "PATCH", f->student_path, f->token,
                                 "{\"pronouns\":\"he/him\"}", "\"1\"");
  bel_test_assert_problem (old, 412);
}

typedef struct {
  guint pending;
  guint status[2];
} Race;

static void
race_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Race *race = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "index"));

  race->status[index] = soup_message_get_status (msg);
  race->pending--;
}

static void
test_concurrent_updates (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SoupSession) a = soup_session_new ();
  g_autoptr(SoupSession) b = soup_session_new ();
  g_autoptr(SoupMessage) ma = bel_test_daemon_message (f->d, "PATCH", f->student_path, f->token,
                                                       "{\"preferred_name\":\"Pepe\"}", "\"1\"");
  g_autoptr(SoupMessage) mb = bel_test_daemon_message (f->d, "PATCH", f->student_path, f->token,
                                                       "{\"preferred_name\":\"Joe\"}", "\"1\"");
  g_autoptr(BelTestResponse) now = NULL;
  Race race = { 2, { 0, 0 } };

  g_object_set_data (G_OBJECT (ma), "index", GUINT_TO_POINTER (0));
  g_object_set_data (G_OBJECT (mb), "index", GUINT_TO_POINTER (1));
  soup_session_send_and_read_async (a, ma, G_PRIORITY_DEFAULT, NULL, race_done, &race);
  soup_session_send_and_read_async (b, mb, G_PRIORITY_DEFAULT, NULL, race_done, &race);
  while (race.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true ((race.status[0] == 200 && race.status[1] == 412) ||
                 (race.status[0] == 412 && race.status[1] == 200));
  now = bel_test_daemon_request (f->d, "GET", f->student_path, f->token, NULL, NULL);
  g_assert_cmpint (bel_test_response_int (now, "version"), ==, 2);
  g_assert_cmpstr (bel_test_response_string (now, "preferred_name"), ==,
                   race.status[0] == 200 ? "Pepe" : "Joe");
}

static void
test_problem_for_unknown_route (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (f->d, "GET", "/nope", NULL, NULL, NULL);
  g_autoptr(BelTestResponse) health = bel_test_daemon_request (f->d, "GET", "/healthz", NULL, NULL, NULL);
  g_autoptr(BelTestResponse) ready = bel_test_daemon_request (f->d, "GET", "/readyz", NULL, NULL, NULL);

  bel_test_assert_problem (r, 404);
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Cache-Control"), ==, "no-store");
  g_assert_cmpuint (health->status, ==, 200);
  g_assert_cmpuint (ready->status, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/server/errors/422-leaves-the-database-unchanged", test_invalid_leaves_database_unchanged);
  ADD ("/server/errors/over-long-strings-are-422", test_over_long_strings);
  ADD ("/server/errors/bad-json-is-400", test_bad_json);
  ADD ("/server/errors/deeply-nested-json-is-400", test_deep_json);
  ADD ("/server/errors/several-json-values-are-400", test_several_json_values);
  ADD ("/server/errors/json-strings-must-be-utf8", test_json_strings_are_utf8);
  ADD ("/server/errors/wrong-content-type-is-415", test_wrong_content_type);
  ADD ("/server/errors/10mb-body-is-413-before-it-is-read", test_too_large_body);
  ADD ("/server/errors/bad-ids-are-404", test_bad_ids);
  ADD ("/server/errors/wrong-method-is-405", test_method_not_allowed);
  ADD ("/server/errors/unknown-route-is-a-problem", test_problem_for_unknown_route);
  ADD ("/server/concurrency/if-match-428-412", test_if_match);
  ADD ("/server/concurrency/two-updates-one-wins", test_concurrent_updates);
#undef ADD

  return g_test_run ();
}
