/* bel-demo-goals.c - draws and stores the demo school's growth goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-goals.h"

#include "bel-accounts.h"
#include "bel-benchmark.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-goal-math.h"
#include "bel-goals-private.h"
#include "bel-goals.h"
#include "bel-metrics.h"

#define MAX_BILINGUAL 6
/* No latest score given (measure ()). */
#define NO_VALUE G_MAXDOUBLE

/* Scores and benchmarks are whole points, all positive. */
static gdouble
round_up (gdouble value)
{
  gint64 whole = (gint64) value;

  return (gdouble) whole < value - 1e-9 ? (gdouble) (whole + 1) : (gdouble) whole;
}

static gdouble
round_off (gdouble value)
{
  return (gdouble) (gint64) (value + 0.5);
}

typedef struct {
  const char         *baseline_date;
  const char         *target_date;
  const char * const *benchmarks;
  const char         *first_measure;
  const char         *last_measure;
  guint               step_days;
  gdouble             noise;
  const char         *source;
} Plan;

static const char * const reading_benchmarks[] = {
  "2026-01-30", "2026-06-05", "2026-12-18", "2027-03-19", "2027-06-04", NULL
};
static const char * const math_benchmarks[] = { "2026-11-20", "2027-02-05", "2027-04-02", "2027-06-04", NULL };

/* Two school years of reading, measured every four weeks (not in summer). */
static const Plan reading_plan = {
  "2025-09-15", "2027-06-04", reading_benchmarks, "2025-10-13", "2026-11-16", 28, 2.0, "Reading readiness screener",
};
static const Plan spanish_plan = {
  "2025-09-15", "2027-06-04", reading_benchmarks, "2025-10-20", "2026-11-16", 28, 2.0,
  "Evaluación de lectura en español",
};
/* This school year's weekly math formatives. */
static const Plan math_plan = {
  "2026-09-08", "2027-06-04", math_benchmarks, "2026-09-14", "2026-11-16", 7, 5.0, "Weekly math formative",
};

/* A typical year of reading growth on the readiness scale, in scaled-score points. */
#define READING_YEAR 10.0

static const char * const rationales[] = {
  "Set at the fall conference with the student and family: grade-level reading by the end of next year.",
  "Agreed with the student after the screener; the family asked for a book list to read at home.",
  "Student chose this goal during advisory goal-setting week.",
  "Set with the family on a home visit; reading together three evenings a week.",
  "Student-led conference: the student explained the goal to the family.",
  NULL
};

typedef struct {
  gint64  id;
  char   *name;
  char   *home_language;
  char   *el_status;
  gint64  advisor_id;
  char   *advisor;
} Pupil;

typedef struct {
  BelEngine           *engine;
  BelStore            *store;
  gint64               school_id;
  GRand               *rand;
  GArray              *pupils;
  GHashTable          *advisors;   /* account id -> BelAccount */
  BelDemoGoalsSummary *summary;
  gint64               reading_id;
  gint64               math_id;
  gint64               spanish_id;
  BelStmt        *insert;     /* a measurement */
} Demo;

static void
pupil_clear (Pupil *p)
{
  g_free (p->name);
  g_free (p->home_language);
  g_free (p->el_status);
  g_free (p->advisor);
}

void
bel_demo_goals_summary_clear (BelDemoGoalsSummary *summary)
{
  g_clear_pointer (&summary->celebration_student, g_free);
  g_clear_pointer (&summary->celebration_advisor, g_free);
}

static gboolean
chance (Demo  *d,
        guint  percent)
{
  return (guint) g_rand_int_range (d->rand, 0, 100) < percent;
}

static gdouble
uniform (Demo    *d,
         gdouble  low,
         gdouble  high)
{
  return low + (high - low) * g_rand_double (d->rand);
}

