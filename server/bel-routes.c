/* bel-routes.c - THE route table of belongingd (kept equal to openapi.yaml by a test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-routes.h"

#include <string.h>

#include "bel-handlers.h"
#include "bel-prometheus.h"
#include "bel-handlers-board.h"
#include "bel-handlers-checkins.h"
#include "bel-handlers-goals.h"
#include "bel-handlers-profiles.h"
#include "bel-handlers-surveys.h"

#define PUBLIC BEL_ROUTE_PUBLIC
#define BODY   BEL_ROUTE_BODY
/* The metrics count what the main loop sees, without the database. */
#define MAIN   BEL_ROUTE_MAIN

static const BelRoute routes[] = {
  { "GET",    "/healthz",                                        bel_handle_healthz,           PUBLIC },
  { "GET",    "/readyz",                                         bel_handle_readyz,            PUBLIC },
  { "GET",    "/metrics",                                        bel_handle_prometheus,        PUBLIC | MAIN },
  { "POST",   "/api/v1/session",                                 bel_handle_session_create,    PUBLIC | BODY },
  { "DELETE", "/api/v1/session",                                 bel_handle_session_delete,    0 },
  { "GET",    "/api/v1/me",                                      bel_handle_me,                0 },
  { "PUT",    "/api/v1/me/password",                             bel_handle_my_password_put,   BODY },
  { "GET",    "/api/v1/schools",                                 bel_handle_schools_list,      0 },
  { "POST",   "/api/v1/schools",                                 bel_handle_schools_create,    BODY },
  { "GET",    "/api/v1/schools/{school_id}",                     bel_handle_schools_get,       0 },
  { "GET",    "/api/v1/schools/{school_id}/staff",               bel_handle_staff_list,        0 },
  { "GET",    "/api/v1/schools/{school_id}/events",              bel_handle_events,            0 },
  { "PUT",    "/api/v1/schools/{school_id}/members/{account_id}", bel_handle_membership_put,   BODY },
  { "DELETE", "/api/v1/schools/{school_id}/members/{account_id}", bel_handle_membership_delete, 0 },
  { "GET",    "/api/v1/accounts",                                bel_handle_accounts_list,     0 },
  { "POST",   "/api/v1/accounts",                                bel_handle_accounts_create,   BODY },
  { "GET",    "/api/v1/accounts/{account_id}",                   bel_handle_accounts_get,      0 },
  { "PATCH",  "/api/v1/accounts/{account_id}",                   bel_handle_accounts_patch,    BODY },
  { "GET",    "/api/v1/schools/{school_id}/students",            bel_handle_students_list,     0 },
  { "POST",   "/api/v1/schools/{school_id}/students",            bel_handle_students_create,   BODY },
  { "GET",    "/api/v1/students/{student_id}",                   bel_handle_students_get,      0 },
  { "PATCH",  "/api/v1/students/{student_id}",                   bel_handle_students_patch,    BODY },
  { "GET",    "/api/v1/schools/{school_id}/advisories",          bel_handle_advisories_list,   0 },
  { "POST",   "/api/v1/schools/{school_id}/advisories",          bel_handle_advisories_create, BODY },
  { "GET",    "/api/v1/advisories/{advisory_id}",                bel_handle_advisories_get,    0 },
  { "GET",    "/api/v1/schools/{school_id}/rounds",              bel_handle_rounds_list,       0 },
  { "POST",   "/api/v1/schools/{school_id}/rounds",              bel_handle_rounds_create,     BODY },
  { "GET",    "/api/v1/rounds/{round_id}",                       bel_handle_rounds_get,        0 },
  { "PATCH",  "/api/v1/rounds/{round_id}",                       bel_handle_rounds_patch,      BODY },
  { "PUT",    "/api/v1/rounds/{round_id}/marks/{student_id}/{account_id}/{kind}", bel_handle_mark_put, 0 },
  { "DELETE", "/api/v1/rounds/{round_id}/marks/{student_id}/{account_id}/{kind}", bel_handle_mark_delete, 0 },
  { "GET",    "/api/v1/rounds/{round_id}/board",                 bel_handle_board,             0 },
  { "GET",    "/api/v1/rounds/{round_id}/compare/{other_round_id}", bel_handle_compare,        0 },
  { "GET",    "/api/v1/schools/{school_id}/advocates",           bel_handle_advocates_list,    0 },
  { "POST",   "/api/v1/students/{student_id}/advocates",         bel_handle_advocates_create,  BODY },
  { "GET",    "/api/v1/advocates/{advocate_id}",                 bel_handle_advocates_get,     0 },
  { "PATCH",  "/api/v1/advocates/{advocate_id}",                 bel_handle_advocates_patch,   BODY },
  { "GET",    "/api/v1/me/advocacy",                             bel_handle_my_advocacy,       0 },
  { "GET",    "/api/v1/profile-sections",                        bel_handle_profile_sections,  0 },
  { "GET",    "/api/v1/students/{student_id}/profile",           bel_handle_profile_get,       0 },
  { "POST",   "/api/v1/students/{student_id}/profile/entries",   bel_handle_profile_entry_create, BODY },
  { "GET",    "/api/v1/profile-entries/{entry_id}",              bel_handle_profile_entry_get, 0 },
  { "PATCH",  "/api/v1/profile-entries/{entry_id}",              bel_handle_profile_entry_patch, BODY },
  { "GET",    "/api/v1/students/{student_id}/handoff",           bel_handle_profile_handoff,   0 },
  { "GET",    "/api/v1/students/{student_id}/export",            bel_handle_profile_export,    0 },
  { "GET",    "/api/v1/schools/{school_id}/profile-search",      bel_handle_profile_search,    0 },
  { "GET",    "/api/v1/schools/{school_id}/audit",               bel_handle_audit_list,        0 },
  /* growth goals */
  { "GET",    "/api/v1/schools/{school_id}/metrics",             bel_handle_metrics_list,      0 },
  { "POST",   "/api/v1/schools/{school_id}/metrics",             bel_handle_metrics_create,    BODY },
  { "GET",    "/api/v1/metrics/{metric_id}",                     bel_handle_metrics_get,       0 },
  { "PATCH",  "/api/v1/metrics/{metric_id}",                     bel_handle_metrics_patch,     BODY },
  { "GET",    "/api/v1/schools/{school_id}/goals",               bel_handle_goals_list,        0 },
  { "GET",    "/api/v1/schools/{school_id}/goals/summary",       bel_handle_goals_summary,     0 },
  { "GET",    "/api/v1/students/{student_id}/goals",             bel_handle_student_goals_list, 0 },
  { "POST",   "/api/v1/students/{student_id}/goals",             bel_handle_goals_create,      BODY },
  { "GET",    "/api/v1/goals/{goal_id}",                         bel_handle_goals_get,         0 },
  { "PATCH",  "/api/v1/goals/{goal_id}",                         bel_handle_goals_patch,       BODY },
  { "POST",   "/api/v1/goals/{goal_id}/revisions",               bel_handle_goals_revise,      BODY },
  { "POST",   "/api/v1/goals/{goal_id}/measurements",            bel_handle_measurements_create, BODY },
  { "POST",   "/api/v1/schools/{school_id}/measurements",        bel_handle_measurements_bulk, BODY },
  { "POST",   "/api/v1/schools/{school_id}/measurements/import", bel_handle_measurements_import, 0 },
  /* check-ins, caregiver contacts, observations, flags, support plans, the meeting */
  { "GET",    "/api/v1/schools/{school_id}/checkin-settings",    bel_handle_checkin_settings_get, 0 },
  { "PATCH",  "/api/v1/schools/{school_id}/checkin-settings",    bel_handle_checkin_settings_patch, BODY },
  { "GET",    "/api/v1/schools/{school_id}/checkins",            bel_handle_checkins_list,     0 },
  { "POST",   "/api/v1/students/{student_id}/checkins",          bel_handle_checkins_create,   BODY },
  { "GET",    "/api/v1/checkins/{checkin_id}",                   bel_handle_checkins_get,      0 },
  { "GET",    "/api/v1/schools/{school_id}/checkin-duties",      bel_handle_checkin_duties,    0 },
  { "GET",    "/api/v1/schools/{school_id}/contacts",            bel_handle_contacts_list,     0 },
  { "POST",   "/api/v1/students/{student_id}/contacts",          bel_handle_contacts_create,   BODY },
  { "GET",    "/api/v1/contacts/{contact_id}",                   bel_handle_contacts_get,      0 },
  { "GET",    "/api/v1/schools/{school_id}/family-reach",        bel_handle_family_reach,      0 },
  { "GET",    "/api/v1/students/{student_id}/advisory-history",  bel_handle_advisory_history,  0 },
  { "GET",    "/api/v1/schools/{school_id}/observations",        bel_handle_observations_list, 0 },
  { "GET",    "/api/v1/students/{student_id}/observations",      bel_handle_student_observations, 0 },
  { "POST",   "/api/v1/students/{student_id}/observations",      bel_handle_observations_create, BODY },
  { "GET",    "/api/v1/schools/{school_id}/flags",               bel_handle_flags_list,        0 },
  { "POST",   "/api/v1/students/{student_id}/flags",             bel_handle_flags_create,      BODY },
  { "GET",    "/api/v1/flags/{flag_id}",                         bel_handle_flags_get,         0 },
  { "PATCH",  "/api/v1/flags/{flag_id}",                         bel_handle_flags_patch,       BODY },
  { "GET",    "/api/v1/schools/{school_id}/support-plans",       bel_handle_support_plans_list, 0 },
  { "POST",   "/api/v1/students/{student_id}/support-plans",     bel_handle_support_plans_create, BODY },
  { "GET",    "/api/v1/support-plans/{plan_id}",                 bel_handle_support_plans_get, 0 },
  { "PATCH",  "/api/v1/support-plans/{plan_id}",                 bel_handle_support_plans_patch, BODY },
  { "POST",   "/api/v1/support-plans/{plan_id}/reviews",         bel_handle_support_plan_review, BODY },
  { "GET",    "/api/v1/schools/{school_id}/meeting",             bel_handle_meeting,           0 },
  /* student surveys, and the page students answer on */
  { "GET",    "/api/v1/schools/{school_id}/survey-settings",     bel_handle_survey_settings_get, 0 },
  { "PATCH",  "/api/v1/schools/{school_id}/survey-settings",     bel_handle_survey_settings_patch, BODY },
  { "GET",    "/api/v1/schools/{school_id}/surveys",             bel_handle_surveys_list,      0 },
  { "POST",   "/api/v1/schools/{school_id}/surveys",             bel_handle_surveys_create,    BODY },
  { "GET",    "/api/v1/surveys/{survey_id}",                     bel_handle_surveys_get,       0 },
  { "PATCH",  "/api/v1/surveys/{survey_id}",                     bel_handle_surveys_patch,     BODY },
  { "GET",    "/api/v1/surveys/{survey_id}/trend",               bel_handle_survey_trend,      0 },
  { "GET",    "/api/v1/surveys/{survey_id}/windows",             bel_handle_survey_windows_list, 0 },
  { "POST",   "/api/v1/surveys/{survey_id}/windows",             bel_handle_survey_windows_create, BODY },
  { "GET",    "/api/v1/survey-windows/{window_id}",              bel_handle_survey_windows_get, 0 },
  { "PATCH",  "/api/v1/survey-windows/{window_id}",              bel_handle_survey_windows_patch, BODY },
  { "POST",   "/api/v1/survey-windows/{window_id}/advisories/{advisory_id}/codes", bel_handle_survey_codes_issue, 0 },
  { "GET",    "/api/v1/survey-windows/{window_id}/response-rates", bel_handle_survey_rates,    0 },
  { "GET",    "/api/v1/survey-windows/{window_id}/results",      bel_handle_survey_results,    0 },
  { "GET",    "/api/v1/survey-windows/{window_id}/adult-map",    bel_handle_survey_adult_map,  0 },
  { "GET",    "/survey",                                         bel_handle_survey_page,       PUBLIC },
  { "POST",   "/survey",                                         bel_handle_survey_start,      PUBLIC },
  { "POST",   "/survey/answers",                                 bel_handle_survey_answers,    PUBLIC },
  { "GET",    "/survey/style.css",                               bel_handle_survey_style,      PUBLIC },
};

