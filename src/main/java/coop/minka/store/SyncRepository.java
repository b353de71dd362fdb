package coop.minka.store;

import static coop.minka.store.schema.Tables.CONFLICT;
import static coop.minka.store.schema.Tables.FORK;
import static coop.minka.store.schema.Tables.INVALID_OP;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.PENDING_OP;

import java.util.List;
import java.util.Optional;

/// What syncing left for a person to look at: forks, entries held invalid or waiting for
/// earlier ones, open conflicts.
public final class SyncRepository {
    private SyncRepository() {
    }

    /// A second, different entry `seq` of `replica`.
    public record Fork(String replica, long seq, long receivedAt, String bundle) {
    }

    /// An entry held invalid: the rule it breaks is `reason`.
    public record Invalid(String replica, long seq, String type, String entity, String reason) {
    }

    /// An entry's type and the entity it is about.
    public record About(String type, String entity) {
    }

    public static List<Fork> forks(Session s) {
        return s.dsl().selectFrom(FORK).orderBy(FORK.REPLICA, FORK.SEQ)
                .fetch(f -> new Fork(f.getReplica(), f.getSeq(), f.getReceivedAt(), f.getBundle()));
    }

    public static List<Invalid> invalid(Session s) {
        return s.dsl().selectFrom(INVALID_OP).orderBy(INVALID_OP.REPLICA, INVALID_OP.SEQ)
                .fetch(i -> new Invalid(i.getReplica(), i.getSeq(), i.getType(), i.getEntity(), i.getReason()));
    }

    /// Entries kept until the earlier entries of their laptop arrive.
    public static long waiting(Session s) {
        return s.dsl().fetchCount(PENDING_OP);
    }

    /// Open conflicts, one per entry that lost, however many fields it changed.
    public static long conflicts(Session s) {
        var d = s.dsl();
        return d.fetchCount(d.selectDistinct(CONFLICT.LOSER_HASH).from(CONFLICT));
    }

    /// What entry `seq` of `replica` is about, if held.
    public static Optional<About> about(Session s, String replica, long seq) {
        return s.dsl().select(OP.TYPE, OP.ENTITY).from(OP).where(OP.REPLICA.eq(replica).and(OP.SEQ.eq(seq)))
                .fetchOptional(r -> new About(r.value1(), r.value2()));
    }
}
