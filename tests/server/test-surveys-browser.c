/* test-surveys-browser.c - a student answers in a real browser (Debian's
 * headless chromium, driven through chromedriver's WebDriver protocol) and
 * the response count changes over the API
 *
 * chromium and chromium-driver are test packages (tools/lib.sh): without
 * them this test fails, it does not skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"
#include "../bel-test-slowdown.h"

#include <string.h>

#define ELEMENT_KEY "element-6066-11e4-a52e-4f735466cecf"

typedef struct {
  GSubprocess *driver;
  SoupSession *http;
  char        *base;     /* http://127.0.0.1:PORT */
  char        *session;  /* /session/ID */
  char        *profile;  /* chromium's user data directory */
} WebDriver;

static guint
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Sends a WebDriver command and returns its "value" (owned by the returned
 * node); with @may_fail, a WebDriver error gives NULL instead of failing the test. */
static JsonNode *
command_full (WebDriver  *w,
              const char *method,
              const char *path,
              const char *json,
              gboolean    may_fail)
{
  g_autofree char *url = g_strconcat (w->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  reply = soup_session_send_and_read (w->http, msg, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), (gssize) g_bytes_get_size (reply), &error);
  g_assert_no_error (error);
  if (soup_message_get_status (msg) != 200 && may_fail)
    return NULL;
  if (soup_message_get_status (msg) != 200)
    g_error ("WebDriver %s %s: %u %.*s", method, path, soup_message_get_status (msg),
             (int) g_bytes_get_size (reply), (const char *) g_bytes_get_data (reply, NULL));
  return json_node_ref (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "value"));
}

static JsonNode *
command (WebDriver  *w,
         const char *method,
         const char *path,
         const char *json)
{
  return command_full (w, method, path, json, FALSE);
}

static void
driver_start (WebDriver *w)
{
  g_autofree char *chromium = g_find_program_in_path ("chromium");
  g_autofree char *chromedriver = g_find_program_in_path ("chromedriver");
  g_autofree char *port_arg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caps = NULL;
  g_autoptr(JsonNode) value = NULL;
  guint port;

  if (chromium == NULL || chromedriver == NULL)
    g_error ("Install Debian's chromium and chromium-driver to run this test (tools/lib.sh TEST_PACKAGES)");
  port = free_port ();
  port_arg = g_strdup_printf ("--port=%u", port);
  w->driver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                chromedriver, port_arg, NULL);
  g_assert_no_error (error);
  w->http = soup_session_new_with_options ("timeout", 30 * bel_test_slowdown (), NULL);
  w->base = g_strdup_printf ("http://127.0.0.1:%u", port);
  /* Wait for chromedriver to listen */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *url = g_strconcat (w->base, "/status", NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GBytes) reply = soup_session_send_and_read (w->http, msg, NULL, NULL);

      if (reply != NULL && soup_message_get_status (msg) == 200)
        break;
      g_usleep (G_USEC_PER_SEC / 10);
    }
  w->profile = g_dir_make_tmp ("bel-chromium-XXXXXX", &error);
  g_assert_no_error (error);
  caps = g_strdup_printf ("{\"capabilities\": {\"alwaysMatch\": {\"browserName\": \"chrome\", "
                          "\"goog:chromeOptions\": {\"binary\": \"%s\", \"args\": [\"--headless\", "
                          "\"--no-sandbox\", \"--disable-gpu\", \"--disable-dev-shm-usage\", "
                          "\"--disable-background-networking\", \"--disable-component-update\", "
                          "\"--disable-sync\", \"--no-first-run\", \"--user-data-dir=%s\"]}}}}",
                          chromium, w->profile);
  value = command (w, "POST", "/session", caps);
  w->session = g_strdup_printf ("/session/%s",
                                json_object_get_string_member (json_node_get_object (value), "sessionId"));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GSubprocess) rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "rm", "-rf", path, NULL);

  if (rm != NULL)
    g_subprocess_wait (rm, NULL, NULL);
}

static void
driver_stop (WebDriver *w)
{
  if (w->session != NULL)
    {
      g_autoptr(JsonNode) value = command (w, "DELETE", w->session, NULL);
    }
  if (w->driver != NULL)
    {
      g_subprocess_force_exit (w->driver);
      g_subprocess_wait (w->driver, NULL, NULL);
    }
  if (w->profile != NULL)
    remove_tree (w->profile);
  g_clear_object (&w->driver);
  g_clear_object (&w->http);
  g_free (w->base);
  g_free (w->session);
  g_free (w->profile);
}

static void
go_to (WebDriver  *w,
       const char *url)
{
  g_autofree char *path = g_strconcat (w->session, "/url", NULL);
  g_autofree char *json = g_strdup_printf ("{\"url\": \"%s\"}", url);
  g_autoptr(JsonNode) value = command (w, "POST", path, json);
}

