package coop.minka.store;

import static coop.minka.store.schema.Tables.FORK;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.SIGNED_HEAD;

import coop.minka.domain.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/// The change log on disk: ops (kept as their canonical bytes), signed heads and forks.
/// Ops are only ever inserted; triggers refuse any change.
public final class OpStore {
    /// A signed head as stored.
    public record SignedHead(String replica, long seq, byte[] hash, byte[] signature) {
    }

    /// An author's latest op: seq and hash (the `prev` of the next op).
    public record Head(long seq, byte[] hash) {
        public static final Head EMPTY = new Head(0, OpCodec.NO_PREV);
    }

    private OpStore() {
    }

    private static final String INSERT_OP = "INSERT INTO op (replica, seq, hash, prev, hlc, type, entity, body, "
            + "received_at, bundle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /// Appends one op (a prepared statement reused for the whole connection: this runs once per op).
    public static void insert(DSLContext d, Op op, String bundle, long receivedAt) {
        try {
            var ps = Statements.get(d, INSERT_OP);
            ps.setString(1, op.replica());
            ps.setLong(2, op.seq());
            ps.setBytes(3, op.hash());
            ps.setBytes(4, op.prev());
            ps.setLong(5, op.hlc());
            ps.setString(6, op.type());
            ps.setString(7, op.entity());
            ps.setBytes(8, op.body());
            ps.setLong(9, receivedAt);
            ps.setString(10, bundle);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
    }

    public static Head head(DSLContext d, String replica) {
        Record r = d.select(OP.SEQ, OP.HASH).from(OP).where(OP.REPLICA.eq(replica))
                .orderBy(OP.SEQ.desc()).limit(1).fetchOne();
        return r == null ? Head.EMPTY : new Head(r.get(OP.SEQ), r.get(OP.HASH));
    }

    public static Head head(Session s, String replica) {
        return head(s.dsl(), replica);
    }

    public static Optional<byte[]> hashAt(DSLContext d, String replica, long seq) {
        return d.select(OP.HASH).from(OP).where(OP.REPLICA.eq(replica).and(OP.SEQ.eq(seq))).fetchOptional(OP.HASH);
    }

    private static final String VERSION_VECTOR = "WITH RECURSIVE r(replica) AS (SELECT min(replica) FROM op UNION ALL "
            + "SELECT (SELECT min(replica) FROM op WHERE replica > r.replica) FROM r WHERE r.replica IS NOT NULL) "
            + "SELECT replica, (SELECT max(seq) FROM op WHERE op.replica = r.replica) FROM r "
            + "WHERE replica IS NOT NULL ORDER BY replica";

    /// Highest seq held per author: the version vector. Found by seeking the (replica, seq)
    /// index once or twice per author: a `GROUP BY` reads every op's index entry, a tenth of a
    /// second per million ops, which every export and sync status would pay.
    public static Map<String, Long> versionVector(Session s) {
        return versionVector(s.dsl());
    }

    public static Map<String, Long> versionVector(DSLContext d) {
        Map<String, Long> vv = new LinkedHashMap<>();
        try {
            var ps = Statements.get(d, VERSION_VECTOR);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    vv.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
        return vv;
    }

    /// Every op about one entity, in the order they were stored (a kept statement: the projector
    /// asks this for every member, account and category a bundle touches).
    public static List<Op> byEntity(DSLContext d, String entity) {
        List<Op> out = new ArrayList<>();
        try {
            var ps = Statements.get(d, "SELECT prev, body FROM op WHERE entity = ? ORDER BY id");
            ps.setString(1, entity);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(OpCodec.decode(rs.getBytes(1), rs.getBytes(2)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
        return out;
    }

    /// Types with their own partial index (see V001): reading them never scans the whole log.
    public static final List<String> RARE_TYPES = List.of("coop.create", "replica.join", "replica.admit",
            "replica.revoke", "period.close");

    /// Ops of some of the [#RARE_TYPES].
    public static List<Op> byTypes(DSLContext d, List<String> types) {
        if (!RARE_TYPES.containsAll(types)) {
            throw new IllegalArgumentException("not an indexed op type: " + types);
        }
        return decode(d.select(OP.PREV, OP.BODY).from(OP).where(OP.TYPE.in(RARE_TYPES)).and(OP.TYPE.in(types))
                .orderBy(OP.ID).fetch());
    }

    /// Every person op held (design notes 26), through their own partial index (see V008).
    public static List<Op> personOps(DSLContext d) {
        return decode(d.select(OP.PREV, OP.BODY).from(OP)
                .where(OP.TYPE.in(coop.minka.domain.OpType.PERSON_TYPES.stream().map(org.jooq.impl.DSL::inline).toList()))
                .orderBy(OP.ID).fetch());
    }

    /// Every capital op held (design notes 35), through their own partial index (see V011).
    public static List<Op> capitalOps(DSLContext d) {
        return decode(d.select(OP.PREV, OP.BODY).from(OP)
                .where(OP.TYPE.in(coop.minka.domain.OpType.CAPITAL_TYPES.stream().map(org.jooq.impl.DSL::inline).toList()))
                .orderBy(OP.ID).fetch());
    }

    /// Streams one author's ops with seq greater than `afterSeq`, in seq order.
    public static void forEachOf(DSLContext d, String replica, long afterSeq, Consumer<Op> sink) {
        try (Cursor<org.jooq.Record2<byte[], byte[]>> c = d.select(OP.PREV, OP.BODY).from(OP)
                .where(OP.REPLICA.eq(replica).and(OP.SEQ.gt(afterSeq))).orderBy(OP.SEQ).fetchLazy()) {
            for (var r : c) {
                sink.accept(OpCodec.decode(r.value1(), r.value2()));
            }
        }
    }

    /// Streams every op held, author by author in seq order.
    public static void forEach(DSLContext d, Consumer<Op> sink) {
        try (Cursor<org.jooq.Record2<byte[], byte[]>> c = d.select(OP.PREV, OP.BODY).from(OP)
                .orderBy(OP.REPLICA, OP.SEQ).fetchLazy()) {
            for (var r : c) {
                sink.accept(OpCodec.decode(r.value1(), r.value2()));
            }
        }
    }

    /// One stored op body, as [#streamBodies] hands it over.
    @FunctionalInterface
    public interface BodySink {
        void accept(long seq, byte[] body);
    }

    private static final String BODIES = "SELECT seq, body, hash FROM op WHERE replica = ? AND seq BETWEEN ? AND ? "
            + "ORDER BY seq";

    /// Streams the stored bodies of one author's ops `fromSeq..toSeq` in seq order, untouched
    /// (no decoding), and returns the stored hash of op `toSeq`, or null if the walk did not reach
    /// it. Plain JDBC on a kept statement: an export walks up to millions of rows, and building a
    /// jOOQ record per row cost a quarter of that walk. Only the last row's hash is read, since a
    /// caller checking the chain against a signed head needs no other.
    public static byte[] streamBodies(DSLContext d, String replica, long fromSeq, long toSeq, BodySink sink) {
        try {
            var ps = Statements.get(d, BODIES);
            ps.setString(1, replica);
            ps.setLong(2, fromSeq);
            ps.setLong(3, toSeq);
            byte[] last = null;
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    sink.accept(seq, rs.getBytes(2));
                    if (seq == toSeq) {
                        last = rs.getBytes(3);
                    }
                }
            }
            return last;
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
    }

    public static long count(Session s) {
        return s.dsl().fetchCount(OP);
    }

    private static List<Op> decode(List<? extends org.jooq.Record2<byte[], byte[]>> rows) {
        List<Op> out = new ArrayList<>(rows.size());
        for (var r : rows) {
            out.add(OpCodec.decode(r.value1(), r.value2()));
        }
        return out;
    }

    public static void insertHead(DSLContext d, SignedHead h) {
        d.insertInto(SIGNED_HEAD).set(SIGNED_HEAD.REPLICA, h.replica()).set(SIGNED_HEAD.SEQ, h.seq())
                .set(SIGNED_HEAD.HASH, h.hash()).set(SIGNED_HEAD.SIGNATURE, h.signature())
                .onConflictDoNothing().execute();
    }

    /// The highest signed head held for each author.
    public static Map<String, SignedHead> latestHeads(Session s) {
        return latestHeads(s.dsl());
    }

    public static Map<String, SignedHead> latestHeads(DSLContext d) {
        Map<String, SignedHead> out = new LinkedHashMap<>();
        d.selectFrom(SIGNED_HEAD).orderBy(SIGNED_HEAD.REPLICA, SIGNED_HEAD.SEQ).forEach(r ->
                out.put(r.getReplica(), new SignedHead(r.getReplica(), r.getSeq(), r.getHash(), r.getSignature())));
        return out;
    }

    public static List<SignedHead> heads(DSLContext d, String replica) {
        return d.selectFrom(SIGNED_HEAD).where(SIGNED_HEAD.REPLICA.eq(replica)).orderBy(SIGNED_HEAD.SEQ)
                .fetch(r -> new SignedHead(r.getReplica(), r.getSeq(), r.getHash(), r.getSignature()));
    }

    public static void insertFork(DSLContext d, Op op, String bundle, long receivedAt) {
        d.insertInto(FORK).set(FORK.REPLICA, op.replica()).set(FORK.SEQ, op.seq()).set(FORK.HASH, op.hash())
                .set(FORK.BODY, op.body()).set(FORK.RECEIVED_AT, receivedAt).set(FORK.BUNDLE, bundle)
                .onConflictDoNothing().execute();
    }
}
