/* bel-meeting-reasons.c - each reason of "who needs us most", one query each
 *
 * The weights and thresholds are in bel-meeting.h; docs/meeting.md says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-meeting-private.h"

#include "bel-cadence.h"
#include "bel-date-range.h"
#include "bel-goals.h"

typedef gboolean (*RowFunc) (BelMeeting *meeting, BelStmt *stmt);

/* Runs @stmt (parameter 1 bound to the school) and calls @func per row. */
static gboolean
each_row (BelMeeting    *meeting,
          BelStmt  *stmt,
          RowFunc        func,
          GError       **error)
{
  BelStore *store = bel_engine_get_store (meeting->engine);
  g_autoptr(GError) local_error = NULL;

  while (bel_store_step_row (store, stmt, &local_error))
    func (meeting, stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- open concern flags ---- */

static gboolean
flag_row (BelMeeting   *meeting,
          BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));
  gint64 n = bel_column_int64 (stmt, 1);
  g_autofree char *evidence = NULL;
  g_autofree char *day = NULL;
  const char *by = bel_column_text (stmt, 3);

  if (row == NULL)
    return TRUE;
  day = bel_meeting_day (bel_column_text (stmt, 2));
  if (n == 1)
    evidence = g_strdup_printf ("A concern flag has been open since %s (raised by %s)", day, by ?: "belongingctl");
  else
    evidence = g_strdup_printf ("%" G_GINT64_FORMAT " concern flags are open; the latest was raised on %s by %s",
                                n, day, by ?: "belongingctl");
  bel_meeting_add (row, "open_concern_flag",
                   MIN (BEL_MEETING_FLAG_FIRST + (n - 1) * BEL_MEETING_FLAG_MORE, BEL_MEETING_FLAG_MAX),
                   n == 1 ? "Open concern flag" : "Open concern flags", evidence);
  return TRUE;
}

gboolean
bel_meeting_flags (BelMeeting  *meeting,
                   GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (bel_engine_get_store (meeting->engine),
      "SELECT f.student_id, COUNT(*), MAX(f.raised_at), "
      "(SELECT a.display_name FROM concern_flag l LEFT JOIN account a ON a.id = l.raised_by "
      " WHERE l.student_id = f.student_id AND l.status = 'open' ORDER BY l.raised_at DESC, l.id DESC LIMIT 1) "
      "FROM concern_flag f WHERE f.school_id = ? AND f.status = 'open' GROUP BY f.student_id", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->school_id);
  return each_row (meeting, stmt, flag_row, error);
}

/* ---- no adult on the current board round ---- */

static gboolean
current_round (BelMeeting  *meeting,
               GError     **error)
{
  BelStore *store = bel_engine_get_store (meeting->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id, name FROM map_round WHERE school_id = ? AND status IN ('open', 'closed') "
      "ORDER BY status = 'open' DESC, closed_at DESC, id DESC LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->school_id);
  if (bel_store_step_row (store, stmt, &local_error))
    {
      meeting->round_id = bel_column_int64 (stmt, 0);
      meeting->round_name = g_strdup (bel_column_text (stmt, 1));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
mark_row (BelMeeting   *meeting,
          BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));
  gboolean personal = g_strcmp0 (bel_column_text (stmt, 3), "personal") == 0;

  if (row != NULL)
    bel_meeting_knows (row, bel_column_int64 (stmt, 1), bel_column_text (stmt, 2),
                       personal ? BEL_KNOWS_PERSONAL : BEL_KNOWS_RELATIONSHIP, NULL);
  return TRUE;
}

gboolean
bel_meeting_board (BelMeeting  *meeting,
                   GError     **error)
{
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *evidence = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!current_round (meeting, error))
    return FALSE;
  if (meeting->round_id == 0)
    return TRUE; /* no board yet: the reason cannot be judged */
  stmt = bel_store_prepare (bel_engine_get_store (meeting->engine),
                            "SELECT m.student_id, m.account_id, a.display_name, m.kind FROM mark m "
                            "JOIN account a ON a.id = m.account_id "
                            "WHERE m.round_id = ? AND m.kind IN ('relationship', 'personal')", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->round_id);
  if (!each_row (meeting, stmt, mark_row, error))
    return FALSE;
  evidence = g_strdup_printf ("No adult marked a relationship with this student on “%s”", meeting->round_name);
  g_hash_table_iter_init (&iter, meeting->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BelMeetingRow *row = value;
      GHashTableIter adults;
      gpointer adult;
      gboolean known = FALSE;

      g_hash_table_iter_init (&adults, row->adults);
      while (!known && g_hash_table_iter_next (&adults, NULL, &adult))
        known = (((BelMeetingAdultRow *) adult)->knows & BEL_KNOWS_RELATIONSHIP) != 0;
      if (!known)
        bel_meeting_add (row, "no_adult", BEL_MEETING_NO_ADULT, "No adult on the board", evidence);
    }
  return TRUE;
}

/* ---- falling attendance (profile academics entries) ---- */

