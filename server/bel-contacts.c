/* bel-contacts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-contacts.h"

#include "bel-care-private.h"
#include "bel-events.h"
#include "bel-family-reach.h"

#define CONTACT_SELECT \
  "SELECT c.id, c.school_id, c.student_id, st.given_name, st.preferred_name, st.family_name, " \
  "c.account_id, acc.display_name, c.caregiver_name, c.relationship, c.channel, c.language, " \
  "c.interpreter, c.interpreter_name, c.good_news, c.concern, c.outcome, c.contacted_on, " \
  "c.created_at, adv.advisor_id FROM caregiver_contact c JOIN student st ON st.id = c.student_id " \
  "LEFT JOIN advisory adv ON adv.id = st.advisory_id LEFT JOIN account acc ON acc.id = c.account_id "

static BelContact *
contact_from_row (BelStmt *stmt)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 3), bel_column_text (stmt, 4),
                                                 bel_column_text (stmt, 5));

  return g_object_new (BEL_TYPE_CONTACT,
                       "id", (gint64) bel_column_int64 (stmt, 0),
                       "school-id", (gint64) bel_column_int64 (stmt, 1),
                       "student-id", (gint64) bel_column_int64 (stmt, 2),
                       "student-name", name,
                       "account-id", (gint64) bel_column_int64 (stmt, 6),
                       "account-name", bel_column_text (stmt, 7),
                       "caregiver-name", bel_column_text (stmt, 8),
                       "relationship", bel_column_text (stmt, 9),
                       "channel", bel_column_text (stmt, 10),
                       "language", bel_column_text (stmt, 11),
                       "interpreter", bel_column_int (stmt, 12) != 0,
                       "interpreter-name", bel_column_text (stmt, 13),
                       "good-news", bel_column_int (stmt, 14) != 0,
                       "concern", bel_column_text (stmt, 15),
                       "outcome", bel_column_text (stmt, 16),
                       "contacted-on", bel_column_text (stmt, 17),
                       "created-at", bel_column_text (stmt, 18),
                       "version", (gint64) 1,
                       NULL);
}

static GPtrArray *
collect (BelEngine     *engine,
         BelAccount    *actor,
         BelStmt  *stmt,
         GError       **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    {
      BelContact *contact = contact_from_row (stmt);

      if (!bel_care_sees_details (actor, bel_resource_get_int (contact, "school-id"),
                                  bel_column_int64 (stmt, 19),
                                  bel_resource_get_int (contact, "account-id")))
        g_object_set (contact, "concern", NULL, "outcome", NULL, "redacted", TRUE, NULL);
      g_ptr_array_add (out, contact);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
bel_contacts_list (BelEngine              *engine,
                   BelAccount             *actor,
                   gint64                  school_id,
                   const BelContactQuery  *query,
                   GError                **error)
{
  g_autoptr(BelStmt) stmt = NULL;
  int good_news = -1;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !bel_care_query_date ("since", query->since, error) ||
      !bel_care_query_date ("until", query->until, error))
    return NULL;
  if (query->good_news != NULL)
    {
      if (!g_str_equal (query->good_news, "true") && !g_str_equal (query->good_news, "false"))
        {
          g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "good_news: must be true or false");
          return NULL;
        }
      good_news = g_str_equal (query->good_news, "true");
    }
  stmt = bel_store_prepare (bel_engine_get_store (engine), CONTACT_SELECT
                            "WHERE c.school_id = ?1 AND (?2 = 0 OR c.student_id = ?2) "
                            "AND (?3 = 0 OR c.account_id = ?3) AND (?4 IS NULL OR c.contacted_on >= ?4) "
                            "AND (?5 IS NULL OR c.contacted_on <= ?5) AND (?6 < 0 OR c.good_news = ?6) "
                            "ORDER BY c.contacted_on DESC, c.id DESC LIMIT ?7", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->student_id);
  bel_bind_int64 (stmt, 3, query->account_id);
  bel_bind_text (stmt, 4, query->since);
  bel_bind_text (stmt, 5, query->until);
  bel_bind_int64 (stmt, 6, good_news);
  bel_bind_int64 (stmt, 7, query->limit ? (int) MIN (query->limit, 1000) : 500);
  return collect (engine, actor, stmt, error);
}

static BelContact *
load_contact (BelEngine   *engine,
              BelAccount  *actor,
              gint64       contact_id,
              GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (engine),
                                                    CONTACT_SELECT "WHERE c.id = ?", error);
  g_autoptr(GPtrArray) items = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, contact_id);
  items = collect (engine, actor, stmt, error);
  return bel_engine_first_row (items, "contact", contact_id, error);
}

BelContact *
bel_contacts_get (BelEngine   *engine,
                  BelAccount  *actor,
                  gint64       contact_id,
                  GError     **error)
{
  g_autoptr(BelContact) contact = NULL;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  contact = load_contact (engine, actor, contact_id, error);
  if (contact == NULL ||
      !bel_engine_require_school_role (engine, actor, bel_resource_get_int (contact, "school-id"),
                                       BEL_ROLE_ANY, error))
    return NULL;
  return g_steal_pointer (&contact);
}

static gboolean
validate_contact (BelContact  *contact,
                  GError     **error)
{
  g_autoptr(BelValidation) v = bel_validation_new ();

  if (bel_engine_is_blank (bel_resource_get_string (contact, "caregiver-name")))
    bel_validation_add (v, "caregiver_name", "must not be empty");
  if (bel_engine_is_blank (bel_resource_get_string (contact, "relationship")))
    bel_validation_add (v, "relationship", "must not be empty");
  bel_care_check_past_date ("contacted_on", bel_resource_get_string (contact, "contacted-on"), v);
  if (bel_resource_get_string (contact, "interpreter-name") != NULL &&
      !bel_engine_get_bool (contact, "interpreter"))
    bel_validation_add (v, "interpreter_name", "is only for a contact with an interpreter");
  if (bel_engine_get_bool (contact, "good-news") && !bel_engine_is_blank (bel_resource_get_string (contact, "concern")))
    bel_validation_add (v, "concern", "a good-news contact has no concern; log the concern as its own contact");
  return bel_validation_finish (v, error);
}

BelContact *
bel_contacts_create (BelEngine   *engine,
                     BelAccount  *actor,
                     gint64       student_id,
                     BelContact  *contact,
                     GError     **error)
{
  BelStore *store;
  BelCareStudent student;
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(BelContact) created = NULL;
  g_autofree char *now = bel_store_now_iso ();
  gint64 id;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BEL_IS_CONTACT (contact), NULL);

  if (!bel_care_student (engine, actor, student_id, BEL_ROLE_ANY, &student, error) ||
      !bel_care_require_staff (actor, student.school_id, "Caregiver contacts", error) ||
      !validate_contact (contact, error))
    return NULL;
  store = bel_engine_get_store (engine);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL)
    return NULL;
  stmt = bel_store_prepare (store,
                            "INSERT INTO caregiver_contact (school_id, student_id, account_id, caregiver_name, "
                            "relationship, channel, language, interpreter, interpreter_name, good_news, "
                            "concern, outcome, contacted_on, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, student.school_id);
  bel_bind_int64 (stmt, 2, student_id);
  bel_bind_id (stmt, 3, bel_engine_actor_id (actor));
  bel_bind_text (stmt, 4, bel_resource_get_string (contact, "caregiver-name"));
  bel_bind_text (stmt, 5, bel_resource_get_string (contact, "relationship"));
  bel_bind_text (stmt, 6, bel_resource_get_string (contact, "channel"));
  bel_bind_text (stmt, 7, bel_resource_get_string (contact, "language"));
  bel_bind_int64 (stmt, 8, bel_engine_get_bool (contact, "interpreter"));
  bel_bind_text (stmt, 9, bel_resource_get_string (contact, "interpreter-name"));
  bel_bind_int64 (stmt, 10, bel_engine_get_bool (contact, "good-news"));
  bel_bind_text (stmt, 11, bel_resource_get_string (contact, "concern"));
  bel_bind_text (stmt, 12, bel_resource_get_string (contact, "outcome"));
  bel_bind_text (stmt, 13, bel_resource_get_string (contact, "contacted-on"));
  bel_bind_text (stmt, 14, now);
  if (!bel_store_step_done (store, stmt, error))
    return NULL;
  id = bel_store_last_insert_id (store);
  created = load_contact (engine, actor, id, error);
  if (created == NULL ||
      !bel_care_record (engine, student.school_id, "contact.created", BEL_EVENT_EVERYONE, 0, error,
                        "contact_id", id, "student_id", student_id,
                        "good_news", (gint64) bel_engine_get_bool (contact, "good-news"), NULL) ||
      !bel_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&created);
}

/* ---- families reached this quarter ---- */

