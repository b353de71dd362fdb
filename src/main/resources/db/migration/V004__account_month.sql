-- Minka schema, version 4: debits and credits of the counted (non-voided) postings per account
-- and calendar month, kept by the projector beside account_balance. A trial balance or any
-- dated total adds up a few hundred of these rows plus the postings of at most two part-months
-- at the edges of the period, instead of every posting (1M postings: milliseconds, not seconds).
CREATE TABLE account_month (
  account TEXT    NOT NULL,
  month   TEXT    NOT NULL, -- 'YYYY-MM'
  debit   INTEGER NOT NULL,
  credit  INTEGER NOT NULL,
  PRIMARY KEY (account, month)
) STRICT, WITHOUT ROWID;

INSERT INTO account_month (account, month, debit, credit)
SELECT account, substr(date, 1, 7), sum(max(amount, 0)), sum(max(-amount, 0))
FROM posting WHERE tx NOT IN (SELECT entity FROM void)
GROUP BY account, substr(date, 1, 7)
HAVING sum(max(amount, 0)) <> 0 OR sum(max(-amount, 0)) <> 0;

-- A running total holds a row only while it is not zero, whatever order the entries came in
-- (a void received before its transaction never makes a row; one received after left a 0).
DELETE FROM account_balance WHERE balance = 0;
