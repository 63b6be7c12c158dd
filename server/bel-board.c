/* bel-board.c - reading the board with a few set-based queries
 *
 * One query for the students of the round (filtered in SQL), one for every
 * mark of the round, one for the current advocates, one for the staff and
 * one for the school's advisories; they are joined in memory through hash
 * tables of ids.  A board is read on every request of a staff meeting, so
 * its strings go into one string chunk (freed at once) and the students'
 * roster attributes, which repeat, are parsed once per distinct value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-board-private.h"

#include <string.h>

#include "bel-error.h"
#include "bel-rounds-private.h"
#include "bel-text.h"

#define MAX_QUERY_WORDS  8
#define FIRST_WORD_PARAM 10

typedef struct {
  BelEngine  *engine;
  BelStore   *store;
  BelBoard   *board;
  GHashTable *by_id;       /* student id -> BelBoardStudent (borrowed) */
  GHashTable *staff_by_id; /* account id -> BelBoardStaff (borrowed) */
  GHashTable *attributes;  /* attributes JSON text -> GPtrArray of BelBoardAttribute */
  gint64      relationship_marks;
} Reader;

void
bel_board_student_free (BelBoardStudent *student)
{
  for (guint k = 0; k < BEL_MARK_N_KINDS; k++)
    g_clear_pointer (&student->marks[k], g_array_unref);
  g_clear_pointer (&student->attributes, g_ptr_array_unref);
  g_free (student);
}

void
bel_board_staff_free (BelBoardStaff *staff)
{
  g_free (staff->display_name);
  g_free (staff->role);
  g_free (staff->title);
  g_free (staff->sort_key);
  g_free (staff);
}

static void
attribute_free (BelBoardAttribute *attribute)
{
  g_free (attribute->key);
  g_free (attribute->label);
  g_free (attribute);
}

void
bel_board_free (BelBoard *board)
{
  if (board == NULL)
    return;
  g_clear_object (&board->round);
  g_clear_pointer (&board->students, g_ptr_array_unref);
  g_clear_pointer (&board->staff, g_ptr_array_unref);
  g_clear_pointer (&board->advisories, g_array_unref);
  g_clear_pointer (&board->strings, g_string_chunk_free);
  bel_board_group_clear (&board->total);
  g_clear_pointer (&board->by_grade, g_ptr_array_unref);
  g_clear_pointer (&board->by_advisory, g_ptr_array_unref);
  g_clear_pointer (&board->by_subgroup, g_ptr_array_unref);
  g_free (board);
}

/* ---- query checks ---- */

typedef struct {
  const char *name;
  const char *sql;
} Subgroup;

static const Subgroup subgroups[] = {
  { "el", "AND st.el_status = 'current' " },
  { "former_el", "AND st.el_status = 'former' " },
  { "iep", "AND st.iep = 1 " },
  { "504", "AND st.section_504 = 1 " },
  { "language_plan", "AND st.language_plan = 1 " },
  { "behavior_plan", "AND st.behavior_plan = 1 " },
};

/* Splits "attr:KEY=VALUE"; FALSE when @subgroup is not of that form. */
static gboolean
split_attribute (const char  *subgroup,
                 char       **key,
                 char       **value)
{
  const char *eq;

  if (!g_str_has_prefix (subgroup, "attr:") || (eq = strchr (subgroup + 5, '=')) == NULL ||
      eq == subgroup + 5)
    return FALSE;
  *key = g_strndup (subgroup + 5, eq - (subgroup + 5));
  *value = g_strdup (eq + 1);
  return TRUE;
}

static const char *
subgroup_sql (const char *subgroup)
{
  for (guint i = 0; i < G_N_ELEMENTS (subgroups); i++)
    if (g_str_equal (subgroup, subgroups[i].name))
      return subgroups[i].sql;
  if (g_str_has_prefix (subgroup, "attr:"))
    return "AND EXISTS (SELECT 1 FROM json_each (st.attributes) j WHERE j.key = ?5 AND j.value = ?6) ";
  return NULL;
}

static gboolean
check_query (const BelBoardQuery  *query,
             GError              **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (query->subgroup != NULL &&
      (subgroup_sql (query->subgroup) == NULL ||
       (g_str_has_prefix (query->subgroup, "attr:") && !split_attribute (query->subgroup, &key, &value))))
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "subgroup is one of el, former_el, iep, 504, language_plan, behavior_plan "
                   "or attr:KEY=VALUE");
      return FALSE;
    }
  if (query->connection != NULL && !g_str_equal (query->connection, "none") &&
      !g_str_equal (query->connection, "one") && !g_str_equal (query->connection, "many"))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "connection is one of none, one, many");
      return FALSE;
    }
  return TRUE;
}

/* ---- students ---- */

