/* bel-test-daemon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-daemon.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>
#include <unistd.h>

#include "bel-accounts.h"
#include "bel-advisories.h"
#include "bel-password.h"
#include "bel-schools.h"
#include "bel-students.h"
#include "../bel-test-slowdown.h"

#define START_TIMEOUT_SECONDS 30

/* A daemon must not outlive a test that crashed or timed out. */
static void
die_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

gboolean
bel_test_skip_on_postgresql (const char *reason)
{
  if (!bel_test_postgresql ())
    return FALSE;
  g_test_skip (reason);
  return TRUE;
}

/* A fresh database for one daemon. */
static void
create_pg_database (BelTestDaemon *d)
{
  d->db_path = bel_test_pg_create_database (&d->pg_database);
}

void
bel_test_daemon_drop_database (BelTestDaemon *d)
{
  if (d->pg_database == NULL)
    {
      g_remove (d->db_path);
      return;
    }
  bel_test_pg_drop_database (d->pg_database);
}

gboolean
bel_test_daemon_has_database (BelTestDaemon *d)
{
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;

  if (d->pg_database == NULL)
    return g_file_test (d->db_path, G_FILE_TEST_EXISTS);
  sql = g_strdup_printf ("SELECT count(*) FROM pg_database WHERE datname = '%s'", d->pg_database);
  count = bel_test_psql (g_getenv ("BEL_TEST_POSTGRESQL"), sql);
  return g_strcmp0 (count, "0") != 0;
}

BelTestDaemon *
bel_test_daemon_new (void)
{
  g_autoptr(GError) error = NULL;
  BelTestDaemon *d = g_new0 (BelTestDaemon, 1);

  d->dir = g_dir_make_tmp ("belonging-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (bel_test_postgresql ())
    create_pg_database (d);
  else
    d->db_path = g_build_filename (d->dir, "belonging.db", NULL);
  d->config_path = g_build_filename (d->dir, "belongingd.conf", NULL);
  bel_test_daemon_set_config (d, "");
  d->session = soup_session_new_with_options ("timeout", 60 * bel_test_slowdown (), NULL);
  d->listen = g_strdup ("127.0.0.1");
  d->env = g_new0 (char *, 1);
  d->output = g_string_new (NULL);
  g_mutex_init (&d->output_lock);
  return d;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

void
bel_test_daemon_free (BelTestDaemon *d)
{
  if (d == NULL)
    return;
  /* A daemon that crashes or reports errors (sanitizers, valgrind) on its way
   * out fails the test. */
  if (d->process != NULL)
    g_assert_cmpint (bel_test_daemon_stop (d), ==, 0);
  g_clear_object (&d->session);
  if (d->pg_database != NULL)
    bel_test_daemon_drop_database (d);
  remove_dir (d->dir);
  g_free (d->dir);
  g_free (d->db_path);
  g_free (d->pg_database);
  g_free (d->config_path);
  g_free (d->url);
  g_free (d->listen);
  g_strfreev (d->env);
  g_string_free (d->output, TRUE);
  g_mutex_clear (&d->output_lock);
  g_free (d);
}

void
bel_test_daemon_setenv (BelTestDaemon *d,
                        const char    *variable,
                        const char    *value)
{
  d->env = g_environ_setenv (d->env, variable, value, TRUE);
}

char *
bel_test_daemon_dup_output (BelTestDaemon *d)
{
  char *output;

  g_mutex_lock (&d->output_lock);
  output = g_strdup (d->output->str);
  g_mutex_unlock (&d->output_lock);
  return output;
}

static void
add_output (BelTestDaemon *d,
            const char    *line)
{
  g_mutex_lock (&d->output_lock);
  g_string_append_printf (d->output, "%s\n", line);
  g_mutex_unlock (&d->output_lock);
}

/* Reads the daemon's output until it exits, so a chatty daemon (debug
 * messages) never blocks on a full pipe, and tests can read what it logged. */
static gpointer
drain_output (gpointer data)
{
  BelTestDaemon *d = data;
  GDataInputStream *in = d->drain_stream;
  char *line;

  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL)
    {
      add_output (d, line);
      g_free (line);
    }
  return NULL;
}

static void
join_drain (BelTestDaemon *d)
{
  g_clear_pointer (&d->drain, g_thread_join);
  g_clear_object (&d->drain_stream);
}

void
bel_test_daemon_set_config (BelTestDaemon *d,
                            const char    *key_file_text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (d->config_path, key_file_text, -1, &error);
  g_assert_no_error (error);
}

BelEngine *
bel_test_daemon_open_engine (BelTestDaemon *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelConfig) config = bel_config_new ();
  BelEngine *engine;

  bel_config_set_database (config, d->db_path);
  engine = bel_engine_open (config, &error);
  g_assert_no_error (error);
  return engine;
}

