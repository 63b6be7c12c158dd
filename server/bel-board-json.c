/* bel-board-json.c - the board as the REST contract has it
 *
 * Built straight into JsonObjects (no GObject per student) because a board
 * of 2,000 students is serialized on every request.
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

static JsonArray *
ids_array (GArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  return array;
}

static JsonNode *
advocate_json (const BelBoardStudent *s)
{
  JsonObject *obj;
  JsonNode *node;

  if (s->advocate_id == 0)
    return json_node_new (JSON_NODE_NULL);
  obj = json_object_new ();
  json_object_set_int_member (obj, "id", s->advocate_id);
  json_object_set_int_member (obj, "account_id", s->advocate_account_id);
  set_string_or_null (obj, "display_name", s->advocate_name);
  set_string_or_null (obj, "status", s->advocate_status);
  set_string_or_null (obj, "follow_up_on", s->follow_up_on);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}

static JsonObject *
student_json (const BelBoardStudent *s)
{
  JsonObject *obj = json_object_new ();
  g_autofree char *display_name = bel_board_student_display_name (s);

  json_object_set_int_member (obj, "student_id", s->student_id);
  json_object_set_string_member (obj, "display_name", display_name);
  set_string_or_null (obj, "given_name", s->given_name);
  set_string_or_null (obj, "family_name", s->family_name);
  set_string_or_null (obj, "preferred_name", s->preferred_name);
  json_object_set_int_member (obj, "grade", s->grade);
  if (s->advisory_id != 0)
    json_object_set_int_member (obj, "advisory_id", s->advisory_id);
  else
    json_object_set_null_member (obj, "advisory_id");
  set_string_or_null (obj, "advisory_name", s->advisory_name);
  set_string_or_null (obj, "el_status", s->el_status);
  json_object_set_boolean_member (obj, "iep", s->iep);
  json_object_set_boolean_member (obj, "section_504", s->section_504);
  json_object_set_array_member (obj, "relationship", ids_array (s->marks[BEL_MARK_KIND_RELATIONSHIP]));
  json_object_set_array_member (obj, "personal", ids_array (s->marks[BEL_MARK_KIND_PERSONAL]));
  json_object_set_array_member (obj, "concern", ids_array (s->marks[BEL_MARK_KIND_CONCERN]));
  json_object_set_int_member (obj, "adult_count", s->marks[BEL_MARK_KIND_RELATIONSHIP]->len);
  json_object_set_member (obj, "advocate", advocate_json (s));
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
  json_object_set_object_member (obj, "summary", summary_json (board));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, obj);
  return node;
}
