package coop.minka.app.sync;

import coop.minka.app.Workspace;

import static coop.minka.store.schema.Tables.ACCOUNT_BALANCE;
import static coop.minka.store.schema.Tables.ACCOUNT_MONTH;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.PEER_VV;
import static coop.minka.store.schema.Tables.POSTING;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.domain.MinkaException;
import coop.minka.store.Database;
import coop.minka.store.IdentityFile;
import coop.minka.store.Keys;
import coop.minka.store.Meta;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import coop.minka.store.Projector;
import coop.minka.store.StateDump;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// `minka verify`: checks the file, every hash-chain link and signed head, that every
/// transaction balances, and that the stored projections equal a rebuild from the log; and
/// gives the state digest two replicas can compare.
public final class VerifyService {
    private final Workspace ws;

    public VerifyService(Workspace ws) {
        this.ws = ws;
    }

    /// The outcome: ok when `problems` is empty. Problems are short English descriptions for
    /// people who investigate, with the table, author or entry they concern.
    public record Result(boolean ok, String digest, long ops, List<String> problems) {
    }

    public Result verify() {
        return ws.db().read(d -> {
            List<String> problems = new ArrayList<>();
            String integrity = d.resultQuery("PRAGMA integrity_check").fetchOne(0, String.class);
            if (!"ok".equals(integrity)) {
                problems.add("integrity_check: " + integrity);
            }
            long count = checkChains(d, problems);
            checkWitnesses(d, problems);
            checkBalances(d, problems);
            compareWithRebuild(d, problems);
            return new Result(problems.isEmpty(), StateDump.digest(d), count, List.copyOf(problems));
        });
    }

    /// The state digest alone.
    public String digest() {
        return ws.db().read(StateDump::digest);
    }

    private long checkChains(DSLContext d, List<String> problems) {
        Map<String, byte[]> keys = new HashMap<>();
        Map<String, byte[]> lastHash = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        long[] count = {0};
        d.select(OP.REPLICA, OP.SEQ, OP.HASH, OP.PREV, OP.HLC, OP.TYPE, OP.ENTITY, OP.BODY).from(OP)
                .orderBy(OP.REPLICA, OP.SEQ).fetchLazy().forEach(r -> {
                    count[0]++;
                    String replica = r.value1();
                    long seq = r.value2();
                    String where = "entry " + replica + "#" + seq;
                    long expectedSeq = lastSeq.getOrDefault(replica, 0L) + 1;
                    byte[] expectedPrev = lastHash.getOrDefault(replica, OpCodec.NO_PREV);
                    if (seq != expectedSeq) {
                        problems.add(where + ": gap in the chain (expected #" + expectedSeq + ")");
                    } else if (!Arrays.equals(r.value4(), expectedPrev)) {
                        problems.add(where + ": does not link to the entry before it");
                    }
                    try {
                        Op op = OpCodec.decode(r.value4(), r.value8());
                        if (!Arrays.equals(op.hash(), r.value3())) {
                            problems.add(where + ": content does not match its hash");
                        }
                        if (!op.replica().equals(replica) || op.seq() != seq || op.hlc() != r.value5()
                                || !op.type().equals(r.value6()) || !op.entity().equals(r.value7())) {
                            problems.add(where + ": columns differ from the signed content");
                        }
                        if (op.type().equals(OpType.REPLICA_JOIN) && op.entity().equals(replica)) {
                            keys.putIfAbsent(replica, Base64.getDecoder().decode(op.data().str("key")));
                        }
                    } catch (MinkaException | IllegalArgumentException e) {
                        problems.add(where + ": unreadable content");
                    }
                    lastSeq.put(replica, seq);
                    lastHash.put(replica, r.value3());
                });
        String coopId = ws.log().coopId();
        Map<String, OpStore.SignedHead> latest = OpStore.latestHeads(d);
        for (var e : lastSeq.entrySet()) {
            String replica = e.getKey();
            OpStore.SignedHead h = latest.get(replica);
            byte[] key = keys.get(replica);
            if (h == null || h.seq() != e.getValue()) {
                problems.add("author " + replica + ": latest entry #" + e.getValue() + " has no signed head");
                continue;
            }
            if (!Arrays.equals(h.hash(), lastHash.get(replica))) {
                problems.add("author " + replica + ": signed head does not match entry #" + h.seq());
            }
            if (key == null || !Keys.verify(key, Keys.headMessage(coopId, replica, h.seq(), h.hash()), h.signature())) {
                problems.add("author " + replica + ": signature of head #" + h.seq() + " is not valid");
            }
        }
        return count[0];
    }

