package coop.minka.sync;

import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static coop.minka.sync.TestCoop.heldInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The currency changes only before any money exists (design notes 25): typed, refused once a
/// transaction is held; imported, a currency change counts only if no transaction is stamped
/// before it, whatever order the entries arrive in, and every laptop ends with the same books.
class CurrencyChangeTest {
    @TempDir
    Path tmp;

    /// Founder `a` and laptop `b`, admitted and in step, with a cash and a dues account but no money.
    private static List<Village> twoLaptopsWithoutMoney(Path root) {
        Village a = Village.found(root, "a", TestCoop.FAST);
        a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
        a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
        Path files = Village.mkdir(root.resolve("files"));
        Village b = Village.join(root, "b", a.exportFull(Village.mkdir(files.resolve("join"))), TestCoop.FAST);
        a.sync.importBundle(b.exportFull(Village.mkdir(files.resolve("b-joined"))));
        a.trust().admit(b.id());
        b.sync.importBundle(a.exportFull(Village.mkdir(files.resolve("admitted"))));
        assertFalse(a.s.cooperative().hasMoney());
        return List.of(a, b);
    }

    private static void dues(Village v, String amount) {
        v.s.ledger().post(LocalDate.of(2026, 5, 2), "Dues", null,
                List.of(new LedgerService.Line("1000", amount), new LedgerService.Line("4000", "-" + amount)));
    }

