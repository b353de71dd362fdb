package coop.minka.ui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.domain.Account;
import coop.minka.ui.UiFixture;
import coop.minka.ui.common.DateField;
import coop.minka.ui.work.QuickEntry;
import coop.minka.ui.work.WorkViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Issue #11 in the desktop app: a date typed with a four-digit year in the language's own form
/// (`12/31/2026` in English, whose short form has a two-digit year) used to fail the picker's
/// converter, which then kept the previous value, so the entry was saved as today. Now it is read,
/// a text that is no date is an inline error that blocks saving, and a date far ahead is a notice.
class TypedDatesTest {
    @TempDir
    Path dir;
    final UiFixture f = new UiFixture();
    Services s;
    AccountsViewModel vm;

    @BeforeEach
    void setUp() {
        s = f.books(dir, "d");
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

    private TransactionForm balancedForm() {
        vm.newTransaction();
        TransactionForm t = vm.transactionForm();
        t.memoProperty().set("Dues");
        t.lines().get(0).accountProperty().set(account("1000"));
        t.lines().get(0).debitProperty().set("10");
        t.lines().get(1).accountProperty().set(account("4000"));
        t.lines().get(1).creditProperty().set("10");
        return t;
    }

    @Test
    void theConverterReadsAFourDigitYearInsteadOfFallingBackToToday() {
        TransactionForm t = balancedForm();
        assertEquals(UiFixture.today(), t.dateProperty().get());
        // what the picker does when the field loses focus or Enter is pressed
        assertEquals(LocalDate.of(2026, 11, 30), t.date().converter().fromString("11/30/2026"));
        assertEquals(LocalDate.of(2026, 11, 30), t.date().converter().fromString("2026-11-30"));
        assertEquals(LocalDate.of(2026, 11, 30), t.date().converter().fromString("11/30/26"));
        assertEquals("11/30/2026", t.date().converter().toString(LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aTypedDateIsTheOneSavedEvenBeforeThePickerCommitsIt() {
        TransactionForm t = balancedForm();
        t.date().typed("11/30/2026"); // typed, then Ctrl+S without leaving the field
        assertTrue(vm.canSaveTransactionBinding().get());
        vm.saveTransaction();
        assertEquals(1, vm.journal().size());
        assertEquals(LocalDate.of(2026, 11, 30), vm.journal().getFirst().tx().date());
    }

    @Test
    void aTextThatIsNoDateBlocksSavingAndIsNeverReplacedByToday() {
        for (String bad : new String[] {"2026-02-30", "+10000-01-01", "0000-01-01", "31/12/2026", "11/30/20266",
                "yesterday"}) {
            TransactionForm t = balancedForm();
            t.date().typed(bad);
            assertTrue(t.date().errorProperty().get().contains(bad.strip()), bad + ": " + t.date().errorProperty().get());
            assertFalse(vm.canSaveTransactionBinding().get(), bad);
            vm.saveTransaction();
            assertTrue(vm.journal().isEmpty(), bad + " was saved");
            // the picker commits it: the value empties (never today) and the error names the text
            assertNull(t.date().converter().fromString(bad), bad);
            t.dateProperty().set(t.date().converter().fromString(bad));
            t.date().typed("");
            assertNull(t.dateProperty().get());
            assertTrue(t.date().errorProperty().get().contains(bad), t.date().errorProperty().get());
            assertEquals(t.date().errorProperty().get(), t.date().noticeProperty().get());
            vm.saveTransaction();
            assertTrue(vm.journal().isEmpty(), bad + " was saved");
            vm.cancelTransaction();
        }
    }

    @Test
    void aDateFarAheadIsSavedWithAVisibleNotice() {
        TransactionForm t = balancedForm();
        t.date().typed("2099-01-01");
        assertTrue(t.date().errorProperty().get().isEmpty());
        assertTrue(t.date().warningProperty().get().contains("1/1/2099"), t.date().warningProperty().get());
        assertEquals(t.date().warningProperty().get(), t.date().noticeProperty().get());
        vm.saveTransaction();
        assertEquals(LocalDate.of(2099, 1, 1), vm.journal().getFirst().tx().date());
        t = balancedForm();
        assertEquals("", t.date().noticeProperty().get());
    }

    @Test
    void quickWorkEntrySavedWithEnterKeepsTheTypedDate() {
        WorkViewModel work = new WorkViewModel(f.ui, s.members(), s.work());
        work.shown();
        QuickEntry q = work.quick();
        q.memberProperty().set(work.activeMembers().getFirst());
        q.hoursProperty().set("2");
        q.date().typed("2/30/2026");
        assertFalse(work.canSaveBinding().get());
        work.save();
        assertTrue(s.work().list(null, null, null, true).isEmpty());
        q.date().typed("11/27/2026");
        work.save();
        var saved = s.work().list(null, null, null, true);
        assertEquals(1, saved.size());
        assertEquals(LocalDate.of(2026, 11, 27), saved.getFirst().date());
    }

    @Test
    void eachLanguageReadsItsOwnFormWithFourDigits() {
        LocalDate d = LocalDate.of(2026, 3, 7);
        assertEquals(d, DateField.parse("3/7/2026", Locale.ENGLISH).orElseThrow());
        assertEquals(d, DateField.parse("7/3/2026", Locale.forLanguageTag("es")).orElseThrow());
        assertEquals(d, DateField.parse("07/03/2026", Locale.FRENCH).orElseThrow());
        assertEquals(d, DateField.parse("07/03/2026", Locale.forLanguageTag("pt")).orElseThrow());
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH,
                Locale.forLanguageTag("pt")}) {
            assertEquals(d, DateField.parse(DateField.format(d, l), l).orElseThrow(), l.toString());
            assertTrue(DateField.format(d, l).contains("2026"), l.toString());
            assertEquals(d, DateField.parse("2026-03-07", l).orElseThrow());
            assertTrue(DateField.parse("2026-02-30", l).isEmpty());
            assertTrue(DateField.parse(DateField.format(LocalDate.of(3000, 1, 1), l), l).isEmpty(), l.toString());
        }
    }
}
