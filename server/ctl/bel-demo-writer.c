/* bel-demo-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-writer.h"

#include "bel-accounts.h"
#include "bel-advisories.h"
#include "bel-error.h"
#include "bel-password.h"
#include "bel-schools.h"
#include "bel-students.h"

/* Returns the stored account, creating it unless its username exists. */
static BelAccount *
store_account (BelEngine   *engine,
               BelAccount  *account,
               const char  *password_hash,
               gboolean    *reused,
               GError     **error)
{
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(GError) local_error = NULL;
  BelAccount *existing;

  existing = bel_accounts_get_by_username (engine, actor, bel_resource_get_string (account, "username"),
                                           &local_error);
  *reused = existing != NULL;
  if (existing != NULL)
    return existing;
  if (!g_error_matches (local_error, BEL_ERROR, BEL_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return bel_accounts_create_with_hash (engine, actor, account, password_hash, error);
}

static GPtrArray *
store_staff (BelDemo    *demo,
             BelEngine  *engine,
             gint64      school_id,
             GArray     *reused,
             GError    **error)
{
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *hash = bel_password_hash (BEL_DEMO_PASSWORD, error);

  if (hash == NULL)
    return NULL;
  for (guint i = 0; i < bel_demo_get_n_staff (demo); i++)
    {
      BelMembership *membership = bel_demo_get_staff_membership (demo, i);
      gboolean was_there = FALSE;
      BelAccount *account = store_account (engine, bel_demo_get_staff (demo, i), hash, &was_there, error);

      if (account == NULL)
        return NULL;
      g_ptr_array_add (stored, account);
      g_array_append_val (reused, was_there);
      if (membership != NULL)
        {
          g_autoptr(BelMembership) put = bel_memberships_put (engine, actor, school_id,
                                                              bel_resource_get_id (account),
                                                              membership, error);
          if (put == NULL)
            return NULL;
        }
    }
  return g_steal_pointer (&stored);
}

static GArray *
store_advisories (BelDemo    *demo,
                  BelEngine  *engine,
                  gint64      school_id,
                  GPtrArray  *staff,
                  GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < bel_demo_get_n_advisories (demo); i++)
    {
      BelAdvisory *advisory = bel_demo_get_advisory (demo, i);
      BelAccount *advisor = g_ptr_array_index (staff, bel_demo_get_advisory_advisor (demo, i));
      g_autoptr(BelAdvisory) created = NULL;
      gint64 id;

      g_object_set (advisory, "advisor-id", bel_resource_get_id (advisor), NULL);
      created = bel_advisories_create (engine, bel_engine_system_actor (engine), school_id, advisory, error);
      if (created == NULL)
        return NULL;
      id = bel_resource_get_id (created);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
store_students (BelDemo    *demo,
                BelEngine  *engine,
                gint64      school_id,
                GArray     *advisory_ids,
                GError    **error)
{
  for (guint i = 0; i < bel_demo_get_n_students (demo); i++)
    {
      BelStudent *student = bel_demo_get_student (demo, i);
      gint64 advisory_id = g_array_index (advisory_ids, gint64, bel_demo_get_student_advisory (demo, i));
      g_autoptr(BelStudent) created = NULL;

      g_object_set (student, "advisory-id", advisory_id, NULL);
      created = bel_students_create (engine, bel_engine_system_actor (engine), school_id, student, error);
      if (created == NULL)
        return FALSE;
    }
  return TRUE;
}

BelSchool *
bel_demo_write (BelDemo    *demo,
                BelEngine  *engine,
                GArray    **reused,
                GError    **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelSchool) school = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) advisory_ids = NULL;
  g_autoptr(GArray) reused_staff = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gint64 school_id;

  g_return_val_if_fail (BEL_IS_DEMO (demo), NULL);
  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  school = bel_schools_create (engine, bel_engine_system_actor (engine), bel_demo_get_school (demo), error);
  if (school == NULL)
    return NULL;
  school_id = bel_resource_get_id (school);
  staff = store_staff (demo, engine, school_id, reused_staff, error);
  if (staff == NULL)
    return NULL;
  advisory_ids = store_advisories (demo, engine, school_id, staff, error);
  if (advisory_ids == NULL || !store_students (demo, engine, school_id, advisory_ids, error))
    return NULL;
  if (!bel_transaction_commit (tx, error))
    return NULL;
  /* Read back for the student count. */
  g_clear_object (&school);
  school = bel_schools_get (engine, bel_engine_system_actor (engine), school_id, error);
  if (school != NULL && reused != NULL)
    *reused = g_steal_pointer (&reused_staff);
  return g_steal_pointer (&school);
}
