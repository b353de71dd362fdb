package coop.minka.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// The rules a savings group (VSLA / SILC / caja de ahorro) sets for one cycle (issue 14, design
/// notes 31). Amounts are minor units of the cooperative's currency; rates are whole **basis
/// points** (1 bp = 0.01 %; 10 % = 1 000 bp), so every rate a group writes with two decimals of a
/// percent is exact.
///
/// - `sharePrice`: price of one share (1 to [OpRules#MAX_AMOUNT]);
/// - `minShares`..`maxShares`: shares a member may buy at one meeting (0 ≤ min ≤ max, 1 ≤ max ≤
///   [#MAX_SHARES_PER_MEETING]);
/// - `socialFund`: the fixed social-fund contribution per member and meeting (0 allowed);
/// - `loanMultipleBp`: the largest loan as a multiple of the member's savings in basis points
///   (30 000 = 3 × savings; 0 = the group does not lend), at most [#MAX_LOAN_MULTIPLE_BP];
/// - `maxTermMonths`: 1 to [#MAX_TERM_MONTHS];
/// - `chargeBpPerMonth`: service charge per month, 0 to 10 000 bp (0 to 100 %), on the amount
///   lent ([ChargeMethod#FLAT]) or on the balance still owed ([ChargeMethod#DECLINING]);
///   one month is one period whatever its number of days ([LoanSchedule]);
/// - `fines`: amount by kind (`late`, `absent`, …): kinds are lower-case codes
///   (`[a-z][a-z0-9-]{0,39}`), amounts 1 to [OpRules#MAX_AMOUNT]; at most [#MAX_FINE_KINDS].
///
/// [#check()] names the first broken rule as an [OpRules.Violation] with a stable reason code, so
/// the rule book can reuse it when the constitution becomes an entry of the log.
public record GroupConstitution(LocalDate start, long sharePrice, int minShares, int maxShares, long socialFund,
        int loanMultipleBp, int maxTermMonths, int chargeBpPerMonth, ChargeMethod chargeMethod,
        SortedMap<String, Long> fines) {

    /// How the monthly service charge is reckoned.
    public enum ChargeMethod {
        /// On the amount lent, every month of the term.
        FLAT,
        /// On the principal still owed at the start of each month.
        DECLINING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static ChargeMethod fromWire(String s) {
            return Choices.parse(ChargeMethod.class, s);
        }
    }

    public static final int BP = 10_000;
    public static final int MAX_SHARES_PER_MEETING = 1000;
    public static final int MAX_TERM_MONTHS = 120;
    public static final int MAX_LOAN_MULTIPLE_BP = 1_000_000;
    public static final int MAX_FINE_KINDS = 50;
    private static final Pattern FINE_KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public static final String BAD_SHARE_PRICE = "bad-share-price";
    public static final String BAD_SHARE_RANGE = "bad-share-range";
    public static final String BAD_SOCIAL_FUND = "bad-social-fund";
    public static final String BAD_LOAN_MULTIPLE = "bad-loan-multiple";
    public static final String BAD_TERM = "bad-term";
    public static final String BAD_CHARGE_RATE = "bad-charge-rate";
    public static final String BAD_FINE = "bad-fine";
    /// Shares bought at one meeting outside `minShares..maxShares`.
    public static final String SHARES_OUT_OF_RANGE = "shares-out-of-range";
    /// A loan above `loanMultipleBp` × savings (or any loan when the group does not lend).
    public static final String LOAN_OVER_LIMIT = "loan-over-limit";
    /// A loan term of more than `maxTermMonths` (or less than one month).
    public static final String TERM_TOO_LONG = "term-too-long";
    /// A fine of a kind the constitution does not list.
    public static final String UNKNOWN_FINE = "unknown-fine";

    /// Every reason code of this class, for the message catalogue once it is wired.
    public static final List<String> REASONS = List.of(OpRules.MISSING_FIELD, OpRules.BAD_DATE, OpRules.BAD_AMOUNT,
            BAD_SHARE_PRICE, BAD_SHARE_RANGE, BAD_SOCIAL_FUND, BAD_LOAN_MULTIPLE, BAD_TERM, BAD_CHARGE_RATE, BAD_FINE,
            SHARES_OUT_OF_RANGE, LOAN_OVER_LIMIT, TERM_TOO_LONG, UNKNOWN_FINE);

    public GroupConstitution {
        fines = fines == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(fines));
    }

    /// Empty if the constitution is valid; else the first rule it breaks.
    public Optional<OpRules.Violation> check() {
        if (start == null) {
            return bad(OpRules.MISSING_FIELD, "start");
        }
        if (chargeMethod == null) {
            return bad(OpRules.MISSING_FIELD, "chargeMethod");
        }
        if (fines == null) {
            return bad(OpRules.MISSING_FIELD, "fines");
        }
        if (start.isBefore(OpRules.MIN_DATE) || start.isAfter(OpRules.MAX_DATE)) {
            return bad(OpRules.BAD_DATE, "start");
        }
        if (sharePrice < 1 || sharePrice > OpRules.MAX_AMOUNT) {
            return bad(BAD_SHARE_PRICE, Long.toString(sharePrice));
        }
        if (minShares < 0 || maxShares < 1 || minShares > maxShares || maxShares > MAX_SHARES_PER_MEETING) {
            return bad(BAD_SHARE_RANGE, minShares + ".." + maxShares);
        }
        if (socialFund < 0 || socialFund > OpRules.MAX_AMOUNT) {
            return bad(BAD_SOCIAL_FUND, Long.toString(socialFund));
        }
        if (loanMultipleBp < 0 || loanMultipleBp > MAX_LOAN_MULTIPLE_BP) {
            return bad(BAD_LOAN_MULTIPLE, Integer.toString(loanMultipleBp));
        }
        if (maxTermMonths < 1 || maxTermMonths > MAX_TERM_MONTHS) {
            return bad(BAD_TERM, Integer.toString(maxTermMonths));
        }
        if (chargeBpPerMonth < 0 || chargeBpPerMonth > BP) {
            return bad(BAD_CHARGE_RATE, Integer.toString(chargeBpPerMonth));
        }
        if (fines.size() > MAX_FINE_KINDS) {
            return bad(BAD_FINE, "count");
        }
        for (Map.Entry<String, Long> f : fines.entrySet()) {
            if (f.getKey() == null || !FINE_KIND.matcher(f.getKey()).matches()) {
                return bad(BAD_FINE, String.valueOf(f.getKey()));
            }
            if (f.getValue() == null || f.getValue() < 1 || f.getValue() > OpRules.MAX_AMOUNT) {
                return bad(BAD_FINE, f.getKey());
            }
        }
        return Optional.empty();
    }

    /// Whether a member may buy `count` shares at one meeting.
    public Optional<OpRules.Violation> checkShares(int count) {
        return count < minShares || count > maxShares
                ? bad(SHARES_OUT_OF_RANGE, count + " not in " + minShares + ".." + maxShares)
                : Optional.empty();
    }

    /// The largest loan for a member with `savings` (minor units ≥ 0): `savings × loanMultipleBp
    /// ÷ 10 000` rounded **down** (never lend more than the rule), at most [OpRules#MAX_AMOUNT].
    public long maxLoan(long savings) {
        if (savings < 0) {
            return 0;
        }
        return Math.min(OpRules.MAX_AMOUNT, Apportion.mulDivFloor(savings, loanMultipleBp, BP));
    }

    /// Whether a loan of `amount` over `months` is within the rules for a member with `savings`.
    public Optional<OpRules.Violation> checkLoan(long amount, int months, long savings) {
        if (amount < 1 || amount > OpRules.MAX_AMOUNT) {
            return bad(OpRules.BAD_AMOUNT, Long.toString(amount));
        }
        if (months < 1 || months > maxTermMonths) {
            return bad(TERM_TOO_LONG, months + " > " + maxTermMonths);
        }
        long limit = maxLoan(savings);
        return amount > limit ? bad(LOAN_OVER_LIMIT, amount + " > " + limit) : Optional.empty();
    }

    /// The schedule of a loan issued under this constitution (check it first with [#checkLoan]).
    public LoanSchedule schedule(LocalDate issued, long principal, int months) {
        return LoanSchedule.of(issued, principal, months, chargeBpPerMonth, chargeMethod);
    }

    /// The fine of `kind`, if the constitution lists it.
    public Optional<Long> fine(String kind) {
        return Optional.ofNullable(fines.get(kind));
    }

    /// The constitution as the data of a `group.cycle` entry (fines as a map kind → amount).
    public OpData toData() {
        return OpData.builder().put("start", start.toString()).put("sharePrice", sharePrice)
                .put("minShares", (long) minShares).put("maxShares", (long) maxShares).put("socialFund", socialFund)
                .put("loanMultipleBp", (long) loanMultipleBp).put("maxTermMonths", (long) maxTermMonths)
                .put("chargeBp", (long) chargeBpPerMonth).put("method", chargeMethod.wire())
                .put("fines", new TreeMap<String, Object>(fines)).build();
    }

    /// The constitution of a `group.cycle` entry; a field missing or of the wrong kind gives
    /// [OpRules#MISSING_FIELD] or [OpRules#WRONG_KIND] (then [#check()] judges the values).
    public static GroupConstitution fromData(OpData d) {
        SortedMap<String, Long> fines = new TreeMap<>();
        Object f = d.asMap().get("fines");
        if (f instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Long v)) {
                    throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.WRONG_KIND, "fines");
                }
                fines.put(String.valueOf(e.getKey()), v);
            }
        } else if (f != null) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.WRONG_KIND, "fines");
        }
        ChargeMethod method;
        try {
            method = d.str("method") == null ? null : ChargeMethod.fromWire(d.str("method"));
        } catch (RuntimeException e) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.BAD_CHOICE, "method");
        }
        return new GroupConstitution(d.str("start") == null ? null : OpRules.parseDate(d.str("start")).orElse(null),
                num(d, "sharePrice"), (int) num(d, "minShares"), (int) num(d, "maxShares"), num(d, "socialFund"),
                (int) num(d, "loanMultipleBp"), (int) num(d, "maxTermMonths"), (int) num(d, "chargeBp"), method,
                fines);
    }

    private static long num(OpData d, String key) {
        Object v = d.asMap().get(key);
        if (v == null) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.MISSING_FIELD, key);
        }
        if (!(v instanceof Long n)) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.WRONG_KIND, key);
        }
        if (n < Integer.MIN_VALUE || n > OpRules.MAX_AMOUNT) {
            throw new MinkaException(ErrorCode.BAD_AMOUNT, OpRules.BAD_AMOUNT, key);
        }
        return n;
    }

    private static Optional<OpRules.Violation> bad(String reason, String detail) {
        return Optional.of(new OpRules.Violation(reason, detail));
    }
}
