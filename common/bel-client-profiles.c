/* bel-client-profiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-profiles.h"
#include "bel-client-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bel-audit-entry.h"
#include "bel-error.h"
#include "bel-model.h"
#include "bel-profile-search-hit.h"
#include "bel-profile-section-entries.h"
#include "bel-profile-sections.h"

static void
keep_next_cursor (JsonNode *node,
                  GTask    *task)
{
  JsonNode *cursor = bel_client_json_member (node, "next_cursor");

  if (cursor != NULL && json_node_get_value_type (cursor) == G_TYPE_STRING)
    g_object_set_data_full (G_OBJECT (task), "bel-next-cursor",
                            g_strdup (json_node_get_string (cursor)), g_free);
}

/* ---- decoders ---- */

static gpointer
decode_profile (JsonNode *node, GTask *task, GError **error)
{
  return bel_model_list_from_json (BEL_TYPE_PROFILE_SECTION_ENTRIES,
                                   bel_client_json_member (node, "sections"), error);
}

static gpointer
decode_entry (JsonNode *node, GTask *task, GError **error)
{
  return bel_model_new_from_json (BEL_TYPE_PROFILE_ENTRY, node, BEL_MODEL_TRUST, error);
}

static gpointer
decode_handoff (JsonNode *node, GTask *task, GError **error)
{
  return bel_handoff_new_from_json (node, error);
}

static gpointer
decode_hits (JsonNode *node, GTask *task, GError **error)
{
  keep_next_cursor (node, task);
  return bel_model_list_from_json (BEL_TYPE_PROFILE_SEARCH_HIT, bel_client_json_member (node, "items"), error);
}

static gpointer
decode_audit (JsonNode *node, GTask *task, GError **error)
{
  keep_next_cursor (node, task);
  return bel_model_list_from_json (BEL_TYPE_AUDIT_ENTRY, bel_client_json_member (node, "items"), error);
}

/* ---- the profile ---- */

void
bel_client_get_profile_async (BelClient          *client,
                              gint64              student_id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile", student_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, decode_profile, (GDestroyNotify) g_ptr_array_unref,
                        G_TYPE_INVALID, bel_client_get_profile_async, cancellable, callback, user_data);
}

GPtrArray *
bel_client_get_profile_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_get_profile_async, error);
}

/* ---- entries ---- */

/* The JSON of a request: only the fields a client may send, and only those set. */
static JsonNode *
entry_request (BelProfileEntry *entry,
               gboolean         create)
{
  g_autoptr(JsonNode) all = bel_model_to_json (entry);
  JsonObject *from = json_node_get_object (all);
  const BelProfileSection *section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  const char * const *kind_fields = bel_profile_kind_fields (section ? section->kind : BEL_PROFILE_KIND_TEXT);
  const char * const common[] = { "section", "body", "observed_on", "supersedes_id", "school_year", NULL };
  g_autoptr(JsonObject) to = json_object_new ();
  JsonNode *node;

  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *names = pass == 0 ? common : kind_fields;

      for (guint i = 0; names[i] != NULL; i++)
        {
          node = json_object_get_member (from, names[i]);
          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!create && (g_str_equal (names[i], "section") || g_str_equal (names[i], "supersedes_id") ||
                          g_str_equal (names[i], "school_year")))
            continue;
          /* An unset id or rate is 0 or below its minimum, not a value. */
          if (g_str_equal (names[i], "supersedes_id") && json_node_get_int (node) <= 0)
            continue;
          if (g_str_equal (names[i], "attendance_rate") && json_node_get_double (node) < 0)
            continue;
          json_object_set_member (to, names[i], json_node_copy (node));
        }
    }
  return json_node_init_object (json_node_alloc (), to);
}

void
bel_client_add_profile_entry_async (BelClient          *client,
                                    gint64              student_id,
                                    BelProfileEntry    *entry,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_PROFILE_ENTRY (entry));

  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/profile/entries", student_id);
  body = entry_request (entry, TRUE);
  bel_client_call_full (client, "POST", path, NULL, body, 0, decode_entry, g_object_unref,
                        G_TYPE_INVALID, bel_client_profile_entry_finish, cancellable, callback, user_data);
}

void
bel_client_edit_profile_entry_async (BelClient          *client,
                                     gint64              entry_id,
                                     gint64              version,
                                     BelProfileEntry    *changes,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (BEL_IS_PROFILE_ENTRY (changes));
  g_return_if_fail (version > 0);

  path = g_strdup_printf ("/api/v1/profile-entries/%" G_GINT64_FORMAT, entry_id);
  body = entry_request (changes, FALSE);
  bel_client_call_full (client, "PATCH", path, NULL, body, version, decode_entry, g_object_unref,
                        G_TYPE_INVALID, bel_client_profile_entry_finish, cancellable, callback, user_data);
}

void
bel_client_get_profile_entry_async (BelClient          *client,
                                    gint64              entry_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/profile-entries/%" G_GINT64_FORMAT, entry_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, decode_entry, g_object_unref,
                        G_TYPE_INVALID, bel_client_profile_entry_finish, cancellable, callback, user_data);
}

BelProfileEntry *
bel_client_profile_entry_finish (BelClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_profile_entry_finish, error);
}

/* ---- handoff ---- */

void
bel_client_get_handoff_async (BelClient          *client,
                              gint64              student_id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT "/handoff", student_id);

  g_return_if_fail (BEL_IS_CLIENT (client));
  bel_client_call_full (client, "GET", path, NULL, NULL, 0, decode_handoff, g_object_unref,
                        G_TYPE_INVALID, bel_client_get_handoff_async, cancellable, callback, user_data);
}

BelHandoff *
bel_client_get_handoff_finish (BelClient     *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_get_handoff_async, error);
}

