package coop.minka.sync;

import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.Hlc;
import coop.minka.domain.ImportReceipt;
import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import coop.minka.domain.ReplicaStatus;
import coop.minka.store.Meta;
import coop.minka.store.OpStore;
import coop.minka.store.Projector;
import coop.minka.store.Session;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/// Merges a [VerifiedBundle] into the change log (DESIGN.md §4–5): per author, only entries
/// that continue the chain held here are taken; entries held already are skipped; a different
/// entry where one is held is a **fork**, kept aside and never applied; entries that start
/// after a gap wait for the missing ones. Entries of authors not admitted yet are stored but
/// not projected (quarantined) — the [Projector] decides that from the trust entries.
public final class BundleImporter {
    /// What to do with one author's range.
    ///
    /// @param known   entries already held
    /// @param fresh   entries to insert, continuing the held chain
    /// @param head    the signed head to keep (null when a fork was found)
    /// @param fork    the first entry that differs from the held history, if any
    /// @param missing entries that cannot be taken yet because earlier ones are missing
    public record AuthorPlan(String author, long known, List<Op> fresh, coop.minka.store.OpStore.SignedHead head,
                             Op fork, long missing, VerifiedBundle.Range waiting) {
    }

    /// The import's surroundings: the name recorded with each entry, the wall clock, and the
    /// latest closed period (read after the entries are in, so a close in the same bundle counts).
    public record Context(String bundleName, long now, Function<Session, Optional<LocalDate>> closedUpTo) {
    }

    private BundleImporter() {
    }

    /// Decides per author what is new, known, forked or missing; reads only.
    public static List<AuthorPlan> plan(Session s, VerifiedBundle b) {
        DSLContext d = s.dsl();
        List<AuthorPlan> out = new ArrayList<>();
        for (VerifiedBundle.Range r : b.ranges()) {
            out.add(planRange(d, r));
        }
        return out;
    }

    /// True if importing the plan would add anything (entries, forks or heads).
    public static boolean changesLog(List<AuthorPlan> plans) {
        return plans.stream().anyMatch(p -> !p.fresh().isEmpty() || p.fork() != null || p.waiting() != null);
    }

