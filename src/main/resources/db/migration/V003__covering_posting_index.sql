-- Reports add up postings by account and date. With the amount in the index, SQLite reads the
-- index alone, already in account order: no lookups in the table and no sorting.
DROP INDEX posting_account;
CREATE INDEX posting_account ON posting (account, date, amount);
