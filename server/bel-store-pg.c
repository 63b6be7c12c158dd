/* bel-store-pg.c - the PostgreSQL driver of BelStore (libpq)
 *
 * A district runs belongingd on the PostgreSQL it already operates.  The
 * engines' SQL is written for both databases (docs/architecture.md, "The
 * store"); this driver bridges the rest:
 *
 * - SQLite parameters (`?`, `?N`) become `$N`, numbered the way SQLite
 *   numbers them;
 * - each distinct statement is prepared once per connection (PQprepare) with
 *   the types of its first bound values: int8, float8, and text left for the
 *   server to infer (text when nothing says otherwise);
 * - an INSERT into a table with an `id` column gets `RETURNING id`, so that
 *   bel_store_last_insert_id() says what SQLite's last_insert_rowid() says;
 * - write transactions take one advisory lock, so that writes are serialized
 *   across every belongingd on the database, as SQLite's BEGIN IMMEDIATE
 *   serializes them on one file: the same guarantees, and event sequence
 *   numbers that commit in order;
 * - results are read in text form; booleans read as 1 and 0.
 *
 * Error messages carry PostgreSQL's primary message only: its DETAIL can
 * quote the values of a row, and values are student data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "bel-error.h"
#include "bel-store-driver.h"
#include "bel-store-pg-listener.h"

#define INT8OID   20
#define TEXTOID   25
#define FLOAT8OID 701

/* pg_advisory_xact_lock() key of the one-writer lock: "Belo" */
#define WRITE_LOCK_KEY "1114399855"

typedef struct {
  PGconn     *conn;
  BelPgListener *listener;   /* NULL until something listens */
  GHashTable *prepared;      /* signature -> statement name */
  GHashTable *has_id;        /* table name -> GINT_TO_POINTER (1 + has an id column) */
  guint       next_name;
  char       *error;         /* primary message of the last failure */
  char        sqlstate[6];
  int         changes;
  gint64      last_insert_id;
} PgConn;

typedef struct {
  BelStmt   parent;
  PgConn   *pg;
  char     *sql;             /* with $N parameters */
  gboolean  returns_id;      /* RETURNING id was added by the driver */
  int       n_params;
  char    **values;
  Oid      *types;
  char     *name;            /* prepared statement, once executed */
  PGresult *result;
  int       row;             /* -1 before the first step */
} PgStmt;

#define PG_STMT(s) ((PgStmt *) (s))

static void
remember_error (PgConn         *pg,
                const PGresult *result)
{
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  g_free (pg->error);
  if (primary != NULL)
    pg->error = g_strdup (primary);
  else
    pg->error = g_strchomp (g_strdup (PQerrorMessage (pg->conn)));
  g_strlcpy (pg->sqlstate, state ? state : (PQstatus (pg->conn) == CONNECTION_OK ? "XX000" : "08006"),
             sizeof pg->sqlstate);
}

static void
pg_error (gpointer    conn,
          GError    **error,
          const char *what)
{
  PgConn *pg = conn;
  BelErrorCode code = BEL_ERROR_FAILED;

  if (g_str_has_prefix (pg->sqlstate, "23"))
    code = BEL_ERROR_CONFLICT;
  else if (g_str_has_prefix (pg->sqlstate, "40") || g_str_has_prefix (pg->sqlstate, "08") ||
           g_str_has_prefix (pg->sqlstate, "57") || g_str_has_prefix (pg->sqlstate, "53") ||
           strcmp (pg->sqlstate, "55P03") == 0)
    code = BEL_ERROR_UNAVAILABLE;
  g_set_error (error, BEL_ERROR, code, "%s: %s", what, pg->error ? pg->error : "unknown error");
}

/* A result that is not @expected: remembered as the connection's error. */
static gboolean
check_result (PgConn         *pg,
              const PGresult *result,
              GError        **error,
              const char     *what)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  remember_error (pg, result);
  pg_error (pg, error, what);
  return FALSE;
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

static gpointer
pg_open (const char  *url,
         GError     **error)
{
  PgConn *pg = g_new0 (PgConn, 1);

  pg->conn = PQconnectdb (url);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strchomp (g_strdup (PQerrorMessage (pg->conn)));

      g_set_error (error, BEL_ERROR, BEL_ERROR_UNAVAILABLE,
                   "Could not connect to PostgreSQL: %s", message);
      PQfinish (pg->conn);
      g_free (pg);
      return NULL;
    }
  PQsetNoticeProcessor (pg->conn, ignore_notice, NULL);
  pg->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pg->has_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return pg;
}

