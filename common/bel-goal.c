/* bel-goal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-goal.h"

#include "bel-benchmark.h"
#include "bel-growth-metric.h"
#include "bel-measurement.h"

const char * const bel_goal_statuses[] = { "active", "met", "missed", "revised", NULL };
const char * const bel_goal_tracks[] = { "on_track", "off_track", "not_enough_data", "closed", NULL };

struct _BelGoal { BelResource parent_instance; };

G_DEFINE_FINAL_TYPE (BelGoal, bel_goal, BEL_TYPE_RESOURCE)

#define VALUE_FIELD(name, flags) \
  bel_field_double (name, flags, -BEL_GROWTH_VALUE_MAX, BEL_GROWTH_VALUE_MAX)
#define DERIVED (BEL_FIELD_READONLY | BEL_FIELD_NULLABLE)

static void
bel_goal_class_init (BelGoalClass *klass)
{
  GParamSpec *fields[] = {
    bel_field_int ("id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("school-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_int ("student-id", BEL_FIELD_READONLY, 0, G_MAXINT64),
    bel_field_string ("student-name", DERIVED, 200, NULL),
    bel_field_int ("metric-id", BEL_FIELD_REQUIRED, 1, G_MAXINT64),
    bel_field_string ("metric-name", DERIVED, 120, NULL),
    bel_field_string ("unit", DERIVED, 40, NULL),
    bel_field_string ("direction", DERIVED, 10, NULL),
    bel_field_string ("language", DERIVED, 60, NULL),
    VALUE_FIELD ("baseline-value", BEL_FIELD_REQUIRED),
    bel_field_string ("baseline-date", BEL_FIELD_REQUIRED, 10, NULL),
    VALUE_FIELD ("target-value", BEL_FIELD_REQUIRED),
    bel_field_string ("target-date", BEL_FIELD_REQUIRED, 10, NULL),
    bel_field_bool ("set-with-student", BEL_FIELD_NONE, FALSE),
    bel_field_bool ("set-with-family", BEL_FIELD_NONE, FALSE),
    bel_field_string ("rationale", BEL_FIELD_NULLABLE, 2000, NULL),
    bel_field_string ("status", BEL_FIELD_NONE, 10, bel_goal_statuses),
    bel_field_int ("revised-from", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("revised-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_int ("created-by", BEL_FIELD_READONLY | BEL_FIELD_NULLABLE, 0, G_MAXINT64),
    bel_field_string ("created-by-name", DERIVED, 120, NULL),
    bel_field_list ("benchmarks", BEL_FIELD_NULLABLE, BEL_TYPE_BENCHMARK),
    bel_field_list ("measurements", DERIVED, BEL_TYPE_MEASUREMENT),
    /* derived, as of a day */
    bel_field_string ("as-of", DERIVED, 10, NULL),
    VALUE_FIELD ("expected-value", DERIVED),
    bel_field_string ("track", DERIVED, 20, bel_goal_tracks),
    bel_field_int ("measurement-count", BEL_FIELD_READONLY, 0, G_MAXINT64),
    VALUE_FIELD ("latest-value", DERIVED),
    bel_field_string ("latest-on", DERIVED, 10, NULL),
    bel_field_int ("next-benchmark-id", DERIVED, 0, G_MAXINT64),
    bel_field_string ("next-benchmark-due", DERIVED, 10, NULL),
    VALUE_FIELD ("next-benchmark-target", DERIVED),
    VALUE_FIELD ("aim-per-week", DERIVED),
    VALUE_FIELD ("growth-per-week", DERIVED),
    VALUE_FIELD ("growth-per-year", DERIVED),
    bel_field_string ("created-at", DERIVED, 40, NULL),
    bel_field_string ("updated-at", DERIVED, 40, NULL),
    bel_field_int ("version", BEL_FIELD_READONLY, 0, G_MAXINT64),
  };

  bel_resource_class_install (G_OBJECT_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void bel_goal_init (BelGoal *self) { }

BelGoal *
bel_goal_new (void)
{
  return g_object_new (BEL_TYPE_GOAL, NULL);
}
