package coop.minka.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/// Splits an amount of minor units among shares in proportion to weights, exactly to the minor
/// unit, by the **largest-remainder method** (Hamilton): each part first gets the floor of its
/// exact quota `total × weight ÷ Σweights`; the units left over (fewer than the number of parts)
/// go one each to the parts with the largest remainders, ties broken by key in ascending
/// [String#compareTo] order. The parts add up exactly to `total`, no part is more than one unit
/// from its exact quota, and a larger weight never gets less (design notes 31).
///
/// Products are computed exactly (no overflow is possible for any `long` inputs); a sum of
/// weights that does not fit a `long` is refused ([ErrorCode#BAD_AMOUNT], `overflow`).
public final class Apportion {
    private Apportion() {
    }

    /// The parts of `total` (≥ 0) for `weights` (each ≥ 0, keys distinct and not null), in the
    /// order given. With all weights zero only a zero total can be split (all parts zero).
    public static long[] largestRemainder(long total, List<String> keys, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("negative total " + total);
        }
        if (keys.size() != weights.length) {
            throw new IllegalArgumentException("keys and weights differ in length");
        }
        if (keys.stream().anyMatch(k -> k == null) || new HashSet<>(keys).size() != keys.size()) {
            throw new IllegalArgumentException("keys must be distinct and not null");
        }
        long sum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum = checkedAdd(sum, w);
        }
        long[] parts = new long[weights.length];
        if (sum == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("nothing to weigh " + total + " by");
            }
            return parts;
        }
        BigInteger t = BigInteger.valueOf(total);
        BigInteger s = BigInteger.valueOf(sum);
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(s);
            parts[i] = qr[0].longValueExact(); // ≤ total
            remainders[i] = qr[1].longValueExact(); // < sum
            given += parts[i]; // Σ floors ≤ total: cannot overflow
        }
        long left = total - given;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                .thenComparing(i -> keys.get(i)));
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }

    /// `value × numerator ÷ denominator` rounded half up (away from zero at exactly one half),
    /// for `value ≥ 0`, `numerator ≥ 0`, `denominator > 0`; refused if the result does not fit.
    public static long mulDivHalfUp(long value, long numerator, long denominator) {
        if (value < 0 || numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("mulDivHalfUp(" + value + ", " + numerator + ", " + denominator + ")");
        }
        BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator))
                .divideAndRemainder(BigInteger.valueOf(denominator));
        BigInteger q = qr[0];
        if (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(denominator)) >= 0) {
            q = q.add(BigInteger.ONE);
        }
        return fits(q);
    }

    /// `value × numerator ÷ denominator` rounded down, same domain as [#mulDivHalfUp].
    public static long mulDivFloor(long value, long numerator, long denominator) {
        if (value < 0 || numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("mulDivFloor(" + value + ", " + numerator + ", " + denominator + ")");
        }
        return fits(BigInteger.valueOf(value).multiply(BigInteger.valueOf(numerator))
                .divide(BigInteger.valueOf(denominator)));
    }

    /// Adds with [Math#addExact], refusing an overflow as [ErrorCode#BAD_AMOUNT] `overflow`.
    static long checkedAdd(long a, long b) {
        return Money.add(a, b);
    }

    static long checkedSub(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, e, "overflow");
        }
    }

    private static long fits(BigInteger q) {
        if (q.bitLength() > 63) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, "overflow");
        }
        return q.longValue();
    }
}
