package coop.minka.ui.accounts;

import coop.minka.app.LedgerService;
import coop.minka.app.MemberService;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.StatementService;
import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import coop.minka.domain.MemberStatus;
import coop.minka.domain.Money;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.ui.common.ScreenModel;
import coop.minka.ui.common.UiContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The books: chart of accounts with balances, the journal, the new-transaction form with
/// templates, new accounts, voids.
public final class AccountsViewModel extends ScreenModel {
    /// An account and its balance in its natural sign (a full cash box is positive, and so are
    /// members' savings the cooperative owes).
    public record AccountRow(Account account, long balance) {
    }

    /// A transaction with its total and the names of its accounts. `balance` is the running
    /// balance of the account the journal is filtered by after this transaction, on the
    /// account's natural side; null when the journal shows all accounts, or for a voided one.
    public record JournalRow(Transaction tx, long amount, String accounts, Long balance) {
        public JournalRow(Transaction tx, long amount, String accounts) {
            this(tx, amount, accounts, null);
        }
    }

    /// One line of a transaction, for the details under the journal.
    public record PostingRow(String account, long debit, long credit) {
    }

    private record Loaded(List<LedgerService.AccountBalance> accounts, List<Transaction> journal, long total,
                          List<Member> members, Map<String, Long> balances) {
    }

    private final LedgerService ledger;
    private final MemberService members;
    private final StatementService statements;
    private final TransactionForm txForm;
    private final MoneyForm moneyForm;
    private final AccountForm accountForm = new AccountForm();
    private final ObservableList<AccountRow> chart = FXCollections.observableArrayList();
    private final ObservableList<Account> choices = FXCollections.observableArrayList();
    private final ObservableList<JournalRow> journal = FXCollections.observableArrayList();
    private final ObservableList<PostingRow> details = FXCollections.observableArrayList();
    private final ObservableList<Member> memberChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Account> accountFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<JournalRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showVoided = new SimpleBooleanProperty(true);
    /// The journal shows the latest transactions, a page more at each "Show older": a
    /// federation's books hold hundreds of thousands, which would take seconds and most of
    /// an old laptop's memory to load whole.
    static final int PAGE = 500;
    private int page = PAGE;
    private final javafx.beans.property.IntegerProperty shown = new javafx.beans.property.SimpleIntegerProperty(PAGE);
    private final javafx.beans.property.LongProperty total = new javafx.beans.property.SimpleLongProperty();
    private final BooleanBinding canSaveTransaction;
    private final BooleanBinding canSaveAccount;
    private final BooleanBinding canVoid;
    private Map<String, Account> byId = Map.of();
    private Map<AccountType, Long> typeTotals = Map.of();

    private final BooleanBinding canSaveMoney;

