package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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

/// Issue 12 on the real window: a cooperative started empty has no kind of work; the Work screen
/// opens the kinds-of-work panel, the first kind is added there, and work is logged with its value.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class KindsOfWorkUiTest {
    @TempDir
    static Path root;
    private static int run;
    private Path dir;
    private AppContext context;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        dir = Files.createDirectories(root.resolve("run" + run++));
        background = FxExecutors.background();
        context = new AppContext(stage, dir.resolve("books.db"), dir.resolve("settings.json"), background,
                FxExecutors.fx(), new ScriptedDialogs());
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

    private static <T extends javafx.scene.Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    @Test
    void anEmptyCooperativeAddsAKindOfWorkAndLogsWork(FxRobot robot) {
        settle();
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Olla de Achocalla");
        robot.clickOn("#firstrun-kind-empty");
        click(robot, "#firstrun-go");
        click(robot, "#nav-members");
        click(robot, "#members-add");
        robot.clickOn("#member-name").write("Rosa Apaza");
        click(robot, "#member-save");

        click(robot, "#nav-work");
        assertTrue(robot.lookup("#kinds-panel").query().isVisible(), "no kind of work yet: the panel is open");
        assertTrue(node(robot, "#kinds-table", TableView.class).getItems().isEmpty());
        assertTrue(node(robot, "#work-save", Button.class).isDisabled());
        robot.clickOn("#kinds-new-name").write("Olla común");
        robot.clickOn("#kinds-new-rate").write("10");
        click(robot, "#kinds-add");
        assertEquals(1, node(robot, "#kinds-table", TableView.class).getItems().size());

        robot.clickOn("#work-member").write("ro");
        settle();
        robot.clickOn("#work-hours").write("2").type(KeyCode.ENTER);
        settle();
        TableView<?> work = node(robot, "#work-table", TableView.class);
        assertEquals(1, work.getItems().size());
        assertEquals(2000L, ((coop.minka.ui.work.WorkViewModel.Row) work.getItems().getFirst()).valueMinor());

        click(robot, "#kinds-open");
        assertFalse(robot.lookup("#kinds-panel").query().isVisible(), "the button closes the panel");
    }
}
