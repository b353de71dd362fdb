package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.app.sync.SyncStatus;
import coop.minka.domain.Gender;
import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/// Revoking a lost or stolen laptop from the Sync screen (design-notes 30), clicked through the
/// real window on JavaFX's headless platform: the dialog shows the laptop's name, key fingerprint
/// and the last of its entries that will still count, asks the reason; cancelling writes nothing;
/// once confirmed the laptop shows as revoked, with the reason. Dialogs are scripted.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RevokeLaptopUiTest {
    @TempDir
    static Path root;
    private static int run;
    private Path dir;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private AppContext context;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        dir = Files.createDirectories(root.resolve("run" + run++));
        background = FxExecutors.background();
        context = new AppContext(stage, dir.resolve("books.db"), dir.resolve("settings.json"), background,
                FxExecutors.fx(), dialogs);
        context.start(1366, 768);
        stage.show();
    }

    @Stop
    void stop() throws Exception {
        context.shutdown();
        background.shutdown();
        assertTrue(background.awaitTermination(30, TimeUnit.SECONDS), "the books were closed");
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        AppWindows.settle(context);
    }

    @Test
    void aStolenLaptopIsRevokedWithAReasonAfterSeeingWhatStillCounts(FxRobot robot) throws Exception {
        AppWindows.settle(context);
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Mujeres de Achocalla");
        click(robot, "#firstrun-go");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path full = dir.resolve("all.minka");
        dialogs.fileAnswer = Optional.of(full);
        click(robot, "#nav-sync");
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b
                && b.getText().startsWith("Write a file with everything")).queryButton());
        AppWindows.settle(context);
        String fingerprint;
        // the cooperative encrypts its files: the new laptop joins with the recovery key still kept
        // beside the books (same format as the written-out key file)
        Path recovery = dir.resolve("books.db.recovery");
        try (Services b = new Services(SyncService.join(dir.resolve("village-b.db"), full, "Laptop in the office",
                System::currentTimeMillis, recovery))) {
            b.members().add("Killa Condori", Gender.WOMAN, null, null, null);
            fingerprint = coop.minka.store.Keys.fingerprint(b.workspace().log().identity().publicKey());
            new SyncService(b.workspace(), b.periods(), new SyncService.Options(false, 10, false,
                    coop.minka.sync.BundleLimits.DEFAULT)).syncFolder(stick);
        }
        dialogs.folderAnswer = Optional.of(stick);
        click(robot, "#sync-folder");
        TableView<?> laptops = robot.lookup("#sync-laptops").queryAs(TableView.class);
        robot.interact(() -> laptops.getSelectionModel().select(0));
        AppWindows.settle(context);
        Button revoke = robot.lookup("#sync-revoke").queryButton();
        assertTrue(revoke.isDisabled(), "a laptop waiting to be admitted is refused, not revoked");
        dialogs.confirmAnswer = true;
        robot.interact(robot.lookup("#sync-admit").queryButton()::fire);
        AppWindows.settle(context);
        robot.interact(() -> laptops.getSelectionModel().select(0));
        AppWindows.settle(context);
        assertFalse(revoke.isDisabled());
        long held = ((SyncStatus.Laptop) laptops.getItems().getFirst()).held();

        // cancelled: nothing is written
        dialogs.textAnswer = Optional.empty();
        robot.interact(revoke::fire);
        AppWindows.settle(context);
        String message = dialogs.textMessages.getLast();
        assertTrue(message.contains("Laptop in the office") && message.contains(fingerprint)
                && message.contains("up to no. " + held + " still count"), message);
        assertEquals("admitted", ((SyncStatus.Laptop) laptops.getItems().getFirst()).status());

        // confirmed with a reason
        dialogs.textAnswer = Optional.of("stolen at the market");
        robot.interact(revoke::fire);
        AppWindows.settle(context);
        SyncStatus.Laptop l = (SyncStatus.Laptop) laptops.getItems().getFirst();
        assertEquals("revoked", l.status());
        String shown = robot.lookup("#sync-revoked .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (x, y) -> x + "\n" + y);
        assertTrue(shown.contains("Laptop in the office was revoked") && shown.contains("stolen at the market")
                && shown.contains("up to no. " + held), shown);
        robot.interact(() -> laptops.getSelectionModel().select(0));
        AppWindows.settle(context);
        assertTrue(revoke.isDisabled(), "a revoked laptop is not revoked twice");
        String statusCell = robot.lookup("#sync-laptops .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> c.getText() != null ? c.getText() : String.valueOf(c.getAccessibleText())).reduce("", (x, y) -> x + "|" + y);
        assertTrue(statusCell.contains("|Revoked|"), statusCell);
    }
}