    /// Outside witnesses of this laptop's own chain (DESIGN.md §7): the identity file beside the
    /// database records the last entry this identity wrote, and other laptops acknowledged what
    /// they hold of ours. Either one above the log's own head means our own entries are missing.
    private void checkWitnesses(DSLContext d, List<String> problems) {
        String self = Meta.get(d, Meta.SELF).orElse(ws.selfId());
        long head = OpStore.head(d, self).seq();
        IdentityFile.lastSeqOf(ws.db().file(), self).filter(written -> written > head).ifPresent(written ->
                problems.add("own entries missing: this laptop wrote up to #" + written + " (identity file) but the log "
                        + "holds up to #" + head + " (expected after restoring a backup: the missing entries come back "
                        + "from the other laptops at the next sync)"));
        d.select(PEER_VV.PEER, PEER_VV.SEQ).from(PEER_VV).where(PEER_VV.AUTHOR.eq(self)).and(PEER_VV.SEQ.gt(head))
                .forEach(r -> problems.add("own entries missing: laptop " + r.value1() + " acknowledged our #"
                        + r.value2() + " but the log holds up to #" + head));
    }

    private void checkBalances(DSLContext d, List<String> problems) {
        d.select(POSTING.TX, DSL.sum(POSTING.AMOUNT)).from(POSTING).groupBy(POSTING.TX)
                .having(DSL.sum(POSTING.AMOUNT).ne(java.math.BigDecimal.ZERO))
                .forEach(r -> problems.add("transaction " + r.value1() + ": postings sum to " + r.value2()));
        Map<String, Long> sums = new HashMap<>();
        d.select(POSTING.ACCOUNT, DSL.sum(POSTING.AMOUNT)).from(POSTING)
                .where(POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")))).groupBy(POSTING.ACCOUNT)
                .forEach(r -> sums.put(r.value1(), r.value2().longValue()));
        Map<String, Long> stored = new HashMap<>();
        d.selectFrom(ACCOUNT_BALANCE).forEach(r -> stored.put(r.getAccount(), r.getBalance()));
        java.util.Set<String> all = new java.util.TreeSet<>(sums.keySet());
        all.addAll(stored.keySet());
        for (String a : all) {
            if (!Objects.equals(sums.getOrDefault(a, 0L), stored.getOrDefault(a, 0L))) {
                problems.add("account " + a + ": stored balance " + stored.get(a) + " but postings sum to " + sums.get(a));
            }
        }
        // the monthly debit and credit totals, against the postings added up directly
        var month = DSL.substring(POSTING.DATE, 1, 7);
        var debit = DSL.sum(DSL.when(POSTING.AMOUNT.ge(0L), POSTING.AMOUNT).otherwise(0L));
        var credit = DSL.sum(DSL.when(POSTING.AMOUNT.lt(0L), POSTING.AMOUNT.neg()).otherwise(0L));
        Map<String, String> months = new HashMap<>();
        d.select(POSTING.ACCOUNT, month, debit, credit).from(POSTING)
                .where(POSTING.TX.notIn(DSL.select(VOID.ENTITY).from(VOID).where(VOID.KIND.eq("tx")))).groupBy(POSTING.ACCOUNT, month)
                .forEach(r -> {
                    if (r.value3().signum() != 0 || r.value4().signum() != 0) {
                        months.put(r.value1() + " " + r.value2(), r.value3().longValue() + "/" + r.value4().longValue());
                    }
                });
        Map<String, String> storedMonths = new HashMap<>();
        d.selectFrom(ACCOUNT_MONTH).forEach(r -> storedMonths.put(r.getAccount() + " " + r.getMonth(),
                r.getDebit() + "/" + r.getCredit()));
        java.util.Set<String> keys = new java.util.TreeSet<>(months.keySet());
        keys.addAll(storedMonths.keySet());
        for (String k : keys) {
            if (!Objects.equals(months.get(k), storedMonths.get(k))) {
                problems.add("account and month " + k + ": stored debits/credits " + storedMonths.get(k)
                        + " but postings add up to " + months.get(k));
            }
        }
    }

    private void compareWithRebuild(DSLContext d, List<String> problems) {
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
                // rebuild as the stored projections were built: with the database's own "self"
                new Projector(Meta.get(d, Meta.SELF).orElse(ws.selfId())).rebuild(md);
                return null;
            });
            Map<String, byte[]> stored = StateDump.tableDigests(d);
            Map<String, byte[]> rebuilt = StateDump.tableDigests(m);
            stored.forEach((table, h) -> {
                if (!Arrays.equals(h, rebuilt.get(table))) {
                    problems.add("table " + table + ": differs from a rebuild from the change log ("
                            + HexFormat.of().formatHex(h, 0, 4) + " vs " + HexFormat.of().formatHex(rebuilt.get(table), 0, 4) + ")");
                }
            });
        }
    }
}
