/* bel-test-survey-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-survey-form.h"

#include <libsoup/soup.h>
#include <string.h>

typedef struct {
  SoupSession *session;
  const char  *base_url;
  char        *cookie;    /* "bel_survey=..." */
  char        *html;
} Browser;

static guint
send (Browser    *b,
      const char *method,
      const char *path,
      const char *form)
{
  g_autofree char *url = g_strconcat (b->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *set_cookie;

  if (form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }
  if (b->cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", b->cookie);
  reply = soup_session_send_and_read (b->session, msg, NULL, &error);
  g_assert_no_error (error);
  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
  if (set_cookie != NULL)
    {
      g_free (b->cookie);
      b->cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));
    }
  g_free (b->html);
  b->html = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

/* The form token of the form posting to @action, escaped for a form body. */
static char *
token_of (const char *html,
          const char *action)
{
  g_autofree char *needle = g_strdup_printf ("action=\"%s\"", action);
  const char *form = strstr (html, needle);
  const char *start = form ? strstr (form, "name=\"token\" value=\"") : NULL;
  g_autofree char *token = NULL;

  g_assert_nonnull (start);
  start += strlen ("name=\"token\" value=\"");
  token = g_strndup (start, strcspn (start, "\""));
  return g_uri_escape_string (token, NULL, TRUE);
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
  g_autofree char *c = g_uri_escape_string (code, NULL, TRUE);
  g_autofree char *token = NULL;
  g_autofree char *form = NULL;
  g_autofree char *answers = NULL;
  guint status;

  status = send (&b, "GET", "/survey", NULL);
  if (status == 200)
    {
      token = token_of (b.html, "/survey");
      form = g_strdup_printf ("code=%s&token=%s", c, token);
      status = send (&b, "POST", "/survey", form);
    }
  if (status == 200)
    {
      g_clear_pointer (&token, g_free);
      g_clear_pointer (&form, g_free);
      token = token_of (b.html, "/survey/answers");
      answers = answers_of (b.html, value);
      form = g_strdup_printf ("code=%s&token=%s%s", c, token, answers);
      status = send (&b, "POST", "/survey/answers", form);
    }
  g_object_unref (b.session);
  g_free (b.cookie);
  g_free (b.html);
  return status;
}
