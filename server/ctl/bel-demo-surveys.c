/* bel-demo-surveys.c - draws and stores the demo's belonging surveys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-surveys.h"

#include "bel-calendar.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-survey-taking.h"
#include "bel-surveys-private.h"

#define RESPONSE_PERCENT 85

typedef struct {
  const char *name;
  const char *opens_on;
  const char *closes_on;
  guint       n_days;       /* school days answers come in on */
} Term;

typedef struct {
  gint64   id;
  gint64   advisory_id;
  gboolean current_el;
  gboolean iep_504;
  gboolean nonbinary;
  double   belonging;     /* the student's own level, 1..5 scale */
  gboolean connected[2];  /* an adult marked them in the round of each term */
} Pupil;

typedef struct {
  BelEngine  *engine;
  gint64      school_id;
  GRand      *rand;
  GArray     *pupils;      /* Pupil */
  GArray     *advisories;  /* gint64 */
  GHashTable *by_id;       /* student id -> Pupil index + 1 */
} Writer;

static gboolean
chance (Writer *w,
        guint   percent)
{
  return (guint) g_rand_int_range (w->rand, 0, 100) < percent;
}

/* About a normal deviate (the sum of twelve uniform draws, Irwin-Hall), from the writer's GRand only. */
static double
normal (Writer *w,
        double  sd)
{
  double sum = 0;

  for (guint i = 0; i < 12; i++)
    sum += g_rand_double (w->rand);
  return sd * (sum - 6.0);
}

static gboolean
read_rounds (Writer  *w,
             gint64   rounds[2],
             GError **error)
{
  BelStore *store = bel_engine_get_store (w->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT id FROM map_round WHERE school_id = ? ORDER BY id LIMIT 2", error);
  guint n = 0;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, w->school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    rounds[n++] = bel_column_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n == 1)
    rounds[1] = rounds[0];
  return TRUE;
}

