/* bel-handlers-students.c - students and advisories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers.h"

#include "bel-advisories.h"
#include "bel-error.h"
#include "bel-students.h"

static gboolean
parse_student_query (BelRequest       *request,
                     BelStudentQuery  *query,
                     GError          **error)
{
  const char *active = bel_request_get_query (request, "active");
  gboolean present;
  gint64 advisory = 0, limit = BEL_STUDENT_QUERY_LIMIT_DEFAULT;

  bel_student_query_init (query);
  query->q = bel_request_get_query (request, "q");
  query->cursor = bel_request_get_query (request, "cursor");
  if (!bel_request_query_int (request, "grade", -1, 13, &query->has_grade, &query->grade, error) ||
      !bel_request_query_int (request, "advisory", 1, G_MAXINT64, &present, &advisory, error) ||
      !bel_request_query_int (request, "limit", 1, BEL_STUDENT_QUERY_LIMIT_MAX, &present, &limit, error))
    return FALSE;
  query->advisory_id = advisory;
  query->limit = (guint) limit;
  if (active != NULL && g_strcmp0 (active, "true") != 0 && g_strcmp0 (active, "false") != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "active: must be true or false");
      return FALSE;
    }
  query->active = g_strcmp0 (active, "false") != 0;
  return TRUE;
}

static JsonNode *
page_json (BelStudentPage *page)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autoptr(JsonArray) items = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < page->items->len; i++)
    json_array_add_element (items, bel_model_to_json (g_ptr_array_index (page->items, i)));
  json_object_set_array_member (obj, "items", g_steal_pointer (&items));
  json_object_set_int_member (obj, "total", page->total);
  if (page->next_cursor != NULL)
    json_object_set_string_member (obj, "next_cursor", page->next_cursor);
  else
    json_object_set_null_member (obj, "next_cursor");
  json_node_set_object (node, obj);
  return node;
}

void
bel_handle_students_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudentPage) page = NULL;
  g_autoptr(JsonNode) node = NULL;
  BelStudentQuery query;

  if (parse_student_query (request, &query, &error))
    page = bel_students_list (request->engine, request->actor,
                              bel_request_get_id (request, "school_id"), &query, &error);
  if (page == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  node = page_json (page);
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
}

void
bel_handle_students_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelStudent) created = NULL;

  student = bel_request_decode (request, BEL_TYPE_STUDENT, BEL_MODEL_CREATE, &error);
  if (student != NULL)
    created = bel_students_create (request->engine, request->actor,
                                   bel_request_get_id (request, "school_id"), student, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_students_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) student = bel_students_get (request->engine, request->actor,
                                                    bel_request_get_id (request, "student_id"),
                                                    &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, student, error);
}

void
bel_handle_students_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) changes = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_STUDENT, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    student = bel_students_update (request->engine, request->actor,
                                   bel_request_get_id (request, "student_id"), version,
                                   changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, student, error);
}

void
bel_handle_advisories_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) advisories = bel_advisories_list (request->engine, request->actor,
                                                         bel_request_get_id (request, "school_id"),
                                                         &error);

  if (advisories == NULL)
    bel_request_reply_error (request, error);
  else
    bel_request_reply_list (request, advisories);
}

void
bel_handle_advisories_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvisory) advisory = NULL;
  g_autoptr(BelAdvisory) created = NULL;

  advisory = bel_request_decode (request, BEL_TYPE_ADVISORY, BEL_MODEL_CREATE, &error);
  if (advisory != NULL)
    created = bel_advisories_create (request->engine, request->actor,
                                     bel_request_get_id (request, "school_id"), advisory, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_advisories_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAdvisory) advisory = bel_advisories_get (request->engine, request->actor,
                                                        bel_request_get_id (request, "advisory_id"),
                                                        &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, advisory, error);
}
