package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.GroupConstitution.ChargeMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// Worked examples and refusals of the savings-group and surplus arithmetic (issue 14, design notes 31).
class GroupMathTest {
    private static final Currency BOB = Currency.getInstance("BOB");
    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    static GroupConstitution constitution(ChargeMethod method) {
        return new GroupConstitution(START, Money.parse("10.00", BOB), 1, 5, Money.parse("2.00", BOB), 30_000, 12,
                1000, method, new TreeMap<>(Map.of("late", 100L, "absent", 500L)));
    }

    @Test
    void theIssuesWorkedExampleComesOutExactly() {
        GroupConstitution c = constitution(ChargeMethod.FLAT);
        assertEquals(Optional.empty(), c.check());
        String[] members = {"ana", "berta", "carla"};
        int[] perMeeting = {5, 3, 2};
        long[] shares = new long[3];
        long sharesBought = 0;
        long socialFund = 0;
        for (int meeting = 0; meeting < 2; meeting++) {
            for (int m = 0; m < 3; m++) {
                assertEquals(Optional.empty(), c.checkShares(perMeeting[m]));
                shares[m] += perMeeting[m];
                sharesBought += perMeeting[m] * c.sharePrice();
                socialFund += c.socialFund();
            }
        }
        long savingsOfAna = shares[0] * c.sharePrice();
        long principal = Money.parse("100.00", BOB);
        assertEquals(Optional.empty(), c.checkLoan(principal, 1, savingsOfAna));
        LoanSchedule loan = c.schedule(START.plusMonths(1), principal, 1);
        assertEquals(Money.parse("110.00", BOB), loan.totalDue());
        LoanSchedule.Split repay = loan.split(0, Money.parse("110.00", BOB));
        assertEquals(new LoanSchedule.Split(1000, 10000), repay);
        long fine = c.fine("absent").orElseThrow();
        assertEquals(Money.parse("5.00", BOB), fine);

        ShareOut out = ShareOut.compute(new ShareOut.Cycle(sharesBought, repay.charge(), fine, 0, 0, 0, socialFund),
                List.of(new ShareOut.Holding(members[0], shares[0]), new ShareOut.Holding(members[1], shares[1]),
                        new ShareOut.Holding(members[2], shares[2])));
        assertEquals(20, out.totalShares());
        assertEquals("215.00", Money.format(out.distributable(), BOB));
        assertEquals("10.75", Money.format(out.valuePerShare(), BOB));
        assertTrue(out.valueExact());
        assertEquals(List.of("107.50", "64.50", "43.00"),
                out.members().stream().map(p -> Money.format(p.payout(), BOB)).toList());
        assertEquals(List.of(10L, 6L, 4L), out.members().stream().map(ShareOut.Payout::shares).toList());
        assertEquals("12.00", Money.format(out.socialFund(), BOB));
    }

    @Test
    void leftoverUnitsGoToTheLargestRemaindersThenByMemberId() {
        // 100 units over 3 equal holders: 33 each, one left, the tie goes to the smallest id.
        ShareOut out = ShareOut.compute(new ShareOut.Cycle(100, 0, 0, 0, 0, 0, 0),
                List.of(new ShareOut.Holding("c", 1), new ShareOut.Holding("a", 1), new ShareOut.Holding("b", 1)));
        assertEquals(List.of(33L, 34L, 33L), out.members().stream().map(ShareOut.Payout::payout).toList());
        assertEquals(33, out.valuePerShare());
        assertFalse(out.valueExact());
        // 10 units over 1/2/4 shares: quotas 1.43, 2.86, 5.71 → floors 1, 2, 5; two left go to .86 and .71.
        assertEquals(List.of(1L, 3L, 6L), list(Apportion.largestRemainder(10, List.of("x", "y", "z"),
                new long[] {1, 2, 4})));
    }

