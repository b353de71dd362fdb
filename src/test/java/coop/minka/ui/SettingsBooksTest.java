package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.Services;
import coop.minka.app.sync.SyncStatus;
import coop.minka.domain.AccountType;
import coop.minka.store.LateRepository;
import coop.minka.store.OpStore;
import coop.minka.sync.SyncRecords;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.common.settings.SettingsStore;
import coop.minka.ui.settings.SettingsViewModel;
import coop.minka.ui.settings.SettingsViewModel.LateState;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Settings over real books: the cooperative's details, closing the books with a confirmation,
/// and the late entries accepted or voided.
class SettingsBooksTest {
    @TempDir
    Path dir;

    /// Two transactions dated in May on these books, flagged late as an import would flag them
    /// had they come from another laptop after the close.
    static List<String> lateEntries(Services s) {
        s.ledger().addAccount("1999", "Box", AccountType.ASSET, null);
        s.ledger().addAccount("4999", "Gifts", AccountType.INCOME, null);
        String one = s.ledger().post(LocalDate.of(2026, 5, 10), "Typed twice", null,
                List.of(new LedgerService.Line("1999", "5"), new LedgerService.Line("4999", "-5"))).id();
        String two = s.ledger().post(LocalDate.of(2026, 5, 11), "Gift from the parish", null,
                List.of(new LedgerService.Line("1999", "9"), new LedgerService.Line("4999", "-9"))).id();
        String self = s.workspace().selfId();
        s.workspace().write(w -> {
            for (String id : List.of(one, two)) {
                var op = LateRepository.about(w, id).getFirst();
                SyncRecords.flag(w.dsl(), new SyncRecords.Flag(SyncRecords.LATE, self, op.seq(), 1L, "from-b.minka"));
            }
            return null;
        });
        return List.of(one, two);
    }

    /// The currency field: saved while no money exists (amounts are then typed in it), read-only
    /// once the books hold money.
    @Test
    void theCurrencyChangesFromSettingsOnlyBeforeMoney() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            BooksAdapter books = new BooksAdapter(s, new SyncStatus(s.workspace()), System::currentTimeMillis,
                    f.i18n::locale);
            SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                    f.i18n), books, () -> { });
            vm.shown();
            assertFalse(vm.detailsProperty().get().currencyFixed());
            assertEquals("BOB", vm.coopCurrencyProperty().get());
            vm.coopCurrencyProperty().set("usd");
            vm.saveDetails();
            assertEquals("USD", s.cooperative().show().currency().getCurrencyCode());
            assertEquals("USD", vm.coopCurrencyProperty().get());
            assertEquals("USD", f.i18n.currencyProperty().get().getCurrencyCode(), "amounts are shown in it now");
            lateEntries(s); // money in the books
            vm.reloadNow();
            assertTrue(vm.detailsProperty().get().currencyFixed());
            vm.coopCurrencyProperty().set("EUR");
            vm.coopNameProperty().set("Coop Flor");
            vm.saveDetails();
            assertEquals("USD", s.cooperative().show().currency().getCurrencyCode(), "the field is read-only now");
            assertEquals("Coop Flor", s.cooperative().show().name());
        }
    }

    @Test
    void encryptionIsTurnedOnAndTheRecoveryKeyWrittenOnceOverRealBooks() throws Exception {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            BooksAdapter books = new BooksAdapter(s, new SyncStatus(s.workspace()), System::currentTimeMillis,
                    f.i18n::locale);
            SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                    f.i18n), books, () -> { });
            vm.shown();
            assertEquals(false, vm.securityProperty().get().on());
            vm.setEncryption(true);
            assertTrue(s.security().status().on());
            assertTrue(vm.securityProperty().get().recoveryKeptHere());
            Path key = dir.resolve("key.txt");
            f.dialogs.fileAnswer = Optional.of(key);
            vm.writeRecoveryKey();
            assertTrue(java.nio.file.Files.readString(key).contains("AGE-SECRET-KEY-1"));
            assertEquals(false, vm.securityProperty().get().recoveryKeptHere());
        }
    }

    @Test
    void detailsCloseAndLateEntries() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            BooksAdapter books = new BooksAdapter(s, new SyncStatus(s.workspace()), System::currentTimeMillis,
                    f.i18n::locale);
            SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                    f.i18n), books, () -> { });
            List<String> late = lateEntries(s);
            vm.shown();
            assertEquals("Coop a", vm.coopNameProperty().get());
            assertTrue(vm.detailsProperty().get().currencyFixed());
            vm.coopNameProperty().set("Coop Flor");
            vm.coopLanguagesProperty().set("es, en");
            vm.saveDetails();
            assertEquals("Coop Flor", s.cooperative().show().name());
            assertEquals("es,en", vm.coopLanguagesProperty().get());

            assertNull(vm.closedUpToProperty().get());
            assertEquals(LocalDate.of(2026, 5, 31), vm.closeToProperty().get(), "the end of last month is offered");
            f.dialogs.confirmAnswer = false;
            vm.closeBooks();
            assertNull(vm.closedUpToProperty().get(), "nothing closed without a yes");
            f.dialogs.confirmAnswer = true;
            vm.closeBooks();
            assertEquals(LocalDate.of(2026, 5, 31), vm.closedUpToProperty().get());
            assertEquals(1, vm.closeHistory().size());
            assertEquals("Laptop a", vm.closeHistory().getFirst().laptop());
            assertTrue(f.dialogs.asked.contains("Close the books?"), f.dialogs.asked.toString());

            assertEquals(List.of(LateState.WAITING, LateState.WAITING), vm.late().stream().map(SettingsViewModel.Late::state).toList());
            var wrong = vm.late().stream().filter(l -> l.id().equals(late.get(0))).findFirst().orElseThrow();
            var fine = vm.late().stream().filter(l -> l.id().equals(late.get(1))).findFirst().orElseThrow();
            vm.acceptLate(fine);
            f.dialogs.textAnswer = Optional.of("typed twice");
            vm.voidLate(wrong);
            assertEquals(LateState.ACCEPTED, vm.late().stream().filter(l -> l.id().equals(fine.id())).findFirst()
                    .orElseThrow().state());
            assertEquals(LateState.VOIDED, vm.late().stream().filter(l -> l.id().equals(wrong.id())).findFirst()
                    .orElseThrow().state());
            assertTrue(s.ledger().transaction(wrong.id()).voided());
            assertTrue(s.workspace().read(OpStore::count) > 0);
        }
    }
}
