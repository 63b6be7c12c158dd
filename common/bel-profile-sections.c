/* bel-profile-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bel-profile-sections.h"

#include <glib/gi18n-lib.h>
#include <string.h>

const BelProfileSection bel_profile_sections[] = {
  { "strengths",            N_("Strengths"),                    FALSE, BEL_PROFILE_KIND_TEXT },
  { "interests_talents",    N_("Interests and talents"),        FALSE, BEL_PROFILE_KIND_TEXT },
  { "career_aspirations",   N_("Career aspirations"),           FALSE, BEL_PROFILE_KIND_TEXT },
  { "learning_preferences", N_("Preferred learning activities"), FALSE, BEL_PROFILE_KIND_TEXT },
  { "academics",            N_("Academics"),                    FALSE, BEL_PROFILE_KIND_ACADEMICS },
  { "language",             N_("Language"),                     FALSE, BEL_PROFILE_KIND_LANGUAGE },
  { "heritage_culture",     N_("Heritage and culture"),         FALSE, BEL_PROFILE_KIND_TEXT },
  { "academic_history",     N_("Academic history"),             FALSE, BEL_PROFILE_KIND_TEXT },
  { "areas_of_growth",      N_("Areas of growth"),              FALSE, BEL_PROFILE_KIND_TEXT },
  { "wellbeing",            N_("Emotional well-being"),         TRUE,  BEL_PROFILE_KIND_TEXT },
  { "family",               N_("Family background"),            TRUE,  BEL_PROFILE_KIND_TEXT },
  { "plans",                N_("Individualized plans"),         TRUE,  BEL_PROFILE_KIND_PLAN },
};

const guint bel_profile_n_sections = G_N_ELEMENTS (bel_profile_sections);

const char * const bel_profile_section_names[] = {
  "strengths", "interests_talents", "career_aspirations", "learning_preferences", "academics",
  "language", "heritage_culture", "academic_history", "areas_of_growth", "wellbeing", "family",
  "plans", NULL
};

const char * const bel_profile_proficiency_levels[] = {
  "entering", "emerging", "developing", "expanding", "bridging", "reaching",
  "initially_fluent", "english_only", NULL
};

const char * const bel_profile_plan_types[] = { "iep", "504", "language", "behavior", NULL };

static const char * const no_fields[] = { NULL };
static const char * const academics_fields[] = {
  "grades", "assessments", "attendance_summary", "attendance_rate", NULL
};
static const char * const language_fields[] = {
  "home_language", "english_proficiency", "biliteracy", "linguistic_assets", NULL
};
static const char * const plan_fields[] = { "plan_type", "starts_on", "ends_on", "summary", NULL };

const BelProfileSection *
bel_profile_section_find (const char *name)
{
  int i = bel_profile_section_index (name);

  return i < 0 ? NULL : &bel_profile_sections[i];
}

int
bel_profile_section_index (const char *name)
{
  for (guint i = 0; name != NULL && i < bel_profile_n_sections; i++)
    if (strcmp (bel_profile_sections[i].name, name) == 0)
      return (int) i;
  return -1;
}

const char * const *
bel_profile_kind_fields (BelProfileKind kind)
{
  switch (kind)
    {
    case BEL_PROFILE_KIND_ACADEMICS:
      return academics_fields;
    case BEL_PROFILE_KIND_LANGUAGE:
      return language_fields;
    case BEL_PROFILE_KIND_PLAN:
      return plan_fields;
    case BEL_PROFILE_KIND_TEXT:
    default:
      return no_fields;
    }
}
