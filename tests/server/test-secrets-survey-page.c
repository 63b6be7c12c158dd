/* test-secrets-survey-page.c - every response under /survey, errors included,
 * carries the page's security headers (docs/surveys.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"

#include <string.h>

#define CSP "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " \
            "frame-ancestors 'none'; base-uri 'none'"

typedef struct {
  BelTestSurveys s;
  char          *cookie;
  GHashTable    *statuses;  /* the statuses seen */
} Fixture;

static void
check_headers (Fixture         *f,
               const char      *what,
               BelTestResponse *r,
               guint            status)
{
  SoupMessageHeaders *h = r->headers;

  g_test_message ("%s: %u", what, r->status);
  g_assert_cmpuint (r->status, ==, status);
  g_assert_cmpstr (soup_message_headers_get_one (h, "Content-Security-Policy"), ==, CSP);
  g_assert_cmpstr (soup_message_headers_get_one (h, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (soup_message_headers_get_one (h, "Referrer-Policy"), ==, "no-referrer");
  g_assert_cmpstr (soup_message_headers_get_one (h, "X-Frame-Options"), ==, "DENY");
  g_assert_cmpstr (soup_message_headers_get_one (h, "Cache-Control"), ==, "no-store");
  g_hash_table_add (f->statuses, GUINT_TO_POINTER (status));
  bel_test_response_free (r);
}

static BelTestResponse *
post (Fixture    *f,
      const char *path,
      const char *form)
{
  return bel_test_survey_post (f->s.d, f->cookie, path, form);
}

static BelTestResponse *
post_typed (Fixture    *f,
            const char *path,
            const char *type,
            GBytes     *body)
{
  g_autofree char *url = g_strconcat (f->s.d->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);

  soup_message_set_request_body_from_bytes (msg, type, body);
  return bel_test_daemon_send (f->s.d, msg);
}

/* A form announcing a body over max-body-size: the daemon answers from the
 * headers alone, on the raw connection, and closes it. */
static BelTestResponse *
post_too_large (Fixture *f)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GUri) uri = g_uri_parse (f->s.d->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = g_strdup_printf ("POST /survey HTTP/1.1\r\nHost: %s\r\n"
                                           "Content-Type: application/x-www-form-urlencoded\r\n"
                                           "Content-Length: %d\r\n\r\n", g_uri_get_host (uri), 2 * 1024 * 1024);
  char reply[4096] = { 0 };
  gssize n, got = 0;
  const char *end;
  BelTestResponse *r = g_new0 (BelTestResponse, 1);

  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), head, strlen (head),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  while (got < (gssize) sizeof reply - 1 &&
         (n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (conn)), reply + got,
                                   sizeof reply - 1 - got, NULL, NULL)) > 0)
    got += n;
  end = strstr (reply, "\r\n\r\n");
  g_assert_nonnull (end);
  r->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  r->body = g_bytes_new (NULL, 0);
  g_assert_true (soup_headers_parse_response (reply, end + 2 - reply, r->headers, NULL, &r->status, NULL));
  return r;
}

/* A code form with a fresh token, for @code. */
static char *
code_form (Fixture    *f,
           const char *code)
{
  g_autofree char *token = bel_test_survey_open (f->s.d, &f->cookie);

  return bel_test_survey_start_form (code, token);
}

/* Enters José's code; returns the answers form (without answers) */
static char *
answers_form (Fixture *f)
{
  g_autofree char *form = code_form (f, f->s.jose_code);
  g_autoptr(BelTestResponse) r = post (f, "/survey", form);
  g_autofree char *html = bel_test_body_text (r);
  g_autofree char *token = bel_test_form_token (html, "/survey/answers");

  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_survey_start_form (f->s.jose_code, token);
}

static void
check_page_and_its_errors (Fixture *f)
{
  g_autofree char *form = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GBytes) json = g_bytes_new_static ("{}", 2);

  check_headers (f, "the code form", bel_test_daemon_request (f->s.d, "GET", "/survey", NULL, NULL, NULL), 200);
  check_headers (f, "the style sheet",
                 bel_test_daemon_request (f->s.d, "GET", "/survey/style.css", NULL, NULL, NULL), 200);
  form = code_form (f, f->s.jose_code);
  check_headers (f, "a form without its cookie", bel_test_survey_post (f->s.d, NULL, "/survey", form), 403);
  check_headers (f, "a body that is no form", post_typed (f, "/survey", "application/json", json), 415);
  check_headers (f, "a body over max-body-size", post_too_large (f), 413);
  g_clear_pointer (&form, g_free);
  form = code_form (f, "AAAAA-AAAAA");
  check_headers (f, "a wrong code", post (f, "/survey", form), 404);
  g_clear_pointer (&form, g_free);
  form = code_form (f, f->s.jose_code);
  check_headers (f, "the questions", post (f, "/survey", form), 200);
  answers = answers_form (f);
  bad = g_strdup_printf ("%s&item_%" G_GINT64_FORMAT "=9", answers, f->s.item_ids[0]);
  check_headers (f, "an answer out of the scale", post (f, "/survey/answers", bad), 400);
  check_headers (f, "the thanks", post (f, "/survey/answers", answers), 200);
  check_headers (f, "a used code", post (f, "/survey/answers", answers), 409);
  check_headers (f, "a method the page lacks",
                 bel_test_daemon_request (f->s.d, "PUT", "/survey", NULL, "{}", NULL), 405);
  check_headers (f, "a page that does not exist",
                 bel_test_daemon_request (f->s.d, "GET", "/survey/admin", NULL, NULL, NULL), 404);
}

/* Wrong codes until the address is held back: 429 has the headers too. */
static void
check_rate_limit (Fixture *f)
{
  g_autofree char *form = code_form (f, "AAAAA-AAAAA");

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(BelTestResponse) r = post (f, "/survey", form);

      if (r->status == 429)
        {
          check_headers (f, "too many wrong codes", g_steal_pointer (&r), 429);
          return;
        }
      g_assert_cmpuint (r->status, ==, 404);
    }
  g_assert_not_reached ();
}

static void
test_every_response_has_the_headers (void)
{
  Fixture f = { 0 };
  const guint expected[] = { 200, 400, 403, 404, 405, 409, 413, 415, 429 };

  f.statuses = g_hash_table_new (NULL, NULL);
  bel_test_surveys_setup (&f.s);
  check_page_and_its_errors (&f);
  check_rate_limit (&f);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (f.statuses, GUINT_TO_POINTER (expected[i])));
  g_hash_table_unref (f.statuses);
  g_free (f.cookie);
  bel_test_surveys_teardown (&f.s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/survey-page/every-response-has-the-security-headers",
                   test_every_response_has_the_headers);

  return g_test_run ();
}
