-- Minka schema, version 10: savings groups (docs/design-notes.md item 32).

-- A savings group's constitution for a cycle (`group.cycle`): the cycle in force on a day is the
-- one with the latest start on or before it. Fines as `kind=amount` pairs joined by `,`.
-- A projection: rebuilt from the log, part of the state digest.
CREATE TABLE group_cycle (
  id               TEXT    PRIMARY KEY,
  start            TEXT    NOT NULL,
  share_price      INTEGER NOT NULL,
  min_shares       INTEGER NOT NULL,
  max_shares       INTEGER NOT NULL,
  social_fund      INTEGER NOT NULL,
  loan_multiple_bp INTEGER NOT NULL,
  max_term_months  INTEGER NOT NULL,
  charge_bp        INTEGER NOT NULL,
  method           TEXT    NOT NULL,
  fines            TEXT    NOT NULL,
  replica          TEXT    NOT NULL,
  hlc              INTEGER NOT NULL
) STRICT;

-- Every other savings-group entry, one row each, inserted once: meetings opened and closed,
-- attendance, shares, social fund, fines, loans issued and repaid, share-outs. `tx` is the
-- transaction written with a money entry (the books themselves are in tx/posting).
CREATE TABLE group_entry (
  id        TEXT    PRIMARY KEY,
  type      TEXT    NOT NULL,
  cycle     TEXT,
  meeting   TEXT,
  member    TEXT,
  loan      TEXT,
  date      TEXT,
  kind      TEXT,
  status    TEXT,
  count     INTEGER,
  amount    INTEGER,
  charge    INTEGER,
  principal INTEGER,
  months    INTEGER,
  charge_bp INTEGER,
  method    TEXT,
  counted   INTEGER,
  expected  INTEGER,
  tx        TEXT,
  replica   TEXT    NOT NULL,
  hlc       INTEGER NOT NULL
) STRICT;
CREATE INDEX group_entry_meeting ON group_entry (meeting);
CREATE INDEX group_entry_loan ON group_entry (loan);

-- The projections are rebuilt under the new rules when the file is next opened.
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM op)
  AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'rebuild');
