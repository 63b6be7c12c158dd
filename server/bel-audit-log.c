/* bel-audit-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-audit-log.h"

#include <string.h>

#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-profile-sections.h"

#define AUDIT_SQL \
  "SELECT au.id, au.at, au.actor_id, ac.display_name, au.action, au.student_id, st.given_name, " \
  "st.family_name, st.preferred_name, au.detail FROM audit au " \
  "JOIN student st ON st.id = au.student_id LEFT JOIN account ac ON ac.id = au.actor_id " \
  "WHERE st.school_id = ?1 AND (?2 = 0 OR au.actor_id = ?2) AND (?3 = 0 OR au.student_id = ?3) " \
  "AND (?4 IS NULL OR au.action = ?4) " \
  "AND (?5 IS NULL OR au.detail = ?5 OR substr (au.detail, 1, length (?5) + 1) = ?5 || ';') " \
  "AND (?6 IS NULL OR au.at >= ?6) AND (?7 IS NULL OR au.at < ?7) AND (?8 = 0 OR au.id < ?8) " \
  "ORDER BY au.id DESC LIMIT ?9"

void
bel_audit_page_free (BelAuditPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/* "section=NAME; via=..." -> "NAME" */
static char *
section_of (const char *detail)
{
  if (detail == NULL || !g_str_has_prefix (detail, "section="))
    return NULL;
  return g_strndup (detail + 8, strcspn (detail + 8, ";"));
}

static BelAuditEntry *
entry_from_row (BelStmt *stmt)
{
  const char *preferred = bel_column_text (stmt, 8);
  g_autofree char *student_name = g_strdup_printf ("%s %s",
                                                   preferred && *preferred ? preferred : bel_column_text (stmt, 6),
                                                   bel_column_text (stmt, 7));
  g_autofree char *section = section_of (bel_column_text (stmt, 9));
  const char *actor_name = bel_column_is_null (stmt, 2) ? "belongingctl" : bel_column_text (stmt, 3);

  return g_object_new (BEL_TYPE_AUDIT_ENTRY,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "at", bel_column_text (stmt, 1),
                       "actor-id", (gint64) bel_column_int64 (stmt, 2),
                       "actor-name", actor_name,
                       "action", bel_column_text (stmt, 4),
                       "student-id", (gint64) bel_column_int64 (stmt, 5),
                       "student-name", student_name,
                       "section", section,
                       "detail", bel_column_text (stmt, 9),
                       NULL);
}

static gboolean
is_time (const char *text)
{
  g_autoptr(GDateTime) t = NULL;

  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    {
      g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", text);
      t = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  else
    t = g_date_time_new_from_iso8601 (text, NULL);
  return t != NULL;
}

static gboolean
check_query (const BelAuditQuery  *query,
             gint64               *before_id,
             GError              **error)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *bad = NULL;

  *before_id = 0;
  if (query->section != NULL && bel_profile_section_find (query->section) == NULL)
    bad = "section: is not a profile section";
  else if (query->since != NULL && !is_time (query->since))
    bad = "since: must be a date (YYYY-MM-DD) or an RFC 3339 time";
  else if (query->until != NULL && !is_time (query->until))
    bad = "until: must be a date (YYYY-MM-DD) or an RFC 3339 time";
  else if (query->cursor != NULL)
    {
      decoded = g_base64_decode (query->cursor, &len);
      text = g_strndup ((const char *) decoded, len);
      if (!g_str_has_prefix (text, "a:") ||
          !g_ascii_string_to_signed (text + 2, 10, 1, G_MAXINT64, before_id, NULL))
        bad = "cursor: is not a cursor of this audit log";
    }
  if (bad == NULL)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, bad);
  return FALSE;
}

BelAuditPage *
bel_audit_log_list (BelEngine           *engine,
                    BelAccount          *actor,
                    gint64               school_id,
                    const BelAuditQuery *query,
                    GError             **error)
{
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelAuditPage) page = NULL;
  g_autofree char *section = NULL;
  gint64 before_id;
  guint limit;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_LEADER, error) ||
      !check_query (query, &before_id, error))
    return NULL;
  limit = query->limit ? MIN (query->limit, BEL_AUDIT_LIMIT_MAX) : BEL_AUDIT_LIMIT_DEFAULT;
  section = query->section ? g_strdup_printf ("section=%s", query->section) : NULL;
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store, AUDIT_SQL, error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->actor_id);
  bel_bind_int64 (stmt, 3, query->student_id);
  bel_bind_text (stmt, 4, query->action);
  bel_bind_text (stmt, 5, section);
  bel_bind_text (stmt, 6, query->since);
  bel_bind_text (stmt, 7, query->until);
  bel_bind_int64 (stmt, 8, before_id);
  bel_bind_int64 (stmt, 9, (gint64) limit + 1);
  page = g_new0 (BelAuditPage, 1);
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      if (page->items->len == limit)
        {
          g_autofree char *next = g_strdup_printf ("a:%" G_GINT64_FORMAT,
                                                   bel_resource_get_id (page->items->pdata[limit - 1]));
          page->next_cursor = g_base64_encode ((const guchar *) next, strlen (next));
          break;
        }
      g_ptr_array_add (page->items, entry_from_row (stmt));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&page);
}
