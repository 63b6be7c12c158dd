-- 0009-rate-limits.sql (PostgreSQL): failed sign-ins and wrong survey codes, counted in the
-- database so that every belongingd on it (and one restarted) sees the same
-- counts (server/bel-rate-limit.h).  Account names and client addresses are
-- personal data: a row holds only an HMAC-SHA256, under the secret below, of
-- the limit's scope and the key.  Rows are pruned once their window has passed.
-- Applied by BelStore in one transaction and recorded in schema_version.

-- One row, written by the first failure counted (random, from the daemon).
CREATE TABLE rate_limit_secret (
  id     BIGINT PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL
);

CREATE TABLE rate_limit_failure (
  key_hash     TEXT NOT NULL,    -- hex HMAC-SHA256 of "scope\nkey"
  failed_unix  BIGINT NOT NULL,
  expires_unix BIGINT NOT NULL   -- failed_unix + the limit's window: pruned after
);
CREATE INDEX rate_limit_failure_key ON rate_limit_failure (key_hash, failed_unix);
CREATE INDEX rate_limit_failure_expires ON rate_limit_failure (expires_unix);
