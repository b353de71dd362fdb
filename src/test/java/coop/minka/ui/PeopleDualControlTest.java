package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncStatus;
import coop.minka.domain.Role;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.Notices;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.common.settings.SettingsStore;
import coop.minka.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Closing the books on the Settings screen once the cooperative has people (issue 13): refused
/// in plain words while nobody works; with the treasurer working, a second person is asked for
/// that one change; cancelled, nothing is closed.
class PeopleDualControlTest {
    @TempDir
    Path dir;

    @Test
    void closingTheBooksAsksForASecondPerson() {
        UiFixture f = new UiFixture();
        try (Services s = f.books(dir, "a")) {
            var rosa = s.people().add("Rosa", Set.of(Role.PRESIDENT, Role.TREASURER), null, "2468");
            s.people().actAs(rosa, null);
            s.people().add("Tere", Set.of(Role.KEYHOLDER), null, "1357");
            s.people().lock();
            var who = f.ui.who();
            who.attach(s.people());
            BooksAdapter books = new BooksAdapter(s, new SyncStatus(s.workspace()), System::currentTimeMillis,
                    f.i18n::locale);
            SettingsViewModel vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")),
                    f.i18n), books, () -> { });
            vm.shown();
            LocalDate to = LocalDate.of(2026, 5, 31);

            // nobody works: refused in plain words, nothing closed
            vm.closeToProperty().set(to);
            vm.closeBooks();
            assertEquals(Notices.Kind.ERROR, f.notices.latest().kind());
            assertTrue(f.notices.latest().hint().startsWith("Choose your name and type your PIN"),
                    f.notices.latest().hint());
            assertTrue(s.closing().closedUpTo().isEmpty());

            who.unlock(who.people().stream().filter(p -> p.name().equals("Rosa")).findFirst().orElseThrow(), "2468");
            f.dialogs.asked.clear();
            f.dialogs.secondAnswer = Optional.empty();
            vm.closeBooks();
            assertEquals(List.of("A second person is needed: Tere"), f.dialogs.asked.subList(1, 2));
            assertTrue(s.closing().closedUpTo().isEmpty(), "cancelled: nothing closed");

            f.dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere", "1357"));
            vm.closeToProperty().set(to);
            vm.closeBooks();
            assertEquals(Optional.of(to), s.closing().closedUpTo());
            assertNull(s.people().acting().orElseThrow().also(), "the second person was for the close only");
        }
    }
}
