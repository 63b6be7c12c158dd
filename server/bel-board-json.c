/* bel-board-json.c - the board as the REST contract has it
 *
 * Built straight into JsonObjects (no GObject per student) because a board
 * of 2,000 students is serialized on every request.  A student carries only
 * what is theirs: members at their default (no preferred name, no advisory,
 * el_status "none", false flags, no marks of a kind, no advocate) are left
 * out, and names of staff and advisories are sent once, in "staff" and
 * "advisories", for clients to join by id.  That halves the JSON tree, whose
 * nodes are most of the request's cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-private.h"

static void
set_string_or_null (JsonObject *obj,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (obj, member, value);
  else
    json_object_set_null_member (obj, member);
}

static const char * const kind_members[BEL_MARK_N_KINDS] = { "relationship", "personal", "concern" };

static JsonArray *
ids_array (GArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  return array;
}

static JsonObject *
advocate_json (const BelBoardStudent *s)
{
  JsonObject *obj = json_object_new ();

  json_object_set_int_member (obj, "id", s->advocate_id);
  json_object_set_int_member (obj, "account_id", s->advocate_account_id);
  json_object_set_string_member (obj, "status", s->advocate_status);
  if (s->follow_up_on != NULL)
    json_object_set_string_member (obj, "follow_up_on", s->follow_up_on);
  return obj;
}

static JsonObject *
student_json (const BelBoardStudent *s)
{
  JsonObject *obj = json_object_new ();

  json_object_set_int_member (obj, "student_id", s->student_id);
  json_object_set_string_member (obj, "given_name", s->given_name);
  json_object_set_string_member (obj, "family_name", s->family_name);
  if (s->preferred_name != NULL)
    json_object_set_string_member (obj, "preferred_name", s->preferred_name);
  json_object_set_int_member (obj, "grade", s->grade);
  if (s->advisory_id != 0)
    json_object_set_int_member (obj, "advisory_id", s->advisory_id);
  if (!g_str_equal (s->el_status, "none"))
    json_object_set_string_member (obj, "el_status", s->el_status);
  if (s->iep)
    json_object_set_boolean_member (obj, "iep", TRUE);
  if (s->section_504)
    json_object_set_boolean_member (obj, "section_504", TRUE);
  for (guint k = 0; k < BEL_MARK_N_KINDS; k++)
    if (s->marks[k] != NULL)
      json_object_set_array_member (obj, kind_members[k], ids_array (s->marks[k]));
  if (s->advocate_id != 0)
    json_object_set_object_member (obj, "advocate", advocate_json (s));
  return obj;
}

static JsonObject *
staff_json (const BelBoardStaff *staff)
{
  JsonObject *obj = json_object_new ();

  json_object_set_int_member (obj, "account_id", staff->account_id);
  set_string_or_null (obj, "display_name", staff->display_name);
  set_string_or_null (obj, "role", staff->role);
  set_string_or_null (obj, "title", staff->title);
  json_object_set_int_member (obj, "mark_count", staff->mark_count);
  return obj;
}

static JsonObject *
advisory_json (const BelBoardAdvisory *advisory)
{
  JsonObject *obj = json_object_new ();

  json_object_set_int_member (obj, "advisory_id", advisory->advisory_id);
  set_string_or_null (obj, "name", advisory->name);
  return obj;
}

static void
set_counts (JsonObject          *obj,
            const BelBoardGroup *group)
{
  json_object_set_int_member (obj, "students", group->students);
  json_object_set_int_member (obj, "none", group->none);
  json_object_set_int_member (obj, "one", group->one);
  json_object_set_int_member (obj, "many", group->many);
}

static JsonArray *
groups_json (GPtrArray *groups)
{
  JsonArray *array = json_array_sized_new (groups->len);

  for (guint i = 0; i < groups->len; i++)
    {
      const BelBoardGroup *group = g_ptr_array_index (groups, i);
      JsonObject *obj = json_object_new ();

      json_object_set_string_member (obj, "key", group->key);
      set_string_or_null (obj, "label", group->label);
      set_counts (obj, group);
      json_array_add_object_element (array, obj);
    }
  return array;
}

static JsonObject *
summary_json (BelBoard *board)
{
  JsonObject *obj = json_object_new ();

  set_counts (obj, &board->total);
  json_object_set_array_member (obj, "by_grade", groups_json (board->by_grade));
  json_object_set_array_member (obj, "by_advisory", groups_json (board->by_advisory));
  json_object_set_array_member (obj, "by_subgroup", groups_json (board->by_subgroup));
  return obj;
}

JsonNode *
bel_board_to_json (BelBoard *board)
{
  JsonObject *obj;
  JsonArray *students;
  JsonArray *staff;
  JsonArray *advisories;
  JsonNode *node;

  g_return_val_if_fail (board != NULL, NULL);

  obj = json_object_new ();
  json_object_set_member (obj, "round", bel_model_to_json (board->round));
  students = json_array_sized_new (board->students->len);
  for (guint i = 0; i < board->students->len; i++)
    json_array_add_object_element (students, student_json (g_ptr_array_index (board->students, i)));
  json_object_set_array_member (obj, "students", students);
  staff = json_array_sized_new (board->staff->len);
  for (guint i = 0; i < board->staff->len; i++)
    json_array_add_object_element (staff, staff_json (g_ptr_array_index (board->staff, i)));
  json_object_set_array_member (obj, "staff", staff);
  advisories = json_array_sized_new (board->advisories->len);
  for (guint i = 0; i < board->advisories->len; i++)
    json_array_add_object_element (advisories,
                                   advisory_json (&g_array_index (board->advisories, BelBoardAdvisory, i)));
  json_object_set_array_member (obj, "advisories", advisories);
  json_object_set_object_member (obj, "summary", summary_json (board));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}
