package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `minka period late|accept` (with `tx void` for a late entry) between two laptops, and
/// `minka coop show|update`.
class PeriodAndCoopCliTest {
    @TempDir
    Path dir;

    @Test
    void lateEntriesAreListedAcceptedAndVoidedFromTheCommandLine() throws Exception {
        CliRunner a = new CliRunner(dir.resolve("a.db"));
        a.ok("init", "--name", "Flor", "--currency", "BOB", "--replica", "A");
        a.ok("account", "add", "--code", "1000", "--name", "Cash", "--type", "asset");
        a.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        Path stick = dir.resolve("stick");
        java.nio.file.Files.createDirectories(stick);
        String exp = a.ok("sync", "export", "--out", stick.toString(), "--full", "--json");
        String full = java.util.regex.Pattern.compile("\"file\" : \"([^\"]+)\"").matcher(exp).results().findFirst()
                .orElseThrow().group(1);
        CliRunner b = new CliRunner(dir.resolve("b.db"));
        String key = dir.resolve("recovery.txt").toString();
        a.ok("security", "recovery-key", "--out", key);
        b.ok("join", "--from", full, "--replica", "B", "--recovery-key", key);
        b.ok("sync", "folder", stick.toString());
        a.ok("sync", "folder", stick.toString());
        a.ok("sync", "admit", "B");
        String one = b.ok("tx", "add", "--date", "2026-01-10", "--memo", "Twice", "--post", "1000=5", "--post", "4000=-5");
        String two = b.ok("tx", "add", "--date", "2026-01-11", "--memo", "Fine", "--post", "1000=7", "--post", "4000=-7");
        a.ok("period", "close", "--to", "2026-01-31");
        b.ok("sync", "folder", stick.toString());
        a.ok("sync", "folder", stick.toString());

        JsonNode late = a.run("period", "late", "--json").json();
        assertEquals(2, late.size(), late.toString());
        String wrong = late.get(0).get("id").asString();
        String fine = late.get(1).get("id").asString();
        assertTrue(a.ok("period", "late").contains("period accept"));
        assertTrue(a.ok("period", "accept", fine).contains("Accepted"));
        a.ok("tx", "void", wrong, "--reason", "typed twice");
        late = a.run("period", "late", "--json").json();
        for (JsonNode e : late) {
            assertEquals(e.get("id").asString().equals(fine) ? "accepted" : "voided", e.get("status").asString());
        }
        var refused = a.run("period", "accept", "ffffffff-0000");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("not a late entry"), refused.err());
        assertTrue(a.ok("--lang", "es", "period", "late").contains("aceptada"));
        assertTrue(one.length() > 0 && two.length() > 0);
    }

    @Test
    void coopShowAndUpdate() {
        CliRunner c = new CliRunner(dir.resolve("c.db"));
        c.ok("init", "--name", "Flor", "--currency", "BOB", "--replica", "A");
        assertTrue(c.ok("coop", "show").contains("Flor"));
        JsonNode j = c.run("coop", "update", "--name", "Flor de Mayo", "--languages", "es,qu", "--json").json();
        assertEquals("Flor de Mayo", j.get("name").asString());
        assertEquals("es,qu", j.get("languages").asString());
        // before any money the currency may change, even to one with other decimals
        j = c.run("coop", "update", "--currency", "jpy", "--json").json();
        assertEquals("JPY", j.get("currency").asString());
        assertEquals(false, j.get("currencyFixed").asBoolean());
        var unknown = c.run("coop", "update", "--currency", "XYZ1");
        assertEquals(2, unknown.exit());
        assertEquals("JPY", c.run("coop", "show", "--json").json().get("currency").asString());
        c.ok("coop", "update", "--currency", "BOB");
        c.ok("account", "add", "--code", "1000", "--name", "Cash", "--type", "asset");
        c.ok("account", "add", "--code", "4000", "--name", "Dues", "--type", "income");
        c.ok("tx", "add", "--date", "2026-01-10", "--memo", "Dues", "--post", "1000=5", "--post", "4000=-5");
        var r = c.run("coop", "update", "--currency", "EUR");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("currency cannot be changed from BOB to EUR"), r.err());
        assertTrue(r.err().contains("before the first transaction"), r.err());
        assertEquals("BOB", c.run("coop", "show", "--json").json().get("currency").asString());
        assertTrue(c.run("coop", "show", "--json").json().get("currencyFixed").asBoolean());
        var es = c.run("--lang", "es", "coop", "update", "--currency", "EUR");
        assertEquals(2, es.exit());
        assertTrue(es.err().contains("La moneda no se puede cambiar"), es.err());
    }
}
