/* bel-ctl-demo.c - belongingctl demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-accounts.h"
#include "bel-ctl-commands.h"
#include "bel-demo-board.h"
#include "bel-demo-goals.h"
#include "bel-demo-checkins.h"
#include "bel-demo-profiles.h"
#include "bel-demo-surveys.h"
#include "bel-demo-writer.h"
#include "bel-error.h"
#include "bel-schools.h"

static gboolean
parse_number (const char  *text,
              const char  *option,
              guint64      min,
              guint64      max,
              guint64     *value,
              GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, min, max, value, NULL))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT ", not “%s”"),
               option, min, max, text);
  return FALSE;
}

/* The demo goes into an empty database unless forced. */
static gboolean
check_empty (BelEngine  *engine,
             GError    **error)
{
  BelAccount *actor = bel_engine_system_actor (engine);
  g_autoptr(GPtrArray) schools = bel_schools_list (engine, actor, error);
  g_autoptr(GPtrArray) accounts = NULL;

  if (schools == NULL)
    return FALSE;
  accounts = bel_accounts_list (engine, actor, error);
  if (accounts == NULL)
    return FALSE;
  if (schools->len == 0 && accounts->len == 0)
    return TRUE;
  g_set_error (error, BEL_ERROR, BEL_ERROR_CONFLICT,
               _("%s already has schools or accounts; add --force to add the demo school anyway"),
               bel_store_get_display_name (bel_engine_get_store (engine)));
  return FALSE;
}

