/* bel-ctl-migrate.c - belongingctl migrate-to postgresql://…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-ctl-commands.h"
#include "bel-error.h"
#include "bel-lock.h"
#include "bel-migrate.h"

static void
print_table (const BelMigratedTable *table,
             gpointer                user_data)
{
  g_print (_("%-28s %9" G_GINT64_FORMAT " rows  checksum %.16s…  same in PostgreSQL\n"),
           table->table, table->rows, table->checksum);
}

int
bel_ctl_migrate_to (BelCtl  *ctl,
                    int      argc,
                    char   **argv)
{
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("URL"),
                            _("Copies the SQLite database into an empty PostgreSQL database (postgresql://…),\n"
                              "in one transaction, and compares each table's rows and checksum. Stop belongingd\n"
                              "first; afterwards set [database] url=URL in belongingd.conf and start it."),
                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelLock) lock = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autoptr(BelStore) target = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *shown = NULL;
  BelStore *source;
  gint64 rows = 0;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give the PostgreSQL database as one URL, postgresql://…"));
  if (bel_store_location_is_file (argv[1]))
    return bel_ctl_usage_error (ctl, _("“%s” is not a postgresql:// URL"), argv[1]);
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  source = bel_engine_get_store (engine);
  if (!bel_store_location_is_file (bel_store_get_path (source)))
    return bel_ctl_usage_error (ctl, _("The configured database is already PostgreSQL"));
  lock = bel_lock_acquire (bel_store_get_path (source), &error);
  if (lock == NULL)
    {
      bel_ctl_report (ctl, error);
      g_printerr (_("belongingctl: %s: stop it first: systemctl stop belongingd\n"), bel_ctl_get_command (ctl));
      return BEL_CTL_EXIT_RUNNING;
    }
  target = bel_store_open (argv[1], &error);
  if (target == NULL)
    return bel_ctl_report (ctl, error);
  shown = bel_store_redact_location (argv[1]);
  g_print (_("Copying %s into %s…\n"), bel_store_get_display_name (source), shown);
  tables = bel_migrate_copy (source, target, print_table, NULL, &error);
  if (tables == NULL)
    return bel_ctl_report (ctl, error);
  for (guint i = 0; i < tables->len; i++)
    rows += ((BelMigratedTable *) tables->pdata[i])->rows;
  g_print (_("Copied %u tables, %" G_GINT64_FORMAT " rows; counts and checksums match.\n"
             "Now set [database] url=%s in belongingd.conf and start belongingd.\n"),
           tables->len, rows, shown);
  return BEL_CTL_EXIT_OK;
}
