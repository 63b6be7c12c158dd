/* bel-demo-checkins.c - draws and stores the demo's check-ins, contacts,
 * observations, flags and support plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-checkins.h"

#include <string.h>

#include "bel-accounts.h"
#include "bel-cadence.h"
#include "bel-calendar.h"
#include "bel-checkins.h"
#include "bel-contacts.h"
#include "bel-engine-private.h"
#include "bel-flags.h"
#include "bel-error.h"
#include "bel-observations.h"
#include "bel-plan-action.h"
#include "bel-plan-person.h"
#include "bel-support-plans.h"

#define FIRST_MONDAY "2026-08-31" /* the first week of school */
#define WEEKS        12           /* to Friday 2026-11-20 */

#define DEMO_SETTINGS \
  "{\"quarters\": [" \
  "{\"name\": \"Quarter 1\", \"starts_on\": \"2026-08-31\", \"ends_on\": \"2026-11-06\"}," \
  "{\"name\": \"Quarter 2\", \"starts_on\": \"2026-11-09\", \"ends_on\": \"2027-01-22\"}," \
  "{\"name\": \"Quarter 3\", \"starts_on\": \"2027-01-25\", \"ends_on\": \"2027-04-02\"}," \
  "{\"name\": \"Quarter 4\", \"starts_on\": \"2027-04-05\", \"ends_on\": \"2027-06-11\"}]," \
  "\"non_school_days\": [" \
  "{\"name\": \"Labor Day\", \"starts_on\": \"2026-09-07\"}," \
  "{\"name\": \"Indigenous Peoples' Day\", \"starts_on\": \"2026-10-12\"}," \
  "{\"name\": \"Veterans Day\", \"starts_on\": \"2026-11-11\"}," \
  "{\"name\": \"Thanksgiving\", \"starts_on\": \"2026-11-26\", \"ends_on\": \"2026-11-27\"}," \
  "{\"name\": \"Winter break\", \"starts_on\": \"2026-12-21\", \"ends_on\": \"2027-01-01\"}," \
  "{\"name\": \"Martin Luther King Jr. Day\", \"starts_on\": \"2027-01-18\"}," \
  "{\"name\": \"February break\", \"starts_on\": \"2027-02-15\", \"ends_on\": \"2027-02-19\"}," \
  "{\"name\": \"Spring break\", \"starts_on\": \"2027-04-12\", \"ends_on\": \"2027-04-16\"}," \
  "{\"name\": \"Memorial Day\", \"starts_on\": \"2027-05-31\"}," \
  "{\"name\": \"Summer\", \"starts_on\": \"2027-06-14\", \"ends_on\": \"2027-08-27\"}]}"

typedef struct {
  gint64      id;
  char       *name;
  char       *language;
  gint64      advisor;   /* account id, 0 for none */
  gboolean    unseen;    /* missed again and again */
  gint64      owner;     /* of a targeting plan */
} Pupil;

typedef struct {
  BelEngine  *engine;
  gint64      school_id;
  GRand      *rand;
  GHashTable *actors;    /* account id -> BelAccount */
  GArray     *staff;     /* gint64 account ids of teachers, counselors, leaders */
  GArray     *counselors;
  GArray     *pupils;    /* Pupil */
  BelDemoCheckinsSummary *summary;
} Writer;

static void
pupil_clear (Pupil *p)
{
  g_free (p->name);
  g_free (p->language);
}

static gboolean
chance (Writer *w,
        guint   percent)
{
  return (guint) g_rand_int_range (w->rand, 0, 100) < percent;
}

static gint64
pick (Writer *w,
      GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (w->rand, 0, ids->len));
}

static char *
day (guint week,
     guint weekday) /* 0 = Monday */
{
  return bel_date_format (bel_date_parse (FIRST_MONDAY) + week * 7 + weekday);
}

