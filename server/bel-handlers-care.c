/* bel-handlers-care.c - observations, flags, support plans and the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-handlers-checkins.h"

#include "bel-flags.h"
#include "bel-meeting.h"
#include "bel-observations.h"
#include "bel-support-plans.h"

/* ---- observations ---- */

void
bel_handle_observations_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelObservationQuery query = {
    .kind = bel_request_get_query (request, "kind"),
    .since = bel_request_get_query (request, "since"),
  };

  if (bel_request_query_id (request, "student", &query.student_id, &error) &&
      bel_request_query_limit (request, &query.limit, &error))
    items = bel_observations_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                                   &query, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_student_observations (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bel_observations_of (request->engine, request->actor,
                                                    bel_request_get_id (request, "student_id"),
                                                    bel_request_get_query (request, "kind"), &error);

  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_observations_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelObservation) observation = bel_request_decode (request, BEL_TYPE_OBSERVATION,
                                                              BEL_MODEL_CREATE, &error);
  g_autoptr(BelObservation) created = NULL;

  if (observation != NULL)
    created = bel_observations_create (request->engine, request->actor,
                                       bel_request_get_id (request, "student_id"), observation, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

/* ---- flags ---- */

void
bel_handle_flags_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 student_id = 0;

  if (bel_request_query_id (request, "student", &student_id, &error))
    items = bel_flags_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                            bel_request_get_query (request, "status"), student_id, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_flags_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelFlag) flag = bel_request_decode (request, BEL_TYPE_FLAG, BEL_MODEL_CREATE, &error);
  g_autoptr(BelFlag) created = NULL;

  if (flag != NULL)
    created = bel_flags_create (request->engine, request->actor, bel_request_get_id (request, "student_id"),
                                flag, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_flags_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelFlag) flag = bel_flags_get (request->engine, request->actor,
                                           bel_request_get_id (request, "flag_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, flag, error);
}

void
bel_handle_flags_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelFlag) changes = NULL;
  g_autoptr(BelFlag) flag = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_FLAG, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    flag = bel_flags_update (request->engine, request->actor, bel_request_get_id (request, "flag_id"),
                             version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, flag, error);
}

/* ---- support plans ---- */

void
bel_handle_support_plans_list (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelPlanQuery query = {
    .status = bel_request_get_query (request, "status"),
    .review_before = bel_request_get_query (request, "review_before"),
  };

  if (bel_request_query_id (request, "owner", &query.owner_id, &error) &&
      bel_request_query_id (request, "student", &query.student_id, &error))
    items = bel_support_plans_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                                    &query, &error);
  bel_request_reply_list_result (request, items, error);
}

void
bel_handle_support_plans_create (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSupportPlan) plan = bel_request_decode (request, BEL_TYPE_SUPPORT_PLAN, BEL_MODEL_CREATE, &error);
  g_autoptr(BelSupportPlan) created = NULL;

  if (plan != NULL)
    created = bel_support_plans_create (request->engine, request->actor,
                                        bel_request_get_id (request, "student_id"), plan, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, created, error);
}

void
bel_handle_support_plans_get (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSupportPlan) plan = bel_support_plans_get (request->engine, request->actor,
                                                          bel_request_get_id (request, "plan_id"), &error);

  bel_request_reply_result (request, SOUP_STATUS_OK, plan, error);
}

void
bel_handle_support_plans_patch (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSupportPlan) changes = NULL;
  g_autoptr(BelSupportPlan) plan = NULL;
  g_auto(GStrv) fields = bel_request_body_fields (request);
  gint64 version = 0;

  if (bel_request_get_if_match (request, &version, &error))
    changes = bel_request_decode (request, BEL_TYPE_SUPPORT_PLAN, BEL_MODEL_PATCH, &error);
  if (changes != NULL)
    plan = bel_support_plans_update (request->engine, request->actor, bel_request_get_id (request, "plan_id"),
                                     version, changes, (const char * const *) fields, &error);
  bel_request_reply_result (request, SOUP_STATUS_OK, plan, error);
}

void
bel_handle_support_plan_review (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BelPlanReview) review = bel_request_decode (request, BEL_TYPE_PLAN_REVIEW, BEL_MODEL_CREATE, &error);
  g_autoptr(BelSupportPlan) plan = NULL;

  if (review != NULL)
    plan = bel_support_plans_review (request->engine, request->actor, bel_request_get_id (request, "plan_id"),
                                     review, &error);
  bel_request_reply_result (request, SOUP_STATUS_CREATED, plan, error);
}

/* ---- the meeting ---- */

void
bel_handle_meeting (BelRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BelMeetingQuery query = { .as_of = bel_request_get_query (request, "as_of") };

  if (bel_request_query_grade (request, &query.has_grade, &query.grade, &error) &&
      bel_request_query_limit (request, &query.limit, &error))
    items = bel_meeting_list (request->engine, request->actor, bel_request_get_id (request, "school_id"),
                              &query, &error);
  bel_request_reply_list_result (request, items, error);
}