static gint64
add_account (BelEngine  *engine,
             const char *hash,
             const char *username,
             const char *display_name,
             const char *server_role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = g_object_new (BEL_TYPE_ACCOUNT,
                                                "username", username,
                                                "display-name", display_name,
                                                "server-role", server_role,
                                                "active", TRUE, NULL);
  g_autoptr(BelAccount) created = bel_accounts_create_with_hash (engine, bel_engine_system_actor (engine),
                                                                 account, hash, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static void
add_member (BelEngine  *engine,
            gint64      school_id,
            gint64      account_id,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelMembership) m = g_object_new (BEL_TYPE_MEMBERSHIP, "role", role, NULL);
  g_autoptr(BelMembership) stored = bel_memberships_put (engine, bel_engine_system_actor (engine),
                                                         school_id, account_id, m, &error);
  g_assert_no_error (error);
}

static gint64
add_school (BelEngine  *engine,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSchool) school = g_object_new (BEL_TYPE_SCHOOL, "name", name,
                                              "school-year", "2026-2027", NULL);
  g_autoptr(BelSchool) created = bel_schools_create (engine, bel_engine_system_actor (engine),
                                                     school, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static gint64
add_advisory (BelEngine  *engine,
              gint64      school_id,
              const char *name,
              gint64      advisor_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvisory) advisory = g_object_new (BEL_TYPE_ADVISORY, "name", name,
                                                  "advisor-id", advisor_id, NULL);
  g_autoptr(BelAdvisory) created = bel_advisories_create (engine, bel_engine_system_actor (engine),
                                                          school_id, advisory, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

void
bel_test_daemon_seed (BelTestDaemon *d,
                      BelTestSeed   *seed)
{
  g_autoptr(BelEngine) engine = bel_test_daemon_open_engine (d);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bel_password_hash (BEL_TEST_PASSWORD, &error);
  g_autoptr(BelTransaction) tx = bel_engine_begin (engine, &error);
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelStudent) created = NULL;

  g_assert_no_error (error);
  seed->school_id = add_school (engine, "Riverside High School");
  seed->other_school_id = add_school (engine, "Hilltop Middle School");
  seed->admin_id = add_account (engine, hash, "admin", "Ada Admin", "admin");
  seed->leader_id = add_account (engine, hash, "leader", "Lee Leader", "none");
  seed->counselor_id = add_account (engine, hash, "counselor", "Cam Counselor", "none");
  seed->teacher_id = add_account (engine, hash, "teacher", "Tess Teacher", "none");
  seed->outsider_id = add_account (engine, hash, "outsider", "Otto Outsider", "none");
  add_member (engine, seed->school_id, seed->leader_id, "leader");
  add_member (engine, seed->school_id, seed->counselor_id, "counselor");
  add_member (engine, seed->school_id, seed->teacher_id, "teacher");
  add_member (engine, seed->other_school_id, seed->outsider_id, "teacher");
  seed->advisory_id = add_advisory (engine, seed->school_id, "Falcons", seed->teacher_id);
  seed->other_advisory_id = add_advisory (engine, seed->school_id, "Herons", 0);

  student = g_object_new (BEL_TYPE_STUDENT,
                          "sis-id", "S-1001", "given-name", "José", "family-name", "Álvarez",
                          "grade", (gint64) 9, "advisory-id", seed->advisory_id,
                          "home-language", "Spanish", "el-status", "current", "active", TRUE, NULL);
  created = bel_students_create (engine, bel_engine_system_actor (engine), seed->school_id,
                                 student, &error);
  g_assert_no_error (error);
  seed->student_id = bel_resource_get_id (created);
  bel_transaction_commit (tx, &error);
  g_assert_no_error (error);
}

GPtrArray *
bel_test_daemon_argv (BelTestDaemon *d)
{
  GPtrArray *argv = bel_test_program_argv ("server/belongingd");
  const char *args[] = { "--config", d->config_path, "--database", d->db_path,
                         "--listen", d->listen, "--port", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static void
line_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **line = user_data;
  g_autoptr(GError) error = NULL;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, &error);
  if (*line == NULL)
    *line = g_strdup (""); /* end of output: the daemon exited */
}

static gboolean
timed_out (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Reads one line of the daemon's output, or NULL after the start timeout. */
static char *
read_line (GDataInputStream *in)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  char *line = NULL;
  gboolean expired = FALSE;
  guint timeout = g_timeout_add_seconds (START_TIMEOUT_SECONDS * bel_test_slowdown (), timed_out, &expired);

  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, cancellable, line_read, &line);
  while (line == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    {
      g_source_remove (timeout);
      return line;
    }
  /* The read must end (cancelled) while @line still exists. */
  g_cancellable_cancel (cancellable);
  while (line == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_free (line);
  return NULL;
}

gboolean
bel_test_daemon_try_start (BelTestDaemon  *d,
                           GError        **error)
{
  g_autoptr(GPtrArray) argv = bel_test_daemon_argv (d);
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  const char *prefix = "belongingd: listening on ";

  g_assert_null (d->process);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  for (guint i = 0; d->env[i] != NULL; i++)
    {
      g_autofree char *variable = g_strndup (d->env[i], strcspn (d->env[i], "="));
      g_subprocess_launcher_setenv (launcher, variable, d->env[i] + strlen (variable) + 1, TRUE);
    }
  d->process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, error);
  if (d->process == NULL)
    return FALSE;
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (d->process));
  for (;;)
    {
      g_autofree char *line = read_line (in);

      if (line != NULL && g_str_has_prefix (line, prefix))
        {
          g_free (d->url);
          d->url = g_strdup (line + strlen (prefix));
          d->drain_stream = g_steal_pointer (&in);
          d->drain = g_thread_new ("daemon-output", drain_output, d);
          return TRUE;
        }
      if (line == NULL || *line == '\0')
        break;
      add_output (d, line);
      g_string_append_printf (output, "%s\n", line);
    }
  g_subprocess_force_exit (d->process);
  g_subprocess_wait (d->process, NULL, NULL);
  g_clear_object (&d->process);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "belongingd did not start: %s", output->str);
  return FALSE;
}

