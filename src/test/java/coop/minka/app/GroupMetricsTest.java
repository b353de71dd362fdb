package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import coop.minka.domain.Gender;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// SAVIX-style metrics per quarter (design notes 32) on issue 14's worked example.
class GroupMetricsTest {
    @TempDir
    Path dir;

    @Test
    void theWorkedExamplesFirstQuarterFigureByFigure() {
        try (Services s = Fixtures.create(dir, "metrics")) {
            GroupServiceTest.workedExample(s);
            s.group().closeMeeting("227.00");
            List<GroupService.QuarterMetrics> qs = s.group().metrics(LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 3, 31));
            assertEquals(1, qs.size());
            GroupService.QuarterMetrics q = qs.getFirst();
            assertEquals("2026-Q1", q.quarter());
            assertEquals(LocalDate.of(2026, 3, 31), q.end());
            assertEquals(3, q.members());
            assertEquals(2, q.women());
            assertEquals(new BigDecimal("66.7"), q.womenPercent());
            assertEquals(6, q.attended(), "present and represented count");
            assertEquals(6, q.expected(), "2 meetings × 3 members");
            assertEquals(new BigDecimal("100.0"), q.attendancePercent());
            assertEquals(20000, q.savings(), "100.00 of shares at each meeting");
            assertEquals(0, q.loansOutstanding(), "the loan was repaid");
            assertEquals(0, q.atRisk30());
            assertNull(q.parPercent(), "nothing outstanding: no ratio");
            assertEquals(1500, q.income(), "10.00 service charge + 5.00 fine");
            assertEquals(15000, q.averageSavings(), "(100.00 + 200.00) ÷ 2 meetings");
            assertEquals(new BigDecimal("10.0"), q.returnPercent());
            assertEquals(0, q.dropOuts());

            List<GroupService.QuarterMetrics> two = s.group().metrics(LocalDate.of(2026, 2, 10),
                    LocalDate.of(2026, 4, 1));
            assertEquals(List.of("2026-Q1", "2026-Q2"), two.stream().map(GroupService.QuarterMetrics::quarter).toList());
            assertEquals(0, two.get(1).expected(), "no meeting held in the second quarter");
            assertNull(two.get(1).attendancePercent());
            assertEquals(20000, two.get(1).savings(), "savings are cumulative over the cycle");
        }
    }

    @Test
    void aLoanMoreThan30DaysLateIsPortfolioAtRisk() {
        try (Services s = Fixtures.create(dir, "par")) {
            s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            s.members().add("Juan Mamani", Gender.MAN, null, null, null);
            s.group().startCycle(LocalDate.of(2026, 1, 1), "10.00", 1, 5, "0", "10", "flat", null, null, Map.of());
            s.group().openMeeting(LocalDate.of(2026, 1, 5));
            s.group().buyShares("Ana", 5);
            s.group().buyShares("Juan", 5);
            s.group().issueLoan("Ana", "60.00", 1);
            s.group().issueLoan("Juan", "40.00", 3);
            s.group().closeMeeting(null);
            // Ana's single installment was due 2026-02-05: 54 days late on 31 March. Juan's first
            // installment was due 2026-02-05 too, so he is as late; paying it would clear him.
            s.group().openMeeting(LocalDate.of(2026, 2, 5));
            s.group().repay(s.group().loans().get(1).id(), "17.33");
            s.group().closeMeeting(null);
            GroupService.QuarterMetrics q = s.group().metrics(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
                    .getFirst();
            assertEquals(6000 + 4000 - 1333, q.loansOutstanding());
            assertEquals(6000, q.atRisk30(), "only Ana's loan is more than 30 days late");
            assertEquals(new BigDecimal("69.2"), q.parPercent(), "60.00 ÷ 86.67");
        }
    }
}
