/* test-client-tls.c - a school's self-signed certificate, trusted once (pinned)
 *
 * A real belongingd serves HTTPS with a self-signed certificate made by
 * openssl.  BelClient (REST) and BelEventStream (WebSocket) refuse it until
 * it is pinned for that host:port; then they accept exactly it, for that
 * server only, and refuse another certificate as a possible interception.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bel-client-board.h"
#include "bel-client.h"
#include "bel-error.h"
#include "bel-event-stream.h"
#include "bel-school.h"
#include "bel-tls-certificate.h"
#include "bel-tls-pins.h"
#include "test-daemon.h"

#define N_STUDENTS 12

typedef struct {
  TestDaemon *daemon;
  char       *dir;
  char       *pins_path;
  BelTlsPins *pins;
} Fixture;

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
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->daemon = test_daemon_new (N_STUDENTS);
  test_daemon_use_new_certificate (f->daemon);
  f->dir = g_dir_make_tmp ("belonging-pins-XXXXXX", &error);
  g_assert_no_error (error);
  /* A directory that does not exist yet, as on a laptop's first run. */
  f->pins_path = g_build_filename (f->dir, "belonging", "trusted-certificates", NULL);
  f->pins = bel_tls_pins_new (f->pins_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sub = g_path_get_dirname (f->pins_path);

  g_clear_object (&f->pins);
  g_unlink (f->pins_path);
  g_rmdir (sub);
  g_rmdir (f->dir);
  g_free (f->pins_path);
  g_free (f->dir);
  test_daemon_free (f->daemon);
}

static BelClient *
client_for (Fixture    *f,
            TestDaemon *daemon)
{
  BelClient *client = bel_client_new (daemon->url);

  bel_client_set_tls_pins (client, f->pins);
  return client;
}

static BelAccount *
sign_in (BelClient  *client,
         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bel_client_sign_in_async (client, TEST_DEMO_COUNSELOR, TEST_DEMO_PASSWORD, NULL, store_result, &result);
  return bel_client_sign_in_finish (client, wait_for (&result), NULL, error);
}

static void
assert_signs_in (BelClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = sign_in (client, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (account, "username"), ==, TEST_DEMO_COUNSELOR);
}

/* Signing in is refused with @code; returns the certificate the client refused. */
static GTlsCertificate *
assert_refused (BelClient *client,
                int        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAccount) account = sign_in (client, &error);
  GTlsCertificate *refused;

  g_assert_null (account);
  g_assert_error (error, BEL_ERROR, code);
  g_assert_nonnull (strstr (error->message, bel_client_get_base_url (client)));
  refused = bel_client_get_refused_certificate (client, NULL);
  g_assert_nonnull (refused);
  return refused;
}

static gint64
first_school (BelClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schools = NULL;

  bel_client_list_schools_async (client, NULL, store_result, &result);
  schools = bel_client_list_schools_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  return bel_resource_get_id (schools->pdata[0]);
}

/* ---- live events over the pinned certificate ---- */

typedef struct {
  guint   n_events;
  GError *failure;
} Watch;

static void
on_event (BelEventStream *stream,
          JsonNode       *event,
          Watch          *watch)
{
  watch->n_events++;
}

static void
on_failed (BelEventStream *stream,
           const GError   *error,
           Watch          *watch)
{
  g_clear_error (&watch->failure);
  watch->failure = g_error_copy (error);
}

static BelEventStream *
watch_events (BelClient  *client,
              BelTlsPins *pins,
              gint64      school_id,
              Watch      *watch)
{
  BelEventStream *stream = bel_event_stream_new (bel_client_get_base_url (client),
                                                 bel_client_get_token (client), school_id);

  if (pins != NULL)
    bel_event_stream_set_tls_pins (stream, pins);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), watch);
  g_signal_connect (stream, "failed", G_CALLBACK (on_failed), watch);
  bel_event_stream_start (stream);
  return stream;
}

