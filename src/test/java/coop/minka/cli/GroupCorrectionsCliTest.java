package coop.minka.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// Corrections through `minka group …` (design notes 36): entries, void, reopen, grant, expense,
/// loan write-off, each with `--json`, and refusals in one plain line with nothing written.
class GroupCorrectionsCliTest {
    @TempDir
    Path dir;

    @Test
    void correctionsThroughTheCommandLine() {
        CliRunner cli = new CliRunner(dir.resolve("coop.db"));
        cli.ok("init", "--name", "Grupo Flor", "--currency", "BOB", "--replica", "Village A");
        for (String name : List.of("Ana Quispe", "Rosa Condori")) {
            cli.ok("member", "add", "--name", name);
        }
        cli.ok("group", "cycle", "start", "--start", "2026-01-01", "--share-price", "10.00", "--max-shares", "5",
                "--social-fund", "2.00", "--interest", "10", "--interest-method", "flat", "--fine", "late=5.00");
        cli.ok("group", "meeting", "open", "--date", "2026-01-05");
        for (String m : List.of("Ana", "Rosa")) {
            cli.ok("group", "shares", "--member", m, "--count", "5");
            cli.ok("group", "social-fund", "--member", m);
        }
        cli.ok("group", "fine", "--member", "Rosa", "--kind", "late");
        JsonNode entries = cli.run("group", "entries", "--json").json();
        String fine = null;
        for (JsonNode e : entries) {
            if (e.get("type").asString().equals("group.fine")) {
                fine = e.get("id").asString();
            }
        }
        JsonNode voided = cli.run("group", "void", fine, "--reason", "She was on time", "--json").json();
        assertTrue(voided.get("voided").asBoolean());
        assertEquals("5.00", voided.get("amount").asString());

        String loan = cli.ok("group", "loan", "issue", "--member", "Ana", "--amount", "30.00", "--term-months", "1")
                .strip();
        cli.ok("group", "loan", "repay", loan, "--amount", "13.00");
        JsonNode off = cli.run("group", "loan", "write-off", loan, "--reason", "Assembly decision", "--json").json();
        assertEquals("20.00", off.get("writtenOff").asString());
        assertEquals("0.00", off.get("principalOwed").asString());
        assertEquals("4.50", cli.run("group", "expense", "--amount", "4.50", "--memo", "Padlock", "--json").json()
                .get("amount").asString());
        CliRunner.Result over = cli.run("group", "grant", "--member", "Rosa", "--amount", "4.01", "--reason", "Flood");
        assertEquals(2, over.exit(), over.err());
        assertTrue(over.err().contains("more than the social fund holds (4.00)"), over.err());
        String grant = cli.ok("group", "grant", "--member", "Rosa", "--amount", "1.00", "--reason", "Flood");
        assertTrue(grant.contains("3.00"), grant);

        JsonNode close = cli.run("group", "meeting", "close", "--counted", "81.50", "--json").json();
        assertEquals("81.50", close.get("expected").asString(), "100 + 4 − 30 + 13 − 4.50 − 1");
        CliRunner.Result closed = cli.run("group", "void", fine, "--reason", "again");
        assertEquals(2, closed.exit(), closed.err());
        JsonNode reopened = cli.run("group", "meeting", "reopen", "--json").json();
        assertEquals(false, reopened.get("closed").asBoolean());
        cli.ok("group", "meeting", "close", "--counted", "81.50");

        JsonNode preview = cli.run("group", "share-out", "--json").json();
        assertEquals("78.50", preview.get("distributable").asString(), "100 + 3 − 20 − 4.50");
        assertEquals("20.00", preview.get("writeOffs").asString());
        assertEquals("4.50", preview.get("expenses").asString());
        assertEquals("3.00", preview.get("socialFund").asString());
        assertTrue(cli.ok("verify").toLowerCase(java.util.Locale.ROOT).contains("ok"));
    }
}
