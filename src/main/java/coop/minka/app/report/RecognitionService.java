package coop.minka.app.report;

import coop.minka.app.Books;
import coop.minka.app.Workspace;

import coop.minka.domain.Gender;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Recognition of social-production work: hours by member, category, month and gender, their
/// value at each category's reference hourly rate, the share done by women, and the collective
/// work days. "What doesn't get measured doesn't get seen."
public final class RecognitionService {
    private final Workspace ws;

    public RecognitionService(Workspace ws) {
        this.ws = ws;
    }

    /// One group of work. `otherMinutes` is work by non-binary members, members whose gender
    /// is not recorded, and members not yet received from another laptop.
    public record Row(String key, String label, long minutes, long entries, long valueMinor, long womenMinutes,
                      long menMinutes, long otherMinutes) {
        /// Share of the hours done by women, in percent with one decimal; null with no hours.
        public Double womenSharePercent() {
            return minutes == 0 ? null : Math.round(womenMinutes * 1000.0 / minutes) / 10.0;
        }
    }

    /// One collective work day: its date and category, how many attended (women, men) and the
    /// hours and value of everyone's work that day.
    public record WorkDay(String id, LocalDate date, String categoryCode, String categoryName, int attendees,
                          int women, int men, long minutes, long valueMinor) {
    }

    /// The whole recognition report for a period. `workDaysTotal` adds up the entries made
    /// through collective work days (its `entries` = attendances).
    public record Recognition(LocalDate from, LocalDate to, Row total, List<Row> byGender, List<Row> byMember,
                              List<Row> byCategory, List<Row> byMonth, List<WorkDay> workDays, Row workDaysTotal) {
    }

    public Recognition recognition(LocalDate from, LocalDate to) {
        return ws.read(s -> recognition(Books.load(s, from, to)));
    }

    public static Recognition recognition(Books b) {
        var members = b.members();
        var cats = b.categories();
        List<WorkEntry> work = b.work();
        Row total = row(WorkFigures.total("total", "All work", work, members, cats));
        List<WorkEntry> dayEntries = work.stream().filter(e -> e.workDayId() != null).toList();
        Map<String, List<WorkEntry>> days = new LinkedHashMap<>();
        dayEntries.forEach(e -> days.computeIfAbsent(e.workDayId(), k -> new ArrayList<>()).add(e));
        List<WorkDay> workDays = new ArrayList<>();
        days.forEach((id, es) -> {
            WorkEntry first = es.getFirst();
            WorkCategory c = cats.get(first.categoryId());
            long minutes = es.stream().mapToLong(WorkEntry::minutes).sum();
            long value = es.stream().mapToLong(e -> WorkFigures.value(e, cats.get(e.categoryId()))).sum();
            int women = (int) es.stream().filter(e -> WorkFigures.gender(e, members) == Gender.WOMAN).count();
            int men = (int) es.stream().filter(e -> WorkFigures.gender(e, members) == Gender.MAN).count();
            workDays.add(new WorkDay(id, first.date(), c == null ? "?" : c.code(), c == null ? "?" : c.name(),
                    es.size(), women, men, minutes, value));
        });
        workDays.sort(java.util.Comparator.comparing(WorkDay::date).thenComparing(WorkDay::id));
        return new Recognition(b.from(), b.to(), total, rows(b, ReportService.WorkGrouping.GENDER),
                rows(b, ReportService.WorkGrouping.MEMBER), rows(b, ReportService.WorkGrouping.CATEGORY),
                rows(b, ReportService.WorkGrouping.MONTH), workDays,
                row(WorkFigures.total("work-days", "Collective work days", dayEntries, members, cats)));
    }

    private static List<Row> rows(Books b, ReportService.WorkGrouping by) {
        return WorkFigures.group(b.work(), b.members(), b.categories(), by).stream()
                .map(RecognitionService::row).toList();
    }

    private static Row row(WorkFigures.Group g) {
        return new Row(g.key(), g.label(), g.minutes(), g.entries(), g.valueMinor(), g.womenMinutes(),
                g.menMinutes(), g.otherMinutes());
    }
}