static gboolean
read_connected (Writer  *w,
                gint64   round_id,
                guint    term,
                GError **error)
{
  BelStore *store = bel_engine_get_store (w->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = NULL;

  if (round_id == 0)
    return TRUE;
  stmt = bel_store_prepare (store,
      "SELECT DISTINCT student_id FROM mark WHERE round_id = ? AND kind IN ('relationship', 'personal')", error);
  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, round_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 id = bel_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (w->by_id, &id));

      if (index > 0)
        g_array_index (w->pupils, Pupil, index - 1).connected[term] = TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_school (Writer  *w,
             GError **error)
{
  BelStore *store = bel_engine_get_store (w->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) pupils = bel_store_prepare (store,
      "SELECT id, advisory_id, el_status = 'current', (iep = 1 OR section_504 = 1), "
      "COALESCE (json_extract (attributes, '$.gender'), '') = 'Nonbinary' "
      "FROM student WHERE school_id = ? AND active = 1 AND advisory_id IS NOT NULL ORDER BY id", error);
  g_autoptr(BelStmt) advisories = NULL;

  if (pupils == NULL)
    return FALSE;
  bel_bind_int64 (pupils, 1, w->school_id);
  while (bel_store_step_row (store, pupils, &local_error))
    {
      Pupil p = {
        .id = bel_column_int64 (pupils, 0),
        .advisory_id = bel_column_int64 (pupils, 1),
        .current_el = bel_column_int (pupils, 2),
        .iep_504 = bel_column_int (pupils, 3),
        .nonbinary = bel_column_int (pupils, 4),
      };
      g_array_append_val (w->pupils, p);
      g_hash_table_insert (w->by_id, g_memdup2 (&p.id, sizeof p.id), GUINT_TO_POINTER (w->pupils->len));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  advisories = bel_store_prepare (store, "SELECT id FROM advisory WHERE school_id = ? ORDER BY id", error);
  if (advisories == NULL)
    return FALSE;
  bel_bind_int64 (advisories, 1, w->school_id);
  while (bel_store_step_row (store, advisories, &local_error))
    {
      gint64 id = bel_column_int64 (advisories, 0);
      g_array_append_val (w->advisories, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Each student's own level: most students agree, some groups less so. */
static void
draw_levels (Writer *w)
{
  for (guint i = 0; i < w->pupils->len; i++)
    {
      Pupil *p = &g_array_index (w->pupils, Pupil, i);

      p->belonging = 4.0 + normal (w, 0.55);
      if (p->current_el)
        p->belonging -= 0.55;
      if (p->iep_504)
        p->belonging -= 0.2;
      if (p->nonbinary)
        p->belonging -= 0.45;
    }
}

static gint64
likert (Writer *w,
        double  level)
{
  double value = level + normal (w, 0.75) + 0.5;

  return CLAMP ((gint64) value, 1, 5);
}

/* The survey's agreement items in order (ids). */
static GArray *
item_ids (BelSurvey *survey)
{
  g_autoptr(GPtrArray) items = bel_survey_items_of_kind (survey, "likert");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = bel_resource_get_id (g_ptr_array_index (items, i));
      g_array_append_val (ids, id);
    }
  return ids;
}

static BelSurvey *
create_survey (Writer      *w,
               const char  *title,
               gint64       advisory_id,
               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(BelSurvey) survey = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, "confidential");
  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  if (advisory_id != 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, "advisory");
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, advisory_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  survey = bel_model_new_from_json (BEL_TYPE_SURVEY, node, BEL_MODEL_CREATE, error);
  if (survey == NULL)
    return NULL;
  return bel_surveys_create (w->engine, bel_engine_system_actor (w->engine), w->school_id, survey, error);
}

static BelSurveyWindow *
create_window (Writer      *w,
               gint64       survey_id,
               const char  *name,
               const char  *opens_on,
               const char  *closes_on,
               GError     **error)
{
  g_autoptr(BelSurveyWindow) window = g_object_new (BEL_TYPE_SURVEY_WINDOW, "name", name, "opens-on", opens_on,
                                                    "closes-on", closes_on, "status", "open", NULL);

  return bel_survey_windows_create (w->engine, bel_engine_system_actor (w->engine), survey_id, window, error);
}

static gboolean
answer (Writer      *w,
        const char  *code,
        GArray      *items,
        double       level,
        const char  *day,
        GError     **error)
{
  static const double offsets[] = { 0.05, 0.1, -0.35, -0.2 }; /* supported, cared for, keep trying, belong */
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  g_autoptr(GArray) adults = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    if (!chance (w, 3)) /* a few skip a question */
      g_hash_table_insert (values, &g_array_index (items, gint64, i),
                           GINT_TO_POINTER (likert (w, level + offsets[i % G_N_ELEMENTS (offsets)])));
  return bel_survey_submit (w->engine, code, values, adults, day, error);
}

static gboolean
give_term (Writer      *w,
           gint64       survey_id,
           GArray      *items,
           const Term  *term,
           guint        index,
           guint       *responses,
           GError     **error)
{
  BelAccount *system = bel_engine_system_actor (w->engine);
  g_autoptr(BelSurveyWindow) window = create_window (w, survey_id, term->name, term->opens_on, term->closes_on,
                                                     error);
  g_autoptr(BelSurveyWindow) closed = NULL;
  g_autoptr(BelSurveyWindow) changes = NULL;
  const char *fields[] = { "status", NULL };
  guint32 first = bel_date_parse (term->opens_on);

  if (window == NULL)
    return FALSE;
  for (guint a = 0; a < w->advisories->len; a++)
    {
      g_autoptr(GPtrArray) slips = bel_survey_codes_issue (w->engine, system, bel_resource_get_id (window),
                                                           g_array_index (w->advisories, gint64, a), error);

      if (slips == NULL)
        return FALSE;
      for (guint s = 0; s < slips->len; s++)
        {
          gint64 id = bel_resource_get_int (g_ptr_array_index (slips, s), "student-id");
          const char *code = bel_resource_get_string (g_ptr_array_index (slips, s), "code");
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (w->by_id, &id));
          Pupil *p;
          double level;
          g_autofree char *day = NULL;
          guint offset;

          if (at == 0 || code == NULL)
            continue;
          p = &g_array_index (w->pupils, Pupil, at - 1);
          /* students nobody marked answer a little less often too */
          if (!chance (w, p->connected[index] ? RESPONSE_PERCENT + 2 : RESPONSE_PERCENT - 8))
            continue;
          level = p->belonging;
          if (!p->connected[index])
            level -= 0.6;
          else if (index > 0)
            level += 0.15;
          offset = g_rand_int_range (w->rand, 0, term->n_days);
          day = bel_date_format (first + offset / 5 * 7 + offset % 5);
          if (!answer (w, code, items, level, day, error))
            return FALSE;
          (*responses)++;
        }
    }
  changes = g_object_new (BEL_TYPE_SURVEY_WINDOW, "status", "closed", NULL);
  closed = bel_survey_windows_update (w->engine, system, bel_resource_get_id (window),
                                      bel_resource_get_version (window), changes, fields, error);
  return closed != NULL;
}

/* The advisory of the open window: the first one with an advisor. */
static gboolean
open_window (Writer                 *w,
             BelDemoSurveysSummary  *summary,
             GError                **error)
{
  BelStore *store = bel_engine_get_store (w->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT adv.id, adv.name, a.username FROM advisory adv LEFT JOIN account a ON a.id = adv.advisor_id "
      "WHERE adv.school_id = ? AND EXISTS (SELECT 1 FROM student st WHERE st.advisory_id = adv.id AND st.active = 1) "
      "ORDER BY adv.advisor_id IS NULL, adv.id LIMIT 1", error);
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(BelSurveyWindow) window = NULL;
  g_autoptr(GPtrArray) slips = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, w->school_id);
  if (!bel_store_step_row (store, stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL; /* no advisory: no open window */
    }
  summary->open_advisory_id = bel_column_int64 (stmt, 0);
  summary->open_advisory = g_strdup (bel_column_text (stmt, 1));
  summary->open_advisor = g_strdup (bel_column_text (stmt, 2));
  survey = create_survey (w, BEL_DEMO_SURVEY_OPEN_TITLE, summary->open_advisory_id, error);
  if (survey == NULL)
    return FALSE;
  /* open until the end of quarter 2, so students can answer it now */
  window = create_window (w, bel_resource_get_id (survey), "December", "2026-11-30", "2027-01-22", error);
  if (window == NULL)
    return FALSE;
  summary->open_window_id = bel_resource_get_id (window);
  slips = bel_survey_codes_issue (w->engine, bel_engine_system_actor (w->engine), summary->open_window_id,
                                  summary->open_advisory_id, error);
  if (slips == NULL)
    return FALSE;
  summary->open_codes = slips->len;
  return TRUE;
}

void
bel_demo_surveys_summary_clear (BelDemoSurveysSummary *summary)
{
  g_clear_pointer (&summary->open_advisory, g_free);
  g_clear_pointer (&summary->open_advisor, g_free);
}

gboolean
bel_demo_surveys_write (BelEngine              *engine,
                        gint64                  school_id,
                        guint32                 seed,
                        BelDemoSurveysSummary  *summary,
                        GError                **error)
{
  Term terms[] = {
    { "Quarter 1", "2026-09-21", "2026-10-02", 10 },
    { "Quarter 2", "2026-11-09", "2026-11-20", 10 },
  };
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x53525659u); /* "SRVY" */
  g_autoptr(GArray) pupils = g_array_new (FALSE, TRUE, sizeof (Pupil));
  g_autoptr(GArray) advisories = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(BelSurvey) survey = NULL;
  g_autoptr(GArray) items = NULL;
  Writer w = { engine, school_id, rand, pupils, advisories, by_id };
  gint64 rounds[2] = { 0, 0 };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  bel_demo_surveys_summary_clear (summary);
  *summary = (BelDemoSurveysSummary) { 0 };
  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !read_school (&w, error) || !read_rounds (&w, rounds, error) ||
      !read_connected (&w, rounds[0], 0, error) || !read_connected (&w, rounds[1], 1, error))
    return FALSE;
  summary->students = pupils->len;
  draw_levels (&w);
  survey = create_survey (&w, BEL_DEMO_SURVEY_TITLE, 0, error);
  if (survey == NULL)
    return FALSE;
  summary->survey_id = bel_resource_get_id (survey);
  items = item_ids (survey);
  if (!give_term (&w, summary->survey_id, items, &terms[0], 0, &summary->q1_responses, error) ||
      !give_term (&w, summary->survey_id, items, &terms[1], 1, &summary->q2_responses, error) ||
      !open_window (&w, summary, error))
    return FALSE;
  return bel_transaction_commit (tx, error);
}
