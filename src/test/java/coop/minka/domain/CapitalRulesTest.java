package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// The rule book judges the capital entries alone (design notes 35): shares and amounts, a
/// transfer between two members, and an allocation whose parts are what its own figures give.
class CapitalRulesTest {
    static final String E = "019a0000-0000-7000-8000-000000000001";
    static final String M = "019a0000-0000-7000-8000-0000000000b1";
    static final String N = "019a0000-0000-7000-8000-0000000000b2";
    static final String T = "019a0000-0000-7000-8000-0000000000c1";

    private static Optional<String> reason(String type, OpData data) {
        return OpRules.check(type, E, data).map(OpRules.Violation::reason);
    }

    private static OpData with(OpData d, String key, Object value) {
        Map<String, Object> m = new TreeMap<>(d.asMap());
        m.put(key, value);
        return OpData.of(m);
    }

    @Test
    void registerEntriesAreCheckedAlone() {
        OpData sub = OpData.builder().put("member", M).put("shares", 3L).put("price", 1000L).put("amount", 3000L)
                .put("date", "2026-01-10").put("tx", T).build();
        assertEquals(Optional.empty(), reason(OpType.CAPITAL_SUBSCRIBE, sub));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.CAPITAL_SUBSCRIBE, with(sub, "amount", 2999L)));
        assertEquals(Optional.of(CapitalRegister.BAD_SHARES), reason(OpType.CAPITAL_SUBSCRIBE, with(sub, "shares", 0L)));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.CAPITAL_SUBSCRIBE,
                with(with(sub, "shares", 1_000_000L), "price", Long.MAX_VALUE / 2)));
        assertEquals(Optional.of(OpRules.MISSING_FIELD), reason(OpType.CAPITAL_REDEEM, with(sub, "tx", null)));
        assertEquals(Optional.of(OpRules.BAD_DATE), reason(OpType.CAPITAL_REDEEM, with(sub, "date", "2026-02-30")));
        assertEquals(Optional.of(OpRules.MISSING_FIELD), reason(OpType.CAPITAL_TRANSFER, sub));
        assertEquals(Optional.empty(), reason(OpType.CAPITAL_TRANSFER, with(sub, "to", N)));
        assertEquals(Optional.of(CapitalRegister.SAME_MEMBER), reason(OpType.CAPITAL_TRANSFER, with(sub, "to", M)));
        OpData pay = OpData.builder().put("member", M).put("amount", 500L).put("date", "2026-01-10").put("tx", T)
                .build();
        assertEquals(Optional.empty(), reason(OpType.CAPITAL_PAY, pay));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.CAPITAL_PAY, with(pay, "amount", 0L)));
        for (String r : List.of(CapitalRegister.BAD_SHARES, CapitalRegister.SAME_MEMBER,
                CapitalRegister.ALLOCATION_MISMATCH)) {
            assertEquals(true, OpRules.REASONS.contains(r), r);
        }
    }

    @Test
    void anAllocationMustAddUpToTheMinorUnit() {
        SurplusAllocation a = SurplusAllocation.compute(70001, 3000, 500, 4000, SurplusAllocation.Basis.WORK,
                List.of(new SurplusAllocation.Weight(M, 3000), new SurplusAllocation.Weight(N, 1500)));
        List<Map<String, Object>> members = a.members().stream().map(x -> Map.<String, Object>of("member",
                x.member(), "weight", x.weight(), "cash", x.cash(), "retained", x.retained())).toList();
        OpData ok = OpData.builder().put("year", 2025L).put("date", "2026-01-10").put("basis", "work")
                .put("surplus", 70001L).put("reserveBp", 3000L).put("educationBp", 500L).put("cashBp", 4000L)
                .put("reserve", a.reserve()).put("education", a.education()).put("members", members).put("tx", T)
                .build();
        assertEquals(Optional.empty(), reason(OpType.SURPLUS_ALLOCATE, ok));
        assertEquals(Optional.of(CapitalRegister.ALLOCATION_MISMATCH),
                reason(OpType.SURPLUS_ALLOCATE, with(ok, "reserve", a.reserve() + 1)));
        List<Map<String, Object>> greedy = List.of(Map.of("member", M, "weight", 3000L, "cash",
                a.members().get(0).cash() + 1, "retained", a.members().get(0).retained()), members.get(1));
        assertEquals(Optional.of(CapitalRegister.ALLOCATION_MISMATCH),
                reason(OpType.SURPLUS_ALLOCATE, with(ok, "members", greedy)));
        assertEquals(Optional.of(CapitalRegister.ALLOCATION_MISMATCH),
                reason(OpType.SURPLUS_ALLOCATE, with(ok, "members", List.of(members.get(0), members.get(0)))));
        assertEquals(Optional.of(OpRules.BAD_CHOICE), reason(OpType.SURPLUS_ALLOCATE, with(ok, "basis", "luck")));
        assertEquals(Optional.of(OpRules.BAD_AMOUNT), reason(OpType.SURPLUS_ALLOCATE, with(ok, "cashBp", 10001L)));
    }
}
