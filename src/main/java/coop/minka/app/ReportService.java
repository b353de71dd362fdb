package coop.minka.app;

import coop.minka.domain.Account;
import coop.minka.domain.Member;
import coop.minka.domain.WorkCategory;
import coop.minka.domain.WorkEntry;
import coop.minka.store.LedgerRepository;
import coop.minka.store.MemberRepository;
import coop.minka.store.WorkRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/// Figures for the screen, the command line and exports alike: one query per report, so what
/// the assembly sees on paper, on screen and in a CSV always matches.
public final class ReportService {
    private final Workspace ws;

    public ReportService(Workspace ws) {
        this.ws = ws;
    }

    /// One account's balance (minor units, debit positive).
    public record BalanceRow(Account account, long balance) {
    }

    /// Balances of every account, current or as of a date. The rows sum to zero.
    public List<BalanceRow> balances(LocalDate asOf) {
        return ws.db().read(d -> {
            Map<String, Long> b = asOf == null ? LedgerRepository.balances(d) : LedgerRepository.balancesAsOf(d, asOf);
            return LedgerRepository.accounts(d).stream()
                    .map(a -> new BalanceRow(a, b.getOrDefault(a.id(), 0L))).toList();
        });
    }

    /// How work is grouped.
    public enum WorkGrouping { MEMBER, CATEGORY, MONTH, GENDER }

    /// One group of work: its key (id, code, `2026-03` or gender), a label, minutes, entries,
    /// and the value at the categories' reference rates (minor units; 0 where no rate is set).
    public record WorkRow(String key, String label, long minutes, long entries, long valueMinor) {
    }

    /// Hours of non-voided work in the period, grouped, in key order.
    public List<WorkRow> work(WorkGrouping by, LocalDate from, LocalDate to) {
        DateRange.check(from, to);
        return ws.db().read(d -> {
            List<WorkEntry> entries = WorkRepository.entries(d, null, from, to, false);
            Map<String, Member> members = MemberRepository.all(d).stream()
                    .collect(Collectors.toMap(Member::id, Function.identity()));
            Map<String, WorkCategory> cats = WorkRepository.categories(d).stream()
                    .collect(Collectors.toMap(WorkCategory::id, Function.identity()));
            Map<String, long[]> acc = new TreeMap<>();
            Map<String, String> labels = new TreeMap<>();
            for (WorkEntry e : entries) {
                Member m = members.get(e.memberId());
                WorkCategory c = cats.get(e.categoryId());
                String key = switch (by) {
                    case MEMBER -> e.memberId();
                    case CATEGORY -> c == null ? e.categoryId() : c.code();
                    case MONTH -> e.date().toString().substring(0, 7);
                    case GENDER -> m == null ? "unknown" : m.gender().wire();
                };
                String label = switch (by) {
                    case MEMBER -> m == null ? "?" : m.name();
                    case CATEGORY -> c == null ? "?" : c.name();
                    case MONTH, GENDER -> key;
                };
                labels.put(key, label);
                long[] a = acc.computeIfAbsent(key, k -> new long[3]);
                a[0] += e.minutes();
                a[1]++;
                if (c != null && c.rateMinor() != null) {
                    a[2] += Math.round(e.minutes() * (double) c.rateMinor() / 60.0);
                }
            }
            List<WorkRow> rows = new ArrayList<>();
            acc.forEach((k, a) -> rows.add(new WorkRow(k, labels.get(k), a[0], a[1], a[2])));
            if (by == WorkGrouping.MEMBER) {
                rows.sort(java.util.Comparator.comparing(WorkRow::label).thenComparing(WorkRow::key));
            }
            return rows;
        });
    }
}
