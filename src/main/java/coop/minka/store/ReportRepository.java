package coop.minka.store;

import static coop.minka.store.schema.Tables.ACCOUNT_MONTH;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.INVALID_OP;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.REPLICA;
import static coop.minka.store.schema.Tables.TX;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.Hlc;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
    public static List<PostingLine> postings(Session s, LocalDate to) {
        DSLContext d = s.dsl();
        Condition c = POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")));
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
    public static java.util.Map<String, Long> sumsBefore(Session s, LocalDate from) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        moves(s, null, from.minusDays(1)).forEach((account, m) -> out.put(account, m[0] - m[1]));
        return out;
    }

    /// Debits and credits (both positive) of the non-voided postings of every account dated in
    /// the period; `from`/`to` null mean open-ended. Whole months come from the monthly totals
    /// the projector keeps (`account_month`); only the postings of a part-month at either edge
    /// of the period are added up from the covering index `posting(account, date, amount)`.
    /// Accounts whose debits and credits are both zero are left out.
    public static java.util.Map<String, long[]> moves(Session s, LocalDate from, LocalDate to) {
        DSLContext d = s.dsl();
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        // the whole months inside the period: [firstFull, lastFull]
        LocalDate firstFull = from == null || from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastFull = to == null || to.equals(YearMonth.from(to).atEndOfMonth()) ? to
                : to.withDayOfMonth(1).minusDays(1);
        if (firstFull != null && lastFull != null && firstFull.isAfter(lastFull)) {
            addPostings(d, out, from, to);
        } else {
            Condition c = DSL.noCondition();
            if (firstFull != null) {
                c = c.and(ACCOUNT_MONTH.MONTH.ge(YearMonth.from(firstFull).toString()));
            }
            if (lastFull != null) {
                c = c.and(ACCOUNT_MONTH.MONTH.le(YearMonth.from(lastFull).toString()));
            }
            d.select(ACCOUNT_MONTH.ACCOUNT, DSL.sum(ACCOUNT_MONTH.DEBIT), DSL.sum(ACCOUNT_MONTH.CREDIT))
                    .from(ACCOUNT_MONTH).where(c).groupBy(ACCOUNT_MONTH.ACCOUNT)
                    .forEach(r -> add(out, r.value1(), r.value2().longValueExact(), r.value3().longValueExact()));
            if (from != null && !from.equals(firstFull)) {
                addPostings(d, out, from, firstFull.minusDays(1));
            }
            if (to != null && !to.equals(lastFull)) {
                addPostings(d, out, lastFull.plusDays(1), to);
            }
        }
        out.values().removeIf(m -> m[0] == 0 && m[1] == 0);
        return out;
    }

    /// Adds the non-voided postings dated `from`..`to` (a part of a month). Every account with a
    /// counted posting has a row in `account_month`, so SQLite reads one short range of the
    /// covering index per account (which also holds `tx`, the table's key) and nothing else.
    private static void addPostings(DSLContext d, java.util.Map<String, long[]> out, LocalDate from, LocalDate to) {
        var debit = DSL.sum(DSL.when(POSTING.AMOUNT.ge(0L), POSTING.AMOUNT).otherwise(0L));
        var credit = DSL.sum(DSL.when(POSTING.AMOUNT.lt(0L), POSTING.AMOUNT.neg()).otherwise(0L));
        d.select(POSTING.ACCOUNT, debit, credit).from(POSTING)
                .where(POSTING.ACCOUNT.in(DSL.selectDistinct(ACCOUNT_MONTH.ACCOUNT).from(ACCOUNT_MONTH)))
                .and(POSTING.DATE.between(from.toString(), to.toString()))
                // one key lookup per posting of the part-month, not a list of every void
                .andNotExists(DSL.selectOne().from(VOID).where(VOID.ENTITY.eq(POSTING.TX)).and(VOID.KIND.eq("tx")))
                .groupBy(POSTING.ACCOUNT)
                .forEach(r -> add(out, r.value1(), r.value2().longValueExact(), r.value3().longValueExact()));
    }

    private static void add(java.util.Map<String, long[]> out, String account, long debit, long credit) {
        long[] m = out.computeIfAbsent(account, k -> new long[2]);
        m[0] += debit;
        m[1] += credit;
    }

    /// Closing dates of `period.close` entries made by this laptop or by a trusted laptop;
    /// closes from laptops not (yet) admitted do not count.
    public static List<LocalDate> periodCloses(Session s, String self) {
        DSLContext d = s.dsl();
        Map<String, Long> counted = Projector.countedAuthors(d, self);
        java.util.Set<String> invalid = new java.util.HashSet<>();
        d.select(INVALID_OP.REPLICA, INVALID_OP.SEQ).from(INVALID_OP).where(INVALID_OP.TYPE.eq(OpType.PERIOD_CLOSE))
                .forEach(r -> invalid.add(r.value1() + "#" + r.value2()));
        return OpStore.byTypes(d, List.of(OpType.PERIOD_CLOSE)).stream()
                .filter(op -> op.seq() <= counted.getOrDefault(op.replica(), 0L))
                .filter(op -> !invalid.contains(op.replica() + "#" + op.seq()))
                .map(op -> coop.minka.domain.OpRules.parseDate(op.data().str("to")).orElse(null))
                .filter(java.util.Objects::nonNull)
                .sorted().toList();
    }

    /// One change of the audit trail: who wrote it (`replicaName` null while the author's join
    /// has not arrived), its clock, what it is about, its data (the fields it set and the people
    /// who made it), and the sync file it came in (null if made here).
    public record AuditRow(String replica, String replicaName, long seq, long hlc, String type, String entity,
                           String bundle, coop.minka.domain.OpData data) {
    }

    /// Changes stamped on the days `from`..`to` (UTC; null: open-ended) in time order; `limit`
    /// ≤ 0 means all.
    public static List<AuditRow> audit(Session s, LocalDate from, LocalDate to, int limit) {
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(OP.HLC.ge(Hlc.pack(from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0)));
        }
        if (to != null) {
            c = c.and(OP.HLC.lt(Hlc.pack(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), 0)));
        }
        var q = s.dsl().select(OP.REPLICA, REPLICA.NAME, OP.SEQ, OP.HLC, OP.TYPE, OP.ENTITY, OP.BUNDLE, OP.PREV, OP.BODY)
                .from(OP).leftJoin(REPLICA).on(REPLICA.ID.eq(OP.REPLICA)).where(c)
                .orderBy(OP.HLC, OP.REPLICA, OP.SEQ);
        var rows = limit > 0 ? q.limit(limit).fetch() : q.fetch();
        return rows.map(r -> new AuditRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7(), OpCodec.decode(r.value8(), r.value9()).data()));
    }
}
