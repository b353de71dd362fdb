package coop.minka.store;

import static coop.minka.store.schema.Tables.REPLICA;

import coop.minka.domain.ReplicaStatus;
import coop.minka.store.schema.tables.records.ReplicaRecord;
import java.util.List;
import java.util.Optional;

/// The laptops of the cooperative (the `replica` projection): names, keys and trust.
public final class ReplicaRepository {
    private ReplicaRepository() {
    }

    /// A laptop as held here: its status is a [ReplicaStatus] wire value.
    public record Replica(String id, String name, String status, byte[] publicKey) {
    }

    public static Optional<Replica> byId(Session s, String id) {
        return s.dsl().selectFrom(REPLICA).where(REPLICA.ID.eq(id)).fetchOptional(ReplicaRepository::map);
    }

    /// Every laptop, in name order.
    public static List<Replica> byName(Session s) {
        return s.dsl().selectFrom(REPLICA).orderBy(REPLICA.NAME).fetch(ReplicaRepository::map);
    }

    /// Every laptop, in the order they joined.
    public static List<Replica> byJoining(Session s) {
        return s.dsl().selectFrom(REPLICA).orderBy(REPLICA.JOINED_HLC, REPLICA.ID).fetch(ReplicaRepository::map);
    }

    public static Optional<String> name(Session s, String id) {
        return s.dsl().select(REPLICA.NAME).from(REPLICA).where(REPLICA.ID.eq(id)).fetchOptional(REPLICA.NAME);
    }

    public static Optional<byte[]> publicKey(Session s, String id) {
        return s.dsl().select(REPLICA.PUBLIC_KEY).from(REPLICA).where(REPLICA.ID.eq(id))
                .fetchOptional(REPLICA.PUBLIC_KEY);
    }

    /// True if the laptop is the founder or admitted.
    public static boolean trusted(Session s, String id) {
        var d = s.dsl();
        return d.fetchExists(d.selectOne().from(REPLICA).where(REPLICA.ID.eq(id))
                .and(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire())));
    }

    /// The ids of every other laptop that is not rejected.
    public static List<String> peers(Session s, String self) {
        return s.dsl().select(REPLICA.ID).from(REPLICA).where(REPLICA.ID.ne(self))
                .and(REPLICA.STATUS.ne(ReplicaStatus.REVOKED.wire())).fetch(REPLICA.ID);
    }

    /// The last entry of a revoked laptop that still counts (null: none).
    public static Optional<Long> countsUpTo(Session s, String id) {
        return s.dsl().select(REPLICA.COUNTS_UP_TO).from(REPLICA).where(REPLICA.ID.eq(id))
                .fetchOptional(REPLICA.COUNTS_UP_TO);
    }

    /// Why and when a laptop was revoked, as its revocation by a laptop that counts (or did) says.
    public record Revocation(String replica, String by, String reason, long hlc, long upTo) {
    }

    /// Per revoked laptop, the revocation that decided how much of it counts: the one keeping the
    /// fewest of its entries, the earliest of those; revocations by laptops that never counted are
    /// left out.
    public static java.util.Map<String, Revocation> revocations(Session s) {
        var d = s.dsl();
        java.util.Set<String> authors = new java.util.HashSet<>(d.select(REPLICA.ID).from(REPLICA)
                .where(REPLICA.STATUS.in(ReplicaStatus.FOUNDER.wire(), ReplicaStatus.ADMITTED.wire(),
                        ReplicaStatus.REVOKED.wire())).fetch(REPLICA.ID));
        java.util.Set<String> revoked = new java.util.HashSet<>(d.select(REPLICA.ID).from(REPLICA)
                .where(REPLICA.STATUS.eq(ReplicaStatus.REVOKED.wire())).fetch(REPLICA.ID));
        java.util.Map<String, Revocation> out = new java.util.HashMap<>();
        for (var op : OpStore.byTypes(d, List.of(coop.minka.domain.OpType.REPLICA_REVOKE))) {
            if (!authors.contains(op.replica()) || !revoked.contains(op.entity())) {
                continue;
            }
            Object v = op.data().asMap().get("upTo");
            long upTo = v instanceof Long n && n > 0 ? n : 0L;
            Revocation r = new Revocation(op.entity(), op.replica(), op.data().str("reason"), op.hlc(), upTo);
            out.merge(op.entity(), r, (a, b) -> a.upTo() != b.upTo() ? (a.upTo() < b.upTo() ? a : b)
                    : a.hlc() <= b.hlc() ? a : b);
        }
        return out;
    }

    private static Replica map(ReplicaRecord r) {
        return new Replica(r.getId(), r.getName(), r.getStatus(), r.getPublicKey());
    }
}