static gboolean
read_pupils (Demo    *d,
             GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (d->store,
      "SELECT st.id, coalesce (nullif (st.preferred_name, ''), st.given_name) || ' ' || st.family_name, "
      "st.home_language, st.el_status, adv.advisor_id, a.username FROM student st "
      "JOIN advisory adv ON adv.id = st.advisory_id JOIN account a ON a.id = adv.advisor_id "
      "WHERE st.school_id = ? AND st.active = 1 ORDER BY st.id", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, d->school_id);
  while (bel_store_step_row (d->store, stmt, &local_error))
    {
      Pupil p = {
        .id = bel_column_int64 (stmt, 0),
        .name = g_strdup (bel_column_text (stmt, 1)),
        .home_language = g_strdup (bel_column_text (stmt, 2)),
        .el_status = g_strdup (bel_column_text (stmt, 3)),
        .advisor_id = bel_column_int64 (stmt, 4),
        .advisor = g_strdup (bel_column_text (stmt, 5)),
      };
      g_array_append_val (d->pupils, p);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The advisor acts: goals are set and scores recorded by the student's advisor. */
static BelAccount *
advisor_of (Demo    *d,
            Pupil   *p,
            GError **error)
{
  BelAccount *account = g_hash_table_lookup (d->advisors, &p->advisor_id);

  if (account != NULL)
    return account;
  account = bel_accounts_get (d->engine, bel_engine_system_actor (d->engine), p->advisor_id, error);
  if (account != NULL)
    g_hash_table_insert (d->advisors, g_memdup2 (&p->advisor_id, sizeof p->advisor_id), account);
  return account;
}

static gint64
add_metric (Demo        *d,
            const char  *name,
            const char  *unit,
            gdouble      max,
            const char  *language,
            const char  *description,
            GError     **error)
{
  g_autoptr(BelGrowthMetric) metric = g_object_new (BEL_TYPE_GROWTH_METRIC,
                                                    "name", name, "unit", unit,
                                                    "scale-min", max > 100 ? 100.0 : 0.0, "scale-max", max,
                                                    "direction", "higher", "language", language,
                                                    "description", description, "active", TRUE, NULL);
  g_autoptr(BelGrowthMetric) created = bel_metrics_create (d->engine, bel_engine_system_actor (d->engine),
                                                           d->school_id, metric, error);

  return created ? bel_resource_get_id (created) : 0;
}

static gboolean
add_metrics (Demo    *d,
             GError **error)
{
  d->reading_id = add_metric (d, "Reading readiness, scaled score", "scaled score", 300, NULL,
                              "Our school-wide goal: 1.25 years of reading growth each year on the readiness "
                              "screener (a typical year is about 10 scaled-score points).", error);
  if (d->reading_id == 0)
    return FALSE;
  d->math_id = add_metric (d, "Weekly math formative, % correct", "% correct", 100, NULL,
                           "The Friday formative of each unit; proficient is 80% or more.", error);
  if (d->math_id == 0)
    return FALSE;
  d->spanish_id = add_metric (d, "Spanish reading readiness, scaled score", "scaled score", 300, "Spanish",
                              "The readiness screener in Spanish, for biliteracy goals.", error);
  return d->spanish_id != 0;
}

static gint64
day_of (const char *date)
{
  gint64 day = 0;

  g_assert (bel_goal_parse_date (date, &day));
  return day;
}

static GListStore *
benchmarks_for (const Plan       *plan,
                const BelAimLine *aim)
{
  GListStore *list = g_list_store_new (BEL_TYPE_BENCHMARK);

  for (guint i = 0; plan->benchmarks[i] != NULL; i++)
    {
      g_autoptr(BelBenchmark) b = g_object_new (BEL_TYPE_BENCHMARK,
                                                "due-on", plan->benchmarks[i],
                                                "target-value",
                                                round_up (bel_aim_line_value (aim, day_of (plan->benchmarks[i]))),
                                                NULL);
      g_list_store_append (list, b);
    }
  return list;
}

static gint64
set_goal (Demo        *d,
          Pupil       *p,
          gint64       metric_id,
          const Plan  *plan,
          BelAimLine  *aim,
          GError     **error)
{
  g_autoptr(GListStore) benchmarks = benchmarks_for (plan, aim);
  g_autoptr(BelGoal) goal = NULL;
  g_autoptr(BelGoal) created = NULL;
  BelAccount *advisor = advisor_of (d, p, error);

  if (advisor == NULL)
    return 0;
  goal = g_object_new (BEL_TYPE_GOAL,
                       "metric-id", metric_id,
                       "baseline-value", aim->baseline_value,
                       "baseline-date", plan->baseline_date,
                       "target-value", aim->target_value,
                       "target-date", plan->target_date,
                       "set-with-student", chance (d, 95),
                       "set-with-family", chance (d, 70),
                       "rationale", rationales[g_rand_int_range (d->rand, 0, G_N_ELEMENTS (rationales) - 1)],
                       "benchmarks", benchmarks,
                       NULL);
  created = bel_goals_create (d->engine, advisor, p->id, goal, error);
  if (created == NULL)
    return 0;
  d->summary->goals++;
  return bel_resource_get_id (created);
}

/* The days measured: every @step_days from the first, without July and August. */
static GArray *
measure_days (const Plan *plan)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gint64 day = day_of (plan->first_measure); day <= day_of (plan->last_measure); day += plan->step_days)
    {
      g_autoptr(GDate) date = g_date_new_julian ((guint32) day);
      GDateMonth month = g_date_get_month (date);

      if (month != G_DATE_JULY && month != G_DATE_AUGUST)
        g_array_append_val (days, day);
    }
  return days;
}

