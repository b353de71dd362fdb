package coop.minka.sync;

import coop.minka.domain.Op;
import coop.minka.store.OpCodec;
import coop.minka.store.OpStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/// Entries that arrived after a gap in their author's chain (design-notes item 15): verified up
/// to their signed head, kept in `pending_op`, and moved into the log as soon as the missing
/// entries arrive and the chain links up. Nothing verified is dropped; import order never
/// changes what is finally held.
final class PendingOps {
    /// Takes an entry that now continues its author's chain.
    @FunctionalInterface
    interface Taker {
        void take(Op op, String bundle, long receivedAt);
    }

    private PendingOps() {
    }

    /// Keeps a verified range whose start is not held yet; the signed head goes with its last entry.
    static void keep(DSLContext d, VerifiedBundle.Range r, String bundle, long now) {
        for (Op op : r.ops()) {
            d.execute("INSERT INTO pending_op (replica, seq, hash, prev, body, head_sig, received_at, bundle) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (replica, seq) DO UPDATE SET "
                    + "head_sig = coalesce(head_sig, excluded.head_sig) WHERE hash = excluded.hash",
                    op.replica(), op.seq(), op.hash(), op.prev(), op.body(),
                    op.seq() == r.head().seq() ? r.head().signature() : null, now, bundle);
        }
    }

    /// Moves every waiting entry that now links to its author's chain into the log, in order.
    /// Waiting entries at a place the chain already holds are dropped if identical, or kept as
    /// forks if they differ.
    static void promote(DSLContext d, Taker taker) {
        List<String> authors = d.resultQuery("SELECT DISTINCT replica FROM pending_op").fetch(0, String.class);
        for (String author : authors) {
            while (true) {
                OpStore.Head head = OpStore.head(d, author);
                settleBelow(d, author, head.seq());
                var row = d.resultQuery("SELECT seq, hash, prev, body, head_sig, received_at, bundle FROM pending_op "
                        + "WHERE replica = ? AND seq = ?", author, head.seq() + 1).fetchOne();
                if (row == null) {
                    break;
                }
                byte[] prev = row.get(2, byte[].class);
                Op op = OpCodec.decode(prev, row.get(3, byte[].class));
                delete(d, author, op.seq());
                if (!Arrays.equals(prev, head.hash())) {
                    OpStore.insertFork(d, op, row.get(6, String.class), row.get(5, Long.class));
                    continue;
                }
                taker.take(op, row.get(6, String.class), row.get(5, Long.class));
                byte[] sig = row.get(4, byte[].class);
                if (sig != null) {
                    OpStore.insertHead(d, new OpStore.SignedHead(author, op.seq(), op.hash(), sig));
                }
            }
        }
    }

    /// How many of an author's entries `from..to` are still waiting.
    static long count(DSLContext d, String author, long from, long to) {
        return d.resultQuery("SELECT count(*) FROM pending_op WHERE replica = ? AND seq BETWEEN ? AND ?", author, from, to)
                .fetchOne(0, Long.class);
    }

    private static void settleBelow(DSLContext d, String author, long headSeq) {
        var rows = d.resultQuery("SELECT seq, hash, prev, body, received_at, bundle FROM pending_op "
                + "WHERE replica = ? AND seq <= ?", author, headSeq).fetch();
        List<Long> done = new ArrayList<>();
        for (var r : rows) {
            long seq = r.get(0, Long.class);
            byte[] held = OpStore.hashAt(d, author, seq).orElse(null);
            if (!Arrays.equals(held, r.get(1, byte[].class))) {
                OpStore.insertFork(d, OpCodec.decode(r.get(2, byte[].class), r.get(3, byte[].class)),
                        r.get(5, String.class), r.get(4, Long.class));
            }
            done.add(seq);
        }
        for (long seq : done) {
            delete(d, author, seq);
        }
    }

    private static void delete(DSLContext d, String author, long seq) {
        d.execute("DELETE FROM pending_op WHERE replica = ? AND seq = ?", author, seq);
    }
}
