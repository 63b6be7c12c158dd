-- 0003-events.sql: live events (server/bel-events.h).
-- An event row is written in the same transaction as the change it reports;
-- seq is monotonic per database (AUTOINCREMENT never reuses a committed seq),
-- so a client that reconnects with ?since=SEQ misses nothing.

CREATE TABLE event (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id       INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  type            TEXT NOT NULL,
  round_id        INTEGER,               -- the map round the event is about, NULL if none
  payload         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (payload)),
  -- Who may see it: admins; members whose role bit (teacher 1, counselor 2,
  -- leader 4) is in visible_roles; and visible_account.
  visible_roles   INTEGER NOT NULL DEFAULT 7,
  visible_account INTEGER,
  created_at      TEXT NOT NULL
);
CREATE INDEX event_school_seq ON event (school_id, seq);
