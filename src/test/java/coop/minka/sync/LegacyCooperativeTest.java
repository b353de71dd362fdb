package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.Hlc;
import coop.minka.domain.Ids;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Cooperatives made before sync format 2 (design-notes 11): their cooperative and laptops have
/// UUIDv7 ids that do not derive from keys, and their entities carry no owner tag. [ForgeKit]
/// writes such a cooperative from scratch (founder `f`, legacy laptops `l` and `m`), and a laptop
/// of today joins it from a full file.
class LegacyCooperativeTest {
    @TempDir
    Path tmp;

    /// The legacy cooperative: founder `f` created it, opened two accounts and admitted `l` and `m`.
    record Legacy(String coopId, ForgeKit.Chain f, ForgeKit.Chain l, ForgeKit.Chain m, String cash, String dues) {
        static Legacy make() {
            String coopId = Ids.newId();
            ForgeKit.Chain f = new ForgeKit.Chain(ForgeKit.Author.claiming(Ids.newId()), coopId);
            ForgeKit.Chain l = new ForgeKit.Chain(ForgeKit.Author.claiming(Ids.newId()), coopId);
            ForgeKit.Chain m = new ForgeKit.Chain(ForgeKit.Author.claiming(Ids.newId()), coopId);
            f.join("Legacy founder");
            l.join("Legacy laptop l");
            m.join("Legacy laptop m");
            f.append(OpType.COOP_CREATE, coopId, OpData.builder().put("name", "Old cooperative").put("currency", "BOB")
                    .put("languages", "es").build());
            String cash = Ids.newId();
            String dues = Ids.newId();
            f.append(OpType.ACCOUNT_ADD, cash, OpData.builder().put("code", "1000").put("name", "Cash")
                    .put("type", "asset").build());
            f.append(OpType.ACCOUNT_ADD, dues, OpData.builder().put("code", "4000").put("name", "Dues")
                    .put("type", "income").build());
            f.append(OpType.REPLICA_ADMIT, l.author.id(), OpData.builder().put("fingerprint", l.author.fingerprint())
                    .build());
            f.append(OpType.REPLICA_ADMIT, m.author.id(), OpData.builder().put("fingerprint", m.author.fingerprint())
                    .build());
            return new Legacy(coopId, f, l, m, cash, dues);
        }

        Path full(Path dir) {
            return ForgeKit.file(coopId, "Old cooperative").sender(f.author, "Legacy founder").range(f.all())
                    .range(l.all()).range(m.all()).write(dir);
        }
    }

    /// Two admitted legacy laptops post a transaction under the same (untagged) id with other
    /// amounts. Whatever the rule for such a collision, every order of arrival must give the same
    /// books (invariant 3): a laptop that received `l` first and one that received `m` first agree.
    @Test
    void twoLegacyLaptopsCollidingOnAnIdGiveOneStateInAnyOrder() {
        Legacy g = Legacy.make();
        Path full = g.full(Village.mkdir(tmp.resolve("full")));
        String t = Ids.newId();
        g.l().append(OpType.TX_POST, t, TestCoop.tx("2026-05-02", "from l", g.cash(), 500L, g.dues(), -500L));
        g.m().append(OpType.TX_POST, t, TestCoop.tx("2026-05-02", "from m", g.cash(), 9000L, g.dues(), -9000L));
        Path fromL = ForgeKit.file(g.coopId(), "Old cooperative").sender(g.l().author, "l").range(g.l().range(2, 2))
                .write(tmp.resolve("l"));
        Path fromM = ForgeKit.file(g.coopId(), "Old cooperative").sender(g.m().author, "m").range(g.m().range(2, 2))
                .write(tmp.resolve("m"));
        try (Village x = Village.join(tmp, "x", full, TestCoop.FAST);
             Village y = Village.join(tmp, "y", full, TestCoop.FAST)) {
            assertEquals(List.of(g.f().author.id()), TestCoop.founders(x), "the legacy founder is pinned");
            x.sync.importBundle(fromL);
            x.sync.importBundle(fromM);
            y.sync.importBundle(fromM);
            y.sync.importBundle(fromL);
            TestCoop.assertVerifies(x);
            TestCoop.assertVerifies(y);
            assertEquals(x.s.ledger().transactions(null, null, null).toString(),
                    y.s.ledger().transactions(null, null, null).toString(), "the same journal in either order");
            assertEquals(TestCoop.balances(x), TestCoop.balances(y), "the same balances in either order");
        }
    }

    /// A legacy cooperative's founder is whoever wrote the earliest `coop.create` in the full file
    /// a new laptop joins from. Someone who splices their own join and a `coop.create` stamped in
    /// 1970 into a genuine full file (as its sender, keeping the genuine signed ranges) must not
    /// become the founder of the laptop that joins from it.
    @Test
    void aSplicedFullFileDoesNotMakeItsSenderTheFounderOfALegacyCooperative() {
        Legacy g = Legacy.make();
        ForgeKit.Chain x = new ForgeKit.Chain(ForgeKit.Author.claiming(Ids.newId()), g.coopId());
        x.join("Helpful stick carrier");
        Op takeover = x.appendAt(Hlc.pack(1, 0), OpType.COOP_CREATE, g.coopId(), OpData.builder()
                .put("name", "Old cooperative").put("currency", "USD").put("languages", "es").build());
        Path spliced = ForgeKit.file(g.coopId(), "Old cooperative").sender(x.author, "Helpful stick carrier")
                .range(g.f().all()).range(g.l().all()).range(g.m().all()).range(x.all()).write(tmp.resolve("spliced"));
        try (Village n = Village.join(tmp, "n", spliced, TestCoop.FAST)) {
            assertEquals(List.of(g.f().author.id()), TestCoop.founders(n),
                    "the founder of a legacy cooperative is not whoever sends the full file (" + takeover.replica() + ")");
            assertEquals("BOB", n.s.workspace().coop().currency().getCurrencyCode());
            assertTrue(n.s.verify().verify().ok());
        }
    }
}