    public AccountsViewModel(UiContext ui, LedgerService ledger, MemberService members, StatementService statements) {
        super(ui);
        this.ledger = ledger;
        this.members = members;
        this.statements = statements;
        this.txForm = new TransactionForm(() -> ui.i18n().currencyProperty().get(), ui.i18n(), ui::today);
        this.moneyForm = new MoneyForm(() -> ui.i18n().currencyProperty().get(), ui.i18n(), ui::today);
        canSaveTransaction = txForm.validBinding().and(ui.async().busyProperty().not());
        canSaveMoney = moneyForm.validBinding().and(ui.async().busyProperty().not());
        canSaveAccount = accountForm.validBinding().and(ui.async().busyProperty().not());
        canVoid = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().tx().voided(), selected);
        accountFilter.addListener((o, a, b) -> {
            shown.set(page);
            reloadNow();
        });
        showVoided.addListener((o, a, b) -> {
            shown.set(page);
            reloadNow();
        });
        selected.addListener((o, a, b) -> showDetails(b));
        accountForm.codeProperty().addListener((o, a, b) -> accountForm.codeErrorProperty().set(
                accountForm.editingProperty().get() == null && chart.stream().anyMatch(r -> r.account().code().equals(b.strip()))
                        ? ui.i18n().t("accounts.form.codeTaken", b.strip()) : ""));
    }

    @Override
    protected void reload() {
        Account filter = accountFilter.get();
        boolean voided = showVoided.get();
        int limit = shown.get();
        ui.async().run(() -> {
            var page = ledger.latestTransactions(filter == null ? null : filter.code(), voided, limit);
            Map<String, Long> balances = filter == null ? Map.of() : register(filter, page.latest());
            return new Loaded(ledger.accounts(), page.latest(), page.total(), members.list(), balances);
        }, this::show);
    }

    /// The account's running balance after each transaction of the page, by transaction id: the
    /// account's book (the cash book of [StatementService]) over the page's dates, so the
    /// balance before them is the book's opening and older entries shown later agree with it.
    private Map<String, Long> register(Account account, List<Transaction> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        LocalDate from = page.stream().map(Transaction::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = page.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
        Map<String, Long> out = new java.util.HashMap<>();
        for (StatementService.BookLine l : statements.cashBooks(List.of(account.code()), from, to)
                .getFirst().lines()) {
            out.put(l.txId(), l.balance());
        }
        return out;
    }

    private void show(Loaded l) {
        byId = l.accounts().stream().map(LedgerService.AccountBalance::account)
                .collect(Collectors.toMap(Account::id, Function.identity()));
        List<LedgerService.AccountBalance> rows = l.accounts();
        typeTotals = ReportService.totalsByTypeOf(rows).stream()
                .collect(Collectors.toMap(ReportService.TypeTotal::type, ReportService.TypeTotal::total));
        chart.setAll(rows.stream().map(r -> new AccountRow(r.account(),
                ReportService.natural(r.account().type(), r.balance()))).toList());
        List<Account> open = l.accounts().stream().map(LedgerService.AccountBalance::account)
                .filter(a -> !a.archived()).toList();
        if (!choices.equals(open)) {
            choices.setAll(open);
        }
        moneyForm.chart(open);
        memberChoices.setAll(l.members().stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList());
        String keep = selected.get() == null ? null : selected.get().tx().id();
        journal.setAll(l.journal().stream().map(t -> row(t, l.balances())).toList());
        total.set(l.total());
        selected.set(journal.stream().filter(r -> r.tx().id().equals(keep)).findFirst().orElse(null));
    }

    private JournalRow row(Transaction t, Map<String, Long> balances) {
        long amount = t.postings().stream().mapToLong(Posting::amount).filter(a -> a > 0).sum();
        String names = t.postings().stream().map(p -> name(p.accountId())).distinct().collect(Collectors.joining(", "));
        return new JournalRow(t, amount, names, t.voided() ? null : balances.get(t.id()));
    }

    private String name(String accountId) {
        Account a = byId.get(accountId);
        return a == null ? ui.i18n().t("common.notYetReceived") : a.name();
    }

    private void showDetails(JournalRow r) {
        if (r == null) {
            details.clear();
            return;
        }
        List<PostingRow> rows = new ArrayList<>();
        for (Posting p : r.tx().postings()) {
            rows.add(new PostingRow(name(p.accountId()), Math.max(p.amount(), 0), Math.max(-p.amount(), 0)));
        }
        details.setAll(rows);
    }

    // ---------------------------------------------------------------- commands

    public void newTransaction() {
        accountForm.openProperty().set(false);
        moneyForm.openProperty().set(false);
        txForm.start();
    }

    /// Opens the plain form for money that came in.
    public void moneyIn() {
        startMoney(MoneyForm.Direction.IN);
    }

    /// Opens the plain form for money that went out.
    public void moneyOut() {
        startMoney(MoneyForm.Direction.OUT);
    }

    private void startMoney(MoneyForm.Direction d) {
        accountForm.openProperty().set(false);
        txForm.openProperty().set(false);
        moneyForm.chart(List.copyOf(choices));
        moneyForm.start(d);
    }

    public void cancelMoney() {
        moneyForm.openProperty().set(false);
    }

    /// Posts the money form: two lines, the cash account debited for money in and credited for
    /// money out, the other account the opposite.
    public void saveMoney() {
        moneyForm.date().commit();
        if (!canSaveMoney.get()) {
            return;
        }
        List<LedgerService.Line> lines = moneyForm.lines().stream()
                .map(l -> new LedgerService.Line(l[0], l[1])).toList();
        LocalDate date = moneyForm.date().valueProperty().get();
        String memo = moneyForm.memoOrDefault();
        ui.async().run(() -> ledger.post(date, memo, null, lines), t -> {
            moneyForm.openProperty().set(false);
            ui.notices().success(ui.i18n().t("accounts.saved", t.memo()));
            changed();
        });
    }

    /// Fills the form for an everyday entry: memo and both accounts; the amount typed on the
    /// first line is mirrored on the second.
    public void applyTemplate(Template t) {
        newTransaction();
        List<Account> open = List.copyOf(choices);
        txForm.memoProperty().set(ui.i18n().t(t.key()));
        TransactionForm.Line first = txForm.lines().get(0);
        TransactionForm.Line second = txForm.lines().get(1);
        first.accountProperty().set(t.debit(open).orElse(null));
        second.accountProperty().set(t.credit(open).orElse(null));
        first.debitProperty().addListener((o, a, b) -> {
            if (second.creditProperty().get().equals(a == null ? "" : a)) {
                second.creditProperty().set(b);
            }
        });
    }

    public void cancelTransaction() {
        txForm.openProperty().set(false);
    }

    /// Posts the form's transaction; refused (and the form kept) unless it balances.
    public void saveTransaction() {
        txForm.date().commit();
        if (!canSaveTransaction.get()) {
            return;
        }
        List<LedgerService.Line> lines = new ArrayList<>();
        for (TransactionForm.Line l : txForm.lines()) {
            if (!l.used()) {
                continue;
            }
            long amount = txForm.parse(l.debitProperty().get()) - txForm.parse(l.creditProperty().get());
            lines.add(new LedgerService.Line(l.accountProperty().get().code(),
                    Money.format(amount, ui.i18n().currencyProperty().get())));
        }
        var date = txForm.dateProperty().get();
        String memo = txForm.memoProperty().get();
        String ref = txForm.referenceProperty().get();
        ui.async().run(() -> ledger.post(date, memo, ref, lines), t -> {
            txForm.openProperty().set(false);
            ui.notices().success(ui.i18n().t("accounts.saved", t.memo()));
            changed();
        });
    }

    /// Voids the selected transaction with a reason. It stays in the journal, marked.
    public void voidSelected() {
        JournalRow r = selected.get();
        if (r == null || r.tx().voided()) {
            return;
        }
        ui.dialogs().askText(ui.i18n().t("accounts.void.title"), ui.i18n().t("accounts.void.message", r.tx().memo(),
                        ui.i18n().money(r.amount()), ui.i18n().date(r.tx().date())), ui.i18n().t("accounts.void.action"))
                .ifPresent(reason -> ui.async().run(() -> ledger.voidTransaction(r.tx().id(), reason), t -> {
                    ui.notices().success(ui.i18n().t("accounts.voided"));
                    changed();
                }));
    }

    public void startAddAccount() {
        txForm.openProperty().set(false);
        moneyForm.openProperty().set(false);
        accountForm.start();
    }

    /// Opens the account form on the account chosen in the chart.
    public void startChangeAccount() {
        Account a = accountFilter.get();
        if (a != null) {
            txForm.openProperty().set(false);
            moneyForm.openProperty().set(false);
            accountForm.startEdit(a);
        }
    }

    public void cancelAccount() {
        accountForm.openProperty().set(false);
    }

    public void saveAccount() {
        if (!canSaveAccount.get()) {
            return;
        }
        String code = accountForm.codeProperty().get();
        String name = accountForm.nameProperty().get();
        var type = accountForm.typeProperty().get();
        Member m = accountForm.memberProperty().get();
        boolean cash = accountForm.cashProperty().get();
        Account editing = accountForm.editingProperty().get();
        if (editing != null) {
            boolean archived = accountForm.archivedProperty().get();
            ui.async().run(() -> ledger.updateAccount(editing.code(), name, archived, cash), a -> {
                accountForm.openProperty().set(false);
                accountFilter.set(a);
                ui.notices().success(ui.i18n().t("accounts.changed", a.name()));
                changed();
            });
            return;
        }
        ui.async().run(() -> ledger.addAccount(code, name, type, m == null ? null : m.id(), cash), a -> {
            accountForm.openProperty().set(false);
            ui.notices().success(ui.i18n().t("accounts.added", a.name()));
            changed();
        });
    }

    /// An amount as typed, checked: empty when fine, else a plain explanation.
    public String amountProblem(String typed) {
        try {
            txForm.parse(typed);
            return "";
        } catch (RuntimeException e) {
            return ui.i18n().message(e);
        }
    }

    // ---------------------------------------------------------------- properties

    public TransactionForm transactionForm() {
        return txForm;
    }

    public MoneyForm moneyForm() {
        return moneyForm;
    }

    public BooleanBinding canSaveMoneyBinding() {
        return canSaveMoney;
    }

    public AccountForm accountForm() {
        return accountForm;
    }

    public ObservableList<AccountRow> chart() {
        return chart;
    }

    /// The total of one account type in [#chart], natural side (set before the chart changes).
    public long typeTotal(AccountType type) {
        return typeTotals.getOrDefault(type, 0L);
    }

    public ObservableList<Account> accountChoices() {
        return choices;
    }

    public ObservableList<Member> memberChoices() {
        return memberChoices;
    }

    /// Pages of `n` transactions (tests use small pages); shows the first page again.
    void pageSize(int n) {
        page = n;
        shown.set(n);
        reloadNow();
    }

    /// Loads the next page of older transactions into the journal.
    public void showOlder() {
        shown.set(shown.get() + page);
        reloadNow();
    }

    /// How many transactions the journal's filter matches in all (it shows [#journal]).
    public javafx.beans.property.ReadOnlyLongProperty totalProperty() {
        return total;
    }

    public ObservableList<JournalRow> journal() {
        return journal;
    }

    public ObservableList<PostingRow> details() {
        return details;
    }

    public ObjectProperty<Account> accountFilterProperty() {
        return accountFilter;
    }

    public ObjectProperty<JournalRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty showVoidedProperty() {
        return showVoided;
    }

    public BooleanBinding canSaveTransactionBinding() {
        return canSaveTransaction;
    }

    public BooleanBinding canSaveAccountBinding() {
        return canSaveAccount;
    }

    public BooleanBinding canVoidBinding() {
        return canVoid;
    }
}
