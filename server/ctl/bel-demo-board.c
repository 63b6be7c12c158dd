/* bel-demo-board.c - draws and stores the demo school's relationship map
 *
 * Every random choice comes from one GRand seeded by the caller, in a fixed
 * order, over staff and students read in id order: the same seed on the same
 * school gives the same map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-demo-board.h"

#include "bel-accounts.h"
#include "bel-advocates.h"
#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-marks.h"
#include "bel-rounds.h"

#define MEETING_TIME "15:30:00Z" /* the staff meetings are after school */

typedef struct {
  gint64      id;
  char        role;  /* 't'eacher, 'c'ounselor, 'l'eader */
  gint64      grades[2];
  BelAccount *actor;
} Staff;

typedef struct {
  gint64  id;
  gint64  grade;
  gint64  advisor; /* account id, 0 for none */
  GArray *fall;    /* account ids with a relationship mark */
  GArray *winter;
  gint64  advocate;
  char   *status;
} Pupil;

typedef struct {
  BelEngine  *engine;
  BelStore   *store;
  gint64      school_id;
  GRand      *rand;
  GArray     *staff;    /* Staff */
  GArray     *pupils;   /* Pupil */
  BelAccount *counselor;
  GDate       today;
  BelDemoBoardSummary *summary;
} Map;

static void
staff_clear (Staff *s)
{
  g_clear_object (&s->actor);
}

static void
pupil_clear (Pupil *p)
{
  g_clear_pointer (&p->fall, g_array_unref);
  g_clear_pointer (&p->winter, g_array_unref);
  g_clear_pointer (&p->status, g_free);
}

static gboolean
chance (Map  *m,
        guint percent)
{
  return (guint) g_rand_int_range (m->rand, 0, 100) < percent;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ---- reading the stored school ---- */

static gboolean
read_staff (Map     *m,
            GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (m->store,
      "SELECT m.account_id, m.role FROM membership m JOIN account a ON a.id = m.account_id "
      "WHERE m.school_id = ? AND a.active = 1 ORDER BY m.account_id", error);
  g_autoptr(GError) local_error = NULL;
  guint teachers = 0;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->school_id);
  while (bel_store_step_row (m->store, stmt, &local_error))
    {
      Staff s = { .id = bel_column_int64 (stmt, 0), .role = bel_column_text (stmt, 1)[0] };

      /* Each teacher teaches one or two grades of 9-12. */
      if (s.role == 't')
        {
          s.grades[0] = 9 + teachers % 4;
          s.grades[1] = 9 + (teachers / 4 + teachers % 2) % 4;
          teachers++;
        }
      g_array_append_val (m->staff, s);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < m->staff->len; i++)
    {
      Staff *s = &g_array_index (m->staff, Staff, i);

      s->actor = bel_accounts_get (m->engine, bel_engine_system_actor (m->engine), s->id, error);
      if (s->actor == NULL)
        return FALSE;
      if (m->counselor == NULL && s->role == 'c')
        m->counselor = s->actor;
    }
  if (m->counselor == NULL)
    m->counselor = bel_engine_system_actor (m->engine);
  return TRUE;
}

static gboolean
is_staff (Map    *m,
          gint64  id)
{
  for (guint i = 0; i < m->staff->len; i++)
    if (g_array_index (m->staff, Staff, i).id == id)
      return TRUE;
  return FALSE;
}

static gboolean
read_students (Map     *m,
               GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (m->store,
      "SELECT st.id, st.grade, adv.advisor_id FROM student st "
      "LEFT JOIN advisory adv ON adv.id = st.advisory_id "
      "WHERE st.school_id = ? AND st.active = 1 ORDER BY st.id", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->school_id);
  while (bel_store_step_row (m->store, stmt, &local_error))
    {
      Pupil p = {
        .id = bel_column_int64 (stmt, 0),
        .grade = bel_column_int64 (stmt, 1),
        .advisor = bel_column_int64 (stmt, 2),
        .fall = g_array_new (FALSE, FALSE, sizeof (gint64)),
        .winter = g_array_new (FALSE, FALSE, sizeof (gint64)),
      };

      /* An advisor who is not active staff here does not mark. */
      if (p.advisor != 0 && !is_staff (m, p.advisor))
        p.advisor = 0;
      g_array_append_val (m->pupils, p);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- drawing ---- */

/* How much more likely a staff member is to know this student. */
static guint
weight (const Staff *s,
        const Pupil *p)
{
  if (s->id == p->advisor)
    return 40;
  switch (s->role)
    {
    case 't':
      return s->grades[0] == p->grade || s->grades[1] == p->grade ? 6 : 1;
    case 'c':
      return 3;
    default:
      return 1;
    }
}

/* One more adult for @p, not yet in @chosen (0 if none is left). */
static gint64
draw_adult (Map         *m,
            const Pupil *p,
            GArray      *chosen)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < m->staff->len; i++)
    {
      const Staff *s = &g_array_index (m->staff, Staff, i);

      if (!contains (chosen, s->id))
        total += weight (s, p);
    }
  if (total == 0)
    return 0;
  r = g_rand_int_range (m->rand, 0, total);
  for (guint i = 0; i < m->staff->len; i++)
    {
      const Staff *s = &g_array_index (m->staff, Staff, i);
      guint w;

      if (contains (chosen, s->id))
        continue;
      w = weight (s, p);
      if (r < w)
        return s->id;
      r -= w;
    }
  g_assert_not_reached ();
}

