/* bel-test-survey-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-survey-form.h"

#include <string.h>

SoupMessage *
bel_test_survey_message (const char *base_url,
                         const char *method,
                         const char *path,
                         const char *cookie,
                         const char *form)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  if (form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }
  if (cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", cookie);
  return msg;
}

char *
bel_test_survey_cookie (SoupMessageHeaders *headers)
{
  const char *set_cookie = soup_message_headers_get_one (headers, "Set-Cookie");

  return set_cookie != NULL ? g_strndup (set_cookie, strcspn (set_cookie, ";")) : NULL;
}

char *
bel_test_form_token (const char *html,
                     const char *action)
{
  g_autofree char *needle = g_strdup_printf ("action=\"%s\"", action);
  const char *form = strstr (html, needle);
  const char *start;

  g_assert_nonnull (form);
  start = strstr (form, "name=\"token\" value=\"");
  g_assert_nonnull (start);
  start += strlen ("name=\"token\" value=\"");
  return g_strndup (start, strcspn (start, "\""));
}

char *
bel_test_survey_start_form (const char *code,
                            const char *token)
{
  g_autofree char *c = g_uri_escape_string (code, NULL, TRUE);
  g_autofree char *t = g_uri_escape_string (token, NULL, TRUE);

  return g_strdup_printf ("code=%s&token=%s", c, t);
}

typedef struct {
  SoupSession *session;
  const char  *base_url;
  char        *cookie;
  char        *html;
} Browser;

static guint
send (Browser    *b,
      const char *method,
      const char *path,
      const char *form)
{
  g_autoptr(SoupMessage) msg = bel_test_survey_message (b->base_url, method, path, b->cookie, form);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = soup_session_send_and_read (b->session, msg, NULL, &error);
  char *cookie;

  g_assert_no_error (error);
  cookie = bel_test_survey_cookie (soup_message_get_response_headers (msg));
  if (cookie != NULL)
    {
      g_free (b->cookie);
      b->cookie = cookie;
    }
  g_free (b->html);
  b->html = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

/* The form of @action on the page: "code=…&token=…". */
static char *
form_of (Browser    *b,
         const char *code,
         const char *action)
{
  g_autofree char *token = bel_test_form_token (b->html, action);

  return bel_test_survey_start_form (code, token);
}

/* "&item_1=V&item_2=V…" for every agreement item on the page. */
static char *
answers_of (const char *html,
            guint       value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = strstr (html, "name=\"item_"); p != NULL; p = strstr (p + 1, "name=\"item_"))
    {
      const char *start = p + strlen ("name=\"");
      g_autofree char *name = g_strndup (start, strcspn (start, "\""));

      if (g_hash_table_add (seen, g_strdup (name)))
        g_string_append_printf (out, "&%s=%u", name, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

guint
bel_test_survey_answer (const char *base_url,
                        const char *code,
                        guint       value)
{
  Browser b = { soup_session_new (), base_url, NULL, NULL };
  guint status;

  status = send (&b, "GET", "/survey", NULL);
  if (status == 200)
    {
      g_autofree char *form = form_of (&b, code, "/survey");
      status = send (&b, "POST", "/survey", form);
    }
  if (status == 200)
    {
      g_autofree char *form = form_of (&b, code, "/survey/answers");
      g_autofree char *answers = answers_of (b.html, value);
      g_autofree char *all = g_strconcat (form, answers, NULL);
      status = send (&b, "POST", "/survey/answers", all);
    }
  g_object_unref (b.session);
  g_free (b.cookie);
  g_free (b.html);
  return status;
}
