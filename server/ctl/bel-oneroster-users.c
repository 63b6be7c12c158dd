/* bel-oneroster-users.c - users (and 1.2 roles), demographics, enrollments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-oneroster-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define COL(...) ((const char * const []) { __VA_ARGS__, NULL })

enum { U_ROLE, U_ORGS, U_USERNAME, U_GIVEN, U_FAMILY, U_PREFERRED, U_PRONOUNS, U_EMAIL, U_GRADES,
       U_PRIMARY_ORG, U_N };

void
bel_or_user_free (BelOrUser *user)
{
  g_free (user->record.sourced_id);
  g_free (user->username);
  g_free (user->given_name);
  g_free (user->family_name);
  g_free (user->preferred_name);
  g_free (user->pronouns);
  g_free (user->email);
  g_free (user->gender);
  g_free (user->ethnicity);
  g_clear_pointer (&user->orgs, g_ptr_array_unref);
  g_free (user);
}

void
bel_or_enrollment_free (BelOrEnrollment *enrollment)
{
  g_free (enrollment->record.sourced_id);
  g_free (enrollment->role);
  g_free (enrollment->begin_date);
  g_free (enrollment->end_date);
  g_free (enrollment);
}

/* OneRoster 1.1 and 1.2 roles -> what the person is in Belonging. */
static gboolean
parse_role (const char *text,
            BelOrRole  *role)
{
  static const struct { const char *name; BelOrRole role; } roles[] = {
    { "student", BEL_OR_ROLE_STUDENT },
    { "teacher", BEL_OR_ROLE_TEACHER },
    { "counselor", BEL_OR_ROLE_COUNSELOR },
    { "administrator", BEL_OR_ROLE_LEADER },
    { "principal", BEL_OR_ROLE_LEADER },
    { "siteAdministrator", BEL_OR_ROLE_LEADER },
    { "districtAdministrator", BEL_OR_ROLE_LEADER },
    { "systemAdministrator", BEL_OR_ROLE_NONE },
    { "aide", BEL_OR_ROLE_NONE },
    { "proctor", BEL_OR_ROLE_NONE },
    { "guardian", BEL_OR_ROLE_NONE },
    { "parent", BEL_OR_ROLE_NONE },
    { "relative", BEL_OR_ROLE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (text, roles[i].name) == 0)
      {
        *role = roles[i].role;
        return TRUE;
      }
  return FALSE;
}

static void
add_orgs (BelOrReader *rd,
          BelCsvTable *table,
          BelCsvRow   *row,
          int          column,
          BelOrUser   *user)
{
  g_auto(GStrv) ids = g_strsplit (bel_csv_cell (row, column), ",", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      BelOrOrg *org;

      if (*id == '\0')
        continue;
      org = g_hash_table_lookup (rd->orgs, id);
      if (org == NULL && bel_or_missing (rd, "orgs.csv", id))
        bel_or_problem (rd, table, row, column, _("the org “%s” is not in orgs.csv"), id);
      else if (org != NULL && org->is_school && !g_ptr_array_find (user->orgs, org, NULL))
        g_ptr_array_add (user->orgs, org);
    }
}

/* "Ana.Ruiz@school.org" -> "ana.ruiz": Belonging usernames are lowercase
 * letters, digits, '.', '_' and '-'. */
static char *
username_for (const char *username,
              const char *email)
{
  g_autofree char *lower = g_ascii_strdown (*username ? username : email, -1);
  char *at = strchr (lower, '@');

  if (at != NULL)
    *at = '\0';
  if (!g_regex_match_simple ("^[a-z0-9][a-z0-9._-]*$", lower, 0, 0) || strlen (lower) > 64)
    return NULL;
  return g_steal_pointer (&lower);
}

static void
read_user_row (BelOrReader *rd,
               BelCsvTable *table,
               BelCsvRow   *row,
               const int   *c,
               BelOrUser   *user)
{
  gboolean active = user->record.active;

  user->given_name = g_strdup (bel_or_required (rd, table, row, c[U_GIVEN], active));
  user->family_name = g_strdup (bel_or_required (rd, table, row, c[U_FAMILY], active));
  user->preferred_name = bel_or_dup (bel_csv_cell (row, c[U_PREFERRED]));
  user->pronouns = bel_or_dup (bel_csv_cell (row, c[U_PRONOUNS]));
  user->email = bel_or_dup (bel_csv_cell (row, c[U_EMAIL]));
  user->orgs = g_ptr_array_new ();
  user->grade = G_MININT;
  if (c[U_ROLE] >= 0 && !parse_role (bel_csv_cell (row, c[U_ROLE]), &user->role))
    bel_or_problem (rd, table, row, c[U_ROLE], _("“%s” is not a OneRoster role"), bel_csv_cell (row, c[U_ROLE]));
  if (c[U_ORGS] >= 0)
    add_orgs (rd, table, row, c[U_ORGS], user);
  if (c[U_PRIMARY_ORG] >= 0)
    add_orgs (rd, table, row, c[U_PRIMARY_ORG], user);
}

/* What only makes sense once the role is known. */
static void
check_user (BelOrReader *rd,
            BelCsvTable *table,
            BelCsvRow   *row,
            const int   *c,
            BelOrUser   *user,
            GHashTable  *usernames)
{
  if (user->role == BEL_OR_ROLE_STUDENT && !user->record.active)
    {
      g_auto(GStrv) grades = g_strsplit (bel_csv_cell (row, c[U_GRADES]), ",", 2);
      if (grades[0] == NULL || !bel_oneroster_parse_grade (g_strstrip (grades[0]), &user->grade))
        user->grade = G_MININT;
    }
  if (user->role == BEL_OR_ROLE_NONE || !user->record.active)
    return;
  if (user->orgs->len == 0 && !g_hash_table_contains (rd->broken, "orgs.csv"))
    bel_or_problem (rd, table, row, -1, _("the user “%s” belongs to no school in orgs.csv"),
                    user->record.sourced_id);
  if (user->role == BEL_OR_ROLE_STUDENT)
    {
      g_auto(GStrv) grades = g_strsplit (bel_csv_cell (row, c[U_GRADES]), ",", 2);
      const char *grade = grades[0] ? g_strstrip (grades[0]) : "";

      if (!bel_oneroster_parse_grade (grade, &user->grade))
        bel_or_problem (rd, table, row, c[U_GRADES],
                        _("“%s” is not a grade (a student needs one of PK, KG, 01 to 13)"), grade);
      return;
    }
  user->username = username_for (bel_csv_cell (row, c[U_USERNAME]), user->email ? user->email : "");
  if (user->username == NULL)
    bel_or_problem (rd, table, row, c[U_USERNAME],
                    _("“%s” cannot be a username (use letters, digits, “.”, “_” and “-”)"),
                    bel_csv_cell (row, c[U_USERNAME]));
  else if (g_hash_table_contains (usernames, user->username))
    bel_or_problem (rd, table, row, c[U_USERNAME], _("the username “%s” is also on line %u"), user->username,
                    GPOINTER_TO_UINT (g_hash_table_lookup (usernames, user->username)));
  else
    g_hash_table_insert (usernames, user->username, GUINT_TO_POINTER (row->line));
}

/* OneRoster 1.2: roles.csv gives each user's roles, one row per org. */
static void
read_roles (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "roles.csv", TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) has_primary = g_hash_table_new (g_direct_hash, g_direct_equal);
  int user_column, role_column, org_column, type_column;

  if (table == NULL)
    return;
  user_column = bel_or_column (rd, table, COL ("userSourcedId"), TRUE);
  role_column = bel_or_column (rd, table, COL ("role"), TRUE);
  org_column = bel_or_column (rd, table, COL ("orgSourcedId"), TRUE);
  type_column = bel_or_column (rd, table, COL ("roleType"), FALSE);
  for (guint i = 0; user_column >= 0 && role_column >= 0 && org_column >= 0 && i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrRecord record = { 0 };
      BelOrUser *user = g_hash_table_lookup (rd->users, bel_csv_cell (row, user_column));
      gboolean primary = g_ascii_strcasecmp (bel_csv_cell (row, type_column), "primary") == 0;
      BelOrRole role;

      if (!bel_or_read_record (rd, table, row, seen, &record))
        continue;
      if (user == NULL)
        {
          if (bel_or_missing (rd, "users.csv", bel_csv_cell (row, user_column)))
            bel_or_problem (rd, table, row, user_column, _("the user “%s” is not in users.csv"),
                            bel_csv_cell (row, user_column));
        }
      else if (!parse_role (bel_csv_cell (row, role_column), &role))
        bel_or_problem (rd, table, row, role_column, _("“%s” is not a OneRoster role"),
                        bel_csv_cell (row, role_column));
      else if (record.active && role != BEL_OR_ROLE_NONE)
        {
          /* The primary role wins; otherwise the first. */
          if (primary || (user->role == BEL_OR_ROLE_NONE && !g_hash_table_contains (has_primary, user)))
            user->role = role;
          if (primary)
            g_hash_table_add (has_primary, user);
          add_orgs (rd, table, row, org_column, user);
        }
    }
}

