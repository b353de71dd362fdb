package coop.minka.store;

import static coop.minka.store.schema.Tables.INVALID_OP;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.VOID;

import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/// What the late-entry review (design notes 23) reads: the late entry itself, whether a counted
/// `period.accept` names it, and whether its transaction or work entry is voided.
public final class LateRepository {
    private LateRepository() {
    }

    /// Entry `seq` of `replica`, if held in the log.
    public static Optional<Op> op(Session s, String replica, long seq) {
        DSLContext d = s.dsl();
        return d.select(OP.PREV, OP.BODY).from(OP).where(OP.REPLICA.eq(replica)).and(OP.SEQ.eq(seq))
                .fetchOptional(r -> OpCodec.decode(r.value1(), r.value2()));
    }

    /// Every op about `entity`, in the order they were stored.
    public static List<Op> about(Session s, String entity) {
        return OpStore.byEntity(s.dsl(), entity);
    }

    /// Whether a `period.accept` of an author that counts here (and not held invalid) names the
    /// entry with hash `entryHash` of `entity`.
    public static boolean accepted(Session s, String entity, String entryHash, String self) {
        DSLContext d = s.dsl();
        Map<String, Long> counted = Projector.countedAuthors(d, self);
        for (Op op : OpStore.byEntity(d, entity)) {
            if (op.type().equals(OpType.PERIOD_ACCEPT) && entryHash.equals(op.data().str("entry"))
                    && op.seq() <= counted.getOrDefault(op.replica(), 0L)
                    && !d.fetchExists(INVALID_OP, INVALID_OP.REPLICA.eq(op.replica()).and(INVALID_OP.SEQ.eq(op.seq())))) {
                return true;
            }
        }
        return false;
    }

    /// Whether `entity` is voided (by a void of kind `tx` or `work`).
    public static boolean voided(Session s, String entity, String kind) {
        return s.dsl().fetchExists(VOID, VOID.ENTITY.eq(entity).and(VOID.KIND.eq(kind)));
    }

    /// A `period.close` that counts: the date, who closed and their clock.
    public record Close(java.time.LocalDate to, String replica, long hlc) {
    }

    /// The closes of authors that count here (not held invalid), oldest first by clock.
    public static List<Close> closes(Session s, String self) {
        DSLContext d = s.dsl();
        Map<String, Long> counted = Projector.countedAuthors(d, self);
        java.util.List<Close> out = new java.util.ArrayList<>();
        for (Op op : OpStore.byTypes(d, List.of(OpType.PERIOD_CLOSE))) {
            if (op.seq() > counted.getOrDefault(op.replica(), 0L)
                    || d.fetchExists(INVALID_OP, INVALID_OP.REPLICA.eq(op.replica()).and(INVALID_OP.SEQ.eq(op.seq())))) {
                continue;
            }
            coop.minka.domain.OpRules.parseDate(op.data().str("to"))
                    .ifPresent(to -> out.add(new Close(to, op.replica(), op.hlc())));
        }
        out.sort(java.util.Comparator.comparingLong(Close::hlc));
        return out;
    }
}