/* Scores growing at @pace times the aim, with noise; @last, unless NO_VALUE,
 * replaces the latest.  They are history: stored as the advisor's, then the
 * benchmarks they reach are met as for a goal set after them, without live
 * events (a year of celebrations at once would be noise, not news). */
static gboolean
measure (Demo             *d,
         Pupil            *p,
         gint64            goal_id,
         const Plan       *plan,
         const BelAimLine *aim,
         gdouble           pace,
         gdouble           noise,
         gdouble           last,
         GError          **error)
{
  g_autoptr(GArray) days = measure_days (plan);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (BelGoalPoint));
  gdouble slope = bel_aim_line_per_week (aim) / 7.0 * pace;
  gdouble max = aim->target_value > 100 ? 300 : 100;
  BelAccount *advisor = advisor_of (d, p, error);

  if (advisor == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      gint64 day = g_array_index (days, gint64, i);
      g_autofree char *date = bel_goal_format_date (day);
      gdouble value = aim->baseline_value + slope * (gdouble) (day - aim->baseline_day) + uniform (d, -noise, noise);
      BelGoalPoint point;

      if (i + 1 == days->len && last != NO_VALUE)
        value = last;
      value = CLAMP (round_off (value), 0, max);
      point = (BelGoalPoint) { day, value };
      g_array_append_val (points, point);
      bel_stmt_reset (d->insert);
      bel_bind_int64 (d->insert, 1, d->school_id);
      bel_bind_int64 (d->insert, 2, p->id);
      bel_bind_int64 (d->insert, 3, goal_id);
      bel_bind_text (d->insert, 4, date);
      bel_bind_double (d->insert, 5, value);
      bel_bind_text (d->insert, 6, plan->source);
      bel_bind_int64 (d->insert, 7, bel_resource_get_id (advisor));
      bel_bind_text (d->insert, 8, bel_resource_get_string (advisor, "display-name"));
      if (!bel_store_step_done (d->store, d->insert, error))
        return FALSE;
    }
  if (!bel_goal_progress_catch_up (d->engine, goal_id, error))
    return FALSE;
  d->summary->measurements += days->len;
  if (bel_goal_track (aim, (BelGoalPoint *) points->data, points->len) == BEL_GOAL_TRACK_OFF)
    d->summary->off_track++;
  return TRUE;
}

/* About three in four grow at or above the aim line, the rest well below it. */
static gdouble
draw_pace (Demo *d)
{
  return chance (d, 74) ? uniform (d, 1.05, 1.45) : uniform (d, 0.2, 0.65);
}

static BelAimLine
reading_aim (Demo       *d,
             const Plan *plan)
{
  BelAimLine aim = { TRUE, day_of (plan->baseline_date), 0, day_of (plan->target_date), 0 };
  gdouble years = (gdouble) (aim.target_day - aim.baseline_day) / BEL_GOAL_DAYS_PER_YEAR;

  aim.baseline_value = (gdouble) g_rand_int_range (d->rand, 150, 215);
  aim.target_value = round_off (aim.baseline_value + 1.25 * READING_YEAR * years);
  return aim;
}

static gboolean
add_reading (Demo     *d,
             Pupil    *p,
             gboolean  celebration,
             GError  **error)
{
  BelAimLine aim = reading_aim (d, &reading_plan);
  gdouble pace = draw_pace (d);
  gdouble last = NO_VALUE;
  gint64 goal_id = set_goal (d, p, d->reading_id, &reading_plan, &aim, error);

  if (goal_id == 0)
    return FALSE;
  if (celebration)
    {
      /* On the line, the latest score one point short of the benchmark due 2026-12-18. */
      gdouble next = round_up (bel_aim_line_value (&aim, day_of (reading_benchmarks[2])));

      last = next - 1;
      d->summary->celebration_goal_id = goal_id;
      d->summary->celebration_student = g_strdup (p->name);
      d->summary->celebration_advisor = g_strdup (p->advisor);
      d->summary->celebration_value = next;
      return measure (d, p, goal_id, &reading_plan, &aim, 1.0, 0.0, last, error);
    }
  return measure (d, p, goal_id, &reading_plan, &aim, pace, reading_plan.noise, last, error);
}

