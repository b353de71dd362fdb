package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// The rule book judges the savings-group entries alone (design notes 32): the constitution by
/// `GroupConstitution.check`, the meeting entries by their fields.
class GroupRulesTest {
    static final String E = "019a0000-0000-7000-8000-000000000001";
    static final String M = "019a0000-0000-7000-8000-0000000000b1";
    static final String T = "019a0000-0000-7000-8000-0000000000c1";

    private static GroupConstitution rules(long sharePrice, int maxTerm) {
        return new GroupConstitution(LocalDate.of(2026, 1, 1), sharePrice, 1, 5, 200, 30_000, maxTerm, 1000,
                GroupConstitution.ChargeMethod.FLAT, new TreeMap<>(Map.of("late", 500L)));
    }

    private static Optional<String> reason(String type, OpData data) {
        return OpRules.check(type, E, data).map(OpRules.Violation::reason);
    }

    @Test
    void theConstitutionRoundTripsAndIsCheckedByItsOwnRules() {
        GroupConstitution c = rules(1000, 3);
        assertEquals(c, GroupConstitution.fromData(c.toData()));
        assertEquals(Optional.empty(), reason(OpType.GROUP_CYCLE, c.toData()));
        assertEquals(Optional.of(GroupConstitution.BAD_SHARE_PRICE), reason(OpType.GROUP_CYCLE, rules(0, 3).toData()));
        assertEquals(Optional.of(GroupConstitution.BAD_TERM), reason(OpType.GROUP_CYCLE, rules(1000, 121).toData()));
        Map<String, Object> noFines = new TreeMap<>(c.toData().asMap());
        noFines.put("fines", "late=5");
        assertEquals(Optional.of(OpRules.WRONG_KIND), reason(OpType.GROUP_CYCLE, OpData.of(noFines)));
        for (String r : GroupConstitution.REASONS) {
            if (!r.equals(GroupConstitution.LOAN_OVER_LIMIT) && !r.equals(GroupConstitution.TERM_TOO_LONG)
                    && !r.equals(GroupConstitution.UNKNOWN_FINE)) {
                assertEquals(true, OpRules.REASONS.contains(r), r);
            }
        }
    }

