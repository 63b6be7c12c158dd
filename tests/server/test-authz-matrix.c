/* test-authz-matrix.c - every route of the route table, called as every role
 *
 * The expected statuses are tests/data/authz-matrix.txt (its header says how
 * to read and extend it).  A route of server/bel-routes.c without a row there,
 * or a row that names no route, fails the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"
#include "bel-test-matrix.h"
#include "bel-test-surveys.h"
#include "bel-test-ws.h"

#include <stdio.h>
#include <string.h>

#include "bel-routes.h"

/* The account each role signs in as; "plain" is made by make_plain_teacher(). */
static const char *usernames[BEL_MATRIX_N_ROLES] = {
  NULL, "outsider", "plain", "teacher", "counselor", "leader", "admin",
};

typedef struct {
  BelTestDaemon *d;
  BelTestSeed    seed;
  BelMatrix     *matrix;
  char          *tokens[BEL_MATRIX_N_ROLES];
  gint64         ids[BEL_MATRIX_N_ROLES];
  GHashTable    *values;    /* fixture step name -> captured value */
  guint          counter;   /* for {n} */
  guint          requests;  /* rows × roles actually sent */
  GString       *failures;
} Run;

/* One call: its role, and the browser state of the survey page, if any. */
typedef struct {
  Run           *run;
  BelMatrixRole  role;
  guint          line;
  char          *cookie;
  char          *code;      /* the last {+code} placed */
} Call;

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->cookie, g_free);
  g_clear_pointer (&call->code, g_free);
}

static BelMatrix *
load_matrix (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BEL_SOURCE_ROOT"), "tests", "data",
                                            "authz-matrix.txt", NULL);
  g_autoptr(GError) error = NULL;
  BelMatrix *matrix = bel_matrix_load (path, &error);

  g_assert_no_error (error);
  return matrix;
}

/* The route a row calls: its path with every placeholder as a valid id. */
static const BelRoute *
route_of (BelMatrixEntry *row)
{
  g_autoptr(GRegex) placeholder = g_regex_new ("\\{\\+?[a-z_]+\\}", 0, 0, NULL);
  g_autofree char *path = g_regex_replace_literal (placeholder, row->path, -1, 0, "1", 0, NULL);
  gboolean known;

  path[strcspn (path, "?")] = '\0';

  return bel_routes_match (row->method, path, NULL, &known, NULL);
}

/* ---- requests ---- */

static char *
unescape_lines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\\n", -1);

  return g_strjoinv ("\n", parts);
}

static BelTestResponse *
send_request (Call       *call,
              const char *method,
              const char *path,
              const char *body,
              const char *token,
              const char *if_match)
{
  gboolean json = body != NULL && !g_str_has_prefix (body, "form:") && !g_str_has_prefix (body, "csv:");
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (call->run->d, method, path, token,
                                                        json ? body : NULL, if_match);

  if (body != NULL && !json)
    {
      gboolean form = g_str_has_prefix (body, "form:");
      g_autofree char *text = form ? g_strdup (body + strlen ("form:")) : unescape_lines (body + strlen ("csv:"));
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      soup_message_set_request_body_from_bytes (msg, form ? "application/x-www-form-urlencoded" : "text/csv",
                                                bytes);
    }
  if (call->cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", call->cookie);
  return bel_test_daemon_send (call->run->d, msg);
}

/* PUT/PATCH/DELETE carry the current ETag of the resource, as a client would:
 * read by the leader, or by the admin (accounts). */
static char *
current_etag (Call       *call,
              const char *method,
              const char *path)
{
  const BelMatrixRole readers[] = { BEL_MATRIX_LEADER, BEL_MATRIX_ADMIN };

  if (g_str_equal (method, "GET") || g_str_equal (method, "POST"))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      Call reader = { call->run, readers[i], call->line, NULL, NULL };
      g_autoptr(BelTestResponse) r = send_request (&reader, "GET", path, NULL, call->run->tokens[readers[i]],
                                                   NULL);

      if (r->status == 200)
        return g_strdup (soup_message_headers_get_one (r->headers, "ETag"));
    }
  return NULL;
}

static BelTestResponse *
call_request (Call       *call,
              const char *method,
              const char *path,
              const char *body,
              const char *token)
{
  g_autofree char *etag = current_etag (call, method, path);

  return send_request (call, method, path, body, token, etag);
}

