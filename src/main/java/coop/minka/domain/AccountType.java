package coop.minka.domain;

/// The five account types of double-entry books. Asset and expense balances are normally
/// positive (debit), the others normally negative (credit) in Minka's signed postings.
public enum AccountType {
    ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }

    public static AccountType fromWire(String s) {
        return Choices.parse(AccountType.class, s);
    }
}
