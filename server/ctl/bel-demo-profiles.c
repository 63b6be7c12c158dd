/* bel-demo-profiles.c - writes the demo's profile entries through the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-profiles.h"

#include "bel-profiles.h"
#include "bel-store-private.h"

#define CURRENT_YEAR 2026 /* 2026-2027, the demo's school year */

typedef struct {
  gint64   id;
  char    *name;        /* first name as the student goes by it */
  gint64   grade;
  gint64   advisor_id;  /* 0: none */
  char    *home_language;
  gboolean flags[4];    /* iep, 504, language plan, behavior plan */
  guint32  used[BEL_DEMO_N_TEXTS]; /* templates already used for this student */
} Student;

static void
student_free (gpointer data)
{
  Student *s = data;

  g_free (s->name);
  g_free (s->home_language);
  g_free (s);
}

static GPtrArray *
load_students (BelStore  *store,
               gint64     school_id,
               GError   **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT st.id, coalesce (nullif (st.preferred_name, ''), st.given_name), st.grade, adv.advisor_id, "
      "st.home_language, st.iep, st.section_504, st.language_plan, st.behavior_plan "
      "FROM student st LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "WHERE st.school_id = ? AND st.active = 1 ORDER BY st.id", error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (student_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      Student *s = g_new0 (Student, 1);

      s->id = bel_column_int64 (stmt, 0);
      s->name = g_strdup (bel_column_text (stmt, 1));
      s->grade = bel_column_int64 (stmt, 2);
      s->advisor_id = bel_column_int64 (stmt, 3);
      s->home_language = g_strdup (bel_column_text (stmt, 4));
      for (guint i = 0; i < 4; i++)
        s->flags[i] = bel_column_int (stmt, 5 + (int) i) != 0;
      g_ptr_array_add (out, s);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GArray *
load_staff (BelStore    *store,
            gint64       school_id,
            const char  *role,
            GError     **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store,
      "SELECT account_id FROM membership WHERE school_id = ? AND role = ? ORDER BY account_id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  bel_bind_int64 (stmt, 1, school_id);
  bel_bind_text (stmt, 2, role);
  while (bel_store_step_row (store, stmt, &local_error))
    {
      gint64 id = bel_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL || ids->len == 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The demo school has no %s", role);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

typedef struct {
  BelEngine              *engine;
  GRand                  *rand;
  GArray                 *teachers;
  GArray                 *counselors;
  BelDemoProfilesSummary *summary;
} Writer;

static gint64
pick (Writer *w,
      GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (w->rand, 0, (gint32) ids->len));
}

/* A template of @text not yet used for @s (while there are some), with the name filled in. */
static char *
text_for (Writer      *w,
          BelDemoText  text,
          Student     *s)
{
  const char * const *templates = bel_demo_profile_texts (text);
  guint n = g_strv_length ((char **) templates);
  guint i = (guint) g_rand_int_range (w->rand, 0, (gint32) n);
  GString *out;

  for (guint tries = 0; tries < n && (s->used[text] & (1u << i)) != 0; tries++)
    i = (i + 1) % n;
  s->used[text] |= 1u << i;
  out = g_string_new (templates[i]);
  g_string_replace (out, "%s", s->name, 1);
  return g_string_free (out, FALSE);
}

/* A school day of the year starting in @year: September to May, or up to
 * mid-January in the current year (the demo's "today"). */
static GDateTime *
school_day (Writer *w,
            int     year)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (year, 9, 8, 15, 0, 0);
  int span = year == CURRENT_YEAR ? 125 : 260;
  g_autoptr(GDateTime) day = g_date_time_add_days (start, g_rand_int_range (w->rand, 0, span));

  return g_date_time_add_minutes (day, g_rand_int_range (w->rand, 0, 150));
}

static gboolean
write_entry (Writer        *w,
             Student       *s,
             int            year,
             const char    *section,
             BelDemoText    text,
             gint64         author_id,
             const char    *extra_name,
             const char    *extra_value,
             GError       **error)
{
  g_autoptr(GDateTime) when = school_day (w, year);
  g_autofree char *body = text_for (w, text, s);
  g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);
  g_autofree char *observed_on = g_date_time_format (when, "%Y-%m-%d");
  g_autoptr(BelProfileEntry) entry = g_object_new (BEL_TYPE_PROFILE_ENTRY, "section", section, "body", body,
                                                   "school-year", school_year, "observed-on", observed_on,
                                                   "grade", s->grade - (CURRENT_YEAR - year), NULL);
  g_autoptr(BelProfileEntry) stored = NULL;

  if (extra_name != NULL)
    g_object_set (entry, extra_name, extra_value, NULL);
  if (g_str_equal (section, "academics"))
    g_object_set (entry, "attendance-rate", (gdouble) g_rand_int_range (w->rand, 820, 1000) / 10.0,
                  "attendance-summary", "Attendance from the SIS, first semester", NULL);
  stored = bel_profiles_import (w->engine, bel_engine_system_actor (w->engine), s->id, entry, author_id, when,
                                error);
  if (stored == NULL)
    return FALSE;
  w->summary->entries++;
  w->summary->sensitive += bel_resource_get_bool (stored, "sensitive");
  return TRUE;
}