    /// Waits until the wall clock has moved on, so that the next entry is stamped after the last.
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
    }

    private static List<Op> ops(Village v, String type) {
        List<Op> out = new ArrayList<>();
        v.s.workspace().db().read(d -> {
            OpStore.forEach(d, op -> {
                if (op.type().equals(type)) {
                    out.add(op);
                }
            });
            return null;
        });
        return out;
    }

    private static String currency(Village v) {
        return v.s.cooperative().show().currency().getCurrencyCode();
    }

    @Test
    void typedTheCurrencyChangesBeforeMoneyAndIsRefusedAfterWritingNothing() {
        Village a = Village.found(tmp, "a", TestCoop.FAST);
        try (a) {
            a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null);
            a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null);
            // to a currency without decimals: amounts are kept in minor units, none exist yet
            assertEquals("JPY", a.s.cooperative().update(null, null, " jpy ").currency().getCurrencyCode());
            assertEquals("JPY", a.s.workspace().currency().getCurrencyCode(), "amounts are typed in the new currency");
            assertEquals(ErrorCode.BAD_CURRENCY, assertThrows(MinkaException.class,
                    () -> a.s.cooperative().update(null, null, "XXQ")).code());
            dues(a, "100");
            assertEquals(100L, TestCoop.balance(a, "1000"), "100 yen are 100 minor units");
            a.s.ledger().voidTransaction(a.s.ledger().transactions(null, null, null).getFirst().id(), "typo");
            long before = a.opCount();
            MinkaException e = assertThrows(MinkaException.class, () -> a.s.cooperative().update("New name", null, "BOB"));
            assertEquals(ErrorCode.CURRENCY_AFTER_MONEY, e.code(), "a voided transaction is money entered too");
            assertEquals(before, a.opCount(), "a refused change writes nothing");
            assertEquals("JPY", currency(a));
            assertEquals("Cooperativa a", a.s.cooperative().show().name());
            a.s.cooperative().update(null, null, "JPY"); // the same currency: nothing to change
            assertEquals(before, a.opCount());
            assertVerifies(a);
        }
    }

    /// `b` posts money, then `a` (not yet seeing it) changes the currency: the change comes after
    /// money, so it is held invalid on both laptops — on `a` only once `b`'s earlier money arrives.
    @Test
    void aChangeStampedAfterMoneyIsHeldInvalidOnBothLaptops() {
        List<Village> two = twoLaptopsWithoutMoney(tmp);
        Village a = two.get(0);
        Village b = two.get(1);
        try (a; b) {
            dues(b, "5");
            nextMillisecond();
            a.s.cooperative().update(null, null, "USD");
            assertEquals("USD", currency(a), "a holds no money yet: the change counts here for now");
            Op change = ops(a, OpType.COOP_UPDATE).getLast();
            Op money = ops(b, OpType.TX_POST).getFirst();
            assertTrue(Op.STAMP_ORDER.compare(money, change) < 0);
            Path fromA = a.exportFull(Village.mkdir(tmp.resolve("x").resolve("a")));
            Path fromB = b.exportFull(Village.mkdir(tmp.resolve("x").resolve("b")));
            a.sync.importBundle(fromB); // the change first, then the earlier money
            b.sync.importBundle(fromA); // the money first, then the later change
            for (Village v : two) {
                assertEquals("BOB", currency(v), "on " + v.id());
                assertHeldInvalid(v, change);
                assertEquals(OpRules.CURRENCY_AFTER_MONEY, reasonOf(v, change));
                assertEquals(500L, TestCoop.balance(v, "1000"));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            // the treasurer on `a` now sees the money and cannot type the change again
            assertEquals(ErrorCode.CURRENCY_AFTER_MONEY, assertThrows(MinkaException.class,
                    () -> a.s.cooperative().update(null, null, "USD")).code());
        }
    }

    /// `a` changes the currency, then `b` (not yet seeing it) posts money: the change comes before
    /// any money, so it counts on both laptops, and `b`'s minor units are read in the new currency.
    @Test
    void aChangeStampedBeforeAnyMoneyCountsOnBothLaptops() {
        List<Village> two = twoLaptopsWithoutMoney(tmp);
        Village a = two.get(0);
        Village b = two.get(1);
        try (a; b) {
            a.s.cooperative().update(null, null, "USD");
            nextMillisecond();
            dues(b, "5");
            Op change = ops(a, OpType.COOP_UPDATE).getLast();
            assertTrue(Op.STAMP_ORDER.compare(ops(b, OpType.TX_POST).getFirst(), change) > 0);
            Path fromA = a.exportFull(Village.mkdir(tmp.resolve("x").resolve("a")));
            Path fromB = b.exportFull(Village.mkdir(tmp.resolve("x").resolve("b")));
            b.sync.importBundle(fromA);
            a.sync.importBundle(fromB);
            for (Village v : two) {
                assertEquals("USD", currency(v), "on " + v.id());
                assertFalse(heldInvalid(v, change));
                assertEquals(500L, TestCoop.balance(v, "1000"));
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
        }
    }

    /// Stamps chosen exactly (a laptop whose clock is behind): an admitted laptop's money stamped
    /// just before an honest change arrives after the change was folded, and just after it in a
    /// second case; a third laptop receives the files in the other order. Every laptop agrees.
    @Test
    void moneyArrivingAfterTheChangeIsJudgedByItsStampInEitherOrder() {
        try (TestCoopWithoutMoney c = new TestCoopWithoutMoney(tmp)) {
            Village a = c.a;
            Village d = c.d;
            a.s.cooperative().update(null, null, "EUR");
            Op change = ops(a, OpType.COOP_UPDATE).getLast();
            Path honest = a.exportFull(c.dir());
            ForgeKit.Chain h = c.hostile;
            long from = h.seq() + 1;
            Op early = h.appendAt(change.hlc() - 1, OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-05-03", "Dues", c.cash, 700L, c.dues, -700L));
            Path money = c.forged(h, from, h.seq());
            a.sync.importBundle(money);
            d.sync.importBundle(money);
            d.sync.importBundle(honest);
            for (Village v : List.of(a, d)) {
                assertEquals("BOB", currency(v), "money stamped before the change: it never counts, on " + v.id());
                assertHeldInvalid(v, change);
                assertFalse(heldInvalid(v, early));
                assertEquals(700L, TestCoop.balance(v, "1000"));
                assertVerifies(v);
            }
            assertEquals(a.digest(), d.digest());
        }
    }

    @Test
    void moneyStampedAfterTheChangeLeavesItCounting() {
        try (TestCoopWithoutMoney c = new TestCoopWithoutMoney(tmp)) {
            Village a = c.a;
            Village d = c.d;
            a.s.cooperative().update(null, null, "EUR");
            Op change = ops(a, OpType.COOP_UPDATE).getLast();
            Path honest = a.exportFull(c.dir());
            ForgeKit.Chain h = c.hostile;
            long from = h.seq() + 1;
            h.appendAt(change.hlc() + 1, OpType.TX_POST, ForgeKit.ownedId(h.author.id()),
                    TestCoop.tx("2026-05-03", "Dues", c.cash, 700L, c.dues, -700L));
            Path money = c.forged(h, from, h.seq());
            a.sync.importBundle(money);
            d.sync.importBundle(money);
            d.sync.importBundle(honest);
            for (Village v : List.of(a, d)) {
                assertEquals("EUR", currency(v), "on " + v.id());
                assertFalse(heldInvalid(v, change));
                assertEquals(700L, TestCoop.balance(v, "1000"));
                assertVerifies(v);
            }
            assertEquals(a.digest(), d.digest());
        }
    }

    /// An admitted laptop turned hostile sends a currency change after the books hold money: it is
    /// held invalid on every laptop, and a later name change in the same file still counts.
    @Test
    void aHostileCurrencyChangeAfterMoneyIsHeldInvalidEverywhere() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            Op bad = h.append(OpType.COOP_UPDATE, c.coopId, OpData.builder().put("currency", "EUR").build());
            Path file = c.forged(h, from, h.seq());
            for (Village v : c.laptops) {
                v.sync.importBundle(file);
                assertEquals("BOB", currency(v));
                assertHeldInvalid(v, bad);
                assertEquals(OpRules.CURRENCY_AFTER_MONEY, reasonOf(v, bad));
                assertEquals(10000L, TestCoop.balance(v, "1000"));
                assertVerifies(v);
            }
            assertEquals(c.a().digest(), c.get("b").digest());
        }
    }

    private static String reasonOf(Village v, Op op) {
        return TestCoop.invalidRows(v).stream()
                .filter(r -> op.replica().equals(r.get("replica")) && Long.toString(op.seq()).equals(r.get("seq")))
                .map(r -> r.get("reason")).findFirst().orElse("");
    }

    /// Founder `a` with accounts and no money, laptop `d` joined and admitted, and an admitted
    /// laptop whose entries the test forges with chosen stamps.
    private static final class TestCoopWithoutMoney implements AutoCloseable {
        final Village a;
        final Village d;
        final ForgeKit.Chain hostile;
        final String cash;
        final String dues;
        private final Path root;
        private int files;

        TestCoopWithoutMoney(Path root) {
            this.root = root;
            a = Village.found(root, "a", TestCoop.FAST);
            cash = a.s.ledger().addAccount("1000", "Cash", AccountType.ASSET, null).id();
            dues = a.s.ledger().addAccount("4000", "Dues", AccountType.INCOME, null).id();
            d = Village.join(root, "d", a.exportFull(dir()), TestCoop.FAST);
            a.sync.importBundle(d.exportFull(dir()));
            a.trust().admit(d.id());
            ForgeKit.Author author = ForgeKit.Author.fresh();
            hostile = new ForgeKit.Chain(author, a.s.workspace().coop().id());
            hostile.join("Clock behind");
            a.sync.importBundle(forged(hostile, 1, hostile.seq()));
            a.trust().admit(author.id());
            d.sync.importBundle(a.exportFull(dir()));
        }

        Path dir() {
            return Village.mkdir(root.resolve("files").resolve("f" + (++files)));
        }

        Path forged(ForgeKit.Chain chain, long from, long to) {
            var coop = a.s.workspace().coop();
            return ForgeKit.file(coop.id(), coop.name()).sender(chain.author, "Laptop " + chain.author.id().substring(0, 8))
                    .range(chain.range(from, to)).write(dir());
        }

        @Override
        public void close() {
            a.close();
            d.close();
        }
    }
}
