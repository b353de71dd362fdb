package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// What a savings-group entry's transaction must carry (design notes 37), type by type: the
/// lines the app writes back the entry; a line moved to another account, another member or an
/// amount changed does not.
class GroupBackingTest {
    private static final GroupConstitution RULES = new GroupConstitution(LocalDate.of(2026, 1, 1), 1000, 1, 5, 200,
            30_000, 3, 1000, GroupConstitution.ChargeMethod.FLAT, new TreeMap<>());
    private static final GroupBacking.Line CASH_IN = line("1000", AccountType.ASSET, null, 0);

    private static GroupBacking.Line line(String code, AccountType type, String member, long amount) {
        return new GroupBacking.Line(code, type, member, amount);
    }

    private static GroupBacking.Line cash(long amount) {
        return line(CASH_IN.code(), AccountType.ASSET, null, amount);
    }

    private static GroupBacking.Claim claim(String type, String member, Long count, Long amount, Long charge,
                                            Long principal, Long months, Long chargeBp, String method, String loanMember) {
        return new GroupBacking.Claim(type, member, count, amount, charge, principal, months, chargeBp, method,
                loanMember);
    }

    @Test
    void sharesMustGoIntoTheMembersSavingsAtTheSharePrice() {
        var c = claim(OpType.GROUP_SHARES, "ana", 3L, 3000L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(c, RULES, List.of(cash(3000), line("2000-ana", AccountType.LIABILITY, "ana", -3000))));
        assertFalse(GroupBacking.backs(c, RULES, List.of(cash(3000), line("2000-ros", AccountType.LIABILITY, "rosa", -3000))),
                "another member's savings");
        assertFalse(GroupBacking.backs(c, RULES, List.of(cash(3000), line("4000", AccountType.INCOME, null, -3000))),
                "into income");
        assertFalse(GroupBacking.backs(c, null, List.of(cash(3000), line("2000-ana", AccountType.LIABILITY, "ana", -3000))),
                "cycle not known here");
        var cheap = claim(OpType.GROUP_SHARES, "ana", 3L, 30L, null, null, null, null, null, null);
        assertFalse(GroupBacking.backs(cheap, RULES, List.of(cash(30), line("2000-ana", AccountType.LIABILITY, "ana", -30))),
                "under the share price");
        var many = claim(OpType.GROUP_SHARES, "ana", 9L, 9000L, null, null, null, null, null, null);
        assertFalse(GroupBacking.backs(many, RULES, List.of(cash(9000), line("2000-ana", AccountType.LIABILITY, "ana", -9000))),
                "more shares than the constitution allows at one meeting");
        assertFalse(GroupBacking.backs(c, RULES, List.of(line("5000", AccountType.EXPENSE, null, 3000),
                line("2000-ana", AccountType.LIABILITY, "ana", -3000))), "the other side is not cash");
        assertFalse(GroupBacking.backs(c, RULES, List.of(line(null, null, null, 3000),
                line("2000-ana", AccountType.LIABILITY, "ana", -3000))), "an account not known here");
    }

