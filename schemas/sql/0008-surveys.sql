-- 0008-surveys.sql: student belonging surveys (server/bel-surveys.h and
-- docs/surveys.md): surveys with their items and target, survey windows,
-- one-time codes (stored only as keyed hashes), responses and the school's
-- survey settings.
-- Applied by BelStore in one transaction and recorded in schema_version.

-- No row: the defaults (10 respondents, leaders do not see teachers' class results).
CREATE TABLE survey_settings (
  school_id                   INTEGER PRIMARY KEY REFERENCES school (id) ON DELETE CASCADE,
  min_respondents             INTEGER NOT NULL DEFAULT 10 CHECK (min_respondents BETWEEN 3 AND 100),
  leaders_see_teacher_results INTEGER NOT NULL DEFAULT 0 CHECK (leaders_see_teacher_results IN (0, 1)),
  version                     INTEGER NOT NULL DEFAULT 1,
  updated_at                  TEXT NOT NULL
);

CREATE TABLE survey (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  mode        TEXT NOT NULL DEFAULT 'confidential' CHECK (mode IN ('anonymous', 'confidential')),
  -- [{"grade": 9}, {"advisory_id": 3}, ...]; [] = the whole school
  targets     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (targets)),
  created_by  INTEGER REFERENCES account (id) ON DELETE SET NULL, -- NULL: belongingctl (system)
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX survey_school ON survey (school_id, created_at);

CREATE TABLE survey_item (
  id           INTEGER PRIMARY KEY,
  survey_id    INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  key          TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'likert' CHECK (kind IN ('likert', 'adults')),
  text         TEXT NOT NULL,
  translations TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (translations)), -- language -> text
  UNIQUE (survey_id, key)
);
CREATE INDEX survey_item_survey ON survey_item (survey_id, position);

CREATE TABLE survey_window (
  id         INTEGER PRIMARY KEY,
  survey_id  INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  opens_on   TEXT NOT NULL,                -- YYYY-MM-DD, the plan printed on slips
  closes_on  TEXT NOT NULL,                -- YYYY-MM-DD, no answers after this day
  status     TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'open', 'closed')),
  code_key   TEXT NOT NULL,                -- hex HMAC key of this window's code hashes
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX survey_window_survey ON survey_window (survey_id, opens_on);

-- One code per student and window.  Only HMAC-SHA256(code_key, code) is kept;
-- `used` has no time, so a used code cannot be matched to a response by when.
CREATE TABLE survey_code (
  window_id  INTEGER NOT NULL REFERENCES survey_window (id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL UNIQUE,
  used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
  issued_at  TEXT NOT NULL,
  PRIMARY KEY (window_id, student_id)
) WITHOUT ROWID;

-- A response keeps the student's grade and advisory as they were; a
-- confidential survey also keeps the student (for subgroup results only:
-- no endpoint returns one student's answers), an anonymous one never does.
CREATE TABLE survey_response (
  id           INTEGER PRIMARY KEY,
  window_id    INTEGER NOT NULL REFERENCES survey_window (id) ON DELETE CASCADE,
  student_id   INTEGER REFERENCES student (id) ON DELETE SET NULL,
  grade        INTEGER,
  advisory_id  INTEGER REFERENCES advisory (id) ON DELETE SET NULL,
  submitted_on TEXT NOT NULL                -- YYYY-MM-DD only
);
CREATE INDEX survey_response_window ON survey_response (window_id);

CREATE TABLE survey_answer (
  response_id INTEGER NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES survey_item (id) ON DELETE CASCADE,
  value       INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
  PRIMARY KEY (response_id, item_id)
) WITHOUT ROWID;

-- The adults a student named on an "adults" item.
CREATE TABLE survey_named_adult (
  response_id INTEGER NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES survey_item (id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  PRIMARY KEY (response_id, item_id, account_id)
) WITHOUT ROWID;

-- Answers cannot be changed afterwards, not even by mistake.
CREATE TRIGGER survey_answer_immutable BEFORE UPDATE ON survey_answer
BEGIN SELECT RAISE (ABORT, 'survey answers cannot be changed'); END;
CREATE TRIGGER survey_response_immutable BEFORE UPDATE OF window_id, student_id, grade, advisory_id
  ON survey_response
BEGIN SELECT RAISE (ABORT, 'survey responses cannot be changed'); END;
