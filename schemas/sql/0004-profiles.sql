-- 0004-profiles.sql: student profiles that build year to year (server/bel-profiles.h).
-- Entries are append-only: the engine never deletes one and changes one only
-- within its author's 24-hour edit window or to mark it superseded by a
-- correction.  Entries carry the school year and the grade they were written
-- in, so a year rollover (grade + 1, new school year) keeps their history.
-- Sensitive sections (wellbeing, family, plans) are never indexed for search.

CREATE TABLE profile_entry (
  id                  INTEGER PRIMARY KEY,
  school_id           INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  student_id          INTEGER NOT NULL REFERENCES student (id) ON DELETE CASCADE,
  section             TEXT NOT NULL CHECK (section IN ('strengths', 'interests_talents',
                        'career_aspirations', 'learning_preferences', 'academics', 'language',
                        'heritage_culture', 'academic_history', 'areas_of_growth', 'wellbeing',
                        'family', 'plans')),
  sensitive           INTEGER NOT NULL CHECK (sensitive =
                        (section IN ('wellbeing', 'family', 'plans'))),
  body                TEXT NOT NULL,
  school_year         TEXT NOT NULL,         -- e.g. 2025-2026
  grade               INTEGER NOT NULL,      -- the student's grade when it was written
  observed_on         TEXT NOT NULL,         -- YYYY-MM-DD the entry is about
  author_id           INTEGER REFERENCES account (id) ON DELETE SET NULL,
  author_name         TEXT NOT NULL,         -- the signature as written
  supersedes_id       INTEGER REFERENCES profile_entry (id),
  superseded_by       INTEGER REFERENCES profile_entry (id),
  -- academics
  grades              TEXT,
  assessments         TEXT,
  attendance_summary  TEXT,
  attendance_rate     REAL CHECK (attendance_rate BETWEEN 0 AND 100), -- percent of enrolled days
  -- language
  home_language       TEXT,
  english_proficiency TEXT,
  biliteracy          TEXT,
  linguistic_assets   TEXT,
  -- plans
  plan_type           TEXT CHECK (plan_type IN ('iep', '504', 'language', 'behavior')),
  starts_on           TEXT,
  ends_on             TEXT,
  summary             TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  created_unix        INTEGER NOT NULL,      -- for the 24-hour edit window
  updated_at          TEXT NOT NULL
);
CREATE INDEX profile_entry_student ON profile_entry (student_id, section, created_at, id);
CREATE INDEX profile_entry_school ON profile_entry (school_id, section);
-- At most one correction per entry.
CREATE UNIQUE INDEX profile_entry_supersedes ON profile_entry (supersedes_id)
  WHERE supersedes_id IS NOT NULL;

-- What an entry is, who wrote it and when never changes; a superseded entry stays superseded.
CREATE TRIGGER profile_entry_fixed BEFORE UPDATE ON profile_entry
WHEN NEW.student_id IS NOT OLD.student_id OR NEW.school_id IS NOT OLD.school_id
  OR NEW.section IS NOT OLD.section OR NEW.author_id IS NOT OLD.author_id
  OR NEW.author_name IS NOT OLD.author_name OR NEW.created_at IS NOT OLD.created_at
  OR NEW.school_year IS NOT OLD.school_year OR NEW.supersedes_id IS NOT OLD.supersedes_id
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
BEGIN
  SELECT RAISE (ABORT, 'profile entries are append-only');
END;

-- Full-text search over non-sensitive entries: an external-content FTS5 index
-- of profile_entry.body, kept in sync by triggers that skip sensitive rows.
CREATE VIRTUAL TABLE profile_fts USING fts5 (
  body,
  content = 'profile_entry',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER profile_fts_insert AFTER INSERT ON profile_entry WHEN NEW.sensitive = 0
BEGIN
  INSERT INTO profile_fts (rowid, body) VALUES (NEW.id, NEW.body);
END;

CREATE TRIGGER profile_fts_update AFTER UPDATE OF body ON profile_entry WHEN NEW.sensitive = 0
BEGIN
  INSERT INTO profile_fts (profile_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
  INSERT INTO profile_fts (rowid, body) VALUES (NEW.id, NEW.body);
END;

CREATE TRIGGER profile_fts_delete AFTER DELETE ON profile_entry WHEN OLD.sensitive = 0
BEGIN
  INSERT INTO profile_fts (profile_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
END;