static BelAccount *
actor (Writer *w,
       gint64  account_id)
{
  BelAccount *account = g_hash_table_lookup (w->actors, &account_id);

  return account ? account : bel_engine_system_actor (w->engine);
}

static gboolean
read_school (Writer  *w,
             GError **error)
{
  BelStore *store = bel_engine_get_store (w->engine);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BelStmt) staff = bel_store_prepare (store,
      "SELECT m.account_id, m.role FROM membership m JOIN account a ON a.id = m.account_id "
      "WHERE m.school_id = ? AND a.active = 1 ORDER BY m.account_id", error);
  g_autoptr(BelStmt) pupils = NULL;

  if (staff == NULL)
    return FALSE;
  bel_bind_int64 (staff, 1, w->school_id);
  while (bel_store_step_row (store, staff, &local_error))
    {
      gint64 id = bel_column_int64 (staff, 0);
      BelAccount *account = bel_accounts_get (w->engine, bel_engine_system_actor (w->engine), id, error);

      if (account == NULL)
        return FALSE;
      g_hash_table_insert (w->actors, g_memdup2 (&id, sizeof id), account);
      g_array_append_val (w->staff, id);
      if (g_strcmp0 (bel_column_text (staff, 1), "counselor") == 0)
        g_array_append_val (w->counselors, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (w->counselors->len == 0)
    g_array_append_vals (w->counselors, w->staff->data, MIN (w->staff->len, 1));
  pupils = bel_store_prepare (store,
      "SELECT st.id, COALESCE (st.preferred_name, st.given_name), st.home_language, adv.advisor_id "
      "FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "WHERE st.school_id = ? AND st.active = 1 ORDER BY st.id", error);
  if (pupils == NULL)
    return FALSE;
  bel_bind_int64 (pupils, 1, w->school_id);
  while (bel_store_step_row (store, pupils, &local_error))
    {
      Pupil p = {
        .id = bel_column_int64 (pupils, 0),
        .name = g_strdup (bel_column_text (pupils, 1)),
        .language = g_strdup (bel_column_text (pupils, 2) ?: "English"),
        .advisor = bel_column_int64 (pupils, 3),
      };
      g_array_append_val (w->pupils, p);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (w->staff->len == 0)
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "The demo school has no staff");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_settings (Writer  *w,
                GError **error)
{
  g_autoptr(JsonNode) node = json_from_string (DEMO_SETTINGS, error);
  g_autoptr(BelCheckinSettings) changes = NULL;
  g_autoptr(BelCheckinSettings) saved = NULL;
  const char *fields[] = { "quarters", "non_school_days", NULL };

  if (node == NULL)
    return FALSE;
  changes = bel_model_new_from_json (BEL_TYPE_CHECKIN_SETTINGS, node, BEL_MODEL_PATCH, error);
  if (changes == NULL)
    return FALSE;
  saved = bel_cadence_update_settings (w->engine, bel_engine_system_actor (w->engine), w->school_id, 0, changes,
                                       fields, error);
  return saved != NULL;
}

/* ---- check-ins ---- */

static const char * const academics[] = {
  "Caught up on the missing lab reports", "Worried about the algebra test on Friday",
  "Reading every night for the book club", "Asked for help with the essay outline",
  "Grades up in biology since the study group", NULL
};
static const char * const life[] = {
  "Started at the food bank on Saturdays", "Plays soccer in the city league", "Helps at the family restaurant",
  "Looks after two younger siblings after school", "New puppy at home", "Learning to drive", NULL
};

static gboolean
checkin (Writer      *w,
         gint64       account_id,
         Pupil       *p,
         const char  *date,
         const char  *kind,
         GError     **error)
{
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BelCheckin) c = NULL;
  g_autoptr(BelCheckin) created = NULL;
  gboolean follow_up = chance (w, 8);

  g_hash_table_insert (answers, "academics", (gpointer) academics[g_rand_int_range (w->rand, 0, 5)]);
  g_hash_table_insert (answers, "life_outside_school", (gpointer) life[g_rand_int_range (w->rand, 0, 6)]);
  if (follow_up)
    g_hash_table_insert (answers, "concerns", "Tired lately; ask again next week");
  c = g_object_new (BEL_TYPE_CHECKIN, "checked-on", date, "kind", kind, "answers", answers,
                    "follow-up-needed", follow_up, NULL);
  created = bel_checkins_create (w->engine, actor (w, account_id), p->id, c, error);
  if (created == NULL)
    return FALSE;
  w->summary->checkins++;
  return TRUE;
}

/* Monthly non-academic check-ins by the advisor (September to November),
 * academic ones now and then, weekly ones for targeted students. */
static gboolean
write_checkins (Writer  *w,
                GError **error)
{
  for (guint i = 0; i < w->pupils->len; i++)
    {
      Pupil *p = &g_array_index (w->pupils, Pupil, i);
      gint64 by = p->advisor ? p->advisor : pick (w, w->counselors);

      if (p->unseen)
        continue;
      for (guint month = 0; month < 3; month++)
        {
          guint week = month * 4 + (guint) g_rand_int_range (w->rand, 0, 4);
          g_autofree char *date = day (MIN (week, WEEKS - 1), 1 + 2 * (guint) g_rand_int_range (w->rand, 0, 2));

          if (chance (w, month == 2 ? 55 : 85) && !checkin (w, by, p, date, "non_academic", error))
            return FALSE;
          if (chance (w, 20))
            {
              g_autofree char *other = day ((guint) g_rand_int_range (w->rand, 0, WEEKS), 1);
              if (!checkin (w, pick (w, w->staff), p, other, "academic", error))
                return FALSE;
            }
        }
      for (guint week = 5; p->owner != 0 && week < WEEKS; week++)
        {
          g_autofree char *date = day (week, 3);

          /* one targeted student in three misses most weeks */
          if (chance (w, p->id % 3 == 0 ? 30 : 90) && !checkin (w, p->owner, p, date, "academic", error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- flags, plans, observations ---- */

static const char * const strengths[] = {
  "Explains the math to the whole table, patiently", "Wrote a moving poem about her grandmother",
  "Fixed the robotics team's drive train", "Welcomes every new student at lunch", "Leads warm-ups in PE",
  "Translates for a classmate who just arrived", NULL
};
static const char * const needs[] = {
  "Has no winter coat", "Needs a quiet place to do homework", "Asked for help with a bus pass",
  "No laptop at home since October", "Needs glasses; squints at the board", NULL
};
static const char * const concerns[] = {
  "Falling asleep in first period most days", "Withdrawn since the fall break; eats lunch alone",
  "Mentioned not feeling safe on the walk home", "Missed four Mondays in a row", NULL
};

static gboolean
observe (Writer      *w,
         Pupil       *p,
         const char  *kind,
         const char  *body,
         guint        week,
         gboolean     raise_flag,
         gint64      *flag_id,
         GError     **error)
{
  g_autofree char *date = day (week, 1);
  g_autoptr(BelObservation) o = g_object_new (BEL_TYPE_OBSERVATION, "kind", kind, "body", body,
                                              "observed-on", date, "raise-flag", raise_flag, NULL);
  g_autoptr(BelObservation) created = bel_observations_create (w->engine, actor (w, pick (w, w->staff)), p->id, o,
                                                               error);

  if (created == NULL)
    return FALSE;
  w->summary->observations++;
  if (raise_flag)
    w->summary->flags++;
  if (flag_id != NULL)
    *flag_id = bel_resource_get_int (created, "flag-id");
  return TRUE;
}

static gboolean
close_flag (Writer  *w,
            gint64   flag_id,
            GError **error)
{
  g_autoptr(BelFlag) changes = g_object_new (BEL_TYPE_FLAG, "status", "closed",
                                             "resolution", "Talked with the family; the counselor checks in weekly",
                                             NULL);
  const char *fields[] = { "status", "resolution", NULL };
  g_autoptr(BelFlag) closed = bel_flags_update (w->engine, actor (w, pick (w, w->counselors)), flag_id, 0, changes,
                                                fields, error);

  return closed != NULL;
}

static gboolean
plan (Writer  *w,
      Pupil   *p,
      gint64   flag_id,
      gint64   tier,
      GError **error)
{
  gint64 owner = pick (w, w->counselors);
  gint64 helper = pick (w, w->staff);
  g_autoptr(GListStore) contributors = g_list_store_new (BEL_TYPE_PLAN_PERSON);
  g_autoptr(GListStore) actions = g_list_store_new (BEL_TYPE_PLAN_ACTION);
  g_autoptr(BelPlanPerson) person = g_object_new (BEL_TYPE_PLAN_PERSON, "account-id", helper, NULL);
  g_autoptr(BelPlanAction) call = g_object_new (BEL_TYPE_PLAN_ACTION, "description", "Call home with the family's interpreter",
                                                "owner-id", owner, "due-on", "2026-10-09", "done", TRUE, NULL);
  g_autoptr(BelPlanAction) mentor = g_object_new (BEL_TYPE_PLAN_ACTION, "description", "Morning check-in with a mentor",
                                                  "owner-id", helper, "due-on", "2026-11-30", NULL);
  g_autoptr(BelSupportPlan) sp = NULL;
  g_autoptr(BelSupportPlan) created = NULL;
  g_autoptr(BelPlanReview) review = NULL;
  g_autoptr(BelSupportPlan) reviewed = NULL;

  g_list_store_append (contributors, person);
  g_list_store_append (actions, call);
  g_list_store_append (actions, mentor);
  sp = g_object_new (BEL_TYPE_SUPPORT_PLAN, "concern", "Attendance and mood have dropped since September",
                     "tier", tier, "owner-id", owner, "flag-id", flag_id, "contributors", contributors,
                     "actions", actions, "starts-on", "2026-10-05", "review-on", "2026-11-16", NULL);
  created = bel_support_plans_create (w->engine, actor (w, owner), p->id, sp, error);
  if (created == NULL)
    return FALSE;
  review = g_object_new (BEL_TYPE_PLAN_REVIEW, "reviewed-on", "2026-11-16",
                         "note", "Two good weeks; keep the morning check-ins", "next-review-on", "2026-12-14", NULL);
  reviewed = bel_support_plans_review (w->engine, actor (w, owner), bel_resource_get_id (created), review, error);
  if (reviewed == NULL)
    return FALSE;
  if (tier >= 2)
    p->owner = owner;
  w->summary->plans++;
  return TRUE;
}

/* A concern with a flag for about 3% of students, a plan for most of them;
 * strengths and needs from several adults for many more. */
static gboolean
write_observations (Writer  *w,
                    GError **error)
{
  for (guint i = 0; i < w->pupils->len; i++)
    {
      Pupil *p = &g_array_index (w->pupils, Pupil, i);
      guint adults = chance (w, 40) ? (guint) g_rand_int_range (w->rand, 1, 4) : 0;

      for (guint a = 0; a < adults; a++)
        if (!observe (w, p, "strength", strengths[g_rand_int_range (w->rand, 0, 6)],
                      (guint) g_rand_int_range (w->rand, 0, WEEKS), FALSE, NULL, error))
          return FALSE;
      if (chance (w, 6) && !observe (w, p, "need", needs[g_rand_int_range (w->rand, 0, 5)],
                                     (guint) g_rand_int_range (w->rand, 4, WEEKS), FALSE, NULL, error))
        return FALSE;
      if (chance (w, 3))
        {
          gint64 flag_id = 0;

          if (!observe (w, p, "concern", concerns[g_rand_int_range (w->rand, 0, 4)], 4, TRUE, &flag_id, error))
            return FALSE;
          if (chance (w, 25))
            {
              if (!close_flag (w, flag_id, error))
                return FALSE;
            }
          else if (chance (w, 70) && !plan (w, p, flag_id, g_rand_int_range (w->rand, 1, 4), error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- caregiver contacts ---- */

static const char * const caregivers[] = { "mother", "father", "grandmother", "aunt", "guardian", "stepfather", NULL };

static gboolean
contact (Writer      *w,
         Pupil       *p,
         const char  *date,
         const char  *channel,
         gboolean     good_news,
         GError     **error)
{
  gboolean english = g_str_equal (p->language, "English");
  gboolean interpreter = !english && chance (w, 60);
  g_autofree char *caregiver = g_strdup_printf ("%s's %s", p->name, caregivers[g_rand_int_range (w->rand, 0, 6)]);
  g_autoptr(BelContact) c = g_object_new (BEL_TYPE_CONTACT,
                                          "caregiver-name", caregiver,
                                          "relationship", strrchr (caregiver, ' ') + 1,
                                          "channel", channel,
                                          "language", p->language,
                                          "interpreter", interpreter,
                                          "interpreter-name", interpreter ? "District interpreter line" : NULL,
                                          "good-news", good_news,
                                          "concern", good_news ? NULL : "Missing homework in two classes",
                                          "outcome", good_news ? "Thanked us; will tell the family at dinner"
                                                               : "Agreed on a homework time at home",
                                          "contacted-on", date,
                                          NULL);
  g_autoptr(BelContact) created = bel_contacts_create (w->engine, actor (w, p->advisor ? p->advisor
                                                                                       : pick (w, w->counselors)),
                                                       p->id, c, error);

  if (created == NULL)
    return FALSE;
  w->summary->contacts++;
  if (good_news)
    w->summary->good_news++;
  return TRUE;
}

/* Good news to most families in quarter 1, to some so far in quarter 2;
 * student-led conferences in October; a few home visits. */
static gboolean
write_contacts (Writer  *w,
                GError **error)
{
  for (guint i = 0; i < w->pupils->len; i++)
    {
      Pupil *p = &g_array_index (w->pupils, Pupil, i);
      g_autofree char *q1 = day ((guint) g_rand_int_range (w->rand, 1, 9), 1 + 2 * (guint) g_rand_int_range (w->rand, 0, 2));
      g_autofree char *q2 = day ((guint) g_rand_int_range (w->rand, 10, WEEKS), 3);

      if (p->unseen && chance (w, 70))
        continue;
      if (chance (w, 72) && !contact (w, p, q1, chance (w, 80) ? "call" : "message", TRUE, error))
        return FALSE;
      if (chance (w, 30) && !contact (w, p, "2026-10-22", "student_led_conference", TRUE, error))
        return FALSE;
      if (chance (w, 28) && !contact (w, p, q2, "call", TRUE, error))
        return FALSE;
      if (chance (w, 10) && !contact (w, p, q2, chance (w, 50) ? "home_visit_in_person" : "home_visit_virtual",
                                      FALSE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bel_demo_checkins_write (BelEngine               *engine,
                         gint64                   school_id,
                         guint32                  seed,
                         BelDemoCheckinsSummary  *summary,
                         GError                 **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x43484b49u); /* "CHKI" */
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counselors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) pupils = g_array_new (FALSE, TRUE, sizeof (Pupil));
  Writer w = { engine, school_id, rand, actors, staff, counselors, pupils, summary };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  *summary = (BelDemoCheckinsSummary) { 0 };
  g_array_set_clear_func (pupils, (GDestroyNotify) pupil_clear);
  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !read_school (&w, error) || !write_settings (&w, error))
    return FALSE;
  for (guint i = 0; i < pupils->len; i++)
    if (chance (&w, 8))
      {
        g_array_index (pupils, Pupil, i).unseen = TRUE;
        summary->missed_students++;
      }
  return write_observations (&w, error) && write_checkins (&w, error) && write_contacts (&w, error) &&
         bel_transaction_commit (tx, error);
}