static void
add_adults (Map    *m,
            Pupil  *p,
            GArray *into,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 id = draw_adult (m, p, into);

      if (id != 0)
        g_array_append_val (into, id);
    }
}

/* About 12% no adult, 25% one, the rest two to six. */
static guint
draw_fall_count (Map *m)
{
  guint r = g_rand_int_range (m->rand, 0, 100);

  if (r < 12)
    return 0;
  if (r < 37)
    return 1;
  if (r < 70)
    return 2;
  if (r < 88)
    return 3;
  return 4 + g_rand_int_range (m->rand, 0, 3);
}

/* Eight weeks on, most checks stay, some go, some are new. */
static void
draw_winter (Map   *m,
             Pupil *p)
{
  for (guint i = 0; i < p->fall->len; i++)
    if (chance (m, 88))
      g_array_append_val (p->winter, g_array_index (p->fall, gint64, i));
  if (chance (m, p->fall->len == 0 ? 10 : 25))
    add_adults (m, p, p->winter, 1);
  if (p->advocate != 0 && g_str_equal (p->status, "connected") && !contains (p->winter, p->advocate))
    g_array_append_val (p->winter, p->advocate);
}

/* ---- storing ---- */

static const Staff *
staff_by_id (Map    *m,
             gint64  id)
{
  for (guint i = 0; i < m->staff->len; i++)
    if (g_array_index (m->staff, Staff, i).id == id)
      return &g_array_index (m->staff, Staff, i);
  g_assert_not_reached ();
}

static gboolean
put_mark (Map         *m,
          gint64       round_id,
          const Pupil *p,
          gint64       account_id,
          const char  *kind,
          GError     **error)
{
  g_autoptr(BelMark) mark = bel_marks_put (m->engine, staff_by_id (m, account_id)->actor, round_id, p->id,
                                           account_id, kind, NULL, error);
  return mark != NULL;
}

/* The relationship marks of a round, with a personal mark for some of them,
 * and a concern mark for a few students. */
static gboolean
put_round_marks (Map      *m,
                 gint64    round_id,
                 gboolean  winter,
                 guint    *n_marks,
                 GError  **error)
{
  for (guint i = 0; i < m->pupils->len; i++)
    {
      const Pupil *p = &g_array_index (m->pupils, Pupil, i);
      GArray *adults = winter ? p->winter : p->fall;

      for (guint j = 0; j < adults->len; j++)
        {
          gint64 adult = g_array_index (adults, gint64, j);

          if (!put_mark (m, round_id, p, adult, "relationship", error))
            return FALSE;
          (*n_marks)++;
          if (chance (m, 12))
            {
              if (!put_mark (m, round_id, p, adult, "personal", error))
                return FALSE;
              (*n_marks)++;
            }
        }
      if (chance (m, 4))
        {
          gint64 worried = adults->len > 0 && chance (m, 50) ? g_array_index (adults, gint64, 0)
                                                             : bel_resource_get_id (m->counselor);

          if (worried != 0)
            {
              if (!put_mark (m, round_id, p, worried, "concern", error))
                return FALSE;
              (*n_marks)++;
            }
        }
    }
  return TRUE;
}

static gint64
create_round (Map         *m,
              const char  *name,
              GError     **error)
{
  g_autoptr(BelRound) round = g_object_new (BEL_TYPE_ROUND, "name", name, "status", "open", NULL);
  g_autoptr(BelRound) created = bel_rounds_create (m->engine, m->counselor, m->school_id, round, error);

  return created ? bel_resource_get_id (created) : 0;
}

