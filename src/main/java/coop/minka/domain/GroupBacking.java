package coop.minka.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// Whether a savings-group entry is backed by the transaction it names (design notes 37): every
/// money entry of a group (`group.shares`, `.social`, `.fine`, `.loan.issue`, `.loan.repay`,
/// `.shareout`) is written together with an ordinary `tx.post`, and the group's figures (the
/// share-out, loan balances, a member's savings) are read from the entry. An entry from a laptop
/// that did not check — or was turned against the group — could claim shares, repayments or a
/// loan its transaction does not carry; such an entry is held invalid with [#MISMATCH].
///
/// The rule, for the lines of the transaction on the group's own accounts (a member's savings
/// `2000-…` and loan `1200-…` accounts, the social fund `3000`, service charges `4100`, fines
/// `4200`, shared out `3100`, cycle expenses `5000`, loans written off `5100`): they are exactly
/// what the entry claims, and every other line is on
/// an asset account of the cooperative that belongs to no member (the cash box or a bank). The
/// transaction must be the author's own; the constitution's share price, social fund, charge rate,
/// method and longest term must be the ones the entry used.
public final class GroupBacking {
    /// The reason code of an entry that its transaction does not back.
    public static final String MISMATCH = "group-tx-mismatch";

    public static final String SAVINGS = "2000";
    public static final String LOANS = "1200";
    public static final String SOCIAL_FUND = "3000";
    public static final String SHARED_OUT = "3100";
    public static final String CHARGES = "4100";
    public static final String FINES = "4200";
    public static final String EXPENSES = "5000";
    public static final String WRITE_OFFS = "5100";

    private GroupBacking() {
    }

    /// One line of the transaction, with what the books say of its account (null code if the
    /// account is not known here yet).
    public record Line(String code, AccountType type, String member, long amount) {
    }

    /// What a group entry claims (the fields its type does not use are null; a share-out's `amount`
    /// is the distributable it claims); `loanMember` is the
    /// member of the loan a repayment names (null if that loan is not known or not valid here).
    public record Claim(String type, String member, Long count, Long amount, Long charge, Long principal,
                        Long months, Long chargeBp, String method, String loanMember) {
    }

    /// True if `lines` back the claim under `rules` (the constitution of the entry's cycle, null
    /// if not known here).
    public static boolean backs(Claim c, GroupConstitution rules, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            return false;
        }
        Map<String, Long> group = new HashMap<>();
        long other = 0;
        long total = 0;
        for (Line l : lines) {
            if (l.code() == null) {
                return false;
            }
            total = Math.addExact(total, l.amount());
            String key = groupKey(l);
            if (key != null) {
                group.merge(key, l.amount(), Math::addExact);
            } else if (l.type() == AccountType.ASSET && l.member() == null) {
                other = Math.addExact(other, l.amount());
            } else {
                return false;
            }
        }
        if (total != 0) {
            return false;
        }
        Map<String, Long> want = new HashMap<>();
        switch (c.type()) {
            case OpType.GROUP_SHARES -> {
                if (rules == null || c.count() == null || c.amount() == null
                        || c.amount() != Math.multiplyExact(c.count(), rules.sharePrice())
                        || rules.checkShares(c.count().intValue()).isPresent()) {
                    return false;
                }
                want.put(SAVINGS + "|" + c.member(), -c.amount());
            }
            case OpType.GROUP_SOCIAL -> {
                if (rules == null || c.amount() == null || c.amount() != rules.socialFund()) {
                    return false;
                }
                want.put(SOCIAL_FUND, -c.amount());
            }
            case OpType.GROUP_FINE -> {
                if (c.amount() == null) {
                    return false;
                }
                want.put(FINES, -c.amount());
            }
            case OpType.GROUP_LOAN_ISSUE -> {
                if (rules == null || c.amount() == null || c.months() == null || c.chargeBp() == null
                        || c.chargeBp() != rules.chargeBpPerMonth() || c.months() > rules.maxTermMonths()
                        || !rules.chargeMethod().wire().equals(c.method())) {
                    return false;
                }
                want.put(LOANS + "|" + c.member(), c.amount());
            }
            case OpType.GROUP_LOAN_REPAY -> {
                if (c.loanMember() == null || c.amount() == null || c.charge() == null || c.principal() == null
                        || c.amount() != c.charge() + c.principal()) {
                    return false;
                }
                if (c.principal() != 0) {
                    want.put(LOANS + "|" + c.loanMember(), -c.principal());
                }
                if (c.charge() != 0) {
                    want.put(CHARGES, -c.charge());
                }
            }
            case OpType.GROUP_GRANT -> {
                if (c.amount() == null) {
                    return false;
                }
                want.put(SOCIAL_FUND, c.amount());
            }
            case OpType.GROUP_EXPENSE -> {
                if (c.amount() == null) {
                    return false;
                }
                want.put(EXPENSES, c.amount());
            }
            case OpType.GROUP_LOAN_WRITEOFF -> {
                if (c.loanMember() == null || c.amount() == null) {
                    return false;
                }
                want.put(WRITE_OFFS, c.amount());
                want.put(LOANS + "|" + c.loanMember(), -c.amount());
            }
            case OpType.GROUP_SHAREOUT -> {
                // savings handed back and the cycle's gain (or loss, when write-offs and expenses
                // passed the income) leave the cash box: debits on members' savings, "shared
                // out" either way, nothing else of the group's
                for (Map.Entry<String, Long> g : group.entrySet()) {
                    boolean savings = g.getKey().startsWith(SAVINGS + "|") && g.getValue() > 0;
                    if (!savings && !g.getKey().equals(SHARED_OUT)) {
                        return false;
                    }
                }
                return c.amount() != null && other == -c.amount() && other < 0;
            }
            default -> {
                return false;
            }
        }
        group.values().removeIf(v -> v == 0);
        return group.equals(want) && Objects.equals(other, -want.values().stream().mapToLong(Long::longValue).sum());
    }

    /// `2000|member`, `1200|member`, or the code of one of the group's own accounts; null for
    /// any other account. A member account of another prefix, or one with no member, is not the
    /// group's.
    private static String groupKey(Line l) {
        String code = l.code();
        if (l.member() != null && (code.startsWith(SAVINGS + "-") || code.startsWith(LOANS + "-"))) {
            return code.substring(0, 4) + "|" + l.member();
        }
        if (l.member() == null && List.of(SOCIAL_FUND, SHARED_OUT, CHARGES, FINES, EXPENSES, WRITE_OFFS).contains(code)) {
            return code;
        }
        return null;
    }
}