    @Test
    void aFlatLoanChargesTheRateOnTheAmountLentEveryMonth() {
        LoanSchedule s = LoanSchedule.of(LocalDate.of(2026, 1, 31), 100_00, 3, 250, ChargeMethod.FLAT);
        assertEquals(List.of(3333L, 3333L, 3334L), s.installments().stream().map(LoanSchedule.Installment::principal).toList());
        assertEquals(List.of(250L, 250L, 250L), s.installments().stream().map(LoanSchedule.Installment::charge).toList());
        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30)),
                s.installments().stream().map(LoanSchedule.Installment::due).toList());
        assertEquals(107_50, s.totalDue());
    }

    @Test
    void aDecliningLoanChargesTheRateOnWhatIsStillOwedRoundedHalfUp() {
        // 1000.00 at 1.5 % a month over 4 months: owed 1000, 750, 500, 250 → 15.00, 11.25, 7.50, 3.75.
        LoanSchedule s = LoanSchedule.of(START, 1000_00, 4, 150, ChargeMethod.DECLINING);
        assertEquals(List.of(1500L, 1125L, 750L, 375L), s.installments().stream().map(LoanSchedule.Installment::charge).toList());
        assertEquals(37_50, s.totalCharge());
        // 0.05 at 10 %: half a unit rounds up to 1; 0.04 → 0.4 rounds down to 0.
        assertEquals(1, LoanSchedule.of(START, 5, 1, 1000, ChargeMethod.DECLINING).totalCharge());
        assertEquals(0, LoanSchedule.of(START, 4, 1, 1000, ChargeMethod.FLAT).totalCharge());
    }

    @Test
    void repaymentsPayTheChargeFirstThenThePrincipal() {
        LoanSchedule s = LoanSchedule.of(START, 300_00, 3, 1000, ChargeMethod.FLAT); // 3 × (100.00 + 30.00)
        assertEquals(new LoanSchedule.Split(30_00, 0), s.split(0, 30_00));
        assertEquals(new LoanSchedule.Split(0, 100_00), s.split(30_00, 100_00));
        assertEquals(new LoanSchedule.Split(30_00, 20_00), s.split(130_00, 50_00));
        assertEquals(List.of("overpaid", "39001"), assertThrows(MinkaException.class, () -> s.split(0, 390_01)).args());
        assertEquals(ErrorCode.BAD_AMOUNT, assertThrows(MinkaException.class, () -> s.split(0, -1)).code());
        assertTrue(s.position(390_00, START.plusYears(1)).settled());
    }

    @Test
    void overdueIsCountedFromTheOldestUnpaidInstallment() {
        LoanSchedule s = LoanSchedule.of(START, 300_00, 3, 1000, ChargeMethod.FLAT); // due 15 Feb, 15 Mar, 15 Apr
        LoanSchedule.Position onDueDay = s.position(0, LocalDate.of(2026, 2, 15));
        assertEquals(0, onDueDay.daysPastDue());
        assertEquals(130_00, onDueDay.arrears());
        LoanSchedule.Position late = s.position(129_99, LocalDate.of(2026, 3, 18));
        assertEquals(31, late.daysPastDue());
        assertTrue(late.atRisk30());
        assertEquals(260_00 - 129_99, late.arrears());
        LoanSchedule.Position paidFirst = s.position(130_00, LocalDate.of(2026, 3, 18));
        assertEquals(3, paidFirst.daysPastDue());
        assertFalse(paidFirst.atRisk30());
        assertEquals(200_00, paidFirst.principalOwed());
        assertEquals(60_00, paidFirst.chargeOwed());
        assertEquals(0, s.position(390_00, LocalDate.of(2027, 1, 1)).daysPastDue());
    }

    @Test
    void theConstitutionNamesTheFirstBrokenRule() {
        GroupConstitution ok = constitution(ChargeMethod.DECLINING);
        assertEquals(Optional.empty(), ok.check());
        assertEquals(GroupConstitution.BAD_SHARE_PRICE, reason(new GroupConstitution(START, 0, 1, 5, 0, 30_000, 12, 1000,
                ChargeMethod.FLAT, new TreeMap<>())));
        assertEquals(GroupConstitution.BAD_SHARE_RANGE, reason(new GroupConstitution(START, 1000, 6, 5, 0, 30_000, 12,
                1000, ChargeMethod.FLAT, new TreeMap<>())));
        assertEquals(GroupConstitution.BAD_TERM, reason(new GroupConstitution(START, 1000, 1, 5, 0, 30_000, 0, 1000,
                ChargeMethod.FLAT, new TreeMap<>())));
        assertEquals(GroupConstitution.BAD_CHARGE_RATE, reason(new GroupConstitution(START, 1000, 1, 5, 0, 30_000, 12,
                10_001, ChargeMethod.FLAT, new TreeMap<>())));
        assertEquals(GroupConstitution.BAD_FINE, reason(new GroupConstitution(START, 1000, 1, 5, 0, 30_000, 12, 1000,
                ChargeMethod.FLAT, new TreeMap<>(Map.of("Late Arrival", 100L)))));
        assertEquals(GroupConstitution.BAD_FINE, reason(new GroupConstitution(START, 1000, 1, 5, 0, 30_000, 12, 1000,
                ChargeMethod.FLAT, new TreeMap<>(Map.of("late", 0L)))));
        assertEquals(OpRules.BAD_DATE, reason(new GroupConstitution(LocalDate.of(3000, 1, 1), 1000, 1, 5, 0, 30_000, 12,
                1000, ChargeMethod.FLAT, new TreeMap<>())));
        assertEquals(OpRules.MISSING_FIELD, reason(new GroupConstitution(START, 1000, 1, 5, 0, 30_000, 12, 1000, null,
                new TreeMap<>())));
        assertTrue(GroupConstitution.REASONS.contains(GroupConstitution.LOAN_OVER_LIMIT));
        assertEquals(ChargeMethod.DECLINING, ChargeMethod.fromWire("declining"));
    }

    @Test
    void loansAndSharesOutsideTheRulesAreRefusedWithAReason() {
        GroupConstitution c = constitution(ChargeMethod.FLAT); // 3 × savings, 12 months, 1..5 shares
        assertEquals(30_000, c.maxLoan(10_000));
        assertEquals(15, c.maxLoan(5));
        GroupConstitution oneAndAHalf = new GroupConstitution(START, 1000, 1, 5, 0, 15_000, 12, 1000, ChargeMethod.FLAT,
                new TreeMap<>());
        assertEquals(7, oneAndAHalf.maxLoan(5), "7.5 rounded down: never lend more than the rule");
        assertEquals(GroupConstitution.LOAN_OVER_LIMIT, new GroupConstitution(START, 1000, 1, 5, 0, 0, 12, 1000,
                ChargeMethod.FLAT, new TreeMap<>()).checkLoan(1, 1, 1_000_000).orElseThrow().reason(),
                "a group that does not lend");
        assertEquals(GroupConstitution.LOAN_OVER_LIMIT, c.checkLoan(30_001, 3, 10_000).orElseThrow().reason());
        assertEquals(GroupConstitution.TERM_TOO_LONG, c.checkLoan(100, 13, 10_000).orElseThrow().reason());
        assertEquals(OpRules.BAD_AMOUNT, c.checkLoan(0, 3, 10_000).orElseThrow().reason());
        assertEquals(GroupConstitution.SHARES_OUT_OF_RANGE, c.checkShares(6).orElseThrow().reason());
        assertEquals(GroupConstitution.SHARES_OUT_OF_RANGE, c.checkShares(0).orElseThrow().reason());
        assertEquals(Optional.empty(), c.fine("singing"));
    }

    @Test
    void aShareOutRefusesWhatCannotBeShared() {
        List<ShareOut.Holding> one = List.of(new ShareOut.Holding("a", 1));
        assertEquals(List.of("loss", "-1"), assertThrows(MinkaException.class,
                () -> ShareOut.compute(new ShareOut.Cycle(10, 0, 0, 0, 5, 6, 0), one)).args());
        assertEquals("no-shares", assertThrows(MinkaException.class, () -> ShareOut.compute(
                new ShareOut.Cycle(10, 0, 0, 0, 0, 0, 0), List.of(new ShareOut.Holding("a", 0)))).args().getFirst());
        assertEquals("repeated-member", assertThrows(MinkaException.class, () -> ShareOut.compute(
                new ShareOut.Cycle(10, 0, 0, 0, 0, 0, 0), List.of(one.getFirst(), one.getFirst()))).args().getFirst());
        assertEquals("overflow", assertThrows(MinkaException.class, () -> ShareOut.compute(
                new ShareOut.Cycle(Long.MAX_VALUE, 1, 0, 0, 0, 0, 0), one)).args().getFirst());
        ShareOut empty = ShareOut.compute(new ShareOut.Cycle(0, 0, 0, 0, 0, 0, 700), List.of());
        assertEquals(0, empty.distributable());
        assertEquals(700, empty.socialFund());
    }

    @Test
    void theSurplusGoesToReserveEducationAndMembersExactly() {
        // 1000.00: 30 % reserve, 5 % education, 650.00 refunded by hours valued at the reference rates, half in cash.
        SurplusAllocation a = SurplusAllocation.compute(1000_00, 3000, 500, 5000, SurplusAllocation.Basis.WORK,
                List.of(new SurplusAllocation.Weight("ana", 1), new SurplusAllocation.Weight("berta", 2)));
        assertEquals(300_00, a.reserve());
        assertEquals(50_00, a.education());
        assertEquals(650_00, a.refunds());
        assertEquals(List.of(216_67L, 433_33L), a.members().stream().map(SurplusAllocation.Refund::refund).toList());
        assertEquals(List.of(108_33L, 216_66L), a.members().stream().map(SurplusAllocation.Refund::cash).toList());
        assertEquals(List.of(108_34L, 216_67L), a.members().stream().map(SurplusAllocation.Refund::retained).toList());
        // 1 unit at 50 % / 50 %: the tie goes to the reserve, never a part below zero.
        SurplusAllocation tiny = SurplusAllocation.compute(1, 5000, 5000, 0, SurplusAllocation.Basis.CAPITAL, List.of());
        assertEquals(List.of(1L, 0L, 0L), List.of(tiny.reserve(), tiny.education(), tiny.refunds()));
        assertEquals("no-weights", assertThrows(MinkaException.class, () -> SurplusAllocation.compute(100, 0, 0, 0,
                SurplusAllocation.Basis.TRADE, List.of(new SurplusAllocation.Weight("a", 0)))).args().getFirst());
        assertEquals("bad-percent", assertThrows(MinkaException.class, () -> SurplusAllocation.compute(100, 6000, 5000,
                0, SurplusAllocation.Basis.TRADE, List.of())).args().getFirst());
        assertEquals(SurplusAllocation.Basis.WORK, SurplusAllocation.Basis.fromWire("work"));
    }

    static String reason(GroupConstitution c) {
        return c.check().orElseThrow().reason();
    }

    static List<Long> list(long[] a) {
        List<Long> out = new ArrayList<>();
        for (long x : a) {
            out.add(x);
        }
        return out;
    }
}
