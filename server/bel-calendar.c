/* bel-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-calendar.h"

#include "bel-date-range.h"

typedef struct {
  guint32  first;
  guint32  last;
  char    *name;
} Span;

struct _BelCalendar
{
  GArray *closed;   /* Span: non-school days */
  GArray *quarters; /* Span */
};

static void
span_clear (gpointer data)
{
  g_free (((Span *) data)->name);
}

guint32
bel_date_parse (const char *text)
{
  g_autoptr(GDate) date = NULL;
  guint y, m, d;

  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0))
    return 0;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (date);
}

char *
bel_date_format (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
bel_date_format_words (guint32     julian,
                       const char *format)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  char text[64];

  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return bel_date_format (julian);
  return g_strdup (text);
}

guint32
bel_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                          (GDateMonth) g_date_time_get_month (now),
                                          (GDateYear) g_date_time_get_year (now));
  return g_date_get_julian (date);
}

static GArray *
spans_from (GPtrArray *ranges)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  g_array_set_clear_func (spans, span_clear);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      BelDateRange *range = g_ptr_array_index (ranges, i);
      Span span = {
        .first = bel_date_parse (bel_resource_get_string (range, "starts-on")),
        .name = g_strdup (bel_resource_get_string (range, "name")),
      };
      const char *ends = bel_resource_get_string (range, "ends-on");

      span.last = ends != NULL ? bel_date_parse (ends) : span.first;
      g_array_append_val (spans, span);
    }
  return spans;
}

BelCalendar *
bel_calendar_new (GPtrArray *non_school_days,
                  GPtrArray *quarters)
{
  BelCalendar *self = g_new0 (BelCalendar, 1);

  self->closed = spans_from (non_school_days);
  self->quarters = spans_from (quarters);
  return self;
}

void
bel_calendar_free (BelCalendar *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->closed);
  g_array_unref (self->quarters);
  g_free (self);
}

gboolean
bel_calendar_is_school_day (BelCalendar *self,
                            guint32      julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;
  for (guint i = 0; i < self->closed->len; i++)
    {
      const Span *span = &g_array_index (self->closed, Span, i);
      if (julian >= span->first && julian <= span->last)
        return FALSE;
    }
  return TRUE;
}

void
bel_calendar_period (const char *period,
                     guint32     julian,
                     guint32    *first,
                     guint32    *last)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);

  if (g_strcmp0 (period, "month") == 0)
    {
      GDateMonth month = g_date_get_month (date);
      GDateYear year = g_date_get_year (date);

      *first = julian - g_date_get_day (date) + 1;
      *last = *first + g_date_get_days_in_month (month, year) - 1;
      return;
    }
  /* ISO week: G_DATE_MONDAY is 1 */
  *first = julian - (g_date_get_weekday (date) - G_DATE_MONDAY);
  *last = *first + 6;
}

gboolean
bel_calendar_last_school_day (BelCalendar *self,
                              guint32      first,
                              guint32      last,
                              guint32     *day)
{
  for (guint32 d = last; d >= first && d > 0; d--)
    if (bel_calendar_is_school_day (self, d))
      {
        *day = d;
        return TRUE;
      }
  return FALSE;
}

static const char * const calendar_quarter_names[] = {
  "January to March", "April to June", "July to September", "October to December"
};

gboolean
bel_calendar_quarter (BelCalendar  *self,
                      guint32       julian,
                      const char  **name,
                      guint32      *first,
                      guint32      *last)
{
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  g_autoptr(GDate) date = NULL;
  guint q;

  for (guint i = 0; i < self->quarters->len; i++)
    {
      const Span *span = &g_array_index (self->quarters, Span, i);
      if (julian >= span->first && julian <= span->last)
        {
          *name = span->name;
          *first = span->first;
          *last = span->last;
          return TRUE;
        }
    }
  if (self->quarters->len > 0)
    return FALSE;
  date = g_date_new_julian (julian);
  q = (g_date_get_month (date) - 1) / 3;
  start = g_date_new_dmy (1, (GDateMonth) (q * 3 + 1), g_date_get_year (date));
  end = g_date_new_dmy (1, (GDateMonth) (q * 3 + 3), g_date_get_year (date));
  g_date_add_months (end, 1);
  g_date_subtract_days (end, 1);
  *name = calendar_quarter_names[q];
  *first = g_date_get_julian (start);
  *last = g_date_get_julian (end);
  return TRUE;
}
