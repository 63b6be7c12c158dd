/* bel-profiles.c - reading, adding, correcting and editing profile entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profiles-private.h"

#include "bel-error.h"
#include "bel-events.h"

/* The kind-specific fields as JSON names, in the order of the columns ?13..?24. */
static const char * const kind_columns[] = {
  "grades", "assessments", "attendance_summary", "attendance_rate",
  "home_language", "english_proficiency", "biliteracy", "linguistic_assets",
  "plan_type", "starts_on", "ends_on", "summary", NULL
};

static gboolean
is_date (const char *text)
{
  gint64 y, m, d;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  y = g_ascii_strtoll (text, NULL, 10);
  m = g_ascii_strtoll (text + 5, NULL, 10);
  d = g_ascii_strtoll (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
is_school_year (const char *text)
{
  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{4}$", text, 0, 0))
    return FALSE;
  return g_ascii_strtoll (text + 5, NULL, 10) == g_ascii_strtoll (text, NULL, 10) + 1;
}

static char *
prop_of (const char *json_name)
{
  return g_strdelimit (g_strdup (json_name), "_", '-');
}

static gboolean
kind_field_set (BelProfileEntry *entry,
                const char      *json_name)
{
  g_autofree char *prop = prop_of (json_name);

  if (g_str_equal (json_name, "attendance_rate"))
    return bel_resource_get_double (entry, prop) >= 0.0;
  return bel_resource_get_string (entry, prop) != NULL;
}

/* Checks the fields of @entry for its section; @v collects what is wrong. */
static void
validate_entry (BelProfileEntry         *entry,
                const BelProfileSection *section,
                BelValidation           *v)
{
  const char * const *allowed = bel_profile_kind_fields (section->kind);
  const char *starts_on = bel_resource_get_string (entry, "starts-on");
  const char *ends_on = bel_resource_get_string (entry, "ends-on");
  const char *observed_on = bel_resource_get_string (entry, "observed-on");

  if (bel_engine_is_blank (bel_resource_get_string (entry, "body")))
    bel_validation_add (v, "body", "must not be empty");
  if (observed_on != NULL && !is_date (observed_on))
    bel_validation_add (v, "observed_on", "must be a date (YYYY-MM-DD)");
  for (guint i = 0; kind_columns[i] != NULL; i++)
    if (kind_field_set (entry, kind_columns[i]) && !g_strv_contains (allowed, kind_columns[i]))
      bel_validation_add (v, kind_columns[i], "is not a field of %s entries", section->name);
  if (section->kind != BEL_PROFILE_KIND_PLAN)
    return;
  if (bel_resource_get_string (entry, "plan-type") == NULL)
    bel_validation_add (v, "plan_type", "is required for a plan (iep, 504, language or behavior)");
  if (!is_date (starts_on))
    bel_validation_add (v, "starts_on", "must be the date the plan starts (YYYY-MM-DD)");
  if (ends_on != NULL && !is_date (ends_on))
    bel_validation_add (v, "ends_on", "must be a date (YYYY-MM-DD)");
  else if (ends_on != NULL && is_date (starts_on) && g_strcmp0 (ends_on, starts_on) < 0)
    bel_validation_add (v, "ends_on", "must not be before starts_on");
}

static BelProfileEntry *
load_entry (BelEngine  *engine,
            gint64      entry_id,
            GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, BEL_PROFILE_ENTRY_SELECT "WHERE e.id = ?", error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, entry_id);
  if (bel_store_step_row (store, stmt, error))
    return bel_profile_entry_from_row (stmt);
  if (error == NULL || *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No profile entry with id %" G_GINT64_FORMAT,
                 entry_id);
  return NULL;
}

static gboolean
forbid_section (const BelProfileSection *section,
                GError                 **error)
{
  g_set_error (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
               "The %s section is open only to counselors, leaders, the student's advisor and "
               "advocates", section->name);
  return FALSE;
}

BelProfile *
bel_profiles_get (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       student_id,
                  const char  *section,
                  GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelProfile) profile = NULL;
  const BelProfileSection *only = NULL;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (section != NULL && (only = bel_profile_section_find (section)) == NULL)
    {
      g_autofree char *shown = bel_error_excerpt (section, 40);
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "section: \"%s\" is not a profile section", shown);
      return NULL;
    }
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, student_id, &access, error);
  if (student == NULL)
    return NULL;
  if (only != NULL && !bel_profiles_may_read (&access, only))
    {
      forbid_section (only, error);
      return NULL;
    }
  profile = bel_profiles_collect (engine, actor, student, &access, section, FALSE, "profile", error);
  if (profile == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&profile);
}