static void
pg_listen (gpointer           conn,
           const char        *url,
           const char        *channel,
           BelPgNoticeFunc    func,
           gpointer           data)
{
  PgConn *pg = conn;

  if (pg->listener == NULL)
    pg->listener = bel_pg_listener_new (url);
  bel_pg_listener_add (pg->listener, channel, func, data);
}

static void
pg_unlisten (gpointer conn,
             gpointer data)
{
  PgConn *pg = conn;

  if (pg->listener != NULL)
    bel_pg_listener_remove (pg->listener, data);
}

/* Sent with the transaction it is in; at once outside one. */
static void
pg_notify (gpointer    conn,
           const char *channel)
{
  PgConn *pg = conn;
  const char *values[] = { channel };

  PQclear (PQexecParams (pg->conn, "SELECT pg_notify ($1, '')", 1, NULL, values, NULL, NULL, 0));
}

static void
pg_close (gpointer conn)
{
  PgConn *pg = conn;

  g_clear_pointer (&pg->listener, bel_pg_listener_free);
  PQfinish (pg->conn);
  g_hash_table_unref (pg->prepared);
  g_hash_table_unref (pg->has_id);
  g_free (pg->error);
  g_free (pg);
}

static gboolean
pg_exec (gpointer     conn,
         const char  *sql,
         GError     **error)
{
  PgConn *pg = conn;
  PGresult *result = PQexec (pg->conn, sql);
  gboolean ok = check_result (pg, result, error, "Database statement failed");

  PQclear (result);
  return ok;
}

static gboolean
pg_configure (gpointer   conn,
              GError   **error)
{
  return pg_exec (conn,
                  "SET client_min_messages = warning;"
                  "SET TIME ZONE 'UTC';"
                  "SET standard_conforming_strings = on;"
                  "SET synchronous_commit = on", error);
}

/* SQLite's numbering: `?N` is N; a bare `?` is one more than the largest so far. */
static char *
translate_parameters (const char *sql,
                      int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int largest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          if (end == NULL)
            end = p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          if (end == NULL)
            break;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '?')
        {
          int number = largest + 1;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) g_ascii_strtoll (p + 1, &end, 10);
              p = end - 1;
            }
          largest = MAX (largest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = largest;
  return g_string_free (out, FALSE);
}

/* The table of `INSERT INTO table …`, or NULL. */
static char *
insert_table (const char *sql)
{
  const char *p = sql;
  const char *start;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT", 6) != 0)
    return NULL;
  p += 6;
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INTO", 4) != 0)
    return NULL;
  p += 4;
  while (g_ascii_isspace (*p))
    p++;
  for (start = p; g_ascii_isalnum (*p) || *p == '_'; p++)
    ;
  return p > start ? g_strndup (start, p - start) : NULL;
}

static gboolean
table_has_id (PgConn     *pg,
              const char *table)
{
  gpointer known = g_hash_table_lookup (pg->has_id, table);
  const char *values[] = { table };
  PGresult *result;
  gboolean has_id;

  if (known != NULL)
    return GPOINTER_TO_INT (known) - 1;
  result = PQexecParams (pg->conn,
                         "SELECT 1 FROM information_schema.columns "
                         "WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id'",
                         1, NULL, values, NULL, NULL, 0);
  has_id = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0;
  PQclear (result);
  g_hash_table_insert (pg->has_id, g_strdup (table), GINT_TO_POINTER (1 + has_id));
  return has_id;
}

/* After a lost connection: once no transaction was open, which the loss ended. */
static void
reconnect_if_lost (PgConn *pg)
{
  if (PQstatus (pg->conn) != CONNECTION_BAD)
    return;
  g_hash_table_remove_all (pg->prepared);
  PQreset (pg->conn);
  if (PQstatus (pg->conn) == CONNECTION_OK)
    pg_configure (pg, NULL);
}

static BelStmt *
pg_prepare (gpointer     conn,
            const char  *sql,
            GError     **error)
{
  PgConn *pg = conn;
  PgStmt *self = g_new0 (PgStmt, 1);
  g_autofree char *table = NULL;

  reconnect_if_lost (pg);
  table = insert_table (sql);

  self->parent.driver = &bel_store_postgresql_driver;
  self->pg = pg;
  self->sql = translate_parameters (sql, &self->n_params);
  if (table != NULL && strstr (sql, "RETURNING") == NULL && table_has_id (pg, table))
    {
      char *with_id = g_strconcat (g_strchomp (self->sql), " RETURNING id", NULL);

      g_free (self->sql);
      self->sql = with_id;
      self->returns_id = TRUE;
    }
  self->values = g_new0 (char *, self->n_params + 1);
  self->types = g_new0 (Oid, self->n_params + 1);
  self->row = -1;
  return &self->parent;
}

