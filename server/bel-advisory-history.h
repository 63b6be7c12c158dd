/* bel-advisory-history.h - which advisories a student was in, across years
 *
 * The store keeps a row per stint (bel-students.c writes it when a student's
 * advisory changes), so looping advisories show as several years with the
 * same advisor.  Any staff member of the student's school reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-advisory-stint.h"
#include "bel-engine.h"

G_BEGIN_DECLS

/* GPtrArray of BelAdvisoryStint, oldest first. */
GPtrArray *bel_advisory_history (BelEngine   *engine,
                                 BelAccount  *actor,
                                 gint64       student_id,
                                 GError     **error);

G_END_DECLS
