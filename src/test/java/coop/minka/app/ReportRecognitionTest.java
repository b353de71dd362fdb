package coop.minka.app;

import coop.minka.app.report.ReportService;
import coop.minka.app.report.ReportTables;

import static coop.minka.app.ReportFixture.FROM;
import static coop.minka.app.ReportFixture.TO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import coop.minka.app.report.RecognitionService.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Work recognition of the fixed cooperative against hand-computed hours, values and shares.
class ReportRecognitionTest extends OnReportFixture {

    /// key, minutes, entries, value, women, men, other
    private static List<Object> f(Row r) {
        return List.of(r.key(), r.minutes(), r.entries(), r.valueMinor(), r.womenMinutes(), r.menMinutes(),
                r.otherMinutes());
    }

    @Test
    void totalsAndWomenShare() {
        var r = s.reports().recognition().recognition(FROM, TO);
        assertEquals(List.of("total", 1020L, 8L, 18200L, 660L, 240L, 120L), f(r.total()));
        assertEquals(64.7, r.total().womenSharePercent());
    }

    @Test
    void byGenderMemberCategoryAndMonth() {
        var r = s.reports().recognition().recognition(FROM, TO);
        assertEquals(List.of(List.of("man", 240L, 2L, 4800L, 0L, 240L, 0L),
                List.of("unspecified", 120L, 1L, 2000L, 0L, 0L, 120L),
                List.of("woman", 660L, 5L, 11400L, 660L, 0L, 0L)), r.byGender().stream().map(ReportRecognitionTest::f).toList());
        assertEquals(List.of("Alex Flores", "Ana Quispe", "Juan Condori", "Rosa Mamani"),
                r.byMember().stream().map(Row::label).toList());
        assertEquals(List.of(120L, 390L, 240L, 270L), r.byMember().stream().map(Row::minutes).toList());
        assertEquals(List.of(2000L, 6000L, 4800L, 5400L), r.byMember().stream().map(Row::valueMinor).toList());
        assertEquals(List.of(List.of("CARE", 300L, 2L, 5000L, 180L, 0L, 120L),
                List.of("KITCHEN", 660L, 5L, 13200L, 420L, 240L, 0L),
                List.of("MEET", 60L, 1L, 0L, 60L, 0L, 0L)), r.byCategory().stream().map(ReportRecognitionTest::f).toList());
        assertEquals(List.of(List.of("2026-01", 300L, 2L, 5400L, 300L, 0L, 0L),
                List.of("2026-02", 150L, 2L, 1800L, 60L, 90L, 0L),
                List.of("2026-03", 570L, 4L, 11000L, 300L, 150L, 120L)), r.byMonth().stream().map(ReportRecognitionTest::f).toList());
    }

    @Test
    void collectiveWorkDays() {
        var r = s.reports().recognition().recognition(FROM, TO);
        assertEquals(1, r.workDays().size());
        var d = r.workDays().getFirst();
        assertEquals("2026-03-15", d.date().toString());
        assertEquals("KITCHEN", d.categoryCode());
        assertEquals(List.of(3, 2, 1), List.of(d.attendees(), d.women(), d.men()));
        assertEquals(450, d.minutes());
        assertEquals(9000, d.valueMinor());
        assertEquals(List.of("work-days", 450L, 3L, 9000L, 300L, 150L, 0L), f(r.workDaysTotal()));
        assertEquals(66.7, r.workDaysTotal().womenSharePercent());
    }

    @Test
    void theOlderGroupedReportAgrees() {
        var rows = s.reports().work(ReportService.WorkGrouping.CATEGORY, FROM, TO);
        assertEquals(List.of(300L, 660L, 60L), rows.stream().map(ReportService.WorkRow::minutes).toList());
        assertEquals(List.of(5000L, 13200L, 0L), rows.stream().map(ReportService.WorkRow::valueMinor).toList());
    }

    @Test
    void recognitionTableRows() {
        var t = ReportTables.recognition(s.reports().recognition().recognition(FROM, TO), s.workspace().currency());
        assertEquals(List.of("total", "total", "All work", "17", "8", "182.00", "11", "4", "2", "64.7%"), t.rows().getFirst());
        assertEquals(List.of("work-day", "2026-03-15", "Community kitchen", "7.5", "3", "90.00", "2", "1", "0", "66.7%"),
                t.rows().get(t.rows().size() - 2));
    }
}
