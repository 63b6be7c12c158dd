/* bel-survey-results.c - tallies a window's responses into cells and suppresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-survey-results.h"

#include <string.h>

#include "bel-survey-suppress.h"
#include "bel-surveys-private.h"

typedef struct {
  gint64  response_id;
  gint   *values;      /* per agreement item, 0 = skipped */
  gboolean any;
} Response;

static void
cell_free (BelSurveyCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->key);
  g_free (cell->label);
  g_clear_pointer (&cell->owners, g_array_unref);
  g_free (cell->item_n);
  g_free (cell->dist);
  g_free (cell->item_suppressed);
  g_free (cell);
}

static BelSurveyCell *
cell_new (const char *key,
          const char *label,
          guint       n_items)
{
  BelSurveyCell *cell = g_new0 (BelSurveyCell, 1);

  cell->key = g_strdup (key);
  cell->label = g_strdup (label);
  cell->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  cell->item_n = g_new0 (gint64, MAX (n_items, 1));
  cell->dist = g_new0 (gint64, MAX (n_items, 1) * 5);
  cell->item_suppressed = g_new0 (gboolean, MAX (n_items, 1));
  return cell;
}

static void
cell_add (BelSurveyCell  *cell,
          const Response *r,
          guint           n_items)
{
  if (!r->any)
    return;
  cell->respondents++;
  for (guint i = 0; i < n_items; i++)
    if (r->values[i] >= 1 && r->values[i] <= 5)
      {
        cell->item_n[i]++;
        cell->dist[i * 5 + (guint) (r->values[i] - 1)]++;
      }
}

static void
cell_add_owner (BelSurveyCell *cell,
                gint64         account_id)
{
  for (guint i = 0; i < cell->owners->len; i++)
    if (g_array_index (cell->owners, gint64, i) == account_id)
      return;
  if (account_id != 0)
    g_array_append_val (cell->owners, account_id);
}

static void
breakdown_free (BelSurveyBreakdown *b)
{
  g_free (b->key);
  g_free (b->label);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
  cell_free (b->small_groups);
  g_free (b);
}

void
bel_survey_results_free (BelSurveyResults *results)
{
  if (results == NULL)
    return;
  g_clear_object (&results->survey);
  g_clear_object (&results->window);
  g_clear_pointer (&results->items, g_ptr_array_unref);
  cell_free (results->overall);
  g_clear_pointer (&results->breakdowns, g_ptr_array_unref);
  g_free (results);
}

/* A roster attribute's name as a heading: "home_language" -> "Home language". */
static char *
attribute_label (const char *name)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (name), "_", ' ');
  gunichar first = g_utf8_get_char (spaced);
  const char *rest = g_utf8_next_char (spaced);
  GString *out = g_string_new (NULL);

  if (first != 0)
    g_string_append_unichar (out, g_unichar_totitle (first));
  g_string_append (out, first != 0 ? rest : "");
  return g_string_free (out, FALSE);
}

static BelSurveyBreakdown *
breakdown_for (BelSurveyResults *results,
               const char       *key,
               const char       *label,
               gboolean          partition)
{
  BelSurveyBreakdown *b;

  for (guint i = 0; i < results->breakdowns->len; i++)
    {
      b = g_ptr_array_index (results->breakdowns, i);
      if (g_str_equal (b->key, key))
        return b;
    }
  b = g_new0 (BelSurveyBreakdown, 1);
  b->key = g_strdup (key);
  b->label = g_str_has_prefix (key, "attr:") ? attribute_label (label) : g_strdup (label);
  b->partition = partition;
  b->teacher_own = g_str_equal (key, "advisory") || g_str_equal (key, "class");
  b->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  g_ptr_array_add (results->breakdowns, b);
  return b;
}

