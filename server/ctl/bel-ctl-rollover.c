/* bel-ctl-rollover.c - belongingctl rollover --to YEAR [--school ID] [--no-loop] [--dry-run]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-ctl-commands.h"
#include "bel-rollover.h"
#include "bel-schools.h"

static void
print_rollover (const BelRollover *r,
                gboolean           loop_advisories)
{
  g_print (_("%s (id %" G_GINT64_FORMAT "): %s → %s\n"), r->school_name, r->school_id,
           r->from_year ? r->from_year : _("no school year"), r->to_year);
  g_print (_("  %u students move up a grade\n"), r->advanced);
  g_print (_("  %u graduates become inactive (their records and history stay)\n"), r->graduated);
  if (loop_advisories)
    g_print (_("  %u students stay in their advisory (advisories loop)\n"), r->looped);
  g_print (_("  %u students leave their advisory (the advisory history keeps the year they were in it)\n"),
           r->left_advisory);
}

int
bel_ctl_rollover (BelCtl  *ctl,
                  int      argc,
                  char   **argv)
{
  g_autofree char *to = NULL;
  g_autofree char *school = NULL;
  gboolean no_loop = FALSE;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The new school year, e.g. 2027-2028 (required)"), N_("YEAR") },
    { "school", 's', 0, G_OPTION_ARG_STRING, &school, N_("Only the school with this id (default: all)"),
      N_("ID") },
    { "no-loop", 0, 0, G_OPTION_ARG_NONE, &no_loop,
      N_("Students leave their advisories (default: advisories loop into the new year)"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would change, without writing anything"),
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL,
                            _("Starts a new school year: grades advance, graduates become inactive, advisories "
                              "loop.\nNothing is deleted. Preview it with --dry-run first, and back up."),
                            entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(BelTransaction) tx = NULL;
  guint64 only = 0;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  if (to == NULL)
    return bel_ctl_usage_error (ctl, _("--to YEAR is required, e.g. --to 2027-2028"));
  if (school != NULL && !g_ascii_string_to_unsigned (school, 10, 1, G_MAXINT64, &only, NULL))
    return bel_ctl_usage_error (ctl, _("--school must be a school id (a positive integer), not “%s”"), school);

  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  schools = bel_schools_list (engine, bel_engine_system_actor (engine), &error);
  tx = schools ? bel_engine_begin (engine, &error) : NULL;
  if (tx == NULL)
    return bel_ctl_report (ctl, error);
  if (dry_run)
    g_print (_("Dry run: the rollover would make these changes (nothing was written):\n"));
  for (guint i = 0; i < schools->len; i++)
    {
      gint64 id = bel_resource_get_id (g_ptr_array_index (schools, i));
      g_autoptr(BelRollover) r = NULL;

      if (only != 0 && (guint64) id != only)
        continue;
      r = bel_rollover_school (engine, bel_engine_system_actor (engine), id, to, !no_loop, &error);
      if (r == NULL)
        return bel_ctl_report (ctl, error);
      print_rollover (r, !no_loop);
    }
  if (dry_run)
    return BEL_CTL_EXIT_OK; /* freeing @tx rolls back */
  if (!bel_transaction_commit (tx, &error))
    return bel_ctl_report (ctl, error);
  return BEL_CTL_EXIT_OK;
}