static char *
like_pattern (const char *word)
{
  GString *out = g_string_new ("% ");

  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* Parameters: ?1 round, ?2 school, ?3 grade, ?4 advisory, ?5 ?6 attribute,
 * ?10... the query words.  An open round's roster is the school's active
 * students: they are read straight from student, already in the order of
 * its index, so only a closed round's kept roster needs sorting. */
static char *
students_sql (BelRound            *round,
              const BelBoardQuery *query,
              guint                n_words)
{
  GString *sql = g_string_new (NULL);
  gboolean closed = bel_round_is_closed (round);
  const char *rs = closed ? "rs" : "st";

  g_string_append_printf (sql,
                          "SELECT st.id, st.given_name, st.family_name, st.preferred_name, %s.grade, "
                          "%s.advisory_id, st.el_status, st.iep, st.section_504, "
                          "st.language_plan, st.behavior_plan, st.attributes ",
                          rs, rs);
  if (closed)
    {
      g_autofree char *roster = bel_rounds_roster_sql (round, 1, 2);

      g_string_append_printf (sql, "FROM %s rs JOIN student st ON st.id = rs.student_id WHERE 1 = 1 ", roster);
    }
  else
    g_string_append (sql, "FROM student st WHERE st.school_id = ?2 AND st.active = 1 AND ?1 > 0 ");
  if (query->has_grade)
    g_string_append_printf (sql, "AND %s.grade = ?3 ", rs);
  if (query->advisory_id != 0)
    g_string_append_printf (sql, "AND %s.advisory_id = ?4 ", rs);
  if (query->subgroup != NULL)
    g_string_append (sql, subgroup_sql (query->subgroup));
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (sql, "AND st.search_text LIKE ?%u ESCAPE '\\' ", FIRST_WORD_PARAM + i);
  g_string_append (sql, "ORDER BY st.family_key, st.given_key, st.id");
  return g_string_free (sql, FALSE);
}

/* The text members of an attributes object (as json_each's type 'text') as
 * summary groups. */
static GPtrArray *
parse_attributes (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) attribute_free);
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return out;
  object = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      BelBoardAttribute *attribute;

      if (json_node_get_value_type (value) != G_TYPE_STRING)
        continue;
      attribute = g_new (BelBoardAttribute, 1);
      attribute->key = g_strdup_printf ("attr:%s=%s", (const char *) l->data, json_node_get_string (value));
      /* "gender=Female" -> "gender: Female" */
      attribute->label = g_strdup_printf ("%s: %s", (const char *) l->data, json_node_get_string (value));
      g_ptr_array_add (out, attribute);
    }
  return out;
}

/* Schools have few distinct combinations of attributes: each is parsed once. */
static GPtrArray *
attributes_for (Reader     *r,
                const char *text)
{
  GPtrArray *attributes;

  if (text == NULL || g_str_equal (text, "{}"))
    return NULL;
  attributes = g_hash_table_lookup (r->attributes, text);
  if (attributes == NULL)
    {
      attributes = parse_attributes (text);
      g_hash_table_insert (r->attributes, g_strdup (text), attributes);
    }
  return attributes->len > 0 ? g_ptr_array_ref (attributes) : NULL;
}

static const char *
chunk_text (BelBoard     *board,
            BelStmt *stmt,
            int           column)
{
  const char *text = bel_column_text (stmt, column);

  return text ? g_string_chunk_insert (board->strings, text) : NULL;
}

static BelBoardStudent *
student_from_row (Reader       *r,
                  BelStmt *stmt)
{
  BelBoardStudent *s = g_new0 (BelBoardStudent, 1);

  s->student_id = bel_column_int64 (stmt, 0);
  s->given_name = chunk_text (r->board, stmt, 1);
  s->family_name = chunk_text (r->board, stmt, 2);
  s->preferred_name = chunk_text (r->board, stmt, 3);
  s->grade = bel_column_int64 (stmt, 4);
  s->advisory_id = bel_column_int64 (stmt, 5);
  s->el_status = g_string_chunk_insert_const (r->board->strings, bel_column_text (stmt, 6) ?: "none");
  s->iep = bel_column_int (stmt, 7) != 0;
  s->section_504 = bel_column_int (stmt, 8) != 0;
  s->language_plan = bel_column_int (stmt, 9) != 0;
  s->behavior_plan = bel_column_int (stmt, 10) != 0;
  s->attributes = attributes_for (r, bel_column_text (stmt, 11));
  return s;
}