static void
wait_for_stream (BelEventStream *stream,
                 Watch          *watch,
                 gboolean        want_connected)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (want_connected ? !bel_event_stream_get_connected (stream) : watch->failure == NULL)
    {
      g_assert_null (want_connected ? watch->failure : NULL);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Marks one student as known, which the school's live events carry. */
static void
mark_a_student (BelClient *client,
                gint64     school_id)
{
  g_autoptr(GAsyncResult) rounds_result = NULL;
  g_autoptr(GAsyncResult) students_result = NULL;
  g_autoptr(GAsyncResult) mark_result = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) students = NULL;
  g_autoptr(GError) error = NULL;

  bel_client_list_rounds_async (client, school_id, NULL, store_result, &rounds_result);
  rounds = bel_client_list_rounds_finish (client, wait_for (&rounds_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, >, 0);
  bel_client_list_students_async (client, school_id, NULL, BEL_CLIENT_ANY_GRADE, 0, NULL, 1, NULL,
                                  store_result, &students_result);
  students = bel_client_list_students_finish (client, wait_for (&students_result), NULL, NULL, &error);
  g_assert_no_error (error);
  bel_client_set_mark_async (client, bel_resource_get_id (rounds->pdata[0]),
                             bel_resource_get_id (students->pdata[0]),
                             bel_resource_get_id (bel_client_get_account (client)), BEL_MARK_RELATIONSHIP, TRUE,
                             NULL, store_result, &mark_result);
  g_assert_true (bel_client_set_mark_finish (client, wait_for (&mark_result), &error));
  g_assert_no_error (error);
}

/* ---- tests ---- */

static void
test_unpinned_self_signed_is_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(BelClient) client = client_for (f, f->daemon);
  g_autofree char *expected = test_daemon_openssl_fingerprint (f->daemon->certificate);
  g_autofree char *fingerprint = NULL;
  g_autofree char *problems = NULL;
  GTlsCertificateFlags errors = 0;
  GTlsCertificate *refused;

  g_assert_true (g_str_has_prefix (f->daemon->url, "https://127.0.0.1:"));
  refused = assert_refused (client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_true (bel_client_get_refused_certificate (client, &errors) == refused);
  g_assert_true (errors & G_TLS_CERTIFICATE_UNKNOWN_CA);
  /* What the app shows is what IT reads from openssl on the server. */
  fingerprint = bel_tls_certificate_fingerprint (refused);
  g_assert_cmpstr (fingerprint, ==, expected);
  g_assert_cmpuint (strlen (fingerprint), ==, 32 * 3 - 1);
  g_assert_true (bel_tls_certificate_is_self_signed (refused));
  problems = bel_tls_certificate_describe_problems (refused, errors, "127.0.0.1");
  g_assert_nonnull (strstr (problems, "self-signed"));
  g_assert_cmpuint (bel_tls_pins_get_n_pins (f->pins), ==, 0);
  g_assert_false (g_file_test (f->pins_path, G_FILE_TEST_EXISTS));
}

static void
test_pinned_certificate_serves_rest_and_events (Fixture *f, gconstpointer data)
{
  g_autoptr(BelClient) client = client_for (f, f->daemon);
  g_autoptr(BelTlsPins) reloaded = NULL;
  g_autoptr(BelEventStream) pinned_stream = NULL;
  g_autoptr(BelEventStream) plain_stream = NULL;
  g_autofree char *expected = test_daemon_openssl_fingerprint (f->daemon->certificate);
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  Watch pinned = { 0 }, plain = { 0 };
  GTlsCertificate *refused;
  gint64 school_id;

  refused = assert_refused (client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_true (bel_tls_pins_pin (f->pins, bel_client_get_base_url (client), refused, &error));
  g_assert_no_error (error);

  /* Kept for the next start of the app. */
  reloaded = bel_tls_pins_new (f->pins_path);
  g_assert_cmpuint (bel_tls_pins_get_n_pins (reloaded), ==, 1);
  stored = bel_tls_pins_lookup (reloaded, f->daemon->url);
  g_assert_cmpstr (stored, ==, expected);

  assert_signs_in (client);
  school_id = first_school (client);

  /* The live events: accepted with the pins, refused without them. */
  pinned_stream = watch_events (client, f->pins, school_id, &pinned);
  wait_for_stream (pinned_stream, &pinned, TRUE);
  plain_stream = watch_events (client, NULL, school_id, &plain);
  wait_for_stream (plain_stream, &plain, FALSE);
  g_assert_error (plain.failure, BEL_ERROR, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_false (bel_event_stream_get_connected (plain_stream));

  mark_a_student (client, school_id);
  while (pinned.n_events == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pinned.n_events, ==, 1);
  g_assert_cmpuint (plain.n_events, ==, 0);
  g_clear_error (&plain.failure);
}

static void
test_pin_is_for_one_server_only (Fixture *f, gconstpointer data)
{
  g_autoptr(TestDaemon) other = test_daemon_new (N_STUDENTS);
  g_autoptr(BelClient) client = client_for (f, f->daemon);
  g_autoptr(BelClient) other_client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pinned = NULL;
  g_autofree char *shown = NULL;
  GTlsCertificate *refused;

  refused = assert_refused (client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_true (bel_tls_pins_pin (f->pins, f->daemon->url, refused, &error));
  assert_signs_in (client);

  /* Another server (same address, another port) showing the very same
   * certificate is still not trusted: the pin is for one host:port. */
  test_daemon_use_certificate (other, f->daemon->certificate, f->daemon->key);
  other_client = client_for (f, other);
  g_assert_cmpuint (other->port, !=, f->daemon->port);
  refused = assert_refused (other_client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  pinned = bel_tls_pins_lookup (f->pins, f->daemon->url);
  shown = bel_tls_certificate_fingerprint (refused);
  g_assert_cmpstr (shown, ==, pinned);
  g_assert_null (bel_tls_pins_lookup (f->pins, other->url));
}

static void
test_changed_certificate_is_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(BelClient) client = client_for (f, f->daemon);
  g_autoptr(BelEventStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *still_pinned = NULL;
  g_autofree char *refused_fingerprint = NULL;
  Watch watch = { 0 };
  GTlsCertificate *refused;
  gint64 school_id;

  refused = assert_refused (client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
  first = bel_tls_certificate_fingerprint (refused);
  g_assert_true (bel_tls_pins_pin (f->pins, f->daemon->url, refused, &error));
  assert_signs_in (client);
  school_id = first_school (client);

  /* Same server, same port, another certificate: a possible interception. */
  test_daemon_use_new_certificate (f->daemon);
  second = test_daemon_openssl_fingerprint (f->daemon->certificate);
  g_assert_cmpstr (first, !=, second);
  refused = assert_refused (client, BEL_ERROR_CERTIFICATE_CHANGED);
  refused_fingerprint = bel_tls_certificate_fingerprint (refused);
  g_assert_cmpstr (refused_fingerprint, ==, second);
  stream = watch_events (client, f->pins, school_id, &watch);
  wait_for_stream (stream, &watch, FALSE);
  g_assert_error (watch.failure, BEL_ERROR, BEL_ERROR_CERTIFICATE_CHANGED);
  g_clear_error (&watch.failure);
  /* Nothing changed by itself: the old pin stays until the person replaces it. */
  still_pinned = bel_tls_pins_lookup (f->pins, f->daemon->url);
  g_assert_cmpstr (still_pinned, ==, first);

  g_assert_true (bel_tls_pins_pin (f->pins, f->daemon->url, refused, &error));
  g_assert_cmpuint (bel_tls_pins_get_n_pins (f->pins), ==, 1);
  assert_signs_in (client);

  /* Forgotten: asked again, as the first time. */
  g_assert_true (bel_tls_pins_forget_all (f->pins, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bel_tls_pins_get_n_pins (f->pins), ==, 0);
  assert_refused (client, BEL_ERROR_CERTIFICATE_UNTRUSTED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/client/tls/unpinned-self-signed-certificate-is-refused", test_unpinned_self_signed_is_refused);
  ADD ("/client/tls/pinned-certificate-serves-rest-and-live-events", test_pinned_certificate_serves_rest_and_events);
  ADD ("/client/tls/pin-is-for-one-server-only", test_pin_is_for_one_server_only);
  ADD ("/client/tls/changed-certificate-is-refused-until-replaced", test_changed_certificate_is_refused);
#undef ADD
  return g_test_run ();
}
