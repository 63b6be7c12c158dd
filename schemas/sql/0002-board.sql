-- 0002-board.sql: relationship-map rounds, their marks, the students a closed
-- round saw, and the advocates assigned to students.
-- Applied by BelStore in one transaction and recorded in schema_version.

CREATE TABLE map_round (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  school_year TEXT,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('planned', 'open', 'closed')),
  opened_at   TEXT,
  closed_at   TEXT,
  created_by  INTEGER REFERENCES account (id) ON DELETE SET NULL, -- NULL: belongingctl (system)
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX map_round_school ON map_round (school_id, created_at);
-- At most one open round per school.
CREATE UNIQUE INDEX map_round_one_open ON map_round (school_id) WHERE status = 'open';

-- One row per check: marks are a set, so putting one twice changes nothing.
CREATE TABLE mark (
  round_id   INTEGER NOT NULL REFERENCES map_round (id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('relationship', 'personal', 'concern')),
  placed_by  INTEGER REFERENCES account (id) ON DELETE SET NULL,     -- NULL: belongingctl (system)
  created_at TEXT NOT NULL,
  PRIMARY KEY (round_id, student_id, account_id, kind)
) WITHOUT ROWID;
CREATE INDEX mark_account ON mark (account_id);
CREATE INDEX mark_student ON mark (student_id);

-- The roster a round saw when it closed (grade and advisory as they were then),
-- so that earlier rounds stay readable after students move on.
CREATE TABLE round_student (
  round_id    INTEGER NOT NULL REFERENCES map_round (id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  grade       INTEGER NOT NULL,
  advisory_id INTEGER REFERENCES advisory (id) ON DELETE SET NULL,
  PRIMARY KEY (round_id, student_id)
) WITHOUT ROWID;

CREATE TABLE advocate (
  id           INTEGER PRIMARY KEY,
  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id   INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  round_id     INTEGER REFERENCES map_round (id) ON DELETE SET NULL,
  assigned_by  INTEGER REFERENCES account (id) ON DELETE SET NULL,   -- NULL: belongingctl (system)
  follow_up_on TEXT,                     -- YYYY-MM-DD
  note         TEXT,
  status       TEXT NOT NULL DEFAULT 'assigned'
               CHECK (status IN ('assigned', 'reached_out', 'connected', 'needs_help', 'ended')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
-- One current (not ended) advocacy per student and staff member.
CREATE UNIQUE INDEX advocate_current ON advocate (student_id, account_id) WHERE status <> 'ended';
CREATE INDEX advocate_school ON advocate (school_id, status);
CREATE INDEX advocate_account ON advocate (account_id, status);
