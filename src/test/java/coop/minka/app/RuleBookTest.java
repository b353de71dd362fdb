package coop.minka.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.Ids;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import coop.minka.store.OpStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The one rule book sits in the one place every local change goes through: an op that breaks
/// it is refused by `ChangeLog.Writer.append`, whatever code builds it, and nothing is written.
class RuleBookTest {
    @TempDir
    Path dir;

    @Test
    void appendRefusesAnInvalidOpAndWritesNothing() {
        try (Services s = Fixtures.sample(dir)) {
            Workspace ws = s.workspace();
            String cash = s.ledger().account("1000").id();
            String dues = s.ledger().account("4000").id();
            long before = ws.read(OpStore::count);
            String digest = ws.db().read(coop.minka.store.StateDump::digest);
            List<Map<String, Object>> attacks = List.of(
                    Map.of("date", "2026-03-01", "memo", "x", "postings", List.of(
                            Map.of("account", cash, "amount", Long.MAX_VALUE),
                            Map.of("account", dues, "amount", Long.MAX_VALUE),
                            Map.of("account", dues, "amount", 2L))),
                    Map.of("date", "+10000-01-01", "memo", "x", "postings", List.of(
                            Map.of("account", cash, "amount", 5L), Map.of("account", dues, "amount", -5L))),
                    Map.of("date", "2026-03-01", "memo", "x", "postings", List.of(
                            Map.of("account", cash, "amount", 5L), Map.of("account", dues, "amount", -4L))));
            for (Map<String, Object> data : attacks) {
                MinkaException e = assertThrows(MinkaException.class, () -> ws.write(w -> {
                    w.append(OpType.TX_POST, Ids.newId(), OpData.of(Map.of("date", "2026-03-02", "memo", "fine",
                            "postings", List.of(Map.of("account", cash, "amount", 1L),
                                    Map.of("account", dues, "amount", -1L)))));
                    return w.append(OpType.TX_POST, Ids.newId(), OpData.of(data));
                }));
                assertEquals(ErrorCode.INVALID_ENTRY, e.code(), data.toString());
            }
            MinkaException fixed = assertThrows(MinkaException.class, () -> ws.write(w -> w.append(
                    OpType.ACCOUNT_UPDATE, cash, OpData.of(Map.of("type", "income")))));
            assertEquals(List.of("fixed-field", "type"), fixed.args());
            assertEquals(before, ws.read(OpStore::count), "the valid op before it was rolled back too");
            assertEquals(digest, ws.db().read(coop.minka.store.StateDump::digest));
        }
    }

    @Test
    void aRefusedKindOfChangeIsNamedInWordsNotByItsCode() {
        MinkaException e = new MinkaException(ErrorCode.NOT_ALLOWED, "Juana", "account.add");
        String es = ErrorMessages.message(e, Locale.forLanguageTag("es"));
        assertTrue(es.contains("Juana") && !es.contains("account.add"), es);
        assertTrue(ErrorMessages.message(e, Locale.ENGLISH).contains("(account added)"),
                ErrorMessages.message(e, Locale.ENGLISH));
    }

    @Test
    void theReasonIsToldInThePersonsLanguage() {
        MinkaException e = new MinkaException(ErrorCode.INVALID_ENTRY, "fixed-field", "type");
        assertTrue(ErrorMessages.message(e, Locale.ENGLISH).contains("an account's code or type"),
                ErrorMessages.message(e, Locale.ENGLISH));
        assertTrue(ErrorMessages.message(e, Locale.forLanguageTag("es")).contains("el código o tipo de una cuenta"));
        assertTrue(ErrorMessages.message(e, Locale.FRENCH).contains("le code ou le type d'un compte"));
        assertTrue(ErrorMessages.message(e, Locale.forLanguageTag("pt")).contains("o código ou tipo de uma conta"));
        for (String reason : coop.minka.domain.OpRules.REASONS) {
            for (String lang : List.of("en", "es", "fr", "pt")) {
                String text = ErrorMessages.invalidReason(reason, Locale.forLanguageTag(lang));
                assertTrue(!text.equals(reason) && !text.contains("''"), reason + " in " + lang + ": " + text);
            }
        }
    }

    @Test
    void servicesAndTheRuleBookAgreeOnDates() {
        try (Services s = Fixtures.sample(dir)) {
            for (String bad : List.of("+10000-01-01", "0000-01-01", "-0001-01-01", "2026-02-30")) {
                assertEquals(ErrorCode.BAD_DATE, assertThrows(MinkaException.class, () -> Texts.date(bad)).code(), bad);
            }
            assertEquals(ErrorCode.BAD_DATE, assertThrows(MinkaException.class, () -> s.ledger().post(
                    java.time.LocalDate.of(10000, 1, 1), "x", null, List.of(new LedgerService.Line("1000", "5"),
                            new LedgerService.Line("4000", "-5")))).code());
            assertEquals(ErrorCode.BAD_DATE, assertThrows(MinkaException.class, () -> s.work().add(
                    new WorkService.Entry("Ana", java.time.LocalDate.of(0, 1, 1), "2", "KITCHEN", null, null))).code());
        }
    }
}
