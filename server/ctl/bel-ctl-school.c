/* bel-ctl-school.c - belongingctl school add | list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-ctl-commands.h"
#include "bel-schools.h"

/* Through the model codec, so lengths and formats are checked as for the API. */
static BelSchool *
school_from_arguments (const char  *name,
                       const char  *short_name,
                       const char  *school_year,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  if (short_name != NULL)
    {
      json_builder_set_member_name (builder, "short_name");
      json_builder_add_string_value (builder, short_name);
    }
  if (school_year != NULL)
    {
      json_builder_set_member_name (builder, "school_year");
      json_builder_add_string_value (builder, school_year);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return bel_model_new_from_json (BEL_TYPE_SCHOOL, node, BEL_MODEL_CREATE, error);
}

int
bel_ctl_school_add (BelCtl  *ctl,
                    int      argc,
                    char   **argv)
{
  g_autofree char *short_name = NULL;
  g_autofree char *school_year = NULL;
  const GOptionEntry entries[] = {
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name,
      N_("A short name for lists, e.g. “Riverside HS”"), N_("NAME") },
    { "school-year", 0, 0, G_OPTION_ARG_STRING, &school_year,
      N_("The current school year, e.g. 2026-2027"), N_("YEAR") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("NAME"), _("Creates a school."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelSchool) school = NULL;
  g_autoptr(BelSchool) created = NULL;
  g_autoptr(BelEngine) engine = NULL;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give exactly one NAME (quote a name with spaces)"));
  school = school_from_arguments (argv[1], short_name, school_year, &error);
  if (school == NULL)
    return bel_ctl_report (ctl, error);

  engine = bel_ctl_open_engine (ctl, FALSE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  created = bel_schools_create (engine, bel_engine_system_actor (engine), school, &error);
  if (created == NULL)
    return bel_ctl_report (ctl, error);
  g_print (_("Created school “%s” (id %" G_GINT64_FORMAT ")\n"),
           bel_resource_get_string (created, "name"), bel_resource_get_id (created));
  return BEL_CTL_EXIT_OK;
}

int
bel_ctl_school_list (BelCtl  *ctl,
                     int      argc,
                     char   **argv)
{
  static const char * const headers[] = { N_("ID"), N_("NAME"), N_("SHORT NAME"), N_("YEAR"),
                                          N_("STUDENTS"), NULL };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL, _("Lists the schools by name."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  schools = bel_schools_list (engine, bel_engine_system_actor (engine), &error);
  if (schools == NULL)
    return bel_ctl_report (ctl, error);

  for (guint i = 0; i < schools->len; i++)
    {
      BelSchool *s = g_ptr_array_index (schools, i);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, bel_resource_get_id (s));
      row[1] = g_strdup (bel_resource_get_string (s, "name"));
      row[2] = g_strdup (bel_resource_get_string (s, "short-name") ?: "");
      row[3] = g_strdup (bel_resource_get_string (s, "school-year") ?: "");
      row[4] = g_strdup_printf ("%" G_GINT64_FORMAT, bel_resource_get_int (s, "student-count"));
      g_ptr_array_add (rows, row);
    }
  bel_ctl_print_table (headers, rows);
  return BEL_CTL_EXIT_OK;
}