/* The element id of the first match of a CSS selector (without double quotes). */
static char *
find (WebDriver  *w,
      const char *selector)
{
  g_autofree char *path = g_strconcat (w->session, "/element", NULL);
  g_autofree char *json = g_strdup_printf ("{\"using\": \"css selector\", \"value\": \"%s\"}", selector);
  g_autoptr(JsonNode) value = command (w, "POST", path, json);

  return g_strdup (json_object_get_string_member (json_node_get_object (value), ELEMENT_KEY));
}

static void
click (WebDriver  *w,
       const char *selector)
{
  g_autofree char *id = find (w, selector);
  g_autofree char *path = g_strdup_printf ("%s/element/%s/click", w->session, id);
  g_autoptr(JsonNode) value = command (w, "POST", path, "{}");
}

static void
type_into (WebDriver  *w,
           const char *selector,
           const char *text)
{
  g_autofree char *id = find (w, selector);
  g_autofree char *path = g_strdup_printf ("%s/element/%s/value", w->session, id);
  g_autofree char *json = g_strdup_printf ("{\"text\": \"%s\"}", text);
  g_autoptr(JsonNode) value = command (w, "POST", path, json);
}

static char *
text_of (WebDriver  *w,
         const char *selector)
{
  g_autofree char *id = find (w, selector);
  g_autofree char *path = g_strdup_printf ("%s/element/%s/text", w->session, id);
  g_autoptr(JsonNode) value = command (w, "GET", path, NULL);

  return g_strdup (json_node_get_string (value));
}

/* The text of @selector once it reads @expected: a submitted form loads the
 * next page after the click returns, and until then the old page's elements
 * are found, then go stale.  Returns the last text read. */
static char *
wait_for_text (WebDriver  *w,
               const char *selector,
               const char *expected)
{
  g_autofree char *find_path = g_strconcat (w->session, "/element", NULL);
  g_autofree char *json = g_strdup_printf ("{\"using\": \"css selector\", \"value\": \"%s\"}", selector);
  gint64 deadline = bel_test_deadline (20);
  char *text = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(JsonNode) element = command_full (w, "POST", find_path, json, TRUE);
      g_autoptr(JsonNode) value = NULL;
      g_autofree char *path = NULL;

      if (element != NULL)
        {
          path = g_strdup_printf ("%s/element/%s/text", w->session,
                                  json_object_get_string_member (json_node_get_object (element), ELEMENT_KEY));
          value = command_full (w, "GET", path, NULL, TRUE);
        }
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
        {
          g_free (text);
          text = g_strdup (json_node_get_string (value));
          if (g_strcmp0 (text, expected) == 0)
            break;
        }
      g_usleep (G_USEC_PER_SEC / 10);
    }
  return text;
}

static gint64
responses (BelTestSurveys *s)
{
  g_autoptr(BelTestResponse) r = bel_test_surveys_call (s, "GET", s->leader, NULL, NULL,
                                                        "/api/v1/survey-windows/%" G_GINT64_FORMAT, s->window_id);
  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_response_int (r, "response_count");
}

static void
test_student_answers_in_chromium (void)
{
  BelTestSurveys s = { 0 };
  WebDriver w = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *question = NULL;
  g_autofree char *thanks = NULL;
  g_autofree char *adult = NULL;

  bel_test_surveys_setup (&s);
  g_assert_cmpint (responses (&s), ==, 29);
  driver_start (&w);
  url = g_strconcat (s.d->url, "/survey", NULL);
  go_to (&w, url);
  heading = text_of (&w, "h1");
  g_assert_cmpstr (heading, ==, "Student survey");
  type_into (&w, "#code", s.jose_code);
  click (&w, "form[action='/survey'] button[type=submit]");
  /* José reads the questions in Spanish, his home language */
  question = wait_for_text (&w, "fieldset legend", "1. Me siento apoyado o apoyada por mi escuela");
  g_assert_cmpstr (question, ==, "1. Me siento apoyado o apoyada por mi escuela");
  /* Two answers (questions may be skipped) and one adult */
  for (guint i = 0; i < 4; i += 3)
    {
      g_autofree char *radio = g_strdup_printf ("input[name='item_%" G_GINT64_FORMAT "'][value='%u']", s.item_ids[i],
                                                i == 0 ? 5u : 4u);
      click (&w, radio);
    }
  adult = g_strdup_printf ("input[name='adult_%" G_GINT64_FORMAT "']", s.seed.counselor_id);
  click (&w, adult);
  click (&w, "form[action='/survey/answers'] button[type=submit]");
  thanks = wait_for_text (&w, "h1", "¡Gracias!");
  g_assert_cmpstr (thanks, ==, "¡Gracias!");
  driver_stop (&w);
  /* The count changed over the API */
  g_assert_cmpint (responses (&s), ==, 30);
  bel_test_surveys_teardown (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surveys/browser/student-answers-in-chromium", test_student_answers_in_chromium);

  return g_test_run ();
}
