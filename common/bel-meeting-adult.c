/* bel-meeting-adult.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-meeting-adult.h"

struct _BelMeetingAdult { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMeetingAdult, bel_meeting_adult, BEL_TYPE_RESOURCE)

static void
bel_meeting_adult_class_init (BelMeetingAdultClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("display-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("why", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_meeting_adult_init (BelMeetingAdult *self) { }

BelMeetingAdult *
bel_meeting_adult_new (void)
{
  return g_object_new (BEL_TYPE_MEETING_ADULT, NULL);
}
