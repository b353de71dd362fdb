package coop.minka.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// The cooperative's share register and surplus allocations, folded from the set of capital
/// entries held (design notes 35). Pure: the projection folds the entries that count and pass the
/// rule book; the app asks the same [#check] before it writes one, so a typed entry gets exactly
/// the verdict a received one gets.
///
/// - Entries are judged in stamp order (hlc, replica, seq) — the same on every laptop, whatever
///   order they arrived in. A transfer or redemption of more shares than the member held at its
///   stamp is **held invalid** ([#OVER_HOLDING]); a second allocation of one year's surplus too
///   ([#ALLOCATED_TWICE]). The money of such an entry stays in the books (its `tx.post` is a fact
///   of its own, like a loan two laptops gave offline): only the register does not count it.
/// - The register's numbers are the positions of the counted register entries in that order,
///   1, 2, 3…: derived from the set, never a counter two offline laptops would both take. A
///   number is final once every entry stamped before it has arrived.
public final class CapitalRegister {
    /// Most shares one entry may move.
    public static final long MAX_SHARES = 1_000_000L;
    /// Rule-book reasons (one entry alone).
    public static final String BAD_SHARES = "bad-shares";
    public static final String SAME_MEMBER = "same-member";
    public static final String ALLOCATION_MISMATCH = "allocation-mismatch";
    /// Reasons the projection gives from the whole set.
    public static final String OVER_HOLDING = "capital-over-holding";
    public static final String ALLOCATED_TWICE = "surplus-allocated-twice";
    /// An entry its transaction does not back ([#backs]).
    public static final String TX_MISMATCH = "capital-tx-mismatch";
    /// The reasons only the projection gives.
    public static final List<String> FOLD_REASONS = List.of(OVER_HOLDING, ALLOCATED_TWICE, TX_MISMATCH);

    /// Account codes: per member `PREFIX-` and the member's id's first digits (found by the
    /// account's member), the cooperative's funds by their code.
    public static final String OWED = "1400";
    public static final String CAPITAL = "3200";
    public static final String REFUND = "2400";
    public static final String RESERVE = "3300";
    public static final String EDUCATION = "3400";
    public static final String ALLOCATED = "3500";
    private static final List<String> MEMBER_PREFIXES = List.of(OWED, CAPITAL, REFUND);
    private static final List<String> FUNDS = List.of(RESERVE, EDUCATION, ALLOCATED);

    private CapitalRegister() {
    }

    /// One capital entry as the fold needs it: `to` for a transfer, `year` for an allocation;
    /// amounts in minor units (0 where the type has none).
    public record Entry(String id, String type, LocalDate date, String member, String to, long shares, long price,
                        long amount, Long year, String tx, long hlc, String replica, long seq) {

        /// The entry of a capital op that passed the rule book.
        public static Entry of(Op op) {
            OpData d = op.data();
            return new Entry(op.entity(), op.type(), OpRules.parseDate(d.str("date")).orElse(null), d.str("member"),
                    d.str("to"), zero(d.lng("shares")), zero(d.lng("price")), zero(d.lng("amount")), d.lng("year"),
                    d.str("tx"), op.hlc(), op.replica(), op.seq());
        }

        private static long zero(Long v) {
            return v == null ? 0 : v;
        }
    }

    /// The order entries are judged and numbered in: stamp (hlc, replica, seq).
    public static final Comparator<Entry> STAMP_ORDER = Comparator.comparingLong(Entry::hlc)
            .thenComparing(Entry::replica).thenComparingLong(Entry::seq);

    /// A register entry that counts, with its number.
    public record Numbered(long number, Entry entry) {
    }

    /// An entry held invalid by the fold, with the reason.
    public record Held(Entry entry, String reason) {
    }

    /// What the fold gives: the register (numbered), the allocations that count, the entries held.
    public record Result(List<Numbered> register, List<Entry> allocations, List<Held> held) {
    }

    /// Folds every capital entry that counts, in stamp order.
    public static Result fold(Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(STAMP_ORDER);
        Map<String, Long> shares = new TreeMap<>();
        Set<Long> years = new HashSet<>();
        List<Numbered> register = new ArrayList<>();
        List<Entry> allocations = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (Entry e : sorted) {
            if (e.type().equals(OpType.SURPLUS_ALLOCATE)) {
                if (years.contains(e.year())) {
                    held.add(new Held(e, ALLOCATED_TWICE));
                } else {
                    years.add(e.year());
                    allocations.add(e);
                }
                continue;
            }
            String reason = check(e, shares.getOrDefault(e.member(), 0L));
            if (reason != null) {
                held.add(new Held(e, reason));
                continue;
            }
            apply(shares, e);
            register.add(new Numbered(register.size() + 1, e));
        }
        return new Result(register, allocations, held);
    }

    /// Why a register entry cannot stand when its member holds `held` shares just before it;
    /// null if it can. The one rule of the register: nobody gives away or is paid back more
    /// shares than they hold.
    public static String check(Entry e, long held) {
        boolean out = e.type().equals(OpType.CAPITAL_TRANSFER) || e.type().equals(OpType.CAPITAL_REDEEM);
        return out && e.shares() > held ? OVER_HOLDING : null;
    }

    private static void apply(Map<String, Long> shares, Entry e) {
        switch (e.type()) {
            case OpType.CAPITAL_SUBSCRIBE -> shares.merge(e.member(), e.shares(), Math::addExact);
            case OpType.CAPITAL_TRANSFER -> {
                shares.merge(e.member(), -e.shares(), Math::addExact);
                shares.merge(e.to(), e.shares(), Math::addExact);
            }
            case OpType.CAPITAL_REDEEM -> shares.merge(e.member(), -e.shares(), Math::addExact);
            default -> {
                // a payment moves money, not shares
            }
        }
    }

