-- Minka schema, version 12: corrections in a savings group's cycle (docs/design-notes.md item 36).

-- `ref`: the entry a `group.void` takes out; `note`: the reason of a void, grant or write-off, the
-- memo of an expense. `held`: the reason an entry is held invalid by the cycle's rules at its own
-- stamp (meeting closed, not the last meeting, beyond the social fund, …), null when it stands;
-- `voided_by`: the valid `group.void` that takes the entry out. Both are worked out again from
-- every entry held whenever a savings-group entry arrives, so they are the same on every laptop.
ALTER TABLE group_entry ADD COLUMN ref TEXT;
ALTER TABLE group_entry ADD COLUMN note TEXT;
ALTER TABLE group_entry ADD COLUMN held TEXT;
ALTER TABLE group_entry ADD COLUMN voided_by TEXT;

-- The projections are rebuilt under the new rules when the file is next opened.
INSERT INTO meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM op)
  AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'rebuild');
