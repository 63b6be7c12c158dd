/* bel-profile-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-profile-format.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bel-membership.h"
#include "bel-profile-sections.h"

const char *
bel_profile_section_title (const char *section)
{
  const BelProfileSection *s = bel_profile_section_find (section);

  return s ? _(s->title) : section;
}

const char *
bel_profile_section_icon (const char *section)
{
  static const struct { const char *section; const char *icon; } icons[] = {
    { "strengths", "starred-symbolic" },
    { "interests_talents", "applications-games-symbolic" },
    { "career_aspirations", "find-location-symbolic" },
    { "learning_preferences", "accessories-dictionary-symbolic" },
    { "academics", "x-office-document-symbolic" },
    { "language", "preferences-desktop-locale-symbolic" },
    { "heritage_culture", "emoji-people-symbolic" },
    { "academic_history", "document-open-recent-symbolic" },
    { "areas_of_growth", "go-up-symbolic" },
    { "wellbeing", "emblem-favorite-symbolic" },
    { "family", "system-users-symbolic" },
    { "plans", "view-list-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].section, section) == 0)
      return icons[i].icon;
  return "text-x-generic-symbolic";
}

static GDateTime *
parse_when (const char *when)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (when == NULL || *when == '\0')
    return NULL;
  if (strlen (when) == 10)
    {
      int y, m, d;
      if (sscanf (when, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return NULL;
      return g_date_time_new_local (y, m, d, 12, 0, 0);
    }
  dt = g_date_time_new_from_iso8601 (when, utc);
  return dt ? g_date_time_to_local (dt) : NULL;
}

char *
bel_profile_format_date (const char *when)
{
  g_autoptr(GDateTime) dt = parse_when (when);
  g_autofree char *text = NULL;

  if (dt == NULL)
    return g_strdup (when ? when : "");
  /* Translators: a date, see strftime(3); e.g. "28 November 2026" */
  text = g_date_time_format (dt, _("%-d %B %Y"));
  return g_steal_pointer (&text);
}

char *
bel_profile_format_time (const char *when)
{
  g_autoptr(GDateTime) dt = parse_when (when);

  if (dt == NULL)
    return g_strdup (when ? when : "");
  /* Translators: a date and time, see strftime(3); e.g. "28 Nov 2026, 14:05" */
  return g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
}

char *
bel_profile_format_school_year (const char *school_year)
{
  g_autofree char *text = g_strdup (school_year ? school_year : "");
  char *dash = strchr (text, '-');

  if (dash == NULL)
    return g_steal_pointer (&text);
  *dash = '\0';
  return g_strdup_printf ("%s–%s", text, dash + 1);
}

