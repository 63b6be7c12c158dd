/* bel-roster-import.c - schools and staff; students in bel-roster-import-students.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-roster-import-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-accounts.h"
#include "bel-error.h"
#include "bel-roster.h"
#include "bel-schools.h"

/* A hash table value. */
gint64 *
bel_import_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

void
bel_import_step (BelImport *im)
{
  im->done++;
  if (im->progress != NULL && (im->done % 25 == 0 || im->done == im->total))
    im->progress (im->done, im->total, im->user_data);
}

gboolean
bel_import_fail_at (GError      **error,
                    const char   *file,
                    guint         line)
{
  g_prefix_error (error, "%s:%u: ", file, line);
  return FALSE;
}

static gint64
school_by_name (BelImport   *im,
                const char  *name,
                GError     **error)
{
  g_autoptr(GPtrArray) schools = bel_schools_list (im->engine, im->actor, error);

  if (schools == NULL)
    return -1;
  for (guint i = 0; i < schools->len; i++)
    if (g_strcmp0 (bel_resource_get_string (g_ptr_array_index (schools, i), "name"), name) == 0)
      return bel_resource_get_id (g_ptr_array_index (schools, i));
  return 0;
}

static gint64
create_school (BelImport  *im,
               BelOrOrg   *org,
               GError    **error)
{
  g_autoptr(BelSchool) school = bel_school_new ();
  g_autoptr(BelSchool) created = NULL;
  gint64 id = school_by_name (im, org->name, error);

  if (id != 0)
    return id;
  g_object_set (school, "name", org->name, "school-year", org->school_year, NULL);
  created = bel_schools_create (im->engine, im->actor, school, error);
  if (created == NULL)
    return -1;
  im->stats->schools.created++;
  return bel_resource_get_id (created);
}

/* With --school: the set's school org that is (or, when the school has no
 * roster id yet and the set has only one school, becomes) that school. */
static gboolean
map_chosen_school (BelImport  *im,
                   gint64      school_id,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sis = bel_roster_school_sis (im->engine, school_id, &local_error);
  g_autoptr(GString) names = g_string_new (NULL);
  BelOrOrg *only = NULL;
  guint n_schools = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < im->roster->orgs->len; i++)
    {
      BelOrOrg *org = g_ptr_array_index (im->roster->orgs, i);

      if (!org->is_school || !org->record.active)
        continue;
      n_schools++;
      only = org;
      g_string_append_printf (names, "%s%s (%s)", names->len ? ", " : "", org->record.sourced_id, org->name);
      if (g_strcmp0 (sis, org->record.sourced_id) == 0)
        {
          g_hash_table_insert (im->schools, org, bel_import_id (school_id));
          im->stats->schools.unchanged++;
          return TRUE;
        }
    }
  if (sis == NULL && n_schools == 1)
    {
      if (!bel_roster_link_school (im->engine, im->actor, school_id, only->record.sourced_id, error))
        return FALSE;
      g_hash_table_insert (im->schools, only, bel_import_id (school_id));
      im->stats->schools.updated++;
      return TRUE;
    }
  g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
               sis ? _("School %" G_GINT64_FORMAT " has the roster id “%s”, which is not in this set "
                       "(its schools: %s)")
                   : _("School %" G_GINT64_FORMAT " has no roster id%s and the set has several schools "
                       "(%s): import without --school to import them all"),
               school_id, sis ? sis : "", names->str);
  return FALSE;
}

static gboolean
map_schools (BelImport  *im,
             gint64      school_id,
             GError    **error)
{
  if (school_id > 0)
    {
      if (!bel_engine_school_exists (im->engine, school_id, error))
        return FALSE;
      return map_chosen_school (im, school_id, error);
    }
  for (guint i = 0; i < im->roster->orgs->len; i++)
    {
      BelOrOrg *org = g_ptr_array_index (im->roster->orgs, i);
      gint64 id;

      if (!org->is_school || !org->record.active)
        continue;
      id = bel_roster_school_by_sis (im->engine, org->record.sourced_id, error);
      if (id == 0)
        {
          id = create_school (im, org, error);
          if (id > 0 && !bel_roster_link_school (im->engine, im->actor, id, org->record.sourced_id, error))
            id = -1;
        }
      else if (id > 0)
        im->stats->schools.unchanged++;
      if (id < 0)
        return bel_import_fail_at (error, "orgs.csv", org->record.line);
      g_hash_table_insert (im->schools, org, bel_import_id (id));
    }
  return TRUE;
}

/* The user's first school that is being imported, 0 for none. */
gint64
bel_import_school_of (BelImport *im,
                      BelOrUser *user)
{
  for (guint i = 0; user->orgs != NULL && i < user->orgs->len; i++)
    {
      gint64 *id = g_hash_table_lookup (im->schools, g_ptr_array_index (user->orgs, i));
      if (id != NULL)
        return *id;
    }
  return 0;
}

