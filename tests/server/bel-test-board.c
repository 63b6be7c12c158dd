/* bel-test-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-board.h"

#include "bel-marks.h"
#include "bel-rounds.h"
#include "bel-students.h"

gint64
bel_test_board_add_student (BelEngine  *engine,
                            gint64      school_id,
                            const char *given,
                            const char *family,
                            gint64      grade,
                            gint64      advisory_id,
                            const char *subgroups)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = g_strsplit (subgroups, " ", -1);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sis = g_strdup_printf ("B-%04u", ++n);
  g_autoptr(BelStudent) s = NULL;
  g_autoptr(BelStudent) created = NULL;
  const char * const *t = (const char * const *) tags;

  if (g_strv_contains (t, "Female") || g_strv_contains (t, "Male"))
    g_hash_table_insert (attributes, "gender", g_strv_contains (t, "Female") ? "Female" : "Male");
  s = g_object_new (BEL_TYPE_STUDENT,
                    "sis-id", sis,
                    "given-name", given,
                    "family-name", family,
                    "grade", grade,
                    "advisory-id", advisory_id,
                    "el-status", g_strv_contains (t, "el") ? "current"
                                 : g_strv_contains (t, "former_el") ? "former" : "none",
                    "iep", g_strv_contains (t, "iep"),
                    "section-504", g_strv_contains (t, "504"),
                    "language-plan", g_strv_contains (t, "language_plan"),
                    "behavior-plan", g_strv_contains (t, "behavior_plan"),
                    "attributes", attributes,
                    "active", !g_strv_contains (t, "inactive"),
                    NULL);
  created = bel_students_create (engine, bel_engine_system_actor (engine), school_id, s, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

gint64
bel_test_board_add_round (BelEngine  *engine,
                          gint64      school_id,
                          const char *name,
                          const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) round = g_object_new (BEL_TYPE_ROUND, "name", name, "status", status, NULL);
  g_autoptr(BelRound) created = bel_rounds_create (engine, bel_engine_system_actor (engine), school_id,
                                                   round, &error);

  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

/* @marks: "student:T|C|L:kind" triples, e.g. "0:T:relationship". */
static void
put_marks (BelEngine          *engine,
           BelTestBoard       *b,
           gint64              round_id,
           const char * const *marks)
{
  for (guint i = 0; marks[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (marks[i], ":", 3);
      gint64 account = parts[1][0] == 'T' ? b->seed.teacher_id
                       : parts[1][0] == 'C' ? b->seed.counselor_id : b->seed.leader_id;
      g_autoptr(GError) error = NULL;
      g_autoptr(BelMark) mark = bel_marks_put (engine, bel_engine_system_actor (engine), round_id,
                                               b->students[g_ascii_strtoull (parts[0], NULL, 10)],
                                               account, parts[2], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (mark);
    }
}

static void
close_round (BelEngine *engine,
             gint64     round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelRound) changes = g_object_new (BEL_TYPE_ROUND, "status", "closed", NULL);
  const char *fields[] = { "status", NULL };
  g_autoptr(BelRound) closed = bel_rounds_update (engine, bel_engine_system_actor (engine), round_id, 0,
                                                  changes, fields, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bel_resource_get_string (closed, "status"), ==, "closed");
}

void
bel_test_board_build (BelTestDaemon *d,
                      BelTestBoard  *b)
{
  static const char * const fall_marks[] = {
    "0:T:relationship", "3:T:relationship", "3:C:relationship", "3:L:relationship",
    "4:C:relationship", "5:L:relationship", "5:T:relationship", NULL
  };
  static const char * const winter_marks[] = {
    "0:T:relationship", "0:C:relationship", "1:T:relationship", "1:T:personal", "2:C:concern",
    "3:T:relationship", "3:C:relationship", "3:L:relationship", "4:T:concern",
    "5:L:relationship", "6:C:relationship", NULL
  };
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BelTransaction) tx = NULL;
  BelTestSeed *s = &b->seed;

  bel_test_daemon_seed (d, s);
  engine = bel_test_daemon_open_engine (d);
  tx = bel_engine_begin (engine, &error);
  g_assert_no_error (error);

  b->students[BOARD_JOSE] = s->student_id;
  b->students[BOARD_AMARA] = bel_test_board_add_student (engine, s->school_id, "Amara", "Okafor", 9,
                                                         s->advisory_id, "el iep Female");
  b->students[BOARD_BAO] = bel_test_board_add_student (engine, s->school_id, "Bao", "Nguyen", 9,
                                                       s->other_advisory_id, "former_el");
  b->students[BOARD_CARLOS] = bel_test_board_add_student (engine, s->school_id, "Carlos", "Ruiz", 10,
                                                          s->advisory_id, "504 Male");
  b->students[BOARD_DANA] = bel_test_board_add_student (engine, s->school_id, "Dana", "Kim", 10, 0,
                                                        "language_plan");
  b->students[BOARD_EVE] = bel_test_board_add_student (engine, s->school_id, "Eve", "Martin", 11,
                                                       s->other_advisory_id, "behavior_plan Female");
  b->students[BOARD_FARID] = bel_test_board_add_student (engine, s->school_id, "Farid", "Haddad", 11,
                                                         s->advisory_id, "");
  b->inactive_id = bel_test_board_add_student (engine, s->school_id, "Gus", "Gone", 9, 0, "inactive");
  b->other_student_id = bel_test_board_add_student (engine, s->other_school_id, "Olu", "Other", 7, 0, "");

  b->fall_id = bel_test_board_add_round (engine, s->school_id, "Fall map", "open");
  put_marks (engine, b, b->fall_id, fall_marks);
  close_round (engine, b->fall_id);

  b->students[BOARD_HANA] = bel_test_board_add_student (engine, s->school_id, "Hana", "Sato", 12, 0, "");
  b->winter_id = bel_test_board_add_round (engine, s->school_id, "Winter map", "open");
  put_marks (engine, b, b->winter_id, winter_marks);
  b->other_round_id = bel_test_board_add_round (engine, s->other_school_id, "Hilltop map", "open");

  bel_transaction_commit (tx, &error);
  g_assert_no_error (error);
}

