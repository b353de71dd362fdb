package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.CapitalService;
import coop.minka.app.sync.SyncService;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.Gender;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import coop.minka.store.Projector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The share register across laptops (design notes 35): entries made offline on two laptops give
/// the same register — same numbers — and the same state digest in either order of import; an
/// admitted laptop's entry that breaks the register's rule (paying back more shares than the
/// member held at its stamp) or whose allocation does not add up is held invalid on every laptop,
/// whatever arrived first.
class CapitalSyncTest {
    @TempDir
    Path tmp;

    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

    @Test
    void entriesFromTwoLaptopsGiveTheSameRegisterInEitherOrder() {
        Path stick = Village.mkdir(tmp.resolve("stick"));
        try (Village a = Village.found(tmp, "a", SyncService.Options.DEFAULT)) {
            a.s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
            a.s.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
            a.s.members().add("Juan Mamani", Gender.MAN, null, null, null);
            a.s.capital().subscribe("Ana", 10, "10.00", DAY);
            Path full = a.exportFull(stick);
            try (Village b = Village.join(tmp, "b", full, SyncService.Options.DEFAULT)) {
                a.sync.importBundle(b.export(stick, SyncService.Mode.DEFAULT, null));
                a.trust().admit("Laptop b");
                b.sync.importBundle(a.export(stick, SyncService.Mode.DEFAULT, null));

                // offline, on two laptops
                a.s.capital().pay("Ana", "50.00", DAY);
                a.s.capital().subscribe("Rosa", 3, null, DAY);
                b.s.capital().subscribe("Juan", 2, null, DAY);
                b.s.capital().transfer("Ana", "Juan", 1, DAY);
                a.s.capital().redeem("Ana", 2, DAY);

                Path fromA = a.export(stick, SyncService.Mode.DEFAULT, null);
                Path fromB = b.export(stick, SyncService.Mode.DEFAULT, null);
                b.sync.importBundle(fromA); // b: its own entries first, then a's
                a.sync.importBundle(fromB); // a: its own entries first, then b's
                assertEquals(a.digest(), b.digest());
                List<CapitalService.Line> ra = a.s.capital().register();
                assertEquals(ra, b.s.capital().register(), "the same numbers on both laptops");
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ra.stream().map(CapitalService.Line::number).toList());
                assertEquals(7, a.s.capital().statement("Ana").position().sharesHeld());
                assertEquals(3, b.s.capital().statement("Juan").position().sharesHeld());
                assertEquals(a.s.capital().statement("Ana"), b.s.capital().statement("Ana"));
                assertTrue(a.s.verify().verify().ok(), a.s.verify().verify().problems().toString());
                assertTrue(b.s.verify().verify().ok(), b.s.verify().verify().problems().toString());
                assertEquals(a.digest(), rebuilt(a), "a rebuild gives the same state");
            }
        }
    }

    /// An admitted laptop turned hostile: one redemption stamped after the honest subscription
    /// (it stands once that arrives), a subscription its transaction does not carry (held
    /// invalid: it would have made the next one pass), one redemption of more shares than are left
    /// (held invalid), and an allocation whose parts do not add up (held invalid by the rule book). Laptop b receives the
    /// hostile file before the honest subscription, laptop a after it: the same state.
    @Test
    void aHostileEntryBreakingTheRegisterIsHeldInvalidInEitherOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            Village a = c.a();
            Village b = c.get("b");
            a.s.capital().subscribe("Ana", 10, "1.00", DAY);
            Op sub = capitalOps(a).getFirst();
            long from = h.seq() + 1;
            String capital = ForgeKit.ownedId(h.author.id());
            h.appendAt(sub.hlc() + 1, OpType.ACCOUNT_ADD, capital, OpData.builder().put("code", "3200-ana")
                    .put("name", "Capital Ana").put("type", "equity").put("member", c.ana).build());
            Op fair = h.appendAt(sub.hlc() + 1, OpType.CAPITAL_REDEEM, ForgeKit.ownedId(h.author.id()),
                    redeem(c, h, capital, 5, sub.hlc() + 1));
            // 100 shares claimed, but the transaction is a dues payment: it backs nothing
            String dues = ForgeKit.ownedId(h.author.id());
            h.appendAt(sub.hlc() + 2, OpType.TX_POST, dues, TestCoop.tx("2026-01-10", "Dues", c.cash, 100L, c.dues,
                    -100L));
            Op unbacked = h.appendAt(sub.hlc() + 2, OpType.CAPITAL_SUBSCRIBE, ForgeKit.ownedId(h.author.id()),
                    OpData.builder().put("member", c.ana).put("shares", 100L).put("price", 1L).put("amount", 100L)
                            .put("date", "2026-01-10").put("tx", dues).build());
            Op tooMany = h.appendAt(sub.hlc() + 3, OpType.CAPITAL_REDEEM, ForgeKit.ownedId(h.author.id()),
                    redeem(c, h, capital, 12, sub.hlc() + 3));
            Op badSplit = h.appendAt(sub.hlc() + 4, OpType.SURPLUS_ALLOCATE, ForgeKit.ownedId(h.author.id()),
                    OpData.builder().put("year", 2025L).put("date", "2026-01-10").put("basis", "capital")
                            .put("surplus", 1000L).put("reserveBp", 3000L).put("educationBp", 500L)
                            .put("cashBp", 10000L).put("reserve", 300L).put("education", 50L)
                            .put("members", List.of(Map.of("member", c.ana, "weight", 10L, "cash", 700L,
                                    "retained", 0L))).build());
            Path hostile = c.forged(h, from, h.seq());
            b.sync.importBundle(hostile); // b: before the honest subscription
            a.sync.importBundle(hostile); // a: after it
            b.sync.importBundle(a.exportFull(c.dir()));
            for (Village v : List.of(a, b)) {
                assertFalse(TestCoop.heldInvalid(v, fair), "stamped after the subscription: it stands on " + v.id());
                assertTrue(TestCoop.heldInvalid(v, tooMany), "more than held, on " + v.id());
                assertEquals(CapitalRegister.OVER_HOLDING, reasonOf(v, tooMany));
                assertEquals(CapitalRegister.ALLOCATION_MISMATCH, reasonOf(v, badSplit));
                assertEquals(CapitalRegister.TX_MISMATCH, reasonOf(v, unbacked), "shares its transaction does not carry");
                assertEquals(List.of(1L, 2L), v.s.capital().register().stream().map(CapitalService.Line::number)
                        .toList());
                assertEquals(5, v.s.capital().statement("Ana").position().sharesHeld());
                TestCoop.assertBooksSumToZero(v);
                TestCoop.assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), rebuilt(a));
        }
    }

    /// A hostile redemption: its own balanced transaction (the member's capital against the cash
    /// box, as a real one) and the register entry naming it.
    private static OpData redeem(TestCoop c, ForgeKit.Chain h, String capital, long shares, long stamp) {
        String tx = ForgeKit.ownedId(h.author.id());
        h.appendAt(stamp, OpType.TX_POST, tx, TestCoop.tx("2026-01-10", "Paid back", capital, shares * 100,
                c.cash, -shares * 100));
        return OpData.builder().put("member", c.ana).put("shares", shares).put("price", 100L)
                .put("amount", shares * 100).put("date", "2026-01-10").put("tx", tx).build();
    }

    private static List<Op> capitalOps(Village v) {
        return new ArrayList<>(v.s.workspace().db().read(OpStore::capitalOps));
    }

    private static String rebuilt(Village v) {
        v.s.workspace().db().transaction(s -> {
            new Projector(v.id()).rebuild(s);
            return null;
        });
        return v.digest();
    }

    private static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }
}
