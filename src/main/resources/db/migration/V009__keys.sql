-- Sync files that are safe to lose (design-notes item 28): whether the cooperative encrypts its
-- sync files, and the public half of its recovery key (an age X25519 recipient, `age1…`).
-- Both are folded from `coop.create` / `coop.update` like the cooperative's other fields;
-- no entry held before this version carries them, so nothing needs to be rebuilt.
ALTER TABLE cooperative ADD COLUMN encryption INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cooperative ADD COLUMN recovery TEXT;