static gboolean
attendance_row (BelMeeting   *meeting,
                BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));
  gdouble latest = bel_column_double (stmt, 1);
  gboolean has_previous = !bel_column_is_null (stmt, 3);
  gdouble previous = bel_column_double (stmt, 3);
  gboolean low = latest < BEL_MEETING_ATTENDANCE_FLOOR;
  gboolean dropping = has_previous && previous - latest >= BEL_MEETING_ATTENDANCE_DROP;
  g_autofree char *evidence = NULL;
  g_autofree char *day = NULL;
  g_autofree char *previous_day = NULL;

  if (row == NULL || (!low && !dropping))
    return TRUE;
  day = bel_meeting_day (bel_column_text (stmt, 2));
  if (has_previous)
    {
      previous_day = bel_meeting_day (bel_column_text (stmt, 4));
      evidence = g_strdup_printf ("Attendance %.0f%% on %s, was %.0f%% on %s", latest, day, previous, previous_day);
    }
  else
    evidence = g_strdup_printf ("Attendance %.0f%% on %s", latest, day);
  bel_meeting_add (row, "falling_attendance", BEL_MEETING_ATTENDANCE,
                   dropping ? "Falling attendance" : "Low attendance", evidence);
  return TRUE;
}

gboolean
bel_meeting_attendance (BelMeeting  *meeting,
                        GError     **error)
{
  BelStore *store = bel_engine_get_store (meeting->engine);
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *as_of = bel_date_format (meeting->as_of);
  g_autofree char *fresh_from = bel_date_format (meeting->as_of - BEL_MEETING_ATTENDANCE_FRESH_DAYS);

  stmt = bel_store_prepare (store,
      "WITH a AS (SELECT student_id, attendance_rate AS rate, observed_on, "
      " ROW_NUMBER () OVER (PARTITION BY student_id ORDER BY observed_on DESC, id DESC) AS n "
      " FROM profile_entry WHERE school_id = ?1 AND section = 'academics' AND attendance_rate IS NOT NULL "
      " AND superseded_by IS NULL AND observed_on <= ?2) "
      "SELECT l.student_id, l.rate, l.observed_on, p.rate, p.observed_on FROM a l "
      "LEFT JOIN a p ON p.student_id = l.student_id AND p.n = 2 WHERE l.n = 1 AND l.observed_on >= ?3", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->school_id);
  bel_bind_text (stmt, 2, as_of);
  bel_bind_text (stmt, 3, fresh_from);
  return each_row (meeting, stmt, attendance_row, error);
}

/* ---- goals off track (the goals engine's own rule, bel-goal-math.h) ---- */

gboolean
bel_meeting_goals (BelMeeting  *meeting,
                   GError     **error)
{
  g_autofree char *as_of = bel_date_format (meeting->as_of);
  BelGoalQuery query = { .as_of = as_of, .track = "off_track" };
  g_autoptr(GPtrArray) goals = bel_goals_list (meeting->engine, meeting->actor, meeting->school_id, &query, error);
  g_autoptr(GHashTable) by_student = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (goals == NULL)
    return FALSE;
  by_student = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < goals->len; i++)
    {
      gpointer goal = g_ptr_array_index (goals, i);
      gint64 student_id = bel_resource_get_int (goal, "student-id");
      GPtrArray *names = g_hash_table_lookup (by_student, &student_id);

      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (by_student, g_memdup2 (&student_id, sizeof student_id), names);
        }
      g_ptr_array_add (names, (gpointer) bel_resource_get_string (goal, "metric-name"));
    }
  g_hash_table_iter_init (&iter, by_student);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BelMeetingRow *row = bel_meeting_row (meeting, *(gint64 *) key);
      GPtrArray *names = value;
      gint64 n = names->len;
      g_autofree char *joined = NULL;
      g_autofree char *evidence = NULL;

      if (row == NULL)
        continue;
      g_ptr_array_add (names, NULL);
      /* metric names often hold commas ("Reading, scaled score"): quote each one */
      joined = g_strjoinv ("” and “", (char **) names->pdata);
      evidence = g_strdup_printf ("Off track on “%s”", joined);
      bel_meeting_add (row, "goals_off_track", MIN (n * BEL_MEETING_GOAL_OFF_TRACK, BEL_MEETING_GOAL_MAX),
                       n == 1 ? "Goal off track" : "Goals off track", evidence);
    }
  return TRUE;
}

/* ---- no family contact this quarter ---- */

static gboolean
contact_row (BelMeeting   *meeting,
             BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));
  g_autofree char *last = bel_meeting_day (bel_column_text (stmt, 1));
  g_autofree char *evidence = NULL;

  if (row == NULL)
    return TRUE;
  evidence = last ? g_strdup_printf ("No contact with the family this quarter; the last was on %s", last)
                  : g_strdup ("No contact with the family on record");
  bel_meeting_add (row, "no_family_contact", BEL_MEETING_NO_FAMILY_CONTACT, "No family contact this quarter",
                   evidence);
  return TRUE;
}

