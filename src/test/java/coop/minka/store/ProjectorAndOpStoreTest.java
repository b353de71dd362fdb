package coop.minka.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.Fixtures;
import coop.minka.app.Services;
import coop.minka.domain.Op;
import coop.minka.domain.OpType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The log on disk and the projections built from it, read directly (issue #15: the store gets
/// direct unit tests): the log keeps each laptop's chain in order and linked; replaying it into
/// empty tables gives exactly the tables the writes left (the state digest is the same).
class ProjectorAndOpStoreTest {
    @TempDir
    Path dir;

    @Test
    void theLogIsOneLinkedChainPerLaptop() {
        try (Services s = Fixtures.sample(dir)) {
            String self = s.workspace().selfId();
            s.workspace().read(d -> {
                List<Op> mine = new ArrayList<>();
                OpStore.forEachOf(d.dsl(), self, 0, mine::add);
                assertTrue(mine.size() >= 8, "coop, laptop, members, category, accounts, a payment, work");
                byte[] prev = OpCodec.NO_PREV;
                for (int i = 0; i < mine.size(); i++) {
                    Op op = mine.get(i);
                    assertEquals(i + 1, op.seq());
                    assertArrayEquals(prev, op.prev(), "entry " + op.seq() + " names the one before");
                    assertArrayEquals(OpCodec.hash(op.prev(), op.body()), op.hash());
                    prev = op.hash();
                }
                OpStore.Head head = OpStore.head(d, self);
                assertEquals(mine.size(), head.seq());
                assertArrayEquals(prev, head.hash());
                assertEquals(mine.size(), OpStore.versionVector(d).get(self));
                assertEquals(mine.size(), OpStore.count(d));
                assertEquals(OpType.COOP_CREATE, OpStore.byTypes(d.dsl(), List.of(OpType.COOP_CREATE)).getFirst().type());
                return null;
            });
        }
    }

    @Test
    void replayingTheLogGivesTheSameTables() {
        try (Services s = Fixtures.sample(dir)) {
            String before = s.workspace().read(StateDump::digest);
            String self = s.workspace().selfId();
            String after = s.workspace().read(d -> {
                try (Database mem = Database.inMemory()) {
                    return mem.transaction(m -> {
                        OpStore.forEach(d.dsl(), op -> OpStore.insert(m.dsl(), op, null, 0));
                        // trust is rooted in facts of the file: the cooperative (and a legacy founder)
                        for (String key : List.of(Meta.COOP_ID, Meta.FOUNDER, Meta.SELF)) {
                            Meta.get(d.dsl(), key).ifPresent(v -> Meta.put(m.dsl(), key, v));
                        }
                        new Projector(self).rebuild(m);
                        return StateDump.digest(m);
                    });
                }
            });
            assertEquals(before, after);
        }
    }
}
