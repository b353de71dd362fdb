package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.GroupConstitution.ChargeMethod;
import coop.minka.testkit.Seeded;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/// Seeded properties of the savings-group and surplus arithmetic (design notes 31): exact sums,
/// monotone payouts, and extreme values that work exactly or are refused, never overflow.
/// Replay one try with `-Dminka.seed=S` ([Seeded]).
class GroupMathProperties {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 31);

    /// An amount: small, typical, or near the limits.
    static long amount(SplittableRandom rnd, long max) {
        return switch (rnd.nextInt(4)) {
            case 0 -> Seeded.between(rnd, 0, 100);
            case 1 -> Seeded.between(rnd, 0, 10_000_000);
            case 2 -> Seeded.between(rnd, 0, max);
            default -> max - Seeded.between(rnd, 0, 3);
        };
    }

    static List<ShareOut.Holding> holdings(SplittableRandom rnd) {
        int n = rnd.nextInt(0, 40);
        List<ShareOut.Holding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long shares = rnd.nextInt(5) == 0 ? amount(rnd, Long.MAX_VALUE / 64) : rnd.nextLong(0, 120);
            out.add(new ShareOut.Holding("m" + rnd.nextInt(1000) + "-" + i, shares));
        }
        return out;
    }

    @Test
    void payoutsAddUpExactlyAndAreMonotoneInShares() {
        Seeded.forEachSeed("payoutsAddUpExactlyAndAreMonotoneInShares", 400, (seed, rnd) -> {
            List<ShareOut.Holding> hs = holdings(rnd);
            long m = OpRules.MAX_AMOUNT;
            ShareOut.Cycle cycle = new ShareOut.Cycle(amount(rnd, m), amount(rnd, m), amount(rnd, m / 10),
                    amount(rnd, m / 10), rnd.nextInt(3) == 0 ? amount(rnd, 1000) : 0,
                    rnd.nextInt(3) == 0 ? amount(rnd, 1000) : 0, amount(rnd, m));
            BigInteger total = hs.stream().map(h -> BigInteger.valueOf(h.shares())).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger d = BigInteger.valueOf(cycle.sharesBought()).add(BigInteger.valueOf(cycle.serviceCharges()))
                    .add(BigInteger.valueOf(cycle.fines())).add(BigInteger.valueOf(cycle.otherIncome()))
                    .subtract(BigInteger.valueOf(cycle.writeOffs())).subtract(BigInteger.valueOf(cycle.expenses()));
            if (d.signum() < 0 || (total.signum() == 0 && d.signum() > 0)) {
                assertEquals(ErrorCode.BAD_AMOUNT, org.junit.jupiter.api.Assertions.assertThrows(MinkaException.class,
                        () -> ShareOut.compute(cycle, hs)).code());
                return;
            }
            ShareOut out = ShareOut.compute(cycle, hs);
            assertEquals(d.longValueExact(), out.distributable());
            assertEquals(total.longValueExact(), out.totalShares());
            assertEquals(cycle.socialFund(), out.socialFund());
            assertEquals(out.distributable(), out.members().stream().mapToLong(ShareOut.Payout::payout).sum());
            for (ShareOut.Payout a : out.members()) {
                // never more than one unit from the exact quota distributable × shares ÷ totalShares
                BigInteger[] q = d.multiply(BigInteger.valueOf(a.shares())).divideAndRemainder(total);
                long floor = q[0].longValueExact();
                assertTrue(a.payout() == floor || a.payout() == floor + 1 && q[1].signum() > 0, a.toString());
                for (ShareOut.Payout b : out.members()) {
                    if (a.shares() > b.shares()) {
                        assertTrue(a.payout() >= b.payout(), a + " vs " + b);
                    }
                }
            }
        });
    }

    @Test
    void loanSchedulesSumExactlyToPrincipalPlusCharges() {
        Seeded.forEachSeed("loanSchedulesSumExactlyToPrincipalPlusCharges", 400, (seed, rnd) -> {
            long principal = Math.max(1, amount(rnd, OpRules.MAX_AMOUNT));
            int months = rnd.nextInt(4) == 0 ? GroupConstitution.MAX_TERM_MONTHS : rnd.nextInt(1, 25);
            int bp = rnd.nextInt(4) == 0 ? GroupConstitution.BP : rnd.nextInt(0, 2001);
            ChargeMethod method = Seeded.pick(rnd, ChargeMethod.values());
            LoanSchedule s = LoanSchedule.of(DAY, principal, months, bp, method);
            assertEquals(months, s.installments().size());
            assertEquals(principal, s.installments().stream().mapToLong(LoanSchedule.Installment::principal).sum());
            assertEquals(s.totalCharge(), s.installments().stream().mapToLong(LoanSchedule.Installment::charge).sum());
            assertEquals(principal + s.totalCharge(), s.installments().stream()
                    .mapToLong(LoanSchedule.Installment::total).sum());
            BigDecimal rate = BigDecimal.valueOf(bp, 4);
            long owed = principal;
            for (LoanSchedule.Installment i : s.installments()) {
                assertTrue(i.principal() >= 0 && i.charge() >= 0);
                assertEquals(DAY.plusMonths(i.number()), i.due());
                long base = method == ChargeMethod.FLAT ? principal : owed;
                assertEquals(BigDecimal.valueOf(base).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                        i.charge(), "charge of installment " + i.number());
                owed -= i.principal();
            }
            // Any sequence of payments splits into charge + principal that add up to the schedule's totals.
            long repaid = 0;
            long charge = 0;
            long princ = 0;
            while (repaid < s.totalDue()) {
                long pay = Math.min(s.totalDue() - repaid, Seeded.between(rnd, 1, Math.max(1, s.totalDue() / 3)));
                LoanSchedule.Split split = s.split(repaid, pay);
                assertEquals(pay, split.total());
                repaid += pay;
                charge += split.charge();
                princ += split.principal();
                LoanSchedule.Position p = s.position(repaid, DAY);
                assertEquals(charge, p.chargePaid());
                assertEquals(princ, p.principalPaid());
            }
            assertEquals(s.totalCharge(), charge);
            assertEquals(principal, princ);
        });
    }

    @Test
    void surplusPartsAddUpExactly() {
        Seeded.forEachSeed("surplusPartsAddUpExactly", 400, (seed, rnd) -> {
            long surplus = amount(rnd, rnd.nextBoolean() ? OpRules.MAX_AMOUNT : Long.MAX_VALUE - 1);
            int reserve = rnd.nextInt(0, GroupConstitution.BP + 1);
            int education = rnd.nextInt(0, GroupConstitution.BP - reserve + 1);
            int cash = rnd.nextInt(0, GroupConstitution.BP + 1);
            int n = rnd.nextInt(1, 30);
            List<SurplusAllocation.Weight> ws = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ws.add(new SurplusAllocation.Weight("m" + i, i == 0 ? 1 + amount(rnd, 1L << 40) : amount(rnd, 1L << 40)));
            }
            SurplusAllocation a = SurplusAllocation.compute(surplus, reserve, education, cash,
                    Seeded.pick(rnd, SurplusAllocation.Basis.values()), ws);
            assertEquals(surplus, Math.addExact(Math.addExact(a.reserve(), a.education()), a.refunds()));
            assertEquals(a.refunds(), a.members().stream().mapToLong(SurplusAllocation.Refund::refund)
                    .reduce(0, Math::addExact));
            for (SurplusAllocation.Refund r : a.members()) {
                assertEquals(r.refund(), r.cash() + r.retained());
                assertTrue(r.cash() >= 0 && r.retained() >= 0);
            }
            BigInteger s = BigInteger.valueOf(surplus);
            for (long[] part : new long[][] {{a.reserve(), reserve}, {a.education(), education}}) {
                BigInteger exact = s.multiply(BigInteger.valueOf(part[1])).divide(BigInteger.valueOf(GroupConstitution.BP));
                assertTrue(part[0] - exact.longValueExact() <= 1 && part[0] >= exact.longValueExact(), "within a unit");
            }
        });
    }

    @Test
    void extremeValuesWorkExactlyOrAreRefusedNeverOverflowSilently() {
        Seeded.forEachSeed("extremeValuesWorkExactlyOrAreRefusedNeverOverflowSilently", 300, (seed, rnd) -> {
            long[] cycle = new long[7];
            for (int i = 0; i < 7; i++) {
                cycle[i] = Seeded.pick(rnd, 0L, 1L, OpRules.MAX_AMOUNT, Long.MAX_VALUE / 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
            }
            List<ShareOut.Holding> hs = List.of(new ShareOut.Holding("a", Seeded.pick(rnd, 1L, Long.MAX_VALUE / 2, Long.MAX_VALUE)),
                    new ShareOut.Holding("b", Seeded.pick(rnd, 0L, 1L, Long.MAX_VALUE / 2, Long.MAX_VALUE)));
            BigInteger d = BigInteger.ZERO;
            for (int i = 0; i < 4; i++) {
                d = d.add(BigInteger.valueOf(cycle[i]));
            }
            BigInteger in = d;
            d = d.subtract(BigInteger.valueOf(cycle[4])).subtract(BigInteger.valueOf(cycle[5]));
            BigInteger shares = BigInteger.valueOf(hs.get(0).shares()).add(BigInteger.valueOf(hs.get(1).shares()));
            boolean fits = in.bitLength() < 64 && BigInteger.valueOf(cycle[4]).add(BigInteger.valueOf(cycle[5])).bitLength() < 64
                    && d.signum() >= 0 && shares.bitLength() < 64;
            try {
                ShareOut out = ShareOut.compute(new ShareOut.Cycle(cycle[0], cycle[1], cycle[2], cycle[3], cycle[4],
                        cycle[5], cycle[6]), hs);
                assertTrue(fits, "accepted what does not fit");
                assertEquals(d.longValueExact(), out.distributable());
                assertEquals(BigInteger.valueOf(out.distributable()), out.members().stream()
                        .map(p -> BigInteger.valueOf(p.payout())).reduce(BigInteger.ZERO, BigInteger::add));
            } catch (MinkaException e) {
                assertEquals(ErrorCode.BAD_AMOUNT, e.code());
                assertTrue(!fits, "refused what fits: " + e.args());
            }
            long principal = Seeded.pick(rnd, 1L, OpRules.MAX_AMOUNT, OpRules.MAX_AMOUNT + 1, Long.MAX_VALUE);
            try {
                LoanSchedule s = LoanSchedule.of(DAY, principal, GroupConstitution.MAX_TERM_MONTHS, GroupConstitution.BP,
                        Seeded.pick(rnd, ChargeMethod.values()));
                assertTrue(principal <= OpRules.MAX_AMOUNT);
                assertEquals(BigInteger.valueOf(principal).add(BigInteger.valueOf(s.totalCharge())),
                        BigInteger.valueOf(s.totalDue()));
            } catch (MinkaException e) {
                assertTrue(principal > OpRules.MAX_AMOUNT);
            }
            long surplus = Seeded.pick(rnd, 0L, 1L, Long.MAX_VALUE);
            List<SurplusAllocation.Weight> ws = List.of(new SurplusAllocation.Weight("a", Long.MAX_VALUE),
                    new SurplusAllocation.Weight("b", Seeded.pick(rnd, 0L, 1L, Long.MAX_VALUE)));
            try {
                SurplusAllocation a = SurplusAllocation.compute(surplus, 0, 0, GroupConstitution.BP,
                        SurplusAllocation.Basis.CAPITAL, ws);
                assertEquals(0, ws.get(1).weight() == 0 ? 0 : 1, "weights that fit");
                assertEquals(surplus, a.members().stream().mapToLong(SurplusAllocation.Refund::cash).reduce(0, Math::addExact));
            } catch (MinkaException e) {
                assertEquals("overflow", e.args().getFirst());
                assertTrue(ws.get(1).weight() > 0);
            }
        });
    }
}
