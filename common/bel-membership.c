/* bel-membership.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-membership.h"

const char * const bel_school_roles[] = { "teacher", "counselor", "leader", NULL };

struct _BelMembership { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMembership, bel_membership, BEL_TYPE_RESOURCE)

static void
bel_membership_class_init (BelMembershipClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("school-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("username", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 64, NULL),
    bel_field_string ("display-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("role", BEL_FIELD_REQUIRED, 20, bel_school_roles),
    bel_field_string ("title", BEL_FIELD_NULLABLE, 80, NULL),
    /* the active classes the person teaches in the school (roster import) */
    bel_field_int ("classes", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_membership_init (BelMembership *self) { }

BelMembership *
bel_membership_new (void)
{
  return g_object_new (BEL_TYPE_MEMBERSHIP, NULL);
}