static char *
signature (PgStmt *self)
{
  GString *s = g_string_new (self->sql);

  g_string_append_c (s, '\x1f');
  for (int i = 0; i < self->n_params; i++)
    g_string_append_printf (s, "%u,", self->types[i]);
  return g_string_free (s, FALSE);
}

/* The prepared statement for this SQL and these parameter types. */
static gboolean
has_unknown_type (PgStmt *self)
{
  for (int i = 0; i < self->n_params; i++)
    if (self->types[i] == 0)
      return TRUE;
  return FALSE;
}

/* Prepares with the types bound so far.  A parameter bound to NULL whose
 * first use says nothing of its type (`? IS NULL OR …`) is taken as text,
 * one at a time as PostgreSQL names them; the failed attempts must not abort
 * an open transaction.  (Engines put an integer's comparison first:
 * `(col = ? OR ? IS NULL)`.) */
static PGresult *
prepare_typed (PgStmt     *self,
               const char *name)
{
  PgConn *pg = self->pg;
  gboolean guard = has_unknown_type (self) && PQtransactionStatus (pg->conn) == PQTRANS_INTRANS;
  PGresult *result;
  const char *state;

  if (guard)
    PQclear (PQexec (pg->conn, "SAVEPOINT bel_prepare"));
  result = PQprepare (pg->conn, name, self->sql, self->n_params, self->types);
  while ((state = PQresultErrorField (result, PG_DIAG_SQLSTATE)) != NULL &&
         (strcmp (state, "42P18") == 0 || strcmp (state, "42P08") == 0))
    {
      const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
      const char *dollar = message ? strrchr (message, '$') : NULL;
      int n = dollar ? (int) g_ascii_strtoll (dollar + 1, NULL, 10) : 0;

      if (n < 1 || n > self->n_params || self->types[n - 1] != 0)
        break;
      self->types[n - 1] = TEXTOID;
      if (guard)
        PQclear (PQexec (pg->conn, "ROLLBACK TO SAVEPOINT bel_prepare"));
      PQclear (result);
      result = PQprepare (pg->conn, name, self->sql, self->n_params, self->types);
    }
  if (guard && PQtransactionStatus (pg->conn) == PQTRANS_INTRANS)
    PQclear (PQexec (pg->conn, "RELEASE SAVEPOINT bel_prepare"));
  return result;
}

static const char *
prepared_name (PgStmt  *self,
               GError **error)
{
  PgConn *pg = self->pg;
  g_autofree char *key = signature (self);
  const char *name = g_hash_table_lookup (pg->prepared, key);
  g_autofree char *new_name = NULL;
  PGresult *result;

  if (name != NULL)
    return name;
  new_name = g_strdup_printf ("bel_%u", pg->next_name++);
  result = prepare_typed (self, new_name);
  if (!check_result (pg, result, error, "Could not prepare a query"))
    {
      g_debug ("PostgreSQL could not prepare %s: %s", self->sql, pg->error);
      PQclear (result);
      return NULL;
    }
  PQclear (result);
  g_hash_table_insert (pg->prepared, g_steal_pointer (&key), g_strdup (new_name));
  /* and under the types it was prepared with, when NULL made them text */
  key = signature (self);
  name = new_name;
  g_hash_table_replace (pg->prepared, g_steal_pointer (&key), g_steal_pointer (&new_name));
  return name;
}

static gboolean
execute (PgStmt  *self,
         GError **error)
{
  PgConn *pg = self->pg;
  const char *name = prepared_name (self, error);

  if (name == NULL)
    return FALSE;
  self->result = PQexecPrepared (pg->conn, name, self->n_params,
                                 (const char * const *) self->values, NULL, NULL, 0);
  if (!check_result (pg, self->result, error, "Database statement failed"))
    {
      g_clear_pointer (&self->result, PQclear);
      return FALSE;
    }
  pg->changes = (int) g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
  if (self->returns_id && PQntuples (self->result) > 0)
    pg->last_insert_id = g_ascii_strtoll (PQgetvalue (self->result, PQntuples (self->result) - 1, 0),
                                          NULL, 10);
  return TRUE;
}

