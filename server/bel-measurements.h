/* bel-measurements.h - recording progress: one score, a class at once, a CSV import
 *
 * Who may record: as for changing goals (bel-goals.h).  A measurement goes to
 * an active goal, dated from the goal's baseline date up to today, with a
 * value on the metric's scale.  Recording one marks the benchmarks it
 * reaches, each exactly once, and records goal.benchmark_met for each (and
 * goal.measured, goal.met); see docs/goals.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bel-engine.h"
#include "bel-measurement.h"

G_BEGIN_DECLS

#define BEL_MEASUREMENT_MAX_ROWS 5000

/* One measurement for @goal_id; the answer lists the benchmarks it met. */
BelMeasurement *bel_measurements_record      (BelEngine       *engine,
                                              BelAccount      *actor,
                                              gint64           goal_id,
                                              BelMeasurement  *measurement,
                                              GError         **error);
/* Every row or none: each row names goal_id, or student_id and metric_id
 * (then the student's active goal on the metric).  Invalid rows are one 422
 * with field errors "rows[N].FIELD" (N from 0).  The stored measurements in
 * row order, each with the benchmarks it met. */
GPtrArray      *bel_measurements_record_rows (BelEngine       *engine,
                                              BelAccount      *actor,
                                              gint64           school_id,
                                              GPtrArray       *rows,
                                              GError         **error);

typedef struct {
  guint           line;      /* in the CSV text, the header being line 1 */
  char           *sis_id;
  char           *student_name;
  BelMeasurement *measurement;
  GPtrArray      *errors;    /* BelFieldError, fields "rows[N].FIELD" */
} BelImportRow;

typedef struct {
  gboolean   dry_run;
  GPtrArray *rows;           /* BelImportRow, in the order of the file */
  guint      n_invalid;
  guint      written;
  guint      benchmarks_met;
} BelMeasurementImport;

void                  bel_measurement_import_free    (BelMeasurementImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelMeasurementImport, bel_measurement_import_free)

/* Reads assessment results from CSV (header row; columns sis_id, metric or
 * goal_id, date, value, source; see docs/goals.md).  With @dry_run nothing is
 * written and the preview shows each row's errors; otherwise every row is
 * written in one transaction, or none with a 422 naming the bad rows. */
BelMeasurementImport *bel_measurements_import_csv    (BelEngine            *engine,
                                                      BelAccount           *actor,
                                                      gint64                school_id,
                                                      const char           *text,
                                                      gsize                 length,
                                                      gboolean              dry_run,
                                                      GError              **error);
JsonNode             *bel_measurement_import_to_json (BelMeasurementImport *import);

G_END_DECLS