static gboolean
read_students (Reader               *r,
               const BelBoardQuery  *query,
               GError              **error)
{
  BelRound *round = r->board->round;
  g_auto(GStrv) words = query->q ? bel_text_words (query->q) : g_new0 (char *, 1);
  guint n_words = MIN (g_strv_length (words), MAX_QUERY_WORDS);
  g_autofree char *sql = students_sql (round, query, n_words);
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store, sql, error);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (round));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (round, "school-id"));
  if (query->has_grade)
    bel_bind_int64 (stmt, 3, query->grade);
  if (query->advisory_id != 0)
    bel_bind_int64 (stmt, 4, query->advisory_id);
  if (query->subgroup != NULL && split_attribute (query->subgroup, &key, &value))
    {
      bel_bind_text (stmt, 5, key);
      bel_bind_text (stmt, 6, value);
    }
  for (guint i = 0; i < n_words; i++)
    bel_bind_text_take (stmt, FIRST_WORD_PARAM + i, like_pattern (words[i]));

  while (bel_store_step_row (r->store, stmt, &local_error))
    {
      BelBoardStudent *s = student_from_row (r, stmt);

      g_ptr_array_add (r->board->students, s);
      g_hash_table_insert (r->by_id, &s->student_id, s);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- staff and marks ---- */

static BelBoardStaff *
add_staff (Reader     *r,
           gint64      account_id,
           const char *display_name,
           const char *role,
           const char *title)
{
  BelBoardStaff *staff = g_new0 (BelBoardStaff, 1);

  staff->account_id = account_id;
  staff->display_name = g_strdup (display_name);
  staff->role = g_strdup (role);
  staff->title = g_strdup (title);
  staff->sort_key = g_utf8_collate_key (display_name ?: "", -1);
  g_ptr_array_add (r->board->staff, staff);
  g_hash_table_insert (r->staff_by_id, &staff->account_id, staff);
  return staff;
}

static gboolean
read_staff (Reader  *r,
            GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store,
      "SELECT a.id, a.display_name, m.role, m.title FROM membership m "
      "JOIN account a ON a.id = m.account_id WHERE m.school_id = ? AND a.active = 1", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (r->board->round, "school-id"));
  while (bel_store_step_row (r->store, stmt, &local_error))
    add_staff (r, bel_column_int64 (stmt, 0), bel_column_text (stmt, 1),
               bel_column_text (stmt, 2), bel_column_text (stmt, 3));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Someone who marked in this round or advocates but is no longer active staff: rare. */
static BelBoardStaff *
add_former_staff (Reader  *r,
                  gint64   account_id,
                  GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store,
      "SELECT a.display_name, m.role, m.title FROM account a "
      "LEFT JOIN membership m ON m.account_id = a.id AND m.school_id = ? WHERE a.id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (r->board->round, "school-id"));
  bel_bind_int64 (stmt, 2, account_id);
  if (!bel_store_step_row (r->store, stmt, error))
    return NULL;
  return add_staff (r, account_id, bel_column_text (stmt, 0), bel_column_text (stmt, 1),
                    bel_column_text (stmt, 2));
}

static BelBoardStaff *
staff_for (Reader  *r,
           gint64   account_id,
           GError **error)
{
  BelBoardStaff *staff = g_hash_table_lookup (r->staff_by_id, &account_id);

  return staff ? staff : add_former_staff (r, account_id, error);
}

static void
add_mark (BelBoardStudent *s,
          BelMarkKind      kind,
          gint64           account_id)
{
  if (s->marks[kind] == NULL)
    s->marks[kind] = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 8);
  g_array_append_val (s->marks[kind], account_id);
}

static BelMarkKind
kind_from_text (const char *kind)
{
  switch (kind[0])
    {
    case 'p':
      return BEL_MARK_KIND_PERSONAL;
    case 'c':
      return BEL_MARK_KIND_CONCERN;
    default:
      return BEL_MARK_KIND_RELATIONSHIP;
    }
}

/* Every mark of the round the actor may see; the staff's counts are over
 * all students, the students' lists only for those on the board. */
