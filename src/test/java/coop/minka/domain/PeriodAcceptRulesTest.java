package coop.minka.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/// `period.accept` (design notes 23) in the rule book: it names the accepted entry by its hash.
class PeriodAcceptRulesTest {
    @Test
    void anAcceptanceNamesTheEntryByItsHash() {
        String h = "ab".repeat(32);
        assertTrue(OpRulesTest.check(OpType.PERIOD_ACCEPT, Map.of("entry", h)).isEmpty());
        assertTrue(OpRulesTest.check(OpType.PERIOD_ACCEPT, Map.of("entry", h, "note", "kept")).isEmpty());
        assertEquals(OpRules.MISSING_FIELD, OpRulesTest.check(OpType.PERIOD_ACCEPT, Map.of()).orElseThrow().reason());
        assertEquals(OpRules.BAD_HASH, OpRulesTest.check(OpType.PERIOD_ACCEPT, Map.of("entry", "AB")).orElseThrow().reason());
        assertEquals(OpRules.BAD_TEXT, OpRulesTest.check(OpType.PERIOD_ACCEPT, Map.of("entry", h, "note", "a\0b"))
                .orElseThrow().reason());
    }
}
