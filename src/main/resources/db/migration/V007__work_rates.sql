-- Minka schema, version 6: rates of work from a date on (docs/design-notes.md item 21).

-- The rates of a work category that apply from a date on; `work_category.rate` stays the rate
-- from the beginning (a rate set without a date). Work is valued at the latest rate from its
-- date or before, else at the rate from the beginning. A projection: folded from the category's
-- ops (one field per category and from-date), rebuilt from the log, part of the state digest.
CREATE TABLE work_rate (
  category  TEXT    NOT NULL,
  from_date TEXT    NOT NULL,
  rate      INTEGER NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (category, from_date)
) STRICT, WITHOUT ROWID;

-- The projections are rebuilt under the new rules when the file is next opened.
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM op)
  AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'rebuild');