void
bel_test_daemon_start (BelTestDaemon *d)
{
  g_autoptr(GError) error = NULL;

  bel_test_daemon_try_start (d, &error);
  g_assert_no_error (error);
}

/* What an exited daemon wrote after its "listening on" line. */
static void
print_output (BelTestDaemon *d)
{
  g_auto(GStrv) lines = g_strsplit (d->output->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_printerr ("belongingd: %s\n", lines[i]);
}

int
bel_test_daemon_stop (BelTestDaemon *d)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (d->process);
  g_subprocess_send_signal (d->process, SIGTERM);
  g_subprocess_wait (d->process, NULL, &error);
  g_assert_no_error (error);
  join_drain (d);
  status = g_subprocess_get_if_exited (d->process) ? g_subprocess_get_exit_status (d->process) : -1;
  if (status != 0)
    print_output (d);
  g_clear_object (&d->process);
  return status;
}

void
bel_test_daemon_kill (BelTestDaemon *d)
{
  g_assert_nonnull (d->process);
  g_subprocess_send_signal (d->process, SIGKILL);
  g_subprocess_wait (d->process, NULL, NULL);
  join_drain (d);
  g_clear_object (&d->process);
}

SoupMessage *
bel_test_daemon_message (BelTestDaemon *d,
                         const char    *method,
                         const char    *path,
                         const char    *token,
                         const char    *json_body,
                         const char    *if_match)
{
  g_autofree char *uri = g_strconcat (d->url, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return msg;
}

BelTestResponse *
bel_test_response_new (SoupMessage *msg,
                       GBytes      *body)
{
  BelTestResponse *r = g_new0 (BelTestResponse, 1);
  const char *type;

  r->status = soup_message_get_status (msg);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  r->body = g_bytes_ref (body);
  type = soup_message_headers_get_content_type (r->headers, NULL);
  if (type != NULL && (g_str_equal (type, "application/json") ||
                       g_str_equal (type, "application/problem+json")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      json_parser_load_from_data (parser, data, size, &error);
      g_assert_no_error (error);
      r->json = json_parser_steal_root (parser);
    }
  return r;
}

BelTestResponse *
bel_test_daemon_send (BelTestDaemon *d,
                      SoupMessage   *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (d->session, msg, NULL, &error);

  g_assert_no_error (error);
  return bel_test_response_new (msg, body);
}

BelTestResponse *
bel_test_daemon_request (BelTestDaemon *d,
                         const char    *method,
                         const char    *path,
                         const char    *token,
                         const char    *json_body,
                         const char    *if_match)
{
  g_autoptr(SoupMessage) msg = bel_test_daemon_message (d, method, path, token, json_body, if_match);

  return bel_test_daemon_send (d, msg);
}

guint64
bel_test_daemon_metric (BelTestDaemon *d,
                        const char    *name)
{
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", "/metrics", NULL, NULL, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body));
  g_autofree char *start = g_strdup_printf ("\n%s ", name);
  const char *line = strstr (text, start);

  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (start), NULL, 10);
}

char *
bel_test_daemon_sign_in (BelTestDaemon *d,
                         const char    *username,
                         const char    *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(BelTestResponse) r = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  r = bel_test_daemon_request (d, "POST", "/api/v1/session", NULL, body, NULL);
  g_assert_cmpuint (r->status, ==, 201);
  return g_strdup (bel_test_response_string (r, "token"));
}

void
bel_test_response_free (BelTestResponse *r)
{
  if (r == NULL)
    return;
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_free (r);
}

JsonObject *
bel_test_response_object (BelTestResponse *r)
{
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  return json_node_get_object (r->json);
}

gint64
bel_test_response_int (BelTestResponse *r,
                       const char      *member)
{
  return json_object_get_int_member (bel_test_response_object (r), member);
}

const char *
bel_test_response_string (BelTestResponse *r,
                          const char      *member)
{
  return json_object_get_string_member (bel_test_response_object (r), member);
}

JsonObject *
bel_test_assert_problem (BelTestResponse *r,
                         guint            status)
{
  JsonObject *obj;

  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==,
                   "application/problem+json");
  obj = bel_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (obj, "status"), ==, status);
  g_assert_nonnull (json_object_get_string_member (obj, "type"));
  g_assert_nonnull (json_object_get_string_member (obj, "title"));
  return obj;
}

gboolean
bel_test_daemon_make_certificate (BelTestDaemon  *d,
                                  char          **cert,
                                  char          **key)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (openssl == NULL)
    return FALSE;
  *cert = g_build_filename (d->dir, "cert.pem", NULL);
  *key = g_build_filename (d->dir, "key.pem", NULL);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                              "-nodes", "-days", "2", "-subj", "/CN=belonging-test",
                              "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                              "-keyout", *key, "-out", *cert, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  return TRUE;
}
