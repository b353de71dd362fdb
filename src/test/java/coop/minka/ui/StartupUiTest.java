package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Workspace;
import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/// Starting on existing books: the window says at once, in the language of the settings file,
/// that the books are being opened (never a blank window), then shows them; books that cannot
/// be opened end on the plain error page.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class StartupUiTest {
    @TempDir
    static Path root;
    private static int run;
    private Path dir;
    private AppContext context;
    private ExecutorService background;
    /// What the window showed before the books were open.
    private String firstMessage;
    private boolean firstLayerVisible;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createDirectories(root.resolve("start" + run++));
        if (run == 1) {
            Workspace.create(dir.resolve("books.db"), "Coop", "BRL", "Laptop", "pt", System::currentTimeMillis).close();
        } else {
            Files.writeString(dir.resolve("books.db"), "not a database at all, just some words ".repeat(200));
        }
        Files.writeString(dir.resolve("settings.json"), "{\"language\":\"pt\"}");
        background = FxExecutors.background();
        context = new AppContext(stage, dir.resolve("books.db"), dir.resolve("settings.json"), background,
                FxExecutors.fx(), new ScriptedDialogs());
        context.start(1366, 768);
        stage.show();
        Node layer = stage.getScene().lookup("#progress-layer");
        firstLayerVisible = layer.isVisible();
        firstMessage = ((Label) stage.getScene().lookup("#progress-message")).getText();
    }

    @Stop
    void stop() throws Exception {
        context.shutdown();
        background.shutdown();
        assertTrue(background.awaitTermination(30, TimeUnit.SECONDS));
    }

    private void settle() {
        AppWindows.settle(context);
    }

    @Test
    void theWindowSaysTheBooksAreOpeningThenShowsThem(FxRobot robot) {
        assertTrue(firstLayerVisible, "the opening notice is up as soon as the window is");
        assertEquals("Abrindo os seus livros…", firstMessage);
        settle();
        assertFalse(robot.lookup("#progress-layer").query().isVisible());
        assertTrue(robot.lookup("#nav-home").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#progress-cancel").query().isManaged() == false, "opening has no Cancel");
    }

    @Test
    void booksThatCannotBeOpenedEndOnTheErrorPage(FxRobot robot) {
        assertTrue(firstLayerVisible);
        settle();
        assertFalse(robot.lookup("#progress-layer").query().isVisible());
        assertTrue(robot.lookup("#nav-home").tryQuery().isEmpty());
        assertTrue(robot.lookup(dir.resolve("books.db").toAbsolutePath().toString()).tryQuery().isPresent());
        assertEquals("pt", context.i18n().locale().getLanguage());
    }
}
