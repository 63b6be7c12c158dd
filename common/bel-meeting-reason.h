/* bel-meeting-reason.h - one documented reason a student needs the team this week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEETING_REASON (bel_meeting_reason_get_type ())
G_DECLARE_FINAL_TYPE (BelMeetingReason, bel_meeting_reason, BEL, MEETING_REASON, BelResource)

BelMeetingReason *bel_meeting_reason_new (void);

G_END_DECLS
