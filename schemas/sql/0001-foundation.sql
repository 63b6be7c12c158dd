-- 0001-foundation.sql: schools, accounts, memberships, sessions, students,
-- advisories with their membership history, and the audit log.
-- Applied by BelStore in one transaction and recorded in schema_version.
-- Timestamps are RFC 3339 UTC text unless named *_unix (seconds since the epoch).

CREATE TABLE school (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  short_name  TEXT,
  school_year TEXT,                      -- the current school year, e.g. 2026-2027
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE account (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  email         TEXT,
  server_role   TEXT NOT NULL DEFAULT 'none' CHECK (server_role IN ('none', 'admin')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  password_hash TEXT,                    -- argon2id, crypto_pwhash_str format
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE membership (
  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  school_id  INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('teacher', 'counselor', 'leader')),
  title      TEXT,
  PRIMARY KEY (account_id, school_id)
);
CREATE INDEX membership_school ON membership (school_id);

CREATE TABLE session (
  id             INTEGER PRIMARY KEY,
  token_hash     TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the bearer token; the token itself is never stored
  account_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  created_unix   INTEGER NOT NULL,
  expires_unix   INTEGER NOT NULL,
  last_used_unix INTEGER NOT NULL
);
CREATE INDEX session_account ON session (account_id);

CREATE TABLE advisory (
  id         INTEGER PRIMARY KEY,
  school_id  INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  room       TEXT,
  advisor_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
  since_year TEXT,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE student (
  id             INTEGER PRIMARY KEY,
  school_id      INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  sis_id         TEXT NOT NULL,
  given_name     TEXT NOT NULL,
  family_name    TEXT NOT NULL,
  preferred_name TEXT,
  pronouns       TEXT,
  grade          INTEGER NOT NULL CHECK (grade BETWEEN -1 AND 13),
  advisory_id    INTEGER REFERENCES advisory (id) ON DELETE SET NULL,
  home_language  TEXT,
  el_status      TEXT NOT NULL DEFAULT 'none' CHECK (el_status IN ('none', 'current', 'former')),
  iep            INTEGER NOT NULL DEFAULT 0 CHECK (iep IN (0, 1)),
  section_504    INTEGER NOT NULL DEFAULT 0 CHECK (section_504 IN (0, 1)),
  language_plan  INTEGER NOT NULL DEFAULT 0 CHECK (language_plan IN (0, 1)),
  behavior_plan  INTEGER NOT NULL DEFAULT 0 CHECK (behavior_plan IN (0, 1)),
  attributes     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (attributes)),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- Case- and accent-folded copies kept by the engine for search and ordering
  search_text    TEXT NOT NULL DEFAULT '',
  family_key     TEXT NOT NULL DEFAULT '',
  given_key      TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (school_id, sis_id)
);
CREATE INDEX student_order ON student (school_id, active, family_key, given_key, id);
CREATE INDEX student_advisory ON student (advisory_id);

-- Who was in which advisory when; advisories loop across school years.
CREATE TABLE advisory_member (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  school_year TEXT,
  from_date   TEXT NOT NULL,
  to_date     TEXT                       -- NULL while the student is a member
);
CREATE INDEX advisory_member_student ON advisory_member (student_id);
CREATE INDEX advisory_member_advisory ON advisory_member (advisory_id);

CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   INTEGER REFERENCES account (id) ON DELETE SET NULL, -- NULL: belongingctl (system)
  action     TEXT NOT NULL,
  student_id INTEGER REFERENCES student (id) ON DELETE SET NULL,
  detail     TEXT
);
CREATE INDEX audit_student ON audit (student_id);