void
bel_or_read_users (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "users.csv", TRUE);
  g_autoptr(GHashTable) usernames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int c[U_N];

  if (table == NULL)
    return;
  c[U_ROLE] = bel_or_column (rd, table, COL ("role"), FALSE);
  c[U_ORGS] = bel_or_column (rd, table, COL ("orgSourcedIds"), FALSE);
  c[U_USERNAME] = bel_or_column (rd, table, COL ("username"), TRUE);
  c[U_GIVEN] = bel_or_column (rd, table, COL ("givenName"), TRUE);
  c[U_FAMILY] = bel_or_column (rd, table, COL ("familyName"), TRUE);
  c[U_PREFERRED] = bel_or_column (rd, table, COL ("preferredGivenName", "preferredFirstName"), FALSE);
  c[U_PRONOUNS] = bel_or_column (rd, table, COL ("pronouns"), FALSE);
  c[U_EMAIL] = bel_or_column (rd, table, COL ("email"), FALSE);
  c[U_GRADES] = bel_or_column (rd, table, COL ("grades", "grade"), TRUE);
  c[U_PRIMARY_ORG] = bel_or_column (rd, table, COL ("primaryOrgSourcedId"), FALSE);
  if (c[U_GIVEN] < 0 || c[U_FAMILY] < 0 || c[U_USERNAME] < 0 || c[U_GRADES] < 0)
    return;

  for (guint i = 0; i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrUser *user = g_new0 (BelOrUser, 1);

      g_ptr_array_add (rd->roster->users, user);
      if (!bel_or_read_record (rd, table, row, seen, &user->record))
        continue;
      g_hash_table_replace (rd->users, user->record.sourced_id, user);
      read_user_row (rd, table, row, c, user);
    }
  /* 1.2 moved roles out of users.csv; a 1.1 set keeps them in it. */
  if (c[U_ROLE] < 0 || g_hash_table_contains (rd->files, "roles.csv"))
    read_roles (rd);

  for (guint i = 0; i < table->rows->len; i++)
    {
      BelOrUser *user = g_ptr_array_index (rd->roster->users, i);

      if (user->record.sourced_id == NULL)
        continue;
      check_user (rd, table, g_ptr_array_index (table->rows, i), c, user, usernames);
      if (user->role == BEL_OR_ROLE_NONE)
        rd->roster->n_skipped_users++;
    }
}

