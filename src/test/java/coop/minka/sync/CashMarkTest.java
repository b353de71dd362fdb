package coop.minka.sync;

import static coop.minka.sync.TestCoop.assertHeldInvalid;
import static coop.minka.sync.TestCoop.assertVerifies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.app.LedgerService;
import coop.minka.app.report.ReportService;
import coop.minka.app.report.StatementService;
import coop.minka.domain.AccountType;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.Op;
import coop.minka.domain.OpData;
import coop.minka.domain.OpRules;
import coop.minka.domain.OpType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What is cash and bank is a mark on the account, the same on every laptop, and one definition
/// for Home, the cash book and the pack's cover (issue #12: loans to members were counted as cash).
class CashMarkTest {
    @TempDir
    Path tmp;

    @Test
    void onlyMarkedAccountsAreCashAndTheMarkSyncs() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            Village b = c.get("b");
            a.s.ledger().addAccount("1200", "Loans to members", AccountType.ASSET, null);
            a.s.ledger().post(LocalDate.of(2026, 5, 3), "Loan to Ana", null,
                    List.of(new LedgerService.Line("1200", "40"), new LedgerService.Line("1000", "-40")));
            // nothing marked yet: no money is claimed
            assertTrue(a.s.reports().cashAndBank(null).isEmpty());
            a.s.ledger().updateAccount("1000", null, null, true);
            a.s.ledger().addAccount("1100", "Bank", AccountType.ASSET, null, true);
            c.fromATo(c.laptops);
            for (Village v : c.laptops) {
                List<coop.minka.app.LedgerService.AccountBalance> cash = v.s.reports().cashAndBank(null);
                assertEquals(List.of("1000", "1100"), cash.stream().map(r -> r.account().code()).sorted().toList());
                assertEquals(6000L, cash.stream().mapToLong(coop.minka.app.LedgerService.AccountBalance::balance).sum(),
                        "100 dues in, 40 lent out: 60.00 in the cash box, the loan is not cash");
                var books = v.s.reports().statements().cashBooks(List.of(), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31));
                assertEquals(List.of("1000", "1100"), books.stream().map(bk -> bk.account().code()).sorted().toList());
                assertEquals(6000L, books.stream().mapToLong(StatementService.AccountBook::closing).sum());
                assertVerifies(v);
            }
            // unmarking is an entry too
            b.s.ledger().updateAccount("1100", null, null, false);
            a.sync.importBundle(b.export(c.dir(), coop.minka.app.sync.SyncService.Mode.FULL, null));
            assertEquals(List.of("1000"), a.s.reports().cashAndBank(null).stream().map(r -> r.account().code()).toList());
        }
    }

    @Test
    void typedMarksOnAccountsThatCannotHoldMoneyAreRefusedAndWriteNothing() {
        try (TestCoop c = TestCoop.found(tmp)) {
            Village a = c.a();
            long before = a.opCount();
            MinkaException income = assertThrows(MinkaException.class,
                    () -> a.s.ledger().addAccount("4100", "Sales", AccountType.INCOME, null, true));
            assertEquals(ErrorCode.CASH_NOT_ASSET, income.code());
            MinkaException update = assertThrows(MinkaException.class,
                    () -> a.s.ledger().updateAccount("4000", null, null, true));
            assertEquals(ErrorCode.CASH_NOT_ASSET, update.code());
            MinkaException member = assertThrows(MinkaException.class,
                    () -> a.s.ledger().addAccount("2001", "Ana's savings", AccountType.ASSET, c.ana, true));
            assertEquals(ErrorCode.CASH_NOT_ASSET, member.code());
            assertEquals(before, a.opCount());
        }
    }

    @Test
    void theRuleBookRefusesACashIncomeAccount() {
        String id = Ids.owned(Ids.replicaIdFor(new byte[44]), 1_800_000_000_000L);
        var v = OpRules.check(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", "4100").put("name", "Sales")
                .put("type", "income").put("cash", true).build());
        assertTrue(v.isPresent());
        assertEquals(OpRules.CASH_NOT_ASSET, v.get().reason());
        assertFalse(OpRules.check(OpType.ACCOUNT_ADD, id, OpData.builder().put("code", "1000").put("name", "Cash")
                .put("type", "asset").put("cash", true).build()).isPresent());
    }

    /// A laptop that does not check (or is turned against the group) marks the dues account as
    /// cash, and adds an income account marked as cash: the first has no effect on any laptop,
    /// the second is held invalid everywhere — Money is never inflated by someone else's entry.
    @Test
    void aHostileMarkNeverInflatesTheMoney() {
        try (TestCoop c = TestCoop.found(tmp, "b")) {
            Village a = c.a();
            a.s.ledger().updateAccount("1000", null, null, true);
            c.fromATo(c.laptops);
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            h.append(OpType.ACCOUNT_UPDATE, c.dues, OpData.builder().put("cash", true).build());
            Op add = h.append(OpType.ACCOUNT_ADD, ForgeKit.ownedId(h.author.id()), OpData.builder()
                    .put("code", "4900").put("name", "Fake money").put("type", "income").put("cash", true).build());
            Path file = c.forged(h, from, h.seq());
            for (Village v : c.laptops) {
                v.sync.importBundle(file);
                assertEquals(List.of("1000"), v.s.reports().cashAndBank(null).stream()
                        .map(r -> r.account().code()).toList());
                assertFalse(v.s.ledger().account("4000").cash());
                assertHeldInvalid(v, add);
                assertVerifies(v);
            }
        }
    }

    /// The same two files — the treasurer's honest mark and a hostile laptop's marks — arriving
    /// in either order end in the same books on every laptop (same digest), with only the cash
    /// box counted as money.
    @Test
    void theMarksEndTheSameInEitherOrder() {
        try (TestCoop c = TestCoop.found(tmp, "b", "d")) {
            Village a = c.a();
            ForgeKit.Chain h = c.admittedHostile("Hostile");
            long from = h.seq() + 1;
            h.append(OpType.ACCOUNT_UPDATE, c.dues, OpData.builder().put("cash", true).build());
            h.append(OpType.ACCOUNT_UPDATE, c.cash, OpData.builder().put("cash", false).build());
            Path hostile = c.forged(h, from, h.seq());
            a.s.ledger().updateAccount("1000", null, null, true);
            Path honest = a.exportFull(c.dir());
            Village b = c.get("b");
            Village d = c.get("d");
            b.sync.importBundle(honest);
            b.sync.importBundle(hostile);
            d.sync.importBundle(hostile);
            d.sync.importBundle(honest);
            a.sync.importBundle(hostile);
            for (Village v : List.of(a, b, d)) {
                assertFalse(v.s.ledger().account("4000").cash(), "dues never become cash");
                assertVerifies(v);
            }
            assertEquals(a.digest(), b.digest());
            assertEquals(a.digest(), d.digest());
        }
    }
}
