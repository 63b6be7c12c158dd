/* bel-cadence-duties.c - who is due, overdue, and who was missed
 *
 * The rules are in bel-cadence.h; docs/checkins.md explains them with examples.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-cadence.h"

#include "bel-care-private.h"
#include "bel-checkin-rule.h"
#include "bel-date-range.h"

#define DEFAULT_WINDOW_DAYS 56
#define MAX_WINDOW_DAYS     400

typedef struct {
  guint32  day;
  gboolean academic;
} Seen;

typedef struct {
  gint64   id;
  char    *name;
  gint64   grade;
  gint64   advisory_id;
  char    *advisory_name;
  gint64   advisor_id;
  char    *advisor_name;
  guint32  targeted_since; /* 0: not targeted */
  gint64   owner_id;       /* of the targeting plan */
  char    *owner_name;
  GArray  *seen;           /* Seen, in the window, by day */
  guint32  last_before[2]; /* last non-academic / academic check-in before the window */
} Student;

static void
student_clear (gpointer data)
{
  Student *s = data;

  g_free (s->name);
  g_free (s->advisory_name);
  g_free (s->advisor_name);
  g_free (s->owner_name);
  g_clear_pointer (&s->seen, g_array_unref);
}

typedef struct {
  BelCalendar *calendar;
  guint32      as_of;
  guint32      since;
  GArray      *students;  /* Student, in name order */
  GHashTable  *by_id;     /* student id -> index + 1 */
} Context;

static gboolean
load_students (BelEngine          *engine,
               gint64              school_id,
               const BelDutyQuery *query,
               Context            *ctx,
               GError            **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.id, st.given_name, st.preferred_name, st.family_name, st.grade, st.advisory_id, "
      "adv.name, adv.advisor_id, acc.display_name FROM student st "
      "LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "LEFT JOIN account acc ON acc.id = adv.advisor_id "
      "WHERE st.school_id = ?1 AND st.active = 1 AND (?2 = 0 OR st.advisory_id = ?2) "
      "AND (?3 = 0 OR st.id = ?3) AND (?4 = 0 OR st.grade = ?5) "
      "ORDER BY st.family_key, st.given_key, st.id", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_int64 (stmt, 2, query->advisory_id);
  bel_bind_int64 (stmt, 3, query->student_id);
  bel_bind_int64 (stmt, 4, query->has_grade);
  bel_bind_int64 (stmt, 5, query->grade);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      Student s = {
        .id = bel_column_int64 (stmt, 0),
        .name = bel_care_student_name (bel_column_text (stmt, 1), bel_column_text (stmt, 2),
                                       bel_column_text (stmt, 3)),
        .grade = bel_column_int64 (stmt, 4),
        .advisory_id = bel_column_int64 (stmt, 5),
        .advisory_name = g_strdup (bel_column_text (stmt, 6)),
        .advisor_id = bel_column_int64 (stmt, 7),
        .advisor_name = g_strdup (bel_column_text (stmt, 8)),
        .seen = g_array_new (FALSE, FALSE, sizeof (Seen)),
      };
      g_array_append_val (ctx->students, s);
      g_hash_table_insert (ctx->by_id, GINT_TO_POINTER (s.id), GUINT_TO_POINTER (ctx->students->len));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static Student *
lookup (Context *ctx,
        gint64   student_id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_id, GINT_TO_POINTER (student_id)));

  return index ? &g_array_index (ctx->students, Student, index - 1) : NULL;
}

