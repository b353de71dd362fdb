package coop.minka.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue #12: "01/02/2020" and "3/15/2019" were saved as today. The real date picker, typed into
/// in each of Minka's languages: the language's own short form with a four-digit year, and the
/// ISO form, are the dates kept; a text the language cannot read is an error naming the text and
/// never another date; a form opened again shows the new record's date, not the text typed before.
@ExtendWith(ApplicationExtension.class)
class DateFieldLanguagesUiTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    Stage stage;
    DateField field;
    DatePicker picker;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    private void show(FxRobot robot, String language) {
        robot.interact(() -> {
            field = new DateField(new I18n(Locale.forLanguageTag(language)), true, TODAY, () -> TODAY);
            picker = Views.datePicker(field);
            TextField next = new TextField();
            next.setId("next");
            stage.setScene(new Scene(new VBox(8, picker, next), 320, 160));
            stage.toFront();
            picker.getEditor().requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the first click on a window newly shown may only give it the focus
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String text) {
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().clear());
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, picker.getEditor().getText(), "the robot typed into the date field");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource({
        "en, 3/15/2019, 2019-03-15",
        "en, 11/28/2026, 2026-11-28",
        "en, 01/02/2020, 2020-01-02",
        "es, 01/02/2020, 2020-02-01",
        "es, 15/3/2019, 2019-03-15",
        "es, 28/11/2026, 2026-11-28",
        "fr, 15/03/2019, 2019-03-15",
        "fr, 01/02/2020, 2020-02-01",
        "pt, 15/03/2019, 2019-03-15",
        "pt, 01/02/2020, 2020-02-01",
        "es, 2019-03-15, 2019-03-15",
        "fr, 2019-03-15, 2019-03-15",
    })
    void theLanguagesShortFormWithFourDigitsIsTheDateKept(String language, String typed, String expected,
                                                          FxRobot robot) {
        show(robot, language);
        type(robot, typed);
        assertEquals(LocalDate.parse(expected), field.valueProperty().get(), typed);
        assertEquals("", field.errorProperty().get());
        assertTrue(field.valid());
    }

    @ParameterizedTest(name = "{0}: {1} is no date")
    @CsvSource({
        "en, 15/03/2019",
        "es, 3/15/2019",
        "fr, 31/02/2020",
        "pt, 10/13/2020",
        "es, mañana",
    })
    void aTextTheLanguageCannotReadIsAnErrorNeverToday(String language, String typed, FxRobot robot) {
        show(robot, language);
        type(robot, typed);
        // what a form does before saving: the text is not taken, so nothing can be saved
        java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean(true);
        robot.interact(() -> saved.set(field.commit()));
        assertFalse(saved.get(), typed);
        assertTrue(field.errorProperty().get().contains(typed), field.errorProperty().get());
        assertFalse(field.valid());
        LocalDate kept = field.valueProperty().get();
        assertTrue(kept == null || kept.equals(TODAY), "no other date is read from " + typed + ": " + kept);
    }

    /// The "Change member" form showed the previous member's date text: a reset (what every form
    /// does when it opens) puts the new record's date in the editor and forgets the error.
    @ParameterizedTest
    @CsvSource({"en", "es"})
    void aFormOpenedAgainShowsTheNewRecordsDateNotTheOldText(String language, FxRobot robot) {
        show(robot, language);
        type(robot, "31/31/3131");
        assertFalse(field.valid());
        robot.interact(() -> field.reset(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", picker.getEditor().getText());
        assertFalse(field.errorProperty().get().contains("3131"), field.errorProperty().get());
        robot.interact(() -> field.reset(LocalDate.of(2024, 1, 10)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DateField.format(LocalDate.of(2024, 1, 10), Locale.forLanguageTag(language)),
                picker.getEditor().getText());
        assertEquals(LocalDate.of(2024, 1, 10), field.valueProperty().get());
    }
}