static gboolean
close_round (Map     *m,
             gint64   round_id,
             GError **error)
{
  g_autoptr(BelRound) changes = g_object_new (BEL_TYPE_ROUND, "status", "closed", NULL);
  const char *fields[] = { "status", NULL };
  g_autoptr(BelRound) closed = bel_rounds_update (m->engine, m->counselor, round_id, 0, changes, fields, error);

  return closed != NULL;
}

static char *
date_text (const GDate *date,
           int          days)
{
  GDate d = *date;
  char buf[16];

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

static const char *
draw_status (Map *m)
{
  guint r = g_rand_int_range (m->rand, 0, 100);

  if (r < 25)
    return "assigned";
  if (r < 55)
    return "reached_out";
  return r < 88 ? "connected" : "needs_help";
}

static const char * const notes[] = {
  "Ask about the robotics club",
  "Loves drawing; check in at lunch",
  "New this year; walk with them to advisory",
  "Plays soccer; catch a game",
  "Check in on Mondays before first period",
  NULL
};

/* Most of the students with no adult in the fall get an advocate, usually
 * their advisor, with a follow-up around the winter round. */
static gboolean
assign_advocates (Map     *m,
                  gint64   fall_id,
                  GError **error)
{
  for (guint i = 0; i < m->pupils->len; i++)
    {
      Pupil *p = &g_array_index (m->pupils, Pupil, i);
      g_autoptr(BelAdvocate) advocate = NULL;
      g_autoptr(BelAdvocate) created = NULL;
      g_autofree char *follow_up = NULL;
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
      const char *status;

      if (p->fall->len > 0 || !chance (m, 85))
        continue;
      p->advocate = p->advisor != 0 && chance (m, 70) ? p->advisor : draw_adult (m, p, none);
      if (p->advocate == 0)
        continue;
      follow_up = date_text (&m->today, g_rand_int_range (m->rand, -10, 21));
      advocate = g_object_new (BEL_TYPE_ADVOCATE,
                               "account-id", p->advocate,
                               "round-id", fall_id,
                               "follow-up-on", follow_up,
                               "note", notes[g_rand_int_range (m->rand, 0, g_strv_length ((char **) notes))],
                               NULL);
      created = bel_advocates_create (m->engine, m->counselor, p->id, advocate, error);
      if (created == NULL)
        return FALSE;
      m->summary->advocates++;
      status = draw_status (m);
      p->status = g_strdup (status);
      if (!g_str_equal (status, "assigned"))
        {
          g_autoptr(BelAdvocate) changes = g_object_new (BEL_TYPE_ADVOCATE, "status", status, NULL);
          const char *fields[] = { "status", NULL };
          g_autoptr(BelAdvocate) updated = bel_advocates_update (m->engine, staff_by_id (m, p->advocate)->actor,
                                                                 bel_resource_get_id (created), 0, changes,
                                                                 fields, error);
          if (updated == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
exec_dated (Map        *m,
            const char *sql,
            gint64      round_id,
            const char *date,
            GError    **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (m->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, round_id);
  bel_bind_text (stmt, 2, date);
  return bel_store_step_done (m->store, stmt, error);
}

/* The engine stamps everything "now"; the demo's story has its own dates. */
static gboolean
backdate (Map     *m,
          gint64   fall_id,
          gint64   winter_id,
          GError **error)
{
  g_autofree char *fall_open = date_text (&m->today, -56);
  g_autofree char *fall_close = date_text (&m->today, -54);
  g_autofree char *assigned = date_text (&m->today, -49);
  g_autofree char *winter_open = date_text (&m->today, 0);

  return exec_dated (m, "UPDATE map_round SET created_at = ?2 || 'T" MEETING_TIME "', "
                     "opened_at = ?2 || 'T" MEETING_TIME "', updated_at = ?2 || 'T" MEETING_TIME "' "
                     "WHERE id = ?1", fall_id, fall_open, error) &&
         exec_dated (m, "UPDATE map_round SET closed_at = ?2 || 'T16:45:00Z', updated_at = ?2 || 'T16:45:00Z' "
                     "WHERE id = ?1", fall_id, fall_close, error) &&
         exec_dated (m, "UPDATE map_round SET created_at = ?2 || 'T" MEETING_TIME "', "
                     "opened_at = ?2 || 'T" MEETING_TIME "', updated_at = ?2 || 'T" MEETING_TIME "' "
                     "WHERE id = ?1", winter_id, winter_open, error) &&
         exec_dated (m, "UPDATE mark SET created_at = ?2 || 'T15:' || (31 + student_id % 28) "
                     "|| ':00Z' WHERE round_id = ?1", fall_id, fall_open, error) &&
         exec_dated (m, "UPDATE mark SET created_at = ?2 || 'T15:' || (31 + student_id % 28) "
                     "|| ':00Z' WHERE round_id = ?1", winter_id, winter_open, error) &&
         exec_dated (m, "UPDATE advocate SET created_at = ?2 || 'T16:00:00Z', "
                     "updated_at = CASE WHEN version = 1 THEN ?2 || 'T16:00:00Z' "
                     "ELSE date (?2, '+' || (7 + id % 30) || ' days') || 'T12:15:00Z' END "
                     "WHERE round_id = ?1", fall_id, assigned, error);
}

/* The third Monday of January of the school year's second year. */
static gboolean
demo_today (Map     *m,
            GError **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (m->store, "SELECT school_year FROM school WHERE id = ?",
                                                    error);
  const char *year;
  gint64 first = 0;

  if (stmt == NULL)
    return FALSE;
  bel_bind_int64 (stmt, 1, m->school_id);
  if (!bel_store_step_row (m->store, stmt, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BEL_ERROR, BEL_ERROR_NOT_FOUND, "No school with id %" G_GINT64_FORMAT, m->school_id);
      return FALSE;
    }
  year = bel_column_text (stmt, 0);
  if (year == NULL || (first = g_ascii_strtoll (year, NULL, 10)) < 2000 || first > 9000)
    first = 2026;
  g_date_clear (&m->today, 1);
  g_date_set_dmy (&m->today, 1, G_DATE_JANUARY, (GDateYear) (first + 1));
  while (g_date_get_weekday (&m->today) != G_DATE_MONDAY)
    g_date_add_days (&m->today, 1);
  g_date_add_days (&m->today, 14);
  return TRUE;
}

static gboolean
write_map (Map     *m,
           GError **error)
{
  gint64 fall_id, winter_id;

  if (!demo_today (m, error) || !read_staff (m, error) || !read_students (m, error))
    return FALSE;
  for (guint i = 0; i < m->pupils->len; i++)
    {
      Pupil *p = &g_array_index (m->pupils, Pupil, i);

      add_adults (m, p, p->fall, draw_fall_count (m));
    }
  if ((fall_id = create_round (m, "Fall map", error)) == 0 ||
      !put_round_marks (m, fall_id, FALSE, &m->summary->fall_marks, error) ||
      !close_round (m, fall_id, error) ||
      !assign_advocates (m, fall_id, error))
    return FALSE;
  for (guint i = 0; i < m->pupils->len; i++)
    {
      Pupil *p = &g_array_index (m->pupils, Pupil, i);

      draw_winter (m, p);
      if (p->winter->len == 0)
        m->summary->winter_unconnected++;
    }
  if ((winter_id = create_round (m, "Winter map", error)) == 0 ||
      !put_round_marks (m, winter_id, TRUE, &m->summary->winter_marks, error) ||
      !backdate (m, fall_id, winter_id, error))
    return FALSE;
  m->summary->fall_round_id = fall_id;
  m->summary->winter_round_id = winter_id;
  m->summary->students = m->pupils->len;
  return TRUE;
}

gboolean
bel_demo_board_write (BelEngine            *engine,
                      gint64                school_id,
                      guint32               seed,
                      BelDemoBoardSummary  *summary,
                      GError              **error)
{
  g_autoptr(BelTransaction) tx = NULL;
  g_autoptr(GArray) staff = g_array_new (FALSE, TRUE, sizeof (Staff));
  g_autoptr(GArray) pupils = g_array_new (FALSE, TRUE, sizeof (Pupil));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x6d617073u);
  BelDemoBoardSummary local = { 0 };
  Map m = {
    .engine = engine,
    .store = bel_engine_get_store (engine),
    .school_id = school_id,
    .rand = rand,
    .staff = staff,
    .pupils = pupils,
    .summary = summary ? summary : &local,
  };

  g_return_val_if_fail (BEL_IS_ENGINE (engine), FALSE);

  g_array_set_clear_func (staff, (GDestroyNotify) staff_clear);
  g_array_set_clear_func (pupils, (GDestroyNotify) pupil_clear);
  *m.summary = (BelDemoBoardSummary) { 0 };
  tx = bel_engine_begin (engine, error);
  if (tx == NULL || !write_map (&m, error))
    return FALSE;
  return bel_transaction_commit (tx, error);
}