    /// One line of an entry's transaction, with what the books say of its account (null code if
    /// the account is not known here yet).
    public record Line(String code, AccountType type, String member, long amount) {
    }

    /// What a capital entry claims on the capital's accounts: account key (`PREFIX|member` or a
    /// fund's code) → amount, debit positive, zeros left out. `members` are an allocation's rows
    /// (`member`, `cash`, `retained`), `surplus`, `reserve`, `education` its figures.
    public static Map<String, Long> claim(Entry e, long surplus, long reserve, long education,
                                          List<Map<String, Object>> members) {
        Map<String, Long> c = new TreeMap<>();
        switch (e.type()) {
            case OpType.CAPITAL_SUBSCRIBE -> {
                c.merge(OWED + "|" + e.member(), e.amount(), Math::addExact);
                c.merge(CAPITAL + "|" + e.member(), -e.amount(), Math::addExact);
            }
            case OpType.CAPITAL_PAY -> c.merge(OWED + "|" + e.member(), -e.amount(), Math::addExact);
            case OpType.CAPITAL_TRANSFER -> {
                c.merge(CAPITAL + "|" + e.member(), e.amount(), Math::addExact);
                c.merge(CAPITAL + "|" + e.to(), -e.amount(), Math::addExact);
            }
            case OpType.CAPITAL_REDEEM -> c.merge(CAPITAL + "|" + e.member(), e.amount(), Math::addExact);
            case OpType.SURPLUS_ALLOCATE -> {
                c.merge(ALLOCATED, surplus, Math::addExact);
                c.merge(RESERVE, -reserve, Math::addExact);
                c.merge(EDUCATION, -education, Math::addExact);
                for (Map<String, Object> m : members) {
                    c.merge(REFUND + "|" + m.get("member"), -((Number) m.get("cash")).longValue(), Math::addExact);
                    c.merge(CAPITAL + "|" + m.get("member"), -((Number) m.get("retained")).longValue(),
                            Math::addExact);
                }
            }
            default -> throw new IllegalArgumentException(e.type());
        }
        c.values().removeIf(v -> v == 0);
        return c;
    }

    /// True if the transaction's `lines` back the claim (design notes 35, as 37 for the savings
    /// group): its lines on the capital's accounts — a member's `1400-…`, `3200-…`, `2400-…` (by
    /// the account's member) and the funds `3300`, `3400`, `3500` — add up to exactly the claim,
    /// and every other line is on an asset account of no member (the cash box or a bank). An
    /// allocation of no surplus names no transaction (`lines` null); any other entry needs one.
    public static boolean backs(Map<String, Long> claim, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            return claim.isEmpty();
        }
        Map<String, Long> got = new TreeMap<>();
        for (Line l : lines) {
            if (l.code() == null) {
                return false;
            }
            String key = null;
            if (l.member() != null) {
                for (String p : MEMBER_PREFIXES) {
                    if (l.code().startsWith(p + "-")) {
                        key = p + "|" + l.member();
                    }
                }
            } else if (FUNDS.contains(l.code())) {
                key = l.code();
            }
            if (key != null) {
                got.merge(key, l.amount(), Math::addExact);
            } else if (l.type() != AccountType.ASSET || l.member() != null) {
                return false;
            }
        }
        got.values().removeIf(v -> v == 0);
        return got.equals(claim);
    }

    /// A member's capital by the register: shares subscribed and their value, paid, shares
    /// received and given by transfer (and their value), shares redeemed and what was paid back,
    /// and the shares held. `unpaid` is what the member still owes on subscriptions (negative if
    /// they paid more).
    public record Position(long subscribedShares, long subscribed, long paid, long sharesIn, long valueIn,
                           long sharesOut, long valueOut, long redeemedShares, long redeemed) {
        public static final Position NONE = new Position(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public long sharesHeld() {
            return subscribedShares + sharesIn - sharesOut - redeemedShares;
        }

        public long unpaid() {
            return subscribed - paid;
        }
    }

    /// Every member's position from register entries that count, dated on or before `asOf`
    /// (null: all).
    public static Map<String, Position> positions(Collection<Entry> register, LocalDate asOf) {
        Map<String, long[]> acc = new TreeMap<>();
        for (Entry e : register) {
            if (asOf != null && e.date() != null && e.date().isAfter(asOf)) {
                continue;
            }
            long[] m = acc.computeIfAbsent(e.member(), k -> new long[9]);
            switch (e.type()) {
                case OpType.CAPITAL_SUBSCRIBE -> {
                    m[0] = Math.addExact(m[0], e.shares());
                    m[1] = Math.addExact(m[1], e.amount());
                }
                case OpType.CAPITAL_PAY -> m[2] = Math.addExact(m[2], e.amount());
                case OpType.CAPITAL_TRANSFER -> {
                    m[5] = Math.addExact(m[5], e.shares());
                    m[6] = Math.addExact(m[6], e.amount());
                    long[] t = acc.computeIfAbsent(e.to(), k -> new long[9]);
                    t[3] = Math.addExact(t[3], e.shares());
                    t[4] = Math.addExact(t[4], e.amount());
                }
                case OpType.CAPITAL_REDEEM -> {
                    m[7] = Math.addExact(m[7], e.shares());
                    m[8] = Math.addExact(m[8], e.amount());
                }
                default -> {
                    // allocations are not register entries
                }
            }
        }
        Map<String, Position> out = new TreeMap<>();
        acc.forEach((k, m) -> out.put(k, new Position(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])));
        return out;
    }
}
