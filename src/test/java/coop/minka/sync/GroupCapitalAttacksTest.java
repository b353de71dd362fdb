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
import coop.minka.store.Projector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Signed forgeries against the savings group and the share register (issue 14, design notes
/// 32–37) by an admitted laptop turned hostile: each entry is held invalid with its reason, or
/// stands, the same on every laptop whatever order and however its entries arrive, a rebuild
/// included; the books balance and `verify` passes.
class GroupCapitalAttacksTest {
    @TempDir
    Path tmp;

    /// A cycle and an open meeting on `a` with two shares bought for Ana (so her savings account
    /// exists), carried to every laptop. Returns {meeting id, Ana's savings account id}.
    private static String[] meeting(TestCoop c) {
        Village a = c.a();
        a.s.group().startCycle(LocalDate.of(2026, 6, 1), "10.00", 1, 5, "2.00", "10", "flat", null, null, Map.of());
        String meeting = a.s.group().openMeeting(LocalDate.of(2026, 6, 2)).id();
        a.s.group().buyShares("Ana", 2);
        String savings = a.s.ledger().accounts().stream().filter(x -> x.account().code().startsWith("2000-"))
                .findFirst().orElseThrow().account().id();
        c.fromATo(c.laptops);
        return new String[] {meeting, savings};
    }

    /// A group entry signed before the transaction it names, and the two sent in two files (the
    /// entry first): a laptop reading them one file at a time must come to the verdict of a
    /// laptop reading them in one file, and of a rebuild — the entry stands once its transaction
    /// is held, as it does once its account or meeting arrives.
    @Test
    void anEntryWhoseTransactionComesInALaterFileStandsOnceItArrives() {
        try (TestCoop c = TestCoop.found(tmp, "b", "c")) {
            Village a = c.a();
            Village b = c.get("b");
            Village cc = c.get("c");
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            String[] m = meeting(c);

            long from = h.seq() + 1;
            String tx = ForgeKit.ownedId(h.author.id());
            Op entry = h.append(OpType.GROUP_SHARES, ForgeKit.ownedId(h.author.id()), shares(m[0], c.ana, 1, 1000, tx));
            h.append(OpType.TX_POST, tx, TestCoop.tx("2026-06-02", "Shares", c.cash, 1000L, m[1], -1000L));
            Path first = c.forged(h, from, from);
            Path second = c.forged(h, from + 1, h.seq());
            Path whole = c.forged(h, from, h.seq());

            b.sync.importBundle(first);
            assertHeldInvalid(b, entry); // its transaction is not here yet
            b.sync.importBundle(second);
            cc.sync.importBundle(whole);
            a.sync.importBundle(second);
            a.sync.importBundle(first);

            for (Village v : List.of(a, b, cc)) {
                assertFalse(heldInvalid(v, entry), "held on " + v.id());
                assertEquals(3, v.s.group().shareOut().result().totalShares(), "on " + v.id());
                assertVerifies(v);
            }
            assertEquals(cc.digest(), b.digest());
            assertEquals(cc.digest(), a.digest());
            assertEquals(b.digest(), rebuilt(b));
        }
    }

    static OpData shares(String meeting, String member, long count, long amount, String tx) {
        return OpData.builder().put("meeting", meeting).put("member", member).put("count", count)
                .put("amount", amount).put("tx", tx).build();
    }

    static String rebuilt(Village v) {
        v.s.workspace().db().transaction(s -> {
            new Projector(v.id()).rebuild(s);
            return null;
        });
        return v.digest();
    }

    static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }
}
