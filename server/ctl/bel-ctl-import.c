/* bel-ctl-import.c - belongingctl import oneroster DIR|ZIP [--school ID] [--dry-run]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "bel-ctl-commands.h"
#include "bel-oneroster.h"
#include "bel-roster-import.h"

#define BAR_WIDTH 30

/* Drawn on standard error, and only when it is a terminal. */
static void
draw_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  guint filled = total ? done * BAR_WIDTH / total : BAR_WIDTH;
  char bar[BAR_WIDTH + 1];

  for (guint i = 0; i < BAR_WIDTH; i++)
    bar[i] = i < filled ? '#' : '.';
  bar[BAR_WIDTH] = '\0';
  g_printerr ("\r%s [%s] %3u%%", _("Importing"), bar, total ? done * 100 / total : 100);
  if (done == total)
    g_printerr ("\r%*s\r", BAR_WIDTH + 20, "");
}

static guint
count_users (BelOneRoster *roster,
             gboolean      students)
{
  guint n = 0;

  for (guint i = 0; i < roster->users->len; i++)
    {
      BelOrUser *user = g_ptr_array_index (roster->users, i);
      if (user->role != BEL_OR_ROLE_NONE && (user->role == BEL_OR_ROLE_STUDENT) == students)
        n++;
    }
  return n;
}

static void
print_counts (const char            *what,
              const BelRosterCounts *c)
{
  g_print (_("  %-12s %u new, %u updated, %u deactivated, %u unchanged\n"),
           what, c->created, c->updated, c->deactivated, c->unchanged);
}

static void
print_stats (const BelRosterImportStats *stats,
             gboolean                    dry_run)
{
  g_print (dry_run ? _("Dry run: the import would make these changes (nothing was written):\n")
                   : _("Imported:\n"));
  print_counts (_("schools"), &stats->schools);
  print_counts (_("students"), &stats->students);
  print_counts (_("staff"), &stats->staff);
  print_counts (_("classes"), &stats->classes);
  print_counts (_("enrollments"), &stats->enrollments);
  if (!dry_run && stats->staff.created > 0)
    g_print (_("New staff accounts have no password yet: give each one with "
               "“belongingctl account reset-password USERNAME”.\n"));
}

static int
report_problems (BelCtl       *ctl,
                 BelOneRoster *roster)
{
  for (guint i = 0; i < roster->problems->len; i++)
    g_printerr ("belongingctl: %s: %s\n", bel_ctl_get_command (ctl),
                (char *) g_ptr_array_index (roster->problems, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "belongingctl: %s: %u problem in %s; nothing was imported\n",
                           "belongingctl: %s: %u problems in %s; nothing was imported\n",
                           roster->problems->len),
              bel_ctl_get_command (ctl), MIN (roster->problems->len, BEL_ONEROSTER_MAX_PROBLEMS),
              roster->source);
  return BEL_CTL_EXIT_DATA;
}

int
bel_ctl_import_oneroster (BelCtl  *ctl,
                          int      argc,
                          char   **argv)
{
  g_autofree char *school = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "school", 's', 0, G_OPTION_ARG_STRING, &school,
      N_("Import only into the school with this id (default: every school of the set, created when new)"),
      N_("ID") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the set and show what would change, without writing anything"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("DIRECTORY|ZIP"),
                            _("Imports students, staff, classes and enrollments from a OneRoster 1.1 or 1.2 "
                              "CSV bulk set, all or nothing.\nWhat left the roster becomes inactive; "
                              "nothing is deleted."),
                            entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelOneRoster) roster = NULL;
  g_autoptr(BelEngine) engine = NULL;
  BelRosterImportStats stats;
  guint64 school_id = 0;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give exactly one DIRECTORY or ZIP file"));
  if (school != NULL && !g_ascii_string_to_unsigned (school, 10, 1, G_MAXINT64, &school_id, NULL))
    return bel_ctl_usage_error (ctl, _("--school must be a school id (a positive integer), not “%s”"), school);

  roster = bel_oneroster_read (argv[1], &error);
  if (roster == NULL)
    {
      bel_ctl_report (ctl, error);
      return BEL_CTL_EXIT_DATA;
    }
  for (guint i = 0; i < roster->notes->len; i++)
    g_printerr ("belongingctl: %s: %s\n", bel_ctl_get_command (ctl), (char *) g_ptr_array_index (roster->notes, i));
  if (roster->problems->len > 0)
    return report_problems (ctl, roster);
  g_print (_("Read a OneRoster %s set: %u students, %u staff, %u classes, %u enrollments"),
           roster->version, count_users (roster, TRUE), count_users (roster, FALSE), roster->classes->len,
           roster->enrollments->len);
  if (roster->n_skipped_users > 0)
    g_print (_(" (%u guardians, aides and others are not imported)"), roster->n_skipped_users);
  g_print ("\n");

  engine = bel_ctl_open_engine (ctl, FALSE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  if (!bel_roster_import (engine, roster, (gint64) school_id, dry_run, &stats,
                          isatty (STDERR_FILENO) ? draw_progress : NULL, NULL, &error))
    {
      int status = bel_ctl_report (ctl, error);
      g_printerr (_("belongingctl: %s: nothing was imported\n"), bel_ctl_get_command (ctl));
      return status == BEL_CTL_EXIT_USAGE ? BEL_CTL_EXIT_DATA : status;
    }
  print_stats (&stats, dry_run);
  return BEL_CTL_EXIT_OK;
}
