package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.AccountType;
import coop.minka.domain.CapitalRegister;
import coop.minka.domain.ErrorCode;
import coop.minka.domain.Gender;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpType;
import coop.minka.domain.SurplusAllocation;
import coop.minka.domain.WorkKind;
import coop.minka.store.OpStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The share register and the surplus allocation through the service (design notes 35): numbers,
/// statements, refusals that write nothing, and allocations exact to the minor unit on each basis.
class CapitalServiceTest {
    @TempDir
    Path dir;

    static final LocalDate JAN = LocalDate.of(2025, 1, 10);

    /// Ana, Rosa and Juan; cash box 1000, sales 4000, costs 5000.
    static Services coop(Path dir, String name) {
        Services s = Fixtures.create(dir, name);
        s.members().add("Ana Quispe", Gender.WOMAN, null, null, null);
        s.members().add("Rosa Condori", Gender.WOMAN, null, null, null);
        s.members().add("Juan Mamani", Gender.MAN, null, null, null);
        s.ledger().addAccount("1000", "Cash box", AccountType.ASSET, null, true);
        s.ledger().addAccount("4000", "Sales", AccountType.INCOME, null);
        s.ledger().addAccount("5000", "Costs", AccountType.EXPENSE, null);
        return s;
    }

    static void refused(ErrorCode code, Services s, Runnable change) {
        long before = s.workspace().read(OpStore::count);
        MinkaException e = assertThrows(MinkaException.class, change::run);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(before, s.workspace().read(OpStore::count), "nothing written");
    }

    private static String id(Services s, String name) {
        return s.members().list().stream().filter(m -> m.name().startsWith(name)).findFirst().orElseThrow().id();
    }

    @Test
    void theRegisterIsNumberedAndTheStatementAddsUp() {
        try (Services s = coop(dir, "register")) {
            refused(ErrorCode.CAPITAL_NO_PRICE, s, () -> s.capital().subscribe("Ana", 10, null, JAN));
            CapitalService.Line first = s.capital().subscribe("Ana", 10, "10.00", JAN);
            assertEquals(1, first.number());
            assertEquals(10000, first.amount());
            CapitalService.Line second = s.capital().subscribe("Rosa", 5, null, JAN.plusDays(1));
            assertEquals(2, second.number());
            assertEquals(5000, second.amount(), "the price of the latest subscription");
            assertEquals(3, s.capital().pay("Ana", "60.00", JAN.plusDays(2)).number());
            CapitalService.Line transfer = s.capital().transfer("Ana", "Juan", 2, JAN.plusDays(3));
            assertEquals(2000, transfer.amount());
            assertEquals(id(s, "Juan"), transfer.to());
            assertEquals(1000, s.capital().redeem("Rosa", 1, JAN.plusDays(4)).amount());

            List<CapitalService.Line> register = s.capital().register();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), register.stream().map(CapitalService.Line::number).toList());
            assertEquals(List.of(OpType.CAPITAL_SUBSCRIBE, OpType.CAPITAL_SUBSCRIBE, OpType.CAPITAL_PAY,
                    OpType.CAPITAL_TRANSFER, OpType.CAPITAL_REDEEM),
                    register.stream().map(CapitalService.Line::kind).toList());

            CapitalService.Statement ana = s.capital().statement("Ana");
            assertEquals(10, ana.position().subscribedShares());
            assertEquals(10000, ana.position().subscribed());
            assertEquals(6000, ana.position().paid());
            assertEquals(4000, ana.position().unpaid());
            assertEquals(8, ana.position().sharesHeld());
            assertEquals(8000, ana.capitalAccount(), "subscribed less the shares given to Juan, by the books");
            assertEquals(4000, ana.owedAccount(), "the receivable equals what the register says is unpaid");
            CapitalService.Statement juan = s.capital().statement("Juan");
            assertEquals(2, juan.position().sharesHeld());
            assertEquals(2000, juan.capitalAccount());
            assertEquals(4, s.capital().statement("Rosa").position().sharesHeld());
            assertEquals(6000 - 1000, balance(s, "1000"), "paid in, one share paid back");
            assertTrue(s.verify().verify().ok(), () -> s.verify().verify().problems().toString());

