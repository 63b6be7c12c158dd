/* bel-care-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-care-format.h"

#include <glib/gi18n.h>

#include "bel-format.h"

void
bel_care_style_ensure (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/belonging/Belonging/care.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

int
bel_care_days_from_today (const char *date)
{
  g_autoptr(GDateTime) then = parse_date (date);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;

  if (then == NULL)
    return G_MININT;
  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  return (int) (g_date_time_difference (then, today) / G_TIME_SPAN_DAY);
}

char *
bel_care_format_date (const char *date,
                      const char *fallback)
{
  g_autoptr(GDateTime) then = parse_date (date);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (then == NULL)
    return g_strdup (fallback);
  if (g_date_time_get_year (then) == g_date_time_get_year (now))
    /* TRANSLATORS: a date this year, e.g. "Tue 4 Nov" (strftime) */
    return g_date_time_format (then, _("%a %-d %b"));
  /* TRANSLATORS: a date of another year, e.g. "4 Nov 2025" (strftime) */
  return g_date_time_format (then, _("%-d %b %Y"));
}

char *
bel_care_format_relative (const char *date)
{
  int days = bel_care_days_from_today (date);

  if (days == G_MININT)
    return g_strdup ("");
  if (days == 0)
    return g_strdup (_("today"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days < 0)
    return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", -days), -days);
  return g_strdup_printf (g_dngettext (NULL, "in %d day", "in %d days", days), days);
}

GtkWidget *
bel_care_chip_new (const char *label,
                   const char *style)
{
  GtkWidget *chip = gtk_label_new (label);

  gtk_widget_add_css_class (chip, "care-chip");
  if (style != NULL)
    {
      /* namespaced: other pages style plain classes such as .due */
      g_autofree char *name = g_strconcat ("care-", style, NULL);

      gtk_widget_add_css_class (chip, name);
    }
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

GtkWidget *
bel_care_heading_new (const char *title,
                      const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

const char *
bel_care_observation_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "strength") == 0)
    return _("Strength");
  if (g_strcmp0 (kind, "need") == 0)
    return _("Need");
  if (g_strcmp0 (kind, "concern") == 0)
    return _("Concern");
  return kind;
}

const char *
bel_care_channel_label (const char *channel)
{
  static const struct { const char *value; const char *label; } channels[] = {
    { "call", N_("Phone call") },
    { "message", N_("Message") },
    { "conference", N_("Conference") },
    { "student_led_conference", N_("Student-led conference") },
    { "home_visit_in_person", N_("Home visit, in person") },
    { "home_visit_virtual", N_("Home visit, virtual") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (g_strcmp0 (channel, channels[i].value) == 0)
      return _(channels[i].label);
  return channel;
}

const char *
bel_care_grade_team_label (int    grade,
                           char **owned)
{
  g_autofree char *name = NULL;

  if (grade < -1)
    return _("All grades");
  name = bel_format_grade (grade);
  /* TRANSLATORS: a grade team, e.g. "Grade 7 team" */
  *owned = g_strdup_printf (_("%s team"), name);
  return *owned;
}

gboolean
bel_care_needs_interpreter (const char *language)
{
  return language != NULL && *language != '\0' &&
         g_ascii_strcasecmp (language, "English") != 0 && g_ascii_strcasecmp (language, "en") != 0 &&
         g_ascii_strncasecmp (language, "eng", 3) != 0;
}

void
bel_care_clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

AdwToastOverlay *
bel_care_page_finish (GtkWidget *page,
                      GtkWidget *box,
                      GtkWidget *content,
                      int        max_width)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  AdwToastOverlay *overlay;

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), max_width);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (overlay, box);
  gtk_widget_set_parent (GTK_WIDGET (overlay), page);
  return overlay;
}
