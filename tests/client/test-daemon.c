/* test-daemon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-daemon.h"
#include "../bel-test-pg.h"
#include "../bel-test-program.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#define LISTENING "belongingd: listening on "

TestDaemon *
test_daemon_new (guint n_students)
{
  TestDaemon *daemon = g_new0 (TestDaemon, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = bel_test_program_argv ("server/ctl/belongingctl");
  g_autofree char *students = g_strdup_printf ("%u", n_students);
  g_autofree char *err_output = NULL;
  int status = 0;

  daemon->dir = g_dir_make_tmp ("belonging-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (bel_test_postgresql ())
    daemon->database = bel_test_pg_create_database (&daemon->pg_database);
  else
    daemon->database = g_build_filename (daemon->dir, "belonging.db", NULL);
  bel_test_argv_append (argv, "--database", daemon->database, "demo", "--students", students, NULL);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &daemon->demo_output, &err_output, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("belongingctl demo failed: %s", err_output);
  /* The tests sign in as these; fail clearly if the demo school changed. */
  g_assert_nonnull (strstr (daemon->demo_output, TEST_DEMO_COUNSELOR));
  g_assert_nonnull (strstr (daemon->demo_output, TEST_DEMO_TEACHER));

  test_daemon_start (daemon);
  return daemon;
}

TestDaemon *
test_daemon_new_sharing (TestDaemon *other)
{
  TestDaemon *daemon = g_new0 (TestDaemon, 1);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (other->pg_database);
  daemon->dir = g_dir_make_tmp ("belonging-test-XXXXXX", &error);
  g_assert_no_error (error);
  daemon->database = g_strdup (other->database);
  test_daemon_start (daemon);
  return daemon;
}

/* A test that crashes must not leave its daemon behind (holding the test's stderr). */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the daemon on the port it had before (or a free one the first time). */
void
test_daemon_start (TestDaemon *daemon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = bel_test_program_argv ("server/belongingd");
  g_autofree char *port = g_strdup_printf ("%u", daemon->port);
  g_autofree char *line = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  GUri *uri;

  g_assert_null (daemon->process);
  if (daemon->config != NULL)
    bel_test_argv_append (argv, "--config", daemon->config, NULL);
  bel_test_argv_append (argv, "--database", daemon->database, "--listen", "127.0.0.1", "--port", port, NULL);
  g_ptr_array_add (argv, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  daemon->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon->process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, LISTENING))
        break;
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  if (line == NULL)
    g_error ("belongingd exited before listening");

  g_free (daemon->url);
  daemon->url = g_strdup (line + strlen (LISTENING));
  uri = g_uri_parse (daemon->url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  daemon->port = (guint16) g_uri_get_port (uri);
  g_uri_unref (uri);
  g_assert_cmpuint (daemon->port, >, 0);
}

void
test_daemon_stop (TestDaemon *daemon)
{
  g_autoptr(GError) error = NULL;

  if (daemon->process == NULL)
    return;
  g_subprocess_send_signal (daemon->process, SIGTERM);
  g_subprocess_wait (daemon->process, NULL, &error);
  g_assert_no_error (error);
  /* A daemon that crashes or reports errors (sanitizers) on its way out fails the test. */
  g_assert_true (g_subprocess_get_successful (daemon->process));
  g_clear_object (&daemon->process);
}

/* Runs openssl with @argv (after "openssl"); fails the test if it fails. */
static char *
openssl (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path ("openssl");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  /* tools/test installs openssl (TEST_PACKAGES): without it HTTPS goes untested, so fail. */
  if (program == NULL)
    g_error ("openssl is needed to make test certificates; install it (tools/lib.sh TEST_PACKAGES)");
  g_ptr_array_add (args, program);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

void
test_daemon_use_certificate (TestDaemon *daemon,
                             const char *certificate,
                             const char *key)
{
  g_autofree char *text = g_strdup_printf ("[server]\ntls_certificate=%s\ntls_key=%s\n", certificate, key);
  g_autoptr(GError) error = NULL;

  if (certificate != daemon->certificate)
    {
      g_free (daemon->certificate);
      daemon->certificate = g_strdup (certificate);
    }
  if (key != daemon->key)
    {
      g_free (daemon->key);
      daemon->key = g_strdup (key);
    }
  if (daemon->config == NULL)
    daemon->config = g_build_filename (daemon->dir, "belongingd.conf", NULL);
  g_file_set_contents (daemon->config, text, -1, &error);
  g_assert_no_error (error);
  if (daemon->process != NULL)
    {
      test_daemon_stop (daemon);
      test_daemon_start (daemon);
      g_assert_true (g_str_has_prefix (daemon->url, "https://"));
    }
}

const char *
test_daemon_use_new_certificate (TestDaemon *daemon)
{
  g_autofree char *name = g_strdup_printf ("cert-%u", ++daemon->n_certificates);
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autofree char *key_name = g_strconcat (name, ".key", NULL);
  g_autofree char *certificate = g_build_filename (daemon->dir, cert_name, NULL);
  g_autofree char *key = g_build_filename (daemon->dir, key_name, NULL);
  g_autofree char *out = NULL;

  out = openssl ((const char *[]) { "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                                    "-nodes", "-days", "2", "-subj", "/CN=belonging-test",
                                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                                    "-keyout", key, "-out", certificate, NULL });
  test_daemon_use_certificate (daemon, certificate, key);
  return daemon->certificate;
}

char *
test_daemon_openssl_fingerprint (const char *certificate)
{
  g_autofree char *out = openssl ((const char *[]) { "x509", "-noout", "-fingerprint", "-sha256",
                                                     "-in", certificate, NULL });
  const char *equals = strchr (out, '=');

  g_assert_nonnull (equals);
  return g_strstrip (g_strdup (equals + 1));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

void
test_daemon_free (TestDaemon *daemon)
{
  if (daemon == NULL)
    return;
  test_daemon_stop (daemon);
  if (daemon->pg_database != NULL)
    bel_test_pg_drop_database (daemon->pg_database);
  if (daemon->dir != NULL)
    remove_dir (daemon->dir);
  g_free (daemon->dir);
  g_free (daemon->database);
  g_free (daemon->pg_database);
  g_free (daemon->url);
  g_free (daemon->demo_output);
  g_free (daemon->config);
  g_free (daemon->certificate);
  g_free (daemon->key);
  g_free (daemon);
}