static gboolean
write_plan (Writer   *w,
            Student  *s,
            int       year,
            guint     flag,
            GError  **error)
{
  static const char * const types[] = { "iep", "504", "language", "behavior" };
  static const BelDemoText texts[] = {
    BEL_DEMO_TEXT_IEP, BEL_DEMO_TEXT_504, BEL_DEMO_TEXT_LANGUAGE_PLAN, BEL_DEMO_TEXT_BEHAVIOR_PLAN
  };
  g_autoptr(GDateTime) when = g_date_time_new_utc (year, 9, 3 + (int) flag, 14, 0, 0);
  g_autofree char *body = text_for (w, texts[flag], s);
  g_autofree char *school_year = g_strdup_printf ("%d-%d", year, year + 1);
  g_autofree char *starts = g_strdup_printf ("%d-09-0%u", year, 3 + flag);
  g_autofree char *ends = g_strdup_printf ("%d-06-12", year + 1);
  g_autoptr(BelProfileEntry) entry = g_object_new (BEL_TYPE_PROFILE_ENTRY, "section", "plans", "body", body,
                                                   "school-year", school_year, "observed-on", starts,
                                                   "grade", s->grade - (CURRENT_YEAR - year),
                                                   "plan-type", types[flag], "starts-on", starts,
                                                   "ends-on", ends, "summary", "Reviewed with the student and family",
                                                   NULL);
  g_autoptr(BelProfileEntry) stored = bel_profiles_import (w->engine, bel_engine_system_actor (w->engine), s->id,
                                                           entry, pick (w, w->counselors), when, error);

  if (stored == NULL)
    return FALSE;
  w->summary->entries++;
  w->summary->sensitive++;
  return TRUE;
}

