/* bel-handlers-checkins.h - route handlers of check-ins, contacts,
 * observations, flags, support plans and the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

/* bel-handlers-checkins.c */
void bel_handle_checkin_settings_get    (BelRequest *request);
void bel_handle_checkin_settings_patch  (BelRequest *request);
void bel_handle_checkins_list           (BelRequest *request);
void bel_handle_checkins_create         (BelRequest *request);
void bel_handle_checkins_get            (BelRequest *request);
void bel_handle_checkin_duties          (BelRequest *request);
void bel_handle_contacts_list           (BelRequest *request);
void bel_handle_contacts_create         (BelRequest *request);
void bel_handle_contacts_get            (BelRequest *request);
void bel_handle_family_reach            (BelRequest *request);
void bel_handle_advisory_history        (BelRequest *request);

/* bel-handlers-care.c */
void bel_handle_observations_list       (BelRequest *request);
void bel_handle_student_observations    (BelRequest *request);
void bel_handle_observations_create     (BelRequest *request);
void bel_handle_flags_list              (BelRequest *request);
void bel_handle_flags_create            (BelRequest *request);
void bel_handle_flags_get               (BelRequest *request);
void bel_handle_flags_patch             (BelRequest *request);
void bel_handle_support_plans_list      (BelRequest *request);
void bel_handle_support_plans_create    (BelRequest *request);
void bel_handle_support_plans_get       (BelRequest *request);
void bel_handle_support_plans_patch     (BelRequest *request);
void bel_handle_support_plan_review     (BelRequest *request);
void bel_handle_meeting                 (BelRequest *request);

G_END_DECLS
