package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
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

/// The Reports screen through the real window at 1366×768 with 150 % text: pick a report, see
/// its table, save it as CSV (scripted dialog), check a printed code.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ReportsFlowUiTest {
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

    private void settle() {
        AppWindows.settle(context);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        settle();
    }

    /// Controls of the screen that stick out on the right of the window.
    private static List<String> overflowing(Node screen, double width) {
        List<String> out = new ArrayList<>();
        collect(screen, width, out);
        return out;
    }

    private static void collect(Node n, double width, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Control || n instanceof Label) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMaxX() > width + 1 && !(n.getParent() instanceof javafx.scene.control.skin.TableHeaderRow)) {
                out.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + " ends at "
                        + Math.round(b.getMaxX()));
            }
            if (n instanceof TableView<?>) {
                return; // a table scrolls within itself
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, width, out);
            }
        }
    }

    @Test
    void aTreasurerPicksAReportSavesItAsCsvAndChecksACode(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Mujeres de Achocalla");
        click(robot, "#firstrun-go");
        robot.interact(() -> context.preferences().textScaleProperty().set(150));
        settle();
        click(robot, "#nav-reports");
        robot.clickOn("#report-choice");
        click(robot, "Trial balance");
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.lookup("#report-table").queryAs(TableView.class);
        assertTrue(table.isVisible());
        assertEquals("CODE", table.getColumns().getFirst().getText());
        assertFalse(table.getItems().isEmpty(), "every account and the total");
        Node screen = robot.lookup("#report-choice").query().getParent().getParent().getParent();
        double width = table.getScene().getWidth();
        assertEquals(List.of(), overflowing(screen, width), "at 1366 px with 150 % text nothing sticks out");

        Path csv = dir.resolve("trial");
        dialogs.fileAnswer = Optional.of(csv);
        click(robot, "#report-save-csv");
        String saved = Files.readString(dir.resolve("trial.csv"));
        assertTrue(saved.startsWith("CODE,NAME,TYPE,OPENING,DEBITS,CREDITS,CLOSING\r\n"), saved);
        assertTrue(saved.contains(",Total,,0.00,0.00,0.00,0.00"), saved);
        assertTrue(dialogs.asked.contains("Save as CSV"), dialogs.asked.toString());

        robot.clickOn("#report-choice");
        click(robot, "Member statement (money and hours)");
        @SuppressWarnings("unchecked")
        ComboBox<Object> member = robot.lookup("#report-member").queryAs(ComboBox.class);
        assertTrue(member.isVisible());
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("HOURS")));
        assertEquals(List.of(), overflowing(screen, width));

        robot.clickOn("#report-check-pane .title");
        settle();
        robot.clickOn("#report-code").write("2026-01-01..2026-03-31 ABCD");
        click(robot, "#report-check");
        Label result = robot.lookup("#report-check-result").queryAs(Label.class);
        assertTrue(result.getText().startsWith("The code could not be read"), result.getText());
    }
}
