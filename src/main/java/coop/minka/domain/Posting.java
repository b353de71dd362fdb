package coop.minka.domain;

/// One line of a transaction: an account and a signed amount in minor units (positive = debit).
public record Posting(String accountId, long amount) {
}
