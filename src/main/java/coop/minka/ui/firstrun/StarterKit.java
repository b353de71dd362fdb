package coop.minka.ui.firstrun;

import coop.minka.app.LedgerService;
import coop.minka.app.WorkService;
import coop.minka.domain.AccountType;
import coop.minka.domain.WorkKind;
import coop.minka.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;

/// Starter charts of accounts and work categories for the kinds of group Minka serves, named in
/// the user's language. Codes are the same in every kit, so the everyday templates find the
/// cash box (1000), the bank (1100), loans (1200), dues (4000) and expenses (5000).
public final class StarterKit {
    /// The kind of group, which decides the starter chart.
    public enum Kind {
        SAVINGS_GROUP("firstrun.kind.savings", "firstrun.kind.savingsHelp"),
        PRODUCER_COOP("firstrun.kind.producer", "firstrun.kind.producerHelp"),
        WOMENS_GROUP("firstrun.kind.women", "firstrun.kind.womenHelp"),
        EMPTY("firstrun.kind.empty", "firstrun.kind.emptyHelp");

        private final String key;
        private final String helpKey;

        Kind(String key, String helpKey) {
            this.key = key;
            this.helpKey = helpKey;
        }

        public String key() {
            return key;
        }

        public String helpKey() {
            return helpKey;
        }
    }

    record AccountSpec(String code, String key, AccountType type) {
    }

    record CategorySpec(String code, String key, WorkKind kind) {
    }

    private StarterKit() {
    }

    static List<AccountSpec> accounts(Kind kind) {
        if (kind == Kind.EMPTY) {
            return List.of();
        }
        List<AccountSpec> l = new ArrayList<>(List.of(
                new AccountSpec("1000", "starter.account.cash", AccountType.ASSET),
                new AccountSpec("1100", "starter.account.bank", AccountType.ASSET),
                new AccountSpec("1200", "starter.account.loans", AccountType.ASSET),
                new AccountSpec("2000", "starter.account.savings", AccountType.LIABILITY)));
        switch (kind) {
            case SAVINGS_GROUP -> l.addAll(List.of(
                    new AccountSpec("3000", "starter.account.socialFund", AccountType.EQUITY),
                    new AccountSpec("4000", "starter.account.dues", AccountType.INCOME),
                    new AccountSpec("4100", "starter.account.interest", AccountType.INCOME),
                    new AccountSpec("4200", "starter.account.fines", AccountType.INCOME),
                    new AccountSpec("5000", "starter.account.meetingCosts", AccountType.EXPENSE),
                    new AccountSpec("5900", "starter.account.otherExpenses", AccountType.EXPENSE)));
            case PRODUCER_COOP -> l.addAll(List.of(
                    new AccountSpec("1300", "starter.account.stock", AccountType.ASSET),
                    new AccountSpec("2100", "starter.account.suppliers", AccountType.LIABILITY),
                    new AccountSpec("3000", "starter.account.capital", AccountType.EQUITY),
                    new AccountSpec("4000", "starter.account.dues", AccountType.INCOME),
                    new AccountSpec("4100", "starter.account.sales", AccountType.INCOME),
                    new AccountSpec("5000", "starter.account.purchases", AccountType.EXPENSE),
                    new AccountSpec("5100", "starter.account.transport", AccountType.EXPENSE),
                    new AccountSpec("5900", "starter.account.otherExpenses", AccountType.EXPENSE)));
            default -> l.addAll(List.of(
                    new AccountSpec("3000", "starter.account.groupFund", AccountType.EQUITY),
                    new AccountSpec("4000", "starter.account.dues", AccountType.INCOME),
                    new AccountSpec("4100", "starter.account.sales", AccountType.INCOME),
                    new AccountSpec("5000", "starter.account.supplies", AccountType.EXPENSE),
                    new AccountSpec("5900", "starter.account.otherExpenses", AccountType.EXPENSE)));
        }
        return l;
    }

    static List<CategorySpec> categories(Kind kind) {
        return switch (kind) {
            case EMPTY -> List.of();
            case SAVINGS_GROUP -> List.of(
                    new CategorySpec("MEET", "starter.work.meetings", WorkKind.GOVERNANCE),
                    new CategorySpec("COMM", "starter.work.community", WorkKind.COMMUNITY),
                    new CategorySpec("CARE", "starter.work.care", WorkKind.CARE));
            case PRODUCER_COOP -> List.of(
                    new CategorySpec("FIELD", "starter.work.field", WorkKind.PRODUCTIVE),
                    new CategorySpec("PROC", "starter.work.processing", WorkKind.PRODUCTIVE),
                    new CategorySpec("COMM", "starter.work.community", WorkKind.COMMUNITY),
                    new CategorySpec("MEET", "starter.work.meetings", WorkKind.GOVERNANCE));
            case WOMENS_GROUP -> List.of(
                    new CategorySpec("CARE", "starter.work.care", WorkKind.CARE),
                    new CategorySpec("KITCH", "starter.work.kitchen", WorkKind.COMMUNITY),
                    new CategorySpec("COMM", "starter.work.communal", WorkKind.COMMUNITY),
                    new CategorySpec("MEET", "starter.work.meetings", WorkKind.GOVERNANCE));
        };
    }

    /// Adds the kit's accounts and categories to new, empty books.
    public static void apply(Kind kind, LedgerService ledger, WorkService work, I18n i18n) {
        for (AccountSpec a : accounts(kind)) {
            // the cash box and the bank hold the group's money (Home, the cash book, the pack's cover)
            ledger.addAccount(a.code(), i18n.t(a.key()), a.type(), null, a.code().equals("1000") || a.code().equals("1100"));
        }
        for (CategorySpec c : categories(kind)) {
            work.addCategory(c.code(), i18n.t(c.key()), null, c.kind());
        }
    }
}
