/* bel-client-reply.c - the daemon's replies, in what the client works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "bel-error.h"
#include "bel-json.h"

static char *
rate_limit_message (SoupMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                     "Retry-After");
  gint64 seconds = header ? g_ascii_strtoll (header, NULL, 10) : 0;
  gint64 minutes;

  if (seconds <= 0)
    return g_strdup (_("Too many attempts. Please wait a little and try again."));
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Too many attempts. Try again in %d second.",
                                         "Too many attempts. Try again in %d seconds.",
                                         (gulong) seconds),
                            (int) seconds);
  minutes = (seconds + 59) / 60;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many attempts. Try again in %d minute.",
                                       "Too many attempts. Try again in %d minutes.",
                                       (gulong) minutes),
                          (int) minutes);
}

GError *
bel_client_problem_error (guint   status,
                          GBytes *body)
{
  BelErrorCode code = bel_error_from_status (status);
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  const char *detail = NULL;
  const char *title = NULL;
  JsonObject *problem = NULL;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  if (data != NULL && len > 0 && (root = bel_json_parse (data, (gssize) len, NULL)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    problem = json_node_get_object (root);

  if (problem != NULL)
    {
      JsonNode *errors = json_object_get_member (problem, "errors");

      detail = bel_json_string_member (problem, "detail", NULL);
      title = bel_json_string_member (problem, "title", NULL);
      if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors))
        {
          JsonArray *array = json_node_get_array (errors);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              JsonObject *fe;

              if (!JSON_NODE_HOLDS_OBJECT (item))
                continue;
              fe = json_node_get_object (item);
              if (fields->len > 0)
                g_string_append_c (fields, '\n');
              g_string_append_printf (fields, "%s: %s",
                                      bel_json_string_member (fe, "field", "?"),
                                      bel_json_string_member (fe, "message", ""));
            }
        }
    }

  if (code == BEL_ERROR_INVALID && fields->len > 0)
    return g_error_new_literal (BEL_ERROR, code, fields->str);
  if (detail != NULL && *detail != '\0')
    return g_error_new_literal (BEL_ERROR, code, detail);
  if (title != NULL && *title != '\0')
    return g_error_new_literal (BEL_ERROR, code, title);
  return g_error_new_literal (BEL_ERROR, code, bel_error_title (code));
}

GError *
bel_client_reply_error (SoupMessage *msg,
                        GBytes      *body)
{
  guint status = soup_message_get_status (msg);

  if (bel_error_from_status (status) == BEL_ERROR_RATE_LIMITED)
    {
      g_autofree char *message = rate_limit_message (msg);
      return g_error_new_literal (BEL_ERROR, BEL_ERROR_RATE_LIMITED, message);
    }
  return bel_client_problem_error (status, body);
}

JsonNode *
bel_client_reply_parse (SoupMessage  *msg,
                        GBytes       *body,
                        GError      **error)
{
  const char *content_type;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  JsonNode *node;

  if (data == NULL || len == 0)
    return json_node_new (JSON_NODE_NULL);

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (content_type != NULL && g_str_has_prefix (content_type, "text/"))
    {
      g_autofree char *text = g_strndup (data, len);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
      return node;
    }

  node = bel_json_parse (data, (gssize) len, NULL);
  if (node == NULL)
    g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FAILED,
                         _("The server sent a reply Belonging could not read."));
  return node;
}
