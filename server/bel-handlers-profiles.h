/* bel-handlers-profiles.h - route handlers of student profiles and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

void bel_handle_profile_sections      (BelRequest *request);
void bel_handle_profile_get           (BelRequest *request);
void bel_handle_profile_entry_create  (BelRequest *request);
void bel_handle_profile_entry_get     (BelRequest *request);
void bel_handle_profile_entry_patch   (BelRequest *request);
void bel_handle_profile_handoff       (BelRequest *request);
void bel_handle_profile_export        (BelRequest *request);
void bel_handle_profile_search        (BelRequest *request);
void bel_handle_audit_list            (BelRequest *request);

G_END_DECLS
