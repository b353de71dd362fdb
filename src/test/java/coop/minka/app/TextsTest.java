package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void hoursAcceptDecimalsCommasAndClockForm() {
        assertEquals(120, Texts.minutes("2"));
        assertEquals(90, Texts.minutes("1.5"));
        assertEquals(90, Texts.minutes("1,5"));
        assertEquals(90, Texts.minutes("1:30"));
        assertEquals(15, Texts.minutes("0.25"));
        assertEquals(1440, Texts.minutes("24"));
    }

    @Test
    void hoursOutsideADayOrGarbageAreRefused() {
        for (String bad : List.of("0", "25", "-1", "abc", "1:75", "", "1.5.2")) {
            assertEquals(ErrorCode.BAD_HOURS, assertThrows(MinkaException.class, () -> Texts.minutes(bad)).code(), bad);
        }
    }

    @Test
    void datesAreIsoAndBadDatesAreCatalogued() {
        assertEquals(LocalDate.of(2026, 3, 31), Texts.date("2026-03-31"));
        for (String bad : List.of("31/03/2026", "2026-13-01", "2026-02-30", "yesterday")) {
            assertEquals(ErrorCode.BAD_DATE, assertThrows(MinkaException.class, () -> Texts.date(bad)).code(), bad);
        }
    }

    @Test
    void requiredTextIsStrippedAndNotEmpty() {
        assertEquals("Ana", Texts.required("  Ana ", "name"));
        assertEquals(ErrorCode.EMPTY_FIELD, assertThrows(MinkaException.class, () -> Texts.required("  ", "name")).code());
        assertEquals(ErrorCode.TEXT_TOO_LONG, assertThrows(MinkaException.class,
                () -> Texts.required("x".repeat(Texts.MAX_TEXT + 1), "name")).code());
    }

    @Test
    void minutesPrintAsPlainHours() {
        assertEquals("1.5", Texts.hours(90));
        assertEquals("2", Texts.hours(120));
        assertEquals("0.33", Texts.hours(20));
    }
}
