package coop.minka.store;

import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.REPLICA;
import static coop.minka.store.schema.Tables.TX;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The queries behind the reports. Every money report (trial balance, balance sheet, income and
/// expenditure, cash books, member statements, the check code) is computed from the rows of
/// [#postings], so the screen, the CSV files and the printed pack can never disagree.
public final class ReportRepository {
    private ReportRepository() {
    }

    /// One non-voided posting with its transaction's date, memo and reference.
    public record PostingLine(String txId, LocalDate date, String memo, String reference, int line,
                              String accountId, long amount) {
    }

    /// Every non-voided posting dated on or before `to` (all of them when `to` is null), in
    /// book order: date, then the order the transactions were made, then line.
    public static List<PostingLine> postings(DSLContext d, LocalDate to) {
        Condition c = POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID));
        if (to != null) {
            c = c.and(POSTING.DATE.le(to.toString()));
        }
        return d.select(TX.ID, TX.DATE, TX.MEMO, TX.REFERENCE, POSTING.LINE, POSTING.ACCOUNT, POSTING.AMOUNT)
                .from(POSTING).join(TX).on(TX.ID.eq(POSTING.TX)).where(c)
                .orderBy(TX.DATE, TX.HLC, TX.ID, POSTING.LINE)
                .fetch(r -> new PostingLine(r.value1(), LocalDate.parse(r.value2()), r.value3(), r.value4(),
                        r.value5().intValue(), r.value6(), r.value7()));
    }

    /// Sum of the non-voided postings of every account dated before `from` (debit positive):
    /// the opening balances of a period, added up by SQLite instead of in memory.
    public static java.util.Map<String, Long> sumsBefore(DSLContext d, LocalDate from) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        moves(d, null, from.minusDays(1)).forEach((account, m) -> out.put(account, m[0] - m[1]));
        return out;
    }

    /// Debits and credits (both positive) of the non-voided postings of every account dated in
    /// the period; `from`/`to` null mean open-ended. All postings are added up from the covering
    /// index (no sorting, no table lookups), then those of the few voided transactions are taken
    /// off again, which is much faster than testing every posting against the voids.
    public static java.util.Map<String, long[]> moves(DSLContext d, LocalDate from, LocalDate to) {
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(POSTING.DATE.ge(from.toString()));
        }
        if (to != null) {
            c = c.and(POSTING.DATE.le(to.toString()));
        }
        var debit = DSL.sum(DSL.when(POSTING.AMOUNT.ge(0L), POSTING.AMOUNT).otherwise(0L));
        var credit = DSL.sum(DSL.when(POSTING.AMOUNT.lt(0L), POSTING.AMOUNT.neg()).otherwise(0L));
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        d.select(POSTING.ACCOUNT, debit, credit).from(POSTING).where(c).groupBy(POSTING.ACCOUNT)
                .forEach(r -> out.put(r.value1(), new long[] {r.value2().longValueExact(), r.value3().longValueExact()}));
        // CROSS JOIN keeps the voids as the outer loop in SQLite: a few lookups, not a scan
        d.select(POSTING.ACCOUNT, debit, credit).from(VOID).crossJoin(POSTING).where(POSTING.TX.eq(VOID.ENTITY)).and(c)
                .groupBy(POSTING.ACCOUNT)
                .forEach(r -> {
                    long[] m = out.get(r.value1());
                    m[0] -= r.value2().longValueExact();
                    m[1] -= r.value3().longValueExact();
                    if (m[0] == 0 && m[1] == 0) {
                        out.remove(r.value1());
                    }
                });
        return out;
    }

    /// Closing dates of `period.close` entries made by this laptop or by a trusted laptop;
    /// closes from laptops not (yet) admitted do not count.
    public static List<LocalDate> periodCloses(DSLContext d, String self) {
        List<String> trusted = d.select(REPLICA.ID).from(REPLICA)
                .where(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire()))
                .fetch(REPLICA.ID);
        return OpStore.byTypes(d, List.of(OpType.PERIOD_CLOSE)).stream()
                .filter(op -> op.replica().equals(self) || trusted.contains(op.replica()))
                .map(op -> LocalDate.parse(op.data().str("to")))
                .sorted().toList();
    }
}
