/* bel-observation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-observation.h"

const char * const bel_observation_kinds[] = { "strength", "need", "concern", NULL };

struct _BelObservation { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelObservation, bel_observation, BEL_TYPE_RESOURCE)

static void
bel_observation_class_init (BelObservationClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("account-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("kind", BEL_FIELD_REQUIRED, 20, bel_observation_kinds),
    bel_field_string ("body", BEL_FIELD_REQUIRED | BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("observed-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_bool ("raise-flag", BEL_FIELD_SECRET, FALSE),
    bel_field_int ("flag-id", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_bool ("redacted", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_observation_init (BelObservation *self) { }

BelObservation *
bel_observation_new (void)
{
  return g_object_new (BEL_TYPE_OBSERVATION, NULL);
}
