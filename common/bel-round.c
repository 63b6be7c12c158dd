/* bel-round.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-round.h"

const char * const bel_round_statuses[] = { "planned", "open", "closed", NULL };

struct _BelRound { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelRound, bel_round, BEL_TYPE_RESOURCE)

static void
bel_round_class_init (BelRoundClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("name", BEL_FIELD_REQUIRED, 80, NULL),
    bel_field_string ("school-year", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 20, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 10, bel_round_statuses),
    bel_field_string ("opened-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_string ("closed-at", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 40, NULL),
    bel_field_int ("created-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("created-by-name", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 120, NULL),
    bel_field_int ("mark-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_round_init (BelRound *self) { }

BelRound *
bel_round_new (void)
{
  return g_object_new (BEL_TYPE_ROUND, NULL);
}
