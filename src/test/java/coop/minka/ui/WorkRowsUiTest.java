package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Services;
import coop.minka.app.WorkService;
import coop.minka.app.Workspace;
import coop.minka.domain.Gender;
import coop.minka.domain.WorkKind;
import coop.minka.ui.common.FxExecutors;
import coop.minka.ui.work.WorkView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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

/// Shared work at 1366×768 with 150 % text (issue #12): with the quick-entry form folded the
/// table shows at least 8 rows, nothing sticks out on the right, and the fold is kept when
/// coming back to the screen.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class WorkRowsUiTest {
    @TempDir
    static Path root;
    private static int run;
    private AppContext context;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Path dir = Files.createDirectories(root.resolve("run" + run++));
        Path db = dir.resolve("books.db");
        try (Services s = new Services(Workspace.create(db, "Mujeres de Achocalla", "BOB", "Laptop", "en",
                System::currentTimeMillis))) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.members().add("Juan Mamani", Gender.MAN, null, null, null);
            s.work().addCategory("K", "Community kitchen", "10", WorkKind.CARE);
            LocalDate today = LocalDate.now();
            for (int i = 0; i < 14; i++) {
                s.work().add(new WorkService.Entry(i % 2 == 0 ? "Ana" : "Juan", today, "1", "K", "lunch",
                        i % 3 == 0 ? (i % 2 == 0 ? "Juan" : "Ana") : null));
            }
        }
        background = FxExecutors.background();
        context = new AppContext(stage, db, dir.resolve("settings.json"), background, FxExecutors.fx(),
                new ScriptedDialogs());
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

    /// Rows with an entry that lie wholly inside the table.
    private static int visibleRows(TableView<?> table) {
        Bounds t = table.localToScene(table.getLayoutBounds());
        int n = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof TableRow<?> row && row.isVisible() && row.getItem() != null) {
                Bounds b = row.localToScene(row.getLayoutBounds());
                if (b.getHeight() > 0 && b.getMinY() >= t.getMinY() - 1 && b.getMaxY() <= t.getMaxY() + 1) {
                    n++;
                }
            }
        }
        return n;
    }

    /// Controls of the screen that stick out on the right of the window.
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

    /// Whether the quick-entry member field is on screen (it and every parent visible).
    private static boolean formShown(FxRobot robot) {
        for (Node n = robot.lookup("#work-member").query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Node screen(Node inside) {
        Node n = inside;
        while (!(n instanceof WorkView)) {
            n = n.getParent();
        }
        return n;
    }

    @Test
    void foldingTheFormShowsEightRowsAt150PercentText(FxRobot robot) {
        settle();
        robot.interact(() -> context.preferences().textScaleProperty().set(150));
        settle();
        click(robot, "#nav-work");
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#work-table").queryAs(TableView.class);
        assertEquals(14, table.getItems().size());
        assertFalse(formShown(robot), "a short window with large text starts with the form folded");
        int rows = visibleRows(table);
        assertTrue(rows >= 8, "rows shown at 1366×768 with 150 % text: " + rows);
        List<String> out = new ArrayList<>();
        collect(screen(table), table.getScene().getWidth(), out);
        assertEquals(List.of(), out, "at 1366 px with 150 % text nothing sticks out");

        click(robot, "#work-quick-toggle");
        assertTrue(formShown(robot), "the toggle opens it");
        click(robot, "#nav-members");
        click(robot, "#nav-work");
        assertTrue(formShown(robot), "opened by hand: kept open for the session");
        click(robot, "#work-quick-toggle");
        assertFalse(formShown(robot), "folded again");
        click(robot, "#nav-members");
        click(robot, "#nav-work");
        assertFalse(formShown(robot), "still folded for the session");
    }

    /// The collective work day form at 1366×768 with 150 % text: the window's content is no
    /// wider than the window (it once pushed the menu bar and sidebar off the left edge).
    @Test
    void workDayFormFitsTheWindowAt150PercentText(FxRobot robot) {
        settle();
        robot.interact(() -> context.preferences().textScaleProperty().set(150));
        settle();
        click(robot, "#nav-work");
        click(robot, "#workday-open");
        Node table = robot.lookup("#work-table").query();
        javafx.scene.Scene scene = table.getScene();
        javafx.scene.Parent top = scene.getRoot();
        double width = scene.getWidth();
        assertTrue(top.minWidth(-1) <= width + 1, "min width " + top.minWidth(-1) + " > " + width);
        assertTrue(top.localToScene(top.getLayoutBounds()).getMinX() >= -1, "the window's content starts at its left edge");
        List<String> out = new ArrayList<>();
        collect(top, width, out);
        assertEquals(List.of(), out, "with the work day form open at 150 % text nothing sticks out");
    }
}
