package coop.minka.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Person;
import coop.minka.domain.Role;
import coop.minka.ui.accounts.MoneyForm;
import coop.minka.ui.common.DialogService;
import coop.minka.ui.common.FxExecutors;
import coop.minka.ui.common.Notices;
import coop.minka.ui.people.PeopleViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
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

/// People and roles through the real window (issue 13): the first person (a president) added on
/// the People screen, the bar that asks who is working, wrong and right PINs, locking, a second
/// person for a change that needs two, and roles deciding what may be saved.
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class PeopleUiTest {
    @TempDir
    static Path root;
    private static int run;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private AppContext context;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
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

    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void openPeople(FxRobot robot) {
        settle();
        robot.clickOn("#lang-en");
        robot.clickOn("#firstrun-create");
        robot.clickOn("#firstrun-name").write("Mujeres de Achocalla");
        click(robot, "#firstrun-go");
        click(robot, "#nav-people");
    }

    /// Adds a person on the People screen with these roles (the president comes ticked for the first).
    private void addPerson(FxRobot robot, String name, String pin, Role... roles) {
        click(robot, "#people-add");
        robot.clickOn("#person-name").write(name);
        for (Role r : Role.values()) {
            CheckBox c = node(robot, "#role-" + r.wire(), CheckBox.class);
            boolean want = java.util.Arrays.asList(roles).contains(r);
            robot.interact(() -> c.setSelected(want));
        }
        typeInto(robot, "#person-pin", pin);
        typeInto(robot, "#person-pin-again", pin);
        robot.type(KeyCode.ENTER);
        settle();
    }

    /// Types into a field of the form, which may be scrolled below the window's edge.
    private static void typeInto(FxRobot robot, String query, String text) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.write(text);
    }

    private void unlock(FxRobot robot, String name, String pin) {
        @SuppressWarnings("unchecked")
        ComboBox<Person> who = node(robot, "#unlock-name", ComboBox.class);
        robot.interact(() -> who.setValue(who.getItems().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow()));
        robot.clickOn("#unlock-pin").write(pin).type(KeyCode.ENTER);
        settle();
    }

    private String working(FxRobot robot) {
        Label l = node(robot, "#unlock-working", Label.class);
        return shown(l) ? l.getText() : "";
    }

    @Test
    void theFirstPersonIsAPresidentAddedOnThePeopleScreen(FxRobot robot) {
        openPeople(robot);
        assertFalse(shown(node(robot, "#unlock-bar", Node.class)), "no people yet: nobody is asked for a PIN");
        click(robot, "#people-add");
        assertTrue(shown(node(robot, "#people-first-note", Label.class)), "the first person must be a president");
        assertTrue(node(robot, "#role-president", CheckBox.class).isSelected(), "president comes ticked");
        robot.clickOn("#person-name").write("Rosa Quispe");
        typeInto(robot, "#person-pin", "2468");
        typeInto(robot, "#person-pin-again", "2469");
        settle();
        assertTrue(node(robot, "#person-save", javafx.scene.control.Button.class).isDisabled(), "the PINs differ");
        robot.eraseText(1).write("8").type(KeyCode.ENTER);
        settle();

        @SuppressWarnings("unchecked")
        TableView<PeopleViewModel.Row> table = node(robot, "#people-table", TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("Rosa Quispe", table.getItems().getFirst().person().name());
        assertEquals(java.util.Set.of(Role.PRESIDENT), table.getItems().getFirst().person().roles());
        assertTrue(shown(node(robot, "#unlock-pin", Node.class)), "from now on the bar asks who is working");
        assertEquals(Notices.Kind.SUCCESS, context.notices().latest().kind());
        assertTrue(node(robot, "#people-add", javafx.scene.control.Button.class).isDisabled(),
                "nobody working: adding a person is not offered");
    }

    @Test
    void aWrongPinSaysSoTheRightOneUnlocksAndLockEndsIt(FxRobot robot) {
        openPeople(robot);
        addPerson(robot, "Rosa Quispe", "2468", Role.PRESIDENT);
        unlock(robot, "Rosa Quispe", "1111");
        Label error = node(robot, "#unlock-error", Label.class);
        assertTrue(shown(error));
        assertEquals("Wrong PIN for Rosa Quispe.", error.getText());
        assertEquals("", working(robot));

        unlock(robot, "Rosa Quispe", "2468");
        assertEquals("Working: Rosa Quispe (President)", working(robot));
        assertFalse(shown(error), "the message goes once the PIN was right");
        assertFalse(node(robot, "#people-add", javafx.scene.control.Button.class).isDisabled());

        click(robot, "#unlock-lock");
        assertEquals("", working(robot));
        assertTrue(shown(node(robot, "#unlock-pin", Node.class)));
    }

    @Test
    void aTreasurerMayPostMoneyASecretaryIsRefused(FxRobot robot) {
        openPeople(robot);
        addPerson(robot, "Rosa Quispe", "2468", Role.PRESIDENT);
        unlock(robot, "Rosa Quispe", "2468");
        // nobody else could confirm yet: the president adds the treasurer alone
        addPerson(robot, "Tere Mamani", "1357", Role.TREASURER);
        assertTrue(dialogs.asked.isEmpty(), String.valueOf(dialogs.asked));
        // now the treasurer can be the second person, and is asked for
        dialogs.secondAnswer = Optional.of(new DialogService.SecondPerson("Tere Mamani", "1357"));
        addPerson(robot, "Sara Condori", "8642", Role.SECRETARY);
        assertEquals(1, dialogs.asked.size(), String.valueOf(dialogs.asked));
        assertTrue(dialogs.asked.getFirst().endsWith(": Tere Mamani"), dialogs.asked.getFirst());
        @SuppressWarnings("unchecked")
        TableView<PeopleViewModel.Row> table = node(robot, "#people-table", TableView.class);
        assertEquals(3, table.getItems().size());

        click(robot, "#unlock-lock");
        unlock(robot, "Sara Condori", "8642");
        assertEquals("Working: Sara Condori (Secretary)", working(robot));
        click(robot, "#nav-accounts");
        moneyIn(robot, "40");
        Notices.Notice refused = context.notices().latest();
        assertEquals(Notices.Kind.ERROR, refused.kind());
        assertTrue(refused.text().startsWith("Sara Condori may not make this change"), refused.text());
        assertTrue(refused.hint().contains("Nothing was saved"), refused.hint());
        TableView<?> journal = node(robot, "#journal", TableView.class);
        assertEquals(0, journal.getItems().size());
        robot.type(KeyCode.ESCAPE);
        settle();

        click(robot, "#unlock-lock");
        unlock(robot, "Tere Mamani", "1357");
        assertEquals("Working: Tere Mamani (Treasurer)", working(robot));
        moneyIn(robot, "40");
        assertEquals(Notices.Kind.SUCCESS, context.notices().latest().kind(), context.notices().latest().text());
        assertEquals(1, journal.getItems().size());
    }

    @Test
    void nobodyWorkingAChangeIsRefusedInPlainWords(FxRobot robot) {
        openPeople(robot);
        addPerson(robot, "Rosa Quispe", "2468", Role.PRESIDENT, Role.TREASURER);
        click(robot, "#nav-accounts");
        moneyIn(robot, "12");
        Notices.Notice refused = context.notices().latest();
        assertEquals(Notices.Kind.ERROR, refused.kind());
        assertTrue(refused.hint().startsWith("Choose your name and type your PIN"), refused.hint());
        assertEquals(0, node(robot, "#journal", TableView.class).getItems().size());
    }

    private void moneyIn(FxRobot robot, String amount) {
        click(robot, "#money-in");
        @SuppressWarnings("unchecked")
        ComboBox<MoneyForm.Purpose> purpose = node(robot, "#money-purpose", ComboBox.class);
        robot.interact(() -> purpose.setValue(purpose.getItems().stream()
                .filter(p -> p.account().code().equals("4000")).findFirst().orElseThrow()));
        robot.clickOn("#money-amount").write(amount);
        robot.type(KeyCode.ENTER);
        settle();
    }
}
