/* test-surveys-codes.c - the students' page over HTTP: one-time codes, answers
 * that cannot change, security headers, CSRF tokens, the rate limit on codes,
 * and who may print codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"

#include <string.h>

#include "bel-test-sql.h"

typedef struct {
  char *cookie;  /* "bel_survey=..." */
} Browser;

static BelTestResponse *
post_form (BelTestSurveys *s,
           Browser        *b,
           const char     *path,
           const char     *form)
{
  return bel_test_survey_post (s->d, b != NULL ? b->cookie : NULL, path, form);
}

/* GET /survey: remembers the cookie, returns the start token. */
static char *
open_page (BelTestSurveys *s,
           Browser        *b)
{
  return bel_test_survey_open (s->d, &b->cookie);
}

static void
test_page_headers_and_form (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) r = NULL;
  g_autoptr(BelTestResponse) css = NULL;
  g_autofree char *html = NULL;
  const char *csp;

  bel_test_surveys_setup (&s);
  r = bel_test_daemon_request (s.d, "GET", "/survey", NULL, NULL, NULL);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "text/html");
  csp = soup_message_headers_get_one (r->headers, "Content-Security-Policy");
  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "frame-ancestors 'none'"));
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Referrer-Policy"), ==, "no-referrer");
  g_assert_nonnull (strstr (soup_message_headers_get_one (r->headers, "Set-Cookie"), "SameSite=Strict"));
  html = bel_test_body_text (r);
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<label class=\"code\" for=\"code\">"));
  g_assert_nonnull (strstr (html, "name=\"viewport\""));
  css = bel_test_daemon_request (s.d, "GET", "/survey/style.css", NULL, NULL, NULL);
  g_assert_cmpuint (css->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (css->headers, NULL), ==, "text/css");
  bel_test_surveys_teardown (&s);
}

static gint64
window_responses (BelTestSurveys *s)
{
  g_autoptr(BelTestResponse) r = bel_test_surveys_call (s, "GET", s->leader, NULL, NULL,
                                                        "/api/v1/survey-windows/%" G_GINT64_FORMAT, s->window_id);
  g_assert_cmpuint (r->status, ==, 200);
  return bel_test_response_int (r, "response_count");
}

static void
test_code_works_once_and_answers_stay (void)
{
  BelTestSurveys s = { 0 };
  Browser b = { 0 };
  g_autofree char *token = NULL;
  g_autofree char *form = NULL;
  g_autofree char *html = NULL;
  g_autofree char *answers_token = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *t = NULL;
  g_autofree char *c = NULL;
  g_autoptr(BelTestResponse) start = NULL;
  g_autoptr(BelTestResponse) done = NULL;
  g_autoptr(BelTestResponse) again = NULL;
  g_autoptr(BelTestResponse) restart = NULL;
  g_autofree char *again_html = NULL;
  g_autofree char *message = NULL;

  bel_test_surveys_setup (&s);
  g_assert_cmpint (window_responses (&s), ==, 29);
  token = open_page (&s, &b);
  /* Typed in lower case with spaces: still the code */
  {
    g_autofree char *typed = g_ascii_strdown (s.jose_code, -1);
    g_strdelimit (typed, "-", ' ');
    form = bel_test_survey_start_form (typed, token);
  }
  start = post_form (&s, &b, "/survey", form);
  g_assert_cmpuint (start->status, ==, 200);
  html = bel_test_body_text (start);
  /* José's home language is Spanish: the page and the items are in Spanish */
  g_assert_nonnull (strstr (html, "<html lang=\"es\">"));
  g_assert_nonnull (strstr (html, "Me siento apoyado o apoyada por mi escuela"));
  g_assert_nonnull (strstr (html, "Read in English"));
  answers_token = bel_test_form_token (html, "/survey/answers");
  t = g_uri_escape_string (answers_token, NULL, TRUE);
  c = g_uri_escape_string (s.jose_code, NULL, TRUE);
  answers = g_strdup_printf ("code=%s&token=%s&item_%" G_GINT64_FORMAT "=4&item_%" G_GINT64_FORMAT "=5&adult_%"
                             G_GINT64_FORMAT "=1", c, t, s.item_ids[0], s.item_ids[2], s.seed.counselor_id);
  done = post_form (&s, &b, "/survey/answers", answers);
  g_assert_cmpuint (done->status, ==, 200);
  {
    g_autofree char *thanks = bel_test_body_text (done);
    g_assert_nonnull (strstr (thanks, "¡Gracias!"));
  }
  g_assert_cmpint (window_responses (&s), ==, 30);

  /* The same answers again: refused, nothing added */
  again = post_form (&s, &b, "/survey/answers", answers);
  g_assert_cmpuint (again->status, ==, 409);
  again_html = bel_test_body_text (again);
  g_assert_nonnull (strstr (again_html, "ya se usó") != NULL ? again_html : strstr (again_html, "used"));
  restart = post_form (&s, &b, "/survey", form);
  g_assert_cmpuint (restart->status, ==, 409);
  g_assert_cmpint (window_responses (&s), ==, 30);

  /* Stored answers cannot be changed, not even in the database */
  g_assert_false (bel_test_sql_exec (s.d->db_path, "UPDATE survey_answer SET value = 1", &message));
  g_assert_nonnull (strstr (message, "cannot be changed"));
  g_free (b.cookie);
  bel_test_surveys_teardown (&s);
}