static const char *
role_name (BelOrRole role)
{
  switch (role)
    {
    case BEL_OR_ROLE_TEACHER:
      return "teacher";
    case BEL_OR_ROLE_COUNSELOR:
      return "counselor";
    case BEL_OR_ROLE_LEADER:
      return "leader";
    case BEL_OR_ROLE_NONE:
    case BEL_OR_ROLE_STUDENT:
    default:
      return NULL;
    }
}

static char *
display_name_of (BelOrUser *user)
{
  return g_strdup_printf ("%s %s", user->preferred_name ? user->preferred_name : user->given_name,
                          user->family_name);
}

/* The account linked to the user, or the one with its username (then linked), or a new one. */
static BelAccount *
find_or_create_account (BelImport  *im,
                        BelOrUser  *user,
                        gboolean   *created,
                        GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = bel_roster_account_by_sis (im->engine, user->record.sourced_id, error);
  BelAccount *account;
  g_autoptr(BelAccount) fresh = NULL;
  g_autofree char *display_name = NULL;

  *created = FALSE;
  if (id < 0)
    return NULL;
  if (id > 0)
    return bel_accounts_get (im->engine, im->actor, id, error);
  account = bel_accounts_get_by_username (im->engine, im->actor, user->username, &local_error);
  if (account != NULL)
    {
      if (!bel_roster_link_account (im->engine, im->actor, bel_resource_get_id (account),
                                    user->record.sourced_id, error))
        g_clear_object (&account);
      return account;
    }
  if (!g_error_matches (local_error, BEL_ERROR, BEL_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  display_name = display_name_of (user);
  fresh = bel_account_new ();
  g_object_set (fresh, "username", user->username, "display-name", display_name, "email", user->email,
                "server-role", "none", "active", TRUE, NULL);
  /* "!" never verifies: no sign-in until an admin sets a password. */
  account = bel_accounts_create_with_hash (im->engine, im->actor, fresh, "!", error);
  if (account != NULL &&
      !bel_roster_link_account (im->engine, im->actor, bel_resource_get_id (account), user->record.sourced_id,
                                error))
    g_clear_object (&account);
  *created = account != NULL;
  return account;
}

static gboolean
update_account (BelImport   *im,
                BelAccount  *account,
                BelOrUser   *user,
                gboolean    *changed,
                GError     **error)
{
  g_autofree char *display_name = display_name_of (user);
  gboolean active = user->record.active || bel_account_is_admin (account);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(BelAccount) changes = bel_account_new ();
  g_autoptr(BelAccount) updated = NULL;

  if (g_strcmp0 (display_name, bel_resource_get_string (account, "display-name")) != 0)
    g_ptr_array_add (fields, "display-name");
  if (user->email != NULL && g_strcmp0 (user->email, bel_resource_get_string (account, "email")) != 0)
    g_ptr_array_add (fields, "email");
  if (active != bel_resource_get_bool (account, "active"))
    g_ptr_array_add (fields, "active");
  if (fields->len == 0)
    return TRUE;
  g_ptr_array_add (fields, NULL);
  g_object_set (changes, "display-name", display_name, "email", user->email, "active", active, NULL);
  updated = bel_accounts_update (im->engine, im->actor, bel_resource_get_id (account), 0, changes,
                                 (const char * const *) fields->pdata, error);
  *changed = TRUE;
  if (!active)
    im->stats->staff.deactivated++;
  return updated != NULL;
}

static const char *
current_role (BelAccount *account,
              gint64      school_id)
{
  GListModel *memberships = bel_resource_get_object (account, "memberships");

  for (guint i = 0; memberships != NULL && i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(BelMembership) m = g_list_model_get_item (memberships, i);
      if (bel_resource_get_int (m, "school-id") == school_id)
        return bel_resource_get_string (m, "role");
    }
  return NULL;
}

static gboolean
put_memberships (BelImport   *im,
                 BelAccount  *account,
                 BelOrUser   *user,
                 gboolean    *changed,
                 GError     **error)
{
  const char *role = role_name (user->role);

  for (guint i = 0; i < user->orgs->len; i++)
    {
      gint64 *school_id = g_hash_table_lookup (im->schools, g_ptr_array_index (user->orgs, i));
      g_autoptr(BelMembership) membership = NULL;
      g_autoptr(BelMembership) stored = NULL;

      if (school_id == NULL || g_strcmp0 (current_role (account, *school_id), role) == 0)
        continue;
      membership = bel_membership_new ();
      g_object_set (membership, "role", role, NULL);
      stored = bel_memberships_put (im->engine, im->actor, *school_id, bel_resource_get_id (account),
                                    membership, error);
      if (stored == NULL)
        return FALSE;
      *changed = TRUE;
    }
  return TRUE;
}

static gboolean
import_staff_member (BelImport  *im,
                     BelOrUser  *user,
                     GError    **error)
{
  g_autoptr(BelAccount) account = NULL;
  gboolean created = FALSE;
  gboolean changed = FALSE;

  if (!user->record.active && bel_roster_account_by_sis (im->engine, user->record.sourced_id, NULL) <= 0)
    return TRUE; /* never seen, already gone */
  account = user->record.active ? find_or_create_account (im, user, &created, error)
                                : bel_accounts_get (im->engine, im->actor,
                                                    bel_roster_account_by_sis (im->engine, user->record.sourced_id,
                                                                               NULL), error);
  if (account == NULL ||
      (!created && !update_account (im, account, user, &changed, error)) ||
      (user->record.active && !put_memberships (im, account, user, &changed, error)))
    return bel_import_fail_at (error, "users.csv", user->record.line);
  g_hash_table_insert (im->account_ids, user, bel_import_id (bel_resource_get_id (account)));
  if (created)
    im->stats->staff.created++;
  else if (changed && user->record.active)
    im->stats->staff.updated++;
  else if (!changed)
    im->stats->staff.unchanged++;
  return TRUE;
}

static gboolean
import_staff (BelImport  *im,
              GError    **error)
{
  for (guint i = 0; i < im->roster->users->len; i++)
    {
      BelOrUser *user = g_ptr_array_index (im->roster->users, i);

      if (user->role == BEL_OR_ROLE_STUDENT || user->role == BEL_OR_ROLE_NONE)
        continue;
      bel_import_step (im);
      if (bel_import_school_of (im, user) == 0)
        continue;
      if (!import_staff_member (im, user, error))
        return FALSE;
    }
  return TRUE;
}

/* Roster staff of the imported schools that the set no longer has. */
static gboolean
deactivate_missing_staff (BelImport  *im,
                          GError    **error)
{
  static const char * const fields[] = { "active", NULL };
  GHashTableIter schools;
  gpointer value;

  g_hash_table_iter_init (&schools, im->schools);
  while (g_hash_table_iter_next (&schools, NULL, &value))
    {
      g_autoptr(GHashTable) staff = bel_roster_active_staff (im->engine, *(gint64 *) value, error);
      GHashTableIter iter;
      gpointer sis, id;

      if (staff == NULL)
        return FALSE;
      g_hash_table_iter_init (&iter, staff);
      while (g_hash_table_iter_next (&iter, &sis, &id))
        {
          g_autoptr(BelAccount) changes = NULL;
          g_autoptr(BelAccount) updated = NULL;

          if (g_hash_table_contains (im->present, sis))
            continue;
          changes = bel_account_new ();
          g_object_set (changes, "active", FALSE, NULL);
          updated = bel_accounts_update (im->engine, im->actor, *(gint64 *) id, 0, changes, fields, error);
          if (updated == NULL)
            return FALSE;
          im->stats->staff.deactivated++;
        }
    }
  return TRUE;
}

static void
import_clear (BelImport *im)
{
  g_clear_pointer (&im->schools, g_hash_table_unref);
  g_clear_pointer (&im->student_ids, g_hash_table_unref);
  g_clear_pointer (&im->account_ids, g_hash_table_unref);
  g_clear_pointer (&im->class_ids, g_hash_table_unref);
  g_clear_pointer (&im->present, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BelImport, import_clear)

gboolean
bel_roster_import (BelEngine             *engine,
                   BelOneRoster          *roster,
                   gint64                 school_id,
                   gboolean               dry_run,
                   BelRosterImportStats  *stats,
                   BelRosterProgress      progress,
                   gpointer               user_data,
                   GError               **error)
{
  g_auto(BelImport) im = { 0 };
  g_autoptr(BelTransaction) tx = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (roster->problems->len == 0, FALSE);

  memset (stats, 0, sizeof *stats);
  im.engine = engine;
  im.actor = bel_engine_system_actor (engine);
  im.roster = roster;
  im.stats = stats;
  im.progress = progress;
  im.user_data = user_data;
  im.total = roster->users->len + roster->classes->len + roster->enrollments->len;
  im.schools = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  im.student_ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  im.account_ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  im.class_ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  im.present = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < roster->users->len; i++)
    {
      BelOrUser *user = g_ptr_array_index (roster->users, i);
      if (user->record.active)
        g_hash_table_add (im.present, user->record.sourced_id);
    }

  tx = bel_engine_begin (engine, error);
  if (tx == NULL ||
      !map_schools (&im, school_id, error) ||
      !import_staff (&im, error) ||
      !bel_import_students (&im, error) ||
      !deactivate_missing_staff (&im, error) ||
      !bel_import_classes (&im, error))
    return FALSE;
  detail = g_strdup_printf ("students +%u ~%u -%u; staff +%u ~%u -%u; classes +%u ~%u -%u",
                            stats->students.created, stats->students.updated, stats->students.deactivated,
                            stats->staff.created, stats->staff.updated, stats->staff.deactivated,
                            stats->classes.created, stats->classes.updated, stats->classes.deactivated);
  bel_engine_audit (engine, im.actor, "roster.import", 0, detail);
  if (dry_run)
    return TRUE; /* freeing @tx rolls it all back */
  return bel_transaction_commit (tx, error);
}
