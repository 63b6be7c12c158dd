/* bel-advocate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-advocate.h"

const char * const bel_advocate_statuses[] = {
  "assigned", "reached_out", "connected", "needs_help", "ended", NULL
};

struct _BelAdvocate { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelAdvocate, bel_advocate, BEL_TYPE_RESOURCE)

static void
bel_advocate_class_init (BelAdvocateClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 200, NULL),
    bel_field_int ("account-id", BEL_FIELD_REQUIRED, 1, G_MAXINT64),
    bel_field_string ("display-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_int ("round-id", BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("assigned-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("assigned-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("follow-up-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("note", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 20, bel_advocate_statuses),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("updated-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_advocate_init (BelAdvocate *self) { }

BelAdvocate *
bel_advocate_new (void)
{
  return g_object_new (BEL_TYPE_ADVOCATE, NULL);
}
