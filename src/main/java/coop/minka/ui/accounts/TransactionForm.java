package coop.minka.ui.accounts;

import coop.minka.domain.Account;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Money;
import coop.minka.ui.common.Amounts;
import coop.minka.ui.common.DateField;
import coop.minka.ui.common.I18n;
import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// The new-transaction form: lines of account + debit or credit, with a live difference.
/// It can be saved only when debits equal credits, every amount is readable and every line
/// with an amount has an account.
public final class TransactionForm {
    /// One line of the form.
    public static final class Line {
        private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
        private final StringProperty debit = new SimpleStringProperty("");
        private final StringProperty credit = new SimpleStringProperty("");

        public ObjectProperty<Account> accountProperty() {
            return account;
        }

        public StringProperty debitProperty() {
            return debit;
        }

        public StringProperty creditProperty() {
            return credit;
        }

        boolean used() {
            return !debit.get().isBlank() || !credit.get().isBlank();
        }
    }

    private final Supplier<Currency> currency;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final DateField date;
    private final StringProperty memo = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final ObservableList<Line> lines = FXCollections.observableArrayList(
            l -> new Observable[] {l.accountProperty(), l.debitProperty(), l.creditProperty()});
    private final LongProperty difference = new SimpleLongProperty();
    private final LongProperty totalDebit = new SimpleLongProperty();
    private final ReadOnlyBooleanWrapper amountsReadable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper linesComplete = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;

    private final Supplier<LocalDate> today;

    TransactionForm(Supplier<Currency> currency, I18n i18n, Supplier<LocalDate> today) {
        this.currency = currency;
        this.today = today;
        this.date = new DateField(i18n, true, today.get());
        lines.addListener((ListChangeListener<Line>) c -> recompute());
        valid = Bindings.createBooleanBinding(() -> difference.get() == 0 && totalDebit.get() > 0
                        && amountsReadable.get() && linesComplete.get() && !memo.get().isBlank() && date.valid(),
                difference, totalDebit, amountsReadable, linesComplete, memo, date.valueProperty(), date.errorProperty());
    }

    void start() {
        date.reset(today.get());
        memo.set("");
        reference.set("");
        lines.setAll(new Line(), new Line());
        open.set(true);
    }

    /// Parses one typed amount into minor units; 0 when blank.
    long parse(String typed) {
        if (Amounts.blank(typed)) {
            return 0;
        }
        return Money.parse(Amounts.plain(typed), currency.get());
    }

    private void recompute() {
        long debit = 0;
        long credit = 0;
        boolean readable = true;
        int used = 0;
        boolean complete = true;
        for (Line l : lines) {
            try {
                long d = parse(l.debit.get());
                long c = parse(l.credit.get());
                if (d < 0 || c < 0 || d > 0 && c > 0) {
                    readable = false;
                }
                debit = Math.addExact(debit, d);
                credit = Math.addExact(credit, c);
            } catch (MinkaException | ArithmeticException e) {
                readable = false;
            }
            if (l.used()) {
                used++;
                complete &= l.account.get() != null;
            }
        }
        amountsReadable.set(readable);
        linesComplete.set(complete && used >= 2);
        totalDebit.set(debit);
        difference.set(debit - credit);
    }

    /// Puts the difference on the last line that has no amount yet (or a new line), so that
    /// the transaction balances.
    public void fillDifference() {
        long diff = difference.get();
        if (diff == 0 || !amountsReadable.get()) {
            return;
        }
        Line target = lines.stream().filter(l -> !l.used()).reduce((a, b) -> b).orElse(null);
        if (target == null) {
            target = new Line();
            lines.add(target);
        }
        String plain = Money.format(Math.abs(diff), currency.get());
        if (diff > 0) {
            target.credit.set(plain);
        } else {
            target.debit.set(plain);
        }
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(Line l) {
        if (lines.size() > 2) {
            lines.remove(l);
        }
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date.valueProperty();
    }

    /// The date as typed: errors and warnings, and the picker's converter.
    public DateField date() {
        return date;
    }

    public StringProperty memoProperty() {
        return memo;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /// Debits minus credits, in minor units; must be 0 to save.
    public LongProperty differenceProperty() {
        return difference;
    }

    public LongProperty totalDebitProperty() {
        return totalDebit;
    }

    public ReadOnlyBooleanProperty amountsReadableProperty() {
        return amountsReadable.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }
}
