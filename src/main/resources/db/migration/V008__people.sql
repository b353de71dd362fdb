-- Minka schema, version 8: people and roles (docs/design-notes.md items 26 and 27).

-- The people who use Minka: folded from the person ops in stamp order, each judged against the
-- people before it (design notes 26). A projection: rebuilt from the log, part of the state
-- digest. `roles` are wire names, sorted, comma-separated; `pin_hash` is the slow salted hash of
-- the PIN (design notes 27), never the PIN.
CREATE TABLE person (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  roles    TEXT NOT NULL,
  member   TEXT,
  pin_hash TEXT NOT NULL
) STRICT;

-- Wrong PINs typed on this laptop, per person: after three, a growing wait. Local bookkeeping
-- (never synced, not a projection): each laptop limits the guesses typed at it.
CREATE TABLE pin_failure (
  person      TEXT PRIMARY KEY,
  failures    INTEGER NOT NULL CHECK (failures >= 0),
  wait_until  INTEGER NOT NULL
) STRICT;

-- The person ops are read by type, without indexing every op.
CREATE INDEX op_person_type ON op (type) WHERE type IN ('person.add', 'person.update', 'person.pin');

-- The projections are rebuilt under the new rules when the file is next opened.
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM op)
  AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'rebuild');