static void
test_forms_need_their_token_and_cookie (void)
{
  BelTestSurveys s = { 0 };
  Browser b = { 0 };
  Browser stranger = { 0 };
  g_autofree char *token = NULL;
  g_autofree char *form = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(BelTestResponse) no_cookie = NULL;
  g_autoptr(BelTestResponse) bad_token = NULL;
  g_autoptr(BelTestResponse) wrong_purpose = NULL;
  g_autoptr(BelTestResponse) json = NULL;

  bel_test_surveys_setup (&s);
  token = open_page (&s, &b);
  form = bel_test_survey_start_form (s.jose_code, token);
  /* Posted from elsewhere: no cookie (SameSite=Strict) */
  no_cookie = post_form (&s, &stranger, "/survey", form);
  g_assert_cmpuint (no_cookie->status, ==, 403);
  forged = bel_test_survey_start_form (s.jose_code,
                                       "4102444800.0000000000000000000000000000000000000000000000000000000000000000");
  bad_token = post_form (&s, &b, "/survey", forged);
  g_assert_cmpuint (bad_token->status, ==, 403);
  /* The code form's token does not submit answers */
  wrong_purpose = post_form (&s, &b, "/survey/answers", form);
  g_assert_cmpuint (wrong_purpose->status, ==, 403);
  json = bel_test_daemon_request (s.d, "POST", "/survey", NULL, "{}", NULL);
  g_assert_cmpuint (json->status, ==, 415);
  g_assert_cmpint (window_responses (&s), ==, 29);
  g_free (b.cookie);
  bel_test_surveys_teardown (&s);
}

static void
test_guessing_codes_is_rate_limited (void)
{
  BelTestSurveys s = { 0 };
  Browser b = { 0 };
  g_autofree char *token = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  guint status = 0;

  bel_test_surveys_setup (&s);
  token = open_page (&s, &b);
  wrong = bel_test_survey_start_form ("AAAAA-AAAAA", token);
  for (guint i = 0; i < 60 && status != 429; i++)
    {
      g_autoptr(BelTestResponse) r = post_form (&s, &b, "/survey", wrong);
      status = r->status;
      if (status == 429)
        g_assert_nonnull (soup_message_headers_get_one (r->headers, "Retry-After"));
      else
        g_assert_cmpuint (status, ==, 404);
    }
  g_assert_cmpuint (status, ==, 429);
  /* Even the right code waits now */
  right = bel_test_survey_start_form (s.jose_code, token);
  {
    g_autoptr(BelTestResponse) r = post_form (&s, &b, "/survey", right);
    g_assert_cmpuint (r->status, ==, 429);
  }
  g_free (b.cookie);
  bel_test_surveys_teardown (&s);
}