static BelFamilyReach *
reach_from_row (BelStmt *stmt,
                const char   *quarter,
                const char   *first,
                const char   *last)
{
  g_autofree char *name = bel_care_student_name (bel_column_text (stmt, 1), bel_column_text (stmt, 2),
                                                 bel_column_text (stmt, 3));

  return g_object_new (BEL_TYPE_FAMILY_REACH,
                       "student-id", (gint64) bel_column_int64 (stmt, 0),
                       "student-name", name,
                       "grade", (gint64) bel_column_int64 (stmt, 4),
                       "advisory-id", (gint64) bel_column_int64 (stmt, 5),
                       "advisory-name", bel_column_text (stmt, 6),
                       "advisor-id", (gint64) bel_column_int64 (stmt, 7),
                       "advisor-name", bel_column_text (stmt, 8),
                       "home-language", bel_column_text (stmt, 9),
                       "quarter", quarter,
                       "quarter-starts-on", first,
                       "quarter-ends-on", last,
                       "contacts-this-quarter", (gint64) bel_column_int64 (stmt, 10),
                       "last-good-news-on", bel_column_text (stmt, 11),
                       "last-contact-on", bel_column_text (stmt, 12),
                       "reached", bel_column_text (stmt, 11) != NULL && g_strcmp0 (bel_column_text (stmt, 11), first) >= 0,
                       NULL);
}

