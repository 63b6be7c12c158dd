/* bel-client-goals.h - the growth goal calls of BelClient
 *
 * Metrics, a school's goals (with their derived status), a student's goals
 * (with benchmarks and measurements), setting and revising a goal, and
 * recording a measurement (openapi.yaml, tag "goals", docs/goals.md).  Every
 * call is asynchronous and cancellable; failures are GErrors in BEL_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-client.h"
#include "bel-goal.h"
#include "bel-measurement.h"

G_BEGIN_DECLS

/* GPtrArray of BelGrowthMetric, those in use first. */
void        bel_client_list_metrics_async        (BelClient          *client,
                                                  gint64              school_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* GPtrArray of BelGoal (active ones), without measurements; @track (nullable)
 * and @advisory_id (0: any) filter. */
void        bel_client_list_school_goals_async   (BelClient          *client,
                                                  gint64              school_id,
                                                  const char         *track,
                                                  gint64              advisory_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* GPtrArray of BelGoal with benchmarks and measurements, active first. */
void        bel_client_list_student_goals_async  (BelClient          *client,
                                                  gint64              student_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Finishes the three list calls above. */
GPtrArray  *bel_client_goals_list_finish         (BelClient          *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

void        bel_client_get_goal_async            (BelClient          *client,
                                                  gint64              goal_id,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Sends metric_id, baseline and target, set-with, rationale and benchmarks of @goal. */
void        bel_client_create_goal_async         (BelClient          *client,
                                                  gint64              student_id,
                                                  BelGoal            *goal,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* As create, without the metric: closes @goal_id as revised, answers the new goal. */
void        bel_client_revise_goal_async         (BelClient          *client,
                                                  gint64              goal_id,
                                                  BelGoal            *goal,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/* Finishes get, create and revise. */
BelGoal    *bel_client_goal_finish               (BelClient          *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

/* @source nullable.  The answer's "benchmarks-met" lists what it met. */
void        bel_client_record_measurement_async  (BelClient          *client,
                                                  gint64              goal_id,
                                                  const char         *measured_on,
                                                  double              value,
                                                  const char         *source,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
BelMeasurement *bel_client_record_measurement_finish (BelClient      *client,
                                                  GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
