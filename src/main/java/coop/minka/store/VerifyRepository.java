package coop.minka.store;

import static coop.minka.store.schema.Tables.ACCOUNT_MONTH;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.PEER_VV;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.VOID;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The readings `minka verify` checks against each other: the file's own integrity check, the
/// log as stored, the postings added up directly, and the projections rebuilt from the log.
public final class VerifyRepository {
    private VerifyRepository() {
    }

    /// One entry of the log as stored: its columns and its signed content (`body`).
    public record StoredOp(String replica, long seq, byte[] hash, byte[] prev, long hlc, String type, String entity,
                           byte[] body) {
    }

    /// An account's debits and credits (both positive) in one month (`2026-03`).
    public record MonthMoves(String account, String month, long debit, long credit) {
    }

    /// SQLite's `PRAGMA integrity_check`: `ok`, or what is wrong.
    public static String integrityCheck(Session s) {
        return s.dsl().resultQuery("PRAGMA integrity_check").fetchOne(0, String.class);
    }

    /// Every entry of the log, by author and seq, read one at a time.
    public static void forEachOp(Session s, Consumer<StoredOp> sink) {
        s.dsl().select(OP.REPLICA, OP.SEQ, OP.HASH, OP.PREV, OP.HLC, OP.TYPE, OP.ENTITY, OP.BODY).from(OP)
                .orderBy(OP.REPLICA, OP.SEQ).fetchLazy().forEach(r -> sink.accept(new StoredOp(r.value1(), r.value2(),
                        r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8())));
    }

    /// The laptops that acknowledged holding more than `seq` entries of `author`, and how many.
    public static Map<String, Long> acknowledgedBeyond(Session s, String author, long seq) {
        Map<String, Long> out = new LinkedHashMap<>();
        s.dsl().select(PEER_VV.PEER, PEER_VV.SEQ).from(PEER_VV).where(PEER_VV.AUTHOR.eq(author)).and(PEER_VV.SEQ.gt(seq))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /// Transactions whose postings do not sum to zero, with their sum.
    public static Map<String, BigDecimal> unbalanced(Session s) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        s.dsl().select(POSTING.TX, DSL.sum(POSTING.AMOUNT)).from(POSTING).groupBy(POSTING.TX)
                .having(DSL.sum(POSTING.AMOUNT).ne(BigDecimal.ZERO))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /// The balance of every account, added up directly from its non-voided postings.
    public static Map<String, Long> postingSums(Session s) {
        Map<String, Long> sums = new HashMap<>();
        s.dsl().select(POSTING.ACCOUNT, DSL.sum(POSTING.AMOUNT)).from(POSTING)
                .where(POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")))).groupBy(POSTING.ACCOUNT)
                .forEach(r -> sums.put(r.value1(), r.value2().longValue()));
        return sums;
    }

    /// The monthly debit and credit totals, added up directly from the non-voided postings.
    public static List<MonthMoves> postingMonths(Session s) {
        var month = DSL.substring(POSTING.DATE, 1, 7);
        var debit = DSL.sum(DSL.when(POSTING.AMOUNT.ge(0L), POSTING.AMOUNT).otherwise(0L));
        var credit = DSL.sum(DSL.when(POSTING.AMOUNT.lt(0L), POSTING.AMOUNT.neg()).otherwise(0L));
        List<MonthMoves> out = new ArrayList<>();
        s.dsl().select(POSTING.ACCOUNT, month, debit, credit).from(POSTING)
                .where(POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")))).groupBy(POSTING.ACCOUNT, month)
                .forEach(r -> out.add(new MonthMoves(r.value1(), r.value2(), r.value3().longValue(), r.value4().longValue())));
        return out;
    }

    /// The monthly debit and credit totals the projector keeps (`account_month`).
    public static List<MonthMoves> storedMonths(Session s) {
        return s.dsl().selectFrom(ACCOUNT_MONTH)
                .fetch(r -> new MonthMoves(r.getAccount(), r.getMonth(), r.getDebit(), r.getCredit()));
    }

    /// The table digests ([StateDump#tableDigests]) of the projections rebuilt from this log in a
    /// throw-away database, as the stored ones were built: with the database's own `self`.
    public static Map<String, byte[]> rebuiltDigests(Session s, String self) {
        DSLContext d = s.dsl();
        try (Database mem = Database.inMemory()) {
            DSLContext m = mem.dsl();
            mem.write(md -> {
                d.selectFrom(OP).orderBy(OP.ID).fetchLazy().forEach(r -> {
                    r.touched(true);
                    md.insertInto(OP).set(r).execute();
                });
                // trust is rooted in facts of the file: the cooperative and (for a legacy one) its founder
                for (String key : List.of(Meta.COOP_ID, Meta.FOUNDER, Meta.SELF)) {
                    Meta.get(d, key).ifPresent(v -> Meta.put(md, key, v));
                }
                new Projector(self).rebuild(md);
                return null;
            });
            return StateDump.tableDigests(m);
        }
    }
}