JsonObject *
bel_test_board_student (JsonObject *board,
                        gint64      student_id)
{
  JsonArray *students = json_object_get_array_member (board, "students");

  for (guint i = 0; i < json_array_get_length (students); i++)
    {
      JsonObject *s = json_array_get_object_element (students, i);

      if (json_object_get_int_member (s, "student_id") == student_id)
        return s;
    }
  g_error ("student %" G_GINT64_FORMAT " is not on the board", student_id);
}

char *
bel_test_ids_of (JsonArray *array)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_array_get_int_element (array, i));
  return g_string_free (out, FALSE);
}

char *
bel_test_board_marks (JsonObject *student,
                      const char *kind)
{
  if (!json_object_has_member (student, kind))
    return g_strdup ("");
  return bel_test_ids_of (json_object_get_array_member (student, kind));
}

guint
bel_test_board_n_marks (JsonObject *student,
                        const char *kind)
{
  if (!json_object_has_member (student, kind))
    return 0;
  return json_array_get_length (json_object_get_array_member (student, kind));
}

gboolean
bel_test_board_has_mark (JsonObject *student,
                         const char *kind,
                         gint64      account_id)
{
  JsonArray *ids;

  if (!json_object_has_member (student, kind))
    return FALSE;
  ids = json_object_get_array_member (student, kind);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (json_array_get_int_element (ids, i) == account_id)
      return TRUE;
  return FALSE;
}

JsonObject *
bel_test_board_staff (JsonObject *board,
                      gint64      account_id)
{
  JsonArray *staff = json_object_get_array_member (board, "staff");

  for (guint i = 0; i < json_array_get_length (staff); i++)
    {
      JsonObject *s = json_array_get_object_element (staff, i);

      if (json_object_get_int_member (s, "account_id") == account_id)
        return s;
    }
  g_error ("account %" G_GINT64_FORMAT " is not in the board's staff", account_id);
}

const char *
bel_test_board_advisory_name (JsonObject *board,
                              gint64      advisory_id)
{
  JsonArray *advisories = json_object_get_array_member (board, "advisories");

  for (guint i = 0; i < json_array_get_length (advisories); i++)
    {
      JsonObject *advisory = json_array_get_object_element (advisories, i);

      if (json_object_get_int_member (advisory, "advisory_id") == advisory_id)
        return json_object_get_string_member (advisory, "name");
    }
  g_error ("advisory %" G_GINT64_FORMAT " is not on the board", advisory_id);
}

char *
bel_test_board_ids (JsonObject *board)
{
  JsonArray *students = json_object_get_array_member (board, "students");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (students); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (students, i),
                                                        "student_id"));
  return g_string_free (out, FALSE);
}

char *
bel_test_counts (JsonObject *group)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          json_object_get_int_member (group, "students"),
                          json_object_get_int_member (group, "none"),
                          json_object_get_int_member (group, "one"),
                          json_object_get_int_member (group, "many"));
}

JsonObject *
bel_test_group (JsonArray  *array,
                const char *key)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *group = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (group, "key"), key) == 0)
        return group;
    }
  g_error ("no group %s in the summary", key);
}

gint64
bel_test_last_seq (BelTestDaemon *d,
                   const char    *token,
                   gint64         school_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/schools/%" G_GINT64_FORMAT "/events?since=0",
                                           school_id);
  g_autoptr(BelTestResponse) r = bel_test_daemon_request (d, "GET", path, token, NULL, NULL);

  g_assert_cmpuint (r->status, ==, 200);
  return json_object_get_int_member (bel_test_response_object (r), "last_seq");
}
