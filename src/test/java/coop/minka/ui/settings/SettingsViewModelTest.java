package coop.minka.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.UiFixture;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.common.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    /// Books that only count what was asked of them.
    static final class FakeBooks implements SettingsViewModel.Books {
        final List<SettingsViewModel.Backup> made = new ArrayList<>();
        int restored;

        @Override
        public SettingsViewModel.About about() {
            return new SettingsViewModel.About("Coop", "BOB", Instant.EPOCH, "Laptop A", "id", "AAAA BBBB", "x.db");
        }

        @Override
        public List<SettingsViewModel.Backup> backups() {
            return List.copyOf(made);
        }

        @Override
        public SettingsViewModel.Backup backupNow() {
            var b = new SettingsViewModel.Backup("b" + made.size(), Instant.now(), 2048);
            made.add(b);
            return b;
        }

        @Override
        public void restore(SettingsViewModel.Backup b) {
            restored++;
        }

        @Override
        public void restoreFile(java.nio.file.Path file) {
            restored++;
        }

        @Override
        public SettingsViewModel.Periods periods() {
            return new SettingsViewModel.Periods(null, List.of(), List.of());
        }

        @Override
        public void close(java.time.LocalDate to) {
        }

        @Override
        public void accept(SettingsViewModel.Late late) {
        }

        @Override
        public void voidLate(SettingsViewModel.Late late, String reason) {
        }

        @Override
        public SettingsViewModel.Details details() {
            return null;
        }

        @Override
        public void updateDetails(String name, String languages, String currency) {
        }

        @Override
        public boolean backupsAvailable() {
            return true;
        }

        boolean encrypted;
        boolean keyKept = true;
        final List<Path> keysWritten = new ArrayList<>();

        @Override
        public SettingsViewModel.Security security() {
            return new SettingsViewModel.Security(encrypted, encrypted && keyKept);
        }

        @Override
        public void setEncryption(boolean on) {
            encrypted = on;
        }

        @Override
        public void writeRecoveryKey(Path out) {
            keysWritten.add(out);
            keyKept = false;
        }
    }

    @Test
    void encryptionSwitchAndTheRecoveryKeyWrittenOnce() {
        UiFixture f = new UiFixture();
        FakeBooks books = new FakeBooks();
        SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                f.i18n), books, () -> { });
        vm.shown();
        assertFalse(vm.encryptionProperty().get());
        vm.setEncryption(true);
        assertTrue(books.encrypted);
        assertTrue(vm.encryptionProperty().get());
        assertTrue(vm.securityProperty().get().recoveryKeptHere());
        f.dialogs.fileAnswer = Optional.of(dir.resolve("key.txt"));
        vm.writeRecoveryKey();
        assertEquals(List.of(dir.resolve("key.txt")), books.keysWritten);
        assertFalse(vm.securityProperty().get().recoveryKeptHere());
        vm.setEncryption(false);
        assertFalse(books.encrypted);
    }

    @Test
    void languageThemeAndTextSizeAreSavedAndSurviveARestart() {
        UiFixture f = new UiFixture();
        Path file = dir.resolve("settings.json");
        Preferences p = new Preferences(new SettingsStore(file), f.i18n);
        SettingsViewModel vm = new SettingsViewModel(f.ui, p, new FakeBooks(), () -> { });
        vm.languageProperty().set(Locale.forLanguageTag("es"));
        vm.darkProperty().set(true);
        vm.textScaleProperty().set(150);
        assertEquals("Guardar", f.i18n.t("action.save"));
        UiFixture again = new UiFixture();
        Preferences p2 = new Preferences(new SettingsStore(file), again.i18n);
        assertEquals("es", again.i18n.locale().getLanguage());
        assertTrue(p2.darkProperty().get());
        assertEquals(150, p2.textScaleProperty().get());
        assertTrue(p2.languageChosen());
    }

    @Test
    void backupAndRestoreWithConfirmation() {
        UiFixture f = new UiFixture();
        FakeBooks books = new FakeBooks();
        int[] reopened = {0};
        SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                f.i18n), books, () -> reopened[0]++);
        vm.shown();
        assertEquals("Laptop A", vm.aboutProperty().get().laptopName());
        vm.backupNow();
        assertEquals(1, vm.backups().size());
        vm.selectedBackupProperty().set(vm.backups().getFirst());
        f.dialogs.confirmAnswer = false;
        vm.restoreSelected();
        assertEquals(0, books.restored);
        f.dialogs.confirmAnswer = true;
        vm.restoreSelected();
        assertEquals(1, books.restored);
        assertEquals(1, reopened[0]);
    }
}
