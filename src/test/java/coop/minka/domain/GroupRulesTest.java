package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
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
}
