package coop.minka.ui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.app.report.StatementService;
import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.domain.Member;
import coop.minka.domain.Posting;
import coop.minka.domain.Transaction;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The plain money form, the templates' sides and the account register's running balance.
class MoneyFormsTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;
    AccountsViewModel vm;

    @BeforeEach
    void setUp() {
        s = f.books(dir, "a");
        vm = new AccountsViewModel(f.ui, s.ledger(), s.members(), s.reports().statements());
        vm.shown();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private Account account(String code) {
        return vm.accountChoices().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    private Member ana() {
        return vm.memberChoices().stream().filter(m -> m.name().equals("Ana Quispe")).findFirst().orElseThrow();
    }

    private MoneyForm.Purpose purpose(String code) {
        return vm.moneyForm().purposeChoices().stream().filter(p -> p.account().code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not offered: " + vm.moneyForm().purposeChoices()));
    }

    /// The latest transaction's postings: account code → signed amount (debit positive).
    private Map<String, Long> lastPosted() {
        Transaction t = s.ledger().latestTransactions(null, false, 1).latest().getFirst();
        Map<String, Long> out = new HashMap<>();
        for (Posting p : t.postings()) {
            out.merge(code(p.accountId()), p.amount(), Long::sum);
        }
        return out;
    }

    private String code(String accountId) {
        return s.ledger().accounts().stream().map(LedgerService.AccountBalance::account)
                .filter(a -> a.id().equals(accountId)).findFirst().orElseThrow().code();
    }

    @Test
    void moneyInDebitsTheCashBoxAndCreditsWhatItWasFor() {
        vm.moneyIn();
        MoneyForm m = vm.moneyForm();
        assertTrue(m.openProperty().get());
        assertEquals("1000", m.cashProperty().get().code(), "the first cash-and-bank account");
        assertEquals(List.of("1000", "1100"), m.cashChoices().stream().map(Account::code).toList());
        assertEquals(AccountType.INCOME, m.purposeChoices().getFirst().account().type(), "income first for money in");
        assertTrue(m.purposeChoices().stream().noneMatch(p -> p.account().isCashAndBank()));
        assertFalse(vm.canSaveMoneyBinding().get());
        m.amountProperty().set("40");
        m.purposeProperty().set(purpose("4000"));
        m.memberProperty().set(ana());
        assertTrue(m.previewProperty().get().endsWith("came into Cash box from Dues of Ana Quispe."),
                m.previewProperty().get());
        assertTrue(m.previewProperty().get().contains("40.00"), m.previewProperty().get());
        assertEquals("In the books: debit Cash box, credit Dues, " + f.i18n.money(4000) + ".",
                m.inTheBooksProperty().get());
        assertTrue(vm.canSaveMoneyBinding().get());
        vm.saveMoney();
        assertFalse(m.openProperty().get());
        assertEquals(Map.of("1000", 4000L, "4000", -4000L), lastPosted());
        assertEquals("Dues of Ana Quispe", vm.journal().getFirst().tx().memo());
    }

    @Test
    void moneyOutCreditsTheChosenBankAndDebitsTheExpense() {
        vm.moneyOut();
        MoneyForm m = vm.moneyForm();
        assertEquals(AccountType.EXPENSE, m.purposeChoices().getFirst().account().type(), "expenses first for money out");
        m.amountProperty().set("12,50");
        m.cashProperty().set(account("1100"));
        m.purposeProperty().set(purpose("5000"));
        m.memoProperty().set("Tea for the assembly");
        assertTrue(m.previewProperty().get().endsWith("went out of Bank account for Meeting costs."),
                m.previewProperty().get());
        vm.saveMoney();
        assertEquals(Map.of("1100", -1250L, "5000", 1250L), lastPosted());
        assertEquals("Tea for the assembly", vm.journal().getFirst().tx().memo());
    }

    @Test
    void aChosenMemberBringsTheirOwnAccountsFirstAndOnlyTheirs() {
        Member ana = ana();
        Member juan = vm.memberChoices().stream().filter(x -> x.name().equals("Juan Mamani")).findFirst().orElseThrow();
        s.ledger().addAccount("2001", "Savings of Ana", AccountType.LIABILITY, ana.id());
        s.ledger().addAccount("2002", "Savings of Juan", AccountType.LIABILITY, juan.id());
        vm.reloadNow();
        vm.moneyIn();
        MoneyForm m = vm.moneyForm();
        assertTrue(m.purposeChoices().stream().noneMatch(p -> p.account().memberId() != null),
                "no member's own account without a member");
        m.memberProperty().set(ana);
        assertEquals("2001", m.purposeChoices().getFirst().account().code());
        assertEquals("Savings of Ana · of Ana Quispe", m.purposeChoices().getFirst().text());
        assertTrue(m.purposeChoices().stream().noneMatch(p -> p.account().code().equals("2002")));
        m.purposeProperty().set(m.purposeChoices().getFirst());
        m.amountProperty().set("25");
        assertTrue(m.previewProperty().get().endsWith("came into Cash box from Savings of Ana."),
                m.previewProperty().get());
        vm.saveMoney();
        assertEquals(Map.of("1000", 2500L, "2001", -2500L), lastPosted());
        // the member's savings grew on their natural side, and so did the cash box
        assertEquals(2500, vm.chart().stream().filter(r -> r.account().code().equals("2001")).findFirst()
                .orElseThrow().balance());
        // taking the member away takes their account away from the choice
        vm.moneyOut();
        m.memberProperty().set(ana);
        m.purposeProperty().set(purpose("2001"));
        m.memberProperty().set(null);
        assertNull(m.purposeProperty().get());
    }

    @Test
    void theChoicesAndThePreviewSpeakTheChosenLanguage() {
        vm.moneyIn();
        MoneyForm m = vm.moneyForm();
        m.purposeProperty().set(purpose("4000"));
        m.amountProperty().set("40");
        f.i18n.localeProperty().set(java.util.Locale.forLanguageTag("es"));
        try {
            assertTrue(purpose("4000").text().endsWith("· ganado"), purpose("4000").text());
            assertEquals("4000", m.purposeProperty().get().account().code(), "the choice stays");
            m.amountProperty().set("41");
            assertTrue(m.previewProperty().get().startsWith("Entraron "), m.previewProperty().get());
        } finally {
            f.i18n.localeProperty().set(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void anAmountOfZeroNothingOrWordsCannotBeSaved() {
        vm.moneyIn();
        MoneyForm m = vm.moneyForm();
        m.purposeProperty().set(purpose("4000"));
        for (String typed : List.of("", "0", "-5", "abc", "12,345")) {
            m.amountProperty().set(typed);
            assertFalse(vm.canSaveMoneyBinding().get(), typed);
        }
        m.amountProperty().set("-5");
        assertFalse(m.amountErrorProperty().get().isEmpty());
        vm.saveMoney();
        assertTrue(vm.journal().isEmpty());
    }

    /// What each everyday entry means in double entry: the account it debits and the one it credits.
    private static final Map<Template, String[]> SIDES = Map.of(
            Template.DUES, new String[] {"1000", "4000"},
            Template.EXPENSE, new String[] {"5000", "1000"},
            Template.DEPOSIT, new String[] {"1100", "1000"},
            Template.LOAN_OUT, new String[] {"1200", "1000"},
            Template.LOAN_REPAYMENT, new String[] {"1000", "1200"});

    @ParameterizedTest
    @EnumSource(Template.class)
    void eachTemplatePostsTheAmountOnTheRightSides(Template t) {
        vm.applyTemplate(t);
        TransactionForm form = vm.transactionForm();
        form.lines().get(0).debitProperty().set("30");
        assertEquals("30", form.lines().get(1).creditProperty().get(), "typed once, mirrored on the credit side");
        vm.saveTransaction();
        assertFalse(form.openProperty().get(), "saved");
        String[] sides = SIDES.get(t);
        assertEquals(Map.of(sides[0], 3000L, sides[1], -3000L), lastPosted(), t.name());
    }

    /// In a chart without the starter codes, each template still finds accounts of the right kind.
    @ParameterizedTest
    @EnumSource(Template.class)
    void eachTemplateFindsTheRightKindOfAccountInAnyChart(Template t) {
        s.close();
        s = f.empty(dir, "b");
        s.ledger().addAccount("A1", "Loans out", AccountType.ASSET, null, false);
        s.ledger().addAccount("A2", "Caja", AccountType.ASSET, null, true);
        s.ledger().addAccount("A3", "Banco", AccountType.ASSET, null, true);
        s.ledger().addAccount("I1", "Cuotas", AccountType.INCOME, null, false);
        s.ledger().addAccount("X1", "Gastos", AccountType.EXPENSE, null, false);
        vm = new AccountsViewModel(f.ui, s.ledger(), s.members(), s.reports().statements());
        vm.shown();
        Map<Template, String[]> sides = Map.of(
                Template.DUES, new String[] {"A2", "I1"},
                Template.EXPENSE, new String[] {"X1", "A2"},
                Template.DEPOSIT, new String[] {"A3", "A2"},
                Template.LOAN_OUT, new String[] {"A1", "A2"},
                Template.LOAN_REPAYMENT, new String[] {"A2", "A1"});
        vm.applyTemplate(t);
        vm.transactionForm().lines().get(0).debitProperty().set("7");
        vm.saveTransaction();
        assertEquals(Map.of(sides.get(t)[0], 700L, sides.get(t)[1], -700L), lastPosted(), t.name());
    }

    private void post(LocalDate date, String memo, String debit, String credit, String amount) {
        s.ledger().post(date, memo, null, List.of(new LedgerService.Line(debit, amount),
                new LedgerService.Line(credit, "-" + amount)));
    }

    /// The journal filtered by one account shows its balance after each entry, equal to the cash
    /// book's, also for the older entries loaded page by page and with a voided entry in between.
    @Test
    void theRegisterShowsTheCashBooksRunningBalanceAlsoAfterShowOlder() {
        LocalDate d = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < 12; i++) {
            post(d.plusDays(i / 2), "dues " + i, "1000", "4000", (10 + i) + ".00");
            if (i % 3 == 0) {
                post(d.plusDays(i / 2), "tea " + i, "5000", "1000", "4.50");
            }
        }
        Transaction wrong = s.ledger().latestTransactions("1000", false, 1).latest().getFirst();
        s.ledger().voidTransaction(wrong.id(), "typed twice");
        post(d.plusDays(10), "dues late", "1000", "4000", "3.00");
        vm.pageSize(5);
        vm.accountFilterProperty().set(account("1000"));
        assertEquals(5, vm.journal().size());
        Map<String, Long> book = new HashMap<>();
        for (StatementService.BookLine l : s.reports().statements().cashBooks(List.of("1000"), null, null).getFirst()
                .lines()) {
            book.put(l.txId(), l.balance());
        }
        long closing = s.reports().statements().cashBooks(List.of("1000"), null, null).getFirst().closing();
        assertEquals(closing, vm.journal().getFirst().balance(), "the newest line shows today's balance");
        while (vm.journal().size() < vm.totalProperty().get()) {
            vm.showOlder();
        }
        assertEquals(17, vm.journal().size(), "16 entries and the voided one");
        for (AccountsViewModel.JournalRow r : vm.journal()) {
            assertEquals(r.tx().voided() ? null : book.get(r.tx().id()), r.balance(), r.tx().memo());
        }
        // the oldest shown first page in any order agrees too: the last page on its own
        assertEquals(book.get(vm.journal().getLast().tx().id()), vm.journal().getLast().balance());
        // an income account reads on its natural side: dues earned are positive
        vm.accountFilterProperty().set(account("4000"));
        assertTrue(vm.journal().getFirst().balance() > 0);
        assertEquals(s.reports().statements().cashBooks(List.of("4000"), null, null).getFirst().closing(),
                vm.journal().getFirst().balance());
        // all accounts: no running balance
        vm.accountFilterProperty().set(null);
        assertTrue(vm.journal().stream().allMatch(r -> r.balance() == null));
    }

    @Test
    void theRegisterOfAPeriodStartsFromTheBalanceBeforeIt() {
        post(LocalDate.of(2025, 12, 30), "old dues", "1000", "4000", "100.00");
        post(LocalDate.of(2026, 2, 1), "new dues", "1000", "4000", "5.00");
        vm.pageSize(1);
        vm.accountFilterProperty().set(account("1000"));
        assertEquals(1, vm.journal().size());
        var book = s.reports().statements().cashBooks(List.of("1000"), LocalDate.of(2026, 1, 1), null).getFirst();
        assertEquals(10000, book.opening());
        assertEquals(book.lines().getLast().balance(), vm.journal().getFirst().balance());
        assertEquals(10500, vm.journal().getFirst().balance());
        vm.showOlder();
        assertEquals(10000, vm.journal().getLast().balance());
        assertEquals(Optional.of(10500L), Optional.ofNullable(vm.journal().getFirst().balance()));
    }
}
