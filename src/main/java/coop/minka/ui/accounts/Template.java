package coop.minka.ui.accounts;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/// Everyday entries, each a debit account and a credit account picked from the chart: first by
/// the starter chart's codes, else by what the account is. The treasurer types the amount once.
///
/// What each means, in double entry (a debit grows an asset or an expense, a credit grows
/// income, what is owed and the funds):
/// - dues received: the cash box grows (debit cash), the dues earned grow (credit dues income);
/// - expense paid: the expense grows (debit expense), the cash box shrinks (credit cash);
/// - deposit to the bank: the bank grows (debit bank), the cash box shrinks (credit cash);
/// - loan to a member: what members owe grows (debit loans), the cash box shrinks (credit cash);
/// - loan repayment: the cash box grows (debit cash), what members owe shrinks (credit loans).
public enum Template {
    DUES("accounts.template.dues", Role.CASH, Role.DUES),
    EXPENSE("accounts.template.expense", Role.EXPENSE, Role.CASH),
    DEPOSIT("accounts.template.deposit", Role.BANK, Role.CASH),
    LOAN_OUT("accounts.template.loanOut", Role.LOANS, Role.CASH),
    LOAN_REPAYMENT("accounts.template.loanRepayment", Role.CASH, Role.LOANS);

    /// What an account is for in a template, and how to find it in any chart.
    enum Role {
        /// The cash box: 1000, else the first cash-and-bank account.
        CASH(List.of("1000"), a -> a.isCashAndBank()),
        /// The bank: 1100, else a cash-and-bank account other than the cash box (see [#pick]).
        BANK(List.of("1100"), a -> a.isCashAndBank()),
        /// Loans to members: 1200, else the first asset that is not cash.
        LOANS(List.of("1200"), a -> a.type() == AccountType.ASSET && !a.isCashAndBank()),
        DUES(List.of("4000"), a -> a.type() == AccountType.INCOME),
        EXPENSE(List.of("5000", "5100"), a -> a.type() == AccountType.EXPENSE);

        private final List<String> codes;
        private final Predicate<Account> kind;

        Role(List<String> codes, Predicate<Account> kind) {
            this.codes = codes;
            this.kind = kind;
        }

        Optional<Account> pick(List<Account> chart) {
            for (String c : codes) {
                Optional<Account> a = chart.stream().filter(x -> x.code().equals(c) && !x.archived()).findFirst();
                if (a.isPresent()) {
                    return a;
                }
            }
            // the bank found by kind is never the account the cash box role takes
            Optional<Account> cash = this == BANK ? CASH.pick(chart) : Optional.empty();
            return chart.stream().filter(x -> !x.archived() && x.memberId() == null).filter(kind)
                    .filter(x -> cash.isEmpty() || !cash.get().id().equals(x.id())).findFirst();
        }
    }

    private final String key;
    private final Role debit;
    private final Role credit;

    Template(String key, Role debit, Role credit) {
        this.key = key;
        this.debit = debit;
        this.credit = credit;
    }

    /// The message key of the template's name, also used as the memo.
    public String key() {
        return key;
    }

    /// The account the template debits (first line; the amount is typed in its Debit column).
    Optional<Account> debit(List<Account> chart) {
        return debit.pick(chart);
    }

    /// The account the template credits (second line; the amount appears in its Credit column).
    Optional<Account> credit(List<Account> chart) {
        return credit.pick(chart);
    }
}
