/* bel-cadence.c - a school's check-in settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-cadence.h"

#include "bel-care-private.h"
#include "bel-checkin-rule.h"
#include "bel-checklist-item.h"
#include "bel-date-range.h"
#include "bel-events.h"

#define MAX_ITEMS 40

static const char * const list_fields[] = { "checklist", "rules", "quarters", "non-school-days", NULL };

static GType
list_item_type (const char *field)
{
  if (g_str_equal (field, "checklist"))
    return BEL_TYPE_CHECKLIST_ITEM;
  if (g_str_equal (field, "rules"))
    return BEL_TYPE_CHECKIN_RULE;
  return BEL_TYPE_DATE_RANGE;
}

static GListStore *
store_of (GType type, ...)
{
  GListStore *store = g_list_store_new (type);
  va_list args;
  gpointer item;

  va_start (args, type);
  while ((item = va_arg (args, gpointer)) != NULL)
    {
      g_list_store_append (store, item);
      g_object_unref (item);
    }
  va_end (args);
  return store;
}

static BelChecklistItem *
checklist_item (const char *key,
                const char *label)
{
  return g_object_new (BEL_TYPE_CHECKLIST_ITEM, "key", key, "label", label, NULL);
}

static BelCheckinRule *
rule (const char *name,
      const char *audience,
      const char *kind,
      const char *period)
{
  return g_object_new (BEL_TYPE_CHECKIN_RULE, "name", name, "audience", audience, "kind", kind,
                       "period", period, NULL);
}

static BelCheckinSettings *
default_settings (gint64 school_id)
{
  g_autoptr(GListStore) checklist = store_of (BEL_TYPE_CHECKLIST_ITEM,
                                              checklist_item ("academics", "Academics"),
                                              checklist_item ("goals", "Goals"),
                                              checklist_item ("concerns", "Concerns"),
                                              checklist_item ("life_outside_school", "Life outside school"),
                                              NULL);
  g_autoptr(GListStore) rules = store_of (BEL_TYPE_CHECKIN_RULE,
                                          rule ("Weekly check-in for targeted students", "targeted",
                                                "any", "week"),
                                          rule ("Monthly non-academic check-in", "everyone",
                                                "non_academic", "month"),
                                          NULL);
  g_autoptr(GListStore) none = g_list_store_new (BEL_TYPE_DATE_RANGE);

  return g_object_new (BEL_TYPE_CHECKIN_SETTINGS, "school-id", school_id, "checklist", checklist,
                       "rules", rules, "quarters", none, "non-school-days", none, "version", (gint64) 1,
                       NULL);
}

static gboolean
set_list_from_text (BelCheckinSettings  *settings,
                    const char          *field,
                    const char          *text,
                    GError             **error)
{
  g_autoptr(JsonNode) node = json_from_string (text, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListStore) store = g_list_store_new (list_item_type (field));

  if (node == NULL)
    return FALSE;
  items = bel_model_list_from_json (list_item_type (field), node, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    g_list_store_append (store, g_ptr_array_index (items, i));
  g_object_set (settings, field, store, NULL);
  return TRUE;
}

static char *
list_to_text (BelCheckinSettings *settings,
              const char         *field)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GPtrArray) items = bel_care_list_items (settings, field);

  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, bel_model_to_json (g_ptr_array_index (items, i)));
  json_node_set_array (node, array);
  return json_to_string (node, FALSE);
}

BelCheckinSettings *
bel_cadence_load_settings (BelEngine  *engine,
                           gint64      school_id,
                           GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelCheckinSettings) settings = default_settings (school_id);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT checklist, rules, quarters, non_school_days, version, updated_at "
      "FROM checkin_settings WHERE school_id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&settings);
    }
  for (guint i = 0; list_fields[i] != NULL; i++)
    if (!set_list_from_text (settings, list_fields[i], bel_column_text (stmt, (int) i), error))
      return NULL;
  g_object_set (settings, "version", (gint64) bel_column_int64 (stmt, 4),
                "updated-at", bel_column_text (stmt, 5), NULL);
  return g_steal_pointer (&settings);
}

BelCalendar *
bel_cadence_calendar (BelCheckinSettings *settings)
{
  g_autoptr(GPtrArray) closed = bel_care_list_items (settings, "non-school-days");
  g_autoptr(GPtrArray) quarters = bel_care_list_items (settings, "quarters");

  return bel_calendar_new (closed, quarters);
}

BelCheckinSettings *
bel_cadence_get_settings (BelEngine   *engine,
                          BelAccount  *actor,
                          gint64       school_id,
                          GError     **error)
{
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error))
    return NULL;
  return bel_cadence_load_settings (engine, school_id, error);
}

/* ---- validation ---- */

static void
validate_checklist (GPtrArray     *items,
                    BelValidation *v)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  if (items->len == 0)
    bel_validation_add (v, "checklist", "must have at least one item");
  for (guint i = 0; i < items->len; i++)
    {
      const char *key = bel_resource_get_string (g_ptr_array_index (items, i), "key");
      const char *label = bel_resource_get_string (g_ptr_array_index (items, i), "label");

      if (key == NULL || !g_regex_match_simple ("^[a-z][a-z0-9_]*$", key, 0, 0))
        bel_validation_add (v, "checklist", "item %u: key must be lowercase letters, digits and _", i);
      else if (!g_hash_table_add (keys, (gpointer) key))
        bel_validation_add (v, "checklist", "item %u: key \"%s\" appears twice", i, key);
      if (bel_engine_is_blank (label))
        bel_validation_add (v, "checklist", "item %u: label must not be empty", i);
    }
}

