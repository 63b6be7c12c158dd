/* bel-date-range.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-date-range.h"

struct _BelDateRange { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelDateRange, bel_date_range, BEL_TYPE_RESOURCE)

static void
bel_date_range_class_init (BelDateRangeClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_string ("name", BEL_FIELD_NULLABLE, 80, NULL),
    bel_field_string ("starts-on", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_string ("ends-on", BEL_FIELD_NULLABLE, 10, NULL),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_date_range_init (BelDateRange *self) { }

BelDateRange *
bel_date_range_new (void)
{
  return g_object_new (BEL_TYPE_DATE_RANGE, NULL);
}
