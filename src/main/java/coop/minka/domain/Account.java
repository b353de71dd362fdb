package coop.minka.domain;

/// An account of the cooperative's chart. `memberId` is set for member sub-accounts
/// (savings, dues, loans).
public record Account(String id, String code, String name, AccountType type, String memberId, boolean archived) {
}