/* One school year of a student's profile. */
static gboolean
write_year (Writer   *w,
            Student  *s,
            int       year,
            gboolean  first_year,
            GError  **error)
{
  gint64 academics_author = s->advisor_id ? s->advisor_id : pick (w, w->teachers);
  gboolean english_home = s->home_language == NULL || g_str_equal (s->home_language, "English");

  if (!write_entry (w, s, year, "strengths", BEL_DEMO_TEXT_STRENGTHS, pick (w, w->teachers), NULL, NULL, error) ||
      !write_entry (w, s, year, "interests_talents", BEL_DEMO_TEXT_INTERESTS, pick (w, w->teachers),
                    NULL, NULL, error) ||
      !write_entry (w, s, year, "academics", BEL_DEMO_TEXT_ACADEMICS, academics_author, "grades",
                    "Mostly B's, an A in the class they love", error))
    return FALSE;
  if (g_rand_int_range (w->rand, 0, 100) < 60 &&
      !write_entry (w, s, year, "strengths", BEL_DEMO_TEXT_STRENGTHS, pick (w, w->teachers), NULL, NULL, error))
    return FALSE;
  if (s->grade - (CURRENT_YEAR - year) >= 10 && g_rand_int_range (w->rand, 0, 100) < 55 &&
      !write_entry (w, s, year, "career_aspirations", BEL_DEMO_TEXT_CAREER, pick (w, w->counselors),
                    NULL, NULL, error))
    return FALSE;
  if (g_rand_int_range (w->rand, 0, 100) < 45 &&
      !write_entry (w, s, year, "learning_preferences", BEL_DEMO_TEXT_LEARNING, pick (w, w->teachers),
                    NULL, NULL, error))
    return FALSE;
  if (!english_home && (first_year || g_rand_int_range (w->rand, 0, 100) < 40) &&
      !write_entry (w, s, year, "language", BEL_DEMO_TEXT_LANGUAGE, pick (w, w->teachers),
                    "home-language", s->home_language, error))
    return FALSE;
  if (g_rand_int_range (w->rand, 0, 100) < 25 &&
      !write_entry (w, s, year, "heritage_culture", BEL_DEMO_TEXT_HERITAGE, pick (w, w->teachers),
                    NULL, NULL, error))
    return FALSE;
  if (first_year && g_rand_int_range (w->rand, 0, 100) < 50 &&
      !write_entry (w, s, year, "academic_history", BEL_DEMO_TEXT_HISTORY, pick (w, w->counselors),
                    NULL, NULL, error))
    return FALSE;
  if (g_rand_int_range (w->rand, 0, 100) < 70 &&
      !write_entry (w, s, year, "areas_of_growth", BEL_DEMO_TEXT_GROWTH, pick (w, w->teachers), NULL, NULL, error))
    return FALSE;
  if (g_rand_int_range (w->rand, 0, 100) < 20 &&
      !write_entry (w, s, year, "wellbeing", BEL_DEMO_TEXT_WELLBEING, pick (w, w->counselors), NULL, NULL, error))
    return FALSE;
  if (first_year && g_rand_int_range (w->rand, 0, 100) < 30 &&
      !write_entry (w, s, year, "family", BEL_DEMO_TEXT_FAMILY, pick (w, w->counselors), NULL, NULL, error))
    return FALSE;
  for (guint flag = 0; flag < 4; flag++)
    if (s->flags[flag] && !write_plan (w, s, year, flag, error))
      return FALSE;
  return TRUE;
}

gboolean
bel_demo_profiles_write (BelEngine               *engine,
                         gint64                   school_id,
                         guint32                  seed,
                         BelDemoProfilesSummary  *summary,
                         GError                 **error)
{
  BelStore *store = bel_engine_get_store (engine);
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GPtrArray) students = NULL;
  g_autoptr(GArray) teachers = NULL;
  g_autoptr(GArray) counselors = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x9e3779b9u);
  Writer w = { engine, rand, NULL, NULL, summary };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (BelDemoProfilesSummary) { 0 };
  tx = bel_engine_begin (engine, error);
  if (tx == NULL ||
      (students = load_students (store, school_id, error)) == NULL ||
      (teachers = load_staff (store, school_id, "teacher", error)) == NULL ||
      (counselors = load_staff (store, school_id, "counselor", error)) == NULL)
    return FALSE;
  w.teachers = teachers;
  w.counselors = counselors;
  for (guint i = 0; i < students->len; i++)
    {
      Student *s = students->pdata[i];
      /* Grades 11-12 since 2024-2025; grades 9-10 since 2025-2026 (grade 8 is the transition visit). */
      int first = s->grade >= 11 ? CURRENT_YEAR - 2 : CURRENT_YEAR - 1;

      if (g_rand_int_range (w.rand, 0, 100) >= 90)
        continue;
      summary->students++;
      for (int year = first; year <= CURRENT_YEAR; year++)
        if (!write_year (&w, s, year, year == first, error))
          return FALSE;
    }
  return bel_transaction_commit (tx, error);
}
