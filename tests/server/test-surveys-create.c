/* test-surveys-create.c - a leader makes a survey for one advisory with a
 * question of their own: the four default questions sent as they are keep
 * their translations, only that advisory's students get codes and count in
 * the response rate, and teachers cannot make surveys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-surveys.h"
#include "bel-test-survey-form.h"

#define DEFAULTS \
  "{\"key\": \"supported\", \"text\": \"I feel supported by my school\"}, " \
  "{\"key\": \"cared_for\", \"text\": \"People at my school care about me\"}, " \
  "{\"key\": \"keep_trying\", \"text\": \"When I feel like giving up, my teacher asks me to keep trying\"}, " \
  "{\"key\": \"belong\", \"text\": \"My teachers make me feel like I belong\"}"

static JsonArray *
items_of (BelTestResponse *r)
{
  return json_object_get_array_member (bel_test_response_object (r), "items");
}

static void
test_create_for_an_advisory_with_own_question (void)
{
  BelTestSurveys s = { 0 };
  g_autofree char *body = NULL;
  g_autoptr(BelTestResponse) made = NULL;
  g_autoptr(BelTestResponse) by_teacher = NULL;
  g_autoptr(BelTestResponse) window = NULL;
  g_autoptr(BelTestResponse) falcons = NULL;
  g_autoptr(BelTestResponse) owls = NULL;
  g_autoptr(BelTestResponse) rates = NULL;
  g_autoptr(BelTestResponse) after = NULL;
  JsonObject *first, *own, *target, *rate;
  JsonArray *slips;
  gint64 survey_id, window_id;

  bel_test_surveys_setup (&s);
  body = g_strdup_printf ("{\"title\": \"Owls pulse\", \"mode\": \"anonymous\", \"targets\": [{\"kind\": "
                          "\"advisory\", \"value\": %" G_GINT64_FORMAT "}], \"items\": [" DEFAULTS ", {\"text\": "
                          "\"I have a friend at school\"}]}", s.owls_id);
  by_teacher = bel_test_surveys_call (&s, "POST", s.teacher, body, NULL,
                                      "/api/v1/schools/%" G_GINT64_FORMAT "/surveys", s.seed.school_id);
  bel_test_assert_problem (by_teacher, 403);
  made = bel_test_surveys_call (&s, "POST", s.leader, body, NULL, "/api/v1/schools/%" G_GINT64_FORMAT "/surveys",
                                s.seed.school_id);
  g_assert_cmpuint (made->status, ==, 201);
  survey_id = bel_test_response_int (made, "id");
  g_assert_cmpuint (json_array_get_length (items_of (made)), ==, 5);
  /* the default question sent as it is keeps its Spanish; the leader's own has none */
  first = json_array_get_object_element (items_of (made), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "translations"), "Spanish"),
                   ==, "Me siento apoyado o apoyada por mi escuela");
  own = json_array_get_object_element (items_of (made), 4);
  g_assert_cmpstr (json_object_get_string_member (own, "text"), ==, "I have a friend at school");
  g_assert_false (json_object_has_member (own, "translations") &&
                  json_object_get_size (json_object_get_object_member (own, "translations")) > 0);
  target = json_array_get_object_element (json_object_get_array_member (bel_test_response_object (made), "targets"),
                                          0);
  g_assert_cmpstr (json_object_get_string_member (target, "label"), ==, "Owls");

  window = bel_test_surveys_call (&s, "POST", s.leader, "{\"name\": \"Now\", \"opens_on\": \"2020-01-01\", "
                                  "\"closes_on\": \"2099-12-31\", \"status\": \"open\"}", NULL,
                                  "/api/v1/surveys/%" G_GINT64_FORMAT "/windows", survey_id);
  g_assert_cmpuint (window->status, ==, 201);
  window_id = bel_test_response_int (window, "id");
  /* the Falcons are not asked: no codes for them; the Owls' 12 are */
  falcons = bel_test_surveys_call (&s, "POST", s.leader, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT
                                   "/advisories/%" G_GINT64_FORMAT "/codes", window_id, s.seed.advisory_id);
  g_assert_cmpuint (falcons->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (items_of (falcons)), ==, 0);
  owls = bel_test_surveys_call (&s, "POST", s.leader, NULL, NULL, "/api/v1/survey-windows/%" G_GINT64_FORMAT
                                "/advisories/%" G_GINT64_FORMAT "/codes", window_id, s.owls_id);
  slips = items_of (owls);
  g_assert_cmpuint (json_array_get_length (slips), ==, 12);

  /* the response rate: the Owls alone, 0 then 1 of 12 */
  rates = bel_test_surveys_call (&s, "GET", s.leader, NULL, NULL,
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT "/response-rates", window_id);
  g_assert_cmpuint (json_array_get_length (items_of (rates)), ==, 1);
  rate = json_array_get_object_element (items_of (rates), 0);
  g_assert_cmpstr (json_object_get_string_member (rate, "advisory_name"), ==, "Owls");
  g_assert_cmpint (json_object_get_int_member (rate, "students"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (rate, "codes_issued"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (rate, "responded"), ==, 0);
  g_assert_cmpuint (bel_test_survey_answer (s.d->url, json_object_get_string_member (
                      json_array_get_object_element (slips, 0), "code"), 5), ==, 200);
  after = bel_test_surveys_call (&s, "GET", s.counselor, NULL, NULL,
                                 "/api/v1/survey-windows/%" G_GINT64_FORMAT "/response-rates", window_id);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (after), 0), "responded"), ==,
                   1);
  bel_test_surveys_teardown (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/surveys/create/for-an-advisory-with-own-question", test_create_for_an_advisory_with_own_question);

  return g_test_run ();
}
