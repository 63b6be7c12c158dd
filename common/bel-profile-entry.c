/* bel-profile-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profile-entry.h"

#include "bel-profile-sections.h"

struct _BelProfileEntry { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelProfileEntry, bel_profile_entry, BEL_TYPE_RESOURCE)

#define RO_NULL (BEL_FIELD_READONLY | BEL_FIELD_NULLABLE)

static void
bel_profile_entry_class_init (BelProfileEntryClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("section", BEL_FIELD_REQUIRED, 40, bel_profile_section_names),
    bel_field_bool ("sensitive", BEL_FIELD_READONLY, FALSE),
    bel_field_string ("body", BEL_FIELD_REQUIRED, BEL_PROFILE_BODY_MAX, NULL),
    bel_field_string ("school-year", BEL_FIELD_NULLABLE, 9, NULL),
    bel_field_int ("grade", BEL_FIELD_READONLY, -1, 13),
    bel_field_string ("observed-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_int ("author-id", RO_NULL, 0, G_MAXINT64),
    bel_field_string ("author-name", RO_NULL, 120, NULL),
    bel_field_int ("supersedes-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("superseded-by", RO_NULL, 0, G_MAXINT64),
    /* academics */
    bel_field_string ("grades", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("assessments", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("attendance-summary", BEL_FIELD_NULLABLE, 500, NULL),
    bel_field_double ("attendance-rate", BEL_FIELD_NULLABLE, 0.0, 100.0),
    /* language */
    bel_field_string ("home-language", BEL_FIELD_NULLABLE, 60, NULL),
    bel_field_string ("english-proficiency", BEL_FIELD_NULLABLE, 20, bel_profile_proficiency_levels),
    bel_field_string ("biliteracy", BEL_FIELD_NULLABLE, 500, NULL),
    bel_field_string ("linguistic-assets", BEL_FIELD_NULLABLE, 1000, NULL),
    /* plans */
    bel_field_string ("plan-type", BEL_FIELD_NULLABLE, 10, bel_profile_plan_types),
    bel_field_string ("starts-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("ends-on", BEL_FIELD_NULLABLE, 10, NULL),
    bel_field_string ("summary", BEL_FIELD_NULLABLE, 1000, NULL),
    bel_field_string ("editable-until", RO_NULL, 40, NULL),
    bel_field_string ("created-at", RO_NULL, 40, NULL),
    bel_field_string ("updated-at", RO_NULL, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_profile_entry_init (BelProfileEntry *self) { }

BelProfileEntry *
bel_profile_entry_new (void)
{
  return g_object_new (BEL_TYPE_PROFILE_ENTRY, NULL);
}
