-- 0005-roster.sql: what the student information system's roster (OneRoster)
-- adds: the roster ids of schools and staff accounts, classes, and who is
-- enrolled in them.  An active teacher enrollment in a class with an active
-- student enrollment is the "teaching link" between an adult and a student.
-- Nothing here is ever deleted by an import: what leaves the roster becomes
-- inactive, so history survives.

ALTER TABLE school ADD COLUMN sis_id TEXT;
CREATE UNIQUE INDEX school_sis_id ON school (sis_id) WHERE sis_id IS NOT NULL;

ALTER TABLE account ADD COLUMN sis_id TEXT;
CREATE UNIQUE INDEX account_sis_id ON account (sis_id) WHERE sis_id IS NOT NULL;

CREATE TABLE class (
  id           INTEGER PRIMARY KEY,
  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  sis_id       TEXT NOT NULL,
  title        TEXT NOT NULL,
  class_code   TEXT,
  course_title TEXT,
  periods      TEXT,
  school_year  TEXT,                       -- e.g. 2026-2027, from the class's terms
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (school_id, sis_id)
);

CREATE TABLE enrollment (
  id          INTEGER PRIMARY KEY,
  class_id    INTEGER NOT NULL REFERENCES class (id) ON DELETE CASCADE,
  sis_id      TEXT NOT NULL,
  student_id  INTEGER REFERENCES student (id) ON DELETE CASCADE,
  account_id  INTEGER REFERENCES account (id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('student', 'teacher', 'aide', 'administrator')),
  is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  begin_date  TEXT,
  end_date    TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((student_id IS NULL) <> (account_id IS NULL)),
  CHECK ((role = 'student') = (student_id IS NOT NULL)),
  UNIQUE (class_id, sis_id)
);
CREATE INDEX enrollment_student ON enrollment (student_id, active);
CREATE INDEX enrollment_account ON enrollment (account_id, active);
