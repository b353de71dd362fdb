package coop.minka.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// The end-of-cycle share-out of a savings group (issue 14, design notes 31):
///
/// `distributable = sharesBought + serviceCharges + fines + otherIncome − writeOffs − expenses`
/// (the cycle's figures, minor units, added with checked arithmetic), and each member's payout is
/// `distributable × shares ÷ totalShares` — exact to the minor unit, the leftover units given by
/// the largest-remainder method with ties broken by member id ([Apportion#largestRemainder]), so
/// the payouts add up **exactly** to `distributable` and more shares never get less. The social
/// fund is carried over to the next cycle, never shared.
///
/// `valuePerShare` is `distributable ÷ totalShares` rounded half up to the minor unit, for
/// display; `valueExact` tells whether that figure is exact (the payouts never use the rounded
/// value).
public record ShareOut(long distributable, long totalShares, long valuePerShare, boolean valueExact, long socialFund,
        List<Payout> members) {

    /// The cycle's money in minor units, each ≥ 0 (any non-negative `long`; a sum that does not
    /// fit is refused). `socialFund` is the fund's balance, carried over.
    public record Cycle(long sharesBought, long serviceCharges, long fines, long otherIncome, long writeOffs,
            long expenses, long socialFund) {
    }

    /// A member's shares at the end of the cycle.
    public record Holding(String member, long shares) {
    }

    public record Payout(String member, long shares, long payout) {
    }

    public ShareOut {
        members = List.copyOf(members);
    }

    /// Computes the share-out. Refuses ([ErrorCode#BAD_AMOUNT] with a detail) a negative figure,
    /// negative shares, a repeated member, a negative distributable amount (`loss`: the assembly
    /// decides how a loss is borne), a positive one with no shares (`no-shares`), and any sum
    /// that does not fit a `long` (`overflow`).
    public static ShareOut compute(Cycle cycle, List<Holding> holdings) {
        for (long v : new long[] {cycle.sharesBought(), cycle.serviceCharges(), cycle.fines(), cycle.otherIncome(),
            cycle.writeOffs(), cycle.expenses(), cycle.socialFund()}) {
            if (v < 0) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, "negative", v);
            }
        }
        long in = Apportion.checkedAdd(Apportion.checkedAdd(cycle.sharesBought(), cycle.serviceCharges()),
                Apportion.checkedAdd(cycle.fines(), cycle.otherIncome()));
        long distributable = Apportion.checkedSub(in, Apportion.checkedAdd(cycle.writeOffs(), cycle.expenses()));
        if (distributable < 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "loss", distributable);
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long[] weights = new long[holdings.size()];
        long total = 0;
        for (int i = 0; i < holdings.size(); i++) {
            Holding h = holdings.get(i);
            if (h.member() == null || h.shares() < 0) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, "shares", h.shares());
            }
            if (!seen.add(h.member())) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, "repeated-member", h.member());
            }
            keys.add(h.member());
            weights[i] = h.shares();
            total = Apportion.checkedAdd(total, h.shares());
        }
        if (total == 0 && distributable > 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "no-shares", distributable);
        }
        long[] parts = Apportion.largestRemainder(distributable, keys, weights);
        List<Payout> payouts = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            payouts.add(new Payout(keys.get(i), weights[i], parts[i]));
        }
        long value = total == 0 ? 0 : Apportion.mulDivHalfUp(distributable, 1, total);
        boolean exact = total == 0 || BigInteger.valueOf(distributable).mod(BigInteger.valueOf(total)).signum() == 0;
        return new ShareOut(distributable, total, value, exact, cycle.socialFund(), payouts);
    }
}
