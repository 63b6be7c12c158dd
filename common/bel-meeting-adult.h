/* bel-meeting-adult.h - an adult who knows a student, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-resource.h"

G_BEGIN_DECLS

#define BEL_TYPE_MEETING_ADULT (bel_meeting_adult_get_type ())
G_DECLARE_FINAL_TYPE (BelMeetingAdult, bel_meeting_adult, BEL, MEETING_ADULT, BelResource)

BelMeetingAdult *bel_meeting_adult_new (void);

G_END_DECLS