    private static AuthorPlan planRange(DSLContext d, VerifiedBundle.Range r) {
        List<Op> ops = r.ops();
        OpStore.Head h = OpStore.head(d, r.author());
        if (!r.verified()) {
            // a legacy id held here under another key: a second chain for it, kept as a fork
            return new AuthorPlan(r.author(), 0, List.of(), null, ops.getFirst(), 0, null);
        }
        if (r.fromSeq() > h.seq() + 1) {
            return new AuthorPlan(r.author(), 0, List.of(), null, null, ops.size(), r);
        }
        long k = Math.min(h.seq(), r.toSeq());
        if (k >= r.fromSeq()) {
            if (!sameAsHeld(d, r, k)) {
                long lo = r.fromSeq();
                long hi = k;
                while (lo < hi) {
                    long mid = (lo + hi) >>> 1;
                    if (sameAsHeld(d, r, mid)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return new AuthorPlan(r.author(), lo - r.fromSeq(), List.of(), null, opAt(r, lo), 0, null);
            }
            List<Op> fresh = ops.subList((int) (k - r.fromSeq() + 1), ops.size());
            return new AuthorPlan(r.author(), k - r.fromSeq() + 1, fresh, r.head(), null, 0, null);
        }
        if (!Arrays.equals(r.prev(), h.hash())) {
            return new AuthorPlan(r.author(), 0, List.of(), null, ops.getFirst(), 0, null);
        }
        return new AuthorPlan(r.author(), 0, ops, r.head(), null, 0, null);
    }

    private static Op opAt(VerifiedBundle.Range r, long seq) {
        return r.ops().get((int) (seq - r.fromSeq()));
    }

    private static boolean sameAsHeld(DSLContext d, VerifiedBundle.Range r, long seq) {
        return OpStore.hashAt(d, r.author(), seq).map(held -> Arrays.equals(held, opAt(r, seq).hash())).orElse(false);
    }

    /// Inserts and projects within the caller's write transaction; returns one receipt line per
    /// author of the bundle.
    public static List<ImportReceipt.Author> apply(Session s, List<AuthorPlan> plans, Projector projector, String self,
                                                   Context ctx) {
        DSLContext d = s.dsl();
        Projector.Batch batch = projector.batch(d);
        long[] hlc = {Meta.get(d, Meta.HLC).map(Long::parseLong).orElse(0L)};
        Map<String, long[]> flags = new HashMap<>();
        for (AuthorPlan p : plans) {
            long[] f = new long[3];
            flags.put(p.author(), f);
            for (Op op : p.fresh()) {
                take(d, batch, op, ctx.bundleName(), ctx.now(), hlc, f);
            }
            if (p.head() != null) {
                OpStore.insertHead(d, p.head());
            }
            if (p.fork() != null) {
                OpStore.insertFork(d, p.fork(), ctx.bundleName(), ctx.now());
            }
            if (p.waiting() != null) {
                PendingOps.keep(d, p.waiting(), ctx.bundleName(), ctx.now());
            }
        }
        PendingOps.promote(d, (op, bundle, receivedAt) -> take(d, batch, op, bundle, ctx.now(), hlc,
                flags.computeIfAbsent(op.replica(), a -> new long[3])));
        for (AuthorPlan p : plans) {
            if (p.waiting() != null) {
                flags.get(p.author())[2] = PendingOps.count(d, p.author(), p.waiting().fromSeq(), p.waiting().toSeq());
            }
        }
        batch.finish();
        Meta.put(d, Meta.HLC, Long.toString(hlc[0]));
        Optional<LocalDate> closed = ctx.closedUpTo().apply(s);
        if (closed.isPresent()) {
            for (AuthorPlan p : plans) {
                for (Op op : p.fresh()) {
                    LocalDate date = datedOn(d, op);
                    if (date != null && !date.isAfter(closed.get())) {
                        SyncRecords.flag(d, new SyncRecords.Flag(SyncRecords.LATE, op.replica(), op.seq(), ctx.now(),
                                ctx.bundleName()));
                        flags.get(p.author())[0]++;
                    }
                }
            }
        }
        Map<String, String[]> replicas = new HashMap<>();
        d.select(REPLICA.ID, REPLICA.NAME, REPLICA.STATUS).from(REPLICA)
                .forEach(r -> replicas.put(r.value1(), new String[] {r.value2(), r.value3()}));
        List<ImportReceipt.Author> out = new ArrayList<>();
        for (AuthorPlan p : plans) {
            String[] info = replicas.getOrDefault(p.author(), new String[] {"?", ReplicaStatus.PENDING.wire()});
            boolean counts = p.author().equals(self) || ReplicaStatus.FOUNDER.wire().equals(info[1])
                    || ReplicaStatus.ADMITTED.wire().equals(info[1]);
            long[] f = flags.get(p.author());
            long fresh = p.fresh().size() + (p.waiting() == null ? 0 : p.missing() - f[2]);
            out.add(new ImportReceipt.Author(p.author(), info[0], info[1], fresh, p.known(),
                    counts ? 0 : fresh, p.fork() == null ? 0 : 1, p.waiting() == null ? p.missing() : f[2], f[0], f[1]));
        }
        return out;
    }

    /// Inserts one entry that continues its author's chain, projects it and flags a far-ahead clock.
    private static void take(DSLContext d, Projector.Batch batch, Op op, String bundle, long now, long[] hlc, long[] f) {
        OpStore.insert(d, op, bundle, now);
        batch.apply(op);
        if (Hlc.isFarAhead(op.hlc(), now)) {
            SyncRecords.flag(d, new SyncRecords.Flag(SyncRecords.FAR_AHEAD, op.replica(), op.seq(), now, bundle));
            f[1]++;
        } else {
            hlc[0] = Hlc.observe(hlc[0], op.hlc(), now);
        }
    }

    /// The date an entry is about: its own date, or for a void the date of what it voids.
    private static LocalDate datedOn(DSLContext d, Op op) {
        try {
            return switch (op.type()) {
                case OpType.WORK_ADD, OpType.TX_POST -> LocalDate.parse(op.data().str("date"));
                case OpType.WORK_VOID, OpType.TX_VOID -> OpStore.byEntity(d, op.entity()).stream()
                        .filter(o -> o.type().equals(OpType.WORK_ADD) || o.type().equals(OpType.TX_POST))
                        .map(o -> LocalDate.parse(o.data().str("date"))).findFirst().orElse(null);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }
}