static void
test_codes_printed_by_leaders_and_advisors (void)
{
  BelTestSurveys s = { 0 };
  g_autoptr(BelTestResponse) mine = NULL;
  g_autoptr(BelTestResponse) others = NULL;
  g_autoptr(BelTestResponse) outsider = NULL;
  g_autoptr(BelTestResponse) leader = NULL;
  g_autoptr(BelTestResponse) close = NULL;
  g_autoptr(BelTestResponse) closed = NULL;
  g_autoptr(BelTestResponse) stale = NULL;
  Browser b = { 0 };
  g_autofree char *token = NULL;
  g_autofree char *form = NULL;
  JsonArray *items;
  guint with_code = 0;

  bel_test_surveys_setup (&s);
  /* The teacher advises Falcons: 15 slips, 14 answered (no code), José gets a NEW code */
  mine = bel_test_surveys_call (&s, "POST", s.teacher, NULL, NULL,
                                "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT "/codes",
                                s.window_id, s.seed.advisory_id);
  g_assert_cmpuint (mine->status, ==, 200);
  items = json_object_get_array_member (bel_test_response_object (mine), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 15);
  for (guint i = 0; i < 15; i++)
    {
      JsonObject *slip = json_array_get_object_element (items, i);
      if (!json_object_get_null_member (slip, "code"))
        {
          with_code++;
          g_assert_false (json_object_get_boolean_member (slip, "answered"));
          g_assert_cmpstr (json_object_get_string_member (slip, "code"), !=, s.jose_code);
        }
    }
  g_assert_cmpuint (with_code, ==, 1);
  /* The old code stopped working */
  token = open_page (&s, &b);
  form = bel_test_survey_start_form (s.jose_code, token);
  stale = post_form (&s, &b, "/survey", form);
  g_assert_cmpuint (stale->status, ==, 404);

  others = bel_test_surveys_call (&s, "POST", s.teacher, NULL, NULL,
                                  "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT "/codes",
                                  s.window_id, s.owls_id);
  bel_test_assert_problem (others, 403);
  outsider = bel_test_surveys_call (&s, "POST", s.outsider, NULL, NULL,
                                    "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT
                                    "/codes", s.window_id, s.owls_id);
  bel_test_assert_problem (outsider, 403);
  leader = bel_test_surveys_call (&s, "POST", s.leader, NULL, NULL,
                                  "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT "/codes",
                                  s.window_id, s.owls_id);
  g_assert_cmpuint (leader->status, ==, 200);
  /* Closed: no more codes, and never open again */
  close = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"status\": \"closed\"}", "*",
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT, s.window_id);
  g_assert_cmpuint (close->status, ==, 200);
  closed = bel_test_surveys_call (&s, "POST", s.leader, NULL, NULL,
                                  "/api/v1/survey-windows/%" G_GINT64_FORMAT "/advisories/%" G_GINT64_FORMAT "/codes",
                                  s.window_id, s.owls_id);
  bel_test_assert_problem (closed, 409);
  {
    g_autoptr(BelTestResponse) reopen = bel_test_surveys_call (&s, "PATCH", s.leader, "{\"status\": \"open\"}", "*",
                                                               "/api/v1/survey-windows/%" G_GINT64_FORMAT,
                                                               s.window_id);
    bel_test_assert_problem (reopen, 409);
  }
  g_free (b.cookie);
  bel_test_surveys_teardown (&s);
}

/* A student whose home language has no translation reads the page in
 * English, without a button offering English. */
static void
test_untranslated_language_reads_english (void)
{
  BelTestSurveys s = { 0 };
  Browser b = { NULL };
  g_autofree char *token = NULL;
  g_autofree char *form = NULL;
  g_autofree char *html = NULL;
  g_autoptr(BelTestResponse) start = NULL;

  bel_test_surveys_setup (&s);
  g_assert_cmpint (bel_test_sql_int (s.d->db_path, "SELECT COUNT(*) FROM student WHERE home_language = 'Spanish'"),
                   >, 0);
  g_assert_true (bel_test_sql_exec (s.d->db_path, "UPDATE student SET home_language = 'Arabic' "
                                                  "WHERE home_language = 'Spanish'", NULL));
  token = open_page (&s, &b);
  form = bel_test_survey_start_form (s.jose_code, token);
  start = post_form (&s, &b, "/survey", form);
  g_assert_cmpuint (start->status, ==, 200);
  html = bel_test_body_text (start);
  g_assert_nonnull (strstr (html, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "I feel supported by my school"));
  g_assert_null (strstr (html, "Read in English"));
  g_free (b.cookie);
  bel_test_surveys_teardown (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surveys/page/security-headers-and-form", test_page_headers_and_form);
  g_test_add_func ("/surveys/codes/work-once-and-answers-stay", test_code_works_once_and_answers_stay);
  g_test_add_func ("/surveys/page/forms-need-token-and-cookie", test_forms_need_their_token_and_cookie);
  g_test_add_func ("/surveys/page/guessing-codes-is-rate-limited", test_guessing_codes_is_rate_limited);
  g_test_add_func ("/surveys/codes/printed-by-leaders-and-advisors", test_codes_printed_by_leaders_and_advisors);
  g_test_add_func ("/surveys/page/untranslated-language-reads-english", test_untranslated_language_reads_english);

  return g_test_run ();
}
