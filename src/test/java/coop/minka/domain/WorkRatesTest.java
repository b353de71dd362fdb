package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// Rates from a date on: the one valuation function and the rule book's lines for them.
class WorkRatesTest {
    private static final String ID = "018f2b6e-1c2d-7a3b-8c4d-5e6f7a8b9c0d";

    @Test
    void theRateInEffectOnADay() {
        var dated = new TreeMap<LocalDate, Long>(Map.of(LocalDate.of(2026, 4, 1), 1500L, LocalDate.of(2026, 7, 1), 0L));
        WorkCategory c = new WorkCategory(ID, "K", "Kitchen", 1000L, WorkKind.CARE, dated);
        assertEquals(1000L, c.rateOn(LocalDate.of(2026, 3, 31)));
        assertEquals(1500L, c.rateOn(LocalDate.of(2026, 4, 1)));
        assertEquals(1500L, c.rateOn(LocalDate.of(2026, 6, 30)));
        assertEquals(0L, c.rateOn(LocalDate.of(2026, 7, 1)));
        assertEquals(1000L, c.rateOn(null), "no date: the rate from the beginning");
        assertEquals(2500, c.valueOn(LocalDate.of(2026, 3, 1), 150));
        assertEquals(3750, c.valueOn(LocalDate.of(2026, 5, 1), 150));
        assertEquals(0, c.valueOn(LocalDate.of(2026, 8, 1), 150));
        assertEquals(17, WorkCategory.value(1, 1000L), "rounded half up: 16.67");
        assertEquals(0, WorkCategory.value(60, null));
        WorkCategory none = new WorkCategory(ID, "K", "Kitchen", null, WorkKind.CARE);
        assertNull(none.rateOn(LocalDate.of(2026, 1, 1)));
        assertTrue(none.rateHistory().isEmpty());
    }

    @Test
    void dateKeys() {
        assertEquals("rate@2026-04-01", WorkCategory.rateKey(LocalDate.of(2026, 4, 1)));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), WorkCategory.rateKeyDate("rate@2026-04-01"));
        assertEquals(Optional.empty(), WorkCategory.rateKeyDate("rate@26-04-01"));
        assertEquals(Optional.empty(), WorkCategory.rateKeyDate("rate"));
        assertEquals(Map.of(LocalDate.of(2026, 4, 1), 5L),
                WorkCategory.ratesIn(Map.of("rate", 1L, "rate@2026-04-01", 5L, "name", "x")));
    }

    @Test
    void theRuleBookChecksDatedRates() {
        assertEquals(Optional.empty(), check(OpData.builder().put("rate@2026-04-01", 1500L).build()));
        assertEquals(Optional.empty(), check(OpData.builder().put("rate@2026-04-01", 0L).build()));
        assertEquals(Optional.empty(), check(OpData.builder().put("rate", 1500L).build()), "an old undated rate");
        assertEquals(OpRules.BAD_AMOUNT, check(OpData.builder().put("rate@2026-04-01", -1L).build()).orElseThrow().reason());
        assertEquals(OpRules.BAD_AMOUNT, check(OpData.builder().put("rate@2026-04-01", OpRules.MAX_AMOUNT + 1).build())
                .orElseThrow().reason());
        assertEquals(OpRules.WRONG_KIND, check(OpData.builder().put("rate@2026-04-01", "15").build()).orElseThrow().reason());
        for (String bad : new String[] {"rate@26-04-01", "rate@+10000-01-01", "rate@2026-02-30", "rate@0000-01-01",
                "rate@", "rate@1899-12-31"}) {
            assertEquals(OpRules.BAD_DATE, check(OpData.builder().put(bad, 1L).build()).orElseThrow().reason(), bad);
        }
        assertEquals(Optional.empty(), OpRules.check(OpType.CATEGORY_ADD, ID, OpData.builder().put("code", "K")
                .put("name", "Kitchen").put("rate@2026-04-01", 1500L).build()));
    }

    private static Optional<OpRules.Violation> check(OpData data) {
        return OpRules.check(OpType.CATEGORY_UPDATE, ID, data);
    }
}
