/* bel-handlers.h - route handlers: parse, call one engine function, serialize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

/* bel-handlers-session.c */
void bel_handle_healthz            (BelRequest *request);
void bel_handle_readyz             (BelRequest *request);
void bel_handle_session_create     (BelRequest *request);
void bel_handle_session_delete     (BelRequest *request);
void bel_handle_me                 (BelRequest *request);
void bel_handle_my_password_put    (BelRequest *request);

/* bel-handlers-schools.c */
void bel_handle_schools_list       (BelRequest *request);
void bel_handle_schools_create     (BelRequest *request);
void bel_handle_schools_get        (BelRequest *request);
void bel_handle_staff_list         (BelRequest *request);
void bel_handle_membership_put     (BelRequest *request);
void bel_handle_membership_delete  (BelRequest *request);
void bel_handle_accounts_list      (BelRequest *request);
void bel_handle_accounts_create    (BelRequest *request);
void bel_handle_accounts_get       (BelRequest *request);
void bel_handle_accounts_patch     (BelRequest *request);

/* bel-handlers-students.c */
void bel_handle_students_list      (BelRequest *request);
void bel_handle_students_create    (BelRequest *request);
void bel_handle_students_get       (BelRequest *request);
void bel_handle_students_patch     (BelRequest *request);
void bel_handle_advisories_list    (BelRequest *request);
void bel_handle_advisories_create  (BelRequest *request);
void bel_handle_advisories_get     (BelRequest *request);

/* bel-handlers-events.c */
void bel_handle_events             (BelRequest *request);

G_END_DECLS
