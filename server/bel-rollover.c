/* bel-rollover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-rollover.h"

#include "bel-engine-private.h"
#include "bel-error.h"

#include <string.h>

#define LAST_GRADE 12

void
bel_rollover_free (BelRollover *rollover)
{
  if (rollover == NULL)
    return;
  g_free (rollover->school_name);
  g_free (rollover->from_year);
  g_free (rollover->to_year);
  g_free (rollover);
}

char *
bel_rollover_next_year (const char *year)
{
  g_autofree char *first = NULL;
  guint64 start, end;

  if (year == NULL || strlen (year) != 9 || year[4] != '-')
    return NULL;
  first = g_strndup (year, 4);
  if (!g_ascii_string_to_unsigned (first, 10, 1900, 2998, &start, NULL) ||
      !g_ascii_string_to_unsigned (year + 5, 10, 1901, 2999, &end, NULL) || end != start + 1)
    return NULL;
  return g_strdup_printf ("%u-%u", (guint) end, (guint) end + 1);
}

static gboolean
load_school (BelEngine    *engine,
             BelRollover  *r,
             GError      **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT name, school_year FROM school WHERE id = ?",
                                                    error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, r->school_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error == NULL)
        local_error = g_error_new (BEL_ERROR, BEL_ERROR_NOT_FOUND, "There is no school %" G_GINT64_FORMAT,
                                   r->school_id);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  r->school_name = g_strdup (bel_column_text (stmt, 0));
  r->from_year = g_strdup (bel_column_text (stmt, 1));
  return TRUE;
}

static gboolean
check_years (BelRollover  *r,
             GError      **error)
{
  g_autofree char *next = bel_rollover_next_year (r->from_year);

  if (r->from_year != NULL && g_strcmp0 (r->from_year, r->to_year) == 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT, "%s is already in %s", r->school_name, r->to_year);
      return FALSE;
    }
  if (r->from_year != NULL && next != NULL && g_strcmp0 (next, r->to_year) != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT, "%s is in %s: the next school year is %s, not %s",
                   r->school_name, r->from_year, next, r->to_year);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql bound with (school_id, now, today, to_year) as ?1..?4; returns the changed rows, -1 on error. */
static int
run (BelEngine   *engine,
     BelRollover *r,
     const char  *sql,
     GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(GDateTime) date = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (date, "%Y-%m-%d");

  if (stmt == NULL)
    return -1;
  bel_bind_int64 (stmt, 1, r->school_id);
  for (int i = 2; i <= bel_stmt_param_count (stmt); i++)
    bel_bind_text (stmt, i, i == 2 ? now : i == 3 ? today : r->to_year);
  if (!bel_store_step_done (store, stmt, error))
    return -1;
  return bel_store_changes (store);
}

#define ACTIVE_STUDENTS "SELECT id FROM student WHERE school_id = ?1 AND active = 1"

static gboolean
move_students (BelEngine   *engine,
               BelRollover *r,
               gboolean     loop_advisories,
               GError     **error)
{
  int n;

  /* Graduates leave their advisory (its history row closes) and become inactive. */
  n = run (engine, r, "UPDATE advisory_member SET to_date = ?3 WHERE to_date IS NULL AND student_id IN ("
           ACTIVE_STUDENTS " AND grade >= " G_STRINGIFY (LAST_GRADE) ")", error);
  if (n < 0)
    return FALSE;
  r->left_advisory += n;
  n = run (engine, r, "UPDATE student SET active = 0, advisory_id = NULL, version = version + 1, "
           "updated_at = ?2 WHERE school_id = ?1 AND active = 1 AND grade >= " G_STRINGIFY (LAST_GRADE), error);
  if (n < 0)
    return FALSE;
  r->graduated = n;
  n = run (engine, r, "UPDATE student SET grade = grade + 1, version = version + 1, updated_at = ?2 "
           "WHERE school_id = ?1 AND active = 1", error);
  if (n < 0)
    return FALSE;
  r->advanced = n;

  /* Last year's advisory rows close; looping opens the same advisory for the new year. */
  if (loop_advisories)
    {
      n = run (engine, r, "INSERT INTO advisory_member (student_id, advisory_id, school_year, from_date) "
               "SELECT id, advisory_id, ?4, ?3 FROM student WHERE school_id = ?1 AND active = 1 "
               "AND advisory_id IS NOT NULL", error);
      if (n < 0)
        return FALSE;
      r->looped = n;
    }
  n = run (engine, r, "UPDATE advisory_member SET to_date = ?3 WHERE to_date IS NULL "
           "AND (school_year IS DISTINCT FROM ?4) AND student_id IN (" ACTIVE_STUDENTS ")", error);
  if (n < 0)
    return FALSE;
  if (!loop_advisories)
    {
      r->left_advisory += n;
      if (run (engine, r, "UPDATE student SET advisory_id = NULL WHERE school_id = ?1 AND active = 1", error) < 0)
        return FALSE;
    }
  return TRUE;
}

BelRollover *
bel_rollover_school (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       school_id,
                     const char  *to_year,
                     gboolean     loop_advisories,
                     GError     **error)
{
  g_autoptr(BelRollover) r = g_new0 (BelRollover, 1);
  g_autoptr(BelTransaction) tx = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_admin (actor, error))
    return NULL;
  after = bel_rollover_next_year (to_year);
  if (after == NULL)
    {
      bel_set_invalid_field (error, "school_year", "must be a school year such as 2027-2028");
      return NULL;
    }
  r->school_id = school_id;
  r->to_year = g_strdup (to_year);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !load_school (engine, r, error) || !check_years (r, error) ||
      !move_students (engine, r, loop_advisories, error) ||
      run (engine, r, "UPDATE school SET school_year = ?4, version = version + 1, updated_at = ?2 "
           "WHERE id = ?1", error) < 0)
    return NULL;
  detail = g_strdup_printf ("%s -> %s: %u advanced, %u graduated, %u looped", r->from_year ? r->from_year : "-",
                            r->to_year, r->advanced, r->graduated, r->looped);
  bel_engine_audit (engine, actor, "school.rollover", 0, detail);
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&r);
}
