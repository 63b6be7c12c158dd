#!/usr/bin/python3
"""The SQLite and PostgreSQL schemas have the same tables, columns, indexes and triggers.

    schema-parity.py BELONGINGCTL SCHEMAS_PG_DIR PG_CLUSTER

SQLite: the database belongingctl creates (every migration of schemas/sql), read with sqlite3.
PostgreSQL: schemas/pg/NNNN-*.sql applied in order with `psql -v ON_ERROR_STOP=1` to a fresh
database, read from information_schema and pg_catalog, on the cluster named by
$BEL_TEST_POSTGRESQL (an admin URL) or else on a throwaway one started with tools/pg-cluster.
A migration added to one schema and not to the other fails this test; so does a column whose
type, NOT NULL or default differs. Exit 77 (skipped) when PostgreSQL 15 is not installed.
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

# SQLite's declared types and what schemas/pg turns them into.
TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text"}
# FTS5's virtual table and its shadow tables and triggers are a GIN index in PostgreSQL.
SQLITE_ONLY = re.compile(r"^(sqlite_|profile_fts)")
PG_ONLY = {"profile_entry_search"}
# Created by BelStore itself before any migration, not by schemas/pg.
NOT_A_MIGRATION = {"schema_version"}


def fail(message):
    print(f"schema-parity: {message}", file=sys.stderr)
    sys.exit(1)


def sqlite_default(value):
    return None if value is None else value.strip("()")


def pg_default(value):
    return None if value is None else re.sub(r"::[a-z ]+$", "", value)


def sqlite_schema(ctl, workdir):
    path = os.path.join(workdir, "belonging.db")
    subprocess.run([ctl, "--database", path, "school", "add", "Parity"], check=True,
                   stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    objects = {"table": set(), "index": set(), "trigger": set()}
    for kind, name in db.execute("SELECT type, name FROM sqlite_schema WHERE type IN "
                                 "('table', 'index', 'trigger') AND sql IS NOT NULL"):
        if not SQLITE_ONLY.match(name) and name not in NOT_A_MIGRATION:
            objects[kind].add(name)
    columns = {}
    for table in objects["table"]:
        for _, name, decl, notnull, default, pk in db.execute(f"PRAGMA table_info ({table})"):
            columns[(table, name)] = (TYPES.get(decl, decl), bool(notnull or pk), sqlite_default(default))
    db.close()
    return objects, columns


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


def psql(url, *args):
    return subprocess.run(["psql", "--no-psqlrc", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1",
                           "-d", url, *args], check=True, capture_output=True, text=True).stdout


def pg_schema(admin_url, pg_dir):
    name = f"bel_parity_{os.getpid()}"
    url = with_database(admin_url, name)
    psql(admin_url, "-c", f"CREATE DATABASE {name}")
    try:
        for migration in sorted(f for f in os.listdir(pg_dir) if re.match(r"^\d{4}-.*\.sql$", f)):
            try:
                psql(url, "--single-transaction", "-f", os.path.join(pg_dir, migration))
            except subprocess.CalledProcessError as e:
                fail(f"{migration} does not apply: {e.stderr.strip()}")
        query = {
            "table": "SELECT table_name FROM information_schema.tables "
                     "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            # Indexes that back a PRIMARY KEY or UNIQUE constraint are SQLite's autoindexes.
            "index": "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                     "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' "
                     "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            "trigger": "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                       "WHERE trigger_schema = 'public'",
        }
        objects = {kind: set(psql(url, "-c", sql).split()) - PG_ONLY for kind, sql in query.items()}
        columns = {}
        for line in psql(url, "-c", "SELECT table_name, column_name, data_type, is_nullable, "
                         "COALESCE(column_default, '') FROM information_schema.columns "
                         "WHERE table_schema = 'public'").splitlines():
            table, column, data_type, nullable, default = line.split("|", 4)
            columns[(table, column)] = (data_type, nullable == "NO", pg_default(default or None))
        return objects, columns
    finally:
        psql(admin_url, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def compare(what, sqlite_side, pg_side):
    problems = [f"{what} {name} is only in schemas/sql" for name in sorted(sqlite_side - pg_side)]
    problems += [f"{what} {name} is only in schemas/pg" for name in sorted(pg_side - sqlite_side)]
    return problems


def main():
    ctl, pg_dir, pg_cluster = sys.argv[1:4]
    if not os.path.exists("/usr/lib/postgresql/15/bin/pg_ctl"):
        print("schema-parity: PostgreSQL 15 is not installed; skipped")
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix="bel-parity-") as workdir:
        lite_objects, lite_columns = sqlite_schema(ctl, workdir)
        admin_url = os.environ.get("BEL_TEST_POSTGRESQL")
        cluster = None
        if not admin_url:
            # Its own directory: pg-cluster gives it to the postgres user.
            cluster = tempfile.mkdtemp(prefix="bel-parity-pg-")
            admin_url = subprocess.run([pg_cluster, "start", cluster, "5432"], check=True,
                                       capture_output=True, text=True).stdout.strip()
        try:
            pg_objects, pg_columns = pg_schema(admin_url, pg_dir)
        finally:
            if cluster:
                subprocess.run([pg_cluster, "stop", cluster], check=True)
    problems = []
    for kind in ("table", "index", "trigger"):
        problems += compare(kind, lite_objects[kind], pg_objects[kind])
    problems += compare("column", set(lite_columns), set(pg_columns))
    for key in sorted(set(lite_columns) & set(pg_columns)):
        if lite_columns[key] != pg_columns[key]:
            problems.append("column {}.{}: SQLite (type, NOT NULL, default) {} but PostgreSQL {}".format(
                *key, lite_columns[key], pg_columns[key]))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"{len(lite_objects['table'])} tables, {len(lite_columns)} columns, "
          f"{len(lite_objects['index'])} indexes and {len(lite_objects['trigger'])} triggers match")


if __name__ == "__main__":
    main()