static gboolean
add_spanish (Demo    *d,
             Pupil   *p,
             GError **error)
{
  BelAimLine aim = reading_aim (d, &spanish_plan);
  gdouble pace = draw_pace (d);
  gint64 goal_id;

  /* Reading in the home language usually starts ahead. */
  aim.baseline_value += 15, aim.target_value += 15;
  goal_id = set_goal (d, p, d->spanish_id, &spanish_plan, &aim, error);
  if (goal_id == 0)
    return FALSE;
  d->summary->bilingual++;
  return measure (d, p, goal_id, &spanish_plan, &aim, pace, spanish_plan.noise, NO_VALUE, error);
}

static gboolean
add_math (Demo    *d,
          Pupil   *p,
          GError **error)
{
  BelAimLine aim = { TRUE, day_of (math_plan.baseline_date), 0, day_of (math_plan.target_date), 0 };
  gdouble pace = draw_pace (d);
  gint64 goal_id;

  aim.baseline_value = (gdouble) g_rand_int_range (d->rand, 38, 68);
  aim.target_value = MIN (95.0, aim.baseline_value + 25);
  goal_id = set_goal (d, p, d->math_id, &math_plan, &aim, error);
  if (goal_id == 0)
    return FALSE;
  return measure (d, p, goal_id, &math_plan, &aim, pace, math_plan.noise, NO_VALUE, error);
}

static gboolean
exec_sql (Demo        *d,
          const char  *sql,
          GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (d->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, d->school_id);
  return bel_store_step_done (d->store, stmt, error);
}

/* Timestamps as the year would have left them, not the moment the demo ran. */
static gboolean
backdate (Demo    *d,
          GError **error)
{
  return exec_sql (d, "UPDATE goal SET created_at = baseline_date || 'T15:10:00Z', "
                   "updated_at = baseline_date || 'T15:10:00Z' WHERE school_id = ?", error) &&
         exec_sql (d, "UPDATE benchmark SET met_at = met_on || 'T15:40:00Z' WHERE met_at IS NOT NULL "
                   "AND goal_id IN (SELECT id FROM goal WHERE school_id = ?)", error);
}

static gboolean
count_met (Demo    *d,
           GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (d->store,
      "SELECT count(*) FROM benchmark b JOIN goal g ON g.id = b.goal_id "
      "WHERE g.school_id = ? AND b.met_at IS NOT NULL", error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, d->school_id);
  if (!bel_store_step_row (d->store, stmt, error))
    return FALSE;
  d->summary->benchmarks_met = (guint) bel_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
write_goals (Demo    *d,
             GError **error)
{
  g_autoptr(BelStmt) insert = bel_store_prepare (d->store,
      "INSERT INTO measurement (school_id, student_id, metric_id, goal_id, measured_on, value, source, "
      "author_id, author_name, created_at) "
      "SELECT ?1, ?2, metric_id, ?3, ?4, ?5, ?6, ?7, ?8, ?4 || 'T15:40:00Z' FROM goal WHERE id = ?3", error);

  d->insert = insert;
  if (insert == NULL || !read_pupils (d, error) || !add_metrics (d, error))
    return FALSE;
  for (guint i = 0; i < d->pupils->len; i++)
    {
      Pupil *p = &g_array_index (d->pupils, Pupil, i);
      gboolean celebration = i == 0;
      gboolean bilingual = g_strcmp0 (p->home_language, "Spanish") == 0 &&
                           g_strcmp0 (p->el_status, "current") == 0 && d->summary->bilingual < MAX_BILINGUAL;

      if ((celebration || bilingual || chance (d, 88)) && !add_reading (d, p, celebration, error))
        return FALSE;
      if (bilingual && !add_spanish (d, p, error))
        return FALSE;
      if (chance (d, 80) && !add_math (d, p, error))
        return FALSE;
    }
  return backdate (d, error) && count_met (d, error);
}

gboolean
bel_demo_goals_write (BelEngine            *engine,
                      gint64                school_id,
                      guint32               seed,
                      BelDemoGoalsSummary  *summary,
                      GError              **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GArray) pupils = g_array_new (FALSE, TRUE, sizeof (Pupil));
  g_autoptr(GHashTable) advisors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x676f616cu);
  BelDemoGoalsSummary local = { 0 };
  Demo d = {
    .engine = engine,
    .store = bel_engine_get_store (engine),
    .school_id = school_id,
    .rand = rand,
    .pupils = pupils,
    .advisors = advisors,
    .summary = summary ? summary : &local,
  };
  gboolean ok;

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  g_array_set_clear_func (pupils, (GDestroyNotify) pupil_clear);
  *d.summary = (BelDemoGoalsSummary) { 0 };
  tx = bel_engine_begin (engine, error);
  ok = tx != NULL && write_goals (&d, error) && bel_transaction_commit (tx, error);
  if (summary == NULL)
    bel_demo_goals_summary_clear (&local);
  return ok;
}
