package coop.minka.ui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.domain.Account;
import coop.minka.domain.AccountType;
import coop.minka.ui.UiFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsViewModelTest {
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

    @Test
    void saveIsEnabledOnlyWhenDebitsEqualCredits() {
        vm.newTransaction();
        TransactionForm t = vm.transactionForm();
        t.memoProperty().set("Dues");
        t.lines().get(0).accountProperty().set(account("1000"));
        t.lines().get(0).debitProperty().set("150,50");
        t.lines().get(1).accountProperty().set(account("4000"));
        t.lines().get(1).creditProperty().set("150");
        assertEquals(50, t.differenceProperty().get());
        assertFalse(vm.canSaveTransactionBinding().get());
        vm.saveTransaction();
        assertTrue(vm.journal().isEmpty());
        t.lines().get(1).creditProperty().set("150.50");
        assertEquals(0, t.differenceProperty().get());
        assertTrue(vm.canSaveTransactionBinding().get());
        vm.saveTransaction();
        assertFalse(t.openProperty().get());
        assertEquals(1, vm.journal().size());
        assertEquals(15050, vm.chart().stream().filter(r -> r.account().code().equals("1000")).findFirst()
                .orElseThrow().balance());
        assertEquals(15050, vm.chart().stream().filter(r -> r.account().code().equals("4000")).findFirst()
                .orElseThrow().balance());
    }

    @Test
    void unreadableOrIncompleteLinesCannotBeSaved() {
        vm.newTransaction();
        TransactionForm t = vm.transactionForm();
        t.memoProperty().set("x");
        t.lines().get(0).debitProperty().set("12,345");
        assertFalse(t.amountsReadableProperty().get());
        t.lines().get(0).debitProperty().set("10");
        t.lines().get(1).creditProperty().set("10");
        assertFalse(vm.canSaveTransactionBinding().get());
    }

    @Test
    void fillDifferencePutsTheMissingAmountOnTheLastEmptyLine() {
        vm.newTransaction();
        TransactionForm t = vm.transactionForm();
        t.lines().get(0).debitProperty().set("80");
        t.fillDifference();
        assertEquals("80.00", t.lines().get(1).creditProperty().get());
        assertEquals(0, t.differenceProperty().get());
    }

    @Test
    void templateFillsAccountsAndMirrorsTheAmount() {
        vm.applyTemplate(Template.DEPOSIT);
        TransactionForm t = vm.transactionForm();
        assertEquals("1100", t.lines().get(0).accountProperty().get().code());
        assertEquals("1000", t.lines().get(1).accountProperty().get().code());
        assertEquals("Deposit to the bank", t.memoProperty().get());
        t.lines().get(0).debitProperty().set("200");
        assertEquals("200", t.lines().get(1).creditProperty().get());
        assertTrue(vm.canSaveTransactionBinding().get());
    }

    @Test
    void voidAsksForAReasonAndKeepsTheTransactionVisible() {
        vm.applyTemplate(Template.DUES);
        vm.transactionForm().lines().get(0).debitProperty().set("20");
        vm.saveTransaction();
        vm.selectedProperty().set(vm.journal().getFirst());
        f.dialogs.textAnswer = Optional.of("typed twice");
        vm.voidSelected();
        assertTrue(vm.journal().getFirst().tx().voided());
        assertEquals(0, vm.chart().stream().filter(r -> r.account().code().equals("1000")).findFirst()
                .orElseThrow().balance());
        vm.showVoidedProperty().set(false);
        assertTrue(vm.journal().isEmpty());
    }

    @Test
    void addsAMemberAccountAndRefusesATakenCode() {
        vm.startAddAccount();
        AccountForm a = vm.accountForm();
        a.codeProperty().set("1000");
        assertFalse(a.codeErrorProperty().get().isEmpty());
        assertFalse(vm.canSaveAccountBinding().get());
        a.codeProperty().set("2001");
        a.nameProperty().set("Savings of Ana");
        a.typeProperty().set(AccountType.LIABILITY);
        a.memberProperty().set(vm.memberChoices().getFirst());
        vm.saveAccount();
        assertEquals(vm.memberChoices().getFirst().id(), account("2001").memberId());
    }
}
