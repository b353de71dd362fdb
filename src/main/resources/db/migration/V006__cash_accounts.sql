-- Which accounts hold the cooperative's money (cash boxes, bank accounts): set by a flag on the
-- account (account.add / account.update field "cash"), never guessed from its type or code. The
-- pack's cover, Home's "Money" and the cash book all use this one definition. Accounts from
-- before this flag start unmarked; the app asks the treasurer to mark them.
ALTER TABLE account ADD COLUMN cash INTEGER NOT NULL DEFAULT 0;