static BelStep
pg_step (BelStmt  *stmt,
         GError  **error)
{
  PgStmt *self = PG_STMT (stmt);

  if (self->result == NULL)
    {
      if (!execute (self, error))
        return BEL_STEP_ERROR;
      if (self->returns_id)
        return BEL_STEP_DONE;
    }
  if (self->row + 1 < PQntuples (self->result))
    {
      self->row++;
      return BEL_STEP_ROW;
    }
  self->row = PQntuples (self->result);
  return BEL_STEP_DONE;
}

static void
pg_reset (BelStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

static void
pg_free (BelStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self);
}

static int
pg_param_count (BelStmt *stmt)
{
  return PG_STMT (stmt)->n_params;
}

static int
pg_column_count (BelStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result ? PQnfields (self->result) : 0;
}

static void
set_param (BelStmt *stmt,
           int      index,
           char    *value,
           Oid      type)
{
  PgStmt *self = PG_STMT (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_free (value);    /* as SQLite: a value for a parameter the statement does not have */
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
  /* The first type bound names the prepared statement's; NULL says nothing. */
  if (self->types[index - 1] == 0)
    self->types[index - 1] = type;
}

static void
pg_bind_int64 (BelStmt *stmt,
               int      index,
               gint64   value)
{
  set_param (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
}

static void
pg_bind_double (BelStmt *stmt,
                int      index,
                double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_param (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), FLOAT8OID);
}

static void
pg_bind_null (BelStmt *stmt,
              int      index)
{
  set_param (stmt, index, NULL, 0);
}

static void
pg_bind_text (BelStmt    *stmt,
              int         index,
              const char *value)
{
  set_param (stmt, index, g_strdup (value), TEXTOID);
}

static const char *
value_at (BelStmt *stmt,
          int      column)
{
  PgStmt *self = PG_STMT (stmt);

  if (self->result == NULL || self->row < 0 || self->row >= PQntuples (self->result) ||
      column >= PQnfields (self->result) || PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gboolean
pg_column_is_null (BelStmt *stmt,
                   int      column)
{
  return value_at (stmt, column) == NULL;
}

static gint64
pg_column_int64 (BelStmt *stmt,
                 int      column)
{
  const char *value = value_at (stmt, column);

  if (value == NULL)
    return 0;
  if (value[0] == 't' && value[1] == '\0')
    return 1;
  return g_ascii_strtoll (value, NULL, 10);
}

static double
pg_column_double (BelStmt *stmt,
                  int      column)
{
  const char *value = value_at (stmt, column);

  if (value == NULL)
    return 0;
  if (value[0] == 't' && value[1] == '\0')
    return 1;
  return g_ascii_strtod (value, NULL);
}

static gint64
pg_last_insert_id (gpointer conn)
{
  return ((PgConn *) conn)->last_insert_id;
}

static int
pg_changes (gpointer conn)
{
  return ((PgConn *) conn)->changes;
}

static gboolean
pg_in_transaction (gpointer conn)
{
  return PQtransactionStatus (((PgConn *) conn)->conn) != PQTRANS_IDLE;
}

/* PostgreSQL checks its pages as it reads them; this says the database answers. */
static gboolean
pg_integrity_check (gpointer   conn,
                    GError   **error)
{
  return pg_exec (conn, "SELECT COUNT(*) FROM schema_version", error);
}

static gboolean
pg_checkpoint (gpointer   conn,
               GError   **error)
{
  return TRUE;
}

static gint64
pg_size (gpointer    conn,
         const char *location)
{
  PgConn *pg = conn;
  PGresult *result = PQexec (pg->conn, "SELECT pg_database_size (current_database ())");
  gint64 size = -1;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    size = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return size;
}

const BelStoreDriver bel_store_postgresql_driver = {
  .name = "postgresql",
  .dialect = BEL_DIALECT_POSTGRESQL,
  .migrations = "/app/belonging/sql-pg",
  .prelude = "/app/belonging/sql-pg/compat.sql",
  .open = pg_open,
  .close = pg_close,
  .configure = pg_configure,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .last_error = pg_error,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .in_transaction = pg_in_transaction,
  .begin_sql = "BEGIN; SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")",
  .integrity_check = pg_integrity_check,
  .checkpoint = pg_checkpoint,
  .size = pg_size,
  .notify = pg_notify,
  .listen = pg_listen,
  .unlisten = pg_unlisten,
  .step = pg_step,
  .reset = pg_reset,
  .free = pg_free,
  .param_count = pg_param_count,
  .column_count = pg_column_count,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_null = pg_bind_null,
  .bind_text = pg_bind_text,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = value_at,
};
