package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.accounts.MoneyForm;
import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/// Money in and out through the real window at 1366×768: typed amounts saved with Enter,
/// Escape, and the accounts screen within the window's width at 150 % text.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class MoneyFlowUiTest {
    @TempDir
    static Path root;
    private static int run;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private AppContext context;
    private ExecutorService background;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        this.stage = stage;
        Path dir = Files.createDirectories(root.resolve("run" + run++));
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

    private void settle() {
        AppWindows.settle(context);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        settle();
    }

    private static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /// Whether a node is on screen: it and every parent visible (the forms hide the journal's pane).
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void openAccounts(FxRobot robot) {
        settle();
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Mujeres de Achocalla");
        click(robot, "#firstrun-go");
        click(robot, "#nav-accounts");
    }

    @Test
    void typingAnAmountAndPressingEnterSavesMoneyIn(FxRobot robot) {
        openAccounts(robot);
        click(robot, "#money-in");
        @SuppressWarnings("unchecked")
        ComboBox<MoneyForm.Purpose> purpose = node(robot, "#money-purpose", ComboBox.class);
        robot.interact(() -> purpose.setValue(purpose.getItems().stream()
                .filter(p -> p.account().code().equals("4000")).findFirst().orElseThrow()));
        robot.clickOn("#money-amount").write("40");
        settle();
        assertTrue(node(robot, "#money-preview", Label.class).getText().endsWith("came into Cash box from Dues."),
                node(robot, "#money-preview", Label.class).getText());
        robot.type(KeyCode.ENTER);
        settle();
        TableView<?> journal = node(robot, "#journal", TableView.class);
        assertEquals(1, journal.getItems().size());
        assertTrue(shown(journal), "the form closed");
        assertFalse(shown(node(robot, "#money-save", Button.class)));

        // Escape cancels: nothing saved
        click(robot, "#money-out");
        robot.clickOn("#money-amount").write("5");
        assertFalse(shown(journal), "the form is open");
        robot.type(KeyCode.ESCAPE);
        settle();
        assertTrue(shown(journal));
        assertEquals(1, journal.getItems().size());

        // Enter in the journal form saves it when it balances, and not before
        click(robot, "#tx-new");
        robot.clickOn("#tx-memo").write("Tea");
        @SuppressWarnings("unchecked")
        ComboBox<coop.minka.domain.Account> first = node(robot, "#tx-account-1", ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<coop.minka.domain.Account> second = node(robot, "#tx-account-2", ComboBox.class);
        robot.interact(() -> {
            first.setValue(first.getItems().stream().filter(a -> a.code().equals("5000")).findFirst().orElseThrow());
            second.setValue(second.getItems().stream().filter(a -> a.code().equals("1000")).findFirst().orElseThrow());
        });
        robot.clickOn("#tx-debit-1").write("3");
        robot.type(KeyCode.ENTER);
        settle();
        assertFalse(shown(journal), "unbalanced: Enter does not save");
        robot.clickOn("#tx-credit-2").write("3").type(KeyCode.ENTER);
        settle();
        assertTrue(shown(journal));
        assertEquals(2, journal.getItems().size());
    }

    @Test
    void theAccountsScreenFitsTheWindowAtLargeText(FxRobot robot) {
        openAccounts(robot);
        robot.interact(() -> stage.getScene().getRoot().setStyle("-fx-font-size: 21px;"));
        settle();
        double width = stage.getScene().getWidth();
        for (String id : new String[] {"#money-in", "#money-out", "#tx-new", "#account-change", "#journal",
                "#accounts-chart"}) {
            Bounds b = robot.lookup(id).query().localToScene(robot.lookup(id).query().getBoundsInLocal());
            assertTrue(b.getMaxX() <= width + 1, id + " ends at " + b.getMaxX() + " in a window " + width + " wide");
        }
        // the register of one account: its running balance column, still within the window
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeTableView<Object> chart = node(robot, "#accounts-chart",
                javafx.scene.control.TreeTableView.class);
        robot.interact(() -> chart.getSelectionModel().select(chart.getRoot().getChildren().getFirst()
                .getChildren().getFirst()));
        settle();
        TableView<?> journal = node(robot, "#journal", TableView.class);
        assertTrue(journal.getColumns().getLast().isVisible(), "the running balance column");
        within(robot, "#journal", width);
        click(robot, "#money-in");
        within(robot, "#money-save", width);
        click(robot, "#tx-new");
        within(robot, "#tx-save", width);
        within(robot, "#tx-credit-1", width);
    }


    private static void within(FxRobot robot, String id, double width) {
        Node n = robot.lookup(id).query();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertTrue(b.getMaxX() <= width + 1, id + " ends at " + b.getMaxX() + " in a window " + width + " wide");
    }
}