static BelSurveyCell *
cell_for (BelSurveyBreakdown *b,
          const char         *key,
          const char         *label,
          guint               n_items)
{
  BelSurveyCell *cell;

  for (guint i = 0; i < b->cells->len; i++)
    {
      cell = g_ptr_array_index (b->cells, i);
      if (g_str_equal (cell->key, key))
        return cell;
    }
  cell = cell_new (key, label, n_items);
  g_ptr_array_add (b->cells, cell);
  return cell;
}

/* ---- loading ---- */

static void
response_free (gpointer data)
{
  Response *r = data;

  g_free (r->values);
  g_free (r);
}

static GHashTable *
load_answers (BelEngine   *engine,
              gint64       window_id,
              GPtrArray   *items,
              GError     **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, response_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT a.response_id, a.item_id, a.value FROM survey_answer a "
      "JOIN survey_response r ON r.id = a.response_id WHERE r.window_id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, window_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 response_id = bel_column_int64 (stmt, 0);
      Response *r = g_hash_table_lookup (out, &response_id);

      if (r == NULL)
        {
          r = g_new0 (Response, 1);
          r->response_id = response_id;
          r->values = g_new0 (gint, MAX (items->len, 1));
          g_hash_table_insert (out, &r->response_id, r);
        }
      for (guint i = 0; i < items->len; i++)
        if (bel_resource_get_id (g_ptr_array_index (items, i)) == bel_column_int64 (stmt, 1))
          {
            r->values[i] = bel_column_int (stmt, 2);
            r->any = TRUE;
          }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* class id -> GArray of teacher account ids; and student id -> GArray of class ids */
typedef struct {
  GHashTable *class_title;    /* class id -> title */
  GHashTable *class_teachers; /* class id -> GArray gint64 */
  GHashTable *student_classes; /* student id -> GArray gint64 */
} Classes;

static void
classes_clear (Classes *c)
{
  g_clear_pointer (&c->class_title, g_hash_table_unref);
  g_clear_pointer (&c->class_teachers, g_hash_table_unref);
  g_clear_pointer (&c->student_classes, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Classes, classes_clear)

static void
multimap_add (GHashTable *map,
              gint64      key,
              gint64      value)
{
  GArray *values = g_hash_table_lookup (map, &key);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (map, g_memdup2 (&key, sizeof key), values);
    }
  g_array_append_val (values, value);
}

static gboolean
load_classes (BelEngine  *engine,
              gint64      school_id,
              Classes    *c,
              GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT c.id, c.title, e.role, e.student_id, e.account_id FROM class c JOIN enrollment e ON e.class_id = c.id "
      "WHERE c.school_id = ? AND c.active = 1 AND e.active = 1 AND e.role IN ('student', 'teacher')", error);

  c->class_title = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  c->class_teachers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  c->student_classes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 class_id = bel_column_int64 (stmt, 0);

      if (!g_hash_table_contains (c->class_title, &class_id))
        g_hash_table_insert (c->class_title, g_memdup2 (&class_id, sizeof class_id),
                             g_strdup (bel_column_text (stmt, 1)));
      if (g_strcmp0 (bel_column_text (stmt, 2), "teacher") == 0)
        multimap_add (c->class_teachers, class_id, bel_column_int64 (stmt, 4));
      else
        multimap_add (c->student_classes, bel_column_int64 (stmt, 3), class_id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- grouping one response ---- */

static char *
grade_label (BelStmt *stmt)
{
  gint64 grade = bel_column_int64 (stmt, 2);

  if (bel_column_is_null (stmt, 2))
    return g_strdup ("Grade not recorded");
  if (grade <= 0)
    return g_strdup (grade == 0 ? "Kindergarten" : "Pre-kindergarten");
  return g_strdup_printf ("Grade %" G_GINT64_FORMAT, grade);
}

static void
add_fixed (BelSurveyResults *results,
           BelStmt     *stmt,
           const Response   *r,
           guint             n)
{
  g_autofree char *grade_key = bel_column_is_null (stmt, 2)
                               ? g_strdup ("~unknown") : g_strdup_printf ("%02" G_GINT64_FORMAT,
                                                                          (gint64) bel_column_int64 (stmt, 2) + 1);
  g_autofree char *grade = grade_label (stmt);
  g_autofree char *advisory_key = NULL;
  BelSurveyCell *cell;

  cell_add (cell_for (breakdown_for (results, "grade", "Grade", TRUE), grade_key, grade, n), r, n);
  advisory_key = bel_column_is_null (stmt, 3)
                 ? g_strdup ("~none") : g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) bel_column_int64 (stmt, 3));
  cell = cell_for (breakdown_for (results, "advisory", "Advisory", TRUE), advisory_key,
                   bel_column_is_null (stmt, 3) ? "No advisory" : bel_column_text (stmt, 4), n);
  cell_add (cell, r, n);
  cell_add_owner (cell, bel_column_int64 (stmt, 5));
}

