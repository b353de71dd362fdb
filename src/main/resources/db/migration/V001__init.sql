-- Minka schema, version 1. One source for the runtime migration and for jOOQ code generation.
-- The change log (op, signed_head, fork) is the source of truth; every other table is a
-- projection that can be rebuilt from the ops (DESIGN.md §3-4).

-- Facts about this database file; not replicated.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every op held, kept as the exact canonical bytes that were hashed.
CREATE TABLE op (
  id          INTEGER PRIMARY KEY,
  replica     TEXT    NOT NULL,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  hash        BLOB    NOT NULL UNIQUE,
  prev        BLOB    NOT NULL,
  hlc         INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  entity      TEXT    NOT NULL,
  body        BLOB    NOT NULL,
  received_at INTEGER NOT NULL,
  bundle      TEXT,
  UNIQUE (replica, seq)
) STRICT;
CREATE INDEX op_entity ON op (entity);
-- The few op types read by type (trust and period closes), without indexing every op.
CREATE INDEX op_rare_type ON op (type) WHERE type IN
  ('coop.create', 'replica.join', 'replica.admit', 'replica.revoke', 'period.close');
CREATE TRIGGER op_immutable BEFORE UPDATE ON op
BEGIN SELECT RAISE(ABORT, 'minka: entries in the change log can never be changed'); END;
CREATE TRIGGER op_undeletable BEFORE DELETE ON op
BEGIN SELECT RAISE(ABORT, 'minka: entries in the change log can never be deleted'); END;

-- Signed heads: (coop, replica, seq, hash) signed with the author's Ed25519 key.
CREATE TABLE signed_head (
  replica   TEXT    NOT NULL,
  seq       INTEGER NOT NULL,
  hash      BLOB    NOT NULL,
  signature BLOB    NOT NULL,
  PRIMARY KEY (replica, seq)
) STRICT;
CREATE TRIGGER signed_head_immutable BEFORE UPDATE ON signed_head
BEGIN SELECT RAISE(ABORT, 'minka: signed heads can never be changed'); END;

-- A second, different op with the same (replica, seq): a copied database. Kept, never applied.
CREATE TABLE fork (
  replica     TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  hash        BLOB    NOT NULL UNIQUE,
  body        BLOB    NOT NULL,
  received_at INTEGER NOT NULL,
  bundle      TEXT
) STRICT;

-- ---------------------------------------------------------------- projections

CREATE TABLE cooperative (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  currency   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  languages  TEXT NOT NULL
) STRICT;

CREATE TABLE replica (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  public_key BLOB NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('founder', 'admitted', 'pending', 'revoked')),
  joined_hlc INTEGER NOT NULL
) STRICT;

CREATE TABLE member (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  gender  TEXT NOT NULL CHECK (gender IN ('woman', 'man', 'nonbinary', 'unspecified')),
  joined  TEXT,
  status  TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  contact TEXT,
  notes   TEXT,
  created_hlc INTEGER NOT NULL
) STRICT;
CREATE INDEX member_name ON member (name);

CREATE TABLE work_category (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  rate        INTEGER,
  kind        TEXT NOT NULL CHECK (kind IN ('care', 'community', 'productive', 'governance', 'other')),
  created_hlc INTEGER NOT NULL
) STRICT;
CREATE INDEX work_category_code ON work_category (code);

-- Work entries and transactions are immutable facts; voids live in their own table.
CREATE TABLE work_entry (
  id       TEXT PRIMARY KEY,
  member   TEXT NOT NULL,
  date     TEXT NOT NULL,
  minutes  INTEGER NOT NULL CHECK (minutes > 0),
  category TEXT NOT NULL,
  note     TEXT,
  witness  TEXT,
  work_day TEXT,
  replica  TEXT NOT NULL,
  hlc      INTEGER NOT NULL
) STRICT;
CREATE INDEX work_entry_date ON work_entry (date);
CREATE INDEX work_entry_member ON work_entry (member, date);
CREATE TRIGGER work_entry_immutable BEFORE UPDATE ON work_entry
BEGIN SELECT RAISE(ABORT, 'minka: a recorded work entry can never be changed; void it instead'); END;
CREATE TRIGGER work_entry_undeletable BEFORE DELETE ON work_entry
BEGIN SELECT RAISE(ABORT, 'minka: a recorded work entry can never be deleted; void it instead'); END;

CREATE TABLE account (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
  member      TEXT,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_hlc INTEGER NOT NULL
) STRICT;
CREATE INDEX account_code ON account (code);

CREATE TABLE tx (
  id        TEXT PRIMARY KEY,
  date      TEXT NOT NULL,
  memo      TEXT NOT NULL,
  reference TEXT,
  replica   TEXT NOT NULL,
  hlc       INTEGER NOT NULL
) STRICT;
CREATE INDEX tx_date ON tx (date);
CREATE TRIGGER tx_immutable BEFORE UPDATE ON tx
BEGIN SELECT RAISE(ABORT, 'minka: a posted transaction can never be changed; void it instead'); END;
CREATE TRIGGER tx_undeletable BEFORE DELETE ON tx
BEGIN SELECT RAISE(ABORT, 'minka: a posted transaction can never be deleted; void it instead'); END;

CREATE TABLE posting (
  tx      TEXT    NOT NULL REFERENCES tx (id),
  line    INTEGER NOT NULL,
  account TEXT    NOT NULL,
  amount  INTEGER NOT NULL,
  date    TEXT    NOT NULL,
  PRIMARY KEY (tx, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX posting_account ON posting (account, date);
CREATE TRIGGER posting_immutable BEFORE UPDATE ON posting
BEGIN SELECT RAISE(ABORT, 'minka: postings of a posted transaction can never be changed'); END;
CREATE TRIGGER posting_undeletable BEFORE DELETE ON posting
BEGIN SELECT RAISE(ABORT, 'minka: postings of a posted transaction can never be deleted'); END;

-- A void of a transaction or work entry. The earliest void (by hlc, replica, seq) is kept here;
-- later voids of the same entity stay in the log. A void may arrive before what it voids.
CREATE TABLE void (
  entity  TEXT PRIMARY KEY,
  reason  TEXT NOT NULL,
  replica TEXT NOT NULL,
  hlc     INTEGER NOT NULL,
  seq     INTEGER NOT NULL
) STRICT;

-- Running balance per account over non-voided postings (kept in step by the projector).
CREATE TABLE account_balance (
  account TEXT PRIMARY KEY,
  balance INTEGER NOT NULL
) STRICT;

-- Concurrent edits of one field with different values: the loser stays in the log.
CREATE TABLE conflict (
  entity       TEXT NOT NULL,
  field        TEXT NOT NULL,
  winner_hash  BLOB NOT NULL,
  loser_hash   BLOB NOT NULL,
  winner_value TEXT,
  loser_value  TEXT,
  PRIMARY KEY (entity, field, loser_hash)
) STRICT;