static gboolean
read_marks (Reader      *r,
            BelAccount  *actor,
            gboolean     sees_concerns,
            GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store,
      "SELECT student_id, account_id, kind FROM mark "
      "WHERE round_id = ?1 AND (kind <> 'concern' OR ?2 = 1 OR account_id = ?3) "
      "ORDER BY student_id, account_id", error);
  g_autoptr(GError) local_error = NULL;
  BelBoardStudent *s = NULL;
  gint64 last_student = 0;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (r->board->round));
  bel_bind_int64 (stmt, 2, sees_concerns);
  bel_bind_int64 (stmt, 3, bel_engine_actor_id (actor));
  while (bel_store_step_row (r->store, stmt, &local_error))
    {
      gint64 student_id = bel_column_int64 (stmt, 0);
      gint64 account_id = bel_column_int64 (stmt, 1);
      BelMarkKind kind = kind_from_text (bel_column_text (stmt, 2));
      BelBoardStaff *staff;

      /* Rows come by student: look each student up once. */
      if (student_id != last_student)
        {
          s = g_hash_table_lookup (r->by_id, &student_id);
          last_student = student_id;
        }
      if (s != NULL)
        add_mark (s, kind, account_id);
      if ((staff = staff_for (r, account_id, &local_error)) == NULL)
        break;
      if (kind == BEL_MARK_KIND_RELATIONSHIP)
        {
          staff->mark_count++;
          r->relationship_marks++;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- advocates ---- */

static gboolean
read_advocates (Reader  *r,
                GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store,
      "SELECT a.student_id, a.id, a.account_id, a.status, a.follow_up_on FROM advocate a "
      "WHERE a.school_id = ? AND a.status <> 'ended' ORDER BY a.created_at, a.id", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (r->board->round, "school-id"));
  /* Rows come oldest first, so the newest current advocate wins. */
  while (bel_store_step_row (r->store, stmt, &local_error))
    {
      gint64 student_id = bel_column_int64 (stmt, 0);
      BelBoardStudent *s = g_hash_table_lookup (r->by_id, &student_id);

      if (s == NULL)
        continue;
      s->advocate_id = bel_column_int64 (stmt, 1);
      s->advocate_account_id = bel_column_int64 (stmt, 2);
      s->advocate_status = g_string_chunk_insert_const (r->board->strings, bel_column_text (stmt, 3));
      s->follow_up_on = chunk_text (r->board, stmt, 4);
      /* Clients join the advocate's name from the staff. */
      if (staff_for (r, s->advocate_account_id, &local_error) == NULL)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The names of the school's advisories, for the summary and the board. */
static gboolean
read_advisories (Reader  *r,
                 GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store,
      "SELECT id, name FROM advisory WHERE school_id = ? ORDER BY id", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_int (r->board->round, "school-id"));
  while (bel_store_step_row (r->store, stmt, &local_error))
    {
      BelBoardAdvisory advisory = { bel_column_int64 (stmt, 0), chunk_text (r->board, stmt, 1) };

      g_array_append_val (r->board->advisories, advisory);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The round's student count, whatever the filters. */
static gboolean
count_students (Reader  *r,
                GError **error)
{
  BelRound *round = r->board->round;
  g_autofree char *roster = bel_rounds_roster_sql (round, 1, 2);
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s rs", roster);
  g_autoptr(BelStmt) stmt = bel_store_prepare (r->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, bel_resource_get_id (round));
  bel_bind_int64 (stmt, 2, bel_resource_get_int (round, "school-id"));
  if (!bel_store_step_row (r->store, stmt, error))
    return FALSE;
  g_object_set (round, "student-count", (gint64) bel_column_int64 (stmt, 0), NULL);
  return TRUE;
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const BelBoardStaff *sa = *(const BelBoardStaff * const *) a;
  const BelBoardStaff *sb = *(const BelBoardStaff * const *) b;
  int c = strcmp (sa->sort_key, sb->sort_key);

  if (c != 0)
    return c;
  return (sa->account_id > sb->account_id) - (sa->account_id < sb->account_id);
}

BelBoard *
bel_board_get (BelEngine           *engine,
               BelAccount          *actor,
               gint64               round_id,
               const BelBoardQuery *query,
               GError             **error)
{
  g_autoptr(BelBoard) board = g_new0 (BelBoard, 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) staff_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);
  Reader r = { engine, bel_engine_get_store (engine), board, by_id, staff_by_id, attributes };
  gboolean sees_concerns;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_ACCOUNT (actor), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  board->students = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_board_student_free);
  board->staff = g_ptr_array_new_with_free_func ((GDestroyNotify) bel_board_staff_free);
  board->advisories = g_array_new (FALSE, FALSE, sizeof (BelBoardAdvisory));
  board->strings = g_string_chunk_new (64 * 1024);
  /* The round's counts come from the rows read below, not from its own queries. */
  if (!check_query (query, error) ||
      (board->round = bel_rounds_load_brief (engine, round_id, error)) == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (board->round, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  sees_concerns = bel_engine_require_school_role (engine, actor,
                                                  bel_resource_get_int (board->round, "school-id"),
                                                  BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER, NULL);
  if (!read_students (&r, query, error) ||
      !read_staff (&r, error) ||
      !read_marks (&r, actor, sees_concerns, error) ||
      !read_advocates (&r, error) ||
      !read_advisories (&r, error) ||
      !count_students (&r, error))
    return NULL;
  g_object_set (board->round, "mark-count", r.relationship_marks, NULL);
  g_ptr_array_sort (board->staff, compare_staff);
  bel_board_summarize (board, query->connection);
  return g_steal_pointer (&board);
}