static void
add_subgroups (BelSurveyResults *results,
               BelStmt     *stmt,
               const Response   *r,
               guint             n,
               GHashTable       *attribute_keys)
{
  gboolean known = !bel_column_is_null (stmt, 1) && !bel_column_is_null (stmt, 6);
  const char *el = bel_column_text (stmt, 6);
  BelSurveyBreakdown *b;
  g_autoptr(JsonNode) attrs = known ? json_from_string (bel_column_text (stmt, 9), NULL) : NULL;
  JsonObject *obj = attrs && JSON_NODE_HOLDS_OBJECT (attrs) ? json_node_get_object (attrs) : NULL;
  GHashTableIter iter;
  gpointer key;

  b = breakdown_for (results, "el_status", "English learner status", TRUE);
  if (!known)
    cell_add (cell_for (b, "~unknown", "Not recorded", n), r, n);
  else if (g_strcmp0 (el, "current") == 0)
    cell_add (cell_for (b, "current", "English learners", n), r, n);
  else if (g_strcmp0 (el, "former") == 0)
    cell_add (cell_for (b, "former", "Former English learners", n), r, n);
  else
    cell_add (cell_for (b, "none", "Not English learners", n), r, n);
  b = breakdown_for (results, "iep_504", "IEP or 504 plan", TRUE);
  if (!known)
    cell_add (cell_for (b, "~unknown", "Not recorded", n), r, n);
  else if (bel_column_int (stmt, 7) || bel_column_int (stmt, 8))
    cell_add (cell_for (b, "yes", "IEP or 504 plan", n), r, n);
  else
    cell_add (cell_for (b, "no", "No IEP or 504 plan", n), r, n);
  g_hash_table_iter_init (&iter, attribute_keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *bkey = g_strdup_printf ("attr:%s", (const char *) key);
      const char *value = obj ? json_object_get_string_member_with_default (obj, key, NULL) : NULL;

      b = breakdown_for (results, bkey, key, TRUE);
      if (value == NULL || *value == '\0')
        cell_add (cell_for (b, "~unknown", "Not recorded", n), r, n);
      else
        cell_add (cell_for (b, value, value, n), r, n);
    }
}

static void
add_classes (BelSurveyResults *results,
             Classes          *classes,
             gint64            student_id,
             const Response   *r,
             guint             n)
{
  BelSurveyBreakdown *b = breakdown_for (results, "class", "Class", FALSE);
  GArray *ids = g_hash_table_lookup (classes->student_classes, &student_id);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 class_id = g_array_index (ids, gint64, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, class_id);
      BelSurveyCell *cell = cell_for (b, key, g_hash_table_lookup (classes->class_title, &class_id), n);
      GArray *teachers = g_hash_table_lookup (classes->class_teachers, &class_id);

      cell_add (cell, r, n);
      for (guint t = 0; teachers != NULL && t < teachers->len; t++)
        cell_add_owner (cell, g_array_index (teachers, gint64, t));
    }
}

