/* bel-mark.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-mark.h"

const char * const bel_mark_kinds[] = { "relationship", "personal", "concern", NULL };

struct _BelMark { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelMark, bel_mark, BEL_TYPE_RESOURCE)

static void
bel_mark_class_init (BelMarkClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("round-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("account-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("kind", BEL_FIELD_READONLY, 20, bel_mark_kinds),
    bel_field_int ("placed-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("placed-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_string ("created-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_mark_init (BelMark *self) { }

BelMark *
bel_mark_new (void)
{
  return g_object_new (BEL_TYPE_MARK, NULL);
}
