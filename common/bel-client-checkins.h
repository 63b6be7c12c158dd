/* bel-client-checkins.h - check-ins, caregiver contacts, observations, support plans and the meeting
 *
 * The calls of BelClient for openapi.yaml's tags "checkins", "contacts",
 * "observations", "flags", "plans" and "meeting".  Lists arrive as GPtrArrays
 * of model objects, single resources as model objects; every call is
 * asynchronous and cancellable and fails with a readable GError in BEL_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-checkin.h"
#include "bel-checkin-duty.h"
#include "bel-checkin-settings.h"
#include "bel-client.h"
#include "bel-contact.h"
#include "bel-family-reach.h"
#include "bel-meeting-student.h"
#include "bel-observation.h"
#include "bel-plan-review.h"
#include "bel-support-plan.h"

G_BEGIN_DECLS

/* Every list call finishes with bel_client_care_list_finish(), every call that
 * returns one resource with bel_client_care_object_finish(). */
GPtrArray   *bel_client_care_list_finish       (BelClient          *client,
                                                GAsyncResult       *result,
                                                GError            **error);
gpointer     bel_client_care_object_finish     (BelClient          *client,
                                                GAsyncResult       *result,
                                                GError            **error);

/* BelCheckinSettings */
void         bel_client_get_checkin_settings_async (BelClient      *client,
                                                gint64              school_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* BelCheckinDuty items; state NULL: attention (due, overdue or missed);
 * account_id, grade < -1 and student_id 0: no filter. */
void         bel_client_list_checkin_duties_async (BelClient       *client,
                                                gint64              school_id,
                                                const char         *state,
                                                gint64              account_id,
                                                int                 grade,
                                                gint64              student_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* BelCheckin, as the daemon stored it */
void         bel_client_create_checkin_async   (BelClient          *client,
                                                gint64              student_id,
                                                BelCheckin         *checkin,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);

/* BelFamilyReach items; state NULL: unreached; advisor_id 0, grade < -1: no filter */
void         bel_client_list_family_reach_async (BelClient         *client,
                                                gint64              school_id,
                                                const char         *state,
                                                gint64              advisor_id,
                                                int                 grade,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* BelContact */
void         bel_client_create_contact_async   (BelClient          *client,
                                                gint64              student_id,
                                                BelContact         *contact,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);

/* BelObservation items, newest first */
void         bel_client_list_observations_async (BelClient         *client,
                                                gint64              student_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* BelObservation (raise-flag set: a concern raises a flag too) */
void         bel_client_create_observation_async (BelClient        *client,
                                                gint64              student_id,
                                                BelObservation     *observation,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);

/* BelMeetingStudent items, ranked; grade < -1: the whole school */
void         bel_client_get_meeting_async      (BelClient          *client,
                                                gint64              school_id,
                                                int                 grade,
                                                guint               limit,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);

/* BelSupportPlan items; status NULL: active; student_id 0: every student */
void         bel_client_list_support_plans_async (BelClient        *client,
                                                gint64              school_id,
                                                const char         *status,
                                                gint64              student_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* BelSupportPlan with contributors, actions and reviews */
void         bel_client_get_support_plan_async (BelClient          *client,
                                                gint64              plan_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
void         bel_client_create_support_plan_async (BelClient       *client,
                                                gint64              student_id,
                                                BelSupportPlan     *plan,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* PATCH @plan at its version with the members of @changes */
void         bel_client_update_support_plan_async (BelClient       *client,
                                                BelSupportPlan     *plan,
                                                JsonObject         *changes,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/* The plan with its new review */
void         bel_client_review_support_plan_async (BelClient       *client,
                                                gint64              plan_id,
                                                BelPlanReview      *review,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);

/* Today as YYYY-MM-DD in local time, and @days later. */
char        *bel_client_care_date              (int                 days_from_today);

G_END_DECLS
