-- compat.sql - the SQLite functions the engines' SQL uses, for PostgreSQL
--
-- belongingd runs this at every start on PostgreSQL, before the migrations,
-- so that one text of SQL serves both databases.  Student attributes are a
-- JSON object in a TEXT column; these read it the way SQLite's JSON1 does.
--
-- SPDX-License-Identifier: GPL-3.0-or-later

-- json_extract(doc, path) -> the value at a SQLite JSON path ('$.key',
-- '$."key"', '$[0].key') as text; NULL if absent
CREATE OR REPLACE FUNCTION json_extract (doc TEXT, path TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (doc::jsonb) #>> (
    SELECT COALESCE (array_agg (COALESCE (t.m[1], t.m[2], t.m[3]) ORDER BY t.n), '{}')
    FROM regexp_matches (substr (path, 2), '\."([^"]*)"|\.([^."\[]+)|\[([0-9]+)\]', 'g')
         WITH ORDINALITY AS t (m, n))
$$;

-- json_each(doc): one row per member of a JSON object, with SQLite's
-- key, value (as text) and type ('text', 'integer', 'real', 'true',
-- 'false', 'null', 'object', 'array')
CREATE OR REPLACE FUNCTION json_each (doc TEXT)
RETURNS TABLE (key TEXT, value TEXT, type TEXT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT e.key, e.value #>> '{}',
         CASE jsonb_typeof (e.value)
           WHEN 'string' THEN 'text'
           WHEN 'number' THEN CASE WHEN e.value::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
           WHEN 'boolean' THEN e.value::text
           ELSE jsonb_typeof (e.value)
         END
  FROM jsonb_each (CASE WHEN jsonb_typeof (doc::jsonb) = 'object' THEN doc::jsonb ELSE '{}'::jsonb END) e
$$;

-- date(day, '+N days'): SQLite's date arithmetic on 'YYYY-MM-DD' text
CREATE OR REPLACE FUNCTION date (day TEXT, modifier TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char (day::date + modifier::interval, 'YYYY-MM-DD')
$$;
