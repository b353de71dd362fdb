package coop.minka.app.report;

import coop.minka.domain.Gender;
import coop.minka.domain.Member;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.WorkRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// The one place work is added up, used by [ReportService#work], [RecognitionService] and the
/// printed pack alike. Values are exact: each entry is worth minutes × the hourly rate in effect on
/// its date ([WorkCategory#rateOn]) ÷ 60, rounded half up to a minor unit, and the rows add up
/// those per-entry values.
public final class WorkFigures {
    private WorkFigures() {
    }

    /// One group: minutes, entries and value, split by the gender of who did the work
    /// (`other` = non-binary, unspecified, or a member not yet received).
    public record Group(String key, String label, long minutes, long entries, long valueMinor, long womenMinutes,
                 long menMinutes, long otherMinutes) {
    }

    /// The value of one entry at its category's reference rate on the entry's date; 0 where no
    /// rate is in effect.
    public static long value(WorkEntry e, WorkCategory c) {
        return c == null ? 0 : c.valueOn(e.date(), e.minutes());
    }

    /// The value of a cell: its minutes at the rate of its rate period.
    static long value(WorkRepository.WorkCell cell, WorkCategory c) {
        return c == null ? 0 : WorkCategory.value(cell.minutes(), c.rateOn(cell.rateFrom()));
    }

    public static Gender gender(WorkEntry e, Map<String, Member> members) {
        Member m = members.get(e.memberId());
        return m == null ? Gender.UNSPECIFIED : m.gender();
    }

    /// Groups entries by member, category, month or gender; rows in key order, members by name.
    public static List<Group> group(List<WorkEntry> entries, Map<String, Member> members, Map<String, WorkCategory> cats,
                             ReportService.WorkGrouping by) {
        return groupCells(entries.stream().map(e -> new WorkRepository.WorkCell(e.memberId(), null, e.categoryId(),
                e.date().toString().substring(0, 7), e.minutes(), 1, e.date())).toList(), members, cats, by);
    }

    /// The same, from entries SQLite has already counted together ([WorkRepository#cells] with
    /// the member kept for [ReportService.WorkGrouping#MEMBER] and the month for `MONTH`).
    public static List<Group> groupCells(List<WorkRepository.WorkCell> cells, Map<String, Member> members,
                                  Map<String, WorkCategory> cats, ReportService.WorkGrouping by) {
        Map<String, long[]> acc = new TreeMap<>();
        Map<String, String> labels = new TreeMap<>();
        for (WorkRepository.WorkCell e : cells) {
            Member m = e.memberId() == null ? null : members.get(e.memberId());
            Gender g = e.memberId() != null ? (m == null ? null : m.gender())
                    : e.gender() == null ? null : Gender.fromWire(e.gender());
            WorkCategory c = cats.get(e.categoryId());
            String key = switch (by) {
                case MEMBER -> e.memberId();
                case CATEGORY -> c == null ? e.categoryId() : c.code();
                case MONTH -> e.month();
                case GENDER -> g == null ? "unknown" : g.wire();
            };
            String label = switch (by) {
                case MEMBER -> m == null ? "?" : m.name();
                case CATEGORY -> c == null ? "?" : c.name();
                case MONTH, GENDER -> key;
            };
            labels.put(key, label);
            add(acc.computeIfAbsent(key, k -> new long[6]), e.minutes(), e.entries(), value(e, c),
                    g == null ? Gender.UNSPECIFIED : g);
        }
        List<Group> rows = new ArrayList<>();
        acc.forEach((k, a) -> rows.add(group(k, labels.get(k), a)));
        if (by == ReportService.WorkGrouping.MEMBER) {
            rows.sort(Comparator.comparing(Group::label).thenComparing(Group::key));
        }
        return rows;
    }

    /// A group as the reports hand it out.
    public static ReportService.WorkRow row(Group g) {
        return new ReportService.WorkRow(g.key(), g.label(), g.minutes(), g.entries(), g.valueMinor(), g.womenMinutes(),
                g.menMinutes(), g.otherMinutes());
    }

    /// All the entries as one group.
    public static Group total(String key, String label, List<WorkEntry> entries, Map<String, Member> members,
                       Map<String, WorkCategory> cats) {
        long[] a = new long[6];
        for (WorkEntry e : entries) {
            add(a, e, cats.get(e.categoryId()), members);
        }
        return group(key, label, a);
    }

    private static void add(long[] a, WorkEntry e, WorkCategory c, Map<String, Member> members) {
        add(a, e.minutes(), 1, value(e, c), gender(e, members));
    }

    /// Adds `entries` entries of `minutes` each, worth `value` each.
    private static void add(long[] a, int minutes, long entries, long value, Gender g) {
        long total = Math.multiplyExact(minutes, entries);
        a[0] += total;
        a[1] += entries;
        a[2] += Math.multiplyExact(value, entries);
        switch (g) {
            case WOMAN -> a[3] += total;
            case MAN -> a[4] += total;
            default -> a[5] += total;
        }
    }

    private static Group group(String key, String label, long[] a) {
        return new Group(key, label, a[0], a[1], a[2], a[3], a[4], a[5]);
    }
}
