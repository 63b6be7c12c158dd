/* bel-client-school.c - the school's rosters: schools, students, advisories, staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bel-client-private.h"

#include "bel-advisory.h"
#include "bel-membership.h"
#include "bel-school.h"
#include "bel-student.h"

/* A list reply whose items are models of the call's type. */
static gpointer
decode_items (JsonNode  *node,
              GTask     *task,
              GError   **error)
{
  GPtrArray *items = bel_client_decode_list (node, task, error);

  if (items == NULL)
    g_prefix_error (error, "%s", _("The server sent a list Belonging could not read: "));
  return items;
}

static void
list (BelClient          *self,
      const char         *path,
      GHashTable         *query,
      GType               type,
      BelClientDecodeFunc decode,
      gpointer            source_tag,
      GCancellable       *cancellable,
      GAsyncReadyCallback callback,
      gpointer            user_data)
{
  bel_client_call_full (self, "GET", path, query, NULL, 0, decode, (GDestroyNotify) g_ptr_array_unref,
                        type, source_tag, cancellable, callback, user_data);
}

void
bel_client_list_schools_async (BelClient          *self,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_return_if_fail (BEL_IS_CLIENT (self));
  list (self, "/api/v1/schools", NULL, BEL_TYPE_SCHOOL, decode_items, bel_client_list_schools_async,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_schools_finish (BelClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return bel_client_call_finish (self, result, bel_client_list_schools_async, error);
}

/* ---- students ---- */

typedef struct {
  gint64  total;
  char   *next_cursor;
} PageInfo;

static void
page_info_free (PageInfo *info)
{
  g_free (info->next_cursor);
  g_free (info);
}

static gpointer
decode_students (JsonNode  *node,
                 GTask     *task,
                 GError   **error)
{
  GPtrArray *items = decode_items (node, task, error);
  JsonNode *total = bel_client_json_member (node, "total");
  JsonNode *cursor = bel_client_json_member (node, "next_cursor");
  PageInfo *info;

  if (items == NULL)
    return NULL;
  info = g_new0 (PageInfo, 1);
  info->total = (total && json_node_get_value_type (total) == G_TYPE_INT64)
                  ? json_node_get_int (total) : (gint64) items->len;
  if (cursor != NULL && json_node_get_value_type (cursor) == G_TYPE_STRING)
    info->next_cursor = g_strdup (json_node_get_string (cursor));
  g_object_set_data_full (G_OBJECT (task), "bel-page-info", info, (GDestroyNotify) page_info_free);
  return items;
}

void
bel_client_list_students_async (BelClient          *self,
                                gint64              school_id,
                                const char         *q,
                                int                 grade,
                                gint64              advisory_id,
                                const char         *cursor,
                                guint               limit,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GHashTable) query = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *path = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));

  if (q != NULL && *q != '\0')
    g_hash_table_insert (query, "q", g_strdup (q));
  if (grade != BEL_CLIENT_ANY_GRADE)
    g_hash_table_insert (query, "grade", g_strdup_printf ("%d", grade));
  if (advisory_id > 0)
    g_hash_table_insert (query, "advisory", g_strdup_printf ("%" G_GINT64_FORMAT, advisory_id));
  if (cursor != NULL && *cursor != '\0')
    g_hash_table_insert (query, "cursor", g_strdup (cursor));
  if (limit > 0)
    g_hash_table_insert (query, "limit", g_strdup_printf ("%u", limit));

  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/students", school_id);
  list (self, path, query, BEL_TYPE_STUDENT, decode_students, bel_client_list_students_async,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_students_finish (BelClient     *self,
                                 GAsyncResult  *result,
                                 gint64        *total,
                                 char         **next_cursor,
                                 GError       **error)
{
  GPtrArray *items = bel_client_call_finish (self, result, bel_client_list_students_async, error);
  PageInfo *info = g_object_get_data (G_OBJECT (result), "bel-page-info");

  if (total != NULL)
    *total = (items && info) ? info->total : 0;
  if (next_cursor != NULL)
    *next_cursor = (items && info) ? g_strdup (info->next_cursor) : NULL;
  return items;
}

void
bel_client_get_student_async (BelClient          *self,
                              gint64              student_id,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));
  path = g_strdup_printf ("/api/v1/students/%" G_GINT64_FORMAT, student_id);
  bel_client_call_model (self, "GET", path, NULL, 0, BEL_TYPE_STUDENT, bel_client_get_student_async,
                         cancellable, callback, user_data);
}

BelStudent *
bel_client_get_student_finish (BelClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return bel_client_call_finish (self, result, bel_client_get_student_async, error);
}

/* ---- advisories and staff ---- */

void
bel_client_list_advisories_async (BelClient          *self,
                                  gint64              school_id,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/advisories", school_id);
  list (self, path, NULL, BEL_TYPE_ADVISORY, decode_items, bel_client_list_advisories_async,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_advisories_finish (BelClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return bel_client_call_finish (self, result, bel_client_list_advisories_async, error);
}

void
bel_client_list_staff_async (BelClient          *self,
                             gint64              school_id,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));
  path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/staff", school_id);
  list (self, path, NULL, BEL_TYPE_MEMBERSHIP, decode_items, bel_client_list_staff_async,
        cancellable, callback, user_data);
}

GPtrArray *
bel_client_list_staff_finish (BelClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return bel_client_call_finish (self, result, bel_client_list_staff_async, error);
}
