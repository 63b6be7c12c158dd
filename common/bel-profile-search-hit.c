/* bel-profile-search-hit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profile-search-hit.h"

#include "bel-profile-sections.h"

struct _BelProfileSearchHit { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelProfileSearchHit, bel_profile_search_hit, BEL_TYPE_RESOURCE)

static void
bel_profile_search_hit_class_init (BelProfileSearchHitClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("entry-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY, 200, NULL),
    bel_field_string ("section", BEL_FIELD_READONLY, 40, bel_profile_section_names),
    bel_field_string ("school-year", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 9, NULL),
    bel_field_string ("author-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY, 40, NULL),
    bel_field_string ("snippet", BEL_FIELD_READONLY, 2000, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_profile_search_hit_init (BelProfileSearchHit *self) { }