static void
print_accounts (BelDemo *demo,
                GArray  *reused)
{
  static const char * const headers[] = { N_("USERNAME"), N_("ROLE"), N_("NAME"), N_("TITLE"), NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean any_reused = FALSE;

  for (guint i = 0; i < bel_demo_get_n_staff (demo); i++)
    {
      BelAccount *account = bel_demo_get_staff (demo, i);
      BelMembership *membership = bel_demo_get_staff_membership (demo, i);
      gboolean was_there = g_array_index (reused, gboolean, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup (bel_resource_get_string (account, "username"));
      row[1] = g_strdup_printf ("%s%s", membership ? bel_resource_get_string (membership, "role") : "admin",
                                was_there ? "*" : "");
      row[2] = g_strdup (bel_resource_get_string (account, "display-name"));
      row[3] = g_strdup (membership ? bel_resource_get_string (membership, "title")
                                    : _("District IT administrator (server admin)"));
      g_ptr_array_add (rows, row);
      any_reused |= was_there;
    }
  g_print (_("Demo sign-in accounts:\n\n"));
  bel_ctl_print_table (headers, rows);
  g_print (_("\nThe password of every demo account is: %s\n"), BEL_DEMO_PASSWORD);
  if (any_reused)
    g_print (_("* This account existed already: it was added to the school, its password is unchanged.\n"));
}

int
bel_ctl_demo (BelCtl  *ctl,
              int      argc,
              char   **argv)
{
  g_autofree char *students_text = NULL;
  g_autofree char *seed_text = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "students", 'n', 0, G_OPTION_ARG_STRING, &students_text,
      N_("How many students (default 400, at most 5000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Draw a different school: the same seed always gives the same one"), N_("SEED") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Add the demo school even though the database has data (existing usernames are reused)"),
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL,
                            _("Creates the demo school: Riverside Community High School with its staff "
                              "accounts,\nstudents and advisories, in one transaction. It is the same "
                              "for the same seed.\nEvery demo account has the password "
                              BEL_DEMO_PASSWORD "."),
                            entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelDemo) demo = NULL;
  g_autoptr(BelSchool) school = NULL;
  g_autoptr(GArray) reused = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint64 n_students = BEL_DEMO_DEFAULT_STUDENTS;
  guint64 seed = BEL_DEMO_DEFAULT_SEED;
  BelDemoBoardSummary map;
  BelDemoProfilesSummary profiles;
  g_auto(BelDemoGoalsSummary) goals = { 0 };
  BelDemoCheckinsSummary care;
  g_auto(BelDemoSurveysSummary) surveys = { 0 };

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  if (!parse_number (students_text, "--students", 1, BEL_DEMO_MAX_STUDENTS, &n_students, &error) ||
      !parse_number (seed_text, "--seed", 0, G_MAXUINT32, &seed, &error))
    return bel_ctl_report (ctl, error);

  engine = bel_ctl_open_engine (ctl, FALSE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  if (!force && !check_empty (engine, &error))
    return bel_ctl_report (ctl, error);

  timer = g_timer_new ();
  demo = bel_demo_new (n_students, (guint32) seed);
  school = bel_demo_write (demo, engine, &reused, &error);
  if (school == NULL)
    return bel_ctl_report (ctl, error);

  g_print (_("Created %s (school id %" G_GINT64_FORMAT ", %s) in %.1f s:\n"
             "%" G_GINT64_FORMAT " students in %u advisories, %u staff accounts.\n\n"),
           bel_resource_get_string (school, "name"), bel_resource_get_id (school),
           bel_resource_get_string (school, "school-year"), g_timer_elapsed (timer, NULL),
           bel_resource_get_int (school, "student-count"), bel_demo_get_n_advisories (demo),
           bel_demo_get_n_staff (demo));
  if (!bel_demo_board_write (engine, bel_resource_get_id (school), (guint32) seed, &map, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Relationship map: “Fall map” (closed, %u marks) and “Winter map” (open, %u marks); "
             "%u of %u students with no adult yet; %u advocates.\n\n"),
           map.fall_marks, map.winter_marks, map.winter_unconnected, map.students, map.advocates);
  if (!bel_demo_profiles_write (engine, bel_resource_get_id (school), (guint32) seed, &profiles, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Profiles: %u entries (%u in sensitive sections) for %u students, school years 2024-2025 to "
             "2026-2027.\n\n"), profiles.entries, profiles.sensitive, profiles.students);
  if (!bel_demo_checkins_write (engine, bel_resource_get_id (school), (guint32) seed, &care, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Check-ins: %u since 2026-08-31 (%u students missed again and again); %u caregiver contacts "
             "(%u good news); %u observations; %u concern flags; %u support plans.\n\n"),
           care.checkins, care.missed_students, care.contacts, care.good_news, care.observations, care.flags,
           care.plans);
  if (!bel_demo_goals_write (engine, bel_resource_get_id (school), (guint32) seed, &goals, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Growth goals: %u goals (%u off track, %u bilingual students with a Spanish reading goal too), "
             "%u measurements, %u benchmarks met.\n"
             "For a celebration: sign in as %s, open %s and record a reading score of %g or more.\n\n"),
           goals.goals, goals.off_track, goals.bilingual, goals.measurements, goals.benchmarks_met,
           goals.celebration_advisor, goals.celebration_student, goals.celebration_value);
  if (!bel_demo_surveys_write (engine, bel_resource_get_id (school), (guint32) seed, &surveys, &error))
    return bel_ctl_report (ctl, error);
  g_print (_("Surveys: “%s” (confidential) Quarter 1 with %u and Quarter 2 with %u answers of %u students, "
             "both closed.\n"), BEL_DEMO_SURVEY_TITLE, surveys.q1_responses, surveys.q2_responses, surveys.students);
  if (surveys.open_window_id != 0)
    g_print (_("“%s” is open for advisory %s (%u codes issued, unused): print its slips in the app "
               "(as %s or a leader) and answer at /survey on the daemon.\n\n"),
             BEL_DEMO_SURVEY_OPEN_TITLE, surveys.open_advisory, surveys.open_codes,
             surveys.open_advisor ? surveys.open_advisor : "?");
  print_accounts (demo, reused);
  return BEL_CTL_EXIT_OK;
}
