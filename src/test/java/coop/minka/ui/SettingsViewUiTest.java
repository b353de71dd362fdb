package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncStatus;
import coop.minka.ui.common.settings.Preferences;
import coop.minka.ui.common.settings.SettingsStore;
import coop.minka.ui.settings.SettingsView;
import coop.minka.ui.settings.SettingsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The Settings screen on JavaFX's headless platform over real books: close the books (after the
/// confirmation), accept a late entry from its row, save the cooperative's name.
@ExtendWith(ApplicationExtension.class)
class SettingsViewUiTest {
    final UiFixture f = new UiFixture();
    Path dir;
    Services s;
    SettingsViewModel vm;
    List<String> late;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("minka-settings-ui");
        s = f.books(dir, "a");
        late = SettingsBooksTest.lateEntries(s);
        BooksAdapter books = new BooksAdapter(s, new SyncStatus(s.workspace()), System::currentTimeMillis, f.i18n::locale);
        vm = new SettingsViewModel(f.ui, new Preferences(new SettingsStore(dir.resolve("s.json")), f.i18n), books, () -> { });
        SettingsView view = new SettingsView(vm, f.i18n);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
        vm.shown();
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void closeAcceptAndSaveFromTheScreen(FxRobot robot) {
        Label status = robot.lookup("#settings-closed-up-to").queryAs(Label.class);
        assertEquals("The books have never been closed.", status.getText());
        robot.interact(() -> robot.lookup("#settings-close").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().startsWith("The books are closed up to"), status.getText());
        assertEquals(LocalDate.of(2026, 5, 31), s.closing().closedUpTo().orElseThrow());

        ListView<?> list = robot.lookup("#settings-late").queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        robot.interact(() -> robot.from(list).lookup(".button").queryButton().fire()); // the first row's Accept
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, s.closing().lateEntries().stream()
                .filter(e -> e.status() == coop.minka.app.PeriodService.LateStatus.ACCEPTED).count());

        robot.interact(() -> {
            robot.lookup("#settings-coop-name").queryTextInputControl().setText("Coop Flor");
            robot.lookup("#settings-coop-save").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Coop Flor", s.cooperative().show().name());
    }
}
