/* bel-calendar.h - a school's days: school days, cadence periods, quarters
 *
 * Monday to Friday are school days unless a non-school day range (a holiday,
 * a break, the summer) covers them.  Cadence periods are ISO weeks (Monday to
 * Sunday) and calendar months.  Quarters come from the school's settings;
 * without any, the calendar quarters (January-March, ...) are used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BelCalendar BelCalendar;

/* @non_school_days and @quarters: GPtrArray of BelDateRange (may be NULL). */
BelCalendar *bel_calendar_new              (GPtrArray   *non_school_days,
                                            GPtrArray   *quarters);
void         bel_calendar_free             (BelCalendar *self);

gboolean     bel_calendar_is_school_day    (BelCalendar *self,
                                            guint32      julian);
/* The week or month ("week", "month") holding @julian, as first and last day. */
void         bel_calendar_period           (const char  *period,
                                            guint32      julian,
                                            guint32     *first,
                                            guint32     *last);
/* The last school day in [@first, @last]; FALSE when there is none. */
gboolean     bel_calendar_last_school_day  (BelCalendar *self,
                                            guint32      first,
                                            guint32      last,
                                            guint32     *day);
/* The quarter holding @julian: its name (owned by the calendar) and days.
 * FALSE when the school's quarters do not cover the day. */
gboolean     bel_calendar_quarter          (BelCalendar *self,
                                            guint32      julian,
                                            const char **name,
                                            guint32     *first,
                                            guint32     *last);

/* "YYYY-MM-DD" <-> Julian day number (0 for invalid text). */
guint32      bel_date_parse                (const char  *text);
char        *bel_date_format               (guint32      julian);
/* A date as people read it, with a strftime() @format such as "%-d %b %Y". */
char        *bel_date_format_words         (guint32      julian,
                                            const char  *format);
guint32      bel_date_today                (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BelCalendar, bel_calendar_free)

G_END_DECLS