            refused(ErrorCode.CAPITAL_OVERPAID, s, () -> s.capital().pay("Ana", "40.01", JAN.plusDays(5)));
            refused(ErrorCode.CAPITAL_SAME_MEMBER, s, () -> s.capital().transfer("Ana", "Ana", 1, JAN));
            refused(ErrorCode.CAPITAL_BAD_SHARES, s, () -> s.capital().subscribe("Ana", 0, "1", JAN));
        }
    }

    @Test
    void nobodyRedeemsOrTransfersMoreThanTheyHoldAndNothingIsWritten() {
        try (Services s = coop(dir, "holding")) {
            s.capital().subscribe("Rosa", 3, "5.00", JAN);
            refused(ErrorCode.CAPITAL_OVER_HOLDING, s, () -> s.capital().redeem("Rosa", 4, JAN));
            refused(ErrorCode.CAPITAL_OVER_HOLDING, s, () -> s.capital().transfer("Rosa", "Ana", 4, JAN));
            refused(ErrorCode.CAPITAL_OVER_HOLDING, s, () -> s.capital().redeem("Juan", 1, JAN));
            s.capital().redeem("Rosa", 3, JAN);
            assertEquals(0, s.capital().statement("Rosa").position().sharesHeld());
            refused(ErrorCode.CAPITAL_OVER_HOLDING, s, () -> s.capital().redeem("Rosa", 1, JAN));
        }
    }

    @Test
    void anEntryIsGoneWithItsVoidedTransaction() {
        try (Services s = coop(dir, "void")) {
            s.capital().subscribe("Ana", 2, "10.00", JAN);
            s.capital().subscribe("Rosa", 3, null, JAN);
            String tx = s.ledger().transactions(null, null, null).stream()
                    .filter(t -> t.memo().contains("Ana")).findFirst().orElseThrow().id();
            s.ledger().voidTransaction(tx, "typed for the wrong member");
            List<CapitalService.Line> register = s.capital().register();
            assertEquals(1, register.size());
            assertEquals(1, register.getFirst().number(), "the numbers close up");
            assertEquals(id(s, "Rosa"), register.getFirst().member());
            assertEquals(0, s.capital().statement("Ana").position().sharesHeld());
            refused(ErrorCode.CAPITAL_OVER_HOLDING, s, () -> s.capital().redeem("Ana", 1, JAN));
        }
    }

    @Test
    void aYearThatIsNotClosedIsRefused() {
        try (Services s = coop(dir, "open")) {
            sales(s, "1000.01", "300.00");
            refused(ErrorCode.SURPLUS_YEAR_NOT_CLOSED, s, () -> s.capital().allocate(2025, "30", "5",
                    SurplusAllocation.Basis.CAPITAL, null, null, false));
            s.closing().close(LocalDate.of(2025, 6, 30));
            refused(ErrorCode.SURPLUS_YEAR_NOT_CLOSED, s, () -> s.capital().allocate(2025, "30", "5",
                    SurplusAllocation.Basis.CAPITAL, null, null, true));
        }
    }

    @Test
    void theSurplusIsSharedExactlyOnEachBasis() throws Exception {
        try (Services s = coop(dir, "surplus")) {
            s.work().addCategory("K", "Kitchen", "10.00", WorkKind.CARE);
            s.work().add(new WorkService.Entry("Ana", LocalDate.of(2025, 3, 1), "3", "K", null, null));
            s.work().add(new WorkService.Entry("Rosa", LocalDate.of(2025, 3, 1), "2", "K", null, null));
            s.work().add(new WorkService.Entry("Juan", LocalDate.of(2025, 3, 2), "1:30", "K", null, null));
            s.work().add(new WorkService.Entry("Juan", LocalDate.of(2026, 3, 2), "9", "K", null, null));
            s.capital().subscribe("Ana", 7, "10.00", JAN);
            s.capital().subscribe("Rosa", 3, null, JAN);
            sales(s, "1000.01", "300.00");
            s.closing().close(LocalDate.of(2025, 12, 31));
            s.capital().subscribe("Juan", 90, null, LocalDate.of(2026, 1, 5)); // after the year: no weight

            CapitalService.Allocation work = s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.WORK,
                    "40", null, false);
            assertEquals(100001, work.income());
            assertEquals(30000, work.expenses());
            assertExact(work.result(), 70001);
            assertEquals(Map.of(id(s, "Ana"), 3000L, id(s, "Rosa"), 2000L, id(s, "Juan"), 1500L), weights(work));
            assertEquals(21000, work.result().reserve(), "30 % of 700.01, by largest remainder");

            Path csv = dir.resolve("purchases.csv");
            Files.writeString(csv, "member,amount\nAna Quispe,100.00\nRosa,50.50\n");
            CapitalService.Allocation trade = s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.TRADE,
                    null, CapitalService.readAmounts(csv), false);
            assertExact(trade.result(), 70001);
            assertEquals(Map.of(id(s, "Ana"), 10000L, id(s, "Rosa"), 5050L), weights(trade));
            refused(ErrorCode.SURPLUS_NEEDS_AMOUNTS, s, () -> s.capital().allocate(2025, "30", "5",
                    SurplusAllocation.Basis.TRADE, null, List.of(), false));

            CapitalService.Allocation preview = s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.CAPITAL,
                    "40", null, false);
            assertExact(preview.result(), 70001);
            assertEquals(Map.of(id(s, "Ana"), 7L, id(s, "Rosa"), 3L), weights(preview), "shares held at year end");
            CapitalService.Allocation posted = s.capital().allocate(2025, "30", "5", SurplusAllocation.Basis.CAPITAL,
                    "40", null, true);
            assertTrue(posted.posted());
            assertEquals(preview.result(), posted.result());
            SurplusAllocation r = posted.result();
            assertEquals(-r.surplus(), -balance(s, CapitalService.ALLOCATED), "the surplus allocated, debited");
            assertEquals(-r.reserve(), balance(s, CapitalService.RESERVE));
            assertEquals(-r.education(), balance(s, CapitalService.EDUCATION));
            SurplusAllocation.Refund ana = r.members().stream().filter(x -> x.member().equals(id(s, "Ana")))
                    .findFirst().orElseThrow();
            CapitalService.Statement st = s.capital().statement("Ana");
            assertEquals(ana.cash(), st.refundCash());
            assertEquals(ana.retained(), st.refundRetained());
            assertEquals(7000 + ana.retained(), st.capitalAccount(), "the retained part is the member's capital");
            assertTrue(s.verify().verify().ok(), () -> s.verify().verify().problems().toString());

            refused(ErrorCode.SURPLUS_ALREADY_ALLOCATED, s, () -> s.capital().allocate(2025, "30", "5",
                    SurplusAllocation.Basis.CAPITAL, "40", null, true));
            assertTrue(s.capital().allocate(2025, "10", "10", SurplusAllocation.Basis.WORK, null, null, false)
                    .posted(), "a preview of an allocated year shows what was posted");
        }
    }

    @Test
    void aDeficitIsNotAllocated() {
        try (Services s = coop(dir, "deficit")) {
            sales(s, "100.00", "250.00");
            s.closing().close(LocalDate.of(2025, 12, 31));
            refused(ErrorCode.SURPLUS_LOSS, s, () -> s.capital().allocate(2025, "30", "5",
                    SurplusAllocation.Basis.WORK, null, null, true));
        }
    }

    @Test
    void registerNumbersFollowTheStampsNotTheArrival() {
        var a = new CapitalRegister.Entry("a", OpType.CAPITAL_SUBSCRIBE, JAN, "m", null, 5, 100, 500, null, "t", 20,
                "r1", 1);
        var b = new CapitalRegister.Entry("b", OpType.CAPITAL_REDEEM, JAN, "m", null, 5, 100, 500, null, "t", 10,
                "r2", 1);
        var c = new CapitalRegister.Entry("c", OpType.CAPITAL_REDEEM, JAN, "m", null, 5, 100, 500, null, "t", 30,
                "r2", 2);
        for (List<CapitalRegister.Entry> order : List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, c, a))) {
            CapitalRegister.Result r = CapitalRegister.fold(order);
            assertEquals(List.of("a", "c"), r.register().stream().map(n -> n.entry().id()).toList());
            assertEquals(List.of(1L, 2L), r.register().stream().map(CapitalRegister.Numbered::number).toList());
            assertEquals(List.of("b"), r.held().stream().map(h -> h.entry().id()).toList(),
                    "redeemed before the shares were subscribed");
        }
    }

    static void sales(Services s, String sales, String costs) {
        s.ledger().post(LocalDate.of(2025, 6, 1), "Sales", null,
                List.of(new LedgerService.Line("1000", sales), new LedgerService.Line("4000", "-" + sales)));
        s.ledger().post(LocalDate.of(2025, 7, 1), "Costs", null,
                List.of(new LedgerService.Line("5000", costs), new LedgerService.Line("1000", "-" + costs)));
    }

    static long balance(Services s, String codePrefix) {
        return s.ledger().accounts().stream().filter(b -> b.account().code().startsWith(codePrefix))
                .mapToLong(LedgerService.AccountBalance::balance).sum();
    }

    private static Map<String, Long> weights(CapitalService.Allocation a) {
        Map<String, Long> out = new java.util.HashMap<>();
        a.result().members().forEach(x -> out.put(x.member(), x.weight()));
        return out;
    }

    private static void assertExact(SurplusAllocation r, long surplus) {
        assertEquals(surplus, r.surplus());
        long refunds = 0;
        for (SurplusAllocation.Refund x : r.members()) {
            assertEquals(x.refund(), x.cash() + x.retained());
            refunds += x.refund();
        }
        assertEquals(r.refunds(), refunds);
        assertEquals(surplus, r.reserve() + r.education() + refunds, "exact to the minor unit");
    }
}