static void
validate_rules (GPtrArray     *items,
                BelValidation *v)
{
  for (guint i = 0; i < items->len; i++)
    {
      BelCheckinRule *r = g_ptr_array_index (items, i);

      if (bel_engine_is_blank (bel_resource_get_string (r, "name")))
        bel_validation_add (v, "rules", "item %u: name must not be empty", i);
      if (bel_resource_get_string (r, "audience") == NULL || bel_resource_get_string (r, "kind") == NULL ||
          bel_resource_get_string (r, "period") == NULL)
        bel_validation_add (v, "rules", "item %u: audience, kind and period are required", i);
    }
}

static void
validate_ranges (const char    *field,
                 GPtrArray     *items,
                 gboolean       no_overlap,
                 BelValidation *v)
{
  for (guint i = 0; i < items->len; i++)
    {
      BelDateRange *range = g_ptr_array_index (items, i);
      guint32 first = bel_date_parse (bel_resource_get_string (range, "starts-on"));
      const char *ends = bel_resource_get_string (range, "ends-on");
      guint32 last = ends ? bel_date_parse (ends) : first;

      if (first == 0 || last == 0)
        {
          bel_validation_add (v, field, "item %u: starts_on and ends_on must be dates, YYYY-MM-DD", i);
          continue;
        }
      if (last < first)
        bel_validation_add (v, field, "item %u: ends_on must not be before starts_on", i);
      for (guint j = 0; no_overlap && j < i; j++)
        {
          BelDateRange *other = g_ptr_array_index (items, j);
          guint32 ofirst = bel_date_parse (bel_resource_get_string (other, "starts-on"));
          const char *oends = bel_resource_get_string (other, "ends-on");
          guint32 olast = oends ? bel_date_parse (oends) : ofirst;

          if (first <= olast && ofirst <= last)
            bel_validation_add (v, field, "item %u overlaps item %u", i, j);
        }
    }
}

static gboolean
validate_settings (BelCheckinSettings  *settings,
                   GError             **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GPtrArray) checklist = bel_care_list_items (settings, "checklist");
  g_autoptr(GPtrArray) rules = bel_care_list_items (settings, "rules");
  g_autoptr(GPtrArray) quarters = bel_care_list_items (settings, "quarters");
  g_autoptr(GPtrArray) closed = bel_care_list_items (settings, "non-school-days");

  validate_checklist (checklist, v);
  validate_rules (rules, v);
  validate_ranges ("quarters", quarters, TRUE, v);
  validate_ranges ("non_school_days", closed, FALSE, v);
  if (checklist->len > MAX_ITEMS || rules->len > MAX_ITEMS || quarters->len > MAX_ITEMS)
    bel_validation_add (v, "checklist", "lists have at most %d items", MAX_ITEMS);
  if (closed->len > 400)
    bel_validation_add (v, "non_school_days", "has at most 400 items");
  return bel_validation_finish (v, error);
}

static gboolean
save_settings (BelEngine           *engine,
               BelCheckinSettings  *settings,
               gint64               school_id,
               GError             **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autofree char *now = bel_store_now_iso ();
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "INSERT INTO checkin_settings (school_id, checklist, rules, quarters, non_school_days, "
      "version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 2, ?6) ON CONFLICT (school_id) DO UPDATE SET "
      "checklist = ?2, rules = ?3, quarters = ?4, non_school_days = ?5, version = checkin_settings.version + 1, "
      "updated_at = ?6", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  for (guint i = 0; list_fields[i] != NULL; i++)
    {
      g_autofree char *text = list_to_text (settings, list_fields[i]);
      bel_bind_text (stmt, (int) i + 2, text);
    }
  bel_bind_text (stmt, 6, now);
  return bel_store_step_done (store, stmt, error);
}

BelCheckinSettings *
bel_cadence_update_settings (BelEngine           *engine,
                             BelAccount          *actor,
                             gint64               school_id,
                             gint64               expected_version,
                             BelCheckinSettings  *changes,
                             const char * const  *fields,
                             GError             **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelCheckinSettings) settings = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_CHECKIN_SETTINGS (changes), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id,
                                       BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, error))
    return NULL;
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  settings = bel_cadence_load_settings (engine, school_id, error);
  if (settings == NULL ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (settings), error) ||
      !bel_engine_copy_fields (settings, changes, fields, error) ||
      !validate_settings (settings, error) ||
      !save_settings (engine, settings, school_id, error))
    return NULL;
  g_clear_object (&settings);
  settings = bel_cadence_load_settings (engine, school_id, error);
  if (settings == NULL)
    return NULL;
  bel_engine_audit (engine, actor, "checkin_settings.update", 0, NULL);
  if (!bel_care_record (engine, school_id, "checkin_settings.updated", BEL_EVENT_EVERYONE, 0, error,
                        "version", bel_resource_get_version (settings), NULL) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&settings);
}