static char *
detail_of (BelTestResponse *r)
{
  if (r->json != NULL && JSON_NODE_HOLDS_OBJECT (r->json))
    {
      JsonObject *obj = json_node_get_object (r->json);
      g_autoptr(JsonGenerator) gen = json_generator_new ();

      if (json_object_has_member (obj, "errors"))
        {
          json_generator_set_root (gen, json_object_get_member (obj, "errors"));
          return json_generator_to_data (gen, NULL);
        }
      if (json_object_has_member (obj, "detail"))
        return g_strdup (json_object_get_string_member (obj, "detail"));
    }
  return g_strdup ("");
}

/* ---- the survey page, as a browser ---- */

/* GET /survey as a browser: keeps the cookie, returns the token of the code form. */
static char *
browser_open (Call *call)
{
  return bel_test_survey_open (call->run->d, &call->cookie);
}

/* Opens the page, enters the last code placed; returns the answers form's token. */
static char *
browser_answers (Call *call)
{
  g_autofree char *start = browser_open (call);
  g_autofree char *form = NULL;
  g_autofree char *html = NULL;
  g_autoptr(BelTestResponse) r = NULL;

  g_assert_nonnull (call->code);
  form = bel_test_survey_start_form (call->code, start);
  r = bel_test_survey_post (call->run->d, call->cookie, "/survey", form);
  g_assert_cmpuint (r->status, ==, 200);
  html = bel_test_body_text (r);
  return bel_test_form_token (html, "/survey/answers");
}

/* ---- placeholders ---- */

static char *run_step (Run *run, BelMatrixEntry *step);

static gboolean
seed_value (Run        *run,
            const char *name,
            gint64     *value)
{
  const struct { const char *name; gint64 value; } ids[] = {
    { "school_id", run->seed.school_id },
    { "other_school_id", run->seed.other_school_id },
    { "student_id", run->seed.student_id },
    { "advisory_id", run->seed.advisory_id },
    { "other_advisory_id", run->seed.other_advisory_id },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_str_equal (name, ids[i].name))
      {
        *value = ids[i].value;
        return TRUE;
      }
  for (guint i = BEL_MATRIX_OUTSIDER; i < BEL_MATRIX_N_ROLES; i++)
    {
      g_autofree char *id_name = g_strconcat (bel_matrix_role_name (i), "_id", NULL);

      if (g_str_equal (name, id_name))
        {
          *value = run->ids[i];
          return TRUE;
        }
    }
  return FALSE;
}