/* ---- search and audit ---- */

void
bel_client_search_profiles_async (BelClient          *client,
                                  gint64              school_id,
                                  const char         *q,
                                  guint               limit,
                                  const char         *cursor,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (q != NULL);

  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/profile-search", school_id);
  g_hash_table_insert (query, "q", g_strdup (q));
  if (limit > 0)
    g_hash_table_insert (query, "limit", g_strdup_printf ("%u", limit));
  if (cursor != NULL && *cursor != '\0')
    g_hash_table_insert (query, "cursor", g_strdup (cursor));
  bel_client_call_full (client, "GET", path, query, NULL, 0, decode_hits, (GDestroyNotify) g_ptr_array_unref,
                        G_TYPE_INVALID, bel_client_search_profiles_async, cancellable, callback, user_data);
}

static GPtrArray *
propagate_page (BelClient     *client,
                GAsyncResult  *result,
                gpointer       source_tag,
                char         **next_cursor,
                GError       **error)
{
  GPtrArray *items = bel_client_call_finish (client, result, source_tag, error);

  if (next_cursor != NULL)
    *next_cursor = items != NULL ? g_strdup (g_object_get_data (G_OBJECT (result), "bel-next-cursor"))
                                 : NULL;
  return items;
}

GPtrArray *
bel_client_search_profiles_finish (BelClient     *client,
                                   GAsyncResult  *result,
                                   char         **next_cursor,
                                   GError       **error)
{
  return propagate_page (client, result, bel_client_search_profiles_async, next_cursor, error);
}

void
bel_client_list_audit_async (BelClient          *client,
                             gint64              school_id,
                             GHashTable         *filters,
                             guint               limit,
                             const char         *cursor,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (BEL_IS_CLIENT (client));

  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/audit", school_id);
  if (filters != NULL)
    {
      g_hash_table_iter_init (&iter, filters);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value != NULL && *(const char *) value != '\0')
          g_hash_table_insert (query, g_strdup (key), g_strdup (value));
    }
  if (limit > 0)
    g_hash_table_insert (query, g_strdup ("limit"), g_strdup_printf ("%u", limit));
  if (cursor != NULL && *cursor != '\0')
    g_hash_table_insert (query, g_strdup ("cursor"), g_strdup (cursor));
  bel_client_call_full (client, "GET", path, query, NULL, 0, decode_audit, (GDestroyNotify) g_ptr_array_unref,
                        G_TYPE_INVALID, bel_client_list_audit_async, cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_audit_finish (BelClient     *client,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              GError       **error)
{
  return propagate_page (client, result, bel_client_list_audit_async, next_cursor, error);
}

/* ---- export: bytes, not JSON ---- */

#define DOWNLOAD_SESSION "bel-download-session"

/* Connections made under other trusted certificates must not serve the next
 * downloads: they get a new session (those under way finish in this one). */
static void
drop_download_session (SoupSession *session)
{
  BelClient *client = g_object_get_data (G_OBJECT (session), "bel-client");

  if (g_object_get_data (G_OBJECT (client), DOWNLOAD_SESSION) == session)
    g_object_set_data (G_OBJECT (client), DOWNLOAD_SESSION, NULL);
}

static SoupSession *
download_session (BelClient *client)
{
  SoupSession *session = g_object_get_data (G_OBJECT (client), DOWNLOAD_SESSION);

  if (session == NULL)
    {
      session = g_object_new (SOUP_TYPE_SESSION, "timeout", 60,
                              "user-agent", "Belonging/" PACKAGE_VERSION " ", NULL);
      g_object_set_data (G_OBJECT (session), "bel-client", client);
      g_object_set_data_full (G_OBJECT (client), DOWNLOAD_SESSION, session, g_object_unref);
      g_signal_connect_object (bel_client_get_tls_pins (client), "changed", G_CALLBACK (drop_download_session),
                               session, G_CONNECT_SWAPPED);
    }
  return session;
}

static void
download_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        {
          BelClient *client = g_task_get_source_object (task);
          g_task_return_error (task, bel_tls_pins_refusal_error (bel_client_get_tls_pins (client),
                                                                 bel_client_get_base_url (client)));
        }
      else
        g_task_return_new_error (task, BEL_ERROR, BEL_ERROR_NETWORK, _("Can't reach the server at %s."),
                                 bel_client_get_base_url (BEL_CLIENT (g_task_get_source_object (task))));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      g_task_return_error (task, bel_client_reply_error (msg, body));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

void
bel_client_export_record_async (BelClient          *client,
                                gint64              student_id,
                                const char         *format,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *msg;
  const char *token;

  g_return_if_fail (BEL_IS_CLIENT (client));
  g_return_if_fail (g_strcmp0 (format, "json") == 0 || g_strcmp0 (format, "pdf") == 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, bel_client_export_record_async);
  url = g_strdup_printf ("%s/api/v1/students/%" G_GINT64_FORMAT "/export?format=%s",
                         bel_client_get_base_url (client), student_id, format);
  msg = soup_message_new ("GET", url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, BEL_ERROR, BEL_ERROR_NETWORK, _("Can't reach the server at %s."),
                               bel_client_get_base_url (client));
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);
  bel_tls_pins_watch (bel_client_get_tls_pins (client), msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept",
                                g_str_equal (format, "pdf") ? "application/pdf" : "application/json");
  token = bel_client_get_token (client);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  soup_session_send_and_read_async (download_session (client), msg, G_PRIORITY_DEFAULT, cancellable,
                                    download_cb, g_steal_pointer (&task));
}

GBytes *
bel_client_export_record_finish (BelClient     *client,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return bel_client_call_finish (client, result, bel_client_export_record_async, error);
}
