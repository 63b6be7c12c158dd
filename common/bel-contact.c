/* bel-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-contact.h"

const char * const bel_contact_channels[] = { "call", "message", "conference", "student_led_conference", "home_visit_in_person", "home_visit_virtual", NULL };

struct _BelContact { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelContact, bel_contact, BEL_TYPE_RESOURCE)

static void
bel_contact_class_init (BelContactClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("account-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("caregiver-name", BEL_FIELD_REQUIRED, 120, NULL),
    bel_field_string ("relationship", BEL_FIELD_REQUIRED, 60, NULL),
    bel_field_string ("channel", BEL_FIELD_REQUIRED, 30, bel_contact_channels),
    bel_field_string ("language", BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_bool ("interpreter", BEL_FIELD_NONE, FALSE),
    bel_field_string ("interpreter-name", BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_bool ("good-news", BEL_FIELD_NONE, FALSE),
    bel_field_string ("concern", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("outcome", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("contacted-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_bool ("redacted", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_contact_init (BelContact *self) { }

BelContact *
bel_contact_new (void)
{
  return g_object_new (BEL_TYPE_CONTACT, NULL);
}
