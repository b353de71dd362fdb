package coop.minka.sync;

import static coop.minka.store.schema.Tables.GROUP_ENTRY;
import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.heldInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import coop.minka.domain.GroupBacking;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.domain.ShareOut;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An admitted laptop turned against the group signs savings-group entries that claim money their
/// transactions do not carry (design notes 37): shares paid into the dues account, another
/// laptop's transaction named as its own, shares sold under the constitution's price. Each is
/// held invalid on every laptop, whichever file arrives first; an entry the same laptop wrote
/// honestly still counts, even on a laptop that received it before the meeting and the member's
/// account it names. The share-out, the books and the state digest agree everywhere.
class GroupForgeryTest {
    @TempDir
    Path tmp;

    @Test
    void entriesTheirTransactionsDoNotBackAreHeldEverywhereInEitherOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            ForgeKit.Chain h = c.admittedHostile("Hostile");

            // an honest meeting on a, which b has not received yet
            a.s.group().startCycle(LocalDate.of(2026, 6, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null,
                    Map.of());
            String meeting = a.s.group().openMeeting(LocalDate.of(2026, 6, 2)).id();
            a.s.group().buyShares("Ana", 2);
            String anaSavings = a.s.ledger().accounts().stream()
                    .filter(x -> x.account().code().startsWith("2000-")).findFirst().orElseThrow().account().id();
            String honestTx = a.s.workspace().db().read(d -> d.select(GROUP_ENTRY.TX).from(GROUP_ENTRY)
                    .where(GROUP_ENTRY.TYPE.eq(OpType.GROUP_SHARES)).fetchOne(GROUP_ENTRY.TX));

            long from = h.seq() + 1;
            // five shares for Ana, but the money goes to the dues account, not to her savings
            String intoDues = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-06-02", "Shares", c.cash, 5000L, c.dues, -5000L)).entity();
            Op duesClaim = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()),
                    shares(meeting, c.ana, 5, 5000, intoDues));
            // laptop a's transaction for Ana's two shares, named as this laptop's own
            Op borrowedTx = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()),
                    shares(meeting, c.ana, 2, 2000, honestTx));
            // five shares into Ana's savings for 0.50: under the share price of 10.00
            String cheap = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-06-02", "Shares", c.cash, 50L, anaSavings, -50L)).entity();
            Op underPriced = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()),
                    shares(meeting, c.ana, 5, 50, cheap));
            // one share, written as the app writes it: it counts
            String fair = h.append(OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-06-02", "Shares", c.cash, 1000L, anaSavings, -1000L)).entity();
            Op honest = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()),
                    shares(meeting, c.ana, 1, 1000, fair));
            Path hostile = c.forged(h, from, h.seq());
            Path fromA = a.exportFull(c.dir());

            b.sync.importBundle(hostile); // before the cycle, the meeting and Ana's savings account
            assertHeldInvalid(b, honest);
            b.sync.importBundle(fromA);
            a.sync.importBundle(hostile);

            for (Village v : List.of(a, b)) {
                for (Op bad : List.of(duesClaim, borrowedTx, underPriced)) {
                    assertHeldInvalid(v, bad);
                    assertEquals(GroupBacking.MISMATCH, reasonOf(v, bad));
                }
                assertFalse(heldInvalid(v, honest), "the honest entry came back once its account arrived");
                ShareOut r = v.s.group().shareOut().result();
                assertEquals(3, r.totalShares(), "Ana's two shares from a and one from the other laptop");
                assertEquals(3000, r.distributable());
                // the forged transactions themselves are ordinary, balanced and in the books for
                // the treasurer to see and void: 0.50 more in Ana's savings, 50.00 more in dues
                assertEquals(-3050, v.s.ledger().accounts().stream().filter(x -> x.account().id().equals(anaSavings))
                        .mapToLong(coop.minka.app.LedgerService.AccountBalance::balance).sum());
                assertEquals(-10000 - 5000, TestCoop.balance(v, "4000"));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
        }
    }

    private static OpData shares(String meeting, String member, long count, long amount, String tx) {
        return OpData.builder().put("meeting", meeting).put("member", member).put("count", count)
                .put("amount", amount).put("tx", tx).build();
    }

    private static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }
}
