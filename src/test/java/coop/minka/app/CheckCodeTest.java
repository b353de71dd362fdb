package coop.minka.app;

import coop.minka.app.pack.CheckCode;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Check codes: stable, typeable, verified on a second copy of the same books, and changed by
/// any change to what the period's pack prints.
class CheckCodeTest {
    @TempDir
    Path dir;

    @Test
    void aCodeReadsBackAndCatchesTypos() {
        String code = CheckCode.fromDigest(new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}"), code);
        CheckCode c = CheckCode.parse("2026-01-01..2026-03-31 " + code, null, null);
        assertEquals(new CheckCode(FROM, TO, code), c);
        assertEquals(c, CheckCode.parse("  2026-01-01..2026-03-31   " + code.toLowerCase().replace("-", " ") + " ", null, null));
        assertEquals(c, CheckCode.parse(code.replace("-", ""), FROM, TO));
        char[] typo = code.toCharArray();
        typo[1] = typo[1] == 'A' ? 'B' : 'A';
        var e = assertThrows(MinkaException.class, () -> CheckCode.parse("2026-01-01..2026-03-31 " + new String(typo), null, null));
        assertEquals(ErrorCode.BAD_CHECK_CODE, e.code());
        char[] swap = code.toCharArray();
        char t = swap[0];
        swap[0] = swap[1];
        swap[1] = t;
        if (swap[0] != swap[1]) {
            assertThrows(MinkaException.class, () -> CheckCode.parse(new String(swap), FROM, TO));
        }
        assertEquals(ErrorCode.BAD_CHECK_CODE, assertThrows(MinkaException.class,
                () -> CheckCode.parse(code, null, null)).code());
        assertEquals(ErrorCode.BAD_CHECK_CODE, assertThrows(MinkaException.class,
                () -> CheckCode.parse("2026-01-01..2026-03-31 ABC", null, null)).code());
    }

    @Test
    void aCopyOfTheBooksAcceptsTheCodeAndAChangeBreaksIt() throws Exception {
        String printed;
        Path copy = dir.resolve("copy").resolve("warmi.db");
        try (Services s = ReportFixture.create(dir)) {
            printed = s.checkCodes().compute(FROM, TO).text();
            assertEquals(printed, s.checkCodes().compute(FROM, TO).text());
            assertEquals(printed, s.checkCodes().verify(printed, null, null).text());
        }
        Files.createDirectories(copy.getParent());
        Files.copy(dir.resolve("warmi.db"), copy);
        try (Services other = new Services(Workspace.open(copy, () -> ReportFixture.NOW + 10_000))) {
            assertEquals(printed, other.checkCodes().verify(printed, null, null).text());
            ReportFixture.post(other, "2026-04-05", "After the period", null, "5000", "1", "1000");
            assertEquals(printed, other.checkCodes().verify(printed, null, null).text(),
                    "an entry after the period leaves the code alone");
            ReportFixture.post(other, "2026-02-28", "Forgotten receipt", null, "5000", "3", "1000");
            var e = assertThrows(MinkaException.class, () -> other.checkCodes().verify(printed, null, null));
            assertEquals(ErrorCode.CODE_MISMATCH, e.code());
        }
    }

    @Test
    void earlierEntriesCountThroughOpeningBalancesAndWorkAndNamesCount() {
        try (Services s = ReportFixture.create(dir)) {
            var checks = s.checkCodes();
            String before = checks.compute(FROM, TO).code();
            ReportFixture.post(s, "2025-11-30", "Old gift", null, "1000", "5", "3000");
            String afterOld = checks.compute(FROM, TO).code();
            assertNotEquals(before, afterOld, "opening balances are printed, so they count");
            ReportFixture.work(s, "Alex Flores", "2026-03-30", "1", "MEET");
            String afterWork = checks.compute(FROM, TO).code();
            assertNotEquals(afterOld, afterWork);
            s.members().update("Alex Flores", new MemberService.Changes("Alex Flores Mita", null, null, null, null, null));
            assertNotEquals(afterWork, checks.compute(FROM, TO).code());
            assertNotEquals(checks.compute(FROM, TO).code(), checks.compute(FROM, LocalDate.of(2026, 3, 30)).code());
        }
    }

    @Test
    void aPeriodIsNeeded() {
        try (Services s = ReportFixture.create(dir)) {
            assertEquals(ErrorCode.EMPTY_FIELD, assertThrows(MinkaException.class,
                    () -> s.checkCodes().compute(null, TO)).code());
            assertEquals(ErrorCode.BAD_DATE_RANGE, assertThrows(MinkaException.class,
                    () -> s.checkCodes().compute(TO, FROM)).code());
        }
    }
}
