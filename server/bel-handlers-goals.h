/* bel-handlers-goals.h - growth metrics, goals, measurements and their summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-request.h"

G_BEGIN_DECLS

void bel_handle_metrics_list         (BelRequest *request);
void bel_handle_metrics_create       (BelRequest *request);
void bel_handle_metrics_get          (BelRequest *request);
void bel_handle_metrics_patch        (BelRequest *request);
void bel_handle_goals_list           (BelRequest *request);
void bel_handle_goals_summary        (BelRequest *request);
void bel_handle_student_goals_list   (BelRequest *request);
void bel_handle_goals_create         (BelRequest *request);
void bel_handle_goals_get            (BelRequest *request);
void bel_handle_goals_patch          (BelRequest *request);
void bel_handle_goals_revise         (BelRequest *request);
void bel_handle_measurements_create  (BelRequest *request);
void bel_handle_measurements_bulk    (BelRequest *request);
void bel_handle_measurements_import  (BelRequest *request);

G_END_DECLS
