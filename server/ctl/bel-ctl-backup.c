/* bel-ctl-backup.c - belongingctl backup | restore | check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bel-backup.h"
#include "bel-ctl-commands.h"
#include "bel-ctl-password.h"
#include "bel-error.h"
#include "bel-lock.h"
#include "bel-store-private.h"

static char *
database_path (BelCtl  *ctl,
               GError **error)
{
  g_autoptr(BelConfig) config = bel_ctl_load_config (ctl, error);

  if (config == NULL)
    return NULL;
  if (!bel_store_location_is_file (bel_config_get_database (config)))
    {
      g_set_error_literal (error, BEL_ERROR, BEL_ERROR_INVALID,
                           _("The database is PostgreSQL: back it up and restore it with pg_dump and "
                             "pg_restore (docs/admin.md)"));
      return NULL;
    }
  return g_strdup (bel_config_get_database (config));
}

static char *
format_size (gint64 size)
{
  return g_format_size ((guint64) size);
}

int
bel_ctl_backup (BelCtl  *ctl,
                int      argc,
                char   **argv)
{
  gboolean encrypt = FALSE;
  g_autofree char *passphrase_file = NULL;
  const GOptionEntry entries[] = {
    { "encrypt", 'e', 0, G_OPTION_ARG_NONE, &encrypt,
      N_("Encrypt the backup with a passphrase (asked twice without echo, or see --passphrase-file)"), NULL },
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from FILE (implies --encrypt)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("FILE"),
                            _("Writes a consistent backup of the database to FILE. belongingd may keep "
                              "running:\nthe copy is the database as it was at one instant."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCtlPassword) passphrase = NULL;
  g_autofree char *db = NULL;
  g_autofree char *size = NULL;
  BelBackupInfo info;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give exactly one FILE to write"));
  db = database_path (ctl, &error);
  if (db == NULL)
    return bel_ctl_report (ctl, error);
  if (encrypt || passphrase_file != NULL)
    {
      passphrase = bel_ctl_read_password (passphrase_file, _("the backup"), &error);
      if (passphrase == NULL)
        return bel_ctl_report (ctl, error);
    }
  if (!bel_backup_create (db, argv[1], passphrase, &info, &error))
    return bel_ctl_report (ctl, error);
  size = format_size (info.size);
  g_print (_("Backed up %s (%s, schema version %d) to %s%s\n"), db, size, info.schema_version, argv[1],
           info.encrypted ? _(", encrypted") : "");
  return BEL_CTL_EXIT_OK;
}

int
bel_ctl_restore (BelCtl  *ctl,
                 int      argc,
                 char   **argv)
{
  g_autofree char *passphrase_file = NULL;
  gboolean verify_only = FALSE;
  const GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase of an encrypted backup from FILE"), N_("FILE") },
    { "verify-only", 0, 0, G_OPTION_ARG_NONE, &verify_only,
      N_("Only check the backup; change nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, _("FILE"),
                            _("Replaces the database with a checked backup. Stop belongingd first; the "
                              "replaced\ndatabase is kept as DATABASE.before-restore. An older schema is "
                              "migrated."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelCtlPassword) passphrase = NULL;
  g_autoptr(BelLock) lock = NULL;
  g_autoptr(BelEngine) engine = NULL;
  g_autofree char *db = NULL;
  BelBackupInfo info;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 2)
    return bel_ctl_usage_error (ctl, _("Give exactly one backup FILE"));
  db = database_path (ctl, &error);
  if (db == NULL)
    return bel_ctl_report (ctl, error);
  if (!verify_only)
    {
      lock = bel_lock_acquire (db, &error);
      if (lock == NULL)
        {
          bel_ctl_report (ctl, error);
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
            return BEL_CTL_EXIT_FAILURE;
          g_printerr (_("belongingctl: %s: stop it first: systemctl stop belongingd\n"), bel_ctl_get_command (ctl));
          return BEL_CTL_EXIT_RUNNING;
        }
    }
  if (bel_backup_is_encrypted (argv[1]))
    {
      passphrase = bel_ctl_read_password (passphrase_file, _("the backup"), &error);
      if (passphrase == NULL)
        return bel_ctl_report (ctl, error);
    }
  if (!bel_backup_restore (argv[1], verify_only ? NULL : db, passphrase, &info, &error))
    {
      bel_ctl_report (ctl, error);
      return BEL_CTL_EXIT_DATA;
    }
  if (verify_only)
    {
      g_print (_("%s is a good backup (schema version %d)\n"), argv[1], info.schema_version);
      return BEL_CTL_EXIT_OK;
    }
  /* Opening migrates a backup from an older belongingd. */
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  g_print (_("Restored %s from %s (schema version %d"), db, argv[1], info.schema_version);
  if (bel_store_get_schema_version (bel_engine_get_store (engine)) != info.schema_version)
    g_print (_(", migrated to %d"), bel_store_get_schema_version (bel_engine_get_store (engine)));
  g_print (_("); the previous database is %s.before-restore\n"), db);
  return BEL_CTL_EXIT_OK;
}

typedef struct {
  const char *what;
  const char *sql; /* one row: a count */
} Orphans;

/* Rows that point at nothing, or at what they must not, beyond foreign keys. */
static const Orphans orphan_checks[] = {
  { N_("students in an advisory of another school"),
    "SELECT COUNT(*) FROM student s JOIN advisory a ON a.id = s.advisory_id WHERE a.school_id <> s.school_id" },
  { N_("advisory history rows without a student or advisory"),
    "SELECT COUNT(*) FROM advisory_member m WHERE NOT EXISTS (SELECT 1 FROM student s WHERE s.id = m.student_id) "
    "OR NOT EXISTS (SELECT 1 FROM advisory a WHERE a.id = m.advisory_id)" },
  { N_("memberships of missing accounts or schools"),
    "SELECT COUNT(*) FROM membership m WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = m.account_id) "
    "OR NOT EXISTS (SELECT 1 FROM school s WHERE s.id = m.school_id)" },
  { N_("enrollments in classes of another school than the student's"),
    "SELECT COUNT(*) FROM enrollment e JOIN class c ON c.id = e.class_id JOIN student s ON s.id = e.student_id "
    "WHERE s.school_id <> c.school_id" },
};