/* The roster attribute names (e.g. gender) of the school's students. */
static GHashTable *
attribute_keys (BelEngine  *engine,
                gint64      window_id,
                GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT DISTINCT j.key FROM survey_response r JOIN student st ON st.id = r.student_id, "
      "json_each (st.attributes) j WHERE r.window_id = ? AND j.type = 'text' LIMIT 16", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, window_id);
  while (bel_store_step_row (store, stmt, &local_error))
    g_hash_table_add (keys, g_strdup (bel_column_text (stmt, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&keys);
}

static gboolean
tally (BelEngine         *engine,
       BelSurveyResults  *results,
       GHashTable        *answers,
       GError           **error)
{
  BelStore *store = bel_engine_get_store (engine);
  gint64 window_id = bel_resource_get_id (results->window);
  gboolean confidential = g_strcmp0 (bel_resource_get_string (results->survey, "mode"), "confidential") == 0;
  guint n = results->items->len;
  g_auto(Classes) classes = { 0 };
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT r.id, r.student_id, r.grade, r.advisory_id, adv.name, adv.advisor_id, st.el_status, st.iep, "
      "st.section_504, st.attributes FROM survey_response r LEFT JOIN advisory adv ON adv.id = r.advisory_id "
      "LEFT JOIN student st ON st.id = r.student_id WHERE r.window_id = ? ORDER BY r.id", error);

  if (stmt == NULL)
    return FALSE;
  if (confidential &&
      (!load_classes (engine, bel_resource_get_int (results->survey, "school-id"), &classes, error) ||
       (keys = attribute_keys (engine, window_id, error)) == NULL))
    return FALSE;
  /* Fixed order of the breakdowns, whatever the data */
  breakdown_for (results, "grade", "Grade", TRUE);
  breakdown_for (results, "advisory", "Advisory", TRUE);
  bel_bind_int64 (stmt, 1, window_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 response_id = bel_column_int64 (stmt, 0);
      Response empty = { response_id, NULL, FALSE };
      const Response *r = g_hash_table_lookup (answers, &response_id);

      if (r == NULL)
        r = &empty;
      cell_add (results->overall, r, n);
      add_fixed (results, stmt, r, n);
      if (confidential)
        {
          add_subgroups (results, stmt, r, n, keys);
          add_classes (results, &classes, bel_column_int64 (stmt, 1), r, n);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- suppression ---- */

static void
suppress_partition (BelSurveyResults   *results,
                    BelSurveyBreakdown *b)
{
  guint n_cells = b->cells->len;
  guint n = results->items->len;
  g_autofree gint64 *counts = g_new0 (gint64, MAX (n_cells, 1));
  g_autofree gboolean *flags = g_new0 (gboolean, MAX (n_cells, 1));
  gint64 min = results->min_respondents;
  gboolean any = FALSE;

  for (guint c = 0; c < n_cells; c++)
    {
      BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
      counts[c] = cell->respondents;
      flags[c] = results->overall->suppressed;
    }
  bel_survey_suppress_partition (counts, flags, n_cells, min);
  for (guint c = 0; c < n_cells; c++)
    {
      BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
      cell->suppressed = flags[c];
      any |= flags[c] && cell->respondents > 0;
    }
  if (any)
    b->small_groups = cell_new ("small_groups", "Small groups (pooled)", n);
  for (guint i = 0; i < n; i++)
    {
      for (guint c = 0; c < n_cells; c++)
        {
          BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
          counts[c] = cell->item_n[i];
          flags[c] = cell->suppressed || results->overall->item_suppressed[i];
        }
      bel_survey_suppress_partition (counts, flags, n_cells, min);
      for (guint c = 0; c < n_cells; c++)
        {
          BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
          cell->item_suppressed[i] = flags[c];
          if (b->small_groups != NULL && flags[c])
            {
              b->small_groups->item_n[i] += cell->item_n[i];
              for (guint v = 0; v < 5; v++)
                b->small_groups->dist[i * 5 + v] += cell->dist[i * 5 + v];
            }
        }
    }
  if (b->small_groups == NULL)
    return;
  for (guint c = 0; c < n_cells; c++)
    {
      BelSurveyCell *cell = g_ptr_array_index (b->cells, c);
      if (cell->suppressed)
        b->small_groups->respondents += cell->respondents;
    }
  b->small_groups->suppressed = results->overall->suppressed || b->small_groups->respondents < min;
  for (guint i = 0; i < n; i++)
    b->small_groups->item_suppressed[i] = b->small_groups->suppressed || b->small_groups->item_n[i] < min;
}

static void
suppress_overlapping (BelSurveyResults   *results,
                      BelSurveyBreakdown *b)
{
  BelSurveyCell *all = results->overall;
  gint64 min = results->min_respondents;

  for (guint c = 0; c < b->cells->len; c++)
    {
      BelSurveyCell *cell = g_ptr_array_index (b->cells, c);

      cell->suppressed = all->suppressed || bel_survey_suppress_overlapping (cell->respondents, all->respondents, min);
      for (guint i = 0; i < results->items->len; i++)
        cell->item_suppressed[i] = cell->suppressed || all->item_suppressed[i] ||
                                   bel_survey_suppress_overlapping (cell->item_n[i], all->item_n[i], min);
    }
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const BelSurveyCell *ca = *(BelSurveyCell * const *) a;
  const BelSurveyCell *cb = *(BelSurveyCell * const *) b;
  gboolean ua = ca->key[0] == '~', ub = cb->key[0] == '~';

  if (ua != ub)
    return ua - ub;
  return g_utf8_collate (ca->label ? ca->label : "", cb->label ? cb->label : "");
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(BelSurveyCell * const *) a)->key, (*(BelSurveyCell * const *) b)->key);
}

static void
suppress_all (BelSurveyResults *results)
{
  BelSurveyCell *all = results->overall;
  gint64 min = results->min_respondents;

  all->suppressed = all->respondents > 0 && all->respondents < min;
  for (guint i = 0; i < results->items->len; i++)
    all->item_suppressed[i] = all->suppressed || (all->item_n[i] > 0 && all->item_n[i] < min);
  for (guint k = 0; k < results->breakdowns->len; k++)
    {
      BelSurveyBreakdown *b = g_ptr_array_index (results->breakdowns, k);

      g_ptr_array_sort (b->cells, g_str_equal (b->key, "grade") ? compare_keys : compare_cells);
      if (b->partition)
        suppress_partition (results, b);
      else
        suppress_overlapping (results, b);
    }
}

BelSurveyResults *
bel_survey_results_compute (BelEngine  *engine,
                            gint64      window_id,
                            GError    **error)
{
  g_autoptr(BelSurveyResults) results = g_new0 (BelSurveyResults, 1);
  g_autoptr(BelSurveySettings) settings = NULL;
  g_autoptr(GHashTable) answers = NULL;

  results->window = bel_survey_window_load (engine, window_id, error);
  if (results->window == NULL)
    return NULL;
  results->survey = bel_survey_load (engine, bel_resource_get_int (results->window, "survey-id"), error);
  if (results->survey == NULL)
    return NULL;
  settings = bel_survey_settings_load (engine, bel_resource_get_int (results->survey, "school-id"), error);
  if (settings == NULL)
    return NULL;
  results->min_respondents = bel_resource_get_int (settings, "min-respondents");
  results->leaders_see_teacher_results = bel_engine_get_bool (settings, "leaders-see-teacher-results");
  results->items = bel_survey_items_of_kind (results->survey, "likert");
  results->overall = cell_new ("all", "All respondents", results->items->len);
  results->breakdowns = g_ptr_array_new_with_free_func ((GDestroyNotify) breakdown_free);
  answers = load_answers (engine, window_id, results->items, error);
  if (answers == NULL || !tally (engine, results, answers, error))
    return NULL;
  suppress_all (results);
  return g_steal_pointer (&results);
}