    @Test
    void socialFundFinesLoansAndRepayments() {
        var social = claim(OpType.GROUP_SOCIAL, "ana", null, 200L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(social, RULES, List.of(cash(200), line("3000", AccountType.EQUITY, null, -200))));
        var socialWrong = claim(OpType.GROUP_SOCIAL, "ana", null, 500L, null, null, null, null, null, null);
        assertFalse(GroupBacking.backs(socialWrong, RULES, List.of(cash(500), line("3000", AccountType.EQUITY, null, -500))));

        var fine = claim(OpType.GROUP_FINE, "ana", null, 500L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(fine, RULES, List.of(cash(500), line("4200", AccountType.INCOME, null, -500))));
        assertFalse(GroupBacking.backs(fine, RULES, List.of(cash(500), line("4100", AccountType.INCOME, null, -500))));

        var loan = claim(OpType.GROUP_LOAN_ISSUE, "ana", null, 10_000L, null, null, 1L, 1000L, "flat", null);
        assertTrue(GroupBacking.backs(loan, RULES, List.of(cash(-10_000), line("1200-ana", AccountType.ASSET, "ana", 10_000))));
        var free = claim(OpType.GROUP_LOAN_ISSUE, "ana", null, 10_000L, null, null, 1L, 0L, "flat", null);
        assertFalse(GroupBacking.backs(free, RULES, List.of(cash(-10_000), line("1200-ana", AccountType.ASSET, "ana", 10_000))),
                "a charge rate the constitution does not set");
        var longLoan = claim(OpType.GROUP_LOAN_ISSUE, "ana", null, 10_000L, null, null, 12L, 1000L, "flat", null);
        assertFalse(GroupBacking.backs(longLoan, RULES, List.of(cash(-10_000), line("1200-ana", AccountType.ASSET, "ana", 10_000))));

        var repay = claim(OpType.GROUP_LOAN_REPAY, null, null, 11_000L, 1000L, 10_000L, null, null, null, "ana");
        List<GroupBacking.Line> booked = List.of(cash(11_000), line("1200-ana", AccountType.ASSET, "ana", -10_000),
                line("4100", AccountType.INCOME, null, -1000));
        assertTrue(GroupBacking.backs(repay, RULES, booked));
        var allPrincipal = claim(OpType.GROUP_LOAN_REPAY, null, null, 11_000L, 0L, 11_000L, null, null, null, "ana");
        assertFalse(GroupBacking.backs(allPrincipal, RULES, booked), "the split differs from the books");
        var unknownLoan = claim(OpType.GROUP_LOAN_REPAY, null, null, 11_000L, 1000L, 10_000L, null, null, null, null);
        assertFalse(GroupBacking.backs(unknownLoan, RULES, booked), "a loan not valid here");
    }

    @Test
    void grantsExpensesAndWriteOffs() {
        var grant = claim(OpType.GROUP_GRANT, "ana", null, 500L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(grant, RULES, List.of(line("3000", AccountType.EQUITY, null, 500), cash(-500))));
        assertFalse(GroupBacking.backs(grant, RULES, List.of(line("4000", AccountType.INCOME, null, 500), cash(-500))),
                "paid out of dues, not the social fund");
        var expense = claim(OpType.GROUP_EXPENSE, null, null, 450L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(expense, RULES, List.of(line("5000", AccountType.EXPENSE, null, 450), cash(-450))));
        assertFalse(GroupBacking.backs(expense, RULES, List.of(line("5000", AccountType.EXPENSE, null, 900), cash(-900))));
        var off = claim(OpType.GROUP_LOAN_WRITEOFF, null, null, null, null, null, null, null, null, "ana");
        var offAmount = claim(OpType.GROUP_LOAN_WRITEOFF, null, null, 2000L, null, null, null, null, null, "ana");
        List<GroupBacking.Line> booked = List.of(line("5100", AccountType.EXPENSE, null, 2000),
                line("1200-ana", AccountType.ASSET, "ana", -2000));
        assertTrue(GroupBacking.backs(offAmount, RULES, booked));
        assertFalse(GroupBacking.backs(off, RULES, booked), "no amount");
        assertFalse(GroupBacking.backs(offAmount, RULES, List.of(line("5100", AccountType.EXPENSE, null, 2000),
                line("1200-ros", AccountType.ASSET, "rosa", -2000))), "another member's loan");
    }

    @Test
    void aShareOutOnlyPaysSavingsAndGainOutOfTheCashBox() {
        var out = claim(OpType.GROUP_SHAREOUT, null, null, 5375L, null, null, null, null, null, null);
        assertTrue(GroupBacking.backs(out, RULES, List.of(line("2000-ana", AccountType.LIABILITY, "ana", 5000),
                line("3100", AccountType.EQUITY, null, 375), cash(-5375))));
        assertFalse(GroupBacking.backs(out, RULES, List.of(line("2000-ana", AccountType.LIABILITY, "ana", 1),
                cash(-1))), "pays out less than it claims");
        assertFalse(GroupBacking.backs(out, RULES, List.of(line("3000", AccountType.EQUITY, null, 1200), cash(-1200))),
                "the social fund is carried over, never shared out");
        assertFalse(GroupBacking.backs(out, RULES, List.of(line("2000-ana", AccountType.LIABILITY, "ana", -5000),
                cash(5000))), "money into savings is not a share-out");
    }
}
