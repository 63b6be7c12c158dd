-- 0007-checkins.sql: check-ins and their cadence settings, caregiver contacts,
-- observations, concern flags and support plans (server/bel-checkins.h and
-- neighbours).  Check-ins, contacts, observations and plan reviews are
-- append-only records; flags and plans change under If-Match (version).
-- Applied by BelStore in one transaction and recorded in schema_version.

-- A school's checklist, cadence rules, quarters and non-school days, each a
-- JSON array written by the engine with json-glib.  No row: the defaults.
CREATE TABLE checkin_settings (
  school_id       INTEGER PRIMARY KEY REFERENCES school (id) ON DELETE CASCADE,
  checklist       TEXT NOT NULL CHECK (json_valid (checklist)),
  rules           TEXT NOT NULL CHECK (json_valid (rules)),
  quarters        TEXT NOT NULL CHECK (json_valid (quarters)),
  non_school_days TEXT NOT NULL CHECK (json_valid (non_school_days)),
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL
);

CREATE TABLE checkin (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id       INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  account_id       INTEGER REFERENCES account (id) ON DELETE SET NULL, -- NULL: belongingctl (system)
  checked_on       TEXT NOT NULL,                                      -- YYYY-MM-DD
  kind             TEXT NOT NULL CHECK (kind IN ('academic', 'non_academic')),
  answers          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (answers)),
  note             TEXT,
  follow_up_needed INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_needed IN (0, 1)),
  created_at       TEXT NOT NULL
);
CREATE INDEX checkin_student ON checkin (student_id, checked_on);
CREATE INDEX checkin_school ON checkin (school_id, checked_on);
CREATE INDEX checkin_account ON checkin (account_id, checked_on);

CREATE TABLE caregiver_contact (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id       INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  account_id       INTEGER REFERENCES account (id) ON DELETE SET NULL,
  caregiver_name   TEXT NOT NULL,
  relationship     TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('call', 'message', 'conference',
                     'student_led_conference', 'home_visit_in_person', 'home_visit_virtual')),
  language         TEXT,
  interpreter      INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  interpreter_name TEXT,
  good_news        INTEGER NOT NULL DEFAULT 0 CHECK (good_news IN (0, 1)),
  concern          TEXT,
  outcome          TEXT,
  contacted_on     TEXT NOT NULL,                                      -- YYYY-MM-DD
  created_at       TEXT NOT NULL
);
CREATE INDEX caregiver_contact_student ON caregiver_contact (student_id, contacted_on);
CREATE INDEX caregiver_contact_school ON caregiver_contact (school_id, contacted_on);

CREATE TABLE observation (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  account_id  INTEGER REFERENCES account (id) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('strength', 'need', 'concern')),
  body        TEXT NOT NULL,
  observed_on TEXT NOT NULL,                                           -- YYYY-MM-DD
  created_at  TEXT NOT NULL
);
CREATE INDEX observation_student ON observation (student_id, observed_on);
CREATE INDEX observation_school ON observation (school_id, kind, observed_on);

CREATE TABLE concern_flag (
  id             INTEGER PRIMARY KEY,
  school_id      INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id     INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  reason         TEXT NOT NULL,
  observation_id INTEGER REFERENCES observation (id) ON DELETE SET NULL,
  raised_by      INTEGER REFERENCES account (id) ON DELETE SET NULL,
  raised_at      TEXT NOT NULL,
  closed_by      INTEGER REFERENCES account (id) ON DELETE SET NULL,
  closed_at      TEXT,
  resolution     TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  updated_at     TEXT NOT NULL
);
CREATE INDEX concern_flag_student ON concern_flag (student_id, status);
CREATE INDEX concern_flag_school ON concern_flag (school_id, status);

CREATE TABLE support_plan (
  id         INTEGER PRIMARY KEY,
  school_id  INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  flag_id    INTEGER REFERENCES concern_flag (id) ON DELETE SET NULL,
  concern    TEXT NOT NULL,
  tier       INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 3),
  owner_id   INTEGER REFERENCES account (id) ON DELETE SET NULL,
  starts_on  TEXT NOT NULL,                                            -- YYYY-MM-DD
  review_on  TEXT NOT NULL,                                            -- YYYY-MM-DD
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'discontinued')),
  outcome    TEXT,
  created_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX support_plan_student ON support_plan (student_id, status);
CREATE INDEX support_plan_school ON support_plan (school_id, status, review_on);

CREATE TABLE support_plan_contributor (
  plan_id    INTEGER NOT NULL REFERENCES support_plan (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  PRIMARY KEY (plan_id, account_id)
) WITHOUT ROWID;
CREATE INDEX support_plan_contributor_account ON support_plan_contributor (account_id);

CREATE TABLE support_plan_action (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES support_plan (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner_id    INTEGER REFERENCES account (id) ON DELETE SET NULL,
  due_on      TEXT NOT NULL,                                           -- YYYY-MM-DD
  done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
);
CREATE INDEX support_plan_action_plan ON support_plan_action (plan_id, position);
CREATE INDEX support_plan_action_owner ON support_plan_action (owner_id, due_on);

-- Reviews are dated entries; they are never changed or removed.
CREATE TABLE support_plan_review (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES support_plan (id) ON DELETE CASCADE,
  reviewed_on    TEXT NOT NULL,                                        -- YYYY-MM-DD
  note           TEXT NOT NULL,
  next_review_on TEXT,
  author_id      INTEGER REFERENCES account (id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX support_plan_review_plan ON support_plan_review (plan_id, reviewed_on);
