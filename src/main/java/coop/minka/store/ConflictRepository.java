package coop.minka.store;

import static coop.minka.store.schema.Tables.ACCOUNT;
import static coop.minka.store.schema.Tables.CONFLICT;
import static coop.minka.store.schema.Tables.COOPERATIVE;
import static coop.minka.store.schema.Tables.MEMBER;
import static coop.minka.store.schema.Tables.OP;
import static coop.minka.store.schema.Tables.REPLICA;
import static coop.minka.store.schema.Tables.WORK_CATEGORY;

import coop.minka.domain.EntityFold;
import coop.minka.domain.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/// The open conflicts of the `conflict` projection (DESIGN.md §4, design notes 5 and 17), each
/// with the two entries that disagree read back from the log, the entity they are about and the
/// names of the laptops that wrote them: everything a person needs to decide, as plain records.
public final class ConflictRepository {
    private ConflictRepository() {
    }

    /// What kind of entity a conflict is about; `OTHER` if its row was not found.
    public enum Kind { MEMBER, ACCOUNT, CATEGORY, COOPERATIVE, OTHER }

    /// The entity: its kind, its name and, for accounts and categories, its code.
    public record Entity(String id, Kind kind, String name, String code) {
    }

    /// One side of a disagreement: the entry, the value it set and the laptop that wrote it.
    public record Side(Op op, Object value, String laptop) {
    }

    /// One open conflict row: `field` of `entity` holds `current`'s value; `other` was written
    /// concurrently and lost; `before` is the value the current entry was made on top of (null if
    /// none was set before it), e.g. the name both laptops started from.
    public record Row(Entity entity, String field, Side current, Side other, Object before) {
    }

    /// Every open conflict, by entity, field and losing entry (the table's own order).
    public static List<Row> open(Session s) {
        DSLContext d = s.dsl();
        Map<String, Entity> entities = new HashMap<>();
        Map<String, String> laptops = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (var r : d.selectFrom(CONFLICT).orderBy(CONFLICT.ENTITY, CONFLICT.FIELD, CONFLICT.LOSER_HASH).fetch()) {
            Optional<Op> winner = byHash(d, r.getWinnerHash());
            Optional<Op> loser = byHash(d, r.getLoserHash());
            if (winner.isEmpty() || loser.isEmpty()) {
                continue; // cannot happen while the projection matches the log
            }
            Entity e = entities.computeIfAbsent(r.getEntity(), id -> entity(d, id));
            rows.add(new Row(e, r.getField(), side(d, winner.get(), r.getField(), laptops),
                    side(d, loser.get(), r.getField(), laptops), before(d, winner.get(), r.getField())));
        }
        return rows;
    }

    /// The entry with this hash, if held.
    public static Optional<Op> byHash(DSLContext d, byte[] hash) {
        return d.select(OP.PREV, OP.BODY)
                .from(OP).where(OP.HASH.eq(hash))
                .fetchOptional().map(r -> OpCodec.decode(r.value1(), r.value2()));
    }

    /// The value of `field` in the nearest entry `op` descends from (through `data.base`) that set it.
    private static Object before(DSLContext d, Op op, String field) {
        Set<String> seen = new HashSet<>();
        String base = op.data().str(EntityFold.BASE);
        while (base != null && seen.add(base)) {
            Optional<Op> b = byHash(d, HexFormat.of().parseHex(base));
            if (b.isEmpty()) {
                return null;
            }
            if (b.get().data().has(field)) {
                return b.get().data().asMap().get(field);
            }
            base = b.get().data().str(EntityFold.BASE);
        }
        return null;
    }

    private static Side side(DSLContext d, Op op, String field, Map<String, String> laptops) {
        String laptop = laptops.computeIfAbsent(op.replica(), id -> d.select(REPLICA.NAME).from(REPLICA)
                .where(REPLICA.ID.eq(id)).fetchOptional(REPLICA.NAME).orElse(id));
        return new Side(op, op.data().asMap().get(field), laptop);
    }

    private static Entity entity(DSLContext d, String id) {
        var m = d.select(MEMBER.NAME).from(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional(MEMBER.NAME);
        if (m.isPresent()) {
            return new Entity(id, Kind.MEMBER, m.get(), null);
        }
        var a = d.select(ACCOUNT.CODE, ACCOUNT.NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional();
        if (a.isPresent()) {
            return new Entity(id, Kind.ACCOUNT, a.get().value2(), a.get().value1());
        }
        var c = d.select(WORK_CATEGORY.CODE, WORK_CATEGORY.NAME).from(WORK_CATEGORY).where(WORK_CATEGORY.ID.eq(id))
                .fetchOptional();
        if (c.isPresent()) {
            return new Entity(id, Kind.CATEGORY, c.get().value2(), c.get().value1());
        }
        var coop = d.select(COOPERATIVE.NAME).from(COOPERATIVE).where(COOPERATIVE.ID.eq(id))
                .fetchOptional(COOPERATIVE.NAME);
        return coop.map(n -> new Entity(id, Kind.COOPERATIVE, n, null)).orElseGet(() -> new Entity(id, Kind.OTHER, id, null));
    }
}