static char *
placeholder_value (Call       *call,
                   const char *name,
                   gboolean    fresh)
{
  Run *run = call->run;
  gint64 id;

  if (fresh)
    {
      BelMatrixEntry *step = bel_matrix_find_step (run->matrix, name);
      char *value;

      g_assert_nonnull (step);
      value = run_step (run, step);
      if (g_str_equal (name, "code"))
        {
          g_free (call->code);
          call->code = g_strdup (value);
        }
      return value;
    }
  if (g_str_equal (name, "me"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, run->ids[call->role == BEL_MATRIX_ANON ? BEL_MATRIX_TEACHER
                                                                                        : call->role]);
  if (g_str_equal (name, "n"))
    return g_strdup_printf ("%u", ++run->counter);
  if (g_str_equal (name, "start_token"))
    return browser_open (call);
  if (g_str_equal (name, "answers_token"))
    return browser_answers (call);
  if (seed_value (run, name, &id))
    return g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return g_strdup (g_hash_table_lookup (run->values, name));
}

static gboolean
replace_placeholder (const GMatchInfo *info,
                     GString          *out,
                     gpointer          user_data)
{
  Call *call = user_data;
  g_autofree char *plus = g_match_info_fetch (info, 1);
  g_autofree char *name = g_match_info_fetch (info, 2);
  g_autofree char *value = placeholder_value (call, name, *plus == '+');

  if (value == NULL)
    {
      g_test_message ("authz-matrix.txt:%u: unknown placeholder {%s}", call->line, name);
      g_assert_not_reached ();
    }
  g_string_append (out, value);
  return FALSE;
}

static char *
expand (Call       *call,
        const char *text)
{
  g_autoptr(GRegex) placeholder = NULL;
  g_autoptr(GError) error = NULL;
  char *expanded;

  if (text == NULL)
    return NULL;
  placeholder = g_regex_new ("\\{(\\+?)([a-z_]+)\\}", 0, 0, NULL);
  expanded = g_regex_replace_eval (placeholder, text, -1, 0, 0, replace_placeholder, call, &error);
  g_assert_no_error (error);
  return expanded;
}

/* ---- fixture steps ---- */

/* The value at @capture ("items/ * /code") in @node, as text; NULL if absent. */
static char *
capture_value (JsonNode    *node,
               const char **parts)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (parts[0] == NULL)
    return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
             ? g_strdup (json_node_get_string (node))
             : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (g_str_equal (parts[0], "*") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *value = capture_value (json_array_get_element (array, i), parts + 1);

          if (value != NULL)
            return value;
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return capture_value (json_object_get_member (json_node_get_object (node), parts[0]), parts + 1);
}

static char *
run_step (Run            *run,
          BelMatrixEntry *step)
{
  Call call = { run, step->role, step->line, NULL, NULL };
  g_autofree char *path = expand (&call, step->path);
  g_autofree char *body = expand (&call, step->body);
  g_autoptr(BelTestResponse) r = call_request (&call, step->method, path, body, run->tokens[step->role]);
  g_auto(GStrv) parts = g_strsplit (step->capture, "/", -1);
  g_autofree char *detail = detail_of (r);
  char *value;

  call_clear (&call);
  if (r->status / 100 != 2)
    g_test_message ("authz-matrix.txt:%u: fixture %s: %s %s answered %u %s", step->line, step->name,
                    step->method, path, r->status, detail);
  g_assert_cmpuint (r->status / 100, ==, 2);
  value = capture_value (r->json, (const char **) parts);
  if (value == NULL)
    g_test_message ("authz-matrix.txt:%u: fixture %s: no %s in the answer", step->line, step->name, step->capture);
  g_assert_nonnull (value);
  return value;
}

/* ---- the run ---- */

static void
make_plain_teacher (Run *run)
{
  g_autoptr(BelTestResponse) account = NULL;
  g_autoptr(BelTestResponse) member = NULL;
  g_autofree char *body = g_strdup_printf ("{\"username\":\"plain\",\"display_name\":\"Pat Plain\","
                                           "\"password\":\"%s\"}", BEL_TEST_PASSWORD);
  g_autofree char *path = NULL;

  account = bel_test_daemon_request (run->d, "POST", "/api/v1/accounts", run->tokens[BEL_MATRIX_ADMIN], body, NULL);
  g_assert_cmpuint (account->status, ==, 201);
  run->ids[BEL_MATRIX_TEACHER] = bel_test_response_int (account, "id");
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/members/%" G_GINT64_FORMAT,
                          run->seed.school_id, run->ids[BEL_MATRIX_TEACHER]);
  member = bel_test_daemon_request (run->d, "PUT", path, run->tokens[BEL_MATRIX_ADMIN], "{\"role\":\"teacher\"}",
                                    NULL);
  g_assert_cmpuint (member->status / 100, ==, 2);
}

static void
run_start (Run *run)
{
  run->d = bel_test_daemon_new ();
  bel_test_daemon_seed (run->d, &run->seed);
  bel_test_daemon_start (run->d);
  run->matrix = load_matrix ();
  run->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->failures = g_string_new (NULL);
  run->ids[BEL_MATRIX_OUTSIDER] = run->seed.outsider_id;
  run->ids[BEL_MATRIX_ADVISOR] = run->seed.teacher_id;
  run->ids[BEL_MATRIX_COUNSELOR] = run->seed.counselor_id;
  run->ids[BEL_MATRIX_LEADER] = run->seed.leader_id;
  run->ids[BEL_MATRIX_ADMIN] = run->seed.admin_id;
  run->tokens[BEL_MATRIX_ADMIN] = bel_test_daemon_sign_in (run->d, "admin", BEL_TEST_PASSWORD);
  make_plain_teacher (run);
  for (guint i = BEL_MATRIX_OUTSIDER; i < BEL_MATRIX_ADMIN; i++)
    run->tokens[i] = bel_test_daemon_sign_in (run->d, usernames[i], BEL_TEST_PASSWORD);
  for (guint i = 0; i < run->matrix->steps->len; i++)
    {
      BelMatrixEntry *step = g_ptr_array_index (run->matrix->steps, i);

      g_hash_table_replace (run->values, g_strdup (step->name), run_step (run, step));
    }
}