BelProfileEntry *
bel_profiles_get_entry (BelEngine   *engine,
                        BelAccount  *actor,
                        gint64       entry_id,
                        GError     **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelProfileEntry) entry = NULL;
  g_autoptr(BelStudent) student = NULL;
  const BelProfileSection *section;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  entry = load_entry (engine, entry_id, error);
  if (entry == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, bel_resource_get_int (entry, "student-id"),
                                         &access, error);
  if (student == NULL)
    return NULL;
  section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  if (!bel_profiles_may_read (&access, section))
    {
      forbid_section (section, error);
      return NULL;
    }
  if (section->sensitive &&
      !bel_profiles_audit_read (engine, actor, bel_resource_get_id (student), section->name, "entry", error))
    return NULL;
  if (!bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/* The school year an entry gets by default: the school's, else the one of today. */
static char *
default_school_year (BelEngine  *engine,
                     gint64      school_id,
                     GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT school_year FROM school WHERE id = ?", error);
  g_autoptr(GDateTime) now = NULL;
  int year;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  if (bel_store_step_row (store, stmt, error) && is_school_year (bel_column_text (stmt, 0)))
    return g_strdup (bel_column_text (stmt, 0));
  if (error != NULL && *error != NULL)
    return NULL;
  now = g_date_time_new_now_utc ();
  year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 8 ? 1 : 0);
  return g_strdup_printf ("%d-%d", year, year + 1);
}

/* Binds the kind-specific columns ?13..?24 of @entry. */
static void
bind_kind_fields (BelStmt    *stmt,
                  BelProfileEntry *entry)
{
  for (guint i = 0; kind_columns[i] != NULL; i++)
    {
      g_autofree char *prop = prop_of (kind_columns[i]);

      if (g_str_equal (kind_columns[i], "attendance_rate"))
        {
          gdouble rate = bel_resource_get_double (entry, prop);
          if (rate >= 0.0)
            bel_bind_double (stmt, 13 + (int) i, rate);
          else
            bel_bind_null (stmt, 13 + (int) i);
        }
      else
        bel_bind_text (stmt, 13 + (int) i, bel_resource_get_string (entry, prop));
    }
}

/* Live event without any text: who shows the profile fetches the entry. */
static gboolean
record_event (BelEngine        *engine,
              const char       *type,
              BelProfileEntry  *entry,
              GError          **error)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  gint64 school_id = bel_resource_get_int (entry, "school-id");

  json_object_set_int_member (data, "student_id", bel_resource_get_int (entry, "student-id"));
  json_object_set_int_member (data, "entry_id", bel_resource_get_id (entry));
  json_object_set_string_member (data, "section", bel_resource_get_string (entry, "section"));
  json_object_set_int_member (data, "version", bel_resource_get_version (entry));
  json_node_set_object (node, data);
  if (bel_resource_get_bool (entry, "sensitive"))
    return bel_events_record_restricted (engine, school_id, type, 0, node,
                                         BEL_ROLE_COUNSELOR | BEL_ROLE_LEADER,
                                         bel_resource_get_int (entry, "author-id"), error);
  return bel_events_record (engine, school_id, type, 0, node, error);
}