gboolean
bel_meeting_contacts (BelMeeting  *meeting,
                      GError     **error)
{
  g_autoptr(BelCheckinSettings) settings = bel_cadence_load_settings (meeting->engine, meeting->school_id, error);
  g_autoptr(BelCalendar) calendar = NULL;
  g_autoptr(BelStmt) stmt = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *as_of = bel_date_format (meeting->as_of);
  const char *name;
  guint32 first, last;

  if (settings == NULL)
    return FALSE;
  calendar = bel_cadence_calendar (settings);
  if (!bel_calendar_quarter (calendar, meeting->as_of, &name, &first, &last) ||
      meeting->as_of < first + BEL_MEETING_QUARTER_GRACE)
    return TRUE;
  first_text = bel_date_format (first);
  stmt = bel_store_prepare (bel_engine_get_store (meeting->engine),
      "SELECT st.id, (SELECT MAX(c.contacted_on) FROM caregiver_contact c WHERE c.student_id = st.id "
      " AND c.contacted_on <= ?3) FROM student st WHERE st.school_id = ?1 AND st.active = 1 "
      "AND NOT EXISTS (SELECT 1 FROM caregiver_contact c WHERE c.student_id = st.id "
      " AND c.contacted_on BETWEEN ?2 AND ?3)", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, meeting->school_id);
  bel_bind_text (stmt, 2, first_text);
  bel_bind_text (stmt, 3, as_of);
  return each_row (meeting, stmt, contact_row, error);
}

/* ---- missed check-ins ---- */

static void
add_missed (BelMeeting     *meeting,
            BelCheckinDuty *duty)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_resource_get_int (duty, "student-id"));
  g_autoptr(GPtrArray) missed = bel_care_list_items (duty, "missed");
  g_autoptr(GString) evidence = g_string_new (NULL);
  gint64 n = missed->len;

  if (row == NULL || n == 0)
    return;
  g_string_append_printf (evidence, "%s: missed %" G_GINT64_FORMAT " (", bel_resource_get_string (duty, "rule"), n);
  for (guint i = 0; i < missed->len; i++)
    g_string_append_printf (evidence, "%s%s", i ? ", " : "",
                            bel_resource_get_string (g_ptr_array_index (missed, i), "name"));
  g_string_append (evidence, ")");
  bel_meeting_add (row, "missed_checkins", MIN (n * BEL_MEETING_MISSED_CHECKIN, BEL_MEETING_MISSED_MAX),
                   "Missed check-ins", evidence->str);
}

gboolean
bel_meeting_checkins (BelMeeting  *meeting,
                      GError     **error)
{
  g_autofree char *as_of = bel_date_format (meeting->as_of);
  BelDutyQuery query = { .as_of = as_of, .state = "missed" };
  g_autoptr(GPtrArray) duties = bel_cadence_duties (meeting->engine, meeting->actor, meeting->school_id,
                                                    &query, error);

  if (duties == NULL)
    return FALSE;
  for (guint i = 0; i < duties->len; i++)
    add_missed (meeting, g_ptr_array_index (duties, i));
  return TRUE;
}

/* ---- advisors and advocates ---- */

static gboolean
advisor_row (BelMeeting   *meeting,
             BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));

  if (row != NULL)
    bel_meeting_knows (row, bel_column_int64 (stmt, 1), bel_column_text (stmt, 2), BEL_KNOWS_ADVISOR, NULL);
  return TRUE;
}

static gboolean
advocate_row (BelMeeting   *meeting,
              BelStmt *stmt)
{
  BelMeetingRow *row = bel_meeting_row (meeting, bel_column_int64 (stmt, 0));

  if (row != NULL)
    bel_meeting_knows (row, bel_column_int64 (stmt, 1), bel_column_text (stmt, 2), BEL_KNOWS_ADVOCATE,
                       bel_column_text (stmt, 3));
  return TRUE;
}

gboolean
bel_meeting_known_by (BelMeeting  *meeting,
                      GError     **error)
{
  BelStore *store = bel_engine_get_store (meeting->engine);
  g_autoptr(BelStmt) advisors = bel_store_prepare (store,
      "SELECT st.id, adv.advisor_id, a.display_name FROM student st JOIN advisory adv ON adv.id = st.advisory_id "
      "JOIN account a ON a.id = adv.advisor_id WHERE st.school_id = ? AND st.active = 1", error);
  g_autoptr(BelStmt) advocates = NULL;

  if (advisors == NULL)
    return FALSE;
  bel_bind_int64 (advisors, 1, meeting->school_id);
  if (!each_row (meeting, advisors, advisor_row, error))
    return FALSE;
  advocates = bel_store_prepare (store,
      "SELECT v.student_id, v.account_id, a.display_name, v.status FROM advocate v "
      "JOIN account a ON a.id = v.account_id WHERE v.school_id = ? AND v.status <> 'ended'", error);
  if (advocates == NULL)
    return FALSE;
  bel_bind_int64 (advocates, 1, meeting->school_id);
  return each_row (meeting, advocates, advocate_row, error);
}
