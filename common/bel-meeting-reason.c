/* bel-meeting-reason.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-meeting-reason.h"

struct _BelMeetingReason { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMeetingReason, bel_meeting_reason, BEL_TYPE_RESOURCE)

static void
bel_meeting_reason_class_init (BelMeetingReasonClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("code", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("weight", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("label", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("evidence", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 500, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_meeting_reason_init (BelMeetingReason *self) { }

BelMeetingReason *
bel_meeting_reason_new (void)
{
  return g_object_new (BEL_TYPE_MEETING_REASON, NULL);
}