/* A correction must name a current entry of the same student and section. */
static gboolean
check_supersedes (BelEngine                *engine,
                  gint64                    student_id,
                  const BelProfileSection  *section,
                  gint64                    old_id,
                  GError                  **error)
{
  g_autoptr(BelProfileEntry) old = load_entry (engine, old_id, NULL);

  if (old == NULL || bel_resource_get_int (old, "student-id") != student_id)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID, "supersedes_id: is not an entry of this student");
      return FALSE;
    }
  if (g_strcmp0 (bel_resource_get_string (old, "section"), section->name) != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID,
                   "supersedes_id: a correction must be in the section of the entry it corrects (%s)",
                   bel_resource_get_string (old, "section"));
      return FALSE;
    }
  if (bel_resource_get_int (old, "superseded-by") != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                   "Entry %" G_GINT64_FORMAT " was already corrected by entry %" G_GINT64_FORMAT
                   "; correct that one instead", old_id, bel_resource_get_int (old, "superseded-by"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
mark_superseded (BelStore  *store,
                 gint64     old_id,
                 gint64     new_id,
                 GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "UPDATE profile_entry SET superseded_by = ?, version = version + 1 "
      "WHERE id = ? AND superseded_by IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, new_id);
  bel_bind_int64 (stmt, 2, old_id);
  return bel_store_step_done (store, stmt, error);
}

static gboolean
audit_write (BelEngine   *engine,
             BelAccount  *actor,
             const char  *action,
             gint64       student_id,
             const char  *section,
             GError     **error)
{
  g_autofree char *detail = g_strdup_printf ("section=%s", section);

  if (bel_engine_audit (engine, actor, action, student_id, detail))
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE, "Could not write the audit log; try again");
  return FALSE;
}

static BelProfileEntry *
insert_entry (BelEngine        *engine,
              BelAccount       *actor,
              BelStudent       *student,
              BelProfileEntry  *entry,
              gint64            author_id,
              const char       *author_name,
              GDateTime        *created,
              GError          **error)
{
  BelStore *store = bel_engine_get_store (engine);
  const BelProfileSection *section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  gint64 school_id = bel_resource_get_int (student, "school-id");
  gint64 student_id = bel_resource_get_id (student);
  g_autofree char *school_year = g_strdup (bel_resource_get_string (entry, "school-year"));
  g_autofree char *created_at = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *today = g_date_time_format (created, "%Y-%m-%d");
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelProfileEntry) stored = NULL;
  gint64 id, supersedes_id = bel_resource_get_int (entry, "supersedes-id");

  if (supersedes_id != 0 && !check_supersedes (engine, student_id, section, supersedes_id, error))
    return NULL;
  if (school_year == NULL && (school_year = default_school_year (engine, school_id, error)) == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO profile_entry (school_id, student_id, section, sensitive, body, "
                            "school_year, grade, observed_on, author_id, author_name, created_at, "
                            "created_unix, grades, assessments, attendance_summary, attendance_rate, "
                            "home_language, english_proficiency, biliteracy, linguistic_assets, plan_type, "
                            "starts_on, ends_on, summary, supersedes_id, updated_at) VALUES (?1, ?2, ?3, ?4, "
                            "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
                            "?22, ?23, ?24, ?25, ?11)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_text (stmt, 3, section->name);
  bel_bind_int64 (stmt, 4, section->sensitive);
  bel_bind_text (stmt, 5, bel_resource_get_string (entry, "body"));
  bel_bind_text (stmt, 6, school_year);
  bel_bind_int64 (stmt, 7, bel_resource_get_int (entry, "grade"));
  bel_bind_text (stmt, 8, bel_resource_get_string (entry, "observed-on") ?: today);
  bel_bind_id (stmt, 9, author_id);
  bel_bind_text (stmt, 10, author_name);
  bel_bind_text (stmt, 11, created_at);
  bel_bind_int64 (stmt, 12, g_date_time_to_unix (created));
  bind_kind_fields (stmt, entry);
  bel_bind_id (stmt, 25, supersedes_id);
  if (!bel_engine_step_unique (store, stmt, "That entry was already corrected", error))
    return NULL;
  id = bel_store_last_insert_id (store);
  if (supersedes_id != 0 && !mark_superseded (store, supersedes_id, id, error))
    return NULL;
  stored = load_entry (engine, id, error);
  if (stored == NULL ||
      !audit_write (engine, actor, supersedes_id ? "profile.entry_correct" : "profile.entry_add",
                    student_id, section->name, error) ||
      !record_event (engine, "profile.entry_added", stored, error))
    return NULL;
  return g_steal_pointer (&stored);
}

BelProfileEntry *
bel_profiles_add (BelEngine        *engine,
                  BelAccount       *actor,
                  gint64            student_id,
                  BelProfileEntry  *entry,
                  GError          **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelProfileEntry) stored = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *school_year = bel_resource_get_string (entry, "school-year");
  const BelProfileSection *section;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY (entry), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, student_id, &access, error);
  if (student == NULL)
    return NULL;
  section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  g_return_val_if_fail (section != NULL, NULL);
  if (!access.member)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Profile entries are written by staff of the student's school");
      return NULL;
    }
  if (!bel_profiles_may_read (&access, section))
    {
      forbid_section (section, error);
      return NULL;
    }
  validate_entry (entry, section, v);
  if (school_year != NULL && !is_school_year (school_year))
    bel_validation_add (v, "school_year", "must be a school year such as 2026-2027");
  if (!bel_validation_finish (v, error))
    return NULL;
  g_object_set (entry, "grade", bel_resource_get_int (student, "grade"), NULL);
  stored = insert_entry (engine, actor, student, entry, bel_resource_get_id (actor),
                         bel_resource_get_string (actor, "display-name"), now, error);
  if (stored == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&stored);
}

