/* bel-problem.h - RFC 9457 problem documents (application/problem+json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Replies with the problem for @error: status from bel_error_to_status(),
 * field errors of a 422 as "errors".  Errors outside BEL_ERROR are answered
 * as 500 without their message, which may hold internal details. */
void bel_problem_reply (SoupServerMessage *msg,
                        const GError      *error);

/* The problem document for @error as JSON text, and its HTTP status. */
char *bel_problem_to_string (const GError *error,
                             guint        *status);

G_END_DECLS
