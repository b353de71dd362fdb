package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The field merge of design-notes item 17: history (through `base`) before clocks.
class EntityFoldTest {
    private static final long YEAR_2100 = Hlc.pack(4_102_444_800_000L, 0);
    private static final long NOW = Hlc.pack(1_790_000_000_000L, 0);

    private static Op op(String replica, long seq, long hlc, String type, OpData data) throws Exception {
        byte[] body = (replica + seq + hlc + type + data).getBytes(StandardCharsets.UTF_8);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
        return new Op(replica, seq, new byte[32], hlc, type, "m", data, hash, body);
    }

    private static OpData name(String n, Op base) {
        return OpData.builder().put("name", n).put(EntityFold.BASE, base == null ? null : base.hashHex()).build();
    }

    @Test
    void anEditMadeAfterSeeingAFarAheadClockWinsOverIt() throws Exception {
        Op add = op("a", 1, NOW, OpType.MEMBER_ADD, name("Ana", null));
        Op future = op("x", 1, YEAR_2100, OpType.MEMBER_UPDATE, name("Ana from 2100", add));
        Op later = op("a", 2, NOW + 10, OpType.MEMBER_UPDATE, name("Ana Quispe", future));
        for (List<Op> order : List.of(List.of(add, future, later), List.of(later, future, add))) {
            var f = EntityFold.fold(order, OpType.MEMBER_ADD).orElseThrow();
            assertEquals("Ana Quispe", f.str("name"));
            assertTrue(f.conflicts().isEmpty(), "an edit that saw the other is no conflict");
        }
    }

    @Test
    void concurrentEditsAreOrderedByTheirStampsAndTheLoserIsAConflict() throws Exception {
        Op add = op("a", 1, NOW, OpType.MEMBER_ADD, name("Ana", null));
        Op mine = op("a", 2, NOW + 5, OpType.MEMBER_UPDATE, name("Ana Q.", add));
        Op theirs = op("b", 1, NOW + 9, OpType.MEMBER_UPDATE, name("Ana Quispe", add));
        var f = EntityFold.fold(List.of(theirs, add, mine), OpType.MEMBER_ADD).orElseThrow();
        assertEquals("Ana Quispe", f.str("name"));
        assertEquals(1, f.conflicts().size());
        assertEquals("Ana Q.", f.conflicts().getFirst().loserValue());
        // the creation itself is superseded by both edits, never a conflict
        assertTrue(f.conflicts().stream().noneMatch(c -> c.loser() == add));
    }

    @Test
    void aResolvedConflictStaysResolved() throws Exception {
        Op add = op("a", 1, NOW, OpType.MEMBER_ADD, name("Ana", null));
        Op mine = op("a", 2, NOW + 5, OpType.MEMBER_UPDATE, name("Ana Q.", add));
        Op theirs = op("b", 1, NOW + 9, OpType.MEMBER_UPDATE, name("Ana Quispe", add));
        Op resolve = op("a", 3, NOW + 20, OpType.CONFLICT_RESOLVE, OpData.builder().put("loser", mine.hashHex())
                .put(EntityFold.BASE, theirs.hashHex()).build());
        var f = EntityFold.fold(List.of(add, mine, theirs, resolve), OpType.MEMBER_ADD).orElseThrow();
        assertEquals("Ana Quispe", f.str("name"));
        assertTrue(f.conflicts().isEmpty());
    }
}