static void
run_finish (Run *run)
{
  for (guint i = 0; i < BEL_MATRIX_N_ROLES; i++)
    g_free (run->tokens[i]);
  g_hash_table_unref (run->values);
  g_string_free (run->failures, TRUE);
  bel_matrix_free (run->matrix);
  g_assert_cmpint (bel_test_daemon_stop (run->d), ==, 0);
  bel_test_daemon_free (run->d);
}

static void
check_status (Run            *run,
              BelMatrixEntry *row,
              BelMatrixRole   role,
              const char     *what,
              const char     *expect,
              guint           status,
              const char     *detail)
{
  if (bel_matrix_status_ok (expect, status))
    return;
  g_string_append_printf (run->failures, "line %u: %s %s%s as %s: expected %s, got %u %s\n", row->line,
                          row->method, row->path, what, bel_matrix_role_name (role), expect, status, detail);
}

/* The same path as a WebSocket: 101 where plain HTTP is 200, else the same refusal. */
static void
check_websocket (Run            *run,
                 BelMatrixEntry *row,
                 BelMatrixRole   role,
                 const char     *path,
                 const char     *token)
{
  gint64 school_id = 0;
  g_autoptr(BelTestWs) ws = NULL;
  const char *expect = g_str_equal (row->expect[role], "200") ? "101" : row->expect[role];

  g_assert_cmpint (sscanf (path, "/api/v1/schools/%" G_GINT64_FORMAT "/events", &school_id), ==, 1);
  ws = bel_test_ws_open (run->d->url, token, school_id, -1);
  check_status (run, row, role, " (WebSocket)", expect, ws->status, "");
}

static void
run_row (Run            *run,
         BelMatrixEntry *row,
         BelMatrixRole   role)
{
  Call call = { run, role, row->line, NULL, NULL };
  g_autofree char *path = expand (&call, row->path);
  g_autofree char *body = expand (&call, row->body);
  const char *token = run->tokens[role];
  g_autoptr(BelTestResponse) r = NULL;
  g_autofree char *detail = NULL;

  r = call_request (&call, row->method, path, body, token);
  detail = detail_of (r);
  check_status (run, row, role, "", row->expect[role], r->status, detail);
  if (row->websocket)
    check_websocket (run, row, role, path, token);
  run->requests++;
  call_clear (&call);
}

static void
test_matrix_covers_every_route (void)
{
  g_autoptr(BelMatrix) matrix = load_matrix ();
  g_autoptr(GHashTable) covered = g_hash_table_new (NULL, NULL);
  guint n_routes, missing = 0;
  const BelRoute *routes = bel_routes_get (&n_routes);

  for (guint i = 0; i < matrix->rows->len; i++)
    {
      BelMatrixEntry *row = g_ptr_array_index (matrix->rows, i);
      const BelRoute *route = route_of (row);

      if (route == NULL)
        g_test_message ("authz-matrix.txt:%u: %s %s is no route of bel-routes.c", row->line, row->method,
                        row->path);
      g_assert_nonnull (route);
      g_hash_table_add (covered, (gpointer) route);
    }
  for (guint i = 0; i < n_routes; i++)
    if (!g_hash_table_contains (covered, &routes[i]))
      {
        g_test_message ("%s %s has no row in tests/data/authz-matrix.txt", routes[i].method, routes[i].pattern);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

static void
test_matrix_every_role_on_every_route (void)
{
  Run run = { 0 };
  gint64 started = g_get_monotonic_time ();

  run_start (&run);
  /* Signing out ends the session every other row uses: those rows come last. */
  for (guint last = 0; last < 2; last++)
    for (guint i = 0; i < run.matrix->rows->len; i++)
      {
        BelMatrixEntry *row = g_ptr_array_index (run.matrix->rows, i);

        if (row->signs_out == (gboolean) last)
          for (guint role = 0; role < BEL_MATRIX_N_ROLES; role++)
            run_row (&run, row, role);
      }
  g_test_message ("%u rows x %u roles: %u calls in %.1f s", run.matrix->rows->len, BEL_MATRIX_N_ROLES,
                  run.requests, (g_get_monotonic_time () - started) / 1e6);
  if (run.failures->len > 0)
    {
      g_test_message ("Not as in tests/data/authz-matrix.txt:\n%s", run.failures->str);
      g_test_fail ();
    }
  run_finish (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/authz/matrix/covers-every-route", test_matrix_covers_every_route);
  g_test_add_func ("/authz/matrix/every-role-on-every-route", test_matrix_every_role_on_every_route);

  return g_test_run ();
}
