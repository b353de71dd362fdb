package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The trial balance SQLite adds up (screen, command line) equals the one the printed pack and
/// the exports compute from their snapshot of the same entries, for every kind of period.
class TrialBalancePathsTest {
    @TempDir
    Path dir;

    @Test
    void bothWaysGiveTheSameFigures() {
        try (Services s = ReportFixture.create(dir)) {
            List<LocalDate[]> periods = List.of(
                    new LocalDate[] {null, null},
                    new LocalDate[] {ReportFixture.FROM, ReportFixture.TO},
                    new LocalDate[] {LocalDate.of(2026, 2, 1), null},
                    new LocalDate[] {null, LocalDate.of(2026, 2, 15)},
                    new LocalDate[] {LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31)});
            for (LocalDate[] p : periods) {
                var fromSnapshot = s.workspace().db().read(d -> StatementService.trialBalance(Books.load(d, p[0], p[1])));
                var fromSql = s.reports().statements().trialBalance(p[0], p[1]);
                assertEquals(fromSnapshot, fromSql, Arrays.toString(p));
                assertFalse(fromSql.rows().isEmpty(), Arrays.toString(p));
            }
        }
    }
}