enum { D_SEX, D_HISPANIC, D_TWO_OR_MORE, D_FIRST_RACE };

static const struct { const char * const *names; const char *label; } races[] = {
  { COL ("americanIndianOrAlaskaNative", "americanIndianOrAlaskanNative"), "American Indian or Alaska Native" },
  { COL ("asian"), "Asian" },
  { COL ("blackOrAfricanAmerican"), "Black or African American" },
  { COL ("nativeHawaiianOrOtherPacificIslander"), "Native Hawaiian or Other Pacific Islander" },
  { COL ("white"), "White" },
};

/* true / false / empty; anything else is a problem. */
static gboolean
read_flag (BelOrReader *rd,
           BelCsvTable *table,
           BelCsvRow   *row,
           int          column)
{
  const char *value = bel_csv_cell (row, column);

  if (g_ascii_strcasecmp (value, "true") == 0)
    return TRUE;
  if (*value != '\0' && g_ascii_strcasecmp (value, "false") != 0)
    bel_or_problem (rd, table, row, column, _("“%s” is not true or false"), value);
  return FALSE;
}

static const char *
gender_label (const char *sex)
{
  if (g_ascii_strcasecmp (sex, "male") == 0)
    return "Male";
  if (g_ascii_strcasecmp (sex, "female") == 0)
    return "Female";
  if (g_ascii_strcasecmp (sex, "other") == 0)
    return "Another gender";
  return NULL;
}

static void
read_demographic_row (BelOrReader *rd,
                      BelCsvTable *table,
                      BelCsvRow   *row,
                      const int   *c,
                      BelOrUser   *user)
{
  const char *sex = bel_csv_cell (row, c[D_SEX]);
  const char *race = NULL;
  guint n_races = 0;

  if (*sex != '\0' && g_ascii_strcasecmp (sex, "unspecified") != 0 && gender_label (sex) == NULL)
    bel_or_problem (rd, table, row, c[D_SEX], _("“%s” is not male, female, other or unspecified"), sex);
  for (guint r = 0; r < G_N_ELEMENTS (races); r++)
    if (read_flag (rd, table, row, c[D_FIRST_RACE + r]))
      {
        race = races[r].label;
        n_races++;
      }
  if (read_flag (rd, table, row, c[D_TWO_OR_MORE]) || n_races > 1)
    race = "Two or more races";
  /* As US rosters report it: ethnicity first. */
  if (read_flag (rd, table, row, c[D_HISPANIC]))
    race = "Hispanic or Latino";
  user->has_demographics = TRUE;
  user->gender = g_strdup (gender_label (sex));
  user->ethnicity = g_strdup (race);
}