/* Targeted: an active plan of tier 2 or 3 that started by as_of; the earliest one counts. */
static gboolean
load_targeted (BelEngine  *engine,
               gint64      school_id,
               Context    *ctx,
               GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *as_of = bel_date_format (ctx->as_of);
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT p.student_id, p.starts_on, p.owner_id, acc.display_name FROM support_plan p "
      "LEFT JOIN account acc ON acc.id = p.owner_id WHERE p.school_id = ? AND p.status = 'active' "
      "AND p.tier >= 2 AND p.starts_on <= ? ORDER BY p.starts_on DESC, p.id DESC", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, as_of);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      Student *s = lookup (ctx, bel_column_int64 (stmt, 0));

      if (s == NULL)
        continue;
      s->targeted_since = bel_date_parse (bel_column_text (stmt, 1));
      s->owner_id = bel_column_int64 (stmt, 2);
      g_free (s->owner_name);
      s->owner_name = g_strdup (bel_column_text (stmt, 3));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_checkins (BelEngine  *engine,
               gint64      school_id,
               guint32     window_first,
               Context    *ctx,
               GError    **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first = bel_date_format (window_first);
  g_autofree char *as_of = bel_date_format (ctx->as_of);
  g_autoptr(BelStmt) in_window = bel_store_prepare (store,
      "SELECT student_id, checked_on, kind = 'academic' FROM checkin WHERE school_id = ? "
      "AND checked_on >= ? AND checked_on <= ? ORDER BY checked_on, id", error);
  g_autoptr(BelStmt) before = NULL;

  if (in_window == NULL)
    return FALSE;
  bel_bind_int64 (in_window, 1, school_id);
  bel_bind_text (in_window, 2, first);
  bel_bind_text (in_window, 3, as_of);
  while (bel_store_step_row (store, in_window, &local_error))
    {
      Student *s = lookup (ctx, bel_column_int64 (in_window, 0));
      Seen seen = { bel_date_parse (bel_column_text (in_window, 1)), bel_column_int (in_window, 2) };

      if (s != NULL)
        g_array_append_val (s->seen, seen);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  before = bel_store_prepare (store,
      "SELECT student_id, kind = 'academic', MAX(checked_on) FROM checkin WHERE school_id = ? "
      "AND checked_on < ? GROUP BY student_id, kind", error);
  if (before == NULL)
    return FALSE;
  bel_bind_int64 (before, 1, school_id);
  bel_bind_text (before, 2, first);
  while (bel_store_step_row (store, before, &local_error))
    {
      Student *s = lookup (ctx, bel_column_int64 (before, 0));

      if (s != NULL)
        s->last_before[bel_column_int (before, 1) ? 1 : 0] = bel_date_parse (bel_column_text (before, 2));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- one student, one rule ---- */

typedef struct {
  const char *kind;   /* any, academic, non_academic */
  const char *period; /* week, month */
} Rule;

static gboolean
qualifies (const Rule *rule,
           gboolean    academic)
{
  if (g_str_equal (rule->kind, "any"))
    return TRUE;
  return academic == g_str_equal (rule->kind, "academic");
}

static gboolean
seen_between (const Student *s,
              const Rule    *rule,
              guint32        first,
              guint32        last)
{
  for (guint i = 0; i < s->seen->len; i++)
    {
      const Seen *seen = &g_array_index (s->seen, Seen, i);
      if (seen->day >= first && seen->day <= last && qualifies (rule, seen->academic))
        return TRUE;
    }
  return FALSE;
}

static guint32
last_seen (const Student *s,
           const Rule    *rule)
{
  guint32 last = 0;

  if (qualifies (rule, FALSE))
    last = MAX (last, s->last_before[0]);
  if (qualifies (rule, TRUE))
    last = MAX (last, s->last_before[1]);
  for (guint i = 0; i < s->seen->len; i++)
    if (qualifies (rule, g_array_index (s->seen, Seen, i).academic))
      last = MAX (last, g_array_index (s->seen, Seen, i).day);
  return last;
}

/* The period owed first from @from on: the first whose last school day is
 * on or after @start.  FALSE if none within a year. */
static gboolean
first_owed (Context    *ctx,
            const Rule *rule,
            guint32     from,
            guint32     start,
            guint32    *first,
            guint32    *due_on)
{
  guint32 pf, pl;

  bel_calendar_period (rule->period, from, &pf, &pl);
  for (guint n = 0; n < 60; n++)
    {
      if (bel_calendar_last_school_day (ctx->calendar, pf, pl, due_on) && *due_on >= start)
        {
          *first = pf;
          return TRUE;
        }
      bel_calendar_period (rule->period, pl + 1, &pf, &pl);
    }
  return FALSE;
}

static BelDateRange *
missed_range (const Rule *rule,
              guint32     first,
              guint32     last)
{
  g_autofree char *starts = bel_date_format (first);
  g_autofree char *ends = bel_date_format (last);
  g_autofree char *week = bel_date_format_words (first, "%-d %b %Y");
  g_autofree char *name = g_str_equal (rule->period, "week")
                          ? g_strdup_printf ("Week of %s", week) : bel_date_format_words (first, "%B %Y");

  return g_object_new (BEL_TYPE_DATE_RANGE, "name", name, "starts-on", starts, "ends-on", ends, NULL);
}

static BelCheckinDuty *
evaluate (Context            *ctx,
          const Student      *s,
          BelCheckinRule     *rule_object,
          gboolean            targeted)
{
  Rule rule = { bel_resource_get_string (rule_object, "kind"), bel_resource_get_string (rule_object, "period") };
  guint32 start = targeted ? MAX (ctx->since, s->targeted_since) : ctx->since;
  guint32 cf, cl, pf, pl, owed_first = 0, due_on = 0, last;
  g_autoptr(GListStore) missed = g_list_store_new (BEL_TYPE_DATE_RANGE);
  g_autofree char *due_text = NULL;
  g_autofree char *last_text = NULL;
  const char *state;

  bel_calendar_period (rule.period, ctx->as_of, &cf, &cl);
  /* Ended periods since @start that had a school day and no check-in */
  bel_calendar_period (rule.period, start, &pf, &pl);
  for (; pf < cf; bel_calendar_period (rule.period, pl + 1, &pf, &pl))
    {
      guint32 school_day;

      if (bel_calendar_last_school_day (ctx->calendar, pf, pl, &school_day) && school_day >= start &&
          !seen_between (s, &rule, pf, pl))
        {
          g_autoptr(BelDateRange) range = missed_range (&rule, pf, pl);
          g_list_store_append (missed, range);
        }
    }
  last = last_seen (s, &rule);
  if (last >= cf)
    {
      state = "ok";
      first_owed (ctx, &rule, cl + 1, start, &owed_first, &due_on);
    }
  else
    {
      guint32 from = start;

      if (last != 0)
        {
          bel_calendar_period (rule.period, last, &pf, &pl);
          from = MAX (from, pl + 1);
        }
      if (!first_owed (ctx, &rule, from, start, &owed_first, &due_on) || owed_first > cf)
        state = "ok";
      else
        state = due_on >= ctx->as_of ? "due" : "overdue";
    }
  due_text = due_on ? bel_date_format (due_on) : NULL;
  last_text = last ? bel_date_format (last) : NULL;
  return g_object_new (BEL_TYPE_CHECKIN_DUTY,
                       "student-id", s->id,
                       "student-name", s->name,
                       "grade", s->grade,
                       "advisory-id", s->advisory_id,
                       "advisory-name", s->advisory_name,
                       "account-id", targeted && s->owner_id ? s->owner_id : s->advisor_id,
                       "account-name", targeted && s->owner_id ? s->owner_name : s->advisor_name,
                       "rule", bel_resource_get_string (rule_object, "name"),
                       "kind", rule.kind,
                       "period", rule.period,
                       "state", state,
                       "due-on", due_text,
                       "last-checkin-on", last_text,
                       "missed-count", (gint64) g_list_model_get_n_items (G_LIST_MODEL (missed)),
                       "missed", missed,
                       NULL);
}

/* ---- the list ---- */

static gboolean
wanted (BelCheckinDuty     *duty,
        const BelDutyQuery *query)
{
  const char *state = bel_resource_get_string (duty, "state");
  const char *filter = query->state ?: "attention";
  gint64 missed = bel_resource_get_int (duty, "missed-count");

  if (query->account_id != 0 && bel_resource_get_int (duty, "account-id") != query->account_id)
    return FALSE;
  if (g_str_equal (filter, "all"))
    return TRUE;
  if (g_str_equal (filter, "missed"))
    return missed > 0;
  if (g_str_equal (filter, "attention"))
    return missed > 0 || !g_str_equal (state, "ok");
  return g_str_equal (filter, state);
}

static int
state_rank (BelCheckinDuty *duty)
{
  const char *state = bel_resource_get_string (duty, "state");

  return g_str_equal (state, "overdue") ? 0 : g_str_equal (state, "due") ? 1 : 2;
}

static int
compare_duties (gconstpointer a,
                gconstpointer b)
{
  BelCheckinDuty *x = *(BelCheckinDuty * const *) a;
  BelCheckinDuty *y = *(BelCheckinDuty * const *) b;
  int rank = state_rank (x) - state_rank (y);
  gint64 missed = bel_resource_get_int (y, "missed-count") - bel_resource_get_int (x, "missed-count");

  if (rank != 0)
    return rank;
  return missed > 0 ? 1 : missed < 0 ? -1 : 0;
}

static gboolean
check_query (const BelDutyQuery  *query,
             GError             **error)
{
  static const char * const states[] = { "attention", "due", "overdue", "missed", "all", NULL };

  if (query->state != NULL && !g_strv_contains (states, query->state))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                           "state: must be attention, due, overdue, missed or all");
      return FALSE;
    }
  return bel_care_query_date ("as_of", query->as_of, error) &&
         bel_care_query_date ("since", query->since, error);
}

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->calendar, bel_calendar_free);
  g_clear_pointer (&ctx->students, g_array_unref);
  g_clear_pointer (&ctx->by_id, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

GPtrArray *
bel_cadence_duties (BelEngine           *engine,
                    BelAccount          *actor,
                    gint64               school_id,
                    const BelDutyQuery  *query,
                    GError             **error)
{
  g_auto(Context) ctx = { 0 };
  g_autoptr(BelCheckinSettings) settings = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 window_first, unused;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), NULL);

  if (!bel_engine_require_school_role (engine, actor, school_id, BEL_ROLE_ANY, error) ||
      !check_query (query, error))
    return NULL;
  settings = bel_cadence_load_settings (engine, school_id, error);
  if (settings == NULL)
    return NULL;
  rules = bel_care_list_items (settings, "rules");
  ctx.calendar = bel_cadence_calendar (settings);
  ctx.as_of = query->as_of ? bel_date_parse (query->as_of) : bel_date_today ();
  ctx.since = query->since ? bel_date_parse (query->since) : ctx.as_of - DEFAULT_WINDOW_DAYS;
  if (ctx.since > ctx.as_of || ctx.as_of - ctx.since > MAX_WINDOW_DAYS)
    {
      g_set_error (error, BEL_ERROR, BEL_ERROR_BAD_REQUEST,
                   "since: must be on or before as_of and at most %d days before it", MAX_WINDOW_DAYS);
      return NULL;
    }
  ctx.students = g_array_new (FALSE, TRUE, sizeof (Student));
  g_array_set_clear_func (ctx.students, student_clear);
  ctx.by_id = g_hash_table_new (NULL, NULL);
  /* Check-ins from the start of the month holding since cover every period counted */
  bel_calendar_period ("month", ctx.since - 7, &window_first, &unused);
  if (!load_students (engine, school_id, query, &ctx, error) ||
      !load_targeted (engine, school_id, &ctx, error) ||
      !load_checkins (engine, school_id, window_first, &ctx, error))
    return NULL;
  for (guint i = 0; i < ctx.students->len; i++)
    {
      const Student *s = &g_array_index (ctx.students, Student, i);

      for (guint r = 0; r < rules->len; r++)
        {
          BelCheckinRule *rule = g_ptr_array_index (rules, r);
          gboolean targeted = g_str_equal (bel_resource_get_string (rule, "audience"), "targeted");
          g_autoptr(BelCheckinDuty) duty = NULL;

          if (targeted && s->targeted_since == 0)
            continue;
          duty = evaluate (&ctx, s, rule, targeted);
          if (wanted (duty, query))
            g_ptr_array_add (out, g_steal_pointer (&duty));
        }
    }
  g_ptr_array_sort (out, compare_duties);
  return g_steal_pointer (&out);
}
