package coop.minka.ui.accounts;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import java.util.List;
import java.util.Optional;

/// Everyday entries, each a debit account and a credit account picked from the chart: first by
/// the starter chart's codes, else by type. The treasurer types the amount once.
public enum Template {
    DUES("accounts.template.dues", List.of("1000"), AccountType.ASSET, List.of("4000"), AccountType.INCOME),
    EXPENSE("accounts.template.expense", List.of("5000", "5100"), AccountType.EXPENSE, List.of("1000"), AccountType.ASSET),
    DEPOSIT("accounts.template.deposit", List.of("1100"), AccountType.ASSET, List.of("1000"), AccountType.ASSET),
    LOAN_OUT("accounts.template.loanOut", List.of("1200"), AccountType.ASSET, List.of("1000"), AccountType.ASSET),
    LOAN_REPAYMENT("accounts.template.loanRepayment", List.of("1000"), AccountType.ASSET, List.of("1200"), AccountType.ASSET);

    private final String key;
    private final List<String> debitCodes;
    private final AccountType debitType;
    private final List<String> creditCodes;
    private final AccountType creditType;

    Template(String key, List<String> debitCodes, AccountType debitType, List<String> creditCodes,
             AccountType creditType) {
        this.key = key;
        this.debitCodes = debitCodes;
        this.debitType = debitType;
        this.creditCodes = creditCodes;
        this.creditType = creditType;
    }

    /// The message key of the template's name, also used as the memo.
    public String key() {
        return key;
    }

    Optional<Account> debit(List<Account> chart) {
        return pick(chart, debitCodes, debitType);
    }

    Optional<Account> credit(List<Account> chart) {
        return pick(chart, creditCodes, creditType);
    }

    private static Optional<Account> pick(List<Account> chart, List<String> codes, AccountType type) {
        for (String c : codes) {
            Optional<Account> a = chart.stream().filter(x -> x.code().equals(c) && !x.archived()).findFirst();
            if (a.isPresent()) {
                return a;
            }
        }
        return chart.stream().filter(x -> x.type() == type && !x.archived() && x.memberId() == null).findFirst();
    }
}