static gint64
count_rows (BelStore   *store,
            const char *sql,
            GError    **error)
{
  g_autoptr(BelStmt) stmt = bel_store_prepare (store, sql, error);

  if (stmt == NULL || !bel_store_step_row (store, stmt, error))
    return -1;
  return bel_column_int64 (stmt, 0);
}

static gint64
broken_foreign_keys_sqlite (BelStore  *store,
                            GError   **error)
{
  g_autoptr(BelStmt) fk = bel_store_prepare (store, "PRAGMA foreign_key_check", error);
  GError *local_error = NULL;
  gint64 n = 0;

  if (fk == NULL)
    return -1;
  while (bel_store_step_row (store, fk, &local_error))
    if (n++ < 10)
      g_print (_("foreign key: %s row %" G_GINT64_FORMAT " points at a missing %s\n"), bel_column_text (fk, 0),
               (gint64) bel_column_int64 (fk, 1), bel_column_text (fk, 2));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  return n;
}

/* PostgreSQL checks foreign keys at every write, but a superuser can turn
 * that off (session_replication_role): one count per foreign key. */
static gint64
broken_foreign_keys_pg (BelStore  *store,
                        GError   **error)
{
  g_autoptr(BelStmt) checks = bel_store_prepare (store,
      "SELECT format ('SELECT %L, %L, COUNT(*) FROM %I c WHERE %s AND NOT EXISTS (SELECT 1 FROM %I p WHERE %s)', "
      "  cl.relname, pr.relname, cl.relname, "
      "  (SELECT string_agg (format ('c.%I IS NOT NULL', a.attname), ' AND ') FROM unnest (con.conkey) k "
      "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k), "
      "  pr.relname, "
      "  (SELECT string_agg (format ('p.%I = c.%I', pa.attname, ca.attname), ' AND ') "
      "   FROM unnest (con.conkey, con.confkey) AS u (ck, pk) "
      "   JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = u.ck "
      "   JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = u.pk)) "
      "FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pr ON pr.oid = con.confrelid "
      "WHERE con.contype = 'f' AND con.connamespace = current_schema ()::regnamespace ORDER BY 1", error);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;
  gint64 n = 0;

  if (checks == NULL)
    return -1;
  while (bel_store_step_row (store, checks, &local_error))
    g_ptr_array_add (statements, g_strdup (bel_column_text (checks, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  for (guint i = 0; i < statements->len; i++)
    {
      g_autoptr(BelStmt) count = bel_store_prepare (store, statements->pdata[i], error);
      gint64 broken;

      if (count == NULL || !bel_store_step_row (store, count, error))
        return -1;
      broken = bel_column_int64 (count, 2);
      if (broken > 0)
        g_print (_("foreign key: %" G_GINT64_FORMAT " rows of %s point at a missing %s\n"), broken,
                 bel_column_text (count, 0), bel_column_text (count, 1));
      n += broken;
    }
  return n;
}

int
bel_ctl_check (BelCtl  *ctl,
               int      argc,
               char   **argv)
{
  g_autoptr(GOptionContext) context =
    bel_ctl_option_context (ctl, NULL,
                            _("Checks the database: integrity, schema version, foreign keys and orphaned rows.\n"
                              "Exit status 1 when a problem is found."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BelEngine) engine = NULL;
  BelStore *store;
  guint problems = 0;
  gint64 fk_rows = 0;

  if (!bel_ctl_parse (ctl, context, &argc, &argv))
    return BEL_CTL_EXIT_USAGE;
  if (argc != 1)
    return bel_ctl_usage_error (ctl, _("Unexpected argument “%s”"), argv[1]);
  engine = bel_ctl_open_engine (ctl, TRUE, &error);
  if (engine == NULL)
    return bel_ctl_report (ctl, error);
  store = bel_engine_get_store (engine);

  if (bel_store_integrity_check (store, &error))
    g_print (_("integrity: ok\n"));
  else
    {
      g_print (_("integrity: %s\n"), error->message);
      g_clear_error (&error);
      problems++;
    }
  g_print (_("schema version: %d (this belongingctl knows up to %d)\n"), bel_store_get_schema_version (store),
           bel_store_latest_version ());
  fk_rows = bel_store_get_dialect (store) == BEL_DIALECT_SQLITE ? broken_foreign_keys_sqlite (store, &error)
                                                                 : broken_foreign_keys_pg (store, &error);
  if (fk_rows < 0)
    return bel_ctl_report (ctl, error);
  g_print (_("foreign keys: %" G_GINT64_FORMAT " broken\n"), fk_rows);
  problems += fk_rows > 0;
  for (guint i = 0; i < G_N_ELEMENTS (orphan_checks); i++)
    {
      gint64 n = count_rows (store, orphan_checks[i].sql, &error);

      if (n < 0)
        return bel_ctl_report (ctl, error);
      g_print ("%s: %" G_GINT64_FORMAT "\n", _(orphan_checks[i].what), n);
      problems += n > 0;
    }
  if (problems > 0)
    {
      g_printerr (_("belongingctl: check: %u problems found\n"), problems);
      return BEL_CTL_EXIT_FAILURE;
    }
  g_print (_("No problems found\n"));
  return BEL_CTL_EXIT_OK;
}
