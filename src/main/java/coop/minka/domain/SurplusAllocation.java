package coop.minka.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// How a cooperative's surplus for a closed year is shared (issue 14, design notes 31): the
/// **indivisible reserve** and the **education fund** take `reserveBp` and `educationBp` of the
/// surplus (basis points, together at most 10 000), the rest is **refunded to members** in
/// proportion to each member's weight on the basis the assembly chose ([Basis]); of each
/// member's refund `cashBp` is paid in cash (rounded **down** to the minor unit) and the rest is
/// retained as the member's capital.
///
/// Everything is exact to the minor unit by the largest-remainder method
/// ([Apportion#largestRemainder]): the surplus is first split into reserve, education and
/// refunds by weights `reserveBp`, `educationBp`, `10 000 − reserveBp − educationBp` (ties:
/// reserve, then education, then refunds), then the refunds among members by weight (ties: by
/// member id). So `reserve + education + Σ refunds = surplus` and `cash + retained = refund`
/// for every member.
public record SurplusAllocation(long surplus, Basis basis, long reserve, long education, long refunds,
        List<Refund> members) {

    /// What a member's weight counts. For [#WORK] the weight is the value of the hours logged at
    /// the reference rates (minor units), so unpaid work earns its share.
    public enum Basis {
        WORK, TRADE, CAPITAL;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Basis fromWire(String s) {
            return Choices.parse(Basis.class, s);
        }
    }

    /// A member's weight on the basis (≥ 0).
    public record Weight(String member, long weight) {
    }

    public record Refund(String member, long weight, long refund, long cash, long retained) {
    }

    public SurplusAllocation {
        members = List.copyOf(members);
    }

    /// Computes the allocation. Refuses ([ErrorCode#BAD_AMOUNT] with a detail) a negative
    /// surplus (`loss`), percentages out of bounds (`bad-percent`), a negative weight or a
    /// repeated member (`weight`, `repeated-member`), refunds with no weight at all
    /// (`no-weights`: the assembly must choose another basis or give it all to the funds), and a
    /// sum of weights that does not fit a `long` (`overflow`).
    public static SurplusAllocation compute(long surplus, int reserveBp, int educationBp, int cashBp, Basis basis,
            List<Weight> weights) {
        if (basis == null) {
            throw new IllegalArgumentException("basis is required");
        }
        if (surplus < 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "loss", surplus);
        }
        if (reserveBp < 0 || educationBp < 0 || cashBp < 0 || cashBp > GroupConstitution.BP
                || reserveBp + educationBp > GroupConstitution.BP) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "bad-percent", reserveBp + "/" + educationBp + "/" + cashBp);
        }
        long[] pots = Apportion.largestRemainder(surplus, List.of("0-reserve", "1-education", "2-refunds"),
                new long[] {reserveBp, educationBp, GroupConstitution.BP - reserveBp - educationBp});
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long[] w = new long[weights.size()];
        long sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            Weight x = weights.get(i);
            if (x.member() == null || x.weight() < 0) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, "weight", x.weight());
            }
            if (!seen.add(x.member())) {
                throw new MinkaException(ErrorCode.BAD_AMOUNT, "repeated-member", x.member());
            }
            keys.add(x.member());
            w[i] = x.weight();
            sum = Apportion.checkedAdd(sum, x.weight());
        }
        if (sum == 0 && pots[2] > 0) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "no-weights", pots[2]);
        }
        long[] parts = Apportion.largestRemainder(pots[2], keys, w);
        List<Refund> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            long cash = Apportion.mulDivFloor(parts[i], cashBp, GroupConstitution.BP);
            out.add(new Refund(keys.get(i), w[i], parts[i], cash, parts[i] - cash));
        }
        return new SurplusAllocation(surplus, basis, pots[0], pots[1], pots[2], out);
    }
}
