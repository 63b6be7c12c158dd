/* bel-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-problem.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bel-error.h"

static void
add_field_errors (JsonBuilder  *builder,
                  const GError *error)
{
  g_autoptr(GPtrArray) fields = bel_error_get_field_errors (error);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    {
      BelFieldError *fe = g_ptr_array_index (fields, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, fe->field);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, fe->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
problem_detail (const GError *error,
                BelErrorCode  code)
{
  if (error->domain != BEL_ERROR || code == BEL_ERROR_FAILED)
    return g_strdup ("The server could not complete the request; the details are in its log.");
  if (code == BEL_ERROR_INVALID)
    return g_strdup ("Some fields are not valid; see errors.");
  return g_strdup (error->message);
}

char *
bel_problem_to_string (const GError *error,
                       guint        *status_out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;
  BelErrorCode code;
  guint status;

  code = error->domain == BEL_ERROR ? (BelErrorCode) error->code : BEL_ERROR_FAILED;
  status = bel_error_to_status (error);
  if (status == 0)
    status = 500;
  if (status >= 500)
    g_warning ("Request failed: %s", error->message);

  detail = problem_detail (error, code);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, bel_error_type_uri (code));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, bel_error_title (code));
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  if (code == BEL_ERROR_INVALID)
    add_field_errors (builder, error);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  *status_out = status;
  return json_to_string (root, FALSE);
}

void
bel_problem_reply (SoupServerMessage *msg,
                   const GError      *error)
{
  g_autofree char *body = NULL;
  guint status;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (error != NULL);

  body = bel_problem_to_string (error, &status);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}
