package coop.minka.ui.accounts;

import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.ui.common.Amounts;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// The plain "money came in / money went out" form: an amount, the cash box or bank it came into
/// or went out of, what it was for (the other account), optionally whose it was, a memo and a
/// date. Saved as a balanced transaction of two lines: money in debits the cash account and
/// credits the other; money out credits the cash account and debits the other.
public final class MoneyForm {
    /// Money came in or went out.
    public enum Direction { IN, OUT }

    /// One choice of "what for": an account and the words that say what it is.
    public record Purpose(Account account, String text) {
    }

    private final Supplier<Currency> currency;
    private final I18n i18n;
    private final Supplier<LocalDate> today;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.IN);
    private final StringProperty amount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Account> cash = new SimpleObjectProperty<>();
    private final ObjectProperty<Purpose> purpose = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final StringProperty memo = new SimpleStringProperty("");
    private final DateField date;
    private final ObservableList<Account> cashChoices = FXCollections.observableArrayList();
    private final ObservableList<Purpose> purposeChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper inTheBooks = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private List<Account> chart = List.of();

    MoneyForm(Supplier<Currency> currency, I18n i18n, Supplier<LocalDate> today) {
        this.currency = currency;
        this.i18n = i18n;
        this.today = today;
        this.date = new DateField(i18n, true, today.get(), today);
        direction.addListener((o, a, b) -> refreshPurposes());
        member.addListener((o, a, b) -> refreshPurposes());
        i18n.localeProperty().addListener((o, a, b) -> refreshPurposes()); // the choices' words follow the language
        amount.addListener((o, a, b) -> amountError.set(problem(b)));
        valid = Bindings.createBooleanBinding(() -> minor() > 0 && cash.get() != null && purpose.get() != null
                        && date.valid(), amount, cash, purpose, date.valueProperty(), date.errorProperty());
        Runnable words = this::refreshWords;
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {direction, amount, cash, purpose, member}) {
            o.addListener(x -> words.run());
        }
        cashChoices.addListener((ListChangeListener<Account>) c -> {
            if (cash.get() == null || !cashChoices.contains(cash.get())) {
                cash.set(cashChoices.isEmpty() ? null : cashChoices.getFirst());
            }
        });
    }

    /// The chart changed (or was first loaded): the choices follow it.
    void chart(List<Account> open) {
        chart = List.copyOf(open);
        List<Account> c = open.stream().filter(Account::isCashAndBank).toList();
        if (!cashChoices.equals(c)) {
            cashChoices.setAll(c);
        }
        refreshPurposes();
    }

    /// Opens the form empty, for money in or out.
    void start(Direction d) {
        date.reset(today.get());
        amount.set("");
        memo.set("");
        member.set(null);
        purpose.set(null);
        cash.set(cashChoices.isEmpty() ? null : cashChoices.getFirst());
        direction.set(d);
        refreshPurposes();
        open.set(true);
    }

    /// The other accounts on offer: the member's own accounts first when a member is chosen, then
    /// income (money in) or expenses (money out), then what is owed and the funds, then other
    /// assets (loans…). Never a cash account, never another member's own account.
    private void refreshPurposes() {
        Member m = member.get();
        List<AccountType> order = direction.get() == Direction.IN
                ? List.of(AccountType.INCOME, AccountType.LIABILITY, AccountType.EQUITY, AccountType.ASSET)
                : List.of(AccountType.EXPENSE, AccountType.LIABILITY, AccountType.EQUITY, AccountType.ASSET);
        List<Purpose> out = new ArrayList<>();
        if (m != null) {
            chart.stream().filter(a -> m.id().equals(a.memberId()))
                    .sorted(Comparator.comparing(a -> a.type().ordinal()))
                    .forEach(a -> out.add(new Purpose(a, i18n.t("money.purpose.member", a.name(), m.name()))));
        }
        for (AccountType t : order) {
            chart.stream().filter(a -> a.type() == t && a.memberId() == null && !a.isCashAndBank())
                    .forEach(a -> out.add(new Purpose(a, i18n.t(kindKey(t), a.name()))));
        }
        Purpose was = purpose.get();
        if (!purposeChoices.equals(out)) {
            purposeChoices.setAll(out);
        }
        purpose.set(was == null ? null : out.stream().filter(p -> p.account().id().equals(was.account().id()))
                .findFirst().orElse(null));
        refreshWords();
    }

    /// The words that say what kind of account a choice is.
    private static String kindKey(AccountType t) {
        return switch (t) {
            case INCOME -> "money.purpose.income";
            case EXPENSE -> "money.purpose.expense";
            case LIABILITY -> "money.purpose.liability";
            case EQUITY -> "money.purpose.equity";
            case ASSET -> "money.purpose.asset";
        };
    }

    private String problem(String typed) {
        if (Amounts.blank(typed)) {
            return "";
        }
        try {
            long v = Money.parse(Amounts.plain(typed), currency.get());
            return v > 0 ? "" : i18n.t("money.amountPositive");
        } catch (MinkaException | ArithmeticException e) {
            return i18n.message(e);
        }
    }

    /// The amount in minor units; 0 when blank or unreadable.
    long minor() {
        if (Amounts.blank(amount.get()) || !problem(amount.get()).isEmpty()) {
            return 0;
        }
        return Money.parse(Amounts.plain(amount.get()), currency.get());
    }

    /// What the entry will say in the journal: the memo typed, else the words of "what for".
    String memoOrDefault() {
        if (!memo.get().isBlank()) {
            return memo.get().strip();
        }
        Purpose p = purpose.get();
        Member m = member.get();
        if (p == null) {
            return "";
        }
        return m == null || m.id().equals(p.account().memberId()) ? p.account().name()
                : i18n.t("money.memoMember", p.account().name(), m.name());
    }

    private void refreshWords() {
        Purpose p = purpose.get();
        Account c = cash.get();
        long v = minor();
        if (p == null || c == null || v <= 0) {
            preview.set(i18n.t("money.preview.incomplete"));
            inTheBooks.set("");
            return;
        }
        Member m = member.get();
        boolean in = direction.get() == Direction.IN;
        String what = m == null || m.id().equals(p.account().memberId()) ? p.account().name()
                : i18n.t("money.memoMember", p.account().name(), m.name());
        preview.set(i18n.t(in ? "money.preview.in" : "money.preview.out", i18n.money(v), c.name(), what));
        inTheBooks.set(i18n.t("money.inTheBooks", in ? c.name() : p.account().name(),
                in ? p.account().name() : c.name(), i18n.money(v)));
    }

    /// The two lines to post: account code and signed plain amount (positive = debit).
    List<String[]> lines() {
        String plain = Money.format(minor(), currency.get());
        String minus = Money.format(-minor(), currency.get());
        boolean in = direction.get() == Direction.IN;
        return List.of(new String[] {cash.get().code(), in ? plain : minus},
                new String[] {purpose.get().account().code(), in ? minus : plain});
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /// Empty, or why the amount typed cannot be read.
    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ObjectProperty<Account> cashProperty() {
        return cash;
    }

    public ObjectProperty<Purpose> purposeProperty() {
        return purpose;
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public StringProperty memoProperty() {
        return memo;
    }

    public DateField date() {
        return date;
    }

    public ObservableList<Account> cashChoices() {
        return cashChoices;
    }

    public ObservableList<Purpose> purposeChoices() {
        return purposeChoices;
    }

    /// The entry in plain words ("40.00 came into Cash box from Dues of Ana Quispe").
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /// The same entry in double-entry words, for the treasurer.
    public ReadOnlyStringProperty inTheBooksProperty() {
        return inTheBooks.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
