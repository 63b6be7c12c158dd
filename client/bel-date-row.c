/* bel-date-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-date-row.h"

#include <glib/gi18n.h>

static void
day_selected (GtkCalendar *calendar,
              GtkEditable *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (row, text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* Shows the typed day on the calendar when it opens. */
static void
popover_shown (GtkWidget   *popover,
               GtkEditable *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  g_autofree char *iso = g_strconcat (gtk_editable_get_text (row), "T00:00:00", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, local);

  if (day != NULL)
    {
      g_signal_handlers_block_by_func (calendar, day_selected, row);
      gtk_calendar_select_day (calendar, day);
      g_signal_handlers_unblock_by_func (calendar, day_selected, row);
    }
}

GtkWidget *
bel_date_row_new (const char *title,
                  const char *date)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *tip = g_strdup_printf (_("Choose the day: %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), date ? date : "");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected), row);
  g_signal_connect (popover, "show", G_CALLBACK (popover_shown), row);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

char *
bel_date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}
