/* bel-handlers-profiles.c - student profiles, handoff, search, export, audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-profiles.h"

#include "bel-audit-log.h"
#include "bel-error.h"
#include "bel-profiles.h"

static gboolean
query_id (BelRequest  *request,
          const char  *name,
          gint64      *value,
          GError     **error)
{
  const char *text = bel_request_get_query (request, name);

  *value = 0;
  if (text == NULL || g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, value, NULL))
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "%s: must be an id", name);
  return FALSE;
}

static gboolean
query_limit (BelRequest  *request,
             guint        max,
             guint       *limit,
             GError     **error)
{
  const char *text = bel_request_get_query (request, "limit");
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    {
      *limit = (guint) value;
      return TRUE;
    }
  g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "limit: must be a whole number from 1 to %u", max);
  return FALSE;
}

void
bel_handle_profile_sections (BelRequest *request)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *obj = json_object_new ();
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < bel_profile_n_sections; i++)
    {
      const BelProfileSection *section = &bel_profile_sections[i];
      const char * const *fields = bel_profile_kind_fields (section->kind);
      JsonObject *s = json_object_new ();
      JsonArray *extra = json_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        json_array_add_string_element (extra, fields[j]);
      json_object_set_string_member (s, "section", section->name);
      json_object_set_string_member (s, "title", section->title);
      json_object_set_boolean_member (s, "sensitive", section->sensitive);
      json_object_set_array_member (s, "fields", extra);
      json_array_add_object_element (items, s);
    }
  json_object_set_array_member (obj, "items", items);
  json_node_take_object (node, obj);
  bel_request_reply_json (request, SOUP_STATUS_OK, node);
}

void
bel_handle_profile_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfile) profile = NULL;
  g_autoptr(JsonNode) node = NULL;

  profile = bel_profiles_get (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                              bel_request_get_query (request, "section"), &error);
  if (profile != NULL)
    node = bel_profile_to_json (profile);
  bel_request_reply_json_result (request, node, error);
}

void
bel_handle_profile_entry_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfileEntry) entry = NULL;
  g_autoptr(BelProfileEntry) created = NULL;

  entry = bel_request_decode (request, BEL_TYPE_PROFILE_ENTRY, BEL_MODEL_CREATE, &error);
  if (entry != NULL)
    created = bel_profiles_add (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                                entry, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_profile_entry_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfileEntry) entry = bel_profiles_get_entry (request->engine, request->actor,
                                                             bel_request_get_id (request, "entry_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, entry, error);
}

void
bel_handle_profile_entry_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfileEntry) changes = NULL;
  g_autoptr(BelProfileEntry) entry = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_PROFILE_ENTRY, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    entry = bel_profiles_edit (request->engine, request->actor, bel_request_get_id (request, "entry_id"),
                               version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, entry, error);
}

void
bel_handle_profile_handoff (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = bel_profiles_handoff (request->engine, request->actor,
                                                   bel_request_get_id (request, "student_id"), &error);

  bel_request_reply_json_result (request, node, error);
}

/* PDF with ?format=pdf or when Accept prefers application/pdf; JSON otherwise. */
static const char *
export_format (BelRequest  *request,
               GError     **error)
{
  const char *format = bel_request_get_query (request, "format");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);

  if (format != NULL)
    {
      if (g_str_equal (format, "pdf") || g_str_equal (format, "json"))
        return format;
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "format: must be json or pdf");
      return NULL;
    }
  if (soup_message_headers_header_contains (headers, "Accept", "application/pdf") &&
      !soup_message_headers_header_contains (headers, "Accept", "application/json"))
    return "pdf";
  return "json";
}

static void
reply_pdf (BelRequest *request,
           GBytes     *pdf)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"student-%" G_GINT64_FORMAT "-record.pdf\"",
                                                  bel_request_get_id (request, "student_id"));

  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, "application/pdf", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
}

void
bel_handle_profile_export (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelProfile) profile = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *format = export_format (request, &error);

  if (format != NULL)
    profile = bel_profiles_export (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                                   format, &error);
  if (profile == NULL)
    {
      bel_request_reply_error (request, error);
      return;
    }
  if (g_str_equal (format, "json"))
    {
      node = bel_profile_export_to_json (profile, request->actor);
      bel_request_reply_json (request, SOUP_STATUS_OK, node);
      return;
    }
  pdf = bel_profile_export_to_pdf (profile, request->actor, &error);
  if (pdf == NULL)
    bel_request_reply_error (request, error);
  else
    reply_pdf (request, pdf);
}

void
bel_handle_profile_search (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint limit = BEL_PROFILE_SEARCH_LIMIT_DEFAULT;

  if (query_limit (request, BEL_PROFILE_SEARCH_LIMIT_MAX, &limit, &error))
    node = bel_profiles_search (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                                bel_request_get_query (request, "q"), limit,
                                bel_request_get_query (request, "cursor"), &error);
  bel_request_reply_json_result (request, node, error);
}

static JsonNode *
audit_page_json (BelAuditPage *page)
{
  JsonObject *obj = json_object_new ();
  JsonArray *items = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < page->items->len; i++)
    json_array_add_element (items, bel_model_to_json (page->items->pdata[i]));
  json_object_set_array_member (obj, "items", items);
  if (page->next_cursor != NULL)
    json_object_set_string_member (obj, "next_cursor", page->next_cursor);
  else
    json_object_set_null_member (obj, "next_cursor");
  json_node_take_object (node, obj);
  return node;
}

void
bel_handle_audit_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelAuditPage) page = NULL;
  g_autoptr(JsonNode) node = NULL;
  BelAuditQuery query = {
    .action = bel_request_get_query (request, "action"),
    .section = bel_request_get_query (request, "section"),
    .since = bel_request_get_query (request, "since"),
    .until = bel_request_get_query (request, "until"),
    .cursor = bel_request_get_query (request, "cursor"),
  };

  if (query_id (request, "actor", &query.actor_id, &error) &&
      query_id (request, "student", &query.student_id, &error) &&
      query_limit (request, BEL_AUDIT_LIMIT_MAX, &query.limit, &error))
    page = bel_audit_log_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                               &query, &error);
  if (page != NULL)
    node = audit_page_json (page);
  bel_request_reply_json_result (request, node, error);
}
