package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.Account;
import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/// The main flows, clicked and typed through the real window on JavaFX's headless platform.
/// Database work runs off the FX thread on the app's own executors ([FxExecutors], as [App] does);
/// the test waits for it ([#settle]) before it looks. Dialogs are scripted.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class DesktopFlowsUiTest {
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

    /// Waits until the background work the app started (and any work its results started) is done
    /// and the FX thread has shown the results.
    private void settle() {
        AppWindows.settle(context);
    }

    /// A click, then wait for the work it started.
    private FxRobot click(FxRobot robot, String query) {
        robot.clickOn(query);
        settle();
        return robot;
    }

    private void createCooperative(FxRobot robot) {
        settle(); // the first-run screen
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Mujeres de Achocalla");
        click(robot, "#firstrun-go");
    }

    private static <T extends javafx.scene.Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    @Test
    void firstRunCreatesTheBooksAndOpensTheMainWindow(FxRobot robot) {
        createCooperative(robot);
        assertTrue(node(robot, "#nav-home", ToggleButton.class).isSelected());
        assertTrue(Files.exists(dir.resolve("books.db")));
        click(robot, "#nav-accounts");
        TableView<?> journal = node(robot, "#journal", TableView.class);
        assertTrue(journal.getItems().isEmpty());
    }

    /// The first run's demo: the same demo as `minka demo generate`, in the language chosen, in its
    /// own file, with the other laptop that synced with it on the Sync screen.
    @Test
    void theDemoOpensInTheLanguageChosenWithASecondLaptop(FxRobot robot) {
        settle();
        robot.clickOn("#lang-es");
        click(robot, "#firstrun-demo");
        assertTrue(node(robot, "#nav-home", ToggleButton.class).isSelected());
        assertTrue(Files.exists(dir.resolve(AppContext.DEMO_FILE)));
        assertFalse(Files.exists(dir.resolve("books.db")), "the real books are not made");
        click(robot, "#nav-sync");
        TableView<?> laptops = node(robot, "#sync-laptops", TableView.class);
        assertEquals(1, laptops.getItems().size(), "the other laptop (this one is not listed)");
        assertTrue(laptops.getItems().stream().anyMatch(l -> ((coop.minka.app.sync.SyncStatus.Laptop) l).name()
                .contains("computadora de la comunidad")), laptops.getItems().toString());
    }

    @Test
    void addAMemberLogWorkAndACollectiveWorkDay(FxRobot robot) {
        createCooperative(robot);
        click(robot, "#nav-members");
        click(robot, "#members-add");
        assertTrue(node(robot, "#member-save", Button.class).isDisabled());
        robot.clickOn("#member-name").write("Rosa Apaza");
        click(robot, "#member-save");
        click(robot, "#members-add");
        robot.clickOn("#member-name").write("Juan Mamani");
        click(robot, "#member-save");
        TableView<?> members = node(robot, "#members-table", TableView.class);
        assertEquals(2, members.getItems().size());

        click(robot, "#nav-work");
        robot.clickOn("#work-member").write("ro");
        settle();
        @SuppressWarnings("unchecked")
        ComboBox<Member> who = node(robot, "#work-member", ComboBox.class);
        assertEquals("Rosa Apaza", who.getValue().name());
        robot.clickOn("#work-hours").write("2,5").type(KeyCode.ENTER);
        settle();
        TableView<?> work = node(robot, "#work-table", TableView.class);
        assertEquals(1, work.getItems().size());
        assertTrue(node(robot, "#work-totals", Label.class).getText().contains("2.5 h"));
        assertEquals(null, who.getValue());

        click(robot, "#workday-open");
        robot.clickOn("#workday-hours").write("4");
        assertTrue(node(robot, "#workday-save", Button.class).isDisabled());
        var ticks = robot.lookup(".attendee").queryAllAs(CheckBox.class);
        assertEquals(2, ticks.size());
        ticks.forEach(robot::clickOn);
        settle();
        assertTrue(ticks.stream().allMatch(CheckBox::isSelected));
        assertFalse(node(robot, "#workday-save", Button.class).isDisabled());
        click(robot, "#workday-save");
        assertEquals(3, work.getItems().size());
        assertTrue(node(robot, "#work-totals", Label.class).getText().startsWith("Total 10.5 h"));
    }

    @Test
    void aBalancedTransactionIsSavedAndAnUnbalancedOneRefused(FxRobot robot) {
        createCooperative(robot);
        click(robot, "#nav-accounts");
        click(robot, "#tx-new");
        robot.clickOn("#tx-memo").write("Dues of March");
        @SuppressWarnings("unchecked")
        ComboBox<Account> first = node(robot, "#tx-account-1", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Account> second = node(robot, "#tx-account-2", ComboBox.class);
        robot.interact(() -> {
            first.setValue(first.getItems().stream().filter(a -> a.code().equals("1000")).findFirst().orElseThrow());
            second.setValue(second.getItems().stream().filter(a -> a.code().equals("4000")).findFirst().orElseThrow());
        });
        settle();
        robot.clickOn("#tx-debit-1").write("120");
        robot.clickOn("#tx-credit-2").write("100");
        Button save = node(robot, "#tx-save", Button.class);
        assertTrue(save.isDisabled());
        assertTrue(node(robot, "#tx-difference", Label.class).getText().contains("20"));
        robot.doubleClickOn("#tx-credit-2").eraseText(3).write("120");
        settle();
        assertFalse(save.isDisabled());
        assertTrue(node(robot, "#tx-difference", Label.class).getText().startsWith("Balanced"));
        robot.clickOn(save);
        settle();
        TableView<?> journal = node(robot, "#journal", TableView.class);
        assertEquals(1, journal.getItems().size());
    }

    @Test
    void switchingTheLanguageRedrawsTheWindow(FxRobot robot) {
        createCooperative(robot);
        click(robot, "#nav-settings");
        @SuppressWarnings("unchecked")
        ComboBox<Locale> lang = node(robot, "#settings-language", ComboBox.class);
        robot.interact(() -> lang.setValue(Locale.forLanguageTag("es")));
        settle();
        assertEquals("Socias y socios", node(robot, "#nav-members", ToggleButton.class).getText());
        assertTrue(node(robot, "#nav-settings", ToggleButton.class).isSelected());
        robot.interact(() -> node(robot, "#settings-language", ComboBox.class).getSelectionModel().select(2));
        settle();
        assertEquals("Membres", node(robot, "#nav-members", ToggleButton.class).getText());
        assertTrue(Files.exists(dir.resolve("settings.json")));
    }

    @Test
    void syncThroughAFolderBetweenTwoDatabases(FxRobot robot) throws Exception {
        createCooperative(robot);
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Path full = dir.resolve("all.minka");
        dialogs.fileAnswer = Optional.of(full);
        click(robot, "#nav-sync");
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b
                && b.getText().startsWith("Write a file with everything")).queryButton());
        settle();
        assertTrue(Files.exists(full));
        // the app makes cooperatives that encrypt their files: the new laptop joins with the
        // recovery key, still kept beside the books until it is written out
        try (Services b = new Services(SyncService.join(dir.resolve("village-b.db"), full, "Village B laptop",
                System::currentTimeMillis, dir.resolve("books.db.recovery")))) {
            b.members().add("Killa Condori", Gender.WOMAN, null, null, null);
            new SyncService(b.workspace(), b.periods(), new SyncService.Options(false, 10, false,
                    coop.minka.sync.BundleLimits.DEFAULT)).syncFolder(stick);
        }
        dialogs.folderAnswer = Optional.of(stick);
        click(robot, "#sync-folder");
        String receipt = robot.lookup("#sync-receipt .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (x, y) -> x + "\n" + y);
        assertTrue(receipt.contains("Village B laptop"), receipt);
        TableView<?> laptops = node(robot, "#sync-laptops", TableView.class);
        assertEquals(1, laptops.getItems().size());
        robot.interact(() -> laptops.getSelectionModel().select(0));
        settle();
        dialogs.confirmAnswer = true;
        Button admit = node(robot, "#sync-admit", Button.class);
        assertFalse(admit.isDisabled());
        robot.interact(admit::fire);
        settle();
        assertTrue(dialogs.asked.getLast().contains("Village B laptop"));
        click(robot, "#nav-members");
        TableView<?> members = node(robot, "#members-table", TableView.class);
        assertEquals(1, members.getItems().size());
    }

}