static char *
account_name (BelEngine  *engine,
              gint64      account_id,
              GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, "SELECT display_name FROM account WHERE id = ?",
                                                    error);

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, account_id);
  if (bel_store_step_row (store, stmt, error))
    return g_strdup (bel_column_text (stmt, 0));
  if (error != NULL && *error == NULL)
    g_set_error (error, BEL_ERROR, BEL_ERROR_INVALID, "author: no account %" G_GINT64_FORMAT, account_id);
  return NULL;
}

BelProfileEntry *
bel_profiles_import (BelEngine        *engine,
                     BelAccount       *actor,
                     gint64            student_id,
                     BelProfileEntry  *entry,
                     gint64            author_id,
                     GDateTime        *created,
                     GError          **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelProfileEntry) stored = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autofree char *author_name = NULL;
  const BelProfileSection *section;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (created != NULL, NULL);

  if (bel_engine_actor_id (actor) != 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN, "Only belongingctl imports profile entries");
      return NULL;
    }
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, student_id, &access, error);
  if (student == NULL)
    return NULL;
  section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  g_return_val_if_fail (section != NULL, NULL);
  validate_entry (entry, section, v);
  if (!is_school_year (bel_resource_get_string (entry, "school-year")))
    bel_validation_add (v, "school_year", "must be a school year such as 2026-2027");
  if (!bel_validation_finish (v, error))
    return NULL;
  author_name = account_name (engine, author_id, error);
  if (author_name == NULL)
    return NULL;
  stored = insert_entry (engine, actor, student, entry, author_id, author_name, created, error);
  if (stored == NULL || !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&stored);
}

