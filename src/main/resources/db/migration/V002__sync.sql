-- Minka schema, version 2: local bookkeeping for sync bundles (DESIGN.md §5). None of these
-- tables is a projection: they record what this laptop has seen of the other laptops and
-- which entries it flagged for a person to review. They are never part of the state digest.

-- What each other laptop is known to hold: the highest entry number per author, from the
-- version vectors of the bundles received from it (merged by maximum: a laptop never loses
-- entries; a restored copy gets a new identity).
CREATE TABLE peer_vv (
  peer   TEXT    NOT NULL,
  author TEXT    NOT NULL,
  seq    INTEGER NOT NULL CHECK (seq >= 0),
  PRIMARY KEY (peer, author)
) STRICT, WITHOUT ROWID;

-- Every bundle imported: its SHA-256, where its copy is archived, who sent it.
CREATE TABLE received_bundle (
  id          INTEGER PRIMARY KEY,
  sha256      BLOB    NOT NULL,
  file_name   TEXT    NOT NULL,
  archive     TEXT,
  sender      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  new_ops     INTEGER NOT NULL
) STRICT;
CREATE INDEX received_bundle_sha256 ON received_bundle (sha256);
CREATE INDEX received_bundle_sender ON received_bundle (sender, received_at);

-- Entries flagged on import for a person to review: 'late' = dated in a period that was
-- already closed here when it arrived; 'far_ahead' = stamped by a clock far ahead of ours.
CREATE TABLE sync_flag (
  kind        TEXT    NOT NULL CHECK (kind IN ('late', 'far_ahead')),
  replica     TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  bundle      TEXT,
  PRIMARY KEY (kind, replica, seq)
) STRICT, WITHOUT ROWID;
