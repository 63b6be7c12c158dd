/* bel-advisory-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advisory-history.h"

#include "bel-care-private.h"

static gpointer
stint_from_row (BelStmt *stmt)
{
  return g_object_new (BEL_TYPE_ADVISORY_STINT,
                       "advisory-id", (gint64) bel_column_int64 (stmt, 0),
                       "advisory-name", bel_column_text (stmt, 1),
                       "advisor-id", (gint64) bel_column_int64 (stmt, 2),
                       "advisor-name", bel_column_text (stmt, 3),
                       "school-year", bel_column_text (stmt, 4),
                       "from-date", bel_column_text (stmt, 5),
                       "to-date", bel_column_text (stmt, 6),
                       NULL);
}

GPtrArray *
bel_advisory_history (BelEngine   *engine,
                      BelAccount  *actor,
                      gint64       student_id,
                      GError     **error)
{
  BelCareStudent student;
  BelStore *store;
  g_autoptr(BelStmt) stmt = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error))
    return NULL;
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store,
                            "SELECT m.advisory_id, adv.name, adv.advisor_id, acc.display_name, m.school_year, "
                            "m.from_date, m.to_date FROM advisory_member m "
                            "JOIN advisory adv ON adv.id = m.advisory_id "
                            "LEFT JOIN account acc ON acc.id = adv.advisor_id "
                            "WHERE m.student_id = ? ORDER BY m.from_date, m.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  return bel_care_collect (store, stmt, stint_from_row, error);
}
