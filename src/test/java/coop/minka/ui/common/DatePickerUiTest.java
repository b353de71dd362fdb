package coop.minka.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The real date picker, typed into on JavaFX's headless platform: a four-digit year in the
/// English short form is the date kept when the field is left, and a text that is no date leaves
/// the field empty with an error naming the text — never the date that was there before (today).
@ExtendWith(ApplicationExtension.class)
class DatePickerUiTest {
    static final LocalDate BEFORE = LocalDate.of(2026, 12, 1);
    final I18n i18n = new I18n(Locale.ENGLISH);
    DateField field;
    DatePicker picker;

    @Start
    void start(Stage stage) {
        field = new DateField(i18n, true, BEFORE);
        picker = Views.datePicker(field);
        TextField next = new TextField();
        next.setId("next");
        stage.setScene(new Scene(new VBox(8, picker, next), 320, 160));
        stage.show();
    }

    private void type(FxRobot robot, String text, KeyCode leaveWith) {
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().clear());
        robot.write(text);
        if (leaveWith == null) {
            robot.clickOn("#next");
        } else {
            robot.type(leaveWith);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFourDigitYearIsKeptWhenTheFieldIsLeft(FxRobot robot) {
        type(robot, "11/30/2026", null);
        assertEquals(LocalDate.of(2026, 11, 30), field.valueProperty().get());
        assertEquals(LocalDate.of(2026, 11, 30), picker.getValue());
        assertEquals("", field.errorProperty().get());
        assertEquals("11/30/2026", picker.getEditor().getText());
        type(robot, "2026-11-29", KeyCode.ENTER);
        assertEquals(LocalDate.of(2026, 11, 29), field.valueProperty().get());
    }

    @Test
    void aTextThatIsNoDateIsAnErrorAndNeverTheDateBefore(FxRobot robot) {
        type(robot, "2/30/2026", null);
        assertNull(field.valueProperty().get());
        assertTrue(field.errorProperty().get().contains("2/30/2026"), field.errorProperty().get());
        assertTrue(!field.valid());
        type(robot, "+10000-01-01", KeyCode.ENTER);
        assertNull(field.valueProperty().get());
        assertTrue(field.errorProperty().get().contains("+10000-01-01"), field.errorProperty().get());
        type(robot, "1/2/2027", null);
        assertEquals(LocalDate.of(2027, 1, 2), field.valueProperty().get());
        assertEquals("", field.errorProperty().get());
    }
}
