-- Minka schema, version 5: trust rooted in keys and one rule book (docs/design-notes.md 10-18).

-- The replica projection gains the status 'impostor' (an id met with a key that is not its own).
DROP TABLE replica;
CREATE TABLE replica (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  public_key BLOB NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('founder', 'admitted', 'pending', 'revoked', 'impostor')),
  joined_hlc INTEGER NOT NULL,
  -- a revoked laptop's entries up to this number still count (a fork resolved by a person)
  counts_up_to INTEGER
) STRICT;

-- A void takes out only an entity of its own kind: a tx.void a transaction, a work.void a work
-- entry (a void of the wrong kind, refused when typed, changes nothing when imported). The
-- earliest void of each kind is kept.
DROP TABLE void;
CREATE TABLE void (
  entity  TEXT    NOT NULL,
  kind    TEXT    NOT NULL CHECK (kind IN ('tx', 'work')),
  reason  TEXT    NOT NULL,
  replica TEXT    NOT NULL,
  hlc     INTEGER NOT NULL,
  seq     INTEGER NOT NULL,
  PRIMARY KEY (entity, kind)
) STRICT;

-- Entries of counted authors that break the rule book: kept in the log and in their author's
-- chain, never projected. A projection: rebuilt from the log, part of the state digest.
CREATE TABLE invalid_op (
  replica TEXT    NOT NULL,
  seq     INTEGER NOT NULL,
  type    TEXT    NOT NULL,
  entity  TEXT    NOT NULL,
  reason  TEXT    NOT NULL,
  PRIMARY KEY (replica, seq)
) STRICT, WITHOUT ROWID;

-- Verified entries that arrived after a gap in their author's chain: moved into the log when
-- the missing ones arrive and the chain links up. Local bookkeeping, not a projection.
CREATE TABLE pending_op (
  replica     TEXT    NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  hash        BLOB    NOT NULL,
  prev        BLOB    NOT NULL,
  body        BLOB    NOT NULL,
  head_sig    BLOB,
  received_at INTEGER NOT NULL,
  bundle      TEXT,
  PRIMARY KEY (replica, seq)
) STRICT;

-- A cooperative made before ids were derived from keys keeps the founder it had: the author of
-- the earliest creation of the cooperative held now.
INSERT INTO meta (key, value)
SELECT 'founder', replica FROM op
WHERE type = 'coop.create' AND entity = (SELECT value FROM meta WHERE key = 'coop_id')
ORDER BY hlc, replica, seq LIMIT 1;

-- The projections are rebuilt under the new rules when the file is next opened.
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM op);
