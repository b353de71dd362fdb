package coop.minka.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.minka.domain.ErrorCode;
import coop.minka.domain.MinkaException;
import coop.minka.domain.OpData;
import coop.minka.domain.OpType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The cooperative's details: name and languages change and sync; the currency, fixed once the
/// books hold money, is refused when typed and held invalid when imported (design notes 25).
class CoopDetailsTest {
    @TempDir
    Path tmp;

    @Test
    void nameAndLanguagesSyncAndTheCurrencyStaysFixed() {
        try (TestCoop coop = TestCoop.found(tmp, "b")) {
            Village a = coop.a();
            Village b = coop.get("b");
            var before = a.s.cooperative().show();
            assertTrue(a.s.cooperative().hasMoney());
            var after = a.s.cooperative().update("Cooperativa Flor de Mayo", " ES, qu ", null);
            assertEquals("Cooperativa Flor de Mayo", after.name());
            assertEquals("es,qu", after.languages());
            long ops = a.opCount();
            a.s.cooperative().update("Cooperativa Flor de Mayo", "es,qu", before.currency().getCurrencyCode());
            assertEquals(ops, a.opCount(), "nothing changed, nothing written");
            var e = assertThrows(MinkaException.class, () -> a.s.cooperative().update(null, null, "EUR"));
            assertEquals(ErrorCode.CURRENCY_AFTER_MONEY, e.code());
            assertEquals(ErrorCode.INVALID_ENTRY, assertThrows(MinkaException.class,
                    () -> a.s.cooperative().update(null, "not a language!", null)).code());
            b.sync.importBundle(a.exportFull(coop.dir()));
            assertEquals("Cooperativa Flor de Mayo", b.s.cooperative().show().name());
            assertEquals("es,qu", b.s.cooperative().show().languages());

            // a laptop that writes the currency anyway: held invalid on arrival, nothing changes
            var chain = coop.admittedHostile("Laptop h");
            var bad = chain.append(OpType.COOP_UPDATE, coop.coopId, OpData.builder().put("currency", "EUR").build());
            a.sync.importBundle(coop.forgedAll(chain));
            TestCoop.assertHeldInvalid(a, bad);
            assertEquals(before.currency(), a.s.cooperative().show().currency());
            assertFalse(a.s.cooperative().show().currency().getCurrencyCode().equals("EUR"));
        }
    }
}
