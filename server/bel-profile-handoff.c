/* bel-profile-handoff.c - the summary next year's teachers read first
 *
 * The latest current entry of every section the reader may read, strengths
 * first, and the adults who know the student well: their advisor, their
 * current advocates and the staff who marked a relationship (or something
 * personal) in the school's latest relationship-mapping round.  Concern
 * marks are not shown here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include "bel-error.h"

typedef struct {
  gint64     account_id;
  char      *display_name;
  char      *title;
  GPtrArray *links; /* "advisor", "advocate", "relationship", "personal" */
} Adult;

static void
adult_free (gpointer data)
{
  Adult *adult = data;

  g_free (adult->display_name);
  g_free (adult->title);
  g_ptr_array_unref (adult->links);
  g_free (adult);
}

static int
compare_adults (gconstpointer a,
                gconstpointer b)
{
  const Adult *x = *(Adult * const *) a;
  const Adult *y = *(Adult * const *) b;

  if (x->links->len != y->links->len)
    return x->links->len > y->links->len ? -1 : 1;
  return g_utf8_collate (x->display_name, y->display_name);
}

#define ADULTS_SQL \
  "SELECT a.id, a.display_name, m.title, 'advisor' FROM student s " \
  "JOIN advisory adv ON adv.id = s.advisory_id JOIN account a ON a.id = adv.advisor_id " \
  "LEFT JOIN membership m ON m.account_id = a.id AND m.school_id = s.school_id WHERE s.id = ?1 " \
  "UNION ALL " \
  "SELECT a.id, a.display_name, m.title, 'advocate' FROM advocate ad JOIN account a ON a.id = ad.account_id " \
  "LEFT JOIN membership m ON m.account_id = a.id AND m.school_id = ad.school_id " \
  "WHERE ad.student_id = ?1 AND ad.status <> 'ended' " \
  "UNION ALL " \
  "SELECT a.id, a.display_name, m.title, mk.kind FROM mark mk JOIN account a ON a.id = mk.account_id " \
  "LEFT JOIN membership m ON m.account_id = a.id AND m.school_id = ?2 " \
  "WHERE mk.student_id = ?1 AND mk.kind IN ('relationship', 'personal') AND mk.round_id = " \
  "(SELECT id FROM map_round WHERE school_id = ?2 ORDER BY created_at DESC, id DESC LIMIT 1)"

static GPtrArray *
load_adults (BelEngine  *engine,
             gint64      student_id,
             gint64      school_id,
             GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, ADULTS_SQL, error);
  g_autoptr(GPtrArray) adults = g_ptr_array_new_with_free_func (adult_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student_id);
  bel_bind_int64 (stmt, 2, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 id = bel_column_int64 (stmt, 0);
      const char *link = bel_column_text (stmt, 3);
      Adult *adult = g_hash_table_lookup (by_id, &id);

      if (adult == NULL)
        {
          adult = g_new0 (Adult, 1);
          adult->account_id = id;
          adult->display_name = g_strdup (bel_column_text (stmt, 1));
          adult->title = g_strdup (bel_column_text (stmt, 2));
          adult->links = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (adults, adult);
          g_hash_table_insert (by_id, &adult->account_id, adult);
        }
      if (!g_ptr_array_find_with_equal_func (adult->links, link, g_str_equal, NULL))
        g_ptr_array_add (adult->links, g_strdup (link));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_ptr_array_sort (adults, compare_adults);
  return g_steal_pointer (&adults);
}

static JsonArray *
adults_json (GPtrArray *adults)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < adults->len; i++)
    {
      Adult *adult = adults->pdata[i];
      JsonObject *obj = json_object_new ();
      JsonArray *links = json_array_new ();

      for (guint j = 0; j < adult->links->len; j++)
        json_array_add_string_element (links, adult->links->pdata[j]);
      json_object_set_int_member (obj, "account_id", adult->account_id);
      json_object_set_string_member (obj, "display_name", adult->display_name);
      bel_json_set_string_or_null (obj, "title", adult->title);
      json_object_set_array_member (obj, "links", links);
      json_array_add_object_element (array, obj);
    }
  return array;
}

static char *
school_year_of (BelEngine *engine,
                gint64     school_id)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT school_year FROM school WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  return bel_store_step_row (store, stmt, NULL) ? g_strdup (bel_column_text (stmt, 0)) : NULL;
}

static JsonNode *
handoff_json (BelEngine  *engine,
              BelProfile *profile,
              GPtrArray  *adults)
{
  JsonObject *obj = json_object_new ();
  JsonArray *sections = json_array_new ();
  JsonArray *hidden = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *now = bel_store_now_iso ();
  g_autofree char *school_year = school_year_of (engine, bel_resource_get_int (profile->student, "school-id"));

  for (guint i = 0; i < profile->sections->len; i++)
    {
      BelProfileSectionView *view = profile->sections->pdata[i];
      JsonObject *s;

      if (!view->readable)
        {
          json_array_add_string_element (hidden, view->section->name);
          continue;
        }
      s = json_object_new ();
      json_object_set_string_member (s, "section", view->section->name);
      json_object_set_string_member (s, "title", view->section->title);
      json_object_set_boolean_member (s, "sensitive", view->section->sensitive);
      if (view->entries->len > 0)
        json_object_set_member (s, "entry", bel_model_to_json (view->entries->pdata[view->entries->len - 1]));
      else
        json_object_set_null_member (s, "entry");
      json_array_add_object_element (sections, s);
    }
  json_object_set_member (obj, "student", bel_model_to_json (profile->student));
  bel_json_set_string_or_null (obj, "school_year", school_year);
  json_object_set_string_member (obj, "generated_at", now);
  json_object_set_array_member (obj, "sections", sections);
  json_object_set_array_member (obj, "hidden_sections", hidden);
  json_object_set_array_member (obj, "adults", adults_json (adults));
  json_node_take_object (node, obj);
  return node;
}

JsonNode *
bel_profiles_handoff (BelEngine   *engine,
                      BelAccount  *actor,
                      gint64       student_id,
                      GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelProfile) profile = NULL;
  g_autoptr(GPtrArray) adults = NULL;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, student_id, &access, error);
  if (student == NULL)
    return NULL;
  profile = bel_profiles_collect (engine, actor, student, &access, NULL, TRUE, "handoff", error);
  if (profile == NULL)
    return NULL;
  adults = load_adults (engine, student_id, access.school_id, error);
  if (adults == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return handoff_json (engine, profile, adults);
}
