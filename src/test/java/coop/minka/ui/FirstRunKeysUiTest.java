package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.ui.common.FxExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/// The first run on a Spanish computer: the language chosen is remembered (English too), and the
/// welcome screens work from the keyboard alone (Tab, Enter, Escape).
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FirstRunKeysUiTest {
    @TempDir
    static Path root;
    private static int run;
    private static final Locale COMPUTER = Locale.getDefault();
    private Path dir;
    private AppContext context;
    private ExecutorService background;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.forLanguageTag("es-BO"));
        this.stage = stage;
        dir = Files.createDirectories(root.resolve("keys" + run++));
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
        assertTrue(background.awaitTermination(30, TimeUnit.SECONDS));
    }

    @AfterEach
    void computerLanguageBack() {
        Locale.setDefault(COMPUTER);
    }

    private void settle() {
        AppWindows.settle(context);
    }

    private Node focused() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /// A new start of the app on the same settings file (the context is rebuilt, as at a restart).
    private AppContext restart() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new AppContext(stage, dir.resolve("books.db"),
                dir.resolve("settings.json"), background, FxExecutors.fx(), new ScriptedDialogs())).get(10, TimeUnit.SECONDS);
    }

    @Test
    void englishChosenOnASpanishComputerIsUsedAtTheNextStart(FxRobot robot) throws Exception {
        settle();
        assertEquals("es", context.i18n().locale().getLanguage(), "the computer's language at first");
        robot.clickOn("#lang-en");
        WaitForAsyncUtils.waitForFxEvents();
        AppContext next = restart();
        assertEquals("en", next.i18n().locale().getLanguage());
        assertTrue(next.preferences().languageChosen(), "the next start does not ask again");
    }

    @Test
    void theSpanishOfTheComputerChosenIsRememberedToo(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#lang-es");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(restart().preferences().languageChosen());
    }

    @Test
    void theWelcomeScreensWorkFromTheKeyboardAndEnterCreatesTheBooks(FxRobot robot) {
        settle();
        // the language of the computer has the keyboard; Tab moves on, Enter chooses
        assertEquals("lang-es", focused().getId());
        robot.type(KeyCode.TAB);
        assertEquals("lang-fr", focused().getId());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fr", context.i18n().locale().getLanguage());
        // the choices: "create" has the keyboard; Escape goes back to the languages
        assertEquals("firstrun-create", focused().getId());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lang-en").tryQuery().isPresent(), "back on the language step");
        robot.clickOn("#lang-en");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER); // on "create"
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("firstrun-name", focused().getId());
        // Escape leaves the form, Enter comes back to it
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("firstrun-create", focused().getId());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // Enter with no name does nothing; with a name it creates the books
        robot.type(KeyCode.ENTER);
        settle();
        assertTrue(robot.lookup("#firstrun-go").queryAs(Button.class).isDefaultButton());
        assertTrue(Files.notExists(dir.resolve("books.db")));
        robot.write("Mujeres de Achocalla");
        assertEquals("Mujeres de Achocalla", robot.lookup("#firstrun-name").queryAs(TextField.class).getText());
        robot.type(KeyCode.ENTER);
        settle();
        assertTrue(Files.exists(dir.resolve("books.db")));
        assertTrue(robot.lookup("#nav-home").queryAs(ToggleButton.class).isSelected());
    }
}