    @Test
    void meetingEntriesAreCheckedAlone() {
        OpData shares = OpData.builder().put("meeting", M).put("member", M).put("tx", T).put("count", 3L)
                .put("amount", 3000L).build();
        assertEquals(Optional.empty(), reason(OpType.GROUP_SHARES, shares));
        assertEquals(Optional.of(GroupConstitution.SHARES_OUT_OF_RANGE), reason(OpType.GROUP_SHARES,
                OpData.builder().put("meeting", M).put("member", M).put("tx", T).put("count", 0L)
                        .put("amount", 3000L).build()));
        OpData repay = OpData.builder().put("meeting", M).put("loan", M).put("tx", T).put("amount", 11000L)
                .put("charge", 1000L).put("principal", 10000L).build();
        assertEquals(Optional.empty(), reason(OpType.GROUP_LOAN_REPAY, repay));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.GROUP_LOAN_REPAY, OpData.builder()
                .put("meeting", M).put("loan", M).put("tx", T).put("amount", 11000L).put("charge", 1000L)
                .put("principal", 9000L).build()));
        assertEquals(Optional.of(OpRules.BAD_CHOICE), reason(OpType.GROUP_ATTEND, OpData.builder()
                .put("meeting", M).put("member", M).put("status", "asleep").build()));
        assertEquals(Optional.empty(), reason(OpType.GROUP_MEETING_CLOSE, OpData.builder().put("meeting", M)
                .put("expected", -5L).build()), "a meeting closed without counting");
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.GROUP_MEETING_CLOSE, OpData.builder()
                .put("meeting", M).put("counted", -1L).put("expected", 0L).build()));
        assertEquals(Optional.of(GroupConstitution.BAD_TERM), reason(OpType.GROUP_LOAN_ISSUE, OpData.builder()
                .put("meeting", M).put("member", M).put("tx", T).put("amount", 100L).put("months", 0L)
                .put("chargeBp", 1000L).put("method", "flat").build()));
    }

    private static GroupBook.Fact f(String id, String type, String meeting, String loan, String ref, String date,
                                    long amount, long principal) {
        return new GroupBook.Fact(id, type, "c", meeting, loan, ref, date == null ? null : LocalDate.parse(date), amount,
                principal);
    }

    /// A share-out counts only with the cycle's distributable at its stamp, once (design notes 37):
    /// a forged share-out for a token amount does not freeze a running cycle.
    @Test
    void aShareOutMustClaimTheCyclesDistributableOnce() {
        var open1 = f("m1", OpType.GROUP_MEETING_OPEN, null, null, null, "2026-01-05", 0, 0);
        var shares = f("sh", OpType.GROUP_SHARES, "m1", null, null, null, 5000, 0);
        var fine = f("fi", OpType.GROUP_FINE, "m1", null, null, null, 500, 0);
        var loan = f("l1", OpType.GROUP_LOAN_ISSUE, "m1", null, null, "2026-01-05", 10_000, 0);
        var repay = f("r1", OpType.GROUP_LOAN_REPAY, "m1", "l1", null, null, 11_000, 10_000);
        var expense = f("ex", OpType.GROUP_EXPENSE, "m1", null, null, null, 300, 0);
        var token = new GroupBook.Fact("so1", OpType.GROUP_SHAREOUT, "c", null, null, null,
                LocalDate.parse("2026-06-01"), 1, 0);
        var fair = new GroupBook.Fact("so2", OpType.GROUP_SHAREOUT, "c", null, null, null,
                LocalDate.parse("2026-06-01"), 5000 + 500 + 1000 - 300, 0);
        var twice = new GroupBook.Fact("so3", OpType.GROUP_SHAREOUT, "c", null, null, null,
                LocalDate.parse("2026-06-01"), 5000 + 500 + 1000 - 300, 0);
        var v = GroupBook.judge(List.of(open1, shares, fine, loan, repay, token, expense, fair, twice));
        assertEquals(GroupBook.SHAREOUT_MISMATCH, v.held().get("so1"));
        assertEquals(null, v.held().get("ex"), "the token share-out froze nothing");
        assertEquals(null, v.held().get("so2"));
        assertEquals(GroupBook.SHAREOUT_MISMATCH, v.held().get("so3"));
        var voidFine = f("v1", OpType.GROUP_VOID, null, null, "fi", null, 0, 0);
        var afterVoid = new GroupBook.Fact("so4", OpType.GROUP_SHAREOUT, "c", null, null, null,
                LocalDate.parse("2026-06-01"), 5000 + 1000 - 300, 0);
        v = GroupBook.judge(List.of(open1, shares, fine, loan, repay, expense, voidFine, afterVoid));
        assertEquals(null, v.held().get("so4"), "a voided fine is not shared out");
    }

    /// Corrections are judged against the entries stamped before them (design notes 36).
    @Test
    void correctionsAreJudgedAgainstTheEntriesBeforeThem() {
        var open1 = f("m1", OpType.GROUP_MEETING_OPEN, null, null, null, "2026-01-05", 0, 0);
        var social = f("s1", OpType.GROUP_SOCIAL, "m1", null, null, null, 200, 0);
        var fine = f("f1", OpType.GROUP_FINE, "m1", null, null, null, 500, 0);
        var close1 = f("c1", OpType.GROUP_MEETING_CLOSE, "m1", null, null, null, 0, 0);
        var open2 = f("m2", OpType.GROUP_MEETING_OPEN, null, null, null, "2026-02-05", 0, 0);
        var lateVoid = f("v1", OpType.GROUP_VOID, null, null, "f1", null, 0, 0);
        var reopen1 = f("r1", OpType.GROUP_MEETING_REOPEN, "m1", null, null, null, 0, 0);
        var grant = f("g1", OpType.GROUP_GRANT, "m2", null, null, null, 201, 0);
        var loan = f("l1", OpType.GROUP_LOAN_ISSUE, "m2", null, null, null, 3000, 0);
        var repay = f("p1", OpType.GROUP_LOAN_REPAY, "m2", "l1", null, null, 1300, 1000);
        var off = f("w1", OpType.GROUP_LOAN_WRITEOFF, "m2", "l1", null, null, 2000, 0);
        var offAgain = f("w2", OpType.GROUP_LOAN_WRITEOFF, "m2", "l1", null, null, 1, 0);
        var voidLoan = f("v2", OpType.GROUP_VOID, null, null, "l1", null, 0, 0);
        GroupBook.Verdicts v = GroupBook.judge(java.util.List.of(open1, social, fine, close1, open2, lateVoid, reopen1,
                grant, loan, repay, off, offAgain, voidLoan));
        assertEquals(Map.of("v1", GroupBook.MEETING_CLOSED, "r1", GroupBook.NOT_LAST_MEETING, "g1",
                GroupBook.OVER_SOCIAL_FUND, "w2", GroupBook.OVER_OWED, "v2", GroupBook.NOT_VOIDABLE), v.held());
        assertEquals(Map.of(), v.voidedBy());

        // the same void stamped before the close stands; a second void of the entry does not
        var earlyVoid = f("v3", OpType.GROUP_VOID, null, null, "f1", null, 0, 0);
        var twice = f("v4", OpType.GROUP_VOID, null, null, "f1", null, 0, 0);
        var reopen = f("r2", OpType.GROUP_MEETING_REOPEN, "m1", null, null, null, 0, 0);
        var reopenAgain = f("r3", OpType.GROUP_MEETING_REOPEN, "m1", null, null, null, 0, 0);
        GroupBook.Verdicts w = GroupBook.judge(java.util.List.of(open1, fine, earlyVoid, twice, close1, reopen,
                reopenAgain));
        assertEquals(Map.of("f1", "v3"), w.voidedBy());
        assertEquals(Map.of("v4", GroupBook.ALREADY_VOIDED, "r3", GroupBook.MEETING_NOT_CLOSED), w.held());

        // once the cycle is shared out, its entries stay as they were shared out
        var shareOut = f("so", OpType.GROUP_SHAREOUT, null, null, null, "2026-01-05", fine.amount(), 0);
        var afterShareOut = f("v5", OpType.GROUP_VOID, null, null, "f1", null, 0, 0);
        var expense = f("e1", OpType.GROUP_EXPENSE, "m1", null, null, null, 100, 0);
        assertEquals(Map.of("v5", GroupBook.CYCLE_SHARED_OUT, "e1", GroupBook.CYCLE_SHARED_OUT),
                GroupBook.judge(java.util.List.of(open1, fine, shareOut, afterShareOut, expense)).held());
    }

    @Test
    void correctionsAreCheckedAloneToo() {
        assertEquals(Optional.of(OpRules.MISSING_FIELD), reason(OpType.GROUP_VOID, OpData.builder().put("entry", M)
                .put("reason", " ").build()));
        assertEquals(Optional.empty(), reason(OpType.GROUP_GRANT, OpData.builder().put("meeting", M).put("member", M)
                .put("tx", T).put("amount", 100L).put("reason", "Flood").build()));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.GROUP_EXPENSE, OpData.builder().put("meeting", M)
                .put("tx", T).put("amount", 0L).put("memo", "Padlock").build()));
        assertEquals(Optional.of(OpRules.MISSING_FIELD), reason(OpType.GROUP_LOAN_WRITEOFF, OpData.builder()
                .put("meeting", M).put("loan", M).put("tx", T).put("amount", 10L).build()));
        assertEquals(Optional.of(OpRules.BAD_ID), reason(OpType.GROUP_MEETING_REOPEN, OpData.builder()
                .put("meeting", "m1").build()));
    }
}