char *
bel_profile_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (snippet ? snippet : "", "**", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (parts[i], -1);
      if (i % 2 == 1 && parts[i + 1] != NULL)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static const char *
proficiency_title (const char *level)
{
  static const struct { const char *level; const char *title; } levels[] = {
    { "entering", N_("Entering") }, { "emerging", N_("Emerging") },
    { "developing", N_("Developing") }, { "expanding", N_("Expanding") },
    { "bridging", N_("Bridging") }, { "reaching", N_("Reaching") },
    { "initially_fluent", N_("Initially fluent") }, { "english_only", N_("English only") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_strcmp0 (levels[i].level, level) == 0)
      return _(levels[i].title);
  return level;
}

static const char *
plan_title (const char *plan_type)
{
  if (g_strcmp0 (plan_type, "iep") == 0)
    return _("IEP");
  if (g_strcmp0 (plan_type, "504") == 0)
    return _("504 plan");
  if (g_strcmp0 (plan_type, "language") == 0)
    return _("Language plan");
  if (g_strcmp0 (plan_type, "behavior") == 0)
    return _("Behavior plan");
  return plan_type;
}

static void
add_line (GString    *lines,
          const char *title,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  /* Translators: a labelled fact of a profile entry, e.g. "Home language: Somali" */
  g_string_append_printf (lines, _("%s: %s"), title, value);
}

static void
add_plan_lines (GString         *lines,
                BelProfileEntry *entry)
{
  const char *starts = bel_resource_get_string (entry, "starts-on");
  const char *ends = bel_resource_get_string (entry, "ends-on");
  g_autofree char *from = starts ? bel_profile_format_date (starts) : NULL;
  g_autofree char *to = ends ? bel_profile_format_date (ends) : NULL;
  g_autofree char *dates = NULL;

  if (from != NULL && to != NULL)
    /* Translators: the dates of a plan, "1 September 2026 to 30 June 2027" */
    dates = g_strdup_printf (_("%s to %s"), from, to);
  else if (from != NULL)
    /* Translators: the start of a plan without an end date */
    dates = g_strdup_printf (_("from %s"), from);
  add_line (lines, plan_title (bel_resource_get_string (entry, "plan-type")), dates);
  add_line (lines, _("Summary"), bel_resource_get_string (entry, "summary"));
}

char *
bel_profile_format_details (BelProfileEntry *entry)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  gdouble rate = bel_resource_get_double (entry, "attendance-rate");

  add_line (lines, _("Grades"), bel_resource_get_string (entry, "grades"));
  add_line (lines, _("Assessments"), bel_resource_get_string (entry, "assessments"));
  add_line (lines, _("Attendance"), bel_resource_get_string (entry, "attendance-summary"));
  if (rate >= 0)
    {
      g_autofree char *percent = g_strdup_printf (_("%.0f%% of days"), rate);
      add_line (lines, _("Attendance rate"), percent);
    }
  add_line (lines, _("Home language"), bel_resource_get_string (entry, "home-language"));
  if (bel_resource_get_string (entry, "english-proficiency") != NULL)
    add_line (lines, _("English proficiency"),
              proficiency_title (bel_resource_get_string (entry, "english-proficiency")));
  add_line (lines, _("Biliteracy"), bel_resource_get_string (entry, "biliteracy"));
  add_line (lines, _("Linguistic assets"), bel_resource_get_string (entry, "linguistic-assets"));
  if (bel_resource_get_string (entry, "plan-type") != NULL)
    add_plan_lines (lines, entry);
  if (lines->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

const char *
bel_profile_adult_role (const BelHandoffAdult *adult)
{
  if (bel_handoff_adult_has_link (adult, "advisor"))
    return _("Advisor");
  if (bel_handoff_adult_has_link (adult, "advocate"))
    return _("Advocate");
  if (bel_handoff_adult_has_link (adult, "personal"))
    return _("Knows them personally");
  return _("Has a good relationship");
}

gboolean
bel_profile_entry_editable (BelProfileEntry *entry,
                            BelAccount      *account)
{
  const char *until = bel_resource_get_string (entry, "editable-until");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (account == NULL || until == NULL || bel_resource_get_int (entry, "superseded-by") != 0)
    return FALSE;
  if (bel_resource_get_int (entry, "author-id") != bel_resource_get_id (account))
    return FALSE;
  deadline = g_date_time_new_from_iso8601 (until, utc);
  return deadline != NULL && g_date_time_compare (now, deadline) < 0;
}

const char *
bel_profile_account_role (BelAccount *account,
                          gint64      school_id)
{
  GListModel *memberships = account ? bel_resource_get_object (account, "memberships") : NULL;

  for (guint i = 0; memberships != NULL && i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(BelMembership) m = g_list_model_get_item (memberships, i);
      if (bel_resource_get_int (m, "school-id") == school_id)
        return bel_resource_get_string (m, "role");
    }
  return NULL;
}

gboolean
bel_profile_account_can_audit (BelAccount *account,
                               gint64      school_id)
{
  if (account == NULL)
    return FALSE;
  return g_strcmp0 (bel_resource_get_string (account, "server-role"), "admin") == 0 ||
         g_strcmp0 (bel_profile_account_role (account, school_id), "leader") == 0;
}

void
bel_profile_style_ensure (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/belonging/Belonging/profiles.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