void
bel_or_read_demographics (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "demographics.csv", FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int c[D_FIRST_RACE + G_N_ELEMENTS (races)];

  if (table == NULL)
    return;
  rd->roster->has_demographics = TRUE;
  c[D_SEX] = bel_or_column (rd, table, COL ("sex"), FALSE);
  c[D_HISPANIC] = bel_or_column (rd, table, COL ("hispanicOrLatinoEthnicity", "hispanicOrLatino"), FALSE);
  c[D_TWO_OR_MORE] = bel_or_column (rd, table, COL ("demographicRaceTwoOrMoreRaces", "twoOrMoreRaces"), FALSE);
  for (guint r = 0; r < G_N_ELEMENTS (races); r++)
    c[D_FIRST_RACE + r] = bel_or_column (rd, table, races[r].names, FALSE);

  for (guint i = 0; i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrRecord record = { 0 };
      BelOrUser *user;

      if (!bel_or_read_record (rd, table, row, seen, &record))
        continue;
      user = g_hash_table_lookup (rd->users, record.sourced_id);
      if (user == NULL && bel_or_missing (rd, "users.csv", record.sourced_id))
        bel_or_problem (rd, table, row, bel_csv_find_column (table, COL ("sourcedId")),
                        _("the user “%s” is not in users.csv"), record.sourced_id);
      else if (user != NULL && record.active)
        read_demographic_row (rd, table, row, c, user);
    }
}

static void
read_enrollment_row (BelOrReader     *rd,
                     BelCsvTable     *table,
                     BelCsvRow       *row,
                     const int       *c,
                     BelOrEnrollment *e)
{
  const char *class_id = bel_csv_cell (row, c[0]);
  const char *user_id = bel_csv_cell (row, c[1]);
  const char *role = bel_csv_cell (row, c[2]);
  const char *primary = bel_csv_cell (row, c[3]);
  static const char * const roles[] = { "student", "teacher", "administrator", "aide", "proctor", NULL };

  e->klass = g_hash_table_lookup (rd->classes, class_id);
  e->user = g_hash_table_lookup (rd->users, user_id);
  if (e->klass == NULL && bel_or_missing (rd, "classes.csv", class_id))
    bel_or_problem (rd, table, row, c[0], _("the enrollment points at the class “%s”, which is not in classes.csv"),
                    class_id);
  if (e->user == NULL && bel_or_missing (rd, "users.csv", user_id))
    bel_or_problem (rd, table, row, c[1], _("the enrollment points at the user “%s”, which is not in users.csv"),
                    user_id);
  if (!g_strv_contains (roles, role))
    bel_or_problem (rd, table, row, c[2], _("“%s” is not an enrollment role (student, teacher, administrator, "
                                            "aide, proctor)"), role);
  else if (e->user != NULL && g_str_equal (role, "student") != (e->user->role == BEL_OR_ROLE_STUDENT) &&
           e->user->role != BEL_OR_ROLE_NONE)
    bel_or_problem (rd, table, row, c[2], _("the user “%s” is enrolled as %s but is not one in users.csv"),
                    user_id, role);
  if (*primary != '\0' && g_ascii_strcasecmp (primary, "true") != 0 && g_ascii_strcasecmp (primary, "false") != 0)
    bel_or_problem (rd, table, row, c[3], _("“%s” is not true or false"), primary);
  e->role = g_strdup (g_str_equal (role, "proctor") ? "aide" : role);
  e->primary = g_ascii_strcasecmp (primary, "true") == 0;
  e->begin_date = bel_or_dup (bel_csv_cell (row, c[4]));
  e->end_date = bel_or_dup (bel_csv_cell (row, c[5]));
}

void
bel_or_read_enrollments (BelOrReader *rd)
{
  g_autoptr(BelCsvTable) table = bel_or_table (rd, "enrollments.csv", FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int c[6];

  if (table == NULL)
    return;
  rd->roster->has_enrollments = TRUE;
  if (!rd->roster->has_classes)
    bel_or_problem (rd, table, NULL, -1, _("the set has enrollments but no classes.csv"));
  c[0] = bel_or_column (rd, table, COL ("classSourcedId"), TRUE);
  c[1] = bel_or_column (rd, table, COL ("userSourcedId"), TRUE);
  c[2] = bel_or_column (rd, table, COL ("role"), TRUE);
  c[3] = bel_or_column (rd, table, COL ("primary"), FALSE);
  c[4] = bel_or_column (rd, table, COL ("beginDate"), FALSE);
  c[5] = bel_or_column (rd, table, COL ("endDate"), FALSE);
  if (c[0] < 0 || c[1] < 0 || c[2] < 0)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      BelCsvRow *row = g_ptr_array_index (table->rows, i);
      BelOrEnrollment *e = g_new0 (BelOrEnrollment, 1);

      g_ptr_array_add (rd->roster->enrollments, e);
      if (!bel_or_read_record (rd, table, row, seen, &e->record))
        continue;
      read_enrollment_row (rd, table, row, c, e);
    }
}
