/* bel-surveys-private.h - what the survey engine files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bel-engine-private.h"
#include "bel-error.h"
#include "bel-surveys.h"

G_BEGIN_DECLS

/* Loads without a permission check (404 when missing): with items and targets. */
BelSurvey         *bel_survey_load           (BelEngine        *engine,
                                              gint64            survey_id,
                                              GError          **error);
BelSurveyWindow   *bel_survey_window_load    (BelEngine        *engine,
                                              gint64            window_id,
                                              GError          **error);
BelSurveySettings *bel_survey_settings_load  (BelEngine        *engine,
                                              gint64            school_id,
                                              GError          **error);
/* The window's HMAC key (hex), or NULL with an error. */
char              *bel_survey_window_key     (BelEngine        *engine,
                                              gint64            window_id,
                                              GError          **error);

/* Whether a student of @grade and @advisory_id (0: none) is in the survey's target. */
gboolean           bel_survey_targets        (BelSurvey        *survey,
                                              gint64            grade,
                                              gint64            advisory_id);
/* Counselor, leader or admin of the school. */
gboolean           bel_survey_is_privileged  (BelAccount       *actor,
                                              gint64            school_id);
/* The items of @kind ("likert", "adults") in order; borrowed references. */
GPtrArray         *bel_survey_items_of_kind  (BelSurvey        *survey,
                                              const char       *kind);

/* Records a survey event for live clients: {survey_id, window_id, status},
 * each left out when 0 or NULL. */
gboolean           bel_survey_record_event   (BelEngine        *engine,
                                              gint64            school_id,
                                              const char       *type,
                                              gint64            survey_id,
                                              gint64            window_id,
                                              const char       *status,
                                              GError          **error);

/* Codes: 10 characters of an alphabet without look-alikes, printed ABCDE-FGHJK. */
#define BEL_SURVEY_CODE_LENGTH 10
char              *bel_survey_code_new       (void);
/* Upper case without spaces and dashes; NULL when it cannot be a code. */
char              *bel_survey_code_normalize (const char       *text);
/* "ABCDE-FGHJK" for a normalized code. */
char              *bel_survey_code_format    (const char       *code);
/* Hex HMAC-SHA256 of a normalized code under the window's key. */
char              *bel_survey_code_hash      (const char       *key_hex,
                                              const char       *code);

G_END_DECLS