const BelRoute *
bel_routes_get (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

/* An id is a positive decimal number that fits in 63 bits, written plainly. */
static gboolean
valid_id (const char *text)
{
  guint64 value;

  if (text[0] == '0' || !g_ascii_isdigit (text[0]))
    return FALSE;
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL);
}

/* Matches @path against @pattern segment by segment; FALSE as well when an
 * id parameter is not a valid id, so bad ids are 404 like unknown ones.
 * Every request is matched against the whole table: this walks the pattern
 * in place and allocates only the parameters it gives. */
static gboolean
match_pattern (const char *pattern,
               char      **segments,
               GHashTable *params)
{
  const char *part = pattern;
  guint i;

  for (i = 0; segments[i] != NULL; i++)
    {
      const char *slash = strchr (part, '/');
      gsize len = slash != NULL ? (gsize) (slash - part) : strlen (part);

      if (len > 2 && part[0] == '{' && part[len - 1] == '}')
        {
          gboolean id = len >= 5 && strncmp (part + len - 4, "_id}", 4) == 0;

          if (*segments[i] == '\0' || (id && !valid_id (segments[i])))
            return FALSE;
          if (params != NULL)
            g_hash_table_replace (params, g_strndup (part + 1, len - 2), g_strdup (segments[i]));
        }
      else if (strncmp (part, segments[i], len) != 0 || segments[i][len] != '\0')
        return FALSE;
      if (slash == NULL)
        return segments[i + 1] == NULL;
      part = slash + 1;
    }
  return FALSE;
}

const BelRoute *
bel_routes_match (const char *method,
                  const char *path,
                  GHashTable *params,
                  gboolean   *path_known,
                  GString    *allow)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  *path_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!match_pattern (routes[i].pattern, segments, NULL))
        continue;
      *path_known = TRUE;
      if (strcmp (routes[i].method, method) == 0)
        {
          match_pattern (routes[i].pattern, segments, params);
          return &routes[i];
        }
      if (allow != NULL)
        g_string_append_printf (allow, "%s%s", allow->len ? ", " : "", routes[i].method);
    }
  return NULL;
}

char *
bel_routes_dump (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    g_string_append_printf (out, "%s %s\n", routes[i].method, routes[i].pattern);
  return g_string_free (out, FALSE);
}
