/* bel-date-row.h - a preferences row for a day: typed as YYYY-MM-DD or picked on a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwEntryRow titled @title holding @date, with a calendar button after it. */
GtkWidget *bel_date_row_new   (const char *title,
                               const char *date);
/* @days from today, as YYYY-MM-DD (local time). */
char      *bel_date_from_today (int        days);

G_END_DECLS
