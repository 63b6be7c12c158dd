-- 0006-goals.sql: growth goals (server/bel-goals.h, docs/goals.md): a school's
-- growth metrics, each student's long-term goals on them with dated
-- benchmarks, and the measurements that show progress.
-- A measurement is a fact about a student on a metric (an assessment score),
-- so a revised goal keeps seeing the measurements made under the goal it
-- replaced.  Goals are never deleted: a revision closes the old goal
-- (status 'revised') and the new one names it in revised_from.
-- Applied by BelStore in one transaction and recorded in schema_version.

CREATE TABLE growth_metric (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  unit        TEXT NOT NULL,
  scale_min   REAL NOT NULL,
  scale_max   REAL NOT NULL CHECK (scale_max > scale_min),
  direction   TEXT NOT NULL CHECK (direction IN ('higher', 'lower')), -- which is better
  description TEXT,
  language    TEXT,                      -- the assessment's language, e.g. Spanish; NULL: the school's
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE goal (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id       INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  metric_id        INTEGER NOT NULL REFERENCES growth_metric (id),
  baseline_value   REAL NOT NULL,
  baseline_date    TEXT NOT NULL,        -- YYYY-MM-DD
  target_value     REAL NOT NULL,
  target_date      TEXT NOT NULL CHECK (target_date > baseline_date),
  set_with_student INTEGER NOT NULL DEFAULT 0 CHECK (set_with_student IN (0, 1)),
  set_with_family  INTEGER NOT NULL DEFAULT 0 CHECK (set_with_family IN (0, 1)),
  rationale        TEXT,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'met', 'missed', 'revised')),
  revised_from     INTEGER REFERENCES goal (id),
  created_by       INTEGER REFERENCES account (id) ON DELETE SET NULL, -- NULL: belongingctl (system)
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX goal_student ON goal (student_id, metric_id, status);
CREATE INDEX goal_school ON goal (school_id, status);
-- A goal is revised at most once (the revision may itself be revised).
CREATE UNIQUE INDEX goal_revised_from ON goal (revised_from) WHERE revised_from IS NOT NULL;

CREATE TABLE benchmark (
  id             INTEGER PRIMARY KEY,
  goal_id        INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  due_on         TEXT NOT NULL,          -- YYYY-MM-DD
  target_value   REAL NOT NULL,
  met_at         TEXT,                   -- RFC 3339: when the meeting measurement was recorded
  met_on         TEXT,                   -- the date of that measurement
  measurement_id INTEGER,                -- the measurement that met it (REFERENCES measurement)
  met_value      REAL
);
CREATE INDEX benchmark_goal ON benchmark (goal_id, due_on);
CREATE INDEX benchmark_met ON benchmark (met_on) WHERE met_on IS NOT NULL;
-- Met exactly once: once met, a benchmark stays met by the same measurement
-- (only the demo generator backdates met_at to the measurement's day).
CREATE TRIGGER benchmark_met_once BEFORE UPDATE ON benchmark
WHEN OLD.met_at IS NOT NULL AND (NEW.met_at IS NULL OR NEW.met_on IS NOT OLD.met_on
  OR NEW.measurement_id IS NOT OLD.measurement_id OR NEW.met_value IS NOT OLD.met_value
  OR NEW.target_value IS NOT OLD.target_value OR NEW.due_on IS NOT OLD.due_on
  OR NEW.goal_id IS NOT OLD.goal_id)
BEGIN
  SELECT RAISE (ABORT, 'a met benchmark does not change');
END;

CREATE TABLE measurement (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  metric_id   INTEGER NOT NULL REFERENCES growth_metric (id),
  goal_id     INTEGER REFERENCES goal (id),   -- the goal it was entered for
  measured_on TEXT NOT NULL,             -- YYYY-MM-DD
  value       REAL NOT NULL,
  source      TEXT,                      -- the assessment's name
  author_id   INTEGER REFERENCES account (id) ON DELETE SET NULL,  -- NULL: belongingctl (system)
  author_name TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX measurement_student ON measurement (student_id, metric_id, measured_on, id);
