package coop.minka.app.demo;

import coop.minka.app.LedgerService;
import coop.minka.app.WorkService;
import coop.minka.domain.AccountType;
import coop.minka.domain.WorkKind;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// Starter charts of accounts and work categories for the kinds of group Minka serves, named in
/// the cooperative's language (`coop/minka/i18n/messages*.properties`, keys `starter.*`), for the
/// desktop app's first run and `minka init --kind` alike. Codes are the same in every kit, so the
/// everyday templates find the cash box (1000), the bank (1100), loans (1200), dues (4000) and
/// expenses (5000).
public final class StarterKit {
    /// The kind of group, which decides the starter chart.
    public enum Kind {
        SAVINGS_GROUP("savings"), PRODUCER_COOP("producer"), WOMENS_GROUP("women"), EMPTY("empty");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /// The word on the command line: `savings`, `producer`, `women` or `empty`.
        public String wire() {
            return wire;
        }

        /// The kind named `s` on the command line; null if there is none.
        public static Kind fromWire(String s) {
            for (Kind k : values()) {
                if (k.wire.equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    /// An account of a kit: its code, the key of its name, its type.
    public record AccountSpec(String code, String key, AccountType type) {
        /// The cash box and the bank hold the group's money (Home, the cash book, the pack's cover).
        public boolean cash() {
            return key.equals("starter.account.cash") || key.equals("starter.account.bank");
        }
    }

    /// A kind of work of a kit: its code, the key of its name, its kind.
    public record CategorySpec(String code, String key, WorkKind kind) {
    }

    private static final String BUNDLE = "coop.minka.i18n.messages";

    private StarterKit() {
    }

    public static List<AccountSpec> accounts(Kind kind) {
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

    public static List<CategorySpec> categories(Kind kind) {
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

    /// Adds the kit's accounts and categories to new, empty books, named in `language`.
    public static void apply(Kind kind, LedgerService ledger, WorkService work, Locale language) {
        for (AccountSpec a : accounts(kind)) {
            ledger.addAccount(a.code(), text(a.key(), language), a.type(), null, a.cash());
        }
        for (CategorySpec c : categories(kind)) {
            work.addCategory(c.code(), text(c.key(), language), null, c.kind());
        }
    }

    /// What `kind` adds, in one sentence in `language` (the command line says it after `init --kind`).
    public static String summary(Kind kind, Locale language) {
        return text("starter.summary", language, accounts(kind).size(), categories(kind).size());
    }

    /// The sentence for a kind of group Minka does not know, in `language`.
    public static String unknownKind(String given, Locale language) {
        return text("starter.unknownKind", language, given);
    }

    /// The language of a cooperative's language list (`es,qu,en`): the first one.
    public static Locale firstLanguage(String languages) {
        String first = languages == null ? "" : languages.split(",")[0].strip();
        return first.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(first);
    }

    /// The text of `key` in `language` (English when Minka does not speak it), `{0}`… filled in.
    static String text(String key, Locale language, Object... args) {
        return new MessageFormat(pattern(key, language), language).format(args);
    }

    /// The pattern of `key` in `language`; the key itself if it is missing.
    static String pattern(String key, Locale language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language.getLanguage().equals("en") ? Locale.ROOT : language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
