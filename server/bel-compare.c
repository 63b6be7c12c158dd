/* bel-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-compare.h"

#include "bel-error.h"
#include "bel-rounds-private.h"

static void
row_clear (BelCompareRow *row)
{
  g_clear_pointer (&row->display_name, g_free);
}

void
bel_comparison_free (BelComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_object (&comparison->from);
  g_clear_object (&comparison->to);
  g_clear_pointer (&comparison->rows, g_array_unref);
  g_free (comparison);
}

const char *
bel_compare_change (const BelCompareRow *row)
{
  if (row->after > row->before)
    return "gained";
  return row->after < row->before ? "lost" : "same";
}

/* When a round started: opened, else created; ties broken by id. */
static gboolean
round_is_later (BelRound *a,
                BelRound *b)
{
  const char *ta = bel_resource_get_string (a, "opened-at");
  const char *tb = bel_resource_get_string (b, "opened-at");
  int c;

  /* A planned round has not started yet: it is later than any opened one. */
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL;
  c = g_strcmp0 (ta, tb);
  if (c != 0)
    return c > 0;
  return bel_resource_get_id (a) > bel_resource_get_id (b);
}

static void
count_category (gint64  adults,
                gint64 *none,
                gint64 *one,
                gint64 *many)
{
  if (adults == 0)
    (*none)++;
  else if (adults == 1)
    (*one)++;
  else
    (*many)++;
}

static void
add_row (BelComparison *c,
         BelStmt  *stmt)
{
  const char *given = bel_column_text (stmt, 1);
  const char *family = bel_column_text (stmt, 2);
  const char *preferred = bel_column_text (stmt, 3);
  BelCompareRow row = {
    .student_id = bel_column_int64 (stmt, 0),
    .display_name = g_strdup_printf ("%s %s", preferred && *preferred ? preferred : (given ?: ""),
                                     family ?: ""),
    .grade = bel_column_int64 (stmt, 4),
    .before = bel_column_int64 (stmt, 5),
    .after = bel_column_int64 (stmt, 6),
  };

  c->students++;
  if (row.after > row.before)
    c->gained++;
  else if (row.after < row.before)
    c->lost++;
  else
    c->unchanged++;
  count_category (row.before, &c->none_before, &c->one_before, &c->many_before);
  count_category (row.after, &c->none_after, &c->one_after, &c->many_after);
  g_array_append_val (c->rows, row);
}

/* Parameters: ?1 from round, ?2 to round, ?3 school. */
static gboolean
read_rows (BelEngine      *engine,
           BelComparison  *c,
           GError        **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *from_roster = bel_rounds_roster_sql (c->from, 1, 3);
  g_autofree char *to_roster = bel_rounds_roster_sql (c->to, 2, 3);
  g_autofree char *sql = g_strdup_printf (
      "SELECT st.id, st.given_name, st.family_name, st.preferred_name, b.grade, "
      "(SELECT COUNT(*) FROM mark m WHERE m.round_id = ?1 AND m.student_id = st.id "
      "AND m.kind = 'relationship'), "
      "(SELECT COUNT(*) FROM mark m WHERE m.round_id = ?2 AND m.student_id = st.id "
      "AND m.kind = 'relationship') "
      "FROM %s a JOIN %s b ON b.student_id = a.student_id JOIN student st ON st.id = a.student_id "
      "ORDER BY st.family_key, st.given_key, st.id", from_roster, to_roster);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (c->from));
  bel_bind_int64 (stmt, 2, bel_resource_get_id (c->to));
  bel_bind_int64 (stmt, 3, bel_resource_get_int (c->from, "school-id"));
  while (bel_store_step_row (store, stmt, &local_error))
    add_row (c, stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

BelComparison *
bel_compare_rounds (BelEngine   *engine,
                    BelAccount  *actor,
                    gint64       round_id,
                    gint64       other_round_id,
                    GError     **error)
{
  g_autoptr(BelComparison) c = g_new0 (BelComparison, 1);
  g_autoptr(BelRound) round = NULL;
  g_autoptr(BelRound) other = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);

  c->rows = g_array_new (FALSE, FALSE, sizeof (BelCompareRow));
  g_array_set_clear_func (c->rows, (GDestroyNotify) row_clear);
  round = bel_rounds_load_for (engine, actor, round_id, error);
  if (round == NULL || (other = bel_rounds_load (engine, other_round_id, error)) == NULL)
    return NULL;
  if (bel_resource_get_int (round, "school-id") != bel_resource_get_int (other, "school-id"))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND,
                   "No round with id %" G_GINT64_FORMAT " in this school", other_round_id);
      return NULL;
    }
  if (round_is_later (round, other))
    {
      c->from = g_steal_pointer (&other);
      c->to = g_steal_pointer (&round);
    }
  else
    {
      c->from = g_steal_pointer (&round);
      c->to = g_steal_pointer (&other);
    }
  if (!read_rows (engine, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

JsonNode *
bel_comparison_to_json (BelComparison *c)
{
  JsonObject *obj;
  JsonObject *totals;
  JsonArray *students;
  JsonNode *node;

  g_return_val_if_fail (c != NULL, NULL);

  obj = json_object_new ();
  json_object_set_member (obj, "from", bel_model_to_json (c->from));
  json_object_set_member (obj, "to", bel_model_to_json (c->to));
  totals = json_object_new ();
  json_object_set_int_member (totals, "students", c->students);
  json_object_set_int_member (totals, "gained", c->gained);
  json_object_set_int_member (totals, "lost", c->lost);
  json_object_set_int_member (totals, "unchanged", c->unchanged);
  json_object_set_int_member (totals, "none_before", c->none_before);
  json_object_set_int_member (totals, "none_after", c->none_after);
  json_object_set_int_member (totals, "one_before", c->one_before);
  json_object_set_int_member (totals, "one_after", c->one_after);
  json_object_set_int_member (totals, "many_before", c->many_before);
  json_object_set_int_member (totals, "many_after", c->many_after);
  json_object_set_object_member (obj, "totals", totals);
  students = json_array_sized_new (c->rows->len);
  for (guint i = 0; i < c->rows->len; i++)
    {
      const BelCompareRow *row = &g_array_index (c->rows, BelCompareRow, i);
      JsonObject *s = json_object_new ();

      json_object_set_int_member (s, "student_id", row->student_id);
      json_object_set_string_member (s, "display_name", row->display_name);
      json_object_set_int_member (s, "grade", row->grade);
      json_object_set_int_member (s, "before", row->before);
      json_object_set_int_member (s, "after", row->after);
      json_object_set_string_member (s, "change", bel_compare_change (row));
      json_array_add_object_element (students, s);
    }
  json_object_set_array_member (obj, "students", students);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}
