package coop.minka.domain;

/// An account of the cooperative's chart. `memberId` is set for member sub-accounts
/// (savings, dues, loans). `cash` marks the accounts that hold the cooperative's money (a cash
/// box, a bank account): only an asset account of the cooperative itself can be one.
public record Account(String id, String code, String name, AccountType type, String memberId, boolean archived,
                      boolean cash) {
    public Account(String id, String code, String name, AccountType type, String memberId, boolean archived) {
        this(id, code, name, type, memberId, archived, false);
    }

    /// Whether the account counts as the cooperative's cash and bank: marked so, an asset, not a
    /// member's sub-account, in use.
    public boolean isCashAndBank() {
        return cash && type == AccountType.ASSET && memberId == null && !archived;
    }
}