static const char *
reach_state (const char  *state,
             GError     **error)
{
  static const char * const states[] = { "unreached", "reached", "all", NULL };

  if (state == NULL)
    return "unreached";
  if (g_strv_contains (states, state))
    return state;
  g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST, "state: must be unreached, reached or all");
  return NULL;
}

GPtrArray *
bel_contacts_family_reach (BelEngine            *engine,
                           BelAccount           *actor,
                           gint64                school_id,
                           const BelReachQuery  *query,
                           GError              **error)
{
  BelStore *store;
  g_autoptr(BelCheckinSettings) settings = NULL;
  g_autoptr(BelCalendar) calendar = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *upto_text = NULL;
  const char *quarter = NULL;
  const char *state;
  guint32 as_of, first, last;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !bel_care_query_date ("as_of", query->as_of, error) ||
      (state = reach_state (query->state, error)) == NULL)
    return NULL;
  settings = bel_cadence_load_settings (engine, school_id, error);
  if (settings == NULL)
    return NULL;
  calendar = bel_cadence_calendar (settings);
  as_of = query->as_of ? bel_date_parse (query->as_of) : bel_date_today ();
  if (!bel_calendar_quarter (calendar, as_of, &quarter, &first, &last))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID,
                           "as_of: no quarter of the school's settings holds this day");
      return NULL;
    }
  first_text = bel_date_format (first);
  last_text = bel_date_format (last);
  upto_text = bel_date_format (MIN (last, as_of));
  store = bel_engine_get_store (engine);
  stmt = bel_store_prepare (store,
      "SELECT st.id, st.given_name, st.preferred_name, st.family_name, st.grade, st.advisory_id, "
      "adv.name, adv.advisor_id, acc.display_name, st.home_language, "
      "(SELECT COUNT(*) FROM caregiver_contact c WHERE c.student_id = st.id "
      " AND c.contacted_on BETWEEN ?6 AND ?7), "
      "(SELECT MAX(c.contacted_on) FROM caregiver_contact c WHERE c.student_id = st.id "
      " AND c.good_news = 1 AND c.contacted_on <= ?7), "
      "(SELECT MAX(c.contacted_on) FROM caregiver_contact c WHERE c.student_id = st.id "
      " AND c.contacted_on <= ?7) "
      "FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "LEFT JOIN account acc ON acc.id = adv.advisor_id "
      "WHERE st.school_id = ?1 AND st.active = 1 AND (?2 = 0 OR st.advisory_id = ?2) "
      "AND (?3 = 0 OR adv.advisor_id = ?3) AND (?4 = 0 OR st.grade = ?5) "
      "ORDER BY st.family_key, st.given_key, st.id", error);
  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->advisory_id);
  bel_bind_int64 (stmt, 3, query->advisor_id);
  bel_bind_int64 (stmt, 4, query->has_grade);
  bel_bind_int64 (stmt, 5, query->grade);
  bel_bind_text (stmt, 6, first_text);
  bel_bind_text (stmt, 7, upto_text);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      g_autoptr(BelFamilyReach) reach = reach_from_row (stmt, quarter, first_text, last_text);
      gboolean reached = bel_resource_get_bool (reach, "reached");

      if (g_str_equal (state, "all") || reached == g_str_equal (state, "reached"))
        g_ptr_array_add (out, g_steal_pointer (&reach));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}
