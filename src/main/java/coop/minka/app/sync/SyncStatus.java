package coop.minka.app.sync;

import coop.minka.app.Workspace;

import static coop.minka.store.schema.Tables.CONFLICT;
import static coop.minka.store.schema.Tables.FORK;
import static coop.minka.store.schema.Tables.INVALID_OP;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.PENDING_OP;
import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.ReplicaStatus;
import coop.minka.store.Keys;
import coop.minka.store.OpStore;
import coop.minka.sync.SyncRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// `minka sync status`: the laptops of the cooperative and how far this one is in step with
/// them, laptops waiting to be admitted, entries waiting (quarantined), forks, late entries and
/// clocks far ahead — everything a treasurer needs to look at after syncing.
public final class SyncStatus {
    /// One laptop: what we hold of its entries, how many of them wait for its admission, what it
    /// is known to hold of ours, and the last bundle received from it.
    public record Laptop(String id, String name, String status, String fingerprint, boolean self, long held,
                         long quarantined, Long holdsOfOurs, String lastBundle, Long lastBundleCreatedAt,
                         Long lastReceivedAt) {
    }

    /// A fork: a second, different entry `seq` of `replica`.
    public record Fork(String replica, String name, long seq, long receivedAt, String bundle) {
    }

    /// A flagged entry (late or far ahead), with what it is about.
    public record Flagged(String replica, String name, long seq, String type, String entity, long receivedAt,
                          String bundle) {
    }

    /// An entry held invalid: it breaks the rule book (`reason`, a code of `invalid.<reason>` in
    /// the messages), so it is kept in the log but never counted.
    public record Invalid(String replica, String name, long seq, String type, String entity, String reason) {
    }

    /// The whole picture. `waiting` counts entries kept until the earlier entries of their
    /// laptop arrive; `impostors` the laptops met with a key that is not their own.
    public record Status(String selfId, List<Laptop> laptops, List<Laptop> pending, long quarantined, List<Fork> forks,
                         List<Flagged> late, List<Flagged> farAhead, long conflicts, List<Invalid> invalid,
                         long waiting, List<Laptop> impostors) {
    }

    private final Workspace ws;

    public SyncStatus(Workspace ws) {
        this.ws = ws;
    }

    public Status status() {
        return ws.db().read(this::status);
    }

    private Status status(DSLContext d) {
        String self = ws.selfId();
        Map<String, Long> vv = OpStore.versionVector(d);
        Map<String, String> names = new HashMap<>();
        List<Laptop> laptops = new ArrayList<>();
        long quarantinedTotal = 0;
        for (var r : d.selectFrom(REPLICA).orderBy(REPLICA.JOINED_HLC, REPLICA.ID).fetch()) {
            names.put(r.getId(), r.getName());
            boolean counts = r.getId().equals(self) || ReplicaStatus.FOUNDER.wire().equals(r.getStatus())
                    || ReplicaStatus.ADMITTED.wire().equals(r.getStatus());
            long held = vv.getOrDefault(r.getId(), 0L);
            long quarantined = counts ? 0 : held;
            quarantinedTotal += quarantined;
            Long ours = r.getId().equals(self) ? null : SyncRecords.peerVv(d, r.getId()).get(self);
            var last = SyncRecords.lastFrom(d, r.getId());
            laptops.add(new Laptop(r.getId(), r.getName(), r.getStatus(), Keys.fingerprint(r.getPublicKey()),
                    r.getId().equals(self), held, quarantined, ours, last.map(SyncRecords.Received::fileName).orElse(null),
                    last.map(SyncRecords.Received::createdAt).orElse(null),
                    last.map(SyncRecords.Received::receivedAt).orElse(null)));
        }
        List<Laptop> pending = laptops.stream()
                .filter(l -> !l.self() && ReplicaStatus.PENDING.wire().equals(l.status())).toList();
        List<Fork> forks = d.selectFrom(FORK).orderBy(FORK.REPLICA, FORK.SEQ).fetch(f -> new Fork(f.getReplica(),
                names.getOrDefault(f.getReplica(), "?"), f.getSeq(), f.getReceivedAt(), f.getBundle()));
        // one decision per entry that lost (ConflictService), however many fields it changed
        long conflicts = d.fetchCount(d.selectDistinct(CONFLICT.LOSER_HASH).from(CONFLICT));
        List<Invalid> invalid = d.selectFrom(INVALID_OP).orderBy(INVALID_OP.REPLICA, INVALID_OP.SEQ).fetch(i ->
                new Invalid(i.getReplica(), names.getOrDefault(i.getReplica(), "?"), i.getSeq(), i.getType(),
                        i.getEntity(), i.getReason()));
        long waiting = d.fetchCount(PENDING_OP);
        List<Laptop> impostors = laptops.stream()
                .filter(l -> ReplicaStatus.IMPOSTOR.wire().equals(l.status())).toList();
        return new Status(self, List.copyOf(laptops), pending, quarantinedTotal, forks,
                flagged(d, SyncRecords.LATE, names), flagged(d, SyncRecords.FAR_AHEAD, names), conflicts,
                invalid, waiting, impostors);
    }

    private static List<Flagged> flagged(DSLContext d, String kind, Map<String, String> names) {
        List<Flagged> out = new ArrayList<>();
        for (SyncRecords.Flag f : SyncRecords.flags(d, kind)) {
            var op = d.select(OP.TYPE, OP.ENTITY).from(OP).where(OP.REPLICA.eq(f.replica()).and(OP.SEQ.eq(f.seq())))
                    .fetchOne();
            out.add(new Flagged(f.replica(), names.getOrDefault(f.replica(), "?"), f.seq(),
                    op == null ? null : op.value1(), op == null ? null : op.value2(), f.receivedAt(), f.bundle()));
        }
        return out;
    }

    public static long count(DSLContext d) {
        return d.fetchCount(DSL.selectOne().from(OP));
    }
}
