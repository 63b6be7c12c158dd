/* bel-test-checkins.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-test-checkins.h"

#include "bel-accounts.h"
#include "bel-password.h"
#include "bel-students.h"

static gint64
add_student (BelEngine  *engine,
             gint64      school_id,
             const char *sis,
             const char *given,
             const char *family,
             gint64      grade,
             gint64      advisory_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelStudent) s = g_object_new (BEL_TYPE_STUDENT, "sis-id", sis, "given-name", given,
                                          "family-name", family, "grade", grade, "advisory-id", advisory_id,
                                          "home-language", "Spanish", "active", TRUE, NULL);
  g_autoptr(BelStudent) created = bel_students_create (engine, bel_engine_system_actor (engine), school_id,
                                                       s, &error);

  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

static gint64
add_teacher (BelEngine  *engine,
             gint64      school_id)
{
  BelAccount *system = bel_engine_system_actor (engine);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = bel_password_hash (BEL_TEST_PASSWORD, &error);
  g_autoptr(BelAccount) account = g_object_new (BEL_TYPE_ACCOUNT, "username", "teacher2",
                                                "display-name", "Tia Two", "server-role", "none",
                                                "active", TRUE, NULL);
  g_autoptr(BelAccount) created = bel_accounts_create_with_hash (engine, system, account, hash, &error);
  g_autoptr(BelMembership) membership = g_object_new (BEL_TYPE_MEMBERSHIP, "role", "teacher", NULL);
  g_autoptr(BelMembership) put = NULL;

  g_assert_no_error (error);
  put = bel_memberships_put (engine, system, school_id, bel_resource_get_id (created), membership, &error);
  g_assert_no_error (error);
  return bel_resource_get_id (created);
}

void
bel_test_checkins_setup (BelTestCheckins *c)
{
  g_autoptr(BelEngine) engine = NULL;
  BelTestSeed *s = &c->seed;

  c->d = bel_test_daemon_new ();
  bel_test_daemon_seed (c->d, s);
  engine = bel_test_daemon_open_engine (c->d);
  c->jose = s->student_id;
  c->ana = add_student (engine, s->school_id, "C-1", "Ana", "Alba", 9, s->advisory_id);
  c->ben = add_student (engine, s->school_id, "C-2", "Ben", "Brook", 9, s->other_advisory_id);
  c->cleo = add_student (engine, s->school_id, "C-3", "Cleo", "Cruz", 10, s->advisory_id);
  c->dev = add_student (engine, s->school_id, "C-4", "Dev", "Diaz", 10, 0);
  c->teacher2_id = add_teacher (engine, s->school_id);
  g_clear_object (&engine);
  bel_test_daemon_start (c->d);
  c->leader = bel_test_daemon_sign_in (c->d, "leader", BEL_TEST_PASSWORD);
  c->counselor = bel_test_daemon_sign_in (c->d, "counselor", BEL_TEST_PASSWORD);
  c->teacher = bel_test_daemon_sign_in (c->d, "teacher", BEL_TEST_PASSWORD);
  c->teacher2 = bel_test_daemon_sign_in (c->d, "teacher2", BEL_TEST_PASSWORD);
  c->outsider = bel_test_daemon_sign_in (c->d, "outsider", BEL_TEST_PASSWORD);
}

void
bel_test_checkins_teardown (BelTestCheckins *c)
{
  g_free (c->leader);
  g_free (c->counselor);
  g_free (c->teacher);
  g_free (c->teacher2);
  g_free (c->outsider);
  bel_test_daemon_free (c->d);
}

static BelTestResponse *
call_va (BelTestCheckins *c,
         const char      *method,
         const char      *token,
         const char      *body,
         const char      *if_match,
         const char      *path_format,
         va_list          args)
{
  g_autofree char *path = g_strdup_vprintf (path_format, args);

  return bel_test_daemon_request (c->d, method, path, token, body, if_match);
}

BelTestResponse *
bel_test_checkins_call (BelTestCheckins *c,
                        const char      *method,
                        const char      *token,
                        const char      *body,
                        const char      *if_match,
                        const char      *path_format,
                        ...)
{
  va_list args;
  BelTestResponse *r;

  va_start (args, path_format);
  r = call_va (c, method, token, body, if_match, path_format, args);
  va_end (args);
  return r;
}

gint64
bel_test_checkins_create (BelTestCheckins *c,
                          const char      *token,
                          const char      *body,
                          const char      *path_format,
                          ...)
{
  va_list args;
  g_autoptr(BelTestResponse) r = NULL;

  va_start (args, path_format);
  r = call_va (c, "POST", token, body, NULL, path_format, args);
  va_end (args);
  if (r->status != 201)
    g_test_message ("%.*s", (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpuint (r->status, ==, 201);
  return bel_test_response_int (r, "id");
}

JsonArray *
bel_test_items (BelTestResponse *r)
{
  if (r->status != 200)
    g_test_message ("%.*s", (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpuint (r->status, ==, 200);
  return json_object_get_array_member (bel_test_response_object (r), "items");
}

JsonObject *
bel_test_find (JsonArray  *items,
               const char *member,
               gint64      value,
               const char *rule)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member (item, member) == value &&
          (rule == NULL || g_strcmp0 (json_object_get_string_member (item, "rule"), rule) == 0))
        return item;
    }
  return NULL;
}

char *
bel_test_column (JsonArray  *items,
                 const char *member)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (items, i), member));
  return g_string_free (out, FALSE);
}