/* Who may still edit @entry, and when: its author, within the window, before a correction. */
static gboolean
check_editable (BelProfileEntry  *entry,
                BelAccount       *actor,
                GError          **error)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (bel_resource_get_string (entry, "created-at"),
                                                               NULL);
  gint64 superseded_by = bel_resource_get_int (entry, "superseded-by");

  if (bel_resource_get_int (entry, "author-id") != bel_engine_actor_id (actor) ||
      bel_engine_actor_id (actor) == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_FORBIDDEN,
                           "Only the author of an entry may edit it; add a correction that supersedes it");
      return FALSE;
    }
  if (superseded_by != 0)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                   "This entry was corrected by entry %" G_GINT64_FORMAT " and no longer changes",
                   superseded_by);
      return FALSE;
    }
  if (created == NULL ||
      g_get_real_time () / G_USEC_PER_SEC > g_date_time_to_unix (created) + BEL_PROFILE_EDIT_WINDOW)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
                   "Entries can be edited for 24 hours after they are written; this one closed at %s. "
                   "Add a correction that supersedes it instead",
                   bel_resource_get_string (entry, "editable-until"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_edit_fields (const BelProfileSection *section,
                   const char * const      *fields,
                   GError                 **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();
  const char * const *kind_fields = bel_profile_kind_fields (section->kind);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (!g_str_equal (fields[i], "body") && !g_str_equal (fields[i], "observed_on") &&
        !g_strv_contains (kind_fields, fields[i]))
      bel_validation_add (v, fields[i], "cannot be edited; add a correction that supersedes the entry");
  return bel_validation_finish (v, error);
}

static gboolean
update_entry (BelStore         *store,
              BelProfileEntry  *entry,
              GError          **error)
{
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *now = bel_store_now_iso ();

  stmt = bel_store_prepare (store,
                            "UPDATE profile_entry SET body = ?1, observed_on = ?2, updated_at = ?3, "
                            "grades = ?13, assessments = ?14, attendance_summary = ?15, attendance_rate = ?16, "
                            "home_language = ?17, english_proficiency = ?18, biliteracy = ?19, "
                            "linguistic_assets = ?20, plan_type = ?21, starts_on = ?22, ends_on = ?23, "
                            "summary = ?24, version = version + 1 "
                            "WHERE id = ?4 AND version = ?5 AND superseded_by IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_text (stmt, 1, bel_resource_get_string (entry, "body"));
  bel_bind_text (stmt, 2, bel_resource_get_string (entry, "observed-on"));
  bel_bind_text (stmt, 3, now);
  bel_bind_int64 (stmt, 4, bel_resource_get_id (entry));
  bel_bind_int64 (stmt, 5, bel_resource_get_version (entry));
  bind_kind_fields (stmt, entry);
  if (!bel_store_step_done (store, stmt, error))
    return FALSE;
  if (bel_store_changes (store) == 1)
    return TRUE;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_PRECONDITION_FAILED, "It was changed meanwhile");
  return FALSE;
}

BelProfileEntry *
bel_profiles_edit (BelEngine          *engine,
                   BelAccount         *actor,
                   gint64              entry_id,
                   gint64              expected_version,
                   BelProfileEntry    *changes,
                   const char * const *fields,
                   GError            **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelProfileEntry) entry = NULL;
  g_autoptr(BelStudent) student = NULL;
  g_autoptr(BelValidation) v = bel_validation_new ();
  g_autofree char *observed_on = NULL;
  const BelProfileSection *section;
  BelProfileAccess access;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_PROFILE_ENTRY (changes), NULL);

  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  entry = load_entry (engine, entry_id, error);
  if (entry == NULL)
    return NULL;
  student = bel_profiles_student_access (engine, actor, bel_resource_get_int (entry, "student-id"),
                                         &access, error);
  if (student == NULL)
    return NULL;
  section = bel_profile_section_find (bel_resource_get_string (entry, "section"));
  if (!bel_profiles_may_read (&access, section))
    {
      forbid_section (section, error);
      return NULL;
    }
  observed_on = g_strdup (bel_resource_get_string (entry, "observed-on"));
  if (!check_editable (entry, actor, error) ||
      !check_edit_fields (section, fields, error) ||
      !bel_engine_check_version (expected_version, bel_resource_get_version (entry), error) ||
      !bel_engine_copy_fields (entry, changes, fields, error))
    return NULL;
  /* observed_on: null keeps the date it had */
  if (bel_resource_get_string (entry, "observed-on") == NULL)
    g_object_set (entry, "observed-on", observed_on, NULL);
  validate_entry (entry, section, v);
  if (!bel_validation_finish (v, error) ||
      !update_entry (bel_engine_get_store (engine), entry, error))
    return NULL;
  g_clear_object (&entry);
  entry = load_entry (engine, entry_id, error);
  if (entry == NULL ||
      !audit_write (engine, actor, "profile.entry_edit", bel_resource_get_id (student), section->name, error) ||
      !record_event (engine, "profile.entry_updated", entry, error) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&entry);
}
