/* bel-text.h - folding names for search and ordering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowercase, accents removed ("José" -> "jose"), for comparing and ordering. */
char  *bel_text_fold  (const char *text);
/* The folded words of @text, split at anything that is not a letter or digit. */
GStrv  bel_text_words (const char *text);

G_END_DECLS
