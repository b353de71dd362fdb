package coop.minka.app;

import coop.minka.app.report.ReportService;
import coop.minka.app.report.StatementService;
import coop.minka.app.report.WorkFigures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import coop.minka.store.LedgerRepository;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The figures SQLite adds up (screen, command line: monthly totals kept by the projector plus
/// the postings of part-months; work counted together by SQLite) equal the ones the printed
/// pack and the exports compute from their snapshot of the same entries, for every kind of
/// period: open-ended, whole months, part-months at either edge, inside one month, one day.
class TrialBalancePathsTest {
    @TempDir
    Path dir;

    /// Dates around the fixture's entries (December 2025 to April 2026, with voids in March):
    /// month starts and ends, days with entries, days between.
    private static final List<LocalDate> EDGES = List.of(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 1),
            LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 16), LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 10),
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6),
            LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 30));

    private static List<LocalDate[]> periods() {
        List<LocalDate> ends = new ArrayList<>(EDGES);
        ends.add(null);
        List<LocalDate[]> out = new ArrayList<>();
        for (LocalDate from : ends) {
            for (LocalDate to : ends) {
                if (from == null || to == null || !to.isBefore(from)) {
                    out.add(new LocalDate[] {from, to});
                }
            }
        }
        return out;
    }

    @Test
    void bothWaysGiveTheSameStatements() {
        try (Services s = ReportFixture.create(dir)) {
            for (LocalDate[] p : periods()) {
                var fromSnapshot = s.workspace().read(d -> StatementService.trialBalance(Books.load(d, p[0], p[1])));
                var fromSql = s.reports().statements().trialBalance(p[0], p[1]);
                assertEquals(fromSnapshot, fromSql, Arrays.toString(p));
                Books b = s.workspace().read(d -> Books.load(d, p[0], p[1]));
                assertEquals(StatementService.income(b), s.reports().statements().income(p[0], p[1]),
                        "income " + Arrays.toString(p));
                Books upTo = s.workspace().read(d -> Books.load(d, null, p[1]));
                assertEquals(StatementService.balanceSheet(upTo), s.reports().statements().balanceSheet(p[1]),
                        "balance sheet " + Arrays.toString(p));
            }
            assertFalse(s.reports().statements().trialBalance(ReportFixture.FROM, ReportFixture.TO).rows().isEmpty());
        }
    }

    @Test
    void balancesOnAnyDayEqualThePostingsAddedUp() {
        try (Services s = ReportFixture.create(dir)) {
            for (LocalDate day : EDGES) {
                Map<String, Long> expected = new HashMap<>();
                s.workspace().read(d -> Books.load(d, null, day)).closing()
                        .forEach((a, v) -> {
                            if (v != 0) {
                                expected.put(a, v);
                            }
                        });
                Map<String, Long> got = new HashMap<>(s.workspace().read(d -> LedgerRepository.balancesAsOf(d, day)));
                got.values().removeIf(v -> v == 0);
                assertEquals(expected, got, day.toString());
            }
        }
    }

    @Test
    void bothWaysGiveTheSameWorkReport() {
        try (Services s = ReportFixture.create(dir)) {
            for (LocalDate[] p : periods()) {
                Books b = s.workspace().read(d -> Books.load(d, p[0], p[1]));
                for (ReportService.WorkGrouping by : ReportService.WorkGrouping.values()) {
                    var fromSnapshot = WorkFigures.group(b.work(), b.members(), b.categories(), by).stream()
                            .map(WorkFigures::row).toList();
                    assertEquals(fromSnapshot, s.reports().work(by, p[0], p[1]), by + " " + Arrays.toString(p));
                }
            }
            assertFalse(s.reports().work(ReportService.WorkGrouping.GENDER, null, null).isEmpty());
        }
    }
}
